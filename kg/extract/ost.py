"""The soundtrack a rule's "ost" role names: "sings the fourth OST for X"
is the song the sentence or the next one titles ("titled 'Y'", "The
track, titled 'Y,'", "Her song 'Y'"), else X's OST album (CONVENTIONS
rule 18)."""
from __future__ import annotations

from ..records import EntityRef, Fact
from .context import Context
from .described import work_nouns
from .rules import Binding
from .spans import span_text


def soundtrack_named(ctx: Context, sentence, binding: Binding, series: EntityRef) -> EntityRef:
    """The OST of ``series`` the binding speaks of, with its soundtrackOf
    fact; a title from the next sentence is named in the evidence."""
    rule = binding.rule
    following = ctx.sentence_after(sentence)
    named_next = _song_opening(ctx, following)
    ost = _titled_work(ctx, sentence) or named_next or EntityRef(f"{series.name} OST", "Album")
    if ost is named_next:
        ctx.supplied = ctx.supplied or following
    evidence = ctx.evidence(sentence, rule.id, rule.confidence, binding.span, [ctx.supplied])
    ctx.extraction.facts.append(Fact(ost, "soundtrackOf", series, evidence))
    if ost.cls == "Album":
        ctx.extraction.aliases.setdefault(ost, set()).add(_ost_phrase(sentence, series.name))
    return ost


def _titled_work(ctx: Context, sentence) -> EntityRef | None:
    """The song a sentence names with "titled" / "called" / "entitled"."""
    for token in sentence:
        if token.text.lower() in ("titled", "entitled", "called", "named"):
            for follower in token.doc[token.i + 1:token.i + 4]:
                ent = ctx.ent(follower)
                if ent is not None and ctx.class_of(ent) in ("Song", "TITLE"):
                    ctx.decided[ent.name] = "Song"
                    return EntityRef(ent.name, "Song")
    return None


SONG_OPENERS = {"the", "her", "his", "their", "its"}


def _song_opening(ctx: Context, sentence) -> EntityRef | None:
    """The song a sentence opens with: "The track, titled 'Y,' ...", "Her
    song 'Y' will be released ..."."""
    if sentence is None or len(sentence) < 3 or sentence[0].lower_ not in SONG_OPENERS \
            or work_nouns().get(sentence[1].lower_) != "Song":
        return None
    titled = _titled_work(ctx, sentence[:6])
    if titled:
        return titled
    ent = ctx.ent(sentence[3] if sentence[2].is_quote and len(sentence) > 3 else sentence[2])
    if ent is not None and ctx.class_of(ent) in ("Song", "TITLE"):
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
