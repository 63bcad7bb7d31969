"""The streaming builder behind ``kg build``: corpora of any size in bounded memory.

Articles are read lazily and go to the NLP + extraction workers in chunks
(in-process, a local process pool for ``--jobs N``, or a Dask cluster); the
extractions come back in input order, so every engine resolves them in the
same order and gives the same graph. Resolution keeps only the name index
(kg/resolve.py); each article's triples are written out as N-Triples lines
as soon as it is resolved, into sorted runs on disk. At the end the entity
labels, the inferences and the chart/rating nodes (whose labels need the
final entity labels) are added, the runs are merged into one sorted,
duplicate-free N-Triples file, validated one batch of subjects at a time and
written in the output format with pyoxigraph (Turtle at millions of triples
a second, deterministic because its input is sorted).

``--update`` keeps each article's extraction in ``OUT.cache/`` keyed by a
hash of the article and of everything that shapes extraction (model, rules,
gazetteers, code), so only new or changed articles go through the NLP;
resolution and writing always start from all extractions, in input order,
so the graph equals a full rebuild's.
"""
from __future__ import annotations

import gc
import hashlib
import heapq
import os
import pickle
import shutil
import sqlite3
import sys
import tempfile
import time
import weakref
from bisect import bisect_right
from collections import Counter, deque
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import accumulate, chain
from pathlib import Path
from typing import Callable, Iterable, Iterator, NamedTuple

import pyoxigraph
from pyoxigraph import NamedNode
from rdflib import Graph, URIRef

from .ingest import IngestError, iter_articles
from .nlp import Models
from .namespaces import KG, KGR, PREFIXES, RDF
from .rdf import TYPE, article_node, node, ntriples, record_labels, record_triples, statement_triple, triples
from .records import Article, Extraction
from .resolve import ResolvedGraph, Resolver, Statement, inferences, inferred_evidence

CHUNK = 32                  # articles per task sent to a worker
RUN_LINES = 50_000          # N-Triples lines per sorted run on disk
MERGE_FAN_IN = 64           # runs merged at once (open files); more are first merged into bigger runs
READ_BYTES = 1 << 16        # read from each run at a time while merging
VALIDATE_TRIPLES = 5_000    # triples per validation batch (the engine is fastest on small ones)
TURTLE_PREFIXES = ("kg", "prov", "rdf", "rdfs", "schema", "skos", "xsd")
INFER_PREDICATES = {"inAlbum", "soundtrackOf", "performer"}
HERE = Path(__file__).resolve().parent


# --- extraction workers -------------------------------------------------------

_PIPELINES: dict = {}


def _pipeline(model: Models):
    """One model per worker process, loaded by its first task."""
    if model not in _PIPELINES:
        from .nlp import load_pipeline
        _PIPELINES[model] = load_pipeline(model)
    return _PIPELINES[model]


def extract_articles(articles: list[Article], model: Models) -> list:
    """A worker's task: NLP and extraction of a chunk of articles."""
    from .extract import extract
    return _extract_with(articles, _pipeline(model), extract)


def _extract_with(articles: list[Article], nlp, extract) -> list:
    """In order, for each article an Extraction (its article without the
    text, which nothing downstream reads) or the message of an extraction
    failure."""
    from .extract import describe
    results = []
    # Strings, vocabulary entries and tokenizer cache entries made for these
    # articles are freed after them: a worker's memory stays flat however many
    # articles it reads. Extractions hold only Python values, no spaCy objects.
    with nlp.memory_zone():
        for doc, article in nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=CHUNK):
            try:
                extraction = extract(article, doc)
                extraction.article = replace(extraction.article, text="")
                results.append(extraction)
            except Exception as error:  # noqa: BLE001 - one article's failure must not end the batch
                results.append(f"article {article.id!r}: extraction failed ({describe(error)})")
    return results


def ingest_and_extract(paths: list[str], model: Models) -> tuple[list, list]:
    """A Dask task: read the files (shared storage), then NLP and extraction.
    Returns ([(article id, source, key, result), ...], [ingest error, ...])."""
    errors: list[IngestError] = []
    articles = list(iter_articles([Path(p) for p in paths], errors.append))
    results = extract_articles(articles, model) if articles else []
    return [(a.id, a.source, article_key(a), r) for a, r in zip(articles, results)], errors


# --- cache ---------------------------------------------------------------------

