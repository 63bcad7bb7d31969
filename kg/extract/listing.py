"""Entities listed together: "A, B and C", "A as well as B", "not only A
but also B", "singer A and actor B", walking from one listed item over
commas, coordinators and the words that describe the next item, until the
sentence, another frame ("directed by A, starring B") or another kind of
role ("director A and writer B") ends the list. The rule engine expands a
role with it (``expand``); the readers and references ask it too."""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from ..data import lexicon, member_nouns
from .spans import FAMILIES

COORDINATORS = {",", "and", "&", "x", "×", "alongside"}  # "x": a collaboration, "Soyou x Junggigo"
LIST_PHRASES = ("as well as", "along with", "together with", "in collaboration with")  # each word only inside its phrase
PHRASE_WORDS = {w for phrase in LIST_PHRASES for w in phrase.split()}
SONG_CREDITS = frozenset({"lyricist", "composer"})  # the two credits a role noun names exactly ("lyricist A and composer B")
# role kinds a list runs on through: "lyricist A and composer B"; "a film starring singer A and actor B" (both on screen)
# "sung by A and guest rapper B", "starring A and guest star B"; but "the group's vocalist A and guest pianist B"
LISTED_TOGETHER = (SONG_CREDITS, frozenset({"performer", "actor"}), frozenset({"member", "performer"}),
                   frozenset({"performer", "guest"}), frozenset({"actor", "guest"}))
# Words that may stand between listed items: "'A' (2022), seventh EP 'B'".
MODIFIERS = {"ep", "lp", "album", "mini-album", "single", "song", "track", "drama", "series", "film", "the", "his", "her", "their", "its"}


VERBISH = {"by", "with", "to", "for", "from", "of", "in", "on", "is", "was", "are", "were", "who", "which", "that", "will", "has", "have", "had"}


def _same_kind(t: Token, head: Token) -> bool:
    """Could ``t`` be listed with ``head``: the same class, or undecided and
    able to become it."""
    a, b = t.ent_type_, head.ent_type_
    return bool(a) and (a == b or b in FAMILIES.get(a, ()) or a in FAMILIES.get(b, ()))


@lru_cache(maxsize=None)
def frame_breakers() -> frozenset:
    """Words that start another frame ("stars", "written", "while")."""
    return frozenset(w.lower() for w in lexicon()["frame_breakers"])


@lru_cache(maxsize=None)
def role_kinds() -> dict[str, str]:
    kinds = lexicon()["role_kinds"]
    return {word.lower(): kind for kind, words in kinds.items() if not kind.startswith("_") for word in words}


def _describes(t: Token, head: Token, own: set) -> bool:
    """Can ``t`` stand inside a description between listed items: not the
    next item, a coordinator, a sentence start, a verb-like word, a role
    word of another kind than the list's own (``own``), or a name of
    another kind ("A's 'X', 'Y' and B's 'Z'": Z is B's), nor a verb that
    starts another frame ("directed by A, it stars B")."""
    word = t.text.lower()
    kind = role_kinds().get(word, next(iter(own))) if own else None
    if kind == "member" and "member" not in own:
        kind = next(iter(own))  # "written by producer A and member B": a member may take any credit
    # "lyricist A and composer B": the two song credits list together, each name taking its own (facts.py)
    other_role = own and kind not in own and not any(own | {kind} <= kinds for kinds in LISTED_TOGETHER)
    # a name whose possessive describes the next item is no item ("A along with YG Entertainment's producer B")
    owner = t.i + 1 < len(t.doc) and t.doc[t.i + 1].text in ("'s", "'") and t.ent_type_ in ("ORG", "Organization")
    # a nationality describes ("and the American producer B")
    other_name = t.ent_type_ not in ("", "DATE", "ORDINAL", "CARDINAL", "TIME", "PERCENT", "QUANTITY", "MONEY", "NORP") and not owner
    # "rapper-turned-actor DAYLO": a career in one hyphenated word, no verb
    turned = word == "turned" and t.i > 0 and t.doc[t.i - 1].text == "-"
    if t.is_lower and not t.whitespace_ and t.i + 1 < len(t.doc) and t.doc[t.i + 1].text == "-":
        return True  # "and in-house producer B": the first word of a hyphenated one, no preposition
    return not (_same_kind(t, head) or _coordinates(t.doc, t.i) or t.is_sent_start or word in VERBISH
                or t.text.endswith("ed") and not turned or word in frame_breakers() or other_role or other_name)


