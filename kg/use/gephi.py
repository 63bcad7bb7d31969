"""The graph as a network of entities, for Gephi (.gexf) and other tools (.graphml).

RDF is the wrong shape for network analysis: labels, classes and the
evidence are triples of their own, and chart entries and ratings are n-ary
nodes. So ``network`` makes one node per entity (label, class, alternative
labels joined as text, its literal facts, degree) and one edge per object
property (the property's label and the sentences it came from). Chart
entries and ratings are either folded into attributed edges (song -> chart
with rank and dates; series -> ratings firm with value, episode and dates, a
self-loop on the series when no firm is named) or kept as nodes.

networkx writes GEXF 1.2draft, fails on None and lists and types a column by
its first value, so ``write_gexf`` writes GEXF 1.3 itself with lxml: one
type per column (integer, double, boolean, else string), viz colour by
class and size by degree, and chart positions as a dynamic attribute
(``position``, spelled by start and end dates) wherever dates are known.
"""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import networkx as nx
from lxml import etree
from rdflib import Graph, Literal

from ..errors import UsageError
from ..export import write_atomic
from ..namespaces import KG, RDF, RDFS, SKOS
from ..vocab import ENTITY_CLASSES, LABELS, NARY_CLASSES, local_name

# One colour per class, readable on white (Gephi and the page), in the
# ontology's order of the classes; a class added to it gets the next one.
PALETTE = ("#e6194b", "#f58231", "#3cb44b", "#008080", "#4363d8", "#911eb4", "#9a6324", "#f032e6", "#808000",
           "#800000", "#469990", "#bcbd22", "#17becf", "#aaffc3", "#ffd8b1", "#000075", "#a9a9a9")
COLOURS = dict(zip(ENTITY_CLASSES + NARY_CLASSES, PALETTE))
GEXF = "http://gexf.net/1.3"
VIZ = "http://gexf.net/1.3/viz"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def evidence_index(graph: Graph) -> dict:
    """The source sentences of each reified triple."""
    index = defaultdict(set)
    for e in graph.subjects(RDF.type, KG.Evidence):
        triple = tuple(graph.value(e, term) for term in (RDF.subject, RDF.predicate, RDF.object))
        index[triple].add(str(graph.value(e, KG.sentence)))
    return index


def _value(literal: Literal):
    value = literal.toPython()
    if isinstance(value, Decimal):
        return float(value)
    return value if isinstance(value, (int, float, bool)) else str(literal)


def network(graph: Graph, nary: str = "fold") -> nx.MultiDiGraph:
    labels, sources = LABELS, evidence_index(graph)
    keep = {cls for cls in COLOURS if nary == "nodes" or cls not in NARY_CLASSES}
    net = nx.MultiDiGraph()
    for node, cls in graph.subject_objects(RDF.type):
        if str(cls).startswith(str(KG)) and local_name(cls) in keep:
            net.add_node(str(node), label=str(graph.value(node, RDFS.label) or node), **{"class": local_name(cls)},
                         altLabels="; ".join(sorted(map(str, graph.objects(node, SKOS.altLabel)))))
    folded = {node: {} for cls in (KG.ChartEntry, KG.ViewershipRating) for node in graph.subjects(RDF.type, cls)
              if str(node) not in net}
    for s, p, o in graph:
        if not str(p).startswith(str(KG)) or p == KG.mentions:
            continue
        if s in folded:
            folded[s][local_name(p)] = _value(o) if isinstance(o, Literal) else str(o)
        elif str(s) in net and isinstance(o, Literal):
            net.nodes[str(s)][local_name(p)] = _value(o)
        elif str(s) in net and str(o) in net:
            net.add_edge(str(s), str(o), label=labels.get(p, local_name(p)), property=local_name(p),
                         sources=" | ".join(sorted(sources.get((s, p, o), ()))))
    for node, facts in folded.items():
        cls = graph.value(node, RDF.type)
        if cls == KG.ChartEntry:
            ends = facts.pop("entryOf", None), facts.pop("onChart", None)
        else:
            series = facts.pop("ratingOf", None)
            ends = series, facts.pop("measuredBy", None) or series
        if all(end in net for end in ends):
            net.add_edge(*ends, label=labels[cls], property=local_name(cls),
                         sources=" | ".join(sorted(sources.get((node, RDF.type, cls), ()))), **facts)
    for node, degree in net.degree():
        net.nodes[node]["degree"] = degree
    return net


