"""Put a built graph where SPARQL tools can reach it.

Two targets: an embedded persistent Oxigraph store in a folder (no server
to run; ``kg query --store DIR`` reads it), and a SPARQL server over HTTP.
Loading *replaces*: the graphs the file holds (its default graph, or the
``--graph IRI`` it is loaded into, and each named graph), and, when the file
is a quad build of kg with its manifest graph, every graph the store's
previous manifest listed, so the graphs of articles that are gone go too.

Both targets get one SPARQL 1.1 Update request, which stores run as one
transaction (Oxigraph, Fuseki/TDB2, GraphDB): a failure leaves the store as
it was. An endpoint that takes no SPARQL Update (it answers 404, 405 or 415,
as Oxigraph's Graph Store endpoint /store does) gets the Graph Store
Protocol instead: one PUT per graph and one DELETE per graph that is gone,
which is not atomic (the command says so).

HTTP (credentials from the environment, a deadline, capped error bodies,
messages): kg/use/http.py.
"""
from __future__ import annotations

import shutil
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator
from urllib.parse import quote

import pyoxigraph

from ..errors import EndpointError, StoreError, UsageError
from ..formats import N_TRIPLES, read_quads
from ..namespaces import DCTERMS, MANIFEST_GRAPH
from . import http

# kg query imports these from here.
from .http import credentials  # noqa: F401

TIMEOUT = http.READ_TIMEOUT
MANIFEST = pyoxigraph.NamedNode(str(MANIFEST_GRAPH))
HAS_PART = pyoxigraph.NamedNode(str(DCTERMS.hasPart))
UPDATE_TYPE = "application/sparql-update; charset=utf-8"
NO_UPDATE = (404, 405, 415)  # the endpoint takes no SPARQL Update: use the Graph Store Protocol
MANIFEST_BYTES = 64 << 20  # of a manifest graph read back over HTTP, at most


@dataclass
class Loaded:
    """What a load did: triples sent, graphs replaced and removed, how."""

    triples: int
    graphs: int
    removed: int | None  # graphs of the previous manifest that are gone; None: not known (one SPARQL Update)
    how: str


def target_graph(iri: str | None):
    """The graph the file's default graph goes to: ``--graph IRI`` checked."""
    if iri is None:
        return pyoxigraph.DefaultGraph()
    try:
        node = pyoxigraph.NamedNode(iri)
    except ValueError:
        raise UsageError(f"--graph {iri!r}: not an IRI (give an absolute IRI such as https://example.org/kdrama)") \
            from None
    if ":" not in iri:
        raise UsageError(f"--graph {iri!r}: not an absolute IRI (it needs a scheme, such as https:)")
    return node


def read_graphs(path: Path, graph: str | None = None) -> dict:
    """The file's triples by graph name; the default graph renamed to ``graph``."""
    target = target_graph(graph)
    graphs = defaultdict(list)
    for quad in read_quads(path):
        name = target if isinstance(quad.graph_name, pyoxigraph.DefaultGraph) else quad.graph_name
        graphs[name].append(quad.triple)
    return graphs


def _term(name) -> str:
    return "DEFAULT" if isinstance(name, pyoxigraph.DefaultGraph) else f"GRAPH {name}"


def update_request(graphs: dict) -> Iterator[bytes]:
    """One SPARQL Update, as it is sent: the graphs of the previous manifest
    dropped (when the file has a manifest), the file's graphs dropped, then
    everything inserted."""
    if MANIFEST in graphs:
        # every graph the manifest in the store lists, and the manifest
        yield (f"DELETE WHERE {{ GRAPH {MANIFEST} {{ {MANIFEST} {HAS_PART} ?g }} GRAPH ?g {{ ?s ?p ?o }} }} ;\n"
               f"DROP SILENT GRAPH {MANIFEST} ;\n").encode()
    for name in graphs:
        yield f"DROP SILENT {_term(name)} ;\n".encode()
    yield b"INSERT DATA {\n"
    for name, triples in graphs.items():
        named = not isinstance(name, pyoxigraph.DefaultGraph)
        if named:
            yield f"GRAPH {name} {{\n".encode()
        for start in range(0, len(triples), 10_000):
            yield "".join(f"{t.subject} {t.predicate} {t.object} .\n" for t in triples[start:start + 10_000]).encode()
        if named:
            yield b"}\n"
    yield b"}\n"


def _open_store(folder: Path) -> pyoxigraph.Store:
    try:
        return pyoxigraph.Store(str(folder))
    except OSError as error:
        text = str(error)
        if "lock" in text.lower():
            raise StoreError(f"store {folder} is in use by another process (an `oxigraph serve` on it?): stop "
                             f"it, or load through its endpoint with --endpoint") from None
        raise StoreError(f"store {folder} cannot be opened: {http.one_line(text, 200)}") from None


