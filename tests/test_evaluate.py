"""kg.evaluate must reproduce SCORING.md's figures exactly: each test builds a
small graph and gold set by hand and checks the computed counts."""
import json
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, BNode, Graph, Literal, Namespace, URIRef

from kg.evaluate import evaluate, gold_files_in, load_gold, normalise

KG = Namespace("https://w3id.org/kdrama-kg/ontology#")
ID = Namespace("https://w3id.org/kdrama-kg/id/")
# rdflib's closed XSD namespace warns when pytest inspects module globals
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
GOLD_DIRS = [Path(__file__).parent / "gold",
             Path(__file__).parents[2] / "shared" / "dev" / "gold"]


def write_gold(tmp_path, name="gold", entities=(), triples=(), chart_entries=(),
               ratings=()):
    """A gold file; entities are (label, type, *aliases)."""
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps({
        "id": name, "source": f"seeds/{name}.txt",
        "entities": [{"label": label, "type": cls, "aliases": list(aliases)}
                     for label, cls, *aliases in entities],
        "triples": [list(t) for t in triples],
        "chart_entries": [{"entry": e, "chart_provider": p, "chart": c, "rank": r,
                           "start": None, "end": None} for e, p, c, r in chart_entries],
        "ratings": [{"series": s, "episode": ep, "value": v, "measured_by": None}
                    for s, ep, v in ratings],
    }), encoding="utf-8")
    return path


def entity(g, key, cls, label, *alt_labels, ns=KG):
    node = ID[key]
    g.add((node, RDF.type, ns[cls]))
    g.add((node, RDFS.label, Literal(label, lang="en")))
    for alt in alt_labels:
        g.add((node, SKOS.altLabel, Literal(alt)))
    return node


def chart_entry(g, entry, chart, rank):
    node = BNode()
    g.add((node, RDF.type, KG.ChartEntry))
    g.add((node, KG.entryOf, entry))
    g.add((node, KG.onChart, chart))
    g.add((node, KG.rank, Literal(rank, datatype=XSD.integer)))
    return node


def rating(g, series, value, episode=None):
    node = BNode()
    g.add((node, RDF.type, KG.ViewershipRating))
    g.add((node, KG.ratingOf, series))
    g.add((node, KG.ratingValue, Literal(str(value), datatype=XSD.decimal)))
    if episode is not None:
        g.add((node, KG.episodeNumber, Literal(episode)))


def counts(score):
    """(predicted, correct, gold, found): precision and recall sides."""
    return score.predicted, score.correct, score.gold, score.found


def test_normalise():
    assert normalise("Yumi’s  Cells") == normalise("YUMI'S CELLS") == "yumis cells"
    assert normalise("Cha-Cha–Cha—Cha") == "cha cha cha cha"
    assert normalise("“Cheer Up, Mr Kim!” (KBS)") == "cheer up mr kim kbs"
    assert normalise("ＱＱ Music") == "qq music"  # NFKC folds full-width letters


def test_typing_counts_wrong_class_and_unknown_entity(tmp_path):
    gold = write_gold(tmp_path, entities=[("Ku Hye Sun", "Person"), ("RAIN", "Song"),
                                          ("CN Blue", "MusicGroup")])
    g = Graph()
    entity(g, "ku", "Person", "Ku Hye Sun")          # correct
    entity(g, "rain", "Album", "RAIN")               # wrong class
    entity(g, "nobody", "Person", "Somebody Else")   # names no gold entity
    entity(g, "article", "Article", "RAIN")          # Article is not scored
    report = evaluate(g, [gold])
    t = report.typing
    assert counts(t.total) == (3, 1, 3, 1)
    assert (t.total.tp, t.total.fp, t.total.fn) == (1, 2, 2)
    assert t.total.precision == pytest.approx(1 / 3)
    assert t.total.recall == pytest.approx(1 / 3)
    assert counts(t.rows["Person"]) == (2, 1, 1, 1)
    assert counts(t.rows["Album"]) == (1, 0, 0, 0)
    assert counts(t.rows["Song"]) == (0, 0, 1, 0)
    assert t.false_positives == ["Album: RAIN", "Person: Somebody Else"]
    assert t.false_negatives == ["MusicGroup: CN Blue", "Song: RAIN"]


