"""Audience ratings in tables: flattened rows ("Title | 13 | KBS | 3.7%"), a
series' episode table ("Ep. | Title | Air date | Rating") or list ("Ep. 3 –
6.8% / 7.7%") and a day's
ranking of programmes under a header that names its columns ("Rank |
Program | Channel | Nationwide (%) | Seoul (%)"). A row's figures are its
own: no sentence reader's reading of the same line stands beside them. The
column words are data (lexicon "ratings": "column_scopes", "table_columns")."""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from ..data import lexicon
from ..records import EntityRef, Fact, RatingFact
from .columns import CELLS
from .networks import focal_work

FIGURES = re.compile(r"\s*(\d{1,3}(?:\.\d+)?)\s*%?\s*(?:/\s*(\d{1,3}(?:\.\d+)?)\s*%?\s*)?")  # "5.1% / 6.0%": a two-part episode
SCOPES = lexicon()["ratings"]["column_scopes"]
TABLE_ROW, EPISODE_TABLE_ROW = "reader:rating-table-row", "reader:episode-table-row"  # the evidence's rule
TABLE_RULES = (TABLE_ROW, EPISODE_TABLE_ROW)
EPISODE_IN_CELL = re.compile(r"\s*\((?:ep\.?|episode)\s*(\d{1,4})\)\s*$", re.I)


