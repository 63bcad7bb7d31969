"""Passes over all the facts the rules made in an article, where one fact
decides another: an album's namesake song is its title track, on it;
credits for an album's every track go to its tracks, a
named song carries its series' OST album's facts, words credited apart
make "written" the music's, a label that released a record is not
its performer, a date the parse gives a work is not also another's,
and the track a record closes with is numbered by its count of tracks."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..data import alternatives, lexicon
from ..records import EntityRef, Fact, Passage, Value
from .context import Context
from .deps import load_dependency_rules
from .spans import POSSESSIVE, SOUNDTRACK_NAME, WORKS


def title_tracks_of_namesakes(ctx: Context) -> None:
    """An album and a song of one name in one article, the song called the title track ("first
    mini album 'Petal Code'" ... "the title track 'Petal Code'"): it is on the album. Its evidence
    is the sentence that calls it so; namesakes with no such word may be two works ("may refer to")."""
    songs, albums = {}, set()
    for token, ent in ctx.mention_tokens:
        cls = ctx.class_of(ent)
        if cls == "Song" and _called_title_track(token):
            songs.setdefault(ent.name, token)
        elif cls == "Album":
            albums.add(ent.name)
    for name in sorted(set(songs) & albums):
        song, album = EntityRef(name, "Song"), EntityRef(name, "Album")
        if not any(f.subject == song and f.predicate == "inAlbum" for f in ctx.extraction.facts):
            evidence = ctx.evidence(ctx.sentence_of(songs[name].i), "reader:title-track-namesake", 0.8)
            ctx.extraction.facts.append(Fact(song, "inAlbum", album, evidence))


def _called_title_track(token) -> bool:
    """Is the song called the title track where it is named, or said to give
    the record its name ("the closer 'X', which gives the record its name")?"""
    near = {t.lower_ for t in token.doc[max(0, token.i - 3):token.i + 5]}
    after = {t.lower_ for t in token.doc[token.i + 1:token.i + 9]}
    return "title" in near and bool(near & {"track", "song"}) or {"gives", "name"} <= after or "namesake" in near


def credit_tracks(ctx: Context) -> None:
    """A credit for every track of an album goes to each track the article
    places on it, not to the album ("composed every track on X": not X's
    composer, whatever a rule read from the same words)."""
    said = {(album, makes, person, evidence.sentence) for album, makes, person, evidence in ctx.track_credits}
    ctx.extraction.facts = [f for f in ctx.extraction.facts if (f.subject, f.predicate, f.object, f.evidence.sentence) not in said]
    for album, makes, person, evidence in ctx.track_credits:
        tracks = {f.subject for f in ctx.extraction.facts if f.predicate == "inAlbum" and f.object.name == album.name}
        ctx.extraction.facts += [Fact(track, makes, person, evidence) for track in sorted(tracks, key=lambda t: t.name)]


def named_songs_over_ost_albums(ctx: Context) -> None:
    """A series' OST album made from "joins the X OST" stands for songs the
    article does not name; where it names a song of that soundtrack ("To
    Sing OST For 'Salt Bay'" over "the fourth OST for 'Salt Bay', titled
    'Low Tide'"), the song carries the facts (CONVENTIONS rule 18)."""
    songs: dict[str, set] = {}
    for f in ctx.extraction.facts:
        if f.predicate == "soundtrackOf" and f.subject.cls in ("Song", "TITLE"):
            songs.setdefault(f.object.name, set()).add(f.subject)
    albums = {f.subject: f.object.name for f in ctx.extraction.facts if f.predicate == "soundtrackOf"
              and f.subject.cls == "Album" and f.object.name in songs and f.subject.name == f"{f.object.name} OST"}
    if albums:
        # the one song named takes the album's singers ("X To Sing OST For Y ... Part 4 of the OST, 'Z'")
        carried = [replace(f, subject=next(iter(songs[albums[f.subject]]))) for f in ctx.extraction.facts
                   if f.subject in albums and f.predicate == "performer" and len(songs[albums[f.subject]]) == 1]
        ctx.extraction.facts = [f for f in ctx.extraction.facts if f.subject not in albums and f.object not in albums]
        ctx.extraction.facts += carried
        for album in albums:
            ctx.extraction.aliases.pop(album, None)




def members_for_their_group(ctx: Context) -> None:
    """ "sung by the LUMINA member": the song's singer is LUMINA's one member the article names (the
    headline's "LUMINA's Kang Ye-rin"), not the group."""
    members: dict = {}
    for f in ctx.extraction.facts:
        if f.predicate == "memberOf":
            members.setdefault(f.object, set()).add(f.subject)
    ctx.extraction.facts = [replace(f, object=next(iter(members[f.object])))
                            if f.predicate == "performer" and len(members.get(f.object, ())) == 1
                            and re.search(rf"\bthe {re.escape(f.object.name)}(?:'s)? member\b", f.evidence.sentence) else f
                            for f in ctx.extraction.facts]


def album_artists_on_tracks(ctx: Context) -> None:
    """A song on an album no one is said to perform is performed by the
    album's artist (the releasing artist, CONVENTIONS rule 13), besides any
    guest it features: "G's EP X ... X's title track, Y" makes G Y's
    performer. The evidence is the sentence that put Y on X, with the one
    that named X's artist as context."""
    artists: dict = {}
    for f in ctx.extraction.facts:
        if f.predicate == "performer" and f.subject.cls == "Album" and not SOUNDTRACK_NAME.search(f.subject.name):
            artists.setdefault(f.subject, []).append(f)  # not a soundtrack's: its songs are many singers'
    have = {(f.subject, f.object) for f in ctx.extraction.facts if f.predicate == "performer"}
    # a song with a performer of its own named ("RAIN, the first track of X, is performed by pianist B") keeps
    # to it; a guest it features is no such performer
    sung = {f.subject for f in ctx.extraction.facts if f.predicate == "performer" and not f.evidence.of_a_guest}
    added = []
    for f in ctx.extraction.facts:
        if f.predicate != "inAlbum" or f.object not in artists or f.subject in sung:
            continue
        for credit in artists[f.object]:
            if (f.subject, credit.object) not in have:
                have.add((f.subject, credit.object))
                said = Passage(credit.evidence.sentence, credit.evidence.start, credit.evidence.end)
                known = {p.start for p in f.evidence.context} | {f.evidence.start}
                context = f.evidence.context + ((said,) if said.start not in known else ())
                added.append(Fact(f.subject, "performer", credit.object,
                                  replace(f.evidence, rule="inference:album-artist", context=context)))
    ctx.extraction.facts += added


def closers_numbered(ctx: Context) -> None:
    """The track a record closes with ("the album closes with 'X'", "the closing song 'X'") is its last: numbered
    with the one number of tracks the article gives ("the 10-track album", "ten tracks in total", "the six
    songs on it"), where it gives one and the track has no number yet."""
    counts = {_number(m.group("n")) for m in TRACK_COUNT.finditer(ctx.article.text)} - {None}
    if len(counts) != 1:
        return
    numbered = {f.subject for f in ctx.extraction.facts if f.predicate == "trackNumber"}
    last = Value(str(counts.pop()), "integer")
    for f in list(ctx.extraction.facts):
        if f.predicate == "inAlbum" and f.subject not in numbered and LAST_TRACK.search(f.evidence.sentence):
            numbered.add(f.subject)
            ctx.extraction.facts.append(Fact(f.subject, "trackNumber", last, replace(f.evidence, rule="inference:closing-track")))


LAST_TRACK = re.compile(rf"\b(?:{alternatives(lexicon()['last_track_words']['words'])})\b", re.I)
TRACK_COUNT = re.compile(rf"(?i)\b(?P<n>\d{{1,2}}|{alternatives(lexicon()['number_words'])})[- ]"
                         rf"(?:{alternatives(lexicon()['last_track_words']['counted'])})\b(?![- ](?:later|before|ago))")


def _number(word: str) -> int | None:
    """A count in digits or in words ("10", "ten")."""
    return int(word) if word.isdigit() else lexicon()["number_words"].get(word.lower())


def record_years_on_tracks(ctx: Context) -> None:
    """A song first heard on a record is out the year the record is: "X is
    the first single from their 1984 album Y", "X is a song from the
    soundtrack to the 2002 film Y", "from her album Y (2011)" date X 1984,
    2002, 2011, where the same sentence places X on Y and dates Y, and the
    article gives X no date of its own. Only a record dated by its year:
    a lead single may have come out some months before, and news that
    gives the day ("the album, released on the 18th") dates its songs apart."""
    dated = {f.subject for f in ctx.extraction.facts if f.predicate == "releaseDate"}
    years = {(f.subject, f.evidence.start): f.object for f in ctx.extraction.facts
             if f.predicate == "releaseDate" and f.object.datatype == "gYear"}
    for f in list(ctx.extraction.facts):
        # not on a list's line ("'X' - Rain Clinic (2018)"): the year there is the show's, said of it alone
        year = years.get((f.object, f.evidence.start)) if f.predicate in ("inAlbum", "soundtrackOf") \
            and f.evidence.rule != "reader:credit-line" else None
        if year and f.subject not in dated:
            dated.add(f.subject)
            ctx.extraction.facts.append(Fact(f.subject, "releaseDate", year,
                                             replace(f.evidence, rule="inference:record-year", confidence=0.6)))


RELEASED_BY = "performer/released-by/passive"


def released_by_a_label(ctx: Context) -> None:
    """The agent of "released" is the work's performer only where the
    article names no other ("a song released by X in 1992"); beside a
    performer named otherwise ("the third album by A. It was released by
    Antenna") it is the label that put the record out."""
    named: dict = {}
    for f in ctx.extraction.facts:
        if f.predicate == "performer" and f.evidence.rule != RELEASED_BY:
            named.setdefault(f.subject, set()).add(f.object)
    ctx.extraction.facts = [f for f in ctx.extraction.facts if f.evidence.rule != RELEASED_BY
                            or f.object in named.get(f.subject, {f.object})]


def split_credits(ctx: Context) -> None:
    """ "written by A and B, with lyrics by C": where the sentence credits
    the words to someone by a rule about lyrics, a lyricist read from
    "written" or "wrote" is the music's (CONVENTIONS rule 8). A partner
    shares the writer's credit ("A co-wrote the lyrics of X with B")."""
    worded: dict[tuple, set] = {}
    for f in ctx.extraction.facts:
        if _of_lyrics(f):
            worded.setdefault((f.subject, f.evidence.sentence), set()).add(f.object)

    def music(f: Fact) -> bool:  # a reader's lyricist is under a "Lyrics" label
        words = worded.get((f.subject, f.evidence.sentence))
        return f.predicate == "lyricist" and not _of_lyrics(f) and not f.evidence.rule.startswith("reader:") \
            and words is not None and f.object not in words and "with-a-partner" not in f.evidence.rule
    ctx.extraction.facts = [replace(f, predicate="composer") if music(f) else f for f in ctx.extraction.facts]


CREDITS = ("performer", "composer", "lyricist")
ARTISTS = ("Person", "MusicGroup")


PAIRED_DAYS = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?,? and (\d{1,2})(?:st|nd|rd|th)?\b")


def respective_credits(ctx: Context) -> None:
    """ "Part 3 'A' and Part 4 'B' will be released on December 18 and 20,
    ..., sung by X and Y, respectively": the works listed take the days and
    the people listed in the same order, A the 18th and X, B the 20th and
    Y, where a rule bound each to the pair nearest it."""
    for sentence, text in zip(ctx.sentences, ctx.sentence_texts):
        if "respectively" not in text.lower():
            continue
        mentions = ctx.mentions_in(sentence)
        _respective_days(ctx, sentence, text, mentions)
        works = list(dict.fromkeys(e.name for _, e in mentions if ctx.class_of(e) in ("Song", "Album")))
        for predicate in CREDITS:
            stated = [f for f in ctx.extraction.facts if f.predicate == predicate and f.evidence.start == sentence.start_char
                      and f.subject.name in works]
            if not stated or len(works) < 2:
                continue
            # the artists named after the last work, but a group only saying whose member one is ("G's Seo Ha-ri")
            last = max(t.i for t, e in mentions if e.name in works)
            people = list(dict.fromkeys(e.name for t, e in mentions if t.i > last and ctx.class_of(e) in ARTISTS
                                        and not (t.i + 1 < len(t.doc) and t.doc[t.i + 1].text in POSSESSIVE)))
            if len(people) != len(works) or not {f.object.name for f in stated} <= set(people):
                continue
            kinds = {e.name: ctx.class_of(e) for _, e in mentions}
            ctx.extraction.facts = [f for f in ctx.extraction.facts if f not in stated]
            ctx.extraction.facts += [Fact(EntityRef(work, kinds[work]), predicate, EntityRef(person, kinds[person]),
                                          stated[0].evidence) for work, person in zip(works, people)]


def _respective_days(ctx: Context, sentence, text: str, mentions) -> None:
    """Two works dated on two days of one month: each its own day, in the order listed."""
    days = PAIRED_DAYS.search(text)
    works = list(dict.fromkeys(e.name for _, e in mentions if ctx.class_of(e) in WORKS))
    if days is None or len(works) != 2:
        return
    ctx.extraction.facts = [
        replace(f, object=Value(f"{f.object.lexical[:8]}{int(days.group(1 + works.index(f.subject.name))):02d}", "date"))
        if f.predicate == "releaseDate" and f.evidence.start == sentence.start_char and f.subject.name in works
        and f.object.datatype == "date" else f for f in ctx.extraction.facts]


def parsed_dates_first(ctx: Context) -> None:
    """A date the parse gives to a work of a sentence ("'A', the title track
    of the album B, was released on D": A's) is not also the work a token
    rule found nearest before "released" (B)."""
    parsed = _dependency_rule_ids()
    dated: dict[tuple, set] = {}
    for f in ctx.extraction.facts:
        if f.predicate == "releaseDate" and f.evidence.rule in parsed:
            dated.setdefault((f.object, f.evidence.sentence), set()).add(f.subject)
    ctx.extraction.facts = [f for f in ctx.extraction.facts if f.predicate != "releaseDate" or f.evidence.rule in parsed
                            or f.subject in dated.get((f.object, f.evidence.sentence), {f.subject})]


@lru_cache(maxsize=None)
def _dependency_rule_ids() -> frozenset:
    return frozenset(rule.id for rule in load_dependency_rules())


def _of_lyrics(fact: Fact) -> bool:
    """Read by a rule about the words themselves ("lyrics by", "penned the
    lyrics"), not about a part in them ("took part in the rap lyrics")."""
    name = fact.evidence.rule.partition("/")[2]
    return fact.predicate == "lyricist" and "lyric" in name and not name.startswith("took-part")
