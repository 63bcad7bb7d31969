"""Facts from rule matches: each binding of a relation pattern becomes
facts between the entities its roles name, with the evidence of its
sentence; roles a rule leaves unnamed point back to what the article is
about ("the drama", "its")."""
from __future__ import annotations

from ..nlp import lexicon
from ..records import EntityRef, Fact, Value
from .context import Context
from .mentions import TYPED, span_text
from .rules import Binding
from .typing import FAMILIES, weights
from .values import parse_date, years_in



def vote_roles(ctx: Context, binding: Binding) -> None:
    """A rule that takes an undecided mention in a role votes for the
    classes the role accepts ("X was directed by": a series or a film)."""
    rule = binding.rule
    for role, tokens in binding.roles.items():
        accepted = rule.classes.get(role, ())
        for token in tokens:
            ent = ctx.ent(token)
            if ent is None or ent.cls not in FAMILIES:
                continue
            options = [c for c in accepted if c in FAMILIES[ent.cls]]
            for cls in options:
                ctx.ballot.vote(ent.name, cls, weights()["role"] * rule.confidence / len(options))


def apply_binding(ctx: Context, binding: Binding) -> None:
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
