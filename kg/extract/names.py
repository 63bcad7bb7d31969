"""Names the NER misses or mis-cuts, found from the words around them:
"members Cindy, Yeonshil and Serin", "BLACKPINK Jennie", "Cobalt Tide,
the duo behind" (the NER's own spans are cleaned in candidates.py)."""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..data import lexicon, member_nouns, title_cue_words, which_member_words
from ..nlp import text_of
from .candidates import (LEADING_NOT_NAME, NAME_SMALL_WORDS, ORGANIZATION_CUES, PLACES, TEAM_CREDITS, capitalised,
                         glued_hyphen, is_organization, name_ends, name_word, owned_work_at, possessive)
from .spans import WORKS, Ent


NAME_PARTICLES = frozenset(lexicon()["name_particles"]["words"])


@lru_cache(maxsize=None)
def not_names() -> frozenset:
    """Role words, group words and capitalised words that are no names."""
    lex = lexicon()
    return frozenset(w.lower() for w in lex["person_cues"] + lex["group_cues"] + lex["non_names"])


def group_members(doc: Doc, tokens: list[Token], words: list[str], ents: list[Ent]) -> list[Ent]:
    """Single-word stage names and group names the model misses or mistypes,
    where the context says what they are: a list after "members" ("members
    Cindy, Yeonshil and Serin"), a name right after a known group
    ("BLACKPINK Jennie", "Girls' Generation's YoonA"), a name right after
    "girl group" / "band"."""
    model = {e.start: e for e in ents if e.source == "model" and e.cls in ("PERSON", "ORG") and " " not in e.surface}
    # the model's guesses give way, and so does a number word in Title Case ("Seven Lanes'", "Orbit Nine")
    taken = {i for e in ents if e.start not in model and not (e.source == "model" and e.cls == "TITLE")
             and not (e.cls in ("CARDINAL", "QUANTITY") and (e.surface.istitle() or e.surface.isupper())
                      and e.surface.replace(" ", "").isalpha())  # "Seven Feet Apart": a name in number words
             for i in range(e.start, e.end)}
    fixed = {i for e in ents if e.source != "model" for i in range(e.start, e.end)}
    # the groups known by name: the gazetteer's, and those named in capitals that the words around them call groups
    groups = {e.end: e for e in ents if e.cls == "MusicGroup" and (e.source == "gazetteer" or e.source == "cue" and e.surface.isupper())}
    gazetteer_groups = {e.start for e in groups.values()}
    named_ends = {e.end: e for e in ents if e.source == "model" and e.cls in ("PERSON", "ORG") and " " in e.surface}
    skip = not_names()
    role_nouns = {w.lower() for w in lexicon()["person_cues"]} - member_nouns()  # not "Lumiere member A"

    def name_at(i: int, linked: bool = False) -> bool:
        """``linked``: the name may stand before "of" and a capital ("Wendy of Red Velvet")."""
        t = tokens[i] if i < len(tokens) else None
        return bool(t is not None and t.idx not in taken and (t.is_title or (t.is_upper and len(t) > 1) or CAMEL_CASE.fullmatch(t.text))
                    and name_word(t.text) and words[i] not in skip
                    and not (i + 1 < len(tokens) and (tokens[i + 1].is_title and tokens[i + 1].idx not in taken
                                                      or words[i + 1] in role_nouns))  # "American songwriter C"
                    # "SEVENTEEN's Face the Sun": a title's first word, not a member
                    and (linked or not (i + 2 < len(tokens) and words[i + 1] in TITLE_LINKS and tokens[i + 2].is_title)))

    found = []

    def member_after(i: int) -> bool:
        """A member noun, after words that say which member, then a name: "member Hwanhee", "youngest member, Sera"."""
        while i < len(tokens) and words[i] in which_member_words():
            i += 1
        if i >= len(tokens) or words[i] not in member_nouns():
            return False
        i += 1 + (i + 1 < len(tokens) and words[i + 1] == ",")
        return i < len(tokens) and (tokens[i].idx in people or name_at(i))

    def past_roles(i: int) -> int:
        while i < len(tokens) - 1 and tokens[i].is_lower and (words[i] in member_nouns() or words[i] in which_member_words()):
            i += 1
        return i

    def mark(i: int, cls: str, end: int | None = None) -> None:
        t = tokens[i]
        end = end or t.idx + len(t)
        if t.idx in model:
            ent = model[t.idx]
            ent.cls, ent.source = cls, "cue"
            if end > ent.end:  # the cue's run is the name: "girl group [Nova] Ring" is Nova Ring
                ent.end, ent.surface = end, text_of(doc)[t.idx:end]
                ent.name = ent.surface
        else:
            found.append(Ent(t.idx, end, text_of(doc)[t.idx:end], cls, text_of(doc)[t.idx:end], "cue"))
        taken.update(range(t.idx, end))
        if cls == "MusicGroup":
            cued_groups.add(end)
        if cls == "Person":
            people[t.idx] = end
            people_ends.add(end)

    cued_groups: set[int] = set()  # where the groups this pass marks end
    list_cues = set(lexicon()["member_list_cues"])
    list_phrases = {tuple(cue.split()) for cue in list_cues if " " in cue}  # "made up (of A, B)"
    group_nouns = {w.lower() for w in lexicon()["class_nouns"]["MusicGroup"]}
    people = {e.start: e.end for e in ents if e.cls in ("Person", "PERSON")}
    titles = {e.start for e in ents if e.cls == "TITLE" and e.source == "quoted"}
    work_names = [e.surface for e in ents if e.cls == "TITLE" or e.cls in WORKS]
    written_capitalised = {t.text for t in tokens if t.is_title and not t.is_sent_start}
    surnames = {e.surface.split()[0] for e in ents if e.cls in ("Person", "PERSON") and " " in e.surface}
    people_ends = set(people.values())
    for token, word in zip(tokens, words):
        if word in member_nouns() and token.i + 3 < len(tokens) and words[token.i + 1] == "," and name_at(token.i + 2) \
                and words[token.i + 3] in (",", "and"):
            mark(token.i + 2, "Person")  # "the group's leader, RM, wrote": a name set beside a member word
        elif ((cued := word in list_cues or token.i > 0 and (words[token.i - 1], word) in list_phrases) or word == "member") \
                and token.i + 1 < len(tokens):
            # "consisting of A, B", "members: A, B", "its members are A, B", "members include A and B"
            i, starts = token.i + 1 + (cued and words[token.i + 1] in ("of", ":", "are", "were", "include", "included", ",")), []
            # "members: leader A, main vocalist B and C": a member's role may stand before each name
            while (i := past_roles(i)) < len(tokens) and (name_at(i) or tokens[i].idx in people):
                starts.append(i)
                end = people.get(tokens[i].idx, 0)
                i += 1
                while i < len(tokens) and tokens[i].idx < end:  # the known name's other tokens ("J-Rin")
                    i += 1
                if i < len(tokens) and words[i] not in {",", "and"}:
                    break  # "Yook Sung-jae": names in a list stand apart
                while i < len(tokens) and words[i] in {",", "and"}:
                    i += 1
            if len(starts) >= 2 or word == "member":
                for i in starts:
                    if tokens[i].idx not in people or tokens[i].idx in model:  # the NER's guess, confirmed
                        mark(i, "Person")
            if len(starts) >= 2 and cued and word != "members" and token.i and name_at(token.i - 1) \
                    and not tokens[token.i - 1].is_stop:  # "Nova Ring consists of A, B" (not "Its members are")
                mark(_name_start(tokens, words, token.i - 1, taken, skip, 4, NAME_SMALL_WORDS), "MusicGroup",
                     tokens[token.i - 1].idx + len(tokens[token.i - 1]))
            if word in ("member", "members") and starts and token.i > 0 and name_at(token.i - 1, linked=True) \
                    and tokens[token.i - 1].text not in MEMBER_ADJECTIVES:
                # "Lumiere member Eun-bi", "Former Pinklight member Cha Yu-na", "Lumen Bay members Sera and Yuna":
                # the words before are the group
                first = _name_start(tokens, words, token.i - 1, taken, skip, 4, NAME_SMALL_WORDS)
                # "The Korean member", "Former Pinklight member": which member; "The Invisible Men members": the name's "The"
                while first < token.i - 1 and tokens[first].text in MEMBER_ADJECTIVES \
                        and (tokens[first].text != "The" or tokens[first + 1].text in MEMBER_ADJECTIVES):
                    first += 1
                mark(first, "MusicGroup", tokens[token.i - 1].idx + len(tokens[token.i - 1]))
        elif token.text in ("'s", "'") and token.i > 0 and token.i + 1 < len(tokens) and token.idx in named_ends \
                and (words[token.i + 1] in member_nouns() and token.i + 2 < len(tokens) and tokens[token.i + 2].is_title
                     or tokens[token.i + 1].idx in model or tokens[token.i + 1].idx in people
                     and " " not in text_of(doc)[tokens[token.i + 1].idx:people[tokens[token.i + 1].idx]]):
            # "Nova Ring's member Kang", "Nova Ring's Ara": the NER's name is the group's
            named_ends[token.idx].cls = "MusicGroup"
        elif word in (",", "is", "was") and token.i and name_at(token.i - 1) \
                and (kind := _apposition(tokens, words, token.i + 1, group_nouns)) \
                and not (tokens[token.i - 1].is_sent_start and (words[token.i - 1].endswith("ly") or tokens[token.i - 1].is_stop)) \
                and (word == "," or tokens[first := _name_start(tokens, words, token.i - 1, taken, skip, 4, NAME_SMALL_WORDS)].is_sent_start):
            # "Cobalt Tide, the duo behind 'Until Dawn'", "RM, the leader of Dayline,", "Dayline is a South Korean girl
            # group": a name that an apposition or a copula calls a group or a member (not an opening adverb: "Notably,")
            first = first if word != "," else _name_start(tokens, words, token.i - 1, taken, skip, 4, NAME_SMALL_WORDS)
            mark(first, kind, token.idx if word == "," else tokens[token.i - 1].idx + len(tokens[token.i - 1]))
        elif token.text in ("'s", "'") and token.i > 0 and token.i + 1 < len(tokens) and name_at(token.i - 1) \
                and tokens[token.i - 1].text not in surnames and tokens[token.i - 1].ent_type_ not in ("GPE", "NORP") \
                and not (tokens[token.i - 1].is_stop and not tokens[token.i - 1].is_upper) \
                and (tokens[token.i + 1].idx in people or member_after(token.i + 1)):
            # "Highlight's Yong Junhyung", "Fly to the Sky's member Hwanhee", "Dayline's youngest member, Sera": whose
            # member a person is (not "Jung's Shin Woo", an actor's character, Jung the surname of a person named;
            # nor "That's Lee", "Hi, it's Lee": that is Lee)
            mark(_name_start(tokens, words, token.i - 1, taken, skip, 6, NAME_SMALL_WORDS), "MusicGroup", token.idx)
        elif possessive(tokens, token.i) and (owned := owned_work_at(tokens, token.i + 1, titles)) and name_at(token.i - 1) \
                and tokens[token.i - 1].ent_type_ in ("", "PERSON", "ORG", "LOC", "FAC") + ("GPE",) * (owned == "title") \
                and words[token.i - 1] not in title_cue_words(("before", "after")):
            # "IU's 'Friday'", "Bon Jovi's 'Crush'", "is Lumen Bay's second single": a work's owner is an artist
            first = _name_start(tokens, words, token.i - 1, taken, skip, 3)
            owner = text_of(doc)[tokens[first].idx:token.idx]  # not the end of a title named ("'Let's Wait Awhile' ... Wait Awhile's album")
            if (not tokens[first].is_sent_start or first < token.i - 1 or tokens[first].is_upper
                    or tokens[first].text in written_capitalised) and not any(f" {owner} " in f" {work} " for work in work_names):
                mark(first, "PERSON", token.idx)  # at a sentence's start: "Nova Ring's", "IU's", or named again
        elif token.idx + len(token) in groups or (token.idx in groups or token.idx in cued_groups) and token.text in ("'s", "'"):
            # "BLACKPINK Jennie", "Girls' Generation's YoonA", "Girl group Lumen Bay's Sera" (a group the cue named)
            i = token.i + 1 + (token.i + 1 < len(tokens) and tokens[token.i + 1].text == "'s")
            # "aespa's Hit 'Drama'": a cue, not a member; "HELIX's Japanese single": a word that modifies a noun;
            # nor "G's Auckland-raised member", "UNIT In February" (a headline's small word)
            if name_at(i) and words[i] not in title_cue_words(("before", "after")) and not (tokens[i].is_stop and not tokens[i].is_upper) \
                    and words[i + 1:i + 2] != ["-"] \
                    and not (tokens[i].dep_ in ("amod", "compound", "nmod") and tokens[i].head.i > i):
                mark(i, "Person")
        elif word in ("(", "--", "—", "–") and token.i > 0 and (unnamed := _people_listed(  # "G — that's A, B —"
                tokens, token.i + 1 + 2 * (words[token.i + 1:token.i + 3] in (["that", "'s"],)), people, skip,
                ")" if word == "(" else word)) is not None:
            first = token.i  # "Highlight (Yoon Doo-jun, Yang Yo-seop, ...)", "G -- leader A, B --": a group and its members
            while first > max(0, token.i - 4) and tokens[first - 1].idx not in taken and (
                    tokens[first - 1].is_alpha and (tokens[first - 1].is_title or tokens[first - 1].is_upper)
                    and words[first - 1] not in skip or glued_hyphen(tokens, first - 1)):  # "Lunaris-S"
                first -= 1
                if tokens[first].is_sent_start:
                    break
            end = tokens[token.i - 1].idx + len(tokens[token.i - 1])
            # "the songwriting team N (A, B)"; "Composed by N (A, B)": a team credited, no band
            start = first if first < token.i else next((e.start for e in ents if e.end == end), None)
            named_at = next((t.i for t in tokens[max(0, token.i - 5):token.i] if t.idx == start), first)
            team = named_at > 0 and words[named_at - 1] in ORGANIZATION_CUES \
                or named_at > 1 and words[named_at - 1] == "by" and words[named_at - 2] in TEAM_CREDITS
            if first < token.i and tokens[first].text != "-":
                mark(first, "Organization" if team else "MusicGroup", end)
            # an artist the verb's subject guessed ("HOLLOWMOON (A, B, C) released"): people listed make it a group
            guessed = next((e for e in ents if e.end == end and e.cls in ("PERSON", "ORG") and e.source == "cue"), None)
            if guessed is not None and (unnamed or team):
                guessed.cls = "Organization" if team else "MusicGroup"
            if any(e.end == end and e.cls == "MusicGroup" for e in found + ents):  # its members, if a group's
                for i, j in unnamed:
                    mark(i, "Person", tokens[j - 1].idx + len(tokens[j - 1]))
        elif word in (",", "and") and 0 < token.i < len(tokens) - 2 and (tokens[token.i - 1].idx + len(tokens[token.i - 1])) in people_ends \
                and (end := _full_name(tokens, words, (i := token.i + 1 + (words[token.i + 1] == "and")), taken, skip)):
            # "stars Alicia Silverstone, Hedy Burress, and ...": a full name listed after a person's
            mark(i, "Person", tokens[end - 1].idx + len(tokens[end - 1]))
        elif word == "and" and 0 < token.i < len(tokens) - 1 and _beside_person(tokens, token.i, people_ends, people):
            # "Jeonghan and Wonwoo", "Tablo and rapper DOK2": a one-word name listed with a person
            i = token.i + 1 if (tokens[token.i - 1].idx + len(tokens[token.i - 1])) in people_ends else token.i - 1
            # "Seoul residents": a name before a noun (the parse's role; the pipeline has no tagger) modifies it
            modifier = i + 1 < len(tokens) and tokens[i + 1].is_lower and tokens[i + 1].dep_ in NOUN_DEPS
            owner = i + 1 < len(tokens) and tokens[i + 1].text in ("'s", "'")  # "A and Seoul's B": B is listed
            if name_at(i) and not tokens[i].is_sent_start and not tokens[i].is_stop and not modifier and not owner:
                mark(i, "Person")
        elif token.text in ("of", "from") and 0 < token.i < len(tokens) - 1:  # not "Season Of Glass"
            before, i = tokens[token.i - 1], token.i + 1
            run = _title_run(tokens, words, i, fixed, skip)
            # the name ends before "and" and a person ("Kim Ara of Lumiere and Han Ji-woo of ...")
            listed = run + 1 < len(tokens) and words[run] == "and" and tokens[run + 1].idx in people
            # after a person's name or one member's noun ("J-Ray of Nova Ring", "the main vocalist of Nova Ring"; not
            # "seven members of Infinite Challenge", a show's)
            # "the seven members of Nova Ring are A, B, ...": the members' group, named before its members
            # (stage names: a show's "members" are its cast, listed by full names: "the members of Infinite Challenge are Yoo Jae-suk and")
            members_follow = before.lower_ == "members" and run + 1 < len(tokens) and words[run] in ("are", "were", "include", "included", ":") \
                and (" " not in text_of(doc)[tokens[run + 1].idx:people.get(tokens[run + 1].idx, 0)] if tokens[run + 1].idx in people
                     else name_at(run + 1) and not (run + 2 < len(tokens) and tokens[run + 2].is_title))
            if (before.idx + len(before) in people_ends or before.lower_ in member_nouns() and (not before.lower_.endswith("s") or members_follow)) \
                    and run > i and tokens[i].ent_type_ not in PLACES \
                    and (name_ends(tokens, run) or listed) and not is_organization(words[i:run]) \
                    and words[run:run + 1] not in (["ost"], ["soundtrack"]):  # not "Stitches of Spring OST": a series'
                mark(i, "MusicGroup", tokens[run - 1].idx + len(tokens[run - 1]))  # "J-Ray of Nova Ring", "Ana from Dayline"
            elif (tokens[i].idx in gazetteer_groups or _group_kind_at(tokens, words, i, group_nouns)) \
                    and (before.idx in people or name_at(token.i - 1, linked=True)
                         and (not before.is_sent_start or not before.text.endswith("s") or before.text in written_capitalised)):
                # "Jisoo from BLACKPINK", "Wendy of Red Velvet sang", "Rei of the girl group Hazel" (not "Fans of
                # BLACKPINK")
                if before.idx not in people:
                    mark(token.i - 1, "Person")
                j = token.i - 2
                while j > 1 and words[j] in (",", "and") and name_at(j - 1) and not tokens[j - 1].is_stop:
                    mark(j - 1, "Person")  # "Winter and Karina of aespa": each listed before
                    j -= 2
        elif word in group_nouns or word in BAND_SIZES and token.i and words[token.i - 1] == "-":  # "the duo Y", "four-piece Z"
            i = token.i + 1 + (token.i + 1 < len(tokens) and tokens[token.i + 1].text == ",")
            i += i < len(tokens) - 1 and tokens[i].text == "the"  # "girl group the Spice Girls": the article is not the name's
            # the NER's spans there give way to the run, which may open with a group's word ("the band Trio Ventania")
            opens = i + 1 < len(tokens) and words[i] in group_nouns and tokens[i + 1].is_title
            run = _title_run(tokens, words, i, fixed, skip - {words[i]} if opens else skip)
            joined = 2 if words[run:run + 2] in (["and", "the"], ["&", "the"]) else 1 if words[run:run + 1] == ["&"] else 0
            if run > i and joined and not word.endswith("s") \
                    and (tail := _title_run(tokens, words, run + joined, fixed, skip)) > run + joined:
                run = tail  # "band Florence and the Machine", "duo Maple & Moth": one name
            kind = "Organization" if token.i and words[token.i - 1] in TEAM_MODIFIERS else "MusicGroup"  # "production duo X"
            if run > i + 1:  # a name of several words: "boy group Nova Ring"
                mark(i, kind, tokens[run - 1].idx + len(tokens[run - 1]))
            elif name_at(i) or (i < len(tokens) and tokens[i].is_title and i + 1 < len(tokens) and tokens[i + 1].text == "'s"
                              and i + 2 < len(tokens) and tokens[i + 2].text == "," and tokens[i].idx not in taken):
                end = tokens[i + 1].idx + 2 if i + 1 < len(tokens) and tokens[i + 1].text == "'s" and tokens[i + 2].text == "," else None
                mark(i, kind, end)
    return found


