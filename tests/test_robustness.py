"""Hostile input and failure: every bad input is one line naming the file and
the problem, the batch goes on, the exit status says what happened, and the
output is either the previous file or a complete, valid new one.

Exit status of ``kg build`` (README, "Hostile input and failure"): 0 all good, 1 graph
invalid (not written), 2 usage / output not writable, 3 written but inputs
skipped, 4 --strict stopped at a bad input (not written).
"""
from __future__ import annotations

import codecs
import json
import os
import signal
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

import kg.build
import kg.build.engines
from kg import cli
from kg.export import clean_stale_temps, write_atomic
from kg.ingest import MAX_ARTICLE_CHARS, IngestError, StopBatch, iter_articles, read_article
from kg.namespaces import KG, RDF
from kg.rdf import article_iri

from stopping import STOPPING_BUILD, reached  # tests/stopping.py

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def ingest(*inputs) -> tuple[list, list[str]]:
    errors: list[IngestError] = []
    articles = list(iter_articles(inputs, errors.append))
    return articles, [str(e) for e in errors]


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --- ingest: each kind of bad input --------------------------------------

def test_empty_whitespace_and_binary_files(tmp_path):
    empty = write(tmp_path / "empty.txt", b"")
    blank = write(tmp_path / "blank.jsonl", " \n\r\n\t  \n")
    image = write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    pdfish = write(tmp_path / "page.html", b"%PDF-1.4\n\x00\x01\x02\xff\xfe binary")
    good = write(tmp_path / "good.txt", "Headline\nBody.")
    articles, errors = ingest(empty, blank, image, pdfish, good)
    assert [a.id for a in articles] == ["good"]
    assert errors == [f"{empty}: empty article", f"{blank}: empty article",
                      f"{image}: binary file, not text", f"{pdfish}: binary file, not text"]


def test_encodings_invalid_utf8_utf16_bom_latin1(tmp_path):
    text = "Caf\u00e9 Seoul opens\nThe caf\u00e9 opened on Monday.\n"
    broken = write(tmp_path / "broken.txt", text.encode("utf-8") + b"\xff\xfe\xc3(\n")  # invalid UTF-8
    utf16 = write(tmp_path / "u16.txt", text.encode("utf-16"))
    utf16be = write(tmp_path / "u16be.jsonl", "\ufeff".encode("utf-16-be")
                    + json.dumps({"id": "be", "text": text}, ensure_ascii=False).encode("utf-16-be"))
    latin = write(tmp_path / "l1.txt", text.encode("latin-1"))
    chipped16 = write(tmp_path / "chipped16.txt", codecs.BOM_UTF16_LE + text.encode("utf-16-le") + b"\x00\xd8")
    bad16 = write(tmp_path / "bad16.txt", codecs.BOM_UTF16_LE + b"\x00\xd8" * 40)
    articles, errors = ingest(broken, utf16, utf16be, latin, chipped16, bad16)
    assert [a.title for a in articles] == ["Caf\u00e9 Seoul opens"] * 5
    assert [a.id for a in articles] == ["broken", "u16", "be", "l1", "chipped16"]
    assert articles[0].text.endswith("Monday.\n\ufffd\ufffd\ufffd(") and articles[-1].text.endswith("Monday.\n\ufffd")
    # A lossy decode is read, and said: one warning line per file.
    assert errors == [f"{broken}: not valid UTF-8: 3 undecodable byte sequences read as U+FFFD",
                      f"{chipped16}: not valid UTF-16: 1 undecodable byte sequence read as U+FFFD",
                      f"{bad16}: invalid UTF-16 text"]


KOREAN = ("\ubc29\ud0c4\uc18c\ub144\ub2e8 \uc0c8 \uc568\ubc94 \ubc1c\ub9e4",  # headline, then the body
          "\ubc29\ud0c4\uc18c\ub144\ub2e8\uc774 \uc0c8 \uc568\ubc94 'Proof'\ub97c \ubc1c\ub9e4\ud588\ub2e4. "
          "\uba5c\ub860 \ucc28\ud2b8 1\uc704\uc5d0 \uc62c\ub790\ub2e4.")
JAPANESE = ("\u65b0\u3057\u3044\u30a2\u30eb\u30d0\u30e0\u767a\u58f2",
            "\u4eca\u65e5\u3001\u30b0\u30eb\u30fc\u30d7\u306f\u65b0\u3057\u3044\u30a2\u30eb\u30d0\u30e0"
            "\u3092\u767a\u58f2\u3057\u307e\u3057\u305f\u3002")


def _page(meta: str, headline: str, body: str) -> str:
    return (f"<html><head>{meta}<title>{headline}</title></head><body><article><h1>{headline}</h1>"
            f"<p>{body}</p><p>{body}</p></article></body></html>")


