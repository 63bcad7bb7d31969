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
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from ..data import alternatives, lexicon, rows
from ..nlp import text_of
from .candidates import clean_candidate, split_pair
from .capitals import capital_groups
from .chart_targets import place_suffixed_charts, publisher_prefixed_charts
from .dashed import dashed_titles
from .names import group_members, not_names
from .openings import described_artists, reviewed_artist
from .repeats import repeat_names
from .slots import (agents, artist_subjects, bracketed_sources, cued_people, parenthesized_works, possessors,
                    source_lines)
from .spans import (CANDIDATE, FAMILIES, NON_NAMES, TRANSLATION, TYPED, VALUE_LABELS, WORKS, Ent, covered, row_of, span_text,
                    whole_words)
from .title_runs import clean_title
from .values import DATE_FORMS, english_name, title_name
from .title_runs import headlines
from .titles import positioned_titles
from .ballot import NOT_A_WORK, Ballot
from .typing import cast_local_votes

# The ids of kg/data/name_patterns.jsonl name kinds of names, not canonical names as the gazetteer's do.
NAME_PATTERN_IDS = frozenset(row["id"] for row in rows("name_patterns.jsonl"))
MODEL_SPANS = "kg_model"  # where kg_span_model leaves its spans
STAFF_LABELS = frozenset(lexicon()["staff_credit_labels"]["words"])  # a credit line's label, no title
FULL_DATES = DATE_FORMS[:3]  # a day, a month and a year ("8 September 2024", "May 3, 2024"; a range's end with them)


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
    doc.spans.pop(MODEL_SPANS, None)  # read: merging tokens would leave them pointing at the wrong words
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
    for span in spans:
        _one_root(span)
    with doc.retokenize() as retokenizer:
        for span in spans:
            if len(span) > 1:
                retokenizer.merge(span)


def _one_root(span) -> None:
    """A title the parser split, its first words hung on the sentence and a preposition of it on
    something else ("the second track on X's EP [Pind] [to Peel]"), becomes one phrase under its first
    word, so that the merged token stands where the title does ("on" -> pobj), not where "to" hung."""
    if any(t.is_sent_start for t in span[1:]):
        return  # a mention across a sentence break: no phrase of one sentence
    outside = [t for t in span if not span.start <= t.head.i < span.end]
    for token in outside[1:]:
        if token.dep_ == "prep" and token.head.i < span.start and not token.is_ancestor(outside[0]):
            token.head = outside[0]


def _scare_quoted(span) -> bool:
    """Is a lower-case quoted span set between a possessive or an article and
    the lower-case noun it describes ("Netflix's 'biggest ever' series", "a
    'healing' drama")?"""
    doc = span.doc
    before = doc[span.start - 2] if span.start >= 2 and doc[span.start - 1].is_quote else None
    after = doc[span.end + 1] if span.end + 1 < len(doc) and doc[span.end].is_quote else None
    return before is not None and after is not None and after.is_lower and after.is_alpha \
        and (before.lower_ in ("'s", "a", "an", "the", "its", "their", "his", "her") or before.text == "'")


