"""Typing by evidence: which class each name of an article belongs to.

No single source decides a class. Every mention of a name casts votes from
what is around it, and the name's class is the one its votes favour most:

* where the mention came from: the gazetteer (all but decisive), the
  romanised-name patterns, the NER model's label (one vote);
* cue words beside it: "the drama X", "X OST", "album X", "singer X",
  "group X"; titles listed together share the cue before the list ("the
  dramas A, B and C");
* what the sentence says it is: "X is a 1990 film", "X, the title track of";
* the relation patterns that take it (cast in ``facts.vote_roles``): "X was
  directed by" votes for a series or a film; readers vote the same way;
* words that say a quoted phrase is no work at all: "the words 'X'", "a
  concept called 'X'", "'X' who";
* and, for a title nothing else types, what the article is about: a chart
  story's titles are songs, a ratings story's are series (``default_work``).

A class's score is its strongest single vote plus a quarter of the others,
so one clear cue outweighs many weak guesses. The weights and word lists
are data (``evidence``, the cue lists, ``class_nouns``, ``not_work_cues``
and ``topic_words`` in kg/data/lexicon.json).
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..data import lexicon, member_nouns, which_member_words
from ..nlp import text_of
from .described import described_as, lookup
from .ballot import NOT_A_WORK, Ballot, default_work, topic, weights
from .spans import NON_NAMES, POSSESSIVE, WORKS, screen_channel
from .song_cues import NAME_CLASSES, after_part_label, beside_its_artist, by_a_band_or_singer
from .title_runs import seasons_after
from .the_group import group_nouns_back

# Whose possessive makes the quoted title after it a work of theirs ("BTS' 'Butter'").
SOUNDTRACK_WORDS = {"ost", "osts", "soundtrack", "soundtracks"}
SKIPPED_BEFORE = re.compile(r"(?i)part\.?\d*|vol\.?\d*|no\.?|#|as|like|including|such|titled|called|entitled|named|known|nicknamed|dubbed|:|,")
LISTED = re.compile(r"[\s\"']*(?:\(\d{4}(?:-\d{2,4})?\))?[\s\"']*(?:,[\s\"']*(?:and|or)?|and|&|or)[\s\"']*")  # '," and "' too


@lru_cache(maxsize=None)
def _cues() -> dict[str, dict]:
    lex = lexicon()

    def table(groups: dict) -> dict:
        return {w.lower(): cls for cls, words in groups.items() if not cls.startswith("_") for w in words}

    return {
        "before": table(lex["title_cues_before"]), "after": table(lex["title_cues_after"]),
        "before_of": table(lex["title_cues_before_of"]),
        "show_verbs": frozenset(lex["show_verbs"]["words"]),
        "nouns": table(lex["class_nouns"]),
        "people": dict.fromkeys((w.lower() for w in lex["person_cues"]), "Person"),
        "groups": dict.fromkeys((w.lower() for w in lex["group_cues"]), "MusicGroup"),
        "not_work": dict.fromkeys((w.lower() for w in lex["not_work_cues"]), NOT_A_WORK),
        "naming_verbs": frozenset(lex["naming_verbs"]["words"]),
        "sources": dict.fromkeys(lex["source_nouns"]["words"], NOT_A_WORK),
        "speech": frozenset(lex["speech_verbs"]["words"]),
        "small": frozenset(lex["title_case_small_words"]["words"]),
        "suffixes": dict.fromkeys(lex["organization_suffixes"], "Organization"),
        "studios": frozenset(lex["film_studio_suffixes"]["words"]),
        "companies": dict.fromkeys(lex["organization_cues"], "Organization"),
        "events": dict.fromkeys((w.lower() for w in lex["event_names"]["words"]), NOT_A_WORK),
        "album_words": dict.fromkeys(lex["album_title_words"]["words"], "Album"),
        "epithets": dict.fromkeys(w.lower() for w in lex["epithet_words"]["words"]),
        "given_names": frozenset(lex["given_names"]["words"]),
    }


def model_vote(label: str) -> str | None:
    """The class an NER label votes for: the trained model's labels are
    vocabulary classes (or coarse families), the base model's OntoNotes
    ones; a family label (ORG, WORK) votes for no one class."""
    return {"PERSON": "Person", "GROUP": "MusicGroup"}.get(label, label if label in _CLASSES else None)


_CLASSES = {"Person", "MusicGroup", "Organization", "Broadcaster", "Platform", "Chart", "Place", *WORKS}


def cast_local_votes(ballot: Ballot, doc: Doc, tokens: list[Token], ents: list) -> None:
    """Votes from each mention's source and from the words beside it."""
    w, cues = weights(), _cues()
    spans = {}
    for ent in ents:
        span = doc.char_span(ent.start, ent.end, alignment_mode="expand")
        if span is not None and not ent.is_value:
            spans[span.start] = (span, ent)
    owners = {span.end for span, ent in spans.values() if ent.cls in NAME_CLASSES}  # where a name ends
    starts = {s.end - 1: start for start, (s, _) in spans.items()}  # a mention's start from its last token
    owned = _owned_titles(tokens, spans, owners)
    if owned:
        work = default_work(topic(text_of(doc)))
        for start in owned:
            ballot.vote(spans[start][1].name, work, w["cue"], spans[start][1].start)
    for span, ent in spans.values():
        if ent.source in ("gazetteer", "names", "cue"):
            ballot.vote(ent.name, ent.cls, w[ent.source], ent.start)
            if ent.source == "gazetteer":
                continue
        if ent.cue:
            ballot.vote(ent.name, ent.cue, w["cue"], ent.start)
        label_class = model_vote(ent.model_label) if ent.model_label else None
        if label_class:
            ballot.vote(ent.name, label_class, w["model"], ent.start)
        words = ent.surface.split()
        given = ent.cls == "ORG" and words[0] in cues["given_names"] and len(words) <= 3  # "with Raj Mistry": as good as the NER's person
        if (ent.cls == "PERSON" or given) and len(words) >= 2 and all(x[:1].isupper() for x in words) and words[-1] not in cues["suffixes"]:
            ballot.vote(ent.name, "Person", w["given_name" if given else "name_shape"], ent.start)
        if ent.cls in ("ORG", "PERSON") and words[-1] in cues["suffixes"]:  # "Gil Pictures", whatever the NER said
            ballot.vote(ent.name, "Organization", w["suffix"], ent.start)
        if ent.surface.lower() in cues["people"] and _name_follows(tokens, span, spans) or _epithet(tokens, span, spans, cues):
            ballot.vote(ent.name, NOT_A_WORK, w["cue"], ent.start)  # '"Director" Lee Jung-jae': a role word
        for cls, weight in _context_votes(tokens, span, spans, cues, w):
            ballot.vote(ent.name, cls, weight, ent.start)
            if cls in WORKS and weight == w["cue"] and not ent.cue:
                ent.cue = cls  # a cue word beside the mention: what a title the NER alone found needs
        if ent.cls == "TITLE" and len(words) > 1:  # "her Femme Fatale Tour": an event; "BE (Deluxe Edition)": an album
            last = words[-1].strip("()[]")
            for table, word in (("events", last.lower()), ("album_words", last)):  # "Best music video award" too
                if word in cues[table]:
                    ballot.vote(ent.name, cues[table][word], w["cue"], ent.start)
        if ent.cls in ("PERSON", "ORG"):
            cls = _own_pronoun(span) or _kind_of_list_mates(tokens, span, spans, starts)
            if cls:
                ballot.vote(ent.name, cls, w["pronoun"], ent.start)
    _share_list_cues(ballot, doc, [ent for _, ent in spans.values()], w, {spans[i][1].start for i in owned})
    group_nouns_back(ballot, tokens, spans, w)


