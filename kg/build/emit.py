"""Resolve and emit: each extraction resolved as it comes, its triples written out at once.

Resolution keeps only the name index (kg/resolve.py); each article's triples
go as N-Triples lines into sorted runs on disk (kg/build/runs.py), and, when
the output keeps named graphs, into the runs of the article's named graph.
What needs every article waits till the end: the entity labels, the
inferences (over the statements they read, kept with their evidence on
disk), and the labels of the chart entry and rating nodes (they name
entities).
"""
from __future__ import annotations

import pickle
import time
from collections import Counter
from typing import Iterable, Iterator, NamedTuple

from pyoxigraph import NamedNode

from ..namespaces import DCTERMS, ENTITIES_GRAPH, MANIFEST_GRAPH
from ..rdf import (TYPE, article_node, evidence_node, evidence_triples, kg, node, ntriples, record_labels,
                   record_triples, statement_triple, triples)
from ..records import BuildResult, Extraction, ResolvedGraph, Statement
from ..resolve import INFERENCE_READS, Resolver, disambiguate, inferences, inferred_evidence
from .batches import validation_targets
from .runs import SortedLines


def resolve_and_emit(result: BuildResult, extractions: Iterator[Extraction]) -> None:
    """Resolve each extraction and write out its triples (and, where the
    build keeps named graphs, the quads of each article's named graph) into
    ``result.graph`` as they come."""
    output = result.graph
    folder, lines, quads = output.folder, output.lines, output.quads
    resolver = Resolver()
    graph = resolver.graph
    # The statements inference reads (INFERENCE_READS); their evidence,
    # sentence and all, waits on disk for the few inferences made.
    kept: list[_Kept] = []
    kept_path = folder / "kept.pickle"
    kept_evidence = kept_path.open("wb")
    deferred_path = folder / "nary.pickle"
    deferred = deferred_path.open("wb")
    # rdf:type lines of the classes sh:class asks about (articles, entities),
    # for validation, which can then start while the runs are being merged.
    types = _TypeLines(output.types.open("w", encoding="utf-8", errors="surrogatepass"))
    timings = result.timings
    waited = time.perf_counter()
    for extraction in extractions:
        started = time.perf_counter()
        timings.extract += started - waited
        resolver.add(extraction)
        result.articles += len(graph.articles)
        types.emit(lines, triples(ResolvedGraph(articles=graph.articles)), quads, _ARTICLE)
        lines.extend(map(ntriples, triples(ResolvedGraph(statements=graph.statements, mentions=graph.mentions))))
        _emit_quads(quads, graph.statements, graph.mentions)
        for st in graph.statements:
            if st.predicate in INFERENCE_READS:
                kept.append(_Kept(st.subject, st.predicate, st.object, kept_evidence.tell()))
                pickle.dump(st.evidence, kept_evidence, protocol=pickle.HIGHEST_PROTOCOL)
        if graph.chart_entries or graph.ratings:
            records = ResolvedGraph(chart_entries=graph.chart_entries, ratings=graph.ratings)
            _emit_nary(records, record_triples(records), lines, quads)
            pickle.dump((graph.chart_entries, graph.ratings), deferred, protocol=pickle.HIGHEST_PROTOCOL)
        graph.articles, graph.statements, graph.mentions = [], [], set()
        graph.chart_entries, graph.ratings = [], []
        waited = time.perf_counter()
        timings.resolve += waited - started
    started = time.perf_counter()
    timings.extract += started - waited
    deferred.close()
    kept_evidence.close()
    # Inference over the statements it reads gives what it gives over all.
    with kept_path.open("rb") as handle:
        def evidence_at(offset: int):
            handle.seek(offset)
            return pickle.load(handle)
        added = [Statement(*triple, inferred_evidence(evidence_at(source.evidence), triple[1]))
                 for triple, source in inferences(kept)]
    kept_path.unlink()
    lines.extend(map(ntriples, triples(ResolvedGraph(statements=added))))
    _emit_quads(quads, added)
    del kept, added
    # Entities (labels need every article) and the labels of the n-ary nodes
    # (they name the entities), in batches.
    disambiguate(graph.entities)
    types.emit(lines, triples(ResolvedGraph(entities=graph.entities)), quads, _ENTITIES)
    if quads is not None and graph.entities:
        quads.add(ntriples((_MANIFEST, _HAS_PART, _ENTITIES), _MANIFEST))
    types.handle.close()
    labels = {iri: e.label for iri, e in graph.entities.items()}
    with deferred_path.open("rb") as handle:
        while True:
            try:
                entries, ratings = pickle.load(handle)
            except EOFError:
                break
            records = ResolvedGraph(chart_entries=entries, ratings=ratings)
            _emit_nary(records, record_labels(records, labels), lines, quads)
    deferred_path.unlink()
    result.counts = Counter(e.cls for e in graph.entities.values())
    resolver.graph = graph = None
    timings.resolve += time.perf_counter() - started


