"""Chart positions as news states them: "No. 2", "#74", "number one",
"ranked second", "in 11th place", "rose to fourth and fifth", "the second
and third spots", "ranked first to third", "the top two spots", "topped",
"an all-kill", "Runner-up was", "in third (place) was". An
ordinal is a rank only where a rank verb comes before it or a place word
after it ("third place", "second on"), never in "its first week" or "the
second episode", nor after a date word ("as of the 14th").
Word lists: "ranks" in kg/data/lexicon.json.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..data import alternatives, lexicon


@dataclass(frozen=True)
class Rank:
    value: int
    start: int  # offsets in the text searched
    end: int
    provider_free: bool = False  # "all-kill": every chart of a market, no one provider


def _first(words, more: str = "") -> str:
    """A lookahead on the first letters of ``words`` (and ``more``): as in
    kg.data.any_word, the engine then passes most word starts without
    trying every word, which halves the time of these patterns."""
    return "(?=[" + re.escape("".join(sorted({word[0] for word in words}))) + more + "])"


@lru_cache(maxsize=None)
def _patterns() -> tuple:
    words = lexicon()["ranks"]
    ordinals = "|".join(words["ordinals"])
    ordinal = rf"(?P<ord>{ordinals}|\d{{1,3}}(?:st|nd|rd|th))"
    ordinal_first = _first(words["ordinals"], r"\d")
    numbers = "|".join(lexicon()["number_words"])
    number = re.compile(rf"(?:\bno\.?\s?|#\s?|\bnumber\s+)(?P<num>\d{{1,3}}|{numbers})\b", re.I)
    verbs, places = alternatives(words["rank_verbs"]), alternatives(words["place_words"])
    # "ranked 50": a bare number after a rank verb; an ordinal after one still needs a place word after it
    after_verb = re.compile(rf"\b{_first(words['rank_verbs'])}(?:{verbs})\s+(?:(?:in|at|to)\s+)?(?P<num>\d{{1,3}})\b(?![.,-]\d)(?!\s*(?:%|percent|copies|million|thousand|weeks?|days?|points?|countries|spots?|places|times|[ap]\.?m\b))", re.I)
    plain = rf"(?:{ordinals}|\d{{1,3}}(?:st|nd|rd|th))"
    # "third place", "second on", and "the second and third spots": an ordinal listed before one with a place word
    before_place = re.compile(rf"\b{ordinal_first}{ordinal}(?=\s*(?:,|\.|;|$|(?:{places})\b|,?\s+(?:and|or)\s+{plain}\s+(?:{places})\b))", re.I)
    # "ranked first to third": one rank each
    span = re.compile(rf"\b{ordinal_first}(?P<low>{plain})\s+(?:to|through)\s+(?P<high>{plain})\b", re.I)
    chained = re.compile(rf"^\s*(?:,\s*|\s+)(?:and\s+|or\s+)?{ordinal}\b", re.I)
    top = re.compile(r"\b" + _first(words["top_phrases"]) + "(?:" + alternatives(words["top_phrases"])
                     + r")(?![\s-]+(?:\d|(?:" + "|".join(words["not_a_rank_after_top"]) + r")\b))", re.I)  # not "the top-ten"
    # "climbs 12-8", "falls 3-5": the chart-beat shorthand of a move, the rank is where it ends
    moved = re.compile(rf"\b{_first(words['movement_verbs'])}(?:{alternatives(words['movement_verbs'])})\s+\d{{1,3}}-(?P<num>\d{{1,3}})\b", re.I)
    # "took the top two spots": ranks 1 and 2, one for each work listed
    top_n = re.compile(rf"\btop\s+(?P<n>{numbers}|\d)\s+(?:spots|places|positions|slots|ranks)\b", re.I)
    # "Runner-up was X", "in third was Y": a rank named, or an ordinal fronted before the work it goes to
    named = {w: n for w, n in words["named_ranks"].items() if not w.startswith("_")}
    fronted = re.compile(rf"\b(?P<num>{alternatives(list(named))})\b|\bin\s+{ordinal}(?:\s+(?:place|spot|position))?(?=\s+(?:was|is|were|are|came|comes)\b)", re.I)
    return number, after_verb, before_place, chained, top, span, moved, top_n, fronted


@lru_cache(maxsize=None)
def _rank_words() -> dict[str, int]:
    """Ordinals and the words that are a rank by themselves ("runner-up"), by the rank they name."""
    return {**lexicon()["ranks"]["ordinals"], **lexicon()["ranks"]["named_ranks"]}


def _value(text: str) -> int | None:
    text = text.lower()
    words = _rank_words()
    if text in words:
        return words[text]
    if text in lexicon()["number_words"]:
        return lexicon()["number_words"][text]
    digits = re.match(r"\d+", text)
    return int(digits.group(0)) or None if digits else None


@lru_cache(maxsize=None)
def _day_before() -> re.Pattern:
    """What stands before an ordinal that is a day of the month: "as of the
    14th", "on the 20th", "May 14th"."""
    words = [*lexicon()["ranks"]["day_before"], *lexicon()["months"]]
    return re.compile(rf"\b(?:{alternatives(words)})\s+(?:the\s+)?$", re.I)