ARTIST_KINDS = ("MusicGroup", "Person")


def _kind_of_list_mates(tokens: list[Token], span, spans: dict, starts: dict) -> str | None:
    """ "Supernova, Kara, FT Island, Boyfriend, and MBlaq all ranked": a
    name of undecided kind listed with two or more names of one artist
    kind, and none of the other, is of that kind. ``starts``: a mention's
    start from its last token."""
    kinds = []
    for step in (-1, 1):
        i = span.start - 1 if step < 0 else span.end
        while 0 <= i < len(tokens) and tokens[i].text in (",", "and", "&"):
            while 0 <= i < len(tokens) and tokens[i].text in (",", "and", "&"):
                i += step
            i = starts.get(i, i) if step < 0 else i
            if i not in spans:
                break
            mate_span, mate = spans[i]
            kinds.append(mate.cls)
            i = mate_span.start - 1 if step < 0 else mate_span.end
    counts = {k: kinds.count(k) for k in ARTIST_KINDS}
    return next((k for k in ARTIST_KINDS if counts[k] >= 2 and not counts[ARTIST_KINDS[1 - ARTIST_KINDS.index(k)]]), None)


def _own_pronoun(span) -> str | None:
    """What the subject's own possessive says it is: "Supernova ranked
    second with their song" is a group, "Kim Ara released her album" a
    person. Only in the subject's own clause (not a clause inside it)."""
    if span.root.dep_ != "nsubj":
        return None
    verb = span.root.head
    for child in verb.children:
        if child.i < span.end or child.dep_ in ("ccomp", "advcl", "relcl", "conj", "parataxis", "nsubj"):
            continue
        for token in child.subtree:
            if token.dep_ == "poss" and token.lower_ in ("their", "his", "her"):
                return "MusicGroup" if token.lower_ == "their" else "Person"
    return None


