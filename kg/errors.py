"""What library modules raise; ``kg/cli.py`` turns each into a one-line
error and an exit status (docs/cli.md). Only the CLI exits.

Each class carries its exit status: 2 for what the command was given (as for
argparse's usage errors) or what cannot be written, 5 for a store or server
that failed, 6 for a build that read no article."""


class KgError(Exception):
    """A problem the user can act on, said in one line (no traceback)."""

    status = 2


class UsageError(KgError):
    """The command was given something it cannot use: an unknown format, a
    query that does not parse, a missing or unreadable file, a bad IRI."""


class GraphReadError(KgError):
    """A graph file that cannot be read (missing, or not valid RDF)."""


class EndpointError(KgError):
    """A SPARQL endpoint that cannot be reached, timed out, or answered with
    an error or with something it should not have."""

    status = 5


class StoreError(KgError):
    """A local store that cannot be opened (in use by a server) or written."""

    status = 5


class ModelError(KgError):
    """A spaCy pipeline or trained model that is not installed or cannot be
    loaded."""


class NoArticles(KgError):
    """A build that read no article at all (every input skipped, a mistyped
    or empty folder): it has nothing to write, and writes nothing."""

    status = 6


class BuildError(KgError):
    """A build that cannot go on for a reason outside its inputs: its
    temporary folder or its cache cannot be written (a full disk)."""


class CacheInUse(StoreError):
    """The ``--update`` cache is in use by another build of the same output."""


class ClusterError(KgError):
    """The build's workers failed: the Dask scheduler cannot be reached, the
    cluster failed, or a worker process of ``--jobs N`` died during the build."""

    status = 5
