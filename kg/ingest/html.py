"""The .html/.htm reader: the page's main text and metadata, what a browser
would not show left out."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from kg.records import Article

from .article import _article, _stem
from .clean import clean_text
from .decode import _decode, declared_charset
from .errors import IngestError

# Elements a browser does not render: the hidden attribute (but hidden="until-found", which a
# search reveals), and inline styles display:none or visibility:hidden.
_HIDDEN = ("//*[@hidden and not(translate(@hidden, 'UNTILFOD', 'untilfod') = 'until-found')]"
           " | //*[contains(translate(@style, 'DISPLAYNOEVSBT ', 'displaynoevsbt'), 'display:none')]"
           " | //*[contains(translate(@style, 'DISPLAYNOEVSBT ', 'displaynoevsbt'), 'visibility:hidden')]")


def _read_html(path: Path, name: str, data: bytes, on_error) -> Iterator[tuple[int | None, Article]]:
    """Main text and metadata via trafilatura; reader comments excluded. It
    parses with lxml's HTML parser, which neither fetches nor expands
    external entities. Imported here: it takes a fifth of a second, and
    the extraction workers, which import this module, never read HTML."""
    import trafilatura
    from trafilatura.utils import load_html
    text, warning = _decode(path, data, declared_charset(data))
    if warning:
        on_error(warning)
    tree = load_html(text)
    if tree is None:
        raise IngestError(path, "no article text found")
    # What a browser does not show is not the article: trafilatura would read it.
    for hidden in tree.xpath(_HIDDEN):
        hidden.drop_tree()
    doc = trafilatura.bare_extraction(
        tree, include_comments=False, with_metadata=True,
        date_extraction_params={"original_date": True, "extensive_search": False})
    if doc is None or not (doc.text or "").strip():
        raise IngestError(path, "no article text found")
    headline, body = doc.title, doc.text
    if not headline:
        headline, _, body = clean_text(body).partition("\n")
    try:
        published = date.fromisoformat(doc.date) if doc.date else None
    except ValueError:
        published = None
    yield None, _article(path, name, _stem(name), headline, body, published, doc.url)
