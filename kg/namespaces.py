"""Every namespace the graph uses, in one place (as rdflib does).

``KG``, the ontology's own, is closed: its terms are those ontology/kg.ttl
declares (kg/vocab.py)."""
from rdflib import Namespace
from rdflib.namespace import OWL, PROV, RDF, RDFS, SH, SKOS, XSD, DCTERMS

from .vocab import ENTITY_CLASSES, KG
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


# Every node the build makes is kgr:COLLECTION/KEY. A prefixed name cannot
# hold an unescaped '/' (kgr:song\/rain_…), so the writers also bind one
# prefix per collection (song:rain_… is kgr:song/rain_…); writers take the
# longest prefix that fits.
COLLECTIONS = {name: Namespace(f"{KGR}{name}/") for name in
               (*(cls.lower() for cls in ENTITY_CLASSES), "article", "evidence", "chart-entry", "rating")}

# The named graphs of the quad formats (docs/graph-model.md): one per article
# (named by the article's IRI), ENTITIES_GRAPH for what no one article states
# (the entities' classes and names), and MANIFEST_GRAPH, which lists the
# others (MANIFEST_GRAPH dcterms:hasPart G), so that `kg load` can remove
# the graphs of articles that are gone.
ENTITIES_GRAPH = KGR["graph/entities"]
MANIFEST_GRAPH = KGR["graph/manifest"]

# For pyoxigraph's writers (Turtle, TriG, CONSTRUCT answers).
WRITER_PREFIXES = {prefix: str(ns) for prefix, ns in {**PREFIXES, **COLLECTIONS}.items()}


def bind_prefixes(graph):
    """Bind the project's prefixes (and the collections' under kgr:) so every
    serialisation uses them."""
    for prefix, namespace in {**PREFIXES, **COLLECTIONS}.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph
