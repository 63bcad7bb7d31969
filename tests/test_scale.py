"""The builder (kg/build/): the same graph as the stages run in memory,
batched validation with the same report as whole-graph validation,
deterministic output."""
from collections import Counter
from decimal import Decimal
from itertools import chain
from pathlib import Path
from random import Random

import pyoxigraph
import pytest
from rdflib import Graph, Literal
from rdflib.compare import isomorphic

import kg.build
import kg.build.batches
import kg.build.runs
from kg.build import build
from kg.build.batches import batch_index, typed_value_predicates, validate_sorted
from kg.build.runs import SortedLines
from kg.export import serialize
from kg.extract import extract
from kg.formats import read_quads
from kg.ingest import iter_articles
from kg.namespaces import KG, KGR, PROV, RDF, RDFS, XSD
from kg.rdf import to_rdf
from kg.resolve import resolve
from kg.validate import validate

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def in_memory(nlp) -> Graph:
    """The seeds through the stages as plain functions, all in memory:
    ingest, extract, resolve (with inference), rdf."""
    return to_rdf(resolve(extract(article, nlp(article.text)) for article in iter_articles([ROOT / "seeds"], print)))


def test_build_equals_the_stages_run_in_memory(seeds_build, in_memory, tmp_path):
    built = seeds_build.graph
    assert seeds_build.triples == len(in_memory)
    assert isomorphic(built.rdflib(), in_memory)
    assert seeds_build.report.conforms
    # N-Quads: the same quads as kg.export's named graph per article.
    built.write(tmp_path / "g.nq")
    assert built.quads is not None
    mine = quads(tmp_path / "g.nq")
    theirs = set(pyoxigraph.parse(serialize(in_memory, "nquads"), format=pyoxigraph.RdfFormat.N_QUADS))
    assert mine == theirs
    for name in ("a.ttl", "b.ttl", "g.nt"):
        built.write(tmp_path / name)
        assert isomorphic(Graph().parse(tmp_path / name), in_memory)
    assert (tmp_path / "a.ttl").read_bytes() == (tmp_path / "b.ttl").read_bytes()
    # TriG: the dataset of the N-Quads, default graph and named graphs.
    built.write(tmp_path / "g.trig")
    assert quads(tmp_path / "g.trig") == mine


def broken(graph: Graph) -> Graph:
    """The seeds graph with one violation of many kinds of constraint."""
    g = Graph()
    g += graph
    person = next(graph.subjects(RDF.type, KG.Person))
    g.remove((person, RDFS.label, None))                                  # minCount
    song = next(graph.subjects(RDF.type, KG.Song))
    g.add((song, RDFS.label, Literal("second label", lang="en")))         # maxCount
    g.add((song, KG.performer, next(graph.subjects(RDF.type, KG.Place)))) # sh:class in sh:or
    entry = next(graph.subjects(RDF.type, KG.ChartEntry))
    g.set((entry, KG.rank, Literal("0", datatype=XSD.positiveInteger)))   # minInclusive, datatype
    g.add((entry, KG.startDate, Literal("2030-01-02", datatype=XSD.date)))
    g.add((entry, KG.endDate, Literal("2030-01-01", datatype=XSD.date)))  # lessThanOrEquals
    rating = next(graph.subjects(RDF.type, KG.ViewershipRating))
    g.set((rating, KG.ratingValue, Literal(Decimal("120.5"))))            # maxInclusive
    g.add((rating, KG.ratingScope, Literal("regional")))                  # pattern
    evidence = next(graph.subjects(RDF.type, KG.Evidence))
    g.set((evidence, PROV.wasDerivedFrom, person))                        # sh:class
    g.set((evidence, KG.sentence, Literal("")))                           # minLength
    g.add((KGR["orphan"], RDF.type, KG.Article))                          # no label, no source
    return g


def quads(path: Path) -> set:
    return set(read_quads(path))


def test_output_prepared_during_the_build_is_the_written_file(seeds_build, tmp_path):
    """With ``output`` the build serializes while its last batches validate,
    beside the output and invisible there until write(); unwritten, it goes
    with close(). A build for a Turtle output keeps no named graphs, and
    still writes the same N-Quads when asked to."""
    out, other = tmp_path / "g.ttl", tmp_path / "other" / "g.ttl"
    other.parent.mkdir()
    result = build([ROOT / "seeds"], jobs=2, progress=False, output=out)
    graph = result.graph
    try:
        prepared = [p.name for p in tmp_path.iterdir() if p.is_file()]
        assert len(prepared) == 1 and prepared[0].startswith(".g.ttl.") and not out.exists()
        graph.write(other)  # another path is written afresh
        graph.write(out)
        assert out.read_bytes() == other.read_bytes()
        assert len(list(pyoxigraph.parse(path=str(out), format=pyoxigraph.RdfFormat.TURTLE))) == result.triples
        assert sorted(p.name for p in tmp_path.iterdir()) == ["g.ttl", "other"]
        assert graph.quads is None
        graph.write(other.parent / "g.nq")
        seeds_build.graph.write(other.parent / "streamed.nq")
        assert quads(other.parent / "g.nq") == quads(other.parent / "streamed.nq")
    finally:
        graph.close()
    unwritten = build([ROOT / "seeds"], progress=False, output=tmp_path / "h.ttl")
    assert any(p.name.startswith(".h.ttl.") for p in tmp_path.iterdir())
    unwritten.graph.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.ttl", "other"]


