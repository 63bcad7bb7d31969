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

from bisect import bisect_left, bisect_right
from collections import Counter

from spacy.attrs import IDX
from spacy.tokens import Doc

from ..nlp import lexicon
from ..records import Article, EntityRef, Evidence, Extraction, Fact, Mention, Value
from . import readers
from .entities import TYPED, ComponentFailure, Ent, failure, mentions, span_text
from .rules import UNDECIDED, Binding, bindings
from .values import parse_date, years_in

class Context:
    """Per-article state the rules share: the mentions by token, the
    classes decided so far, and what "the drama" or "the album" refers to."""

    def __init__(self, article: Article, doc: Doc, ents: list[Ent]):
        self.article, self.doc = article, doc
        self.sentences = list(doc.sents)
        # Every reader scans every sentence's text: slice each one once.
        self.sentence_texts = [span_text(sentence) for sentence in self.sentences]
        self._sentence_starts = [sentence.start for sentence in self.sentences]
        self.by_start = {e.start: e for e in ents}
        # The tokens that start a mention, in text order: readers walk
        # mentions, and a walk over every Token object is slow.
        self.mention_tokens = [(doc[i], self.by_start[start]) for i, start in enumerate(doc.to_array(IDX).tolist())
                               if start in self.by_start]
        self._mention_positions = [token.i for token, _ in self.mention_tokens]
        self.decided: dict[str, str] = {e.name: e.cls for e in ents if e.cls in TYPED}
        self.characters: set[str] = set()
        self.extraction = Extraction(article)
        self._evidence_texts: dict[tuple[int, int], str] = {}

    def ent(self, token) -> Ent | None:
        return self.by_start.get(token.idx)

    def sentence_of(self, i: int):
        """The sentence of token ``i``, found among the sentences
        (``Token.sent`` walks the document's tokens to find it)."""
        return self.sentences[bisect_right(self._sentence_starts, i) - 1]

    def mentions_in(self, span) -> list[tuple]:
        """(token, mention) for the mentions that start inside ``span``."""
        low = bisect_left(self._mention_positions, span.start)
        return self.mention_tokens[low:bisect_left(self._mention_positions, span.end, low)]

    def evidence(self, sentence, rule: str, confidence: float, claim=None) -> Evidence:
        """``claim`` is the part of the sentence that states the fact; a
        hedge ("is likely to", "will") counts only there or just before it,
        not in a relative clause elsewhere in the sentence."""
        key = sentence.start, sentence.end
        text = self._evidence_texts.get(key)
        if text is None:  # one string however many facts the sentence states: pickled once
            text = self._evidence_texts[key] = span_text(sentence).strip()
        if claim is not None:
            before = claim.doc[max(sentence.start, claim.start - 4):claim.start]
            hedged = readers.is_hedged(span_text(before) + " " + span_text(claim))
        else:
            hedged = readers.is_hedged(text)
        return Evidence(self.article.id, text, sentence.start_char, sentence.end_char, rule,
                        round(confidence * (0.7 if hedged else 1.0), 2), hedged)

    def ref(self, ent: Ent, accepted: tuple) -> EntityRef | None:
        """The entity a mention names, deciding its class from the role it
        fills when the mention itself was undecided."""
        cls = self.decided.get(ent.name, ent.cls)
        if cls in UNDECIDED:
            options = [c for c in accepted if c in UNDECIDED[cls]]
            if not options:
                return None
            cls = options[0]
            self.decided[ent.name] = cls
        if accepted and cls not in accepted:
            return None
        return EntityRef(ent.name, cls)

    def salient(self, accepted: tuple) -> EntityRef | None:
        """The most mentioned entity of the accepted classes: what the
        article is about ("their" in a track-list intro)."""
        # Mentions are in text order, and most_common keeps that order among ties: the first named wins.
        counts = Counter((e.name, self.decided.get(e.name, e.cls)) for e in self.by_start.values()
                         if self.decided.get(e.name, e.cls) in accepted and e.name not in self.characters)
        return EntityRef(*counts.most_common(1)[0][0]) if counts else None

    def antecedent(self, token, accepted: tuple) -> EntityRef | None:
        """What "the drama", "the album", "its" refers to: the nearest earlier
        mention of an accepted class."""
        best = None
        for ent in self.by_start.values():
            if ent.start < token.idx and self.decided.get(ent.name, ent.cls) in accepted and ent.name not in self.characters:
                if best is None or ent.start > best.start:
                    best = ent
        return EntityRef(best.name, self.decided.get(best.name, best.cls)) if best else None


