"""Every namespace the graph uses, in one place (as rdflib does).

``KG``, the ontology's own, is closed: its terms are those ontology/kg.ttl
declares (kg/vocab.py)."""
from rdflib import Namespace
from rdflib.namespace import OWL, PROV, RDF, RDFS, SH, SKOS, XSD, DCTERMS

from .vocab import KG
KGR = Namespace("https://w3id.org/kdrama-kg/id/")
KGS = Namespace("https://w3id.org/kdrama-kg/shapes#")
SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
MO = Namespace("http://purl.org/ontology/mo/")

PREFIXES = {
    "kg": KG,
    "kgr": KGR,
    "kgs": KGS,
    "schema": SCHEMA,
    "wd": WD,
    "wdt": WDT,
    "mo": MO,
    "owl": OWL,
    "prov": PROV,
    "rdf": RDF,
    "rdfs": RDFS,
    "sh": SH,
    "skos": SKOS,
    "xsd": XSD,
    "dcterms": DCTERMS,
}


# For pyoxigraph's writers: every prefix but kgr:, under which each entity
# IRI would need its '/' escaped.
WRITER_PREFIXES = {prefix: str(ns) for prefix, ns in PREFIXES.items() if prefix != "kgr"}


def bind_prefixes(graph):
    """Bind the project's prefixes so every serialisation uses them."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph
