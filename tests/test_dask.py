"""``kg build --engine dask``: ingest, NLP and extraction on a Dask cluster
(here a small in-process LocalCluster), resolution and writing here; the
graph is the local engine's."""
from pathlib import Path

import pytest
from rdflib.compare import isomorphic

distributed = pytest.importorskip("distributed")

from kg.build import build  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        yield cluster


def test_dask_build_is_isomorphic_to_local(cluster, tmp_path):
    # The three seeds plus one duplicate id (a .jsonl line) and one bad file: skipped alike.
    src = tmp_path / "in"
    src.mkdir()
    for path in (ROOT / "seeds").iterdir():
        (src / path.name).write_bytes(path.read_bytes())
    (src / "zz").mkdir()
    (src / "zz" / "feed.jsonl").write_text('{"id": "000_ccb41357b12cf6b7", "text": "Kim Min Ji sings."}\n',
                                           encoding="utf-8")
    (src / "empty.txt").write_text("", encoding="utf-8")
    local_problems, dask_problems = [], []
    local = build([src], on_error=local_problems.append, progress=False)
    remote = build([src], engine="dask", scheduler=cluster.scheduler_address,
                          on_error=dask_problems.append, progress=False)
    assert remote.articles == local.articles == 3
    assert sorted(map(str, dask_problems)) == sorted(map(str, local_problems)) and len(local_problems) == 2
    assert f"{src / 'zz' / 'feed.jsonl'}:1: duplicate article id '000_ccb41357b12cf6b7' (first read from " \
           f"{src / '000_ccb41357b12cf6b7.txt'})" in map(str, local_problems)
    assert remote.report.conforms and remote.triples == local.triples
    assert isomorphic(local.graph.rdflib(), remote.graph.rdflib())
    local.graph.write(tmp_path / "local.ttl")
    remote.graph.write(tmp_path / "dask.ttl")
    assert (tmp_path / "local.ttl").read_bytes() == (tmp_path / "dask.ttl").read_bytes()


def test_dask_update_reuses_the_cache(cluster, tmp_path):
    cache = tmp_path / "cache"
    first = build([ROOT / "seeds"], engine="dask", scheduler=cluster.scheduler_address, cache=cache,
                         progress=False)
    again = build([ROOT / "seeds"], engine="dask", scheduler=cluster.scheduler_address, cache=cache,
                         progress=False)
    assert (first.extracted, again.extracted, again.reused) == (3, 0, 3)
    assert isomorphic(first.graph.rdflib(), again.graph.rdflib())
