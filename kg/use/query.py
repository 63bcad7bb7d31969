"""Run a SPARQL query on a graph file, a local store or an endpoint.

Oxigraph answers all three the same way: a graph file is loaded into an
in-memory store, a folder is opened read-only as the persistent store that
``kg load --store`` wrote, and an endpoint's JSON answer is parsed back into
Oxigraph's result objects. So every source prints through the same code,
and CSV, TSV, JSON and XML are Oxigraph's own SPARQL 1.1 result writers.
The project's prefixes (kg:, kgr:, rdfs:, ...) are declared for every query.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pyoxigraph
import requests

from ..errors import EndpointError, UsageError
from ..formats import N_TRIPLES, TURTLE, read_quads
from ..namespaces import PREFIXES, WRITER_PREFIXES
from .http import where
from .store import TIMEOUT, check, credentials

RESULT_FORMATS = {"csv": pyoxigraph.QueryResultsFormat.CSV, "tsv": pyoxigraph.QueryResultsFormat.TSV,
                  "json": pyoxigraph.QueryResultsFormat.JSON, "xml": pyoxigraph.QueryResultsFormat.XML}
PROLOGUE = "".join(f"PREFIX {prefix}: <{ns}>\n" for prefix, ns in PREFIXES.items())


def read_query(text_or_path: str) -> str:
    """QUERY is a file when one exists by that name (or it ends in .rq)."""
    path = Path(text_or_path)
    if path.suffix == ".rq" or (len(text_or_path) < 4096 and path.is_file()):
        try:
            return path.read_text(encoding="utf-8")
        except OSError as error:
            raise UsageError(f"{path}: cannot read query: {error.strerror}") from None
    return text_or_path


def is_endpoint(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def _remote(url: str, query: str):
    try:
        response = requests.post(url, data=query.encode("utf-8"), timeout=TIMEOUT, headers={
            "Content-Type": "application/sparql-query; charset=utf-8",
            "Accept": f"application/sparql-results+json, {N_TRIPLES.media_type};q=0.9", **credentials()})
    except requests.RequestException as error:
        raise EndpointError(f"cannot reach the endpoint: {type(error).__name__}") from None
    check(response, "query")
    triples = N_TRIPLES.media_type in response.headers.get("Content-Type", "")
    try:
        if triples:
            return [quad.triple for quad in pyoxigraph.parse(response.content, format=N_TRIPLES.oxigraph)]
        return pyoxigraph.parse_query_results(response.content, format=pyoxigraph.QueryResultsFormat.JSON)
    except (SyntaxError, ValueError):  # a 200 whose body is not what it says (a proxy's page, a wrong URL)
        raise EndpointError(f"query: {where(url)} answered {response.status_code} with a body that is not "
                            f"{'N-Triples' if triples else 'SPARQL JSON results'} "
                            f"({response.headers.get('Content-Type') or 'no Content-Type'})") from None


def open_source(source: str | Path) -> pyoxigraph.Store:
    path = Path(source)
    if path.is_dir():
        return pyoxigraph.Store.read_only(str(path))
    store = pyoxigraph.Store()
    store.bulk_extend(read_quads(path))
    return store


def run(source: str | Path, query: str):
    """Solutions (SELECT), a boolean (ASK) or triples (CONSTRUCT, DESCRIBE)."""
    query = PROLOGUE + query
    if is_endpoint(str(source)):
        return _remote(str(source), query)
    try:
        return open_source(source).query(query)
    except SyntaxError as error:
        raise UsageError(f"invalid query: {error}") from None


def term_text(term) -> str:
    """A cell for people: a literal's text, an IRI shortened by the project's
    prefixes, nothing for an unbound variable."""
    if term is None:
        return ""
    if isinstance(term, pyoxigraph.NamedNode):
        for prefix, ns in PREFIXES.items():
            if term.value.startswith(str(ns)):
                return f"{prefix}:{term.value[len(str(ns)):]}"
        return f"<{term.value}>"
    return term.value if isinstance(term, pyoxigraph.Literal) else str(term)


def table(solutions) -> tuple[list[str], list[tuple[str, ...]]]:
    """Header and rows of a SELECT answer, as ``term_text`` shows them."""
    header = [v.value for v in solutions.variables]
    return header, [tuple(term_text(solution[name]) for name in header) for solution in solutions]


def write(results, fmt: str = "table", out=None) -> None:
    out = out or sys.stdout.buffer
    if isinstance(results, (list, pyoxigraph.QueryTriples)):
        out.write(pyoxigraph.serialize(list(results), format=TURTLE.oxigraph, prefixes=WRITER_PREFIXES))
    elif fmt != "table":
        out.write(results.serialize(format=RESULT_FORMATS[fmt]))
    elif isinstance(results, pyoxigraph.QueryBoolean):
        out.write(b"yes\n" if bool(results) else b"no\n")
    else:
        header, rows = table(results)
        widths = [max(map(len, column)) for column in zip(header, *rows)]
        for row in [header, ["-" * w for w in widths], *rows]:
            out.write(("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() + "\n").encode("utf-8"))
        out.write(f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n".encode())