def _member_noun_before(token: Token) -> Token | None:
    """The member noun right before ``token`` ("vocalist A", "the group's lead vocalist, A"), if any."""
    before = token.doc[token.i - 1 - (token.i > 1 and token.doc[token.i - 1].text == ",")] if token.i else None
    return before if before is not None and before.lower_ in member_nouns() else None


def _owned_role_before(token: Token) -> bool:
    """Does a noun with an owner stand right before ``token`` ("and its singer B": the band's)?"""
    before = token.doc[token.i - 1] if token.i else None
    return before is not None and before.is_lower and any(c.dep_ == "poss" for c in before.children)


def _one_member_named(token: Token) -> bool:
    """Does a group's member noun in the singular stand right before ``token`` ("the group's lead
    vocalist, A", not "made up of leader A, B and C")?"""
    noun = _member_noun_before(token)
    return noun is not None and not noun.lower_.endswith("s") and any(c.dep_ == "poss" for c in noun.children)


_DASHES = ("-", "–", "—")


def _past_dashed_role(doc, i: int) -> int | None:
    """The comma or "and" after a dash and one to three lower-case words ("– lead guitar,"), else None."""
    j = i + 1
    while j < min(i + 4, len(doc)) and doc[j].is_lower and doc[j].is_alpha and doc[j].lower_ != "and":
        j += 1
    return j if j > i + 1 and j < len(doc) and doc[j].text in (",", "and", "&") else None