def test_any_namespace_and_schema_name(tmp_path):
    gold = write_gold(tmp_path, entities=[("Heartstrings", "TVSeries"), ("MBC", "Broadcaster")],
                      triples=[("Heartstrings", "broadcaster", "MBC")])
    voc = Namespace("http://example.org/vocab/")
    g = Graph()
    series, mbc = URIRef("http://example.org/x/1"), URIRef("http://example.org/x/2")
    g.add((series, RDF.type, voc.TVSeries))
    g.add((series, URIRef("http://schema.org/name"), Literal("Heartstrings")))
    g.add((mbc, RDF.type, voc.Broadcaster))
    g.add((mbc, SKOS.prefLabel, Literal("MBC")))
    g.add((series, voc.broadcaster, mbc))
    g.add((series, URIRef("https://schema.org/broadcaster"), mbc))  # same item twice
    report = evaluate(g, [gold])
    assert counts(report.typing.total) == (2, 2, 2, 2)
    assert counts(report.relations.total) == (1, 1, 1, 1)


def test_release_dates_match_on_shared_iso_prefix(tmp_path):
    gold = write_gold(tmp_path, entities=[("A", "Song"), ("B", "Song"), ("C", "Song")],
                      triples=[("A", "releaseDate", "2016-02"),
                               ("B", "releaseDate", "2016-03-01"),
                               ("C", "releaseDate", "2016-02")])
    g = Graph()
    a, b, c = (entity(g, x.lower(), "Song", x) for x in "ABC")
    g.add((a, KG.releaseDate, Literal("2016-02-24", datatype=XSD.date)))
    g.add((b, KG.releaseDate, Literal("2016", datatype=XSD.gYear)))
    g.add((c, KG.releaseDate, Literal("2016-03-01", datatype=XSD.date)))
    rel = evaluate(g, [gold]).relations
    assert counts(rel.rows["releaseDate"]) == (3, 2, 3, 2)
    assert rel.false_positives == ["C releaseDate 2016-03-01"]
    assert rel.false_negatives == ["C releaseDate 2016-02"]


def test_numbers_compare_numerically(tmp_path):
    gold = write_gold(tmp_path, entities=[("RAIN", "Song"), ("Ku Hye Sun", "Person")],
                      triples=[("RAIN", "trackNumber", 1), ("RAIN", "streamCount", 768087),
                               ("Ku Hye Sun", "followerCount", 4670000)])
    g = Graph()
    rain, ku = entity(g, "rain", "Song", "RAIN"), entity(g, "ku", "Person", "Ku Hye Sun")
    g.add((rain, KG.trackNumber, Literal("01", datatype=XSD.integer)))
    g.add((rain, KG.streamCount, Literal(768088)))
    g.add((ku, KG.followerCount, Literal("4670000.0", datatype=XSD.decimal)))
    rel = evaluate(g, [gold]).relations
    assert counts(rel.total) == (3, 2, 3, 2)
    assert counts(rel.rows["streamCount"]) == (1, 0, 1, 0)
    assert rel.false_negatives == ["RAIN streamCount 768087"]


def test_gold_entry_without_provider_matches_any_chart(tmp_path):
    gold = write_gold(tmp_path, entities=[("I Miss You", "Song")],
                      chart_entries=[("I Miss You", None, None, 1)])
    g = Graph()
    song = entity(g, "song", "Song", "I Miss You")
    melon_chart = entity(g, "c1", "Chart", "Melon real-time chart")
    genie_chart = entity(g, "c2", "Chart", "Genie chart")
    chart_entry(g, song, melon_chart, 1)
    chart_entry(g, song, genie_chart, 1)
    chart_entry(g, song, genie_chart, 2)  # wrong rank
    report = evaluate(g, [gold])
    assert counts(report.chart_entries.total) == (3, 2, 1, 1)
    assert report.chart_entries.false_positives == ["I Miss You @ Genie chart #2"]
    # the two charts the gold does not name count for nothing in typing
    assert counts(report.typing.total) == (1, 1, 1, 1)


