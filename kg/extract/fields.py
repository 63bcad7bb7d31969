"""Field lines, as drama and film listings print them: a heading that names
the work ("2012 Best Drama | Moon Embracing The Sun", "3. See You in My 19th
Life") or a field ("Track: Good Day"), then a block of "Label: value" lines ("Starring: A, B and C",
"Directed by: D", "Network: MBC", "Date: January 4 to March 15, 2012"), or
a song's credits, several to a line ("Lyrics: A / Composition: B").
Each field the lexicon knows (``field_labels``) gives the work a fact; the
heading's title is a title position (``blocks``, read by the mentions stage
in titles.py), and each fact's evidence names the heading as the sentence
that supplied the work.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..data import alternatives, lexicon
from ..records import EntityRef, Fact
from .listing import role_kinds
from .networks import focal_work
from .values import FEATURING, IN_PARENS, parse_date

FIELD = re.compile(r"(?m)^[ \t]*(?P<label>[A-Za-z][A-Za-z .'/&()-]{1,30}?)[ \t]*:[ \t]*(?P<value>\S[^\n]*?)[ \t]*$")
# a film page's line with no colon after its label ("Directed by Oh Min-jae", "Stars A · B · C"): names, no sentence
BARE_FIELD = re.compile(rf"(?m)^[ \t]*(?P<label>{alternatives(lexicon()['field_labels']['_without_colon'])})[ \t]+(?P<value>[A-Z][^\n.!?:|]*?)[ \t]*$")
# " / Composition: ", " / Music by "
BESIDE = re.compile(rf"[ \t]+[/|][ \t]+(?:(?P<label>[A-Za-z][A-Za-z .'&()-]{{1,30}}?)[ \t]*:|(?P<bare>{alternatives(lexicon()['field_labels']['_without_colon'])})\b)[ \t]*")
HEADING_PREFIX = re.compile(r"^(?:\d{1,3}[.)]\s*|.*\|\s*)")  # "3. Title", "2012 Best Drama | Title"
NUMBERED_LINE = re.compile(r"\s*\d{1,3}[.)]\s+\S")  # a list's item: "2. Footprints on Snow (Feat. A)"
BREADCRUMB = re.compile(r"\S > \S.* > \S")
BLANK_LINE = re.compile(r"\n[ \t]*\n")
QUOTED = re.compile(r"[\"']([^\"']{1,60})[\"'](?!\w)")  # quotation marks are straight once ingested
RANGE = re.compile(r"\s+(?:to|until|-|–|~)\s+")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
YEAR_ASIDE = re.compile(r"\s*\((?:19|20)\d\d\)\s*$")
SCORE = re.compile(r"\d(?:\.\d+)?\s*/\s*10\b")
TRACK_ASIDE = re.compile(rf"\s*[(\[](?:{alternatives(lexicon()['track_asides']['words'])})(?:\W[^()\[\]]*)?[)\]]$", re.I)
PEOPLE = ("Person", "PERSON")
LATER_SEASON = re.compile(r"(?i)\bseason\s+(?:[2-9]|\d\d|two|three|four|five)\b")
SECTION_HEADINGS = frozenset(lexicon()["section_headings"]["words"])


@dataclass(frozen=True)
class Block:
    """A heading and the field lines under it."""

    title: tuple[int, int]  # the title's characters in the heading line
    fields: tuple[tuple[str, int, int], ...]  # (property, value start, value end)


@lru_cache(maxsize=None)
def _labels() -> dict[str, tuple[str, ...]]:
    """Field label (lower case) -> the properties its value gives the work
    (a label under two, "Music and lyrics", gives both)."""
    labels: dict[str, tuple[str, ...]] = {}
    for prop, words in lexicon()["field_labels"].items():
        if not prop.startswith("_"):
            for word in words:
                labels[word.lower()] = labels.get(word.lower(), ()) + (prop,)
    return labels


@lru_cache(maxsize=None)
def dash_field() -> re.Pattern:
    """A credit line printed with a dash after a label the lexicon knows ("Vocal — A", "Lyrics – A, B"):
    a field, not a title set beside a name."""
    return re.compile(rf"(?im)^[ \t]*(?P<label>{alternatives(_labels())})[ \t]+[—–-][ \t]+(?P<value>\S[^\n]*?)[ \t]*$")


@lru_cache(maxsize=2)
def blocks(text: str) -> tuple[Block, ...]:
    """The field blocks of an article: runs of two fields or more, one known, a
    line of something else (a value run on, but no line with a quoted title,
    which heads the next block) allowed between them, under a
    short heading line that is no field and no sentence. Kept for the
    article's second reader (the title finder, then the field reader)."""
    runs, current, last_end = [], [], -1
    for match in sorted([*FIELD.finditer(text), *BARE_FIELD.finditer(text), *dash_field().finditer(text)],
                        key=lambda m: m.start()):
        between = text[last_end:match.start()] if last_end >= 0 else ""
        lines = [line for line in between.split("\n") if line.strip()]
        if current and (len(lines) > 1 or lines and (BLANK_LINE.search(between) or QUOTED.search(lines[0])
                                                     or NUMBERED_LINE.match(lines[0])) or between.count("\n") > 3):
            runs.append(current)  # a heading, a paragraph or a line naming a title ("2. X") between: the next block
            current = []
        current.append(match)
        last_end = match.end()
    runs.append(current)
    found = []
    for run in filter(None, runs):
        labelled = [part for m in run for part in _split(m)]
        fields = tuple((prop, start, end) for label, start, end in labelled for prop in _labels().get(label.lower(), ()))
        named = next(((start, end) for prop, start, end in fields if prop == "work"), None) or _screen_named(text, fields)
        # a field names the work ("Track: Good Day | Artist: IU | Album: Real"), else the heading does
        # two fields or more; or one credit right under a line that quotes the title ('Part 1 | "X" | A' / "Lyrics: B")
        one_credit = len(labelled) == 1 and {prop for prop, _, _ in fields} <= SONG_FIELDS \
            and QUOTED.search(text[text.rfind("\n", 0, max(0, run[0].start() - 1)) + 1:run[0].start()])
        title = (named or _heading_title(text, run[0].start())) if fields and (len(labelled) >= 2 or one_credit) else None
        if title:
            found.append(Block(title, tuple(f for f in fields if f[0] != "work" and (f[1], f[2]) != title)))
    return tuple(found)