TEAM_MODIFIERS = frozenset(lexicon()["team_modifiers"]["words"])
BAND_SIZES = frozenset(lexicon()["band_size_words"]["words"])
MEMBER_ADJECTIVES = frozenset(lexicon()["member_adjectives"]["words"])  # which member, not whose ("Former")
CAMEL_CASE = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+")  # a stage name written in two capitals: "RyuJin", "BamBam"
TITLE_LINKS = {"the", "of", "a", "an", "to", "in", "on"}  # small words inside a title ("Face the Sun"), not between names


def _name_start(tokens: list[Token], words: list[str], last: int, taken: set, skip: set, longest: int,
                small: frozenset | set = frozenset()) -> int:
    """The first word of the name that ends at ``last``: capitalised words
    back to the sentence's start or another mention, at most ``longest``,
    with ``small`` words between them ("Fly to the Sky")."""
    first = j = last
    while j > max(0, last + 1 - longest) and not tokens[j].is_sent_start and tokens[j - 1].idx not in taken and (
            capitalised(tokens[j - 1]) and words[j - 1] not in skip and (words[j - 1] == "the" or words[j - 1] not in LEADING_NOT_NAME)
            or words[j - 1] in small or glued_hyphen(tokens, j - 1)):  # "HAE-IN", "ORBIT-7"
        j -= 1
        first = j if capitalised(tokens[j]) else first
    return first