def test_chart_without_provider_is_its_own_provider(tmp_path):
    gold = write_gold(tmp_path, entities=[("WHISTLE", "Song"), ("Melon", "Platform"),
                                          ("Bugs", "Platform")],
                      chart_entries=[("WHISTLE", "Melon", None, 1),
                                     ("WHISTLE", "Bugs", None, 1)])
    g = Graph()
    song = entity(g, "whistle", "Song", "WHISTLE")
    melon = entity(g, "melon", "Chart", "Melon")   # the chart stands for Melon
    other = entity(g, "genie", "Chart", "Genie")   # a provider the gold lacks
    chart_entry(g, song, melon, 1)
    chart_entry(g, song, other, 1)
    ce = evaluate(g, [gold]).chart_entries
    assert counts(ce.total) == (2, 1, 2, 1)
    assert ce.false_positives == ["WHISTLE @ Genie #1"]
    assert ce.false_negatives == ["WHISTLE @ Bugs #1"]


def test_provider_reached_through_chart_provider(tmp_path):
    gold = write_gold(tmp_path, entities=[("RAIN", "Song"), ("QQ Music", "Platform")],
                      chart_entries=[("RAIN", "QQ Music", "QQ Music popularity index chart", 1)])
    g = Graph()
    song, qq = entity(g, "rain", "Song", "RAIN"), entity(g, "qq", "Platform", "QQ music")
    chart = entity(g, "chart", "Chart", "QQ popularity chart")
    g.add((chart, KG.chartProvider, qq))
    chart_entry(g, song, chart, 1)
    assert counts(evaluate(g, [gold]).chart_entries.total) == (1, 1, 1, 1)


def test_unmatched_chart_is_left_out_of_typing_and_relations(tmp_path):
    gold = write_gold(tmp_path, entities=[("QQ Music", "Platform"), ("China", "Place"),
                                          ("Billboard 200", "Chart")],
                      triples=[("QQ Music", "market", "China")])
    g = Graph()
    qq, china = entity(g, "qq", "Platform", "QQ Music"), entity(g, "cn", "Place", "China")
    unnamed = entity(g, "chart1", "Chart", "QQ Music chart 1")
    named = entity(g, "chart2", "Chart", "Billboard 200")
    g.add((unnamed, KG.chartProvider, qq))
    g.add((unnamed, KG.market, china))
    g.add((named, KG.market, china))   # a gold chart's relations still count
    g.add((qq, KG.market, china))
    report = evaluate(g, [gold])
    assert counts(report.typing.total) == (3, 3, 3, 3)
    assert counts(report.relations.total) == (2, 1, 1, 1)
    assert report.relations.false_positives == ["Billboard 200 market China"]


def test_graph_entity_matching_two_gold_entities(tmp_path):
    first = write_gold(tmp_path, "a", entities=[("KBS2 TV", "Broadcaster", "KBS2"),
                                                ("Blood", "TVSeries")],
                       triples=[("Blood", "broadcaster", "KBS2 TV")])
    second = write_gold(tmp_path, "b", entities=[("KBS2", "Broadcaster"),
                                                 ("Blood", "TVSeries")],
                        triples=[("Blood", "broadcaster", "KBS2")])
    g = Graph()
    kbs = entity(g, "kbs2", "Broadcaster", "KBS2")  # alias of one, label of the other
    blood = entity(g, "blood", "TVSeries", "Blood")
    g.add((blood, KG.broadcaster, kbs))
    report = evaluate(g, [first, second])
    # gold: KBS2 TV, KBS2 and Blood (once: same label in both files)
    assert counts(report.typing.total) == (2, 2, 3, 3)
    assert counts(report.relations.total) == (1, 1, 2, 2)
    assert counts(report.micro) == (3, 3, 5, 5)


def test_alias_matching_is_normalised(tmp_path):
    gold = write_gold(tmp_path, entities=[("Yumi’s Cells", "TVSeries", "Yumi’s Cells 2"),
                                          ("Hometown Cha-Cha-Cha", "TVSeries"),
                                          ("Ku Hye Sun", "Person", "Koo Hye-sun")])
    g = Graph()
    entity(g, "yumi", "TVSeries", "Yumi's Cells Season 2", "YUMI'S CELLS 2")
    entity(g, "home", "TVSeries", "hometown cha—cha—cha")
    entity(g, "ku", "Person", "Goo Hye-sun", "“Koo  Hye Sun”")
    assert counts(evaluate(g, [gold]).typing.total) == (3, 3, 3, 3)


