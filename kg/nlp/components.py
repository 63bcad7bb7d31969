"""The NLP stage's own components, as plain functions and classes; they are
registered with spaCy in kg/nlp/factories.py.

* ``sentences`` - sentence starts from punctuation and line breaks, aware
  of abbreviations such as "No. 2" and "Aug. 3";
* ``WindowedEntityRuler`` - spaCy's EntityRuler, matching only around the
  words a pattern must contain (the gazetteer and name patterns);
* ``titles`` - quoted titles ("RAIN", 'Our Blues') become ``TITLE`` spans;
* ``SpanModel`` - the trained span model (``make model``), whose title
  spans become candidates beside the base model's names.
"""
from __future__ import annotations

import re
import warnings
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import IS_SPACE, IS_TITLE, IS_UPPER, ORTH, SENT_START, SPACY
from spacy.pipeline import EntityRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..errors import ModelError
from ..data import lexicon, title_cue_words
from . import WORD_ATTRS, fast_matrices, text_of

# An opening quote touches the word after it, a closing one the word before:
# a stray quote elsewhere then does not pair the rest of the text wrongly.
DOUBLE_QUOTED = re.compile(r"(?<!\w)\"(?=\S)([^\"\n]{1,90}?)(?<=\S)\"(?!\w)")
# Mixed pairs, as typed in a hurry: 'Love Scenario" or "Love Scenario'.
MIXED_QUOTED = re.compile(r"(?<![\w'\"])(?:'(?=[A-Z0-9])([^'\"\n]{1,60}?)(?<=\S)\"|\"(?=[A-Z0-9])([^'\"\n]{1,60}?)(?<=\S)'(?!\w))")
# An apostrophe between letters does not close a single-quoted title: 'We're Still Here'.
SINGLE_QUOTED = re.compile(r"(?<![\w'])'((?:[^'\n]|(?<=\w)'(?=\w)){1,90}?)'(?!\w)")
# An English name in brackets right after a quoted title in another script: ‘리즌’(Reason).
ENGLISH_GLOSS = re.compile(r" ?\([A-Za-z0-9][^()\n]{0,60}\)")
SENTENCE_END = {".", "!", "?", "...", ".."}
QUOTES = {'"', "'"}
SENTENCE_INSIDE = re.compile(r"[a-z]{2}[.!?] +[A-Z]")
def sentences(doc: Doc) -> Doc:
    """Start a sentence after a line break, or after . ! ? when the next word
    is capitalised or quoted and the period does not end an abbreviation.
    Decided over plain lists and written with one ``from_array``: setting
    ``Token.is_sent_start`` checks the whole document on every token."""
    abbreviations = _abbreviations()
    strings = doc.vocab.strings
    words = [strings[orth] for orth in doc.to_array(ORTH).tolist()]  # no Token objects
    space, title, upper, spaced = doc.to_array([IS_SPACE, IS_TITLE, IS_UPPER, SPACY]).T.astype(bool)
    space, capital, spaced = space.tolist(), (title | upper).tolist(), spaced.tolist()
    starts = []
    for i, word in enumerate(words):
        if i == 0 or "\n" in words[i - 1] or space[i - 1]:
            starts.append(1)
        elif words[i - 1] == "." and i >= 2 and words[i - 2].isdigit() and (i == 2 or "\n" in words[i - 3] or space[i - 3]):
            starts.append(-1)  # "6. Cravity - ...": a list item's number, not a sentence
        elif (words[i - 1] in ELLIPSES or words[i - 1] in ("!", "?") and not spaced[i - 2 if i >= 2 else 0]) \
                and _inside_quotes(words, spaced, i - 1):
            starts.append(-1)  # 'called "Even if I was alive... Even if I was dead..."', 'on "Show! Music Core"': one title
        elif words[i - 1] in SENTENCE_END or (words[i - 1] in QUOTES and i >= 2 and words[i - 2] in SENTENCE_END
                                              and not spaced[i - 2]):
            # a sentence may end inside its quotation: 'followed by "Flower Road." "Love Scenario" ...'
            before = words[i - 2] if i >= 2 and words[i - 1] not in QUOTES else words[i - 3] if i >= 3 else ""
            # a quote after a space opens the next sentence; one touching the period closes this one ('Door." Penned')
            opens_quote = word in {'"', "'", "["} and spaced[i - 1] and capital[i + 1 if i + 1 < len(words) else i]
            starts.append(1 if (capital[i] or opens_quote) and before not in abbreviations else -1)
        else:
            starts.append(-1)
    if starts:
        doc.from_array([SENT_START], numpy.array(starts, dtype="int64").astype("uint64"))
    return doc


