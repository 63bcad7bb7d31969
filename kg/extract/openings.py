"""Titles that open a sentence: the run of words up to the "is" or "was"
a sentence calls a work with ("Flatliners is a 1990 American film",
"Sugar, Sugar was", "Baldurs draumar (Baldur's Dreams) is"), and the
kind of work the verb after it says ("was directed by": a film); the
title a headline opens with ("Cinder Avenue Is the Hit JTBC Needed") and
the one a clause puts on a network ("When X arrived on Netflix")."""
from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Token

from ..data import alternatives, class_nouns, lexicon
from ..nlp import text_of
from .spans import Ent, whole_words
from .title_runs import SMALL_WORDS, YEAR, title_run, title_run_before

TITLE_CASE_SMALL = set(lexicon()["title_case_small_words"]["words"])  # lower case in Title Case
ON_A_NETWORK = frozenset(lexicon()["title_verbs_on_a_network"]["words"])
HEADLINE_VERBS = (":", "is", "are", "was", "were")


def opening_run(tokens: list[Token], sentence, taken: bytearray, not_titles: set) -> tuple[int, int] | None:
    """The title run opening a sentence, with words in lower case, as
    titles in other languages have ("Lasse redn is the fourth track", "C'est
    dans l'air is"), up to an "is" or "was" right after them or after a
    gloss in brackets ("Baldurs draumar (Baldur's Dreams) is"), which stays
    out (a bracket after a title is more often its translation than its
    subtitle). Such a run holds no English function word ("Their new single
    is"), unless it is in Title Case throughout ("When the Sun Comes Down
    was released")."""
    run = title_run(tokens, sentence.start, taken, not_titles)
    if run and run[1] - run[0] > 2 and tokens[run[0]].text in not_titles and YEAR.fullmatch(tokens[run[0] + 1].text):
        run = (run[0] + 2, run[1])  # "In 2020 Velvet Telephone reached": a date, then the title
    if run and run[1] < sentence.end and tokens[run[1]].is_lower and (tokens[run[1]].text in class_nouns() or tokens[
            run[0]].dep_ == "poss" and tokens[run[1] - 1].dep_ in ("amod", "compound") and tokens[run[1] - 1].head.i == run[1]):
        return None  # "Girl group Velvet's new single was": the words name a kind; "Its Arabic lyrics": describe a noun
    end = run[1] if run else sentence.start
    first, titled = tokens[sentence.start], _title_case(tokens, sentence)
    if not first.text[:1].isupper() or first.is_stop and not titled:
        return run
    j = end
    while j < min(sentence.start + 12, sentence.end) and tokens[j].lower_ not in ("is", "was"):
        t = tokens[j]
        if t.text == "(":
            return (sentence.start, j) if _gloss_then_copula(tokens, j, sentence.end) else run
        if t.text == "," and j == end and run and _comma_title(tokens, run, taken, not_titles):
            return sentence.start, _comma_title(tokens, run, taken, not_titles)  # "Sugar, Sugar was"
        if t.is_stop and t.lower_ not in SMALL_WORDS and not (titled and (t.is_title or t.lower_ in TITLE_CASE_SMALL)) or not (t.text.replace("'", "").isalpha() or t.text in ("'", "?", "!")) \
                or t.lower_ in ("'s", "\u2019s") or t.text.capitalize() in not_titles or taken.find(1, t.idx, t.idx + len(t)) >= 0:
            return run  # "Yesterday's show was a hit": a possessive or a class noun is no title's
        j += 1
    if j == end or j >= sentence.end or tokens[j].lower_ not in ("is", "was"):
        return run
    return sentence.start, j


def in_fronted_phrase(tokens: list[Token], run: tuple[int, int], comma: int) -> bool:
    """Is the run opening a sentence part of a fronted prepositional phrase
    that goes on in lower case to its comma ("In the Korean Cinema Today
    section, X ...")? The sentence's title comes after the comma."""
    return tokens[run[0]].dep_ == "prep" and run[1] < comma and tokens[run[1]].is_lower


def _comma_title(tokens: list[Token], run: tuple[int, int], taken: bytearray, not_titles: set) -> int | None:
    """The end of a title with a comma inside ("Sugar, Sugar was", "Oh Uganda,
    Land of Beauty is"): a second run of capitalised words right before the
    "is" or "was", where neither part is a date or a name the NER knows."""
    after = title_run(tokens, run[1] + 1, taken, not_titles)
    if after is None or after[1] >= len(tokens) or tokens[after[1]].lower_ not in ("is", "was"):
        return None
    if any(t.ent_type_ in ("DATE", "TIME", "PERSON", "Person") for t in tokens[run[0]:after[1]]):
        return None  # "Yesterday, Paul Kim was": a date, then the subject
    return after[1]


