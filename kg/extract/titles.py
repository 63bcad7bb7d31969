"""Titles without quotation marks, found where only a title can stand:
after a title cue ("the drama Crimson Harbor", "OST: Hollow Moon"),
before a year in parentheses ("Kill It (2019)"), as the subject a
sentence calls a work ("Flatliners is a 1990 American film"). (Titles in a
filmography after a name, "Baek Soo Chan (Alice, Healer)", are in slots.py.)"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..data import lexicon
from ..nlp import text_of
from .ballot import clear_winner
from .cast_lists import listed_lines
from .dashed import names_a_section
from .listing import role_kinds
from .spans import POSSESSIVE, Ent, covered, screen_channel
from .spans import WORKS as WORK_CLASSES
from .values import PART_WORD, SIDES_DASH
from .title_runs import SMALL_WORDS, YEAR, foreign_tail, listed_after, owned_title, seasons_after, split_at_and, \
    title_run, title_run_before, with_comma_part
from .described import apposed_kind, described_as, lookup, work_nouns
from .fields import blocks as field_blocks, dash_field
from .openings import (after_fronted_credit, headline_subject, in_fronted_phrase, on_a_network, opening_run, past_gloss,
                       piped_series_title, rated, reviewed_record, verb_says)

PLACE_LABELS = frozenset({"GPE", "LOC", "Place"})
PLACE_PHRASES = frozenset(tuple(p.split()) for p in lexicon()["title_cue_phrases"]["_or_a_place"])
RANKING_WORDS = frozenset(lexicon()["ranks"]["chart_words"]) | {"top", "hot"}
# video services, whose charts rank series: one's own series may follow its possessive ("Netflix's The Glass Tank")
# the roles only a screen work has: before one, an owner's capitalised words are its title
SCREEN_ROLES = frozenset({"director", "writer"})
# names of a kind that no work is, by the rulers (the NER's PERSON often is a title: "Glass Orchard's director")
NAMED_NOT_WORKS = frozenset({"Person", "ORG", "Organization", "MusicGroup", "GPE", "Place", "NORP"})
ENTRY_VERBS = frozenset(lexicon()["ranks"]["entry_verbs"] + lexicon()["ranks"]["movement_verbs"] + lexicon()["ranks"]["rank_verbs"])
ARTIST_LIKE = frozenset({"MusicGroup", "Person", "PERSON", "ORG"})
TAGS = frozenset(lexicon()["bracket_tags"]["words"])  # a headline's "Review:" before a title
OWNERS = frozenset({"her", "his", "their", "its"})
PERSON_WORDS = frozenset(w.lower() for w in lexicon()["person_cues"] + lexicon()["group_cues"])


def positioned_titles(doc: Doc, tokens: list[Token], ents: list[Ent], headings: set[int]) -> list[Ent]:
    """Unquoted titles where only a title can stand: after a title cue
    ("the drama Crimson Harbor", "OST: Hollow Moon", "starring in Dinner
    Mate"), before a year in parentheses ("Kill It (2019)"), and as the
    subject a sentence calls a work ("Flatliners is a 1990 American film").
    Each is a run of capitalised words, small words allowed inside; none
    in ``headings``, the Title Case lines (``headlines``)."""
    lex = lexicon()
    cues, phrases, phrases_after, not_titles, naming, qualifiers = _cue_tables()
    piped = piped_series_title(doc, ents)
    series = doc.char_span(*piped, alignment_mode="contract") if piped else None
    if series:
        ents = [e for e in ents if not (e.start < piped[1] and piped[0] < e.end)]  # "Moon Gate Inn | MBC Miniseries"
    taken = covered(doc, (e for e in ents if e.source != "model"))
    found: list[tuple[int, int, str]] = [(*head, "")] if (head := headline_subject(doc, tokens, ents, taken, not_titles)) else []
    found += [(*record, "Album")] if (record := reviewed_record(doc, taken)) else []
    found += [(series.start, series.end, "TVSeries")] if series else []
    # where a broadcaster's or a video service's name ends ("tvN's First Lady", "Netflix's The Glass Tank")
    channels = [e for e in ents if screen_channel(e)]
    networks, on_networks = {e.end for e in channels}, {e.start for e in channels}
    people = {(e.start, e.end) for e in ents if e.cls == "PERSON"}  # the NER's people ("On MBC, Jessica Alba said")
    directors = {e.end for e in ents if e.cls in ("Person", "PERSON")  # where the name of "director X" ends
                 and role_kinds().get((text_of(doc)[max(0, e.start - 12):e.start].lower().split() or [""])[-1]) == "director"}
    words = [t.lower_ for t in tokens]
    ents_by_end = {e.end: e.cls for e in ents}  # the owner's class, by where its name ends (before "'s")
    # "G's X album": between an owner and a record's noun stands a title (a screen work's owner may be its author)
    owned_nouns = {noun: cls for noun, cls in work_nouns().items() if cls in ("Song", "Album")}
    for i, word in enumerate(words):
        if tokens[i].i in headings and not (i + 1 < len(tokens) and word == ":" and (word, words[i + 1]) in phrases_after):
            continue  # in Title Case, capitals say nothing (but a recap's "Harbor Lights: Episodes 5-6" heads its title)
        # A capitalised cue is part of a name ("Official Singles Top 100"), an acronym is not ("EP").
        cue = not tokens[i].is_title or len(tokens[i]) == 1 or tokens[i].is_sent_start \
            or i + 1 < len(tokens) and tokens[i + 1].text == "["  # "3rd Mini Album [Paper Boats]": the bracket marks the title
        # a number's compound adjective is no cue ("Four-piece Glasshouse Riot": a band; a "mini-album" is one)
        cls = _cue_class(cues, word) if cue and not (i > 1 and words[i - 1] == "-" and tokens[i - 2].like_num) else None
        if cls and word not in cues and any(c.dep_ in ("nsubj", "dobj") for c in tokens[i].children):
            cls = None  # a verb ending in s, not a plural cue ("which features American rappers")
        elif cls == "Song" and any(t.idx + len(t) in networks for t in tokens[max(0, i - 2):i]) \
                and not any(t.is_punct for t in tokens[max(0, i - 2):i]):
            cls = "TVSeries"  # "the 2021 tvN hit Spring Debt", "the KBS2 weekend hit X": a network's hit is a series
        placed = cls is None and i > 0 and (words[i - 1], word) in PLACE_PHRASES
        if cls is None and i > 0:
            cls = phrases.get((words[i - 1], word))
            if cls is None and i > 1 and tokens[i - 1].like_num:  # "episode 6 of X"
                cls = phrases.get((words[i - 2], word))
        if cls is None and (word in ("'s", "'") or word == "," and i > 1 and words[i - 2] == "on") and tokens[i].idx in networks \
                or cls is None and word in LINE_MARKS and i > 0 and tokens[i - 1].idx + len(tokens[i - 1]) in networks \
                and (i < 2 or "\n" in tokens[i - 2].text):
            cls = "TVSeries"  # "tvN's First Lady": a network's own series; "On JTBC, Marry Me Twice slipped"; "KBS2 | X" heading
        elif cls is None and word in ("'s", "'") and i > 0 and tokens[i - 1].text[:1].isupper() and seasons_after(tokens, i):
            run = title_run_before(tokens, i, taken, not_titles)  # "Glass Harbor's second season"
            found += [(*run, "TVSeries")] if run else []
        elif cls is None and word in ("'s", "'") and i > 0 and tokens[i - 1].text[:1].isupper() and i + 1 < len(tokens) \
                and role_kinds().get(words[i + 1]) in SCREEN_ROLES and tokens[i - 1].ent_type_ not in NAMED_NOT_WORKS:
            run = title_run_before(tokens, i, taken, not_titles)  # "Glass Orchard's director, Pi Seung-hoon"
            found += [(*run, "TVSeries")] if run else []
        elif cls is None and word == "'s" and i > 1 and YEAR.fullmatch(tokens[i - 1].text) and words[i - 2] in ("of", "in", "from", "since"):
            cls = ""  # "the theme song of 2008's Rainy Day Detective": a work of that year, which kind the evidence says
        elif cls is None and i > 1 and YEAR.fullmatch(tokens[i - 1].text) and words[i - 2] in OWNERS and tokens[i].is_lower \
                and tokens[i].is_alpha and word not in role_kinds() and word not in PERSON_WORDS:
            cls = ""  # "her 2022 breakout Kitchen Radio": a work of hers of that year (not "his 2019 co-star Park")
        elif cls is None and word in ("'s", "'") and tokens[i].idx in directors:
            cls = ""  # "director Yoon Sung-hyun's Time to Hunt": a screen work, which kind the evidence says
        elif cls is None and (word in naming["always"] or word in naming["after_a_work_noun"]) \
                and "(" not in words[max(0, i - 2):i] and (i == 0 or words[i - 1] not in qualifiers):
            # not "X (originally titled Y)", "X, also titled Y": another name of X (ALSO_KNOWN_AS in kg/extract/__init__.py)
            cls = _named_kind(words, i, cues, 5 if word in naming["always"] else 2, word in naming["always"])
        if cls is not None and i + 1 < len(tokens):
            start = i + 1 + (words[i + 1] in (",", ":", "["))  # "Mini Album [Paper Boats]": brackets as quotes
            while start + 1 < len(tokens) and re.fullmatch(rf"(?i)(?:{PART_WORD})\.?\d*", tokens[start].text) \
                    and (tokens[start].text[-1].isdigit() or tokens[start + 1].like_num):
                start += 1 + tokens[start + 1].like_num  # "OST Part 3 X", "OST Vol.2 X"; not "album Season Of Glass"
            run = title_run(tokens, start, taken, not_titles)
            # "TV3's Akasia slot": the name modifies an English noun, whose words are no title's
            run = run if word in ("'s", "'") and run and tokens[run[1] - 1].head.i == run[1] else foreign_tail(tokens, run, taken)
            if run and word in ("'s", "'") and (any(t.lower_ in RANKING_WORDS for t in tokens[run[0]:run[1]])
                                                or tokens[run[1] - 1].dep_ in ("compound", "amod")
                                                and tokens[run[1] - 1].head.i > tokens[run[1] - 1].i):
                run = None  # "Netflix's Global Top 10": a ranking, not a series; "Netflix's Seoul office": the office's
            if run and word == "," and (tokens[run[0]].idx, tokens[run[1] - 1].idx + len(tokens[run[1] - 1])) in people:
                run = None  # "On MBC, Jessica Alba said": a person the NER names whole ("On JTBC, Marry Me Twice slipped": no one)
            if run and placed and all(t.ent_type_ in PLACE_LABELS for t in tokens[run[0]:run[1]]):
                run = None  # "her performance in London", "appeared in Seoul": a place, not a work
            if run and tokens[run[0]].like_num and (run[1] == run[0] + 1 or tokens[run[0] + 1].is_lower):
                run = None  # "peaked at number 34 on the American chart", "track 5 of": a count or a rank ("the song 7 Rings" is one)
            if run and run[1] + 1 < len(tokens) and words[run[1]] in ("'s", "'", "\u2019s"):
                if tokens[run[1] - 1].dep_ != "poss" and any(w in SMALL_WORDS for w in words[run[0] + 1:run[1] - 1]):
                    run = (run[0], run[1] + 1)  # "KBS2's Golden Days at Mom's remained": the title's own "'s"
                elif tokens[run[1] + 1].is_lower and tokens[run[1] + 1].is_alpha:
                    run = None  # "released Suga's tour vlog": whose it is, not what ("EP Prospekt's March" is one)
            if run and words[i + 1] == "," and run[1] < len(tokens) and (tokens[run[1]].is_alpha or words[run[1]] in ("'s", "'")) \
                    and tokens[run[1] - 1].text not in "!?":  # "drama, Can't Lose! will air": the title closes itself
                run = None  # "on that OST, Bobby Kim sang", "OST, Fly to the Sky's member": a clause, not an apposition
            if run:
                # "the two songs Love of Iris and Do Not Forget": two titles
                run = split_at_and(tokens, run) if cues.get(word[:-1]) and word.endswith("s") else [run]
                found += [(*r, cls) for r in [*run, *listed_after(tokens, run[-1], taken, not_titles)]]
        elif tokens[i].text == "(" and i + 2 < len(tokens) and YEAR.fullmatch(tokens[i + 1].text) and tokens[i + 2].text == ")":
            run = title_run_before(tokens, i, taken, not_titles)
            if run:
                found.append((*with_comma_part(tokens, run, taken, not_titles), ""))
        elif word == "(" and i + 2 < len(tokens) and tokens[i + 1].idx in on_networks and (words[i + 2] == ")" or i + 4 < len(
                tokens) and words[i + 2] == "," and (YEAR.fullmatch(tokens[i + 3].text) and words[i + 4] == ")"
                                                     or _item_heading(text_of(doc), tokens[i].idx))):
            run = title_run_before(tokens, i, taken, not_titles)  # "Midnight Tollgate (JTBC, 2022)", "X (KBS2)": a channel's series
            if run and run[1] - run[0] > 2 and words[run[0]] in TAGS and words[run[0] + 1] == ":":
                run = (run[0] + 2, run[1])  # "Review: Sunflower Tenants (KBS2)": the headline's label is no part of it
            if run and "".join(t.text[0] for t in tokens[run[0]:run[1]] if t.text[:1].isupper()) == tokens[i + 1].text:
                run = None  # "the Public Television Service (PTS) drama": the channel's own name, spelt out
            run = run and (run[0], run[1] - (words[run[1] - 1] in ("ost", "soundtrack")))  # "Landlady Kim OST (ENA, 2023)"
            found += [(*run, "TVSeries")] if run and run[1] > run[0] else []
        elif run := on_a_network(tokens, i, on_networks, taken, not_titles):
            found.append((*run, ""))  # "When The Quiet Ledger arrived on Netflix"
        elif i + 1 < len(tokens) and (word, words[i + 1]) in phrases_after:
            run = title_run_before(tokens, i, taken, not_titles)  # "the Harbor Lights script reading"
            if run:
                end = min(run[1], i)  # the title ends at its cue ("Harbor Lights: Episodes 5-6")
                end -= end - 1 > run[0] and words[end - 1] in RECAP_WORDS  # "Knowing Bros Recap: Episode 63"
                found += [(run[0], end, phrases_after[word, words[i + 1]])] if run[0] < end else []
        if word == "," and i > 2 and (tokens[i - 1].text[:1].isupper() or _season(tokens[i - 1], tokens[i - 2])) \
                and (kind := apposed_kind(tokens, i, work_nouns())) \
                and (run := title_run_before(tokens, i, taken, not_titles)):
            owner = max((k for k in range(run[0] - 1, i) if words[k] in POSSESSIVE), default=run[0] - 1)
            if owner + 1 < i and (tokens[owner + 1].idx, tokens[i - 1].idx + len(tokens[i - 1])) not in people:
                found.append((owner + 1, i, kind))  # "Velvet Tide's Tidal Lock, the record that", "X 2, the Mnet show,"
        if i > 2 and word in owned_nouns and tokens[i - 1].text[:1].isupper() and tokens[i].dep_ != "compound":
            run = owned_title(tokens, words, i, taken, not_titles)  # "Mobb Deep's Hell on Earth album"
            if run:
                found.append((*run, owned_nouns[word]))
        entry_verb = word in ENTRY_VERBS or word == "re" and "".join(words[i:i + 3]) in ENTRY_VERBS  # "re-enters"
        if i > 2 and entry_verb and tokens[i - 1].text[:1].isupper() \
                and (run := owned_title(tokens, words, i, taken, not_titles)) \
                and ents_by_end.get(tokens[run[0] - 1].idx) in ARTIST_LIKE \
                and not any(t.ent_type_ in ("PERSON", "Person") for t in tokens[run[0]:run[1]]):
            found.append((*run, ""))  # "group Crestline's Tidal Code slips to No. 4": an artist's ranked work
        if word in RECORDED and i + 1 < len(tokens) and tokens[i + 1].text[:1].isupper() \
                and (run := title_run(tokens, i + 1, taken, not_titles)) and _for_a_record(words, run[1]):
            found.append((*run, "Song"))  # "she recorded Quiet Snowfall for the soundtrack of": a song
    if doc.has_annotation("DEP"):
        nouns = work_nouns()
        verbs = {tuple(p.split()): cls for cls, ps in lex["title_verbs"].items() if not cls.startswith("_") for p in ps}
        adverbs = set(lex["title_verbs"]["_adverbs"])
        works_made = set(lex["made_of_works_only"]["words"])
        people = {(e.start, e.end) for e in ents if e.cls in ("PERSON", "Person")}
        for sentence in doc.sents:
            if sentence.start in headings:
                continue
            if fronted := after_fronted_credit(tokens, sentence, verbs, nouns, taken, not_titles):
                found.append((*fronted[0], fronted[1]))
                continue
            comma = next((k for k in range(sentence.start, min(sentence.start + 8, sentence.end)) if words[k] == ","), None)
            if comma is not None and (later := title_run(tokens, comma + 1, taken, not_titles)) and rated(tokens, later, sentence):
                found.append((*later, "TVSeries"))  # "On the variety side, Solo Weekend averaged 6.8%"
            run = opening_run(tokens, sentence, taken, not_titles)
            if run and comma is not None and in_fronted_phrase(tokens, run, comma):
                run = later  # "In the Korean Cinema Today section, Glasshouse Boys, directed by A, proved"
            if not run:
                continue
            cls = described_as(doc[run[0]:run[1]], nouns, copula_only=True)
            if cls not in WORK_CLASSES:
                cls = apposed_kind(tokens, run[1], nouns) or cls
            person = (tokens[run[0]].idx, tokens[run[1] - 1].idx + len(tokens[run[1] - 1])) in people
            # a person stars in a work; a work stars someone ("Lookwell starred Adam West", whatever the NER thought)
            stars_someone = words[run[1]:run[1] + 1] in (["stars"], ["starred"]) and run[1] + 1 < len(tokens) \
                and tokens[run[1] + 1].ent_type_ in ("PERSON", "Person")
            at = past_gloss(tokens, run[1], sentence.end)
            after = words[at:min(at + 20, sentence.end)]
            after = after[1:] if after[:1] and after[0] in adverbs else after
            aside = words[run[1]:at]  # "X, directed by A, proved a hit": the aside's participle says the kind
            # no person is "directed by" or "written by": that outweighs the NER's guess
            made = any(word in works_made and nxt == "by" for said in (aside, after) for word, nxt in zip(said, said[1:])) \
                or _released_as_a_record(after, nouns)  # nor "released ... as the lead single"
            nobody = after[:1] in (["stars"], ["starred"]) and not (run[1] + 1 < len(tokens) and tokens[run[1] + 1].text[:1].isupper())
            if cls not in WORK_CLASSES and (not person or stars_someone or made) and not nobody:
                # not "Top stars like ...": a work stars someone named
                cls = verb_says(after, verbs, nouns)
                cls = cls or (verb_says(aside, verbs, nouns) if aside else None) or cls
            if cls not in WORK_CLASSES and cls != "" and rated(tokens, run, sentence):
                cls = "TVSeries"  # whatever the NER thought: no one but a programme "averaged 6.8%"
            if cls in WORK_CLASSES or cls == "":
                found.append((*run, cls))
    cued = {text_of(doc)[tokens[a].idx:tokens[b - 1].idx + len(tokens[b - 1])] for a, b, _ in found}
    found += _dash_line_titles(doc, tokens, ents, taken, not_titles, cued)
    found += _field_block_titles(doc, taken)
    added = []
    for start, end, cls in found:
        a, b = tokens[start].idx, tokens[end - 1].idx + len(tokens[end - 1])
        edition = text_of(doc).find(" (", a, b) if text_of(doc)[b - 1] == ")" else -1  # "X (Soundtrack from the Netflix Series)"
        if taken.find(1, a, edition if edition > a else b) >= 0:
            continue
        taken[a:b] = b"\1" * (b - a)
        ents = [e for e in ents if not (e.start < b and a < e.end)]
        title = text_of(doc)[a:b]
        added.append(Ent(a, b, title, "TITLE", title, "cue-title", cue=cls))
    return ents + added


@lru_cache(maxsize=None)
def _cue_tables() -> tuple:
    """The lexicon's title cues as positioned_titles looks them up, built
    once: cue words, two-word phrases before and after a title, words that
    are no title, the naming words ("titled") and what before one makes it
    an alias ("also titled")."""
    lex = lexicon()
    cues = {w.lower(): cls for cls, words in lex["title_cues_before"].items() for w in words}
    phrases = {tuple(p.lower().split()): cls for cls, ps in lex["title_cue_phrases"].items() if not cls.startswith("_") for p in ps}
    phrases_after = {tuple(p.lower().split()): cls for cls, ps in lex["title_cue_phrases_after"].items()
                     if not cls.startswith("_") for p in ps}
    # a class noun written with a capital ("MBC's Drama") is no title either
    not_titles = set(lex["not_titles"]) | {w.capitalize() for cls, ws in lex["class_nouns"].items() if not cls.startswith("_") for w in ws} \
        | {w.capitalize() for w in lex["transparent_nouns"]["words"]}  # "Lyrics for the song were penned by"
    naming = lex["title_naming_words"]
    qualifiers = {p.split()[0] for p in lex["alias_phrases"]["words"] if len(p.split()) == 2
                  and p.split()[1] in naming["always"] + naming["after_a_work_noun"]}
    return cues, phrases, phrases_after, frozenset(not_titles), naming, qualifiers


def _named_kind(words: list[str], i: int, cues: dict, reach: int, always: bool) -> str | None:
    """The kind of work a naming word at ``i`` ("titled", "called") names:
    that of the nearest work noun up to ``reach`` words before it ("His song
    is titled", "the OST, titled"); "" (a work, kind left to the evidence)
    if there is none and ``always``; else None."""
    for word in reversed(words[max(0, i - reach):i]):
        if word in (".", "!", "?", ";"):
            break
        cls = _cue_class(cues, word)
        if cls:
            return cls
    return "" if always else None


def _cue_class(cues: dict, word: str) -> str | None:
    """The class a cue word says, in the singular or the plural ("dramas")."""
    return cues.get(word) or (cues.get(word[:-1]) if word.endswith("s") else None)


def _released_as_a_record(words: list[str], nouns: dict) -> bool:
    """Do the words after a sentence's opening run say it came out as a
    record ("was released in 1974 as the lead single from")? No person does."""
    at = next((k for k, w in enumerate(words) if w == "as"), None) if words[1:2] == ["released"] else None
    return at is not None and any(nouns.get(w) in ("Song", "Album") for w in words[at + 1:at + 5])


def _season(number: Token, before: Token) -> bool:
    """Is ``number`` a title's season digit ("Stage Frontier 2,"), not a date's day ("In March 2,")?"""
    return len(number.text) == 1 and number.is_digit and not before.ent_type_ and before.text[:1].isupper()


RECORDED = frozenset(lexicon()["recorded_for"]["verbs"])
RECORD_FOR = frozenset(lexicon()["recorded_for"]["nouns"])


def _for_a_record(words: list[str], end: int) -> bool:
    """Does "for the soundtrack", "for her album" follow the run ending at ``end``?"""
    return end + 2 < len(words) and words[end] == "for" and words[end + 1] in ("the", "her", "his", "their", "its", "a") \
        and words[end + 2] in RECORD_FOR


LINE_MARKS = {"|", "–", "—", "-", "·", ":"}  # "KBS2 – X (weekend drama)": a heading's network, then its series
RECAP_WORDS = frozenset(w.lower() for w in lexicon()["title_cue_phrases_after"]["_before_the_cue"])


# "SOYOU - The Only One", and in a numbered list "1. The Dream Chapter: STAR by TXT"
NUMBERED = re.compile(r"[ \t]*\d{1,3}[.)][ \t]")
HEADING_ASIDE = re.compile(r"\([^()\n]*\)[ \t]*(?:\n|$)")


def _item_heading(text: str, at: int) -> bool:
    """Does the bracket at ``at`` close a numbered item's heading ("2. Second Serve (tvN, also on TVING)")?"""
    return bool(HEADING_ASIDE.match(text, at)) and bool(NUMBERED.match(text, text.rfind("\n", 0, at) + 1))


DASH_LINE = re.compile(r"(?m)^[ \t]*(?:\d{1,3}[.)][ \t]+(?=[^\n]+\sby\s)([^\n]{1,60}?)\s+by\s+([^\n]{1,60}?)[ \t]*$"
                       rf"|(?:\d{{1,3}}[.)][ \t]+)?([^\n]{{1,60}}?){SIDES_DASH}([^\n]{{1,80}}?)[ \t]*$)")


PAIRED = re.compile(r"\s+(?:&|x|×|and)\s+")


def _field_block_titles(doc: Doc, taken: bytearray) -> list[tuple[int, int, str]]:
    """The title of a heading over field lines ("2012 Best Drama | Moon
    Embracing The Sun" over "Starring: ...", "Network: MBC"): a series when a
    field names its network, else a work of the kind the evidence says."""
    found = []
    for block in field_blocks(text_of(doc)):
        span = doc.char_span(*block.title, alignment_mode="contract")
        if span is not None and len(span) and taken.find(1, *block.title) < 0:
            found.append((span.start, span.end, "TVSeries" if any(p == "broadcaster" for p, _, _ in block.fields) else ""))
        for prop, start, end in block.fields:  # "Album: Real": a title in an album's position
            value = doc.char_span(start, end, alignment_mode="contract") if prop == "inAlbum" else None
            if value is not None and len(value) and taken.find(1, start, end) < 0:
                found.append((value.start, value.end, "Album"))
    return found


def _duet(text: str, start: int, end: int, artists: set) -> bool:
    """Does a line part pair artists, one of them known ("Jung Jun-ha & Kim C
    – Will Be Gone", "Gil & BoA – G.A.B")? A list with commas is rather a
    heading's ("IU, BTS, Taeyeon - Top Trio")."""
    bounds, position = [], start
    for separator in PAIRED.finditer(text, start, end):
        bounds.append((position, separator.start()))
        position = separator.end()
    bounds.append((position, end))
    return len(bounds) > 1 and "," not in text[start:end] and any(b in artists for b in bounds) \
        and all(text[a:a + 1].isupper() for a, _ in bounds)


def _dash_line_titles(doc: Doc, tokens: list[Token], ents: list[Ent], taken: bytearray, not_titles: set,
                      cued: set[str]) -> list:
    """Lines that set a title beside its artist with a dash ("SOYOU - The
    Only One", "Crayon Pop – THE STREETS GO DISCO (September 26)"): the
    side that is not a name is the title. A numbered list sets its artists
    on one side: the names on its lines vote which (a name the rules found
    outweighs the NER's guess, and a title quoted or ``cued`` elsewhere more
    still), and its lines follow the vote."""
    artists = {(e.start, e.end): 1 if e.source == "model" else 2 for e in ents
               if e.cls in ("Person", "MusicGroup", "PERSON", "ORG")}
    text = text_of(doc)
    # the same words elsewhere in the article: a firm name, or a quoted title
    named = {e.surface for e in ents if e.source != "model" and e.cls in ("Person", "MusicGroup")}
    quoted = {e.surface for e in ents if e.cls == "TITLE" and e.source == "quoted"} | cued
    found, lines, votes = [], [], Counter()
    cast = listed_lines(text)  # "Actor — Character" under "Main Role", "Member - Position" under "Members": no title
    for match in DASH_LINE.finditer(text):
        if match.start() in cast or dash_field().match(text, match.start()):
            continue  # nor a credit's "Vocal — A"
        first = 1 if match.group(1) is not None else 3
        known = [(artist, title) for artist, title in ((first, first + 1), (first + 1, first))
                 if (match.span(artist) in artists or _duet(text, *match.span(artist), artists))
                 and not names_a_section(text, match.span(artist))]  # not "X – Tracklist & Credits"
        numbered = bool(NUMBERED.match(match.group(0)))
        if numbered:
            for artist, title in ((first, first + 1), (first + 1, first)):
                votes[artist - first] += max(artists.get(match.span(artist), 0), 2 * (match.group(artist) in named),
                                             3 * (match.group(title) in quoted))
        lines.append((match, first, known, numbered))
    side = clear_winner(votes)
    for match, first, known, numbered in lines:
        if numbered and side is not None:
            known = [(first + side, first + 1 - side)]
        for artist, title in known:
            found += _run_at(doc, tokens, match.span(title), taken, not_titles)
    return found


def _run_at(doc: Doc, tokens: list[Token], bounds: tuple[int, int], taken: bytearray, not_titles: set) -> list:
    span = doc.char_span(*bounds, alignment_mode="contract")
    run = title_run(tokens, span.start, taken, not_titles) if span is not None and len(span) else None
    return [(*run, "")] if run else []
