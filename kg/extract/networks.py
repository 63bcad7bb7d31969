"""Which work a definite noun stands for, where the one of its kind named
last is not it: "the MBC show" is the series named beside MBC before ("MBC's
'I Live Alone'"), a series named once in passing gives way to the one the
article is about (``focal_work``, also what recaps and a series page's
ratings table speak of), and "the title track" is the song called so before,
not the last song named; "the 1987 ballad" right after "'X,'" is X, however
the parser hung it, as "his OST" in "'X', his OST for W" and "the theme song"
in "'X' by A, the theme song of W" are; "it" after a work of another class in
its own sentence is that work, as the work a participle after its comma
follows is ("the song 'X,' featuring B") and the one a duet's phrase names
after a comma ("a duet with A, 'X'"); whether "his" follows a "her" that
took the subject (kg/extract/refs.py, chart_works.py and context.py ask; whether an artist
is a work's guest, never what "her album" means: marks.py)."""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from ..records import EntityRef
from .ballot import default_work
from .spans import WORKS, WORKS_OR_TITLE

if TYPE_CHECKING:  # the context's module reads the list readers, which ask what an article is about here
    from .context import Context


def series_of_network(ctx: Context, noun, kinds: tuple) -> list[EntityRef] | None:
    """ "the MBC show": the last series named beside MBC ("MBC's 'I Live
    Alone'"); none when the last series was named beside another network;
    None (no say) when no network is named in the phrase or beside a series."""
    nets = [ctx.ent(c) for c in noun.children if c.i < noun.i and ctx.ent(c) is not None]
    nets = {e.name for e in nets if ctx.class_of(e) == "Broadcaster"}
    if not nets or "TVSeries" not in kinds:
        return None
    series, network_before = [], None
    for token, ent in ctx.mention_tokens:
        if token.i >= noun.i:
            break
        if ctx.class_of(ent) == "Broadcaster":
            network_before = (ent.name, token.i, token.sent.start)
        elif ctx.class_of(ent) == "TVSeries" and ent.name not in ctx.characters:
            # the network named up to four words before it, in its sentence: "KBS's latest variety program 'X'"
            near = network_before if network_before and token.i - network_before[1] <= 5 \
                and network_before[2] == token.sent.start else None
            series.append((ent, near[0] if near else None))
    if not series or all(net is None for _, net in series):
        return None
    matching = [ent for ent, net in series if net in nets]
    if matching:
        ctx.note_supplier(matching[-1])
        return [EntityRef(matching[-1].name, "TVSeries")]
    return [] if series[-1][1] is not None else None


def work_of_artist(ctx: Context, noun, kinds: tuple) -> list[EntityRef] | None:
    """ "the ORBITAL 9 track": the last work named beside that artist in one sentence ('"X" by the
    boy group ORBITAL 9', "ORBITAL 9's X"); None (no say) when the phrase names no artist or no work
    was named beside it."""
    artists = {e.name for c in noun.children if c.i < noun.i and (e := ctx.ent(c)) is not None
               and ctx.class_of(e) in ("MusicGroup", "Person")}
    if not artists or not set(kinds) & {"Song", "Album"}:
        return None
    found, work, artist = None, None, None
    for token, ent in ctx.mention_tokens:
        if token.i >= noun.i:
            break
        if ctx.class_of(ent) in kinds + ("TITLE",):
            work = (ent, token)
            found = ent if artist is not None and artist.sent == token.sent and token.i - artist.i <= 3 else found
        elif ent.name in artists:
            artist = token
            found = work[0] if work is not None and work[1].sent == token.sent and token.i - work[1].i <= 12 else found
    ref = ctx.ref(found, kinds) if found is not None else None
    if ref is not None:
        ctx.note_supplier(found)
    return [ref] if ref is not None else None


SUBJECTS = ("nsubj", "nsubjpass")
ALBUM_WORD = re.compile(r"\b(?:album|EP|mini-album)\b", re.I)


YEAR_IN_BRACKETS = re.compile(r"[\"']?\s*\((?:19|20)\d\d\)")  # a work's year in brackets after it: one named in passing


