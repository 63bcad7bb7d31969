"""Credit lines: a work and its artists on one line, set apart by dashes or "by" ("1. "Love Tint" –
Hyeongseop x Euiwoong", "2. BLACKPINK's Rosé - "R" - 93,646", "SOYOU - The Only One", '"X" by A
(Y OST; KBS2, 2022)'). The artists are its performers, a group in parentheses after one that
one's group ("Gunmin x Heedo (B.I.G.)"), a series in brackets the one it is the soundtrack of.
The numbered lists and part lines these come in are ``lists``'."""
from __future__ import annotations

import re

from ..data import alternatives, lexicon
from ..records import EntityRef, Fact, Value
from .artists import ARTISTS, artists, named
from .ballot import weights
from .credits import MEMBER_OF, credit_parts, credit_roles
from .described import lookup, work_nouns
from .values import DAY_OF_MONTH, FEATURING, IN_PARENS, SIDES_DASH, parse_date

SEPARATOR = re.compile(SIDES_DASH)
# "09.01 Aster Lane – Winter Letter": a schedule's day
LEADING_DATE = re.compile(r"\d{1,2}[./]\d{1,2}\.?\s+(?=\D)")
# "(pre-release)", "(Title)": what kind of track a title is (not "(feat. A)", which may follow an artist too)
TRACK_ASIDES = tuple(w.lower() for w in lexicon()["track_asides"]["words"] if not w.lower().startswith(("feat", "ft")))
BRACKETED_ASIDE = re.compile(rf"\s*\[(?:{alternatives(TRACK_ASIDES)})\]$", re.I)  # a store's "Winter Hymnal [Title]"
COMMA_IN_QUOTES = re.compile(r'^"([^"]+?),"\s+(?=\S)')
RELEASED_ASIDE = re.compile(r"\s*\((?:(?:released|out|first released)\s+(?:on\s+)?(?P<date>[^()]+)"
                            r"|(?P<numeric>(?:19|20)\d\d[./-]\d{1,2}[./-]\d{1,2}\.?))\)\s*$", re.I)
DATE_FIELD = re.compile(r"(?:[A-Z][a-z]{2,8}\.?,?\s+)?(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?)\s+(?:19|20)\d\d")
TRAILING_FIGURE = re.compile(r"\s*:\s*\d[\d,.]*(?:\s+[a-z]+)?\s*$")
COUNT = re.compile(r"[\d,.\s]*\d[\d,.\s]*(?:[A-Za-z]+\.?)?(?:\s+[a-z]+)?")  # "93,646", "241,479 copies", "1.2M streams"
# "A (Spring Letter OST)", "A (Spring Letter OST; KBS2, 2022)": the series, and its channel and year after it
OST_OF = re.compile(r"^(?P<artists>.*?)\s*\((?P<series>[^();]+?)\s+(?:OST|O\.S\.T\.?|Soundtrack)"
                    r"(?:\s*;\s*(?P<net>[^();,]+?)(?:,\s*(?P<year>(?:19|20)\d\d))?)?\)\s*$", re.I)
# a group page's OST line, the series in the artist's place: "'Blue Porch' - Landlady Kim OST (ENA, 2023)"
SERIES_OST = re.compile(r"^(?P<series>[^()]+?)\s+(?:OST|O\.S\.T\.?|Soundtrack)"
                        r"(?:\s*\((?P<net>[^();,]+?)(?:,\s*(?P<year>(?:19|20)\d\d))?\))?\s*$", re.I)


