"""The .txt reader: the first line is the headline, the rest the body."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kg.records import Article

from .article import _article, _stem
from .clean import clean_text
from .decode import _decode


def _read_txt(path: Path, name: str, data: bytes, on_error) -> Iterator[tuple[int | None, Article]]:
    text, warning = _decode(path, data)
    if warning:
        on_error(warning)
    headline, _, body = clean_text(text).partition("\n")
    yield None, _article(path, name, _stem(name), headline, body)
