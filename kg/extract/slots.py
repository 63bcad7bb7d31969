"""Names found where only a name can stand, even where the NER saw none:
after a role word ("singer Gummy"); the agent of a passive ("sung by
J-Ray", "written by Qwon") and the subject of a singing verb ("Harin
Moss teamed up with", "IU released"); the titles of a filmography in parentheses after a name
("Baek Soo Chan (Alice, Healer)"), their class left to the evidence; and
the sources a "Source:" line or a bracketed line ("[YTN]") names."""
from __future__ import annotations

import itertools
import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..data import alternatives, class_nouns, lexicon, rows
from ..nlp import text_of
from .candidates import ORGANIZATION_CUES, PLACES, capitalised, glued_hyphen, name_ends, name_word, organization_words
from .listing import role_kinds
from .names import not_names
from .rules import macros
from .spans import NON_NAMES, WORKS, Ent, covered, span_text

GROUP_NOUNS = frozenset(w.lower() for w in lexicon()["class_nouns"]["MusicGroup"])
LINE_UP_PART = re.compile(rf"\((?:{alternatives(lexicon()['line_up_parts']['words'])})\b", re.I)
CODE_NAME = re.compile(r"\d+[A-Z][A-Z0-9]*")  # a name that opens with a digit: "4MEN", "2PM"


LOWER_STOP = {"and", "or", "who", "of", "the", "a", "an", "for", "with", "is", "was", "has", "had", "to", "in", "on", "at", "by",
              "himself", "herself", "themselves", "also", "too", "duo", "group", "team", "said", "says", "stated", "added"}


def cued_people(doc: Doc, tokens: list[Token], words: list[str], ents: list[Ent]) -> list[Ent]:
    """A name right after a role word ("singer Gummy", "musician Isao
    Sasaki", "producer Song Dong Woon") is a person even when the model
    missed it or cut it short."""
    cues = {c.lower() for c in lexicon()["person_cues"]} - {"member", "star", "host", "mc"}
    phrases = {tuple(p.split()) for p in lexicon()["person_cue_phrases"]["phrases"]}
    # the NER's guesses inside the run give way, and a place the gazetteer knows after a given name ("singer
    # Valeria Montenegro"): a surname
    taken = [(e.start, e.end, "model" if e.source == "model" else "place" if e.cls == "Place" and e.source == "gazetteer" else "")
             for e in ents]
    found = []
    for token, word in zip(tokens, words):
        if word not in cues and (token.i == 0 or (words[token.i - 1], word) not in phrases) or token.i + 1 >= len(tokens):
            continue
        run = []
        first = token.i + 1 + (tokens[token.i + 1].text == ":")  # a byline: "Editor: Jessica Kim"
        for t in tokens[first:first + 3]:
            if (t.is_title or (t.is_upper and len(t) > 1)) and t.text not in NON_NAMES and t.text[:1].isalnum():  # not "'S"
                run.append(t)
            elif t.text == "-" and run and t.i + 1 < len(tokens) and tokens[t.i + 1].is_lower and not t.whitespace_:
                run.append(t)
            elif run and run[-1].text == "-" and t.is_lower:
                run.append(t)
            else:
                break
        if not run and token.i + 2 < len(tokens) and tokens[token.i + 1].is_lower and tokens[token.i + 1].is_alpha \
                and len(tokens[token.i + 1]) > 2 and tokens[token.i + 1].text not in LOWER_STOP and not tokens[token.i + 1].is_stop \
                and tokens[token.i + 2].text in (",", "who"):
            run = [tokens[token.i + 1]]  # stage names written in lower case: "composer atomik, who"
        if not run or run[-1].text == "-":
            continue
        start, end = run[0].idx, run[-1].idx + len(run[-1])
        if any(start < b and a < end and not (kind and start <= a and b <= end and (kind == "model" or a > start))
               for a, b, kind in taken):
            continue  # another mention there; the NER's inside the run gives way ("singer [Jo] Min-ho")
        found.append(Ent(start, end, text_of(doc)[start:end], "Person", text_of(doc)[start:end], "cue"))
    return found + _line_up_names(doc, tokens, taken)