def read_credit_line(ctx, start: int, content: str, separator: re.Pattern = SEPARATOR, kind: str | None = None,
                      series: EntityRef | None = None) -> EntityRef | None:
    """A work and its artists on one line, set apart by dashes (or "by");
    an undecided work is of the ``kind`` the list's heading names, a part
    of the soundtrack of ``series``. Returns the work."""
    if (date := LEADING_DATE.match(content)) is not None:  # "09.01 Aster Lane – Winter Letter": a schedule's day
        start, content = start + date.end(), content[date.end():]
    content = TRAILING_FIGURE.sub("", content)  # "'Comet Diary' – Aster Lane: 160,015,998": a count or a score
    content = COMMA_IN_QUOTES.sub(r'"\1" – ', content)  # '"Highway Hymnal," Tucker Dale': the comma is the separator
    parts = [p.strip() for p in separator.split(content) if p.strip()]
    if len(parts) < 2:
        return None
    works = [(i, ref) for i, part in enumerate(parts) if (ref := _work(ctx, start + content.index(part), part))]
    if len(works) != 1:
        return None
    index, work = works[0]
    if (of := OST_OF.match(parts[index].strip('"'))) is not None:  # '"X (Tides of Us OST)" – A': the series' song
        series = series or named(ctx, of.group("series"), "TVSeries")
    if kind and work.cls == "TITLE":
        ctx.ballot.vote(work.name, kind, weights()["cue"])
    sentence = ctx.sentence_of(ctx.doc.char_span(start, start + 1, alignment_mode="expand").start)
    evidence = ctx.evidence(sentence, "reader:credit-line", 0.8)
    if series is not None:
        ctx.extraction.facts.append(Fact(work, "soundtrackOf", series, evidence))
    featured = FEATURING.search(parts[index])
    for i, part in enumerate(parts + ([featured.group("artists")] if featured else [])):
        if i == index or COUNT.fullmatch(part):
            continue  # "241,479 copies": a count, not an artist ("2PM's Junho", "NCT 127" are)
        if DATE_FIELD.fullmatch(part) and (day := parse_date(part, ctx.article.published)) is not None:
            ctx.extraction.facts.append(Fact(work, "releaseDate", day, evidence))  # a row's date field: "Thu 13 Feb 2025"
            continue
        released = RELEASED_ASIDE.search(part)
        if released:
            value = parse_date(released.group("date") or released.group("numeric"), ctx.article.published)
            if value is not None:
                ctx.extraction.facts.append(Fact(work, "releaseDate", value, evidence))
            part = part[:released.start()]
        if screen := _screen_work(ctx, part):  # '"Glass Umbrella" - Rain Clinic (2018)': the show's song, no artist
            series, year = screen
            ctx.extraction.facts.append(Fact(work, "soundtrackOf", series, evidence))
            ctx.extraction.facts += [Fact(series, "releaseDate", Value(year, "gYear"), evidence)] if year else []
            continue
        series = OST_OF.match(part) or SERIES_OST.match(part)
        if series:  # '"Falling Petals" – Kwon Se-ah (Spring Letter OST)': the series the song is the soundtrack of
            ctx.extraction.facts.extend(_ost_of(ctx, work, series, evidence))
            part = series.groupdict().get("artists", "")  # none where the series stands in the artist's place
        for artist, group in artists(ctx, part):
            ctx.extraction.facts.append(Fact(work, "performer", artist, evidence))
            if group is not None:
                ctx.extraction.facts.append(Fact(artist, "memberOf", group, evidence))
    return work


def credited_facts(ctx, song: EntityRef, credits: str | None, evidence, artist: EntityRef | None = None) -> list[Fact]:
    """What a track's credits ("Lyrics: A; Music: B; Performed: C", as credits.py writes them) give its song;
    ``artist``, the list's, performs it where no performer is credited (a soundtrack's track names its own)."""
    parts = credit_roles(credits)
    facts = [Fact(song, "performer", artist, evidence)] if artist and not any("performer" in r for r, _ in parts) else []
    for roles, names in parts:
        if "performer" in roles:  # "Performed by ASTERIA's Haru": Haru, of ASTERIA
            for performer, group in artists(ctx, names.replace("[", "(").replace("]", ")")):
                facts.append(Fact(song, "performer", performer, evidence))
                facts += [Fact(performer, "memberOf", group, evidence)] if group else []
        credited = roles - {"performer"}
        for name in (n.strip() for n in ARTISTS.split(names)) if credited else ():
            own = MEMBER_OF.match(name)  # "HARU [ECLIPSE BOYS]": a member credited with the group's name
            person = named(ctx, own.group("name") if own else name, "Person") if name else None
            if person is not None and person.cls == "Person":  # a band credited as writer: none (CONVENTIONS 10)
                facts += [Fact(song, role, person, evidence) for role in credited]
                facts += [Fact(person, "memberOf", named(ctx, own.group("group"), "MusicGroup"), evidence)] if own else []
    return facts


