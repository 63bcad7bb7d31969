"""Cast lists on a series page: "Actor — Character" lines under a heading
that names the cast ("Main Role", "Support Role"; lexicon
"cast_list_headings"). Each actor plays in the series the page is about;
the other side of the line is a character, no title ("Pyo Dong-il — Chairman
Baek"), which the title readers of dash lines (titles.py, dashed.py) leave."""
from __future__ import annotations

import re

from ..data import alternatives, lexicon
from ..records import EntityRef, Fact
from .ballot import weights
from .networks import focal_work

HEADING = re.compile(rf"(?im)^[ \t]*(?:{alternatives(lexicon()['cast_list_headings']['words'])})[ \t]*:?[ \t]*$")
LINE = re.compile(r"(?m)^[ \t]*(?P<actor>[^\n]+?)[ \t]+(?:[—–-]|as)[ \t]+(?P<role>[^\n]+?)[ \t]*$")


def cast_lines(text: str) -> list[re.Match]:
    """The "Actor — Character" lines that follow a cast heading (after
    blank lines, if any), up to a blank line."""
    found = []
    for heading in HEADING.finditer(text):
        at = heading.end() + 1
        while text[at:at + 1] == "\n":
            at += 1
        while (line := LINE.match(text, at)) is not None and line.start() == at:
            found.append(line)
            at = line.end() + 1
    return found


def read_cast_lists(ctx) -> None:
    lines = cast_lines(ctx.article.text)
    series = (focal_work(ctx, "TVSeries") or focal_work(ctx, "Film") or _headline_title(ctx)) if lines else None
    if series is None:
        return
    for line in lines:
        span = ctx.doc.char_span(line.start("actor"), line.end("actor"), alignment_mode="expand")
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
