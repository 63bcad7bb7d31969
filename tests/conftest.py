"""Shared fixtures: the graph the current code builds from seeds/, and the
NLP pipeline loaded once for the session.

Extraction keeps improving, so tests that use the graph compute their
expectations from this build and assert only facts the seeds state."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def seeds_build(nlp):
    """``kg build seeds``'s result, through the one entry point (kg.build.build)."""
    import kg.build.engines
    from kg.build import build

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kg.build.engines, "load_pipeline", lambda models=None: nlp)
        result = build([ROOT / "seeds"], progress=False)
    yield result
    result.graph.close()


@pytest.fixture(scope="session")
def seeds_graph(seeds_build):
    return seeds_build.graph.rdflib()


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


@pytest.fixture
def kg_build(nlp, monkeypatch, capsys):
    """``kg build ARGS`` in-process with the pipeline loaded once; returns
    (exit status, stdout, stderr)."""
    import kg.build.engines
    from kg import cli

    monkeypatch.setattr(kg.build.engines, "load_pipeline", lambda models=None: nlp)

    def run(*argv) -> tuple[int, str, str]:
        code = cli.main(["build", *map(str, argv)])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture(scope="session")
def read(nlp):
    """Extract from one article written in the test: headline, blank line, body."""
    from kg.extract import extract
    from kg.ingest import clean_text
    from kg.records import Article

    def run(text, published=None):
        text = clean_text(text)  # as ingest gives it: typographic quotes folded, spaces normalised
        article = Article("t1", "test.txt", text.split("\n", 1)[0], text, published)
        return extract(article, nlp(text))
    return run


@pytest.fixture
def built(kg_build, tmp_path):
    """The graph ``kg build`` writes of one article written in the test, read back with rdflib."""
    from rdflib import Graph

    def run(text):
        folder = tmp_path / "in"
        folder.mkdir(exist_ok=True)
        (folder / "a.txt").write_text(text, encoding="utf-8")
        code, _, err = kg_build(folder, "-o", tmp_path / "g.ttl", "-q")
        assert code == 0, err
        return Graph().parse(tmp_path / "g.ttl")
    return run