def _title_case(tokens: list[Token], sentence) -> bool:
    """Does the sentence open with three or more Title Case words up to an
    "is" or "was", small words aside?"""
    capitals = 0
    for t in tokens[sentence.start:min(sentence.start + 10, sentence.end)]:
        if t.lower_ in ("is", "was") or t.text == "(":
            return capitals >= 3
        if t.is_title or t.text[:1].isupper():
            capitals += 1
        elif t.lower_ not in TITLE_CASE_SMALL:
            return False
    return False


def _gloss_then_copula(tokens: list[Token], paren: int, end: int) -> bool:
    """Is the bracket at ``paren`` a gloss with an "is" or "was" after it?"""
    after = past_gloss(tokens, paren, end)
    return paren < after < end and tokens[after].lower_ in ("is", "was")


def past_gloss(tokens: list[Token], at: int, end: int) -> int:
    """Where the words after a title at ``at`` go on past a bracket right
    after it and an aside set off by commas after that ("Courage (for Hugh
    MacLennan) was", "X (Japanese: ...), subtitled Y, is", "X, also known
    as Y, was"); ``at`` if there is neither."""
    after = at
    if at < end and tokens[at].text == "(":
        close = next((k for k in range(at + 1, min(at + 30, end)) if tokens[k].text == ")"), None)
        if close is None:
            return at
        after = close + 1
    if after + 1 < end and tokens[after].text == "," and tokens[after + 1].is_lower:
        comma = next((k for k in range(after + 1, min(after + 13, end)) if tokens[k].text in (",", ".", ";")), end)
        if comma < end and tokens[comma].text == "," and all(t.lower_ not in ("is", "was") for t in tokens[after:comma]):
            return comma + 1
    return after + (after < end and after > at and tokens[after].text == ",")


def verb_says(words: list[str], verbs: dict, nouns: dict) -> str | None:
    """The work class the verb after a sentence's opening run says ("was
    directed by": a film); of coordinated participles ("was written and
    directed by"), the one only a screen work or album takes wins. "" for
    a work of a kind the words do not say ("was released in 2009")."""
    found = [verbs.get(tuple(words[:n])) for n in range(4, 0, -1)]  # "was set to music", "was first released"
    if words[:1] in (["was"], ["is"]):
        for word in words[2:]:
            if word == "by" or not (word.isalpha() or word == ","):
                break
            found.append(verbs.get((words[0], word)))
    # "was released in 1943, and was written by A and directed by B": any participle with an agent,
    # and those coordinated with it ("directed and written by", "written, directed and produced by")
    for by in (k for k, word in enumerate(words) if word == "by"):
        j = by - 1
        while j >= 0 and (words[j] in ("and", ",") or ("was", words[j]) in verbs):
            found.append(verbs.get(("was", words[j])))
            j -= 1
    found = [cls for cls in found if cls]
    cls = next((cls for cls in found if cls not in ("Song", "Work")), found[0] if found else None)
    if cls == "Work":  # "was released": a work, and what kind the words after may say ("as the third single")
        after = words[words.index("as") + 1:words.index("as") + 6] if "as" in words else []
        cls = next((nouns[w] for w in after if w in nouns), "")
    return cls


def after_fronted_credit(tokens: list[Token], sentence, verbs: dict, nouns: dict, taken: bytearray, not_titles: set):
    """The title a fronted participle's clause stands before ("Directed by
    Stephen Kijak, Stones in Exile premiered at", "Written by A and B, X
    was", "Released on May 3, 2025, X is"): the run of capitalised words
    right after a comma of the clause, with a verb after it; and the kind of
    work its opening participles say, as ``verb_says`` reads them after a
    title. None elsewhere."""
    start, end = sentence.start, sentence.end
    j = start
    while j < end and (tokens[j].lower_ in ("and", ",") or ("was", tokens[j].lower_) in verbs):
        j += 1
    if not any(("was", t.lower_) in verbs for t in tokens[start:j]) or j >= end or not tokens[j].is_lower:
        return None
    for k in range(j + 1, min(j + 16, end - 1)):
        if tokens[k].text != ",":
            continue
        run = title_run(tokens, k + 1, taken, not_titles)
        if run and run[1] < end and tokens[run[1]].is_lower and tokens[run[1]].is_alpha and tokens[run[1]].dep_ != "cc":
            # its verb (not "starring A, B and C, the film": a list's next name)
            return run, verb_says(["was", *(t.lower_ for t in tokens[start:j])], verbs, nouns)  # the participles
        if not run and tokens[k + 1].text[:1].islower():
            return None  # "Directed by A, the film stars B": a description, no title
    return None