ELLIPSES = {"...", ".."}


def _inside_quotes(words: list[str], spaced: list[bool], i: int) -> bool:
    """Is the ellipsis (or "!") at ``i`` inside a quotation on its line: a quote
    mark opened before it (after a space) and one closing soon after it?"""
    before = next((k for k in range(i - 1, max(-1, i - 25), -1) if words[k] in QUOTES or "\n" in words[k]
                   or words[k] in SENTENCE_END), None)
    if before is None or words[before] not in QUOTES or before and not spaced[before - 1]:
        return False
    return any(words[k] == words[before] for k in range(i + 1, min(len(words), i + 16))
               if not any("\n" in w for w in words[i + 1:k]))


@lru_cache(maxsize=None)
def _abbreviations() -> frozenset:
    return frozenset(lexicon()["abbreviations"])


def titles(doc: Doc) -> Doc:
    """Mark quoted titles. A quoted span that the gazetteer or the name
    patterns already typed keeps its type; model entities overlapping a
    title give way to it. Titles may start in lower case ("midnight swim"):
    those need a cue to be kept (kg/extract/typing.py)."""
    text, ents = text_of(doc), doc.ents  # ents: rebuilt from the tokens on each access
    # A given name alone ("Seo-young") may be a short title; a full name is a name, but not two bare
    # words that only look romanised after a title's cue word ('the drama "Moon Harbor"'), nor one
    # word said twice ('"Bae Bae"', '"Bang Bang"'), as songs are named and people are not.
    # "X Choir" in quotes is a song's title: a group's suffix word is a title's word too
    typed = {(e.start, e.end) for e in ents if e.ent_id_ not in ("", "korean-given-name", "group-name")
             and not (e.ent_id_ == "korean-name" and len(e) == 2 and "-" not in e.text
                      and (_cued_title(e) or e[0].lower_ == e[1].lower_))}
    titles = []
    singles = [m.span(1) for m in SINGLE_QUOTED.finditer(text)]
    doubles = [m.span(1) for m in DOUBLE_QUOTED.finditer(text)]
    singles += [m.span(m.lastindex) for m in MIXED_QUOTED.finditer(text)
                if not any(a <= m.start() < b or a < m.end() <= b for a, b in singles + doubles)]
    # A double-quoted span holding a single-quoted title is speech, not a title.
    doubles = [(a, b) for a, b in doubles if not any(a <= c and d <= b for c, d in singles)]
    for start, end in sorted(singles + doubles):
        inner = text[start:end]
        stripped = inner.strip(" ,.!?;:") if not inner.rstrip().endswith("..") else inner.strip(" ,;:")
        words = stripped.split()
        # a sentence in quotes is speech; a Title Case title may end one ("... with its track "Wa Li Ga Li."")
        speech = (inner.rstrip().endswith(".") and not inner.rstrip().endswith("..") and len(words) > 3
                  and not _title_case(words)) or SENTENCE_INSIDE.search(inner)  # quotes paired across a sentence end
        # a long title in lower case is one where a title's cue says so ("the drama 'X' called 'Even if I was ...'")
        cued = (last := LAST_WORD.search(text, max(0, start - 20), max(0, start - 1))) is not None \
            and last.group(0).lower() in _long_title_cues() or PART_OF_A_SONG.search(text, max(0, start - 24), max(0, start - 1))
        wordy = len(words) > 5 and sum(w[:1].islower() for w in words) * 2 > len(words) and not cued
        if not stripped or not stripped[0].isalnum() or len(words) > (14 if cued else 9) or speech or wordy \
                or (stripped[0].islower() and len(words) > 6) or stripped.islower() and len(stripped) < 3:  # "Rock 'n' Roll"
            continue
        start += inner.index(stripped)
        stop = start + len(stripped)
        gloss = None if re.search("[A-Za-z]", stripped) else ENGLISH_GLOSS.match(text, end + 1)
        if gloss:  # "‘리즌’(Reason)": a title in its own script and its English name (kg.extract.mentions._translated)
            stop = gloss.end()
        span = doc.char_span(start, stop, label="TITLE", alignment_mode="expand")
        if span is None:
            continue
        if (span.start, span.end) in typed:
            continue
        titles.append(span)
    if titles:
        in_titles = {i for title in titles for i in range(title.start, title.end)}
        kept = [e for e in ents if in_titles.isdisjoint(range(e.start, e.end))]
        doc.set_ents(filter_spans(titles + kept))  # as ``doc.ents = ...``, without rebuilding each span
    return doc


