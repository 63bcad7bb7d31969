"""Mentions as plain records, and what every extract module shares about
them: the classes, the text of a span, and how a rule component's failure
stays with its document."""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import wraps
from operator import attrgetter
from typing import Callable

from spacy.tokens import Doc

from ..data import alternatives, lexicon
from ..nlp import text_of
from ..vocab import ENTITY_CLASSES, KG, names

# The classes a mention may name, from the ontology; and the groups of them the readers use.
TYPED = frozenset(ENTITY_CLASSES)
WORKS = names(KG.Song, KG.Album, KG.TVSeries, KG.Film)  # what a title names; this order breaks ties
WORKS_OR_TITLE = WORKS + ("TITLE",)  # a work, or a title whose class is not decided yet
RECORDINGS = names(KG.Song, KG.Album)  # what a chart ranks
# What an undecided mention (a marker) may still become.
FAMILIES = {
    "TITLE": WORKS,
    # The NER's PERSON and ORG are both names: its label is one vote, not a fence.
    "PERSON": names(KG.Person, KG.MusicGroup, KG.Organization, KG.Broadcaster, KG.Platform, KG.Chart),
    "ORG": names(KG.MusicGroup, KG.Organization, KG.Broadcaster, KG.Platform, KG.Chart, KG.Person),
}
# Quoted speech: a figure or rank inside it is said, not reported ('he said, "I promised a 5% rating"').
POSSESSIVE = ("'s", "'", "\u2019s", "\u2019")  # the marks that make a possessive ("G's X album")
SOUNDTRACK_NAME = re.compile(r"(?i)\b(?:OST|soundtrack)\b")  # "X OST": a soundtrack's name, no series' or singer's
QUOTED_SPEECH = re.compile(r'(?<!\w)"(?=\S)[^"]{20,}?(?<=\S)"(?!\w)')
# A translation in brackets right after a title: '"Snöljus" ("Snow Light")', 'Sommerhus (Danish for "Summer house")',
# 'X (literally "Night Crossing")'; the translation is the title's other name.
TRANSLATION = re.compile(
    r"""["']?\s*\(\s*(?:(?:(?:%s)\s+for|%s):?\s*["']?(?P<alias>[^()"\n]{1,60}?)["']?|["'](?P<quoted>[^()"\n]{1,60}?)["'])\s*\)"""
    % (alternatives(w for w in lexicon()["gloss_labels"]["words"] if w[:1].isupper()),
       alternatives(lexicon()["translation_labels"]["words"])))
VIDEO_SERVICES = frozenset(w.lower() for w in lexicon()["video_services"]["names"])  # their charts rank shows, not songs


def screen_channel(ent) -> bool:
    """Is the mention a broadcaster or a video service ("tvN", "Netflix", "JioHotstar"): where shows are, not songs?"""
    return ent.cls == "Broadcaster" or ent.cls == "Platform" and ent.surface.lower() in VIDEO_SERVICES

NON_NAMES = frozenset(lexicon()["non_names"])  # capitalised words that are no one's name ("Fans", "A-side", "OST")
VALUE_LABELS = {"PERCENT", "CARDINAL", "DATE", "ORDINAL", "MONEY", "QUANTITY", "TIME"}
# The NER's labels and the undecided kind of mention each proposes: the
# trained model's coarse labels (PERSON, GROUP, ORG, WORK) or fine ones (the
# vocabulary's classes), and the base model's OntoNotes ones.
CANDIDATE = {
    "PERSON": "PERSON", "ORG": "ORG", "GROUP": "ORG", "WORK": "TITLE", "WORK_OF_ART": "TITLE",
    "Person": "PERSON", "MusicGroup": "ORG", "Organization": "ORG", "Broadcaster": "ORG", "Platform": "ORG", "Chart": "ORG",
    "Song": "TITLE", "Album": "TITLE", "TVSeries": "TITLE", "Film": "TITLE",
}
@dataclass
class Ent:
    """One mention. ``cls`` is a vocabulary class, or TITLE / PERSON / ORG
    while undecided, or a value label (PERCENT, DATE...)."""

    start: int
    end: int
    surface: str
    cls: str
    name: str
    source: str
    model_label: str = ""  # the NER's label for this span, one vote among others
    cue: str = ""  # the class a title position implies ("the drama X": TVSeries)

    @property
    def is_value(self) -> bool:
        return self.cls in VALUE_LABELS


# A mention's fields as a plain row (``dataclasses.astuple`` deep-copies
# each field, and they are all str or int).
row_of = attrgetter(*(field.name for field in fields(Ent)))


def covered(doc, ents) -> bytearray:
    """A byte per character of the document's text (and one past its end),
    set where one of ``ents`` stands: where no new mention may go."""
    taken = bytearray(len(text_of(doc)) + 1)
    for e in ents:
        taken[e.start:e.end] = b"\1" * (e.end - e.start)
    return taken