def _line_up_names(doc: Doc, tokens: list[Token], taken: list) -> list[Ent]:
    """A name before what its bearer plays, in brackets ("Isla Munro (vocals, guitar), Calum Reid (bass)"):
    a person, two or three capitalised words."""
    found = []
    for match in LINE_UP_PART.finditer(text_of(doc)):
        span = doc.char_span(match.start(), match.start() + 1)
        if span is None:
            continue
        run = list(itertools.takewhile(lambda t: t.is_title and t.text not in NON_NAMES and not t.is_stop,
                                       reversed(tokens[max(0, span.start - 3):span.start])))[::-1]
        if len(run) >= 2:
            start, end = run[0].idx, run[-1].idx + len(run[-1])
            if not any(start < b and a < end and kind != "model" for a, b, kind in taken):
                found.append(Ent(start, end, text_of(doc)[start:end], "Person", text_of(doc)[start:end], "cue"))
    return found


def agents(doc: Doc, tokens: list[Token], ents: list[Ent]) -> list[Ent]:
    """The agent of a passive is someone: "sung by J-Hope", "written by
    Pdogg"; so is a band a work is by: "a song by The Cranberries". A
    capitalised word there that no mention covers is a name (with the
    capitalised words and joined hyphens before it), its class left to the
    evidence."""
    taken = covered(doc, ents)
    titled = covered(doc, (e for e in ents if e.cls == "TITLE" or e.cls in WORKS))
    skip = not_names()
    works = _work_nouns()
    found = []
    for token in tokens:
        by = token.head
        # the work: what the parse hangs "by" on, or a title right before it ("'Cold Tea' by Ahn Yul")
        after_work = by.lower_ == "by" and (by.head.lower_ in works or titled[by.head.idx] or _title_before(by, titled))
        if token.dep_ != "pobj" or not (by.dep_ == "agent" or after_work) \
                or not (token.text[:1].isupper() or CODE_NAME.fullmatch(token.text)) or taken[token.idx] \
                or token.lower_ in skip or token.lower_[:-1] in skip:
            continue  # "directed by PDs"
        first = token.i
        while first - 1 > token.head.i and not taken[tokens[first - 1].idx] and (
                tokens[first - 1].is_title or tokens[first - 1].is_upper and tokens[first - 1].is_alpha
                or tokens[first - 1].text in "-." and not tokens[first - 1].whitespace_):
            first -= 1
        while tokens[first].text in "-.":
            first += 1
        last = token.i  # "set by Reply 1988"
        while last + 1 < len(tokens) and tokens[last + 1].head.i == token.i and not taken[tokens[last + 1].idx] \
                and (tokens[last + 1].is_title or tokens[last + 1].like_num):
            last += 1
        if last + 1 < len(tokens) and taken[tokens[last + 1].idx]:
            continue  # "by Dutch DJ Armin van Buuren": words before a name are its description
        alone = first == last == by.i + 1  # "“One More Time” by Jewelry": one word, right after "by"
        if by.dep_ != "agent" and tokens[first].lower_ != "the" and not alone:
            continue  # "a song by Swiss DJ Antoine": after a work's "by", a band's "The X" or a word alone
        start, end = tokens[first].idx, tokens[last].idx + len(tokens[last])
        # "The Cranberries" is a band, "Bad Landing Records" a company
        company = tokens[last].lower_ in organization_words() or tokens[first - 1].lower_ in ORGANIZATION_CUES
        kind = "Organization" if company else "ORG" if tokens[first].lower_ == "the" else "PERSON"
        found.append(Ent(start, end, text_of(doc)[start:end], kind, text_of(doc)[start:end], "cue"))
    return found


def _title_before(token: Token, titled) -> bool:
    """Does a title end right before ``token`` (a closing quotation mark between)?"""
    i = token.i - 1
    if i > 0 and token.doc[i].is_quote:
        i -= 1
    return i >= 0 and bool(titled[token.doc[i].idx])


