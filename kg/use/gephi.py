"""The graph as a network of entities, for Gephi (.gexf) and other tools (.graphml).

RDF is the wrong shape for network analysis: labels, classes and the
evidence are triples of their own, and chart entries and ratings are n-ary
nodes. So ``network`` makes one node per entity (label, class, alternative
labels joined as text, its literal facts, degree) and one edge per related
pair and property: its ``kind`` is the property (Gephi merges parallel edges
of one kind, so a composer and a lyricist edge stay two), its weight the
number of sentences that state it. With ``nary="fold"``:

* the chart entries of one song on one chart become one edge song -> chart
  (kind ChartEntry; weight: the entries; ``rank``: the best) whose chart
  position changes over time;
* ratings go to the series node, as a rating that changes over time, and,
  where a ratings firm is named, an edge series -> firm (kind measuredBy;
  weight: the ratings). No rating makes a self-loop.

A chart entry or rating holds from its kg:startDate to its kg:endDate, or
else on the publication date of the article that reports it. In GEXF the
graph is then dynamic (``mode="dynamic" timeformat="date"``): the chart edge
exists during its entries (spells), and ``position`` and ``rating`` are
dynamic attributes whose values carry their dates, so Gephi's timeline plays
the chart history and the ratings (docs/cli.md). Values of one element never
overlap in time (GEXF forbids it): a later one cuts the one before short.

networkx writes GEXF 1.2draft, fails on None and lists and types a column by
its first value, so ``gexf`` writes GEXF 1.3 itself with lxml: one type per
column (integer, double, boolean, else string), viz colour by class and size
by degree. Text that XML 1.0 cannot hold (control characters, from graphs
made elsewhere) is written escaped (``\\x01``), in GEXF and GraphML alike.
"""
from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import networkx as nx
from lxml import etree
from rdflib import Graph, Literal

from ..errors import UsageError
from ..export import write_atomic
from ..namespaces import KG, PROV, RDF, RDFS, SKOS
from ..vocab import ENTITY_CLASSES, LABELS, NARY_CLASSES, local_name

# One colour per class, readable on white (Gephi and the page), in the
# ontology's order of the classes; a class added to it gets the next one.
PALETTE = ("#e6194b", "#f58231", "#3cb44b", "#008080", "#4363d8", "#911eb4", "#9a6324", "#f032e6", "#808000",
           "#800000", "#469990", "#bcbd22", "#17becf", "#aaffc3", "#ffd8b1", "#000075", "#a9a9a9")
COLOURS = dict(zip(ENTITY_CLASSES + NARY_CLASSES, PALETTE))
GEXF = "http://gexf.net/1.3"
VIZ = "http://gexf.net/1.3/viz"
# What XML 1.0 cannot hold: C0 controls but tab, newline and carriage return; surrogates; U+FFFE, U+FFFF.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
HISTORY = "_history"  # (start, end, value) of a dynamic attribute: chart position (edges), rating (nodes)
SPELLS = "_spells"    # when a chart edge exists


def xml_text(value):
    """``value`` with every character XML cannot hold written as an escape."""
    if not isinstance(value, str):
        return value
    return NOT_XML.sub(lambda m: m[0].encode("unicode_escape", "backslashreplace").decode("ascii"), value)


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
    return value if isinstance(value, (int, float, bool)) else xml_text(str(literal))


def _day(value) -> str | None:
    text = str(value) if value is not None else ""
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        return None


def reported_on(graph: Graph) -> dict:
    """The date each n-ary node was reported on: the publication date of the
    (earliest) article whose evidence reports it."""
    dates = {}
    for e in graph.subjects(RDF.type, KG.Evidence):
        if graph.value(e, RDF.predicate) == RDF.type:
            day = _day(graph.value(graph.value(e, PROV.wasDerivedFrom), KG.publicationDate))
            node = graph.value(e, RDF.subject)
            if day and (node not in dates or day < dates[node]):
                dates[node] = day
    return dates


