"""Lines of lists, as release previews, rankings and track lists print them.

* A numbered block of bare titles is a track list ("01. Memory", "02.
  Falling Star (Lyrics: A; Composition: B)"): each track is a Song in the
  album the list belongs to, with its number, its credits, and the album's
  artist as performer. The album is named in a heading line just before
  the list ("Crayon Pop – THE STREETS GO DISCO (September 26)"), or in the
  sentence around it ("FT Island releases their mini-album "Thanks To"").
* A line that sets a work beside its artists ("1. "Love Tint" –
  Hyeongseop x Euiwoong", "SOYOU - The Only One") is a credit line,
  read by ``credit_lines``.
Numbered lines of a ranking are ranked by the charts reader.
Which side of an unquoted line is the title is ``dashed``'s.
"""
from __future__ import annotations

import re

from ..data import alternatives, lexicon
from ..records import EntityRef, Fact, Value
from .described import lookup, work_nouns
from .fields import dash_field
from .spans import WORKS_OR_TITLE, line_before, span_text
from .values import FEATURING, IN_PARENS, PART_WORD, SIDES_DASH, parse_date
from .artists import ARTIST_CLASSES, ARTISTS, artist_of, artists, named, performer_of
from .columns import CELLS, as_credits, columns_before, header_start, numbered_rows
from .credits import MEMBER_OF, PART_SUFFIX, by_credits, credit_parts, credit_roles, credits_after, role_dash_row
from .networks import ALBUM_WORD, focal_work
from .credit_lines import BRACKETED_ASIDE, SEPARATOR, TRACK_ASIDES, credited_facts, describes_work, read_credit_line

# a list item's number: "1.", "1)", "1:", "1 –", "No. 1 –", "10th place:", "3rd –", or a countdown's '6 "Title"'
# and a chart column's "No. 1 <Title>"
ITEM_NUMBER = r"(?:(?:No\.|#)[ \t]*)?(\d{1,3})(?:(?:st|nd|rd|th)(?:[ \t]+[Pp]lace)?)?(?:[.):]|[ \t]+[-–—]|(?=[ \t]+[\"“‘'<«《「『〈]))"
# a list's line, a table's row too ("1 | X | Lyrics By – A"), which is read only with credits
LINE = re.compile(rf"(?m)^[ \t]*(?:{ITEM_NUMBER}|(?P<piped>\d{{1,3}})[ \t]+\|)[ \t]+(?P<content>\S[^\n]*?)[ \t]*$")
SLASHED_ROW = re.compile(r"^([^\"/]+?)\s+/\s+([^\"/]+?)(?:\s+/\s+\d[\d,.]*[^/]*)?$")
# a chart line's move since last week, last on the line: "(N)", "(NEW)", "(↑2)", "▼3", "(-)", "(=)"
MOVEMENT = re.compile(r"\s*(?:\((?:N|NEW|New|RE|↑\s*\d+|↓\s*\d+|▲\s*\d+|▼\s*\d+|[-–=])\)|[↑↓▲▼]\s*\d*)$")
DURATION = re.compile(r"(?:\s+|\s*[-–—|])\s*\(?\d{1,2}:\d{2}\)?$")  # '1. "Bloom Signal" – 3:12': a track's length (a title "12:01" is no length)
BY = re.compile(r"\s+by\s+")  # a numbered line "The Dream Chapter: STAR by TXT"
APPOSED = re.compile(r",\s+(?:an?|the|from|who|which)\s")  # an apposition or a clause after the artist
DASH_LINE = re.compile(rf"(?m)^[ \t]*(?:(?:{PART_WORD})[ \t]*\d{{1,2}}[ \t]*[:.][ \t]*)?\"?([^\n\"]{{1,60}}?{SIDES_DASH}[^\n\"]{{1,80}}?|\"[^\n\"]+\"{SIDES_DASH}[^\n\"]{{1,80}}?)\"?[ \t]*$")
# '"Lamp" - the band Tidewater (released November 5, 2020)', "Gavel — Min So-hyang (2026.04.04)": when the
# work came out, after its artists
PART_LINE = re.compile(rf"(?m)^[ \t]*(?:{PART_WORD})[ \t]*\d{{1,2}}[ \t]*[:.\u2013\u2014|-][ \t]*(?P<rest>[^\n/|]+?\s[/|]\s[^\n]+?)[ \t]*$")
PART_BY_LINE = re.compile(rf"(?m)^[ \t]*(?:{PART_WORD})[ \t]*\d{{1,2}}[ \t]*[:.\u2013\u2014-][ \t]*(?P<rest>\"[^\"\n]+\"\s+by\s+[^\n]+?)[ \t]*$")
SLASH = re.compile(r"\s+[/|]\s+")  # 'Part 1: "X" / A', 'Part 1 | "X" | A | 13 Feb 2025'
SOUNDTRACK_WORD = re.compile(r"\b(?:OST|O\.S\.T|[Ss]oundtrack)\b")
HEADING = re.compile(r"^([^\n\"]{1,60}?)\s+[-–—]\s+([^\n]{1,80}?)\s*(?:\(([^()\n]*)\))?$")
TRACK_ROLES = tuple(w for w in TRACK_ASIDES if not w.startswith(tuple(lexicon()["track_asides"]["other_tracks"])))