def _apposition(tokens: list[Token], words: list[str], i: int, group_nouns: set) -> str | None:
    """What an apposition starting at ``i`` calls the name before it: "the"
    or "a", then after at most two lower-case words a group noun ("the duo",
    "a five-member boy band": MusicGroup) or a member noun and "of" ("the
    main vocalist of", "formerly of": Person); "whose" and a member noun ("Dayline, whose leader"): MusicGroup."""
    if i + 1 < len(tokens) and words[i] in ("formerly", "previously") and words[i + 1] in ("of", "from"):
        return "Person"
    if i + 1 < len(tokens) and words[i] == "whose":
        j = i + 1
        while j < len(tokens) - 1 and words[j] in which_member_words():
            j += 1
        return "MusicGroup" if words[j] in member_nouns() else None
    if i + 1 >= len(tokens) or words[i] not in ("the", "a", "an"):
        return None
    for j in range(i + 1, min(i + 7, len(tokens))):  # "the six-piece boy group"
        if words[j] in group_nouns:  # "RM, the group's main rapper": a member ("X, the group's three-member unit": a group)
            last = [w for w in words[j + 2:j + 6] if w in member_nouns() or w in group_nouns][-1:]
            return "MusicGroup" if words[j + 1:j + 2] not in (["'s"], ["'"]) or last and last[0] in group_nouns \
                else "Person" if last else None
        if words[j] in member_nouns() and j + 1 < len(tokens) and words[j + 1] == "of":
            return "Person"
        if not (tokens[j].is_lower or tokens[j].text == "-" or tokens[j].ent_type_ in ("NORP", "GPE", "Place")) \
                or words[j] in ("on", "of", "by", "from", "for", "in", "with", "and", "'s"):
            return None  # "a South Korean girl group": where from may stand before the noun (not "the track on the group's")
    return None