def describe(error: Exception) -> str:
    """How an extraction failure reads in the build's report."""
    return str(error) if isinstance(error, ComponentFailure) else f"{type(error).__name__}: {error}"


def extract(article: Article, doc: Doc) -> Extraction:
    """``doc`` has been through kg.nlp.load_pipeline, whose last components
    found the mentions (kg_mentions) and matched the relation rules
    (kg_relations)."""
    failure(doc)
    ctx = Context(article, doc, mentions(doc))
    # Firmer rules first: they decide what an undecided title is ("X was
    # directed by" makes X a series before "Y's X" could make it a song).
    for binding in sorted(bindings(doc), key=lambda b: -b.rule.confidence):
        _apply(ctx, binding)
    readers.read_charts(ctx)
    readers.read_chart_names(ctx)
    readers.read_ratings(ctx)
    readers.read_rating_table(ctx)
    readers.read_track_list(ctx)
    readers.read_counts(ctx)
    readers.read_sung(ctx)
    _collect_mentions(ctx)
    return ctx.extraction


def _apply(ctx: Context, binding: Binding) -> None:
    rule, roles = binding.rule, binding.roles
    for token in roles.get("character", []):
        character = ctx.ent(token)
        if character:
            ctx.characters.add(character.name)
    if rule.makes == "character":
        return
    sentence = ctx.sentence_of(binding.span.start)
    subjects = _role_refs(ctx, binding, sentence, "subject")
    objects = _role_refs(ctx, binding, sentence, "object")
    # A role the rule leaves unnamed is implied; a named one that did not fit stays empty.
    if not subjects and "subject" not in roles:
        subjects = _implied(ctx, binding, sentence, "subject")
    if not objects and "object" not in roles:
        objects = _implied(ctx, binding, sentence, "object")
    if rule.makes == "inAlbum" and "rank" in roles:
        rank = lexicon()["ordinals"].get(roles["rank"][0].text.lower())
    else:
        rank = None
    evidence = ctx.evidence(sentence, rule.id, rule.confidence, binding.span)
    for subject in subjects:
        if rule.makes == "releaseDate":
            value = _date_of(ctx, roles.get("object", [None])[0], sentence)
            if value:
                ctx.extraction.facts.append(Fact(subject, "releaseDate", value, evidence))
            continue
        for obj in objects:
            if obj != subject:
                ctx.extraction.facts.append(Fact(subject, rule.makes, obj, evidence))
        if rank and objects:
            ctx.extraction.facts.append(Fact(subject, "trackNumber", Value(str(rank), "integer"), evidence))


NOMINALS = {word: tuple(classes) for word, classes in lexicon()["antecedent_words"].items() if not word.startswith("_")}
NOMINAL_NOUNS = {w: c for w, c in NOMINALS.items() if w not in ("her", "his", "their", "its")}


def _implied(ctx: Context, binding: Binding, sentence, role: str) -> list[EntityRef]:
    """A rule that leaves a role unnamed talks about what the article is
    about: what "the album" / "the drama" in the sentence points back to,
    else the nearest earlier mention of the class the role accepts (the
    series for cast lines, the group for a list of members)."""
    accepted = tuple(c for c in binding.rule.classes.get(role, ()) if c in TYPED)
    if not accepted:
        return []
    for token in sentence:
        kinds = NOMINAL_NOUNS.get(token.text.lower())
        if kinds and token.i > 0 and token.doc[token.i - 1].text.lower() in {"the", "this", "that"}:
            wanted = tuple(k for k in kinds if k in accepted)
            ref = ctx.antecedent(token, wanted) if wanted else None
            return [ref] if ref else []
    ref = ctx.antecedent(sentence[-1], accepted)
    return [ref] if ref else []


def _role_refs(ctx: Context, binding: Binding, sentence, role: str) -> list[EntityRef]:
    rule = binding.rule
    accepted = rule.classes.get(role, ())
    accepted = tuple(c for c in accepted if c in TYPED) or tuple(TYPED)
    refs = []
    for token in binding.roles.get(role, []):
        ent = ctx.ent(token)
        if ent is None:
            kinds = NOMINALS.get(token.text.lower(), ())
            wanted = tuple(k for k in kinds if k in accepted)
            ref = ctx.antecedent(token, wanted) if token.ent_type_ == "" and wanted else None
            if ref:
                refs.append(ref)
            continue
        if ent.is_value or ent.name in ctx.characters:
            continue
        ref = ctx.ref(ent, accepted)
        if ref is None:
            continue
        if rule.derive.get(role) == "ost":
            # "the second OST for X, titled 'Y'": the OST named is the song Y; else the series' OST album.
            ost = _titled_work(ctx, sentence) or EntityRef(f"{ref.name} OST", "Album")
            evidence = ctx.evidence(sentence, rule.id, rule.confidence, binding.span)
            ctx.extraction.facts.append(Fact(ost, "soundtrackOf", ref, evidence))
            if ost.cls == "Album":
                ctx.extraction.aliases.setdefault(ost, set()).add(_ost_phrase(sentence, ref.name))
            ref = ost
        refs.append(ref)
    return refs


