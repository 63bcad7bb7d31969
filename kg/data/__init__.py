"""What the extraction knows, as data a domain expert edits (gazetteer,
name and relation patterns, word lists, page noise), and its one reader:
every file of this folder is read through these functions. Plain Python,
so reading page noise rules (ingest) does not load spaCy."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterator

FOLDER = Path(__file__).parent


def lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, line) of a data file, blank lines left out; ``path``
    may be another file of the same format (a test's, a user's)."""
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            yield number, line


def rows(name: str) -> list[dict]:
    """The objects of a JSONL file of this folder; a line that is no JSON
    is a ValueError naming the file and line."""
    out = []
    for number, line in lines(FOLDER / name):
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError as error:
            raise ValueError(f"{FOLDER / name}:{number}: {error}") from None
    return out


def alternatives(words) -> str:
    """A word list as one regular expression's alternatives, longest first,
    so that a phrase wins over a word it starts with ("girl group", "group")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def any_word(words: list[str]) -> re.Pattern:
    """Any of ``words``, ignoring case. The lookahead on their first letters
    lets the engine pass most word starts without trying every word, which
    halves the search time of a case-insensitive alternation."""
    first_letters = re.escape("".join(sorted({word[0] for word in words})))
    return re.compile(rf"\b(?=[{first_letters}])(?:" + "|".join(re.escape(word) for word in words) + r")\b", re.I)


@lru_cache(maxsize=None)
def document(name: str) -> dict:
    """A JSON file of this folder, read once."""
    return json.loads((FOLDER / name).read_text(encoding="utf-8"))


def lexicon() -> dict:
    """Cue and stop words, word lists and evidence weights (lexicon.json)."""
    return document("lexicon.json")


@lru_cache(maxsize=None)
def title_cue_words(sides: tuple[str, ...] = ("before",)) -> frozenset:
    """The words that cue a title on the given sides ("the drama 'X'", "'X' OST"),
    lower case, of every class."""
    lex = lexicon()
    return frozenset(w.lower() for side in sides for cls, words in lex[f"title_cues_{side}"].items()
                     if not cls.startswith("_") for w in words)


@lru_cache(maxsize=None)
def which_member_words() -> frozenset:
    """Words between a group's possessive and a member noun that say which
    member ("youngest", "main"): the pattern macro @WHICH_MEMBER."""
    return frozenset(document("pattern_macros.json")["WHICH_MEMBER"])


@lru_cache(maxsize=None)
def member_nouns() -> frozenset:
    """The words for a group's member ("leader", "vocalist"): the pattern
    macro @MEMBER_NOUNS, which the name finders read as well."""
    return frozenset(document("pattern_macros.json")["MEMBER_NOUNS"])


@lru_cache(maxsize=None)
def group_descriptors() -> frozenset:
    """The words between "the" and a group noun ("the five-member girl group"):
    the pattern macro @GROUP_DESCRIPTORS, which the typing reads as well."""
    return frozenset(document("pattern_macros.json")["GROUP_DESCRIPTORS"])


@lru_cache(maxsize=None)
def class_nouns() -> frozenset:
    """The nouns that name a class ("drama", "album", "singer"), lower case, of every class."""
    return frozenset(w.lower() for cls, words in lexicon()["class_nouns"].items() if not cls.startswith("_") for w in words)