def test_declared_and_detected_charsets_are_honoured(tmp_path):
    """EUC-KR and Shift_JIS pages (declared in <meta>), an EUC-KR and a
    windows-949 .txt (detected), Cyrillic in windows-1251: read as written,
    no U+FFFD, no warning."""
    ko, ja = KOREAN, JAPANESE
    files = [
        write(tmp_path / "ko-page.html", _page("<meta charset='EUC-KR'>", *ko).encode("euc-kr")),
        write(tmp_path / "ja-page.html", _page('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">',
                                               *ja).encode("shift_jis")),
        write(tmp_path / "ko-text.txt", "\n".join(ko).encode("euc-kr")),
        # windows-949 holds Hangul that EUC-KR has not (\ub620): a page labelled EUC-KR is read as it
        write(tmp_path / "ko-949.html", _page("<meta charset=euc-kr>", "\ub620" + ko[0], ko[1]).encode("cp949")),
        write(tmp_path / "ru.txt", "\u041d\u043e\u0432\u044b\u0439 \u0430\u043b\u044c\u0431\u043e\u043c\n"
                                   "BTS \u0432\u044b\u043f\u0443\u0441\u0442\u0438\u043b\u0438 "
                                   "\u0430\u043b\u044c\u0431\u043e\u043c.\n".encode("cp1251")),
    ]
    articles, errors = ingest(*files)
    assert errors == []
    assert [a.title for a in articles] == [ko[0], ja[0], ko[0], "\ub620" + ko[0],
                                           "\u041d\u043e\u0432\u044b\u0439 \u0430\u043b\u044c\u0431\u043e\u043c"]
    assert all(body in a.text for a, body in zip(articles, (ko[1], ja[1], ko[1], ko[1])))
    assert not any("\ufffd" in a.text for a in articles)


def test_a_lossy_decode_is_read_with_one_warning_line(tmp_path, kg_build):
    """An EUC-KR page cut in the middle of a character: the page is read as
    EUC-KR (not as UTF-8 with U+FFFD everywhere), the broken byte is said on
    one warning line, and the build exits 0 (nothing was skipped)."""
    folder = tmp_path / "in"
    page = _page("<meta charset='euc-kr'>", *KOREAN).encode("euc-kr")
    cut = write(folder / "cut.html", page[:page.rindex(b"</p>")] + b"\xb0</p></article></body></html>")
    write(folder / "good.txt", "Nova Crew returns\nNova Crew released \"Lantern\".")
    code, stdout, stderr = kg_build(folder, "-o", tmp_path / "g.ttl")
    assert code == 0, stderr
    assert stderr.splitlines() == [f"warning: {cut}: not valid cp949 (the charset the page declares): "
                                   f"1 undecodable byte sequence read as U+FFFD"]
    labels = {str(o) for o in Graph().parse(tmp_path / "g.ttl").objects(None, URIRef(str(KG.sourceFile)))}
    assert labels == {"cut.html", "good.txt"}
    [article] = read_article(cut)
    assert article.title == KOREAN[0] and article.text.count("\ufffd") == 1


