"""What goes wrong with an input: an ``IngestError`` skips it, an
``IngestWarning`` keeps it with a loss, a ``StopBatch`` ends the batch; each
said in one printable line, ``PATH[:LINE]: reason``."""
from __future__ import annotations

from pathlib import Path

from .clean import printable


class IngestError(Exception):
    """A bad input, reported through ``on_error`` so the batch goes on. The
    message is always one printable line: ``PATH[:LINE]: reason``."""

    def __init__(self, path: Path | str, reason: str, line: int | None = None):
        self.path, self.reason, self.line = str(path), reason, line
        where = printable(self.path) if line is None else f"{printable(self.path)}:{line}"
        super().__init__(f"{where}: {printable(reason)}")

    def __reduce__(self):
        # Dask workers send these back to the build: pickled by their fields, not the message.
        return type(self), (self.path, self.reason, self.line)


class IngestWarning(IngestError):
    """An input read with a loss (bytes that no encoding decodes, read as
    U+FFFD): the article is kept. Reported through the same ``on_error`` as
    the inputs skipped, which tell the two apart by this class."""


class StopBatch(BaseException):
    """Raised by an ``on_error`` handler to stop the whole batch at the first
    bad input (``kg build --strict``). A BaseException, so that no reader's
    error handling turns it into just another skipped file."""

    def __init__(self, error: IngestError):
        self.error = error
        super().__init__(str(error))


def where(path: Path | str, line: int | None) -> str:
    """``PATH[:LINE]``, printable: where an article was read, in messages."""
    return printable(str(path)) if line is None else f"{printable(str(path))}:{line}"

