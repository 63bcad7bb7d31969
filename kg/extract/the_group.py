"""What "the group" points back to: "Nova Ring released X. The group's third album ...", "... as
steadily as CIELA. The five-member girl group — A, B and C — had ...". The name it points to is a
group, whatever the NER thought (a vote cast with the others in kg/extract/typing.py)."""
from __future__ import annotations

from spacy.tokens import Token

from ..data import group_descriptors, lexicon
from .ballot import Ballot

GROUP_NOUNS = frozenset(w.lower() for w in lexicon()["class_nouns"]["MusicGroup"])  # "the group", "the band"


def group_nouns_back(ballot: Ballot, tokens: list[Token], spans: dict, w: dict) -> None:
    """ "Nova Ring released X. The group's third album ...": "the group"
    as a clause's subject or owner points back to the subject of the
    sentence before, which is a group whatever the NER thought (not "the
    group Nova Ring": a name after)."""
    subjects = sorted(start for start, (span, ent) in spans.items() if ent.cls in ("PERSON", "ORG", "MusicGroup")
                      and (span.root.dep_ in ("nsubj", "nsubjpass") or span.root.dep_ == "poss"
                           and span.root.head.dep_ in ("nsubj", "nsubjpass")))  # "Nova Ring's 'Lantern' took"
    for token in tokens:
        if token.lower_ not in GROUP_NOUNS or not _the_before(tokens, token.i) \
                or token.i + 1 in spans or token.dep_ not in ("nsubj", "nsubjpass", "poss"):
            continue
        sentence = token.sent
        if not sentence.start:
            continue
        previous = tokens[sentence.start - 1].sent
        before = [start for start in subjects if start < token.i - 1]
        # the sentence before's: in its own ("A left after the group's album") "the group" is often another's;
        # where that one has no such subject, its one organisation ("as steadily as CIELA. The girl group ...")
        # (a subject only, after a sentence that ends as one and names no group known as one, the name in no
        # list or brackets)
        there = [(span, ent) for start, (span, ent) in spans.items() if previous.start <= start < previous.end]
        named = [span.start for span, ent in there if ent.cls == "ORG" and not _listed(tokens, span)] \
            if token.dep_ in ("nsubj", "nsubjpass") and tokens[previous.end - 1].text in (".", "!", "?") \
            and not any(ent.cls == "MusicGroup" or ballot.scores(ent.name).get("MusicGroup") for _, ent in there) else []
        if before and previous.start <= tokens[before[-1]].i < sentence.start:
            ent = spans[before[-1]][1]
        elif len(named) == 1:
            ent = spans[named[0]][1]
        else:
            continue
        ballot.vote(ent.name, "MusicGroup", w["pronoun"], ent.start)


def _listed(tokens: list[Token], span) -> bool:
    """Does a list word or a bracket stand beside the span ("The members, Ara, Sejin and Rio": one of many)?"""
    return span.start > 0 and tokens[span.start - 1].text in (",", "and", "&", "(") \
        or span.end < len(tokens) and tokens[span.end].text in (",", "and", "&", ")")


def _the_before(tokens: list[Token], i: int) -> bool:
    """Is "the" before the group noun at ``i``, past its descriptors ("the five-member girl group")?"""
    k = i - 1
    while k >= 0 and (tokens[k].lower_ in group_descriptors() or tokens[k].like_num):
        k -= 1
    return k >= 0 and tokens[k].lower_ == "the"
