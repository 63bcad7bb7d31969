"""Readers for the literal values news text states: dates, counts, ranks and
percentages. Each returns ``None`` when the text says too little, so that no
fact carries a value the article did not give."""
from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from ..data import alternatives, lexicon
from ..records import Value

SOUNDTRACK_PART = alternatives(lexicon()["part_labels"]["soundtrack"])  # "Part 2 — 'X'" (not "Episode 2", "Vol. 2")
PART_WORD = alternatives(lexicon()["part_labels"]["words"])  # "Part", "Vol.", "Episode": before the number of a part
# a title and its last aside in brackets ("Hikari Road (Japanese single)"), and a guest's aside at the end
IN_PARENS = re.compile(r"^(?P<name>.*?)\s*\((?P<group>[^()]+)\)\s*$")
# the dash between a line's two sides: spaced, or right after a word ("Hoshikage- DEEP"); a hyphen has no space after it
SIDES_DASH = r"[ \t]*[-–—][ \t]+"
FEATURING = re.compile(r"\s*\((?:feat|ft|featuring)\.?\s+(?P<artists>[^()]+)\)\s*$", re.I)  # "Will Be Gone (Feat. Lee Sora and Beenzino)"
_MONTHS = lexicon()["months"]
_MONTH = r"(?P<month>" + alternatives(_MONTHS) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_OTHER_MONTH = r"(?:" + alternatives(_MONTHS) + r")\.?"
DAY_OF_MONTH = re.compile(rf"{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?", re.I)  # "September 26", "May 3, 2024"
DATE_FORMS = [
    # a range's start takes the year its end gives: "from January 6 to February 25, 2025"
    re.compile(rf"\b{_MONTH}\s+{_DAY}\s*(?:-|–|to|until|through|and)\s*(?:{_OTHER_MONTH}\s+)?\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY}(?:\s*\([A-Za-z.]+\))?,?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I),  # "5 March 2024", "the 5th of March, 2024"
    re.compile(rf"\b{_YEAR}(?:[/-]|\.\s?)(?P<month>\d{{1,2}})(?:[/-]|\.\s?)(?P<day>\d{{1,2}})\b"),  # "2025-04-21", "2025. 04. 21"
    re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b", re.I),  # "March 2024", "March of 2024"
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*(?:%|percent|million|billion))", re.I),
    re.compile(rf"\b{_DAY}\s+{_MONTH}\b", re.I),
    re.compile(rf"\bthe\s+{_DAY}\b(?!\s+(?:episode|place|spot|week|album|anniversary|century))", re.I),
    re.compile(rf"(?:\bin|\bof|\bsince)\s+{_YEAR}\b", re.I),
    re.compile(rf"\b(?:early|mid|late)[\s-]+{_YEAR}\b", re.I),  # "premieres in early 2027": the year (CONVENTIONS rule 26)
]
SAME_YEAR = re.compile(r"\bof the same year\b|\bthat year\b|\bthe same year\b", re.I)


def _month_number(text: str) -> int:
    return int(text) if text.isdigit() else _MONTHS[text.lower().rstrip(".")]


# the year a range ends with, which its first day shares
RANGE_END_YEAR = re.compile(r"\s*(?:-|–|—|to|through|until)\s+(?:[A-Za-z]{3,9}\.?\s+)?\d{1,2}(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b", re.I)
RELATIVE_YEAR = re.compile(r",?\s+(next|last|this)\s+year\b", re.IGNORECASE)


