"""Run a SPARQL query on a graph file, a local store or an endpoint.

Oxigraph answers all three the same way: a graph file is loaded into an
in-memory store, a folder is opened read-only as the persistent store that
``kg load --store`` wrote, and an endpoint's JSON answer is parsed back into
Oxigraph's result objects. So every source prints through the same code,
and CSV, TSV, JSON and XML are Oxigraph's own SPARQL 1.1 result writers.
The project's prefixes (kg:, kgr:, rdfs:, ...) are declared for every query
(given to Oxigraph beside the query, so an error's line and column are the
query's own; an endpoint gets them on the query's first line).

Answers are streamed: rows are written as Oxigraph (or the endpoint) gives
them, never all held (the table takes its column widths from the first
TABLE_SAMPLE rows). A query on a local source that holds a SERVICE clause,
which would make this process send requests to other endpoints, is refused
unless ``allow_service``. ``kg query --timeout`` bounds the whole command.
"""
from __future__ import annotations

import re
import sys
from itertools import chain, islice
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
PREFIX_IRIS = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
# For an endpoint, on the query's first line: the query's lines keep their numbers in its errors.
PROLOGUE = " ".join(f"PREFIX {prefix}: <{ns}>" for prefix, ns in PREFIX_IRIS.items()) + " "
TABLE_SAMPLE = 1000  # rows the table's column widths are taken from

# What a SERVICE keyword may hide behind, removed before looking for it: comments, strings (all four
# kinds) and IRIs; SPARQL reads \u and \U escapes anywhere in a query, so they are read first.
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_HIDING = re.compile("|".join([
    r'"""(?:[^"\\]|\\.|"(?!""))*"""',  # """long string"""
    r"'''(?:[^'\\]|\\.|'(?!''))*'''",  # '''long string'''
    r'"(?:[^"\\\n]|\\.)*"',             # "string"
    r"'(?:[^'\\\n]|\\.)*'",             # 'string'
    r'<[^<>"{}|^`\\\x00-\x20]*>',         # <IRI> (not the < of a comparison: that has spaces)
    r"#[^\n]*",                            # comment
]), re.DOTALL)
_SERVICE = re.compile(r"(?<![\w:?$.\-])SERVICE(?![\w:\-])", re.IGNORECASE)


def uses_service(query: str) -> bool:
    """Whether the query holds the SERVICE keyword (not in a string, an IRI,
    a comment, a variable or a prefixed name)."""
    text = _ESCAPE.sub(lambda m: chr(int(m[1] or m[2], 16)) if int(m[1] or m[2], 16) < 0x110000 else "", query)
    return bool(_SERVICE.search(_HIDING.sub(" ", text)))


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


class Triples:
    """The triples of an endpoint's CONSTRUCT or DESCRIBE answer, read as they come."""

    def __init__(self, response: requests.Response):
        self.response = response

    def __iter__(self):
        with self.response:
            for quad in pyoxigraph.parse(self.response.raw, format=N_TRIPLES.oxigraph):
                yield quad.triple


def _remote(url: str, query: str):
    try:
        response = requests.post(url, data=query.encode("utf-8"), timeout=TIMEOUT, stream=True, headers={
            "Content-Type": "application/sparql-query; charset=utf-8",
            "Accept": f"application/sparql-results+json, {N_TRIPLES.media_type};q=0.9", **credentials()})
    except requests.RequestException as error:
        raise EndpointError(f"cannot reach the endpoint: {type(error).__name__}") from None
    check(response, "query")
    response.raw.decode_content = True  # gzip, deflate: as requests would
    triples = N_TRIPLES.media_type in response.headers.get("Content-Type", "")
    if triples:
        return Triples(response)  # read as it comes: a body that is not N-Triples fails while printing
    try:
        return pyoxigraph.parse_query_results(response.raw, format=pyoxigraph.QueryResultsFormat.JSON)
    except (SyntaxError, ValueError):  # a 200 whose body is not what it says (a proxy's page, a wrong URL)
        raise EndpointError(f"query: {where(url)} answered {response.status_code} with a body that is not "
                            f"SPARQL JSON results ({response.headers.get('Content-Type') or 'no Content-Type'})"
                            ) from None


def open_source(source: str | Path) -> pyoxigraph.Store:
    path = Path(source)
    if path.is_dir():
        return pyoxigraph.Store.read_only(str(path))
    store = pyoxigraph.Store()
    store.bulk_extend(read_quads(path))
    return store


def run(source: str | Path, query: str, allow_service: bool = False):
    """Solutions (SELECT), a boolean (ASK) or triples (CONSTRUCT, DESCRIBE),
    to be read once, as they come. On a graph file or a store, a query with
    a SERVICE clause is a UsageError unless ``allow_service``."""
    if is_endpoint(str(source)):
        return _remote(str(source), PROLOGUE + query)
    if not allow_service and uses_service(query):
        raise UsageError("the query has a SERVICE clause, which would send requests to another endpoint from here: "
                         "give --allow-service to run it")
    store = open_source(source)
    try:
        return store.query(query, prefixes=PREFIX_IRIS)
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
    """The answer to ``out`` (stdout) as it comes: SPARQL results formats and
    Turtle written by Oxigraph as it reads them, the table row by row."""
    out = out or sys.stdout.buffer
    if isinstance(results, (list, Triples, pyoxigraph.QueryTriples)):
        pyoxigraph.serialize(results, output=out, format=TURTLE.oxigraph, prefixes=WRITER_PREFIXES)
    elif fmt != "table":
        results.serialize(output=out, format=RESULT_FORMATS[fmt])
    elif isinstance(results, pyoxigraph.QueryBoolean):
        out.write(b"yes\n" if bool(results) else b"no\n")
    else:
        _write_table(results, out)


def _write_table(solutions, out) -> None:
    """Aligned columns, widths from the first TABLE_SAMPLE rows (a longer cell
    further down is written whole), then the number of rows."""
    header = [v.value for v in solutions.variables]
    rows = (tuple(term_text(solution[name]) for name in header) for solution in solutions)
    first = list(islice(rows, TABLE_SAMPLE))
    widths = [max(map(len, column)) for column in zip(header, *first)]
    count = 0
    for row in chain([header, ["-" * w for w in widths]], first, rows):
        out.write(("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() + "\n").encode("utf-8"))
        count += 1
    count -= 2
    out.write(f"({count} row{'s' if count != 1 else ''})\n".encode())
