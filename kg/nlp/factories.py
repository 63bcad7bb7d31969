"""Every component of the NLP stage, registered with spaCy in one table (as
spaCy's own factories are): the name a pipeline uses -> what makes it.

Importing this module registers them; ``kg.nlp.load_pipeline`` does so
before it builds a pipeline.
"""
from __future__ import annotations

from spacy.language import Language

from ..extract.engine import RuleEngine
from ..extract.mentions import kg_mentions
from ..extract.spans import guarded
from .components import SpanModel, WindowedEntityRuler, sentences, titles

Language.component("kg_sentences", func=sentences)
Language.component("kg_titles", func=titles)
Language.component("kg_mentions", func=guarded(kg_mentions))


@Language.factory("kg_entity_ruler", default_config={"overwrite_ents": False})
def make_entity_ruler(nlp: Language, name: str, overwrite_ents: bool) -> WindowedEntityRuler:
    return WindowedEntityRuler(nlp, name, overwrite_ents=overwrite_ents)


@Language.factory("kg_span_model", default_config={"labels": ["WORK"], "key": "kg_model"})
def make_span_model(nlp: Language, name: str, path: str, labels: list[str], key: str) -> SpanModel:
    return SpanModel(path, labels, key)


@Language.factory("kg_relations")
def make_relations(nlp: Language, name: str) -> RuleEngine:
    return RuleEngine(nlp.vocab)
