"""Ingest: turn article files into clean ``Article`` records.

Every later stage points character offsets into ``Article.text``, so all
normalisation happens here, once, the same way for every input format.
Page noise and byline date formats are data (``data/boilerplate.txt``) so an
editor can add a rule without touching code.
"""
from __future__ import annotations

import codecs
import errno
import io
import json
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from itertools import count
from pathlib import Path, PurePosixPath
from typing import NamedTuple
from urllib.parse import quote

from kg.records import Article

RULES_FILE = Path(__file__).parent / "data" / "boilerplate.txt"

# A byline/date line is short and is not a sentence; a date inside a sentence
# ("premieres on January 27, 2023.") is an event, not the publication date.
_DATE_LINES, _DATE_LINE_MAX = 4, 80
_SENTENCE_END = re.compile(r"[.!?][\"')]?$")

_MONTHS = "january february march april may june july august september october november december".split()

BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

# Typographic characters folded to ASCII so extraction rules see one form.
_CHAR_MAP = {
    **dict.fromkeys(map(ord, "“”„‟«»″"), '"'),
    **dict.fromkeys(map(ord, "‘’‚‛′"), "'"),
    **dict.fromkeys([0x09, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000], " "),
    # zero-width and soft-hyphen characters, and control characters that
    # str.splitlines() does not already treat as line breaks
    **dict.fromkeys([0xAD, 0x200B, 0x200C, 0x2060, 0xFEFF, *range(0x00, 0x09),
                     *range(0x0E, 0x1C), 0x1F, 0x7F, *range(0x80, 0x85), *range(0x86, 0xA0)]),
    # bidirectional marks, embeddings, overrides and isolates: invisible, and they
    # can make a label read otherwise than it is written (U+202E reverses what follows)
    **dict.fromkeys(map(ord, BIDI_CONTROLS)),
    ord("…"): "...",
}
# The zero-width joiner binds emoji into one (a family, a flag, a skin tone with a profession);
# elsewhere it is an invisible character that would keep names from matching.
_EMOJI = "\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u21aa\u231a-\u23ff\u24c2\u25aa-\u27bf\u2934\u2935" \
         "\u2b05-\u2b55\u3030\u303d\u3297\u3299\ufe0f\U0001f000-\U0001faff\U000e0020-\U000e007f"
_STRAY_JOINER = re.compile(f"(?<![{_EMOJI}])\u200d|\u200d(?![{_EMOJI}])")
_SPACES = re.compile(r" {2,}")
# Lone surrogates (from JSON "\\ud800" escapes or undecodable file names)
# cannot be written as UTF-8; U+FFFE/U+FFFF are not characters at all.
_UNENCODABLE = re.compile("[\ud800-\udfff\ufffe\uffff]")
_CONTROLS = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029{BIDI_CONTROLS}]")
# Characters an xsd:anyURI must not contain raw (RFC 3987 excludes them).
_URL_UNSAFE = re.compile(r'[\x00-\x20\x7f-\x9f<>"{}|\\^`]')

# Limits that keep one hostile input from stalling or exhausting a build. A news article is a few
# thousand characters; anything past these is a dump, not an article, and is skipped with a message.
MAX_FILE_BYTES = 16 * 1024 * 1024      # .txt / .html file
MAX_LINE_BYTES = MAX_FILE_BYTES        # one .jsonl line (a .jsonl is read a line at a time, any size)
READ_BLOCK = 1 << 20                   # what is read at a time while skipping an over-long line
MAX_ARTICLE_CHARS = 1_000_000          # cleaned text (the build reads a long one in parts: kg/build/parts.py)
_BLANK_RUNS = re.compile(r"\n{3,}")


def printable(text: str) -> str:
    """``text`` on one line and encodable as UTF-8: control characters and line breaks become
    ``\\xNN`` escapes, lone surrogates (the undecodable bytes of a file name) ``\\udcNN``.
    For file names in messages, ids and ``kg:sourceFile``."""
    text = _CONTROLS.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), str(text))
    return _UNENCODABLE.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), text)


