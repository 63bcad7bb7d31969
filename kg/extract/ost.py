"""Soundtracks. The soundtrack a rule's "ost" role names: "sings the fourth OST
for X" is the song the sentence or the next one titles ("titled 'Y'", "The
track, titled 'Y,'", "Her song 'Y'"), else X's OST album (CONVENTIONS rule 18).
And the songs the parse links to a soundtrack noun whose series it names
(``read_soundtrack_links``): "its first OST, 'Y'", "the drama's score features
'Y'", "returns to the 'X' soundtrack with 'Y'", "recorded 'Y' for the
soundtrack of the film 'X'", "'Y,' a duet from ENA's 'X' OST", "'Y' is Part 3
of the 'X' soundtrack", "her OSTs, including 'Y' from 'X'". And the albums
named after their work ("X: Music from the Motion Picture")."""
from __future__ import annotations

import re

from ..data import lexicon
from ..records import EntityRef, Fact
from .context import Context
from .described import work_nouns
from .refs import TITLED, refs_at
from .rules import Binding
from .spans import span_text

SOUNDTRACK_NOUNS = frozenset(lexicon()["soundtrack_nouns"]["words"])
PART_NOUNS = frozenset(lexicon()["soundtrack_nouns"]["part_nouns"])
THEME_NOUNS = frozenset(lexicon()["soundtrack_nouns"]["theme_nouns"])
SCREEN = ("TVSeries", "Film")
SONGS = ("Song",)


def soundtrack_named(ctx: Context, sentence, binding: Binding, series: EntityRef, album: bool = True) -> EntityRef | None:
    """The OST of ``series`` the binding speaks of, with its soundtrackOf
    fact; a title from the next sentence is named in the evidence. With no
    title, the series' OST album if ``album`` ("A joins the X OST"), else
    none ("A sings for X" names no album)."""
    rule = binding.rule
    following = ctx.sentence_after(sentence)
    named_next = _song_opening(ctx, following)
    ost = _titled_work(ctx, sentence) or named_next or (EntityRef(f"{series.name} OST", "Album") if album else None)
    if ost is None:
        return None
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
        if token.text.lower() in TITLED:
            for follower in token.doc[token.i + 1:token.i + 4]:
                ent = ctx.ent(follower)
                if ent is not None and ctx.class_of(ent) in ("Song", "TITLE"):
                    ctx.decided[ent.name] = "Song"
                    return EntityRef(ent.name, "Song")
    return None


SONG_OPENERS = {"the", "her", "his", "their", "its"}


def _song_opening(ctx: Context, sentence) -> EntityRef | None:
    """The song a sentence opens with: "The track, titled 'Y,' ...", "Her
    song 'Y' will be released ...", "The track, 'Y', is a ballad"; or
    titles in so many words: "... shared that the song is titled 'Y'"."""
    if sentence is None or len(sentence) < 3:
        return None
    if sentence[0].lower_ not in SONG_OPENERS or work_nouns().get(sentence[1].lower_) != "Song":
        # "The agency shared that the song is titled 'Y'": where the song's name is given in so many words
        said = next((t.i for t in sentence[:-3] if t.lower_ in SONG_OPENERS and work_nouns().get(t.nbor().lower_) == "Song"
                     and t.nbor(2).lower_ in ("is", "was") and t.nbor(3).lower_ in TITLED), None)
        return _titled_work(ctx, sentence.doc[said:min(said + 7, sentence.end)]) if said is not None else None
    titled = _titled_work(ctx, sentence[:6])
    if titled:
        return titled
    at = next((t for t in sentence[2:5] if not t.is_quote and t.text != ","), sentence[2])
    ent = ctx.ent(at)
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


def read_soundtrack_links(ctx: Context) -> None:
    """A song the parse ties to a soundtrack noun, where the noun's own phrase names the series
    (its possessor or compound, "of"/"for"/"from" and what follows, "its" or "the drama's" for
    the series in view): the song is that series' soundtrack."""
    for sentence, text in zip(ctx.sentences, ctx.sentence_texts):
        lowered = text.lower()
        if not any(noun in lowered for noun in SOUNDTRACK_NOUNS):
            continue
        for noun in sentence:
            if noun.lower_ not in SOUNDTRACK_NOUNS or ctx.ent(noun) is not None:
                continue
            ctx.supplied = None  # set if "its" or "the drama's" is named in another sentence
            series = _series_of(ctx, noun)
            if noun.dep_ in ("compound", "poss") and noun.head.lower_ in PART_NOUNS | THEME_NOUNS:
                # "the third OST part for X, titled 'Y'", "The OST's main theme, 'Y'": the part is the soundtrack's
                noun = noun.head
                series = series or _series_of(ctx, noun)
            songs = [song for token in _song_slots(noun) for song in refs_at(ctx, token, SONGS) if song.cls == "Song"]
            if series is None or not songs:
                continue
            evidence = ctx.evidence(sentence, "reader:soundtrack-link", 0.75, None, [ctx.supplied])
            for song in songs:
                ctx.extraction.facts.append(Fact(song, "soundtrackOf", series, evidence))
        if any(noun in lowered.split() for noun in ("osts", "soundtracks")) and EXAMPLES.search(lowered):
            _examples_from_series(ctx, sentence)


# "X: Music from the Motion Picture", "X (Original Soundtrack)", "X OST": a soundtrack album named after its work
EDITIONS = sorted([*lexicon()["album_title_words"]["soundtrack_editions"],
                   *lexicon()["album_title_words"]["soundtrack_name_endings"]], key=len, reverse=True)
NAMED_AFTER = re.compile(rf"^(?P<work>.+?)(?::\s*|\s+\(|\s+)(?:{'|'.join(map(re.escape, EDITIONS))})\)?$", re.I)


