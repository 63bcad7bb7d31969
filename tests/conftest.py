"""Shared fixtures: the graph the current code builds from seeds/.

Extraction keeps improving, so tests that use the graph compute their
expectations from this build and assert only facts the seeds state."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def seeds_graph():
    from kg.pipeline import build

    return build([ROOT / "seeds"]).graph


@pytest.fixture(scope="session")
def seeds_ttl(seeds_graph, tmp_path_factory) -> Path:
    from kg.export import write_graph

    path = tmp_path_factory.mktemp("seeds") / "graph.ttl"
    write_graph(seeds_graph, path)
    return path


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def read(nlp):
    """Extract from one article written in the test: headline, blank line, body."""
    from kg.extract import extract
    from kg.records import Article

    def run(text, published=None):
        article = Article("t1", "test.txt", text.split("\n", 1)[0], text, published)
        return extract(article, nlp(text))
    return run
