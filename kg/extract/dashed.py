"""Unquoted titles on lines of two sides set apart by a spaced dash ("Ivy
Moss – Don't Call Me Sunshine", "Part 1: Sea Glass – Lim Ha-neul", "6.
Daydream Archive – Eleventh Street"): the side that is no name is a
work's title, which no quotation marks set apart.

A list prints all its lines one way round, artist first or title first.
On a line alone, one side must be a name and the other pass for a title.
In a run of such lines the names found on all of them vote for the way
round (a name the rules found counts more than the NER's guess, a quoted
title most), and the winner decides every line of the run: there the
NER's guesses on the title's side give way, and the other side becomes a
name ("2. Sweet Static Vol. 2 – BLOOMY" under "11. Northbound – Han
Yu-jin"). A heading over the run that names a kind of work ("World
Albums") is the titles' cue."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..data import lexicon
from .ballot import clear_winner
from .candidates import is_organization
from .cast_lists import listed_lines
from .artists import NAME_SHAPE
from .credit_lines import LEADING_DATE, describes_work
from .fields import dash_field
from .lists import PART_PREFIX, heading_kind
from .spans import WORKS_OR_TITLE, Ent
from .values import FEATURING, IN_PARENS, SIDES_DASH

NAME_SIDE = ("Person", "PERSON", "MusicGroup", "ORG")
LINE_OF_TWO = re.compile(rf"(?m)^([^\n\"]{{2,70}}?){SIDES_DASH}([^\n\"]{{2,90}}?)[ \t]*$")
# a ranking's numbered line of sides set apart by slashes, a count after them: "4. Kimi to Boku no Natsu / TOKI-WAVE / 19,855"
SLASHED = re.compile(r"(?m)^(\d{1,3}[.)][ \t]+[^\n\"/]{2,70}?)[ \t]+/[ \t]+([^\n\"/]{2,90}?)(?:[ \t]+/[ \t]+\d[\d,.]*[^\n/]*)?[ \t]*$")
QUOTE_OPENING = "'‘"
ASIDE = re.compile(r"[ \t]*\(([^()\n]+)\)")  # what a side says of itself in brackets after it
EPISODE_TAIL = re.compile(r",?[ \t]+(?:ep\.?|eps\.?|episode)[ \t]*\d{1,4}$", re.I)  # a ratings row's ", ep. 24"
PLACES = ("Place", "GPE", "LOC", "NORP", "Chart")  # "Seoul – Busan", a key's "CDC – Circle Digital Chart": no title, no name
SECTION_WORDS = frozenset(w for key in ("other_lists", "dash_line_sections")  # "X – Tracklist & Credits": a page's section
                          for p in lexicon()["ranking_heading_words"][key] for w in p.split())


def dashed_titles(text: str, ents: list[Ent]) -> list[Ent]:
    """The mentions with the titles (and, in a run, the names) of such
    lines added, and the mentions that cut across them taken out."""
    for run in _runs(text):  # run by run: a name found on one list is known on the next
        lines = [_sides(text, line) for line in run]
        way = _way_round(text, ents, lines) if len(lines) > 1 else None
        kind = heading_kind(text, run[0].start())  # "World Albums" over the run
        found = []
        for sides, numbered in lines:
            titles = _alone(text, ents, sides, numbered) if way is None \
                else _in_run(text, ents, sides[1 - way], sides[way], numbered)
            found.extend(replace(e, cue=kind) if kind and e.cls == "TITLE" else e for e in titles)
        if found:
            ents = [e for e in ents if not any(f.start < e.end and e.start < f.end for f in found)] + found
    return ents


def _runs(text: str) -> list[list[re.Match]]:
    """The lines of two sides, in runs of lines that follow one another,
    each numbered (or labelled) if the line before is ("Part 3: Crossing –
    Seo Jun-ho" / "Seoul – Busan": another kind of line); numbered lines
    may stand a blank line apart, as a web page's list items do."""
    runs, cast = [], listed_lines(text)  # "Actor — Character" under "Main Role", "Member - Position" under "Members"
    for line in sorted([*LINE_OF_TWO.finditer(text), *SLASHED.finditer(text)], key=lambda m: m.start()):
        if line.start() in cast or dash_field().match(text, line.start()):
            continue  # "Vocal — A": a credit's field (fields.py), no title
        numbered = PART_PREFIX.match(line.group(1))
        gap = text[runs[-1][-1].end():line.start()] if runs else None
        if runs and bool(PART_PREFIX.match(runs[-1][-1].group(1))) == bool(numbered) \
                and (gap == "\n" or numbered and gap == "\n\n"):
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


def _sides(text: str, line: re.Match) -> tuple[list[tuple[int, int]], bool]:
    """The spans of a line's two sides (a list number, part label or day, the
    name's group in parentheses and the title's guests aside), and whether
    the line is numbered."""
    prefix = PART_PREFIX.match(line.group(1))
    before = prefix or LEADING_DATE.match(line.group(1))  # "09.01 Aster Lane – X": a schedule's day, not the name's
    (a, b), (c, d) = (line.start(1) + (before.end() if before else 0), line.end(1)), line.span(2)
    sides = []
    for start, end in ((a, b), (c, d)):
        part = EPISODE_TAIL.sub("", text[start:end])  # "Vein (JTBC, Sat-Sun drama), ep. 4 – 6.05%": the series
        if part.endswith(")"):
            part = FEATURING.sub("", part).rstrip()
            part = IN_PARENS.sub(lambda m: m.group("name"), part).rstrip()
        sides.append((start, start + len(part)))
    return sides, bool(prefix) and prefix.group()[0].isdigit()


def _name_at(ents: list[Ent], side: tuple[int, int]) -> Ent | None:
    return next((e for e in ents if (e.start, e.end) == side and e.cls in NAME_SIDE), None)


def _way_round(text: str, ents: list[Ent], lines) -> int | None:
    """Which side (0 or 1) the names of a run stand on, by the votes of
    its lines; None if they do not say."""
    votes = Counter()
    for sides, _ in lines:
        for way in (0, 1):
            name, title = _name_at(ents, sides[way]), sides[1 - way]
            aside = ASIDE.match(text, title[1])
            if text[title[0]:title[0] + 1] in QUOTE_OPENING or aside and describes_work(aside.group(1)):
                votes[way] += 3  # "'Honey Trap Parade' – BLOOMY", "BLOOMY – Honey Trap (mini-album)"
            elif name is not None and _name_at(ents, title) is None:
                votes[way] += 1 if name.source == "model" else 2
            elif _titled_at(ents, title) and _titled_at(ents, sides[way]) is None:
                votes[way] += 2  # "1. Sun Crown – KOI-5" after "mini album Sun Crown": a title the rules found
    return clear_winner(votes)


def _titled_at(ents: list[Ent], side: tuple[int, int]) -> Ent | None:
    """A title the rules found (quoted, cued or named again) filling ``side``."""
    return next((e for e in ents if (e.start, e.end) == side and e.source in ("quoted", "cue-title", "repeat")
                 and e.cls in WORKS_OR_TITLE), None)


def _alone(text: str, ents: list[Ent], sides, numbered: bool) -> list[Ent]:
    """A line alone: the side beside a name is the title if nothing found
    on it says otherwise."""
    for title, name in (sides, sides[::-1]):
        if _name_at(ents, name) is not None and _looks_like_title(text, title) and not names_a_section(text, name) \
                and not any((e.start, e.end) == title and e.cls not in ("DATE", "CARDINAL")
                            or _blocks(e, title, numbered) for e in ents):
            return [_ent(text, title, "TITLE")]
    return []


def names_a_section(text: str, side: tuple[int, int]) -> bool:
    """Does the side name a page's section, no artist ("X – Tracklist & Credits")?"""
    words = set(re.findall(r"[a-z]+", text[side[0]:side[1]].lower())) - {"and", "full"}
    return bool(words) and words <= SECTION_WORDS


def _in_run(text: str, ents: list[Ent], title, name, numbered: bool) -> list[Ent]:
    """A line of a run whose way round is known: its title, unless a name
    the rules found is on it, and its name where nothing names it."""
    if not _looks_like_title(text, title, in_run=True) or any(_blocks(e, title, numbered) for e in ents) \
            or any(e.cls in PLACES and e.start < side[1] and side[0] < e.end for e in ents for side in (title, name)) \
            or any(e.start < name[1] and name[0] < e.end and e.cls in WORKS_OR_TITLE
                   and text[name[0]:name[0] + 1] in QUOTE_OPENING for e in ents):
        return []
    found = [next((e for e in ents if (e.start, e.end) == title and e.cls in WORKS_OR_TITLE), None)
             or _ent(text, title, "TITLE")]
    if _name_at(ents, name) is None and NAME_SHAPE.fullmatch(text, *name):
        found.append(_ent(text, name, "PERSON"))
    return found


def _looks_like_title(text: str, side: tuple[int, int], in_run: bool = False) -> bool:
    """Capitalised (or a number), up to eight words, no company and not the
    end of a sentence or an aside; on a line alone mostly capitalised too
    (in a run the other lines say it is a list: "Please don't go my girl")."""
    words = text[side[0]:side[1]].split()
    return bool(words) and (words[0][:1].isupper() or words[0][:1].isdigit()) and len(words) <= 8 \
        and text[side[1] - 1:side[1]] not in ".)" and (in_run or 2 * sum(w[:1].islower() for w in words) <= len(words)) \
        and not is_organization([w.lower() for w in words])


def _blocks(e: Ent, side: tuple[int, int], numbered: bool) -> bool:
    """Does a mention on the title's side say it is no title: a name the
    rules found, a chart, a share ("Ep 4 – 6.7%": a rating) or a date (a dateline; but
    "8. GLOW-T – 1999" is a ranked title)? The NER's guesses give way ("Call Me Sunshine")."""
    inside = side[0] <= e.start < side[1]
    return inside and (e.cls in NAME_SIDE and e.source != "model" or e.cls in ("DATE", "TIME") and not numbered
                       or e.cls in ("Chart", "PERCENT"))


def _ent(text: str, side: tuple[int, int], cls: str) -> Ent:
    surface = text[side[0]:side[1]]
    return Ent(side[0], side[1], surface, cls, surface, "listed")
