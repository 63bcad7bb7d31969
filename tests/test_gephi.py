"""`kg export`: GEXF 1.3 valid against the official RELAX NG schema, read
back by networkx and graphology-gexf, dynamic where dates are known (Gephi's
timeline), one edge per pair and kind, weighted, no empty self-loops; and
GraphML. Text XML cannot hold is escaped, never a broken file."""
import json
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from kg.cli import main
from kg.use.gephi import COLOURS, disjoint, network, spells

JS = Path(__file__).resolve().parent / "js"
SCHEMA = Path(__file__).resolve().parent / "data" / "gexf-1.3" / "gexf.rng"  # official, CC BY 4.0 (README there)
PREFIXES = """@prefix kg: <https://w3id.org/kdrama-kg/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
"""
DATED = PREFIXES + """
<urn:rain> a kg:Song ; rdfs:label "RAIN"@en ; kg:composer <urn:ku> ; kg:lyricist <urn:ku> .
<urn:ku> a kg:Person ; rdfs:label "Ku Hye Sun"@en .
<urn:qq> a kg:Chart ; rdfs:label "QQ Music chart"@en .
<urn:e1> a kg:ChartEntry ; kg:entryOf <urn:rain> ; kg:onChart <urn:qq> ; kg:rank 3 ;
    kg:startDate "2015-04-20"^^xsd:date ; kg:endDate "2015-04-25"^^xsd:date .
<urn:e2> a kg:ChartEntry ; kg:entryOf <urn:rain> ; kg:onChart <urn:qq> ; kg:rank 1 ;
    kg:startDate "2015-04-26"^^xsd:date ; kg:endDate "2015-04-29"^^xsd:date .
<urn:e3> a kg:ChartEntry ; kg:entryOf <urn:rain> ; kg:onChart <urn:qq> ; kg:rank 2 .
<urn:a1> a kg:Article ; kg:publicationDate "2015-05-06"^^xsd:date .
<urn:v3> a kg:Evidence ; rdf:subject <urn:e3> ; rdf:predicate rdf:type ; rdf:object kg:ChartEntry ;
    prov:wasDerivedFrom <urn:a1> ; kg:sentence "RAIN is second this week." .
<urn:qot> a kg:TVSeries ; rdfs:label "Queen of Tears"@en .
<urn:nielsen> a kg:Organization ; rdfs:label "Nielsen Korea"@en .
<urn:r11> a kg:ViewershipRating ; kg:ratingOf <urn:qot> ; kg:ratingValue 19.0 ; kg:episodeNumber 11 ;
    kg:measuredBy <urn:nielsen> ; kg:startDate "2024-04-20"^^xsd:date ; kg:endDate "2024-04-20"^^xsd:date .
<urn:r12> a kg:ViewershipRating ; kg:ratingOf <urn:qot> ; kg:ratingValue 20.7 ; kg:episodeNumber 12 ;
    kg:measuredBy <urn:nielsen> ; kg:startDate "2024-04-21"^^xsd:date ; kg:endDate "2024-04-21"^^xsd:date .
<urn:r0> a kg:ViewershipRating ; kg:ratingOf <urn:qot> ; kg:ratingValue 5.5 .
"""


def schema_errors(path: Path) -> list[str]:
    schema = etree.RelaxNG(etree.parse(str(SCHEMA)))
    return [] if schema.validate(etree.parse(str(path))) else [str(e) for e in schema.error_log]


def export(tmp_path, turtle: str, name: str, *options) -> Path:
    (tmp_path / "g.ttl").write_text(turtle, encoding="utf-8")
    assert main(["export", str(tmp_path / "g.ttl"), "-o", str(tmp_path / name), *options]) == 0
    return tmp_path / name


def graphology(path: Path, dynamic=False) -> dict:
    if not shutil.which("node") or not (JS / "node_modules" / "graphology-gexf").is_dir():
        pytest.skip("node or tests/js/node_modules missing: run `make test-deps`")
    return json.loads(subprocess.run(["node", str(JS / "read_gexf.js"), str(path), *(["--dynamic"] if dynamic else [])],
                                     check=True, capture_output=True, text=True, timeout=60).stdout)


@pytest.fixture(scope="module")
def exported(seeds_ttl, tmp_path_factory):
    folder = tmp_path_factory.mktemp("gephi")
    for name, nary in (("fold.gexf", "fold"), ("nodes.gexf", "nodes"), ("fold.graphml", "fold")):
        assert main(["export", str(seeds_ttl), "-o", str(folder / name), "--nary", nary]) == 0
    (folder / "dated.ttl").write_text(DATED, encoding="utf-8")
    assert main(["export", str(folder / "dated.ttl"), "-o", str(folder / "dated.gexf")]) == 0
    return folder


