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