def disjoint(values: list[tuple]) -> list[tuple]:
    """(start, end, value, order) intervals as GEXF wants them: by start,
    none overlapping. Where two overlap, the later start (and, on the same
    day, the greater ``order``) wins from its start on; the earlier one ends
    the day before, or goes."""
    kept: list[list] = []
    for start, end, value, _ in sorted(values, key=lambda v: (v[0], v[3])):
        while kept and kept[-1][1] >= start:
            previous = kept.pop()
            cut = (date.fromisoformat(start) - timedelta(days=1)).isoformat()
            if cut >= previous[0]:
                kept.append([previous[0], cut, previous[2]])
                break
        kept.append([start, max(end, start), value])
    return [tuple(v) for v in kept]


def spells(values: list[tuple]) -> list[tuple]:
    """The union of intervals, merged where they touch or overlap."""
    merged: list[list] = []
    for start, end, *_ in sorted(values):
        if merged and start <= (date.fromisoformat(merged[-1][1]) + timedelta(days=1)).isoformat():
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [tuple(s) for s in merged]


def network(graph: Graph, nary: str = "fold") -> nx.MultiDiGraph:
    labels, sources = LABELS, evidence_index(graph)
    keep = {cls for cls in COLOURS if nary == "nodes" or cls not in NARY_CLASSES}
    net = nx.MultiDiGraph()
    for node, cls in graph.subject_objects(RDF.type):
        if str(cls).startswith(str(KG)) and local_name(cls) in keep:
            net.add_node(xml_text(str(node)), label=xml_text(str(graph.value(node, RDFS.label) or node)),
                         **{"class": local_name(cls)},
                         altLabels=xml_text("; ".join(sorted(map(str, graph.objects(node, SKOS.altLabel))))))
    folded = {node: {} for cls in (KG.ChartEntry, KG.ViewershipRating) for node in graph.subjects(RDF.type, cls)
              if xml_text(str(node)) not in net}
    edges = {}  # (source, target, kind) -> data: one edge per pair and kind
    for s, p, o in graph:
        if not str(p).startswith(str(KG)) or p == KG.mentions:
            continue
        s_id, o_id = xml_text(str(s)), xml_text(str(o))
        if s in folded:
            folded[s][local_name(p)] = _value(o) if isinstance(o, Literal) else o_id
        elif s_id in net and isinstance(o, Literal):
            net.nodes[s_id][local_name(p)] = _value(o)
        elif s_id in net and o_id in net:
            said = sorted(xml_text(t) for t in sources.get((s, p, o), ()))
            edges[(s_id, o_id, local_name(p))] = {"label": labels.get(p, local_name(p)), "property": local_name(p),
                                                  "sources": " | ".join(said), "weight": max(1, len(said))}
    _fold(graph, folded, net, edges, sources)
    for (source, target, kind), data in sorted(edges.items()):
        net.add_edge(source, target, key=kind, **data)
    for node, degree in net.degree():
        net.nodes[node]["degree"] = degree
    return net


