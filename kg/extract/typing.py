"""Typing by evidence: which class each name of an article belongs to.

No single source decides a class. Every mention of a name casts votes from
what is around it, and the name's class is the one with most weight over
all of its mentions in the article:

* where the mention came from: the gazetteer (all but decisive), the
  romanised-name patterns, a quotation, the NER model's label (one vote);
* cue words beside it: "the drama X", "X OST", "album X", "singer X",
  "group X", "X members";
* what the sentence says it is: "X is a 1990 film", "X, the title track of";
* the relation patterns that take it (cast in ``extract``): "X was directed
  by" votes for a series or film;
* and, for a title nothing else types, what the article is about: a chart
  story's titles are songs, a ratings story's are series.

The weights and word lists are data (``evidence`` and the cue lists in
kg/data/lexicon.json). A name whose votes reach no class stays undecided
(a marker: TITLE, PERSON or ORG) and is dropped unless a rule or reader
later gives it one.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..nlp import lexicon

WORKS = ("Song", "Album", "TVSeries", "Film")
# What an undecided mention (a marker) may still become.
FAMILIES = {
    "TITLE": WORKS,
    "PERSON": ("Person", "MusicGroup"),
    "ORG": ("MusicGroup", "Organization", "Broadcaster", "Platform", "Chart"),
}
SKIPPED_BEFORE = re.compile(r"(?i)part\.?\d*|vol\.?\d*|no\.?|#|as|like|including|such|titled|called|entitled|named|:|,")
APPOSITION_STOP = {"of", "for", "by", "from", "on", "in", "and", "with", "along", "while", "which", "that", "who",
                   "featuring", "features", "feature", "when", "after", "before", "because", "but", "if"}


@lru_cache(maxsize=None)
def weights() -> dict[str, float]:
    return {k: float(v) for k, v in lexicon()["evidence"].items() if not k.startswith("_")}


@lru_cache(maxsize=None)
def _cues() -> tuple[dict, dict, set, set, set]:
    lex = lexicon()
    before = {w.lower(): cls for cls, words in lex["title_cues_before"].items() for w in words}
    after = {w.lower(): cls for cls, words in lex["title_cues_after"].items() for w in words}
    people = {w.lower() for w in lex["person_cues"]}
    groups = {w.lower() for w in lex["group_cues"]}
    nouns = {w.lower(): cls for cls, words in lex["class_nouns"].items() for w in words}
    return before, after, people, groups, nouns


def model_vote(label: str) -> tuple[str, str] | None:
    """(marker, class) for an NER label: the trained model's labels are
    vocabulary classes (or coarse families), the base model's OntoNotes ones."""
    return {
        "PERSON": ("PERSON", "Person"), "Person": ("PERSON", "Person"), "MusicGroup": ("ORG", "MusicGroup"),
        "GROUP": ("ORG", "MusicGroup"), "ORG": ("ORG", None), "Organization": ("ORG", "Organization"),
        "Broadcaster": ("ORG", "Broadcaster"), "Platform": ("ORG", "Platform"), "Chart": ("ORG", "Chart"),
        "WORK_OF_ART": ("TITLE", None), "WORK": ("TITLE", None),
        "Song": ("TITLE", "Song"), "Album": ("TITLE", "Album"), "TVSeries": ("TITLE", "TVSeries"), "Film": ("TITLE", "Film"),
    }.get(label)


class Ballot:
    """The votes of one article: per name, weight per class; per mention
    (by start offset), the votes its own surroundings cast."""

    def __init__(self):
        self.names: dict[str, Counter] = defaultdict(Counter)
        self.local: dict[int, Counter] = defaultdict(Counter)

    def vote(self, name: str, cls: str, weight: float, at: int | None = None) -> None:
        self.names[name][cls] += weight
        if at is not None:
            self.local[at][cls] += weight

    def leader(self, name: str, family: tuple = ()) -> tuple[str | None, float]:
        """The class with most weight among ``family`` (any, if empty)."""
        votes = self.names.get(name)
        if not votes:
            return None, 0.0
        ranked = [(w, c) for c, w in votes.items() if not family or c in family]
        if not ranked:
            return None, 0.0
        weight, cls = max(ranked, key=lambda wc: (wc[0], -WORKS.index(wc[1]) if wc[1] in WORKS else 0))
        return cls, weight

    def to_data(self) -> dict:
        return {"names": {n: dict(c) for n, c in self.names.items()}, "local": {k: dict(c) for k, c in self.local.items()}}

    @classmethod
    def from_data(cls, data: dict) -> Ballot:
        ballot = cls()
        for name, votes in data["names"].items():
            ballot.names[name].update(votes)
        for at, votes in data["local"].items():
            ballot.local[int(at)].update(votes)
        return ballot


