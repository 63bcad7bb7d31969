"""Follower and stream counts, and sentences about one artist singing several songs."""
from __future__ import annotations

import re

from ..records import EntityRef, Fact, Value
from ..data import alternatives, any_word, lexicon
from .hedges import is_hedged
from .networks import artists_song
from .refs import refs_at
from .spans import span_text
from .title_runs import YEAR  # "Their 2023 single": a year, which the model may call a CARDINAL
from .values import parse_count



COUNTS = lexicon()["counts"]
FOLLOWERS = any_word(COUNTS["follower_words"])
STREAMS = any_word(COUNTS["stream_words"])
OTHER_UNITS = any_word(COUNTS["other_units"])
NOT_BEFORE = re.compile(rf"(?:^|\W)(?:{alternatives(COUNTS['not_before'])})\W*$", re.I)
AS_OF = re.compile(r"\s*(?:\w+\s+){0,2}as of\b", re.I)
ARTISTS = ("Person", "MusicGroup")
NUMBER_LABELS = ("CARDINAL", "MONEY", "QUANTITY")


def read_counts(ctx) -> None:
    """Follower and stream counts. A count belongs to the nearest artist
    (followers) or song (streams) named before it in its clause, else to
    what the clause's subject stands for ("The group now has ..."); a
    song's streams, with none named before, to the sentence's song."""
    for sentence, text in zip(ctx.sentences, ctx.sentence_texts):
        kinds = {kind for kind, words in (("followerCount", FOLLOWERS), ("streamCount", STREAMS)) if words.search(text)}
        if not kinds or is_hedged(text):
            continue
        evidence = ctx.evidence(sentence, "reader:count-sentence", 0.75)
        for number in _numbers(ctx, sentence):
            kind = _unit(span_text(sentence.doc[number.end:number.end + 3]), kinds)
            count = parse_count(number.text)
            digit = number.start_char + re.search(r"\d", number.text).start() if count else 0
            lead = sentence.doc.text[sentence.doc[max(sentence.start, number.start - 3)].idx:digit]  # "more than 90 million"
            if kind is None or not count or count < 1000 or YEAR.fullmatch(number.text) \
                    or NOT_BEFORE.search(lead) and not AS_OF.match(sentence.doc.text, number.end_char):
                # "is surpassing 4,670,000 as of April 29": the count then
                continue
            owner = _owner(ctx, sentence, number, ARTISTS if kind == "followerCount" else ("Song",))
            if owner is not None:
                ctx.extraction.facts.append(Fact(owner, kind, Value(str(count), "integer"), evidence))


def _unit(after: str, kinds: set) -> str | None:
    """What a figure counts, by the first unit word in the words after it
    ("4.2 million Instagram followers"); with none, the sentence's one kind."""
    units = [(m.start(), kind) for kind, words in (("followerCount", FOLLOWERS), ("streamCount", STREAMS), (None, OTHER_UNITS))
             if (m := words.search(after))]
    return min(units)[1] if units else next(iter(kinds)) if len(kinds) == 1 else None


SCALES = ("thousand", "million", "billion", "k", "m")


def _numbers(ctx, sentence):
    """The figures of a sentence: the model's numbers, and digits it left unlabelled."""
    for token in sentence:
        ent = ctx.ent(token)
        if ent is not None and ent.cls in NUMBER_LABELS and token.idx <= ent.start:  # the figure's first token
            yield sentence.doc.char_span(ent.start, ent.end, alignment_mode="expand")
        elif ent is None and token.like_num and token.text[:1].isdigit():
            yield sentence.doc[token.i:token.i + 1 + (token.i + 1 < sentence.end and token.nbor(1).lower_ in SCALES)]


def _owner(ctx, sentence, number, kinds: tuple) -> EntityRef | None:
    """The nearest mention of ``kinds`` before the figure, back to the start
    of its clause; else what the clause's subject stands for; for a song,
    else the one the sentence names after the figure."""
    start = next((t.i + 1 for t in reversed(sentence.doc[sentence.start:number.start]) if t.text == ";"), sentence.start)
    if refs := _possessor(ctx, number.root.head, kinds):  # "the band's 5,600,000 followers"
        return refs[0]
    for token in _back_past_asides(sentence.doc[start:number.start]):
        ent = ctx.ent(token)
        if ent is not None and not ent.is_value and (ref := ctx.ref(ent, kinds)) is not None:
            return ref
    verb = number.root  # up to the word with a subject: "has 9,412,660 followers"; "climbed ... and had racked up"
    while not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and verb.head.i != verb.i:
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i >= start]
    first = verb
    while first.dep_ == "conj" and first.head is not first:
        first = first.head  # "Clara's track debuted at No. 7, and it had": the first clause's subject
    owners = subjects[:1] + [c for c in first.children if c.dep_ in ("nsubj", "nsubjpass") and c.i >= start]
    song = next((song for noun in owners if (song := artists_song(ctx, noun)) is not None), None) if kinds == ("Song",) else None
    if song is not None:
        return song  # "Clara's track ... had 1,284,560 streams": the song Clara sings, not the last one named
    if subjects and (refs := refs_at(ctx, subjects[0], kinds) or _possessor(ctx, subjects[0], kinds)):
        return refs[0]  # "The group now has", "Their official account has"
    if kinds != ("Song",):
        return None
    named = next((ref for _, e, _ in ctx.sentence_mentions(sentence) if (ref := ctx.ref(e, kinds)) is not None), None)
    if named is None and subjects and subjects[0].is_lower and ctx.ent(subjects[0]) is None:
        return ctx.pronoun_antecedent(subjects[0], kinds)  # "The dancer's solo single ... had racked up": the song before
    return named


DASHES = ("—", "–", "--")


def _back_past_asides(span):
    """The tokens of a span, last first, past what stands in brackets or between dashes ("The girl group
    — A, B and C — had 2.9 million followers": the group's count, not C's)."""
    tokens = list(span)
    k = len(tokens) - 1
    while k >= 0:
        word = tokens[k].text
        opener = "(" if word == ")" else word if word in DASHES else None
        before = [i for i in range(k) if tokens[i].text == opener] if opener else []
        if before:
            k = before[-1] - 1
            continue
        yield tokens[k]
        k -= 1


def _possessor(ctx, noun, kinds: tuple) -> list[EntityRef]:
    """What the possessive on a noun stands for ("their account", "the band's followers")."""
    return next((refs for c in noun.children if c.dep_ == "poss" and (refs := refs_at(ctx, c, kinds))), [])


SINGING = any_word(["sing", "sings", "sang", "sung", "singing", "vocal", "vocals", "voice", "OST singer", "lent"])
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
