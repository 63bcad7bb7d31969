"""Fuzz the builder: generated hostile inputs through ingest, the real spaCy
pipeline, extraction, resolution, RDF writing, re-parsing and SHACL.

    python bench/fuzz.py                  # 10,000 inputs
    python bench/fuzz.py -n 500 --seed 7  # a quick run
    python bench/fuzz.py --big            # also: a 50 MB article through `kg build`
    python bench/fuzz.py --many 100000    # also: 100,000 tiny article files through `kg build`

An input is one file (.txt, .html, .jsonl, or one line of a .jsonl). Each is
read on its own (some from inside a nested folder, so that their ids are
paths); a bad input must be reported as an ``IngestError`` (a "skip", or an
``IngestWarning`` for a lossy decode), never raise anything else. The
articles then go through NLP and extraction as the build runs them
(``kg.build.engines.extract_with``: long articles in parts, here of at most
--part-chars characters so that many are split), and every evidence's
offsets must point at its sentence in the article's text. Every chunk of
inputs is then resolved into one graph that must serialise to Turtle and
N-Triples, parse back (rdflib, and ``rapper`` when installed) to the same
triples, and conform to the shapes. A "crash" is any input or chunk that
raised, produced an invalid graph or offsets that miss their sentence.
Prints how many inputs were tried and how many crashed; exits 1 if any did.

Input classes: text in many encodings (UTF-8/16/32 with and without BOM,
Latin-1, cp1252, EUC-KR, windows-949, Shift_JIS, GB18030, Big5, windows-1251),
HTML with bombs, scripts, deep nesting, declared charsets (right, wrong,
bogus) and hidden elements, JSON Lines with malformed and mistyped lines,
numbers of thousands of digits, arrays nested 100,000 deep and over-long
lines, bidirectional controls and emoji joined by zero-width joiners, long
articles, random bytes, and byte-level mutations of all of these.
"""
from __future__ import annotations

import argparse
import codecs
import json
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rdflib import Graph  # noqa: E402

import kg.build.parts  # noqa: E402
import kg.ingest  # noqa: E402
from kg.build.engines import extract_with  # noqa: E402
from kg.export import serialize  # noqa: E402
from kg.ingest import IngestError, IngestWarning, iter_articles  # noqa: E402
from kg.nlp import load_pipeline  # noqa: E402
from kg.rdf import to_rdf  # noqa: E402
from kg.resolve import resolve  # noqa: E402
from kg.validate import validate  # noqa: E402

HOSTILE = json.loads((Path(__file__).resolve().parent.parent / "tests" / "data" / "hostile.json").read_text())
PIECES = HOSTILE["pieces"] + [
    "\u202eevil\u202c", "\u2066Lee\u2069", "\u200fMin\u200e", "\u061c",  # bidirectional controls
    "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\U0001f3f3\ufe0f\u200d\U0001f308",  # emoji joined by ZWJ
    "\U0001f469\U0001f3fd\u200d\U0001f4bb", "Jen\u200dnie", "\u200d", "\ufe0f",
]
TEMPLATES = HOSTILE["templates"]
# Encodings a news archive holds; the text is encoded with "replace" where it cannot be.
ENCODINGS = ["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "latin-1", "cp1252",
             "euc-kr", "cp949", "shift_jis", "gb18030", "big5", "cp1251"]
LABELS = ["utf-8", "latin-1", "bogus", "utf-16", "EUC-KR", "ks_c_5601-1987", "Shift_JIS", "x-sjis", "gb2312", "big5",
          "windows-1251", "rot13", "utf-32"]
KOREAN = ["\ubc29\ud0c4\uc18c\ub144\ub2e8", "\uc544\uc774\uc720", "\uc0c8 \uc568\ubc94",
          "\uba5c\ub860 \ucc28\ud2b8 1\uc704", "\ub4dc\ub77c\ub9c8", "\ub620\ubc29\uac01\ud558"]


