"""Turtle names the graph's nodes with prefixes (kgr: and one per collection
under it), and JSON-LD uses the shipped, reusable context (kg/context.jsonld)."""
import json
import re

import pyoxigraph
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.export import CONTEXT_PATH, jsonld_context, serialize, write_graph
from kg.namespaces import COLLECTIONS, KGR


def test_turtle_binds_kgr_and_writes_no_entity_iri_in_full(seeds_build, tmp_path):
    out = tmp_path / "graph.ttl"
    seeds_build.graph.write(out)  # the build's own Turtle writer (pyoxigraph)
    text = out.read_text(encoding="utf-8")
    assert f"@prefix kgr: <{KGR}> ." in text
    assert f"@prefix song: <{COLLECTIONS['song']}> ." in text
    assert str(KGR) not in text.split("\n", len(re.findall("@prefix", text)))[-1]  # only in the @prefix lines
    assert re.search(r"^song:rain_\w+ a kg:Song ;", text, re.MULTILINE)
    assert isomorphic(Graph().parse(out), seeds_build.graph.rdflib())


def test_rdflib_turtle_uses_the_same_prefixes(seeds_graph, tmp_path):
    write_graph(seeds_graph, tmp_path / "g.ttl")
    text = (tmp_path / "g.ttl").read_text(encoding="utf-8")
    assert f"@prefix person: <{COLLECTIONS['person']}> ." in text  # rdflib writes the prefixes it uses
    assert f"<{KGR}" not in "".join(line for line in text.splitlines() if not line.startswith("@prefix"))


def test_the_shipped_context_is_the_ontologys():
    """kg/context.jsonld is made from the ontology (`python -m kg.export`);
    a term added to the ontology must reach it."""
    assert json.loads(CONTEXT_PATH.read_text(encoding="utf-8")) == {"@context": jsonld_context()}


def test_json_ld_uses_the_context_and_round_trips(seeds_graph):
    data = json.loads(serialize(seeds_graph, "json-ld"))
    assert data["@context"] == jsonld_context()
    song = next(node for node in data["@graph"] if node.get("@type") == "Song" and node.get("label") == "RAIN")
    assert all(key in ("@id", "@type", "label", "altLabel", "performer", "composer", "lyricist", "inAlbum",
                       "soundtrackOf", "releaseDate", "trackNumber", "streamCount") for key in song)
    entry = next(node for node in data["@graph"] if node.get("@type") == "ChartEntry")
    assert isinstance(entry["rank"], (str, int))  # coerced by the context: no {"@type": ...} object
    text = json.dumps(data)
    assert isomorphic(Graph().parse(data=text, format="json-ld"), seeds_graph)
    quads = list(pyoxigraph.parse(text.encode(), format=pyoxigraph.RdfFormat.JSON_LD))
    assert len(quads) == len(seeds_graph)