@lru_cache(maxsize=None)
def _work_nouns() -> frozenset:
    """Nouns for a work whose "by" names its maker: "a song by", "a film by"."""
    return frozenset(macros()["WORK_AND_SCREEN_NOUNS"])


@lru_cache(maxsize=None)
def _artist_verbs() -> frozenset:
    """Verbs whose subject is an artist: "sang", "released" (not the chart
    verbs: "X topped the chart" may be a song)."""
    return frozenset(w.lower() for w in macros()["SING"]) | {"teamed", "collaborated"}


@lru_cache(maxsize=None)
def _credit_verbs() -> frozenset:
    return frozenset(w.lower() for w in macros()["WROTE"]) | {"composed", "co-composed", "composes", "arranged", "produced"}


def _takes_artist_subject(verb: Token) -> bool:
    """Is this a verb whose subject is an artist: a singing verb, or a
    chart verb whose "with" holds a quoted title ("Boyfriend ranked fifth
    with 'Melody in the Eyes'": the song is the one with, so the subject
    sang it)?"""
    if verb.lower_ in _artist_verbs() or verb.lower_ in _credit_verbs() and _acts_on_a_title(verb):
        return True  # a credit's verb only with a title after it: "Dara composed 'Lamp'"
    # "Nova Ring returned with 'X'", "made a comeback with their album 'X'", "is back with 'X'": the subject's own record
    back = [c for c in verb.children if c.lower_ == "back" and c.dep_ == "advmod"]
    comeback = verb.lower_ in _macro_words("COMEBACK_VERBS") or bool(back) \
        or any(c.dep_ == "dobj" and c.lower_ in _macro_words("COMEBACK_NOUNS") for c in verb.children)
    return (verb.lower_ in _macro_words("ACHIEVE") or comeback) and any(
        child.lower_ == "with" and any(t.ent_type_ == "TITLE" for t in child.subtree)
        for child in [*verb.children, *(c for b in back for c in b.children)])


@lru_cache(maxsize=None)
def _macro_words(name: str) -> frozenset:
    """A pattern macro's words in lower case ("ACHIEVE": the chart verbs)."""
    return frozenset(w.lower() for w in macros()[name])


def artist_subjects(doc: Doc, tokens: list[Token], ents: list[Ent], heads: set[int]) -> list[Ent]:
    """The subject of an artist's verb is someone: "Harin Moss teamed up
    with", "IU released", "Boyfriend ranked fifth with 'X'". A capitalised run there that no mention covers is
    a name; at a sentence's start, where every word has a capital, only a run of two words, an acronym ("IU") or a word
    written with a capital elsewhere in the text counts; never in ``heads``,
    the Title Case lines (``titles.headlines``). A title only the NER
    proposed gives way ("Nova Ring took first place with 'Lantern'"): its
    label is one vote, the verb's frame a firmer one, and so is a name it cut short ("[PASTEL] VERSE")."""
    taken = covered(doc, (e for e in ents if e.source != "model" or e.cls != "TITLE"))
    guessed = covered(doc, (e for e in ents if e.source == "model" and e.cls in ("PERSON", "ORG")))
    skip = not_names()
    written_capitalised = {t.text for t in tokens if t.is_title and not t.is_sent_start and t.i not in heads}
    found = []
    for token in tokens:
        if token.dep_ != "nsubj" or not _takes_artist_subject(token.head) or taken[token.idx] or token.i in heads \
                or not (capitalised(token) or token.is_upper and name_word(token.text)) or token.lower_ in skip \
                or token.ent_type_ in PLACES or token.i + 1 < len(tokens) and (tokens[token.i + 1].text == "," or tokens[
                    token.i + 1].text == ":" and token.is_upper and (token.i == 0 or "\n" in tokens[token.i - 1].text)) \
                or not name_ends(tokens, token.i + 1):
            continue  # "SEOUL, June 21 (Yonhap) -- ...", "RIYADH: ...": a dateline's place; "Walk to the Moon's": a longer name
        run = _name_run(tokens, token, taken, skip, guessed)  # the model's guess of a name's first word gives way: "[PASTEL] VERSE"
        k = run[0].i - 1 - (run[0].i > 0 and tokens[run[0].i - 1].text == "The")
        if k >= 0 and tokens[k].lower_ in _work_nouns():
            continue  # "the medical drama The Quiet Surgeon recorded 5.1%": the drama, no one
        if run[0].is_sent_start and len(run) == 1 and not token.is_upper and token.text not in written_capitalised \
                and not (_acts_on_a_title(token.head) and not token.lower_.endswith("s")):
            continue  # "Fans sang along"; but "Soyu sang 'Lamp'" (not "Fans", "Netizens")
        if any(t.is_stop for t in run):
            continue
        start, end = run[0].idx, token.idx + len(token)
        found.append(Ent(start, end, text_of(doc)[start:end], "PERSON", text_of(doc)[start:end], "cue"))
    return found