# a credits section's line a track, its title first: "- Orbit Call: Lyrics by Mone (HALCYON) / Composed by Song Eun-ji",
# "'Cold Mirror' – Lyrics: Si-woo / Composition: Nam Gi-tae"
TITLED_CREDITS = re.compile(r"(?m)^[ \t]*(?:[-\u2013\u2022*][ \t]*)?(?P<title>[^:\n/|]{1,60}?)[ \t]*(?::|[ \t][\u2013\u2014-])[ \t]*"
                            r"(?P<credits>[A-Za-z][^\n]*?(?:\bby\b|:)[^\n]*)$")


def read_titled_credits(ctx) -> None:
    """Each line of a credits section that opens with a song's title ("- Dear Comet: Written by A, B (G) /
    Composed by C"): that song's credits, and the members the brackets name."""
    for line in TITLED_CREDITS.finditer(ctx.article.text):
        title = line.group("title").strip().strip('"\'')
        credits = credit_parts(line.group("credits"))
        # a title named before (a track list's lines are no mentions, but the reader decided them)
        known = next((e.name for _, e in ctx.mention_tokens if title in (e.surface, e.name)
                      and ctx.class_of(e) in ("Song", "Album", "TITLE")), None) \
            or (title if ctx.decided.get(title) in ("Song", "Album") else None)
        if known is None or not credits:
            continue
        song = EntityRef(known, "Song")  # a single album's title track too: "Paper Planet: Lyrics by ..."
        sentence = ctx.sentence_of(ctx.doc.char_span(line.start("title"), line.end("title"), alignment_mode="expand").start)
        ctx.extraction.facts += credited_facts(ctx, song, credits, ctx.evidence(sentence, "reader:titled-credits", 0.8))


YEAR_AFTER = re.compile(r"\s*\(((?:19|20)\d\d)\)\s*$")


def _screen_work(ctx, part: str) -> tuple[EntityRef, str | None] | None:
    """The series or film a part of the line names, as the article names it ("Rain Clinic (2018)" in a
    list of OSTs), with the year after it; None if the part names none."""
    year = YEAR_AFTER.search(part)
    name = (part[:year.start()] if year else part).strip().strip('"')
    known = next((e for _, e in ctx.mention_tokens if name in (e.name, e.surface)), None)
    cls = (ctx.decided.get(known.name) or ctx.class_of(known)) if known is not None else None
    return (EntityRef(known.name, cls), year.group(1) if year else None) if cls in ("TVSeries", "Film") else None


def _ost_of(ctx, work: EntityRef, said: re.Match, evidence) -> list[Fact]:
    """The song is the soundtrack of the series in brackets, which the channel and year after it
    ("(Dear My Neighbor's Ghost OST; KBS2, 2022)") air and date; a streaming service airs nothing."""
    series = named(ctx, said.group("series"), "TVSeries")
    facts = [Fact(work, "soundtrackOf", series, evidence)]
    net = named(ctx, said.group("net"), "Broadcaster") if said.group("net") else None
    if net is not None and net.cls == "Broadcaster":
        facts.append(Fact(series, "broadcaster", net, evidence))
    if said.group("year"):
        facts.append(Fact(series, "releaseDate", Value(said.group("year"), "gYear"), evidence))
    return facts


def _work(ctx, offset: int, part: str) -> EntityRef | None:
    """The work a line part names: a quoted title, or a title mention (the
    artists it features aside)."""
    inner = FEATURING.sub("", part).strip().strip('"\'').strip()  # '"Lamp"', "'Honey Trap Parade'"
    span = ctx.doc.char_span(offset, offset + len(part), alignment_mode="expand")
    if span is None:
        return None
    named = {inner}
    described = IN_PARENS.match(inner)  # "Hikari Road (Japanese single)", "X (September 26)"; not "Chart (2023)"
    if described and (describes_work(described.group("group")) or DAY_OF_MONTH.fullmatch(described.group("group"))):
        named.add(described.group("name"))
    for _, ent, cls in ctx.sentence_mentions(span):
        if ent.surface in named and cls in ("Song", "Album", "TITLE"):
            return EntityRef(ent.name, cls)
    return None


def describes_work(aside: str) -> bool:
    """Does an aside in brackets after a title say what kind of work it is
    ("Japanese single", "mini-album", "pre-release")?"""
    return any(lookup(work_nouns(), w) for w in re.findall(r"[a-z-]+", aside.lower())) \
        or aside.lower().startswith(TRACK_ASIDES)


