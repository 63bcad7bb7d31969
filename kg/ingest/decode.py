"""Bytes to text: a byte-order mark, UTF-8, the charset an HTML page
declares or the one charset-normalizer detects, as browsers read them; what
no encoding decodes becomes U+FFFD and is said in an ``IngestWarning``, and
binary data is an ``IngestError``."""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from .errors import IngestError, IngestWarning

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
