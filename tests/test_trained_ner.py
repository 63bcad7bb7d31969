"""The trained span model (kg/models/ner, docs/model.md) and its training data
script (train/data.py), on sentences and a fixture written for these tests
(no ../shared reads)."""
import json
import shutil
import sys
from pathlib import Path

import pytest
import spacy

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.nlp import DEFAULT_MODEL, TRAINED_NER, Models, load_pipeline  # noqa: E402
from train import data  # noqa: E402

FIXTURE = ROOT / "tests" / "data" / "ner"
WORK = {"WORK"}


@pytest.fixture(scope="module")
def ner():
    """The base model with its NER replaced by the trained one, as
    load_pipeline does it, and nothing else."""
    nlp = spacy.load(DEFAULT_MODEL, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"])
    nlp.add_pipe("ner", source=spacy.load(TRAINED_NER))
    return nlp


def ents(nlp, text):
    return {(e.text, e.label_) for e in nlp(text).ents}


def test_shipped_model_is_a_loadable_ner_pipeline():
    assert (TRAINED_NER / "meta.json").exists()
    trained = spacy.load(TRAINED_NER)
    assert trained.pipe_names == ["ner"]
    labels = set(trained.get_pipe("ner").labels)
    assert {"PERSON", "GROUP", "ORG", "WORK", "GPE"} <= labels
    assert set(data.VALUE_LABELS) <= labels
    size = sum(p.stat().st_size for p in TRAINED_NER.rglob("*") if p.is_file())
    assert size < 12_000_000


def test_its_titles_join_the_candidates_beside_the_base_ner():
    nlp = load_pipeline(Models(DEFAULT_MODEL, str(TRAINED_NER)))
    assert "WORK" not in nlp.get_pipe("ner").labels  # the base model's NER still finds the names
    with nlp.select_pipes(disable=["kg_mentions", "kg_relations"]):  # kg_mentions reads them and removes them
        doc = nlp("Her earlier soundtracks for the dramas Winter Atlas and Blue Ferry were also hits.")
    assert {s.label_ for s in doc.spans["kg_model"]} == {"WORK"}
    assert {s.text for s in doc.spans["kg_model"]} & {"Winter Atlas", "Blue Ferry"}
    assert Models.default().ner is None  # off unless asked for: docs/model.md says why


# The shipped model finds unquoted titles with recall 0.34 on held-out
# articles and 0.60 on held-out wiki sentences (docs/model.md): these two are
# among those it misses. Strict: the day a model finds them, remove the mark.
MISSED_TITLE = pytest.mark.xfail(strict=True, reason="unquoted title not found by the shipped model")


def test_hyphenated_name(ner):
    found = ents(ner, "Actor Lee Do-hwan also sang a track for the drama Crimson Harbor, "
                      "in which he plays a young detective.")
    assert ("Lee Do-hwan", "PERSON") in found


@MISSED_TITLE
def test_unquoted_title_after_a_cue_word(ner):
    found = ents(ner, "Actor Lee Do-hwan also sang a track for the drama Crimson Harbor, "
                      "in which he plays a young detective.")
    assert ("Crimson Harbor", "WORK") in found


def test_wikipedia_style_film_sentence_names(ner):
    found = ents(ner, "Flatliners is a 1990 American film directed by Joel Schumacher.")
    assert ("Joel Schumacher", "PERSON") in found
    assert ("1990", "DATE") in found


@MISSED_TITLE
def test_wikipedia_style_film_title(ner):
    found = ents(ner, "Flatliners is a 1990 American film directed by Joel Schumacher.")
    assert ("Flatliners", "WORK") in found


def test_unquoted_titles_the_model_finds(ner):
    found = ents(ner, "Her earlier soundtracks for the dramas Winter Atlas and Blue Ferry were also hits.")
    assert found & {("Winter Atlas", "WORK"), ("Blue Ferry", "WORK")}


def test_value_labels_still_come_out(ner):
    found = ents(ner, "The drama's finale on Sunday recorded a nationwide rating of 12.3 percent.")
    assert ("Sunday", "DATE") in found
    assert ("12.3 percent", "PERCENT") in found


# ------------------------------------------------------ the data script

def fixture_items():
    gold = json.loads((FIXTURE / "gold.json").read_text())
    text = (FIXTURE / "article.txt").read_text()
    return text, [([e["label"]] + e["aliases"], e["type"]) for e in gold["entities"]]


def test_projection_finds_every_occurrence_and_prefers_longer_spans():
    text, entities = fixture_items()
    spans = data.project_gold(text, entities)
    by_text = {}
    for a, b, classes in spans:
        by_text.setdefault(text[a:b], []).append(classes)
    assert len(by_text["Lumen Bay"]) == 3  # headline, body, "Lumen Bay's"
    assert len(by_text["Salt Air"]) == 2  # quoted (the inside of the quotes) and not
    assert by_text["Han Seo-yul"] == [frozenset({"Person"})]  # not the alias "Han" inside it
    assert by_text["HAN SEO-YUL"] == [frozenset({"Person"})]
    assert "Han" not in by_text
    # "Tidal (album)" is the album; its disambiguator is not in the text, and
    # the song has the same title: the span knows it is one of the two.
    assert by_text["Tidal"] == [frozenset({"Album", "Song"})] * 3
    assert all(text[a - 1] in "'\"" and text[b] in "'\"" for a, b, _ in spans if text[a:b] == "Tide Clock")


def test_case_insensitive_only_when_no_exact_occurrence():
    assert data.occurrences("The band SALT AIR and salt air.", "Salt Air") == [(9, 17), (22, 30)]
    assert data.occurrences("Salt Air and salt air.", "Salt Air") == [(0, 8)]
    assert data.occurrences("Airplane", "Air") == []


def test_labels_per_scheme():
    fine, coarse = data.Annotator.__new__(data.Annotator), data.Annotator.__new__(data.Annotator)
    fine.mapping, coarse.mapping = data.SCHEMES["fine"], data.SCHEMES["coarse"]
    works = frozenset({"Album", "Song"})
    assert fine.label(works) is None and coarse.label(works) == "WORK"
    assert fine.label(frozenset({"Platform"})) == "Platform" and coarse.label(frozenset({"Platform"})) == "ORG"
    assert coarse.label(frozenset({"Person", "MusicGroup"})) is None


def test_wiki_types_from_relations():
    text = "Paper Kite is a 1994 song by Blue Lantern from the album Harbor Nights, produced by Kim Ra-on."
    triples = [["Paper Kite", "performer", "Blue Lantern"], ["Paper Kite", "inAlbum", "Harbor Nights"],
               ["Paper Kite", "releaseDate", "1994"]]
    spans = {text[a:b]: classes for a, b, classes in data.project_wiki(text, triples, "music")}
    assert spans["Paper Kite"] == {"Song"}
    assert spans["Harbor Nights"] == {"Album"}
    assert spans["Blue Lantern"] == {"Person", "MusicGroup"}  # unknown without the base model's vote
    voted = data.project_wiki(text, triples, "music", {(29, 41): "ORG"})
    assert {text[a:b]: c for a, b, c in voted}["Blue Lantern"] == {"MusicGroup"}


def test_cue_titles():
    text = "She sang for the drama 'Winter Atlas' and the \u201cBlue Ferry\u201d OST; her EP \"Tidal\" and \"hello there.\""
    found = {text[a:b]: set(c) for a, b, c in data.cue_titles(text)}
    assert found == {"Winter Atlas": {"TVSeries"}, "Blue Ferry": {"TVSeries"}, "Tidal": {"Album"}}


@pytest.fixture(scope="module")
def annotator():
    return data.Annotator("coarse")


def test_training_docs_of_a_gold_article(annotator):
    text, entities = fixture_items()
    item = data.Item("dev", "t01", text, entities=entities)
    records = annotator.annotate(item)
    assert len(records) == 4  # one per non-empty line
    tags = {w: t for r in records for w, t in zip(r["words"], r["tags"])}
    assert tags["Busan"] == "-"  # a city: the base model's GPE, left out of the gold
    assert tags["Monday"] == "U-DATE"  # pseudo-rehearsal of the value labels
    assert tags["KBS2"] == "U-ORG"
    assert tags["Velli"] == "U-PERSON"
    line = records[1]
    pairs = list(zip(line["words"], line["tags"]))
    assert ("Tidal", "U-WORK") in pairs and ("Salt", "B-WORK") in pairs and ("Air", "L-WORK") in pairs
    assert ("mini", "O") in pairs or ("mini-album", "O") in pairs
    outside = data.Annotator.__new__(data.Annotator)
    outside.__dict__.update(annotator.__dict__, unknown="O")
    tags = {w: t for r in outside.annotate(item) for w, t in zip(r["words"], r["tags"])}
    assert tags["Busan"] == "O"


def test_build_writes_folds_and_is_deterministic(tmp_path):
    shared = tmp_path / "shared"
    (shared / "gold").mkdir(parents=True)
    (shared / "seeds").mkdir()
    for n in range(3):
        shutil.copy(FIXTURE / "gold.json", shared / "gold" / f"s{n}.json")
        shutil.copy(FIXTURE / "article.txt", shared / "seeds" / f"s{n}.txt")
    first = data.build(tmp_path / "a", scheme="coarse", k=3, shared=shared)
    second = data.build(tmp_path / "b", scheme="coarse", k=3, shared=shared)
    assert first == second
    assert first["folds"] == {"seeds/s0": 0, "seeds/s1": 1, "seeds/s2": 2}
    assert first["sets"]["full"]["docs"] == 12 and first["sets"]["fold0"]["docs"] == 8
    assert {"WORK", "PERSON", "GROUP", "ORG", "DATE"} <= set(first["labels"])
    docs = list(spacy.tokens.DocBin().from_disk(tmp_path / "a" / "full.spacy").get_docs(spacy.blank("en").vocab))
    assert len(docs) == 12 and any(e.label_ == "WORK" for d in docs for e in d.ents)
    assert any(t.ent_iob == 0 for d in docs for t in d)  # unknown tokens stay unannotated
    assert not list(Path(ROOT).glob("train/*.spacy"))


def test_unquoted_copies_keep_the_title_labelled():
    record = {"id": "x", "words": ["the", "drama", "\u201c", "Tide", "Clock", "\u201d", "stars", "Velli", "."],
              "spaces": [True, True, False, True, False, True, True, False, False],
              "tags": ["O", "O", "O", "B-WORK", "L-WORK", "O", "O", "U-PERSON", "O"]}
    copy = data.unquoted(record, {"WORK"})
    assert copy["words"] == ["the", "drama", "Tide", "Clock", "stars", "Velli", "."]
    assert copy["tags"] == ["O", "O", "B-WORK", "L-WORK", "O", "U-PERSON", "O"]
    assert spacy.tokens.Doc(spacy.blank("en").vocab, words=copy["words"], spaces=copy["spaces"]).text == \
        "the drama Tide Clock stars Velli."
    assert data.unquoted(copy, {"WORK"}) is None