def coordinated(token: Token, step: int, context=(), relation: str = "") -> list[Token]:
    """Entities listed with ``token`` ("A, B, and C"), walking right (+1) or
    left (-1) over commas and "and", same label family only, and past an
    aside in parentheses or a clause between commas. ``context`` are the
    matched tokens: a role word of another kind there ends the list
    ("director A and writer B"); a member word does so only in a list of
    members (``relation`` memberOf: "member A and songwriter B")."""
    kinds = role_kinds()
    credit = relation in SONG_CREDITS
    # the role nouns only: after a credit's verb a role noun describes the next one credited ("co-written by A and
    # producer B"), while "director A and writer B" are two credits
    # (not the noun the first item is set beside: "written by the singer, A, and producer B": both wrote it)
    own = {kinds[w] for t in context if (w := t.text.lower()) in kinds and not w.endswith(("ed", "en", "ing"))
           and not (token.dep_ == "appos" and t == token.head and token.doc[token.i - 1].text == ",")}
    if relation != "memberOf":
        own.discard("member")  # "co-composed by member A and producer B": both credited
    elif own:
        own.add("member")  # "the group's vocalist A and guest pianist B": B is no member
    doc, found, i = token.doc, [], token.i + step
    while 0 <= i < len(doc):
        t = doc[i]
        if (t if step > 0 else doc[i + 1]).is_sent_start:
            break  # a list ends with its sentence
        clause = t.lower_ in ("who", "whose") or t.lower_.endswith("ed") and t.dep_ in ("acl", "ccomp", "advcl", "relcl")
        if step > 0 and (t.text == "(" or clause and doc[i - 1 - doc[i - 1].is_quote].text == ","):
            # "Wi Ha-joon (8.3 million), Lee Yoo-mi (6.3 million)"; "A, who plays the lead, and B"; "A, released
            # last month, along with B"
            end = ")" if t.text == "(" else ","
            close = next((k for k in range(i, min(i + 24, t.sent.end)) if doc[k].text == end), None)
            # the list goes on past a clause only to a name that starts none ("A, who scored it, and B herself wrote")
            named = next((n for n in doc[close + 1:close + 6] if n.ent_type_), None) if close is not None else None
            # a clause holding the rule's own words is its frame ("A, who plays the lead, and B": not B's part)
            inside = end == "," and close is not None and any(i <= c.i < close for c in context)
            # the clause's closing comma may itself join the next item ("A, who serves as leader, B, C and D")
            joined = close is not None and close + 1 < len(doc) \
                and (_coordinates(doc, close + 1, credit) or doc[close + 1].ent_type_ == token.ent_type_)
            if close is not None and not inside and (end == ")" or joined and named is not None and not named.dep_.startswith("nsubj")):
                i = close + 1
                continue
        if t.lower_ in frame_breakers() and not _but_also(doc, i):
            break  # "directed by A, starring B and C": B and C are in another frame
        if t.is_quote or _coordinates(doc, i, credit) or _but_also(doc, i) or (found or i != token.i + step) and (t.ent_type_ == "ORDINAL" or t.text.lower() in MODIFIERS):
            i += step  # quotation marks too: the dependency rules see the document with them
            continue
        if step > 0 and t.lower_ == "as" and not _coordinates(doc, i, credit):
            after_role = _past_character(doc, i, kinds)  # "stars A as a detective and B as a journalist"
            if after_role is not None:
                i = after_role
                continue
        if step > 0 and t.text in _DASHES and (after_role := _past_dashed_role(doc, i)) is not None:
            i = after_role  # "Callum Pryce – vocals, Niamh Doherty – guitar and ...": each name's instrument
            continue
        if step < 0 and kinds.get(t.lower_) in SONG_CREDITS and i > 0 and _coordinates(doc, i - 1, credit):
            i -= 1  # "lyricist A and composer B wrote it": B's role noun, then the list goes on to A
            continue
        if step < 0 and not found and i == token.i - 1:
            # "producer A and ballad singer B team up": the words before B describe B; past them, the list goes on
            skip = i
            while skip > max(i - 4, 0) and not doc[skip + 1].is_sent_start and _describes(doc[skip], token, own) \
                    and not doc[skip].is_quote and doc[skip].text != ",":
                skip -= 1
            if skip < i and doc[skip].lower_ in ("and", "&") and skip > 0 and _same_kind(doc[skip - 1], token):
                i = skip
                continue
        if step > 0 and (_coordinates(doc, i - 1, credit) or doc[i - 1].lower_ in MODIFIERS and _coordinates(doc, i - 2, credit)):
            # "and Japan's new-age musician Isao Sasaki", "and the cellist Beth Okafor", "M Signal and FT Island":
            # step over a description or a name of unknown kind to the next listed entity.
            skip = i
            while skip < min(i + 6, len(doc)) and not doc[skip].is_sent_start and _describes(doc[skip], token, own):
                skip += 1
            if skip > i and skip < len(doc) and (_same_kind(doc[skip], token) or _coordinates(doc, skip, credit)):
                i = skip
                continue
        if _same_kind(t, token):
            j = i - 1
            while j > 0 and doc[j].is_quote:
                j -= 1
            if step > 0 and doc[j].text in ("'s", "'") and j - 1 != token.i and doc[j - 1].ent_type_ not in ("", "Place"):
                break  # "A's 'X' and B's 'Y'": Y has an owner of its own ("Seoul's Lee" is only from Seoul)
            between = doc[min(i, found[-1].i if found else token.i) + 1:max(i, found[-1].i if found else token.i)]
            if not any(_coordinates(doc, b.i, credit) or _but_also(doc, b.i) for b in between if b.text not in "()"):
                break
            after = next((a for a in doc[t.i + 1:t.i + 3] if not a.is_quote and a.text != ","), None)
            if step > 0 and after is not None and after.lower_ == "by":
                break  # "A's 'X' and 'Y' by B": Y is B's, and the list ends
            if step > 0 and t.dep_ in ("nsubj", "nsubjpass") and t.head.i > t.i and t.head.dep_ == "conj" \
                    and any(b.dep_ == "cc" and b.head == t.head.head for b in doc[(found[-1] if found else token).i + 1:t.i]):
                break  # "composed by A, and member B choreographed it": B is the subject of a clause of its own
            if step < 0 and token.dep_ in ("nsubj", "nsubjpass") and _list_head(t).dep_ in ("pobj", "dobj", "appos") \
                    and t not in token.conjuncts:
                break  # "written by A and B, and C sang it", "A plays the detective B, and C plays": the frame before C's
            found.append(t)
            i += step
            continue
        break
    if relation == "memberOf" and step > 0 and _one_member_named(token):
        # "the group's lead vocalist, A, and B": one member named, B shares another credit (not "whose
        # vocalist A and guitarist B" or "and its singer B": B's own noun names B one)
        found = [t for t in found if _member_noun_before(t) is not None or _owned_role_before(t)]
    return found


