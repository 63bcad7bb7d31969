"""Lists under a heading on a page: cast lists, "Actor — Character" lines under a heading
that names the cast ("Main Role", "Support Role"; lexicon "cast_list_headings"), and member
lists, "Member (native name) - Position" lines under "Members" (a group's fan-wiki page;
lexicon "member_list_headings"). Each actor plays in the series the page is about, each member
is in its group; the other side of the line is a character or a position, no title ("Pyo
Dong-il — Chairman Baek", "Dahye - Main Dancer"), which the title readers of dash lines
(titles.py, dashed.py) leave. And a listicle's entries: a series' title on its line, its channel
alone on the next."""
from __future__ import annotations

import re
from functools import lru_cache

from ..data import alternatives, lexicon
from ..records import EntityRef, Fact
from .ballot import weights
from .networks import focal_work
from .spans import line_around, line_before
from .values import IN_PARENS


def _heading(key: str) -> re.Pattern:
    return re.compile(rf"(?im)^[ \t]*(?:{alternatives(lexicon()[key]['words'])})[ \t]*:?[ \t]*$")


HEADING, MEMBER_HEADING = _heading("cast_list_headings"), _heading("member_list_headings")
SECTION_END = re.compile(rf"(?i)\b(?:{alternatives(lexicon()['cast_list_headings']['ends'])})\b")  # "Soundtrack": no cast
LINE = re.compile(r"(?m)^[ \t]*(?P<actor>[^\n]+?)[ \t]+(?:[—–-]|as)[ \t]+(?P<role>[^\n]+?)[ \t]*$")


@lru_cache(maxsize=2)
def cast_lines(text: str) -> tuple[re.Match, ...]:
    """The "Actor — Character" lines that follow a cast heading. Kept for the article's other
    readers (the dash-line title readers, then the cast-list reader)."""
    return _lines_under(text, HEADING)


@lru_cache(maxsize=2)
def member_lines(text: str) -> tuple[re.Match, ...]:
    """The "Member - Position" lines that follow a members heading."""
    return _lines_under(text, MEMBER_HEADING)


def listed_lines(text: str) -> set[int]:
    """Where the lines of both kinds start: no title on them."""
    return {line.start() for line in cast_lines(text) + member_lines(text)}


def _lines_under(text: str, heading_shape: re.Pattern) -> tuple[re.Match, ...]:
    """The lines that follow a heading, past blank lines and the short lines that group them
    ("People around Dal-bi"), up to a line of anything else."""
    found = []
    for heading in heading_shape.finditer(text):
        at = heading.end() + 1
        while at < len(text):
            if (line := _listed_line(text, at, heading_shape)) is not None:
                found += [line] if not found or line.start() > found[-1].start() else []  # "Cast" over "Main Cast": once
                at = line.end() + 1
            elif _listed_line(text, next_at := _past_subheadings(text, at), heading_shape) is not None:
                at = next_at
            else:
                break
    return tuple(found)


def _listed_line(text: str, at: int, heading_shape: re.Pattern) -> re.Match | None:
    """The list's line that starts at ``at``, if it is no heading."""
    line = LINE.match(text, at)
    return line if line is not None and line.start() == at and not heading_shape.match(text, at) else None


def _past_subheadings(text: str, at: int) -> int:
    """Past blank lines and one short line that groups the cast under it."""
    while text[at:at + 1] == "\n":
        at += 1
    end = text.find("\n", at)
    line = text[at:end if end >= 0 else len(text)]
    if end >= 0 and 0 < len(line.split()) <= 6 and not line.rstrip().endswith((".", ":", "!", "?")) \
            and not SECTION_END.search(line):
        at = end + 1
    while text[at:at + 1] == "\n":
        at += 1
    return at


def read_cast_lists(ctx) -> None:
    lines = cast_lines(ctx.article.text)
    series = (focal_work(ctx, "TVSeries") or focal_work(ctx, "Film") or _headline_title(ctx)) if lines else None
    for line, actor, span in _people(ctx, lines) if series is not None else ():
        role = ctx.doc.char_span(line.start("role"), line.end("role"), alignment_mode="expand")
        ctx.characters.update(e.name for _, e in (ctx.mentions_in(role) if role is not None else ()))  # no one real
        evidence = ctx.evidence(ctx.sentence_of(span.start), "reader:cast-list", 0.8)
        ctx.extraction.facts.append(Fact(series, "castMember", EntityRef(actor.name, "Person"), evidence))
    lines = member_lines(ctx.article.text)
    group = focal_work(ctx, "MusicGroup") if lines else None
    for _, member, span in _people(ctx, lines) if group is not None else ():
        evidence = ctx.evidence(ctx.sentence_of(span.start), "reader:member-list", 0.8)
        ctx.extraction.facts.append(Fact(EntityRef(member.name, "Person"), "memberOf", group, evidence))


def _people(ctx, lines):
    """(line, mention, span) of the person each line names first ("Ji Ha-eun (LILAC:5)": the
    person, with her group or her name in her own script aside)."""
    for line in lines:
        aside = IN_PARENS.match(line.group("actor"))
        end = line.start("actor") + len(aside.group("name")) if aside else line.end("actor")
        span = ctx.doc.char_span(line.start("actor"), end, alignment_mode="expand")
        person = ctx.ent(span[0]) if span is not None and len(span) == 1 else None
        if person is not None and ctx.class_of(person) in ("Person", "PERSON"):
            yield line, person, span


def _headline_title(ctx) -> EntityRef | None:
    """The title a page with a cast list is headed by ("Crimson Ledger (2026)"), still undecided:
    a cast list says it is a series, unless other evidence says a film."""
    title = next((e for _, e in ctx.mentions_in(ctx.sentences[0]) if ctx.class_of(e) in ("TITLE", "TVSeries", "Film")), None)
    if title is None:
        return None
    ctx.ballot.vote(title.name, "TVSeries", weights()["cue"])
    return EntityRef(title.name, ctx.class_of(title) if ctx.class_of(title) != "TITLE" else "TVSeries")


def read_network_lines(ctx) -> None:
    """A listicle's entry: a series' title alone on its line, then its channel alone on the next
    ("I Can Hear Your Voice" / "SBS"): the channel airs the series."""
    text = ctx.article.text
    series_at = {(e.start, e.end): e for _, e in ctx.mention_tokens if ctx.class_of(e) in ("TVSeries", "TITLE")}
    for token, net in ctx.mention_tokens:
        if ctx.class_of(net) != "Broadcaster" or line_around(text, net.start, net.end) != (net.start, net.end):
            continue
        title = series_at.get(line_before(text, net.start))
        if title is not None:
            evidence = ctx.evidence(ctx.sentence_of(token.i), "reader:network-line", 0.75)
            ctx.extraction.facts.append(Fact(EntityRef(title.name, "TVSeries"), "broadcaster", EntityRef(net.name, "Broadcaster"),
                                             evidence))