def fingerprint(models: Models) -> str:
    """Everything besides the article that decides its extraction."""
    import spacy
    digest = hashlib.sha256(models.fingerprint())
    digest.update(spacy.__version__.encode())
    files = [HERE / "nlp.py", HERE / "records.py", *sorted((HERE / "extract").glob("*.py")),
             *sorted((HERE / "data").iterdir())]
    for path in files:
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def article_key(article: Article) -> str:
    fields = (article.id, article.source, article.title, article.text,
              article.published.isoformat() if article.published else "", article.url or "")
    return hashlib.sha256("\x00".join(fields).encode("utf-8", "surrogatepass")).hexdigest()


class ExtractionCache:
    """Per-article extractions in ``FOLDER/extractions.sqlite``, pickled and
    keyed by fingerprint + article hash. The file is this builder's own
    (do not load a cache from an untrusted source: it holds pickles). After
    a build, entries no input used any more are dropped."""

    def __init__(self, folder: Path, model: Models):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.folder / "extractions.sqlite")
        self.db.execute("CREATE TABLE IF NOT EXISTS extraction (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
        self.db.execute("CREATE TEMP TABLE used (key TEXT PRIMARY KEY)")
        self.prefix = fingerprint(model) + ":"
        self.hits = self.misses = self._pending = 0

    def get(self, key: str) -> Extraction | None:
        row = self.db.execute("SELECT value FROM extraction WHERE key = ?", (self.prefix + key,)).fetchone()
        self.db.execute("INSERT OR IGNORE INTO used VALUES (?)", (self.prefix + key,))
        if row is None:
            self.misses += 1
            return None
        self.hits += 1
        return pickle.loads(row[0])

    def put(self, key: str, extraction: Extraction) -> None:
        self.db.execute("INSERT OR REPLACE INTO extraction VALUES (?, ?)",
                        (self.prefix + key, pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL)))
        self._pending += 1
        if self._pending >= 500:
            self.db.commit()
            self._pending = 0

    def close(self, prune: bool = True) -> None:
        if prune:
            self.db.execute("DELETE FROM extraction WHERE key NOT IN (SELECT key FROM used)")
        self.db.commit()
        self.db.close()


# --- engines: chunks of articles in, extractions out, in input order ---------

def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _InProcess:
    def __init__(self, model: Models):
        from . import pipeline  # looked up at call time: tests swap in a loaded model
        self.nlp, self.extract = pipeline.load_pipeline(model), pipeline.extract

    def submit(self, articles):
        return _extract_with(articles, self.nlp, self.extract)

    def result(self, handle):
        return handle

    def close(self):
        pass


class _Pool:
    """``--jobs N``: N worker processes, each with its own model, doing both
    NLP and extraction (spaCy's own n_process would leave extraction, the
    larger cost, on the main process)."""

    def __init__(self, model: Models, jobs: int):
        import multiprocessing
        self.model = model
        self.pool = multiprocessing.get_context("spawn").Pool(jobs)

    def submit(self, articles):
        return self.pool.apply_async(extract_articles, (articles, self.model))

    def result(self, handle):
        return handle.get()

    def close(self):
        self.pool.terminate()
        self.pool.join()


class _Dask:
    def __init__(self, model: Models, jobs: int, scheduler=None):
        from distributed import Client, LocalCluster
        self.model = model
        if scheduler is None:
            self.cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=40)
            self.client = Client(self.cluster)
        else:
            self.cluster = None
            self.client = Client(scheduler)

    def submit(self, articles):
        return self.client.submit(extract_articles, articles, self.model, pure=False)

    def submit_paths(self, paths):
        return self.client.submit(ingest_and_extract, paths, self.model, pure=False)

    def result(self, handle):
        return handle.result()

    def close(self):
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _ordered(runner, tasks: Iterable, submit, window: int) -> Iterator[tuple]:
    """Submit tasks with at most ``window`` in flight; yield (task, result)
    in submission order, so memory stays bounded and order deterministic."""
    pending: deque = deque()
    for task in tasks:
        pending.append((task, submit(task)))
        if len(pending) >= window:
            done, handle = pending.popleft()
            yield done, runner.result(handle) if handle is not None else []
    while pending:
        done, handle = pending.popleft()
        yield done, runner.result(handle) if handle is not None else []


# --- the N-Triples sink: sorted runs on disk, merged at the end ---------------

