"""Group names written in capitals that the NER does not know ("ROSEBLADE are
finally back!", "ORBITA leader Nam Ji-hwan", "TWELVE MOONS' Ara"). Acts
style their names in capitals, and the small English model takes such a
word for nothing, or for a verb. A run of capitalised words is a group's
name where the words around one of its occurrences say so: a plural verb
after a name that is no plural, a member noun or a member's name after it,
"their" after it in its clause or "The girl group" opening the next
sentence (for a name named more than once), or it stands in brackets after
a person ("Chae-yeon (LILAC9)"; the gazetteer knows the agencies written
so, "Nigel D'Sa (KOFIC)"). Every occurrence of the run becomes a mention."""
from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc, Token

from ..data import lexicon, member_nouns
from ..nlp import text_of
from .described import work_nouns
from .names import not_names
from .spans import POSSESSIVE, Ent, covered, line_around

GROUP_NOUNS = frozenset(lexicon()["class_nouns"]["MusicGroup"])
PLURAL_VERBS = frozenset({"are", "were", "have", "’re", "'re"})
STOPPERS = frozenset(w.lower() for w in lexicon()["title_run_stoppers"])
PEOPLE = frozenset({"PERSON", "Person"})
GLUE = "-\u2010\u2011\u2013\u00b7&/+_@"  # joiners inside a name ("HALCYON-U", "NOVA·X")


def capital_groups(doc: Doc, tokens: list[Token], ents: list[Ent]) -> list[Ent]:
    """Mentions of the groups whose names are written in capitals and that
    no other finder took (the NER's guesses give way: its label is one vote)."""
    taken = covered(doc, (e for e in ents if e.source != "model"))
    people_ends = {e.end for e in ents if e.cls in PEOPLE}
    runs = defaultdict(list)
    for first, last in _runs(tokens, taken):
        runs[text_of(doc)[tokens[first].idx:tokens[last].idx + len(tokens[last])]].append((first, last))
    found = []
    for name, where in runs.items():
        said = any(_said_a_group(tokens, a, b, people_ends, len(where) > 1) for a, b in where)
        if said and sum(c.isalpha() for c in name) >= 4:
            found += [Ent(tokens[a].idx, tokens[b].idx + len(tokens[b]), name, "MusicGroup", name, "cue") for a, b in where]
    return found


def _runs(tokens: list[Token], taken: bytearray) -> list[tuple[int, int]]:
    """Runs of words written in capitals (letters and digits, "LILAC9") on a
    line that is not all capitals, none of them a mention's or a word that
    is no name ("KST", "OST"), nor a surname in capitals after a given name
    ("Martin SCORSESE", as credits print it): (first, last) token indices."""
    skip = not_names() | STOPPERS
    text = text_of(tokens[0].doc) if tokens else ""
    runs, current = [], []
    for token in tokens:
        shouted = token.is_upper and token.text.isalnum() and len(token) > 1 \
            and token.lower_ not in skip and not taken[token.idx]
        if shouted and current and tokens[current[-1]].whitespace_ == " ":
            current.append(token.i)
            continue
        if current:
            runs.append((current[0], current[-1]))
        current = [token.i] if shouted else []
    if current:
        runs.append((current[0], current[-1]))
    return [(a, b) for a, b in runs if any(c.islower() for c in text[slice(*line_around(text, tokens[a].idx, tokens[a].idx))])
            and not _joined(tokens, a - 1, a, taken) and not _joined(tokens, b, b + 1, taken)
            and not (a > 0 and tokens[a - 1].is_title and not tokens[a - 1].is_sent_start and tokens[a - 1].whitespace_)
            and not _glued(text[tokens[a].idx - 1:tokens[a].idx]) and not _glued(text[tokens[b].idx + len(tokens[b]):][:1])]


def _glued(char: str) -> bool:
    """Does a character beside a run make it part of a longer word ("HALCYON-U", "NOVA·X")?"""
    return char.isalnum() or char in GLUE


def _joined(tokens: list[Token], left: int, right: int, taken: bytearray) -> bool:
    """Do two words in capitals, one of them a mention's, stand side by side ("NOVA LIGHT", "NOVA" the NER's):
    the run is the rest of that name, no name of its own."""
    if left < 0 or right >= len(tokens) or tokens[left].whitespace_ != " ":
        return False
    return all(t.is_upper for t in (tokens[left], tokens[right])) and any(taken[t.idx] for t in (tokens[left], tokens[right]))


def _said_a_group(tokens: list[Token], first: int, last: int, people_ends: set, again: bool) -> bool:
    """Do the words around the run at ``first``..``last`` say a group is named? "their" after it, or the
    next sentence's "The girl group", only for a name named ``again``."""
    after = tokens[last + 1:last + 3]
    words, nouns = [t.lower_ for t in after], work_nouns()
    if words[:1] and (words[0] in PLURAL_VERBS or words[0] in member_nouns()):
        return True  # "ROSEBLADE are back", "ORBITA leader Nam Ji-hwan"
    if words[:1] and after[0].text in POSSESSIVE and len(after) > 1 \
            and (words[1] in member_nouns() or after[1].ent_type_ in PEOPLE
                 or after[1].is_title and after[1].lower_ not in nouns):
        return True  # "TWELVE MOONS' Ara", "ROSEBLADE's leader" (not "X's Album")
    before = tokens[first - 2] if first > 1 and tokens[first - 1].text == "(" else None
    if before is not None and words[:1] == [")"] and before.idx + len(before) in people_ends:
        return True  # "Chae-yeon (LILAC9)", "Han Bi (ARCLIGHT) as": a member credited with her group
    sentence = tokens[first].sent
    if not again:
        return False
    if any(t.lower_ == "their" for t in tokens[last + 1:min(last + 9, sentence.end)]):
        return True  # "ROSEBLADE will hold their comeback stage"
    following = tokens[sentence.end].sent if sentence.end < len(tokens) else None
    # "ROSEBLADE are back! The five-member girl group (...) released" (not "The unit HALCYON-U": a name of its own)
    return following is not None and following[0].lower_ == "the" and any(
        t.lower_ in GROUP_NOUNS and not (t.i + 1 < len(tokens) and tokens[t.i + 1].text[:1].isupper()) for t in following[1:6])