def _acts_on_a_title(verb: Token) -> bool:
    """Is a title the verb's object ("sang 'Lamp'", "wrote the lyrics for 'Lamp'")?"""
    return any(t.ent_type_ in ("TITLE", "Song", "Album") and t.dep_ in ("dobj", "pobj", "attr", "oprd", "appos")
               for t in verb.subtree if t.i > verb.i)


def _name_run(tokens: list[Token], token: Token, taken: bytearray, skip, guessed: bytearray | None = None) -> list[Token]:
    """The name ending at ``token``: it and the capitalised compounds before
    it, and a capitalised function word the parse hangs on them as a
    possessive or modifier when two words follow it ("My Chemical Romance")."""
    first = token.i
    while first > 0:
        if first > 1 and glued_hyphen(tokens, first - 1) and capitalised(tokens[first - 2]):
            first -= 2  # "HALCYON-Sol": one word the tokenizer split
        elif capitalised(tokens[first - 1]) and tokens[first - 1].lower_ not in skip \
                and (not taken[tokens[first - 1].idx] or guessed is not None and guessed[tokens[first - 1].idx]
                     or tokens[first - 1].like_num and tokens[first - 1].is_alpha) \
                and (tokens[first - 1].dep_ == "compound" or tokens[first - 1].like_num and tokens[first - 1].dep_ == "nummod"):
            first -= 1  # a number word may be the name's: "Seven Lanes'", "TEN PAST's"
        else:
            break
    before = tokens[first - 1] if first > 0 else None
    if before is not None and token.i - first >= 1 and before.is_title and before.is_stop and not before.is_sent_start \
            and (before.dep_ in ("poss", "amod") and first <= before.head.i <= token.i
                 or before.text == "The" and first > 1 and tokens[first - 2].lower_ in GROUP_NOUNS) and not taken[before.idx]:
        return tokens[first - 1:token.i + 1]  # "My Chemical Romance", "the band The Marigold Tapes"
    return tokens[first:token.i + 1]


def possessors(doc: Doc, tokens: list[Token], ents: list[Ent], heads: set[int]) -> list[Ent]:
    """Whose album or single it is, is someone: "from Nova Ring's debut
    album", "My Chemical Romance's second studio album". A capitalised run
    there that no mention covers is a name, its class left to the evidence;
    never in ``heads``, the Title Case lines."""
    taken = covered(doc, ents)
    skip, music = not_names(), _music_nouns()
    found = []
    for token in tokens:
        if token.dep_ != "poss":
            continue  # first: a head's children are many on a long parse
        # "Trina's fourth album"; "Hanbyul's new single 'Lamp'", where the parse hangs the noun on the title
        record = token.head.lower_ in music or any(c.dep_ in ("compound", "amod") and c.lower_ in music
                                                   for c in token.head.children) \
            or token.head.ent_type_ in ("TITLE", "Song", "Album")  # "Dayline's 'North Star'"
        if not record or taken[token.idx] or token.i in heads or not capitalised(token) or token.lower_ in skip \
                or token.ent_type_ in ("GPE", "Place") or token.lower_ in class_nouns():
            continue  # "Korea's first album": a country's (the NER's LOC is too often a band); "The EP's title track"
        run = _name_run(tokens, token, taken, skip)
        # at a sentence's start too ("Hanbyul's new single"); the stop and non-name words ("Today's") are no names,
        # a number word may be ("Orbit Nine's latest EP")
        if any(t.is_stop and not t.like_num and not (t is run[0] and len(run) >= 3) for t in run) \
                or _ends_a_title(tokens, run[0].i):
            continue
        first = run[0].i - (tokens[run[0].i - 1].text == "The")  # "The Decemberists' album"
        start, end = tokens[first].idx, token.idx + len(token)
        found.append(Ent(start, end, text_of(doc)[start:end], "ORG", text_of(doc)[start:end], "cue"))
    return found


