"""`kg load` into an embedded store and into real servers on 127.0.0.1:
Oxigraph (`oxigraph serve`, with and without the union default graph) and
small servers written here that misbehave on purpose (slow, silent, huge
error pages, headers echoed back, 200 with the wrong body)."""
import base64
import http.server
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyoxigraph
import pytest
import requests
from rdflib import Graph

from kg.cli import main
from kg.export import write_graph
from kg.namespaces import ENTITIES_GRAPH, KG, MANIFEST_GRAPH, RDF
from kg.use import http as kg_http
from kg.use.query import read_query, run, table

QUERIES = sorted((Path(__file__).resolve().parent.parent / "queries").glob("*.rq"))
OXIGRAPH = Path(sys.executable).parent / "oxigraph"


def answers(source):
    return {q.name: table(run(source, read_query(str(q)))) for q in QUERIES}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def oxigraph(tmp_path):
    """Start `oxigraph serve` (in memory, or on a folder) on 127.0.0.1; returns its base URL."""
    if not OXIGRAPH.exists():
        pytest.skip("the oxigraph server (PyPI package oxigraph) is not installed in the venv")
    servers = []

    def start(*options, location=None):
        port = free_port()
        where = ["--location", str(location)] if location else []
        server = subprocess.Popen([str(OXIGRAPH), "serve", *where, "--bind", f"127.0.0.1:{port}", *options],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        servers.append(server)
        url = f"http://127.0.0.1:{port}"
        for _ in range(100):  # at most ~10 s
            try:
                if requests.get(url, timeout=1).ok:
                    return url
            except requests.ConnectionError:
                time.sleep(0.1)
        pytest.fail(f"oxigraph did not start: {server.stderr.read1().decode()}")

    yield start
    for server in servers:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def seeds_nq(seeds_graph, tmp_path_factory):
    path = tmp_path_factory.mktemp("nq") / "graph.nq"
    write_graph(seeds_graph, path)
    return path


def without_article(seeds_nq: Path, tmp_path: Path) -> tuple[Path, str]:
    """The seeds' N-Quads as a build without one article would give them (the
    article's named graph and manifest line gone)."""
    lines = seeds_nq.read_text(encoding="utf-8").splitlines(keepends=True)
    article = sorted({line.split()[-2] for line in lines if f"<{KG.Article}>" in line and line.count("<") == 4})[0]
    kept = [line for line in lines if not line.rstrip(" .\n").endswith(article) and article not in line.split()[2:3]]
    path = tmp_path / "smaller.nq"
    path.write_text("".join(kept), encoding="utf-8")
    return path, article.strip("<>")


def graphs_in(url: str) -> set[str]:
    rows = table(run(f"{url}/query", "SELECT DISTINCT (STR(?g) AS ?iri) { GRAPH ?g { ?s ?p ?o } }"))[1]
    return {f"<{row[0]}>" for row in rows}


def test_load_store_then_query(seeds_ttl, tmp_path, capsys):
    store = tmp_path / "store"
    for _ in range(2):  # loading again replaces, never duplicates
        assert main(["load", str(seeds_ttl), "--store", str(store)]) == 0
    assert "loaded:" in capsys.readouterr().out
    assert answers(store) == answers(seeds_ttl)
    assert main(["query", "--store", str(store), "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "--format", "csv"]) == 0
    assert capsys.readouterr().out.split()[-1] == str(len(Graph().parse(seeds_ttl)))


def test_load_into_named_graph(seeds_ttl, tmp_path):
    store = tmp_path / "store"
    main(["load", str(seeds_ttl), "--store", str(store), "--graph", "urn:kg:seeds"])
    assert table(run(store, "SELECT ?g { GRAPH ?g { ?s a kg:Song } } GROUP BY ?g"))[1] == [("<urn:kg:seeds>",)]
    assert not table(run(store, "SELECT * { ?s a kg:Song }"))[1]


def test_the_local_store_removes_the_graphs_of_articles_that_are_gone(seeds_nq, tmp_path, capsys):
    store = tmp_path / "store"
    assert main(["load", str(seeds_nq), "--store", str(store)]) == 0
    smaller, article = without_article(seeds_nq, tmp_path)
    assert main(["load", str(smaller), "--store", str(store)]) == 0
    assert "1 graph(s) of articles that are gone removed" in capsys.readouterr().out
    named = {row[0] for row in table(run(store, "SELECT DISTINCT (STR(?g) AS ?i) { GRAPH ?g { ?s ?p ?o } }"))[1]}
    assert article not in named and str(MANIFEST_GRAPH) in named


@pytest.mark.parametrize("union", [False, True], ids=["stored default graph", "union default graph"])
def test_one_layout_answers_in_both_query_modes(oxigraph, seeds_nq, seeds_ttl, seeds_graph, union, capsys):
    """The example queries give the Turtle file's rows from Oxigraph with and
    without --union-default-graph (Fuseki/TDB2's unionDefaultGraph is the
    same setting), after one SPARQL Update request. (Oxigraph's union counts
    a triple once per graph that holds it: the examples ask for DISTINCT rows.)"""
    url = oxigraph(*(["--union-default-graph"] if union else []))
    assert main(["load", str(seeds_nq), "--endpoint", f"{url}/update"]) == 0
    assert "one transaction" in capsys.readouterr().out
    expected = answers(seeds_ttl)
    assert all(rows for _, rows in expected.values())
    assert answers(f"{url}/query") == expected
    articles = {f"<{a}>" for a in seeds_graph.subjects(RDF.type, KG.Article)}
    named = graphs_in(url)
    assert articles <= named and named - articles == {f"<{MANIFEST_GRAPH}>", f"<{ENTITIES_GRAPH}>"}
    # every triple is also in a named graph: the union of the article graphs and the entities graph is the graph
    count = f"SELECT (COUNT(*) AS ?n) {{ SELECT DISTINCT ?s ?p ?o {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{MANIFEST_GRAPH}>) }} }}"
    assert table(run(f"{url}/query", count))[1] == [(str(len(seeds_graph)),)]


@pytest.mark.parametrize("path", ["/update", "/store"], ids=["SPARQL Update", "Graph Store Protocol fallback"])
def test_reload_removes_the_graphs_of_articles_that_are_gone(oxigraph, seeds_nq, tmp_path, path, capsys):
    url = oxigraph()
    assert main(["load", str(seeds_nq), "--endpoint", url + path]) == 0
    smaller, article = without_article(seeds_nq, tmp_path)
    assert f"<{article}>" in graphs_in(url)
    assert main(["load", str(smaller), "--endpoint", url + path]) == 0
    out = capsys.readouterr().out
    assert ("not atomic" in out) == (path == "/store")
    assert f"<{article}>" not in graphs_in(url)
    named = {str(q.graph_name) for q in pyoxigraph.parse(path=str(smaller), format=pyoxigraph.RdfFormat.N_QUADS)
             if not isinstance(q.graph_name, pyoxigraph.DefaultGraph)}
    assert graphs_in(url) == named


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's N-Quads parser
def test_a_store_dump_still_conforms(oxigraph, seeds_nq, tmp_path, capsys):
    """Oxigraph keeps xsd:integer as it is (it stored xsd:positiveInteger as
    xsd:integer, and the dump then broke the shapes)."""
    url = oxigraph()
    assert main(["load", str(seeds_nq), "--endpoint", f"{url}/update"]) == 0
    dump = tmp_path / "dump.nq"
    dump.write_bytes(requests.get(f"{url}/store", headers={"Accept": "application/n-quads"}, timeout=60).content)
    default = tmp_path / "default.nt"
    default.write_bytes(pyoxigraph.serialize(
        [q.triple for q in pyoxigraph.parse(path=str(dump), format=pyoxigraph.RdfFormat.N_QUADS)
         if isinstance(q.graph_name, pyoxigraph.DefaultGraph)], format=pyoxigraph.RdfFormat.N_TRIPLES))
    capsys.readouterr()
    assert main(["validate", str(default)]) == 0, capsys.readouterr().out
    assert capsys.readouterr().out.startswith("Conforms")
    assert main(["validate", str(dump)]) == 0  # with the named graphs merged in: the same triples


# --- failures: one line each, the documented status, nothing left behind -------------------------------------

def one_line_error(capsys) -> str:
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    return err


def test_store_given_a_file(seeds_ttl, tmp_path, capsys):
    (tmp_path / "file").write_text("x")
    assert main(["load", str(seeds_ttl), "--store", str(tmp_path / "file")]) == 2
    assert "is a file, not a store folder" in one_line_error(capsys)


def test_store_locked_by_a_server(oxigraph, seeds_ttl, tmp_path, capsys):
    oxigraph(location=tmp_path / "served")
    assert main(["load", str(seeds_ttl), "--store", str(tmp_path / "served")]) == 5
    assert "in use by another process" in one_line_error(capsys)


@pytest.mark.parametrize("iri", ["not an iri", "no-scheme", "http://x/<>"])
def test_graph_that_is_not_an_iri(seeds_ttl, tmp_path, capsys, iri):
    assert main(["load", str(seeds_ttl), "--store", str(tmp_path / "new"), "--graph", iri]) == 2
    assert "not an" in one_line_error(capsys) and not (tmp_path / "new").exists()


def test_a_failed_load_leaves_no_store_folder(tmp_path, capsys):
    (tmp_path / "broken.ttl").write_text("<urn:a> <urn:b> .")
    assert main(["load", str(tmp_path / "broken.ttl"), "--store", str(tmp_path / "new")]) == 2
    assert "cannot read graph" in one_line_error(capsys) and not (tmp_path / "new").exists()


class Server:
    """A real HTTP server on 127.0.0.1 in a thread, answering with ``handle(request)``."""

    def __init__(self, handle):
        self.requests = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def _any(self):
                length = int(self.headers.get("Content-Length") or 0)
                if self.headers.get("Transfer-Encoding") == "chunked":
                    body = b""
                    while True:
                        size = int(self.rfile.readline().strip(), 16)
                        body += self.rfile.read(size + 2)[:size]
                        if not size:
                            break
                else:
                    body = self.rfile.read(length)
                outer.requests.append((self.command, self.path, dict(self.headers), body))
                try:
                    handle(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            do_GET = do_POST = do_PUT = do_DELETE = _any

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    started = []

    def start(handle):
        started.append(Server(handle))
        return started[-1]

    yield start
    for s in started:
        s.close()


def answer(request, status=204, body=b"", content_type="text/plain"):
    request.send_response(status)
    request.send_header("Content-Type", content_type)
    request.send_header("Content-Length", str(len(body)))
    request.end_headers()
    request.wfile.write(body)


def test_one_request_with_bearer_or_basic_auth(server, seeds_nq, monkeypatch, capsys):
    s = server(answer)
    monkeypatch.setenv("KG_ENDPOINT_TOKEN", "t0ken-xyz")
    assert main(["load", str(seeds_nq), "--endpoint", s.url + "/update"]) == 0
    ((method, _, headers, body),) = s.requests  # one request for the whole file
    assert method == "POST" and headers["Content-Type"].startswith("application/sparql-update")
    assert headers["Authorization"] == "Bearer t0ken-xyz"
    assert body.count(b"INSERT DATA") == 1 and b"DROP SILENT GRAPH" in body and f"<{MANIFEST_GRAPH}>".encode() in body
    monkeypatch.delenv("KG_ENDPOINT_TOKEN")
    monkeypatch.setenv("KG_ENDPOINT_USER", "fan")
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", "s3cret-pw")
    assert main(["load", str(seeds_nq), "--endpoint", s.url + "/update"]) == 0
    assert s.requests[-1][2]["Authorization"] == "Basic " + base64.b64encode(b"fan:s3cret-pw").decode()
    assert "s3cret" not in str(capsys.readouterr())


def test_a_server_echoing_the_headers_does_not_get_them_printed(server, seeds_nq, monkeypatch, capsys):
    def echo(request):  # the whole request back, on the first line of the error page
        sent = "; ".join(f"{k}: {v}" for k, v in request.headers.items())
        answer(request, 400, f"bad request (token {request.headers['Authorization'].split()[1]}); you sent {sent}"
               .encode())
    s = server(echo)
    monkeypatch.setenv("KG_ENDPOINT_USER", "fan")
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", "s3cret-pw")
    token = base64.b64encode(b"fan:s3cret-pw").decode()
    assert main(["load", str(seeds_nq), "--endpoint", s.url]) == 5
    err = one_line_error(capsys)
    assert "HTTP 400" in err and "bad request" in err and "[hidden]" in err
    assert token not in err and "s3cret" not in err and "Basic" not in err


def test_a_server_that_trickles_hits_the_deadline(server, seeds_ttl, monkeypatch, capsys):
    def trickle(request):
        request.wfile.write(b"HTTP/1.1 200 OK\r\n")
        for _ in range(60):  # a header byte every half second, for at most 30 s
            request.wfile.write(b"X")
            request.wfile.flush()
            time.sleep(0.5)
    s = server(trickle)
    monkeypatch.setattr(kg_http, "DEADLINE", 2)
    monkeypatch.setattr(kg_http, "READ_TIMEOUT", 10)  # each byte comes well within it
    assert main(["load", str(seeds_ttl), "--endpoint", s.url]) == 5
    assert "no complete answer within 2 s" in one_line_error(capsys)


def test_silence_is_a_timeout_not_unreachable(server, seeds_ttl, monkeypatch, capsys):
    s = server(lambda request: time.sleep(5))
    monkeypatch.setattr(kg_http, "READ_TIMEOUT", 1)
    assert main(["load", str(seeds_ttl), "--endpoint", s.url]) == 5
    err = one_line_error(capsys)
    assert "accepted the connection but sent nothing for 1 s" in err and "cannot" not in err


def test_nothing_listening(seeds_ttl, capsys):
    assert main(["load", str(seeds_ttl), "--endpoint", f"http://127.0.0.1:{free_port()}/update"]) == 5
    assert "cannot connect to 127.0.0.1:" in one_line_error(capsys)


def test_a_huge_error_body_is_not_read_whole(server, seeds_ttl, capsys):
    sent = []

    def huge(request):
        request.send_response(500)
        request.send_header("Content-Length", str(2 << 30))
        request.end_headers()
        chunk = b"error " * 10_000
        total = 0
        try:
            while total < 256 << 20:  # stops when the client hangs up, or at 256 MB
                request.wfile.write(chunk)
                total += len(chunk)
        finally:
            sent.append(total)
    s = server(huge)
    assert main(["load", str(seeds_ttl), "--endpoint", s.url]) == 5
    assert "HTTP 500" in one_line_error(capsys)
    for _ in range(100):
        if sent:
            break
        time.sleep(0.1)
    assert sent and sent[0] < 64 << 20  # the client hung up after its cap (socket buffers hold a few MB)


def test_a_200_that_is_not_n_triples(server, seeds_nq, capsys):
    def store(request):
        if request.command == "POST":
            answer(request, 415)  # no SPARQL Update here: the Graph Store Protocol
        else:
            answer(request, 200, b"<html>login page</html>", "application/n-triples")
    s = server(store)
    assert main(["load", str(seeds_nq), "--endpoint", s.url]) == 5
    assert "not N-Triples" in one_line_error(capsys)


def test_a_query_200_that_is_not_json(server, capsys):
    s = server(lambda request: answer(request, 200, b"<html>proxy page</html>", "text/html"))
    assert main(["query", s.url, "ASK {}"]) == 5
    assert "not SPARQL JSON results" in one_line_error(capsys)


def test_load_needs_one_target(seeds_ttl, capsys):
    assert main(["load", str(seeds_ttl)]) == 2
    assert "one of" in capsys.readouterr().err


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own TriG/N-Quads code
def test_build_formats(seeds_graph, tmp_path):
    """.nt, .jsonld, .nq and .trig hold the same graph (the quad formats in
    their default graph, and again in their named graphs), byte-stable."""
    from rdflib import Dataset
    from rdflib.compare import isomorphic

    from kg.export import serialize

    articles = set(seeds_graph.subjects(RDF.type, KG.Article))
    for suffix, fmt in ((".nt", "nt"), (".jsonld", "json-ld"), (".nq", "nquads"), (".trig", "trig")):
        path = tmp_path / f"graph{suffix}"
        write_graph(seeds_graph, path)
        assert path.read_bytes() == serialize(seeds_graph, fmt)
        if fmt in ("nquads", "trig"):
            dataset = Dataset().parse(path, format=fmt)
            assert isomorphic(dataset.default_graph, seeds_graph)
            named = {g.identifier for g in dataset.graphs()} - {dataset.default_graph.identifier}
            assert named - articles == {MANIFEST_GRAPH, ENTITIES_GRAPH}
            union = Graph()
            for g in dataset.graphs():
                if g.identifier not in (dataset.default_graph.identifier, MANIFEST_GRAPH):
                    union += g
            assert isomorphic(union, seeds_graph)
        else:
            assert isomorphic(Graph().parse(path, format=fmt), seeds_graph)
