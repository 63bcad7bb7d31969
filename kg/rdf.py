"""RDF stage: a resolved graph -> triples in the project's ontology.

Provenance is RDF reification with PROV-O: every extracted triple has one
``kg:Evidence`` node per sentence that states it (``rdf:subject``,
``rdf:predicate``, ``rdf:object``, ``prov:wasDerivedFrom`` the article, the
sentence, its offsets, the rule and a confidence). N-ary records
(ChartEntry, ViewershipRating) are nodes whose ``rdf:type`` triple carries
the evidence. No blank nodes: every node has a deterministic IRI.

Terms are pyoxigraph's: made, checked and written as N-Triples (``str`` of a
term) in Rust, several times faster than rdflib's, which matters when a build
writes millions of triples (kg/build/). ``to_rdf`` gives an rdflib Graph
for callers that want one.
"""
from __future__ import annotations

import hashlib
from decimal import Decimal
from functools import lru_cache
from typing import Iterator
from urllib.parse import quote

from pyoxigraph import Literal, NamedNode
from rdflib import Graph, URIRef

from .namespaces import KG, KGR, PROV, RDF, RDFS, SCHEMA, SKOS, XSD, bind_prefixes
from .records import Article, Evidence, ResolvedGraph, Statement, Value


def _iri(uri: str) -> NamedNode:
    return NamedNode(str(uri))


TYPE, LABEL, ALT_LABEL = _iri(RDF.type), _iri(RDFS.label), _iri(SKOS.altLabel)
SUBJECT, PREDICATE, OBJECT = _iri(RDF.subject), _iri(RDF.predicate), _iri(RDF.object)
DERIVED_FROM, URL = _iri(PROV.wasDerivedFrom), _iri(SCHEMA.url)
# Only datatypes every triplestore keeps as written: Oxigraph (and others)
# store xsd:positiveInteger and xsd:nonNegativeInteger as xsd:integer, so
# ranks and offsets are xsd:integer, bounded by the shapes (sh:minInclusive).
DATATYPES = {name: _iri(XSD[name]) for name in ("integer", "date", "gYearMonth", "gYear", "decimal", "boolean",
                                                "anyURI")}
ENTITIES = str(KGR)


@lru_cache(maxsize=None)
def kg(name: str) -> NamedNode:
    """A term of the ontology (classes and properties: a few dozen)."""
    return _iri(KG[name])


def node(iri: str) -> NamedNode:
    """The node of a resolved entity, chart entry or rating IRI."""
    return NamedNode(ENTITIES + iri)


def article_iri(article_id: str) -> URIRef:
    """Any id gives one valid IRI segment: '/' and every other reserved or
    non-ASCII character is percent-encoded, and an id of only dots ("..")
    is too, so that IRI normalisation cannot turn it into a path step."""
    segment = quote(article_id, safe="")
    if not segment.strip("."):
        segment = segment.replace(".", "%2E")
    return KGR[f"article/{segment}"]


@lru_cache(maxsize=4096)
def article_node(article_id: str) -> NamedNode:
    return _iri(article_iri(article_id))


def decimal_literal(value) -> Literal:
    """An xsd:decimal in the form Turtle writes and reads back unchanged:
    always a point, never an exponent ("1" -> "1.0", "1E+1" -> "10.0")."""
    text = format(Decimal(str(value)), "f")
    return Literal(text if "." in text else text + ".0", datatype=DATATYPES["decimal"])


def typed(lexical, datatype: str) -> Literal:
    return Literal(str(lexical), datatype=DATATYPES[datatype])


def literal(value: Value) -> Literal:
    if value.datatype == "decimal":
        try:
            return decimal_literal(value.lexical)
        except ArithmeticError:
            pass
    return typed(value.lexical, value.datatype)


def english(text: str) -> Literal:
    return Literal(text, language="en")


def _article(article: Article) -> Iterator[tuple]:
    subject = article_node(article.id)
    yield subject, TYPE, kg("Article")
    yield subject, LABEL, english(article.title)
    yield subject, kg("sourceFile"), Literal(article.source)
    if article.published:
        yield subject, kg("publicationDate"), typed(article.published.isoformat(), "date")
    if article.url:
        yield subject, URL, typed(article.url, "anyURI")


def evidence_node(triple: tuple, evidence: Evidence) -> NamedNode:
    """The kg:Evidence node of ``triple`` stated by ``evidence``."""
    s, p, o = triple
    return node("evidence/" + hashlib.sha1(
        "\x00".join(map(str, (s.value, p.value, o.value, evidence.article_id, evidence.start, evidence.end,
                              evidence.rule))).encode()
    ).hexdigest()[:20])