CAPITALISED_NEXT = re.compile(r"\s+[A-Z]")
PREVIOUS = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)
PLACE_AFTER = re.compile(r"\w+\b\s*(?:place|spot|position)", re.I)  # "3rd place", "5th spot"


def _a_day(text: str, start: int) -> bool:
    """A digit ordinal after a date word, with no "place" or "spot" after it."""
    return text[start:start + 1].isdigit() and _day_before().search(text, max(0, start - 20), start) is not None \
        and not PLACE_AFTER.match(text, start)


def ranks_in(text: str) -> list[Rank]:
    """The ranks a clause states, left to right, without overlaps."""
    number, after_verb, before_place, chained, top, span, moved, top_n, fronted = _patterns()
    found: list[Rank] = []
    for match in span.finditer(text):
        low, high = _value(match.group("low")), _value(match.group("high"))
        if low and high and 0 < high - low < 10:
            found.extend(Rank(value, match.start(), match.end()) for value in range(low, high + 1))
    for match in top_n.finditer(text):
        high = _value(match.group("n"))
        if high and 1 < high <= 10 and not found:
            found.extend(Rank(value, match.start(), match.end()) for value in range(1, high + 1))

    def add(value: int | None, start: int, end: int, free: bool = False) -> None:
        if PREVIOUS.search(text[max(0, start - 12):start]):
            return  # "jumped from No. 40 to No. 3", "up from No. 14": where it was, not where it is
        if value and not any(r.start < end and start < r.end for r in found):
            found.append(Rank(value, start, end, free))

    for pattern in (number, after_verb, moved):
        for match in pattern.finditer(text):
            add(_value(match.group("num")), match.start() if pattern is number else match.start("num"), match.end())
    for match in fronted.finditer(text):
        group = "num" if match.group("num") else "ord"
        add(_value(match.group(group)), match.start(group), match.end(group))
    for match in before_place.finditer(text):
        if not _a_day(text, match.start("ord")):
            add(_value(match.group("ord")), match.start("ord"), match.end("ord"))
    # "rose to fourth and fifth", "15th in Germany and 22nd in France"
    for rank in sorted(found, key=lambda r: r.start):
        end = rank.end
        while True:
            tail = re.match(r"(?:\s+in\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?)?", text[end:])
            match = chained.match(text[end + tail.end():])
            if not match:
                break
            start = end + tail.end() + match.start("ord")
            add(_value(match.group("ord")), start, end + tail.end() + match.end("ord"))
            end = end + tail.end() + match.end()
    for match in top.finditer(text):  # "topped the download chart, followed by X at No. 2"
        if match.group(0).endswith("Top") and CAPITALISED_NEXT.match(text, match.end()):
            continue  # "the Top Album Sales chart": a chart's name
        if match.start() > 0 and match.group(0)[:1].isupper() and match.group(0).lower() in ("crown", "crowned", "summit"):
            continue  # "Paper Crown topped the chart": a word of a title, not the verb (a headline's "Tops" is one)
        free = match.group(0).lower() in lexicon()["ranks"]["no_provider"]
        if not any(r.value == 1 for r in found):
            add(1, match.start(), match.end(), free)
        break
    return sorted(found, key=lambda r: r.start)