class _Kept(NamedTuple):
    """A statement as inference reads it; ``evidence`` is where its
    evidence starts in the build's kept.pickle."""

    subject: str
    predicate: str
    object: object
    evidence: int


class _TypeLines:
    """Emits triples as N-Triples lines and copies the rdf:type lines of
    validation target classes to ``handle``."""

    def __init__(self, handle):
        self.handle = handle
        self.targets = {NamedNode(c) for c in validation_targets()}

    def emit(self, lines: SortedLines, triples, quads: SortedLines | None = None, graph=None) -> None:
        """Also into ``quads`` (when the build keeps named graphs): in the
        named graph ``graph``, or, for _ARTICLE, each article's own (and the
        article listed in the manifest graph)."""
        for triple in triples:
            line = ntriples(triple)
            lines.add(line)
            if triple[1] == TYPE and triple[2] in self.targets:
                self.handle.write(line)
            if quads is not None:
                name = triple[0] if graph is _ARTICLE else graph
                quads.add(ntriples(triple, name))
                if graph is _ARTICLE and triple[1] == TYPE:
                    quads.add(ntriples((_MANIFEST, _HAS_PART, name), _MANIFEST))


# The named graphs of an N-Quads build (kg.export.article_graphs says the same for a graph in memory).
_ARTICLE = object()  # each article's triples go to the article's own graph
_ENTITIES, _MANIFEST = NamedNode(str(ENTITIES_GRAPH)), NamedNode(str(MANIFEST_GRAPH))
_HAS_PART, _MENTIONS = NamedNode(str(DCTERMS.hasPart)), kg("mentions")


def _emit_quads(quads: SortedLines | None, statements, mentions=()) -> None:
    """Each stated triple and its evidence node in the named graph of the
    article stating it, and each mention in the mentioning article's
    (nothing when the build keeps no named graphs)."""
    if quads is None:
        return
    for st in statements:
        graph = article_node(st.evidence.article_id)
        triple = statement_triple(st)
        quads.add(ntriples(triple, graph))
        for line in evidence_triples(triple, st.evidence):
            quads.add(ntriples(line, graph))
    for article_id, iri in mentions:
        graph = article_node(article_id)
        quads.add(ntriples((graph, _MENTIONS, node(iri)), graph))


def _emit_nary(records: ResolvedGraph, triples: Iterable[tuple], lines: SortedLines, quads: SortedLines | None) -> None:
    """``triples`` of the chart entries and ratings ``records``; each also
    goes to the named graph of the article reporting its node (the node's
    evidence node too)."""
    if quads is None:
        lines.extend(map(ntriples, triples))
        return
    named: dict = {}
    for record, cls in [(r, "ChartEntry") for r in records.chart_entries] + [(r, "ViewershipRating")
                                                                           for r in records.ratings]:
        graph = article_node(record.evidence.article_id)
        subject = node(record.iri)
        named.setdefault(subject, set()).add(graph)
        named.setdefault(evidence_node((subject, TYPE, kg(cls)), record.evidence), set()).add(graph)
    for triple in triples:
        lines.add(ntriples(triple))
        for graph in named.get(triple[0], ()):
            quads.add(ntriples(triple, graph))