def test_ratings_and_episode_bonus(tmp_path):
    gold = write_gold(tmp_path, entities=[("Queen of Tears", "TVSeries"),
                                          ("Crash Landing on You", "TVSeries"),
                                          ("Big Mouth", "TVSeries")],
                      ratings=[("Queen of Tears", 12, 20.7), ("Crash Landing on You", None, 21.7),
                               ("Big Mouth", 5, 9.8)])
    g = Graph()
    qot = entity(g, "qot", "TVSeries", "Queen of Tears")
    cloy = entity(g, "cloy", "TVSeries", "Crash Landing on You")
    bm = entity(g, "bm", "TVSeries", "Big Mouth")
    rating(g, qot, "20.70", episode=12)   # right, episode right
    rating(g, cloy, 21.7, episode=16)     # right value, episode gold lacks
    rating(g, bm, 9.9, episode=5)         # wrong value
    report = evaluate(g, [gold])
    assert counts(report.ratings.total) == (3, 2, 3, 2)
    assert report.ratings.false_positives == ["Big Mouth 9.9%"]
    assert counts(report.episodes.total) == (3, 1, 3, 1)
    assert report.episodes.false_negatives == ["Big Mouth 9.8% (episode 5)",
                                               "Crash Landing on You 21.7%"]
    # the bonus line is not part of the micro total
    assert counts(report.micro) == (6, 5, 6, 5)
    assert report.micro.precision == pytest.approx(5 / 6)


@pytest.mark.parametrize("gold_dir", GOLD_DIRS, ids=["tests", "dev"])
def test_gold_itself_scores_perfectly(gold_dir):
    """A graph written straight from gold files scores 1.0 in every
    category: guards against gold items that can never be matched."""
    if not gold_dir.is_dir():
        pytest.skip(f"{gold_dir} not present")
    files = gold_files_in(gold_dir)
    assert files and files == sorted(files)
    gold = load_gold(files)
    g = Graph()
    nodes = {}
    for key, names in gold.names.items():
        nodes[key] = ID[f"e{len(nodes)}"]
        for name in names:
            g.add((nodes[key], SKOS.altLabel, Literal(name)))
    for key, cls in gold.typing:
        g.add((nodes[key], RDF.type, KG[cls]))
    for s, prop, o in gold.relations:
        g.add((nodes[s], KG[prop], nodes[o] if o in nodes else Literal(o)))
    for entry, provider, rank in gold.chart_entries:
        chart = BNode()  # a chart the gold does not name
        if provider:
            g.add((chart, KG.chartProvider, nodes[provider]))
        g.add((chart, RDF.type, KG.Chart))
        chart_entry(g, nodes[entry], chart, rank)
    for series, value, episode in gold.episodes:
        rating(g, nodes[series], value, episode)
    report = evaluate(g, files)
    for result in (report.typing, report.relations, report.chart_entries,
                   report.ratings, report.episodes):
        assert result.total.gold > 0
        assert result.total.fp == result.total.fn == 0, result.to_dict()
    assert report.micro.f1 == 1.0


def test_render_and_to_dict(tmp_path):
    gold = write_gold(tmp_path, entities=[("RAIN", "Song"), ("Gummy", "Person")],
                      triples=[("RAIN", "performer", "Gummy")])
    g = Graph()
    entity(g, "rain", "Song", "RAIN")
    entity(g, "x", "Person", "Jo Hyun-suk")
    report = evaluate(g, gold_files_in(gold))
    text = report.render()
    assert "performer" in text and "Person" in text and "MICRO" in text
    assert "Person: Jo Hyun-suk" in text and "RAIN performer Gummy" in text
    data = json.loads(json.dumps(report.to_dict()))
    assert data["micro"]["predicted"] == 2 and data["micro"]["found"] == 1
    assert data["relations"]["rows"]["performer"]["fn"] == 1
