"""A name found once is recognised where it stands again: a title quoted
or cued once unquoted elsewhere, a title in a heading's capitals, a person
by surname or given name alone, a band without its "The". Each further
occurrence becomes a mention of the same entity."""
from __future__ import annotations

from functools import lru_cache, partial

import re

from .spans import WORKS, WORKS_OR_TITLE, Ent, whole_words

NAME_GOES_ON = re.compile(r" [A-Z][a-z]")  # "Faro Norte Música" after the single "Faro": a longer name's first word


def repeat_names(text: str, ents: list[Ent]) -> list[Ent]:
    """Find every further occurrence of each name, and surnames/given names
    of people named in full, as mentions of the same entity."""
    # A title quoted once is the same title unquoted elsewhere: it wins over
    # the model's guesses there ("The [Season of Kkokdu/ORG]").
    titles = {e.surface for e in ents if e.cls == "TITLE" and e.source == "quoted"}
    for surface in titles:
        for a, b in whole_words(text, surface):
            clash = [e for e in ents if e.start < b and a < e.end and e.source == "model" and (e.start, e.end) != (a, b)]
            for e in clash:
                ents.remove(e)

    # so is a title of two words or more in the capitals of a section heading ("GLASS ORCHARD (JTBC, Sat-Sun)")
    shouted = {e.surface.upper(): e for e in ents
               if (e.cls == "TITLE" or e.cls in WORKS) and " " in e.surface and e.surface != e.surface.upper()}
    for surface in shouted:
        for a, b in whole_words(text, surface):
            ents = [e for e in ents if not (e.start < b and a < e.end and e.source == "model")]
    titled = {e.surface for e in ents if (e.cls == "TITLE" or e.cls in WORKS) and e.source != "model"}
    # the NER's "person" that a quote or a cue calls a title elsewhere is that title again ("Midnight Remedy" in a table's row)
    ents = [e for e in ents if not (e.source == "model" and e.cls in ("PERSON", "ORG") and " " in e.surface and e.surface in titled)]
    aliases: dict[str, Ent] = {}  # a title's words are no one's surname
    for ent in ents:
        # by the name, not the surface: "LIGHTWELL (라이트웰)" is one word and its spelling, no given name and surname
        if (ent.cls == "Person" and ent.source in ("names", "cue") or ent.cls == "PERSON" and len(ent.name.split()) >= 2) \
                and ent.surface not in titled:
            parts = ent.name.split()
            if len(parts) > 1 and any(len(part) == 1 for part in parts):
                continue  # "MOONWELL S", "NCT U": a group's unit, no given name and surname ("PARK Hoon-jung" is one)
            for alias in {parts[0], parts[0].upper(), " ".join(parts[1:])}:
                if len(alias) > 1:
                    aliases.setdefault(alias, ent)
        elif ent.cls in ("MusicGroup", "ORG", "TITLE", *WORKS) and ent.surface.startswith("The ") and " " in ent.surface[4:]:
            aliases.setdefault(ent.surface[4:], ent)  # "The Kestrel Line (A, B and C) wrote": the band, "The" cut off
    known: dict[str, Ent] = {}
    for ent in ents:
        # one lower-case word in quotes is found again only in quotes ('a hit, though "hit" is relative')
        if not ent.is_value and len(ent.surface) > 1 and ent.surface not in aliases \
                and not (ent.source == "quoted-lower" and " " not in ent.surface):
            known.setdefault(ent.surface, ent)
    for ent in ents:
        full = aliases.get(ent.surface)
        # a person's surname alone is the person, also where a title position made it a title's guess
        # ("Yeo not only starred in this indie film")
        guessed_title = ent.cls == "TITLE" and ent.source in ("cue-title", "model")
        # a band's or a work's name that a name finder cut "The" off ("The Kestrel Line (Brisco, ...) wrote")
        the_named = full is not None and full.surface == f"The {ent.surface}" and text[max(0, ent.start - 4):ent.start] == "The "
        if full is not None and (ent.cls in ("PERSON", "ORG", "Person") or guessed_title or the_named and not ent.is_value) \
                and ent is not full and not any(o.start <= ent.start and ent.end <= o.end and o.end - o.start > ent.end - ent.start for o in ents):
            # not a word of a longer mention ("DRIVE" in "the quartet LUMEN DRIVE")
            ent.name, ent.cls, ent.source, ent.cue = full.name, full.cls if the_named else "Person", "alias", ""
    for ent in ents:  # "for the drama IRIS! His song is ...": the sentence's mark, where the title stands bare elsewhere
        if ent.cls == "TITLE" and ent.source == "cue-title" and ent.surface[-1:] == "!" and ent.surface[:-1] in known:
            ent.name = known[ent.surface[:-1]].name
    where = lru_cache(maxsize=None)(partial(whole_words, text))  # each surface searched once, for both passes
    ents = _inside_quoted_repeats(ents, known, where)
    # One flag per character already in a mention: a repeat may not overlap
    # one, and testing each hit against every mention was the slow part.
    taken = bytearray(len(text))

    def take(start: int, end: int) -> None:
        taken[start:end] = b"\1" * (end - start)

    for ent in ents:
        take(ent.start, ent.end)
    added = []
    # the longest first: "Paper Crown" again, before a "Crown" the NER guessed elsewhere takes its second word
    for surface, ent in sorted([*known.items(), *aliases.items(), *shouted.items()], key=lambda item: -len(item[0])):
        for start, end in where(surface, ent.cls == "Person" and surface in known):
            if taken.find(1, start, end) < 0 and not (ent.cls in WORKS_OR_TITLE and not surface.isupper() and NAME_GOES_ON.match(text, end)):
                take(start, end)
                added.append(Ent(start, end, text[start:end], ent.cls, ent.name, "alias" if surface in aliases else "repeat", ent.model_label, ent.cue))
    return ents + added


def _inside_quoted_repeats(ents: list[Ent], known: dict[str, Ent], where) -> list[Ent]:
    """Without the shorter titles (or names) a cue or the NER guessed inside
    an unquoted repeat of a title quoted or cued once: after "'Love,
    Overdue'", "Love, Overdue is directed by" names that series, not a title
    "Love"; after "mini album Paper Crown", "Paper Crown topped" holds no
    company "Crown". ``where(surface, False)``: where a surface stands in the text."""
    guesses = {id(e) for e in ents if e.source in ("cue-title", "model") and (e.cls == "TITLE" or e.cls in WORKS)
               or e.source == "model" and e.cls in ("ORG", "PERSON")}
    dropped = set()
    for surface, ent in known.items():
        # a group a cue named in full: "Sunday Parade members A and B" holds no group "Parade" after a date "Sunday"
        group = ent.source == "cue" and ent.cls == "MusicGroup" and " " in surface
        if not group and (ent.source not in ("quoted", "cue-title") or (ent.cls != "TITLE" and ent.cls not in WORKS) or not guesses):
            continue
        for a, b in where(surface, False):
            inside = [e for e in ents if e.start < b and a < e.end and (e.start, e.end) != (a, b)]
            if inside and all((id(e) in guesses or group and (e.cls == "MusicGroup" or e.source == "model"))
                              and a <= e.start and e.end <= b for e in inside):
                dropped.update(id(e) for e in inside)
    return [e for e in ents if id(e) not in dropped]