NOUN_DEPS = {"dobj", "pobj", "nsubj", "nsubjpass", "attr", "compound", "appos", "npadvmod", "dep", "amod"}


def _full_name(tokens: list[Token], words: list[str], i: int, taken: set, skip: set) -> int | None:
    """The end of a name of two or three capitalised words at ``i`` that a
    list goes on after (a comma, "and", the sentence's end, or the role or
    clause a cast list ends in: "stars A and B as rival RJs"), else None."""
    j = i
    while j < min(i + 3, len(tokens)) and tokens[j].is_title and tokens[j].is_alpha and len(tokens[j]) > 1 \
            and tokens[j].idx not in taken and words[j] not in skip:
        j += 1
    return j if j - i >= 2 and (j == len(tokens) or words[j] in (",", "and", ".", ")", ";", "as", "who", "in")) else None


def _beside_person(tokens: list[Token], i: int, ends: set, starts: dict) -> bool:
    """Does a person's name end right before "and" (token ``i``), or start
    right after it, with a word of the other side? (a role word or two may
    stand between: "Tablo and underground rapper DOK2".)"""
    before = tokens[i - 1]
    if before.idx + len(before) in ends:
        return True
    j = i + 1
    while j < min(i + 3, len(tokens) - 1) and tokens[j].is_lower and tokens[j].is_alpha:
        j += 1  # role words before the name
    return tokens[j].idx in starts