def _owned_titles(tokens: list[Token], spans: dict, owners: set[int]) -> list[int]:
    """The lower-case quoted titles right after a name's possessive
    ("Olivia Rodrigo's 'deja vu'"): a person's or group's work, which a
    lower-case quote needs a cue to be. (A capitalised title is typed by
    its other evidence: the possessive says nothing of its class.)"""
    owned = []
    for start, (span, ent) in spans.items():
        i = start - 1
        while i > 0 and tokens[i].is_quote:
            i -= 1
        if ent.source == "quoted-lower" and i > 0 and tokens[i].text in ("'s", "'") and i in owners:
            owned.append(start)
    return owned


def _epithet(tokens: list[Token], span, mentions: dict, cues: dict) -> bool:
    """Is the mention a quoted epithet, what someone is called rather than a
    work: after "as a" or "as the" ("their status as the 'King of Hallyu'",
    "named as a 'Digital Monster'"), or a phrase ending in an epithet noun
    right before a person's name ("'OST Queen' Baek Ji Young")?"""
    if not (span.start > 0 and tokens[span.start - 1].is_quote):
        return False
    left = [t.lower_ for t in tokens[max(0, span.start - 4):span.start] if not t.is_quote]
    if left[-2:] in (["as", "a"], ["as", "an"], ["as", "the"]):
        return True
    i = span.end
    while i < len(tokens) and tokens[i].is_quote:
        i += 1
    return span[-1].lower_ in cues["epithets"] and i in mentions and mentions[i][1].cls in ("Person", "PERSON")


def _name_follows(tokens: list[Token], span, mentions: dict) -> bool:
    """Is the next word, past a closing quote, another mention?"""
    i = span.end
    while i < len(tokens) and tokens[i].is_quote:
        i += 1
    return i in mentions


