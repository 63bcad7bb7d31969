"""Long articles go through NLP in parts (kg/build/parts.py): memory bounded
whatever an article's length, the facts and offsets those of the whole text."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import kg.build.parts
from kg.build.engines import extract_with
from kg.build.parts import batches, spans, split
from kg.records import Article

ROOT = Path(__file__).resolve().parent.parent


def test_parts_end_at_paragraphs_then_sentences_then_spaces_and_lose_no_text():
    text = ("Headline\n\n" + "A sentence here. " * 30 + "\n\n" + "Another one ends. " * 100
            + "x" * 700 + " " + "word " * 50)
    parts = spans(text, 600)
    assert all(end - start <= 600 for start, end in parts)
    # Nothing but white space falls between or outside parts.
    covered = "".join(text[start:end] for start, end in parts)
    assert "".join(covered.split()) == "".join(text.split())
    assert text[parts[0][0]:parts[0][1]].endswith("A sentence here. \n\n")  # at the paragraph break
    assert text[parts[1][0]:parts[1][1]].endswith("ends. ")  # no line break: at a sentence end
    # No space in the second half of the window (the run of x): cut at the limit, inside the run.
    assert [end - start for start, end in parts if text[end - 1:end + 1] == "xx"] == [600]
    assert spans("short", 600) == [(0, 5)]


def test_batches_hold_at_most_so_many_items_and_characters():
    texts = ["a" * 10, "b" * 10, "c" * 25, "d" * 5, "e" * 40, "f"]
    assert list(batches(texts, 3, 30)) == [["a" * 10, "b" * 10], ["c" * 25, "d" * 5], ["e" * 40], ["f"]]
    assert list(batches(texts, 2, 1000)) == [texts[0:2], texts[2:4], texts[4:6]]


def _article() -> Article:
    """Forty self-contained paragraphs, each a chart entry, a fact and a rating."""
    names = ["IU", "Taeyeon", "Jennie", "Lee Hi", "Baekhyun", "Kim Soo Hyun", "Jisoo", "Jimin"]
    paragraphs = [f'{names[i % len(names)]}\'s song "Song {i}" ranked No. {i % 9 + 1} on the Melon chart. '
                  f'The drama "Drama {i}" recorded {i % 20 + 1}.{i % 10}% nationwide on KBS, according to '
                  f'Nielsen Korea.' for i in range(40)]
    text = "Charts this week\n\n" + "\n\n".join(paragraphs)
    return Article("week", "week.txt", "Charts this week", text)


def _records(extraction) -> tuple:
    def obj(o):
        return getattr(o, "name", None) or getattr(o, "lexical", None)
    return (sorted((f.subject.name, f.predicate, obj(f.object), f.evidence.start, f.evidence.end, f.evidence.context)
                   for f in extraction.facts),
            sorted((c.entry.name, c.chart.name, c.rank, c.evidence.start, c.evidence.end, c.evidence.context)
                   for c in extraction.chart_entries),
            sorted((r.series.name, str(r.value), r.evidence.start, r.evidence.end) for r in extraction.ratings),
            # each part names the entities its facts use once more (at 0, 0): the same set
            {(m.ref.name, m.ref.cls, m.start, m.end) for m in extraction.mentions})


def test_an_article_read_in_parts_gives_the_facts_and_offsets_of_the_whole(nlp, monkeypatch):
    article = _article()
    [whole] = extract_with([article], nlp)
    monkeypatch.setattr(kg.build.parts, "PART_CHARS", 2000)
    assert len(split(article)) == 3
    [parted] = extract_with([article], nlp)
    assert parted.article == whole.article and parted.article.text == ""
    assert len(parted.ratings) == 40 and len(parted.chart_entries) >= 40
    # Every offset points into the whole article's text.
    for record in (*parted.facts, *parted.chart_entries, *parted.ratings):
        evidence = record.evidence
        assert article.text[evidence.start:evidence.end].strip() == evidence.sentence
    assert _records(parted) == _records(whole)


def _peak_rss_of_build(folder: Path, out: Path) -> int:
    """`kg build FOLDER` in a child process; its peak RSS in MiB."""
    # VmHWM, not ru_maxrss: a child's ru_maxrss starts at its parent's (pytest's, with a model
    # loaded), which it keeps through exec.
    probe = ("import sys\nfrom kg.cli import main\ncode = main(sys.argv[1:])\n"
             "print(next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')) // 1024)\n"
             "sys.exit(code)")
    run = subprocess.run([sys.executable, "-c", probe, "build", str(folder), "-o", str(out)],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    return int(run.stdout.split()[-1])


def test_a_long_article_of_tiny_sentences_costs_a_bounded_amount_of_memory(tmp_path):
    """100,000 characters of tiny sentences, spaCy's worst case, in one
    article: read whole it took 560 MiB more than a one-line article (and
    6.4 GB at 1 MB); in parts, about 200 MiB more."""
    (tmp_path / "short").mkdir()
    (tmp_path / "short" / "short.txt").write_text("Tiny sentences\nAb c.", encoding="utf-8")
    (tmp_path / "long").mkdir()
    (tmp_path / "long" / "long.txt").write_text("Tiny sentences\n" + "Ab c. " * 16_666, encoding="utf-8")
    base = _peak_rss_of_build(tmp_path / "short", tmp_path / "short.ttl")
    peak = _peak_rss_of_build(tmp_path / "long", tmp_path / "long.ttl")
    assert peak - base < 320, f"peak RSS {peak} MiB, {peak - base} MiB more than for a one-line article"
