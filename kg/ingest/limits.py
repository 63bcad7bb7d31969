"""Limits that keep one hostile input from stalling or exhausting a build. A
news article is a few thousand characters; anything past these is a dump, not
an article, and is skipped with a message.

``kg.ingest`` looks MAX_FILE_BYTES and MAX_LINE_BYTES up among its own names
each time it opens a file, so that a test or a benchmark lowers them there
(``kg.ingest.MAX_LINE_BYTES = 1 << 20``)."""

MAX_FILE_BYTES = 16 * 1024 * 1024      # .txt / .html file
MAX_LINE_BYTES = MAX_FILE_BYTES        # one .jsonl line (a .jsonl is read a line at a time, any size)
READ_BLOCK = 1 << 20                   # what is read at a time while skipping an over-long line
MAX_ARTICLE_CHARS = 1_000_000          # cleaned text (the build reads a long one in parts: kg/build/parts.py)
