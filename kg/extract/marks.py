"""Where the few tokens some rules look for around a match stand in a
document, found once per article from its arrays: walking the tokens
around every match (a verb's children, the words before a name) was one
of extraction's hotspots."""
from __future__ import annotations

from bisect import bisect_left

import numpy
from spacy.attrs import DEP, HEAD, IS_PUNCT, IS_QUOTE, LOWER, ORTH
from spacy.strings import get_string_id
from spacy.symbols import neg, prep
from spacy.tokens import Doc

from .rules import macros

BRACKETS = frozenset(get_string_id(text) for text in ("(", ")", "()"))  # the tokens whose text is in "()"
# The relation patterns' @FEATURING words ("featuring", "feat."), as LOWER values.
FEATURING = frozenset(get_string_id(word) for word in macros()["FEATURING"])


class Marks:
    def __init__(self, doc: Doc):
        self.heads = (numpy.arange(len(doc)) + doc.to_array(HEAD).astype("int64")).tolist()  # each token's head
        self.deps, lowers, orths, puncts, quotes = doc.to_array([DEP, LOWER, ORTH, IS_PUNCT, IS_QUOTE]).T.tolist() \
            if len(doc) else ([],) * 5
        self.negations: dict[int, list[int]] = {}  # a token's "neg" children ("not", "never"), by the token
        for i, dep in enumerate(self.deps):
            if dep == neg:
                self.negations.setdefault(self.heads[i], []).append(i)
        self._brackets = [i for i, orth in enumerate(orths) if orth in BRACKETS]
        self._featuring = [lower in FEATURING for lower in lowers]
        # Where a walk back from a name for "featuring" stops: that word, or punctuation other than a quote.
        self._feature_stops = [i for i, (featuring, punct, quote) in enumerate(zip(self._featuring, puncts, quotes))
                               if featuring or punct and not quote]

    def is_featured(self, i: int, sentence_start: int) -> bool:
        """Whether the name at token ``i`` (in the sentence from
        ``sentence_start``) is a guest's: under "featuring" in the parse, or,
        where the parse went astray, after it with no punctuation between
        ("recorded by A, featuring rapper B and singer C, for her album": her
        is A's)."""
        heads, node = self.heads, i
        for _ in range(len(heads) + 1):  # the token, then its ancestors (Token.ancestors stops after len(doc))
            if self.deps[node] != prep and self._featuring[heads[node]]:
                return True
            if heads[node] == node:
                break
            node = heads[node]
        k = bisect_left(self._feature_stops, i) - 1
        return k >= 0 and self._feature_stops[k] >= sentence_start and self._featuring[self._feature_stops[k]]

    def last_bracket(self, start: int, end: int) -> int | None:
        """The last "(" or ")" token in [start, end), if any."""
        k = bisect_left(self._brackets, end) - 1
        return self._brackets[k] if k >= 0 and self._brackets[k] >= start else None
