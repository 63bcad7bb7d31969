"""Check a built graph against the SHACL shapes in ``shapes/kg.ttl``.

The engine is pyshacl-turbo (a Rust SHACL engine with pySHACL's API, several
times faster on our graphs) where it is installed, and pyshacl, the reference,
where it is not or where it cannot run the shapes. The report is read from the
engine's results graph (not its text) so that callers get stable, sorted lines
they can print, diff and assert on; tests/test_validate_engine.py checks that
both engines give the same report, but for one known difference it names.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from types import ModuleType

import pyshacl
import rdflib

try:
    import pyshacl_turbo
    # The engine's own input record (serialized text + format), which
    # CompiledShapes.validate takes as is; pinned with pyshacl-turbo in
    # requirements.lock, and tests/test_validate_engine.py covers it.
    from pyshacl_turbo.rdf import Input as TurboInput
except ImportError:  # pyshacl alone
    pyshacl_turbo = None

from .namespaces import RDF, SH, bind_prefixes
from .records import ValidationResult
from .vocab import local_name

__all__ = ["ValidationResult", "load_shapes", "report_records", "validate", "validate_ntriples", "validate_with_report"]

# shapes/kg.ttl, shipped inside the package (kg/shapes/kg.ttl links to it in
# the repository; the wheel holds a copy).
SHAPES_PATH = Path(__file__).parent / "shapes" / "kg.ttl"


@lru_cache(maxsize=None)
def load_shapes(path: Path | None = None) -> rdflib.Graph:
    """Parse the shapes once per path: every build validates against them.
    The cached graph is shared, so callers must not modify it."""
    return rdflib.Graph().parse(path or SHAPES_PATH, format="turtle")


def _shacl(graph: rdflib.Graph, shapes: rdflib.Graph, engine: ModuleType | None) -> tuple[bool, rdflib.Graph]:
    """(conforms, results graph) from ``engine`` when one is given. By default
    pyshacl-turbo, and pyshacl if pyshacl-turbo is not installed, raises, or
    reports a validation failure instead of results (a shapes feature it does
    not support)."""
    if engine is None and pyshacl_turbo is not None:
        try:
            conforms, report, _ = pyshacl_turbo.validate(graph, shacl_graph=shapes, inference="none", advanced=False)
            if isinstance(report, rdflib.Graph):
                return conforms, report
        except RuntimeError:  # NotImplementedError and ReportableRuntimeError among them
            pass
    conforms, report, _ = (engine or pyshacl).validate(graph, shacl_graph=shapes, inference="none", advanced=False)
    return conforms, report


def validate(graph: rdflib.Graph, shapes: rdflib.Graph | None = None, only: Iterable[str] | None = None,
             engine: ModuleType | None = None) -> ValidationResult:
    """Validate without inference or the ontology: sh:class sees only the
    rdf:type triples the graph states, which is what consumers will see.
    With ``only`` (IRIs), only results about those focus nodes count (kg.build
    validates a graph one batch of subjects at a time). ``engine`` is the
    ``pyshacl_turbo`` or ``pyshacl`` module to run alone (default: see _shacl)."""
    shapes = load_shapes() if shapes is None else shapes
    conforms, report = _shacl(graph, shapes, engine)
    return _read_report(conforms, report, shapes, only, len(graph))


def validate_with_report(graph: rdflib.Graph, shapes: rdflib.Graph | None = None
                         ) -> tuple[ValidationResult, rdflib.Graph]:
    """The report in words and the SHACL validation report graph itself
    (sh:ValidationReport), for `kg validate --format turtle|json`."""
    shapes = load_shapes() if shapes is None else shapes
    conforms, report = _shacl(graph, shapes, None)
    return _read_report(conforms, report, shapes, None, len(graph)), report


def report_records(report: rdflib.Graph, shapes: rdflib.Graph | None = None) -> list[dict]:
    """The results of a SHACL report graph as plain records (for JSON): focus
    node, path, value, the node shape, the constraint, severity, message."""
    shapes = load_shapes() if shapes is None else shapes
    records = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        source = report.value(result, SH.sourceShape)
        owner = shapes.value(predicate=SH.property, object=source) or source
        value = report.value(result, SH.value)
        records.append({
            "focusNode": str(report.value(result, SH.focusNode)),
            "path": None if report.value(result, SH.resultPath) is None else str(report.value(result, SH.resultPath)),
            "value": None if value is None else str(value),
            "shape": str(owner) if isinstance(owner, rdflib.URIRef) else None,
            "constraint": local_name(report.value(result, SH.sourceConstraintComponent)),
            "severity": local_name(report.value(result, SH.resultSeverity)),
            "message": None if report.value(result, SH.resultMessage) is None else str(report.value(result, SH.resultMessage)),
        })
    return sorted(records, key=lambda r: (r["focusNode"], r["path"] or "", r["message"] or "", r["value"] or ""))


@lru_cache(maxsize=None)
def _compiled_shapes():
    return pyshacl_turbo.compile_shapes(load_shapes())


def validate_ntriples(text: str, focus: list[str] | None = None) -> ValidationResult:
    """Validate N-Triples text against the project's shapes; with ``focus``
    (IRIs), only those nodes are checked. pyshacl-turbo reads the text
    itself, against shapes compiled once per process: parsing a batch into
    rdflib and copying it into the engine cost more than the checks. Where
    pyshacl-turbo cannot run, the text goes through rdflib and validate()."""
    if pyshacl_turbo is not None:
        try:
            conforms, report, _ = _compiled_shapes().validate(TurboInput(text, "nt", None, {}), focus_nodes=focus)
            if isinstance(report, rdflib.Graph):
                return _read_report(conforms, report, load_shapes(), focus, text.count("\n"))
        except (RuntimeError, ValueError):  # ValidationFailure is a ValueError
            pass
    return validate(rdflib.Graph().parse(data=text, format="nt"), only=focus)


def _read_report(conforms: bool, report: rdflib.Graph, shapes: rdflib.Graph, only: Iterable[str] | None,
                 triples: int) -> ValidationResult:
    failed, messages = set(), set()
    results = list(report.subjects(RDF.type, SH.ValidationResult))
    if results:  # most batches have none: then neither the names nor the focus set are needed
        names = bind_prefixes(rdflib.Graph()).namespace_manager
        only = None if only is None else {rdflib.URIRef(iri) for iri in only}
    for result in results:
        if only is not None and report.value(result, SH.focusNode) not in only:
            continue
        source = report.value(result, SH.sourceShape)
        # A property shape is reported under the NodeShape that owns it
        # (each of ours belongs to exactly one).
        owner = shapes.value(predicate=SH.property, object=source) or source
        failed.add(local_name(owner))
        focus = report.value(result, SH.focusNode).n3(names)
        path = report.value(result, SH.resultPath)
        where = f"{focus} {path.n3(names)}" if path is not None else focus
        messages.add(f"{where}: {report.value(result, SH.resultMessage)}")
    return ValidationResult(
        conforms=bool(conforms) if only is None else not messages,
        failed_shapes=sorted(failed),
        messages=sorted(messages),
        triples=triples,
        shapes=len(set(shapes.subjects(RDF.type, SH.NodeShape))),
    )
