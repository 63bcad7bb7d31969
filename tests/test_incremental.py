"""``kg build --update``: only new or changed articles go through the NLP,
and the graph is isomorphic to a full rebuild after articles are added,
changed and removed."""
import importlib.util
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.namespaces import KG, RDF
from kg.rdf import article_iri

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("corpus", ROOT / "bench" / "corpus.py")
corpus = importlib.util.module_from_spec(spec)
spec.loader.exec_module(corpus)


@pytest.fixture
def build_ok(kg_build):
    """``kg build ARGS`` (conftest.py), which must succeed; returns its stdout."""
    def run(*argv):
        code, out, err = kg_build(*argv)
        assert code == 0, err
        return out

    return run


def write_articles(folder: Path, indices) -> None:
    for i in indices:
        record = corpus.Writer(7, i).article()
        (folder / f"{record['id']}.txt").write_text(f"{record['title']}\n\n{record['text']}\n", encoding="utf-8")


def test_update_after_add_change_remove_equals_full_rebuild(build_ok, tmp_path):
    src, out = tmp_path / "in", tmp_path / "out" / "graph.ttl"
    src.mkdir(), out.parent.mkdir()
    write_articles(src, range(6))
    stdout = build_ok(src, "-o", out, "--update")
    assert "cache: 0 articles reused, 6 extracted" in stdout
    assert (tmp_path / "out" / "graph.ttl.cache").is_dir()
    before = Graph().parse(out)

    # Nothing changed: nothing is extracted again, the output is the same.
    first = out.read_bytes()
    assert "cache: 6 articles reused, 0 extracted" in build_ok(src, "-o", out, "--update")
    assert out.read_bytes() == first

    removed = article_iri("a0000002")
    only_removed = {e for e in before.objects(removed, KG.mentions)
                    if set(before.subjects(KG.mentions, e)) == {removed}}
    assert only_removed, "the removed article should mention something no other article does"
    (src / "a0000002.txt").unlink()                                  # removed
    write_articles(src, [6, 7])                                       # added
    changed = src / "a0000004.txt"                                    # changed
    changed.write_text(changed.read_text(encoding="utf-8").replace("\n\n", "\n\nKim Min Ji will sing \"Blue Lantern\", "
                                                                   "the OST of the KBS drama \"Harbor Nights\".\n\n", 1),
                       encoding="utf-8")
    stdout = build_ok(src, "-o", out, "--update")
    assert "cache: 4 articles reused, 3 extracted" in stdout
    updated = Graph().parse(out)

    full = tmp_path / "full.ttl"
    build_ok(src, "-o", full)
    rebuilt = Graph().parse(full)
    assert isomorphic(updated, rebuilt)
    assert out.read_bytes() == full.read_bytes()
    # The removed article's facts and the entities only it mentioned are gone.
    assert not list(updated.triples((removed, None, None)))
    assert not any((e, None, None) in updated for e in only_removed)
    assert not any(updated.subjects(None, removed))


def test_cache_is_keyed_by_content_not_name(build_ok, tmp_path):
    """Renaming nothing but changing the text re-extracts; the cache keeps
    only entries the last build used."""
    import sqlite3
    src, out = tmp_path / "in", tmp_path / "g.nt"
    src.mkdir()
    write_articles(src, range(2))
    build_ok(src, "-o", out, "--update")
    path = src / "a0000001.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nMeanwhile, BTS will hold a concert in Seoul.\n", encoding="utf-8")
    assert "cache: 1 articles reused, 1 extracted" in build_ok(src, "-o", out, "--update")
    db = sqlite3.connect(tmp_path / "g.nt.cache" / "extractions.sqlite")
    assert db.execute("SELECT count(*) FROM extraction").fetchone()[0] == 2
    assert (article_iri("a0000001"), RDF.type, KG.Article) in Graph().parse(out)


def test_an_input_missing_for_one_build_keeps_its_articles_in_the_cache(build_ok, kg_build, tmp_path):
    """A folder unmounted during one --update build: that build writes the
    graph of what it read (exit 3), and the cache keeps the missing folder's
    extractions, so they are reused when it is back."""
    first, second, out = tmp_path / "first", tmp_path / "second", tmp_path / "graph.ttl"
    first.mkdir(), second.mkdir()
    write_articles(first, range(2))
    write_articles(second, range(2, 4))
    assert "cache: 0 articles reused, 4 extracted" in build_ok(first, second, "-o", out, "--update")
    second.rename(tmp_path / "unmounted")
    code, stdout, stderr = kg_build(first, second, "-o", out, "--update")
    assert code == 3 and stderr.startswith(f"skipped {second}: no such file or directory")
    assert "cache: 2 articles reused, 0 extracted" in stdout
    (tmp_path / "unmounted").rename(second)
    assert "cache: 4 articles reused, 0 extracted" in build_ok(first, second, "-o", out, "--update")
