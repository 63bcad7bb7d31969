"""What each optional NLP component costs in speed and buys in F1.

    python bench/components.py                  # ../shared/corpus for speed, ../shared/dev for F1
    python bench/components.py --corpus DIR --dev DIR

Four pipelines, each loaded as `kg build` loads it (kg.nlp.load_pipeline), each in a
process of its own:
  base        the default: spaCy's tok2vec, parser and NER, the rulers, titles, mentions, rules
  no parser   the same with its parser (and the parser's tok2vec) switched off: its speed only,
              as the build refuses a pipeline without a parse (its rules read it)
  span model  the default plus the trained span model (`--ner trained`)
  no dep rules  the default without the dependency patterns (kg/data/dependency_patterns.jsonl):
              what they buy (the parse is still read by typing and by the token rules' roles)
Speed: words/s of ``nlp.pipe`` over the corpus articles, one process, after a warm-up
article; the best of ``--repeat`` runs. F1: the dev articles built with that pipeline
(kg.build.build, as `kg build` runs it) and scored by kg.evaluate against their gold.
The span model's F1 here is not cross-validated (it saw the dev articles in training):
its honest figure is the 3-fold one of `make eval` (docs/quality.md); only its speed
is this script's to say.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rdflib import Graph  # noqa: E402

import kg.build.engines  # noqa: E402
import kg.extract.engine  # noqa: E402
from kg.build import build  # noqa: E402
from kg.evaluate import evaluate  # noqa: E402
from kg.gold import gold_files_in  # noqa: E402
from kg.ingest import iter_articles  # noqa: E402
from kg.nlp import TRAINED_NER, Models, load_pipeline  # noqa: E402

SHARED = ROOT.parent / "shared"
CONFIGS = {
    "base": (Models.default(), ()),
    "no parser": (Models.default(), ("parser", "tok2vec")),
    "span model": (Models(Models.default().base, str(TRAINED_NER)), ()),
    "no dep rules": (Models.default(), ()),
}


def words_per_second(nlp, texts: list[str], repeat: int) -> float:
    words = sum(len(text.split()) for text in texts)
    list(nlp.pipe(texts[:1]))
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
        best = min(best, time.perf_counter() - started)
    return words / best


def relations_f1(nlp, dev: Path) -> tuple[float, float, float]:
    """Relations F1 (P, R) of the dev articles built with ``nlp``."""
    loader = kg.build.engines.load_pipeline
    kg.build.engines.load_pipeline = lambda models=None: nlp
    try:
        result = build([dev / "articles"], jobs=1, progress=False)
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder) / "dev.nt"
            result.graph.write(out)
            result.graph.close()
            report = evaluate(Graph().parse(out, format="nt"), gold_files_in(dev / "gold"))
    finally:
        kg.build.engines.load_pipeline = loader
    total = report.relations.total
    return total.f1, total.precision, total.recall


def measure(name: str, corpus: Path, dev: Path, repeat: int) -> dict:
    """One configuration's figures, in this process."""
    models, without = CONFIGS[name]
    texts = [a.text for a in iter_articles([corpus], lambda error: None)]
    if name == "no dep rules":  # the parser still runs; only the dependency patterns are left out
        kg.extract.engine.load_dependency_rules = lambda: ()
    nlp = load_pipeline(models)
    with nlp.select_pipes(disable=list(without)):
        speed = words_per_second(nlp, texts, repeat)
    f1, p, r = relations_f1(nlp, dev) if (dev / "gold").is_dir() and not without else (float("nan"),) * 3
    return {"name": name, "words": sum(len(t.split()) for t in texts), "speed": speed, "f1": f1, "p": p, "r": r}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "articles")
    parser.add_argument("--dev", type=Path, default=SHARED / "dev")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--config", choices=CONFIGS, help="measure one configuration in this process (a JSON line)")
    args = parser.parse_args()
    if args.config:
        print(json.dumps(measure(args.config, args.corpus, args.dev, args.repeat)))
        return 0
    rows = []
    for name in CONFIGS:  # each in a fresh process, as a build would load it
        command = [sys.executable, __file__, "--config", name, "--corpus", str(args.corpus), "--dev", str(args.dev),
                   "--repeat", str(args.repeat)]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    print(f"speed: {args.corpus}, {rows[0]['words']:,} words, one process; F1: {args.dev}")
    print(f"{'pipeline':12} {'words/s':>9} {'vs base':>8}  relations F1 (P/R)")
    for row in rows:
        print(f"{row['name']:12} {row['speed']:9,.0f} {row['speed'] / rows[0]['speed']:8.2f}  "
              f"{row['f1']:.3f} ({row['p']:.3f}/{row['r']:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