def test_50_megabyte_article_skipped_by_size_without_reading(tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.write(b"A very long article\n")
        handle.write(b"Band X released a new single on Friday. " * (50 * 2**20 // 40))
    good = write(tmp_path / "good.txt", "Headline\nBody.")
    start = time.monotonic()
    articles, errors = ingest(huge, good)
    assert time.monotonic() - start < 2
    assert [a.id for a in articles] == ["good"]
    assert errors == [f"{huge}: file too large: 50.0 MiB (limit 16 MiB for one article)"]


def test_overlong_article_in_jsonl_skipped_others_read(tmp_path):
    lines = [json.dumps({"id": "long", "title": "T", "text": "word " * (MAX_ARTICLE_CHARS // 5 + 10)}),
             json.dumps({"id": "short", "title": "T", "text": "Body."})]
    path = write(tmp_path / "a.jsonl", "\n".join(lines))
    articles, errors = ingest(path)
    assert [a.id for a in articles] == ["short"]
    assert errors == [f"{path}:1: article too long: 1,000,052 characters (limit 1,000,000)"]


def test_many_tiny_articles_stream(tmp_path):
    path = write(tmp_path / "many.jsonl", "".join(
        json.dumps({"id": f"a{i}", "title": f"Title {i}", "text": "Body."}) + "\n" for i in range(5000)))
    articles, errors = ingest(path)
    assert len(articles) == 5000 and errors == []


def test_malformed_jsonl_lines_among_good_ones(tmp_path):
    good = json.dumps({"id": "ok", "title": "Fine", "text": "Body."})
    lines = [good, "{", "[1, 2]", "null", '{"id": 5, "text": "x"}', '{"id": "x", "text": ["a"]}',
             '{"id": "y"}', '{"id": "z", "text": "t", "date": "not a date"}', "\x00\x01garbage",
             json.dumps({"id": "ok2", "title": "Fine too", "text": "Body."}), '{"id": "ok", "text": "dup"}']
    path = write(tmp_path / "mixed.jsonl", "\n".join(lines))
    articles, errors = ingest(path)
    assert [a.id for a in articles] == ["ok", "ok2"]
    assert [e.split(": ", 1)[0] for e in errors] == [f"{path}:{n}" for n in (2, 3, 4, 5, 6, 7, 8, 9, 11)]
    assert errors[-1] == f"{path}:11: duplicate article id 'ok' (first read from {path}:1)"
    assert all("\n" not in e for e in errors)


def test_jsonl_lines_python_json_cannot_take_are_skipped_and_the_rest_read(tmp_path):
    """A number of more digits than Python converts raises ValueError, an array
    nested 100,000 deep RecursionError: each costs its line only."""
    lines = [json.dumps({"id": "a", "text": "First."}),
             '{"id": "big", "text": "x", "n": ' + "9" * 5000 + "}",
             '{"id": "deep", "text": "x", "n": ' + "[" * 100_000 + "]" * 100_000 + "}",
             json.dumps({"id": "b", "text": "After them."})]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines))
    articles, errors = ingest(path)
    assert [a.id for a in articles] == ["a", "b"]
    assert errors == [f"{path}:2: invalid JSON (Exceeds the limit (4300 digits) for integer string conversion: "
                      f"value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit)",
                      f"{path}:3: invalid JSON (nested too deeply)"]


def test_jsonl_read_a_line_at_a_time_an_overlong_line_never_held(tmp_path):
    """A 64 MiB line (the limit lowered to 1 MiB) is skipped without being read
    into memory; the lines around it are read."""
    path = tmp_path / "dump.jsonl"
    with path.open("w") as handle:
        handle.write(json.dumps({"id": "before", "text": "Before."}) + "\n")
        handle.write('{"id": "huge", "text": "' + ("x" * (1 << 20)) * 64 + '"}\n')
        handle.write(json.dumps({"id": "after", "text": "After."}) + "\n")
    probe = f"""
import kg.ingest
def status(key):  # of this process since its exec (a child's ru_maxrss starts at its parent's)
    return next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith(key))
kg.ingest.MAX_LINE_BYTES = 1 << 20
errors = []
before = status("VmRSS")
ids = [a.id for a in kg.ingest.iter_articles([{str(path)!r}], errors.append)]
grown = status("VmHWM") - before
print(ids, [str(e) for e in errors], grown // 1024)
"""
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    grown = int(run.stdout.split()[-1])
    assert run.stdout.startswith(f"['before', 'after'] ['{path}:2: line too long (limit 1 MiB)'] ")
    assert grown < 32, f"reading grew the process by {grown} MiB"


BOMB = """<?xml version="1.0"?>
<!DOCTYPE html [
 <!ENTITY a "BOOMBOOMBOOMBOOMBOOMBOOMBOOMBOOM">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
]>
<html><head><title>Bomb page</title></head><body><article>
<p>The singer Ara released her second album on Friday, and it topped the chart. &g;</p>
</article></body></html>"""


def test_html_entity_bomb_not_expanded(tmp_path):
    start = time.monotonic()
    articles, errors = ingest(write(tmp_path / "bomb.html", BOMB))
    assert time.monotonic() - start < 5
    assert errors == []
    assert "BOOM" not in articles[0].text and len(articles[0].text) < 1000


def test_html_scripts_styles_and_deep_nesting(tmp_path):
    scripts = write(tmp_path / "scripts.html", "<html><head>" + "<script>var x = 'SCRIPT';</script>" * 2000
                    + "<style>" + "p { color: red }" * 5000 + "</style></head><body><article>"
                    + "<p>The drama Moon Garden will premiere on KBS in March, the broadcaster said.</p>"
                    + "<script>document.write('INLINE')</script></article></body></html>")
    deep = write(tmp_path / "deep.html", "<html><body>" + "<div><span>" * 50000
                 + "<p>Deep text about the band and its new single released on Friday.</p>"
                 + "</span></div>" * 50000 + "</body></html>")
    unclosed = write(tmp_path / "unclosed.html", "<html><body><p>" + "<b><i><u>" * 20000 + "Text")
    start = time.monotonic()
    articles, errors = ingest(scripts, deep, unclosed)
    assert time.monotonic() - start < 20
    by_id = {a.id: a for a in articles}
    assert "Moon Garden" in by_id["scripts"].text
    assert "SCRIPT" not in by_id["scripts"].text and "color" not in by_id["scripts"].text
    # Whatever lxml salvages from absurd nesting, each file is an article or one line.
    assert len(articles) + len(errors) == 3
    assert all(e.startswith(str(tmp_path)) and "\n" not in e for e in errors)


def test_reader_crash_is_one_skipped_file(tmp_path, monkeypatch):
    import trafilatura

    def explode(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(trafilatura, "bare_extraction", explode)
    page = write(tmp_path / "a.html", "<html><body><p>Text.</p></body></html>")
    good = write(tmp_path / "b.txt", "Headline\nBody.")
    articles, errors = ingest(page, good)
    assert [a.id for a in articles] == ["b"]
    assert errors == [f"{page}: cannot read (RecursionError: maximum recursion depth exceeded)"]


def test_korean_and_mixed_language_text(tmp_path):
    text = ("\ubc29\ud0c4\uc18c\ub144\ub2e8 \uc0c8 \uc568\ubc94 \ubc1c\ub9e4\n"
            "BTS (\ubc29\ud0c4\uc18c\ub144\ub2e8) released \u201c\ub2e4\uc774\ub108\ub9c8\uc774\ud2b8\u201d "
            "\u2014 \u65e5\u672c\u8a9e\u3082 \u0627\u0644\u0639\u0631\u0628\u064a\u0629 \U0001f389\n")
    [article] = read_article(write(tmp_path / "\ud55c\uad6d\uc5b4.txt", text))
    assert article.id == "\ud55c\uad6d\uc5b4"
    assert article.title == "\ubc29\ud0c4\uc18c\ub144\ub2e8 \uc0c8 \uc568\ubc94 \ubc1c\ub9e4"
    assert "\"\ub2e4\uc774\ub108\ub9c8\uc774\ud2b8\"" in article.text and "\U0001f389" in article.text


def test_lone_surrogates_and_bad_urls_from_jsonl_made_safe(tmp_path):
    path = write(tmp_path / "s.jsonl", json.dumps({
        "id": "s\ud800", "title": "Title \udcff", "text": "Body \ud83d.",
        "url": "http://example.com/a b<c>\"d\x00e\n"}) + "\n")
    [article] = read_article(path)
    assert article.title == "Title \ufffd" and article.text.endswith("Body \ufffd.")
    assert article.id == "s\\ud800"
    assert article.url == "http://example.com/a%20b%3Cc%3E%22d%00e"
    for value in (article.id, article.title, article.text, article.url):
        value.encode("utf-8")  # never raises


def test_file_names_with_newlines_and_undecodable_bytes_give_one_line(tmp_path):
    odd = write(tmp_path / "line\nbreak.txt", b"")
    raw = os.fsdecode(os.fsencode(str(tmp_path)) + b"/bad\xff\xfename.txt")
    write(Path(raw), "Headline\nBody.")
    articles, errors = ingest(odd, Path(raw))
    assert errors == [f"{tmp_path}/line\\nbreak.txt: empty article"]
    [article] = articles
    assert article.source == "bad\\udcff\\udcfename.txt"
    article.source.encode("utf-8") and article.id.encode("utf-8")


def test_fifo_broken_symlink_loops_and_symlinked_folders(tmp_path):
    folder = tmp_path / "in"
    write(folder / "good.txt", "Headline\nBody.")
    os.mkfifo(folder / "pipe.txt")  # would block a naive read forever
    (folder / "broken.txt").symlink_to(folder / "missing.txt")
    (folder / "loop1.txt").symlink_to(folder / "loop2.txt")
    (folder / "loop2.txt").symlink_to(folder / "loop1.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to(folder)  # a folder loop: not followed
    (folder / "sub" / "alias.txt").symlink_to(folder / "good.txt")
    articles, errors = ingest(folder, folder / "loop1.txt", folder / "broken.txt", folder / "pipe.txt")
    # A symlinked file is read like any file; a symlinked folder is not entered.
    assert [a.source for a in articles] == ["good.txt", "sub/alias.txt"]
    assert errors == [
        f"{folder / 'broken.txt'}: broken symbolic link",
        f"{folder / 'loop1.txt'}: symbolic link loop",
        f"{folder / 'loop2.txt'}: symbolic link loop",
        f"{folder / 'pipe.txt'}: not a regular file",
        f"{folder / 'loop1.txt'}: symbolic link loop",
        f"{folder / 'broken.txt'}: broken symbolic link",
        f"{folder / 'pipe.txt'}: not a regular file",
    ]


@pytest.mark.skipif(AS_ROOT, reason="root reads files whatever their permissions")
def test_unreadable_file_and_folder(tmp_path):
    secret = write(tmp_path / "in" / "secret.txt", "Headline\nBody.")
    locked = tmp_path / "in" / "locked"
    write(locked / "x.txt", "Headline\nBody.")
    write(tmp_path / "in" / "good.txt", "Headline\nBody.")
    secret.chmod(0)
    locked.chmod(0)
    try:
        articles, errors = ingest(tmp_path / "in")
    finally:
        locked.chmod(0o755)
        secret.chmod(0o644)
    assert [a.id for a in articles] == ["good"]
    assert errors == [f"{locked}: permission denied", f"{secret}: permission denied"]


def test_html_reader_fetches_nothing(tmp_path, monkeypatch):
    """External entities, remote scripts, images, styles and frames: nothing
    is fetched (no socket is opened) and no entity is expanded."""
    opened = []

    def no_network(*args, **kwargs):
        opened.append(args)
        raise OSError("network access attempted")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    secret = write(tmp_path / "secret.txt", "LOCAL_SECRET")
    page = f"""<!DOCTYPE html [
  <!ENTITY remote SYSTEM "http://198.51.100.7/entity.txt">
  <!ENTITY local SYSTEM "file://{secret}">
  <!ENTITY % param SYSTEM "http://198.51.100.7/evil.dtd"> %param;
]>
<html><head><title>Remote page</title>
<link rel="stylesheet" href="http://198.51.100.7/style.css">
<script src="http://198.51.100.7/app.js"></script>
<base href="http://198.51.100.7/">
</head><body><article>
<p>The actress Ha Yeon will star in the drama Moon Garden, the agency said on Monday. &remote; &local;</p>
<img src="http://198.51.100.7/pixel.gif"><iframe src="http://198.51.100.7/frame.html"></iframe>
<p>Filming starts in April and the drama will air on KBS later this year, it added.</p>
</article></body></html>"""
    [article] = read_article(write(tmp_path / "remote.html", page))
    assert opened == []
    assert "Moon Garden" in article.text
    assert "LOCAL_SECRET" not in article.text and "198.51.100.7" not in article.text


def test_strict_handler_stops_the_batch_at_the_first_problem(tmp_path):
    write(tmp_path / "a.txt", "")
    write(tmp_path / "b.txt", "Headline\nBody.")

    def strict(error):
        raise StopBatch(error)

    with pytest.raises(StopBatch) as stopped:
        list(iter_articles([tmp_path], strict))
    assert str(stopped.value) == f"{tmp_path / 'a.txt'}: empty article"


def test_jsonl_strict_stops_at_first_bad_line(tmp_path):
    path = write(tmp_path / "a.jsonl", "{bad\n" + json.dumps({"id": "x", "text": "t"}) + "\n")
    seen = []

    def strict(error):
        seen.append(str(error))
        raise StopBatch(error)

    with pytest.raises(StopBatch):
        list(iter_articles([path], strict))
    assert seen == [f"{path}:1: invalid JSON (Expecting property name enclosed in double quotes)"]


# --- IRIs never come from paths, and article ids can't escape ------------

@pytest.mark.parametrize("article_id, segment", [
    ("../../etc/passwd", "..%2F..%2Fetc%2Fpasswd"), ("..", "%2E%2E"), (".", "%2E"),
    ("a b<c>\"{}|\\^`", "a%20b%3Cc%3E%22%7B%7D%7C%5C%5E%60"), ("news.2024", "news.2024"),
    ("\ud55c", "%ED%95%9C")])
def test_article_iri_is_one_safe_segment(article_id, segment):
    assert article_iri(article_id) == URIRef("https://w3id.org/kdrama-kg/id/article/" + segment)


# --- atomic output --------------------------------------------------------

def test_write_atomic_keeps_old_file_on_failure_and_cleans_stale_temps(tmp_path, monkeypatch):
    out = write(tmp_path / "g.ttl", b"OLD")
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = write(tmp_path / f".g.ttl.{dead.pid}.abc123.tmp", b"half")
    other = write(tmp_path / f".g.ttl.{os.getppid()}.live99.tmp", b"someone else's")  # a live process
    unrelated = write(tmp_path / f".other.ttl.{dead.pid}.abc.tmp", b"not ours")

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError):
        write_atomic(out, b"NEW")
    assert out.read_bytes() == b"OLD"
    assert not stale.exists() and other.exists() and unrelated.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([out.name, other.name, unrelated.name])
    monkeypatch.undo()
    out.chmod(0o640)
    write_atomic(out, b"NEW")
    assert out.read_bytes() == b"NEW"
    assert stat.S_IMODE(out.stat().st_mode) == 0o640  # a replaced file keeps its mode
    assert clean_stale_temps(out) == []


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600), (0o027, 0o640)])
def test_write_atomic_gives_a_new_file_the_mode_the_umask_allows(tmp_path, umask, mode):
    """Not mkstemp's 0600 whatever the umask: 0666 less the umask."""
    old = os.umask(umask)
    try:
        write_atomic(tmp_path / "g.ttl", b"NEW")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "g.ttl").stat().st_mode) == mode


