"""Engines: chunks of articles in, their extractions out, in input order.

An engine runs NLP + extraction (``extract_articles``) on chunks of
articles: in this process, in a local pool of processes (``--jobs N``), or
on a Dask cluster (``--engine dask``). ``make_engine`` picks one, once, by
the command's options; the build then talks to it through ``Engine`` only,
as morph-kgc talks to its executors. Every engine gives the extractions back
in input order, so every engine gives the same graph.
"""
from __future__ import annotations

import gc
import logging
import multiprocessing
import shutil
import signal
import tempfile
import threading
from collections import deque
from contextlib import contextmanager
from dataclasses import replace
from itertools import accumulate, takewhile
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Protocol
from weakref import WeakSet

from threadpoolctl import threadpool_limits

from ..errors import ClusterError, UsageError
from ..extract import describe, extract
from ..ingest import IngestError, InputFile, read_located
from ..nlp import Models, load_pipeline
from ..records import Article
from .parts import BATCH_CHARS, batches, merge, split

CHUNK = 32  # articles per task sent to a worker
CONNECT_TIMEOUT = 10  # seconds to reach a Dask scheduler (distributed's default: 30)
STOP_TIMEOUT = 5  # seconds Pool.close gives multiprocessing's terminate() before it kills the workers
WATCH_INTERVAL = 1  # seconds between looks at whether the pool's workers are alive, while a result is awaited


# --- what a worker runs ----------------------------------------------------------

_PIPELINES: dict = {}


def _pipeline(models: Models):
    """One pipeline per worker process, loaded by its first task. A worker
    multiplies matrices on one thread: the workers already fill the cores,
    and BLAS threads of their own would fight them for the same cores (at
    --jobs 2 on 2 cores the build was no faster than with BLIS)."""
    if models not in _PIPELINES:
        threadpool_limits(1, user_api="blas")
        _PIPELINES[models] = load_pipeline(models)
    return _PIPELINES[models]


def extract_articles(articles: list[Article], models: Models) -> list:
    """A worker's task: NLP and extraction of a chunk of articles."""
    return extract_with(articles, _pipeline(models))


def _warm_tokenizer(nlp, texts: list[str]) -> None:
    """The tokenizer caches how it splits a word only outside a memory zone,
    and uncached it took five times as long (1,000 bench articles: 3.1 s
    against 0.6 s). So the first texts a pipeline reads, up to BATCH_CHARS
    characters, are tokenized once outside one: the splits of their words,
    and their strings and lexemes, are kept for good (a bounded amount), and
    the common words are found in the cache in every later memory zone."""
    if nlp in _WARMED:
        return
    _WARMED.add(nlp)
    for text, _ in zip(texts, takewhile(lambda size: size <= BATCH_CHARS, accumulate(map(len, texts)))):
        nlp.make_doc(text)


_WARMED: WeakSet = WeakSet()  # pipelines whose tokenizer cache has been filled


def extract_with(articles: list[Article], nlp) -> list:
    """In order, for each article an Extraction (its article without the
    text, which nothing downstream reads) or the message of an extraction
    failure. A long article goes through in parts (parts.py); at most CHUNK
    texts and BATCH_CHARS characters go through ``nlp.pipe`` at once."""
    found: list[list] = [[] for _ in articles]  # per article: (offset, extraction) of its parts
    failed: dict[int, str] = {}
    units = [(i, offset, part) for i, article in enumerate(articles) for offset, part in split(article)]
    # Strings, vocabulary entries and tokenizer cache entries made for these
    # articles are freed after them: a worker's memory stays flat however many
    # articles it reads. Extractions hold only Python values, no spaCy objects.
    _warm_tokenizer(nlp, [part.text for _, _, part in units])
    with nlp.memory_zone():
        for batch in batches(units, CHUNK, BATCH_CHARS, lambda unit: len(unit[2].text)):
            docs = nlp.pipe([part.text for _, _, part in batch], batch_size=len(batch))
            for doc, (i, offset, part) in zip(docs, batch):
                if i in failed:
                    continue
                try:
                    found[i].append((offset, extract(part, doc)))
                except Exception as error:  # noqa: BLE001 - one article's failure must not end the batch
                    failed[i] = f"article {part.id!r}: extraction failed ({describe(error)})"
    results = []
    for i, article in enumerate(articles):
        if i in failed:
            results.append(failed[i])
            continue
        extraction = merge(article, found[i])
        extraction.article = replace(article, text="")
        results.append(extraction)
    return results


