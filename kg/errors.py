"""What library modules raise; ``kg/cli.py`` turns each into a one-line
error and an exit status (docs/cli.md). Only the CLI exits."""


class KgError(Exception):
    """A problem the user can act on, said in one line (no traceback)."""


class UsageError(KgError):
    """The command was given something it cannot use: an unknown format, a
    query that does not parse, a missing or unreadable file."""


class GraphReadError(KgError):
    """A graph file that cannot be read (missing, or not valid RDF)."""


class EndpointError(KgError):
    """A SPARQL endpoint that cannot be reached or answered with an error."""


class NoArticles(KgError):
    """A build that read no article at all (every input skipped, a mistyped
    or empty folder): it has nothing to write, and writes nothing."""


class BuildError(KgError):
    """A build that cannot go on for a reason outside its inputs: the
    temporary folder or the cache cannot be written (a full disk), the cache
    is in use by another build, the Dask scheduler cannot be reached."""
