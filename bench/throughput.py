"""Throughput of `kg build` against the limit, spaCy itself, on one corpus.

    python bench/throughput.py                 # 1,000 and 10,000 articles, --jobs = all cores
    python bench/throughput.py 200 2000        # other sizes (the largest is the "10,000" of the goals)
    python bench/throughput.py --jobs 1 300
    python bench/throughput.py --repeat 2      # each measurement twice, interleaved; the fastest counts
    python bench/throughput.py --only-memory   # only the memory line: one ~1 MB article of tiny sentences

For each size N it writes the corpus (bench/corpus.py, cached under
/tmp/kg-bench/), then runs, each in a fresh process on the same cores:
  (a) bare spaCy: ``nlp.pipe`` with kg.nlp.load_pipeline (the same
      components the build runs: the model's parser and NER and the rule
      components), n_process = jobs;
  (b) the build end to end: kg.build.build + write, as `kg build`
      runs them, --jobs = jobs.
First it builds one article of about 1 MB of tiny sentences (the memory
line: peak RSS <= 1 GiB); last, where ../shared/corpus is present, (b) on
those real articles (words/s and peak RSS, no goal). It prints words/s, the
ratio b/a, the share of build time in
extraction (ingest + NLP + extraction), RDF writing (resolution, sorting,
writing) and validation, triples written per second, and peak RSS (the
process and its workers, sampled), then PASS/FAIL goal lines: b/a >= 0.85,
a floor of 5,000 words/s end to end (so that the ratio cannot hide a slow
pipeline), validation <= 10%, peak RSS <= 1 GiB and flat, per-article time
linear. With ``--repeat K`` the runs go round K times and each keeps its fastest
time (and its highest peak RSS): on a shared machine a slow spell during one
of them would otherwise decide the ratios.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable

BARE = """
import json, sys, time
from pathlib import Path
from kg.ingest import iter_articles
from kg.nlp import load_pipeline
corpus, jobs = Path(sys.argv[1]), int(sys.argv[2])
nlp = load_pipeline()
# Words as the tokenizer splits them (kg_mentions merges names into one token), counted untimed.
words = sum(1 for a in iter_articles([corpus], print) for t in nlp.tokenizer(a.text) if not t.is_space and not t.is_punct)
texts = (a.text for a in iter_articles([corpus], print))
if jobs > 1:  # as the build's workers do (kg/build/engines.py): one BLAS thread a process
    from threadpoolctl import threadpool_limits
    threadpool_limits(1, user_api="blas")
start = time.perf_counter()
for doc in nlp.pipe(texts, batch_size=32, n_process=jobs):
    pass
print(json.dumps({"seconds": time.perf_counter() - start, "words": words, "pipes": nlp.pipe_names}))
"""

BUILD = """
import json, sys, time
from pathlib import Path
from kg.build import build
corpus, jobs, out = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
if __name__ == "__main__":
    start = time.perf_counter()
    result = build([corpus], jobs=jobs, progress=False, output=out)
    result.graph.write(out)
    seconds = time.perf_counter() - start
    t = result.timings
    print(json.dumps({"seconds": seconds, "articles": result.articles, "triples": result.triples,
                      "conforms": result.report.conforms, "extract": t.extract, "resolve": t.resolve,
                      "write": t.write, "validate": t.validate}))
