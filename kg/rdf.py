"""RDF stage: a resolved graph -> an rdflib Graph in the project's ontology.

Provenance is RDF reification with PROV-O: every extracted triple has one
``kg:Evidence`` node per sentence that states it (``rdf:subject``,
``rdf:predicate``, ``rdf:object``, ``prov:wasDerivedFrom`` the article, the
sentence, its offsets, the rule and a confidence). N-ary records
(ChartEntry, ViewershipRating) are nodes whose ``rdf:type`` triple carries
the evidence. No blank nodes: every node has a deterministic IRI.
"""
from __future__ import annotations

import hashlib
from decimal import Decimal
from urllib.parse import quote

from rdflib import Graph, Literal, URIRef

from .namespaces import KG, KGR, PROV, RDF, RDFS, SCHEMA, SKOS, XSD, bind_prefixes
from .records import Article, Evidence, Value
from .resolve import ResolvedGraph

DATATYPES = {"integer": XSD.integer, "date": XSD.date, "gYearMonth": XSD.gYearMonth, "gYear": XSD.gYear,
             "decimal": XSD.decimal, "positiveInteger": XSD.positiveInteger}


def article_iri(article_id: str) -> URIRef:
    """Any id gives one valid IRI segment: '/' and every other reserved or
    non-ASCII character is percent-encoded, and an id of only dots ("..")
    is too, so that IRI normalisation cannot turn it into a path step."""
    segment = quote(article_id, safe="")
    if not segment.strip("."):
        segment = segment.replace(".", "%2E")
    return KGR[f"article/{segment}"]


def decimal_literal(value) -> Literal:
    """An xsd:decimal in the form Turtle writes and reads back unchanged:
    always a point, never an exponent ("1" -> "1.0", "1E+1" -> "10.0").
    rdflib would write "1" as the shorthand 1.0, so the lexical form would
    not round-trip."""
    text = format(Decimal(str(value)), "f")
    return Literal(text if "." in text else text + ".0", datatype=XSD.decimal)


def _literal(value: Value) -> Literal:
    if value.datatype == "decimal":
        try:
            return decimal_literal(value.lexical)
        except ArithmeticError:
            pass
    return Literal(value.lexical, datatype=DATATYPES[value.datatype])


def _add_article(graph: Graph, article: Article) -> None:
    node = article_iri(article.id)
    graph.add((node, RDF.type, KG.Article))
    graph.add((node, RDFS.label, Literal(article.title, lang="en")))
    graph.add((node, KG.sourceFile, Literal(article.source)))
    if article.published:
        graph.add((node, KG.publicationDate, Literal(article.published.isoformat(), datatype=XSD.date)))
    if article.url:
        graph.add((node, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI)))


def _add_evidence(graph: Graph, triple: tuple, evidence: Evidence) -> None:
    s, p, o = triple
    node = KGR["evidence/" + hashlib.sha1(
        "\x00".join(map(str, (s, p, o, evidence.article_id, evidence.start, evidence.end, evidence.rule))).encode()
    ).hexdigest()[:20]]
    graph.add((node, RDF.type, KG.Evidence))
    graph.add((node, RDF.subject, s))
    graph.add((node, RDF.predicate, p))
    graph.add((node, RDF.object, o))
    graph.add((node, PROV.wasDerivedFrom, article_iri(evidence.article_id)))
    graph.add((node, KG.sentence, Literal(evidence.sentence)))
    graph.add((node, KG.sentenceStart, Literal(evidence.start, datatype=XSD.nonNegativeInteger)))
    graph.add((node, KG.sentenceEnd, Literal(evidence.end, datatype=XSD.nonNegativeInteger)))
    graph.add((node, KG.extractedBy, Literal(evidence.rule)))
    graph.add((node, KG.confidence, decimal_literal(evidence.confidence)))
    graph.add((node, KG.hedged, Literal(evidence.hedged)))


def to_rdf(resolved: ResolvedGraph, graph=None) -> Graph:
    """Into a new Graph, or into ``graph``: anything with rdflib's ``add``
    (kg.stream writes each triple out as it comes)."""
    graph = bind_prefixes(Graph()) if graph is None else graph
    for article in resolved.articles:
        _add_article(graph, article)
    for entity in resolved.entities.values():
        node = KGR[entity.iri]
        graph.add((node, RDF.type, KG[entity.cls]))
        graph.add((node, RDFS.label, Literal(entity.label, lang="en")))
        for alt in entity.alt_labels:
            graph.add((node, SKOS.altLabel, Literal(alt, lang="en")))
    for article_id, iri in resolved.mentions:
        graph.add((article_iri(article_id), KG.mentions, KGR[iri]))
    for st in resolved.statements:
        obj = KGR[st.object] if isinstance(st.object, str) else _literal(st.object)
        triple = (KGR[st.subject], KG[st.predicate], obj)
        graph.add(triple)
        _add_evidence(graph, triple, st.evidence)
    labels = {iri: e.label for iri, e in resolved.entities.items()}
    for ce in resolved.chart_entries:
        node = KGR[ce.iri]
        graph.add((node, RDF.type, KG.ChartEntry))
        graph.add((node, RDFS.label, Literal(f"{labels[ce.entry]} at No. {ce.rank} on {labels[ce.chart]}", lang="en")))
        graph.add((node, KG.entryOf, KGR[ce.entry]))
        graph.add((node, KG.onChart, KGR[ce.chart]))
        graph.add((node, KG.rank, Literal(str(ce.rank), datatype=XSD.positiveInteger)))
        if ce.start:
            graph.add((node, KG.startDate, Literal(ce.start, datatype=XSD.date)))
            graph.add((node, KG.endDate, Literal(ce.end or ce.start, datatype=XSD.date)))
        _add_evidence(graph, (node, RDF.type, KG.ChartEntry), ce.evidence)
    for r in resolved.ratings:
        node = KGR[r.iri]
        episode = f" episode {r.episode}" if r.episode else ""
        graph.add((node, RDF.type, KG.ViewershipRating))
        graph.add((node, RDFS.label, Literal(f"{labels[r.series]}{episode}: {r.value}%", lang="en")))
        graph.add((node, KG.ratingOf, KGR[r.series]))
        graph.add((node, KG.ratingValue, decimal_literal(r.value)))
        if r.episode:
            graph.add((node, KG.episodeNumber, Literal(r.episode, datatype=XSD.integer)))
        if r.firm:
            graph.add((node, KG.measuredBy, KGR[r.firm]))
        if r.scope:
            graph.add((node, KG.ratingScope, Literal(r.scope)))
        _add_evidence(graph, (node, RDF.type, KG.ViewershipRating), r.evidence)
    return graph
