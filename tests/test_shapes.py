"""The ontology declares the public vocabulary, and the shapes accept good
graphs and reject bad ones with a message that names what broke."""
import re
from decimal import Decimal
from pathlib import Path

import pytest
import rdflib
from rdflib import URIRef
from hypothesis import example, given, settings
from hypothesis import strategies as st
from rdflib.collection import Collection

from kg.namespaces import KG, KGS, OWL, RDF, RDFS, SH, SKOS, WDT
from kg.validate import load_shapes, validate

# A plain Namespace: pytest probing a module-level DefinedNamespace XSD warns.
XSD = rdflib.Namespace(str(rdflib.XSD))
ROOT = Path(__file__).resolve().parent.parent

CORE_CLASSES = [
    "Person", "MusicGroup", "Song", "Album", "TVSeries", "Film", "Broadcaster", "Platform",
    "Chart", "ChartEntry", "Organization", "Place", "ViewershipRating", "Article",
]
CORE_PROPERTIES = [
    "performer", "composer", "lyricist", "inAlbum", "trackNumber", "soundtrackOf", "castMember",
    "director", "broadcaster", "memberOf", "releaseDate", "entryOf", "onChart", "rank",
    "startDate", "endDate", "chartProvider", "market", "ratingOf", "episodeNumber",
    "ratingValue", "measuredBy", "streamCount", "followerCount", "mentions",
]
EXTENSION_TERMS = [
    "Evidence", "sentence", "sentenceStart", "sentenceEnd", "extractedBy", "confidence",
    "hedged", "sourceFile", "publicationDate", "ratingScope",
]
DATATYPE_RANGES = {
    "trackNumber": XSD.integer, "rank": XSD.integer, "startDate": XSD.date,
    "endDate": XSD.date, "episodeNumber": XSD.integer, "ratingValue": XSD.decimal,
    "streamCount": XSD.integer, "followerCount": XSD.integer, "sentence": XSD.string,
    "sentenceStart": XSD.integer, "sentenceEnd": XSD.integer,
    "extractedBy": XSD.string, "confidence": XSD.decimal, "hedged": XSD.boolean,
    "sourceFile": XSD.string, "publicationDate": XSD.date, "ratingScope": XSD.string,
}
WIKIDATA_PROPERTIES = {
    "performer": "P175", "composer": "P86", "lyricist": "P676", "inAlbum": "P361",
    "castMember": "P161", "director": "P57", "broadcaster": "P449", "memberOf": "P463",
    "releaseDate": "P577", "onChart": "P2291", "rank": "P1352", "startDate": "P585",
    "endDate": "P585",
}
ALIGNMENTS = [RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass,
              OWL.equivalentProperty, SKOS.closeMatch]


@pytest.fixture(scope="module")
def ontology():
    return rdflib.Graph().parse(ROOT / "ontology" / "kg.ttl", format="turtle")


@pytest.mark.parametrize("name", CORE_CLASSES + CORE_PROPERTIES + EXTENSION_TERMS)
def test_term_is_declared_and_documented(ontology, name):
    term = KG[name]
    kinds = set(ontology.objects(term, RDF.type))
    assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}, f"{name} undeclared"
    labels = list(ontology.objects(term, RDFS.label))
    assert [label.language for label in labels] == ["en"]
    assert ontology.value(term, RDFS.comment)
    if OWL.Class not in kinds:
        assert ontology.value(term, RDFS.domain) is not None, f"{name} has no domain"
        assert ontology.value(term, RDFS.range) is not None, f"{name} has no range"


@pytest.mark.parametrize("name", CORE_CLASSES + CORE_PROPERTIES)
def test_core_term_is_aligned_outside_the_kg_namespace(ontology, name):
    targets = {o for p in ALIGNMENTS for o in ontology.objects(KG[name], p)}
    assert any(isinstance(o, URIRef) and not o.startswith(str(KG)) for o in targets), name


