"""kg.validate runs pyshacl-turbo and falls back to pyshacl, the reference:
both engines must give the same report on graphs that break every kind of
constraint in shapes/kg.ttl, and the fallback must not change it.

One known difference, and only it, is allowed: a range constraint
(sh:minInclusive...) on an ill-typed literal such as "0"^^xsd:positiveInteger.
SHACL says a value for which "min <= value" is not true is a result; SPARQL's
comparison of an ill-typed literal is an error, so pyshacl-turbo reports it
("rank must be at least 1") and pyshacl 0.40.1 does not. Both report the
datatype violation of the same value, so conforms and the failed shapes never
differ; the report has one more line."""
import types

import pyshacl
import pyshacl_turbo  # pinned in requirements.lock: its absence is a failure, not a skip
import pytest
import rdflib

import kg.validate
from kg.namespaces import RDF, SH, bind_prefixes
from kg.validate import load_shapes, validate, validate_ntriples
from test_scale import broken
from test_shapes import BASE, PREFIXES, VIOLATING


def results(report: rdflib.Graph) -> set:
    """Each result as the facts a reader sees, blank-node shapes aside."""
    return {tuple(report.value(r, p) for p in (SH.focusNode, SH.resultPath, SH.resultMessage,
                                               SH.sourceConstraintComponent, SH.resultSeverity, SH.value))
            for r in report.subjects(RDF.type, SH.ValidationResult)}


RANGES = {SH.MinInclusiveConstraintComponent, SH.MaxInclusiveConstraintComponent,
          SH.MinExclusiveConstraintComponent, SH.MaxExclusiveConstraintComponent}


def known_difference(graph: rdflib.Graph) -> set:
    """The report lines of range results on ill-typed literals, from pyshacl-turbo's results."""
    _, report, _ = pyshacl_turbo.validate(graph, shacl_graph=load_shapes(), inference="none")
    names = bind_prefixes(rdflib.Graph()).namespace_manager
    return {f"{report.value(r, SH.focusNode).n3(names)} {report.value(r, SH.resultPath).n3(names)}: "
            f"{report.value(r, SH.resultMessage)}"
            for r in report.subjects(RDF.type, SH.ValidationResult)
            if report.value(r, SH.sourceConstraintComponent) in RANGES and report.value(r, SH.value).ill_typed}


def graphs(seeds_graph):
    yield "seeds", seeds_graph
    yield "seeds broken", broken(seeds_graph)
    for i, (shape, turtle, _) in enumerate(VIOLATING):
        yield f"{shape} {i}", rdflib.Graph().parse(data=PREFIXES + BASE + turtle, format="turtle")
    yield "all violations", rdflib.Graph().parse(
        data=PREFIXES + BASE + "\n".join(turtle for _, turtle, _ in VIOLATING), format="turtle")


def test_engines_give_the_same_report(seeds_graph):
    checked, differing = 0, 0
    for name, graph in graphs(seeds_graph):
        turbo = validate(graph, engine=pyshacl_turbo)
        reference = validate(graph, engine=pyshacl)
        assert validate(graph) == turbo, name  # the default engine
        assert (turbo.conforms, turbo.failed_shapes, turbo.triples, turbo.shapes) == \
               (reference.conforms, reference.failed_shapes, reference.triples, reference.shapes), name
        extra = known_difference(graph)
        assert set(turbo.messages) - extra == set(reference.messages) - extra, name
        assert extra <= set(turbo.messages), name
        checked += not reference.conforms
        differing += bool(extra)
    assert checked == len(VIOLATING) + 2
    assert differing == 3  # seeds broken, the ChartEntryShape '"0"^^xsd:positiveInteger' case (ill-typed), all violations


def test_engines_give_the_same_results_graph(seeds_graph):
    """Stricter than the report lines: constraint component, severity and value too."""
    shapes = load_shapes()
    graph = broken(seeds_graph)
    ours = pyshacl_turbo.validate(graph, shacl_graph=shapes, inference="none", advanced=False)
    theirs = pyshacl.validate(graph, shacl_graph=shapes, inference="none", advanced=False)
    assert ours[0] is theirs[0] is False
    known = {r for r in results(ours[1]) if r[3] in RANGES and r[5].ill_typed}
    assert len(known) == 1
    assert results(ours[1]) - known == results(theirs[1])
    assert len(results(theirs[1])) >= 10


def test_the_default_engine_is_pyshacl_turbo(monkeypatch, seeds_graph):
    calls = []
    real = pyshacl_turbo.validate
    monkeypatch.setattr(pyshacl_turbo, "validate", lambda *a, **k: calls.append(1) or real(*a, **k))
    validate(seeds_graph)
    assert calls == [1]


@pytest.mark.parametrize("turbo", [
    None,                                                                        # not installed
    types.SimpleNamespace(validate=lambda *a, **k: (_ for _ in ()).throw(NotImplementedError("sh:js"))),
    types.SimpleNamespace(validate=lambda *a, **k: (False, RuntimeError("unsupported"), "Validation Failure")),
], ids=["missing", "raises", "validation failure"])
def test_fallback_to_pyshacl_changes_nothing(monkeypatch, seeds_graph, turbo):
    graph = broken(seeds_graph)
    reference = validate(graph, engine=pyshacl)
    monkeypatch.setattr(kg.validate, "pyshacl_turbo", turbo)
    assert validate(graph) == reference
    assert validate(seeds_graph) == validate(seeds_graph, engine=pyshacl)


@pytest.mark.parametrize("turbo", [pyshacl_turbo, None], ids=["pyshacl-turbo", "missing"])
def test_ntriples_text_gives_the_graph_report(monkeypatch, seeds_graph, turbo):
    """kg.build hands batches to validate_ntriples as text; with or without
    focus nodes, and with either engine, the report is validate()'s."""
    graph = broken(seeds_graph)
    text = graph.serialize(format="nt")
    focus = sorted({str(s) for s in graph.subjects()})[::3]
    monkeypatch.setattr(kg.validate, "pyshacl_turbo", turbo)
    whole, part = validate(graph), validate(graph, only={rdflib.URIRef(iri) for iri in focus})
    assert validate_ntriples(text) == whole and not whole.conforms
    assert validate_ntriples(text, focus=focus) == part and 0 < len(part.messages) < len(whole.messages)
