"""Discography tables, as an encyclopedia's page about an artist prints
them: a header that names its columns ("Year | Title | CDC | OWS | Album")
over a row per record ('2020 | "Gravity Lane" | 12 | 27 | Lane Theory').
Each row is a record of the page's artist (a guest in "(featuring A)", a
unit in "(as ARCHE9-Lux)"), released in the row's year or on its
"Released:" date, in the row's album, and at the row's peak on each chart
column. A chart column is named by the page's key ("CDC – Circle Digital
Chart", "OWS – Oricon Weekly Singles Chart, compiled by Oricon") or by its
header ("Peak (CAC)"). The column words are data (lexicon
"discography_columns")."""
from __future__ import annotations

import re
from functools import lru_cache

from ..data import lexicon
from ..records import ChartEntryFact, EntityRef, Fact, Value
from .artists import GUEST, named
from .columns import CELLS, ROW
from .values import parse_date

KEY_LINE = re.compile(r"(?m)^[ \t]*(?P<abbr>[A-Z][A-Za-z0-9]{1,7})[ \t]+[–—-][ \t]+(?P<name>[^,\n]+?)"
                      r"(?:[ \t]*,[ \t]*(?:compiled|published|issued|run)[ \t]+by[ \t]+(?:the[ \t]+)?(?P<by>[^,\n]+?))?[ \t]*$")
DISCOGRAPHY = re.compile(r"^(?P<artist>.+?)\s+(?i:discography)\b")
PEAK = re.compile(r"\((?P<abbr>[^()]+)\)")  # "Peak (CAC)"
RELEASED = re.compile(r"(?i)\breleased:?\s*(?P<date>[^/|;]+)")
TITLE_CELL = re.compile(r'^"?(?P<title>[^"]+?)"?(?:\s*\((?P<aside>[^()]+)\))?$')
AS_UNIT = re.compile(r"(?i)^as\s+(?P<name>.+)$")


@lru_cache(maxsize=None)
def _words() -> dict[str, list[str]]:
    """The column kinds' words; the lists whose names start with "_" are no column's."""
    return {kind: words for kind, words in lexicon()["discography_columns"].items() if kind != "_comment"}


def read_discography(ctx) -> None:
    match = DISCOGRAPHY.match(ctx.article.title.strip())
    if match is None:
        return
    artist = named(ctx, match.group("artist"), "MusicGroup")
    text = ctx.article.text
    key = {m.group("abbr"): (m.group("name").strip(), m.group("by")) for m in KEY_LINE.finditer(text)}
    columns, heading = None, ""
    for line in ROW.finditer(text):
        if "|" not in line.group():
            heading = line.group().strip() or heading
            columns = None
            continue
        cells = CELLS.split(line.group().strip(" |"))
        if columns is None or len(cells) != len(columns):
            columns = _columns(cells, key)
            continue
        _read_row(ctx, artist, columns, cells, heading, line)


def _columns(cells: list[str], key: dict) -> list[tuple] | None:
    """A header's columns as (kind, chart name, its publisher): kinds
    "year", "title", "album", "details", "chart" or "other"; None unless it
    has a title column and a year, details or chart one."""
    words = _words()
    out = []
    for cell in cells:
        lowered = cell.lower()
        kind = next((k for k, ws in words.items() if not k.startswith("_") and lowered in ws), None)
        abbr = peak.group("abbr") if (peak := PEAK.search(cell)) else cell
        if kind is None and abbr in key:
            out.append(("chart", *key[abbr]))
        else:
            out.append((kind or "other", None, None))
    kinds = [kind for kind, _, _ in out]
    return out if kinds.count("title") == 1 and {"year", "details", "chart"} & set(kinds) else None


def _read_row(ctx, artist: EntityRef, columns: list[tuple], cells: list[str], heading: str, line: re.Match) -> None:
    row = {kind: cell for (kind, _, _), cell in zip(columns, cells) if kind != "chart"}
    title = TITLE_CELL.match(row["title"])
    span = ctx.doc.char_span(line.start(), line.end(), alignment_mode="expand")
    if title is None or span is None:
        return
    evidence = ctx.evidence(ctx.sentence_of(span.start), "reader:discography-row", 0.8)
    is_album = "details" in row or any(w in heading.lower() for w in _words()["_album_headings"])
    work = EntityRef(title.group("title").strip(), "Album" if is_album else "Song")
    ctx.decided[work.name] = work.cls
    aside = title.group("aside") or ""
    unit, guest = AS_UNIT.match(aside), GUEST.match(aside)
    facts = ctx.extraction.facts
    facts.append(Fact(work, "performer", named(ctx, unit.group("name"), "MusicGroup") if unit else artist, evidence))
    if guest:
        facts.append(Fact(work, "performer", named(ctx, guest.group("name"), "Person"), evidence))
    released = RELEASED.search(row.get("details", ""))
    day = parse_date(released.group("date")) if released else None
    year = row.get("year", "")
    day = day or (Value(year, "gYear") if re.fullmatch(r"(?:19|20)\d\d", year) else None)
    if day is not None:
        facts.append(Fact(work, "releaseDate", day, evidence))
    album = row.get("album", "").strip().strip('"')
    if not is_album and album and album.lower() not in _words()["_no_album"]:
        facts.append(Fact(work, "inAlbum", named(ctx, album, "Album"), evidence))
    for (kind, chart, publisher), cell in zip(columns, cells):
        if kind == "chart" and cell.isdigit():
            ref = EntityRef(chart, "Chart")
            ctx.extraction.chart_entries.append(ChartEntryFact(work, ref, int(cell), evidence))
            if publisher:
                facts.append(Fact(ref, "chartProvider", named(ctx, publisher, "Organization"), evidence))
