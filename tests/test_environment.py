"""What can go wrong around a build rather than in its inputs: a full disk
under the temporary files or the cache, a cache in use by another build,
corrupt or not a folder, a Dask scheduler that is down. Each is one line on
stderr and an exit status (docs/cli.md), the previous output stays, and no
temporary file is left behind. The full disks are real: small tmpfs mounts
(the tests that need one skip unless they run as root, as CI does)."""
from __future__ import annotations

import errno
import os
import signal
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

import kg.build.engines
from kg import cli

from stopping import STOPPING_BUILD, reached  # tests/stopping.py

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PREVIOUS = b"@prefix kg: <https://w3id.org/kdrama-kg/ontology#> .\n# the previous build\n"


@pytest.fixture
def small_disk(tmp_path):
    """``make(size)``: a tmpfs of ``size`` mounted in tmp_path (unmounted after the test)."""
    mounts: list[Path] = []

    def make(size: str = "1m") -> Path:
        mount = tmp_path / f"disk{len(mounts)}"
        mount.mkdir()
        run = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)],
                             capture_output=True, text=True)
        if run.returncode:
            pytest.skip(f"cannot mount a tmpfs (needs root): {run.stderr.strip()}")
        mounts.append(mount)
        return mount

    yield make
    for mount in mounts:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path) -> Path:
    """Fill ``disk`` to its last byte; returns the filler file."""
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as handle:
        for block in (1 << 16, 1 << 12, 1):
            try:
                while True:
                    handle.write(b"\0" * block)
            except OSError as error:
                assert error.errno == errno.ENOSPC
    return filler


def seeds_copy(folder: Path) -> Path:
    shutil.copytree(SEEDS, folder)
    return folder


# --- full disks -------------------------------------------------------------

def test_temporary_folder_on_a_full_disk_is_one_line_and_nothing_is_left(kg_build, small_disk, tmp_path,
                                                                         monkeypatch):
    scratch = small_disk("256k")
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    fill(scratch)
    out = tmp_path / "graph.ttl"
    out.write_bytes(PREVIOUS)
    code, stdout, stderr = kg_build(SEEDS, "-o", out)
    assert code == cli.EXIT_USAGE == 2
    assert stderr.splitlines() == [
        f"kg build: error: cannot write the build's temporary files in {scratch}: No space left on device "
        f"(they take about twice the graph's N-Triples; TMPDIR names another folder); not written: {out}"]
    assert out.read_bytes() == PREVIOUS
    assert sorted(p.name for p in scratch.iterdir()) == ["filler"]  # the build's folder is gone


def test_cache_on_a_full_disk_is_one_line_and_the_cache_keeps_what_it_held(kg_build, small_disk):
    disk = small_disk("1m")
    corpus, out = seeds_copy(disk / "in"), disk / "graph.ttl"
    code, stdout, _ = kg_build(corpus, "-o", out, "--update")
    assert code == 0 and "cache: 0 articles reused, 3 extracted" in stdout
    written = out.read_bytes()
    # An article changes, and the disk is full: its extraction cannot be kept.
    changed = sorted(corpus.iterdir())[0]
    changed.write_text("Updated: " + changed.read_text(encoding="utf-8"), encoding="utf-8")  # its headline
    filler = fill(disk)
    code, stdout, stderr = kg_build(corpus, "-o", out, "--update")
    assert code == cli.EXIT_USAGE
    assert len(stderr.splitlines()) == 1
    assert stderr.startswith(f"kg build: error: cannot write the cache {out}.cache: ")
    assert stderr.rstrip().endswith(f"; not written: {out}")
    assert out.read_bytes() == written
    # With room again, the cache still holds the two unchanged articles.
    filler.unlink()
    code, stdout, stderr = kg_build(corpus, "-o", out, "--update")
    assert (code, stderr) == (0, "") and "cache: 2 articles reused, 1 extracted" in stdout


# --- the cache: in use, corrupt, not a folder --------------------------------

