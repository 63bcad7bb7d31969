"""The .jsonl reader: one JSON object a line, streamed, so that a file of
any size is read in bounded memory and a bad line costs that line only."""
from __future__ import annotations

import codecs
import io
import json
from collections.abc import Iterator
from datetime import datetime
from itertools import count
from pathlib import Path

from kg.records import Article

from .article import _article
from .clean import clean_text
from .decode import _decode
from .errors import IngestError
from .limits import READ_BLOCK


def _raw_lines(handle, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(number, line without its newline) for each line of a binary file, read a line at a
    time; a line longer than ``limit`` bytes is never held whole: it is skipped up to its
    end and given as None."""
    for number in count(1):
        raw = handle.readline(limit + 1)
        if not raw:
            return
        if len(raw) > limit and not raw.endswith(b"\n"):
            while (rest := handle.readline(READ_BLOCK)) and not rest.endswith(b"\n"):
                pass
            yield number, None
            continue
        yield number, raw[:-1] if raw.endswith(b"\n") else raw


def _jsonl_lines(path: Path, handle, limit: int) -> Iterator[tuple[int, str | IngestError]]:
    """Each line decoded on its own, so one corrupt line (stray binary, a
    different encoding) costs that line only; a file whose first line is
    binary is not JSON Lines at all. Streamed: memory holds one line (at
    most ``limit``, MAX_LINE_BYTES) whatever the file's size."""
    if handle.peek(2)[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        text = io.TextIOWrapper(handle, encoding="utf-16", errors="replace", newline="\n")
        for number in count(1):
            line = text.readline(limit + 1)
            if not line:
                return
            if len(line) > limit and not line.endswith("\n"):
                while (rest := text.readline(READ_BLOCK)) and not rest.endswith("\n"):
                    pass
                yield number, IngestError(path, f"line too long (limit {limit:,} characters)", number)
            else:
                yield number, line.rstrip("\n")
        return
    first = True
    for number, raw in _raw_lines(handle, limit):
        if raw is None:
            yield number, IngestError(path, f"line too long (limit {limit // 2**20} MiB)", number)
            first = False
            continue
        try:
            text, warning = _decode(path, raw, line=number)
            if warning:
                yield number, warning
            yield number, text
        except IngestError as error:
            if first:  # the first line is binary: an image or archive, not JSON Lines
                raise IngestError(path, error.reason) from None
            yield number, IngestError(path, error.reason.replace("binary file", "binary data"), number)
        first = first and not raw.strip()


def _read_jsonl(path: Path, name: str, handle, on_error, limit: int) -> Iterator[tuple[int | None, Article]]:
    """One JSON object a line; a bad line is reported with its number and
    the other lines are still read, whatever went wrong with it. A line
    longer than ``limit`` bytes (characters in UTF-16) is a bad line."""
    found = False
    for number, line in _jsonl_lines(path, handle, limit):
        if isinstance(line, IngestError):
            found = True
            on_error(line)
            continue
        if not line.strip():
            continue
        found = True
        try:
            yield number, _jsonl_article(path, name, number, line)
        except IngestError as error:
            on_error(error)
        except Exception as error:  # noqa: BLE001 - this line only: the rest of the file is still read
            on_error(IngestError(path, f"cannot read ({type(error).__name__}: {error})", number))
    if not found:
        raise IngestError(path, "empty article")


def _jsonl_article(path: Path, name: str, number: int, line: str) -> Article:
    def fail(reason: str) -> IngestError:
        return IngestError(path, reason, number)

    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise fail(f"invalid JSON ({error.msg})") from None
    except RecursionError:
        raise fail("invalid JSON (nested too deeply)") from None
    except ValueError as error:  # an integer of more digits than Python converts (sys.int_info)
        raise fail(f"invalid JSON ({error})") from None
    if not isinstance(record, dict):
        raise fail("not a JSON object")
    for key in ("id", "text", "title", "url", "date"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise fail(f"'{key}' must be a string")
    if not (record.get("id") or "").strip():
        raise fail("missing 'id'")
    body = clean_text(record.get("text") or "")
    if not body:
        raise fail("empty article")
    headline = record.get("title") or ""
    if not clean_text(headline):
        headline, _, body = body.partition("\n")
    published = None
    if record.get("date"):
        try:
            published = datetime.fromisoformat(record["date"]).date()
        except ValueError:
            raise fail(f"'date' is not an ISO date: {record['date']!r}") from None
    try:
        return _article(path, name, record["id"].strip(), headline, body, published, record.get("url"))
    except IngestError as error:
        raise fail(error.reason) from None