def ingest_and_extract(files: list[tuple[str, str]], models: Models) -> tuple[list, list]:
    """A Dask task: read the files (shared storage; each a path and its name,
    kg.ingest.InputFile), then NLP and extraction. Returns ([(article id,
    file, line or None, extraction or failure), ...], [ingest error, ...])."""
    errors: list[IngestError] = []
    located = list(read_located([InputFile(Path(p), name) for p, name in files], errors.append))
    results = extract_articles([a for _, _, a in located], models) if located else []
    return [(a.id, str(path), line, r) for (path, line, a), r in zip(located, results)], errors


# --- the engines ---------------------------------------------------------------------

class Engine(Protocol):
    """What the build asks of an engine."""

    window: int    # tasks in flight at once: enough to keep every worker busy, few enough to bound memory
    ingests: bool  # it can read the input files itself (``ingest_and_extract``)

    def extract(self, articles: list[Article]) -> Any:
        """Start ``extract_articles`` on a chunk; returns a handle."""

    def ingest_and_extract(self, files: list[tuple[str, str]]) -> Any:
        """Start ``ingest_and_extract`` on files, (path, name) pairs (only where ``ingests``)."""

    def result(self, handle: Any) -> Any:
        """Wait for a task's result."""

    def map(self, function: Callable, tasks: Iterable) -> Iterable:
        """``function`` over ``tasks`` (all taken before it returns), results in order."""

    def close(self) -> None:
        """Stop the workers."""


class InProcess:
    """``--jobs 1``: everything in this process."""

    window, ingests = 4, False

    def __init__(self, models: Models):
        self.nlp = load_pipeline(models)

    def extract(self, articles):
        return extract_with(articles, self.nlp)

    def ingest_and_extract(self, paths):
        raise NotImplementedError("reads articles in this process")

    def result(self, handle):
        return handle

    def map(self, function, tasks):
        return [function(task) for task in tasks]

    def close(self):
        pass


@contextmanager
def _interrupts_ignored():
    """SIGINT ignored while worker processes start (milliseconds for a Pool; a
    LocalCluster takes seconds, and a Ctrl-C then is lost), in the main thread
    (the only one that can set signals). A Python handler is not inherited by
    a new process; SIG_IGN is."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)


# The cyclic collector's thresholds while a build runs. Parsing and extraction allocate
# millions of short-lived, acyclic objects beside the loaded model; at CPython's default
# (700) the collector runs every few hundred and a worker's extraction took an eighth longer.
RARE_COLLECTIONS = (100_000, 50, 100)


def _start_worker() -> None:
    """A pool worker leaves Ctrl-C (sent to the whole process group) to the
    build, which stops the workers itself (``close``: SIGTERM); else each
    worker would print a KeyboardInterrupt traceback. SIGTERM stops it. It
    collects cyclic garbage rarely (RARE_COLLECTIONS)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    gc.set_threshold(*RARE_COLLECTIONS)


class Pool:
    """``--jobs N``: N worker processes, each with its own pipeline, doing both
    NLP and extraction (spaCy's own n_process would leave extraction, the
    larger cost, on the main process)."""

    ingests = False

    def __init__(self, models: Models, jobs: int):
        self.models, self.window = models, 2 * jobs + 2
        # Workers start with Ctrl-C ignored (a disposition a new process inherits), so that
        # one pressed while they import is not a traceback in each; the initializer keeps it so.
        with _interrupts_ignored():
            self.pool = multiprocessing.get_context("spawn").Pool(jobs, initializer=_start_worker)
        self.workers = set(self.pool._pool)  # every worker process seen (CPython's list of the pool's workers)

    def extract(self, articles):
        return self.pool.apply_async(extract_articles, (articles, self.models))

    def ingest_and_extract(self, paths):
        raise NotImplementedError("reads articles in this process")

    def result(self, handle):
        """The task's result. A worker that dies (the OOM killer, a kill -9)
        takes its task with it, and multiprocessing would wait for that
        task's result forever: so while it waits, it looks at the workers,
        and a dead one ends the build."""
        while not handle.ready():
            handle.wait(WATCH_INTERVAL)
            self._check_workers()
        return handle.get()

    def _check_workers(self) -> None:
        self.workers.update(self.pool._pool)  # the pool starts a new worker for a dead one: watch it too
        for worker in self.workers:
            if worker.exitcode is not None:  # no worker ends by itself while the pool runs
                code = worker.exitcode
                ending = f"killed by signal {-code}" if code < 0 else f"exit status {code}"
                raise ClusterError(f"a worker process died during the build ({ending}; out of memory?)")

    def map(self, function, tasks):
        # Validation tasks are byte ranges and their reports are small: queue them all.
        pending = [self.pool.apply_async(function, (task,)) for task in tasks]
        return (self.result(handle) for handle in pending)

    def close(self):
        """Stop the workers, and never wait for them forever. multiprocessing's
        terminate() first takes the lock under which an idle worker waits for
        a task; a worker killed (the OOM killer) or stopped while it holds that
        lock never gives it back, and terminate() would wait for it forever.
        So terminate() (which also reaps the workers) runs in a thread of its
        own; past the deadline the workers are killed (SIGKILL: a stopped
        process too) and reaped here, and that thread is left waiting (a
        daemon: it does not hold up exit)."""
        stopping = threading.Thread(target=self.pool.terminate, name="kg-pool-terminate", daemon=True)
        stopping.start()
        stopping.join(STOP_TIMEOUT)
        if stopping.is_alive():
            workers = list(self.pool._pool)  # CPython's list of the pool's worker processes
            for worker in workers:
                worker.kill()
            for worker in workers:
                worker.join(STOP_TIMEOUT)