def _context_votes(tokens: list[Token], span, mentions: dict, cues: dict, w: dict):
    """(class, weight) for the cue words right before and after a mention
    and the class noun the sentence puts beside it."""
    left = [t for t in tokens[max(0, span.start - 5):span.start] if not t.is_quote]
    title = mentions[span.start][1].cls == "TITLE"
    comma = False
    while left and (left[-1].like_num or SKIPPED_BEFORE.fullmatch(left[-1].text) or left[-1].ent_type_ in ("ORDINAL", "DATE")):
        comma = left.pop().text == "," or comma
    # "songs including X's 'A'": A is the song, X its owner
    possessor = span.end < len(tokens) and tokens[span.end].text in ("'s", "'") and mentions[span.start][1].cls in NAME_CLASSES
    # a cue word the model took for a name is still the cue ("its first OST, 'X'": OST an ORG to the NER)
    before = left[-1].text.lower() if left and left[-1].i not in mentions and (left[-1].ent_type_ in ("", "TITLE")
                                                                         or left[-1].text in NON_NAMES) and not possessor else None
    # a verb ending in s is no plural cue ("the OST features 'Until Dawn'"; "released 'X'" is a cue)
    verb = bool(left) and before not in cues["before"] and any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in left[-1].children)
    if span.start > 2 and tokens[span.start - 1].is_quote and tokens[span.start - 2].text in (",", ":") \
            and tokens[span.start - 3].lower_ in cues["speech"] \
            and any(t.is_lower and t.is_alpha and t.lower_ not in cues["small"] for t in span):
        yield NOT_A_WORK, w["cue"]  # 'the lyrics say, "He is mine."': speech, not a Title Case title
    if len(left) > 1 and left[-1].lower_ in ("of", "for") and title:  # "season 2 of X", "the OST lineup for X"
        of = left[:-1]
        while of and (of[-1].like_num or of[-1].ent_type_ == "ORDINAL"):
            of.pop()
        pair = " ".join(t.lower_ for t in of[-2:])  # "the theme song of X"
        if of and (of[-1].lower_ in cues["before_of"] or pair in cues["before_of"]):
            yield cues["before_of"].get(pair) or cues["before_of"][of[-1].lower_], w["cue"]
    if title and _networks(tokens, span):
        yield "TVSeries", w["apposition"]  # "SBS's 'Running Man'": a network's title is its show, whatever "members" says
    if title and _owner_word(tokens, span) in cues["studios"]:
        yield "Film", w["apposition"]  # "Meridian Pictures' Red Canyon Run": a film studio's title is its film
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "on" and root.head.head.lower_ in cues["show_verbs"] \
            and title and _someone_acts(root.head.head, cues):
        yield "TVSeries", w["cue"]  # "performed 'Ember' on 'Music Bank'": a show (not "the song appeared on X")
    # after a name, a capitalised cue is the next name ("as Song Seung Heon's"), an acronym is not ("OST"); "ep. 5" an episode
    right = [("episode" if t.text in ("ep", "ep.") else t.text.lower()) if not t.is_title or len(t) == 1 else ""
             for t in tokens[span.end:span.end + 3] if not t.is_quote][:2]
    if span.end < len(tokens) and tokens[span.end].text in POSSESSIVE and not title:
        # "the Kinks' 1968 album", "Tim Shaw's album": a work's noun is the owned work's (not "X's premiere": X's own)
        right = ["" if lookup(cues["nouns"], word) else word for word in right]
    if before in ("it", "them") and title and len(left) > 1 and left[-2].lower_ in cues["naming_verbs"]:
        yield NOT_A_WORK, w["cue"]  # "Fans Call It 'The Monsoon Song Of The Year'": a name given to a work, no title
    if before:
        # a role word then a comma before a quoted title ends a clause ("by an outside producer, 'Blue Echo' was")
        quoted = comma and title
        for table in (() if verb else ("before",)) + (() if quoted else ("people", "groups", "companies")) + ("not_work",):
            cls = lookup(cues[table], before)
            if cls:
                screen = lookup(cues["before"], left[-2].lower_) if len(left) > 1 and before in SOUNDTRACK_WORDS else None
                # "drama OSTs like 'Goblin'": the soundtracks of the dramas named; "the tvN (weekend) hit 'X'": a network's
                # hit is a show, and what a network or video service "released" or "dropped" its show
                screen = "TVSeries" if cls == "Song" and any(_screen_channel(t, mentions) for t in left[-3:-1]) else screen
                # "the first part of the X soundtrack, 'Y'", "another track from the soundtrack, 'Y'": a song
                part = before in SOUNDTRACK_WORDS and any(
                    (t.lower_ in ("part", "parts") or lookup(cues["nouns"], t.lower_) == "Song")
                    and tokens[t.i + 1].lower_ in ("of", "from", "on") for t in tokens[max(span.sent.start, span.start - 12):left[-1].i])
                yield ("Song" if part else screen if screen in ("TVSeries", "Film") else cls), w["cue"]
                break
        else:
            if before in cues["sources"]:
                yield NOT_A_WORK, w["source"]
    # "a 1924 American Northern drama": after "a" the words before a cue are a kind, not a title
    # past the title's own verb, a word is the verb's object ("'X' features words by A"), no cue of the title
    after = next((t.i for t in tokens[span.end:span.end + 3] if not t.is_quote), None)
    verb_next = root.dep_ in ("nsubj", "nsubjpass") and root.head.i == after
    for position, word in enumerate(right if not (left and left[-1].lower_ in ("a", "an")) else ()):
        cls = next((cues[t][word] for t in ("after", "not_work") if word in cues[t]), None)
        if cls == "Chart" and position:
            continue  # "'Timeless' tops charts": a chart's name is right before "chart"
        if cls and position and verb_next:
            continue
        if cls:
            yield cls, w["cue"]
            break
        if word == "who" and right.index(word) == 0:
            yield NOT_A_WORK, w["cue"]
            break
    if right[:1] and right[0] in cues["groups"] or _members_follow(tokens, span, mentions) and before not in cues["companies"]:
        yield "MusicGroup", w["cue"]  # not "the songwriting team Paperkite (A, B)": a team's members, no band's
    if title and after_part_label(tokens, span):
        yield "Song", w["cue"]  # 'Part 2 — "Bookmark" by A': a soundtrack's part is a song
    if title and not mentions[span.start][1].cue and (beside_its_artist(tokens, span, mentions)
                                                      or span[0].is_lower and by_a_band_or_singer(tokens, span, mentions)):
        yield "Song", w["cue"]  # no "World Albums" over it; a title in lower case has no other cue so often
    described = described_as(span, cues["nouns"])
    if described:
        yield described, w["apposition"]
    elif seasons_after(tokens, span.end):
        yield "TVSeries", w["apposition"]  # "Squid Game's second season": no one has seasons but a series