"""


# One article of about 1 MB (just under kg.ingest.MAX_ARTICLE_CHARS) of tiny sentences: spaCy's
# worst case (before the build read long articles in parts it took 6.4 GB and 85 s).
LONG = """
import json, sys, time
from pathlib import Path
from kg.build import build
from kg.ingest import MAX_ARTICLE_CHARS
folder, out = Path(sys.argv[1]), Path(sys.argv[2])
headline = "One article of tiny sentences"
sentence = "Ab c. "
(folder / "long.txt").write_text(headline + "\\n" + sentence * ((MAX_ARTICLE_CHARS - len(headline) - 2) // len(sentence)))
if __name__ == "__main__":
    start = time.perf_counter()
    result = build([folder], jobs=1, progress=False, output=out)
    result.graph.write(out)
    print(json.dumps({"seconds": time.perf_counter() - start, "articles": result.articles,
                      "chars": len((folder / "long.txt").read_text()), "problems": result.problems}))
"""


def long_article() -> tuple[dict, float]:
    """`kg build` of one ~1 MB article of tiny sentences: its figures and peak RSS (MiB)."""
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "in").mkdir()
        return run(LONG, Path(folder) / "in", Path(folder) / "graph.ttl")


def run(code: str, *args) -> tuple[dict, float]:
    """Run ``code`` in a fresh interpreter; returns its JSON line and the peak
    RSS (MiB) of the process tree, sampled every 50 ms."""
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as handle:
        handle.write(code)
    process = subprocess.Popen([PY, handle.name, *map(str, args)], stdout=subprocess.PIPE, cwd=ROOT)
    peak, root = 0, psutil.Process(process.pid)
    done = threading.Event()

    def sample():
        nonlocal peak
        while not done.is_set():
            try:
                tree = [root, *root.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = process.communicate()
    done.set()
    sampler.join()
    os.unlink(handle.name)
    if process.returncode:
        raise SystemExit(f"benchmark step failed ({process.returncode})")
    return json.loads(out.decode().strip().splitlines()[-1]), peak / 2**20


def corpus(n: int) -> Path:
    path = Path("/tmp/kg-bench") / f"corpus-{n}.jsonl"
    if not path.exists():
        subprocess.run([PY, str(ROOT / "bench" / "corpus.py"), str(n), "-o", str(path)], check=True)
    return path


def fastest(runs: list[tuple[dict, float]]) -> tuple[dict, float]:
    """The fastest run's figures, with the highest peak RSS of all runs."""
    return min(runs, key=lambda r: r[0]["seconds"])[0], max(rss for _, rss in runs)


def measure(n: int, jobs: int, repeat: int) -> dict:
    path = corpus(n)
    runs: dict[str, list] = {"bare": [], "build": []}
    for _ in range(repeat):  # interleaved, so that a slower spell of the machine hits both alike
        runs["bare"].append(run(BARE, path, jobs))
        runs["build"].append(built(path, jobs))
    (bare, bare_rss), (build, build_rss) = (fastest(runs[k]) for k in ("bare", "build"))
    words = bare["words"]
    row = {"n": n, "words": words, "bare_wps": words / bare["seconds"],
           "build_wps": words / build["seconds"], "build_s": build["seconds"], "per_article_ms": 1000 * build["seconds"] / n,
           "triples": build["triples"], "triples_per_s": build["triples"] / max(build["resolve"] + build["write"], 1e-9),
           "share_extract": build["extract"] / build["seconds"],
           "share_rdf": (build["resolve"] + build["write"]) / build["seconds"],
           "share_validate": build["validate"] / build["seconds"],
           "rss_bare": bare_rss, "rss_build": build_rss, "conforms": build["conforms"],
           "pipes": bare["pipes"]}
    row["ratio_bare"] = row["build_wps"] / row["bare_wps"]
    return row


def built(path: Path, jobs: int) -> tuple[dict, float]:
    """(b): `kg build` of ``path`` in a fresh process, its figures and peak RSS."""
    with tempfile.TemporaryDirectory() as folder:
        return run(BUILD, path, jobs, Path(folder) / "graph.ttl")


def real_corpus(jobs: int) -> None:
    """(b) on ../shared/corpus, real articles from about 100 sites: words/s and peak RSS."""
    folder = ROOT.parent / "shared" / "corpus" / "articles"
    if not folder.is_dir():
        return
    from kg.ingest import iter_articles
    words = sum(len(a.text.split()) for a in iter_articles([folder], lambda error: None))
    figures, rss = built(folder, jobs)
    print(f"\n../shared/corpus: {figures['articles']} articles, {words:,} words (split on white space): "
          f"kg build {words / figures['seconds']:,.0f} words/s ({figures['seconds']:.1f} s, start-up included), "
          f"peak RSS {rss:,.0f} MiB", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=1,
                        help="run (a) and (b) this many times, interleaved, and keep each one's fastest run")
    parser.add_argument("--only-memory", action="store_true",
                        help="run only the memory line: peak RSS of one ~1 MB article of tiny sentences")
    args = parser.parse_args()
    sizes = sorted(args.sizes)
    print(f"machine: {os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB RAM, "
          f"Python {sys.version.split()[0]}; --jobs {args.jobs}; --repeat {args.repeat}", flush=True)
    long, long_rss = long_article()
    print(f"\none article of {long['chars']:,} characters of tiny sentences: {long['seconds']:.1f} s, "
          f"peak RSS {long_rss:,.0f} MiB, {long['articles']} article(s) read", flush=True)
    memory = (f"peak RSS of one ~1 MB article of tiny sentences <= 1 GiB: {long_rss:,.0f} MiB",
              long_rss <= 1024 and long["articles"] == 1)
    if args.only_memory:
        print(f"\n{'PASS' if memory[1] else 'FAIL'}  {memory[0]}")
        return 0 if memory[1] else 1
    rows = []
    for n in sizes:
        row = measure(n, args.jobs, args.repeat)
        rows.append(row)
        print(f"\nN = {n:,} articles, {row['words']:,} words (pipeline: {', '.join(row['pipes'])})")
        print(f"  (a) bare spaCy, same components  {row['bare_wps']:9,.0f} words/s   peak RSS {row['rss_bare']:6,.0f} MiB")
        print(f"  (b) kg build end to end          {row['build_wps']:9,.0f} words/s   peak RSS {row['rss_build']:6,.0f} MiB"
              f"   ({row['build_s']:.1f} s, {row['per_article_ms']:.1f} ms/article)")
        print(f"  b/a = {row['ratio_bare']:.2f}")
        print(f"  build time: extraction (ingest+NLP+extract) {row['share_extract']:.1%}, RDF writing "
              f"{row['share_rdf']:.1%}, validation {row['share_validate']:.1%}")
        print(f"  triples: {row['triples']:,} written at {row['triples_per_s']:,.0f} triples/s (resolve + sort + write); "
              f"SHACL conforms: {row['conforms']}", flush=True)
    real_corpus(args.jobs)
    small, big = rows[0], rows[-1]
    goals = [
        (f"throughput >= 0.85 x bare spaCy (same components) at N={big['n']:,}: {big['ratio_bare']:.2f}", big["ratio_bare"] >= 0.85),
        (f"end to end >= 5,000 words/s with --jobs {args.jobs} at N={big['n']:,}: {big['build_wps']:,.0f}", big["build_wps"] >= 5000),
        (f"validation <= 10% of build time at N={big['n']:,}: {big['share_validate']:.1%}", big["share_validate"] <= 0.10),
        (f"peak RSS at N={big['n']:,} <= 1 GiB: {big['rss_build']:,.0f} MiB", big["rss_build"] <= 1024),
        memory,
    ]
    if len(rows) > 1:
        linear = big["per_article_ms"] / small["per_article_ms"]
        flat = big["rss_build"] / small["rss_build"]
        goals += [(f"per-article time N={big['n']:,} / N={small['n']:,} <= 1.15 (linear): {linear:.2f}", linear <= 1.15),
                  (f"peak RSS N={big['n']:,} / N={small['n']:,} <= 1.2 (flat): {flat:.2f}", flat <= 1.2)]
    print()
    for text, ok in goals:
        print(f"{'PASS' if ok else 'FAIL'}  {text}")
    return 0 if all(ok for _, ok in goals) else 1


if __name__ == "__main__":
    sys.exit(main())