def topic_over_aside(ctx: Context, ref: EntityRef, at=None) -> EntityRef:
    """ "the drama" after a series named once in passing ("the two were in
    'You're Beautiful'"), "the album" after "three years after her debut
    album 'X'", is still the work the headline and the article are about;
    so is "the telenovela" (token ``at``) two sentences after a rival's
    rating ("In the same time slot, RCN's 'X' registered 6.1 points")."""
    other = {"Film": "TVSeries", "TVSeries": "Film"}.get(ref.cls)  # a film named in passing in a drama's story too
    focal = next((f for cls in (ref.cls, other) if cls and (f := focal_work(ctx, cls)) is not None
                  and f.name.lower() in ctx.article.title.lower()), None)
    if focal is None or focal.name == ref.name or focal.name.lower() not in ctx.article.title.lower():
        return ref
    named = Counter(ent.name for ent in ctx.by_start.values())
    # a series its sentence is about ("tvN's series 'X' scored 3.8 percent. The show, starring ...", "The drama 'X'
    # aired on Monday. 'Y' is part of its OST") is no aside, if that sentence is the one before the words at ``at``
    said = next((t for t, e in ctx.mention_tokens if e.name == ref.name), None)
    subject = said is not None and (said.dep_ in SUBJECTS or said.dep_ in ("appos", "compound")
                                    and (said.head.dep_ in SUBJECTS or said.head.dep_ == "ROOT")) \
        and not YEAR_IN_BRACKETS.match(ctx.article.text, said.idx + len(said)) \
        and (at is None or ctx.sentence_of(said.i).start >= _sentence_or_the_one_before(ctx, at).start)
    return focal if named[ref.name] == 1 and named[focal.name] > 1 and not subject else ref


def _sentence_or_the_one_before(ctx: Context, token):
    sentence = ctx.sentence_of(token.i)
    return ctx.sentence_before(sentence) or sentence


def title_track_before(ctx: Context, token) -> EntityRef | None:
    """ "The title track entered the chart": the song named before as a title track ("fronted by
    the title track 'X'"), else one named like an album named before it (or in a headline about
    an album: "Album review: G's 'X'")."""
    albums, found = set(), None
    headline = ctx.sentences[0].end if ALBUM_WORD.search(ctx.sentence_texts[0]) else 0
    for mention, ent in ctx.mention_tokens:
        if mention.i >= token.i:
            break
        cls = ctx.class_of(ent)
        if cls == "Album" or mention.i < headline and cls in ("Song", "TITLE"):
            albums.add(ent.name)
        if cls in ("Song", "TITLE"):
            before = {w.lower_ for w in mention.doc[max(0, mention.i - 3):mention.i]}
            if "title" in before and before & {"track", "song"} or ent.name in albums:
                found = ent
    if found is None:
        return None
    ctx.note_supplier(found)
    return EntityRef(found.name, "Song")


SAYS_WHICH = frozenset({"lead", "debut", "first", "second", "third", "main", "opening", "closing", "focus", "pre-release"})


def called_so_before(ctx: Context, token) -> EntityRef | None:
    """ "The lead single was written by": the song called so before it ("including the lead single
    'X'"), not the last title named (an earlier EP in passing)."""
    which = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound", "nmod")} & SAYS_WHICH
    if not which:
        return None  # "the single": no word that says which
    found = None
    for mention, ent in ctx.mention_tokens:
        if mention.i >= token.i:
            break
        if ctx.class_of(ent) not in ("Song", "TITLE"):
            continue
        before = [w.lower_ for w in mention.doc[max(0, mention.i - 4):mention.i] if not w.is_quote]
        if token.lower_ in before[-2:] and which <= set(before):
            found = ent
    if found is None:
        return None
    ctx.note_supplier(found)
    return EntityRef(found.name, "Song")


def band_called_so_before(ctx: Context, token, accepted: tuple) -> EntityRef | None:
    """ "the band's vocalist" after "the idol group G1" and "the rock band G2": the group last called a band
    ("band", "four-piece") under the same list item, not the last group named; None where the word is no "band"
    or no group was so called."""
    if token.lower_ != "band" or "MusicGroup" not in accepted:
        return None
    since = ctx.heading_at(token)  # not past the numbered item the word stands under
    called = [ent for mention, ent in ctx.mention_tokens if since <= mention.idx and mention.i < token.i
              and ctx.class_of(ent) == "MusicGroup"
              and {"band", "piece"} & {w.lower_ for w in mention.doc[max(0, mention.i - 4):mention.i]}]
    if not called:
        return None
    ctx.note_supplier(called[-1])  # the sentence that named it, as "the band" points back there
    return EntityRef(called[-1].name, "MusicGroup")


