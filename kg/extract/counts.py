"""Follower and stream counts, and sentences about one artist singing several songs."""
from __future__ import annotations

import re

from ..records import EntityRef, Fact, Value
from .context import _any_word, is_hedged
from .spans import span_text
from .values import parse_count



FOLLOWERS = _any_word(["follower", "followers"])
STREAMS = _any_word(["stream", "streams", "streaming", "streamed", "plays"])


def read_counts(ctx) -> None:
    """Follower and stream counts: each count goes to the nearest person or
    group named before it in a sentence about followers, or to the song a
    sentence about streaming is about."""
    for sentence, text in zip(ctx.sentences, ctx.sentence_texts):
        followers = FOLLOWERS.search(text)
        streams = STREAMS.search(text)
        if not (followers or streams) or is_hedged(text):
            continue
        evidence = ctx.evidence(sentence, "reader:count-sentence", 0.75)
        subject = song = None
        for token in sentence:
            ent = ctx.ent(token)
            if ent is not None and not ent.is_value:
                cls = ctx.class_of(ent)
                if cls in ("Person", "MusicGroup", "PERSON"):
                    subject = EntityRef(ent.name, "Person" if cls == "PERSON" else cls)
                elif cls == "Song":
                    song = EntityRef(ent.name, cls)
                continue
            if ent is not None and ent.cls in ("CARDINAL", "MONEY", "QUANTITY") or token.like_num and token.text[:1].isdigit():
                if ent is None and token.i > 0 and ctx.ent(token.doc[token.i - 1]) is not None:
                    continue
                count = parse_count(ent.surface if ent else token.text + " " + token.nbor(1).text if token.i + 1 < len(token.doc) else token.text)
                after = span_text(token.doc[token.i + 1:token.i + 5]).lower()
                if not count or count < 1000 or re.search(r"\b(?:users|views|copies|units|won|dollars|viewers|subscribers|members)\b", after):
                    continue
                if streams and not followers and not re.search(r"stream|plays", span_text(token.doc[token.i + 1:token.i + 6]).lower()):
                    continue
                if followers and subject:
                    ctx.extraction.facts.append(Fact(subject, "followerCount", Value(str(count), "integer"), evidence))
                elif streams and not followers:
                    song = song or ctx.antecedent(sentence[0], ("Song",))
                    if song:
                        ctx.extraction.facts.append(Fact(song, "streamCount", Value(str(count), "integer"), evidence))
                subject = None


SINGING = _any_word(["sing", "sings", "sang", "sung", "singing", "vocal", "vocals", "voice", "OST singer", "lent"])
SONG_WORDS = re.compile(r"\bOSTs?\b|\bsongs?\b|\bsingles?\b|\btracks?\b")


def read_sung(ctx) -> None:
    """A sentence about one artist singing ("received recognition for his
    singing through OSTs like 'A' and 'B'") makes that artist the
    performer of every song it names."""
    for sentence, text in zip(ctx.sentences, ctx.sentence_texts):
        if not SONG_WORDS.search(text) or not SINGING.search(text):
            continue
        ents = list(ctx.sentence_mentions(sentence))
        artists = {EntityRef(e.name, cls) for _, e, cls in ents if cls in ("Person", "MusicGroup")}
        # an undecided title that other rules took for another kind ("became the OST of 'X'") is no song
        songs = [e for _, e, cls in ents if cls == "Song" or cls == "TITLE" and ctx.ref(e, ("Song",))]
        if len(artists) != 1 or not songs:
            continue
        artist = artists.pop()
        evidence = ctx.evidence(sentence, "reader:singing-sentence", 0.7)
        for song in songs:
            ctx.decided[song.name] = "Song"
            ctx.extraction.facts.append(Fact(EntityRef(song.name, "Song"), "performer", artist, evidence))