def span_text(span) -> str:
    """``Span.text`` joins the span's tokens on each call: slice the
    document's text instead."""
    return text_of(span.doc)[span.start_char:span.end_char]


class ComponentFailure(Exception):
    """A rule component failed on this document (its message names the error)."""


def guarded(component: Callable[[Doc], None]) -> Callable[[Doc], Doc]:
    """spaCy drops a document whose component raises, and with it the rest
    of the article's batch would lose its place: the error is kept on the
    doc instead, and ``failure(doc)`` raises it for that article alone."""
    @wraps(component)
    def run(doc: Doc) -> Doc:
        if "kg_failure" not in doc.user_data:
            try:
                component(doc)
            except Exception as error:  # noqa: BLE001 - see above
                doc.user_data["kg_failure"] = f"{type(error).__name__}: {error}"
        return doc
    return run


def failure(doc: Doc) -> None:
    if "kg_failure" in doc.user_data:
        raise ComponentFailure(doc.user_data["kg_failure"])


def line_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the line holding ``start``..``end`` begins and ends, spaces aside."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return line_start + len(line) - len(line.lstrip()), line_start + len(line.rstrip())


def line_before(text: str, at: int) -> tuple[int, int]:
    """Where the line before the one holding ``at`` begins and ends, past
    blank lines and spaces; (0, 0) with no text before."""
    before = text[:text.rfind("\n", 0, at) + 1].rstrip()
    return line_around(text, before.rfind("\n") + 1, len(before)) if before else (0, 0)


def whole_words(text: str, surface: str, ignore_case: bool = False, joined_after: str = "-") -> list[tuple[int, int]]:
    """Where ``surface`` stands in ``text`` as a whole word (not inside a
    word, hyphenation or elision; ``joined_after``: the characters that may
    not follow it besides letters and digits), left to right without
    overlaps, as ``re.finditer`` would find it. ``str.find`` spares compiling
    a pattern per name and article; lowercasing is the regex's case folding
    only for ASCII, so other case-blind searches keep the regex."""
    if ignore_case and not (text.isascii() and surface.isascii()):
        return [m.span() for m in re.finditer(rf"(?<![\w'-]){re.escape(surface)}(?![\w{re.escape(joined_after)}])", text,
                                             re.IGNORECASE)]
    if ignore_case:
        text, surface = text.lower(), surface.lower()
    spans, start = [], text.find(surface)
    while start >= 0:
        end = start + len(surface)
        if (start == 0 or not _in_word(text[start - 1], "'-")) and (end == len(text) or not _in_word(text[end], joined_after)):
            spans.append((start, end))
            start = text.find(surface, end)
        else:
            start = text.find(surface, start + 1)
    return spans


def _in_word(char: str, joiners: str) -> bool:
    """What the regex ``[\\w<joiners>]`` matches."""
    return char.isalnum() or char == "_" or char in joiners


YEAR_AFTER = re.compile(r"\s*\((?:19|20)\d\d\)")
CHANNEL_YEAR_AFTER = re.compile(r"\s*\((?P<channel>[^()\n,]{1,25}),\s*(?:19|20)\d\d\)")  # "(tvN, 2019)"
SINCE = frozenset(lexicon()["dated_in_passing"]["prepositions"])


def dated_in_passing(text: str, token, ent: Ent, channels: frozenset = frozenset()) -> bool:
    """Is a work named with its year after it as a point in time ("six years after 'W' (2019), in which he
    starred", "since W (2019)"), or with its channel and year in brackets, as filmographies cite ("the
    melancholy of W (tvN, 2019)"), other than as a subject? An earlier work in passing, which "the film"
    or "it" later does not point back to (as "his film W (2021)" may be); so is one named through its noun
    after "after" or "since" ("a year after their first album 'W'"). ``channels``: where the
    article's broadcasters and services are named (not "Afterimage Hymns (EP, 2025)")."""
    end = ent.end + (text[ent.end:ent.end + 1] in ("'", '"'))
    cited = CHANNEL_YEAR_AFTER.match(text, end)
    return ent.cls in WORKS_OR_TITLE and token.dep_ not in ("nsubj", "nsubjpass") and (
        cited is not None and cited.start("channel") in channels
        or token.dep_ == "pobj" and token.head.lower_ in SINCE and YEAR_AFTER.match(text, end) is not None
        or _since_the_noun(token))


def _since_the_noun(token) -> bool:
    """Is the work named through its noun after "after", "since"... ("a year after their first album
    'W'"): the earlier record a comeback is measured from, with or without its year."""
    noun = token.head
    return token.dep_ == "appos" and noun.dep_ == "pobj" and noun.head.lower_ in SINCE and noun.i < token.i
