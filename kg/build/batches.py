"""SHACL validation of the built graph, one batch of subjects at a time.

Every shape in shapes/kg.ttl is node-local (a focus node, its values and the
rdf:type of its values), so a batch holds its subjects' triples plus the
rdf:type triples of the objects they point to, and the merged report equals
a whole-graph validation's. Batches are byte ranges of the sorted N-Triples
file; they go to the engine's workers as soon as the merge has written them.
"""
from __future__ import annotations

import os
import tempfile
import time
from collections import Counter
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Iterable, Iterator

from rdflib import Graph, URIRef

from ..namespaces import KG, RDF, SH
from ..records import BuildResult, ValidationResult
from ..validate import load_shapes, validate_ntriples
from ..vocab import NARY_CLASSES
from . import runs

VALIDATE_TRIPLES = 5_000    # triples per validation batch (the engine is fastest on small ones)


class BatchIndex:
    """Built over a sorted N-Triples file, a sorted list of lines at a time:
    the byte ranges of validation batches of about ``size`` lines that never
    split a subject, the rdf:type lines whose class is in ``targets``, and
    the number of lines and of rdf:type lines of each class in ``counted``
    (classes as ``<IRI>``)."""

    RDF_TYPE = f"<{RDF.type}>".encode()

    def __init__(self, size: int, targets: Iterable[bytes] = (), counted: Iterable[bytes] = ()):
        self.size = size
        self.ranges: list[tuple[int, int]] = []
        self.types: list[bytes] = []
        self.classes: Counter = Counter()
        self.lines = 0
        # The end of a type line: no other line ends so (a literal's " .\n" is escaped).
        self._targets = tuple(self._type_end(cls) for cls in targets)
        self._counted = {cls: self._type_end(cls) for cls in counted}
        self._start = self._offset = self._count = 0  # the open batch's start and lines; the end so far
        self._last = b""  # the last line indexed

    def _type_end(self, cls: bytes) -> bytes:
        return b" " + self.RDF_TYPE + b" " + cls + b" .\n"

    def add(self, lines: list[bytes], data: bytes) -> list[tuple[int, int]]:
        """Index the next lines (``data``: them joined); returns the ranges of
        the batches they close. A batch closes before the first line, once it
        has ``size`` lines, whose subject is not the one of the line before."""
        closed = []
        ends = list(accumulate(map(len, lines), initial=self._offset))  # ends[k]: where lines[k] starts
        i = 0
        while True:
            j = i + max(self.size - self._count, 0)
            if j >= len(lines):
                break
            before = lines[j - 1] if j else self._last
            subject = before[:before.index(b" ") + 1]
            while j < len(lines) and lines[j].startswith(subject):
                j += 1
            if j == len(lines):
                break
            closed.append((self._start, ends[j]))
            self._start, self._count, i = ends[j], 0, j
        self._count += len(lines) - i
        self._offset, self._last = ends[-1], lines[-1] if lines else self._last
        self.lines += len(lines)
        self.ranges.extend(closed)
        for cls, end in self._counted.items():
            self.classes[cls] += data.count(end)
        if self._targets:
            self.types.extend(line for line in lines if line.endswith(self._targets))
        return closed

    def done(self) -> "BatchIndex":
        if self._count:
            self.ranges.append((self._start, self._offset))
            self._start, self._count = self._offset, 0
        return self


def validation_targets() -> frozenset[str]:
    """IRIs of the classes that sh:class constraints name: the only rdf:type
    triples a batch needs besides its own subjects'."""
    return frozenset(str(c) for c in load_shapes().objects(None, SH["class"]))


@lru_cache(maxsize=None)
def typed_value_predicates(shapes: Graph | None = None) -> frozenset[bytes] | None:
    """The predicates (as ``<IRI>``) whose values' rdf:type a check reads:
    the path of each property shape with sh:class, itself or in its sh:or.
    A batch needs the type lines of those values only (most objects, such
    as an evidence node's rdf:subject, need none). None when some sh:class
    sits elsewhere in ``shapes`` (default: the project's): then every
    object's type lines go with the batch."""
    shapes = load_shapes() if shapes is None else shapes
    within = (SH["or"] / (RDF.rest * "*") / RDF.first) * "*"  # a shape, or an alternative of its sh:or
    needed = set()
    for owner in shapes.subjects(SH["class"], None, unique=True):
        found = {path for shape in shapes.subjects(within, owner) for path in shapes.objects(shape, SH.path)}
        if not found or not all(isinstance(path, URIRef) for path in found):
            return None
        needed |= found
    return frozenset(f"<{path}>".encode() for path in needed)


def batch_index(path: Path, size: int = VALIDATE_TRIPLES) -> BatchIndex:
    """The BatchIndex of a sorted N-Triples file."""
    index = BatchIndex(size, targets=[f"<{c}>".encode() for c in sorted(validation_targets())])
    with path.open("rb") as handle:
        for lines in iter(lambda: handle.readlines(runs.READ_BYTES), []):
            index.add(lines, b"".join(lines))
    return index.done()


