"""Names on a list's line: the entity a name stands for in the article,
and the artists a line part lists ("Gunmin x Heedo (B.I.G.)", "BLACKPINK's
Rosé", "the band Tidewater"), as the credit-line and track-list readers
(lists.py) take them; the dash-line title reader (dashed.py) knows a name by
its shape."""
from __future__ import annotations

import re

from ..records import EntityRef
from .rules import macros
from .spans import TYPED, WORKS, span_text
from .values import IN_PARENS, PART_WORD

ARTISTS = re.compile(r"\s+(?:x|X|×|&|and|with|feat\.?|ft\.?|featuring)\s+|\s*,\s*")
POSSESSED = re.compile(r"^(?P<group>[^']+?)'s?\s+(?P<name>\S.*)$")  # "BLACKPINK's Rosé"
MEMBER_OF = re.compile(r"^(?P<name>\S.*?)\s+of\s+(?P<group>[A-Z0-9].*)$")  # "Jae of The Midnight Ferries"
ARTIST_CLASSES = ("Person", "MusicGroup")
NAME_SHAPE = re.compile(r"(?=\S*[^\W\d_])[A-Z0-9][\w.'’&;-]*(?::\w+)?(?:\s+[\w.'’&;-]+){0,4}")  # an artist's name on a list's line ("HEXA:ON" too)
ROLE_BEFORE = re.compile(r"^(?:the\s+)?(?:(?:" + "|".join(map(re.escape, macros()["ARTIST_NOUNS"])) + r")\s+)+")
PART_LABEL = re.compile(rf"(?:{PART_WORD})\s*\d+")  # "Part 4 — 'X'": which part, no artist
GUEST = re.compile(r"(?i)^(?:feat\.?|ft\.?|featuring|with)\s+(?P<name>.+)$")


def artists(ctx, part: str) -> list[tuple[EntityRef, EntityRef | None]]:
    """The artists a line part lists, each with the group in parentheses
    after it ("Lee Hong Gi (F.T. Island)"), before it ("BLACKPINK's Rosé") or
    after "of" ("Jae of The Midnight Ferries"), if any."""
    out = []
    group = None
    whole = IN_PARENS.match(part)
    guest = GUEST.match(whole.group(2)) if whole else None
    if guest:  # "Kwon Ha-neul (Feat. Dawn Ocho)": a guest, no group
        part = f"{whole.group(1)} & {guest.group('name')}"
    elif whole and "," not in whole.group(2) and NAME_SHAPE.fullmatch(whole.group(2)) and not _a_work(ctx, whole.group(2)):
        part, group = whole.group(1), named(ctx, whole.group(2), "MusicGroup")  # "Gunmin x Heedo (B.I.G.)": of them all
    elif whole:
        part = whole.group(1)  # "Aura&Echo (last week: 1)", "(new)", "Gyeol (Whispering Pines Inn)": an aside, no group
    whole_name = ROLE_BEFORE.sub("", part.strip())
    one_band = any(whole_name == e.surface and ctx.class_of(e) == "MusicGroup" for _, e in ctx.mention_tokens)
    pieces = [whole_name] if one_band else ARTISTS.split(part)  # "indie band Wren & Harbor": one band
    for piece in (p.strip() for p in pieces if p and p.strip()):
        piece = ROLE_BEFORE.sub("", piece)  # "the band Tidewater"
        # not a name the article knows whole ("Children of Bodom")
        known = any(piece == e.surface for _, e in ctx.mention_tokens)
        own = IN_PARENS.match(piece) or POSSESSED.match(piece) or (MEMBER_OF.match(piece) if not known else None)
        name, own_group = (own.group("name"), named(ctx, own.group("group"), "MusicGroup")) if own else (piece, None)
        if not NAME_SHAPE.fullmatch(name) or PART_LABEL.fullmatch(name):
            continue
        artist = named(ctx, name, "Person")
        if artist.cls in ARTIST_CLASSES:
            out.append((artist, own_group or (group if artist.cls == "Person" else None)))
    return out


def _a_work(ctx, name: str) -> bool:
    """Is ``name`` a work the article names ("Gyeol (Whispering Pines Inn)": the singer's series)?"""
    return any(name in (e.name, e.surface) and ctx.class_of(e) in WORKS for _, e in ctx.mention_tokens)


def named(ctx, name: str, default: str) -> EntityRef:
    """The entity a name stands for in this article: a mention's canonical
    name, and the class the article gave it if of the same kind (a work or
    a name), else ``default`` ("6. Cravity - 'X' - 14,283": the gazetteer's
    group CRAVITY, not a person)."""
    name = name.strip()
    known = next((e for _, e in ctx.mention_tokens if name in (e.name, e.surface) and ctx.class_of(e) in TYPED), None)
    if known is not None:
        name = known.name
    cls = ctx.decided.get(name) or (ctx.class_of(known) if known is not None else None)
    if cls is None or (cls in WORKS) != (default in WORKS):
        ctx.decided[name] = cls = default  # a credit line says what kind of name it is
    return EntityRef(name, cls)


def performer_of(ctx, album: EntityRef | str) -> EntityRef | None:
    """The performer a fact read so far gives the album (or a work of that name)."""
    return next((f.object for f in ctx.extraction.facts if f.predicate == "performer"
                 and (f.subject == album if isinstance(album, EntityRef) else f.subject.name == album)), None)


def artist_of(ctx, sentence) -> EntityRef | None:
    """The one artist a sentence names, or the one "their"/"her" points to."""
    found = {EntityRef(e.name, cls) for _, e, cls in ctx.sentence_mentions(sentence) if cls in ARTIST_CLASSES}
    if len(found) == 1:
        return found.pop()
    pronoun = re.search(r"\b(their|her|his)\b", span_text(sentence))
    return ctx.salient(("MusicGroup",) if pronoun and pronoun.group(1) == "their" else ("Person",)) if pronoun else None
