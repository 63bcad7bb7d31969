"""Words that hedge a statement ("will", "reportedly", "is likely to"): a fact stated so is marked
hedged (kg/extract/context.py's evidence), and readers of charts and counts skip such sentences."""
from __future__ import annotations

import re

from ..data import any_word, lexicon

HEDGES = any_word(lexicon()["hedge_words"])
NO_HEDGES = any_word(lexicon()["hedge_words_said_of_a_fact"]["phrases"])


def is_hedged(text: str) -> bool:
    """Does the text hedge ("will", "reportedly")? A capitalised hedge word
    inside the text is a name or a month ("on May 3", "Will Smith"), as is one
    that opens it before a number ("May 3, the song ..."); "as expected" is none."""
    for match in HEDGES.finditer(NO_HEDGES.sub(lambda m: " " * len(m.group()), text)):
        word = match.group()
        if word.islower() or match.start() == 0 and not re.match(r"\s*\d", text[match.end():]):
            return True
    return False