def read_lists(ctx) -> None:
    for block in _blocks(ctx.article.text):
        if _performed(ctx.article.text, block[0][0]):
            continue  # a concert's setlist: songs sung, not a record's tracks
        kind = heading_kind(ctx.article.text, block[0][0])
        if len(block) >= 2 and all(_bare_title(content) for _, _, content in block):
            _read_track_list(ctx, block)  # '1. "Prologue: Atlas"', '4. "Compass" (feat. A)'
        elif any(SEPARATOR.search(content) or '"' in content and not _bare_title(content) for _, _, content in block):
            # '1. "X" by A (Y OST; JTBC, 2021)': quoted, and "by" parts it from its artist (not '"X" by A, an OST for Y')
            works = [(number, read_credit_line(ctx, start, content, BY if BY.search(content) and not SEPARATOR.search(content)
                                               and not APPOSED.search(content) else SEPARATOR, kind=kind))
                     for start, number, content in block]
            if len(block) >= 2 and _under_track_heading(ctx.article.text, block[0][0]):
                _number_tracks(ctx, block, works)  # '1. "Lido" – The Velvet Shorelines' under "Track listing"
        elif all(BY.search(content) and not _credits(content)[1] for _, _, content in block):  # not "X (Lyrics by A)"
            for start, _, content in block:
                read_credit_line(ctx, start, content, BY, kind)
        elif len(block) >= 2:
            _read_track_list(ctx, block)
    for block in _unnumbered_runs(ctx.article.text):
        if not _performed(ctx.article.text, block[0][0]) and not any(SEPARATOR.search(c) or BY.search(c) for _, _, c in block):
            _read_track_list(ctx, block)  # "The tracks are:" over one title a line: no numbers, so no track numbers
    # a soundtrack's parts, one a line: 'Part 4 — "Blue Hour Bus" / indie duo TWINKLE.T', of the series the article is about
    dashed = [line for line in DASH_LINE.finditer(ctx.article.text)
              if not LINE.match(line.group()) and not dash_field().match(ctx.article.text, line.start())]
    parts = [line for line in dashed if PART_PREFIX.match(line.group().lstrip())]
    slashed = list(PART_LINE.finditer(ctx.article.text))
    by_lines = list(PART_BY_LINE.finditer(ctx.article.text))  # 'Part 2 — "Bookmark" by Ahn Ro-won'
    series = focal_work(ctx, "TVSeries") if (parts or slashed or by_lines) and SOUNDTRACK_WORD.search(ctx.article.text) else None
    for line in dashed:  # un-numbered: "SOYOU - The Only One", '"Thirst" - Mad Clown, Ailee'
        read_credit_line(ctx, line.start(1), line.group(1), series=series if line in parts else None)
    for line in slashed:
        read_credit_line(ctx, line.start("rest"), line.group("rest"), SLASH, series=series)
    for line in by_lines:
        read_credit_line(ctx, line.start("rest"), line.group("rest"), BY, series=series)