SCREEN_FIELDS = {"director", "broadcaster", "castMember"}
SONG_FIELDS = {"performer", "lyricist", "composer", "inAlbum"}


def _screen_named(text: str, fields: tuple) -> tuple[int, int] | None:
    """A drama's or film's page names itself in a "Drama:" or "Film:" field
    ("Drama: Moonlit Flour Bakery (literal title)" over "Director:" and
    "Network:"), which under a song's credits names its series instead."""
    props = {prop for prop, _, _ in fields}
    if not props & SCREEN_FIELDS or props & SONG_FIELDS:
        return None
    start, end = next(((start, end) for prop, start, end in fields if prop == "soundtrackOf"), (None, None))
    if start is None:
        return None
    aside = IN_PARENS.match(text[start:end])  # "(literal title)": no word of the title
    return start, start + len(aside.group("name")) if aside else end


def _split(match: re.Match) -> list[tuple[str, int, int]]:
    """(label, value start, value end) of a field line, and of the fields
    set beside it on the line ("Lyrics: A / Composition: B / Arrangement: C")."""
    label, start, end = match.group("label").strip(), match.start("value"), match.end("value")
    out = []
    for beside in BESIDE.finditer(match.string, start, end):
        out.append((label, start, beside.start()))
        label, start = (beside.group("label") or beside.group("bare")).strip(), beside.end()
    return out + [(label, start, end)]


def _heading_title(text: str, first: int) -> tuple[int, int] | None:
    """The title a block's heading line names: after a "|" or a number; the
    line right before the fields, or else the first line of their paragraph
    (a catalogue's "Title" / "2026 | TV-14 | 1 Season" / a synopsis / fields)."""
    end = len(text[:first].rstrip())
    start = text.rfind("\n", 0, end) + 1
    line = text[start:end]
    if BREADCRUMB.search(line):  # "iMBC > Drama > Fox Moon Inn > Program Info": the site's path to the page
        return _headline_title(text)
    if not _heading_shape(line):
        paragraph = text.rfind("\n\n", 0, end) + 2
        lines_above = text.count("\n", paragraph, end)
        start, end = paragraph, text.find("\n", paragraph)
        line = text[start:end]
        if paragraph < 2 or lines_above > 3 or not _heading_shape(line) or "|" in line:
            # a film page's first fields, under its title's paragraph: the headline's
            return _headline_title(text) if text.count("\n\n", 0, first) <= 2 else None
    quoted = list(QUOTED.finditer(line))
    if quoted:  # "[OST] KBS2 'Glass Garden' Part 6 — JUNO.K, 'Unspoken'": the card's own work is quoted last
        return start + quoted[-1].start(1), start + quoted[-1].end(1)
    prefix = HEADING_PREFIX.match(line)
    start += prefix.end() if prefix else 0
    title = TRACK_ASIDE.sub("", text[start:end].strip()).strip('"')  # "01. Heat Haze (Title)": Heat Haze
    if title.lower() in SECTION_HEADINGS:  # "Credits": the section of the title quoted last before it
        quoted = list(QUOTED.finditer(text, max(0, start - 1000), start))
        return (quoted[-1].start(1), quoted[-1].end(1)) if quoted else None
    if not title or not title[0].isupper():
        return None
    start = text.index(title, start)
    return start, start + len(title)