class SortedLines:
    """Lines kept in sorted runs on disk; ``merged()`` yields them sorted
    and without duplicates, a sorted list of lines at a time, holding a
    small buffer per run in memory. Runs come in levels: MERGE_FAN_IN runs
    of one level are merged into one of the next as soon as they exist, so
    the open files and buffers of the final merge stay few at any corpus
    size. It yields UTF-8 bytes, which sort as the text does, so nothing is
    decoded and encoded again on the way to the output file."""

    def __init__(self, folder: Path, name: str):
        self.folder, self.name = folder, name
        self.buffer: list[str] = []
        self.runs: list[tuple[int, Path]] = []  # (level, file), levels never increasing
        self._written = 0

    def add(self, line: str) -> None:
        self.buffer.append(line)
        if len(self.buffer) >= RUN_LINES:
            self._spill()

    def extend(self, lines: Iterable[str]) -> None:
        self.buffer.extend(lines)
        if len(self.buffer) >= RUN_LINES:
            self._spill()

    def _new_run(self) -> Path:
        self._written += 1
        return self.folder / f"{self.name}.{self._written}.run"

    def _spill(self) -> None:
        if self.buffer:
            path = self._new_run()
            self.buffer.sort()
            with path.open("w", encoding="utf-8", errors="surrogatepass") as handle:
                handle.writelines(self.buffer)
            self.runs.append((0, path))
            self.buffer = []
        while len(self.runs) >= MERGE_FAN_IN and len({level for level, _ in self.runs[-MERGE_FAN_IN:]}) == 1:
            level, group = self.runs[-1][0], [path for _, path in self.runs[-MERGE_FAN_IN:]]
            path = self._new_run()
            with path.open("wb") as handle:
                for lines in _merge_runs(group):
                    handle.write(b"".join(lines))
            for done in group:
                done.unlink()
            self.runs[-MERGE_FAN_IN:] = [(level + 1, path)]

    def merged(self) -> Iterator[list[bytes]]:
        self._spill()
        return _merge_runs([path for _, path in self.runs])


def _merge_runs(paths: list[Path]) -> Iterator[list[bytes]]:
    """The lines of sorted files, merged and without duplicates, a sorted
    list at a time. Each step takes from every file's buffer the lines up
    to the least of the buffers' last lines (all the lines up to it that
    the files hold), and lets ``sorted`` merge those sorted parts in C."""
    handles = [path.open("rb") for path in paths]
    try:
        buffers = [handle.readlines(READ_BYTES) for handle in handles]
        taken = [0] * len(handles)  # lines of each buffer already yielded
        live = [i for i, buffer in enumerate(buffers) if buffer]
        last = None
        while live:
            frontier = min(buffers[i][-1] for i in live)
            parts = []
            for i in live:
                buffer = buffers[i]
                cut = bisect_right(buffer, frontier, taken[i])
                parts.append(buffer[taken[i]:cut])
                if cut == len(buffer):
                    buffers[i], taken[i] = handles[i].readlines(READ_BYTES), 0
                else:
                    taken[i] = cut
            live = [i for i in live if buffers[i]]
            lines = list(dict.fromkeys(sorted(chain.from_iterable(parts)) if len(parts) > 1 else parts[0]))
            if lines[0] == last:
                del lines[0]
            if lines:
                last = lines[-1]
                yield lines
    finally:
        for handle in handles:
            handle.close()


@dataclass
class Timings:
    extract: float = 0.0   # waiting for ingest + NLP + extraction
    resolve: float = 0.0   # resolving, emitting, sorting and merging triples
    write: float = 0.0     # writing the output file
    validate: float = 0.0  # waiting for validation beyond the merge

    def total(self) -> float:
        return self.extract + self.resolve + self.write + self.validate


