"""Clean text: the one normalisation every input format goes through, and
the forms a file name or URL takes in messages and in the graph.

Every later stage points character offsets into ``Article.text``, so all
normalisation happens here, once, the same way for every input format.
Page noise and byline date formats are data (``data/boilerplate.txt``) so an
editor can add a rule without touching code.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path
from urllib.parse import quote

from ..data import FOLDER, lexicon, lines

RULES_FILE = FOLDER / "boilerplate.txt"

# A byline/date line is short and is not a sentence; a date inside a sentence
# ("premieres on January 27, 2023.") is an event, not the publication date.
DATE_LINES, _DATE_LINE_MAX, _FIELDS_LINE_MAX = 4, 80, 200
_SENTENCE_END = re.compile(r"[.!?][\"')]?$")

_MONTHS = "january february march april may june july august september october november december".split()
_OTHER_MONTHS = {k: v for k, v in lexicon()["date_line_months"].items() if not k.startswith("_")}  # "28 Maret 2013"

BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

# Typographic characters folded to ASCII so extraction rules see one form.
_CHAR_MAP = {
    # curly quotes, and the CJK title brackets of translated copy (『Title』, 《Title》, 「Title」:
    # in English copy 「」 mark titles, as a Japanese page's speech is not read), and its
    # lenticular brackets as square ones ("【Oricon】Group's single": a source tag)
    **dict.fromkeys(map(ord, "“”„‟«»″『』《》〈〉「」｢｣"), '"'),
    ord("【"): "[", ord("】"): "]",
    **dict.fromkeys(map(ord, "‘’‚‛′"), "'"),
    **dict.fromkeys([0xA0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000], " "),
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
# "<Spectrum Theory>": the ASCII form of the title brackets 〈〉 that Korean copy uses, read as quotes; not a
# tag left in the text ("<BR>", "</P>") nor a comparison ("3 < 5 and 7 > 2")
_ANGLE_TITLE = re.compile(r"<(?!(?i:/|(?:p|br|b|i|u|a|em|strong|span|div|img|li|ul|ol|hr|h[1-6]|table|tr|td)>))"
                          r"([A-Z0-9][^<>\n\"=]{0,80}?)>")
# "*Snowline*": a title in the asterisks that web copy italicises with, read as quotes (not "**bold**",
# nor a name's own asterisk, "VIVID*ROSE")
_ITALIC = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]{1,80}?)(?<=[^\s*])\*(?![\w*])")
_SPACES = re.compile(r" {2,}")
_TABS = re.compile(r" *\t[ \t]*")


def _fields(line: str) -> str:
    """A line of three fields or more parted by tabs is a table's row: its tabs
    are written as the pipe the table readers know; a lone tab is a space."""
    return _TABS.sub(" | " if len(_TABS.findall(line)) >= 2 else " ", line)


def _italic_title(match: re.Match) -> str:
    """An italicised span as a quoted title, unless it opens its line before a
    new sentence ("*Happy dance* What a treat": a gesture, no title)."""
    text = match.string
    opens_line = match.start() == 0 or text[match.start() - 1] == "\n"
    if opens_line and re.match(r" [A-Z]", text[match.end():match.end() + 2]):
        return match.group()
    return f'"{match.group(1)}"'

_BLANK_RUNS = re.compile(r"\n{3,}")
# Lone surrogates (from JSON "\\ud800" escapes or undecodable file names)
# cannot be written as UTF-8; U+FFFE/U+FFFF are not characters at all.
_UNENCODABLE = re.compile("[\ud800-\udfff\ufffe\uffff]")
_CONTROLS = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029{BIDI_CONTROLS}]")
# Characters an xsd:anyURI must not contain raw (RFC 3987 excludes them).
_URL_UNSAFE = re.compile(r'[\x00-\x20\x7f-\x9f<>"{}|\\^`]')


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


def _load_rules(path: Path) -> dict[str, list[re.Pattern]]:
    """Read the rules at import, so a typo in the data file fails loudly
    instead of silently leaving noise in every article."""
    rules: dict[str, list[re.Pattern]] = {"cut": [], "drop": [], "mark": [], "date": [], "dateline": [],
                                          "headline": [], "join": []}
    for number, line in lines(path):
        if line.startswith("#"):
            continue
        kind, _, regex = line.partition(":")
        if kind not in rules:
            raise ValueError(f"{path}:{number}: unknown rule kind {kind!r}")
        rules[kind].append(re.compile(regex.strip(), re.IGNORECASE))
    return rules


_RULES = _load_rules(RULES_FILE)


# A hyphen with a space on each side is a dash ("The band - A, B and C - recorded it"), which the parser reads as one
_SPACED_HYPHEN = re.compile(r"(?<=\S) - (?=\S)")


def clean_text(raw: str) -> str:
    """Normalise text the same way for every format: NFC, ASCII quotes (for
    title brackets too) and spaces, a spaced hyphen as a dash, tabs between a row's fields as " | ", no invisible characters (bidirectional controls included; a
    zero-width joiner only inside an emoji sequence), stripped lines, at most
    one blank line."""
    text = unicodedata.normalize("NFC", _UNENCODABLE.sub("\ufffd", raw)).translate(_CHAR_MAP)
    text = _ITALIC.sub(_italic_title, _ANGLE_TITLE.sub(r'"\1"', _STRAY_JOINER.sub("", text)))
    lines = (_SPACED_HYPHEN.sub(" \u2013 ", _SPACES.sub(" ", _fields(line.strip(" \t")))).strip()
             for line in text.splitlines())
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


# "3/8 Part 2: ...": the counter a thread of posts numbers its posts with
_THREAD_COUNTER = re.compile(r"^\(?(\d{1,2})/(\d{1,2})\)?[.:]? +(?=\S)")


def _thread_counted(lines: list[str]) -> bool:
    """Do three lines or more open with "k/N" of one N, each k at most N and
    none twice: a thread's counters, not dates ("12/1 A – B": a schedule's day)?"""
    counters = [(int(m[1]), int(m[2])) for line in lines if (m := _THREAD_COUNTER.match(line))]
    return len(counters) >= 3 and len({n for _, n in counters}) == 1 \
        and all(k <= n for k, n in counters) and len({k for k, _ in counters}) == len(counters)


def strip_noise(body: str) -> str:
    """Remove scraped page noise from a cleaned body: drop widget lines, cut
    at the first comment section or log-in widget, since facts are never
    taken from reader comments, and take list markers off the lines they
    open ("• Jo Seung-woo has been cast": a bullet is no word of the sentence,
    and the parser reads it as one), and join a sentence broken across lines
    (a line ending in a word that needs what follows; never across a blank line)."""
    kept: list[str] = []
    lines = body.split("\n")
    counted = _thread_counted(lines)
    for line in lines:
        line = _THREAD_COUNTER.sub("", line, count=1) if counted else line
        if any(rule.fullmatch(line) for rule in _RULES["cut"]):
            break
        if not any(rule.fullmatch(line) for rule in _RULES["drop"]):
            for rule in _RULES["mark"]:
                line = rule.sub("", line, count=1)
            if line and kept and kept[-1] and continues(kept[-1]):
                kept[-1] = f"{kept[-1]} {line}"
            else:
                kept.append(line)
    return clean_text("\n".join(kept))


def continues(line: str) -> bool:
    """Whether a line ends in the middle of a sentence; only its end is read,
    so a line of a megabyte costs no more than a short one."""
    return any(rule.search(line[-40:]) for rule in _RULES["join"])


def find_date(body: str) -> date | None:
    """The publication date from a byline/date line, or a wire story's
    dateline, among the first few lines of a cleaned body, or None when no
    line has a full, valid date."""
    lines = [line for line in body.split("\n") if line][:DATE_LINES]
    for line in lines:
        for rule in _RULES["dateline"]:  # "TOKYO, May 24, 2023 -- Boy group ...": the first sentence's dateline
            match = rule.match(line)
            found = match and _to_date(match["year"], match["month"], match["day"])
            if found:
                return found
        # a line of fields ("ANTARA | Entertainment | Thursday, 27 November 2025 16:02 WIB | Reporter: ...") may run longer
        if len(line) > (_FIELDS_LINE_MAX if line.count(" | ") >= 2 else _DATE_LINE_MAX) or _SENTENCE_END.search(line):
            continue
        for rule in _RULES["date"]:
            for match in rule.finditer(line):
                found = _to_date(match["year"], match["month"], match["day"])
                if found:
                    return found
    return None


def headline_date(headline: str) -> date | None:
    """The date a headline ends with after a separator ("News bites: June
    18, 2022"), the publication date of a round-up whose body names none."""
    for rule in _RULES["headline"]:
        match = rule.search(headline.strip())
        found = match and _to_date(match["year"], match["month"], match["day"])
        if found:
            return found
    return None


def _to_date(year: str, month: str, day: str) -> date | None:
    if not month.isdigit():
        name = month.lower()
        month = next((str(i) for i, full in enumerate(_MONTHS, 1)
                      if full.startswith(name) and len(name) >= 3), "") or str(_OTHER_MONTHS.get(name, ""))
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None
