"""The gold side of ``kg eval``: gold files read into one deduplicated set
of items, and the name, number and date comparisons shared/SCORING.md
defines (kg/evaluate.py scores a graph against them).

The classes and relations scored are the ontology's (kg/vocab.py): every
entity class, and the relations SCORING.md names.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Iterable

from .vocab import ENTITY_CLASSES, KG, names

CLASSES = ENTITY_CLASSES
RELATIONS = names(KG.performer, KG.composer, KG.lyricist, KG.inAlbum, KG.trackNumber,
                  KG.soundtrackOf, KG.castMember, KG.director, KG.broadcaster,
                  KG.memberOf, KG.releaseDate, KG.streamCount, KG.followerCount,
                  KG.market, KG.chartProvider)
DATE_RELATIONS = set(names(KG.releaseDate))
NUMBER_RELATIONS = set(names(KG.trackNumber, KG.streamCount, KG.followerCount))
_DASHES = {"\u2212"}  # minus sign: a dash to readers, but Unicode calls it Sm
_QUOTE_SYMBOLS = {"`", "\u00b4"}  # quote-like marks Unicode files as Sk
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?!\d)")


def normalise(name: str) -> str:
    """SCORING.md's name normalisation: NFKC, casefold, hyphens and dashes to
    spaces, quotes/brackets/punctuation removed, whitespace collapsed."""
    out = []
    for ch in unicodedata.normalize("NFKC", str(name)).casefold():
        cat = unicodedata.category(ch)
        if cat == "Pd" or ch in _DASHES:
            out.append(" ")
        elif not (cat.startswith("P") or ch in _QUOTE_SYMBOLS):
            out.append(ch)
    return " ".join("".join(out).split())


def number(value) -> Decimal | None:
    """Numbers compare numerically (1 == 1.0 == "1"); None if not a number.
    Decimal hashes by value, so numeric keys can be looked up in sets."""
    if value is None:
        return None
    try:
        number = Decimal(str(value).strip().replace(",", ""))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _date_parts(text: str) -> tuple[str, ...]:
    match = _ISO_DATE.match(text.strip())
    return tuple(x for x in match.groups() if x) if match else ()


def dates_match(gold: str, predicted: str) -> bool:
    """Dates match on the ISO prefix both have: "2016-02" ~ "2016-02-24"."""
    g, p = _date_parts(gold), _date_parts(predicted)
    n = min(len(g), len(p))
    return n > 0 and g[:n] == p[:n]


@dataclass
class Gold:
    """The union of gold files. Gold entities are keyed by normalised label,
    so the same label in two files is one gold entity (names and types
    merged); every item set is deduplicated across files."""

    names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    display: dict[str, str] = field(default_factory=dict)
    typing: set[tuple] = field(default_factory=set)
    relations: set[tuple] = field(default_factory=set)
    chart_entries: set[tuple] = field(default_factory=set)
    ratings: set[tuple] = field(default_factory=set)
    episodes: set[tuple] = field(default_factory=set)

    def ref(self, label: str | None) -> str | None:
        """Key of the gold entity a gold file names (by label); a name not
        listed under `entities` still becomes an entity known by that name."""
        if label is None:
            return None
        key = normalise(label)
        self.display.setdefault(key, label)
        self.names[key].add(key)
        return key

    def show(self, item) -> str:
        """A gold value as people read it: the label for an entity key."""
        return self.display.get(item, str(item)) if isinstance(item, str) else str(item)


def _gold_object(gold: Gold, prop: str, value):
    """Gold triple objects are entity labels except for date and number
    properties, which are literals."""
    if prop in DATE_RELATIONS:
        return str(value).strip()
    if prop in NUMBER_RELATIONS:
        return number(value)
    return gold.ref(value)


def load_gold(paths: Iterable[Path]) -> Gold:
    """Read gold JSON files into one deduplicated Gold. A chart entry's
    provider is its `chart_provider`, else its `chart` (the chart is its own
    provider, as on the graph side), else None (matches any chart)."""
    gold = Gold()
    for path in paths:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        for entity in data.get("entities", []):
            key = gold.ref(entity["label"])
            gold.names[key].update(normalise(a) for a in entity.get("aliases", []))
            if entity.get("type") in CLASSES:
                gold.typing.add((key, entity["type"]))
        for s, prop, o in data.get("triples", []):
            if prop in RELATIONS:
                gold.relations.add((gold.ref(s), prop, _gold_object(gold, prop, o)))
        for entry in data.get("chart_entries", []):
            provider = entry.get("chart_provider") or entry.get("chart")
            gold.chart_entries.add((gold.ref(entry["entry"]), gold.ref(provider),
                                    number(entry["rank"])))
        for rating in data.get("ratings", []):
            series, value = gold.ref(rating["series"]), number(rating["value"])
            gold.ratings.add((series, value))
            gold.episodes.add((series, value, number(rating.get("episode"))))
    return gold


def gold_files_in(path: Path) -> list[Path]:
    """The gold files under `path`: sorted *.json of a directory, or the file."""
    path = Path(path)
    return sorted(path.glob("*.json")) if path.is_dir() else [path]