def _ends_a_title(tokens: list[Token], first: int) -> bool:
    """Is the run at ``first`` the end of a longer name or title ("Blue Eyes
    Crying in the Rain's", "Lied vom Scheitern's")? Only a preposition,
    conjunction or punctuation may stand before a name, with no capitalised
    word just before it."""
    before = tokens[max(0, first - 3):first]
    if not before or before[-1].is_punct or before[-1].is_space:
        return False
    return not before[-1].is_stop or before[-1].is_title and before[-1].text != "The" \
        or any(t.is_title and not t.is_sent_start for t in before[:-1])


@lru_cache(maxsize=None)
def _music_nouns() -> frozenset:
    """Nouns for a record, whose possessor is its artist: "Trina's fourth album"."""
    return frozenset(macros()["WORK_NOUNS"]) - {"number", "hit", "hits", "record"}


FILMOGRAPHY_CONTEXT = re.compile(r"\b(?:director|directors|directed|PD|writer|writers|screenwriter|known for|starred|starring|"
                                 r"stars|cast|casting|actor|actress|actors|drama|dramas|series|film|films|movie|movies|script|"
                                 r"(?i:best (?:new |supporting )?(?:actor|actress|director)))\b")  # "BEST ACTOR: X (Moss)"
PARENTHESIS = re.compile(r"\(([^()\n]{3,160})\)")
LABELLED = re.compile(r"\s*[\w-]+\s*:")


