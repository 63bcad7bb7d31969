"""The records that flow between the stages: one record per stage boundary.

    ingest            -> Article
    nlp + extract     -> Extraction (Mention, Fact, ChartEntryFact, RatingFact; each with Evidence)
    resolve           -> ResolvedGraph (Entity, Statement, ChartEntry, Rating)
    rdf               -> triples (pyoxigraph terms)
    validate          -> ValidationResult
    build             -> BuildResult (counts, the validation report, Timings, the graph to write)

Class and property names are the ontology's local names (kg/vocab.py).
Records hold data only; the stages are functions from records to records.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Optional, Union


# --- ingest -> extract ----------------------------------------------------------


@dataclass(frozen=True)
class Article:
    """A cleaned source document. ``text`` starts with the headline; every
    character offset elsewhere in the pipeline points into ``text``."""

    id: str
    """Unique in a build: it names the article's node and named graph."""
    source: str
    """The file it was read from, printable (kg:sourceFile)."""
    title: str
    text: str
    published: Optional[date] = None
    """From the input's metadata, else a byline date line (kg:publicationDate)."""
    url: Optional[str] = None


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
    # other sentences that supplied a part of the fact (the chart in force,
    # what "the song" or "it" stands for)
    context: tuple[Passage, ...] = ()

    @property
    def of_a_guest(self) -> bool:
        """Read by a rule about a guest a work features ("featuring rapper Q") or a duet's partner ("a duet
        with Q"), who performs beside its artist."""
        return "featur" in self.rule or "duet" in self.rule


@dataclass(frozen=True)
class Passage:
    """A sentence of an article: its text and character offsets."""

    text: str
    start: int
    end: int


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
    gYearMonth, gYear, decimal)."""

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


# --- extract -> resolve ----------------------------------------------------------

@dataclass
class Extraction:
    """Everything one article yields."""

    article: Article
    mentions: list[Mention] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    chart_entries: list[ChartEntryFact] = field(default_factory=list)
    ratings: list[RatingFact] = field(default_factory=list)
    aliases: dict[EntityRef, set[str]] = field(default_factory=dict)


# --- resolve -> rdf ---------------------------------------------------------------

@dataclass
class Entity:
    """One real-world thing across all articles: its IRI (relative to the
    entity namespace), class, the names articles gave it (counted) and the
    aliases they stated."""

    iri: str
    cls: str
    names: Counter = field(default_factory=Counter)
    aliases: set = field(default_factory=set)
    qualifier: str = ""  # "album": an album named as a song of the graph is labelled "Title (album)"

    @property
    def name(self) -> str:
        """The name used most; then the longest; then the first in order."""
        return sorted(self.names.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]

    @property
    def label(self) -> str:
        return f"{self.name} ({self.qualifier})" if self.qualifier else self.name

    @property
    def alt_labels(self) -> list[str]:
        label = self.label
        return sorted((set(self.names) | self.aliases) - {label})


Object = Union[str, Value]  # an entity IRI, or a literal


@dataclass(frozen=True)
class Statement:
    subject: str
    predicate: str
    object: Object
    evidence: Evidence


@dataclass(frozen=True)
class ChartEntry:
    iri: str
    entry: str
    chart: str
    rank: int
    start: str | None
    end: str | None
    evidence: Evidence


@dataclass(frozen=True)
class Rating:
    iri: str
    series: str
    value: Decimal
    episode: int | None
    firm: str | None
    scope: str | None
    evidence: Evidence


@dataclass
class ResolvedGraph:
    """What resolution gives: entities by IRI, statements between them, the
    n-ary nodes, and (article id, entity IRI) for each mention."""

    articles: list[Article] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    statements: list[Statement] = field(default_factory=list)
    chart_entries: list[ChartEntry] = field(default_factory=list)
    ratings: list[Rating] = field(default_factory=list)
    mentions: set[tuple[str, str]] = field(default_factory=set)


# --- validate -> build -------------------------------------------------------------

@dataclass
class ValidationResult:
    """Violations as sorted lines; ``triples`` and ``shapes`` are the sizes
    checked, kept so a clean report can say what it covered."""

    conforms: bool
    failed_shapes: list[str]
    messages: list[str]
    triples: int = 0
    shapes: int = 0

    def render(self) -> str:
        """The report in words, one violation a line, for the CLI and logs."""
        if self.conforms:
            return f"Conforms: {self.triples} triples checked against {self.shapes} shapes"
        count = len(self.messages)
        head = (f"{count} violation{'s' if count != 1 else ''} in "
                f"shape{'s' if len(self.failed_shapes) != 1 else ''} {', '.join(self.failed_shapes)}:")
        return "\n".join([head, *(f"  {line}" for line in self.messages)])


# --- build -> cli ---------------------------------------------------------------------

@dataclass
class Timings:
    """Seconds a build spent, by what it waited on."""

    extract: float = 0.0   # waiting for ingest + NLP + extraction
    resolve: float = 0.0   # resolving, emitting, sorting and merging triples
    write: float = 0.0     # writing the output file
    validate: float = 0.0  # waiting for validation beyond the merge

    def total(self) -> float:
        return self.extract + self.resolve + self.write + self.validate


@dataclass
class BuildResult:
    """What a build reports. ``graph`` is the graph itself, on disk and ready
    to write in any format (kg.build.output.BuiltGraph: ``write(path)``,
    ``rdflib()``, ``close()``)."""

    articles: int = 0
    problems: list[str] = field(default_factory=list)   # inputs skipped, one line each
    warnings: list[str] = field(default_factory=list)   # inputs read with a loss (kg.ingest.IngestWarning)
    triples: int = 0
    counts: Counter = field(default_factory=Counter)  # class local name -> nodes
    report: ValidationResult | None = None
    reused: int = 0      # extractions taken from the --update cache
    extracted: int = 0   # extractions made by this build
    timings: Timings = field(default_factory=Timings)
    graph: Any = None
