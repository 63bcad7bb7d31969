"""What the sentence says a mention is: the class noun of an apposition
("X, the title track of") or of what a copula says it is ("X is a 1990
American film"), read from the parse and, where the parse hung the words
elsewhere, from the words right after the mention."""
from __future__ import annotations

from functools import lru_cache

from ..data import lexicon
from .spans import WORKS

BE = {"is", "was", "are", "were", "'s", "remains", "became", "becomes"}
TITLES = {"TITLE", *WORKS}


def lookup(words: dict, word: str):
    """A cue word, or its singular ("hits", "dramas")."""
    return words.get(word) or (words.get(word[:-1]) if word.endswith("s") else None)


@lru_cache(maxsize=None)
def work_nouns() -> dict[str, str]:
    """The lexicon's class nouns of works, in lower case ("album": Album);
    ``lookup`` finds their plurals."""
    return {w.lower(): cls for cls, words in lexicon()["class_nouns"].items() if cls in WORKS for w in words}


@lru_cache(maxsize=None)
def copula_nouns() -> dict[str, str]:
    """Nouns that name a class only after a copula ("X is the second OST")."""
    return {w.lower(): cls for cls, words in lexicon()["copula_class_nouns"].items() if cls in WORKS for w in words}


def described_as(span, nouns: dict, copula_only: bool = False) -> str | None:
    """The class the sentence's parse puts beside the mention: an
    apposition ("X, the title track of", "X, a former member of") or what
    it is said to be ("X is a 1990 American film", "X is the first girl
    group to"); a compound noun reads as its head ("title track": track).
    ``copula_only``: only what it is said to be, for a span that is not a
    mention yet (an apposition parse of "SEOUL, June 21 -- BTS' new
    single" is too often wrong to make a title of)."""
    if not span.doc.has_annotation("DEP"):
        return None
    root = span.root
    if _credited_up_front(root):
        return None  # "Written by A, the song ...": "the song" is the main clause's subject, whatever the parse says
    # not across a spaced dash: '"Lamp" – the band Tidewater' sets a title beside its artist; nor one the parse
    # hangs on it across a clause ("'X' was written by A, the band's leader": A's)
    described = [t for t in root.children if t.dep_ == "appos" and t.i >= span.end and not copula_only
                 and not any(d.text in "-–—" and d.whitespace_ for d in span.doc[span.end:t.i])
                 and all(d.is_punct or d.like_num for d in span.doc[span.end:t.left_edge.i])]
    said = []  # the words of the span that hang on a copula outside it: the parse may call a long title's head "dep"
    for word in (t for t in span if not span.start <= t.head.i < span.end):
        if word.dep_ in ("nsubj", "nsubjpass", "dep") and word.head.lower_ in BE \
                and not any(t.ent_type_ in TITLES for t in span.doc[span.end:word.head.i]):  # not past another title:
            said += [t for t in word.head.children if t.dep_ == "attr" and t.i > word.head.i]  # "..., whose film 'Y' was a hit"
    described += said
    doc = span.doc
    for noun in described:
        if noun.lower_ == "one":  # "X is one of ten songs on Y": the kind the "of" names
            noun = next((g for c in noun.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), noun)
        if noun.i + 2 < len(doc) and doc[noun.i + 1].ent_type_ and doc[noun.i + 2].lower_ in ("'s", "'"):
            # "X is director NA's debut feature": the noun titles the possessor; X is what the phrase ends in
            described += [t for t in noun.children if t.dep_ == "appos"]
            continue
        # a two-word noun by its modifier too ("extended play": no play but an album)
        pairs = [f"{m.lower_} {noun.lower_}" for m in noun.children if m.i == noun.i - 1 and m.dep_ in ("amod", "compound")]
        cls = next((c for pair in pairs if (c := lookup(nouns, pair))), None) or lookup(nouns, noun.lower_) \
            or (lookup(copula_nouns(), noun.lower_) if noun in said else None)
        if cls:
            return cls
    return _said_to_be(span, nouns) if copula_only else _appositive_after(span, nouns)


def _credited_up_front(token) -> bool:
    """Is the token the agent of a participle that opens its sentence
    ("Written and produced by A, B and C, ...")?"""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    if token.dep_ != "pobj" or token.head.lower_ != "by":
        return False
    verb = token.head.head
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    start = verb.sent.start
    return verb.i == start or verb.i == start + 1 and verb.doc[start].is_punct


