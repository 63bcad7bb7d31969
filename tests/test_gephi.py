"""`kg export`: GEXF 1.3 and GraphML that networkx and graphology-gexf read back."""
import json
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from kg.cli import main
from kg.use.gephi import COLOURS, network

JS = Path(__file__).resolve().parent / "js"
DATED = """@prefix kg: <https://w3id.org/kdrama-kg/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<urn:rain> a kg:Song ; rdfs:label "RAIN"@en . <urn:qq> a kg:Chart ; rdfs:label "QQ Music chart"@en .
<urn:e1> a kg:ChartEntry ; kg:entryOf <urn:rain> ; kg:onChart <urn:qq> ; kg:rank "3"^^xsd:integer ;
    kg:startDate "2015-04-20"^^xsd:date ; kg:endDate "2015-04-25"^^xsd:date .
<urn:e2> a kg:ChartEntry ; kg:entryOf <urn:rain> ; kg:onChart <urn:qq> ; kg:rank "1"^^xsd:integer ;
    kg:startDate "2015-04-26"^^xsd:date ; kg:endDate "2015-04-29"^^xsd:date .
"""


@pytest.fixture(scope="module")
def exported(seeds_ttl, tmp_path_factory):
    folder = tmp_path_factory.mktemp("gephi")
    for name, nary in (("fold.gexf", "fold"), ("nodes.gexf", "nodes"), ("fold.graphml", "fold")):
        assert main(["export", str(seeds_ttl), "-o", str(folder / name), "--nary", nary]) == 0
    return folder


def test_gexf_is_well_formed_1_3(exported):
    root = etree.parse(str(exported / "fold.gexf")).getroot()
    assert root.tag == "{http://gexf.net/1.3}gexf" and root.get("version") == "1.3"
    for element in root.iter("{*}attvalue"):  # no Python None or list reprs leaked into values
        assert element.get("value") not in ("None",) and not element.get("value").startswith("[")


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
    ratings = [d for *_, d in fold.edges(data=True) if d["label"] == "viewership rating"]
    assert any(d["ratingValue"] == 20.7 and d["episodeNumber"] == 12 for d in ratings)  # Queen of Tears, ep. 12
    nodes = nx.read_gexf(exported / "nodes.gexf", version="1.3")
    assert {"ChartEntry", "ViewershipRating"} <= {d["class"] for _, d in nodes.nodes(data=True)}
    assert not {"ChartEntry", "ViewershipRating"} & {d["class"] for _, d in fold.nodes(data=True)}


def test_chart_positions_over_time(tmp_path):
    (tmp_path / "g.ttl").write_text(DATED)
    main(["export", str(tmp_path / "g.ttl"), "-o", str(tmp_path / "g.gexf")])
    root = etree.parse(str(tmp_path / "g.gexf")).getroot()
    assert root.find("{*}graph").get("mode") == "dynamic"
    spells = sorted((v.get("start"), v.get("end"), v.get("value")) for v in root.iter("{*}attvalue") if v.get("start"))
    assert spells == [("2015-04-20", "2015-04-25", "3"), ("2015-04-26", "2015-04-29", "1")]
    read = nx.read_gexf(tmp_path / "g.gexf", version="1.3")
    assert sorted(d["rank"] for *_, d in read.edges(data=True)) == [1, 3]


def test_graphology_reads_it(seeds_graph, exported, tmp_path):
    if not shutil.which("node") or not (JS / "node_modules" / "graphology-gexf").is_dir():
        pytest.skip("node or tests/js/node_modules missing: run `make test-deps`")
    expected = network(seeds_graph)
    (tmp_path / "g.ttl").write_text(DATED)
    main(["export", str(tmp_path / "g.ttl"), "-o", str(tmp_path / "dated.gexf")])
    for path in (exported / "fold.gexf", exported / "nodes.gexf", tmp_path / "dated.gexf"):
        read = json.loads(subprocess.run(["node", str(JS / "read_gexf.js"), str(path)], check=True,
                                         capture_output=True, text=True, timeout=60).stdout)
        assert read["order"] == len(read["nodes"]) > 0 and read["size"] == len(read["edges"])
    read = json.loads(subprocess.run(["node", str(JS / "read_gexf.js"), str(exported / "fold.gexf")],
                                     check=True, capture_output=True, text=True, timeout=60).stdout)
    assert (read["order"], read["size"]) == (expected.number_of_nodes(), expected.number_of_edges())
    for node, data in expected.nodes(data=True):
        assert {k: read["nodes"][node][k] for k in ("label", "class", "degree")} == \
            {k: data[k] for k in ("label", "class", "degree")}


def test_unknown_format(seeds_ttl, tmp_path, capsys):
    assert main(["export", str(seeds_ttl), "-o", str(tmp_path / "g.csv")]) == 1
    assert "gexf" in capsys.readouterr().err