def topic(text: str) -> dict[str, float]:
    """What the article is about, as a prior for titles: the share of its
    words that are about music and about the screen (and, there, films)."""
    words = re.findall(r"[a-z]+", text.lower())
    lex = lexicon()["topic_words"]
    counts = {kind: sum(1 for w in words if w in set(lex[kind])) for kind in ("music", "screen", "film")}
    return counts


def default_work(counts: dict[str, int]) -> str:
    """The class a title no evidence types takes: a song in a music story,
    a series (or a film, where films are talked of more) in a screen story."""
    if counts["screen"] + counts["film"] > counts["music"]:
        return "Film" if counts["film"] > counts["screen"] else "TVSeries"
    return "Song"


def cast_local_votes(ballot: Ballot, doc: Doc, tokens: list[Token], ents: list) -> None:
    """Votes from each mention's source and from the words beside it."""
    w = weights()
    before, after, people, groups, nouns = _cues()
    suffixes = set(lexicon()["organization_suffixes"])
    by_token = {}
    for ent in ents:
        span = doc.char_span(ent.start, ent.end, alignment_mode="expand")
        if span is not None:
            by_token[span.start] = ent
    for first, ent in by_token.items():
        if ent.is_value:
            continue
        span = doc.char_span(ent.start, ent.end, alignment_mode="expand")
        source_class = {"gazetteer": ent.cls, "names": "Person", "cue": ent.cls}.get(ent.source)
        if source_class is not None and source_class not in FAMILIES:
            ballot.vote(ent.name, source_class, w[ent.source], ent.start)
        vote = model_vote(ent.model_label) if ent.model_label else None
        if vote and vote[1]:
            ballot.vote(ent.name, vote[1], w["model"], ent.start)
        words = ent.surface.split()
        if ent.cls == "PERSON" and len(words) >= 2 and all(x[:1].isupper() for x in words):
            ballot.vote(ent.name, "Person", w["name_shape"], ent.start)
        if ent.cls == "ORG" and words[-1] in suffixes:
            ballot.vote(ent.name, "Organization", w["suffix"], ent.start)
        if ent.source == "gazetteer":
            continue
        left = [t for t in tokens[max(0, span.start - 5):span.start] if not t.is_quote]
        while left and (left[-1].like_num or SKIPPED_BEFORE.fullmatch(left[-1].text) or left[-1].ent_type_ in ("ORDINAL", "DATE")):
            left.pop()
        right = [t for t in tokens[span.end:span.end + 3] if not t.is_quote]
        word_before = left[-1].text.lower() if left and left[-1].i not in by_token and left[-1].ent_type_ == "" else None
        words_after = [t.text.lower() for t in right[:2] if t.ent_type_ == "" or t.ent_type_ in ("ORDINAL",)]
        if ent.cls in ("TITLE",) + WORKS:
            if word_before in before:
                ballot.vote(ent.name, before[word_before], w["cue"], ent.start)
            cue_after = next((after[x] for x in words_after if x in after), None)
            if cue_after:
                ballot.vote(ent.name, cue_after, w["cue"], ent.start)
            described = _described_as(tokens, span.end, by_token, nouns)
            if described in WORKS:
                ballot.vote(ent.name, described, w["apposition"], ent.start)
        elif ent.cls in FAMILIES["PERSON"] + FAMILIES["ORG"] + ("PERSON", "ORG"):
            if word_before in people:
                ballot.vote(ent.name, "Person", w["cue"], ent.start)
            elif word_before in groups or any(x in groups for x in words_after[:1]):
                ballot.vote(ent.name, "MusicGroup", w["cue"], ent.start)
            described = _described_as(tokens, span.end, by_token, nouns)
            if described in ("Person", "MusicGroup", "Organization"):
                ballot.vote(ent.name, described, w["apposition"], ent.start)


def _described_as(tokens: list[Token], end: int, mentions: dict, nouns: dict) -> str | None:
    """The class a noun right after the mention gives it: "X, the title track
    of", "X is a 1990 American film", "X, a former member of"; looked for in
    the next nine words, up to a preposition, a clause or another mention."""
    i, limit = end, min(end + 9, len(tokens))
    seen_link = False
    while i < limit:
        t = tokens[i]
        word = t.text.lower()
        if i in mentions and t.ent_type_ not in ("DATE", "ORDINAL", "CARDINAL") or t.is_sent_start:
            return None
        if word in nouns and seen_link:
            # "title track" and "lead single" read as their last word
            nxt = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
            if nxt in nouns and nxt not in ("of", "for"):
                i += 1
                continue
            return nouns[word]
        if word in {",", "is", "was", "are", "were", "a", "an", "the", "-", "("} or t.is_quote:
            seen_link = True
        elif word in APPOSITION_STOP or (t.is_punct and word not in ",-("):
            return None
        i += 1
    return None