def title_apposed_before(ctx: Context, noun, accepted: tuple) -> list[EntityRef]:
    """ "reinterpret 'X,' the 1987 ballad composed by A", "'X,' a remake of
    A's song, is": the title right before the noun's phrase and a comma,
    which the parse may make the verb's other object or the clause's subject
    instead of the noun's apposition (a subject with "the" starts a clause of
    its own: "who helmed 'W,' the series also stars")."""
    if not (noun.dep_ == "dobj" or any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)):
        return []
    doc, i = noun.doc, noun.left_edge.i
    while i < noun.i and doc[i].is_punct and doc[i].text != ",":
        i += 1  # the parse may hang the quotation marks and the comma before the phrase on its noun
    ent = _mention_before_comma(ctx, doc, i if doc[i].text == "," else i - 1)
    ref = ctx.ref(ent, accepted) if ent is not None and not ent.is_value else None
    return [ref] if ref else []


def _mention_before_comma(ctx: Context, doc, i: int):
    """The mention right before a comma at ``i`` (quotation marks before it
    and between them, and a short aside in brackets, passed over: "'X'
    (2020), originally aired on"), if there is such a comma."""
    while i >= 0 and doc[i].is_quote:
        i -= 1
    if i < 1 or doc[i].text != ",":
        return None
    i -= 1
    if doc[i].text == ")" and (opening := next((k for k in range(i - 1, max(0, i - 5), -1) if doc[k].text == "("), None)):
        i = opening - 1
    while i > 0 and doc[i].is_quote:
        i -= 1
    return ctx.ent(doc[i])


PREVIOUS_WORK = re.compile(r"\b(?:previous|earlier|former)\s+(?:drama|series|film|movie|show),\s+[^,.;]{0,40}$")


def focal_work(ctx: Context, cls: str = "TVSeries") -> EntityRef | None:
    """The work of a class an article is about (the series of recaps: "the episode opens with
    Mi-rae (played by Bae Ji-an)", of a series page's ratings table; the album of a record's page):
    the one named most, the first on a tie, else the title still undecided but leaning to that
    class named most; never an earlier work named as an aside about someone or as someone's previous
    one ("Lim's previous drama, the 2021 tvN hit W")."""
    default = default_work(ctx.kinds)
    for undecided in (False, True):
        named = Counter(e.name for e in ctx.by_start.values() if e.name not in ctx.characters and e.start not in ctx.asides
                        and not PREVIOUS_WORK.search(ctx.article.text, max(0, e.start - 70), e.start)
                        and (ctx.class_of(e) == cls if not undecided else (
                            ctx.class_of(e) == "TITLE" and (ctx.ballot.leader(e.name, WORKS)[0] or default) == cls)))
        if named:
            name = named.most_common(1)[0][0]
            return ctx.ref(next(e for e in ctx.by_start.values() if e.name == name), (cls,))
    return None


GENDERS = ({"he", "his", "him"}, {"she", "her", "hers"})


def other_gender_before(token) -> bool:
    """ "This places her alongside Psy, ... for his hit": a pronoun of the
    other gender earlier in the sentence took the subject, so "his" is
    someone else (the nearest name, not the subject)."""
    other = next((g for g in GENDERS if token.lower_ not in g), set())
    return any(t.lower_ in other for t in token.doc[token.sent.start:token.i])


def apposed_to(ctx: Context, noun, accepted: tuple) -> list[EntityRef]:
    """The title a noun is set beside: "'X', his OST for W": X; "'X' by A, the theme song of W": X,
    though the parse sets the phrase beside A. Not a noun whose phrase runs on into a verb ("'W,' the
    series also stars A": a clause's subject)."""
    head, doc = noun.head, noun.doc
    after = noun.right_edge.i + 1
    if after < len(doc) and not (doc[after].is_punct or doc[after].is_sent_start):
        return []
    if head.dep_ == "pobj" and head.head.lower_ == "by" and ctx.ent(head) is not None:
        k = head.head.i - 1
        while k > 0 and doc[k].is_quote:
            k -= 1
        head = doc[k]
    ent = ctx.ent(head)
    ref = ctx.ref(ent, accepted) if ent is not None and not ent.is_value else None
    return [ref] if ref else []


