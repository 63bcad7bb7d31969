"""The votes on the class of each name of an article, and how they decide
it (kg/extract/typing.py casts them): a class's score is its strongest
vote plus a quarter of the others; a title no vote types takes the class
of what the article is about (``default_work``)."""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from ..data import lexicon
from ..records import EntityRef
from ..vocab import DOMAINS, RANGES
from .spans import FAMILIES, WORKS

NOT_A_WORK = "none"
FIRM = 0.75  # the confidence from which a fact's roles say what kind its undecided ends are


@lru_cache(maxsize=None)
def weights() -> dict[str, float]:
    return {k: float(v) for k, v in lexicon()["evidence"].items() if not k.startswith("_")}


class Ballot:
    """The votes of one article. Per name and class: the weight each
    mention's evidence adds up to (keyed by the mention's start offset),
    and the votes of rules and readers (keyed None), each counted apart."""

    def __init__(self):
        self.names: dict[str, dict[str, dict]] = defaultdict(lambda: defaultdict(dict))

    def vote(self, name: str, cls: str, weight: float, at: int | None = None) -> None:
        """``at``: the mention whose surroundings cast the vote; votes of one
        mention add up, votes of rules (no ``at``) are each their own."""
        votes = self.names[name][cls]
        key = at if at is not None else f"rule{len(votes)}"
        votes[key] = votes.get(key, 0.0) + weight

    def local(self, name: str, at: int) -> dict[str, float]:
        """The classes one mention's own surroundings voted for."""
        return {cls: votes[at] for cls, votes in self.names.get(name, {}).items() if at in votes}

    def scores(self, name: str) -> dict[str, float]:
        """Per class: the strongest vote plus a quarter of the others."""
        out = {}
        for cls, votes in self.names.get(name, {}).items():
            if votes:
                strongest = max(votes.values())
                out[cls] = strongest + 0.25 * (sum(votes.values()) - strongest)
        return out

    def leader(self, name: str, family: tuple = ()) -> tuple[str | None, float]:
        """The class with the highest score among ``family`` (any, if
        empty); ties go to the earlier work class."""
        ranked = [(w, c) for c, w in self.scores(name).items() if not family or c in family]
        if not ranked:
            return None, 0.0
        weight, cls = max(ranked, key=lambda wc: (wc[0], -WORKS.index(wc[1]) if wc[1] in WORKS else 0))
        return cls, weight

    def decided(self, name: str) -> str | None:
        """The leading class if its score reaches the decision weight (the
        no-work verdict included), else None."""
        cls, weight = self.leader(name)
        return cls if weight >= weights()["decide"] else None

    def to_data(self) -> list:
        """Plain rows (name, class, mention or rule key, weight), which
        ``Doc.to_bytes`` carries."""
        return [(n, c, k, w) for n, v in self.names.items() for c, ws in v.items() for k, w in ws.items()]

    @classmethod
    def from_data(cls, rows: list) -> Ballot:
        ballot = cls()
        for name, c, key, weight in rows:
            ballot.names[name][c][key] = weight
        return ballot


QUOTED = re.compile(r"\"[^\"\n]{1,90}\"|(?<![\w'])'[^'\n]{1,90}'(?!\w)")


def clear_winner(votes: dict):
    """The choice with more votes than any other (and more than none), else None."""
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    return ranked[0][0] if ranked and ranked[0][1] > 0 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None


def topic(text: str) -> dict[str, int]:
    """What the article is about: how many of its words (outside quoted
    titles, which may be any word) are about music, the screen and films."""
    words = re.findall(r"[a-z]+", QUOTED.sub(" ", text).lower())
    return {kind: sum(1 for w in words if w in kind_words) for kind, kind_words in _topic_words().items()}


@lru_cache(maxsize=None)
def _topic_words() -> dict[str, frozenset]:
    lex = lexicon()["topic_words"]
    return {kind: frozenset(lex[kind]) for kind in ("music", "screen", "film")}


def default_work(counts: dict[str, int], among: tuple | list = WORKS) -> str:
    """The class a title no evidence types takes: a song in a music story,
    a series (or a film, where films are talked of more) in a screen story;
    when the votes leave only some works open, the likeliest of those."""
    screen = "Film" if counts["film"] > counts["screen"] else "TVSeries"
    music_first = counts["screen"] + counts["film"] <= counts["music"]
    order = ("Song", "Album", screen, *WORKS) if music_first else (screen, "TVSeries", "Film", "Song", "Album")
    return next((c for c in order if c in among), among[0])


def roles_of_undecided(facts) -> dict[str, set]:
    """Per undecided mention, the classes that every fact read of it can hold: a title read as
    a performer's subject ('"Window Seat" – Tak Min-seo') is a song or an album whatever the
    article is about, and a name read as its performer ("HAE-IN's 'Paper Crane'") an artist."""
    allowed: dict[str, set] = {}
    for fact in facts:
        if fact.evidence.confidence < FIRM:
            continue  # a weak reading ("Jo Min-ho's Glass Harbor": whose work, a song's singer or a film's maker) says no kind
        for ref, signature in ((fact.subject, DOMAINS), (fact.object, RANGES)):
            if isinstance(ref, EntityRef) and ref.cls in FAMILIES and fact.predicate in signature:
                allowed[ref.name] = allowed.get(ref.name, set(FAMILIES[ref.cls])) & set(signature[fact.predicate])
    return allowed