@lru_cache(maxsize=None)
def _row_patterns(station: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """A table row with figures ("Title 13 KBS 3.7%", "Title | 13 | KBS | 3.7%"), one without
    ("Title KBS", "Title | 5 | JTBC | -"), and a listed one ("Title (KBS1, episode 88): 17.9%"), for one
    station's name (a short list: the broadcasters)."""
    station, cell = re.escape(station), r"(?:\s*\|\s*|\s+)"  # cells apart by spaces or by bars ("Title | 3 | KBS2 | 5.1%")
    return (re.compile(rf"\|?\s*([^|]+?){cell}(\d{{1,4}}){cell}{station}{cell}(\d{{1,3}}(?:\.\d+)?)\s*%\s*\|?"),
            re.compile(rf"\|?\s*([A-Z][^%|]+?){cell}{station}(?:{cell}[-–])?\s*\|?"),
            re.compile(rf"[-*\u2022]?\s*([A-Z][^()%]+?)\s*\(\s*{station}\s*,\s*(?:episode|ep\.?)\s*(\d{{1,4}})\s*\)\s*:?\s*"
                       rf"(\d{{1,3}}(?:\.\d+)?)\s*%", re.I))


FIGURE_END = re.compile(r"%\s*\|?\Z")  # how a row with figures ends
BARE_END = re.compile(r"(?:(?:\s*\|\s*|\s+)[-–])?\s*\|?")  # what may follow the station in a row without figures


def _ends_with(text: str, station: str) -> bool:
    """Does ``station`` end the text, as in a row without figures ("Title KBS", "Title | JTBC | -")?"""
    at = text.find(station)
    while at >= 0 and not BARE_END.fullmatch(text, at + len(station)):
        at = text.find(station, at + 1)
    return at >= 0


def read_rating_table(ctx) -> None:
    """Rows of a flattened ratings table: "Title 13 KBS 3.7%"; in a table
    that has such rows, also "Title KBS" (a row without figures)."""
    full, bare = [], []
    for sentence, text in zip(ctx.sentences, ctx.sentence_texts):
        text = text.strip()
        nets = [e for _, e, cls in ctx.sentence_mentions(sentence) if cls == "Broadcaster"]
        if len(nets) != 1:
            continue
        station = nets[0].surface
        # a station's patterns take ~2 ms to compile: only for a sentence that ends as a row does
        if FIGURE_END.search(text) and (row := _row_patterns(station)[0].fullmatch(text) or _row_patterns(station)[2].fullmatch(text)):
            full.append((sentence, nets[0], row))
        elif _ends_with(text, station) and (row := _row_patterns(station)[1].fullmatch(text)):
            bare.append((sentence, nets[0], row))
    for sentence, net, row in full + (bare if len(full) >= 2 else []):
        series = EntityRef(row.group(1).strip(), "TVSeries")
        rated = [(series, Decimal(row.group(3)), int(row.group(2)), None)] if row.lastindex == 3 else []
        evidence = _add_row(ctx, sentence.start_char, sentence.end_char, rated, TABLE_ROW) or ctx.evidence(sentence, TABLE_ROW, 0.8)
        ctx.extraction.facts.append(Fact(series, "broadcaster", EntityRef(net.name, "Broadcaster"), evidence))


EPISODE_HEADER = re.compile(r"(?im)^[ \t]*\|?[ \t]*(?:episode|ep\.?|no\.)[ \t]*\|(?P<cells>[^\n]*)$")
EPISODE_ROW = re.compile(r"[ \t]*\|?[ \t]*(?P<episode>\d{1,4}|average|avg\.?)[ \t]*\|(?P<cells>[^\n]*)", re.I)


def read_episode_table(ctx) -> None:
    """A series' own ratings table, as an encyclopedic page prints it: a header "Episode | Date |
    Nationwide | Seoul", then a row per episode ("1 | 5 March 2018 | 6.2% | 6.9%", two figures for
    an episode aired in two parts) and an average row (episode none). Every figure is the rating of
    the series the article is about, not of an episode's title in the row."""
    text = ctx.article.text
    for header in EPISODE_HEADER.finditer(text):
        scopes = [_scope(cell) for cell in header.group("cells").split("|")]
        series = focal_work(ctx)
        if series is None:
            continue
        position = header.end() + 1
        while position < len(text) and (row := EPISODE_ROW.match(text, position)) and "\n" not in row.group(0):
            episode = int(row.group("episode")) if row.group("episode").isdigit() else None
            figures = [(k, figure) for k, cell in enumerate(row.group("cells").split("|")) if "%" in cell
                       for figure in _figures(cell)]
            _add_row(ctx, row.start(), row.end(), [(series, value, episode, scopes[k] if k < len(scopes) else None)
                                                   for k, value in figures], EPISODE_TABLE_ROW)
            position = row.end() + 1


# "Ep. 3 – 6.8% / 7.7%", "- Ep. 33 (Sat): 19.4%", "Weekly average: 11.6%": a series' episodes one a line
EPISODE_LINE = re.compile(r"(?im)^[ \t]*(?:[-*\u2022][ \t]*)?(?:(?:ep\.?|episode)[ \t]*(?P<episode>\d{1,4})(?:[ \t]*\([^()\n]{1,20}\))?"
                          r"|(?:weekly[ \t]+|series[ \t]+)?(?:average|avg\.?))[ \t]*[-–—:][ \t]*(?P<cells>[^\n]*%[^\n]*)$")
SPACED_SLASH = re.compile(r"\s+/\s+")  # between a line's figures ("5.2% / 6.0%"; not "N/A")


def read_episode_lines(ctx) -> None:
    """A series' ratings one episode a line ("Ep. 3 – 6.8% / 7.7%"), the
    figures in the order the paragraph above names their scopes ("according
    to Nielsen Korea (nationwide / Seoul metropolitan area):"); every figure
    is the rating of the series named last before its line (a round-up's
    heading "tvN <X>" over each list), else of the one the article is about."""
    text = ctx.article.text
    lines = list(EPISODE_LINE.finditer(text))
    if len(lines) < 2:
        return
    above = text[text.rfind("\n\n", 0, max(0, lines[0].start() - 1)) + 1:lines[0].start()].lower()
    said = sorted((m.start(), scope) for word, scope in SCOPES.items() for m in re.finditer(rf"\b{word}", above))
    scopes = [scope for k, (_, scope) in enumerate(said) if k == 0 or said[k - 1][1] != scope]  # "Seoul metropolitan": one
    for line in lines:
        span = ctx.doc.char_span(line.start(), line.end(), alignment_mode="expand")
        named = ctx.nearest_before(span[0], ("TVSeries",)) if span is not None else None
        series = EntityRef(named.name, "TVSeries") if named is not None else focal_work(ctx)
        if series is None:
            continue
        cells = SPACED_SLASH.split(line.group("cells").strip())
        episode = int(line.group("episode")) if line.group("episode") else None
        _add_row(ctx, line.start(), line.end(), [(series, value, episode, scopes[k] if len(scopes) == len(cells) else None)
                                                 for k, cell in enumerate(cells) for value in _figures(cell)], EPISODE_TABLE_ROW)


LINE = re.compile(r"(?m)^[^\n]*\|[^\n]*$")


def read_program_table(ctx) -> None:
    """A day's ratings of many programmes: under a header that names a
    programme column and figure columns ("Rank | Program | Channel |
    Nationwide (%) | Seoul (%)"), each row with as many cells rates its
    programme ("Storm Season Inn (Ep. 4)": of episode 4) on its channel."""
    columns, nets = None, {e.surface: e.name for _, e in ctx.mention_tokens if ctx.class_of(e) == "Broadcaster"}
    for line in LINE.finditer(ctx.article.text):
        cells = CELLS.split(line.group().strip(" |"))
        if columns is None or len(cells) != len(columns):
            columns = _program_columns(cells)
            continue
        row = dict(zip((kind for kind, _ in columns), cells))
        episode = EPISODE_IN_CELL.search(row["program"])
        series = EntityRef(EPISODE_IN_CELL.sub("", row["program"]).strip().strip('"'), "TVSeries")
        rated = [(series, value, int(episode.group(1)) if episode else None, _scope(head))
                 for (kind, head), cell in zip(columns, cells) if kind == "figure" for value in _figures(cell)]
        evidence = _add_row(ctx, line.start(), line.end(), rated, TABLE_ROW) if series.name else None
        if evidence is not None and (net := nets.get(row.get("channel"))) is not None:
            ctx.extraction.facts.append(Fact(series, "broadcaster", EntityRef(net, "Broadcaster"), evidence))


def _program_columns(cells: list[str]) -> list[tuple[str, str]] | None:
    """A programme table's header cells with their kinds: one programme
    column, and figure columns ("Nationwide (%)", "Rating"); None for
    another line."""
    words = {kind: ws for kind, ws in lexicon()["ratings"]["table_columns"].items() if not kind.startswith("_")}
    kinds = [next((kind for kind, ws in words.items() if cell.lower() in ws or set(cell.lower().split()) & set(ws)),
                  "figure" if _scope(cell) else None) for cell in cells]  # "Nationwide (%)": "(%)" says a figure too
    if None in kinds or kinds.count("program") != 1 or "figure" not in kinds or kinds[0] == "episode":
        return None  # "Ep. | Title | Air date | Rating": a series' episodes, whose titles are no programmes
    return list(zip(kinds, cells))


def _scope(cell: str) -> str | None:
    return next((v for k, v in SCOPES.items() if k in cell.lower()), None)


def _figures(cell: str) -> list[Decimal]:
    """A cell's figures, and none of a remark after them ("20.6% ← a new best", "12.0% (the peak was 15.4%)")."""
    match = FIGURES.match(cell)
    return [Decimal(v) for v in match.groups() if v] if match and ("%" in match.group() or match.end() == len(cell)) else []


def _add_row(ctx, start: int, end: int, rated: list, rule: str):
    """A row's ratings, each with the row's sentence as its evidence (which
    it returns), in place of a sentence reader's reading of the row."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not rated:
        return None
    sentence = ctx.sentence_of(span.start)
    ctx.extraction.ratings = [r for r in ctx.extraction.ratings if r.evidence.rule in TABLE_RULES
                              or not sentence.start_char <= r.evidence.start < end]
    evidence = ctx.evidence(sentence, rule, 0.8)
    ctx.extraction.ratings += [RatingFact(series, value, evidence, episode, None, scope) for series, value, episode, scope in rated]
    return evidence