def _blocks(text: str) -> list[list[tuple[int, int, str]]]:
    """Runs of numbered lines with rising numbers: (offset, number, content);
    a run may be one line ("1. "Love Tint" – Hyeongseop x Euiwoong")."""
    lines = [(m.start(), int(m.group(1) or m.group("piped")), m.start("content"), m.group("content"), bool(m.group("piped")), m.end())
             for m in LINE.finditer(text)]
    lines += [(start, number, start, content, True, text.find("\n", start) % (len(text) + 1))
              for start, number, content in numbered_rows(text)]  # "3:41 | Title | Artist | 1": the number last
    lines += _bare_runs(text)
    blocks, current, last_end, columns = [], [], -1, None
    for start, number, content_start, content, piped, end in sorted(lines):
        gap = text[last_end:start] if last_end >= 0 else ""
        # under "Track by track", a paragraph on each track may part its numbered titles
        reviewed = current and number == current[-1][1] + 1 and _bare_title(content) and _under_track_heading(text, current[0][0])
        if current and (number <= current[-1][1] or gap.strip() and not reviewed):
            blocks.append(current)
            current = []
        content, last_end = MOVEMENT.sub("", DURATION.sub("", content)), end
        content = SLASHED_ROW.sub(r"\1 - \2", content)  # "Title / Artist / 41,203": a ranking's title and artist
        columns = columns_before(text, start) if not current else columns  # a header over the rows
        credited = as_credits(content, columns) if columns else role_dash_row(content)
        if credited is None and piped:
            if '"' not in content:
                continue  # "1 | 5 March 2018 | 6.2%": a table's row, a list's line only with credits or a quoted title
            content = CELLS.sub(" - ", content.strip(" |"))  # '01 | Paper Satellites | "Cardboard Moon"': an artist beside a title
        content = credited or content
        credit_line = credits_after(text, last_end)
        if credit_line:  # '01. "X" (OST Part 1)' over 'Performed by A | Lyrics: B | Composed by C' (or one a line)
            guest = FEATURING.search(content)  # a guest after them
            content = f"{PART_SUFFIX.sub('', FEATURING.sub('', content))} ({credit_parts(credit_line[0])})"
            content, last_end = content + (guest.group() if guest else ""), credit_line[1]
        current.append((content_start, number, content))
    if current:
        blocks.append(current)
    return blocks


BARE_LINE = re.compile(r"(?m)^[ \t]*(\d{2})[ \t]+(?P<content>[^\s\d][^\n]*?)[ \t]*$")  # "01 Prelude: Halo Drift"


def _bare_runs(text: str) -> list[tuple]:
    """Lines numbered with two digits and no mark after them ("01 Prelude: Halo Drift", as track lists are
    printed), only in a run of three or more from "01", line after line: a lone "12 dramas aired" is prose."""
    out, run = [], []
    for m in BARE_LINE.finditer(text):
        if run and (int(m.group(1)) != run[-1][1] + 1 or text[run[-1][5]:m.start()].strip()):
            out += run if len(run) >= 3 else []
            run = []
        if run or m.group(1) == "01":
            run.append((m.start(), int(m.group(1)), m.start("content"), m.group("content"), False, m.end()))
    return out + (run if len(run) >= 3 else [])


# a line that says tracks follow ("The tracks are:", "Tracklist:"), then one title a line with no number
# (or that counts the songs: "Four new songs from our favorite band:")
TRACKS_FOLLOW = re.compile(rf"(?im)^[^\n]*\b(?:{alternatives(lexicon()['track_list_headings']['words'])}|(?:\d{{1,2}}|"
                           rf"{alternatives(lexicon()['number_words'])})\s+(?:new\s+)?songs)\b[^\n]*:[ \t]*\n(?:[ \t]*\n)?")
UNNUMBERED = re.compile(r"[ \t]*(?:[\u2022\u00b7*\u2013-][ \t]+)?(?P<content>[\"\u201c'\u2018]?[A-Z][^\n]{0,80}?)[ \t]*(?:\n|$)")  # "• Title"


def _unnumbered_runs(text: str) -> list[list[tuple[int, int, str]]]:
    """Track lists printed one title a line with no numbers, right under a line that says tracks follow:
    blocks of (offset, 0, content) of two lines or more, none a sentence or a numbered line."""
    blocks = []
    for cue in TRACKS_FOLLOW.finditer(text):
        at, block = cue.end(), []
        while (line := UNNUMBERED.match(text, at)) and not LINE.match(line.group()) and len(line.group("content").split()) <= 8 \
                and not line.group("content").endswith((".", "!", "?", ":")):
            block.append((line.start("content"), 0, line.group("content")))
            at = line.end()
        blocks += [block] if len(block) >= 2 else []
    return blocks


# "Tracklist", or "Neon Kissaten tracklist:" with the album's name before the heading's word
TRACK_LIST_HEADING = re.compile(
    rf"^\W*(?:(?P<album>\S[^\n]{{0,60}}?)\s+)?(?i:{alternatives(lexicon()['track_list_headings']['words'])})\W*$")
