"""Long articles in parts: bounded memory for NLP whatever an article's length.

spaCy's memory grows with a document's length (about 1 GB per 100,000
characters with this pipeline, more for text of many tiny sentences), and
some of its time faster than the length. An article longer than PART_CHARS
is therefore split at paragraph or sentence boundaries into parts of at most
PART_CHARS characters; each part goes through the pipeline and ``extract`` as
an article of its own text, and the parts' extractions are merged into one
for the article, every character offset shifted by the part's start. So the
graph of a long article holds the same kind of facts, with offsets into the
whole text; what a part cannot see is lost: a fact whose parts lie in two
parts (a chart named in one paragraph, its ranks in a paragraph of the next
part) is not found, and parts after the first do not start with the
headline. Articles of at most PART_CHARS characters (news articles are a few
thousand) go through unchanged.

``batches`` bounds what goes through ``nlp.pipe`` at once: at most CHUNK
texts and BATCH_CHARS characters (a batch's documents are all in memory
together).
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable, Iterator, TypeVar

from ..records import Article, Evidence, Extraction, Fact, Mention

PART_CHARS = 10_000    # an article longer than this is read in parts of at most this many characters
BATCH_CHARS = 40_000   # characters through nlp.pipe at once (a part or an article alone may be all of it)

# The end of a sentence: . ! or ? (then closing quotes or brackets) and white space.
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+")

T = TypeVar("T")


def spans(text: str, limit: int) -> list[tuple[int, int]]:
    """(start, end) of the parts of ``text``: each at most ``limit`` characters,
    cut after the last line break of its second half, else after its last
    sentence end there, else at its last space, else (a run of ``limit``
    characters without a space) at ``limit``. White space at a cut ends the
    part before it (as it ends a sentence in the whole text); the next part
    starts at the next other character. A text of at most ``limit``
    characters is one part."""
    parts: list[tuple[int, int]] = []
    start, size = 0, len(text)
    while size - start > limit:
        end, floor = start + limit, start + limit // 2
        cut = text.rfind("\n", floor, end) + 1
        if not cut:
            ends = [m.end() for m in _SENTENCE_END.finditer(text, floor, end)]
            cut = ends[-1] if ends else text.rfind(" ", floor, end) + 1 or end
        parts.append((start, cut))  # with its trailing white space, which a sentence's end includes
        start = cut
        while start < size and text[start].isspace():
            start += 1
    if start < size or not parts:
        parts.append((start, size))
    return parts


def split(article: Article, limit: int | None = None) -> list[tuple[int, Article]]:
    """(offset, article) for each part of at most ``limit`` (default
    PART_CHARS) characters: the article itself when it is short enough, else
    the parts, each an Article of its own text."""
    limit = limit or PART_CHARS
    if len(article.text) <= limit:
        return [(0, article)]
    return [(start, replace(article, text=article.text[start:end])) for start, end in spans(article.text, limit)]


def _evidence(evidence: Evidence, offset: int) -> Evidence:
    return replace(evidence, start=evidence.start + offset, end=evidence.end + offset,
                   context=tuple(replace(p, start=p.start + offset, end=p.end + offset) for p in evidence.context))


def _mention(mention: Mention, offset: int) -> Mention:
    if mention.start == mention.end == 0:
        return mention  # extraction's "named by a fact, no span in the text": no offset to shift
    return replace(mention, start=mention.start + offset, end=mention.end + offset)


def merge(article: Article, parts: list[tuple[int, Extraction]]) -> Extraction:
    """One Extraction for ``article`` from those of its parts, (offset,
    extraction) in text order: mentions, facts, chart entries and ratings
    in order, with every offset (mentions, evidence sentences and their
    context sentences) shifted by its part's offset; aliases united."""
    if len(parts) == 1 and parts[0][0] == 0:
        return parts[0][1]
    merged = Extraction(article)
    for offset, part in parts:
        merged.mentions += [_mention(m, offset) for m in part.mentions]
        merged.facts += [Fact(f.subject, f.predicate, f.object, _evidence(f.evidence, offset)) for f in part.facts]
        merged.chart_entries += [replace(c, evidence=_evidence(c.evidence, offset)) for c in part.chart_entries]
        merged.ratings += [replace(r, evidence=_evidence(r.evidence, offset)) for r in part.ratings]
        for ref, names in part.aliases.items():
            merged.aliases.setdefault(ref, set()).update(names)
    return merged


def batches(items: Iterable[T], size: int, chars: int, length=len) -> Iterator[list[T]]:
    """``items`` in lists of at most ``size`` items and ``chars`` characters
    (``length`` of an item); an item longer than ``chars`` is a list alone."""
    batch: list[T] = []
    total = 0
    for item in items:
        n = length(item)
        if batch and (len(batch) == size or total + n > chars):
            yield batch
            batch, total = [], 0
        batch.append(item)
        total += n
    if batch:
        yield batch