def find_entities(doc: Doc) -> list[Ent]:
    ents: list[Ent] = []
    for span in doc.ents:
        label, text, ent_id = span.label_, span_text(span), span.ent_id_
        if ent_id and label in TYPED:  # the rulers': the gazetteer (ids are canonical names) and name patterns
            if ent_id in NAME_PATTERN_IDS and text in NON_NAMES:
                continue  # "a double A-side": shaped like a given name, a record's side
            named = ent_id in NAME_PATTERN_IDS
            if named and label == "Chart" and span[-1].is_lower:  # "Hot Country Songs chart": "chart" says what it names
                span = span[:-1]
                text = span_text(span)
            ents.append(Ent(span.start_char, span.end_char, text, label, text if named else ent_id,
                            "names" if named else "gazetteer"))
        elif label == "TITLE":
            # lower case, or a number and lower case ("12 AM release", "100 million"): a title only with a cue
            lower = text[:1].islower() or text[:1].isdigit() and any(w[:1].islower() for w in text.split()[1:])
            if lower and _scare_quoted(span):
                continue  # "Netflix's 'biggest ever' series": words in quotes that describe the noun after them
            source = "quoted-lower" if lower else "quoted"
            ents.append(Ent(span.start_char, span.end_char, text, "TITLE", title_name(text), source))
        elif label in CANDIDATE:  # the NER's: a candidate, its label one vote
            cleaned = clean_title(span) if CANDIDATE[label] == "TITLE" else clean_candidate(span)
            spans = [] if not cleaned else [cleaned] if CANDIDATE[label] == "TITLE" else split_pair(text_of(doc), *cleaned)
            for start, end in spans:
                text = text_of(doc)[start:end]
                ents.append(Ent(start, end, text, CANDIDATE[label], text, "model", label))
        elif label in VALUE_LABELS and not _describes_a_noun(span):
            while len(span) > 1 and label in ("DATE", "TIME") and span[-1].is_lower and span[-1].lower_ in WORK_NOUNS:
                span = span[:-1]  # "TV Globo's new 9 pm telenovela": the time, not the noun it describes
            text = span_text(span)
            ents.append(Ent(span.start_char, span.end_char, text, label, text, "model"))
    ents = _full_dates(text_of(doc), ents)
    ents += _model_titles(doc, ents)
    ents = publisher_prefixed_charts(text_of(doc), place_suffixed_charts(text_of(doc), sorted(ents, key=lambda e: e.start)))
    ents = _nicknamed(text_of(doc), ents)
    # The helpers below look at tokens by position and at their words: read
    # both once, as ``doc[i]`` creates a new Token on every access and
    # ``Token.text`` decodes the string anew on every call.
    tokens = list(doc)
    words = [token.text.lower() for token in tokens]
    cued = cued_people(doc, tokens, words, ents)
    ents = [e for e in ents if not any(c.start <= e.start and e.end <= c.end for c in cued)] + cued
    ents = ents + agents(doc, tokens, ents)
    heads = headlines(doc)  # Title Case lines, where capitals mark no names: read once for both readers
    ents = _cut_to_body_names(doc, ents, heads)
    # a company's or a band's suffix in a Title Case headline is any word ("Mr. Sunshine Breaks Records With Its
    # Premiere", "Idol Joins Rock Band")
    ents = [e for e in ents if not (e.source == "names" and e.cls in ("Organization", "MusicGroup")
                                    and doc.char_span(e.start, e.end, alignment_mode="expand").start in heads)]
    subjects = artist_subjects(doc, tokens, ents, heads) + reviewed_artist(doc, ents) + described_artists(doc, ents)
    ents = [e for e in ents if not (e.source == "model" and any(s.start < e.end and e.start < s.end for s in subjects))] + subjects
    ents = ents + possessors(doc, tokens, ents, heads)
    groups = capital_groups(doc, tokens, ents)
    ents = [e for e in ents if not (e.source == "model" and any(g.start < e.end and e.start < g.end for g in groups))] + groups
    members = group_members(doc, tokens, words, ents)
    # the model's title guess gives way to names the words around them show ("BTS's Jimin and Jungkook"), and its
    # shorter spans inside such a name ("Lanes" and the number "Seven" of "group Seven Lanes'"), and its number
    # words the name is ("the band Seven Feet Apart"), and its own guess of the same name ("four-piece Quiet Kestrel")
    named = members + [grown for grown in ents if grown.source == "cue"]  # and a guess a cue grew ("PASTEL [VERSE]")
    ents = [e for e in ents if not (e.source == "model" and any(
        m.start < e.end and e.start < m.end if e.cls == "TITLE"
        else m.start <= e.start and e.end <= m.end and (m.end - m.start > e.end - e.start or e.is_value or e.cls in ("PERSON", "ORG"))
        for m in named))]
    ents += members
    sources = bracketed_sources(doc, ents) + source_lines(doc, ents)
    ents = [e for e in ents if not any(s.start < e.end and e.start < s.end for s in sources)] + sources
    ents = parenthesized_works(doc, ents)
    ents = positioned_titles(doc, tokens, ents, heads)
    ents = _outside_glosses(text_of(doc), ents)
    ents = _elided_names(text_of(doc), ents)
    ents = _native_spellings(text_of(doc), ents)
    ents = repeat_names(text_of(doc), ents)
    if (listed := dashed_titles(text_of(doc), ents)) is not ents:  # a name repeated on a list line marks its title
        ents = repeat_names(text_of(doc), listed)
    ents = [e for e in ents if not (e.cls == "TITLE" and e.surface.lower() in STAFF_LABELS)]  # "Arranged By – A"
    for e in ents:
        e.name = english_name(e.name) or e.name if e.cls == "TITLE" else e.name  # an unquoted title with its own script's spelling
    return sorted(ents, key=lambda e: e.start)


def _describes_a_noun(span) -> bool:
    """Is a date without a number a word that says what kind of work the noun after it is ("This weekend
    family drama stars A", "the Monday-Tuesday drama"), not when something happens?"""
    after = span.doc[span.end:span.end + 3]
    noun = next((i for i, t in enumerate(after) if t.is_lower and t.lower_ in WORK_NOUNS), None)
    return span.label_ == "DATE" and noun is not None and all(t.is_lower and t.is_alpha for t in after[:noun]) \
        and not any(t.like_num for t in span)


