"""Cast lists on a series page: "Actor — Character" lines under a heading
that names the cast ("Main Role", "Support Role"; lexicon
"cast_list_headings"). Each actor plays in the series the page is about;
the other side of the line is a character, no title ("Pyo Dong-il — Chairman
Baek"), which the title readers of dash lines (titles.py, dashed.py) leave."""
from __future__ import annotations

import re
from functools import lru_cache

from ..data import alternatives, lexicon
from ..records import EntityRef, Fact
from .ballot import weights
from .networks import focal_work
from .values import IN_PARENS

HEADING = re.compile(rf"(?im)^[ \t]*(?:{alternatives(lexicon()['cast_list_headings']['words'])})[ \t]*:?[ \t]*$")
SECTION_END = re.compile(rf"(?i)\b(?:{alternatives(lexicon()['cast_list_headings']['ends'])})\b")  # "Soundtrack": no cast
LINE = re.compile(r"(?m)^[ \t]*(?P<actor>[^\n]+?)[ \t]+(?:[—–-]|as)[ \t]+(?P<role>[^\n]+?)[ \t]*$")


@lru_cache(maxsize=2)
def cast_lines(text: str) -> tuple[re.Match, ...]:
    """The "Actor — Character" lines that follow a cast heading, past blank
    lines and the short lines that group them ("People around Dal-bi"), up
    to a line of anything else. Kept for the article's other readers (the
    dash-line title readers, then the cast-list reader)."""
    found = []
    for heading in HEADING.finditer(text):
        at = heading.end() + 1
        while at < len(text):
            if (line := _cast_line(text, at)) is not None:
                found += [line] if not found or line.start() > found[-1].start() else []  # "Cast" over "Main Cast": once
                at = line.end() + 1
            elif _cast_line(text, next_at := _past_subheadings(text, at)) is not None:
                at = next_at
            else:
                break
    return tuple(found)


def _cast_line(text: str, at: int) -> re.Match | None:
    """The "Actor — Character" line that starts at ``at``, if it is no heading."""
    line = LINE.match(text, at)
    return line if line is not None and line.start() == at and not HEADING.match(text, at) else None


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
    if series is None:
        return
    for line in lines:
        aside = IN_PARENS.match(line.group("actor"))  # "Ji Ha-eun (LILAC:5)": the actor, and her group
        end = line.start("actor") + len(aside.group("name")) if aside else line.end("actor")
        span = ctx.doc.char_span(line.start("actor"), end, alignment_mode="expand")
        actor = ctx.ent(span[0]) if span is not None and len(span) == 1 else None
        if actor is None or ctx.class_of(actor) not in ("Person", "PERSON"):
            continue
        role = ctx.doc.char_span(line.start("role"), line.end("role"), alignment_mode="expand")
        ctx.characters.update(e.name for _, e in (ctx.mentions_in(role) if role is not None else ()))  # no one real
        evidence = ctx.evidence(ctx.sentence_of(span.start), "reader:cast-list", 0.8)
        ctx.extraction.facts.append(Fact(series, "castMember", EntityRef(actor.name, "Person"), evidence))


def _headline_title(ctx) -> EntityRef | None:
    """The title a page with a cast list is headed by ("Crimson Ledger (2026)"), still undecided:
    a cast list says it is a series, unless other evidence says a film."""
    title = next((e for _, e in ctx.mentions_in(ctx.sentences[0]) if ctx.class_of(e) in ("TITLE", "TVSeries", "Film")), None)
    if title is None:
        return None
    ctx.ballot.vote(title.name, "TVSeries", weights()["cue"])
    return EntityRef(title.name, ctx.class_of(title) if ctx.class_of(title) != "TITLE" else "TVSeries")