class Generator:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)

    def piece(self) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.7:
            return rng.choice(PIECES)
        if roll < 0.97:
            return "".join(chr(rng.choice([rng.randrange(32, 127), rng.randrange(0x80, 0x800),
                                           rng.randrange(0xAC00, 0xD7A4), rng.randrange(0x1F300, 0x1FAFF),
                                           rng.randrange(1, 0x110000)])) for _ in range(rng.randrange(1, 6)))
        if roll < 0.985:
            return "\x00"
        return "".join(chr(rng.randrange(0xD800, 0xE000)) for _ in range(rng.randrange(1, 3)))  # surrogates

    def name(self) -> str:
        return " ".join(self.piece() for _ in range(self.rng.randrange(1, 4)))

    def sentence(self) -> str:
        rng = self.rng
        return rng.choice(TEMPLATES).format(p=self.name(), q=self.name(), t=self.name(), t2=self.name(),
                                            n=rng.randrange(0, 300), d=rng.randrange(0, 40),
                                            r=f"{rng.randrange(0, 120)}.{rng.randrange(0, 10)}")

    def text(self) -> str:
        rng = self.rng
        return "".join(self.sentence() + rng.choice([" ", "\n", "\n\n", "\r\n", "  "])
                       for _ in range(rng.randrange(0, 8)))

    def encode(self, text: str, encoding: str | None = None) -> bytes:
        rng = self.rng
        encoding = encoding or rng.choice(ENCODINGS)
        if rng.random() < 0.2:
            text = " ".join(rng.choice(KOREAN) for _ in range(rng.randrange(1, 6))) + " " + text
        data = text.encode(encoding, errors="surrogatepass" if encoding.startswith("utf") else "replace")
        if encoding == "utf-16-le":
            data = codecs.BOM_UTF16_LE + data
        return data

    def long_text(self) -> str:
        """An article over the build's part size: many sentences, in paragraphs or not, or tiny ones."""
        rng = self.rng
        size = rng.randrange(kg.build.parts.PART_CHARS, 4 * kg.build.parts.PART_CHARS)
        if rng.random() < 0.3:
            return "Ab c. " * (size // 6)
        parts, total = [], 0
        while total < size:
            part = self.sentence() + rng.choice([" ", " ", "\n", "\n\n"])
            parts.append(part)
            total += len(part)
        return "".join(parts).replace("\x00", "")  # so many pieces hold a NUL somewhere: it would be binary

    def html(self) -> str:
        rng = self.rng
        depth = rng.choice([0, 1, 5, 50, 300, 3000])
        parts = []
        if rng.random() < 0.3:
            parts.append('<!DOCTYPE html [<!ENTITY a "' + "A" * rng.randrange(1, 50) + '"><!ENTITY b "&a;&a;&a;&a;">'
                         '<!ENTITY ext SYSTEM "http://198.51.100.7/x">]>')
        parts.append(f"<html><head><title>{self.name()}</title>")
        if rng.random() < 0.5:
            parts.append(rng.choice(["<meta charset='{}'>", '<meta http-equiv="Content-Type" content="text/html; '
                                     'charset={}">', '<?xml version="1.0" encoding="{}"?>']).format(rng.choice(LABELS)))
        if rng.random() < 0.5:
            parts.append(f'<meta property="article:published_time" content="{self.name()}">')
        parts.append("<script>" + self.name() * rng.randrange(1, 20) + "</script><style>p{}</style></head><body>")
        parts.append("<div>" * depth)
        for _ in range(rng.randrange(0, 6)):
            parts.append(rng.choice(["<p>{}</p>", "<article><h1>{}</h1>", "<!-- {} -->", "<![CDATA[{}]]>",
                                     "<script>{}</script>", "<p>{} &b; &ext; &#x0; &amp;", "<li>{}",
                                     "<p hidden>{}</p>", "<div style='display: none'>{}</div>",
                                     "<span style=\"VISIBILITY:hidden\">{}</span>", "<p hidden=until-found>{}</p>",
                                     "<p hidden><b>{}</b> tail</p>"]).format(self.text()))
        if rng.random() < 0.7:
            parts.append("</div>" * depth + "</body></html>")
        return "".join(parts)

    def jsonl(self) -> list[str]:
        rng = self.rng
        lines = []
        for _ in range(rng.randrange(1, 6)):
            roll = rng.random()
            if roll < 0.7:
                record = {"id": self.name(), "title": self.name(), "text": self.text()}
                for key in ("url", "date"):
                    if rng.random() < 0.5:
                        record[key] = rng.choice([self.name(), "2023-01-05", "https://example.com/" + self.name(),
                                                  "2023-02-30", "9999-12-31T23:59:59+14:00"])
                if rng.random() < 0.1:
                    record[rng.choice(["id", "text", "title", "date"])] = rng.choice([None, 5, [], {}, True, 1e308])
                line = json.dumps(record, ensure_ascii=rng.random() < 0.5)
            elif roll < 0.8:
                line = rng.choice(["{", "[]", "null", "1", '"x"', '{"id": "a"', "\x00\x01", "{}" * 3])
            elif roll < 0.85:  # what Python's json cannot take, and lines over the limit
                line = rng.choice([
                    '{"id": "big", "text": "x", "n": ' + "9" * rng.randrange(4000, 6000) + "}",
                    '{"id": "deep", "text": "x", "n": ' + "[" * 100_000 + "]" * 100_000 + "}",
                    '{"id": "deep", "n": ' + "{\"a\": " * 50_000 + "1" + "}" * 50_000 + "}",
                    json.dumps({"id": self.name(), "text": "x" * (kg.ingest.MAX_LINE_BYTES + rng.randrange(0, 9))}),
                    '{"id": "inf", "text": "x", "n": 1e999999}'])
            else:
                line = self.name()
            lines.append(line)
        return lines

    def mutate(self, data: bytes) -> bytes:
        rng = self.rng
        data = bytearray(data)
        for _ in range(rng.randrange(1, 8)):
            if not data:
                break
            i = rng.randrange(len(data))
            action = rng.random()
            if action < 0.4:
                data[i] = rng.randrange(256)
            elif action < 0.7:
                del data[i:i + rng.randrange(1, 20)]
            else:
                data[i:i] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 10)))
        return bytes(data)

    def input(self) -> tuple[str, bytes, int]:
        """(suffix, bytes, number of inputs it holds)."""
        rng = self.rng
        kind = rng.random()
        if kind < 0.02:
            suffix, data, count = ".txt", self.encode(self.name() + "\n" + self.long_text(), "utf-8"), 1
        elif kind < 0.35:
            suffix, data, count = ".txt", self.encode(self.name() + "\n" + self.text()), 1
        elif kind < 0.55:
            suffix, data, count = rng.choice([".html", ".htm"]), self.encode(self.html()), 1
        elif kind < 0.8:
            lines = self.jsonl()
            suffix, data, count = ".jsonl", self.encode("\n".join(lines)), len(lines)
        elif kind < 0.88:
            suffix, data, count = rng.choice([".txt", ".html", ".jsonl"]), bytes(
                rng.randrange(256) for _ in range(rng.randrange(0, 300))), 1
        else:
            suffix, data, count = rng.choice([".txt", ".html", ".jsonl"]), rng.choice(
                [b"", b" ", b"\n\n\t", b"\xef\xbb\xbf", b"\xff\xfe", b"\xff\xfe\x00"]), 1
        if rng.random() < 0.15:
            data = self.mutate(data)
        return suffix, data, count


