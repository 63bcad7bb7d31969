"""The builder behind ``kg build``: articles in, a validated graph ready to write out.

One entry point, ``build``, which the CLI, the tests and the benchmark all
use. Corpora of any size go through in bounded memory:

    ingest      the inputs expanded once, articles read lazily      kg/ingest/
    extract     chunks of articles to an engine, extractions back   engines.py (kg/nlp/ + kg/extract/)
                in input order; --update takes unchanged articles   cache.py
                from the cache
    resolve     each extraction resolved and its triples emitted    emit.py (kg/resolve.py, kg/rdf.py)
                into sorted runs on disk                            runs.py
    validate    the runs merged into one sorted N-Triples file,     batches.py (kg/validate.py)
                validated a batch of subjects at a time
    write       the output prepared while the last batches run     output.py (kg/export.py)
"""
from __future__ import annotations

import gc
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator

from tqdm import tqdm

from ..formats import N_QUADS, format_for
from ..errors import BuildError, NoArticles
from ..ingest import IngestError, IngestWarning, InputFile, expand, read_located, where
from ..nlp import Models
from ..records import BuildResult, Extraction
from .batches import merge_and_validate
from .cache import ExtractionCache, article_key
from .emit import resolve_and_emit
from .engines import RARE_COLLECTIONS, Engine, chunks, make_engine, ordered
from .output import BuiltGraph

__all__ = ["build", "BuildResult", "BuiltGraph"]


def build(inputs: Iterable[Path], models: Models | None = None, jobs: int = 1,
          on_error: Callable[[IngestError], None] | None = None, cache: Path | None = None,
          engine: str = "local", scheduler: str | None = None, progress: bool | None = None,
          output: Path | None = None) -> BuildResult:
    """Build and validate the graph of ``inputs`` (files and folders);
    ``result.graph`` holds it, ready to ``write()``. With ``output``, the
    file is prepared for ``write(output)`` while validation finishes, and the
    named graph of each article is only kept when ``output`` is N-Quads
    (``write()`` of another .nq then goes through rdflib). ``models``: the
    NLP pipelines (default: Models.default()); ``jobs``: worker processes;
    ``cache``: the folder of ``--update``; ``engine``: "local" or "dask"
    (with ``scheduler`` an address, or None for a LocalCluster of ``jobs``
    workers); ``progress``: a progress bar on stderr (default: when it is a
    terminal). ``on_error`` sees each skipped input (it may raise
    ``kg.ingest.StopBatch``) and each input read with a loss (an
    ``IngestWarning``); they are also in ``result.problems`` and
    ``result.warnings``. The
    caller closes ``result.graph`` (its temporary files). A build that
    reads no article raises kg.errors.NoArticles (and leaves the cache as
    it was)."""
    files = list(expand(inputs))
    if not any(isinstance(f, InputFile) for f in files):
        for error in files:
            (on_error or (lambda e: None))(error)
        raise NoArticles(_nothing_read(files))
    models = models or Models.default()
    result = BuildResult()
    try:
        result.graph = BuiltGraph(result.timings, named=output is None or format_for(Path(output)) == N_QUADS)
    except OSError as error:
        raise BuildError(_scratch_problem(error)) from None

    def report(error: IngestError) -> None:
        (result.warnings if isinstance(error, IngestWarning) else result.problems).append(str(error))
        if on_error is not None:
            on_error(error)

    store = runner = None
    bar = _progress_bar(files, progress)
    try:
        bar.set_description_str("kg build: loading the model")
        store = ExtractionCache(cache, models, lambda message: report(IngestWarning(cache, message))) \
            if cache is not None else None
        runner = make_engine(models, jobs, engine, scheduler)
        bar.set_description_str("kg build: extracting")
        with _rare_collections():
            resolve_and_emit(result, _extractions(runner, files, report, store, _Clock(bar), result))
        if not result.articles:
            raise NoArticles(_nothing_read(files))
        if store is not None:
            # Entries no input used are dropped, unless an input could not be
            # listed (a folder unmounted for a while): its articles come back.
            store.close(prune=not any(isinstance(f, IngestError) for f in files))
            store = None
        bar.set_description_str("kg build: merging and validating")
        bar.refresh()
        merge_and_validate(result, runner, output)
        bar.set_description_str("kg build: validated" + (", writing" if output is None else ""))
    except OSError as error:  # the inputs' are IngestErrors, and writing the output comes later
        result.graph.close()
        raise BuildError(_scratch_problem(error)) from None
    except BaseException:
        result.graph.close()
        raise
    finally:
        bar.close()
        if store is not None:
            try:
                store.close(prune=False)  # what was extracted so far is kept
            except BuildError:
                if sys.exc_info()[0] is None:
                    raise
        if runner is not None:
            runner.close()
    return result


