"""Export stage: write a graph to disk, atomically and deterministically.

The format follows the file extension. Output goes to a temporary file in
the same folder and is renamed into place, so an interrupted build never
leaves a half-written file and the previous output survives. Nothing about
the output path comes from article content.

Quad formats (.nq, .trig) carry provenance as named graphs: the default
graph is the complete graph (so a query without GRAPH gives the same answer
as on the Turtle file), and the named graphs hold it again: each article's
graph, named by the article's IRI, holds what that article states (its node,
its kg:Evidence nodes, the facts they state, and every triple of the chart
entries and ratings it reports), ENTITIES_GRAPH the rest, and MANIFEST_GRAPH
lists them all. ``GRAPH ?article { ... }`` tells which articles state a
fact, and a store whose default graph is the union of the named graphs
answers as one whose default graph is the stored one.
"""
from __future__ import annotations

import json
import os
from collections import defaultdict
import re
import stat
import tempfile
from pathlib import Path

import pyoxigraph
from rdflib import Dataset, Graph, URIRef

from .formats import format_for
from .namespaces import (DCTERMS, ENTITIES_GRAPH, KG, MANIFEST_GRAPH, PREFIXES, PROV, RDF, RDFS, WRITER_PREFIXES,
                         XSD, bind_prefixes)
from .vocab import CLASSES, DATATYPE_PROPERTIES, KG_IRI, NARY_CLASSES, OBJECT_PROPERTIES, ONTOLOGY_PATH

N_ARY = tuple(KG[cls] for cls in NARY_CLASSES)
# The JSON-LD context of the graph, shipped with the package: every prefix,
# one short term per class and property (object properties coerced to IRIs,
# datatype properties to their range), rdfs:label and skos:altLabel in
# English. JSON-LD output embeds it; other documents can use the file.
CONTEXT_PATH = Path(__file__).parent / "context.jsonld"


def jsonld_context() -> dict:
    """The context, made from the ontology (kg/context.jsonld is this,
    written by ``python -m kg.export``; a test keeps them equal)."""
    ontology = Graph().parse(ONTOLOGY_PATH, format="turtle")
    context: dict = {"@version": 1.1, **{prefix: str(ns) for prefix, ns in PREFIXES.items()},
                     "label": {"@id": "rdfs:label", "@language": "en"},
                     "altLabel": {"@id": "skos:altLabel", "@language": "en"},
                     "subject": {"@id": "rdf:subject", "@type": "@id"},
                     "predicate": {"@id": "rdf:predicate", "@type": "@vocab"},
                     "object": {"@id": "rdf:object"},
                     "wasDerivedFrom": {"@id": "prov:wasDerivedFrom", "@type": "@id"},
                     "url": {"@id": "schema:url", "@type": "xsd:anyURI"}}
    context.update({cls: f"kg:{cls}" for cls in CLASSES})
    context.update({p: {"@id": f"kg:{p}", "@type": "@id"} for p in OBJECT_PROPERTIES})
    for p in DATATYPE_PROPERTIES:
        term, datatype = {"@id": f"kg:{p}"}, ontology.value(URIRef(KG_IRI + p), RDFS.range)
        if isinstance(datatype, URIRef) and str(datatype).startswith(str(XSD)) and datatype != XSD.string:
            term["@type"] = f"xsd:{datatype[len(str(XSD)):]}"  # a union of datatypes (releaseDate) is not coerced
        context[p] = term
    return context


def shipped_context() -> dict:
    return json.loads(CONTEXT_PATH.read_text(encoding="utf-8"))["@context"]


def article_graphs(graph: Graph) -> dict:
    """Each triple's named graphs (docs/graph-model.md): an article's graph
    holds the article node, its evidence nodes, the facts they state and the
    chart entries and ratings it reports, whole; everything else (the
    entities' classes and names) is in ENTITIES_GRAPH. So the named graphs
    together hold the whole graph."""
    evidence = set(graph.subjects(RDF.type, KG.Evidence))
    source = {e: graph.value(e, PROV.wasDerivedFrom) for e in evidence}
    stated, nary = {}, {}
    for e in evidence:
        s, p, o = (graph.value(e, term) for term in (RDF.subject, RDF.predicate, RDF.object))
        if p == RDF.type and o in N_ARY:
            nary.setdefault(s, set()).add(source[e])
        else:
            stated.setdefault((s, p, o), set()).add(source[e])
    articles = set(graph.subjects(RDF.type, KG.Article))
    placed = {}
    for triple in graph:
        s = triple[0]
        names = ({source[s]} if s in evidence else {s} if s in articles else nary.get(s) or stated.get(triple)
                 or set()) - {None}
        placed[triple] = names or {ENTITIES_GRAPH}
    return placed


def manifest(names) -> list[tuple]:
    """The manifest graph's triples: it lists the other named graphs."""
    return [(MANIFEST_GRAPH, DCTERMS.hasPart, name) for name in sorted(set(names) - {MANIFEST_GRAPH})]