# Where an input may sit in its input folder: its id is then this path and its name.
SUBFOLDERS = ["", "", "", "2019/", "2020/05/", "a b/", "..x/", "\ud55c\uad6d/", "\u202e/", ".hidden/"]


def offsets_problem(article, extraction) -> str | None:
    """Why an extraction's offsets miss the article's text, if they do."""
    size = len(article.text)
    for record in (*extraction.facts, *extraction.chart_entries, *extraction.ratings):
        e = record.evidence
        if article.text[e.start:e.end].strip() != e.sentence:
            return f"evidence {e.start}:{e.end} is {article.text[e.start:e.end][:60]!r}, not {e.sentence[:60]!r}"
        if e.context is not None and not 0 <= e.context[0] <= e.context[1] <= size:
            return f"context {e.context} outside the text ({size} characters)"
    for m in extraction.mentions:
        if not 0 <= m.start <= m.end <= size:
            return f"mention {m.start}:{m.end} outside the text ({size} characters)"
    return None


def fuzz(count: int, seed: int, chunk: int, keep: Path | None) -> int:
    nlp = load_pipeline()
    rapper = shutil.which("rapper")
    gen = Generator(seed)
    tried = files = articles = skipped = warned = parted = crashed = graphs = triples = 0
    started = time.monotonic()
    crashes: list[str] = []
    reasons: Counter = Counter()

    def crash(label: str, path: Path | None) -> None:
        nonlocal crashed
        crashed += 1
        crashes.append(f"{label}: {traceback.format_exc(limit=3).strip().splitlines()[-1]}")
        if len(crashes) <= 5:
            traceback.print_exc()
        if keep and path and path.exists():
            keep.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, keep / path.name)

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        while tried < count:
            extractions = []
            in_chunk = 0
            seen: set[str] = set()  # as in one build: a repeated article id is skipped
            while in_chunk < chunk and tried < count:
                suffix, data, holds = gen.input()
                box = folder / f"box{files:06d}"  # the input folder: the file's path in it is its id
                path = box / gen.rng.choice(SUBFOLDERS) / f"in{files:06d}{suffix}"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
                files += 1
                tried += holds
                in_chunk += holds
                errors: list[IngestError] = []
                try:
                    found = list(iter_articles([box if gen.rng.random() < 0.5 else path], errors.append))
                except Exception:  # noqa: BLE001 - counting crashes is the point
                    crash(f"ingest {path.name}", path)
                    shutil.rmtree(box)
                    continue
                warned += sum(isinstance(e, IngestWarning) for e in errors)
                skipped += sum(not isinstance(e, IngestWarning) for e in errors)
                reasons.update(re.sub(r"\s*[:(].*", "", e.reason) for e in errors if not isinstance(e, IngestWarning))
                # A reader that raised is reported, not crashed, by iter_articles;
                # the fuzz still counts it: it means a reader bug.
                for error in errors:
                    if "cannot read (" in str(error):
                        crashed += 1
                        crashes.append(str(error))
                fresh = []
                for article in found:
                    if article.id in seen:
                        skipped += 1
                        continue
                    seen.add(article.id)
                    fresh.append(article)
                for article in fresh:
                    try:
                        [outcome] = extract_with([article], nlp)  # as the build runs it: long ones in parts
                    except Exception:  # noqa: BLE001
                        crash(f"extract {path.name} {article.id!r}", path)
                        continue
                    if isinstance(outcome, str):  # an extraction failure the build reports and skips
                        crashed += 1
                        crashes.append(f"{path.name}: {outcome}")
                        continue
                    problem = offsets_problem(article, outcome)
                    if problem:
                        crashed += 1
                        crashes.append(f"{path.name} {article.id!r}: {problem}")
                        continue
                    parted += len(kg.build.parts.split(article)) > 1
                    extractions.append(outcome)
                    articles += 1
                shutil.rmtree(box)
            try:
                graph = to_rdf(resolve(extractions))
                expected = set(graph)
                for fmt in ("turtle", "nt"):
                    data = serialize(graph, fmt)
                    back = set(Graph().parse(data=data, format=fmt))
                    assert back == expected, (f"{fmt} does not round-trip: lost {sorted(expected - back)[:3]!r}, "
                                              f"gained {sorted(back - expected)[:3]!r}")
                    if rapper:
                        run = subprocess.run([rapper, "-q", "-c", "-i", "turtle" if fmt == "turtle" else "ntriples",
                                              "-", "https://example.org/"], input=data, capture_output=True)
                        assert run.returncode == 0, f"rapper rejects the {fmt}: {run.stderr[:300]!r}"
                report = validate(graph)
                assert report.conforms, report.render()[:2000]
                graphs += 1
                triples += len(graph)
            except Exception:  # noqa: BLE001
                crash(f"graph of inputs up to #{tried}", None)
            print(f"\r{tried:,} inputs, {articles:,} articles ({parted} in parts), {skipped:,} skipped, "
                  f"{warned:,} warned, {crashed} crashed "
                  f"({time.monotonic() - started:.0f}s)", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    print(f"fuzz: tried {tried:,} inputs in {files:,} files (seed {seed}): {articles:,} articles extracted "
          f"({parted} of them in parts of at most {kg.build.parts.PART_CHARS:,} characters), {skipped:,} skipped "
          f"with a reason, {warned:,} read with a warning, {crashed} crashed; {graphs} chunk graphs ({triples:,} triples) "
          f"parsed back{' (rdflib and rapper)' if rapper else ' (rdflib; rapper not installed)'} and conformed; "
          f"{time.monotonic() - started:.0f}s")
    print("skip reasons: " + ", ".join(f"{reason} {n:,}" for reason, n in reasons.most_common(10)))
    for line in crashes[:20]:
        print(f"  crash: {line}")
    return 1 if crashed else 0


def _kg_build(inputs: list[Path], out: Path) -> tuple[int, float, float, str]:
    """Run ``kg build``; returns exit status, seconds, peak RSS (MiB), stderr tail."""
    started = time.monotonic()
    run = subprocess.run([sys.executable, "-m", "kg", "build", *map(str, inputs), "-o", str(out)],
                         cwd=ROOT, capture_output=True, text=True)
    seconds = time.monotonic() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    lines = run.stderr.strip().splitlines()
    return run.returncode, seconds, peak, " | ".join([l for l in lines if l.startswith("skipped")][:3] or lines[-1:])


def big_article() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        huge = folder / "huge.txt"
        with huge.open("w", encoding="utf-8") as handle:
            handle.write("A 50 MB article\n")
            sentence = "Singer Ara's song \"Blue Hour\" ranked No. 1 on the Melon chart. "
            handle.write(sentence * (50 * 2**20 // len(sentence)))
        (folder / "small.txt").write_text("Nova Crew drops new single\nNova Crew released \"Lantern\".\n")
        code, seconds, peak, last = _kg_build([folder], folder / "g.ttl")
        print(f"50 MB article: exit {code} in {seconds:.1f}s, peak RSS {peak:.0f} MiB; {last}")


def many_files(count: int) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "in"
        for i in range(count):
            sub = folder / f"{i // 1000:03d}"
            if i % 1000 == 0:
                sub.mkdir(parents=True)
            (sub / f"a{i:06d}.txt").write_text(f"Singer Ara{i} returns\nSinger Ara{i}'s song \"Song {i}\" "
                                               f"ranked No. {i % 100 + 1} on the Melon chart.\n")
        code, seconds, peak, last = _kg_build([folder], Path(scratch) / "g.ttl")
        size = (Path(scratch) / "g.ttl").stat().st_size if (Path(scratch) / "g.ttl").exists() else 0
        print(f"{count:,} tiny article files: exit {code} in {seconds:.0f}s ({count / seconds:.0f} articles/s), "
              f"peak RSS {peak:.0f} MiB, output {size / 2**20:.1f} MiB; {last}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--inputs", type=int, default=10_000, help="inputs to generate (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--chunk", type=int, default=250, help="inputs resolved into one graph (default: %(default)s)")
    parser.add_argument("--keep", type=Path, help="copy the files that crashed into this folder")
    parser.add_argument("--big", action="store_true", help="also build a 50 MB article")
    parser.add_argument("--many", type=int, default=0, help="also build this many tiny article files")
    parser.add_argument("--part-chars", type=int, default=1500,
                        help="articles longer than this go through NLP in parts, as the build's long ones do "
                             f"(the build's: {kg.build.parts.PART_CHARS:,}; default: %(default)s, so that many do)")
    parser.add_argument("--line-bytes", type=int, default=1 << 16,
                        help="the .jsonl line limit, lowered so that over-long lines are cheap to make "
                             f"(the build's: {kg.ingest.MAX_LINE_BYTES:,}; default: %(default)s)")
    args = parser.parse_args()
    kg.build.parts.PART_CHARS = args.part_chars
    kg.ingest.MAX_LINE_BYTES = args.line_bytes
    status = fuzz(args.inputs, args.seed, args.chunk, args.keep) if args.inputs else 0
    if args.big:
        big_article()
    if args.many:
        many_files(args.many)
    return status


if __name__ == "__main__":
    sys.exit(main())
