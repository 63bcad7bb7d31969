"""Numbered track lists with credits."""
from __future__ import annotations

import re

from ..records import EntityRef, Fact, Value
from .spans import span_text

WORKS = ("Song", "Album")


TRACK = re.compile(r"(?m)^\s*(\d{1,2})[.)]\s+([^()\n]+?)\s*(?:\(([^()\n]*)\))?\s*$")
INLINE_TRACK = re.compile(r"\b(0\d|\d)\.\s+([A-Z][^\d\n]*?)(?=\s+\d{1,2}\.\s|\s+Source:|\s*$)")
CREDIT_ROLES = {"lyrics": "lyricist", "lyric": "lyricist", "words": "lyricist", "composition": "composer", "composed": "composer", "music": "composer", "composer": "composer"}


def read_track_list(ctx) -> None:
    """Numbered track lists ("01. Title (Lyrics: A; Composition: B)"): each
    track is a Song in the album the list introduces, with its number and
    credits, performed by the album's artist when the article names one."""
    text = ctx.article.text
    tracks = [(m.start(), int(m.group(1)), m.group(2).strip(), m.group(3)) for m in TRACK.finditer(text)]
    if len(tracks) < 2:
        tracks = [(m.start(), int(m.group(1)), m.group(2).strip(), None) for m in INLINE_TRACK.finditer(text)]
    tracks = [t for t in tracks if 1 <= t[1] <= 40 and len(t[2].split()) <= 8]
    if len(tracks) < 2 or [t[1] for t in tracks] != list(range(tracks[0][1], tracks[0][1] + len(tracks))):
        return
    album = _list_album(ctx, tracks[0][0], {t[2] for t in tracks})
    if album is None:
        return
    artist = next((f.object for f in ctx.extraction.facts if f.subject == album and f.predicate == "performer"), None)
    intro = ctx.doc.char_span(max(0, tracks[0][0] - 200), tracks[0][0], alignment_mode="contract")
    pronoun = re.search(r"\b(their|her|his)\b", span_text(intro)) if intro is not None else None
    if artist is None and pronoun:
        artist = ctx.salient(("MusicGroup",) if pronoun.group(1) == "their" else ("Person",))
        if artist:
            ctx.extraction.facts.append(Fact(album, "performer", artist, ctx.evidence(intro.sent, "reader:track-list", 0.7)))
    sentence = ctx.doc.char_span(tracks[0][0], tracks[-1][0] + 1, alignment_mode="expand")
    for start, number, title, credits in tracks:
        line_span = ctx.doc.char_span(start, start + len(title) + 6, alignment_mode="expand") or sentence
        evidence = ctx.evidence(line_span.sent if line_span is not None else sentence, "reader:track-list", 0.85)
        song = EntityRef(title, "Song")
        ctx.decided[title] = "Song"
        facts = ctx.extraction.facts
        facts.append(Fact(song, "inAlbum", album, evidence))
        facts.append(Fact(song, "trackNumber", Value(str(number), "integer"), evidence))
        if artist:
            facts.append(Fact(song, "performer", artist, evidence))
        for part in (credits or "").split(";"):
            if ":" not in part:
                continue
            label, names = part.split(":", 1)
            roles = {CREDIT_ROLES[w] for w in re.findall(r"[a-z]+", label.lower()) if w in CREDIT_ROLES}
            for name in (n.strip() for n in re.split(r",|&| and ", names)):
                if name:
                    ctx.decided.setdefault(name, "Person")
                    for role in roles:
                        facts.append(Fact(song, role, EntityRef(name, "Person"), evidence))


def _list_album(ctx, list_start: int, track_titles: set[str]) -> EntityRef | None:
    before = ctx.article.text[max(0, list_start - 300):list_start]
    named = re.search(r"(?:album|EP|single)\s+\"?([A-Z][^\":\n]{0,40}?)\"?\s*:?\s*$", before)
    if named:
        name = named.group(1).strip()
        return EntityRef(f"{name} (album)" if name in track_titles else name, "Album")
    token = ctx.doc.char_span(list_start, list_start + 1, alignment_mode="expand")
    return ctx.antecedent(token[0], ("Album",)) if token is not None else None
