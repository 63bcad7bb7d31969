"""A song and an album of one name: "X is the title track of G's mini album
of the same name", "her album X and its title track of the same name". The
article says so once; every mention of X then names whichever of the two the
role it fills takes ("X was co-written by": the song), and the two share their
performers."""
from __future__ import annotations

import re
from dataclasses import replace

from ..data import alternatives, lexicon
from ..records import EntityRef, Fact
from .context import Context
from .described import work_nouns
from .spans import WORKS_OR_TITLE

SAME_NAME = lexicon()["same_name"]
NAMED_AFTER, NAMED_BEFORE = (re.compile(rf"(?i)\b(?:{alternatives(SAME_NAME[side])})\b") for side in ("after_noun", "before_noun"))
RECORD_NOUNS = {noun: cls for noun, cls in work_nouns().items() if cls in ("Song", "Album")}  # "album", "track"
RECORDS = ("Song", "Album", "TITLE")


def said_namesakes(ctx: Context) -> dict:
    """The names said to be both a song and an album, with the sentence that says so: the work named
    before the phrase, whose noun ("album of the same name", "its eponymous title track") says there
    is a record of the other kind by that name."""
    out = {}
    for sentence, text in zip(ctx.sentences, ctx.sentence_texts):
        phrases = [(m.start(), m.end(), -1) for m in NAMED_AFTER.finditer(text)]
        phrases += [(m.start(), m.end(), 1) for m in NAMED_BEFORE.finditer(text)]
        for start, end, side in phrases:
            span = ctx.doc.char_span(sentence.start_char + start, sentence.start_char + end, alignment_mode="expand")
            nouns = [ctx.doc[span.start - 1]] if side < 0 else ctx.doc[span.end:min(span.end + 3, sentence.end)]
            kinds = {RECORD_NOUNS[t.lower_] for t in nouns if t.lower_ in RECORD_NOUNS}
            if not kinds or side > 0 and "Song" not in kinds:
                # "a drama of the same name": a series made from the work, no record; "their eponymous album": named
                # after the band
                continue
            works = [ent for token, ent in ctx.mentions_in(sentence) if token.i < span.start and ctx.class_of(ent) in WORKS_OR_TITLE]
            if works and ctx.class_of(works[-1]) in RECORDS:  # not "recorded for the sitcom X ... the soundtrack of the same name"
                out.setdefault(works[-1].name, sentence)
    return out


def namesakes_said(ctx: Context) -> None:
    """The song said to share the album's name is on it; the two share their performers, and the words
    and music are the song's (CONVENTIONS rule 4: the album is "X (album)")."""
    for name, sentence in ctx.namesakes.items():
        song, album = EntityRef(name, "Song"), EntityRef(name, "Album")
        facts = ctx.extraction.facts
        if not any(f.subject == song and f.predicate == "inAlbum" and f.object == album for f in facts):
            facts.append(Fact(song, "inAlbum", album, ctx.evidence(sentence, "reader:namesake-said", 0.8)))
        have = {(f.subject, f.object) for f in facts if f.predicate == "performer"}
        for f in [f for f in facts if f.predicate == "performer" and f.subject in (song, album)]:
            twin = album if f.subject == song else song
            if (twin, f.object) not in have:
                have.add((twin, f.object))
                facts.append(replace(f, subject=twin, evidence=replace(f.evidence, rule="inference:namesake-artist")))
        ctx.extraction.facts = [replace(f, subject=song) if f.subject == album and f.predicate in ("composer", "lyricist")
                                else f for f in facts]
