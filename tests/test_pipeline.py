"""Stage and end-to-end tests with the real spaCy model on real files."""
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDF, RDFS, SKOS

from kg.cli import main
from kg.evaluate import evaluate, gold_files_in
from kg.extract.values import parse_count, parse_date, parse_percent, parse_rank
from kg.namespaces import KG
from kg.resolve import name_key, slug
from kg.validate import validate
from kg.vocab import ENTITY_CLASSES

ROOT = Path(__file__).resolve().parent.parent


def test_values_read_dates_counts_ranks_percentages():
    from datetime import date
    assert parse_date("in September, 2009").lexical == "2009-09"
    assert parse_date("on February 29th, 2014").lexical == "2014-02"  # no such day: month only
    assert parse_date("on May 15, 6 p.m.", date(2022, 5, 14)).lexical == "2022-05-15"
    assert parse_date("on the 15th", date(2021, 10, 15)).lexical == "2021-10-15"
    assert parse_date("on April 26") is None
    assert parse_date("on the 5th of March, 2024").lexical == "2024-03-05"
    assert parse_date("in March of 2024").lexical == "2024-03"
    assert parse_count("20,3 million") == 20_300_000 and parse_count("768,087") == 768087
    assert parse_rank("No. 2") == 2 and parse_rank("#1") == 1 and parse_rank("ranked 50") == 50
    assert str(parse_percent("8.0 percent")) == "8.0"


def test_nlp_finds_mentions_and_matches_relation_rules(nlp):
    doc = nlp('The single "Midnight Bloom" topped Melon and aired on KBS 2TV, said Nielsen Korea. '
              'The drama "Hotel Del Luna" was directed by Oh Choong-hwan.')
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Midnight Bloom", "Song") in ents  # a quoted title, typed by its cue "single"
    assert ("Melon", "Platform") in ents and ("KBS 2TV", "Broadcaster") in ents
    assert ("Nielsen Korea", "Organization") in ents
    assert "Nielsen Korea" in [t.text for t in doc]  # kg_mentions merged each mention into one token
    # kg_relations left its matches, by token: rule, roles, span, length, and the anchors of attached roles;
    # the token rule binds both roles, the dependency rule the agent, and attaches the title from the verb
    matches = {(rule, tuple(sorted((role, tuple(doc[i].text for i in tokens)) for role, tokens in roles.items())),
                tuple(sorted((role, doc[i].text) for role, i in anchors.items())))
               for rule, roles, _, _, _, anchors in doc.user_data["kg_relations"]}
    assert ("director/directed-by", (("object", ("Oh Choong-hwan",)), ("subject", ("Hotel Del Luna",))), ()) in matches
    assert ("director/directed-by/passive", (("object", ("Oh Choong-hwan",)),), (("subject", "directed"),)) in matches


def test_models_multiply_matrices_with_numpys_blas(nlp):
    """kg.nlp.fast_matrices: the tok2vec and the parser's and NER's layers
    computed over all tokens use numpy's BLAS rather than BLIS
    (docs/performance.md); their last "linear" layer is run by spaCy's own
    C loop, with BLIS whatever the ops."""
    for name in ("tok2vec", "parser", "ner"):
        layers = [node for node in nlp.get_pipe(name).model.walk() if node.name != "linear"]
        assert layers and not any(node.ops.use_blis for node in layers), name


def test_rule_components_results_survive_doc_bytes(nlp):
    """Their results are plain data on the doc: a Doc sent between processes
    (spaCy's n_process, Dask) extracts the same facts."""
    from spacy.tokens import Doc
    from kg.extract import extract
    from kg.records import Article
    text = 'Midnight Bloom\n\nIU sang "Midnight Bloom", the OST of the drama "Hotel Del Luna", directed by Oh Choong-hwan.'
    article = Article("t1", "t.txt", "Midnight Bloom", text)
    doc = nlp(text)
    facts = extract(article, doc).facts
    assert len(facts) >= 3
    assert extract(article, Doc(nlp.vocab).from_bytes(doc.to_bytes())).facts == facts


def test_resolution_merges_spellings_and_iris_are_stable():
    assert name_key("CN Blue") == name_key("CNBLUE")
    assert name_key("Jo Hyun-suk") == name_key("Jo Hyun Suk")
    assert slug("Song", "If I..") == slug("Song", "If I..") != slug("Album", "If I..")
    for title in ['If I..', 'A/B "quoted" <x>', "달빛 연가", "emoji 🎵"]:
        iri = slug("Song", title)
        assert not any(c in iri for c in ' <>"{}|\\^`')


def test_end_to_end_seeds_build_validate_and_score(tmp_path):
    out = tmp_path / "graph.ttl"
    assert main(["build", str(ROOT / "seeds"), "-o", str(out)]) == 0
    graph = Graph().parse(out)
    assert validate(graph).conforms
    report = evaluate(graph, gold_files_in(ROOT / "tests" / "gold"))
    assert report.micro.f1 >= 0.90 and report.micro.precision >= 0.95
    assert report.typing.total.f1 >= 0.90
    assert report.chart_entries.total.recall == 1.0 and report.ratings.total.recall == 1.0
    # Provenance: every evidence node points at an article and a sentence.
    for evidence in graph.subjects(RDF.type, KG.Evidence):
        assert (evidence, KG.sentence, None) in graph
    # Deterministic: the same input gives byte-identical output.
    again = tmp_path / "again.ttl"
    assert main(["build", str(ROOT / "seeds"), "-o", str(again)]) == 0
    assert out.read_bytes() == again.read_bytes()


def test_every_label_occurs_in_its_source_article(tmp_path):
    """Never invent: each entity name comes from the text of an article
    that mentions it (derived chart names are built from named parts)."""
    from kg.evaluate import normalise
    from kg.ingest import iter_articles
    texts = {a.id: normalise(a.text) for a in iter_articles([ROOT / "seeds"], print)}
    out = tmp_path / "g.ttl"
    main(["build", str(ROOT / "seeds"), "-o", str(out)])
    graph = Graph().parse(out)
    named = set(ENTITY_CLASSES) - {"Chart"}  # derived chart names are built from named parts
    for cls in named:
        for node in graph.subjects(RDF.type, KG[cls]):
            names = [normalise(str(o)) for p in (RDFS.label, SKOS.altLabel) for o in graph.objects(node, p)]
            articles = [str(a).rsplit("/", 1)[-1] for a in graph.subjects(KG.mentions, node)]
            assert any(n and n in texts[a] for n in names for a in articles), (cls, names)