def _people_listed(tokens: list[Token], i: int, people: dict, skip: set, close: str = ")") -> list[tuple[int, int]] | None:
    """Do two or more people, and nothing else, stand listed from ``i`` to the closing mark, one of
    them at least a known name (``people``: their mentions' ends by start offset)? Then the names among
    them that no mention covers, as token ranges ("Lunaris-S (Sena, Yuri, Ha-eun)", "Ruby Hour --
    leader Kate Yoon, Mina Oh, ELLIE --"), else None."""
    known, unknown = 0, []
    while i < len(tokens) and tokens[i].text != close:
        if tokens[i].idx in people:
            known += 1
            end = people[tokens[i].idx]
            while i < len(tokens) and tokens[i].idx < end:
                i += 1
        elif tokens[i].text in (",", "and", "&") or tokens[i].lower_ in member_nouns():
            i += 1  # "leader Kate Yoon": which member, before the name
        elif capitalised(tokens[i]) and tokens[i].lower_ not in skip and not tokens[i].is_stop:
            j = i + 1  # a name of up to three words, hyphenated given names whole ("Chloe Park", "Da-bin")
            while j < min(i + 5, len(tokens)) and (capitalised(tokens[j]) or glued_hyphen(tokens, j)
                                                   or tokens[j].is_lower and glued_hyphen(tokens, j - 1)):
                j += 1
            if j >= len(tokens) or tokens[j].text not in (",", "and", "&", close):
                return None
            unknown.append((i, j))
            i = j
        else:
            return None
    return unknown if known and known + len(unknown) >= 2 and i < len(tokens) else None


