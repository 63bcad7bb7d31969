"""A track's credits as text: "Lyrics: A; Music: B; Performed: C", the form
the track-list reader takes them in. The credit line printed under a track
("Performed by A | Lyrics: B", "Lyrics by A, B (G) / Composed by C") is
turned into it here, as a header's columns are in columns.py; which role
each label names is data (lexicon "credit_labels")."""
from __future__ import annotations

import re

from ..data import alternatives, lexicon
from .values import PART_WORD

ROLES = {word: role for role, words in lexicon()["credit_labels"].items() if not role.startswith("_") for word in words}
# a line that opens with a label (or says the track is an instrumental) and has parts set apart by bars or slashes
CREDIT_LINE = re.compile(rf"\n[ \t]*((?i:{alternatives([*ROLES, 'instrumental'])})\b[^\n]*(?:\||\s/\s)[^\n]*)")
CREDIT_BREAK = re.compile(r"\s*\|\s*|\s+/\s+")
CREDIT_PART = re.compile(r"^(?P<label>[A-Za-z][A-Za-z &]*?)\s*(?::|\bby\b)\s*(?P<names>\S.*)$")
TEAM = re.compile(r"^[^,()]*\((?P<people>[^()]*,[^()]*)\)\s*$")  # "team Paperhouse (A, B)": the people it names
MEMBER_OF = re.compile(r"^(?P<name>.*?)\s*\[(?P<group>[^\[\]]+)\]$")  # "HARU [ECLIPSE BOYS]", as credit_parts writes it
PART_SUFFIX = re.compile(rf"\s*\((?:OST\s+)?(?:{PART_WORD})\s*\d+\)$", re.I)  # '"X" (OST Part 1)': which part, no title's


# "Lyrics By, Music By – A": a release page's credit, its roles before a dash
ROLE_DASH = re.compile(r"^(?P<labels>[A-Za-z][A-Za-z ,&]*?)\s+[–—-]\s+(?P<names>\S.*)$")
FIELD_PIPE = re.compile(r"\s+\|\s+")


def role_dash_row(content: str) -> str | None:
    """A table row "Title | Lyrics By – A; Music By – B" (a release page's
    credits per track) as "Title (Lyrics By: A; Music By: B)", a guest
    ("Featuring – C") after it as "(feat. C)"; None for any other row."""
    fields = FIELD_PIPE.split(content.strip(" \t|"))
    if len(fields) != 2:
        return None
    title, credits = fields
    parts, guests = [], []
    for part in credits.split(";"):
        credit = ROLE_DASH.match(part.strip())
        if credit is None:
            return None
        for label in (label.strip() for label in credit.group("labels").split(",")):
            if label.lower().startswith(("featuring", "feat")):
                guests.append(credit.group("names"))
            elif any(word in ROLES for word in label.lower().split()):
                parts.append(f"{label}: {credit.group('names')}")
    return f"{title} ({'; '.join(parts)})" + "".join(f" (feat. {guest})" for guest in guests) if parts else None


def credits_after(text: str, end: int) -> tuple[str, int] | None:
    """The credits right after offset ``end`` (a track's line): a credit line
    with bars or slashes, else credits one a line, as one line with bars; and
    where they end. None if there are none."""
    line = CREDIT_LINE.match(text, end)
    return (line.group(1), line.end()) if line else _credit_fields_after(text, end)


# one credit a line under a track: "Lyrics: A, B" / "Composition: C" / "Arrangement: D" / "Lyrics & Composition: E",
# or with "by", bulleted or not ("- Composed by C, D")
LABEL_WORDS = alternatives([*ROLES, *lexicon()["credit_labels"]["_other"]])
CREDIT_FIELD = re.compile(rf"\n[ \t]*(?:[-\u2013\u2022*][ \t]*)?((?i:{LABEL_WORDS})(?:[ \t]*(?:&|and|/)[ \t]*(?i:{LABEL_WORDS}))*"
                          rf"(?:[ \t]*(?P<colon>:)|[ \t]+by\b)(?P<names>[^\n]+))")
NAMES_ONLY = re.compile(r"(?:[\s,&()]|\b(?:and|x|with)\b|[A-Z0-9][^\s,&()]*)+")  # "A, B (G) and C": no sentence
FIELDS_APART = re.compile(rf"(?<![&/])(?<!\band)(?:;[ \t]*|[ \t]+)(?=(?i:{LABEL_WORDS})(?:[ \t]*(?:&|and|/)[ \t]*(?i:{LABEL_WORDS}))*[ \t]*:)")


def _credit_fields_after(text: str, end: int) -> tuple[str, int] | None:
    """The credits printed one a line right after offset ``end`` (a track's
    line), as one credit line with bars, and where they end; None if none."""
    fields, at = [], end
    # after "by", names only: "Arranged and produced by A, a dense dance cut" is a review's sentence
    while (field := CREDIT_FIELD.match(text, at)) \
            and (field.group("colon") or NAMES_ONLY.fullmatch(field.group("names"))):
        fields.append(FIELDS_APART.sub(" | ", field.group(1)))  # "Lyrics: A  Composition: B": two on a line
        at = field.end()
    return (" | ".join(fields), at) if fields else None


def credit_parts(line: str) -> str:
    """A credit line's parts set apart by bars or slashes, as "Label: names; ...";
    a team's people stand for the team, a member's group goes in square brackets
    ("HARU (ECLIPSE BOYS)": "HARU [ECLIPSE BOYS]")."""
    parts = []
    instrumental = line.lstrip().lower().startswith("instrumental")  # an instrumental "written by" its composer
    for part in (p.strip() for p in CREDIT_BREAK.split(line)):
        part = re.sub(r"^Written\b", "Composed", part) if instrumental else part
        if credit := CREDIT_PART.match(part):
            team = TEAM.match(credit.group("names"))
            names = team.group("people") if team else credit.group("names")
            parts.append(f"{credit.group('label')}: {re.sub(r'[(]([^()]*)[)]', r'[\1]', names)}")
    return "; ".join(parts)


# "(Lyrics by A, Composed by B, C)": a track's credits in brackets, each part a label with "by", commas between them
LABEL_BY = re.compile(rf"(?i)(?:^|[,;]\s*)((?:{alternatives(ROLES)})(?:\s+(?:and|&)\s+(?:{alternatives(ROLES)}))*)\s+by\s+")


def by_credits(aside: str) -> str | None:
    """Credits in brackets after a track's title, labelled with "by"
    ("Lyrics by A, Composed by B, C", "Lyrics and composition by D"), as
    ``credit_parts`` writes them; None if the aside opens with no such label."""
    labels = list(LABEL_BY.finditer(aside))
    if not labels or labels[0].start() != 0:
        return None
    ends = [label.start() for label in labels[1:]] + [len(aside)]
    return credit_parts(" | ".join(f"{label.group(1)} by {aside[label.end():end].strip(' ,;')}"
                                   for label, end in zip(labels, ends)))


def credit_roles(credits: str | None) -> list[tuple[set[str], str]]:
    """A track's credits ("Lyrics: A; Music: B") as (roles, names) per labelled part."""
    parts = [part.split(":", 1) for part in (credits or "").split(";") if ":" in part]
    return [({ROLES[w] for w in re.findall(r"[a-z]+", label.lower()) if w in ROLES}, names) for label, names in parts]
