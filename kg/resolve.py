"""Resolve stage: one IRI per real-world thing across all articles of a build.

Names are compared by a key that ignores case, punctuation, hyphens and
spaces ("CN Blue" = "CNBLUE", "Jo Hyun-suk" = "Jo Hyun Suk"); within an
article the extract stage has already mapped surnames and given names to the
full name. IRIs are derived from class and key only, so they are the same in
every rebuild and valid for any title (quotes, dots, slashes, any script).
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from dataclasses import replace
from typing import Iterable, Iterator
from urllib.parse import quote

from .records import (ChartEntry, Entity, EntityRef, Evidence, Extraction, Fact, Object, Rating, ResolvedGraph,
                      Statement)
from .vocab import KG, names


def name_key(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).casefold()
    return "".join(ch for ch in text if ch.isalnum())


def slug(cls: str, key_text: str) -> str:
    """Readable when lossless ("ku-hye-sun"), otherwise readable part plus a
    hash of the exact key so that distinct names never share an IRI."""
    words = re.findall(r"\w+", unicodedata.normalize("NFKC", key_text).casefold())
    readable = "-".join(words)[:60] or "x"
    digest = hashlib.sha1(f"{cls}\x00{name_key(key_text)}".encode()).hexdigest()[:10]
    return f"{cls.lower()}/{quote(readable, safe='-')}_{digest}"


def _hash_iri(kind: str, *parts) -> str:
    return f"{kind}/" + hashlib.sha1("\x00".join(map(str, parts)).encode()).hexdigest()[:16]


class Resolver:
    """Accumulates extractions one at a time; keeps names, not texts."""

    def __init__(self):
        self.graph = ResolvedGraph()
        self._by_key: dict[tuple[str, str], Entity] = {}
        self._by_name: dict[tuple[str, str], Entity] = {}  # exact names: most references repeat one

    def entity(self, ref: EntityRef, article_id: str) -> str:
        entity = self._by_name.get((ref.cls, ref.name))
        if entity is None:
            key = (ref.cls, name_key(ref.name) or ref.name)
            entity = self._by_key.get(key)
            if entity is None:
                entity = Entity(slug(ref.cls, ref.name), ref.cls)
                self._by_key[key] = entity
                self.graph.entities[entity.iri] = entity
            self._by_name[(ref.cls, ref.name)] = entity
        entity.names[ref.name] += 1
        return entity.iri

    def add(self, extraction: Extraction) -> None:
        article = extraction.article
        self.graph.articles.append(replace(article, text=""))  # id, title, source, date, url: not the text
        aid = article.id
        for mention in extraction.mentions:
            self.graph.mentions.add((aid, self.entity(mention.ref, aid)))
        for ref, aliases in extraction.aliases.items():
            entity = self.graph.entities[self.entity(ref, aid)]
            entity.aliases.update(a for a in aliases if a != ref.name)
        for fact in _strongest(extraction.facts):
            obj = self.entity(fact.object, aid) if isinstance(fact.object, EntityRef) else fact.object
            subject = self.entity(fact.subject, aid)
            self.graph.mentions.add((aid, subject))
            if isinstance(obj, str):
                self.graph.mentions.add((aid, obj))
            self.graph.statements.append(Statement(subject, fact.predicate, obj, fact.evidence))
        for record in extraction.chart_entries:
            entry, chart = self.entity(record.entry, aid), self.entity(record.chart, aid)
            self.graph.mentions.update({(aid, entry), (aid, chart)})
            iri = _hash_iri("chart-entry", entry, chart, record.rank, record.start, record.end)
            self.graph.chart_entries.append(ChartEntry(iri, entry, chart, record.rank, record.start, record.end, record.evidence))
        for record in extraction.ratings:
            series = self.entity(record.series, aid)
            firm = self.entity(record.firm, aid) if record.firm else None
            self.graph.mentions.add((aid, series))
            iri = _hash_iri("rating", series, record.value, record.episode, firm, record.scope)
            self.graph.ratings.append(Rating(iri, series, record.value, record.episode, firm, record.scope, record.evidence))


def _strongest(facts: Iterable[Fact]) -> list[Fact]:
    """A weak reading ("X's song" -> performer) gives way when the same
    article states the same property of the same subject more firmly; a
    guest a song features is said beside its artist, not instead of it."""
    facts = list(facts)
    base = {id(f): f.evidence.confidence / (0.7 if f.evidence.hedged else 1.0) for f in facts}
    best: dict[tuple, float] = defaultdict(float)
    for fact in facts:
        key = (fact.subject, fact.predicate)
        if not fact.evidence.of_a_guest:
            best[key] = max(best[key], base[id(fact)])
    return [f for f in facts if not (base[id(f)] < 0.7 <= best[(f.subject, f.predicate)])]


_IN_ALBUM, _SOUNDTRACK_OF, _PERFORMER = names(KG.inAlbum, KG.soundtrackOf, KG.performer)
# The predicates the inference rules read: a build keeps only the statements
# with these predicates for ``inferences`` (kg/build/emit.py).
INFERENCE_READS = frozenset((_IN_ALBUM, _SOUNDTRACK_OF, _PERFORMER))


def inferences(statements: Iterable) -> Iterator[tuple[tuple[str, str, Object], object]]:
    """Facts that follow from ``statements`` (anything with a subject,
    predicate and object; only those whose predicate is in INFERENCE_READS
    count): a track of an album that is a soundtrack is part of that
    soundtrack; a track with no stated performer is performed by its album's
    artist. Yields (inferred triple, the statement it follows from)."""
    statements = [st for st in statements if st.predicate in INFERENCE_READS]
    stated = {(st.subject, st.predicate, st.object) for st in statements}
    by_subject = defaultdict(list)
    for st in statements:
        by_subject[(st.subject, st.predicate)].append(st)
    performed = {st.subject for st in statements if st.predicate == _PERFORMER}
    for st in statements:
        if st.predicate != _IN_ALBUM:
            continue
        for prop in (_SOUNDTRACK_OF, _PERFORMER):
            if prop == _PERFORMER and st.subject in performed:
                continue
            for source in by_subject[(st.object, prop)]:
                triple = (st.subject, prop, source.object)
                if triple not in stated:
                    stated.add(triple)
                    yield triple, source


def inferred_evidence(evidence: Evidence, predicate: str) -> Evidence:
    """An inferred fact keeps the evidence of the statement it follows from,
    under an "inference:" rule name and a lower confidence."""
    return replace(evidence, rule=f"inference:album-{predicate}", confidence=round(evidence.confidence * 0.8, 2))


def infer(graph: ResolvedGraph) -> None:
    """Add to ``graph`` the statements that follow from its own (see ``inferences``)."""
    for triple, source in list(inferences(graph.statements)):
        graph.statements.append(Statement(*triple, inferred_evidence(source.evidence, triple[1])))


def disambiguate(entities: dict[str, Entity]) -> None:
    """An album that shares its name with a song of the graph (most often
    its title track) is labelled "Title (album)", the title kept as an
    alternative label, so that a label names one thing."""
    songs = {name_key(e.name) for e in entities.values() if e.cls == "Song"}
    for entity in entities.values():
        if entity.cls == "Album" and name_key(entity.name) in songs:
            entity.qualifier = "album"


def resolve(extractions: Iterable[Extraction]) -> ResolvedGraph:
    resolver = Resolver()
    for extraction in extractions:
        resolver.add(extraction)
    infer(resolver.graph)
    disambiguate(resolver.graph.entities)
    return resolver.graph