def _group_kind_at(tokens: list[Token], words: list[str], i: int, group_nouns: set) -> bool:
    """Does a group's kind stand at ``i``, its name after it ("the girl group
    Hazel", "rock band Copper Kites")? Then whoever is "of" or "from" it is a member."""
    j = i + (i < len(tokens) and words[i] == "the")
    for k in range(j, min(j + 3, len(tokens) - 1)):
        if not tokens[k].is_lower:
            return False
        if words[k] in group_nouns:
            return tokens[k + 1].is_title or tokens[k + 1].is_upper
    return False


def _title_run(tokens: list[Token], words: list[str], i: int, taken: set, skip: set) -> int:
    """The end of the run of capitalised words from ``i`` (at most four),
    none in another mention or a cue word; a word may hold digits ("D1CE",
    "2NE1"), and a number may end a name in capitals ("ORBITAL 9", "NCT 127")."""
    end = i
    while end < min(i + 4, len(tokens)) and tokens[end].idx not in taken and name_word(tokens[end].text) \
            and (tokens[end].is_title or tokens[end].is_upper and len(tokens[end]) > 1
                 or end > i and words[end] in NAME_PARTICLES and end + 1 < len(tokens) and tokens[end + 1].is_title) \
            and words[end] not in skip:
        end += 1  # "the Mexican group Los Cuervos del Norte": a particle between capitals
    if i < end < len(tokens) and tokens[end - 1].is_upper and tokens[end].is_digit and len(tokens[end]) <= 3 \
            and tokens[end].idx not in taken:
        end += 1
    return end
