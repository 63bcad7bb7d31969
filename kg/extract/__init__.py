"""Extract stage: an annotated article -> facts with provenance.

The entity layer (entities.py: mentions found and merged into one token
each) and the data-driven relation rules (rules.py,
kg/data/relation_patterns.jsonl) run inside the spaCy pipeline as its last
components, ``kg_mentions`` and ``kg_relations``. ``extract(article, doc)``
turns their matches into facts, runs the sentence readers for chart
entries, ratings, rating tables and track lists (readers.py), and returns
an ``Extraction`` record. Facts are born here, each with its Evidence.
"""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from ..data import alternatives, lexicon
from ..nlp import text_of
from ..nlp.components import QUOTES
from ..records import Article, EntityRef, Extraction, Fact, Mention
from ..vocab import DOMAINS, RANGES
from . import cast_lists, chart_targets, charts, counts, credit_lines, discography, fields, lists, ost, rating_tables, ratings
from .context import Context
from .facts import apply_binding, vote_roles
from .namesakes import namesakes_said, said_namesakes
from .reconcile import (album_artists_on_tracks, closers_numbered, credit_tracks, members_for_their_group,
                        named_songs_over_ost_albums, parsed_dates_first,
                        record_years_on_tracks, released_by_a_label, respective_credits,
                        split_credits, title_tracks_of_namesakes)
from .mentions import NATIVE_SPELLING, read_mentions
from .spans import FAMILIES, RECORDINGS, TRANSLATION, TYPED, WORKS, ComponentFailure, failure
from .openings import TITLE_CASE_SMALL
from .engine import bindings
from .ballot import Ballot



def describe(error: Exception) -> str:
    """How an extraction failure reads in the build's report."""
    return str(error) if isinstance(error, ComponentFailure) else f"{type(error).__name__}: {error}"


def extract(article: Article, doc: Doc) -> Extraction:
    """``doc`` has been through kg.nlp.load_pipeline, whose last components
    found the mentions (kg_mentions) and matched the relation rules
    (kg_relations)."""
    failure(doc)
    ctx = Context(article, doc, read_mentions(doc), Ballot.from_data(doc.user_data["kg_votes"]))
    ctx.namesakes = said_namesakes(ctx)
    found = sorted(bindings(doc), key=lambda b: -b.rule.confidence)
    for binding in found:
        vote_roles(ctx, binding)
    ctx.decide()
    # Firmer rules first: what is still undecided takes the first class a rule gives it.
    for binding in found:
        apply_binding(ctx, binding)
    charts.read_charts(ctx)
    chart_targets.read_chart_names(ctx)
    ratings.read_ratings(ctx)
    rating_tables.read_rating_table(ctx)
    rating_tables.read_episode_table(ctx)
    rating_tables.read_episode_lines(ctx)
    rating_tables.read_program_table(ctx)
    lists.read_lists(ctx)
    credit_lines.read_titled_credits(ctx)
    discography.read_discography(ctx)
    fields.read_fields(ctx)
    cast_lists.read_cast_lists(ctx)  # after the fields, which may say what the page's title is
    cast_lists.read_network_lines(ctx)
    ost.read_soundtrack_links(ctx)
    ost.read_soundtrack_names(ctx)
    title_tracks_of_namesakes(ctx)
    namesakes_said(ctx)
    credit_tracks(ctx)
    named_songs_over_ost_albums(ctx)
    released_by_a_label(ctx)
    album_artists_on_tracks(ctx)
    split_credits(ctx)
    respective_credits(ctx)
    parsed_dates_first(ctx)
    record_years_on_tracks(ctx)
    closers_numbered(ctx)
    counts.read_counts(ctx)
    counts.read_sung(ctx)
    members_for_their_group(ctx)
    ctx.settle()
    _collect_mentions(ctx)
    return ctx.extraction


# A band's name that English writes with a lower-case "the" after its noun: "the cartoon band the Archies".
BAND_THE = re.compile(rf"\b(?:{alternatives(lexicon()['group_cues'])})\s+the\s+$")
# Another name given right after a name: "X (also known as Y)", "X, better known as Y,", "X (a.k.a. Y)".
ALSO_KNOWN_AS = re.compile(rf"""\s*[(,]\s*(?:{alternatives(lexicon()['alias_phrases']['words'])})\s+(?:simply\s+)?["']?(?P<alias>[A-Z0-9][^,;()"\n]{{0,60}}?)["']?\s*[),]""")