def _column_type(values) -> str:
    kinds = {type(v) for v in values}
    for kind, name in ((bool, "boolean"), (int, "integer")):
        if kinds == {kind}:
            return name
    return "double" if kinds <= {int, float} else "string"


def _text(value) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def _dated(data: dict) -> bool:
    return "rank" in data and bool(data.get("startDate"))


def _attributes(parent, items: list, cls: str) -> dict:
    """Declare one column per attribute, and the chart position (dynamic:
    its values carry start and end dates) when some item is dated; returns
    name -> (id, type)."""
    values = defaultdict(list)
    for data in items:
        for name, value in data.items():
            if name != "label" and value is not None:
                values[name].append(value)
    columns = {name: (name, _column_type(vs)) for name, vs in sorted(values.items())}  # id = title: readers differ
    block = etree.SubElement(parent, f"{{{GEXF}}}attributes", {"class": cls})
    for name, (key, kind) in columns.items():
        etree.SubElement(block, f"{{{GEXF}}}attribute", id=key, title=name, type=kind)
    if any(map(_dated, items)):  # in the same block: graphology-gexf reads only the first one of a class
        etree.SubElement(block, f"{{{GEXF}}}attribute", id="position", title="chart position", type="integer")
    return columns


def _element(parent, tag: str, data: dict, columns: dict, **attrs):
    element = etree.SubElement(parent, f"{{{GEXF}}}{tag}", label=data["label"], **attrs)
    values = etree.SubElement(element, f"{{{GEXF}}}attvalues")
    for name, (key, kind) in columns.items():
        if data.get(name) is not None:
            etree.SubElement(values, f"{{{GEXF}}}attvalue", {"for": key, "value": _text(data[name])})
    if _dated(data):
        etree.SubElement(values, f"{{{GEXF}}}attvalue", {"for": "position", "value": str(data["rank"]),
                                                        "start": data["startDate"],
                                                        "end": data.get("endDate") or data["startDate"]})
    return element


def gexf(net: nx.MultiDiGraph) -> bytes:
    root = etree.Element(f"{{{GEXF}}}gexf", nsmap={None: GEXF, "viz": VIZ, "xsi": XSI}, version="1.3")
    root.set(f"{{{XSI}}}schemaLocation", f"{GEXF} {GEXF}/gexf.xsd")
    etree.SubElement(etree.SubElement(root, f"{{{GEXF}}}meta"), f"{{{GEXF}}}creator").text = "kg (kdrama-kg)"
    nodes = sorted(net.nodes(data=True))
    edges = sorted(net.edges(data=True), key=lambda e: (e[0], e[1], sorted(map(str, e[2].items()))))
    dated = any(_dated(data) for *_, data in [*nodes, *edges])
    graph = etree.SubElement(root, f"{{{GEXF}}}graph", defaultedgetype="directed",
                             **({"mode": "dynamic", "timeformat": "date"} if dated else {}))
    node_columns = _attributes(graph, [data for _, data in nodes], "node")
    edge_columns = _attributes(graph, [data for *_, data in edges], "edge")
    parent = etree.SubElement(graph, f"{{{GEXF}}}nodes")
    for node, data in nodes:
        element = _element(parent, "node", data, node_columns, id=node)
        colour = COLOURS.get(data["class"], "#999999")
        r, g, b = (str(int(colour[i:i + 2], 16)) for i in (1, 3, 5))
        etree.SubElement(element, f"{{{VIZ}}}color", r=r, g=g, b=b)
        etree.SubElement(element, f"{{{VIZ}}}size", value=str(4 + 2 * data["degree"]))
    parent = etree.SubElement(graph, f"{{{GEXF}}}edges")
    for i, (source, target, data) in enumerate(edges):
        _element(parent, "edge", data, edge_columns, id=str(i), source=source, target=target)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def graphml(net: nx.MultiDiGraph) -> bytes:
    return "\n".join(nx.generate_graphml(net, named_key_ids=True)).encode("utf-8")


def write_network(graph: Graph, path: Path, nary: str = "fold") -> str:
    """Write a .gexf or .graphml file; returns "N nodes, M edges"."""
    writers = {".gexf": gexf, ".graphml": graphml}
    if path.suffix.lower() not in writers:
        raise UsageError(f"{path}: unknown network format (use .gexf or .graphml)")
    net = network(graph, nary)
    write_atomic(path, writers[path.suffix.lower()](net))
    return f"{net.number_of_nodes()} nodes, {net.number_of_edges()} edges"
