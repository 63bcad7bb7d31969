"""Where the few tokens some rules look for around a match stand in a
document, found once per article from its arrays: walking the tokens
around every match (a verb's children, the words before a name) was one
of extraction's hotspots."""
from __future__ import annotations

from bisect import bisect_left

from spacy.attrs import DEP, ORTH
from spacy.strings import get_string_id
from spacy.symbols import neg
from spacy.tokens import Doc

BRACKETS = frozenset(get_string_id(text) for text in ("(", ")", "()"))  # the tokens whose text is in "()"


class Marks:
    def __init__(self, doc: Doc):
        self.negations: dict[int, list[int]] = {}  # a token's "neg" children ("not", "never"), by the token
        for i, dep in enumerate(doc.to_array(DEP).tolist()):
            if dep == neg:
                self.negations.setdefault(doc[i].head.i, []).append(i)
        self._brackets = [i for i, orth in enumerate(doc.to_array(ORTH).tolist()) if orth in BRACKETS]

    def last_bracket(self, start: int, end: int) -> int | None:
        """The last "(" or ")" token in [start, end), if any."""
        k = bisect_left(self._brackets, end) - 1
        return self._brackets[k] if k >= 0 and self._brackets[k] >= start else None