def _fold(graph: Graph, folded: dict, net: nx.MultiDiGraph, edges: dict, sources: dict) -> None:
    """Chart entries into chart edges, ratings into their series (and an
    edge to the firm): see the module's docstring."""
    reported = reported_on(graph)
    charts, ratings, firms = defaultdict(list), defaultdict(list), defaultdict(list)
    for node, facts in sorted(folded.items()):
        cls = graph.value(node, RDF.type)
        start = _day(facts.get("startDate")) or reported.get(node)
        end = _day(facts.get("endDate")) or start
        said = sorted(xml_text(t) for t in sources.get((node, RDF.type, cls), ()))
        if cls == KG.ChartEntry:
            song, chart = facts.get("entryOf"), facts.get("onChart")
            if song in net and chart in net and isinstance(facts.get("rank"), int):
                charts[(song, chart)].append((start, end, facts["rank"], said))
        elif facts.get("ratingOf") in net and isinstance(facts.get("ratingValue"), (int, float)):
            series = facts["ratingOf"]
            ratings[series].append((start, end, facts["ratingValue"], facts.get("episodeNumber"),
                                    facts.get("ratingScope"), net.nodes[facts["measuredBy"]]["label"]
                                    if facts.get("measuredBy") in net else None))
            if facts.get("measuredBy") in net:
                firms[(series, facts["measuredBy"])].append(said)
    for (song, chart), entries in charts.items():
        dated = [(s, e, rank, -rank) for s, e, rank, _ in entries if s]  # on one day, the best rank wins
        said = sorted({t for *_, texts in entries for t in texts})
        data = {"label": LABELS[KG.ChartEntry], "property": "ChartEntry", "sources": " | ".join(said),
                "weight": len(entries), "rank": min(rank for _, _, rank, _ in entries), "entries": len(entries)}
        if dated:
            data[HISTORY] = disjoint(dated)
            if len(dated) == len(entries):  # every entry has a date: the edge exists when they held
                data[SPELLS] = spells(dated)
        edges[(song, chart, "ChartEntry")] = data
    for series, values in ratings.items():
        def text(v):
            return (f"{'episode ' + str(v[3]) + ': ' if v[3] else ''}{v[2]:g}%"
                    + "".join(f", {x}" for x in (v[4], v[5]) if x) + (f" ({v[0]})" if v[0] else ""))
        net.nodes[series]["ratings"] = "; ".join(text(v) for v in sorted(values, key=lambda v: (v[0] or "", v[3] or 0)))
        dated = [(s, e, value, episode or 0) for s, e, value, episode, *_ in values if s]  # one day: the last episode
        if dated:
            net.nodes[series][HISTORY] = disjoint(dated)
    for (series, firm), said in firms.items():
        texts = sorted({t for texts in said for t in texts})
        edges[(series, firm, "measuredBy")] = {"label": LABELS[KG.measuredBy], "property": "measuredBy",
                                               "sources": " | ".join(texts), "weight": len(said)}


def _column_type(values) -> str:
    kinds = {type(v) for v in values}
    for kind, name in ((bool, "boolean"), (int, "integer")):
        if kinds == {kind}:
            return name
    return "double" if kinds <= {int, float} else "string"


def _text(value) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def _columns(items: list) -> dict:
    """name -> (id, type) of the static columns (id = title: readers differ)."""
    values = defaultdict(list)
    for data in items:
        for name, value in data.items():
            if name not in ("label", "weight") and not name.startswith("_") and value is not None:
                values[name].append(value)
    return {name: (name, _column_type(vs)) for name, vs in sorted(values.items())}


def _declare(parent, cls: str, columns: dict, dynamic: dict) -> None:
    """The attribute blocks of a class: the dynamic one first, then the
    static one (graphology-gexf reads only the last block of a class)."""
    if dynamic:
        block = etree.SubElement(parent, f"{{{GEXF}}}attributes", {"class": cls, "mode": "dynamic"})
        for key, kind in dynamic.items():
            etree.SubElement(block, f"{{{GEXF}}}attribute", id=key, title=key, type=kind)
    block = etree.SubElement(parent, f"{{{GEXF}}}attributes", {"class": cls, "mode": "static"})
    for name, (key, kind) in columns.items():
        etree.SubElement(block, f"{{{GEXF}}}attribute", id=key, title=name, type=kind)