@pytest.mark.parametrize("name", ["fold.gexf", "nodes.gexf", "dated.gexf"])
def test_valid_against_the_official_gexf_1_3_schema(exported, name):
    assert schema_errors(exported / name) == []
    root = etree.parse(str(exported / name)).getroot()
    assert root.tag == "{http://gexf.net/1.3}gexf" and root.get("version") == "1.3"
    for element in root.iter("{*}attvalue"):  # no Python None or list reprs leaked into values
        assert element.get("value") not in ("None",) and not element.get("value").startswith("[")


def test_the_schema_is_strict_enough_to_fail(exported, tmp_path):
    """The test's schema does reject what Gephi would: a weight that is not a number."""
    text = (exported / "dated.gexf").read_text(encoding="utf-8").replace('weight="', 'weight="x', 1)
    (tmp_path / "bad.gexf").write_text(text, encoding="utf-8")
    assert schema_errors(tmp_path / "bad.gexf")


@pytest.mark.parametrize("name", ["fold.gexf", "nodes.gexf", "dated.gexf"])
def test_every_edge_has_a_kind_and_a_weight_and_none_is_an_empty_self_loop(exported, name):
    edges = etree.parse(str(exported / name)).getroot().findall(".//{*}edge")
    assert edges
    triplets = [(e.get("source"), e.get("target"), e.get("kind")) for e in edges]
    assert all(kind for *_, kind in triplets) and len(set(triplets)) == len(triplets)  # unique, as GEXF 1.3 requires
    assert all(float(e.get("weight")) >= 1 for e in edges)
    assert not [t for t in triplets if t[0] == t[1]]


def test_parallel_edges_of_different_kinds_stay_apart(exported):
    """Gephi merges edges of one pair unless their kinds differ: composer and lyricist stay two."""
    read = nx.read_gexf(exported / "dated.gexf", version="1.3")
    kinds = sorted(d["property"] for _, t, d in read.out_edges("urn:rain", data=True) if t == "urn:ku")
    assert kinds == ["composer", "lyricist"]
    root = etree.parse(str(exported / "dated.gexf")).getroot()
    assert sorted(e.get("kind") for e in root.iter("{*}edge") if e.get("target") == "urn:ku") == ["composer", "lyricist"]


def test_chart_history_is_dynamic_for_gephis_timeline(exported):
    root = etree.parse(str(exported / "dated.gexf")).getroot()
    graph = root.find("{*}graph")
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")
    blocks = {(b.get("class"), b.get("mode")): [a.get("title") for a in b] for b in graph.findall("{*}attributes")}
    assert blocks[("edge", "dynamic")] == ["position"] and blocks[("node", "dynamic")] == ["rating"]
    (chart,) = [e for e in graph.iter("{*}edge") if e.get("kind") == "ChartEntry"]  # three entries, one edge
    assert chart.get("weight") == "3.0"
    positions = [(v.get("start"), v.get("end"), v.get("value")) for v in chart.iter("{*}attvalue")
                 if v.get("for") == "position"]
    # the undated entry holds on the day its article was published
    assert positions == [("2015-04-20", "2015-04-25", "3"), ("2015-04-26", "2015-04-29", "1"),
                         ("2015-05-06", "2015-05-06", "2")]
    assert [(s.get("start"), s.get("end")) for s in chart.iter("{*}spell")] == \
        [("2015-04-20", "2015-04-29"), ("2015-05-06", "2015-05-06")]
    read = nx.read_gexf(exported / "dated.gexf", version="1.3")
    (data,) = [d for *_, d in read.edges(data=True) if d["property"] == "ChartEntry"]
    assert data["rank"] == 1 and sorted(data["position"]) == [(1, "2015-04-26", "2015-04-29"),
                                                              (2, "2015-05-06", "2015-05-06"),
                                                              (3, "2015-04-20", "2015-04-25")]


def test_ratings_are_a_dynamic_value_of_the_series_never_a_self_loop(exported):
    read = nx.read_gexf(exported / "dated.gexf", version="1.3")
    series = read.nodes["urn:qot"]
    assert sorted(series["rating"]) == [(19.0, "2024-04-20", "2024-04-20"), (20.7, "2024-04-21", "2024-04-21")]
    assert "episode 12: 20.7%" in series["ratings"] and "5.5%" in series["ratings"]  # the undated one too
    assert not [1 for s, t in read.edges() if s == t]
    (firm,) = [d for s, t, d in read.edges(data=True) if (s, t) == ("urn:qot", "urn:nielsen")]
    assert (firm["property"], firm["weight"]) == ("measuredBy", 2.0)


def test_values_of_one_element_never_overlap_in_time():
    # a later start cuts the one before short; on one day the greater order wins
    assert disjoint([("2015-04-20", "2015-04-30", 3, -3), ("2015-04-26", "2015-04-29", 1, -1)]) == \
        [("2015-04-20", "2015-04-25", 3), ("2015-04-26", "2015-04-29", 1)]
    assert disjoint([("2015-04-20", "2015-04-20", 3, -3), ("2015-04-20", "2015-04-20", 1, -1)]) == \
        [("2015-04-20", "2015-04-20", 1)]
    assert spells([("2015-04-20", "2015-04-25"), ("2015-04-26", "2015-04-29"), ("2015-05-02", "2015-05-02")]) == \
        [("2015-04-20", "2015-04-29"), ("2015-05-02", "2015-05-02")]