def safe_url(url: str | None) -> str | None:
    """A URL usable as an xsd:anyURI literal: characters a URI may not hold
    raw are percent-encoded; an empty URL is dropped."""
    url = _UNENCODABLE.sub("\ufffd", (url or "").strip())
    return _URL_UNSAFE.sub(lambda m: quote(m[0], safe=""), url) or None


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


def _load_rules(path: Path) -> dict[str, list[re.Pattern]]:
    """Read the rules at import, so a typo in the data file fails loudly
    instead of silently leaving noise in every article."""
    rules: dict[str, list[re.Pattern]] = {"cut": [], "drop": [], "date": []}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, _, regex = line.partition(":")
        if kind not in rules:
            raise ValueError(f"{path}:{number}: unknown rule kind {kind!r}")
        rules[kind].append(re.compile(regex.strip(), re.IGNORECASE))
    return rules


_RULES = _load_rules(RULES_FILE)


def clean_text(raw: str) -> str:
    """Normalise text the same way for every format: NFC, ASCII quotes and
    spaces, no invisible characters (bidirectional controls included; a
    zero-width joiner only inside an emoji sequence), stripped lines, at most
    one blank line."""
    text = unicodedata.normalize("NFC", _UNENCODABLE.sub("\ufffd", raw)).translate(_CHAR_MAP)
    text = _STRAY_JOINER.sub("", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


def strip_noise(body: str) -> str:
    """Remove scraped page noise from a cleaned body: drop widget lines, and
    cut at the first comment section or log-in widget, since facts are never
    taken from reader comments."""
    kept = []
    for line in body.split("\n"):
        if any(rule.fullmatch(line) for rule in _RULES["cut"]):
            break
        if not any(rule.fullmatch(line) for rule in _RULES["drop"]):
            kept.append(line)
    return clean_text("\n".join(kept))


def find_date(body: str) -> date | None:
    """The publication date from a byline/date line among the first few lines
    of a cleaned body, or None when no line has a full, valid date."""
    lines = [line for line in body.split("\n") if line][:_DATE_LINES]
    for line in lines:
        if len(line) > _DATE_LINE_MAX or _SENTENCE_END.search(line):
            continue
        for rule in _RULES["date"]:
            for match in rule.finditer(line):
                found = _to_date(match["year"], match["month"], match["day"])
                if found:
                    return found
    return None


def _to_date(year: str, month: str, day: str) -> date | None:
    if not month.isdigit():
        name = month.lower()
        month = next((str(i) for i, full in enumerate(_MONTHS, 1)
                      if full.startswith(name) and len(name) >= 3), "")
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")

# Charset labels as pages write them, to the codec that reads them as browsers do (the WHATWG
# Encoding Standard): EUC-KR is read as its superset windows-949, Shift_JIS as windows-31J,
# Latin-1 and ASCII as windows-1252, GB2312 and GBK as GB18030. Other labels: Python's codecs.
_LABELS = {
    **dict.fromkeys(["euc-kr", "euc_kr", "euckr", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601",
                     "korean", "windows-949", "cp949", "iso-ir-149", "csksc56011987", "cseuckr", "x-windows-949"],
                    "cp949"),
    **dict.fromkeys(["shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "ms932", "windows-31j", "csshiftjis",
                     "cp932"], "cp932"),
    **dict.fromkeys(["euc-jp", "x-euc-jp", "cseucpkdfmtjapanese"], "euc_jp"),
    **dict.fromkeys(["gb2312", "gbk", "gb18030", "chinese", "x-gbk", "csgb2312", "iso-ir-58", "cp936"], "gb18030"),
    **dict.fromkeys(["big5", "big5-hkscs", "cn-big5", "x-x-big5", "csbig5"], "big5hkscs"),
    **dict.fromkeys(["iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii",
                     "windows-1252", "cp1252", "x-cp1252", "cp819", "ibm819"], "cp1252"),
}
# What a page declares: <meta charset=...>, <meta http-equiv=Content-Type content="...; charset=...">,
# or an XML declaration's encoding, near its start.
_DECLARED = re.compile(rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:+-]{1,40})"""
                       rb"""|<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:+-]{1,40})""", re.IGNORECASE)
_PRESCAN_BYTES = 4096
# Multi-byte East Asian encodings, in the order they are preferred when the detector finds several
# that read the bytes equally well: a Korean news archive is Korean first.
_CJK = ("cp949", "euc_kr", "johab", "cp932", "shift_jis", "shift_jis_2004", "shift_jisx0213", "euc_jp",
        "euc_jis_2004", "euc_jisx0213", "gb18030", "gbk", "gb2312", "big5hkscs", "big5", "cp950")


def _codec(label: str | None) -> str | None:
    """The codec for a charset label, or None for a label that is not a text encoding (or is
    UTF-16/32, which a page whose declaration is readable as ASCII cannot be)."""
    if not label:
        return None
    label = label.strip().lower()
    if label in _LABELS:
        return _LABELS[label]
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    if not info._is_text_encoding or info.name.startswith(("utf-16", "utf-32")):
        return None
    return "cp1252" if info.name in ("ascii", "iso8859-1", "latin-1") else info.name


def declared_charset(data: bytes) -> str | None:
    """The codec of the charset an HTML page declares near its start, if any."""
    match = _DECLARED.search(data[:_PRESCAN_BYTES])
    return _codec((match[1] or match[2]).decode("ascii")) if match else None


def _western(data: bytes) -> bool:
    """Read as windows-1252, most letters are ASCII: English or another Western
    language with a few accented letters, not Cyrillic or Greek in a code page."""
    letters = [c for c in data.decode("latin-1") if c.isalpha()]
    return sum(c > "\x7f" for c in letters) * 2 <= len(letters)


def _detect(data: bytes) -> str | None:
    """The encoding of bytes that are not UTF-8, by charset-normalizer: of the
    encodings that read them with the least noise, an East Asian multi-byte
    one if any (Korean first), else windows-1252 for Western text, else the
    detector's best (Cyrillic, Greek, ...). None when nothing reads them."""
    from charset_normalizer import from_bytes  # imported here: only non-UTF-8 input needs it
    matches = list(from_bytes(data))
    if not matches:
        return None
    least = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos <= least + 1e-9]
    candidates = {encoding for m in tied for encoding in (m.encoding, *m.could_be_from_charset)}
    for encoding in _CJK:
        if encoding in candidates:
            return _LABELS.get(encoding.replace("_", "-"), encoding)
    if "cp1252" in candidates or _western(data):
        return "cp1252"
    return tied[0].encoding


