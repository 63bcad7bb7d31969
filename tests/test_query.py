"""`kg query` and the example queries in queries/, on the seeds graph."""
import csv
import http.server
import io
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import kg.cli as cli_module
from kg.cli import main
from kg.use.query import read_query, run, table

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "queries"


def answer(source, name):
    header, rows = table(run(source, read_query(str(QUERIES / f"{name}.rq"))))
    return [dict(zip(header, row)) for row in rows]


def test_every_example_states_its_question_and_runs(seeds_ttl):
    for path in sorted(QUERIES.glob("*.rq")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# ") and first.endswith("?"), path.name
        table(run(seeds_ttl, read_query(str(path))))


def test_chart_toppers(seeds_ttl):
    rows = answer(seeds_ttl, "chart-toppers")
    assert any(r["work"] == "RAIN" and "QQ" in r["chart"] for r in rows)  # "RAIN" took No.1 on QQ Music's chart


def test_chart_history_of_rain(seeds_ttl):
    rows = answer(seeds_ttl, "chart-history")
    assert rows and all(r["rank"] == "1" for r in rows)
    assert any("QQ Music" in r["chart"] for r in rows)


def test_rating_history(seeds_ttl):
    rows = answer(seeds_ttl, "rating-history")  # "episode 12 ... nationwide rating of 20.7% according to Nielsen Korea"
    assert any(r["series"] == "Queen of Tears" and r["episode"] == "12" and r["rating"] == "20.7"
               and r["scope"] == "nationwide" and r["firm"] == "Nielsen Korea" for r in rows)


def test_who_wrote_what(seeds_ttl):
    rows = answer(seeds_ttl, "who-wrote-what")  # "RAIN ... is a song written by Ku"
    assert {"writer": "Ku Hye Sun", "role": "composer", "work": "RAIN"} in rows


def test_most_connected_people(seeds_ttl):
    rows = answer(seeds_ttl, "most-connected")
    counts = [int(r["connections"]) for r in rows]
    assert counts == sorted(counts, reverse=True) and len(rows) <= 10
    top = {r["person"] for r in rows[:3]}
    assert {"Ku Hye Sun", "Kim Soo Hyun"} & top


def test_sentence_behind_a_triple(seeds_ttl):
    rows = answer(seeds_ttl, "sentence-behind")
    composed = [r for r in rows if r["subject"] == "RAIN" and r["property"] == "composer"]
    assert composed and all("written by Ku" in r["sentence"] or "written by actress Ku" in r["sentence"]
                            for r in composed)
    assert all(r["headline"] for r in rows)


def test_actor_sang_ost_of_own_series(seeds_ttl):
    rows = answer(seeds_ttl, "actor-sang-ost")  # "Kim Soo Hyun recently participated in recording the OST for 'Queen of Tears'"
    assert any(r["actor"] == "Kim Soo Hyun" and r["series"] == "Queen of Tears" for r in rows)


def test_actor_sang_ost_through_an_album(tmp_path):
    graph = tmp_path / "g.ttl"
    graph.write_text("""@prefix kg: <https://w3id.org/kdrama-kg/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <urn:s> rdfs:label "Comfort Song" ; kg:performer <urn:p> ; kg:inAlbum <urn:a> .
        <urn:a> kg:soundtrackOf <urn:t> . <urn:t> rdfs:label "Heartstrings" ; kg:castMember <urn:p>, <urn:q> .
        <urn:p> rdfs:label "Jung Yong Hwa" . <urn:q> rdfs:label "Park Shin Hye" .""")
    assert answer(graph, "actor-sang-ost") == [{"actor": "Jung Yong Hwa", "song": "Comfort Song", "series": "Heartstrings"}]


def cli(capsys, *args) -> str:
    assert main(["query", *map(str, args)]) == 0
    return capsys.readouterr().out


def test_formats(seeds_ttl, capsys):
    query = "SELECT ?name WHERE { ?s a kg:Song ; rdfs:label ?name } ORDER BY ?name"
    names = [r["name"] for r in csv.DictReader(io.StringIO(cli(capsys, seeds_ttl, query, "--format", "csv")))]
    assert "RAIN" in names
    tsv = cli(capsys, seeds_ttl, query, "--format", "tsv").splitlines()
    assert tsv[0] == "?name" and '"RAIN"@en' in tsv
    bindings = json.loads(cli(capsys, seeds_ttl, query, "--format", "json"))["results"]["bindings"]
    assert [b["name"]["value"] for b in bindings] == names
    text = cli(capsys, seeds_ttl, query).splitlines()
    assert text[0].rstrip() == "name" and text[-1] == f"({len(names)} rows)" and "RAIN" in text


def test_ask_construct_and_quads(seeds_graph, tmp_path, capsys):
    from kg.export import write_graph

    nq = tmp_path / "g.nq"
    write_graph(seeds_graph, nq)
    assert cli(capsys, nq, "ASK { ?s a kg:Song }") == "yes\n"
    assert "kg:Song" in cli(capsys, nq, "CONSTRUCT { ?s a kg:Song } WHERE { ?s a kg:Song }")
    # the named graph of the article that reports RAIN's chart success holds the fact
    rows = table(run(nq, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?e kg:entryOf ?s } ?s rdfs:label 'RAIN'@en }"))[1]
    assert rows == [("kgr:article/000_ccb41357b12cf6b7",)]


def test_query_file_and_errors(seeds_ttl, tmp_path, capsys):
    assert "RAIN" in cli(capsys, seeds_ttl, QUERIES / "chart-toppers.rq")
    for argv, message in ([str(seeds_ttl), "SELECT WHERE"], "invalid query"), \
                         ([str(tmp_path / "missing.ttl"), "ASK {}"], "cannot read graph"), \
                         (["ASK {}"], "SOURCE QUERY"):
        assert main(["query", *argv]) == 2  # usage: one line on stderr, no traceback
        err = capsys.readouterr().err
        assert message in err and len(err.splitlines()) == 1 and "Traceback" not in err


# --- bounds: errors where the user wrote them, SERVICE, a deadline, rows streamed ---

def test_options_may_come_between_source_and_query(seeds_ttl, capsys):
    query = "SELECT ?name WHERE { ?s a kg:Song ; rdfs:label ?name } ORDER BY ?name"
    assert cli(capsys, seeds_ttl, "--format", "csv", query) == cli(capsys, "--format", "csv", seeds_ttl, query)


def test_an_error_is_placed_in_the_query_as_written(seeds_ttl, capsys):
    """The predeclared prefixes are not lines of the query: line 3, column 22."""
    assert main(["query", str(seeds_ttl), "SELECT ?name WHERE {\n  ?s a kg:Song ;\n     rdfs:labl ?name "]) == 2
    assert capsys.readouterr().err.startswith("kg query: invalid query: error at 3:22: ")


class _Endpoint(http.server.BaseHTTPRequestHandler):
    """A SPARQL endpoint on 127.0.0.1 that counts the requests it gets and
    answers with no rows; or, with ``trickle``, sends its answer a byte every
    half second, for ever."""

    requests: list[str] = []
    trickle = False

    def do_POST(self):  # noqa: N802 - the handler's API
        type(self).requests.append(self.path)
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        answer = b'{"head": {"vars": ["o"]}, "results": {"bindings": []}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        if not self.trickle:
            self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        if not self.trickle:
            self.wfile.write(answer)
            return
        try:
            for byte in iter(lambda: b" ", None):
                self.wfile.write(byte)
                self.wfile.flush()
                time.sleep(0.5)
        except OSError:  # the client went away
            pass

    do_GET = do_POST

    def log_message(self, *args):
        pass


@pytest.fixture
def endpoint():
    """(server, its URL): a real HTTP server on 127.0.0.1, in a thread."""
    handler = type("Endpoint", (_Endpoint,), {"requests": []})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield handler, f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.shutdown()
    server.server_close()


def test_service_is_refused_on_a_local_source_unless_allowed(seeds_ttl, capsys, endpoint):
    handler, url = endpoint
    query = f"SELECT ?o WHERE {{ ?s a kg:Song . SERVICE <{url}> {{ ?s ?p ?o }} }}"
    assert main(["query", str(seeds_ttl), query]) == 2  # a usage error
    assert capsys.readouterr().err == ("kg query: the query has a SERVICE clause, which would send requests to "
                                       "another endpoint from here: give --allow-service to run it\n")
    assert handler.requests == []  # nothing was sent
    for hidden in (f"SELECT ?s WHERE {{ ?s rdfs:label 'SERVICE <{url}>' }}",  # in a string,
                   "SELECT ?service WHERE { ?service a kg:Song } # SERVICE"):  # a variable and a comment
        assert main(["query", str(seeds_ttl), hidden]) == 0
    capsys.readouterr()
    assert main(["query", str(seeds_ttl), query, "--allow-service"]) == 0
    assert handler.requests == ["/sparql"]


QUERY_PROBE = """
import os, sys, kg.cli
kg.cli.QUERY_TIMEOUT = 2  # the default, made short for the test
real_exit, peak_fd = os._exit, int(os.environ["KG_TEST_PEAK_FD"])
def _exit(status):  # the deadline ends the process here: its peak memory first, on peak_fd
    try:
        peak = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM"))
        os.write(peak_fd, str(peak // 1024).encode())
    finally:
        real_exit(status)
os._exit = _exit
sys.exit(kg.cli.main(sys.argv[1:]))
"""


def _query(*argv) -> subprocess.CompletedProcess:
    """``kg query ARGV`` in a child process, its stdout read as it comes (and
    counted, not kept); returns its status, stderr, and (first line, number
    of lines, peak RSS in MiB when the deadline ended it) as ``stdout``. The
    peak is VmHWM: a child's ru_maxrss starts at its parent's (pytest's)."""
    peak_read, peak_write = os.pipe()
    child = subprocess.Popen([sys.executable, "-c", QUERY_PROBE, "query", *map(str, argv)], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, pass_fds=[peak_write],
                             env={**os.environ, "KG_TEST_PEAK_FD": str(peak_write)})
    os.close(peak_write)
    guard = threading.Timer(120, child.kill)  # should the deadline fail, the test fails instead of hanging
    guard.start()
    try:
        lines, first = 0, b""
        for line in child.stdout:
            first = first or line
            lines += 1
        stderr = child.stderr.read().decode()
        child.wait()
    finally:
        guard.cancel()
    with os.fdopen(peak_read, "rb") as handle:
        peak = int(handle.read() or -1)
    return subprocess.CompletedProcess(argv, child.returncode, (first, lines, peak), stderr)


def test_a_query_that_never_ends_is_stopped_by_the_default_deadline_its_rows_streamed(seeds_ttl):
    """A three-way cross product of the seeds graph (two billion rows): rows
    come out as Oxigraph makes them, in flat memory, until the deadline."""
    run = _query(seeds_ttl, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", "--format", "csv")
    (first, lines, peak) = run.stdout
    assert run.returncode == cli_module.EXIT_TIMEOUT == 124
    assert run.stderr == "kg query: stopped after 2 s (--timeout); what was printed is incomplete\n"
    assert first == b"a,b,c,d,e,f,g,h,i\r\n" and lines > 1000
    assert 0 < peak < 300, f"peak RSS {peak} MiB"


def test_a_trickling_endpoint_is_stopped_by_the_deadline(endpoint):
    """A byte every half second keeps every read within its own timeout: only
    a deadline for the whole command ends it."""
    handler, url = endpoint
    handler.trickle = True
    run = _query(url, "SELECT * WHERE { ?s ?p ?o }", "--timeout", "3")
    assert run.returncode == 124
    assert run.stderr == "kg query: stopped after 3 s (--timeout); what was printed is incomplete\n"
    assert handler.requests == ["/sparql"]


def test_an_endpoint_answer_cut_short_is_one_line(capsys):
    """Rows are read from the endpoint as they come, so a body that breaks off
    is found while printing: one line, not a traceback."""
    class Cut(_Endpoint):
        def do_POST(self):  # noqa: N802
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.end_headers()
            self.wfile.write(b'{"head": {"vars": ["o"]}, "results": {"bindings": [{"o": {"type": "literal", '
                             b'"value": "first"}}, {"o": {"type": "lit')

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Cut)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        assert main(["query", f"http://127.0.0.1:{server.server_address[1]}/sparql", "SELECT ?o {}",
                     "--format", "csv"]) == cli_module.EXIT_FAILED == 5  # a server that failed
    finally:
        server.shutdown()
        server.server_close()
    out, err = capsys.readouterr()
    assert out.startswith("o\r\nfirst\r\n")  # what came before the break was printed
    assert err.startswith("kg query: the query failed: Parser error at line 1") and len(err.splitlines()) == 1
