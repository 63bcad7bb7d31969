"""``make eval``: the full ``kg eval`` figures for rules only and for the
trained NER measured honestly, on the seeds, d01-d15, d16-d45, all 45 dev
articles and the wiki sentences.

Two configurations:

* rules only: ``kg build --ner base`` (the base model's own NER);
* trained NER, k-fold cross-validated by article: each article (and wiki
  sentence) is built with the fold model that did not see it in training
  (``kg build FILES --ner out/folds/K``); a set's graph is the union of its
  fold graphs (IRIs come from class + name, so the union merges nodes).

The fold models are made by train/data.py + train/folds.py with the shipped
model's recipe (``train.folds.RECIPE``) and retrained only when their training data or
config change. Without ../shared/dev only the seeds are measured; without
the training data (../shared) the cross-validated runs are skipped.

    python train/quality.py [--jobs N] [--no-cv]
    python train/quality.py --folds out/ablation/fine/folds   # other fold models (same folds), no training
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rdflib import Graph  # noqa: E402

from kg.evaluate import CLASSES, RELATIONS, evaluate  # noqa: E402
from train import data as training, titles  # noqa: E402
from train.folds import DEFAULT_DATA as DATA, RECIPE, default_data, train  # noqa: E402

SHARED = training.SHARED
OUT = ROOT / "out" / "eval"
FOLDS = ROOT / "out" / "folds"
KG = str(Path(sys.executable).with_name("kg"))
RULES, CV = "rules only (kg build --ner base)", "trained NER, 3-fold CV by article"


def subsets() -> list[tuple[str, list[Path], list[Path]]]:
    """(name, article files, gold files) of each scored set."""
    if (SHARED / "gold").is_dir() and (SHARED / "seeds").is_dir():
        golds = sorted((SHARED / "gold").glob("*.json"))
        seeds = [("seeds", [SHARED / "seeds" / f"{g.stem}.txt" for g in golds], golds)]
    else:
        golds = sorted((ROOT / "tests" / "gold").glob("*.json"))
        seeds = [("seeds", [ROOT / "seeds" / f"{g.stem}.txt" for g in golds], golds)]
    dev = SHARED / "dev"
    if not (dev / "articles").is_dir():
        return seeds
    out = list(seeds)
    for name, low, high in (("d01-d15", 1, 15), ("d16-d45", 16, 45)):
        golds = [g for g in sorted((dev / "gold").glob("*.json")) if low <= int(g.stem[1:]) <= high]
        out.append((name, [dev / "articles" / f"{g.stem}.txt" for g in golds], golds))
    return out


def build(files: list[Path], output: Path, ner: str, jobs: int) -> Path:
    output.parent.mkdir(parents=True, exist_ok=True)
    command = [KG, "build", *map(str, files), "-o", str(output), "--ner", ner, "--jobs", str(jobs)]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode not in (0, 3):
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr}")
    return output


def union(paths: list[Path]) -> Graph:
    graph = Graph()
    for path in paths:
        graph.parse(path, format="nt")
    return graph


def fold_models(jobs: int) -> Path | None:
    """Make (or reuse) the fold models of RECIPE; None without the data."""
    if not (SHARED / "dev" / "gold").is_dir() and not (SHARED / "gold").is_dir():
        return None
    print(f"fold models: {RECIPE} (data: {DATA.relative_to(ROOT)}, models: {FOLDS}/K)", flush=True)
    default_data()
    manifest = json.loads((DATA / "manifest.json").read_text())
    for k in range(manifest["k"]):
        if train(DATA, f"fold{k}", FOLDS / str(k)):
            print(f"  trained fold {k}", file=sys.stderr, flush=True)  # progress, not a figure of the report
    return DATA / "manifest.json"


def run_articles(jobs: int, cv: bool) -> dict:
    """Build and score every set in both configurations."""
    folds = json.loads((DATA / "manifest.json").read_text())["folds"] if cv else {}
    k = RECIPE["k"]
    results = {}
    for name, files, golds in subsets():
        graphs = {RULES: union([build(files, OUT / "rules" / f"{name}.nt", "base", jobs)])}
        if cv:
            parts = []
            group = "seeds" if name == "seeds" else "dev"
            for fold in range(k):
                chosen = [f for f in files if folds.get(f"{group}/{f.stem}") == fold]
                if chosen:
                    parts.append(build(chosen, OUT / "cv" / f"{name}.fold{fold}.nt", str(FOLDS / str(fold)), jobs))
            graphs[CV] = union(parts)
        results[name] = {config: (graph, golds) for config, graph in graphs.items()}
    if "d01-d15" in results:
        results["dev all"] = {config: (results["d01-d15"][config][0] + results["d16-d45"][config][0],
                                       results["d01-d15"][config][1] + results["d16-d45"][config][1])
                              for config in results["d01-d15"]}
    return {name: {config: evaluate(graph, golds) for config, (graph, golds) in configs.items()}
            for name, configs in results.items()}


def run_wiki(jobs: int, cv: bool) -> dict:
    wiki = SHARED / "wiki"
    if not (wiki / "train.jsonl").exists():
        return {}
    target = OUT / "wiki"
    target.mkdir(parents=True, exist_ok=True)
    articles = target / "articles.jsonl"
    subprocess.run([sys.executable, str(wiki / "to_jsonl.py"), str(wiki / "train.jsonl"), "-o", str(articles)],
                   check=True, capture_output=True)
    graphs = {RULES: union([build([articles], target / "rules.nt", "base", jobs)])}
    if cv:
        lines = articles.read_text(encoding="utf-8").splitlines()
        fold = training.folds_of([json.loads(line)["id"] for line in lines], RECIPE["k"])
        parts = []
        for k in range(RECIPE["k"]):
            part = target / f"fold{k}.jsonl"
            part.write_text("".join(line + "\n" for line in lines if fold[json.loads(line)["id"]] == k), encoding="utf-8")
            parts.append(build([part], target / f"cv.fold{k}.nt", str(FOLDS / str(k)), jobs))
        graphs[CV] = union(parts)
    scores = {}
    for config, graph in graphs.items():
        path = target / ("rules-all.nt" if config == RULES else "cv-all.nt")
        graph.serialize(path, format="nt", encoding="utf-8")
        result = subprocess.run([sys.executable, str(wiki / "score.py"), str(path), "--json"],
                                check=True, capture_output=True, text=True)
        scores[config] = json.loads(result.stdout)["relations"]
    return scores


# ------------------------------------------------------------------ output

def _cells(score) -> str:
    return (f"{score.predicted:6}{score.correct:6}{score.gold:6}{score.found:6}"
            f"{score.precision:7.3f}{score.recall:7.3f}{score.f1:7.3f}")


def render(name: str, reports: dict) -> str:
    configs = list(reports)
    head = f"{'':24}" + " | ".join(f"{'pred':>6}{'corr':>6}{'gold':>6}{'found':>6}{'P':>7}{'R':>7}{'F1':>7}"
                                   for _ in configs)
    out = [f"=== {name}: " + " | ".join(f"[{i + 1}] {c}" for i, c in enumerate(configs)), head]

    def row(label, pick):
        out.append(f"{label:24}" + " | ".join(_cells(pick(reports[c])) for c in configs))

    out.append("relations")
    for prop in RELATIONS:
        if any(prop in reports[c].relations.rows for c in configs):
            row("  " + prop, lambda r, p=prop: r.relations.rows.get(p, _empty()))
    row("  all relations", lambda r: r.relations.total)
    out.append("entity typing")
    for cls in CLASSES:
        if any(cls in reports[c].typing.rows for c in configs):
            row("  " + cls, lambda r, c=cls: r.typing.rows.get(c, _empty()))
    row("  all typing", lambda r: r.typing.total)
    row("chart entries", lambda r: r.chart_entries.total)
    row("ratings", lambda r: r.ratings.total)
    row("  + episode (bonus)", lambda r: r.episodes.total)
    row("MICRO (4 categories)", lambda r: r.micro)
    return "\n".join(out)


def _empty():
    from kg.evaluate import Score
    return Score()


def render_wiki(scores: dict) -> str:
    out = []
    for config, table in scores.items():
        out.append(f"=== wiki ({len(table) - 1} relations, ../shared/wiki/score.py): {config}")
        out.append(f"{'relation':12}{'pred':>6}{'corr':>6}{'gold':>6}{'found':>6}{'P':>7}{'R':>7}{'F1':>7}")
        for name, s in table.items():
            out.append(f"{name:12}{s['pred']:6}{s['correct']:6}{s['gold']:6}{s['found']:6}"
                       f"{s['P']:7.3f}{s['R']:7.3f}{s['F1']:7.3f}")
    return "\n".join(out)


def summary(articles: dict, wiki: dict) -> str:
    def fpr(s) -> str:
        return f"{s.f1:.2f} ({s.precision:.2f}/{s.recall:.2f})"

    out = ["=== summary: F1 (P/R); rules = kg build --ner base; CV = trained NER, 3-fold cross-validated by article",
           f"{'set':9}{'config':7}{'typing F1 (P/R)':>20}{'relations F1 (P/R)':>22}{'chart entries F1':>18}{'ratings F1':>12}"]
    for name, reports in articles.items():
        for config, report in reports.items():
            short = "rules" if config == RULES else "CV"
            out.append(f"{name:9}{short:7}{fpr(report.typing.total):>20}{fpr(report.relations.total):>22}"
                       f"{report.chart_entries.total.f1:>18.2f}{report.ratings.total.f1:>12.2f}")
    for config, table in wiki.items():
        short = "rules" if config == RULES else "CV"
        m = table["micro"]
        relations = f"{m['F1']:.2f} ({m['P']:.2f}/{m['R']:.2f})"
        out.append(f"{'wiki':9}{short:7}{'-':>20}{relations:>22}{'-':>18}{'-':>12}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--no-cv", action="store_true", help="rules only (no fold models)")
    parser.add_argument("--folds", type=Path, help="use these fold models (DIR/K, trained on the same folds) as they are")
    args = parser.parse_args(argv)
    global FOLDS
    if OUT.exists():
        shutil.rmtree(OUT)
    if args.folds:
        FOLDS = args.folds.resolve()
        if not (DATA / "manifest.json").exists():
            default_data()  # for the fold of each article
        print(f"fold models: {FOLDS} (not retrained)")
        cv = not args.no_cv
    else:
        cv = not args.no_cv and fold_models(args.jobs) is not None
    if not cv:
        print("cross-validated runs skipped: " + ("--no-cv" if args.no_cv else "no training data in ../shared"))
    articles = run_articles(args.jobs, cv)
    for name, reports in articles.items():
        print()
        print(render(name, reports))
    wiki = run_wiki(args.jobs, cv)
    if wiki:
        print()
        print(render_wiki(wiki))
    print()
    print(summary(articles, wiki))
    if (SHARED / "dev" / "gold").is_dir():
        print()
        print(title_recalls(cv))


def title_recalls(cv: bool) -> str:
    """train/titles.py's recall of gold titles, quoted and unquoted, on all dev articles."""
    out = ["=== gold titles found as typed mentions, dev all (train/titles.py)"]
    configs = {"rules": sorted((OUT / "rules").glob("d*.nt"))}
    if cv:
        configs["CV"] = sorted((OUT / "cv").glob("d*.fold*.nt"))
    for config, paths in configs.items():
        out += [f"-- {config}", titles.render(titles.title_recall(union(paths), SHARED / "dev"))]
    return "\n".join(out)


if __name__ == "__main__":
    main()
