"""Command line: ``kg build``, ``validate``, ``eval``, ``query``, ``load``, ``export``, ``view``.

The only module that exits: library modules raise kg.errors.KgError (and
kg.ingest.StopBatch), which become one line on stderr and an exit status
(docs/cli.md). spaCy, pySHACL, networkx and the HTTP client take seconds
to import together, so the commands that need them import them when they
run: ``kg query`` then starts in a fraction of a second.
"""
from __future__ import annotations

import json
import os
import signal
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

from .cli_args import BUILD_FORMATS, QUERY_TIMEOUT, STDOUT, Handler, parse
from .errors import KgError, NoArticles, UsageError
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
EXIT_INTERRUPTED = 130  # Ctrl-C (SIGINT), any command
EXIT_TERMINATED = 143   # SIGTERM, any command
EXIT_FAILED = 5      # a store or server failed (kg.errors.EndpointError, StoreError, ClusterError)
EXIT_NOTHING = 6     # no article read (every input skipped, or none found): nothing written (kg.errors.NoArticles)
EXIT_TIMEOUT = 124   # kg query: stopped at its --timeout (as timeout(1) exits)
# Any command: a KgError exits with its own status (kg/errors.py): 2 for what
# the command was given, as argparse does for usage errors; 5 for a store or
# server that failed. `kg validate`: 1 when the graph violates the shapes.
# The commands' options and -o - (STDOUT): kg/cli_args.py.


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return a.resolve() == b.resolve()


def _output_problem(out: Path, inputs: list[Path], fmt: str | None = None) -> str | None:
    """Why ``out`` cannot be written, checked before the (long) build."""
    if str(out) == STDOUT:
        return None
    try:
        format_for(Path(f"x{BUILD_FORMATS[fmt]}") if fmt else out)
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
    from .nlp import TRAINED_NER, Models  # spaCy: see the module's docstring
    ner = {"base": None, "trained": str(TRAINED_NER)}.get(args.ner, args.ner)
    return Models(args.model, ner)


def cmd_build(args) -> int:
    out = Path(args.output)
    shown = printable(str(out))  # a file name with a newline or undecodable bytes stays one line
    inputs = args.inputs or [DEFAULT_INPUT]
    problem = _output_problem(out, inputs, args.format)
    if problem:
        print(f"kg build: error: {printable(problem)}", file=sys.stderr)
        return EXIT_USAGE
    # The build prepares its output while it validates when the extension says the format.
    output = out if str(out) != STDOUT and not args.format else None

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
                       cache=Path(f"{out}.cache") if args.update and str(out) != STDOUT else None,
                       engine=args.engine, scheduler=args.scheduler, output=output,
                       progress=False if args.quiet else None)
    except StopBatch as stop:
        print(f"error: {stop.error}", file=sys.stderr)
        print(f"not written: {shown} (--strict stops at the first bad input)", file=sys.stderr)
        return EXIT_STRICT
    except NoArticles as nothing:
        kept = " and its cache" if args.update else ""
        print(f"not written: {shown} ({nothing}; the previous output{kept} left as it was)", file=sys.stderr)
        return EXIT_NOTHING
    except KgError as error:  # a full disk (2), the cache in use or the Dask cluster failing (5), ...
        print(f"kg build: error: {printable(str(error))}; not written: {shown}", file=sys.stderr)
        return error.status
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
    """The build's summary (on stdout, or stderr when the graph goes to
    stdout), then the output if the graph conforms."""
    info = sys.stderr if str(out) == STDOUT else sys.stdout
    report = result.report
    counts = ", ".join(f"{n} {cls}" for cls, n in sorted(result.counts.items()))
    print(f"articles read: {result.articles}" + (f" ({len(result.problems)} skipped)" if result.problems else ""),
          file=info)
    print(f"entities: {counts or 'none'}", file=info)
    print(f"statements: {result.triples} triples", file=info)
    if args.update:
        print(f"cache: {result.reused} articles reused, {result.extracted} extracted ({shown}.cache)", file=info)
    print(f"SHACL: {report.render()}", file=info)
    if not report.conforms:
        print(f"not written: {shown} (the graph violates shapes {', '.join(report.failed_shapes)})", file=sys.stderr)
        return EXIT_INVALID
    fmt = format_for(Path(f"x{BUILD_FORMATS[args.format]}")) if args.format else None
    try:
        if str(out) == STDOUT:
            result.graph.write_stream(sys.stdout.buffer, fmt or format_for(Path("x.ttl")))
            sys.stdout.buffer.flush()
        else:
            result.graph.write(out, fmt)
    except BrokenPipeError:  # `kg build -o - | head`: the reader left; nothing to report
        return EXIT_OK
    except OSError as error:
        reason = error.strerror or str(error)
        print(f"kg build: error: cannot write {shown}: {printable(reason)}", file=sys.stderr)
        return EXIT_USAGE
    print(f"written: {'standard output' if str(out) == STDOUT else shown}", file=info)
    if result.problems:
        print(f"{len(result.problems)} input(s) skipped (listed above): exit status {EXIT_SKIPPED}", file=sys.stderr)
        return EXIT_SKIPPED
    return EXIT_OK