def _scratch_problem(error: OSError) -> str:
    return (f"cannot write the build's temporary files in {tempfile.gettempdir()}: {error.strerror or error} "
            f"(they take about twice the graph's N-Triples; TMPDIR names another folder)")


def _nothing_read(files: list) -> str:
    if any(isinstance(f, InputFile) for f in files):
        return "no article read: every input was skipped"
    if files:
        return "no article read: no input file found (the inputs are missing or unreadable)"
    return "no article read: no input file found (.txt, .html, .htm or .jsonl)"


class _Clock:
    """The bar's ``update``, restarting its clock once the first article is
    done: the model's warm-up on the first chunk made the first ETA many
    times too long."""

    def __init__(self, bar: tqdm):
        self.bar, self.started = bar, False

    def update(self, n: int = 1) -> None:
        self.bar.update(n)
        if not self.started and self.bar.n >= 1:
            self.started = True
            done = self.bar.n
            self.bar.reset(total=self.bar.total)
            self.bar.initial = self.bar.n = self.bar.last_print_n = done
            self.bar.refresh()


@contextmanager
def _rare_collections():
    """The build allocates millions of short-lived, acyclic objects (records,
    lines) beside a name index that only grows; at CPython's default
    thresholds the cyclic collector runs every 700 allocations and keeps
    walking that index (a tenth of the resolution's time). Collect rarely
    during the build (the pool's workers do too)."""
    thresholds = gc.get_threshold()
    gc.set_threshold(*RARE_COLLECTIONS)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def _estimate(files: list) -> int:
    """Articles to expect, for the progress bar's ETA: files, and lines of .jsonl."""
    total = 0
    for source in files:
        if isinstance(source, IngestError):
            continue
        if source.path.suffix.lower() == ".jsonl":
            try:
                with source.path.open("rb") as handle:
                    total += sum(block.count(b"\n") for block in iter(lambda: handle.read(1 << 20), b""))
            except OSError:
                pass
        else:
            total += 1
    return total


def _progress_bar(files: list, progress: bool | None) -> tqdm:
    show = sys.stderr.isatty() if progress is None else progress
    return tqdm(total=_estimate(files) if show else None, unit=" articles", disable=not show, file=sys.stderr,
                dynamic_ncols=True, desc="kg build", smoothing=0.3)


def _extractions(engine: Engine, files: list, report, store: ExtractionCache | None, bar: "_Clock",
                 result: BuildResult) -> Iterator[Extraction]:
    """Extractions in input order, from the cache or the engine."""
    if engine.ingests and store is None:
        yield from _ingested_remotely(engine, files, report, bar, result)
        return

    def tasks() -> Iterator[tuple[list, list]]:
        """Chunks of (article, key, cached extraction or None, file, line) and the misses to send."""
        for chunk in chunks(read_located(files, report)):
            rows = []
            for path, line, article in chunk:
                key = article_key(article) if store is not None else None
                rows.append((article, key, store.get(key) if store is not None else None, path, line))
            yield rows, [row[0] for row in rows if row[2] is None]

    def submit(task):
        return engine.extract(task[1]) if task[1] else None  # all from the cache

    for (rows, _), outcomes in ordered(engine, tasks(), submit):
        fresh = iter(outcomes)
        for article, key, hit, path, line in rows:
            bar.update(1)
            if hit is not None:
                result.reused += 1
                yield hit
                continue
            outcome = next(fresh)
            if isinstance(outcome, str):
                report(IngestError(path, outcome, line))
                continue
            result.extracted += 1
            if store is not None:
                store.put(key, outcome)
            yield outcome


def _ingested_remotely(engine: Engine, files: list, report, bar: "_Clock", result: BuildResult) -> Iterator[Extraction]:
    """Extractions of files the engine's workers read themselves (shared
    storage); ids must still be unique across all of them."""
    seen: dict[str, str] = {}

    def paths() -> Iterator[tuple[str, str]]:
        for source in files:
            if isinstance(source, IngestError):
                report(source)
            else:
                yield str(source.path), source.name

    for _, (records, errors) in ordered(engine, chunks(paths()), engine.ingest_and_extract):
        for error in errors:
            report(error)
        for article_id, path, line, outcome in records:
            bar.update(1)
            if article_id in seen:
                report(IngestError(path, f"duplicate article id {article_id!r} (first read from {seen[article_id]})",
                                   line))
                continue
            seen[article_id] = where(path, line)
            if isinstance(outcome, str):
                report(IngestError(path, outcome, line))
                continue
            result.extracted += 1
            yield outcome
