"""The graph's vocabulary, read from ``ontology/kg.ttl``: the one list of classes and properties.

Everything that names classes (the build's entity counts, ``kg eval``'s
typing rows, the colours of ``kg export`` and ``kg view``) takes them from
here, so a class added to the ontology reaches all of them. ``KG`` is a
closed rdflib ``DefinedNamespace`` of the terms the ontology declares:
``KG.Persn`` or ``KG["inAlbm"]`` raises AttributeError, so a typo fails at
import instead of writing a term no consumer knows.

Kinds of class, as the ontology states them:
  * n-ary classes: nodes that stand for one n-ary statement (ChartEntry,
    ViewershipRating); the ontology marks them with rdfs:seeAlso the W3C
    note on n-ary relations;
  * provenance classes: rdfs:subClassOf prov:Entity (Article, Evidence);
  * entity classes: all others (Person, Song, TVSeries, ...).
"""
from __future__ import annotations

from pathlib import Path

import pyoxigraph
from rdflib import Namespace, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, DefinedNamespace, DefinedNamespaceMeta

# ontology/kg.ttl, shipped inside the package (kg/ontology/kg.ttl links to it
# in the repository; the wheel holds a copy), so an installed kg finds it.
ONTOLOGY_PATH = Path(__file__).resolve().parent / "ontology" / "kg.ttl"
KG_IRI = "https://w3id.org/kdrama-kg/ontology#"
NARY_NOTE = "https://www.w3.org/TR/swbp-n-aryRelations/"


def local_name(term) -> str:
    """The part of an IRI after its last '#' or '/' (terms of any namespace)."""
    return str(term).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _classes_of(triples: dict, node) -> frozenset[str]:
    """The local names of a class node, or of the members of an owl:unionOf list."""
    if isinstance(node, pyoxigraph.NamedNode):
        return frozenset([node.value[len(KG_IRI):]]) if node.value.startswith(KG_IRI) else frozenset()
    members, item = set(), triples.get((node, str(OWL.unionOf)))
    while item is not None and not (isinstance(item, pyoxigraph.NamedNode) and item.value == str(RDF.nil)):
        members |= _classes_of(triples, triples[(item, str(RDF.first))])
        item = triples.get((item, str(RDF.rest)))
    return frozenset(members)


def _signatures(path: Path) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """Each property's domain and (for object properties) range, as sets of class names."""
    triples = {(q.subject, q.predicate.value): q.object for q in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)}
    domains, ranges = {}, {}
    for (s, p), o in triples.items():
        if isinstance(s, pyoxigraph.NamedNode) and s.value.startswith(KG_IRI):
            if p == str(RDFS.domain):
                domains[s.value[len(KG_IRI):]] = _classes_of(triples, o)
            elif p == str(RDFS.range):
                ranges[s.value[len(KG_IRI):]] = _classes_of(triples, o)
    return domains, ranges


def _read(path: Path) -> tuple[dict[str, list[str]], dict[URIRef, str], set[str], set[str]]:
    """Terms by kind in the order the file declares them, English labels of
    every term, the n-ary classes and the provenance classes."""
    kinds: dict[str, list[str]] = {str(OWL.Class): [], str(OWL.ObjectProperty): [], str(OWL.DatatypeProperty): []}
    labels: dict[URIRef, str] = {}
    nary, provenance = set(), set()
    for quad in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE):
        s, p, o = quad.subject, quad.predicate.value, quad.object
        if not isinstance(s, pyoxigraph.NamedNode):
            continue
        if p == str(RDFS.label) and isinstance(o, pyoxigraph.Literal):
            labels[URIRef(s.value)] = o.value
        if not s.value.startswith(KG_IRI):
            continue
        name = s.value[len(KG_IRI):]
        if p == str(RDF.type) and o.value in kinds:
            kinds[o.value].append(name)
        elif p == str(RDFS.seeAlso) and o.value == NARY_NOTE:
            nary.add(name)
        elif p == str(RDFS.subClassOf) and o.value == str(PROV.Entity):
            provenance.add(name)
    return kinds, labels, nary, provenance


_KINDS, LABELS, _NARY, _PROVENANCE = _read(ONTOLOGY_PATH)

CLASSES: tuple[str, ...] = tuple(_KINDS[str(OWL.Class)])
NARY_CLASSES: tuple[str, ...] = tuple(c for c in CLASSES if c in _NARY)
PROVENANCE_CLASSES: tuple[str, ...] = tuple(c for c in CLASSES if c in _PROVENANCE)
ENTITY_CLASSES: tuple[str, ...] = tuple(c for c in CLASSES if c not in _NARY | _PROVENANCE)
OBJECT_PROPERTIES: tuple[str, ...] = tuple(_KINDS[str(OWL.ObjectProperty)])
DATATYPE_PROPERTIES: tuple[str, ...] = tuple(_KINDS[str(OWL.DatatypeProperty)])
PROPERTIES: tuple[str, ...] = OBJECT_PROPERTIES + DATATYPE_PROPERTIES
# What each property joins: the classes of its subjects, and of its objects
# for object properties (the extract stage drops facts that fit neither).
DOMAINS, RANGES = _signatures(ONTOLOGY_PATH)

KG = DefinedNamespaceMeta("KG", (DefinedNamespace,), {
    "__doc__": "The ontology's terms (closed: an undeclared name raises AttributeError).",
    "__annotations__": {name: URIRef for name in CLASSES + PROPERTIES},
    "_NS": Namespace(KG_IRI),
    "_fail": True,
    "_warn": False,
})


def names(*terms: URIRef) -> tuple[str, ...]:
    """Local names of terms written as ``KG.term`` (checked when written)."""
    return tuple(local_name(term) for term in terms)