@dataclass
class StreamBuild:
    """What ``kg build`` reports and writes. The graph itself is the sorted
    N-Triples file ``self.ntriples`` in a temporary folder (removed by
    ``close()``)."""

    articles: int = 0
    problems: list[str] = field(default_factory=list)
    triples: int = 0
    counts: Counter = field(default_factory=Counter)
    report: object = None
    reused: int = 0
    extracted: int = 0
    timings: Timings = field(default_factory=Timings)
    ntriples: Path | None = None
    types: Path | None = None
    lines: SortedLines | None = None
    quads: SortedLines | None = None
    _tmp: object = None
    _prepared: tuple | None = None  # (output path, its temporary file, the removal of that file)

    def entity_counts(self) -> Counter:
        return self.counts

    def graph(self) -> Graph:
        """The whole graph in rdflib (for tests and small builds)."""
        return Graph().parse(self.ntriples, format="nt")

    def prepare(self, out: Path) -> None:
        """Serialize the graph for ``out`` into a temporary file beside it,
        which ``write(out)`` renames into place and ``close()`` (or the end
        of this object) removes if it never does. The build calls this with
        its ``output`` while its last validation batches run."""
        from .export import prepare_atomic
        started = time.perf_counter()
        out = Path(out)
        tmp = prepare_atomic(out, self._content(out))
        self._prepared = (out, tmp, weakref.finalize(self, tmp.unlink, missing_ok=True))
        self.timings.write += time.perf_counter() - started

    def write(self, out: Path) -> None:
        from .export import commit_atomic, write_atomic
        started = time.perf_counter()
        out = Path(out)
        if self._prepared is not None and self._prepared[0] == out:
            _, tmp, removal = self._prepared
            removal.detach()
            self._prepared = None
            commit_atomic(tmp, out)
        else:
            write_atomic(out, self._content(out))
        self.timings.write += time.perf_counter() - started

    def _content(self, out: Path):
        """What ``out`` holds, by its format: bytes, or a writer of them."""
        from .export import format_for, serialize
        fmt = format_for(out)
        if fmt == "turtle":
            prefixes = {p: str(PREFIXES[p]) for p in TURTLE_PREFIXES}  # not kgr: it would escape every '/'
            # lenient: the lines were written from pyoxigraph terms, whose IRIs
            # were checked when made; checking them again took a third of the time.
            return lambda handle: pyoxigraph.serialize(
                pyoxigraph.parse(path=str(self.ntriples), format=pyoxigraph.RdfFormat.N_TRIPLES, lenient=True),
                output=handle, format=pyoxigraph.RdfFormat.TURTLE, prefixes=prefixes)
        if fmt == "nt":
            def copy(handle):
                with self.ntriples.open("rb") as source:
                    shutil.copyfileobj(source, handle, 1 << 20)
            return copy
        if fmt == "nquads" and self.quads is not None:
            # The default graph holds the whole graph, each article's named
            # graph the facts it states (kg.export.by_article), line-sorted.
            def lines(handle):
                with self.ntriples.open("rb") as triples:
                    handle.writelines(heapq.merge(triples, chain.from_iterable(self.quads.merged())))
            return lines
        return serialize(self.graph(), fmt)  # TriG, JSON-LD, RDF/XML: through rdflib, for graphs that fit in memory

    def close(self) -> None:
        if self._prepared is not None:
            self._prepared[2]()
            self._prepared = None
        if self._tmp is not None:
            self._tmp()


# --- the build ----------------------------------------------------------------

def _estimate(inputs: list[Path]) -> int | None:
    """Articles to expect, for the progress bar's ETA: files, and lines of .jsonl."""
    from .ingest import _expand
    total = 0
    for path in _expand(inputs, lambda error: None):
        if path.suffix.lower() == ".jsonl":
            try:
                with path.open("rb") as handle:
                    total += sum(block.count(b"\n") for block in iter(lambda: handle.read(1 << 20), b""))
            except OSError:
                pass
        else:
            total += 1
    return total


def build_stream(inputs: Iterable[Path], model: Models | None = None, jobs: int = 1,
                 on_error: Callable[[IngestError], None] | None = None, cache: Path | None = None,
                 engine: str = "local", scheduler=None, progress: bool | None = None,
                 output: Path | None = None) -> StreamBuild:
    """Build, validate and keep the graph ready to ``write()``; with
    ``output``, the file is prepared for ``write(output)`` while validation
    finishes (see StreamBuild.prepare), and the named graph of each article
    is only kept when ``output`` is N-Quads (``write()`` of another .nq then
    goes through rdflib). ``cache`` is
    the folder of ``--update``; ``engine`` is "local" or "dask" (with
    ``scheduler`` an address, or None for a LocalCluster of ``jobs``
    workers). ``on_error`` sees each skipped input (it may raise
    ``kg.ingest.StopBatch``)."""
    inputs = [Path(p) for p in inputs]
    model = model or Models.default()
    result = StreamBuild()
    folder = Path(tempfile.mkdtemp(prefix="kg-build-"))
    result._tmp = weakref.finalize(result, shutil.rmtree, folder, True)  # removed with the result

    def report(error: IngestError) -> None:
        result.problems.append(str(error))
        if on_error is not None:
            on_error(error)

    store = ExtractionCache(cache, model) if cache is not None else None
    if engine == "dask":
        runner = _Dask(model, max(1, jobs), scheduler)
    elif jobs > 1:
        runner = _Pool(model, jobs)
    else:
        runner = _InProcess(model)
    try:
        with _rare_collections():
            bar = _progress_bar(inputs, progress)
            from .export import format_for
            named = output is None or format_for(Path(output)) == "nquads"
            _resolve_and_emit(result, folder, _extractions(runner, inputs, model, report, store, bar, result), named)
            bar.close()
            if store is not None:
                store.close()
                store = None
            _merge_and_validate(result, folder, runner, output)
    except BaseException:
        result.close()
        raise
    finally:
        if store is not None:
            store.close(prune=False)
        runner.close()
    return result