LAST_WORD = re.compile(r"[A-Za-z-]+(?=\s*$)")
PART_OF_A_SONG = re.compile(r"\b(?:lyrics|words|music|melody)\s+(?:for|of|to)\s*$", re.I)  # "wrote the lyrics for 'X'"


@lru_cache(maxsize=None)
def _long_title_cues() -> frozenset:
    """The words right before an opening quote that make it a title however long: a work's noun or a naming word."""
    naming = lexicon()["title_naming_words"]
    return title_cue_words() | {w.lower() for w in naming["always"] + naming["after_a_work_noun"]}


def _cued_title(span: Span) -> bool:
    """Does a title's cue word stand before the quote that opens at the span
    ("the drama 'X'", "the song 'X'")?"""
    before = span.doc[max(0, span.start - 2):span.start]
    return len(before) == 2 and before[1].is_quote and before[0].lower_ in title_cue_words()


def _title_case(words: list[str]) -> bool:
    small = _title_case_small()
    return words[0][:1].isupper() and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in small for w in words)


@lru_cache(maxsize=None)
def _title_case_small() -> frozenset:
    return frozenset(lexicon()["title_case_small_words"]["words"])


class WindowedEntityRuler(EntityRuler):
    """spaCy's EntityRuler, running its token Matcher only where a token
    pattern can match.

    The Matcher tries every token pattern at every token (for the gazetteer's
    ~150 literal patterns that costs far more than its PhraseMatcher; for the
    name patterns, a regular expression on every token). Yet each pattern
    here has an anchor: a token that must have a literal ORTH/TEXT/LOWER
    value at a fixed offset from the match start. So the Matcher runs only on
    the windows around anchor hits, merged where they overlap. No match state
    crosses a window edge, so the matches and their order are exactly the
    Matcher's on the whole doc. Without an anchor for every pattern, the
    whole doc is matched. The anchors, like the pattern count (which
    EntityRuler recounts label by label for every doc), come from the loaded
    patterns and are recomputed after these change.
    """

    def __init__(self, *args, **kwargs):
        self._patterns_changed()
        super().__init__(*args, **kwargs)

    def __len__(self) -> int:
        if self._size is None:
            self._size = super().__len__()
        return self._size

    def clear(self) -> None:
        super().clear()
        self._patterns_changed()

    def add_patterns(self, patterns: list[dict]) -> None:
        """spaCy runs the pipes before the ruler, the parser among them,
        over each phrase pattern; the PhraseMatcher reads only its words
        (ORTH), so with every pipe disabled the patterns are only tokenized
        (a second of each pipeline load)."""
        with self.nlp.select_pipes(disable=self.nlp.pipe_names):
            super().add_patterns(patterns)
        self._patterns_changed()

    def remove(self, ent_id: str) -> None:
        super().remove(ent_id)
        self._patterns_changed()

    def _patterns_changed(self) -> None:
        """Forget what was computed from the patterns: it is computed again on first use."""
        self._anchors = self._size = None

    def match(self, doc: Doc) -> list[tuple[int, int, int]]:
        """``EntityRuler.match`` with the token matches found per window."""
        self._require_patterns()
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="\\[W036")
            matches = self._token_matches(doc) + list(self.phrase_matcher(doc))
        final_matches = {(m_id, start, end) for m_id, start, end in matches if start != end}
        return sorted(final_matches, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)

    def _token_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """``list(self.matcher(doc))``, matched on the anchors' windows only."""
        if not self.token_patterns:
            return []
        if self._anchors is None:
            self._anchors = _anchors(pattern for patterns in self.token_patterns.values() for pattern in patterns)
        if not self._anchors:
            return list(self.matcher(doc))
        attrs, groups = self._anchors
        values = doc.to_array(attrs).reshape(len(doc), len(attrs))
        windows = []
        for column, offset, length, hashes in groups:
            found = hashes.take(numpy.searchsorted(hashes, values[:, column]), mode="clip") == values[:, column]
            for start in (numpy.flatnonzero(found) - offset).tolist():
                if start >= 0:
                    windows.append((start, len(doc) if length is None else min(start + length, len(doc))))
        return [(m_id, begin + start, begin + end)
                for begin, end in _merge(windows)
                for m_id, start, end in self.matcher(doc[begin:end])]