def test_batched_validation_reports_exactly_what_whole_graph_validation_does(seeds_graph, tmp_path):
    graph = broken(seeds_graph)
    whole = validate(graph)
    assert not whole.conforms and len(whole.failed_shapes) >= 6
    path = tmp_path / "g.nt"
    path.write_bytes(serialize(graph, "nt"))  # sorted lines
    for size in (1, 50, 100_000):
        batched = validate_sorted(path, size=size)
        assert (batched.conforms, batched.failed_shapes, batched.messages, batched.triples) == \
               (whole.conforms, whole.failed_shapes, whole.messages, whole.triples), size
    assert validate_sorted(tmp_path / "ok.nt" if (tmp_path / "ok.nt").write_bytes(serialize(seeds_graph, "nt"))
                           else None).render() == validate(seeds_graph).render()


def test_a_batch_takes_the_types_of_the_values_sh_class_checks():
    """Type lines go with a batch only for the values of predicates that
    sh:class constrains (in our shapes: directly or in an sh:or); where a
    shape reads types in a way this does not follow, with every value."""
    predicates = typed_value_predicates()
    assert {f"<{KG.memberOf}>".encode(), f"<{KG.performer}>".encode(), f"<{PROV.wasDerivedFrom}>".encode()} <= predicates
    assert f"<{RDF.subject}>".encode() not in predicates and f"<{KG.sentence}>".encode() not in predicates
    nested = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://x/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:A ; sh:property [ sh:path ex:p ; sh:node ex:T ] .
        ex:T a sh:NodeShape ; sh:property [ sh:path [ sh:inversePath ex:q ] ; sh:class ex:B ] .""", format="turtle")
    assert typed_value_predicates(nested) is None


def test_batches_never_split_a_subject(tmp_path):
    path = tmp_path / "g.nt"
    path.write_text("".join(f"<http://x/{s}> <http://x/p> \"{o}\" .\n" for s in "abc" for o in range(5)))
    batches = [path.read_bytes()[a:b].decode().splitlines() for a, b in batch_index(path, 7).ranges]
    assert [len(b) for b in batches] == [10, 5]
    assert {line.split(" ")[0] for line in batches[1]} == {"<http://x/c>"}


def test_sorted_lines_merge_runs_without_duplicates(tmp_path, monkeypatch):
    monkeypatch.setattr(kg.build.runs, "RUN_LINES", 3)
    lines = SortedLines(tmp_path, "t")
    for word in ["d", "a", "c", "a", "b", "e", "d", "f"]:
        lines.add(word + "\n")
    assert len(lines.runs) == 2
    assert list(chain.from_iterable(lines.merged())) == [(w + "\n").encode() for w in "abcdef"]


def test_sorted_lines_merge_in_text_order_whatever_the_characters(tmp_path, monkeypatch):
    """Runs are sorted as text and merged as UTF-8 bytes: the two orders agree,
    astral characters and lone surrogates (kept by surrogatepass) included."""
    monkeypatch.setattr(kg.build.runs, "RUN_LINES", 4)
    words = ["z", "é", "中", "\ud800", "\udfff", "\ue000", "😀", "\U0010ffff", "A", "é", "~", "\x7f"]
    lines = SortedLines(tmp_path, "t")
    for word in words:
        lines.add(word + "\n")
    assert list(chain.from_iterable(lines.merged())) == [(w + "\n").encode("utf-8", "surrogatepass") for w in sorted(set(words))]


def test_sorted_lines_merge_many_runs_in_levels(tmp_path, monkeypatch):
    """However many runs a build spills, at most MERGE_FAN_IN - 1 of each
    level remain for the final merge; the lines come out sorted and unique
    whatever the buffers and read sizes."""
    monkeypatch.setattr(kg.build.runs, "RUN_LINES", 5)
    monkeypatch.setattr(kg.build.runs, "MERGE_FAN_IN", 3)
    monkeypatch.setattr(kg.build.runs, "READ_BYTES", 8)
    random = Random(7)
    words = [f"{random.randrange(400):03d} {'x' * random.randrange(6)}" for _ in range(2000)]
    lines = SortedLines(tmp_path, "t")
    for word in words:
        lines.add(word + "\n")
    levels = Counter(level for level, _ in lines.runs)
    assert max(levels) >= 3 and all(count < 3 for count in levels.values())
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for _, p in lines.runs)
    assert list(chain.from_iterable(lines.merged())) == [(w + "\n").encode() for w in sorted(set(words))]


def test_batch_index_is_the_same_whatever_the_lines_it_is_given_at_a_time(tmp_path, monkeypatch):
    random = Random(3)
    path = tmp_path / "g.nt"
    path.write_text("".join(sorted({f"<http://x/{random.randrange(60):02d}> <http://x/p> \"{random.randrange(9)}\" .\n"
                                    for _ in range(400)})))
    for size in (1, 4, 25, 1000):
        whole = batch_index(path, size).ranges
        monkeypatch.setattr(kg.build.runs, "READ_BYTES", 1)
        assert batch_index(path, size).ranges == whole
        monkeypatch.setattr(kg.build.runs, "READ_BYTES", 1 << 16)
        expected = [path.read_bytes()[a:b].decode().splitlines() for a, b in whole]
        assert sum(map(len, expected)) == len(path.read_text().splitlines())
        for batch, following in zip(expected, expected[1:]):
            assert len(batch) >= size and batch[-1].split(" ")[0] != following[0].split(" ")[0]