BLANK_LINES = re.compile(r"\n[ \t]*\n")
PERFORMED, PERFORMED_PAGE = (re.compile(rf"(?i)\b(?:{alternatives(lexicon()['performed_list_headings'][key])})\b")
                             for key in ("words", "in_the_headline"))


def _performed(text: str, first: int) -> bool:
    """Does the heading over a list (the paragraph right before it) or the page's headline say its songs
    were performed ("Selected setlist:", "G Setlist at KSPO Dome")?"""
    over = BLANK_LINES.split(text[:first].rstrip())[-1]
    return bool(PERFORMED.search(over) or PERFORMED_PAGE.search(text[:text.find("\n")]))


def heading_kind(text: str, first: int) -> str | None:
    """The kind of work a list's heading names ("Japanese albums by Korean
    artists", "Best-selling singles"): a short line without a full stop
    right before the list, holding a class noun."""
    line = _line_before(text, first)
    if not line or len(line.split()) > 8 or line.endswith((".", "!", "?", ":")) or LINE.match(line):
        return None
    return next((cls for word in re.findall(r"[a-z-]+", line.lower()) if (cls := lookup(work_nouns(), word))), None)


def _line_before(text: str, first: int) -> str:
    """The line right before the list line at offset ``first``, stripped;
    "" if that is the headline's (the headline heads the article, not a list)."""
    start, end = line_before(text, first)
    return text[start:end] if "\n" in text[:start] else ""


def _under_track_heading(text: str, first: int) -> bool:
    """Is the line right before offset ``first`` a track list's heading ("Track listing")?"""
    return bool(TRACK_LIST_HEADING.match(_line_before(text, first)))


def _track_evidence(ctx, start: int, end: int):
    """The evidence of a list line's fact: the sentence of its words at ``start``..``end``."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return ctx.evidence(ctx.sentence_of(span.start) if span is not None else ctx.sentences[0], "reader:track-list", 0.85)


def _placed(song: EntityRef, album: EntityRef, number: int, evidence) -> list[Fact]:
    """A track's place: in its album, at its number (0: a list with no numbers)."""
    return [Fact(song, "inAlbum", album, evidence)] + [Fact(song, "trackNumber", Value(str(number), "integer"), evidence)] * (number > 0)


def _number_tracks(ctx, block: list[tuple[int, int, str]], works: list[tuple[int, EntityRef | None]]) -> None:
    """The tracks of a list of works and their artists under a track list's
    heading (a compilation's or a soundtrack's): each in the album the list
    belongs to, with its number."""
    album, _ = _list_album(ctx, block[0][0], block[-1][0])
    if album is None:
        return
    for (number, work), (start, _, _) in zip(works, block):
        if work is not None:
            ctx.extraction.facts += _placed(work, album, number, _track_evidence(ctx, start, start + 1))


def _read_track_list(ctx, block: list[tuple[int, int, str]]) -> None:
    tracks = [(start, number, *_track(content)) for start, number, content in block]
    if any(len(title.split()) > 8 for _, _, title, _, _ in tracks):
        return
    album, artist = _list_album(ctx, block[0][0], block[-1][0])
    if album is None and not any(credits for _, _, _, credits, _ in tracks):
        return
    # a soundtrack's credited songs, with no album named (under an OST headline or a "Soundtrack" heading):
    # of the series the article is about
    series = focal_work(ctx, "TVSeries") if album is None and (SOUNDTRACK_WORD.search(ctx.sentence_texts[0]) or SOUNDTRACK_WORD.search(
        _line_before(ctx.article.text, header_start(ctx.article.text, block[0][0])))) else None
    if artist:
        ctx.extraction.facts.append(Fact(album, "performer", artist, _track_evidence(ctx, block[0][0], block[0][0] + 1)))
    for start, number, title, credits, guests in tracks:
        start += _content_offset(ctx.article.text, start, title)
        evidence = _track_evidence(ctx, start, start + len(title))
        song = EntityRef(title, "Song")
        ctx.decided[title] = "Song"
        facts = ctx.extraction.facts
        facts += _placed(song, album, number, evidence) if album is not None else []
        if (released := RELEASED_CREDIT.search(credits or "")) and (day := parse_date(released.group(1), ctx.article.published)):
            facts.append(Fact(song, "releaseDate", day, evidence))  # a "Release date" column
        facts += credited_facts(ctx, song, credits, evidence, artist)
        facts += [Fact(song, "performer", named(ctx, guest, "Person"), evidence) for guest in guests]
        if album is None and series is not None:
            facts.append(Fact(song, "soundtrackOf", series, evidence))


