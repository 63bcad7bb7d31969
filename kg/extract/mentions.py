"""Entity layer: turn the NLP stage's spans into typed, named mentions.

Gazetteer and name-pattern spans are trusted; quoted titles are typed from
the words around them ("drama", "OST", "album"...); the model's PERSON and
ORG spans are cleaned (possessives, role words) and kept as candidates whose
class the rules or the context decide. A name seen once is then found again
wherever the article repeats it, and a person's surname or given name alone
points back to the full name, so "Ku" and "KU" are Ku Hye Sun.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import wraps
from operator import attrgetter
from typing import Callable

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..nlp import lexicon, text_of
from .typing import FAMILIES, NOT_A_WORK, WORKS as WORK_CLASSES, Ballot, cast_local_votes, described_as

TYPED = {"Person", "MusicGroup", "Song", "Album", "TVSeries", "Film", "Broadcaster", "Platform", "Chart", "Organization", "Place"}
TITLE_CLASSES = ("Song", "Album", "TVSeries", "Film")
VALUE_LABELS = {"PERCENT", "CARDINAL", "DATE", "ORDINAL", "MONEY", "QUANTITY", "TIME"}
CANDIDATE = {"PERSON": "PERSON", "ORG": "ORG"}
# Ids of the romanised-name patterns (kg/data/name_patterns.jsonl); the
# gazetteer's ids are canonical names.
NAME_PATTERN_IDS = ("korean-name", "korean-given-name")
POSSESSIVE = re.compile(r"(?:'s|'|s')$")


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


@Language.component("kg_mentions")
@guarded
def kg_mentions(doc: Doc) -> None:
    """The entity layer as a pipeline component: every mention found and
    merged into one token (patterns then see a title or name as one token).
    The mentions stay on the doc as plain rows, which ``Doc.to_bytes``
    carries across processes; ``read_mentions(doc)`` reads them back."""
    ents = find_entities(doc)
    ballot = Ballot()
    cast_local_votes(ballot, doc, list(doc), ents)
    kept = []
    for ent in ents:
        if ent.cls in FAMILIES:
            cls = ballot.decided(ent.name)
            if cls == NOT_A_WORK or (cls is None and ent.source == "quoted-lower"):
                continue  # a quoted phrase that is no title ("the words 'X'"), or lower case with no cue
            ent.cls = cls or ent.cls
        kept.append(ent)
    ents = kept
    merge_mentions(doc, ents)
    doc.user_data["kg_mentions"] = [row_of(ent) for ent in ents]
    doc.user_data["kg_votes"] = ballot.to_data()


def read_mentions(doc: Doc) -> list[Ent]:
    return [Ent(*row) for row in doc.user_data["kg_mentions"]]


def merge_mentions(doc: Doc, ents: list[Ent]) -> None:
    """Mark each mention as an entity and merge it into one token; a mention
    overlapping one kept before it is dropped."""
    spans, covered = [], set()
    for ent in ents:
        span = doc.char_span(ent.start, ent.end, label=ent.cls, alignment_mode="expand")
        if span is not None and covered.isdisjoint(range(span.start, span.end)):
            spans.append(span)
            covered.update(range(span.start, span.end))
    doc.set_ents(spans, default="outside")  # what ``doc.ents = spans`` does, minus copying every span first
    with doc.retokenize() as retokenizer:
        for span in spans:
            if len(span) > 1:
                retokenizer.merge(span)


def find_entities(doc: Doc) -> list[Ent]:
    ents: list[Ent] = []
    for span in doc.ents:
        label, text, ent_id = span.label_, span_text(span), span.ent_id_
        if label in TYPED:
            named = ent_id in NAME_PATTERN_IDS
            ents.append(Ent(span.start_char, span.end_char, text, label, text if named else ent_id or text,
                            "names" if named else "gazetteer"))
        elif label == "TITLE":
            source = "quoted" if not text[:1].islower() else "quoted-lower"
            ents.append(Ent(span.start_char, span.end_char, text, "TITLE", text, source))
        elif label in CANDIDATE:
            cleaned = _clean_candidate(span)
            if cleaned:
                start, end = cleaned
                text = text_of(doc)[start:end]
                ents.append(Ent(start, end, text, CANDIDATE[label], text, "model", label))
        elif label in VALUE_LABELS:
            ents.append(Ent(span.start_char, span.end_char, text, label, text, "model"))
    # The helpers below look at tokens by position and at their words: read
    # both once, as ``doc[i]`` creates a new Token on every access and
    # ``Token.text`` decodes the string anew on every call.
    tokens = list(doc)
    words = [token.text.lower() for token in tokens]
    ents = ents + _cued_people(doc, tokens, words, ents)
    ents = ents + _group_members(doc, tokens, words, ents)
    ents = _parenthesized_works(doc, ents)
    ents = _positioned_titles(doc, tokens, ents)
    ents = _repeat_names(text_of(doc), ents)
    return sorted(ents, key=lambda e: e.start)


LOWER_STOP = {"and", "or", "who", "of", "the", "a", "an", "for", "with", "is", "was", "has", "had", "to", "in", "on", "at", "by",
              "himself", "herself", "themselves", "also", "too", "duo", "group", "team", "said", "says", "stated", "added"}


def _cued_people(doc: Doc, tokens: list[Token], words: list[str], ents: list[Ent]) -> list[Ent]:
    """A name right after a role word ("singer Gummy", "musician Isao
    Sasaki", "producer Song Dong Woon") is a person even when the model
    missed it."""
    cues = {c.lower() for c in lexicon()["person_cues"]} - {"member", "star", "host", "mc"}
    taken = [(e.start, e.end) for e in ents]
    found = []
    for token, word in zip(tokens, words):
        if word not in cues or token.i + 1 >= len(tokens):
            continue
        run = []
        for t in tokens[token.i + 1:token.i + 4]:
            if (t.is_title or (t.is_upper and len(t) > 1)) and t.text not in lexicon()["non_names"]:
                run.append(t)
            elif t.text == "-" and run and t.i + 1 < len(tokens) and tokens[t.i + 1].is_lower and not t.whitespace_:
                run.append(t)
            elif run and run[-1].text == "-" and t.is_lower:
                run.append(t)
            else:
                break
        if not run and token.i + 2 < len(tokens) and tokens[token.i + 1].is_lower and tokens[token.i + 1].is_alpha \
                and len(tokens[token.i + 1]) > 2 and tokens[token.i + 1].text not in LOWER_STOP and tokens[token.i + 2].text in (",", "who"):
            run = [tokens[token.i + 1]]  # stage names written in lower case: "composer atomik, who"
        if not run or run[-1].text == "-":
            continue
        start, end = run[0].idx, run[-1].idx + len(run[-1])
        if any(start < b and a < end for a, b in taken):
            continue
        found.append(Ent(start, end, text_of(doc)[start:end], "Person", text_of(doc)[start:end], "cue"))
    return found


def _group_members(doc: Doc, tokens: list[Token], words: list[str], ents: list[Ent]) -> list[Ent]:
    """Single-word stage names and group names the model misses or mistypes,
    where the context says what they are: a list after "members" ("members
    Cindy, Yeonshil and Serin"), a name right after a known group
    ("BLACKPINK Jennie", "Girls' Generation's YoonA"), a name right after
    "girl group" / "band"."""
    model = {e.start: e for e in ents if e.source == "model" and e.cls in ("PERSON", "ORG") and " " not in e.surface}
    taken = {i for e in ents if e.start not in model for i in range(e.start, e.end)}
    groups = {e.end: e for e in ents if e.cls == "MusicGroup" and e.source == "gazetteer"}
    skip = {w.lower() for w in lexicon()["person_cues"] + lexicon()["group_cues"] + lexicon()["non_names"]}

    def name_at(i: int) -> bool:
        t = tokens[i] if i < len(tokens) else None
        return bool(t is not None and t.idx not in taken and (t.is_title or (t.is_upper and len(t) > 1))
                    and t.is_alpha and words[i] not in skip
                    and not (i + 1 < len(tokens) and tokens[i + 1].is_title and tokens[i + 1].idx not in taken))

    found = []

    def mark(i: int, cls: str, end: int | None = None) -> None:
        t = tokens[i]
        end = end or t.idx + len(t)
        if t.idx in model:
            model[t.idx].cls, model[t.idx].source = cls, "cue"
        else:
            found.append(Ent(t.idx, end, text_of(doc)[t.idx:end], cls, text_of(doc)[t.idx:end], "cue"))
        taken.update(range(t.idx, end))

    for token, word in zip(tokens, words):
        if word in ("members", "member") and token.i + 1 < len(tokens):
            i, starts = token.i + 1, []
            while name_at(i):
                starts.append(i)
                i += 1
                while i < len(tokens) and words[i] in {",", "and"}:
                    i += 1
            if len(starts) >= 2 or word == "member":
                for i in starts:
                    mark(i, "Person")
        elif token.idx + len(token) in groups or token.idx in groups and token.text in ("'s", "'"):
            i = token.i + 1 + (token.i + 1 < len(tokens) and tokens[token.i + 1].text == "'s")
            if name_at(i):
                mark(i, "Person")
        elif word == "group" and token.i > 0 and words[token.i - 1] in ("girl", "boy", "idol", "rookie", "project"):
            i = token.i + 1 + (token.i + 1 < len(tokens) and tokens[token.i + 1].text == ",")
            if name_at(i) or (i < len(tokens) and tokens[i].is_title and i + 1 < len(tokens) and tokens[i + 1].text == "'s"
                              and i + 2 < len(tokens) and tokens[i + 2].text == "," and tokens[i].idx not in taken):
                end = tokens[i + 1].idx + 2 if i + 1 < len(tokens) and tokens[i + 1].text == "'s" and tokens[i + 2].text == "," else None
                mark(i, "MusicGroup", end)
    return found


FILMOGRAPHY_CONTEXT = re.compile(r"\b(?:director|directors|directed|PD|writer|writers|screenwriter|known for|starred|starring|"
                                 r"stars|cast|casting|actor|actress|actors|drama|dramas|series|film|films|movie|movies|script)\b")
PARENTHESIS = re.compile(r"\(([^()\n]{3,160})\)")


def _parenthesized_works(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Unquoted earlier works after a director's or writer's name: "Baek Soo
    Chan (Alice, Beautiful Gong Shim and A Girl Who Sees Smells)". Each
    capitalised item becomes a title, replacing the model's guesses inside."""
    people_ends = {e.end for e in ents if e.cls in ("Person", "PERSON")}
    if not people_ends or "(" not in text_of(doc):
        return ents
    for sentence in doc.sents:
        text = span_text(sentence)
        if not FILMOGRAPHY_CONTEXT.search(text):
            continue
        for match in PARENTHESIS.finditer(text):
            open_at = sentence.start_char + match.start()
            if not any(0 <= open_at - end <= 1 for end in people_ends):
                continue
            base = sentence.start_char + match.start(1)
            items = [(m.start() + base, m.end() + base, m.group(0)) for m in re.finditer(r"[^,]+?(?=,|\s+and\s+|$)", match.group(1))]
            items = [(a + len(t) - len(t.lstrip()) + (4 if t.lstrip().startswith("and ") else 0), b, t.strip().removeprefix("and ").strip()) for a, b, t in items]
            if not items or not all(t[:1].isupper() and len(t.split()) <= 7 for _, _, t in items):
                continue
            if any(e.start == a and e.end == b and e.source in ("gazetteer", "names") for a, b, _ in items for e in ents):
                continue  # "Lee Hong Gi (F.T. Island)": a group, not a filmography
            for a, b, title in items:
                ents = [e for e in ents if not (e.start < b and a < e.end)]
                ents.append(Ent(a, b, title, "TITLE", title, "listed"))
    return ents


SMALL_WORDS = {"of", "the", "a", "an", "to", "in", "on", "and", "for", "with", "at", "from", "or", "&", "vs", "vs.",
               "de", "la", "'s", "'", ":", "-", "no", "no.", "x"}
YEAR = re.compile(r"(?:19|20)\d\d(?:-\d\d(?:\d\d)?)?")


def _positioned_titles(doc: Doc, tokens: list[Token], ents: list[Ent]) -> list[Ent]:
    """Unquoted titles where only a title can stand: after a title cue
    ("the drama Crimson Harbor", "OST: Hollow Moon", "starring in Dinner
    Mate"), before a year in parentheses ("Kill It (2019)"), and as the
    subject a sentence calls a work ("Flatliners is a 1990 American film").
    Each is a run of capitalised words, small words allowed inside."""
    lex = lexicon()
    cues = {w.lower(): cls for cls, words in lex["title_cues_before"].items() for w in words}
    phrases = {tuple(p.lower().split()): cls for cls, ps in lex["title_cue_phrases"].items() if not cls.startswith("_") for p in ps}
    not_titles = set(lex["not_titles"])
    taken = bytearray(len(text_of(doc)))
    for e in ents:
        if e.source != "model":
            taken[e.start:e.end] = b"\1" * (e.end - e.start)
    found: list[tuple[int, int, str]] = []
    words = [t.lower_ for t in tokens]
    headlines = _headlines(doc)
    for i, word in enumerate(words):
        if headlines and tokens[i].i in headlines:
            continue  # in Title Case, capitals say nothing
        # A capitalised cue is part of a name ("Official Singles Top 100"), an acronym is not ("EP").
        cue = not tokens[i].is_title or len(tokens[i]) == 1 or tokens[i].is_sent_start
        cls = (cues.get(word) or (cues.get(word[:-1]) if word.endswith("s") else None)) if cue else None
        if cls is None and i > 0:
            cls = phrases.get((words[i - 1], word))
        if cls is not None and i + 1 < len(tokens):
            start = i + 1 + (words[i + 1] in (",", ":"))
            while start + 1 < len(tokens) and re.fullmatch(r"(?i)part\.?\d*|vol\.?\d*", tokens[start].text):
                start += 1 + tokens[start + 1].like_num  # "OST Part 3 X"
            run = _title_run(tokens, start, taken, not_titles)
            if run and words[i + 1] == "," and (run[1] >= len(tokens) or words[run[1]] != ","):
                run = None  # "drama, Sweet Munchies, as": an apposition between commas
            if run:
                found.append((*run, cls))
        elif tokens[i].text == "(" and i + 2 < len(tokens) and YEAR.fullmatch(tokens[i + 1].text) and tokens[i + 2].text == ")":
            run = _title_run_before(tokens, i, taken, not_titles)
            if run:
                found.append((*run, ""))
    if doc.has_annotation("DEP"):
        nouns = {w.lower(): cls for cls, ws in lex["class_nouns"].items() if cls in WORK_CLASSES for w in ws}
        verbs = {tuple(p.split()): cls for cls, ps in lex["title_verbs"].items() if not cls.startswith("_") for p in ps}
        people = {(e.start, e.end) for e in ents if e.cls in ("PERSON", "Person")}
        for sentence in doc.sents:
            if sentence.start in headlines:
                continue
            run = _title_run(tokens, sentence.start, taken, not_titles)
            if not run:
                continue
            cls = described_as(doc[run[0]:run[1]], nouns)
            if cls not in WORK_CLASSES and (tokens[run[0]].idx, tokens[run[1] - 1].idx + len(tokens[run[1] - 1])) not in people:
                cls = verbs.get(tuple(words[run[1]:run[1] + 2])) or verbs.get(tuple(words[run[1]:run[1] + 1]))
            if cls in WORK_CLASSES:
                found.append((*run, cls))
    added = []
    for start, end, cls in found:
        a, b = tokens[start].idx, tokens[end - 1].idx + len(tokens[end - 1])
        if taken.find(1, a, b) >= 0:
            continue
        taken[a:b] = b"\1" * (b - a)
        ents = [e for e in ents if not (e.start < b and a < e.end)]
        title = text_of(doc)[a:b]
        added.append(Ent(a, b, title, "TITLE", title, "cue-title", cue=cls))
    return ents + added


def _headlines(doc: Doc) -> set[int]:
    """Token indices of sentences written in Title Case (headlines,
    section titles), where capitals mark no names."""
    found = set()
    for sentence in doc.sents:
        words = [t for t in sentence if t.is_alpha and len(t) > 3 and not t.ent_type_]  # names are capitalised anyway
        if len(words) >= 3 and sum(t.text[:1].isupper() for t in words) >= 0.8 * len(words):
            found.update(range(sentence.start, sentence.end))
    return found


def _title_run(tokens: list[Token], i: int, taken: bytearray, not_titles: set) -> tuple[int, int] | None:
    """Tokens ``i``.. as a title: capitalised words or numbers, with small
    words between them, in one sentence, touching no other mention."""
    last = None
    j = i
    while j < len(tokens) and j - i < 10:
        t = tokens[j]
        if (j > i and t.is_sent_start) or taken.find(1, t.idx, t.idx + len(t)) >= 0:
            break
        if t.text[:1].isupper() or (t.like_num and j > i) or (t.text[:1].isdigit() and j == i):
            last = j
        elif not (t.lower_ in SMALL_WORDS and j > i) and not (t.text in "!?" and last == j - 1 and not tokens[j - 1].whitespace_):
            break
        elif t.text in "!?":
            last = j
        j += 1
    if last is None or not tokens[i].text[:1].isupper() and not tokens[i].text[:1].isdigit():
        return None
    if last == i and (tokens[i].text in not_titles or tokens[i].lower_ in SMALL_WORDS or len(tokens[i]) < 2):
        return None
    return i, last + 1


def _title_run_before(tokens: list[Token], paren: int, taken: bytearray, not_titles: set) -> tuple[int, int] | None:
    """The title that ends right before a "(2019)": the longest run of
    capitalised and small words back to a comma, a verb or a mention."""
    start = paren
    while start > 0:
        t = tokens[start - 1]
        if t.is_sent_start and start - 1 < paren - 1 and not t.text[:1].isupper():
            break
        if taken.find(1, t.idx, t.idx + len(t)) >= 0:
            break
        if t.text[:1].isupper() or t.like_num or t.lower_ in SMALL_WORDS or t.text in "!?":
            start -= 1
            if t.is_sent_start:
                break
        else:
            break
    while start < paren and (tokens[start].lower_ in SMALL_WORDS - {"the", "a", "an"} or not tokens[start].text[:1].isupper()):
        start += 1
    return _title_run(tokens, start, taken, not_titles) if start < paren else None


def _clean_candidate(span) -> tuple[int, int] | None:
    """Drop possessives, leading role words and lower-case words from a model
    span; refuse spans that are not names at all."""
    lex = lexicon()
    cues = {c.lower() for c in lex["person_cues"] + lex["group_cues"]} | {"the", "feature", "featuring", "with"}
    tokens = list(span)
    while tokens and (tokens[-1].text in {"'s", "'", "s"} or tokens[-1].is_punct):
        tokens.pop()
    while tokens and (tokens[0].is_lower or tokens[0].text.lower() in cues or tokens[0].is_punct):
        tokens.pop(0)
    if not tokens:
        return None
    text = text_of(span.doc)[tokens[0].idx:tokens[-1].idx + len(tokens[-1])]
    if text in lex["non_names"] or "\n" in text or not any(c.isalpha() for c in text):
        return None
    if len(tokens) > 5 or any(t.is_lower and not t.is_punct and t.text not in {"of", "the", "and", "de"} for t in tokens):
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _repeat_names(text: str, ents: list[Ent]) -> list[Ent]:
    """Find every further occurrence of each name, and surnames/given names
    of people named in full, as mentions of the same entity."""
    # A title quoted once is the same title unquoted elsewhere: it wins over
    # the model's guesses there ("The [Season of Kkokdu/ORG]").
    titles = {e.surface for e in ents if e.cls == "TITLE" and e.source == "quoted"}
    for surface in titles:
        for a, b in _whole_words(text, surface):
            clash = [e for e in ents if e.start < b and a < e.end and e.source == "model" and (e.start, e.end) != (a, b)]
            for e in clash:
                ents.remove(e)

    aliases: dict[str, Ent] = {}
    for ent in ents:
        if ent.cls == "Person" and ent.source in ("names", "cue") or ent.cls == "PERSON" and len(ent.surface.split()) >= 2:
            parts = ent.surface.split()
            for alias in {parts[0], parts[0].upper(), " ".join(parts[1:])}:
                if len(alias) > 1:
                    aliases.setdefault(alias, ent)
    known: dict[str, Ent] = {}
    for ent in ents:
        if not ent.is_value and len(ent.surface) > 1 and ent.surface not in aliases:
            known.setdefault(ent.surface, ent)
    for ent in ents:
        full = aliases.get(ent.surface)
        if full is not None and ent.cls in ("PERSON", "ORG", "Person") and ent is not full:
            ent.name, ent.cls, ent.source = full.name, "Person", "alias"
    # One flag per character already in a mention: a repeat may not overlap
    # one, and testing each hit against every mention was the slow part.
    taken = bytearray(len(text))

    def take(start: int, end: int) -> None:
        taken[start:end] = b"\1" * (end - start)

    for ent in ents:
        take(ent.start, ent.end)
    added = []
    for surface, ent in list(known.items()) + list(aliases.items()):
        for start, end in _whole_words(text, surface, ignore_case=ent.cls == "Person" and surface in known):
            if taken.find(1, start, end) < 0:
                take(start, end)
                added.append(Ent(start, end, text[start:end], ent.cls, ent.name, "alias" if surface in aliases else "repeat", ent.model_label, ent.cue))
    return ents + added


def _whole_words(text: str, surface: str, ignore_case: bool = False) -> list[tuple[int, int]]:
    """Where ``surface`` stands in ``text`` as a whole word (not inside a
    word, hyphenation or elision), left to right without overlaps, as
    ``re.finditer`` would find it. ``str.find`` spares compiling a pattern
    per name and article; lowercasing is the regex's case folding only for
    ASCII, so other case-blind searches keep the regex."""
    if ignore_case and not (text.isascii() and surface.isascii()):
        return [m.span() for m in re.finditer(rf"(?<![\w'-]){re.escape(surface)}(?![\w-])", text, re.IGNORECASE)]
    if ignore_case:
        text, surface = text.lower(), surface.lower()
    spans, start = [], text.find(surface)
    while start >= 0:
        end = start + len(surface)
        if (start == 0 or not _in_word(text[start - 1], "'-")) and (end == len(text) or not _in_word(text[end], "-")):
            spans.append((start, end))
            start = text.find(surface, end)
        else:
            start = text.find(surface, start + 1)
    return spans


def _in_word(char: str, joiners: str) -> bool:
    """What the regex ``[\\w<joiners>]`` matches."""
    return char.isalnum() or char == "_" or char in joiners