WORK_NOUNS = frozenset(word.lower() for cls in WORKS for word in lexicon()["class_nouns"][cls])


def _full_dates(text: str, ents: list[Ent]) -> list[Ent]:
    """A day, a month and a year the small NER missed or called an event ("premiered on 8 September 2024":
    EVENT "September 2024") are a date; a date of its own that reaches further (a range, "from October 3 to
    November 22, 2022") stays as it is, and a shorter one inside gives way."""
    kept = [e for e in ents if e.cls == "DATE" or e.source != "model"]  # a date, or a name the rulers know
    found = []
    for form in FULL_DATES:
        for match in form.finditer(text):
            a, b = match.span()
            if any(e.start < b and a < e.end and not (e.cls == "DATE" and a <= e.start and e.end <= b) for e in kept + found):
                continue
            found.append(Ent(a, b, text[a:b], "DATE", text[a:b], "model"))
    return [e for e in ents if not any(f.start < e.end and e.start < f.end for f in found)] + found


def _cut_to_body_names(doc: Doc, ents: list[Ent], heads: set[int]) -> list[Ent]:
    """The NER's name in a Title Case headline often runs on into the
    headline's next words ("Watch: Velvet Rose Shines In Colorful MV"): cut
    it to the longest run of its first words that the body names."""
    if not heads:
        return ents
    in_headline = {id(e) for e in ents if e.source == "model" and e.cls in ("PERSON", "ORG")
                   and (span := doc.char_span(e.start, e.end, alignment_mode="expand")) is not None and span.start in heads}
    if not in_headline:
        return ents  # most articles: no name of the NER's in a headline
    text = text_of(doc)
    in_heads = {c for i in heads for c in range(doc[i].idx, doc[i].idx + len(doc[i]))}
    body = "".join(" " if i in in_heads else c for i, c in enumerate(text))
    out = []
    for e in ents:
        if id(e) in in_headline and not whole_words(body, e.surface):
            words = e.surface.split()
            shorter = next((" ".join(words[:n]) for n in range(len(words) - 1, 0, -1)
                            if whole_words(body, " ".join(words[:n]))), None)
            if shorter:
                e = Ent(e.start, e.start + len(shorter), shorter, e.cls, shorter, e.source, e.model_label)
        out.append(e)
    return out


