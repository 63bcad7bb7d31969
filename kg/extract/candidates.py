"""The NER's PERSON and ORG spans, cleaned into name candidates: without
possessives, role words or lower-case words at their ends; none for a span
that is no name at all (a class noun, a heading, days of the week)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..data import lexicon
from ..nlp import text_of
from .names import LEADING_NOT_NAME
from .title_runs import only_calendar_words


@lru_cache(maxsize=None)
def _class_nouns() -> frozenset:
    lex = lexicon()
    return frozenset(w.lower() for cls, words in lex["class_nouns"].items() if not cls.startswith("_") for w in words)


@lru_cache(maxsize=None)
def _not_name_endings() -> frozenset:
    return frozenset(lexicon()["not_name_endings"]["words"])


def clean_candidate(span) -> tuple[int, int] | None:
    """Drop possessives, leading role words and lower-case words from a model
    span; refuse spans that are not names at all."""
    lex = lexicon()
    cues = {c.lower() for c in lex["person_cues"] + lex["group_cues"]} | LEADING_NOT_NAME
    tokens = list(span)
    dash = next((k for k, t in enumerate(tokens) if k and t.text in "-–—" and t.whitespace_ and tokens[k - 1].whitespace_), None)
    tokens = tokens[:dash]  # "Nova Ring - Afterglow" on a chart line: the name ends at a spaced dash
    while tokens and (tokens[-1].text in {"'s", "'", "s"} or tokens[-1].is_punct or tokens[-1].lower_ in NO_LAST_WORD):
        tokens.pop()  # "Suga of" (BTS): a name ends before a function word
    while tokens and (tokens[0].is_lower or tokens[0].text.lower() in cues or tokens[0].is_punct):
        tokens.pop(0)
    if not tokens:
        return None
    text = text_of(span.doc)[tokens[0].idx:tokens[-1].idx + len(tokens[-1])]
    if text in lex["non_names"] or "\n" in text or not any(c.isalpha() for c in text) or text.lower() in _class_nouns() \
            or only_calendar_words(text):
        return None  # "Drama", "Singer": a noun written with a capital, not a name; "Wed/Thurs": days
    if len(tokens) > 5 or any(t.is_lower and not t.is_punct and t.text not in {"of", "the", "and", "de"} for t in tokens):
        return None
    if span.label_ == "PERSON" and tokens[-1].lower_ in _not_name_endings():
        return None  # "Download Charts", "Girl Groups": a heading or a category, no one's name
    after = span.doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(span.doc) else None
    if len(tokens) == 1 and DEMONYM.fullmatch(text) and after is not None and after.lower_ in cues:
        return None  # "by Welsh musician John Cale": where someone is from
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


NO_LAST_WORD = {"of", "and", "the", "from", "with", "for", "in"}
DEMONYM = re.compile(r"[A-Z][a-z]+(?:ish|ese|ian|an|ch|sh|ic|i)")