def _past_character(doc, i: int, kinds: dict) -> int | None:
    """Where the list goes on after the character an item plays ("A as a
    detective, B as ...", "A as Mickey, B as Donald"): the "and" or comma
    after a short phrase, or a longer one when the next item plays a part too ("A as the owner of a salt
    farm and B as her son"); None for a credit's role ("A as lyricist and B as composer": each their own)
    or no list after it."""
    for k in range(i + 1, min(i + 11, len(doc) - 2)):
        word = doc[k].lower_
        if word in kinds or doc[k].is_punct and word != ",":
            return None
        if k > i + 1 and word in (",", "and") and doc[k + 1].ent_type_ and not doc[k + 1].is_punct \
                and (k < i + 7 or doc[k + 2].lower_ == "as"):
            return k
    return None


def _list_head(t: Token) -> Token:
    """The first item of the parse's list that ``t`` is in."""
    while t.dep_ == "conj" and t.head.i < t.i:
        t = t.head
    return t


def _coordinates(doc, i: int, credit: bool = False) -> bool:
    """Does word ``i`` join listed items? The words of "as well as", "along with", "together with"
    and "in collaboration with" only inside their phrase ("credited to A as lyricist and B as
    composer": A's role, no list); in a credit, "with" too ("co-written by A with producers B and C")."""
    word = doc[i].lower_
    if word in COORDINATORS or credit and word == "with":
        return True
    if word not in PHRASE_WORDS:
        return False
    return any(" ".join(t.lower_ for t in doc[k:k + len(p.split())]) == p
               for p in LIST_PHRASES if word in p.split() for k in range(max(0, i - 3), i + 1))


def _but_also(doc, i: int) -> bool:
    """ "not only A but also B" lists A and B; "but" alone does not."""
    words = (doc[i - 1].lower_ if i else "", doc[i].lower_, doc[i + 1].lower_ if i + 1 < len(doc) else "")
    return words[1:] == ("but", "also") or words[:2] == ("but", "also")


def listed_in_parentheses(token: Token) -> list[Token]:
    """The names in parentheses right after ``token`` ("the duo Moonwalk
    Tapes (Jo Eun-pyo, Han Si-woo)") and those a list word joins after them
    ("... (A, B) in collaboration with composer C")."""
    doc = token.doc
    if token.i + 2 >= len(doc) or doc[token.i + 1].text != "(":
        return []
    close = next((k for k in range(token.i + 2, min(token.i + 16, len(doc))) if doc[k].text == ")"), None)
    if close is None:
        return []
    inside = [t for t in doc[token.i + 2:close] if t.ent_type_]
    after = close + 1
    while after < len(doc) and _coordinates(doc, after):
        after += 1
    if after > close + 1:  # past descriptions ("Swedish composer") to the next name of the kind listed
        nxt = next((t for t in doc[after:after + 4] if t.ent_type_), None)
        if nxt is not None and inside and _same_kind(nxt, inside[0]):
            inside += [nxt] + coordinated(nxt, +1)
    return inside