@contextmanager
def _rare_collections():
    """The build allocates millions of short-lived, acyclic objects (records,
    lines) beside a name index that only grows; at CPython's default
    thresholds the cyclic collector runs every 700 allocations and keeps
    walking that index (a tenth of the resolution's time). Collect rarely
    during the build."""
    thresholds = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def _progress_bar(inputs, progress):
    from tqdm import tqdm
    show = sys.stderr.isatty() if progress is None else progress
    total = _estimate(inputs) if show else None
    return tqdm(total=total, unit=" articles", disable=not show, file=sys.stderr, dynamic_ncols=True,
                desc="kg build", smoothing=0.05)


def _extractions(runner, inputs, model, report, store, bar, result) -> Iterator[Extraction]:
    """Extractions in input order, from the cache or the runner."""
    window = 2 * max(1, getattr(getattr(runner, "pool", None), "_processes", 1) or 1) + 2
    if isinstance(runner, _Dask) and store is None:
        # Ingest on the workers too: the inputs must be on storage they share.
        from .ingest import _expand
        seen: dict[str, str] = {}
        paths = (str(p) for p in _expand(inputs, report))
        window = max(window, 2 * len(runner.client.scheduler_info().get("workers", {})) + 2)
        for _, (records, errors) in _ordered(runner, _chunks(paths, CHUNK), runner.submit_paths, window):
            for error in errors:
                report(error)
            for article_id, source, _key, outcome in records:
                bar.update(1)
                if article_id in seen:
                    report(IngestError(source, f"duplicate article id {article_id!r} (first read from {seen[article_id]})"))
                    continue
                seen[article_id] = source
                if isinstance(outcome, str):
                    report(IngestError(source, outcome))
                    continue
                result.extracted += 1
                yield outcome
        return

    def tasks() -> Iterator[tuple[list, list]]:
        """Chunks of (article, key, cached extraction or None) and the misses to send."""
        for chunk in _chunks(iter_articles(inputs, report), CHUNK):
            rows = []
            for article in chunk:
                key = article_key(article) if store is not None else None
                rows.append((article, key, store.get(key) if store is not None else None))
            yield rows, [a for a, _, hit in rows if hit is None]

    def submit(task):
        return runner.submit(task[1]) if task[1] else None  # all from the cache

    for (rows, _), outcomes in _ordered(runner, tasks(), submit, window):
        fresh = iter(outcomes)
        for article, key, hit in rows:
            bar.update(1)
            if hit is not None:
                result.reused += 1
                yield hit
                continue
            outcome = next(fresh)
            if isinstance(outcome, str):
                report(IngestError(article.source, outcome))
                continue
            result.extracted += 1
            if store is not None:
                store.put(key, outcome)
            yield outcome