def rated(tokens: list[Token], run: tuple[int, int], sentence) -> bool:
    """Does the run opening a sentence get a rating there ("Solo Weekend averaged
    6.8%", "Barista Kang's second episode drew 2.1%")? Only a programme has
    one: the run is the subject of the verb, or owns the episode, with a
    percentage in the words after it."""
    last = tokens[run[1] - 1]
    owns_episode = last.dep_ == "poss" and last.head.lower_ in EPISODE_WORDS
    if not (last.dep_ == "nsubj" and last.head.lower_ not in ("is", "was", "are", "were") or owns_episode):
        return False  # "The Witch is Alive 8 TV Chosun 1.6%": a title's own "is"
    return any(t.ent_type_ == "PERCENT" or t.text == "%" for t in tokens[run[1]:min(run[1] + 10, sentence.end)])


EPISODE_WORDS = frozenset(lexicon()["ratings"]["episode_nouns"]) | {"finale", "premiere"}



def on_a_network(tokens: list[Token], i: int, networks: set[int], taken: bytearray, not_titles: set) -> tuple[int, int] | None:
    """The title before a verb at ``i`` that puts it on a broadcaster or a
    video service starting at one of ``networks`` ("When The Quiet Ledger
    arrived on Netflix"); not a name after "by" ("a series created by A that
    premiered on HBO")."""
    if tokens[i].lower_ not in ON_A_NETWORK or i + 3 >= len(tokens) or tokens[i + 1].lower_ != "on" \
            or tokens[i + 2 + (tokens[i + 2].lower_ == "the")].idx not in networks:
        return None
    run = title_run_before(tokens, i, taken, not_titles)
    if run and run[1] - run[0] > 1 and tokens[run[0]].dep_ in ("mark", "advmod"):
        run = (run[0] + 1, run[1])  # the clause's "When", no word of the title
    if run and (tokens[run[1] - 1].lower_ in SMALL_WORDS or run[0] > 0 and tokens[run[0] - 1].lower_ == "by"):
        return None
    return run


def headline_subject(doc, tokens: list[Token], ents: list, taken: bytearray, not_titles: set) -> tuple[int, int] | None:
    """The capitalised words a headline opens with, up to a colon or an
    "is" ("Cinder Avenue Is the Slow-Burn Hit JTBC Needed", "The Quiet
    Ledger: How a thriller became a hit"), when the body names them again
    and nothing names them a company or a band: what the article
    is about, a work of the kind the evidence says."""
    end = next((k for k in range(min(9, len(tokens))) if tokens[k].lower_ in HEADLINE_VERBS or "\n" in tokens[k].text), None)
    if end is None or end < 2 or "\n" in tokens[end].text or tokens[0].lower_ in SMALL_WORDS and tokens[0].lower_ != "the":
        return None
    run = tokens[:end]
    if any(not (t.text[:1].isupper() or t.lower_ in SMALL_WORDS) or t.ent_type_ in ("DATE", "TIME")
           or taken.find(1, t.idx, t.idx + len(t)) >= 0 for t in run) or run[0].text in not_titles and run[0].text != "The":
        return None
    text = text_of(doc)  # Doc.text joins every token anew on each call
    a, b = run[0].idx, run[-1].idx + len(run[-1])
    title = text[a:b]
    # a name elsewhere ("Hollow Saints seemed to arrive fully formed": the NER's organisation), no title
    named_else = {e.surface for e in ents if e.cls != "TITLE" and (e.source != "model" or e.cls in ("ORG", "NORP"))}
    body = text.find("\n", b)
    return (0, end) if body > 0 and any(whole_words(text[body:], title)) and title not in named_else else None


REVIEW_HEADLINE = re.compile(r"(?P<artist>[A-Z][^\n:–—|]{0,40}?)\s*(?::|\s[–—]\s)\s*(?P<title>[^\n:–—|]{1,60}?)\s+(?:album\s+|EP\s+)?review\b", re.I)