@pytest.mark.parametrize("name,pid", WIKIDATA_PROPERTIES.items())
def test_property_aligned_with_wikidata(ontology, name, pid):
    assert WDT[pid] in {o for p in ALIGNMENTS for o in ontology.objects(KG[name], p)}


@pytest.mark.parametrize("name,datatype", DATATYPE_RANGES.items())
def test_datatype_property_range(ontology, name, datatype):
    assert (KG[name], RDF.type, OWL.DatatypeProperty) in ontology
    assert ontology.value(KG[name], RDFS.range) == datatype


def test_union_domains_and_ranges(ontology):
    def members(node):
        return set(Collection(ontology, ontology.value(node, OWL.unionOf)))

    assert members(ontology.value(KG.performer, RDFS.range)) == {KG.Person, KG.MusicGroup}
    assert members(ontology.value(KG.releaseDate, RDFS.range)) == {
        XSD.date, XSD.gYearMonth, XSD.gYear}


def test_every_class_has_a_shape_and_every_constraint_a_message():
    shapes = load_shapes()
    targets = set(shapes.objects(None, SH.targetClass))
    assert {KG[name] for name in CORE_CLASSES + ["Evidence"]} <= targets
    for property_shape in shapes.objects(None, SH.property):
        assert shapes.value(property_shape, SH.message), shapes.value(property_shape, SH.path)