def load_store(path: Path, folder: Path, graph: str | None = None) -> Loaded:
    """Replace the file's graphs in the store in ``folder`` (created if
    missing, and removed again if the load fails), in one transaction."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"--store {folder}: is a file, not a store folder")
    graphs = read_graphs(path, graph)  # a bad file or --graph: nothing created
    created = not folder.exists()
    try:
        store = _open_store(folder)
        before = _manifest(store.quads_for_pattern(MANIFEST, HAS_PART, None, MANIFEST)) if MANIFEST in graphs else set()
        try:
            store.update(b"".join(update_request(graphs)).decode("utf-8"))
            store.flush()
        except OSError as error:
            raise StoreError(f"store {folder}: the load failed, nothing was changed: "
                             f"{http.one_line(str(error), 200)}") from None
        del store
    except BaseException:
        if created:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    gone = before - set(graphs)
    return Loaded(sum(map(len, graphs.values())), len(graphs), len(gone), "one transaction")


def _manifest(quads) -> set:
    return {quad.object for quad in quads if isinstance(quad.object, pyoxigraph.NamedNode)}


def load_endpoint(path: Path, url: str, graph: str | None = None) -> Loaded:
    """Load into a SPARQL server: one SPARQL Update request to ``url`` (for
    Oxigraph: http://HOST:PORT/update), or, when ``url`` takes none, the
    Graph Store Protocol (for Oxigraph: http://HOST:PORT/store)."""
    graphs = read_graphs(path, graph)
    response = http.send("POST", url, "load", data=update_request(graphs), headers={"Content-Type": UPDATE_TYPE},
                         accept_error=NO_UPDATE)
    status = response.status_code
    response.close()
    triples = sum(map(len, graphs.values()))
    if status not in NO_UPDATE:
        return Loaded(triples, len(graphs), None, "one SPARQL Update request (one transaction)")
    return _graph_store(graphs, url, triples)


def _selector(url: str, name) -> str:
    target = "default" if isinstance(name, pyoxigraph.DefaultGraph) else "graph=" + quote(name.value, safe="")
    return f"{url}{'&' if '?' in url else '?'}{target}"


def _graph_store(graphs: dict, url: str, triples: int) -> Loaded:
    """The Graph Store Protocol: the previous manifest read, each graph of
    the file PUT, each graph the manifest listed that is gone DELETEd."""
    gone: set = set()
    if MANIFEST in graphs:
        response = http.send("GET", _selector(url, MANIFEST), "read the manifest graph",
                             headers={"Accept": N_TRIPLES.media_type}, accept_error=(404,))
        if response.status_code == 404:
            response.close()
        else:
            body = http.read_body(response, "read the manifest graph", MANIFEST_BYTES)
            try:
                previous = [q for q in pyoxigraph.parse(body, format=N_TRIPLES.oxigraph)]
            except SyntaxError:
                raise EndpointError(f"read the manifest graph: {http.where(url)} answered "
                                    f"{response.status_code} with a body that is not N-Triples "
                                    f"({http.one_line(body.decode('utf-8', 'replace'), 80)!r})") from None
            gone = {q.object for q in previous if q.predicate == HAS_PART and isinstance(q.object, pyoxigraph.NamedNode)}
            gone -= set(graphs)
    # The manifest last: until it is written, the previous one lists every graph a rerun must remove.
    for name in sorted(graphs, key=lambda name: name == MANIFEST):
        if name == MANIFEST:
            for gone_graph in sorted(gone, key=str):
                http.send("DELETE", _selector(url, gone_graph), f"removal of graph {gone_graph}",
                          accept_error=(404,)).close()
        body = pyoxigraph.serialize(graphs[name], format=N_TRIPLES.oxigraph)
        http.send("PUT", _selector(url, name), f"upload of graph {name}", data=body,
                  headers={"Content-Type": N_TRIPLES.media_type}).close()
    return Loaded(triples, len(graphs), len(gone),
                  f"Graph Store Protocol, {len(graphs) + len(gone) + bool(MANIFEST in graphs)} requests, not atomic "
                  f"(give the SPARQL Update endpoint for one transaction)")


def check(response, what: str):
    """kg query's check of an answer (kept for it): fail with the server's
    own words, credentials masked."""
    if not response.ok:
        body = http.one_line(http.redact(response.text[:http.ERROR_BYTES]))
        raise EndpointError(f"{what}: {http.where(response.url)} answered HTTP {response.status_code} "
                            f"{response.reason}" + (f": {body}" if body else ""))
    return response
