"""Span-level cross-validated report of the trained NER.

Each held-out article (seeds, dev) and wiki sentence is read by the fold
model that did not see it; its predicted spans are compared, exactly (same
characters), with the gold spans projected as for training (train/data.py).

* Predicted spans over what the original model tags and the gold leaves out
  on purpose (fictional characters, cities, events, awards: CONVENTIONS.md
  rules 6 and 21) are neither right nor wrong: they are not counted.
* Wiki gold names only the subjects and objects of its triples, so for wiki
  only recall is given.
* "any work" ignores the label: a span with any work label against the gold
  titles; quoted / unquoted split the gold titles by whether the text puts
  them in quotes. "any name" does the same for people, groups, companies,
  broadcasters, platforms and charts.
* The baseline is the base model (en_core_web_sm) with the rules' quoted
  titles: WORK_OF_ART or a quoted span for works, PERSON / ORG (and the
  gazetteer and name patterns) for names, GPE for places.

    python train/spans.py --data out/data/default --folds out/folds [--baseline] [--json FILE]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from train.data import (COARSE, QUOTES, SCHEMES, VALUE_LABELS, WORKS, Annotator,  # noqa: E402
                        read_items)

NAMES = {"Person", "MusicGroup", "Broadcaster", "Platform", "Organization", "Chart"}
WORK_LABELS = {"WORK", "WORK_OF_ART"} | WORKS
NAME_LABELS = {"PERSON", "GROUP", "ORG"} | NAMES
TITLE_WORDS_MAX = 9


def quoted_segments(text: str) -> list[tuple[int, int]]:
    """Character ranges inside paired quotation marks."""
    out = []
    for open_q, close_q in QUOTES:
        lead = r"(?<![\w'\u2019])" if open_q in "'\u2018" else ""
        for m in re.finditer(lead + re.escape(open_q) + r"([^\n" + re.escape(open_q + close_q) + r"]{1,90}?)"
                             + re.escape(close_q) + r"(?!\w)", text):
            out.append(m.span(1))
    return out


def quoted_titles(text: str) -> list[tuple[int, int]]:
    """The rules' quoted-title candidates (as kg_titles): the inside of the
    quotes, stripped, starting with a capital or digit, at most 9 words."""
    out = []
    for start, end in quoted_segments(text):
        inner = text[start:end]
        stripped = inner.strip(" ,.!?")
        if stripped and stripped[0].isalnum() and not stripped[0].islower() and len(stripped.split()) <= TITLE_WORDS_MAX:
            a = start + inner.index(stripped)
            out.append((a, a + len(stripped)))
    return out


class Counts:
    def __init__(self):
        self.tp = defaultdict(int)
        self.pred = defaultdict(int)
        self.gold = defaultdict(int)
        self.found = defaultdict(int)

    def row(self, name: str) -> dict:
        p = self.tp[name] / self.pred[name] if self.pred[name] else 0.0
        r = self.found[name] / self.gold[name] if self.gold[name] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"P": p, "R": r, "F1": f, "pred": self.pred[name], "gold": self.gold[name]}


def score_line(counts: Counts, text: str, gold: list, ignore: list, predicted: list[tuple[int, int, str]],
               scheme: str, wiki: bool) -> None:
    """Add one line's predictions ([(start, end, label)] in ``scheme``'s or
    the base model's labels) to the counts."""
    mapping = SCHEMES[scheme]
    quoted = quoted_segments(text)
    gold_at = {(a, b): classes for a, b, classes in gold}

    def ignored(a, b):
        return (a, b) not in gold_at and any(x < b and a < y for x, y in ignore)

    predicted = [(a, b, label) for a, b, label in predicted if not ignored(a, b) and label not in VALUE_LABELS]
    # Per label (the scheme's labels; a span whose classes map to several
    # labels counts under each).
    for a, b, classes in gold:
        labels = {mapping[c] for c in classes}
        for label in labels:
            counts.gold[label] += 1
        hit = [lab for x, y, lab in predicted if (x, y) == (a, b) and lab in labels]
        for label in labels:
            counts.found[label] += bool(hit)
    for a, b, label in predicted:
        counts.pred[label] += 1
        counts.tp[label] += label in {mapping[c] for c in gold_at.get((a, b), ())}
    # Label-blind groups.
    for group, gold_classes, labels in (("any work", WORKS, WORK_LABELS), ("any name", NAMES, NAME_LABELS)):
        spans = {(a, b) for a, b, label in predicted if label in labels}
        for a, b, classes in gold:
            if classes <= gold_classes:
                counts.gold[group] += 1
                counts.found[group] += (a, b) in spans
                if group == "any work":
                    kind = "quoted" if any(x <= a and b <= y for x, y in quoted) else "unquoted"
                    counts.gold[f"work {kind}"] += 1
                    counts.found[f"work {kind}"] += (a, b) in spans
        for span in spans:
            counts.pred[group] += 1
            counts.tp[group] += span in gold_at and gold_at[span] <= gold_classes