def _headline_title(text: str) -> tuple[int, int] | None:
    """A film's or programme's page's own title, for its first fields under no heading: the
    headline, without its year ("The Salt Road (2022)") or the site's words after a bar."""
    headline = text[:text.find("\n")] if "\n" in text else text
    title = YEAR_ASIDE.sub("", headline).strip()
    if (piped := headline.split(" | ")) and len(piped) > 1:  # "Fox Moon Inn | MBC Miniseries | Program Information"
        return (0, len(piped[0])) if piped[0][:1].isupper() else None
    return (0, len(title)) if title and title[0].isupper() and YEAR_ASIDE.search(headline) else None


def _heading_shape(line: str) -> bool:
    """Is ``line`` short, no sentence, no field and no score ("IMDb RATING 7.1/10")?"""
    return bool(line.strip()) and len(line) <= 80 and not line.rstrip().endswith((".", "!", "?", ":")) \
        and not FIELD.match(line) and not SCORE.search(line)


def read_fields(ctx) -> None:
    """The facts of each field block, about the work its heading names."""
    doc = ctx.doc
    for block in blocks(ctx.article.text):
        heading = doc.char_span(*block.title, alignment_mode="expand")
        if heading is None:
            continue
        work = next((EntityRef(ent.name, cls) for _, ent, cls in ctx.sentence_mentions(heading)
                     if (ent.start, ent.end) == block.title), None)
        if work is not None and work.cls in ("TVSeries", "Film") and {f[0] for f in block.fields} <= SONG_FIELDS:
            work = focal_work(ctx, "Song")  # "CREDITS" / "Vocal — A" after the series was named: the song's credits
        if work is None:
            continue
        heading_sentence = ctx.sentence_of(heading.start)
        text = ctx.article.text
        line_end = text.find("\n", block.title[1])
        guests = FEATURING.match(text, block.title[1], line_end if line_end >= 0 else len(text))  # "03. X (Feat. B)"
        for ent in (e for e in ctx.by_start.values() if guests.start("artists") <= e.start < guests.end()) if guests else ():
            if (guest := ctx.ref(ent, ("Person", "MusicGroup"))) is not None:
                ctx.extraction.facts.append(Fact(work, "performer", guest, ctx.evidence(heading_sentence, "reader:field-lines", 0.8)))
        for prop, start, end in block.fields:
            value = doc.char_span(start, end, alignment_mode="expand")
            if value is None:
                continue
            sentence = ctx.sentence_of(value.start)
            evidence = ctx.evidence(sentence, "reader:field-lines", 0.8, context=[heading_sentence])
            if prop == "releaseDate":
                date = _first_date(ctx.article.text[start:end], ctx.article.published)
                if date is not None and not LATER_SEASON.search(work.name):  # "Office Ghost Season 2": not its release
                    ctx.extraction.facts.append(Fact(work, prop, date, evidence))
                continue
            wanted = ("Broadcaster",) if prop == "broadcaster" else PEOPLE + ("MusicGroup",) if prop == "performer" \
                else ("Album", "TITLE") if prop == "inAlbum" else ("TVSeries", "Film") if prop == "soundtrackOf" else PEOPLE
            for token, ent, cls in ctx.sentence_mentions(value):
                if cls not in wanted or not start <= ent.start < end:
                    continue
                if ctx.article.text[start:ent.start].rstrip().endswith("(") and ent.start > start + 1 \
                        and ctx.article.text[ent.end:end].lstrip().startswith(")"):
                    continue  # "Artist: JUNO.K (SKYLINE)", "Lyrics: Jin (BLUE ANTLER)": the person's group, not credited
                before = ctx.article.text[start:ent.start]
                if prop == "performer" and before.count("(") > before.count(")") and before[:before.rfind("(")].strip():
                    continue  # "Artist: HALCYON (Jiwon, Taerin, Sena)": the group's members, not its performers
                role = role_kinds().get(doc[token.i - 1].lower_) if token.i else None
                said = "director" if role == "director" else prop  # "Cast and creators: Director A, B, C"
                if role not in (None, "actor", "director") or said != prop and prop != "castMember":
                    continue  # "Starring: writer A": no cast member
                kind = "Person" if cls in PEOPLE else "Album" if prop == "inAlbum" else cls
                ctx.extraction.facts.append(Fact(work, said, EntityRef(ent.name, kind), evidence))


def _first_date(text: str, published=None):
    """The first day of a run ("January 4 to March 15, 2012": January 4,
    2012), else the date the text states; a day without a year ("Premiere:
    Nov. 5") is of the printed date's year."""
    first = RANGE.split(text, maxsplit=1)[0]
    year = YEAR.search(text)
    if year and not YEAR.search(first):
        first = f"{first}, {year.group(0)}"
    return parse_date(first, published) or parse_date(text, published)