def item_scopes(text: str, items: list[int], heads: list[int]) -> list[tuple[int, int, int]]:
    """What each numbered item (at the offsets ``items``) and each section head (``heads``) heads: (start, from, end),
    the text from ``from`` to ``end`` looking back no further than ``start``. An item
    with lines of its own ("4. Tale of the Nine Tailed" over "Lee Yeon (played by ...)"), or a section head,
    heads the text down to the next one; an item of a list printed one a line ("1. Intro: Atlas", "2. Loose
    Thread") heads only its line, and the text after the list is under the line over it ("Here is the full
    tracklist of Midnight Atlas:", "Crayon Pop – THE STREETS GO DISCO"): about that record again."""
    lines = {text.rfind("\n", 0, at) + 1 for at in items}  # where the items' lines start
    scopes = []
    for at in items:
        start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at) % (len(text) + 1)
        previous = text.rfind("\n", 0, line_before(text, start)[0]) + 1  # the line over it, from its first column
        follows = start > 0 and previous in lines
        scopes.append((at, at, end if follows or end + 1 in lines else len(text)))
        if not follows and end + 1 in lines:  # the first line of a list printed one a line: its heading heads what follows
            last = end
            while last + 1 in lines:
                last = text.find("\n", last + 1) % (len(text) + 1)
            scopes.append((previous, last, len(text)))
    return scopes + [(start, start, len(text)) for start in heads]


def section_heads(text: str, ents) -> list[int]:
    """Where a work's title stands alone on a line after a blank one, heading
    the paragraphs under it (a listicle's "Frost Bakery" over "Platform:
    Disney+ | ..." and "Its theme song, X"), or after a rule ("────"): what
    follows is about it, as under a numbered item. Not the headline's line."""
    first_break = text.find("\n")
    return [e.start for e in ents if e.cls in WORKS_OR_TITLE and e.start > first_break >= 0
            and (text[max(0, e.start - 2):e.start] in ("\n\n", '\n"') or RULE_LINE.search(text, max(0, e.start - 200), e.start))
            and text[e.end:e.end + 2].rstrip('"').startswith("\n")]


RULE_LINE = re.compile(r"\n[ \t]*[─━—–=_*~-]{3,}[ \t]*\n$")  # a page's rule over a section: "────" / "LANTERN STREET"


QUOTED_TITLE = re.compile(r'^"[^"]+"$')
RELEASED_CREDIT = re.compile(r"(?:^|;\s*)Released:\s*([^;]+)")



def _track(content: str) -> tuple[str, str | None, list[str]]:
    """A track line's title (out of its quotes), its credits, and the guests
    it features ('"Compass" (feat. A)')."""
    featuring = FEATURING.search(content)
    guests = [g.strip() for g in ARTISTS.split(featuring.group("artists")) if g.strip()] if featuring else []
    title, credits = _credits(FEATURING.sub("", content))
    title = BRACKETED_ASIDE.sub("", title)
    aside = IN_PARENS.match(title)
    # "(Title)", "(pre-release)", "(A & B unit song)": what the track is for the album; "(Inst.)", "(Remix)" name another
    title = aside.group("name") if aside and (aside.group("group").lower().startswith(TRACK_ROLES) or describes_work(
        aside.group("group")) and not aside.group("group").lower().startswith(TRACK_ASIDES)) else title
    return (title[1:-1] if QUOTED_TITLE.match(title) else title), credits, guests


def _content_offset(text: str, start: int, title: str) -> int:
    """Where a track's title starts past its line's start (after a quote)."""
    return text.find(title, start, start + len(title) + 2) - start if title else 0


def _bare_title(content: str) -> bool:
    """Is a numbered line only a title in quotes, with credits or a guest in
    parentheses after it, and no artist beside it?"""
    title = FEATURING.sub("", content).strip()
    match = IN_PARENS.match(title)
    title = match.group("name").strip() if match and ":" in match.group("group") else title
    return bool(QUOTED_TITLE.match(title)) and not SEPARATOR.search(title)


NESTED_ASIDE = re.compile(r"^(?P<name>.*?)\s*\((?P<group>(?:[^()]|\([^()]*\))+)\)\s*$")  # "(Lyrics by team T (A, B))"


