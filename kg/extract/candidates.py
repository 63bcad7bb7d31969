"""The NER's PERSON and ORG spans, cleaned into name candidates: without
possessives, role words or lower-case words at their ends; none for a span
that is no name at all (a class noun, a heading, days of the week). And the
shapes of a name's words that names.py and slots.py read (a stage name's
capitals, a company's last word, where a run of capitalised words ends, a
possessive that owns a work named after it)."""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Token

from ..data import class_nouns, lexicon
from ..nlp import text_of
from .title_runs import only_calendar_words
from .rules import macros
from .spans import NON_NAMES


@lru_cache(maxsize=None)
def _not_name_endings() -> frozenset:
    return frozenset(lexicon()["not_name_endings"]["words"])


PAIR_OF_NAMES = re.compile(r"(?P<a>[A-Z][\w'-]+(?: [A-Z][\w'-]+){1,2}) and (?P<b>(?!The )[A-Z][\w'-]+(?: [A-Z][\w'-]+){1,2})")


def split_pair(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Two people's full names the model joined with "and" ("Bruna Terra and Henrique Avelar"), each a
    name; a name of one word either side is a band's ("Hall and Oates", "Earth, Wind and Fire")."""
    pair = PAIR_OF_NAMES.fullmatch(text, start, end)
    return [pair.span("a"), pair.span("b")] if pair else [(start, end)]


def clean_candidate(span) -> tuple[int, int] | None:
    """Drop possessives, leading role words and lower-case words from a model
    span; refuse spans that are not names at all."""
    lex = lexicon()
    cues = {c.lower() for c in lex["person_cues"] + lex["group_cues"]} | LEADING_NOT_NAME
    tokens = list(span)
    dash = next((k for k, t in enumerate(tokens) if k and (t.text in "-–—" and t.whitespace_ and tokens[k - 1].whitespace_
                                                         or t.text in ("/", "|", "("))), None)
    # "Nova Ring - Afterglow" on a chart line, "Tom Hadley / Arrangement", "Copper Gulls (Owen Marsh": the name ends there
    tokens = tokens[:dash]
    while tokens and (tokens[-1].text in {"'s", "'", "s"} or tokens[-1].is_punct
                      or tokens[-1].lower_ in NO_LAST_WORD and (len(tokens) < 2 or tokens[-2].whitespace_)):
        tokens.pop()  # "Suga of" (BTS): a name ends before a function word (not "HAE-IN": a syllable of it)
    while tokens and (tokens[0].is_lower or tokens[0].text.lower() in cues or tokens[0].is_punct
                      or FIGURE.fullmatch(tokens[0].text)):
        tokens.pop(0)  # "09.01 Aster Lane" on a dated line: the date is no word of the name
    if not tokens:
        return None
    before = span.doc[tokens[0].i - 1] if tokens[0].i else None
    if len(tokens) == 1 and span.label_ == "PERSON" and before is not None and before.text in STAGE_NAME_PREFIXES:
        tokens.insert(0, before)  # "Dr. Luke": a stage name, not a title before a name
    text = text_of(span.doc)[tokens[0].idx:tokens[-1].idx + len(tokens[-1])]
    if text in NON_NAMES or "\n" in text or not any(c.isalpha() for c in text) or text.lower() in class_nouns() \
            or only_calendar_words(text):
        return None  # "Drama", "Singer": a noun written with a capital, not a name; "Wed/Thurs": days
    if len(tokens) > 5 or any(t.is_lower and not t.is_punct and t.text not in {"of", "the", "and", "de"} for t in tokens):
        return None
    if span.label_ == "PERSON" and tokens[-1].lower_ in _not_name_endings():
        return None  # "Download Charts", "Girl Groups": a heading or a category, no one's name
    after = span.doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(span.doc) else None
    if len(tokens) == 1 and DEMONYM.fullmatch(text) and _before_a_cue(span.doc, tokens[0].i + 1, cues):
        return None  # "by Welsh musician John Cale", "the Welsh folk band X": where someone is from
    if len(tokens) > 1 and DEMONYM.fullmatch(tokens[0].text) and all(t.text in NON_NAMES or t.lower_ in cues for t in tokens[1:]):
        return None  # "by American R&B singer A": where someone is from and what they sing, no name
    if len(tokens) == 1 and after is not None and after.lower_ == "by" and tokens[0].lower_ in CREDIT_PARTICIPLES:
        return None  # "Sung by the band X, 'Y' opened ...": a fronted credit, not a name ("Sung" is a surname too)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _before_a_cue(doc, i: int, cues: set) -> bool:
    """Does a role or group word follow at ``i``, after up to two lower-case words ("folk band", "indie rock band")?"""
    for token in doc[i:i + 3]:
        if token.lower_ in cues:
            return True
        if not token.is_lower:
            return False
    return False


FIGURE = re.compile(r"\d+(?:[./:]\d+)*\.?")  # "09.01", "2025.", "3": digits alone, not "2NE1" or "2PM"
NO_LAST_WORD = {"of", "and", "the", "from", "with", "for", "in"}
DEMONYM = re.compile(r"[A-Z][a-z]+(?:ish|ese|ian|an|ch|sh|ic|i)")
PLACES = {"GPE", "LOC", "NORP", "FAC", "Place"}
ORGANIZATION_CUES = frozenset(w.lower() for w in lexicon()["organization_cues"])  # "label X", "team X": a company
TEAM_CREDITS = frozenset(lexicon()["team_credit_verbs"]["words"])  # "Composed by N (A, B)": N a team
NAME_SMALL_WORDS = {"to", "the", "of", "and", "&", "in", "on", "a"}
LEADING_NOT_NAME = frozenset(lexicon()["leading_not_name"]["words"])  # "Statement Regarding ORBIT9's ...": no "Regarding"
CREDIT_PARTICIPLES = frozenset(word.lower() for key in ("SUNG", "WRITTEN", "COMPOSED", "DIRECTED", "PAIRED")
                               for word in macros()[key])  # "Sung by", "Written by"
STAGE_NAME_PREFIXES = frozenset(lexicon()["stage_name_prefixes"]["words"])
STAGE_NAME = re.compile(r"[A-Z0-9]+(?:[.:-][A-Z0-9]+)+\.?")  # "SOL.E", "ORBIT-7", "T.O.P", "ODE:ON": one word of capitals


def name_word(text: str) -> bool:
    """A word that may make up a name: letters and digits ("2NE1"), or a stage name's capitals
    with dots or hyphens between them."""
    return text.isalnum() or bool(STAGE_NAME.fullmatch(text))


def capitalised(token: Token) -> bool:
    """A word of a name: "Blue", or in capitals as groups write theirs ("BLUE ORCHARD")."""
    return token.is_title or token.is_upper and token.is_alpha and len(token) > 1


def name_ends(tokens: list[Token], end: int) -> bool:
    """Does a run of capitalised words end at ``end``, rather than go on
    after a small word or two ("Check Out the Event", "Walk to the Moon")?"""
    if end < len(tokens) and tokens[end].is_title:
        return False
    after = end
    while after < min(end + 3, len(tokens)) and tokens[after].lower_ in NAME_SMALL_WORDS:
        after += 1
    return after == end or after >= len(tokens) or not tokens[after].is_title


@lru_cache(maxsize=None)
def organization_words() -> frozenset:
    return frozenset(w.lower() for w in lexicon()["organization_suffixes"])


def is_organization(words: list[str]) -> bool:
    """Does a run of words end like a company's name ("JYP Entertainment")?"""
    return bool(words) and words[-1] in organization_words()


def glued_hyphen(tokens: list[Token], i: int) -> bool:
    """A hyphen with no space on either side: inside one word ("HAE-IN", "ORBIT-7")."""
    return tokens[i].text == "-" and i > 0 and not tokens[i - 1].whitespace_ and not tokens[i].whitespace_


def possessive(tokens: list[Token], i: int) -> bool:
    """ "'s", or the apostrophe of a plural's possessive ("BTS' 'Butter'"),
    not a single quotation mark opening a title ("Drama 'Land of Winds'")."""
    if i == 0:
        return False
    before = tokens[i - 1]
    return tokens[i].text == "'s" or tokens[i].text == "'" and not before.whitespace_ and before.text[-1:] in "sS"


def owned_work_at(tokens: list[Token], i: int, titles: set) -> str | None:
    """"title" for a quoted title at ``i``, or after a few words that end in a work's noun
    ("Dayline's latest single 'Ember'", "new album 'Tidal'"); "noun" for those words alone
    ("is Lumen Bay's second single."): either way what a possessive before ``i`` owns is a work."""
    nouns = _record_nouns()
    j = i
    while j < min(i + 4, len(tokens)) and (tokens[j].is_lower or tokens[j].lower_ in nouns) and tokens[j].is_alpha:
        j += 1
    if j > i and tokens[j - 1].lower_ not in nouns:
        return None
    noun = j > i and not (j < len(tokens) and (tokens[j].is_title or tokens[j].is_quote))
    while j < len(tokens) and tokens[j].is_quote:
        j += 1
    return "title" if j < len(tokens) and tokens[j].idx in titles else "noun" if noun else None


@lru_cache(maxsize=None)
def _record_nouns() -> frozenset:
    """The nouns before a title that say it is a song or an album."""
    cues = lexicon()["title_cues_before"]
    return frozenset(w.lower() for cls in ("Song", "Album") for w in cues[cls] if w.isalpha() or "-" in w)
