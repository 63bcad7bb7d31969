"""`kg view`: the graph as one self-contained, interactive HTML page.

The page must open anywhere, offline and years later, so it loads nothing:
the drawing library (vis-network's standalone build, shipped pinned in
kg/use/static/ with its licences) and the data are inlined. It shows the same network as the Gephi export (``gephi.network``):
nodes coloured by class with a legend, sized by degree; a search box finds
entities by name or alternative name; clicking a node lists its facts with
the sentences they came from (``page.html#RAIN`` opens with RAIN's). When
the script has drawn the graph it sets
``data-nodes`` on <body> to the number of nodes drawn (the tests read it),
and ``data-errors`` on <html> counts script errors.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from ..errors import KgError
from ..export import write_atomic
from ..namespaces import KG
from ..vocab import LABELS, local_name
from .gephi import COLOURS, evidence_index, network

HERE = Path(__file__).resolve().parent
VIS_NETWORK = HERE / "static" / "vis-network.min.js"  # see static/README.md
VIS_NETWORK_VERSION = "10.1.2"
VIS_NETWORK_SHA256 = "fc674cfa6cceb27a3b40ff4ea75c204a2d8570fb39b9a627127cf7039e141ad4"
TEMPLATE = HERE / "view.html"


def page_data(graph: Graph) -> dict:
    """Nodes, edges and, per node, its facts as (property, value, target
    node or None, source sentences)."""
    net, sources = network(graph), evidence_index(graph)
    facts = {node: [] for node in net}
    for node in net:
        for p, o in graph.predicate_objects(URIRef(node)):
            if isinstance(o, Literal) and str(p).startswith(str(KG)):
                facts[node].append((LABELS.get(p, local_name(p)), str(o), None, sorted(sources.get((URIRef(node), p, o), ()))))
    for source, target, data in net.edges(data=True):
        details = "".join(f", {key} {value}" for key, value in sorted(data.items())
                          if key not in ("label", "property", "sources", "weight") and not key.startswith("_"))
        sentences = data["sources"].split(" | ") if data["sources"] else []
        facts[source].append((data["label"], net.nodes[target]["label"] + details, target, sentences))
        if target != source:
            facts[target].append((f"{data['label']} of", net.nodes[source]["label"] + details, source, sentences))
    return {
        "colours": COLOURS,
        "nodes": [{"id": n, "label": d["label"], "class": d["class"], "altLabels": d["altLabels"],
                   "degree": d["degree"], "facts": sorted(facts[n], key=lambda f: (f[0], f[1]))}
                  for n, d in sorted(net.nodes(data=True))],
        "edges": [{"from": s, "to": t, "label": d["label"]} for s, t, d in sorted(net.edges(data=True),
                                                                                  key=lambda e: (e[0], e[1], e[2]["label"]))],
    }


def render(data: dict) -> str:
    """Inline the library and the data. JSON with "<" escaped cannot close
    its <script>; the pinned library is checked to contain no "</script"."""
    library = VIS_NETWORK.read_text(encoding="utf-8")
    if re.search(r"</script|<!--", library, re.IGNORECASE):
        raise KgError(f"{VIS_NETWORK} cannot be inlined in a <script> element")
    # the data first: the library's marker comes earlier, so it is the one replaced next
    return (TEMPLATE.read_text(encoding="utf-8")
            .replace("/*DATA*/", json.dumps(data, ensure_ascii=False).replace("<", "\\u003c"), 1)
            .replace("/*LIBRARY*/", library, 1))


def page(graph: Graph) -> tuple[bytes, int]:
    """The page, and the number of nodes on it."""
    data = page_data(graph)
    return render(data).encode("utf-8"), len(data["nodes"])


def write_page(graph: Graph, path: Path) -> int:
    """Write the page; returns the number of nodes."""
    html, count = page(graph)
    write_atomic(path, html)
    return count
