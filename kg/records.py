"""Typed records that flow between the pipeline's stages.

ingest -> Article; nlp + extract -> Extraction (mentions, facts, n-ary facts,
each with Evidence); resolve -> ResolvedGraph; rdf -> rdflib.Graph.
Class and property names are the vocabulary's local names (VOCABULARY.md).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Union


@dataclass(frozen=True)
class Article:
    """A cleaned source document. ``text`` starts with the headline; every
    character offset elsewhere in the pipeline points into ``text``."""

    id: str
    source: str
    title: str
    text: str
    published: date | None = None
    url: str | None = None


@dataclass(frozen=True)
class Evidence:
    """Where a fact was born: article, sentence (with offsets into the
    article text), the rule or model that produced it, and how sure it is.
    ``hedged`` marks facts stated as likely or future ("is likely to star")."""

    article_id: str
    sentence: str
    start: int
    end: int
    rule: str
    confidence: float
    hedged: bool = False
    # (start, end) of another sentence that supplied a part of the fact
    # (the chart in force, what "the song" stands for), if any
    context: tuple[int, int] | None = None


@dataclass(frozen=True)
class EntityRef:
    """An entity as one article names it, before resolution."""

    name: str
    cls: str


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity name in an article."""

    ref: EntityRef
    article_id: str
    start: int
    end: int


@dataclass(frozen=True)
class Value:
    """A literal object: ``datatype`` is an XSD local name (integer, date,
    gYearMonth, gYear, decimal, positiveInteger)."""

    lexical: str
    datatype: str


@dataclass(frozen=True)
class Fact:
    subject: EntityRef
    predicate: str
    object: Union[EntityRef, Value]
    evidence: Evidence


@dataclass(frozen=True)
class ChartEntryFact:
    """One song's (or album's) position on one chart; dates may be unknown."""

    entry: EntityRef
    chart: EntityRef
    rank: int
    evidence: Evidence
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class RatingFact:
    """One audience rating figure (a percentage) for a series."""

    series: EntityRef
    value: Decimal
    evidence: Evidence
    episode: int | None = None
    firm: EntityRef | None = None
    scope: str | None = None  # "nationwide" or "metropolitan" when stated


@dataclass
class Extraction:
    """Everything one article yields."""

    article: Article
    mentions: list[Mention] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    chart_entries: list[ChartEntryFact] = field(default_factory=list)
    ratings: list[RatingFact] = field(default_factory=list)
    aliases: dict[EntityRef, set[str]] = field(default_factory=dict)