def parse_date(text: str, published: date | None = None, last_year: int | None = None) -> Value | None:
    """The first date stated in ``text``, as precise as the text is.

    A day without a year takes its year from the end of a range it opens
    ("March 2 to April 21, 2024"), from "next year" or "last year" after
    it, from "the same year" (``last_year``) or from the publication date; a
    day that does not exist ("February 29th, 2014") keeps only its month.
    Without any year the date is unknown."""
    for form in DATE_FORMS:
        match = form.search(text)
        if not match:
            continue
        parts = match.groupdict()
        year = int(parts["year"]) if parts.get("year") else None
        month = _month_number(parts["month"]) if parts.get("month") else (published.month if published and parts.get("day") else None)
        day = int(parts["day"]) if parts.get("day") else None
        if year is None:
            relative = RELATIVE_YEAR.match(text, match.end())
            range_end = RANGE_END_YEAR.match(text, match.end())
            if range_end and month:  # "from March 2 to April 21, 2024"
                year = int(range_end.group(1))
            elif relative and published and month:  # "on Feb. 7 next year"
                year = published.year + {"next": 1, "last": -1, "this": 0}[relative.group(1).lower()]
            elif SAME_YEAR.search(text) and last_year:
                year = last_year
            elif published and month:
                year = published.year
                if day and _safe_date(year, month, day) and _safe_date(year, month, day) > published + timedelta(days=180):
                    year -= 1
            else:
                return None
        if month is None:
            return Value(str(year), "gYear")
        if day is None:
            return Value(f"{year:04d}-{month:02d}", "gYearMonth")
        exact = _safe_date(year, month, day)
        return Value(exact.isoformat(), "date") if exact else Value(f"{year:04d}-{month:02d}", "gYearMonth")
    return _relative_date(text, published) if published else None


_WEEKDAYS = {k: v for k, v in lexicon()["weekdays"].items() if not k.startswith("_")}
_RELATIVE_DAYS = {k: v for k, v in lexicon()["relative_days"].items() if not k.startswith("_")}
RELATIVE_WEEKDAY = re.compile(rf"\b(?:(?P<which>last|next|this|coming)\s+)?(?P<weekday>{alternatives(_WEEKDAYS)})(?P<plural>s)?\b", re.I)
RELATIVE_MONTH = re.compile(rf"\b(?P<which>last|next|this|coming)\s+(?:(?P<month>{alternatives(_MONTHS)})\b|month\b)", re.I)
RELATIVE_YEAR_ALONE = re.compile(r"\b(?P<which>last|next|this|coming)\s+year\b", re.I)
MONTH_ALONE = re.compile(rf"\b(?:in|since|from|until|during)\s+(?:early\s+|late\s+|mid-?)?{_MONTH}(?!\s*\d)", re.I)
FUTURE = re.compile(r"\b(?:will|to be|is set to|are set to|scheduled|slated|upcoming|coming|next)\b", re.I)


def _relative_date(text: str, published: date) -> Value | None:
    """A date said against the publication date (CONVENTIONS rule 25): "today", "on Friday" (the one
    before it, or after it where the text speaks of what will be), "last month", "next March",
    "early next year", "in January" (the last January, or the next where the text speaks of what will be)."""
    step = {"last": -1, "next": 1, "coming": 1, "this": 0}
    if (days := _RELATIVE_DAYS.get(text.strip().lower())) is not None:  # "out today": the day printed
        return Value((published + timedelta(days=days)).isoformat(), "date")
    weekdays = list(RELATIVE_WEEKDAY.finditer(text))
    # one day, not the days a show airs ("every Wednesday", "Wednesday-Thursday drama", "on Mondays and Tuesdays")
    if len(weekdays) == 1 and not weekdays[0]["plural"] and not re.search(r"\bevery\s*$", text[:weekdays[0].start()]):
        found = weekdays[0]
        days = (_WEEKDAYS[found["weekday"].lower()] - published.weekday()) % 7
        which = (found["which"] or "").lower()
        ahead = step.get(which, 1 if FUTURE.search(text) else -1)
        if not days and which in ("last", "next"):  # "last Friday" in Friday's paper: a week before
            days = 7 * ahead
        moved = published + timedelta(days=days if ahead > 0 else days - 7 if days > 0 else days)
        return Value(moved.isoformat(), "date")
    if found := RELATIVE_MONTH.search(text):
        which = step[found["which"].lower()]
        if found["month"] is None:
            month = published.month + which
            year = published.year + (month - 1) // 12
            return Value(f"{year:04d}-{(month - 1) % 12 + 1:02d}", "gYearMonth")
        month = _month_number(found["month"])
        year = published.year + (which if which and (month - published.month) * which <= 0 else 0)
        return Value(f"{year:04d}-{month:02d}", "gYearMonth")
    if found := RELATIVE_YEAR_ALONE.search(text):
        return Value(str(published.year + step[found["which"].lower()]), "gYear")
    if found := MONTH_ALONE.search(text):
        month = _month_number(found["month"])
        year = published.year - (month > published.month and not FUTURE.search(text))  # "released in December": the last one
        return Value(f"{year:04d}-{month:02d}", "gYearMonth")
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