def _said_to_be(span, nouns: dict) -> str | None:
    """The class noun a copula right after the span says it is, however the
    parse hung the words: "A Grand Day Out is a 1989 film", "Princess
    Mononoke (Japanese: ...) is a 1997 ... war film", "X is a 1982
    claymation short directed by"; the phrase's last class noun ("cartoon
    series") names it."""
    doc, i = span.doc, span.end
    if i < len(doc) and doc[i].text == "(":  # a gloss between the title and its copula
        i = next((j + 1 for j in range(i, min(i + 30, len(doc))) if doc[j].text == ")"), i)
        i += i < len(doc) and doc[i].text == ","
    if i >= len(doc) or doc[i].lower_ not in ("is", "was"):  # not "'s": "IU's fifth album", "Here's the tracklist"
        return None
    found = None
    for token in doc[i + 1:i + 15]:
        if token.lower_ in NOT_MODIFIERS or token.dep_ in ("acl", "relcl", "prep") or token.is_punct and token.text not in "-.":
            break
        found = lookup(nouns, token.lower_) or found
    return found


APPOSITIVE_LINK = {"a", "an", "the", "his", "her", "their", "its"}
NOT_MODIFIERS = {"of", "for", "by", "to", "in", "on", "at", "with", "and", "or", "that", "which", "who", "is", "was"}


def _appositive_after(span, nouns: dict) -> str | None:
    """What the words right after a mention call it when the parse hung the
    apposition elsewhere: '"Magic", the first full-length movie directed by'."""
    doc, i = span.doc, span.end
    while i < len(doc) and doc[i].is_quote:
        i += 1
    if i >= len(doc) or doc[i].text != ",":
        return None
    i += 1
    while i < len(doc) and doc[i].is_quote:  # '"Lantern," the title track': the comma inside the quotes
        i += 1
    if i >= len(doc) or doc[i].lower_ not in APPOSITIVE_LINK:
        return None
    for j in range(i + 1, min(i + 7, len(doc))):
        word = doc[j].lower_
        if doc[j - 1].text == "-" and not doc[j - 1].whitespace_ and j + 1 < len(doc) and doc[j + 1].is_alpha:
            continue  # "an eight-part crime thriller": a modifier's last part, no noun of its own (not "mini-album,")
        # the noun's head is further on in "the title track" and "the group's EP"
        if lookup(nouns, word) and not (j + 1 < len(doc) and (lookup(nouns, doc[j + 1].lower_) or doc[j + 1].text in ("'s", "'", "\u2019s"))):
            if doc[j].dep_ in ("nsubj", "nsubjpass") and doc[j].head.i > j:
                return None  # "Directed by A, the film stars B": the noun opens the main clause, A is no film
            return lookup(nouns, word)
        if word in NOT_MODIFIERS or doc[j].is_punct and word != "-" or doc[j].ent_type_ not in ("", "ORDINAL", "DATE", "CARDINAL"):
            return None
    return None


# What may follow the noun of an apposition that says what a work is ("X, an ENA drama starring", "X, a film by").
APPOSITION_GOES_ON = frozenset({"starring", "that", "which", "about", "by", "directed", "written", "set", "from", "in",
                                "on", "with", "based", "released", "produced", "featuring", "and", "of", "for"})
APPOSITION_DETERMINERS = frozenset({"a", "an", "the", "her", "his", "their", "its"})


def apposed_kind(tokens, end: int, nouns: dict) -> str | None:
    """The work class an apposition right after an opening run names: "X,
    an ENA drama," "X, a 2019 film by" or "X, her third album," (read from
    the words, not the parse, which often hangs such an apposition
    elsewhere); None for "X, the drama's lead" (a noun before its possessor
    is not the head)."""
    if end + 2 >= len(tokens) or tokens[end].text != "," or tokens[end + 1].lower_ not in APPOSITION_DETERMINERS:
        return None
    for j in range(end + 2, min(end + 7, len(tokens) - 1)):
        cls = lookup(nouns, tokens[j].lower_)
        after = tokens[j + 1]
        if cls and (after.is_punct and after.text not in ("'", "-") or after.lower_ in APPOSITION_GOES_ON):
            return cls
        if tokens[j].is_punct and tokens[j].text != "-" or tokens[j].dep_ == "prep":
            return None  # "Seoul, a city of dramas": the apposition's head came before ("a 12-episode romance" goes on)
    return None