STOPPED_BUILD = """
import sys, time
import kg.resolve
real_add = kg.resolve.Resolver.add
def add(self, extraction):
    real_add(self, extraction)
    print("KG-TEST-STOPPED", flush=True)  # one article resolved: the build is using its cache
    time.sleep(600)
kg.resolve.Resolver.add = add
from kg.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_second_update_build_of_one_output_is_refused_while_the_first_runs(kg_build, tmp_path):
    out = tmp_path / "graph.ttl"
    out.write_bytes(PREVIOUS)
    first = subprocess.Popen([sys.executable, "-c", STOPPED_BUILD, "build", str(SEEDS), "-o", str(out), "--update"],
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert first.stdout.readline().strip() == "KG-TEST-STOPPED"
        code, stdout, stderr = kg_build(SEEDS, "-o", out, "--update")
        assert (code, stdout) == (cli.EXIT_FAILED, "")  # a store in use by another process
        assert stderr == (f"kg build: error: the cache {out}.cache is in use by another build (--update builds of "
                          f"one output run one at a time); not written: {out}\n")
        assert out.read_bytes() == PREVIOUS
    finally:
        first.kill()
        first.wait()
        first.stdout.close()
    # Killed with the cache open: the next build takes it over, and its graph is a full build's.
    code, stdout, stderr = kg_build(SEEDS, "-o", out, "--update")
    assert (code, stderr) == (0, "")
    code, _, _ = kg_build(SEEDS, "-o", tmp_path / "full.ttl")
    assert code == 0 and out.read_bytes() == (tmp_path / "full.ttl").read_bytes()


def _truncate(cache: Path) -> None:
    database = cache / "extractions.sqlite"
    with database.open("r+b") as handle:
        handle.truncate(database.stat().st_size // 2)


def _garbage(cache: Path) -> None:
    (cache / "extractions.sqlite").write_bytes(b"not a database at all " * 100)


def _a_file(cache: Path) -> None:
    shutil.rmtree(cache)
    cache.write_bytes(b"someone's notes")


@pytest.mark.parametrize("damage, moved, warning", [
    (_truncate, "graph.ttl.cache/extractions.sqlite.broken",
     "extractions.sqlite is corrupt (database disk image is malformed): moved to extractions.sqlite.broken"),
    (_garbage, "graph.ttl.cache/extractions.sqlite.broken",
     "extractions.sqlite is corrupt (file is not a database): moved to extractions.sqlite.broken"),
    (_a_file, "graph.ttl.cache.broken", "is not a folder: moved to graph.ttl.cache.broken"),
], ids=["truncated", "garbage", "a file"])
def test_a_cache_that_cannot_be_used_is_made_anew_not_fatal(kg_build, tmp_path, damage, moved, warning):
    out, cache = tmp_path / "graph.ttl", tmp_path / "graph.ttl.cache"
    assert kg_build(SEEDS, "-o", out, "--update")[0] == 0
    full = out.read_bytes()
    out.write_bytes(PREVIOUS)
    damage(cache)
    damaged = (cache if cache.is_file() else cache / "extractions.sqlite").read_bytes()
    code, stdout, stderr = kg_build(SEEDS, "-o", out, "--update")
    assert code == 0, stderr
    assert stderr.splitlines() == [f"warning: {cache}: {warning}; a new cache is made"]
    assert "cache: 0 articles reused, 3 extracted" in stdout
    assert out.read_bytes() == full
    assert (tmp_path / moved).read_bytes() == damaged  # moved aside, not deleted
    again = kg_build(SEEDS, "-o", out, "--update")
    assert again[0] == 0 and "cache: 3 articles reused, 0 extracted" in again[1]


# --- Dask ---------------------------------------------------------------------

def test_dask_scheduler_down_is_one_line(kg_build, tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    monkeypatch.setattr(kg.build.engines, "CONNECT_TIMEOUT", 2)
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    out = tmp_path / "graph.ttl"
    out.write_bytes(PREVIOUS)
    code, stdout, stderr = kg_build(SEEDS, "-o", out, "--engine", "dask", "--scheduler", f"tcp://127.0.0.1:{port}")
    assert (code, stdout) == (cli.EXIT_FAILED, "")  # a server that cannot be reached
    assert stderr.splitlines() == [f"kg build: error: cannot reach the Dask scheduler at tcp://127.0.0.1:{port}: "
                                   f"Timed out trying to connect to tcp://127.0.0.1:{port} after 2 s; "
                                   f"not written: {out}"]
    assert out.read_bytes() == PREVIOUS


# --- signals ------------------------------------------------------------------

@pytest.fixture(scope="module")
def signal_corpus(tmp_path_factory) -> Path:
    """The seeds ten times over in one .jsonl (30 articles: chunks for two workers)."""
    import json
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    path = tmp_path_factory.mktemp("signals") / "corpus.jsonl"
    path.write_text("\n".join(json.dumps({"id": f"copy{i}-{j}", "title": t.split("\n", 1)[0],
                                          "text": t.split("\n", 1)[1]})
                              for i in range(10) for j, t in enumerate(texts)), encoding="utf-8")
    return path


@pytest.mark.parametrize("signum, whom, jobs, point, engine", [
    (signal.SIGINT, "group", 2, "workers", "local"),      # Ctrl-C while the workers import
    (signal.SIGINT, "group", 2, "articles:1", "local"),   # Ctrl-C with the workers busy
    (signal.SIGTERM, "main", 2, "articles:1", "local"),   # timeout, docker stop, systemd: the main process only
    (signal.SIGTERM, "main", 2, "merge", "local"),
    (signal.SIGTERM, "main", 1, "articles:1", "local"),
    (signal.SIGINT, "group", 2, "articles:1", "dask"),    # a LocalCluster: scheduler, nannies, workers
], ids=["ctrl-c-workers-starting", "ctrl-c-workers-busy", "sigterm-jobs-2", "sigterm-merge", "sigterm-jobs-1",
        "ctrl-c-dask"])
def test_a_signal_stops_the_build_with_one_line_and_leaves_nothing(signal_corpus, tmp_path, signum, whom, jobs,
                                                                   point, engine):
    import psutil
    scratch, out = tmp_path / "tmp", tmp_path / "graph.ttl"
    scratch.mkdir()
    out.write_bytes(PREVIOUS)
    env = {**os.environ, "TMPDIR": str(scratch), "KG_TEST_STOP_AT": point}
    build = subprocess.Popen([sys.executable, "-c", STOPPING_BUILD, "build", str(signal_corpus), "-o", str(out),
                              "--jobs", str(jobs), "--engine", engine], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        if not reached(build, point):
            pytest.fail(f"the build ended (status {build.wait()}) without reaching {point}: {build.stderr.read()}")
        workers = psutil.Process(build.pid).children(recursive=True)
        assert len(workers) >= (jobs if jobs > 1 else 0)
        if whom == "group":
            os.killpg(build.pid, signum)  # as the terminal does: to every process of the group
        else:
            os.kill(build.pid, signum)
        stdout, stderr = build.communicate(timeout=120)  # until every process holding stderr is gone
    finally:
        if build.poll() is None:  # it did not stop: do not leave it (and its workers) behind
            os.killpg(build.pid, signal.SIGKILL)
            build.communicate()
    stopped = "interrupted" if signum == signal.SIGINT else "terminated"
    assert (build.returncode, stderr) == (128 + signum, f"{stopped}: {out} not written\n")
    assert out.read_bytes() == PREVIOUS
    assert list(scratch.iterdir()) == [] and sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl", "tmp"]
    gone, alive = psutil.wait_procs(workers, timeout=10)
    assert alive == []


def test_closing_the_pool_does_not_wait_forever_for_a_worker_that_holds_the_task_lock(monkeypatch):
    """multiprocessing's terminate() first takes the lock under which an idle
    worker waits for a task; a worker stopped (or killed) while it holds it
    would hold up Pool.close, and so the build at a Ctrl-C, forever. Here
    the idle workers are stopped (SIGSTOP) once one of them holds it: close
    returns past its deadline, and no worker is left."""
    from kg.nlp import Models
    monkeypatch.setattr(kg.build.engines, "STOP_TIMEOUT", 1, raising=False)
    pool = kg.build.engines.Pool(Models.default(), 2)
    workers = list(pool.pool._pool)
    try:
        assert [pool.pool.apply_async(os.getpid).get(timeout=120) for _ in range(4)]  # the workers are up
        lock, until = pool.pool._inqueue._rlock, time.monotonic() + 60
        while lock.acquire(block=False):  # no worker waits for a task yet
            lock.release()
            assert time.monotonic() < until, "no worker took the task lock"
            time.sleep(0.05)
        for worker in workers:
            os.kill(worker.pid, signal.SIGSTOP)
        closing = threading.Thread(target=pool.close, daemon=True)
        closing.start()
        closing.join(30)
        assert not closing.is_alive(), "Pool.close waits for a worker that holds the task lock"
        assert [worker.pid for worker in workers if worker.is_alive()] == []
    finally:
        for worker in workers:  # whatever happened, none is left behind
            if worker.is_alive():
                worker.kill()
                worker.join(10)


def test_a_worker_killed_during_the_build_ends_it_with_one_line_not_a_wait_forever(signal_corpus, tmp_path):
    """multiprocessing's Pool starts a new worker for one that dies, but the
    task the dead one held is lost and its result never comes: the build
    used to wait for it forever. Now the dead worker ends the build, on one
    line, with nothing written."""
    import psutil
    corpus, out = tmp_path / "corpus.jsonl", tmp_path / "graph.ttl"
    copies = signal_corpus.read_text(encoding="utf-8").splitlines()
    corpus.write_text("\n".join(line.replace('"id": "copy', f'"id": "batch{n}-copy', 1)
                                for n in range(10) for line in copies), encoding="utf-8")  # 300 articles
    out.write_bytes(PREVIOUS)
    build = subprocess.Popen([sys.executable, "-m", "kg", "build", str(corpus), "-o", str(out), "--jobs", "2"],
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             start_new_session=True)
    try:
        until, busy = time.monotonic() + 180, []
        while len(busy) < 2:  # both workers have loaded their pipeline and are extracting
            assert build.poll() is None and time.monotonic() < until, "the workers never got busy"
            busy = [p for p in psutil.Process(build.pid).children()
                    if "spawn_main" in " ".join(p.cmdline()) and p.cpu_times().user > 4]
            time.sleep(0.2)
        busy[0].kill()
        stdout, stderr = build.communicate(timeout=60)
    finally:
        if build.poll() is None:  # it waits for the dead worker's task: do not leave it behind
            os.killpg(build.pid, signal.SIGKILL)
            build.communicate()
    assert (build.returncode, stdout) == (cli.EXIT_FAILED, "")
    assert stderr.splitlines() == ["kg build: error: a worker process died during the build (killed by signal 9; "
                                   f"out of memory?); not written: {out}"]
    assert out.read_bytes() == PREVIOUS