def read_soundtrack_names(ctx: Context) -> None:
    """An album named after a series or film the article names, with a
    soundtrack's edition words ("Red Canyon Run: Music From the Motion
    Picture", "Kaze no Tōdai Original Soundtrack", "The Tailor of Jongno
    OST"), is that work's soundtrack."""
    screen = {e.name: ctx.class_of(e) for e in ctx.by_start.values() if ctx.class_of(e) in SCREEN}
    done = set()
    for ent in ctx.by_start.values():
        named = NAMED_AFTER.match(ent.name) if ctx.class_of(ent) == "Album" else None
        work = named and named.group("work").strip().strip("'\"‘’“”")
        if work in screen and ent.name not in done:
            done.add(ent.name)
            span = ctx.doc.char_span(ent.start, ent.end, alignment_mode="expand")
            evidence = ctx.evidence(span.sent if span is not None else ctx.sentences[0], "reader:soundtrack-name", 0.8)
            ctx.extraction.facts.append(Fact(EntityRef(ent.name, "Album"), "soundtrackOf", EntityRef(work, screen[work]), evidence))


EXAMPLES = re.compile(r"\b(?:including|such as|like|among them)\b")


def _examples_from_series(ctx: Context, sentence) -> None:
    """ "her OSTs, including 'X' from SBS' 'Y'": an example of the soundtracks the sentence speaks
    of, named with the series it is from, is that series' soundtrack (CONVENTIONS rule 19: "from"
    alone is not)."""
    for token, ent in ctx.mentions_in(sentence):
        song = ctx.ref(ent, SONGS)
        series = [ref for c in token.children if c.dep_ == "prep" and c.lower_ == "from"
                  for g in c.children if g.dep_ == "pobj" for ref in refs_at(ctx, g, SCREEN) if ref.cls in SCREEN]
        if song is not None and song.cls == "Song" and series:
            evidence = ctx.evidence(sentence, "reader:soundtrack-example", 0.7)
            ctx.extraction.facts.append(Fact(song, "soundtrackOf", series[0], evidence))


def _series_of(ctx: Context, noun) -> EntityRef | None:
    """The series a soundtrack noun's phrase names: "the 'Glass Garden' soundtrack", "ENA's
    'Love in Rewind' OST", "the soundtrack of the film 'Paper Boats'", "its OST"."""
    if noun.dep_ == "appos":  # "from ENA's 'Love in Rewind' OST", the parse making the noun the title's apposition
        found = [ref for ref in refs_at(ctx, noun.head, SCREEN) if ref.cls in SCREEN]
        if found:
            return found[0]
    if [c.lower_ for c in noun.children if c.dep_ in ("det", "poss", "compound", "nmod", "amod", "prep")] == ["the"] \
            and noun.lower_ in SOUNDTRACK_NOUNS:
        return ctx.antecedent(noun, SCREEN)  # "The OST's main theme": the soundtrack of the work in view
    for child in noun.children:
        # a title before the noun may be parsed as its determiner ("JTBC's 'The Last Commute' soundtrack")
        if child.dep_ in ("poss", "compound", "nmod", "det") or child.dep_ == "prep" and child.lower_ in ("of", "for", "from"):
            for token in [child] if child.dep_ != "prep" else [g for g in child.children if g.dep_ == "pobj"]:
                found = [ref for ref in refs_at(ctx, token, SCREEN) if ref.cls in SCREEN]
                if found:
                    return found[0]
    return None


def _song_slots(noun) -> list:
    """Where a song tied to a soundtrack noun stands: beside it ("its first OST, 'Y'"), as what
    it features ("the score features 'Y'"), or as what a verb does for it ("recorded 'Y' for the
    soundtrack", "returns to the soundtrack with 'Y'")."""
    slots = [c for c in noun.children if c.dep_ in ("appos", "acl")]
    slots += [noun.head] if noun.dep_ == "appos" else []  # "'Y,' the drama's OST Part 4": what the noun stands beside
    slots += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
    slots += [g for c in noun.subtree if c.dep_ == "acl" and c.lower_ in TITLED for g in c.children
              if g.dep_ in ("oprd", "dobj", "attr")]  # "the OST part for X, titled 'Y'", the parse hanging it on X
    verb = noun.head
    if noun.dep_ == "appos" and noun.head.dep_ == "pobj" and noun.head.head.lower_ in ("from", "of", "on"):
        slots.append(noun.head.head.head)  # "'X,' a duet from ENA's 'Y' OST": what is from it
    part = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    if part is not None and part.lower_ in PART_NOUNS | {"part", "installment", "volume"}:
        # "'X' is Part 3 of the 'Y' soundtrack", "Part 3 of the 'Y' soundtrack, 'X'"
        slots += [c for c in part.head.children if c.dep_ in ("nsubj", "nsubjpass")] if part.dep_ == "attr" else []
        slots += [c for c in part.children if c.dep_ == "appos"] + ([part.head] if part.dep_ == "appos" else [])
    if noun.dep_ in ("nsubj", "nsubjpass"):
        slots += [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")]
    elif noun.dep_ == "dobj":  # "unveiled its first OST today, 'Y'": the parse making Y the verb's other part
        slots += [c for c in verb.children if c.i > noun.i and c.dep_ in ("npadvmod", "appos", "ccomp", "dep", "oprd")]
    elif noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ in ("for", "to", "on"):
        verb = noun.head.head
        slots += [c for c in verb.children if c.dep_ == "dobj"]
        slots += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
    return [t for slot in slots for t in [slot, *(c for c in slot.children if c.dep_ == "conj")]]
