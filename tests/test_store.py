"""`kg load` into an embedded store and, over HTTP, into a real Oxigraph
server; every example query must give the same rows everywhere."""
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from kg.cli import main
from kg.namespaces import KG, RDF
from kg.use.query import read_query, run, table

QUERIES = sorted((Path(__file__).resolve().parent.parent / "queries").glob("*.rq"))
OXIGRAPH = Path(sys.executable).parent / "oxigraph"


def answers(source):
    return {q.name: table(run(source, read_query(str(q)))) for q in QUERIES}


def test_load_store_then_query(seeds_ttl, tmp_path, capsys):
    store = tmp_path / "store"
    for _ in range(2):  # loading again replaces, never duplicates
        assert main(["load", str(seeds_ttl), "--store", str(store)]) == 0
    assert "loaded:" in capsys.readouterr().out
    assert answers(store) == answers(seeds_ttl)
    assert main(["query", "--store", str(store), "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "--format", "csv"]) == 0
    from rdflib import Graph
    assert capsys.readouterr().out.split()[-1] == str(len(Graph().parse(seeds_ttl)))


def test_load_into_named_graph(seeds_ttl, tmp_path):
    store = tmp_path / "store"
    main(["load", str(seeds_ttl), "--store", str(store), "--graph", "urn:kg:seeds"])
    assert table(run(store, "SELECT ?g { GRAPH ?g { ?s a kg:Song } } GROUP BY ?g"))[1] == [("<urn:kg:seeds>",)]
    assert not table(run(store, "SELECT * { ?s a kg:Song }"))[1]


def test_load_needs_one_target(seeds_ttl, capsys):
    assert main(["load", str(seeds_ttl)]) == 1
    assert "one of" in capsys.readouterr().err


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory):
    if not OXIGRAPH.exists():
        pytest.skip("the oxigraph server (PyPI package oxigraph) is not installed in the venv")
    port = free_port()
    folder = tmp_path_factory.mktemp("oxigraph")
    server = subprocess.Popen([str(OXIGRAPH), "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):  # at most ~10 s
            try:
                if requests.get(url, timeout=1).ok:
                    break
            except requests.ConnectionError:
                time.sleep(0.1)
        else:
            pytest.fail(f"oxigraph did not start: {server.stderr.read1().decode()}")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


def test_endpoint_round_trip(oxigraph_server, seeds_graph, seeds_ttl, tmp_path, capsys, monkeypatch):
    from kg.export import write_graph

    monkeypatch.setenv("KG_ENDPOINT_USER", "fan")  # Oxigraph ignores them; they must not leak into output
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", "s3cret-pw")
    nq = tmp_path / "graph.nq"  # with one named graph per article
    write_graph(seeds_graph, nq)
    assert main(["load", str(nq), "--endpoint", f"{oxigraph_server}/store"]) == 0
    assert main(["load", str(nq), "--endpoint", f"{oxigraph_server}/store"]) == 0  # replaces
    assert answers(f"{oxigraph_server}/query") == answers(seeds_ttl)
    named = table(run(f"{oxigraph_server}/query", "SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g { ?s ?p ?o } }"))[1]
    articles = set(seeds_graph.subjects(RDF.type, KG.Article))
    assert named == [(str(len(articles)),)]  # one named graph per article
    assert main(["query", f"{oxigraph_server}/query", "ASK { ?s a kg:Song }"]) == 0
    assert "s3cret" not in capsys.readouterr().out
    assert main(["query", f"{oxigraph_server}/query", "SELECT WHERE"]) == 1
    err = capsys.readouterr().err
    assert "HTTP 400" in err and "s3cret" not in err


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own TriG/N-Quads code
def test_build_formats(seeds_graph, tmp_path):
    """.nt, .jsonld, .nq and .trig hold the same graph (the quad formats in
    their default graph, plus one named graph per article), byte-stable."""
    from rdflib import Dataset, Graph
    from rdflib.compare import isomorphic

    from kg.export import serialize, write_graph

    articles = set(seeds_graph.subjects(RDF.type, KG.Article))
    for suffix, fmt in ((".nt", "nt"), (".jsonld", "json-ld"), (".nq", "nquads"), (".trig", "trig")):
        path = tmp_path / f"graph{suffix}"
        write_graph(seeds_graph, path)
        assert path.read_bytes() == serialize(seeds_graph, fmt)
        if fmt in ("nquads", "trig"):
            dataset = Dataset().parse(path, format=fmt)
            assert isomorphic(dataset.default_graph, seeds_graph)
            assert {g.identifier for g in dataset.graphs()} - {dataset.default_graph.identifier} == articles
        else:
            assert isomorphic(Graph().parse(path, format=fmt), seeds_graph)
