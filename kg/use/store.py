"""Put a built graph where SPARQL tools can reach it.

Two targets: an embedded persistent Oxigraph store in a folder (no server
to run; ``kg query --store DIR`` reads it), and any SPARQL 1.1 Graph Store
HTTP Protocol endpoint (Oxigraph, Fuseki, GraphDB, ...). Loading *replaces*
the graphs the file holds, so loading a rebuilt graph never leaves stale
facts behind. The default graph goes to ``--graph IRI`` when one is given;
the named graphs of an .nq/.trig file keep their names.

Endpoint credentials come from the environment (KG_ENDPOINT_USER,
KG_ENDPOINT_PASSWORD) so they never appear in a command line, a shell
history or an error message.
"""
from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote

import pyoxigraph
import requests

from ..errors import EndpointError
from ..formats import N_TRIPLES, read_quads

TIMEOUT = 120  # seconds per HTTP request


def read_graphs(path: Path, graph: str | None = None) -> dict:
    """The file's triples by graph name; the default graph renamed to ``graph``."""
    target = pyoxigraph.NamedNode(graph) if graph else pyoxigraph.DefaultGraph()
    graphs = defaultdict(list)
    for quad in read_quads(path):
        name = target if isinstance(quad.graph_name, pyoxigraph.DefaultGraph) else quad.graph_name
        graphs[name].append(quad.triple)
    return graphs


def load_store(path: Path, folder: Path, graph: str | None = None) -> int:
    """Replace the file's graphs in the store in ``folder`` (created if
    missing); returns the number of triples loaded."""
    store = pyoxigraph.Store(str(folder))
    graphs = read_graphs(path, graph)
    for name, triples in graphs.items():
        store.clear_graph(name)
        store.extend(pyoxigraph.Quad(t.subject, t.predicate, t.object, name) for t in triples)
    store.flush()
    return sum(map(len, graphs.values()))


def credentials() -> tuple[str, str] | None:
    user = os.environ.get("KG_ENDPOINT_USER")
    return (user, os.environ.get("KG_ENDPOINT_PASSWORD", "")) if user else None


def check(response: requests.Response, what: str) -> requests.Response:
    """Fail with the server's own words, and nothing of the request's
    (its URL or headers could carry credentials)."""
    if not response.ok:
        raise EndpointError(f"{what}: HTTP {response.status_code} {response.reason}: {response.text[:500]}")
    return response


def load_endpoint(path: Path, url: str, graph: str | None = None) -> int:
    """PUT each graph of the file to a Graph Store Protocol endpoint (for
    Oxigraph: http://HOST:PORT/store); returns the number of triples sent."""
    graphs = read_graphs(path, graph)
    for name, triples in graphs.items():
        selector = "default" if isinstance(name, pyoxigraph.DefaultGraph) else "graph=" + quote(name.value, safe="")
        body = pyoxigraph.serialize(triples, format=N_TRIPLES.oxigraph)
        try:
            response = requests.put(f"{url}{'&' if '?' in url else '?'}{selector}", data=body, auth=credentials(),
                                    headers={"Content-Type": N_TRIPLES.media_type}, timeout=TIMEOUT)
        except requests.RequestException as error:
            raise EndpointError(f"cannot reach the endpoint: {type(error).__name__}") from None
        check(response, f"upload of graph {name}")
    return sum(map(len, graphs.values()))
