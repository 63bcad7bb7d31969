"""The RDF file formats, by file extension, and the one way to read a graph file.

Every command that reads or writes a graph file (``kg build -o``, ``kg
validate``, ``kg eval``, ``kg export``, ``kg view``, ``kg query``, ``kg
load``) finds the format here, by the extension: rdflib's name for it,
pyoxigraph's, and the media type. Graphs are read in two ways only:
``read_graph`` (an rdflib Graph, for the commands that walk it in Python)
and ``read_quads`` (pyoxigraph quads, for stores and endpoints).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pyoxigraph
from pyoxigraph import RdfFormat
from rdflib import Graph

from .errors import GraphReadError, UsageError


@dataclass(frozen=True)
class Format:
    rdflib: str          # rdflib's parser and serializer name
    oxigraph: RdfFormat  # pyoxigraph's
    media_type: str

    @property
    def quads(self) -> bool:
        """Named graphs: one per article in what the build writes."""
        return self.oxigraph.supports_datasets


FORMATS = {
    ".ttl": Format("turtle", RdfFormat.TURTLE, "text/turtle"),
    ".nt": Format("nt", RdfFormat.N_TRIPLES, "application/n-triples"),
    ".nq": Format("nquads", RdfFormat.N_QUADS, "application/n-quads"),
    ".trig": Format("trig", RdfFormat.TRIG, "application/trig"),
    ".jsonld": Format("json-ld", RdfFormat.JSON_LD, "application/ld+json"),
    ".json": Format("json-ld", RdfFormat.JSON_LD, "application/ld+json"),
    ".xml": Format("xml", RdfFormat.RDF_XML, "application/rdf+xml"),
    ".rdf": Format("xml", RdfFormat.RDF_XML, "application/rdf+xml"),
}
TURTLE, N_TRIPLES, N_QUADS = FORMATS[".ttl"], FORMATS[".nt"], FORMATS[".nq"]


def format_for(path: Path, what: str = "output") -> Format:
    """The format of ``path`` by its extension; UsageError for any other."""
    try:
        return FORMATS[Path(path).suffix.lower()]
    except KeyError:
        raise UsageError(f"{path}: unknown {what} format (use one of {', '.join(sorted(FORMATS))})") from None


def read_graph(path: Path, fmt: str | None = None) -> Graph:
    """The graph in ``path`` as an rdflib Graph (named graphs merged), in the
    format ``fmt`` (an extension without its dot: "ttl", "nq", ...) or, by
    default, the one its extension says; an extension not in FORMATS is left
    to rdflib to guess. "-" reads standard input (Turtle unless ``fmt``)."""
    path = Path(path)
    known = format_for(Path(f"x.{fmt}"), "input") if fmt else FORMATS.get(path.suffix.lower())
    try:
        if str(path) == "-":
            import sys
            return Graph().parse(data=sys.stdin.buffer.read(), format=(known or TURTLE).rdflib)
        return Graph().parse(path, format=known.rdflib if known else None)
    except Exception as error:  # rdflib raises many parser-specific types
        reason = f"{error.strerror}" if isinstance(error, OSError) and error.strerror else f"{error}"
        raise GraphReadError(f"{path}: cannot read graph: {' '.join(reason.split())[:300]}") from None


def read_quads(path: Path) -> Iterator[pyoxigraph.Quad]:
    """The quads of ``path``, read by pyoxigraph as they come (a large file
    is never held whole)."""
    path = Path(path)
    fmt = format_for(path, "graph")
    try:
        yield from pyoxigraph.parse(path=str(path), format=fmt.oxigraph)
    except (OSError, SyntaxError) as error:
        raise GraphReadError(f"{path}: cannot read graph: {error}") from None