def _review_headline(text: str) -> re.Match | None:
    """A review's headline naming the artist, then the record ("Hollow Saints: Paper Lanterns review –
    Leeds quartet take the long way round", "Mira Lune – Glass Weather review")."""
    said = REVIEW_HEADLINE.match(text, 0, text.find("\n") if "\n" in text else len(text))
    return said if said and said.group("artist")[:1].isupper() and said.group("title")[:1].isupper() else None


def reviewed_artist(doc, ents: list) -> list:
    """The artist of a review's headline, a name where no mention covers it (its kind is the evidence's):
    the name the headline opens with is then no title."""
    said = _review_headline(text_of(doc))
    start, end = said.span("artist") if said else (0, 0)
    if said is None or any(e.start < end and start < e.end for e in ents):
        return []
    return [Ent(start, end, said.group("artist"), "PERSON", said.group("artist"), "cue")]


def reviewed_record(doc, taken: bytearray) -> tuple[int, int] | None:
    """The record a review's headline names after its artist: an album."""
    said = _review_headline(text_of(doc))
    span = doc.char_span(*said.span("title"), alignment_mode="contract") if said else None
    return (span.start, span.end) if span is not None and len(span) and taken.find(1, *said.span("title")) < 0 else None


_ARTIST_NOUNS = {cls: alternatives(lexicon()["class_nouns"][cls]) for cls in ("MusicGroup", "Person")}
# words that end the description's modifiers: "a 1987 song by the American band": a song's, not a band's
_NOT_MODIFIERS = alternatives(["by", "of", "from", "for", "with", "and", "in", "on", "at", "to", "that", "which", "who",
                               *(w for cls in ("Song", "Album", "TVSeries", "Film") for w in lexicon()["class_nouns"][cls])])
# "MOONWELL (문웰) is a five-member South Korean girl group", "Tala Reyes is a Filipino singer"
DESCRIBED_ARTIST = re.compile(
    r"(?P<name>[A-Z0-9][\w&.!'-]*(?: [A-Z0-9][\w&.!'-]*){0,3})(?: \([^()\n]{1,40}\))? (?:is|was|are|were) an? "
    rf"(?:(?!(?:{_NOT_MODIFIERS}) )[\w-]+ ){{0,5}}?(?:(?P<MusicGroup>{_ARTIST_NOUNS['MusicGroup']})|(?P<Person>{_ARTIST_NOUNS['Person']}))\b")


def described_artists(doc, ents: list) -> list:
    """The name a sentence opens with and calls a group or a singer ("X is a South Korean girl
    group"), where no mention covers it yet (or only the NER's guess, which gives way)."""
    text, found = text_of(doc), []
    for sentence in doc.sents:
        said = DESCRIBED_ARTIST.match(text, sentence.start_char, sentence.end_char)
        start, end = said.span("name") if said else (0, 0)
        words = said.group("name").split() if said else []
        if said is None or any(e.start < end and start < e.end and e.source != "model" for e in ents) \
                or words[0].lower() in STOP_WORDS and (words[0] != "The" or len(words) < 2):
            continue  # "He is a singer", "This is a band": no name
        found.append(Ent(start, end, said.group("name"), "MusicGroup" if said.group("MusicGroup") else "Person",
                         said.group("name"), "cue"))
    return found


PIPED = re.compile(r"[ \t]+\|[ \t]+")
_SERIES_NOUNS = re.compile(rf"(?i)\b(?:{alternatives(lexicon()['class_nouns']['TVSeries'])}|miniseries|drama)\b")


def piped_series_title(doc, ents: list) -> tuple[int, int] | None:
    """A programme page's headline, its title first and then its channel and kind ("Fox Moon Inn |
    MBC Monday-Tuesday Miniseries | Program Information"): a series' title, by its characters. The
    page's layout outweighs what a name finder made of its words ("Moon Gate" in "Moon Gate Inn")."""
    text = text_of(doc)
    line = text[:text.find("\n") if "\n" in text else len(text)]
    parts = PIPED.split(line)
    if len(parts) < 2 or not _SERIES_NOUNS.search(parts[1]) or not parts[0][:1].isupper():
        return None
    second = line.find(parts[1], len(parts[0]))
    named = any(second <= e.start < second + len(parts[1]) and e.cls in ("Broadcaster", "Platform") for e in ents)
    return (0, len(parts[0])) if named else None