def _replacing(data: bytes, encoding: str) -> tuple[str, int]:
    """``data`` read with each undecodable sequence as U+FFFD, and how many there were."""
    text = data.decode(encoding, errors="replace")
    bare = {"utf-8-sig": "utf-8", "utf-16": "utf-16-le", "utf-32": "utf-32-le"}.get(encoding, encoding)  # no BOM
    own = "\ufffd".encode(bare, errors="ignore")
    return text, text.count("\ufffd") - (data.count(own) if own else 0)


def _lost(count: int, what: str) -> str:
    return f"not valid {what}: {count} undecodable byte sequence{'s' if count != 1 else ''} read as U+FFFD"


def _decode(path: Path, data: bytes, declared: str | None = None, line: int | None = None
            ) -> tuple[str, IngestWarning | None]:
    """The text of ``data``, and a warning when some of it could not be decoded
    (each undecodable sequence becomes U+FFFD). In order: a byte-order mark
    (UTF-8, UTF-16, UTF-32); UTF-8; the charset the page declares
    (``declared``, a codec); the encoding charset-normalizer detects (East
    Asian multi-byte encodings first, windows-1252 for Western text); UTF-8
    with a few broken bytes when the data holds valid multi-byte UTF-8;
    windows-1252, else Latin-1. Binary data is an IngestError."""
    def warn(count: int, what: str) -> IngestWarning | None:
        return IngestWarning(path, _lost(count, what), line) if count > 0 else None

    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        text, count = _replacing(data, "utf-32")
        if count > max(1, len(text) // 10):
            raise IngestError(path, "invalid UTF-32 text", line)
        return _checked(path, text, line), warn(count, "UTF-32")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # A broken surrogate or an odd last byte costs one U+FFFD; a file
        # that is mostly undecodable is not UTF-16 at all.
        text, count = _replacing(data, "utf-16")
        if count > max(1, len(text) // 10):
            raise IngestError(path, "invalid UTF-16 text", line)
        return _checked(path, text, line), warn(count, "UTF-16")
    if b"\x00" in data:
        raise IngestError(path, "binary file, not text", line)
    try:
        return _checked(path, data.decode("utf-8-sig"), line), None
    except UnicodeDecodeError:
        pass
    if declared and declared != "utf-8":
        try:
            return _text(path, data.decode(declared), line), None
        except UnicodeDecodeError:
            pass
    detected = _detect(data)
    if detected in _CJK:
        try:
            return _text(path, data.decode(detected), line), None
        except UnicodeDecodeError:
            pass
    if declared:
        # The declared charset, with a few broken bytes (a page cut short), when the data is mostly it.
        text, count = _replacing(data, "utf-8-sig" if declared == "utf-8" else declared)
        if count <= max(1, len(text) // 100):
            return _checked(path, text, line), warn(count, f"{declared} (the charset the page declares)")
    if _UTF8_SEQUENCE.search(data):
        # UTF-8 with a few broken bytes (a truncated or spliced page):
        # keep the valid text, mark each broken byte with U+FFFD.
        text, count = _replacing(data, "utf-8-sig")
        return _checked(path, text, line), warn(count, "UTF-8")
    for encoding in (detected, "cp1252", "latin-1"):
        if encoding:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            return _text(path, text, line), None
    raise AssertionError("latin-1 decodes any bytes")


def _checked(path: Path, text: str, line: int | None) -> str:
    if "\x00" in text:
        raise IngestError(path, "binary file, not text", line)
    return text


def _text(path: Path, text: str, line: int | None) -> str:
    """Text read in a legacy encoding: control characters mean it was binary data."""
    if _BINARY.search(text):
        raise IngestError(path, "binary file, not text", line)
    return text


def _article(path: Path, name: str, id: str, headline: str, body: str,
             published: date | None = None, url: str | None = None) -> Article:
    """Assemble the record: headline, blank line, noise-free body. A body
    that repeats the headline as its first line (HTML h1) loses the copy."""
    headline = " ".join(clean_text(headline).split())
    body = strip_noise(clean_text(body))
    first, _, rest = body.partition("\n")
    if first == headline:
        body = rest.strip()
    if not headline:
        raise IngestError(path, "empty article")
    text = f"{headline}\n\n{body}" if body else headline
    if len(text) > MAX_ARTICLE_CHARS:
        raise IngestError(path, f"article too long: {len(text):,} characters (limit {MAX_ARTICLE_CHARS:,})")
    return Article(id=printable(id), source=printable(name), title=headline, text=text,
                   published=published or find_date(body), url=safe_url(url))


def _read_txt(path: Path, name: str, data: bytes, on_error) -> Iterator[tuple[int | None, Article]]:
    text, warning = _decode(path, data)
    if warning:
        on_error(warning)
    headline, _, body = clean_text(text).partition("\n")
    yield None, _article(path, name, _stem(name), headline, body)


# Elements a browser does not render: the hidden attribute (but hidden="until-found", which a
# search reveals), and inline styles display:none or visibility:hidden.
_HIDDEN = ("//*[@hidden and not(translate(@hidden, 'UNTILFOD', 'untilfod') = 'until-found')]"
           " | //*[contains(translate(@style, 'DISPLAYNOEVSBT ', 'displaynoevsbt'), 'display:none')]"
           " | //*[contains(translate(@style, 'DISPLAYNOEVSBT ', 'displaynoevsbt'), 'visibility:hidden')]")


def _read_html(path: Path, name: str, data: bytes, on_error) -> Iterator[tuple[int | None, Article]]:
    """Main text and metadata via trafilatura; reader comments excluded. It
    parses with lxml's HTML parser, which neither fetches nor expands
    external entities. Imported here: it takes a fifth of a second, and
    the extraction workers, which import this module, never read HTML."""
    import trafilatura
    from trafilatura.utils import load_html
    text, warning = _decode(path, data, declared_charset(data))
    if warning:
        on_error(warning)
    tree = load_html(text)
    if tree is None:
        raise IngestError(path, "no article text found")
    # What a browser does not show is not the article: trafilatura would read it.
    for hidden in tree.xpath(_HIDDEN):
        hidden.drop_tree()
    doc = trafilatura.bare_extraction(
        tree, include_comments=False, with_metadata=True,
        date_extraction_params={"original_date": True, "extensive_search": False})
    if doc is None or not (doc.text or "").strip():
        raise IngestError(path, "no article text found")
    headline, body = doc.title, doc.text
    if not headline:
        headline, _, body = clean_text(body).partition("\n")
    try:
        published = date.fromisoformat(doc.date) if doc.date else None
    except ValueError:
        published = None
    yield None, _article(path, name, _stem(name), headline, body, published, doc.url)


def _raw_lines(handle, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(number, line without its newline) for each line of a binary file, read a line at a
    time; a line longer than ``limit`` bytes is never held whole: it is skipped up to its
    end and given as None."""
    for number in count(1):
        raw = handle.readline(limit + 1)
        if not raw:
            return
        if len(raw) > limit and not raw.endswith(b"\n"):
            while (rest := handle.readline(READ_BLOCK)) and not rest.endswith(b"\n"):
                pass
            yield number, None
            continue
        yield number, raw[:-1] if raw.endswith(b"\n") else raw


def _jsonl_lines(path: Path, handle) -> Iterator[tuple[int, str | IngestError]]:
    """Each line decoded on its own, so one corrupt line (stray binary, a
    different encoding) costs that line only; a file whose first line is
    binary is not JSON Lines at all. Streamed: memory holds one line (at
    most MAX_LINE_BYTES) whatever the file's size."""
    if handle.peek(2)[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        text = io.TextIOWrapper(handle, encoding="utf-16", errors="replace", newline="\n")
        for number in count(1):
            line = text.readline(MAX_LINE_BYTES + 1)
            if not line:
                return
            if len(line) > MAX_LINE_BYTES and not line.endswith("\n"):
                while (rest := text.readline(READ_BLOCK)) and not rest.endswith("\n"):
                    pass
                yield number, IngestError(path, f"line too long (limit {MAX_LINE_BYTES:,} characters)", number)
            else:
                yield number, line.rstrip("\n")
        return
    first = True
    for number, raw in _raw_lines(handle, MAX_LINE_BYTES):
        if raw is None:
            yield number, IngestError(path, f"line too long (limit {MAX_LINE_BYTES // 2**20} MiB)", number)
            first = False
            continue
        try:
            text, warning = _decode(path, raw, line=number)
            if warning:
                yield number, warning
            yield number, text
        except IngestError as error:
            if first:  # the first line is binary: an image or archive, not JSON Lines
                raise IngestError(path, error.reason) from None
            yield number, IngestError(path, error.reason.replace("binary file", "binary data"), number)
        first = first and not raw.strip()


def _read_jsonl(path: Path, name: str, handle, on_error) -> Iterator[tuple[int | None, Article]]:
    """One JSON object a line; a bad line is reported with its number and
    the other lines are still read, whatever went wrong with it."""
    found = False
    for number, line in _jsonl_lines(path, handle):
        if isinstance(line, IngestError):
            found = True
            on_error(line)
            continue
        if not line.strip():
            continue
        found = True
        try:
            yield number, _jsonl_article(path, name, number, line)
        except IngestError as error:
            on_error(error)
        except Exception as error:  # noqa: BLE001 - this line only: the rest of the file is still read
            on_error(IngestError(path, f"cannot read ({type(error).__name__}: {error})", number))
    if not found:
        raise IngestError(path, "empty article")


def _jsonl_article(path: Path, name: str, number: int, line: str) -> Article:
    def fail(reason: str) -> IngestError:
        return IngestError(path, reason, number)

    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise fail(f"invalid JSON ({error.msg})") from None
    except RecursionError:
        raise fail("invalid JSON (nested too deeply)") from None
    except ValueError as error:  # an integer of more digits than Python converts (sys.int_info)
        raise fail(f"invalid JSON ({error})") from None
    if not isinstance(record, dict):
        raise fail("not a JSON object")
    for key in ("id", "text", "title", "url", "date"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise fail(f"'{key}' must be a string")
    if not (record.get("id") or "").strip():
        raise fail("missing 'id'")
    body = clean_text(record.get("text") or "")
    if not body:
        raise fail("empty article")
    headline = record.get("title") or ""
    if not clean_text(headline):
        headline, _, body = body.partition("\n")
    published = None
    if record.get("date"):
        try:
            published = datetime.fromisoformat(record["date"]).date()
        except ValueError:
            raise fail(f"'date' is not an ISO date: {record['date']!r}") from None
    try:
        return _article(path, name, record["id"].strip(), headline, body, published, record.get("url"))
    except IngestError as error:
        raise fail(error.reason) from None


_READERS = {".txt": _read_txt, ".html": _read_html, ".htm": _read_html, ".jsonl": _read_jsonl}


def _os_reason(path: Path, error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    if error.errno == errno.ENOENT and path.is_symlink():
        return "broken symbolic link"
    return (error.strerror or str(error)).lower()


def _read(source: InputFile, on_error: Callable[[IngestError], None]) -> Iterator[tuple[int | None, Article]]:
    """(line number or None, article) for each article of the file."""
    path, name = source
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        raise IngestError(path, f"unsupported file type {path.suffix or '(none)'!r}")
    try:
        info = path.stat()
        # Only regular files: a FIFO or device named *.txt would block or
        # never end.
        if not stat.S_ISREG(info.st_mode):
            raise IngestError(path, "not a regular file")
        if reader is _read_jsonl:
            # Streamed a line at a time: a .jsonl may be of any size.
            with path.open("rb") as handle:
                yield from _read_jsonl(path, name, handle, on_error)
            return
        if info.st_size > MAX_FILE_BYTES:
            raise IngestError(path, f"file too large: {info.st_size / 2**20:.1f} MiB "
                                    f"(limit {MAX_FILE_BYTES / 2**20:.0f} MiB for one article)")
        data = path.read_bytes()
    except OSError as error:
        raise IngestError(path, _os_reason(path, error)) from None
    if not data.strip():
        raise IngestError(path, "empty article")
    yield from reader(path, name, data, on_error)


def read_article(path: Path) -> list[Article]:
    """All articles in one file (a .jsonl holds many); raises the first
    IngestError instead of skipping, for callers that want strictness
    (an input read with a loss, IngestWarning, is read)."""
    def strict(error: IngestError) -> None:
        if not isinstance(error, IngestWarning):
            raise error

    return [article for _, article in _read(InputFile.of(path), strict)]


class InputFile(NamedTuple):
    """A file to read, and its name in the graph: its path relative to the folder given
    as input (``2019/0042.txt`` in ``archive/``), or, for a file given by itself, its
    file name. The name is the article's ``kg:sourceFile``, and without its extension
    the article's id (a .jsonl's records carry their own ids), so that ids are unique
    within an input folder and the same on any machine and from any working folder."""

    path: Path
    name: str

    @classmethod
    def of(cls, path: Path | str) -> InputFile:
        """A file given by itself."""
        return cls(Path(path), Path(path).name)


def _stem(name: str) -> str:
    """An id from a file's name: without its extension (``2019/0042.txt`` -> ``2019/0042``)."""
    return name[:-len(PurePosixPath(name).suffix) or None]


def expand(inputs: Iterable[Path]) -> Iterator[InputFile | IngestError]:
    """The files of ``inputs`` in the order given (a folder: its readable
    files, recursively and sorted, no hidden entries or other extensions),
    with an IngestError in place of an input or folder that cannot be read.
    A build expands its inputs once and gives the list to ``read_files``."""
    for given in map(Path, inputs):
        if given.is_dir():
            found, errors = [], []
            # Symlinked folders are not followed: no loops, no escaping the tree.
            for root, dirs, files in os.walk(given, onerror=errors.append):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                found += [Path(root, f) for f in files
                          if not f.startswith(".") and Path(f).suffix.lower() in _READERS]
            yield from (IngestError(e.filename, _os_reason(Path(e.filename), e)) for e in errors)
            yield from (InputFile(path, path.relative_to(given).as_posix()) for path in sorted(found))
        elif given.exists():
            yield InputFile.of(given)
        else:
            try:
                given.stat()
                reason = "no such file or directory"
            except OSError as error:
                reason = _os_reason(given, error)
            yield IngestError(given, reason)


def iter_articles(inputs: Iterable[Path], on_error: Callable[[IngestError], None]) -> Iterator[Article]:
    """Stream articles from files and folders (see ``read_files``)."""
    return read_files(expand(inputs), on_error)


def read_files(files: Iterable[InputFile | Path | IngestError],
               on_error: Callable[[IngestError], None]) -> Iterator[Article]:
    """Stream the articles of expanded inputs (``expand``; a plain Path is a
    file given by itself). A bad file, a bad jsonl line or a repeated article
    id is reported through ``on_error`` and skipped; the rest of the batch
    goes on. Ids must be unique because they name the article's resources in
    the graph."""
    return (article for _, _, article in read_located(files, on_error))


def where(path: Path | str, line: int | None) -> str:
    """``PATH[:LINE]``, printable: where an article was read, in messages."""
    return printable(str(path)) if line is None else f"{printable(str(path))}:{line}"


def read_located(files: Iterable[InputFile | Path | IngestError],
                 on_error: Callable[[IngestError], None]) -> Iterator[tuple[Path, int | None, Article]]:
    """``read_files``, with the file and line (None for a .txt or .html) each article came from."""
    seen: dict[str, str] = {}
    for source in files:
        if isinstance(source, IngestError):
            on_error(source)
            continue
        source = source if isinstance(source, InputFile) else InputFile.of(source)
        path = source.path
        try:
            for line, article in _read(source, on_error):
                if article.id in seen:
                    on_error(IngestError(path, f"duplicate article id {article.id!r} "
                                               f"(first read from {seen[article.id]})", line))
                    continue
                seen[article.id] = where(path, line)
                yield path, line, article
        except IngestError as error:
            on_error(error)
        except Exception as error:  # noqa: BLE001 - a reader (or the HTML library under it) failed on this
            # file: report it like any bad input instead of ending the batch.
            on_error(IngestError(path, f"cannot read ({type(error).__name__}: {error})"))
