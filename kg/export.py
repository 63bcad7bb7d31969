"""Export stage: write a graph to disk, atomically and deterministically.

The format follows the file extension. Output goes to a temporary file in
the same folder and is renamed into place, so an interrupted build never
leaves a half-written file and the previous output survives.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Graph

FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld", ".xml": "xml", ".rdf": "xml"}


def format_for(path: Path) -> str:
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        raise ValueError(f"{path}: unknown output format (use one of {', '.join(sorted(FORMATS))})") from None


def serialize(graph: Graph, fmt: str = "turtle") -> bytes:
    """rdflib's Turtle writer groups triples by subject with the bound
    prefixes and sorts subjects and objects, so equal graphs give equal
    bytes (the graph has no blank nodes)."""
    return graph.serialize(format=fmt, encoding="utf-8")


def write_atomic(path: Path, data: bytes) -> None:
    path = Path(path)
    if not path.parent.is_dir():
        raise OSError(f"{path}: folder {path.parent} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_graph(graph: Graph, path: Path) -> None:
    write_atomic(path, serialize(graph, format_for(Path(path))))