def other_work_in_sentence(ctx: Context, token, kinds: tuple) -> bool:
    """Is the nearest work before "it" in its own sentence one of a class the rule does not take?"""
    near = ctx.nearest_before(token, WORKS_OR_TITLE)
    return near is not None and near.start >= ctx.sentence_of(token.i).start_char \
        and ctx.class_of(near) in WORKS and ctx.class_of(near) not in kinds


def latter_or_former(ctx: Context, token, accepted: tuple) -> list[EntityRef] | None:
    """ "the latter featuring A": the last of the pair named before it in
    its sentence, "the former" the one before; None for any other word."""
    if token.lower_ not in ("latter", "former") or token.i == 0 or token.doc[token.i - 1].lower_ != "the":
        return None
    before = [ref for t in token.doc[token.sent.start:token.i] if (e := ctx.ent(t)) is not None and (ref := ctx.ref(e, accepted))]
    return before[-1:] if token.lower_ == "latter" else before[-2:-1]


def before_its_comma(ctx: Context, verb, accepted: tuple) -> list[EntityRef]:
    """The work a participle set off by a comma follows ("includes the song 'X,' featuring B": X's;
    "'Y' (2020), originally aired on": Y's)."""
    before = verb.i - 1
    while before >= max(0, verb.i - 2) and verb.doc[before].dep_ == "advmod" and verb.doc[before].head == verb:
        before -= 1  # "originally aired": past the participle's adverb
    ent = _mention_before_comma(ctx, verb.doc, before) if verb.lower_.endswith(("ing", "ed")) else None
    return [ref] if ent is not None and ctx.class_of(ent) in WORKS and (ref := ctx.ref(ent, accepted)) else []


def named_right_after(ctx: Context, noun, accepted: tuple) -> EntityRef | None:
    """The title a noun names right after it, past a comma and quotation marks ("the Netflix thriller
    The Last Courier", "her sixth studio album, Talk That Talk (2011)", "The lead single, 'Faro',")."""
    named = next((ctx.ent(t) for t in noun.doc[noun.i + 1:noun.i + 4] if not t.is_quote and t.text != ","), None)
    return ctx.ref(named, accepted) if named is not None else None


def artists_song(ctx: Context, noun) -> EntityRef | None:
    """The song read so far as sung by the artist named in a possessive on ``noun`` ("Clara's track debuted at
    No. 7": the song Clara sings, not the last one named)."""
    artist = next((ref for c in noun.children if c.dep_ == "poss" and (ent := ctx.ent(c)) is not None
                   and (ref := ctx.ref(ent, ("Person", "MusicGroup"))) is not None), None)
    return next((f.subject for f in reversed(ctx.extraction.facts) if artist is not None
                 and f.predicate == "performer" and f.object == artist and f.subject.cls == "Song"), None)


def named_after_comma(ctx: Context, noun, accepted: tuple) -> list[EntityRef]:
    """A work a noun's own phrase names after a comma ("a duet with A, 'X'")."""
    if noun.lower_ not in ("duet", "collaboration", "collab"):
        return []
    for token in noun.subtree:
        before = token.doc[token.i - 1 - token.doc[token.i - 1].is_quote] if token.i > 1 else None
        if token.i > noun.i and before is not None and before.text == "," and ctx.ent(token) is not None:
            ref = ctx.ref(ctx.ent(token), accepted)
            if ref is not None:
                return [ref]
    return []


LIST_GAP = re.compile(r"\s*(?:,|,?\s+and|/|·)\s*")  # between two names of one list


def services_listed(text: str, ents: list) -> dict[int, str]:
    """A channel named in a list of streaming services, most of the list ("Melon, Mnet, Genie
    and Bugs"), is the service of its name there, not the channel ("Mnet's survival show"):
    by mention start, the class those mentions take."""
    twins, run = {}, []
    for ent in sorted(ents, key=lambda e: e.start) + [None]:
        if ent is not None and run and LIST_GAP.fullmatch(text[run[-1].end:ent.start]):
            run.append(ent)
            continue
        kinds = Counter(e.cls for e in run)
        if kinds["Platform"] >= 2 and kinds["Platform"] > kinds["Broadcaster"]:
            twins.update((e.start, "Platform") for e in run if e.cls == "Broadcaster")
        run = [ent]
    return twins