def test_networkx_round_trip(seeds_graph, exported):
    expected = network(seeds_graph)
    read = nx.read_gexf(exported / "fold.gexf", version="1.3")
    assert (read.number_of_nodes(), read.number_of_edges()) == (expected.number_of_nodes(), expected.number_of_edges())
    for node, data in expected.nodes(data=True):
        got = read.nodes[node]
        assert (got["label"], got["class"], got["degree"], got["altLabels"]) == \
            (data["label"], data["class"], data["degree"], data["altLabels"])
        assert got["viz"]["color"]["r"] == int(COLOURS[data["class"]][1:3], 16)
    rain = next(n for n, d in read.nodes(data=True) if d["label"] == "RAIN" and d["class"] == "Song")
    charts = [d for _, _, d in read.out_edges(rain, data=True) if d["label"] == "chart entry"]
    assert charts and all(d["rank"] == 1 for d in charts)  # RAIN took No.1
    assert any("written by" in d["sources"] for _, _, d in read.out_edges(rain, data=True) if d["label"] == "composer")
    graphml = nx.read_graphml(exported / "fold.graphml")
    assert (graphml.number_of_nodes(), graphml.number_of_edges()) == (read.number_of_nodes(), read.number_of_edges())


def test_ratings_folded_or_kept(exported):
    fold = nx.read_gexf(exported / "fold.gexf", version="1.3")
    series = next(d for _, d in fold.nodes(data=True) if d["label"] == "Queen of Tears")
    assert "episode 12: 20.7%, nationwide, Nielsen Korea" in series["ratings"]  # Queen of Tears, ep. 12
    nodes = nx.read_gexf(exported / "nodes.gexf", version="1.3")
    assert {"ChartEntry", "ViewershipRating"} <= {d["class"] for _, d in nodes.nodes(data=True)}
    assert not {"ChartEntry", "ViewershipRating"} & {d["class"] for _, d in fold.nodes(data=True)}


def test_graphology_reads_it(seeds_graph, exported):
    expected = network(seeds_graph)
    for name in ("fold.gexf", "nodes.gexf"):
        read = graphology(exported / name)
        assert read["order"] == len(read["nodes"]) > 0 and read["size"] == len(read["edges"])
    read = graphology(exported / "fold.gexf")
    assert (read["order"], read["size"]) == (expected.number_of_nodes(), expected.number_of_edges())
    for node, data in expected.nodes(data=True):
        assert {k: read["nodes"][node][k] for k in ("label", "class", "degree")} == \
            {k: data[k] for k in ("label", "class", "degree")}
    assert all(e["attributes"]["kind"] and e["attributes"]["weight"] >= 1 for e in read["edges"])
    dated = graphology(exported / "dated.gexf", dynamic=True)
    (chart,) = [e for e in dated["edges"] if e["attributes"]["kind"] == "ChartEntry"]
    assert chart["attributes"]["rank"] == 1 and chart["attributes"]["weight"] == 3


CONTROL = PREFIXES + """
<urn:a> a kg:Person ; rdfs:label "Bell\\u0007 and\\u0001 nul\\u001F"@en ; kg:memberOf <urn:b> .
<urn:b> a kg:MusicGroup ; rdfs:label "Tab\\tand \\u000B vertical"@en .
"""


@pytest.mark.parametrize("name", ["g.gexf", "g.graphml"])
def test_control_characters_from_outside_graphs_give_valid_xml(tmp_path, name):
    path = export(tmp_path, CONTROL, name)
    root = etree.parse(str(path)).getroot()  # well-formed: lxml raises otherwise
    labels = [e.get("label") for e in root.iter("{*}node")] if name.endswith("gexf") else \
        [d.text for d in root.iter("{*}data") if d.get("key") == "label"]
    assert "Bell\\x07 and\\x01 nul\\x1f" in labels and "Tab\tand \\x0b vertical" in labels
    if name.endswith("gexf"):
        assert schema_errors(path) == []
        assert nx.read_gexf(path, version="1.3").number_of_nodes() == 2
    else:
        assert nx.read_graphml(path).number_of_nodes() == 2


def test_stdout_and_format(seeds_ttl, tmp_path, capfd):
    assert main(["export", str(seeds_ttl), "-o", "-", "--format", "gexf"]) == 0
    out, err = capfd.readouterr()
    assert out.startswith("<?xml") and "http://gexf.net/1.3" in out and "written: standard output" in err
    assert main(["export", str(seeds_ttl), "-o", str(tmp_path / "g.xml"), "--format", "graphml"]) == 0
    assert nx.read_graphml(tmp_path / "g.xml").number_of_nodes() > 0


def test_unknown_format(seeds_ttl, tmp_path, capsys):
    assert main(["export", str(seeds_ttl), "-o", str(tmp_path / "g.csv")]) == 2
    assert "gexf" in capsys.readouterr().err