# --- the CLI: exit codes and messages -------------------------------------

def tiny(folder: Path) -> Path:
    write(folder / "a.txt", "Nova Crew drops new single\nThe band Nova Crew released \"Lantern\" on KBS.\n")
    return folder


def hostile_corpus(folder: Path) -> None:
    write(folder / "001_good.txt", "Nova Crew drops new single\nThe band Nova Crew released \"Lantern\" on Friday.\n")
    write(folder / "002_empty.txt", "")
    write(folder / "003_blank.txt", "  \n\t\n")
    write(folder / "004_image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write(folder / "005_latin1.txt", "Caf\u00e9 opens\nThe caf\u00e9 opened.".encode("latin-1"))
    write(folder / "006_utf16.txt", "Headline \u00e9\nBody.".encode("utf-16"))
    write(folder / "007_bomb.html", BOMB)
    write(folder / "008_batch.jsonl", "\n".join([
        json.dumps({"id": "../../etc/passwd", "title": "If I.. \"quoted\" \\ <b> \U0001f389",
                    "text": "Singer Ara's song \"If I..\" ranked No. 1 on the Melon chart."}),
        "{broken",
        json.dumps({"id": "kr", "title": "\ubc29\ud0c4\uc18c\ub144\ub2e8", "text": "BTS \ubc29\ud0c4 released \"\ub2e4\uc774\".",
                    "url": "http://example.com/a b"})]))
    (folder / "009_broken.txt").symlink_to(folder / "nowhere.txt")
    os.mkfifo(folder / "010_pipe.txt")


def test_build_over_hostile_corpus_writes_valid_graph_and_exits_3(kg_build, tmp_path):
    corpus = tmp_path / "in"
    hostile_corpus(corpus)
    out = tmp_path / "out" / "graph.ttl"
    out.parent.mkdir()
    code, stdout, stderr = kg_build(corpus, "-o", out)
    assert code == cli.EXIT_SKIPPED == 3
    assert "Traceback" not in stderr
    skipped = [line for line in stderr.splitlines() if line.startswith("skipped ")]
    assert skipped == [
        f"skipped {corpus / '002_empty.txt'}: empty article",
        f"skipped {corpus / '003_blank.txt'}: empty article",
        f"skipped {corpus / '004_image.txt'}: binary file, not text",
        f"skipped {corpus / '008_batch.jsonl'}:2: invalid JSON (Expecting property name enclosed in double quotes)",
        f"skipped {corpus / '009_broken.txt'}: broken symbolic link",
        f"skipped {corpus / '010_pipe.txt'}: not a regular file",
    ]
    assert "articles read: 6 (6 skipped)" in stdout
    graph = Graph().parse(out)
    assert (article_iri("../../etc/passwd"), RDF.type, KG.Article) in graph
    # Nothing but the output was written: no path from article content.
    assert sorted(p.name for p in out.parent.iterdir()) == ["graph.ttl"]
    assert not (tmp_path / "etc").exists()


def test_build_all_good_exits_0(kg_build, tmp_path):
    out = tmp_path / "g.nt"
    code, stdout, stderr = kg_build(SEEDS, "-o", out)
    assert (code, stderr) == (0, "")
    assert f"written: {out}" in stdout and len(Graph().parse(out)) > 100


PREVIOUS = b"@prefix kg: <https://w3id.org/kdrama-kg/ontology#> .\n# the previous build\n"


@pytest.mark.parametrize("inputs, reason", [
    (["seedz"], "no input file found (the inputs are missing or unreadable)"),
    (["empty-folder"], "no input file found (.txt, .html, .htm or .jsonl)"),
    (["bad/empty.txt", "bad/image.txt", "bad/notes.jsonl"], "every input was skipped"),
])
def test_a_build_that_reads_no_article_writes_nothing_and_keeps_the_cache(kg_build, tmp_path, inputs, reason):
    """A typo in the path, an empty (or unmounted) folder, inputs that are
    all bad: the previous output and the --update cache stay as they were."""
    (tmp_path / "empty-folder").mkdir()
    write(tmp_path / "bad" / "empty.txt", "")
    write(tmp_path / "bad" / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(tmp_path / "bad" / "notes.jsonl", "{broken\n")
    out = tmp_path / "graph.ttl"
    assert kg_build(tiny(tmp_path / "good"), "-o", out, "--update")[0] == 0
    cache = tmp_path / "graph.ttl.cache" / "extractions.sqlite"
    out.write_bytes(PREVIOUS)
    cached = cache.read_bytes()

    code, stdout, stderr = kg_build(*(tmp_path / i for i in inputs), "-o", out, "--update")
    assert code == cli.EXIT_NOTHING == 6
    assert stderr.splitlines()[-1] == (f"not written: {out} (no article read: {reason}; the previous output and "
                                       f"its cache left as it was)")
    assert out.read_bytes() == PREVIOUS and cache.read_bytes() == cached
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad", "empty-folder", "good", "graph.ttl",
                                                          "graph.ttl.cache"]
    # The cache still holds the good article: the next build reuses it.
    code, stdout, _ = kg_build(tmp_path / "good", "-o", out, "--update")
    assert code == 0 and "cache: 1 articles reused, 0 extracted" in stdout


def test_an_input_that_is_the_output_is_refused(kg_build, tmp_path):
    graph = write(tmp_path / "v.nt", PREVIOUS)
    for output in (graph, tmp_path / "." / "v.nt"):
        code, stdout, stderr = kg_build(graph, "-o", output)
        assert (code, stdout) == (cli.EXIT_USAGE, "")
        assert stderr == f"kg build: error: {output}: is also an input (the build would replace what it reads)\n"
        assert graph.read_bytes() == PREVIOUS


def test_strict_stops_at_first_problem_and_writes_nothing(kg_build, tmp_path):
    corpus = tmp_path / "in"
    hostile_corpus(corpus)
    out = write(tmp_path / "g.ttl", b"PREVIOUS")
    code, stdout, stderr = kg_build(corpus, "-o", out, "--strict")
    assert code == cli.EXIT_STRICT == 4
    assert stderr.splitlines() == [f"error: {corpus / '002_empty.txt'}: empty article",
                                   f"not written: {out} (--strict stops at the first bad input)"]
    assert out.read_bytes() == b"PREVIOUS"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.ttl", "in"]


@pytest.mark.parametrize("target, message", [
    ("missing/g.ttl", "{tmp}/missing/g.ttl: folder {tmp}/missing does not exist (create it first)"),
    ("afile/g.ttl", "{tmp}/afile/g.ttl: {tmp}/afile is not a folder"),
    ("adir.ttl", "{tmp}/adir.ttl: is a folder, not a file"),
    ("g.docx", "{tmp}/g.docx: unknown output format (use one of "),
])
def test_unwritable_output_is_exit_2_before_any_work(kg_build, tmp_path, monkeypatch, target, message):
    write(tmp_path / "afile", "x")
    (tmp_path / "adir.ttl").mkdir()
    monkeypatch.setattr(kg.build, "build", lambda *a, **k: pytest.fail("built before checking the output"))
    code, stdout, stderr = kg_build(SEEDS, "-o", tmp_path / target)
    assert code == cli.EXIT_USAGE == 2
    assert stderr.startswith("kg build: error: " + message.format(tmp=tmp_path))
    assert len(stderr.splitlines()) == 1 and stdout == ""


def test_the_build_patched_above_is_the_one_kg_build_runs(kg_build, tmp_path, monkeypatch):
    """With a writable output, ``kg build`` calls kg.build.build: the test
    above, which makes it fail, would fail if the output were checked late."""
    class Called(Exception):
        pass

    def called(*args, **kwargs):
        raise Called

    monkeypatch.setattr(kg.build, "build", called)
    with pytest.raises(Called):
        kg_build(SEEDS, "-o", tmp_path / "g.ttl")


@pytest.mark.skipif(AS_ROOT, reason="root writes anywhere")
def test_output_folder_without_write_permission_is_exit_2(kg_build, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        code, _, stderr = kg_build(SEEDS, "-o", folder / "g.ttl")
    finally:
        folder.chmod(0o755)
    assert code == 2 and stderr == f"kg build: error: {folder}/g.ttl: no permission to write in {folder}\n"


def test_write_failure_after_build_is_exit_2_and_keeps_old_output(kg_build, tmp_path, monkeypatch):
    out = write(tmp_path / "g.ttl", b"OLD")

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    code, _, stderr = kg_build(tiny(tmp_path / "in"), "-o", out)
    assert code == 2 and stderr == f"kg build: error: cannot write {out}: No space left on device\n"
    assert out.read_bytes() == b"OLD" and sorted(p.name for p in tmp_path.iterdir()) == ["g.ttl", "in"]


def test_invalid_graph_is_exit_1_and_not_written(kg_build, tmp_path, monkeypatch):
    import kg.validate

    real = kg.validate.validate_ntriples

    def failing(text, focus=None):
        article = next(line.split(" ", 1)[0] for line in text.splitlines() if line.endswith(f"<{KG.Article}> ."))
        text += f"{article} <{KG.publicationDate}> <{article_iri('y')}> .\n"  # an IRI where a date belongs
        return real(text, focus)

    monkeypatch.setattr(kg.build.batches, "validate_ntriples", failing)
    out = write(tmp_path / "g.ttl", b"OLD")
    code, _, stderr = kg_build(tiny(tmp_path / "in"), "-o", out)
    assert code == cli.EXIT_INVALID == 1
    assert stderr.startswith(f"not written: {out} (the graph violates shapes ")
    # The output the build prepared while validating is gone with it.
    assert out.read_bytes() == b"OLD" and sorted(p.name for p in tmp_path.iterdir()) == ["g.ttl", "in"]


def flaky_extract(monkeypatch):
    real = kg.build.engines.extract

    def flaky(article, doc):
        if article.id == "bad":
            raise IndexError("list index out of range")
        return real(article, doc)

    monkeypatch.setattr(kg.build.engines, "extract", flaky)


def flaky_component(monkeypatch):
    """The kg_mentions component, inside nlp.pipe, fails on one document."""
    import kg.extract.mentions
    real = kg.extract.mentions.find_entities

    def flaky(doc):
        if doc.text.startswith("Bad"):
            raise IndexError("list index out of range")
        return real(doc)

    monkeypatch.setattr(kg.extract.mentions, "find_entities", flaky)


@pytest.mark.parametrize("fail", [flaky_extract, flaky_component], ids=["extract", "pipeline component"])
def test_extraction_crash_skips_that_article_only(kg_build, tmp_path, monkeypatch, fail):
    fail(monkeypatch)
    write(tmp_path / "in" / "bad.txt", "Bad one\nBody.")
    write(tmp_path / "in" / "good.txt", "Good one\nBody.")
    code, stdout, stderr = kg_build(tmp_path / "in", "-o", tmp_path / "g.ttl")
    assert code == 3, (stdout, stderr)
    assert stderr.splitlines()[0] == (f"skipped {tmp_path / 'in' / 'bad.txt'}: article 'bad': "
                                      f"extraction failed (IndexError: list index out of range)")
    assert "articles read: 1 (1 skipped)" in stdout


# --- SIGKILL at any moment leaves the previous output intact --------------

def _corpus(folder: Path, copies: int) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    lines = [json.dumps({"id": f"copy{i}-{j}", "title": t.split("\n", 1)[0], "text": t.split("\n", 1)[1]})
             for i in range(copies) for j, t in enumerate(texts)]
    write(folder / "corpus.jsonl", "\n".join(lines))


def _start(corpus: Path, out: Path, stop_at: str = "") -> subprocess.Popen:
    env = {**os.environ, "KG_TEST_STOP_AT": stop_at}
    return subprocess.Popen([sys.executable, "-c", STOPPING_BUILD, "build", str(corpus), "-o", str(out)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)


def _kill_when_stopped(build: subprocess.Popen, point: str) -> None:
    """Wait for the build to reach ``point``, then SIGKILL it there."""
    if not reached(build, point):
        pytest.fail(f"the build ended (status {build.wait()}) without reaching {point}")
    build.send_signal(signal.SIGKILL)
    build.wait()
    build.stdout.close()


def _temps(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


@pytest.fixture(scope="module")
def kill_corpus(tmp_path_factory) -> tuple[Path, bytes]:
    """30 articles, and the output of their build when nothing kills it."""
    folder = tmp_path_factory.mktemp("kill")
    _corpus(folder / "corpus", copies=10)
    build = _start(folder / "corpus", folder / "complete.ttl")
    assert build.wait(timeout=300) == 0
    build.stdout.close()
    return folder / "corpus", (folder / "complete.ttl").read_bytes()


@pytest.mark.parametrize("point", ["load", "articles:1", "articles:15", "merge", "write"])
def test_sigkill_at_any_point_of_the_build_leaves_previous_output_intact(kill_corpus, tmp_path, point):
    corpus, complete = kill_corpus
    out = tmp_path / "graph.ttl"
    previous = b"@prefix kg: <https://w3id.org/kdrama-kg/ontology#> .\n# the previous build\n"
    out.write_bytes(previous)

    build = _start(corpus, out, point)
    _kill_when_stopped(build, point)
    assert out.read_bytes() == previous
    # Only a build killed while writing leaves a file: its own temporary one.
    prefix = f".graph.ttl.{build.pid}."
    assert [name[:len(prefix)] for name in _temps(tmp_path)] == ([prefix] if point == "write" else [])

    # The next build replaces the output, removes the killed build's
    # temporary file, and writes what a build never killed writes.
    done = _start(corpus, out)
    assert done.wait(timeout=300) == 0
    done.stdout.close()
    assert _temps(tmp_path) == []
    assert out.read_bytes() == complete