def _screen_channel(token: Token, mentions: dict) -> bool:
    """Is the token a broadcaster's, or the first of a video service's name ("JioHotstar", "Coupang Play")?"""
    mention = mentions.get(token.i)
    return token.ent_type_ == "Broadcaster" or mention is not None and screen_channel(mention[1])


def _networks(tokens: list[Token], span) -> bool:
    """Does a network's possessive own the title: "SBS's 'X'", "SBS' “X”" (the mark is a quote too)?"""
    i = _possessive_before(tokens, span)
    return i is not None and tokens[i - 1].ent_type_ == "Broadcaster"


def _owner_word(tokens: list[Token], span) -> str | None:
    """The last word of the possessive before the title ("Pictures" of "Meridian Pictures' X")."""
    i = _possessive_before(tokens, span)
    return tokens[i - 1].text.split()[-1] if i is not None and tokens[i - 1].text.strip() else None


def _possessive_before(tokens: list[Token], span) -> int | None:
    """The index of the possessive mark right before the title, past its opening quote."""
    i = span.start - 1
    while i > 0 and tokens[i].is_quote and tokens[i].text not in POSSESSIVE:
        i -= 1
    if i > 1 and tokens[i].text in POSSESSIVE and tokens[i - 1].text in POSSESSIVE:
        i -= 1  # "SBS' 'X'": the mark, then an opening quote that is one too
    return i if i > 0 and tokens[i].text in POSSESSIVE else None


def _someone_acts(verb: Token, cues: dict) -> bool:
    """Is the verb's subject someone, or a song that won there, rather than a
    work that "appeared on" a record ("the song", "it", a title)?"""
    if not verb.lower_.startswith("appear"):
        return True
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and not any(s.lower_ in ("it", "this", "which", "that") or cues["nouns"].get(s.lower_) in WORKS
                                      or s.ent_type_ in ("TITLE", *WORKS) for s in subjects)


def _members_follow(tokens: list[Token], span, mentions: dict) -> bool:
    """Do the name's members follow it: people listed in parentheses or between dashes
    ("Highlight (Yoon Doo-jun, Yang Yo-seop)", "Ruby Hour -- leader Kate Yoon, Mina Oh --"), or
    "whose members" ("Paper Signal, whose other members were")?"""
    if span.end + 2 < len(tokens) and tokens[span.end].text == "," and tokens[span.end + 1].lower_ == "whose":
        k = span.end + 2
        while k < len(tokens) - 1 and tokens[k].lower_ in which_member_words():
            k += 1
        return tokens[k].lower_ in member_nouns()
    if span.end >= len(tokens) or tokens[span.end].text not in ("(", "--", "—", "–"):
        return False
    close = ")" if tokens[span.end].text == "(" else tokens[span.end].text
    people, i = 0, span.end + 1
    while i < min(span.end + 40, len(tokens)):
        if tokens[i].text == close:
            return people >= 2
        if i in mentions and mentions[i][1].cls in ("Person", "PERSON"):
            people, i = people + 1, mentions[i][0].end
        elif tokens[i].text in (",", "and", "&") or tokens[i].lower_ in member_nouns():
            i += 1
        else:
            return False
    return False


def _share_list_cues(ballot: Ballot, doc: Doc, ents: list, w: dict, listed: set[int]) -> None:
    """Titles listed together share the cue of the list ("the dramas A, B
    and C", "hit movies 'A' (2009), 'B' (2017)"): a title with no cue of
    its own takes the class its neighbour in the list was cued for, when
    the cue before the list is plural or a possessive (``listed``: "BTS'
    'Dynamite' and 'Butter'")."""
    titles = sorted((e for e in ents if e.cls == "TITLE" or e.cls in WORKS), key=lambda e: e.start)
    text = text_of(doc)
    cues = _cues()
    for first, second in zip(titles, titles[1:]):
        before = re.findall(r"([\w-]+)\W*(?:(?:such as|like|including|especially|namely)\W*)?$", text[max(0, first.start - 40):first.start])
        word = before[0].lower() if before else ""
        plural = word.endswith("s") and (word[:-1] in cues["before"] or word in cues["before"])
        if not plural and first.start not in listed:
            continue  # "the drama 'A' and 'B' for ...": a singular cue names one title
        cued = {c: v for c, v in ballot.local(first.name, first.start).items() if c in WORKS}
        if not cued or any(c in WORKS for c in ballot.local(second.name, second.start)) \
                or not LISTED.fullmatch(text[first.end:second.start]):
            continue
        cls = max(cued, key=cued.get)
        ballot.vote(second.name, cls, w["cue"], second.start)
        listed.add(second.start)