def _credits(content: str) -> tuple[str, str | None]:
    """A track line's title and the credits in parentheses after it, if the
    parentheses hold credits ("Lyrics: A") rather than a version ("(Inst.)")."""
    match = IN_PARENS.match(content) or NESTED_ASIDE.match(content)
    if match and ":" in match.group(2):
        return match.group(1).strip(), match.group(2)
    if match and (credits := by_credits(match.group(2))):
        return match.group(1).strip(), credits  # "(Lyrics by A, Composed by B)"
    return content.strip(), None


def _list_album(ctx, first: int, last: int) -> tuple[EntityRef | None, EntityRef | None]:
    """The album a track list belongs to, and its artist: from a heading
    line right before it ("Artist – Album (date)"), else the album the
    article is about (named twice or more), else (under a bare "Tracklist")
    the record the headline names, else the one named in the sentences
    around it, else the only album the article names."""
    text = ctx.article.text
    line = _line_before(text, header_start(text, first))  # the heading is over the columns' header, if any
    heading, listed = HEADING.match(line), TRACK_LIST_HEADING.match(line)
    name = listed.group("album").strip().strip('"\'') if listed and listed.group("album") else None
    if name and any(name in (e.name, e.surface) for _, e in ctx.mention_tokens):  # a name, not "Bonus tracks"
        album = named(ctx, name, "Album")
        if album.cls == "Album":
            return album, performer_of(ctx, album) or next(
                (artist_of(ctx, ctx.sentence_of(t.i)) for t, e in ctx.mention_tokens if e.name == album.name), None)
    if heading and not LINE.match(line):
        artist = named(ctx, heading.group(1).strip(), "MusicGroup")
        name = heading.group(2).strip().strip('"')
        return EntityRef(name, "Album"), artist if artist.cls in ARTIST_CLASSES else None
    titled = next((e for e in ctx.by_start.values() if ctx.class_of(e) == "Album" and e.name == ctx.article.title.strip()), None)
    if listed and not listed.group("album") and titled is not None:  # "Track listing" on the page an album titles
        return EntityRef(titled.name, "Album"), performer_of(ctx, titled.name)
    if listed and not listed.group("album") and HEADING.match(ctx.article.title.strip()) and (headed := _headline_album(ctx)):
        return headed  # "Artist – Album" heading a release page: its "Tracklist", not an album its notes name
    focal = focal_work(ctx, "Album")  # a record's page: the album it is about, not one named in passing near the list
    if focal is not None and sum(e.name == focal.name for e in ctx.by_start.values()) >= 2:
        return focal, performer_of(ctx, focal)
    if listed and not listed.group("album") and (headed := _headline_album(ctx)):
        return headed  # a bare "Tracklist": the record the headline names, not one named in passing near it
    around = [s for s in ctx.sentences if first - 300 <= s.start_char < first or last < s.start_char <= last + 300]
    # else the headline's, where it names an album ("Album review: G's 'X' is ..." over a "Tracklist:")
    for sentence in sorted(around, key=lambda s: abs(s.start_char - first)) + ctx.sentences[:1]:
        for _, ent, cls in ctx.sentence_mentions(sentence):
            if cls == "Album" or cls == "TITLE" and ALBUM_WORD.search(span_text(sentence)):
                album = EntityRef(ent.name, "Album")
                ctx.decided.setdefault(ent.name, "Album")
                return album, performer_of(ctx, ent.name) or artist_of(ctx, sentence)
    albums = {e.name for e in ctx.by_start.values() if ctx.class_of(e) == "Album"}
    if len(albums) == 1:  # the one album the article names, further up ("... is as follows:")
        album = EntityRef(albums.pop(), "Album")
        return album, performer_of(ctx, album)
    return None, None


def _headline_album(ctx) -> tuple[EntityRef, EntityRef | None] | None:
    """The one work the headline names, as the album, with the headline's artist."""
    named = [(e, cls) for _, e, cls in ctx.sentence_mentions(ctx.sentences[0]) if cls in WORKS_OR_TITLE]
    if len(named) == 1 and named[0][1] in ("Song", "Album", "TITLE"):
        ctx.decided[named[0][0].name] = "Album"
        return EntityRef(named[0][0].name, "Album"), artist_of(ctx, ctx.sentences[0])
    return None


PART_PREFIX = re.compile(rf"^(?:(?:{PART_WORD})[ \t]*\d{{1,2}}[ \t]*[:.]|\d{{1,2}}[.)](?!\d)|\d{{1,3}}(?:st|nd|rd|th)(?:[ \t]+place)?[ \t]*:)[ \t]*", re.I)