def _collect_mentions(ctx: Context) -> None:
    """Every mention whose class is decided, minus fictional characters and
    undecided candidates that no rule or context confirmed; the records'
    undecided ends take their final class first."""
    _finalise_records(ctx)
    used = set()
    for fact in ctx.extraction.facts:
        used.add(fact.subject)
        if isinstance(fact.object, EntityRef):
            used.add(fact.object)
    for record in ctx.extraction.chart_entries:
        used.update({record.entry, record.chart})
    for record in ctx.extraction.ratings:
        used.add(record.series)
        if record.firm:
            used.add(record.firm)
    text = text_of(ctx.doc)
    for token, ent in ctx.mention_tokens:
        if ent.is_value or ent.name in ctx.characters:
            continue
        cls = ctx.class_of(ent)
        if cls in FAMILIES:
            continue
        ref = EntityRef(ent.name, cls)
        ctx.extraction.mentions.append(Mention(ref, ctx.article.id, ent.start, ent.end))
        if ent.surface != ent.name:  # "SKYLARK (スカイラーク)": the name in its own script
            native = NATIVE_SPELLING.fullmatch(ent.surface, len(ent.name)) if ent.surface.startswith(ent.name) else None
            ctx.extraction.aliases.setdefault(ref, set()).add(native.group().strip()[1:-1].strip() if native else ent.surface)
        if cls == "MusicGroup" and BAND_THE.search(text, max(0, ent.start - 30), ent.start):
            ctx.extraction.aliases.setdefault(ref, set()).add("The " + ent.surface)  # "rock band the Kinks"
        known_as = ALSO_KNOWN_AS.match(text, ent.end)
        if known_as:
            ctx.extraction.aliases.setdefault(ref, set()).add(known_as.group("alias").strip())
        if cls in WORKS and (translated := TRANSLATION.match(text, ent.end)):  # "Snöljus" ("Snow Light")
            ctx.extraction.aliases.setdefault(ref, set()).add((translated["alias"] or translated["quoted"]).strip())
        if cls in RECORDINGS and (forms := _bracketed_forms(text, ent)):
            ctx.extraction.aliases.setdefault(ref, set()).update(forms)
    mentioned = {m.ref for m in ctx.extraction.mentions}
    for ref in used:
        if ref.cls in TYPED and ref not in mentioned:
            ctx.extraction.mentions.append(Mention(ref, ctx.article.id, 0, 0))


# A part in brackets that ends a song's title or follows it: "Cotton Fields (The Cotton Song)", "Send My Love (To Your New Lover)".
BRACKETED_END = re.compile(r"^(?P<title>[^()]+?)\s*\((?P<part>[^()]+)\)$")
BRACKETED_AFTER = re.compile(r"\s*\((?P<part>[A-Z][\w' ]{2,40})\)")
VERSION_MARKS = frozenset(lexicon()["version_nouns"]["in_brackets"])


def _bracketed_forms(text: str, ent) -> set[str]:
    """A song is named with or without the part in brackets after its
    title, so both forms are its names: "X (Y)" is also X; an unquoted X
    followed by "(Y)" is also "X (Y)", where both are Title Case English (a
    title in another language is followed by its translation instead:
    "Le temple de la Gloire (The Temple of Glory)")."""
    end = BRACKETED_END.match(ent.surface)
    if end:
        return set() if VERSION_MARKS & set(end.group("part").lower().split()) else {end.group("title")}
    after = BRACKETED_AFTER.match(text, ent.end)
    words = ent.surface.split() + (after.group("part").split() if after else [])
    if after and not (ent.start and text[ent.start - 1] in QUOTES) and all(w[:1].isupper() or w.lower() in TITLE_CASE_SMALL for w in words):
        return {f"{ent.surface} ({after.group('part')})"}
    return set()


def _finalise_records(ctx: Context) -> None:
    """Facts, chart entries and ratings whose undecided ends were decided
    later take the final class; those whose ends fit no class are dropped."""
    def final(ref, allowed=TYPED):
        if not isinstance(ref, EntityRef):
            return ref
        cls = ctx.decided.get(ref.name, ref.cls) if ref.cls in FAMILIES else ref.cls
        if cls == "TITLE" and allowed is RECORDINGS:
            cls = "Song"
        if cls not in allowed or ref.name in ctx.characters:
            return None
        return EntityRef(ref.name, cls)

    facts = []
    for fact in ctx.extraction.facts:
        subject, obj = final(fact.subject), final(fact.object)
        if subject is not None and obj is not None and _fits(fact.predicate, subject, obj):
            facts.append(Fact(subject, fact.predicate, obj, fact.evidence))
    ctx.extraction.facts = facts
    ctx.extraction.chart_entries = [replace(r, entry=entry) for r in ctx.extraction.chart_entries
                                    if (entry := final(r.entry, RECORDINGS)) is not None]
    ctx.extraction.ratings = [replace(r, series=series) for r in ctx.extraction.ratings
                              if (series := final(r.series, ("TVSeries",))) is not None]




def _fits(predicate: str, subject: EntityRef, obj) -> bool:
    """Does the fact join classes the ontology lets its property join (a
    name decided a group after a rule read it as a composer does not)?"""
    if subject.cls not in DOMAINS.get(predicate, (subject.cls,)):
        return False
    return not isinstance(obj, EntityRef) or obj.cls in RANGES.get(predicate, (obj.cls,))