def parenthesized_works(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Unquoted earlier works after a director's or writer's name: "Baek Soo
    Chan (Alice, Beautiful Gong Shim and A Girl Who Sees Smells)". Each
    capitalised item becomes a title, replacing the model's guesses inside."""
    people_ends = {e.end for e in ents if e.cls in ("Person", "PERSON")}
    if not people_ends or "(" not in text_of(doc):
        return ents
    for sentence in doc.sents:
        text = span_text(sentence)
        if not FILMOGRAPHY_CONTEXT.search(text):
            continue
        for match in PARENTHESIS.finditer(text):
            open_at = sentence.start_char + match.start()
            if not any(0 <= open_at - end <= 1 for end in people_ends) or LABELLED.match(match.group(1)):
                continue  # not after a name, or labelled ("(OST: Hollow Moon)"), which a title cue reads
            base = sentence.start_char + match.start(1)
            items = [(m.start() + base, m.end() + base, m.group(0)) for m in re.finditer(r"[^,]+?(?=,|\s+and\s+|$)", match.group(1))]
            items = [(a + len(t) - len(t.lstrip()) + (4 if t.lstrip().startswith("and ") else 0), b, t.strip().removeprefix("and ").strip()) for a, b, t in items]
            if not items or not all(t[:1].isupper() and len(t.split()) <= 7 for _, _, t in items):
                continue
            if any(e.start == a and e.end == b and e.source in ("gazetteer", "names") for a, b, _ in items for e in ents):
                continue  # "Lee Hong Gi (F.T. Island)": a group, not a filmography
            if any(e.cls in PLACES and a <= e.start < b for a, b, _ in items for e in ents):
                continue  # "Shutter (Thailand)": where a work is from
            credited = _crew_named_before(text_of(doc)[max(0, open_at - 60):open_at])
            if len(items) == 1 and " " in items[0][2] and not credited \
                    and any(e.start == items[0][0] and e.end == items[0][1] and e.cls == "PERSON" for e in ents):
                continue  # "Malcolm Crowe (Bruce Willis)": a character's actor; "PD Jang Woo-sung (Island Diner)" is one
            for a, b, title in items:
                ents = [e for e in ents if not (e.start < b and a < e.end)]
                ents.append(Ent(a, b, title, "TITLE", title, "listed"))
    return ents


def _crew_named_before(text: str) -> bool:
    """Does a crew's role word ("PD", "writer") stand among the last words
    before a parenthesis: the works of the person named there follow, not
    a character's actor."""
    kinds = role_kinds()
    return any(kinds.get(word.lower()) in ("director", "writer", "composer", "crew") for word in text.split()[-4:-1])


SOURCE_LINE = re.compile(r"(?im)^[ \t]*(?:sources?|photo(?: credit)?s?|credits?)[ \t]*:[ \t]*(?P<names>[^\n]{2,80}?)[ \t]*$")
SOURCE_SEPARATOR = re.compile(r"\s*(?:,|&|/|\band\b)\s*")


@lru_cache(maxsize=None)
def _known_sources() -> dict[str, tuple[str, str]]:
    """The gazetteer's names in lower case: (canonical name, class)."""
    return {row["pattern"].lower(): (row["id"], row["label"]) for row in rows("gazetteer.jsonl")
            if isinstance(row["pattern"], str)}


def source_lines(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """The outlets and portals a "Source: daum" or "Photo: Harbor Daily"
    line names (CONVENTIONS rule 5): the gazetteer's class for a name it
    knows in any case (a portal is a Platform), else an Organization."""
    text, found = text_of(doc), []
    taken = covered(doc, ents)
    for line in SOURCE_LINE.finditer(text):
        position = line.start("names")
        for piece in SOURCE_SEPARATOR.split(line.group("names")):
            start = text.index(piece, position) if piece else position
            position = start + len(piece)
            if len(piece) < 2 or not piece[0].isalnum() or len(piece.split()) > 5 or taken.find(1, start, position) >= 0:
                continue
            known = _known_sources().get(piece.lower())
            if known is None and (any(c in piece for c in ".@/") or not all(w[:1].isupper() for w in piece.split())):
                continue  # a handle, an address or a description ("sookyeong wp", "Lazenca0 translation")
            name, cls = known or (piece, "Organization")
            found.append(Ent(start, position, piece, cls, name, "cue"))
    return found


BRACKETED = re.compile(r"(?m)^[ \t]*[\[(]([A-Z][\w&.,' -]{1,60}?)[\])][ \t]*(\S?)")


def bracketed_sources(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """The news source a line names in brackets: "[YTN]" or "(SBS Star)" on a
    line of its own, "[SBS Star] EXO ..." opening one, the source after a
    reporter's name ("[Reporter Kim Ara, Daily Star Today]"): an
    Organization. Tags such as "[Spoiler]" are no names."""
    text, found = text_of(doc), []
    tags = set(lexicon()["bracket_tags"]["words"])
    taken = [(e.start, e.end) for e in ents if e.source != "model"]
    for match in BRACKETED.finditer(text):
        inner, start = match.group(1), match.start(1)
        if "," in inner:  # "Reporter Kim Ara, Daily Star Today": the source after the comma
            head, _, inner = inner.rpartition(",")
            start += len(head) + 1 + len(inner) - len(inner.lstrip())
            inner = inner.strip()
        words = inner.split()
        alone = not match.group(2)
        if not words or words[0].lower() in tags or not (alone or len(words) > 1) or any(c.isdigit() for c in inner) \
                or any(w.islower() and w not in ("of", "the", "and", "&") for w in words):
            continue  # a tag ("[Spoiler]", "[Soompi 2011]"), one word opening a line, a caption ("(Clockwise from top left)")
        end = start + len(inner)
        if any(a <= start and end <= b for a, b in taken):
            continue  # "(YTN)": the gazetteer's name already
        found.append(Ent(start, end, inner, "Organization", inner, "cue"))
    return found
