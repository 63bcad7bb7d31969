"""Where only a recording stands, whatever its title says: beside its
artist on a list's line ('2. "Window Seat" – Tak Min-seo'), "by" a band or
a singer ('"you, in december" by the band Lowtide Club'), after a
soundtrack part's label ('Part 2 — "Bookmark"'). Votes for Song that
typing.py casts."""
from __future__ import annotations

import re

from spacy.tokens import Token

from .rules import macros
from .values import SOUNDTRACK_PART

NAME_CLASSES = ("PERSON", "ORG", "Person", "MusicGroup")  # a name, its class decided or not
ARTIST_NOUNS = frozenset(w.lower() for w in macros()["ARTIST_NOUNS"]) - {"director", "writer", "producer", "composer", "lyricist"}


def beside_its_artist(tokens: list[Token], span, mentions: dict) -> bool:
    """A line that opens with a title and sets a name after a dash ('2. "Window Seat" – Tak
    Min-seo', a list of songs or of soundtracks): only a recording has an artist so beside it."""
    i = span.start - 1
    while i >= 0 and not tokens[i + 1].is_sent_start and (tokens[i].is_quote or tokens[i].like_num or tokens[i].text in ".)"):
        i -= 1
    j = span.end + (span.end < len(tokens) and tokens[span.end].is_quote)
    return tokens[i + 1].is_sent_start and j + 1 < len(tokens) and tokens[j].text in "-–—" and bool(tokens[j - 1].whitespace_) \
        and (j + 1 in mentions and mentions[j + 1][1].cls in NAME_CLASSES or tokens[j + 1].is_upper and len(tokens[j + 1]) > 1)


def after_part_label(tokens: list[Token], span) -> bool:
    """Does the title follow a part's label ("Part 2 — 'X'", "Part 3: X")?"""
    i = span.start - 1
    while i >= 0 and tokens[i].is_quote:
        i -= 1
    i -= i >= 0 and tokens[i].text in (":", "—", "–", "-", ".")
    return i >= 1 and tokens[i].like_num and SOUNDTRACK_LABEL.fullmatch(tokens[i - 1].text) is not None


SOUNDTRACK_LABEL = re.compile(SOUNDTRACK_PART)


def by_a_band_or_singer(tokens: list[Token], span, mentions: dict) -> bool:
    """'"you, in december" by the band Lowtide Club', '"X" by singer Y': only a recording is by a
    band, or by someone an artist's noun names (not "by director Z")."""
    by = span.end + (span.end < len(tokens) and tokens[span.end].is_quote)
    if by + 1 >= len(tokens) or tokens[by].lower_ != "by":
        return False
    k, nouns = by + 1, 0
    while k < len(tokens) and (tokens[k].lower_ in ("the", "a", "an") or tokens[k].lower_ in ARTIST_NOUNS):
        nouns += tokens[k].lower_ in ARTIST_NOUNS
        k += 1
    return k in mentions and (mentions[k][1].cls == "MusicGroup" or nouns and mentions[k][1].cls in NAME_CLASSES)