def by_article(graph: Graph) -> Dataset:
    """The graph as a dataset: all of it in the default graph, and again in
    named graphs (one per article, ENTITIES_GRAPH, MANIFEST_GRAPH listing
    them): a store answers the same with or without a union default graph."""
    dataset = bind_prefixes(Dataset())
    dataset.default_graph += sorted(graph)
    named = defaultdict(list)
    for triple, names in article_graphs(graph).items():
        for name in names:
            named[name].append(triple)
    for name in sorted(named):
        dataset.graph(name).addN((*triple, dataset.graph(name)) for triple in sorted(named[name]))
    dataset.graph(MANIFEST_GRAPH).addN((*t, dataset.graph(MANIFEST_GRAPH)) for t in manifest(named))
    return dataset


def _trig(dataset: Dataset) -> bytes:
    """rdflib's TriG writer orders the graphs as a set does, so oxigraph
    writes it from the quads sorted graph by graph."""
    quads = pyoxigraph.parse(dataset.serialize(format="nquads", encoding="utf-8"), format=pyoxigraph.RdfFormat.N_QUADS)
    order = sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    return pyoxigraph.serialize(order, format=pyoxigraph.RdfFormat.TRIG, prefixes=WRITER_PREFIXES)


def _json_ld(graph: Graph) -> bytes:
    """Compacted with the shipped context (kg/context.jsonld: short terms,
    typed values); rdflib lists the nodes as a set does, so they are sorted
    by @id."""
    data = json.loads(graph.serialize(format="json-ld", context=shipped_context(), auto_compact=True))
    data["@graph"].sort(key=lambda node: node["@id"])
    return json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8")


def serialize(graph: Graph, fmt: str = "turtle") -> bytes:
    """The graph in ``fmt`` (rdflib's name of a format, kg.formats). Equal graphs give equal bytes (the graph has no blank nodes): rdflib's
    Turtle writer sorts subjects and objects, and the line-based formats
    are sorted line by line."""
    if fmt == "trig":
        return _trig(by_article(graph))
    if fmt == "json-ld":
        return _json_ld(graph)
    if fmt == "turtle":
        bind_prefixes(graph)
    data = (by_article(graph) if fmt == "nquads" else graph).serialize(format=fmt, encoding="utf-8")
    return b"".join(sorted(data.splitlines(keepends=True))) if fmt in ("nt", "nquads") else data


def _temp_pattern(path: Path) -> re.Pattern:
    return re.compile(rf"\.{re.escape(path.name)}\.(\d+)\.[^./]+\.tmp")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def clean_stale_temps(path: Path) -> list[Path]:
    """Remove temporary files a killed earlier write of ``path`` left behind
    (``.NAME.PID.RANDOM.tmp`` whose process is gone); another build still
    writing the same output keeps its file. Returns what was removed."""
    path = Path(path)
    pattern, removed = _temp_pattern(path), []
    try:
        names = os.listdir(path.parent)
    except OSError:
        return removed
    for name in names:
        match = pattern.fullmatch(name)
        if match and int(match[1]) != os.getpid() and not _alive(int(match[1])):
            try:
                (path.parent / name).unlink()
                removed.append(path.parent / name)
            except OSError:
                pass
    return removed


def write_atomic(path: Path, data) -> None:
    """Write ``data`` to a temporary file beside ``path``, fsync it and
    rename it into place: readers (and a build killed at any moment, even by
    SIGKILL) see either the old file or the new one, never a mix. The
    temporary file is named ``.NAME.PID.RANDOM.tmp``; if a kill leaves one
    behind, the next write of the same output removes it."""
    commit_atomic(prepare_atomic(path, data), path)


def prepare_atomic(path: Path, data) -> Path:
    """The first half of write_atomic: ``data`` (bytes, or a writer of them)
    in a synced temporary file beside ``path``, which is returned; nothing
    is visible at ``path`` until ``commit_atomic``."""
    path = Path(path)
    if not path.parent.is_dir():
        raise OSError(f"{path}: folder {path.parent} does not exist")
    clean_stale_temps(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data) if isinstance(data, bytes) else data(handle)
            handle.flush()
            # mkstemp makes the file 0600; give the output the usual mode
            # (the old file's, else 0666 less the umask).
            try:
                mode = stat.S_IMODE(os.stat(path).st_mode)
            except OSError:
                umask = os.umask(0)
                os.umask(umask)
                mode = 0o666 & ~umask
            os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def commit_atomic(tmp: Path, path: Path) -> None:
    """The second half of write_atomic: ``tmp`` renamed to ``path``, durably."""
    path = Path(path)
    try:
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    try:  # make the rename itself durable
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass


def write_graph(graph: Graph, path: Path) -> None:
    write_atomic(path, serialize(graph, format_for(Path(path)).rdflib))


if __name__ == "__main__":  # python -m kg.export: write kg/context.jsonld from the ontology
    CONTEXT_PATH.write_text(json.dumps({"@context": jsonld_context()}, indent=2) + "\n", encoding="utf-8")