YEAR_NUMBER = re.compile(r"\b((?:19|20)\d{2})\b")


def years_in(text: str) -> list[int]:
    return [int(y) for y in YEAR_NUMBER.findall(text)]


_SCALE = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "k": 1_000, "m": 1_000_000}
COUNT = re.compile(r"(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>thousand|million|billion|[km]\b)?", re.I)


def parse_count(text: str) -> int | None:
    """'768,087' -> 768087; '50.5 million' -> 50500000; '20,3 million' (a
    decimal comma before a scale word) -> 20300000."""
    match = COUNT.search(text)
    if not match:
        return None
    number, scale = match.group("num"), match.group("scale")
    if scale and re.fullmatch(r"\d+,\d{1,2}", number):
        number = number.replace(",", ".")
    try:
        value = Decimal(number.replace(",", ""))
    except InvalidOperation:
        return None
    if scale:
        value *= _SCALE[scale.lower()]
    return int(value)


RANK = re.compile(r"(?:\bno\.?\s*|#|\bnumber\s+|\branked\s+|\bplace\s+)(?P<n>\d{1,3})\b", re.I)


def parse_rank(text: str) -> int | None:
    """'No.1', 'No. 2', '#1', 'number one', 'first', 'top', 'ranked 50'."""
    match = RANK.search(text)
    if match:
        return int(match.group("n")) or None
    words = re.findall(r"[a-z]+", text.lower())
    for word in words:
        if word in lexicon()["ordinals"]:
            return lexicon()["ordinals"][word]
    for word in words:
        if word in lexicon()["number_words"]:
            return lexicon()["number_words"][word]
    if re.fullmatch(r"\d{1,3}", text.strip()):
        return int(text.strip()) or None
    return None


PERCENT = re.compile(r"(?P<v>\d{1,3}(?:[.,]\d+)?)\s*(?:%|percent\b|per cent\b)", re.I)


def parse_percent(text: str) -> Decimal | None:
    match = PERCENT.search(text)
    if not match:
        return None
    value = Decimal(match.group("v").replace(",", "."))
    return value if 0 <= value <= 100 else None


OST_ASIDE = re.compile(r"\s*\([^()]+\s(?:OST|O\.S\.T\.?|[Ss]oundtrack)\)$")
TRANSLATED = re.compile(r"^(?P<native>[^()\x00-\x7f][^()]*?)\s*\((?P<english>[A-Za-z0-9][^()]*)\)$"
                        r"|^(?P<first>[A-Za-z0-9][^()]*?)\s*\([^()\x00-\x7f][^()]*\)$")  # "Rain on the Eaves (처마 끝 비)" too


def english_name(title: str) -> str | None:
    """The English of a title written in its own script with an English one
    in parentheses ("굿밤 (Good night)"), or the other way round ("Rain on the
    Eaves (처마 끝 비)"); the rest stays an alias. None for another title."""
    match = TRANSLATED.match(title)
    return (match.group("english") or match.group("first")).strip() if match else None


def title_name(title: str) -> str:
    """A quoted title's name: its English (``english_name``); a series'
    soundtrack in parentheses ('"Letter from the Sea (Tides of Us OST)"') is
    no part of the song's name."""
    return english_name(title) or OST_ASIDE.sub("", title) or title
