"""The built graph on disk, and its writer.

A build leaves the graph as one sorted, duplicate-free N-Triples file in a
temporary folder (plus, for an N-Quads output, the sorted runs of each
article's named graph). ``BuiltGraph`` writes it in the output's format:
Turtle with pyoxigraph (millions of triples a second, deterministic because
its input is sorted), N-Triples and N-Quads by copying and merging lines,
the other formats through rdflib (graphs that fit in memory). Writes are
atomic (kg/export.py).
"""
from __future__ import annotations

import heapq
import shutil
import tempfile
import time
import weakref
from itertools import chain
from pathlib import Path

import pyoxigraph
from rdflib import Graph

from ..export import commit_atomic, prepare_atomic, serialize, write_atomic
from ..formats import N_QUADS, N_TRIPLES, TURTLE, Format, format_for
from ..namespaces import WRITER_PREFIXES
from ..records import Timings
from .runs import SortedLines

# kg:, kgr: and the collections under it (song:, person:, ...), and the
# vocabularies the graph uses.
TURTLE_PREFIXES = {prefix: ns for prefix, ns in WRITER_PREFIXES.items()
                   if prefix not in ("kgs", "wd", "wdt", "mo", "owl", "sh", "dcterms")}


class BuiltGraph:
    """The graph a build made: ``ntriples``, the sorted N-Triples file (once
    the build has merged ``lines``), and ``quads``, the runs of the articles'
    named graphs (None when the build keeps none). Everything lives in a
    temporary folder that ``close()``, or the end of this object, removes."""

    def __init__(self, timings: Timings, named: bool):
        self.folder = Path(tempfile.mkdtemp(prefix="kg-build-"))
        self._removal = weakref.finalize(self, shutil.rmtree, self.folder, True)
        self.timings = timings  # the build's: writing adds to timings.write
        self.lines: SortedLines | None = SortedLines(self.folder, "triples")
        self.quads: SortedLines | None = SortedLines(self.folder, "quads") if named else None
        self.ntriples = self.folder / "graph.nt"
        self.types = self.folder / "types.nt"  # rdf:type lines validation batches may need
        self._prepared: tuple | None = None  # (output path, its temporary file, the removal of that file)
        self.committed: Path | None = None  # the output, once renamed into place

    def rdflib(self) -> Graph:
        """The whole graph in rdflib (for tests and small builds)."""
        return Graph().parse(self.ntriples, format="nt")

    def prepare(self, out: Path) -> None:
        """Serialize the graph for ``out`` into a temporary file beside it,
        which ``write(out)`` renames into place and ``close()`` (or the end
        of this object) removes if it never does. The build calls this with
        its ``output`` while its last validation batches run."""
        started = time.perf_counter()
        out = Path(out)
        tmp = prepare_atomic(out, self._content(out))
        self._prepared = (out, tmp, weakref.finalize(self, tmp.unlink, missing_ok=True))
        self.timings.write += time.perf_counter() - started

    def write(self, out: Path, fmt: Format | None = None) -> None:
        """Write the graph to ``out``, atomically, in ``fmt`` (default: by the extension)."""
        started = time.perf_counter()
        out = Path(out)
        if self._prepared is not None and self._prepared[0] == out and fmt is None:
            _, tmp, removal = self._prepared
            removal.detach()
            self._prepared = None
            commit_atomic(tmp, out)
        else:
            write_atomic(out, self._content(out, fmt))
        self.committed = out
        self.timings.write += time.perf_counter() - started

    def write_stream(self, handle, fmt: Format) -> None:
        """Write the graph in ``fmt`` to an open binary ``handle`` (`kg build -o -`)."""
        content = self._content(None, fmt)
        handle.write(content) if isinstance(content, bytes) else content(handle)

    def _content(self, out: Path | None, fmt: Format | None = None):
        """What ``out`` holds, by its format (``fmt``, or its extension): bytes, or a writer of them."""
        fmt = fmt or format_for(out)
        if fmt == TURTLE:
            prefixes = TURTLE_PREFIXES
            # lenient: the lines were written from pyoxigraph terms, whose IRIs
            # were checked when made; checking them again took a third of the time.
            return lambda handle: pyoxigraph.serialize(
                pyoxigraph.parse(path=str(self.ntriples), format=N_TRIPLES.oxigraph, lenient=True),
                output=handle, format=TURTLE.oxigraph, prefixes=prefixes)
        if fmt == N_TRIPLES:
            def copy(handle):
                with self.ntriples.open("rb") as source:
                    shutil.copyfileobj(source, handle, 1 << 20)
            return copy
        if fmt == N_QUADS and self.quads is not None:
            # The default graph holds the whole graph, each article's named
            # graph the facts it states (kg.export.by_article), line-sorted.
            def lines(handle):
                with self.ntriples.open("rb") as triples:
                    handle.writelines(heapq.merge(triples, chain.from_iterable(self.quads.merged())))
            return lines
        return serialize(self.rdflib(), fmt.rdflib)  # TriG, JSON-LD, RDF/XML: through rdflib

    def close(self) -> None:
        """Remove the temporary files: an output prepared but not written, and the folder."""
        if self._prepared is not None:
            self._prepared[2]()
            self._prepared = None
        self._removal()
