"""The CLI's conventions (as riot, rdfpipe and spaCy have them): --version,
-o - for standard output, --format over the extension, exit 2 for usage,
and `kg validate` with --shapes and a machine-readable report."""
import json
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.cli import main
from kg.namespaces import SH

SEEDS = Path(__file__).resolve().parent.parent / "seeds"  # as the session's seeds graph was built
BROKEN = """@prefix kg: <https://w3id.org/kdrama-kg/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<urn:e1> a kg:ChartEntry ; rdfs:label "E" ; kg:rank 0 .
"""


def test_version(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0 and capsys.readouterr().out.startswith("kg ")


def test_usage_errors_exit_2_in_every_command(seeds_ttl, capsys):
    for argv in (["build", "--jobs", "x"], ["load"], ["query"], ["export", str(seeds_ttl)], ["nosuch"]):
        with pytest.raises(SystemExit) as stop:
            main(argv)
        assert stop.value.code == 2, argv
    assert main(["load", str(seeds_ttl)]) == 2
    assert main(["query", "ASK {}"]) == 2
    assert main(["validate", "missing.ttl"]) == 2
    assert main(["eval", str(seeds_ttl), "missing-gold-folder"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err


def test_build_to_stdout_and_format_over_extension(kg_build, seeds_graph, tmp_path, capsys):
    code, out, err = kg_build(SEEDS, "-o", "-", "-q")
    assert code == 0 and "written: standard output" in err and "SHACL: Conforms" in err
    assert isomorphic(Graph().parse(data=out, format="turtle"), seeds_graph)
    code, out, err = kg_build(SEEDS, "-o", "-", "--format", "nt", "-q")
    assert code == 0 and isomorphic(Graph().parse(data=out, format="nt"), seeds_graph)
    code, out, _ = kg_build(SEEDS, "-o", tmp_path / "graph.txt", "--format", "nq", "-q")
    assert code == 0 and "written:" in out
    assert (tmp_path / "graph.txt").read_text(encoding="utf-8").count("<https://w3id.org/kdrama-kg/id/graph/manifest>")


def test_validate_reports_as_text_turtle_or_json(seeds_ttl, tmp_path, capsys):
    assert main(["validate", str(seeds_ttl), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["conforms"] is True and data["results"] == []
    (tmp_path / "bad.ttl").write_text(BROKEN)
    assert main(["validate", str(tmp_path / "bad.ttl")]) == 1
    assert "rank must be at least 1" in capsys.readouterr().out
    assert main(["validate", str(tmp_path / "bad.ttl"), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["conforms"] is False and data["failedShapes"] == ["ChartEntryShape"]
    assert {"focusNode": "urn:e1", "path": "https://w3id.org/kdrama-kg/ontology#rank", "value": "0",
            "shape": "https://w3id.org/kdrama-kg/shapes#ChartEntryShape", "constraint": "MinInclusiveConstraintComponent",
            "severity": "Violation", "message": "rank must be at least 1"} in data["results"]
    assert main(["validate", str(tmp_path / "bad.ttl"), "--format", "turtle", "-o", str(tmp_path / "report.ttl")]) == 1
    report = Graph().parse(tmp_path / "report.ttl")
    assert (None, SH.conforms, None) in report and len(list(report.subjects(None, SH.ValidationResult))) >= 1


def test_validate_with_other_shapes(seeds_ttl, tmp_path, capsys):
    (tmp_path / "shapes.ttl").write_text("""@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix kg: <https://w3id.org/kdrama-kg/ontology#> .
<urn:s> a sh:NodeShape ; sh:targetClass kg:Song ; sh:property [ sh:path kg:performer ; sh:minCount 5 ;
    sh:message "a song needs five performers here" ] .""")
    assert main(["validate", str(seeds_ttl), "--shapes", str(tmp_path / "shapes.ttl")]) == 1
    assert "a song needs five performers here" in capsys.readouterr().out


def test_view_and_input_format(seeds_ttl, tmp_path, capfd):
    (tmp_path / "graph.data").write_bytes(seeds_ttl.read_bytes())
    assert main(["view", str(tmp_path / "graph.data"), "--input-format", "ttl", "-o", "-"]) == 0
    out, err = capfd.readouterr()
    assert out.startswith("<!DOCTYPE html>") and "written: standard output" in err


def test_progress_names_every_stage(nlp, monkeypatch, capsys):
    """The bar speaks while the model loads and while the graph is merged and
    validated, not only while articles are extracted."""
    import kg.build.engines
    from kg.build import build

    monkeypatch.setattr(kg.build.engines, "load_pipeline", lambda models=None: nlp)
    result = build([SEEDS], progress=True)
    result.graph.close()
    err = capsys.readouterr().err
    for stage in ("loading the model", "extracting", "merging and validating", "validated"):
        assert f"kg build: {stage}" in err, err


def test_the_eta_clock_starts_after_the_first_article():
    """The first article carries the model's warm-up: the rate (and so the
    ETA) is measured from the moment it is done."""
    from tqdm import tqdm

    from kg.build import _Clock

    bar = tqdm(total=10, disable=False, file=open("/dev/null", "w"))
    bar.start_t -= 3600  # as if the first article took an hour
    clock = _Clock(bar)
    clock.update(1)
    assert bar.n == 1 and bar.initial == 1 and bar._time() - bar.start_t < 60
    clock.update(1)
    assert bar.n == 2
    bar.close()


def test_a_pipeline_without_a_parser_is_refused_in_one_line(tmp_path, capsys):
    """The relation rules read the dependency parse (and spaCy crashes on a
    merged token's children without one): such a model is a usage error."""
    import spacy

    from kg.cli import main

    nlp = spacy.blank("en")
    nlp.add_pipe("ner")
    nlp.initialize()
    nlp.to_disk(tmp_path / "no-parser")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("News\n\nNova Ring released “Ember” on Monday.", encoding="utf-8")
    code = main(["build", str(tmp_path / "in"), "-o", str(tmp_path / "g.ttl"), "--model", str(tmp_path / "no-parser")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and "'parser'" in err[0]
    assert not (tmp_path / "g.ttl").exists()