class Dask:
    """``--engine dask``: ingest, NLP and extraction on a Dask cluster (at
    ``scheduler``, or a LocalCluster of ``jobs`` workers); the inputs must be
    on storage the workers share. Validation stays in this process."""

    ingests = True

    def __init__(self, models: Models, jobs: int, scheduler: str | None = None):
        # Imported here: Dask is an optional dependency, and a second to import.
        try:
            import dask
            from distributed import Client, LocalCluster
        except ImportError:
            raise UsageError("--engine dask needs Dask's distributed package (pip install distributed)") from None
        self.models = models
        self.scratch = None
        if scheduler is None:
            # The workers' scratch space in a folder of the build's own, removed by close().
            self.scratch = tempfile.mkdtemp(prefix="kg-dask-")
            # Ctrl-C is the build's to handle, as with Pool. The cluster's own log
            # stays quiet below CRITICAL: a worker that loses its scheduler at a
            # Ctrl-C logs an ERROR, and a failed task reaches the build anyway,
            # as one ClusterError line.
            with _interrupts_ignored(), dask.config.set({"temporary-directory": self.scratch}):
                self.cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                            dashboard_address=None, silence_logs=logging.CRITICAL)
            self.client = Client(self.cluster)
        else:
            self.cluster = None
            try:
                self.client = Client(scheduler, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError, ValueError) as error:  # refused, timed out, not an address
                raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
        self.window = max(4, 2 * len(self.client.scheduler_info().get("workers", {})) + 2)

    def extract(self, articles):
        return self.client.submit(extract_articles, articles, self.models, pure=False)

    def ingest_and_extract(self, paths):
        return self.client.submit(ingest_and_extract, paths, self.models, pure=False)

    def result(self, handle):
        from distributed import KilledWorker  # imported with Client in __init__
        try:
            return handle.result()
        except (OSError, TimeoutError, KilledWorker) as error:  # the scheduler or a worker went away
            raise ClusterError(f"the Dask cluster failed: {type(error).__name__}: {error}") from None

    def map(self, function, tasks):
        return [function(task) for task in tasks]

    def close(self):
        try:
            self.client.close()
            if self.cluster is not None:
                self.cluster.close()
        finally:
            if self.scratch is not None:
                shutil.rmtree(self.scratch, ignore_errors=True)


ENGINES = {
    "local": lambda models, jobs, scheduler: Pool(models, jobs) if jobs > 1 else InProcess(models),
    "dask": lambda models, jobs, scheduler: Dask(models, jobs, scheduler),
}


def make_engine(models: Models, jobs: int = 1, engine: str = "local", scheduler: str | None = None) -> Engine:
    """The engine the options name (``engine``: a key of ENGINES)."""
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r} (use one of {', '.join(ENGINES)})")
    return ENGINES[engine](models, max(1, jobs), scheduler)


# --- in order, a bounded number in flight ---------------------------------------------

def chunks(items: Iterable, size: int = CHUNK) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def ordered(engine: Engine, tasks: Iterable, submit: Callable) -> Iterator[tuple]:
    """Submit tasks with at most ``engine.window`` in flight; yield (task,
    result) in submission order, so memory stays bounded and order
    deterministic. ``submit`` may return None: nothing to run (result [])."""
    pending: deque = deque()
    for task in tasks:
        pending.append((task, submit(task)))
        if len(pending) >= engine.window:
            done, handle = pending.popleft()
            yield done, engine.result(handle) if handle is not None else []
    while pending:
        done, handle = pending.popleft()
        yield done, engine.result(handle) if handle is not None else []
