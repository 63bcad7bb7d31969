"""A real ``kg build`` that stops at a point of its progress, says so on
stdout and waits there (to be killed or signalled): the tests act at that
point on a fast machine or a slow one.

Run as ``python -c STOPPING_BUILD build ...`` with KG_TEST_STOP_AT one of:
"load" (the pipeline is about to load), "workers" (the --jobs pool just
started, its workers still importing), "articles:N" (N articles resolved,
the workers busy with the next), "merge" (the sorted runs are being merged
and validated), "write" (the output's temporary file is written, not yet
synced or renamed); empty: never."""
from __future__ import annotations

import subprocess

STOPPING_BUILD = """
import os, sys, time
import kg.build.engines, kg.build.runs, kg.resolve
point = os.environ.get("KG_TEST_STOP_AT", "")

def stop_here():
    print("KG-TEST-STOPPED " + point, flush=True)
    time.sleep(600)

if point == "load":
    kg.build.engines.load_pipeline = lambda models: stop_here()
elif point == "workers":
    real_init = kg.build.engines.Pool.__init__
    def init(self, models, jobs):
        real_init(self, models, jobs)
        stop_here()
    kg.build.engines.Pool.__init__ = init
elif point.startswith("articles:"):
    real_add, count = kg.resolve.Resolver.add, [0]
    def add(self, extraction):
        real_add(self, extraction)
        count[0] += 1
        if count[0] == int(point.split(":")[1]):
            stop_here()
    kg.resolve.Resolver.add = add
elif point == "merge":
    real_merge = kg.build.runs.merge_runs
    def merge(paths):
        for lines in real_merge(paths):
            yield lines
            stop_here()
    kg.build.runs.merge_runs = merge
elif point == "write":
    os.fsync = lambda fd: stop_here()
from kg.cli import main
sys.exit(main(sys.argv[1:]))
"""


def reached(build: subprocess.Popen, point: str) -> bool:
    """Read the build's stdout until it says it stopped at ``point``; False
    if it ended first."""
    return any(line.strip() == f"KG-TEST-STOPPED {point}" for line in build.stdout)
