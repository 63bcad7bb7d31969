"""Ingest: turn article files into clean ``Article`` records.

The stage, in the order an input goes through it:

    expand        inputs (files, folders) to the files to read          here
    _read         a file's bytes, within the limits                     here, limits.py
    _decode       bytes to text, whatever the charset                   decode.py
    the readers   headline, body and metadata, by the file's extension  txt.py, html.py, jsonl.py
    _article      the record: clean text (one normalisation for every   article.py, clean.py
                  format, page noise and byline dates from
                  data/boilerplate.txt), headline, date
    read_located  the articles in input order, a repeated id skipped    here

A bad input is an ``IngestError`` (errors.py), given to ``on_error``: the
rest of the batch goes on. The names other modules use are all here.
"""
from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from kg.records import Article

from .clean import BIDI_CONTROLS, RULES_FILE, clean_text, find_date, printable, safe_url, strip_noise
from .decode import declared_charset
from .errors import IngestError, IngestWarning, StopBatch, where
from .html import _read_html
from .jsonl import _read_jsonl
from .limits import MAX_ARTICLE_CHARS, MAX_FILE_BYTES, MAX_LINE_BYTES, READ_BLOCK
from .txt import _read_txt

__all__ = ["iter_articles", "read_files", "read_located", "read_article", "expand", "InputFile",
           "IngestError", "IngestWarning", "StopBatch", "clean_text", "strip_noise", "find_date", "printable",
           "safe_url", "where", "declared_charset", "BIDI_CONTROLS", "RULES_FILE",
           "MAX_FILE_BYTES", "MAX_LINE_BYTES", "READ_BLOCK", "MAX_ARTICLE_CHARS"]

_READERS = {".txt": _read_txt, ".html": _read_html, ".htm": _read_html, ".jsonl": _read_jsonl}


def _os_reason(path: Path, error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    if error.errno == errno.ENOENT and path.is_symlink():
        return "broken symbolic link"
    return (error.strerror or str(error)).lower()


def _read(source: InputFile, on_error: Callable[[IngestError], None]) -> Iterator[tuple[int | None, Article]]:
    """(line number or None, article) for each article of the file."""
    path, name = source
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        raise IngestError(path, f"unsupported file type {path.suffix or '(none)'!r}")
    try:
        info = path.stat()
        # Only regular files: a FIFO or device named *.txt would block or
        # never end.
        if not stat.S_ISREG(info.st_mode):
            raise IngestError(path, "not a regular file")
        if reader is _read_jsonl:
            # Streamed a line at a time: a .jsonl may be of any size. The line limit
            # is this module's name, looked up now (limits.py).
            with path.open("rb") as handle:
                yield from _read_jsonl(path, name, handle, on_error, MAX_LINE_BYTES)
            return
        if info.st_size > MAX_FILE_BYTES:
            raise IngestError(path, f"file too large: {info.st_size / 2**20:.1f} MiB "
                                    f"(limit {MAX_FILE_BYTES / 2**20:.0f} MiB for one article)")
        data = path.read_bytes()
    except OSError as error:
        raise IngestError(path, _os_reason(path, error)) from None
    if not data.strip():
        raise IngestError(path, "empty article")
    yield from reader(path, name, data, on_error)


def read_article(path: Path) -> list[Article]:
    """All articles in one file (a .jsonl holds many); raises the first
    IngestError instead of skipping, for callers that want strictness
    (an input read with a loss, IngestWarning, is read)."""
    def strict(error: IngestError) -> None:
        if not isinstance(error, IngestWarning):
            raise error

    return [article for _, article in _read(InputFile.of(path), strict)]


class InputFile(NamedTuple):
    """A file to read, and its name in the graph: its path relative to the folder given
    as input (``2019/0042.txt`` in ``archive/``), or, for a file given by itself, its
    file name. The name is the article's ``kg:sourceFile``, and without its extension
    the article's id (a .jsonl's records carry their own ids), so that ids are unique
    within an input folder and the same on any machine and from any working folder."""

    path: Path
    name: str

    @classmethod
    def of(cls, path: Path | str) -> InputFile:
        """A file given by itself."""
        return cls(Path(path), Path(path).name)


def expand(inputs: Iterable[Path]) -> Iterator[InputFile | IngestError]:
    """The files of ``inputs`` in the order given (a folder: its readable
    files, recursively and sorted, no hidden entries or other extensions),
    with an IngestError in place of an input or folder that cannot be read.
    A build expands its inputs once and gives the list to ``read_files``."""
    for given in map(Path, inputs):
        if given.is_dir():
            found, errors = [], []
            # Symlinked folders are not followed: no loops, no escaping the tree.
            for root, dirs, files in os.walk(given, onerror=errors.append):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                found += [Path(root, f) for f in files
                          if not f.startswith(".") and Path(f).suffix.lower() in _READERS]
            yield from (IngestError(e.filename, _os_reason(Path(e.filename), e)) for e in errors)
            yield from (InputFile(path, path.relative_to(given).as_posix()) for path in sorted(found))
        elif given.exists():
            yield InputFile.of(given)
        else:
            try:
                given.stat()
                reason = "no such file or directory"
            except OSError as error:
                reason = _os_reason(given, error)
            yield IngestError(given, reason)


def iter_articles(inputs: Iterable[Path], on_error: Callable[[IngestError], None]) -> Iterator[Article]:
    """Stream articles from files and folders (see ``read_files``)."""
    return read_files(expand(inputs), on_error)


def read_files(files: Iterable[InputFile | Path | IngestError],
               on_error: Callable[[IngestError], None]) -> Iterator[Article]:
    """Stream the articles of expanded inputs (``expand``; a plain Path is a
    file given by itself). A bad file, a bad jsonl line or a repeated article
    id is reported through ``on_error`` and skipped; the rest of the batch
    goes on. Ids must be unique because they name the article's resources in
    the graph."""
    return (article for _, _, article in read_located(files, on_error))


def read_located(files: Iterable[InputFile | Path | IngestError],
                 on_error: Callable[[IngestError], None]) -> Iterator[tuple[Path, int | None, Article]]:
    """``read_files``, with the file and line (None for a .txt or .html) each article came from."""
    seen: dict[str, str] = {}
    for source in files:
        if isinstance(source, IngestError):
            on_error(source)
            continue
        source = source if isinstance(source, InputFile) else InputFile.of(source)
        path = source.path
        try:
            for line, article in _read(source, on_error):
                if article.id in seen:
                    on_error(IngestError(path, f"duplicate article id {article.id!r} "
                                               f"(first read from {seen[article.id]})", line))
                    continue
                seen[article.id] = where(path, line)
                yield path, line, article
        except IngestError as error:
            on_error(error)
        except Exception as error:  # noqa: BLE001 - a reader (or the HTML library under it) failed on this
            # file: report it like any bad input instead of ending the batch.
            on_error(IngestError(path, f"cannot read ({type(error).__name__}: {error})"))