def cmd_validate(args) -> int:
    from .validate import load_shapes, report_records, validate_with_report  # pySHACL

    shapes = load_shapes(Path(args.shapes)) if args.shapes else None
    result, report = validate_with_report(read_graph(Path(args.graph), args.input_format), shapes)
    if args.format == "text":
        _emit(args.output, (result.render() + "\n").encode("utf-8"))
    elif args.format == "turtle":
        from .namespaces import bind_prefixes
        _emit(args.output, bind_prefixes(report).serialize(format="turtle", encoding="utf-8"))
    else:
        records = report_records(report, shapes)
        data = {"conforms": result.conforms, "triples": result.triples, "shapes": result.shapes,
                "failedShapes": result.failed_shapes, "results": records}
        _emit(args.output, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    return EXIT_OK if result.conforms else EXIT_INVALID


def cmd_eval(args) -> int:
    files = gold_files_in(Path(args.gold)) if Path(args.gold).exists() else []
    if not files:
        return _fail(f"kg eval: {args.gold}: no gold files (*.json) found", EXIT_USAGE)
    print(evaluate(read_graph(Path(args.graph), args.input_format), files).render())
    return EXIT_OK


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
        return _fail("kg query: give SOURCE QUERY, or --store DIR QUERY", EXIT_USAGE)
    timeout = QUERY_TIMEOUT if args.timeout is None else args.timeout
    if timeout < 0:
        return _fail("kg query: --timeout must be 0 (none) or more seconds", EXIT_USAGE)
    with _deadline(timeout, "kg query"):
        try:
            write(run(args.store or source[0], read_query(query), allow_service=args.allow_service), args.format)
            sys.stdout.flush()
        except BrokenPipeError:  # `kg query ... | head`: the reader has what it wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (RuntimeError, OSError, SyntaxError, ValueError) as error:
            # raised by Oxigraph while it evaluates (a SERVICE, the store) or reads an endpoint's answer as it comes
            return _fail(f"kg query: the query failed: {error}", EXIT_FAILED)
    return EXIT_OK


def cmd_load(args) -> int:
    from .use.store import load_endpoint, load_store  # the HTTP client

    if bool(args.store) == bool(args.endpoint):
        return _fail("kg load: give one of --store DIR or --endpoint URL", EXIT_USAGE)
    if args.store:
        done = load_store(Path(args.graph), Path(args.store), args.named_graph)
    else:
        done = load_endpoint(Path(args.graph), args.endpoint, args.named_graph)
    from .use.http import where
    removed = f", {done.removed} graph(s) of articles that are gone removed" if done.removed else ""
    print(f"loaded: {done.triples} triples in {done.graphs} graph(s) into {args.store or where(args.endpoint)}"
          f"{removed} ({done.how})")
    return EXIT_OK


def cmd_export(args) -> int:
    from .use.gephi import network_bytes  # networkx

    kind = args.format or Path(args.output).suffix.lower().lstrip(".")
    data, count = network_bytes(read_graph(Path(args.graph), args.input_format), kind, nary=args.nary,
                                name=args.output)
    _emit(args.output, data)
    print(f"written: {_shown(args.output)} ({count})", file=sys.stderr if args.output == STDOUT else sys.stdout)
    return EXIT_OK


def cmd_view(args) -> int:
    from .use.view import page  # networkx

    html, count = page(read_graph(Path(args.graph), args.input_format))
    _emit(args.output, html)
    print(f"written: {_shown(args.output)} ({count} nodes)", file=sys.stderr if args.output == STDOUT else sys.stdout)
    return EXIT_OK


def _shown(output: str) -> str:
    return "standard output" if output == STDOUT else printable(output)


def _emit(output: str | None, data: bytes) -> None:
    """``data`` to the file ``output`` (atomically), or to stdout for '-' or None."""
    if output in (None, STDOUT):
        try:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        except BrokenPipeError:
            pass
        return
    from .export import write_atomic
    try:
        write_atomic(Path(output), data)
    except OSError as error:
        raise UsageError(f"cannot write {printable(output)}: {printable(error.strerror or str(error))}") from None


# What each command in kg/cli_args.py's COMMANDS runs.
HANDLERS: dict[str, Handler] = {"build": cmd_build, "validate": cmd_validate, "eval": cmd_eval, "query": cmd_query,
                                "load": cmd_load, "export": cmd_export, "view": cmd_view}


def _fail(message: str, status: int) -> int:
    print(printable(" ".join(message.split("\n"))), file=sys.stderr)
    return status


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
    args = parse(sys.argv[1:] if argv is None else list(argv), HANDLERS)
    with _signals_stop_the_command():
        try:
            return args.func(args)
        except KgError as error:  # one line, no traceback; the status says what kind of problem (kg/errors.py)
            message = str(error)
            return _fail(message if message.startswith("kg ") else f"kg {args.command}: {message}", error.status)
        except KeyboardInterrupt as stop:
            print(_stopped(stop), file=sys.stderr)
            return _stop_status(stop)


if __name__ == "__main__":
    sys.exit(main())