def _evidence(triple: tuple, evidence: Evidence) -> Iterator[tuple]:
    subject = evidence_node(triple, evidence)
    s, p, o = triple
    yield subject, TYPE, kg("Evidence")
    yield subject, SUBJECT, s
    yield subject, PREDICATE, p
    yield subject, OBJECT, o
    yield subject, DERIVED_FROM, article_node(evidence.article_id)
    yield subject, kg("sentence"), Literal(evidence.sentence)
    yield subject, kg("sentenceStart"), typed(evidence.start, "integer")
    yield subject, kg("sentenceEnd"), typed(evidence.end, "integer")
    yield subject, kg("extractedBy"), Literal(evidence.rule)
    yield subject, kg("confidence"), decimal_literal(evidence.confidence)
    yield subject, kg("hedged"), typed("true" if evidence.hedged else "false", "boolean")


evidence_triples = _evidence


def statement_triple(st: Statement) -> tuple:
    return node(st.subject), kg(st.predicate), node(st.object) if isinstance(st.object, str) else literal(st.object)


def triples(resolved: ResolvedGraph) -> Iterator[tuple]:
    """Every triple of ``resolved`` as (subject, predicate, object) terms."""
    for article in resolved.articles:
        yield from _article(article)
    for entity in resolved.entities.values():
        subject = node(entity.iri)
        yield subject, TYPE, kg(entity.cls)
        yield subject, LABEL, english(entity.label)
        for alt in entity.alt_labels:
            yield subject, ALT_LABEL, english(alt)
    for article_id, iri in resolved.mentions:
        yield article_node(article_id), kg("mentions"), node(iri)
    for st in resolved.statements:
        triple = statement_triple(st)
        yield triple
        yield from _evidence(triple, st.evidence)
    yield from record_triples(resolved)
    yield from record_labels(resolved, {iri: e.label for iri, e in resolved.entities.items()})


def record_triples(resolved: ResolvedGraph) -> Iterator[tuple]:
    """The chart entry and rating nodes of ``resolved``, but for their
    labels (``record_labels``), which name entities whose own labels are
    only final once every article is read."""
    for ce in resolved.chart_entries:
        subject = node(ce.iri)
        yield subject, TYPE, kg("ChartEntry")
        yield subject, kg("entryOf"), node(ce.entry)
        yield subject, kg("onChart"), node(ce.chart)
        yield subject, kg("rank"), typed(ce.rank, "integer")
        if ce.start:
            yield subject, kg("startDate"), typed(ce.start, "date")
            yield subject, kg("endDate"), typed(ce.end or ce.start, "date")
        yield from _evidence((subject, TYPE, kg("ChartEntry")), ce.evidence)
    for r in resolved.ratings:
        subject = node(r.iri)
        yield subject, TYPE, kg("ViewershipRating")
        yield subject, kg("ratingOf"), node(r.series)
        yield subject, kg("ratingValue"), decimal_literal(r.value)
        if r.episode:
            yield subject, kg("episodeNumber"), typed(r.episode, "integer")
        if r.firm:
            yield subject, kg("measuredBy"), node(r.firm)
        if r.scope:
            yield subject, kg("ratingScope"), Literal(r.scope)
        yield from _evidence((subject, TYPE, kg("ViewershipRating")), r.evidence)


def record_labels(resolved: ResolvedGraph, labels: dict[str, str]) -> Iterator[tuple]:
    """The labels of the chart entry and rating nodes of ``resolved``, by
    the entity labels ``labels`` (entity IRI -> label)."""
    for ce in resolved.chart_entries:
        yield node(ce.iri), LABEL, english(f"{labels[ce.entry]} at No. {ce.rank} on {labels[ce.chart]}")
    for r in resolved.ratings:
        episode = f" episode {r.episode}" if r.episode else ""
        yield node(r.iri), LABEL, english(f"{labels[r.series]}{episode}: {r.value}%")


def ntriples(triple: tuple, graph: NamedNode | None = None) -> str:
    """One N-Triples line (an N-Quads line in ``graph``), written by
    pyoxigraph's terms."""
    s, p, o = triple
    return f"{s} {p} {o} .\n" if graph is None else f"{s} {p} {o} {graph} .\n"


def to_rdf(resolved: ResolvedGraph) -> Graph:
    """The triples in an rdflib Graph, with the project's prefixes (for
    graphs that fit in memory: tests, the in-memory pipeline)."""
    graph = bind_prefixes(Graph())
    return graph.parse(data="".join(map(ntriples, triples(resolved))), format="nt")