def predict(annotator: Annotator, model, text: str) -> list[tuple[int, int, str]]:
    doc = annotator.nlp.make_doc(text)
    for label in model.get_pipe("ner").labels:
        doc.vocab.strings.add(label)
    doc = model.get_pipe("ner")(doc)
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def baseline(annotator: Annotator, text: str) -> list[tuple[int, int, str]]:
    """The base model's spans in coarse labels, with the rules' quoted
    titles (WORK) and the gazetteer / name patterns' names."""
    mapping = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "WORK_OF_ART": "WORK"}
    doc = annotator.nlp(text)
    spans = {(e.start_char, e.end_char): mapping[e.label_] for e in doc.ents if e.label_ in mapping}
    for a, b in quoted_titles(text):
        spans[a, b] = "WORK"
    for e in annotator.rules(text).ents:
        spans.setdefault((e.start_char, e.end_char), COARSE.get(e.label_, "ORG"))
    return [(a, b, label) for (a, b), label in sorted(spans.items())]


def value_agreement(counts: Counts, text: str, gold: list, model_doc_ents, base_ents) -> None:
    """The trained model's value entities against the original model's
    (away from gold spans): does pseudo-rehearsal keep them?"""
    def away(a, b):
        return not any(x < b and a < y for x, y, _ in gold)
    base = {(a, b, lab) for a, b, lab in base_ents if lab in VALUE_LABELS and away(a, b)}
    mine = {(a, b, lab) for a, b, lab in model_doc_ents if lab in VALUE_LABELS and away(a, b)}
    counts.gold["values (vs base)"] += len(base)
    counts.found["values (vs base)"] += len(base & mine)
    counts.pred["values (vs base)"] += len(mine)
    counts.tp["values (vs base)"] += len(base & mine)


def evaluate(data: Path | None, folds: Path | None, scheme: str = "coarse", shared: Path | None = None,
             use_baseline: bool = False) -> dict:
    import spacy

    manifest = json.loads((data / "manifest.json").read_text()) if data else {"k": 3, "scheme": scheme}
    scheme = manifest.get("scheme", scheme)
    k = manifest["k"]
    kwargs = {"shared": shared} if shared else {}
    items = [i for i in read_items(k=k, corpus=False, **kwargs) if i.fold >= 0]
    annotator = Annotator(scheme)
    results = {}
    by_set = {"articles": Counts(), "wiki": Counts()}
    for fold in range(k):
        model = None if use_baseline else spacy.load(folds / str(fold))
        for item in (i for i in items if i.fold == fold):
            counts = by_set["wiki" if item.group == "wiki" else "articles"]
            for text, gold, ignore in annotator.references(item):
                if use_baseline:
                    predicted = baseline(annotator, text)
                    score_line(counts, text, gold, ignore, predicted, "coarse", item.group == "wiki")
                else:
                    predicted = predict(annotator, model, text)
                    score_line(counts, text, gold, ignore, predicted, scheme, item.group == "wiki")
                    base = [(e.start_char, e.end_char, e.label_) for e in annotator.nlp(text).ents]
                    value_agreement(counts, text, gold, predicted, base)
                    # The model's work spans together with the rules' quoted titles.
                    both = predicted + [(a, b, "WORK") for a, b in quoted_titles(text)]
                    extra = Counts()
                    score_line(extra, text, gold, ignore, both, "coarse" if scheme == "coarse" else scheme,
                               item.group == "wiki")
                    for key in ("any work", "work quoted", "work unquoted"):
                        for attr in ("tp", "pred", "gold", "found"):
                            getattr(counts, attr)[key + " +quoted"] += getattr(extra, attr)[key]
                    if scheme == "fine":  # the same predictions in coarse labels
                        coarse = [(a, b, COARSE.get(lab, lab)) for a, b, lab in predicted]
                        extra = Counts()
                        score_line(extra, text, gold, ignore, coarse, "coarse", item.group == "wiki")
                        for key in ("PERSON", "GROUP", "ORG", "WORK", "GPE"):
                            for attr in ("tp", "pred", "gold", "found"):
                                getattr(counts, attr)[key + " (as coarse)"] += getattr(extra, attr)[key]
    for name, counts in by_set.items():
        keys = sorted(counts.gold, key=_order)
        results[name] = {key: counts.row(key) for key in keys}
    return results


