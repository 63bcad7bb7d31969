"""The vocabulary (kg/vocab.py) is the ontology's: one list of classes and
properties, and a closed namespace in which a typo fails."""
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import OWL, RDF

from kg import vocab
from kg.gold import CLASSES as SCORED_CLASSES, RELATIONS
from kg.resolve import INFERENCE_READS
from kg.use.gephi import COLOURS

ROOT = Path(__file__).resolve().parent.parent


def declared(kind) -> set[str]:
    ontology = rdflib.Graph().parse(ROOT / "ontology" / "kg.ttl")
    return {vocab.local_name(s) for s in ontology.subjects(RDF.type, kind) if str(s).startswith(str(vocab.KG))}


def test_classes_and_properties_are_the_ontology_s():
    assert set(vocab.CLASSES) == declared(OWL.Class)
    assert set(vocab.OBJECT_PROPERTIES) == declared(OWL.ObjectProperty)
    assert set(vocab.DATATYPE_PROPERTIES) == declared(OWL.DatatypeProperty)
    assert vocab.NARY_CLASSES == ("ChartEntry", "ViewershipRating")
    assert vocab.PROVENANCE_CLASSES == ("Article", "Evidence")
    assert vocab.ENTITY_CLASSES == ("Person", "MusicGroup", "Song", "Album", "TVSeries", "Film", "Broadcaster",
                                    "Platform", "Chart", "Organization", "Place")


def test_the_namespace_is_closed():
    assert vocab.KG.Person == rdflib.URIRef("https://w3id.org/kdrama-kg/ontology#Person")
    assert vocab.KG["inAlbum"] == rdflib.URIRef("https://w3id.org/kdrama-kg/ontology#inAlbum")
    with pytest.raises(AttributeError):
        vocab.KG.Persn
    with pytest.raises(AttributeError):
        vocab.KG["inAlbm"]


def test_everything_that_lists_classes_or_properties_takes_them_from_the_vocabulary():
    assert SCORED_CLASSES == vocab.ENTITY_CLASSES
    assert set(RELATIONS) <= set(vocab.PROPERTIES)
    assert list(COLOURS) == [*vocab.ENTITY_CLASSES, *vocab.NARY_CLASSES]
    assert INFERENCE_READS <= set(vocab.OBJECT_PROPERTIES)


def test_local_names_of_any_namespace():
    assert vocab.local_name("https://w3id.org/kdrama-kg/ontology#Song") == "Song"
    assert vocab.local_name("https://schema.org/name") == "name"
    assert vocab.local_name("http://x/a#b/c") == "c"