def _merged_ranges(result: BuildResult, index: BatchIndex) -> Iterator[tuple[int, int]]:
    """Merge the sorted runs into one sorted, duplicate-free N-Triples file,
    yielding each validation batch's byte range as soon as it is on disk, so
    that workers validate while the merge goes on. Time spent merging counts
    as resolving."""
    graph, timings = result.graph, result.timings
    started = time.perf_counter()
    with graph.ntriples.open("wb") as handle:
        for lines in graph.lines.merged():
            data = b"".join(lines)
            handle.write(data)
            closed = index.add(lines, data)
            if closed:
                handle.flush()
                timings.resolve += time.perf_counter() - started
                yield from closed
                started = time.perf_counter()
    before = len(index.ranges)
    index.done()
    timings.resolve += time.perf_counter() - started
    yield from index.ranges[before:]


_TYPES: dict = {}  # per worker process: the type lines of the graph being validated


def _validate_range(task: tuple) -> ValidationResult:
    """A worker's batch: its byte range of the sorted file plus the rdf:type
    lines of the objects it points to, validated for its own subjects."""
    path, start, end, types_path = task
    if types_path not in _TYPES:
        _TYPES.clear()
        types: dict[bytes, list[bytes]] = {}
        with open(types_path, "rb") as handle:
            for line in handle:
                types.setdefault(line.split(b" ", 1)[0], []).append(line)
        _TYPES[types_path] = types
    types = _TYPES[types_path]
    with open(path, "rb") as handle:
        handle.seek(start)
        batch = handle.read(end - start)
    predicates = typed_value_predicates()
    subjects, objects = set(), set()
    for subject, predicate, rest in (line.split(b" ", 2) for line in batch.splitlines()):
        subjects.add(subject)
        if predicates is None or predicate in predicates:
            objects.add(rest[:-2])  # the object, without " ."
    extra = b"".join(line for o in objects if o in types for line in types[o])
    text = (batch + extra).decode("utf-8", "surrogatepass")
    if not extra:
        return validate_ntriples(text)
    return validate_ntriples(text, focus=sorted(s[1:-1].decode("utf-8", "surrogatepass") for s in subjects))


def _validation_tasks(path: Path, ranges: Iterable[tuple[int, int]], types: Path) -> Iterator[tuple]:
    """The ``_validate_range`` task of each batch of ``path`` (``types``: the
    file of the rdf:type lines the batches may need)."""
    return ((str(path), start, end, str(types)) for start, end in ranges)


def _combined_report(parts: Iterable[ValidationResult], index: BatchIndex) -> ValidationResult:
    """The batches' reports merged into the report of the whole graph."""
    failed, messages, conforms = set(), set(), True
    for part in parts:
        conforms &= part.conforms
        failed.update(part.failed_shapes)
        messages.update(part.messages)
    shapes = load_shapes()
    return ValidationResult(conforms=conforms, failed_shapes=sorted(failed), messages=sorted(messages),
                            triples=index.lines, shapes=len(set(shapes.subjects(RDF.type, SH.NodeShape))))


def validate_sorted(path: Path, map_batches=map, size: int = VALIDATE_TRIPLES) -> ValidationResult:
    """SHACL on a sorted N-Triples file, one batch of subjects at a time.
    Every shape in shapes/kg.ttl is node-local (a focus node, its values and
    the rdf:type of its values), so each batch holds its subjects' triples
    plus the rdf:type triples of the objects they point to, and the merged
    report equals a whole-graph validation's. ``map_batches`` runs the
    batches (in worker processes for ``--jobs``); each reads its own slice."""
    index = batch_index(path, size)
    with tempfile.NamedTemporaryFile(prefix="kg-types-", delete=False) as handle:  # a new name: workers cache by it
        handle.writelines(index.types)
    try:
        return _combined_report(map_batches(_validate_range, _validation_tasks(path, index.ranges, Path(handle.name))), index)
    finally:
        _TYPES.clear()  # batches validated in this process cached the type lines
        os.unlink(handle.name)


def merge_and_validate(result: BuildResult, engine, output: Path | None) -> None:
    """The merge, the validation and the output overlap: each batch goes to
    the engine's workers as soon as the merge has written it, and with
    ``output`` the file is prepared (``BuiltGraph.prepare``) while the last
    batches run."""
    graph, timings = result.graph, result.timings
    started = time.perf_counter()
    before = timings.resolve + timings.write
    counted = {cls: f"<{KG[cls]}>".encode() for cls in NARY_CLASSES}
    index = BatchIndex(VALIDATE_TRIPLES, counted=counted.values())  # the type lines came from the emission
    parts = engine.map(_validate_range, _validation_tasks(graph.ntriples, _merged_ranges(result, index), graph.types))
    if output is not None:
        try:
            graph.prepare(output)
        except OSError:  # write(output) tries again, and reports it
            pass
    result.report = _combined_report(parts, index)
    _TYPES.clear()  # batches validated in this process cached the type lines
    graph.types.unlink()
    result.triples = index.lines
    for cls, iri in counted.items():
        if index.classes[iri]:
            result.counts[cls] = index.classes[iri]
    graph.lines = None
    timings.validate += time.perf_counter() - started - (timings.resolve + timings.write - before)
