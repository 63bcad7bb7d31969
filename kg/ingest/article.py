"""The ``Article`` record a reader makes of what it found in a file: a
headline and a body, cleaned the same way whatever the format."""
from __future__ import annotations

from datetime import date
from pathlib import Path, PurePosixPath

from kg.records import Article

from .clean import clean_text, find_date, headline_date, printable, safe_url, strip_noise
from .errors import IngestError
from .limits import MAX_ARTICLE_CHARS


def _article(path: Path, name: str, id: str, headline: str, body: str,
             published: date | None = None, url: str | None = None) -> Article:
    """Assemble the record: headline, blank line, noise-free body. A body
    that repeats the headline as its first line (HTML h1) loses the copy."""
    headline = " ".join(clean_text(headline).split())
    body = strip_noise(clean_text(body))
    first, _, rest = body.partition("\n")
    if first == headline:
        body = rest.strip()
    if not headline:
        raise IngestError(path, "empty article")
    text = f"{headline}\n\n{body}" if body else headline
    if len(text) > MAX_ARTICLE_CHARS:
        raise IngestError(path, f"article too long: {len(text):,} characters (limit {MAX_ARTICLE_CHARS:,})")
    return Article(id=printable(id), source=printable(name), title=headline, text=text,
                   published=published or find_date(body) or headline_date(headline), url=safe_url(url))


def _stem(name: str) -> str:
    """An id from a file's name: without its extension (``2019/0042.txt`` -> ``2019/0042``)."""
    return name[:-len(PurePosixPath(name).suffix) or None]