PREFIXES = """
@prefix kg: <https://w3id.org/kdrama-kg/ontology#> .
@prefix kgr: <https://w3id.org/kdrama-kg/id/> .
@prefix schema: <https://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

# One valid node of each class, for the cases to point at.
BASE = """
kgr:ku a kg:Person ; rdfs:label "Ku Hye Sun"@en ; skos:altLabel "Koo Hye Sun", "Ku" .
kgr:cnblue a kg:MusicGroup ; rdfs:label "CN Blue" .
kgr:rain a kg:Song ; rdfs:label "RAIN" .
kgr:breath a kg:Album ; rdfs:label "Take a Breath" .
kgr:blood a kg:TVSeries ; rdfs:label "Blood" .
kgr:magic a kg:Film ; rdfs:label "Magic" .
kgr:kbs2 a kg:Broadcaster ; rdfs:label "KBS2 TV" .
kgr:qqmusic a kg:Platform ; rdfs:label "QQ Music" .
kgr:qqchart a kg:Chart ; rdfs:label "QQ Music popularity index chart" .
kgr:nielsen a kg:Organization ; rdfs:label "Nielsen Korea" .
kgr:china a kg:Place ; rdfs:label "China" .
kgr:a0 a kg:Article ; rdfs:label "Ku Hye Sun's RAIN takes No.1" ; kg:sourceFile "seeds/000.txt" .
"""

ENTRY = """kgr:e1 a kg:ChartEntry ; rdfs:label "RAIN No.1 on QQ Music" ; kg:entryOf kgr:rain ;
    kg:onChart kgr:qqchart ;"""
RATING = """kgr:r1 a kg:ViewershipRating ; rdfs:label "Blood ep. 12" ; kg:ratingOf kgr:blood ;"""
EVIDENCE = """kgr:ev1 a kg:Evidence ; rdf:subject kgr:rain ; rdf:predicate kg:composer ;
    rdf:object kgr:ku ; kg:sentence "RAIN, a piano piece written by Ku" ;
    kg:extractedBy "rule:written-by" ; kg:hedged false ;"""

CONFORMING = [
    ("PersonShape", 'kgr:p a kg:Person ; rdfs:label "Gummy" ; kg:memberOf kgr:cnblue ; kg:followerCount 4670000 .'),
    ("MusicGroupShape", 'kgr:g a kg:MusicGroup ; rdfs:label "FT Island"@en ; kg:followerCount 0 .'),
    ("SongShape", """kgr:s a kg:Song ; rdfs:label "Comfort Song" ; kg:performer kgr:ku, kgr:cnblue ;
        kg:composer kgr:ku ; kg:lyricist kgr:ku ; kg:inAlbum kgr:breath ; kg:trackNumber 1 ;
        kg:soundtrackOf kgr:magic ; kg:releaseDate "2014-02"^^xsd:gYearMonth ; kg:streamCount 768087 ."""),
    ("SongShape", 'kgr:s a kg:Song ; rdfs:label "S" ; kg:releaseDate "2009"^^xsd:gYear, "2009-09-01"^^xsd:date .'),
    ("AlbumShape", """kgr:al a kg:Album ; rdfs:label "OST" ; kg:performer kgr:cnblue ; kg:composer kgr:ku ;
        kg:soundtrackOf kgr:blood ; kg:releaseDate "2009-09"^^xsd:gYearMonth ."""),
    ("TVSeriesShape", """kgr:t a kg:TVSeries ; rdfs:label "Queen of Tears" ; kg:castMember kgr:ku ;
        kg:director kgr:ku ; kg:broadcaster kgr:kbs2 ; kg:releaseDate "2015-03-23"^^xsd:date ."""),
    ("FilmShape", 'kgr:f a kg:Film ; rdfs:label "F" ; kg:castMember kgr:ku ; kg:director kgr:ku ; kg:releaseDate "2010"^^xsd:gYear .'),
    ("BroadcasterShape", 'kgr:b a kg:Broadcaster ; rdfs:label "MBC" ; skos:altLabel "Munhwa"@en .'),
    ("PlatformShape", 'kgr:w a kg:Platform ; rdfs:label "Weibo" ; kg:market kgr:china .'),
    ("ChartShape", 'kgr:c a kg:Chart ; rdfs:label "C" ; kg:chartProvider kgr:qqmusic, kgr:nielsen ; kg:market kgr:china .'),
    ("ChartEntryShape", ENTRY + ' kg:rank 1 ; kg:startDate "2015-04-26"^^xsd:date ; kg:endDate "2015-04-29"^^xsd:date .'),
    ("ChartEntryShape", ENTRY + ' kg:rank 3 ; kg:startDate "2015-04-26"^^xsd:date ; kg:endDate "2015-04-26"^^xsd:date .'),
    ("OrganizationShape", 'kgr:o a kg:Organization ; rdfs:label "Newsen" .'),
    ("PlaceShape", 'kgr:pl a kg:Place ; rdfs:label "Taiwan" .'),
    ("ViewershipRatingShape", RATING + """ kg:episodeNumber 12 ; kg:ratingValue 20.7 ; kg:measuredBy kgr:nielsen ;
        kg:ratingScope "nationwide" ; kg:startDate "2015-04-28"^^xsd:date ; kg:endDate "2015-04-28"^^xsd:date ."""),
    ("ArticleShape", """kgr:a1 a kg:Article ; rdfs:label "Headline" ; kg:sourceFile "seeds/001.txt" ;
        schema:url "http://example.org/a"^^xsd:anyURI ; kg:publicationDate "2015-04-30"^^xsd:date ; kg:mentions kgr:ku ."""),
    ("EvidenceShape", EVIDENCE + """ prov:wasDerivedFrom kgr:a0 ; kg:sentenceStart 120 ;
        kg:sentenceEnd 180 ; kg:confidence 0.9 ."""),
]

VIOLATING = [
    ("PersonShape", 'kgr:p a kg:Person .', "needs exactly one rdfs:label (its canonical name)"),
    ("PersonShape", 'kgr:p a kg:Person ; rdfs:label "A", "B" .', "needs exactly one rdfs:label (its canonical name)"),
    ("PersonShape", 'kgr:p a kg:Person ; rdfs:label "A" ; kg:memberOf kgr:china .', "memberOf must point to a kg:MusicGroup"),
    ("PersonShape", 'kgr:p a kg:Person ; rdfs:label "A" ; kg:followerCount -1 .', "followerCount must not be negative"),
    ("MusicGroupShape", 'kgr:g a kg:MusicGroup ; rdfs:label 5 .', "rdfs:label must be a string"),
    ("SongShape", 'kgr:s a kg:Song ; rdfs:label "S" ; kg:performer kgr:china .', "performer must point to a kg:Person or kg:MusicGroup"),
    ("SongShape", 'kgr:s a kg:Song ; rdfs:label "S" ; kg:releaseDate "September 2009" .', "releaseDate must be an xsd:date, xsd:gYearMonth or xsd:gYear"),
    ("SongShape", 'kgr:s a kg:Song ; rdfs:label "S" ; kg:trackNumber 0 .', "trackNumber must be at least 1"),
    ("SongShape", 'kgr:s a kg:Song ; rdfs:label "S" ; kg:streamCount "768,087" .', "streamCount must be an xsd:integer"),
    ("AlbumShape", 'kgr:al a kg:Album ; rdfs:label "A" ; kg:soundtrackOf kgr:china .', "soundtrackOf must point to a kg:TVSeries or kg:Film"),
    ("TVSeriesShape", 'kgr:t a kg:TVSeries ; rdfs:label "T" ; kg:broadcaster kgr:qqmusic .', "broadcaster must point to a kg:Broadcaster"),
    ("FilmShape", 'kgr:f a kg:Film ; rdfs:label "F" ; kg:director kgr:cnblue .', "director must point to a kg:Person"),
    ("BroadcasterShape", 'kgr:b a kg:Broadcaster ; rdfs:label "B" ; skos:altLabel kgr:china .', "skos:altLabel must be a string"),
    ("PlatformShape", 'kgr:w a kg:Platform ; rdfs:label "W" ; kg:market kgr:nielsen .', "market must point to a kg:Place"),
    ("ChartShape", 'kgr:c a kg:Chart ; rdfs:label "C" ; kg:chartProvider kgr:ku .', "chartProvider must point to a kg:Platform or kg:Organization"),
    ("ChartEntryShape", ENTRY + ' kg:rank "0"^^xsd:positiveInteger .', "rank must be an xsd:integer"),
    ("ChartEntryShape", ENTRY + ' kg:rank 0 .', "rank must be at least 1"),
    ("ChartEntryShape", ENTRY + ' kg:rank 1, 2 .', "a chart entry needs exactly one rank"),
    ("ChartEntryShape", 'kgr:e1 a kg:ChartEntry ; rdfs:label "E" ; kg:entryOf kgr:rain ; kg:rank 1 .', "a chart entry needs exactly one onChart"),
    ("ChartEntryShape", ENTRY + ' kg:rank 1 ; kg:startDate "2015-04-29"^^xsd:date ; kg:endDate "2015-04-26"^^xsd:date .', "startDate must not be after endDate"),
    ("ChartEntryShape", 'kgr:e1 a kg:ChartEntry ; rdfs:label "E" ; kg:entryOf kgr:qqchart ; kg:onChart kgr:qqchart ; kg:rank 1 .', "entryOf must point to a kg:Song or kg:Album"),
    ("OrganizationShape", 'kgr:o a kg:Organization ; skos:altLabel "Nielsen" .', "needs exactly one rdfs:label (its canonical name)"),
    ("PlaceShape", 'kgr:pl a kg:Place ; rdfs:label "Japan", "Nippon" .', "needs exactly one rdfs:label (its canonical name)"),
    ("ViewershipRatingShape", RATING + ' kg:ratingValue 101.0 .', "ratingValue is a percentage between 0 and 100"),
    ("ViewershipRatingShape", RATING + ' kg:ratingValue "20.7%" .', "ratingValue must be an xsd:decimal"),
    ("ViewershipRatingShape", RATING + ' kg:ratingValue 20.7 ; kg:episodeNumber 0 .', "episodeNumber must be at least 1"),
    ("ViewershipRatingShape", RATING + ' kg:ratingValue 20.7 ; kg:ratingScope "Seoul" .', 'ratingScope must be the string "nationwide" or "metropolitan"'),
    ("ViewershipRatingShape", 'kgr:r1 a kg:ViewershipRating ; rdfs:label "R" ; kg:ratingValue 20.7 .', "a viewership rating needs exactly one ratingOf"),
    ("ArticleShape", 'kgr:a1 a kg:Article ; rdfs:label "Headline" .', "an article needs exactly one sourceFile"),
    ("ArticleShape", 'kgr:a1 a kg:Article ; rdfs:label "H" ; kg:sourceFile "f" ; kg:publicationDate "2015-04" .', "publicationDate must be an xsd:date"),
    ("EvidenceShape", EVIDENCE + """ prov:wasDerivedFrom kgr:a0 ; kg:sentenceStart 120 ;
        kg:sentenceEnd 180 ; kg:confidence 1.5 .""", "confidence must be between 0 and 1"),
    ("EvidenceShape", EVIDENCE + """ prov:wasDerivedFrom kgr:ku ; kg:sentenceStart 120 ;
        kg:sentenceEnd 180 ; kg:confidence 0.9 .""", "prov:wasDerivedFrom must point to a kg:Article"),
    ("EvidenceShape", EVIDENCE + """ prov:wasDerivedFrom kgr:a0 ; kg:sentenceStart 180 ;
        kg:sentenceEnd 120 ; kg:confidence 0.9 .""", "sentenceStart must be before sentenceEnd"),
    ("EvidenceShape", 'kgr:ev1 a kg:Evidence ; rdf:subject kgr:rain .', "evidence needs exactly one rdf:predicate"),
]


def check(turtle: str):
    graph = rdflib.Graph().parse(data=PREFIXES + BASE + turtle, format="turtle")
    return validate(graph)


def test_base_graph_conforms():
    result = check("")
    assert result.conforms, result.render()
    assert result.render().startswith("Conforms: ")


@pytest.mark.parametrize("shape,turtle", CONFORMING, ids=[case[0] for case in CONFORMING])
def test_conforming(shape, turtle):
    result = check(turtle)
    assert result.conforms, result.render()
    assert result.failed_shapes == [] and result.messages == []


@pytest.mark.parametrize("shape,turtle,message", VIOLATING, ids=[f"{s}: {m}" for s, _, m in VIOLATING])
def test_violating(shape, turtle, message):
    result = check(turtle)
    assert not result.conforms
    assert result.failed_shapes == [shape], result.render()
    assert any(line.endswith(": " + message) for line in result.messages), result.render()


def test_every_shape_has_conforming_and_violating_cases():
    shapes = {str(s).removeprefix(str(KGS)) for s in load_shapes().subjects(RDF.type, SH.NodeShape)}
    assert {case[0] for case in CONFORMING} == shapes
    assert {case[0] for case in VIOLATING} == shapes


def test_report_lines_name_focus_node_and_path():
    result = check('kgr:s a kg:Song ; rdfs:label "S" ; kg:performer kgr:china, kgr:nielsen .\n'
                   + ENTRY + ' kg:rank 0 .')
    assert result.failed_shapes == ["ChartEntryShape", "SongShape"]
    assert result.messages == [
        "kgr:e1 kg:rank: rank must be at least 1",
        "kgr:s kg:performer: performer must point to a kg:Person or kg:MusicGroup",
    ]
    assert result.render().splitlines() == [
        "2 violations in shapes ChartEntryShape, SongShape:",
        *(f"  {line}" for line in result.messages),
    ]


def test_conforming_report_counts_triples_and_shapes():
    graph = rdflib.Graph().parse(data=PREFIXES + 'kgr:c a kg:Place ; rdfs:label "China" .', format="turtle")
    assert validate(graph).render() == "Conforms: 2 triples checked against 15 shapes"


def test_sh_class_needs_explicit_type_in_the_data():
    """Without the ontology, an untyped performer is not known to be a Person."""
    result = check('kgr:s a kg:Song ; rdfs:label "S" ; kg:performer kgr:nobody .')
    assert result.failed_shapes == ["SongShape"]


# The lexical space of xsd:decimal (XML Schema 1.1, part 2, 3.3.3).
DECIMAL = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)")


def confidence_pattern() -> re.Pattern:
    shapes = load_shapes()
    (pattern,) = {shapes.value(s, SH.pattern) for s in shapes.subjects(SH.path, KG.confidence)} - {None}
    return re.compile(str(pattern))


@settings(max_examples=2000, deadline=None)
@given(st.one_of(st.from_regex(r"[+-]?[01]{0,3}(\.[0-9]{0,3})?", fullmatch=True),
                 st.from_regex(r"[+-]?[0-9]{0,3}(\.[0-9]{0,3})?", fullmatch=True),
                 st.text(alphabet="+-.019e ", max_size=6)))
@example("1")
@example("1.000")
@example("-0")
@example("-.0")
@example(".5")
@example("1.")
@example("1.0001")
@example("-0.001")
@example(".")
@example("+")
@example("")
def test_confidence_pattern_accepts_exactly_the_decimals_between_0_and_1(lexical):
    """shapes/kg.ttl checks the range of kg:confidence with a pattern (see
    its comment): it must say what sh:minInclusive 0 and sh:maxInclusive 1
    say of every xsd:decimal."""
    in_range = bool(DECIMAL.fullmatch(lexical)) and 0 <= Decimal(lexical) <= 1
    assert bool(confidence_pattern().search(lexical)) == in_range


@pytest.mark.parametrize("value,in_range", [("0.0", True), ("1", True), ("1.000", True), ("-0.0", True),
                                            (".95", True), ("1.01", False), ("-0.5", False), ("10", False)])
def test_the_engines_read_the_confidence_pattern_as_a_range(value, in_range):
    result = check(EVIDENCE + f""" prov:wasDerivedFrom kgr:a0 ; kg:sentenceStart 120 ;
        kg:sentenceEnd 180 ; kg:confidence "{value}"^^xsd:decimal .""")
    assert result.conforms == in_range, result.render()
    assert result.messages == ([] if in_range else ["kgr:ev1 kg:confidence: confidence must be between 0 and 1"])


# The lexical space of xsd:integer.
INTEGER = re.compile(r"[+-]?[0-9]+")


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.from_regex(r"[+-]?[0-9]{1,4}", fullmatch=True), st.text(alphabet="+-09 ", max_size=5)))
@example("-0")
@example("+0")
@example("-1")
@example("007")
def test_sentence_start_pattern_accepts_exactly_the_integers_from_0(lexical):
    """kg:sentenceStart is an xsd:integer of at least 0, checked by a pattern
    (like kg:confidence): it must say what sh:minInclusive 0 says."""
    shapes = load_shapes()
    (pattern,) = {shapes.value(s, SH.pattern) for s in shapes.subjects(SH.path, KG.sentenceStart)} - {None}
    in_range = bool(INTEGER.fullmatch(lexical)) and int(lexical) >= 0
    assert bool(re.search(str(pattern), lexical)) == in_range


@pytest.mark.parametrize("start,conforms", [("0", True), ("120", True), ("-0", True), ("-1", False)])
def test_the_engines_read_the_sentence_start_pattern_as_a_bound(start, conforms):
    result = check(EVIDENCE + f""" prov:wasDerivedFrom kgr:a0 ; kg:sentenceStart "{start}"^^xsd:integer ;
        kg:sentenceEnd 180 ; kg:confidence 0.9 .""")
    assert result.conforms == conforms, result.render()
    assert result.messages == ([] if conforms else ["kgr:ev1 kg:sentenceStart: sentenceStart must not be negative"])
