"""Recall of gold titles as typed mentions, for titles the article puts in
quotes and for titles it never quotes (issue 13's measure).

For each dev article and each gold work (Song, Album, TVSeries, Film): it
is *quoted* if one of its names (label or alias, a trailing "(album)"
dropped) stands between quotation marks somewhere in the article, else
*unquoted*. It is *found* if the graph's node of that article
(kg:mentions) mentions an entity of a work class one of whose names
normalises (SCORING.md) to one of the gold names; *found as its class* if
that entity also has the gold class.

    python train/titles.py GRAPH [GRAPH ...] --dev ../shared/dev
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rdflib import RDF, RDFS, SKOS, Graph, URIRef  # noqa: E402

from kg.gold import normalise  # noqa: E402
from kg.rdf import article_iri  # noqa: E402
from kg.vocab import KG_IRI  # noqa: E402

WORKS = ("Song", "Album", "TVSeries", "Film")
QUOTES = "\"'\u201c\u201d\u2018\u2019"
DISAMBIGUATOR = re.compile(r"\s*\((?:album|song|film|drama|series)\)$", re.I)


def quoted(text: str, names: set[str]) -> bool:
    return any(re.search(rf"[{QUOTES}]\s*{re.escape(name)}\s*[,.!?]?\s*[{QUOTES}]", text) for name in names)


def mentioned_works(graph: Graph) -> dict[str, dict[str, set[str]]]:
    """Per article IRI: normalised name -> the work classes of the entities it mentions under it."""
    classes = {s: str(o)[len(KG_IRI):] for s, o in graph.subject_objects(RDF.type) if str(o).startswith(KG_IRI)}
    names = defaultdict(set)
    for predicate in (RDFS.label, SKOS.altLabel):
        for s, o in graph.subject_objects(predicate):
            names[s].add(normalise(o))
    out: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for article, entity in graph.subject_objects(URIRef(KG_IRI + "mentions")):
        if classes.get(entity) in WORKS:
            for name in names[entity]:
                out[str(article)][name].add(classes[entity])
    return out


def title_recall(graph: Graph, dev: Path) -> dict[str, dict[str, int]]:
    """{"quoted"|"unquoted": {"gold", "found", "typed"}} over the dev articles the graph holds."""
    mentioned = mentioned_works(graph)
    counts = {kind: {"gold": 0, "found": 0, "typed": 0} for kind in ("quoted", "unquoted")}
    for gold_file in sorted((dev / "gold").glob("*.json")):
        article = str(article_iri(gold_file.stem))
        if article not in mentioned and (URIRef(article), None, None) not in graph:
            continue  # an article this graph was not built from
        text = (dev / "articles" / f"{gold_file.stem}.txt").read_text(encoding="utf-8")
        for entity in json.loads(gold_file.read_text(encoding="utf-8"))["entities"]:
            if entity.get("type") not in WORKS:
                continue
            surfaces = {DISAMBIGUATOR.sub("", n) for n in [entity["label"], *entity.get("aliases", [])]}
            kind = "quoted" if quoted(text, surfaces) else "unquoted"
            found = set().union(*(mentioned[article].get(normalise(n), set()) for n in surfaces))
            counts[kind]["gold"] += 1
            counts[kind]["found"] += bool(found)
            counts[kind]["typed"] += entity["type"] in found
    return counts


def render(counts: dict[str, dict[str, int]]) -> str:
    lines = [f"{'gold titles':16} {'gold':>5} {'found':>6} {'recall':>7} {'as its class':>13}"]
    for kind, c in counts.items():
        gold = c["gold"] or 1
        lines.append(f"{kind:16} {c['gold']:5} {c['found']:6} {c['found'] / gold:7.3f} {c['typed'] / gold:13.3f}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graphs", nargs="+", type=Path)
    parser.add_argument("--dev", type=Path, default=ROOT.parent / "shared" / "dev")
    args = parser.parse_args()
    graph = Graph()
    for path in args.graphs:
        graph.parse(path)
    print(render(title_recall(graph, args.dev)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