def _resolve_and_emit(result: StreamBuild, folder: Path, extractions: Iterator[Extraction], named: bool) -> None:
    """Resolve each extraction and write out its triples (and, if ``named``,
    the quads of each article's named graph) as they come."""
    lines = SortedLines(folder, "triples")
    quads = SortedLines(folder, "quads") if named else None
    resolver = Resolver()
    graph = resolver.graph
    # The triples inference reads (inAlbum, soundtrackOf, performer); their
    # evidence, sentence and all, waits on disk for the few inferences made.
    kept: list[_Kept] = []
    kept_path = folder / "kept.pickle"
    kept_evidence = kept_path.open("wb")
    deferred_path = folder / "nary.pickle"
    deferred = deferred_path.open("wb")
    # rdf:type lines of the classes sh:class asks about (articles, entities),
    # for validation, which can then start while the runs are being merged.
    result.types = folder / "types.nt"
    types = _TypeLines(result.types.open("w", encoding="utf-8", errors="surrogatepass"))
    timings = result.timings
    waited = time.perf_counter()
    for extraction in extractions:
        started = time.perf_counter()
        timings.extract += started - waited
        resolver.add(extraction)
        result.articles += len(graph.articles)
        types.emit(lines, triples(ResolvedGraph(articles=graph.articles)))
        lines.extend(map(ntriples, triples(ResolvedGraph(statements=graph.statements, mentions=graph.mentions))))
        _emit_quads(quads, graph.statements)
        for st in graph.statements:
            if st.predicate in INFER_PREDICATES:
                kept.append(_Kept(st.subject, st.predicate, st.object, kept_evidence.tell()))
                pickle.dump(st.evidence, kept_evidence, protocol=pickle.HIGHEST_PROTOCOL)
        if graph.chart_entries or graph.ratings:
            records = ResolvedGraph(chart_entries=graph.chart_entries, ratings=graph.ratings)
            _emit_nary(records, record_triples(records), lines, quads)
            pickle.dump((graph.chart_entries, graph.ratings), deferred, protocol=pickle.HIGHEST_PROTOCOL)
        graph.articles, graph.statements, graph.mentions = [], [], set()
        graph.chart_entries, graph.ratings = [], []
        waited = time.perf_counter()
        timings.resolve += waited - started
    started = time.perf_counter()
    timings.extract += started - waited
    deferred.close()
    kept_evidence.close()
    # Inference over the statements it reads gives what it gives over all.
    with kept_path.open("rb") as handle:
        def evidence_at(offset: int):
            handle.seek(offset)
            return pickle.load(handle)
        added = [Statement(*triple, inferred_evidence(evidence_at(source.evidence), triple[1]))
                 for triple, source in inferences(kept)]
    kept_path.unlink()
    lines.extend(map(ntriples, triples(ResolvedGraph(statements=added))))
    _emit_quads(quads, added)
    del kept, added
    # Entities (labels need every article) and the labels of the n-ary nodes
    # (they name the entities), in batches.
    types.emit(lines, triples(ResolvedGraph(entities=graph.entities)))
    types.handle.close()
    labels = {iri: e.label for iri, e in graph.entities.items()}
    with deferred_path.open("rb") as handle:
        while True:
            try:
                entries, ratings = pickle.load(handle)
            except EOFError:
                break
            records = ResolvedGraph(chart_entries=entries, ratings=ratings)
            _emit_nary(records, record_labels(records, labels), lines, quads)
    deferred_path.unlink()
    result.counts = Counter(e.cls for e in graph.entities.values())
    resolver.graph = graph = None
    result.lines, result.quads = lines, quads
    timings.resolve += time.perf_counter() - started


class _Kept(NamedTuple):
    """A statement as inference reads it; ``evidence`` is where its
    evidence starts in the build's kept.pickle."""

    subject: str
    predicate: str
    object: object
    evidence: int


class _TypeLines:
    """Emits triples as N-Triples lines and copies the rdf:type lines of
    validation target classes to ``handle``."""

    def __init__(self, handle):
        self.handle = handle
        self.targets = {NamedNode(c) for c in validation_targets()}

    def emit(self, lines: SortedLines, triples) -> None:
        for triple in triples:
            line = ntriples(triple)
            lines.add(line)
            if triple[1] == TYPE and triple[2] in self.targets:
                self.handle.write(line)


def _emit_quads(quads: SortedLines | None, statements) -> None:
    """Each stated triple in the named graph of the article stating it
    (nothing when the build keeps no named graphs)."""
    if quads is None:
        return
    for st in statements:
        quads.add(ntriples(statement_triple(st), article_node(st.evidence.article_id)))


def _emit_nary(records: ResolvedGraph, triples: Iterable[tuple], lines: SortedLines, quads: SortedLines | None) -> None:
    """``triples`` of the chart entries and ratings ``records``; each also
    goes to the named graph of the article reporting its node."""
    if quads is None:
        lines.extend(map(ntriples, triples))
        return
    named: dict = {}
    for record in (*records.chart_entries, *records.ratings):
        named.setdefault(node(record.iri), set()).add(article_node(record.evidence.article_id))
    for triple in triples:
        lines.add(ntriples(triple))
        for graph in named.get(triple[0], ()):
            quads.add(ntriples(triple, graph))


