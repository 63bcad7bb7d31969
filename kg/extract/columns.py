"""A track list under a header line that names its columns ("No. – Title –
Lyrics – Music – Artist – Length", an album page's table copied as text):
each row's fields are credits by their column, which the track-list reader
takes as '"X" (Lyrics: A; Music: B; Performed: C)', not a line of artists.
The column names are data (lexicon "track_columns")."""
from __future__ import annotations

import re
from functools import lru_cache

from ..data import lexicon
from .values import FEATURING, IN_PARENS

FIELD_BREAK = re.compile(r"\s+[-–—|]\s+|\t+")
LABELS = {"lyricist": "Lyrics", "composer": "Music", "performer": "Performed"}  # as credits.credit_roles reads them
EMPTY = {"", "-", "–", "—"}


@lru_cache(maxsize=None)
def _kinds() -> dict[str, str]:
    return {word: kind for kind, words in lexicon()["track_columns"].items() if not kind.startswith("_") for word in words}


def columns_before(text: str, first: int) -> list[str] | None:
    """The kinds of the columns the line right before offset ``first`` names,
    if it is a track list's header: every field a column name, a title
    column and a credit one among them."""
    line = text[:first].rstrip().rsplit("\n", 1)[-1].strip()
    kinds = [_kinds().get(field.strip().lower()) for field in FIELD_BREAK.split(line)]
    if None in kinds or "title" not in kinds or not set(kinds) & set(LABELS):
        return None
    return [kind for kind in kinds if kind != "number"]  # a row's number is read apart


def as_credits(content: str, columns: list[str]) -> str | None:
    """A row's title with its credits in brackets, its fields read by
    ``columns``; None if the row has another number of fields (a length
    already cut off may be missing)."""
    fields = [field.strip() for field in FIELD_BREAK.split(content.strip(" \t|"))]  # "1. | Title | Music |": a table's pipes
    if columns[-1:] == ["length"] and len(fields) == len(columns) - 1:
        columns = columns[:-1]
    if len(fields) != len(columns):
        return None
    title, guest, asides = _title_parts(fields[columns.index("title")])
    credits = [f"{LABELS[kind]}: {field}" for kind, field in zip(columns, fields) if kind in LABELS and field not in EMPTY]
    # '"Gate Theme" (instrumental)': the aside goes with the credits, which keep only labelled parts
    return f"{title} ({'; '.join(credits + asides)}){guest}" if credits else None


def _title_parts(field: str) -> tuple[str, str, list[str]]:
    """A title field's title, its guest aside ("(feat. A)", kept after the
    credits, where the track-list reader finds it) and its other asides."""
    title, guest, asides = field, "", []
    while (aside := IN_PARENS.match(title)) is not None:
        if FEATURING.match(title, len(aside.group("name"))):
            guest = f" ({aside.group('group')}){guest}"
        else:
            asides.insert(0, aside.group("group"))
        title = aside.group("name")
    return title, guest, asides