def _titled_work(ctx: Context, sentence) -> EntityRef | None:
    """The song a sentence names with "titled" / "called" / "entitled"."""
    for token in sentence:
        if token.text.lower() in ("titled", "entitled", "called", "named"):
            for follower in token.doc[token.i + 1:token.i + 4]:
                ent = ctx.ent(follower)
                if ent is not None and ctx.decided.get(ent.name, ent.cls) in ("Song", "TITLE"):
                    ctx.decided[ent.name] = "Song"
                    return EntityRef(ent.name, "Song")
    return None


def _ost_phrase(sentence, series: str) -> str:
    """How the sentence itself names a derived OST album ("the OST for
    'Queen of Tears'"), kept as an alternative label."""
    text = span_text(sentence)
    for form in (f"{series} OST", f"{series}\" OST", f"{series}' OST", f"OST for \"{series}", f"OST for '{series}", f"OST of \"{series}", f"OST of '{series}"):
        if form in text:
            return form.replace('"', "").replace("'", "")
    return f"{series} OST"


def _date_of(ctx: Context, token, sentence) -> Value | None:
    if token is None:
        return None
    ent = ctx.ent(token)
    text = ent.surface if ent else token.text
    earlier = years_in(ctx.article.text[:token.idx])
    return parse_date(text if "same year" not in span_text(sentence) else text + " of the same year", ctx.article.published, earlier[-1] if earlier else None)


def _collect_mentions(ctx: Context) -> None:
    """Every mention whose class is decided, minus fictional characters and
    undecided candidates that no rule or context confirmed."""
    lex = lexicon()
    person_cues = {c.lower() for c in lex["person_cues"]}
    group_cues = {c.lower() for c in lex["group_cues"]}
    org_suffixes = set(lex["organization_suffixes"])
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
    for token, ent in ctx.mention_tokens:
        if ent.is_value or ent.name in ctx.characters:
            continue
        cls = ctx.decided.get(ent.name, ent.cls)
        if cls in UNDECIDED:
            left = {t.text.lower() for t in ctx.doc[max(0, token.i - 3):token.i]}
            right = {t.text.lower() for t in ctx.doc[token.i + 1:token.i + 3]}
            words = ent.name.split()
            if cls == "PERSON" and (left & person_cues or (len(words) >= 2 and all(w[:1].isupper() for w in words))):
                cls = "Person"
            elif cls in ("ORG", "PERSON") and (left | right) & group_cues:
                cls = "MusicGroup"
            elif cls == "ORG" and words[-1] in org_suffixes:
                cls = "Organization"
            else:
                continue
            ctx.decided[ent.name] = cls
        ref = EntityRef(ent.name, cls)
        ctx.extraction.mentions.append(Mention(ref, ctx.article.id, ent.start, ent.end))
        if ent.surface != ent.name:
            ctx.extraction.aliases.setdefault(ref, set()).add(ent.surface)
    mentioned = {m.ref for m in ctx.extraction.mentions}
    for ref in used:
        if ref.cls in TYPED and ref not in mentioned:
            ctx.extraction.mentions.append(Mention(ref, ctx.article.id, 0, 0))
    # Facts whose undecided ends were decided later take the final class.
    ctx.extraction.facts = [f for f in (_finalise(ctx, fact) for fact in ctx.extraction.facts) if f]


def _finalise(ctx: Context, fact: Fact) -> Fact | None:
    def final(ref):
        if not isinstance(ref, EntityRef):
            return ref
        cls = ctx.decided.get(ref.name, ref.cls) if ref.cls in UNDECIDED else ref.cls
        return EntityRef(ref.name, cls) if cls in TYPED else None
    subject, obj = final(fact.subject), final(fact.object)
    if subject is None or obj is None or subject.name in ctx.characters or (isinstance(obj, EntityRef) and obj.name in ctx.characters):
        return None
    return Fact(subject, fact.predicate, obj, fact.evidence)
