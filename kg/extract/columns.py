"""A track list under a header line that names its columns ("No. – Title –
Lyrics – Music – Artist – Length", an album page's table copied as text):
each row's fields are credits by their column, which the track-list reader
takes as '"X" (Lyrics: A; Music: B; Performed: C)', not a line of artists.
A table whose number column is not the first ("Length | Title | Artist |
Lyrics | Music | No.") has its rows read here too, as numbered lines.
The column names are data (lexicon "track_columns")."""
from __future__ import annotations

import re
from functools import lru_cache

from ..data import lexicon
from .values import FEATURING, IN_PARENS

FIELD_BREAK = re.compile(r"\s+[-–—|]\s+|\t+")
CELLS = re.compile(r"\s*\|\s*")  # the bars between a table's cells (clean text writes a row's tabs as bars)
LABELS = {"lyricist": "Lyrics", "composer": "Music", "performer": "Performed", "released": "Released"}  # as credits.credit_roles reads them
EMPTY = {"", "-", "–", "—"}


@lru_cache(maxsize=None)
def _kinds() -> dict[str, str]:
    return {word: kind for kind, words in lexicon()["track_columns"].items() if not kind.startswith("_") for word in words}


def _header_kinds(line: str) -> list[str] | None:
    """The kinds of a track list's header's columns: every field a column
    name, a title column and a credit one among them."""
    kinds = [_kinds().get(field.strip().lower()) for field in FIELD_BREAK.split(line.strip())]
    return None if None in kinds or "title" not in kinds or not set(kinds) & set(LABELS) - {"released"} else kinds


def columns_before(text: str, first: int) -> list[str] | None:
    """The kinds of the columns the line right before offset ``first`` names,
    if it is a track list's header."""
    kinds = _header_kinds(text[:first].rstrip().rsplit("\n", 1)[-1])
    return [kind for kind in kinds if kind != "number"] if kinds else None  # a row's number is read apart


def header_start(text: str, first: int) -> int:
    """Where the header of columns over a list's first line at ``first`` starts, if it has one, else ``first``."""
    row = text.rfind("\n", 0, first) + 1
    return text.rfind("\n", 0, row - 1) + 1 if columns_before(text, row) is not None else first


ROW = re.compile(r"(?m)^[^\n]*$")


def numbered_rows(text: str) -> list[tuple[int, int, str]]:
    """The rows under a header whose number column comes later than the
    first ("3:41 | Herbal Moon | Baek Ye-ji | Min Seo-yoon | 1"), as the
    numbered lines of a list: (offset, number, the other fields); the rows
    run to the first line with another number of fields."""
    rows, kinds = [], None
    for line in ROW.finditer(text):
        fields = [field.strip() for field in FIELD_BREAK.split(line.group().strip(" \t|"))]
        if kinds and len(fields) == len(kinds) and fields[kinds.index("number")].isdigit():
            at = kinds.index("number")
            rows.append((line.start(), int(fields[at]), " | ".join(fields[:at] + fields[at + 1:])))
            continue
        kinds = _header_kinds(line.group()) if "|" in line.group() or "\t" in line.group() else None
        kinds = kinds if kinds and "number" in kinds[1:] else None
    return rows


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
    # "ORCA BLUE (Jay, Hwan)": a bracket inside the credits' brackets is written square, as "HARU [ECLIPSE BOYS]" is
    credits = [f"{LABELS[kind]}: {field.replace('(', '[').replace(')', ']')}" for kind, field in zip(columns, fields)
               if kind in LABELS and field not in EMPTY]
    # '"Gate Theme" (instrumental)': the aside goes with the credits, which keep only labelled parts
    return f"{title} ({'; '.join(credits + asides)}){guest}" if credits else None


def _title_parts(field: str) -> tuple[str, str, list[str]]:
    """A title field's title, its guest aside ("(feat. A)", kept after the
    credits, where the track-list reader finds it) and its other asides. A
    version's aside stays in an unquoted title ("Main Title (Inst.)"), and a title
    in its own script is named by its English in brackets ("달빛 처방전
    (Moonlight Prescription)")."""
    title, guest, asides = field, "", []
    while (aside := IN_PARENS.match(title)) is not None:
        name, part = aside.group("name").strip(), aside.group("group")
        if part.lower().startswith(_versions()) and not name.endswith(('"', "\u201d", "'", "\u2019")):
            break  # outside a title's quotes, the aside is about the track ('"Gate Theme" (instrumental)')
        if FEATURING.match(title, len(aside.group("name"))):
            guest = f" ({part}){guest}"
        elif part.isascii() and not name.isascii() and part[:1].isalnum():
            return part, guest, asides
        else:
            asides.insert(0, part)
        title = name
    return title, guest, asides


@lru_cache(maxsize=None)
def _versions() -> tuple[str, ...]:
    return tuple(lexicon()["track_asides"]["other_tracks"])