def _element(parent, tag: str, data: dict, columns: dict, dynamic: str | None, **attrs):
    element = etree.SubElement(parent, f"{{{GEXF}}}{tag}", label=data["label"], **attrs)
    values = etree.SubElement(element, f"{{{GEXF}}}attvalues")
    for name, (key, kind) in columns.items():
        if data.get(name) is not None:
            etree.SubElement(values, f"{{{GEXF}}}attvalue", {"for": key, "value": _text(data[name])})
    for start, end, value in data.get(HISTORY, ()):
        etree.SubElement(values, f"{{{GEXF}}}attvalue", {"for": dynamic, "value": _text(value), "start": start,
                                                          "end": end})
    if data.get(SPELLS):
        block = etree.SubElement(element, f"{{{GEXF}}}spells")
        for start, end in data[SPELLS]:
            etree.SubElement(block, f"{{{GEXF}}}spell", start=start, end=end)
    return element


def gexf(net: nx.MultiDiGraph) -> bytes:
    root = etree.Element(f"{{{GEXF}}}gexf", nsmap={None: GEXF, "viz": VIZ}, version="1.3")
    etree.SubElement(etree.SubElement(root, f"{{{GEXF}}}meta"), f"{{{GEXF}}}creator").text = "kg (kdrama-kg)"
    nodes = sorted(net.nodes(data=True))
    edges = sorted(net.edges(keys=True, data=True))
    node_history = any(HISTORY in data for _, data in nodes)
    edge_history = any(HISTORY in data for *_, data in edges)
    graph = etree.SubElement(root, f"{{{GEXF}}}graph", defaultedgetype="directed",
                             **({"mode": "dynamic", "timeformat": "date"} if node_history or edge_history else {}))
    node_columns = _columns([data for _, data in nodes])
    edge_columns = _columns([data for *_, data in edges])
    _declare(graph, "node", node_columns, {"rating": "double"} if node_history else {})
    _declare(graph, "edge", edge_columns, {"position": "integer"} if edge_history else {})
    parent = etree.SubElement(graph, f"{{{GEXF}}}nodes", count=str(len(nodes)))
    for node, data in nodes:
        element = _element(parent, "node", data, node_columns, "rating", id=node)
        colour = COLOURS.get(data["class"], "#999999")
        r, g, b = (str(int(colour[i:i + 2], 16)) for i in (1, 3, 5))
        etree.SubElement(element, f"{{{VIZ}}}color", r=r, g=g, b=b)
        etree.SubElement(element, f"{{{VIZ}}}size", value=str(4 + 2 * data["degree"]))
    parent = etree.SubElement(graph, f"{{{GEXF}}}edges", count=str(len(edges)))
    for i, (source, target, kind, data) in enumerate(edges):
        _element(parent, "edge", data, edge_columns, "position", id=str(i), source=source, target=target, kind=kind,
                 weight=str(float(data.get("weight", 1))))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def graphml(net: nx.MultiDiGraph) -> bytes:
    """GraphML by networkx, without the dynamic values (GraphML has no time)."""
    plain = nx.MultiDiGraph()
    plain.add_nodes_from((n, {k: v for k, v in d.items() if not k.startswith("_")}) for n, d in net.nodes(data=True))
    plain.add_edges_from((s, t, k, {a: v for a, v in d.items() if not a.startswith("_")})
                         for s, t, k, d in net.edges(keys=True, data=True))
    return "\n".join(nx.generate_graphml(plain, named_key_ids=True)).encode("utf-8")


WRITERS = {"gexf": gexf, "graphml": graphml}


def network_bytes(graph: Graph, kind: str, nary: str = "fold", name: str = "output") -> tuple[bytes, str]:
    """The network as ``kind`` ("gexf" or "graphml"), and "N nodes, M edges"."""
    if kind not in WRITERS:
        raise UsageError(f"{name}: unknown network format (use .gexf or .graphml, or --format gexf|graphml)")
    net = network(graph, nary)
    return WRITERS[kind](net), f"{net.number_of_nodes()} nodes, {net.number_of_edges()} edges"


def write_network(graph: Graph, path: Path, nary: str = "fold") -> str:
    """Write a .gexf or .graphml file; returns "N nodes, M edges"."""
    data, count = network_bytes(graph, path.suffix.lower().lstrip("."), nary, str(path))
    write_atomic(path, data)
    return count