def _merge(windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The union of token ranges, as sorted disjoint ranges."""
    merged = []
    for start, end in sorted(windows):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _anchors(patterns) -> tuple:
    """The doc attributes to read and, per (attribute, offset) anchor of the
    token patterns, the sorted value hashes and the longest window (None: to
    the doc's end); empty if some pattern has no anchor."""
    groups = {}
    for pattern in patterns:
        anchor = _anchor(pattern)
        if anchor is None:
            return ()
        attr, offset, literals = anchor
        length = None if any("OP" in token for token in pattern) else len(pattern)
        hashes, longest = groups.get((attr, offset), (set(), 0))
        longest = None if None in (length, longest) else max(length, longest)
        groups[attr, offset] = (hashes | {get_string_id(v) for v in literals}, longest)
    attrs = sorted({attr for attr, _ in groups})
    return attrs, [(attrs.index(attr), offset, longest, numpy.array(sorted(hashes), dtype="uint64"))
                   for (attr, offset), (hashes, longest) in groups.items()]


def _anchor(pattern: list[dict]) -> tuple | None:
    """(attribute, offset, values) of the first token that must have one of
    some literal ORTH/TEXT/LOWER values, with no operator on it or before it
    (so its offset from the match start is fixed); None if there is none."""
    for offset, token in enumerate(pattern):
        if "OP" in token:
            return None
        for key, value in token.items():
            literals = value.get("IN") if isinstance(value, dict) else [value]
            if key.upper() in WORD_ATTRS and isinstance(literals, list) and all(isinstance(v, str) for v in literals):
                return WORD_ATTRS[key.upper()], offset, literals
    return None


class SpanModel:
    """A trained NER run beside the base model's: its spans of the labels
    asked for go to ``doc.spans[key]``, as candidates, and the document's
    entities stay the base model's (and the rulers'). It reads a copy of the
    document's words, so neither pipeline sees the other's annotations."""

    def __init__(self, path: str, labels: list[str], key: str):
        try:
            with fast_matrices():
                trained = spacy.load(path)
        except OSError as error:
            raise ModelError(f"trained span model {path!r} cannot be loaded: {error}") from None
        self.ner, self.vocab = trained.get_pipe("ner"), trained.vocab
        self.labels, self.key = set(labels), key

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs, batch_size: int = 128):
        docs = list(docs)
        copies = [Doc(self.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc]) for doc in docs]
        for doc, copy in zip(docs, self.ner.pipe(copies, batch_size=batch_size)):
            doc.spans[self.key] = [Span(doc, e.start, e.end, label=e.label_) for e in copy.ents if e.label_ in self.labels]
            yield doc
