"""`kg query` and the example queries in queries/, on the seeds graph."""
import csv
import io
import json
from pathlib import Path

from kg.cli import main
from kg.use.query import read_query, run, table

QUERIES = Path(__file__).resolve().parent.parent / "queries"


def answer(source, name):
    header, rows = table(run(source, read_query(str(QUERIES / f"{name}.rq"))))
    return [dict(zip(header, row)) for row in rows]


def test_every_example_states_its_question_and_runs(seeds_ttl):
    for path in sorted(QUERIES.glob("*.rq")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# ") and first.endswith("?"), path.name
        table(run(seeds_ttl, read_query(str(path))))


def test_chart_toppers(seeds_ttl):
    rows = answer(seeds_ttl, "chart-toppers")
    assert any(r["work"] == "RAIN" and "QQ" in r["chart"] for r in rows)  # "RAIN" took No.1 on QQ Music's chart


def test_chart_history_of_rain(seeds_ttl):
    rows = answer(seeds_ttl, "chart-history")
    assert rows and all(r["rank"] == "1" for r in rows)
    assert any("QQ Music" in r["chart"] for r in rows)


def test_rating_history(seeds_ttl):
    rows = answer(seeds_ttl, "rating-history")  # "episode 12 ... nationwide rating of 20.7% according to Nielsen Korea"
    assert any(r["series"] == "Queen of Tears" and r["episode"] == "12" and r["rating"] == "20.7"
               and r["scope"] == "nationwide" and r["firm"] == "Nielsen Korea" for r in rows)


def test_who_wrote_what(seeds_ttl):
    rows = answer(seeds_ttl, "who-wrote-what")  # "RAIN ... is a song written by Ku"
    assert {"writer": "Ku Hye Sun", "role": "composer", "work": "RAIN"} in rows


def test_most_connected_people(seeds_ttl):
    rows = answer(seeds_ttl, "most-connected")
    counts = [int(r["connections"]) for r in rows]
    assert counts == sorted(counts, reverse=True) and len(rows) <= 10
    top = {r["person"] for r in rows[:3]}
    assert {"Ku Hye Sun", "Kim Soo Hyun"} & top


def test_sentence_behind_a_triple(seeds_ttl):
    rows = answer(seeds_ttl, "sentence-behind")
    composed = [r for r in rows if r["subject"] == "RAIN" and r["property"] == "composer"]
    assert composed and all("written by Ku" in r["sentence"] or "written by actress Ku" in r["sentence"]
                            for r in composed)
    assert all(r["headline"] for r in rows)


def test_actor_sang_ost_of_own_series(seeds_ttl):
    rows = answer(seeds_ttl, "actor-sang-ost")  # "Kim Soo Hyun recently participated in recording the OST for 'Queen of Tears'"
    assert any(r["actor"] == "Kim Soo Hyun" and r["series"] == "Queen of Tears" for r in rows)


def test_actor_sang_ost_through_an_album(tmp_path):
    graph = tmp_path / "g.ttl"
    graph.write_text("""@prefix kg: <https://w3id.org/kdrama-kg/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <urn:s> rdfs:label "Comfort Song" ; kg:performer <urn:p> ; kg:inAlbum <urn:a> .
        <urn:a> kg:soundtrackOf <urn:t> . <urn:t> rdfs:label "Heartstrings" ; kg:castMember <urn:p>, <urn:q> .
        <urn:p> rdfs:label "Jung Yong Hwa" . <urn:q> rdfs:label "Park Shin Hye" .""")
    assert answer(graph, "actor-sang-ost") == [{"actor": "Jung Yong Hwa", "song": "Comfort Song", "series": "Heartstrings"}]


def cli(capsys, *args) -> str:
    assert main(["query", *map(str, args)]) == 0
    return capsys.readouterr().out


def test_formats(seeds_ttl, capsys):
    query = "SELECT ?name WHERE { ?s a kg:Song ; rdfs:label ?name } ORDER BY ?name"
    names = [r["name"] for r in csv.DictReader(io.StringIO(cli(capsys, seeds_ttl, query, "--format", "csv")))]
    assert "RAIN" in names
    tsv = cli(capsys, seeds_ttl, query, "--format", "tsv").splitlines()
    assert tsv[0] == "?name" and '"RAIN"@en' in tsv
    bindings = json.loads(cli(capsys, seeds_ttl, query, "--format", "json"))["results"]["bindings"]
    assert [b["name"]["value"] for b in bindings] == names
    text = cli(capsys, seeds_ttl, query).splitlines()
    assert text[0].rstrip() == "name" and text[-1] == f"({len(names)} rows)" and "RAIN" in text


def test_ask_construct_and_quads(seeds_graph, tmp_path, capsys):
    from kg.export import write_graph

    nq = tmp_path / "g.nq"
    write_graph(seeds_graph, nq)
    assert cli(capsys, nq, "ASK { ?s a kg:Song }") == "yes\n"
    assert "kg:Song" in cli(capsys, nq, "CONSTRUCT { ?s a kg:Song } WHERE { ?s a kg:Song }")
    # the named graph of the article that reports RAIN's chart success holds the fact
    rows = table(run(nq, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?e kg:entryOf ?s } ?s rdfs:label 'RAIN'@en }"))[1]
    assert rows == [("kgr:article/000_ccb41357b12cf6b7",)]


def test_query_file_and_errors(seeds_ttl, tmp_path, capsys):
    assert "RAIN" in cli(capsys, seeds_ttl, QUERIES / "chart-toppers.rq")
    for argv, message in ([str(seeds_ttl), "SELECT WHERE"], "invalid query"), \
                         ([str(tmp_path / "missing.ttl"), "ASK {}"], "cannot read graph"), \
                         (["ASK {}"], "SOURCE QUERY"):
        assert main(["query", *argv]) == 2  # usage: one line on stderr, no traceback
        err = capsys.readouterr().err
        assert message in err and len(err.splitlines()) == 1 and "Traceback" not in err