# --- validation by batches of subjects ----------------------------------------

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
    from .namespaces import SH
    from .validate import load_shapes
    return frozenset(str(c) for c in load_shapes().objects(None, SH["class"]))


@lru_cache(maxsize=None)
def typed_value_predicates(shapes: Graph | None = None) -> frozenset[bytes] | None:
    """The predicates (as ``<IRI>``) whose values' rdf:type a check reads:
    the path of each property shape with sh:class, itself or in its sh:or.
    A batch needs the type lines of those values only (most objects, such
    as an evidence node's rdf:subject, need none). None when some sh:class
    sits elsewhere in ``shapes`` (default: the project's): then every
    object's type lines go with the batch."""
    from .namespaces import SH
    from .validate import load_shapes
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
        for lines in iter(lambda: handle.readlines(READ_BYTES), []):
            index.add(lines, b"".join(lines))
    return index.done()


def _merged_ranges(result: StreamBuild, index: BatchIndex) -> Iterator[tuple[int, int]]:
    """Merge the sorted runs into one sorted, duplicate-free N-Triples file,
    yielding each validation batch's byte range as soon as it is on disk, so
    that workers validate while the merge goes on. Time spent merging counts
    as writing."""
    started = time.perf_counter()
    with result.ntriples.open("wb") as handle:
        for lines in result.lines.merged():
            data = b"".join(lines)
            handle.write(data)
            closed = index.add(lines, data)
            if closed:
                handle.flush()
                result.timings.resolve += time.perf_counter() - started
                yield from closed
                started = time.perf_counter()
    before = len(index.ranges)
    index.done()
    result.timings.resolve += time.perf_counter() - started
    yield from index.ranges[before:]


_TYPES: dict = {}  # per worker process: the type lines of the graph being validated


def _validate_range(task: tuple) -> object:
    """A worker's batch: its byte range of the sorted file plus the rdf:type
    lines of the objects it points to, validated for its own subjects."""
    from .validate import validate_ntriples
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


def _combined_report(parts: Iterable, index: BatchIndex):
    """The batches' reports merged into the report of the whole graph."""
    from .namespaces import SH
    from .validate import ValidationResult, load_shapes
    failed, messages, conforms = set(), set(), True
    for part in parts:
        conforms &= part.conforms
        failed.update(part.failed_shapes)
        messages.update(part.messages)
    shapes = load_shapes()
    return ValidationResult(conforms=conforms, failed_shapes=sorted(failed), messages=sorted(messages),
                            triples=index.lines, shapes=len(set(shapes.subjects(RDF.type, SH.NodeShape))))


def validate_sorted(path: Path, map_batches=map, size: int = VALIDATE_TRIPLES):
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


def _merge_and_validate(result: StreamBuild, folder: Path, runner, output: Path | None) -> None:
    """The merge, the validation and the output overlap: each batch goes to
    validation as soon as the merge has written it, and with ``output`` the
    file is prepared (``StreamBuild.prepare``) while the last batches run."""
    started = time.perf_counter()
    before = result.timings.resolve + result.timings.write
    result.ntriples = folder / "graph.nt"
    counted = {cls: f"<{KG[cls]}>".encode() for cls in ("ChartEntry", "ViewershipRating")}
    index = BatchIndex(VALIDATE_TRIPLES, counted=counted.values())  # the type lines came from the emission
    tasks = _validation_tasks(result.ntriples, _merged_ranges(result, index), result.types)
    if isinstance(runner, _Pool):
        # Tasks are byte ranges and reports are small: queue them all.
        pending = [runner.pool.apply_async(_validate_range, (task,)) for task in tasks]
        parts = (part.get() for part in pending)
    else:
        parts = [_validate_range(task) for task in tasks]
        _TYPES.clear()
    if output is not None:
        try:
            result.prepare(output)
        except OSError:  # write(output) tries again, and reports it
            pass
    result.report = _combined_report(parts, index)
    result.types.unlink()
    result.triples = index.lines
    for cls, iri in counted.items():
        if index.classes[iri]:
            result.counts[cls] = index.classes[iri]
    result.lines = None
    result.timings.validate += time.perf_counter() - started - (result.timings.resolve + result.timings.write - before)