def _order(key: str) -> tuple:
    fixed = ["any work", "work quoted", "work unquoted", "any work +quoted", "work quoted +quoted",
             "work unquoted +quoted", "any name"]
    return (0, fixed.index(key)) if key in fixed else (2, key) if key.startswith("values") else (1, key)


def table(results: dict, how: str = "k-fold cross-validated by article") -> str:
    lines = []
    for name, rows in results.items():
        lines.append(f"{name}: span-level, {how}" + (" (wiki: recall only)" if name == "wiki" else ""))
        lines.append(f"  {'':28} {'P':>6} {'R':>6} {'F1':>6} {'pred':>6} {'gold':>6}")
        for key, row in rows.items():
            recall_only = name == "wiki" or not row["pred"]  # quoted / unquoted: recall only
            p = "" if recall_only else f"{row['P']:.3f}"
            f = "" if recall_only else f"{row['F1']:.3f}"
            pred = "" if not row["pred"] else f"{row['pred']:d}"
            lines.append(f"  {key:28} {p:>6} {row['R']:6.3f} {f:>6} {pred:>6} {row['gold']:6d}")
    return "\n".join(lines)


def compare(named: list[tuple[str, dict]]) -> str:
    """A markdown table of the main figures of several reports (--json)."""
    rows = [("articles", "any work", "PRF"), ("articles", "work quoted", "R"), ("articles", "work unquoted", "R"),
            ("articles", "any work +quoted", "PRF"), ("articles", "any name", "PRF")]
    rows += [("articles", label, "PRF") for label in ("PERSON", "GROUP", "ORG", "WORK", "GPE")]
    rows += [("articles", "values (vs base)", "PRF"), ("wiki", "any work", "R"), ("wiki", "work quoted", "R"),
             ("wiki", "work unquoted", "R"), ("wiki", "PERSON", "R"), ("wiki", "GROUP", "R")]
    out = ["| set | figure | " + " | ".join(name for name, _ in named) + " |",
           "|---|---|" + "---|" * len(named)]
    for group, key, kind in rows:
        cells = []
        for _, results in named:
            row = results.get(group, {}).get(key) or results.get(group, {}).get(key + " (as coarse)")
            if row is None:
                cells.append("-")
            elif kind == "R":
                cells.append(f"R {row['R']:.2f}")
            else:
                cells.append(f"{row['F1']:.2f} ({row['P']:.2f}/{row['R']:.2f})")
        out.append(f"| {group} | {key}{' F1 (P/R)' if kind == 'PRF' else ''} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, help="the folder train/data.py wrote for these folds")
    parser.add_argument("--folds", type=Path, help="fold models FOLDS/K/")
    parser.add_argument("--baseline", action="store_true", help="score the base model and quoted titles instead")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--compare", nargs="+", metavar="NAME=JSON", help="only print a table of saved reports")
    args = parser.parse_args(argv)
    if args.compare:
        print(compare([(n, json.loads(Path(p).read_text())) for n, p in (a.split("=", 1) for a in args.compare)]))
        return
    results = evaluate(args.data, args.folds, use_baseline=args.baseline)
    print(table(results, "baseline: base model + quoted titles (nothing trained)" if args.baseline else
                "k-fold cross-validated by article"))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