def _model_titles(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """The trained span model's titles (kg_span_model) where no other
    mention stands, cleaned as the NER's are: candidates, typed by evidence."""
    taken = covered(doc, ents)
    found = []
    for span in doc.spans.get(MODEL_SPANS, ()):
        cleaned = clean_title(span)
        if cleaned and taken.find(1, *cleaned) < 0:
            start, end = cleaned
            text = text_of(doc)[start:end]
            found.append(Ent(start, end, text, "TITLE", text, "model", span.label_))
    return found


# A credit list's name with a nickname in quotes: ", Lukasz "Dr. Luke" Gottwald,", "by Nadir "RedOne" Khayat and".
NICKNAMED = re.compile(r"""(?:^|[,(&]|\b(?:by|and|with))\s+([A-Z][\w.'-]+)\s["'\u201c\u2018]$""")
NICKNAME_END = re.compile(r"""^["'\u201d\u2019]\s([A-Z][\w'-]+)(?=[\s,.;:)]|$)""")


@lru_cache(maxsize=None)
def _not_name_words() -> frozenset:
    """Words that are neither a given name nor a surname: "and Other 'Brainy' Actors"."""
    return not_names() | STOP_WORDS


def _nicknamed(text: str, ents: list[Ent]) -> list[Ent]:
    """A quoted "title" between a given name and a surname in a list of
    names is the person's nickname: the person is named by the two names
    and the nickname is an alias (the quoted span stands for the whole)."""
    found = []
    for ent in ents:
        if ent.cls != "TITLE" or ent.source != "quoted":
            continue
        window = max(0, ent.start - 40)
        before, after = NICKNAMED.search(text[window:ent.start]), NICKNAME_END.match(text[ent.end:ent.end + 40])
        if before and after and not {before.group(1).lower(), after.group(1).lower().removesuffix("s")} & _not_name_words():
            start, end = window + before.start(1), ent.end + after.end(1)
            found.append(Ent(start, end, ent.surface, "Person", f"{before.group(1)} {after.group(1)}", "nickname"))
    if not found:
        return ents
    return [e for e in ents if not any(n.start < e.end and e.start < n.end for n in found)] + found


@lru_cache(maxsize=None)
def _gloss() -> re.Pattern:
    """A parenthesis opened by a gloss label of kg/data/lexicon.json (one
    bracket may nest in it: "(English: "I Belong to You (The Rhythm of
    Passion)")"), or one that holds only a quoted phrase right after a
    quoted title ('"Zwei kleine Italiener" ("Two little Italians")')."""
    labelled = rf"\((?:{alternatives(lexicon()['gloss_labels']['words'])})\s*:(?:[^()\n]|\([^()\n]*\))*\)"
    quoted = r"(?<=[\"\u201d'\u2019])\s*\(\s*[\"\u201c'\u2018][^\"\u201c\u201d\n]{1,80}[\"\u201d'\u2019]\s*\)"
    return re.compile(f"{labelled}|{quoted}")


def _outside_glosses(text: str, ents: list[Ent]) -> list[Ent]:
    """The mentions outside glosses: a parenthesis that opens with a
    language or romanisation label ("(Japanese: ..., Hepburn:
    Mononoke-hime)") spells a name again; what is in it is no entity; nor is
    a translation right after a title ("Sommerhus (Danish for "Summer
    house")"), the title's other name, unless the title before it went
    unfound ("Bam-ui Gyocharo (literally "Night Intersection")": the
    translation stands for it)."""
    glosses = [m.span() for m in _gloss().finditer(text)]
    glosses += [m.span() for e in ents if e.cls == "TITLE" or e.cls in WORKS if (m := TRANSLATION.match(text, e.end))]
    return [e for e in ents if not any(a < e.start and e.end < b for a, b in glosses)] if glosses else ents


# A letter elided at a word's end: "Guns N' Roses", "Howlin' Wolf".
ELIDED_BEFORE = re.compile(r"(?<![\w'])[A-Z][A-Za-z]*[nN]' $")
ELIDED_AFTER = re.compile(r"' [A-Z]\w+")
OPENING_QUOTE, CLOSING_QUOTE = re.compile(r"(?<!\w)'(?=\w)"), re.compile(r"(?<=\w)'(?!\w)")


def _elided_names(text: str, ents: list[Ent]) -> list[Ent]:
    """A name whose word ends in an elided letter goes on past the
    apostrophe ("band Guns N' Roses", "by Howlin' Wolf"): after an n, and
    with no quotation mark open before it on the line, it is no quote and no
    possessive. A mention the widened name now covers gives way to it."""
    widened = []
    for ent in ents:
        if ent.is_value or ent.cls == "TITLE" or ent.cls in WORKS:
            continue
        start, end = ent.start, ent.end
        if text[end - 1:end] in ("n", "N") and (after := ELIDED_AFTER.match(text, end)) and not _quote_open(text, end):
            end = after.end()
        if (before := ELIDED_BEFORE.search(text, max(0, start - 20), start)) and not _quote_open(text, start - 2):
            start = before.start()
        if (start, end) != (ent.start, ent.end):
            ent.start, ent.end, ent.surface = start, end, text[start:end]
            ent.name = ent.surface
            widened.append(ent)
    if not widened:
        return ents
    wide, spans, kept = {id(w) for w in widened}, set(), []
    for ent in sorted(ents, key=lambda e: e.source == "model"):  # of two names widened alike, a rule's first
        if id(ent) in wide and (ent.start, ent.end) not in spans:
            spans.add((ent.start, ent.end))
            kept.append(ent)
        elif id(ent) not in wide and not any(w.start <= ent.start and ent.end <= w.end for w in widened):
            kept.append(ent)
    return kept


NATIVE_SPELLING = re.compile(r"[ \t]*\((?:[^\x00-\x7f()]|[ \t])+\)")  # "SKYLARK (スカイラーク)'s"
NAMES = ("Person", "PERSON", "MusicGroup", "ORG", "Organization")


def _native_spellings(text: str, ents: list[Ent]) -> list[Ent]:
    """A name with its spelling in its own script in brackets right after it
    ("SKYLARK (スカイラーク)'s single", "HALCYON (할시온) is") takes the brackets
    in: the name stays the same, and a possessive or verb after the brackets
    is the name's. A mention inside the brackets gives way."""
    widened = []
    for ent in ents:
        if ent.cls in NAMES and (gloss := NATIVE_SPELLING.match(text, ent.end)):
            ent.end, ent.surface = gloss.end(), text[ent.start:gloss.end()]
            widened.append(ent)
    wide = {id(w) for w in widened}
    return [e for e in ents if id(e) in wide or not any(w.start <= e.start and e.end <= w.end for w in widened)]


def _quote_open(text: str, at: int) -> bool:
    """Whether a single quotation mark opened on the line before ``at`` is still open."""
    line = text[text.rfind("\n", 0, at) + 1:at]
    return len(OPENING_QUOTE.findall(line)) > len(CLOSING_QUOTE.findall(line))
