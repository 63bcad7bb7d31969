"""Which word of a rule's role names the one a fact is about, where the
word the rule matched stands for someone else: a group's member named with
it ("Jisoo from BLACKPINK sang", "Nova Ring's member Kang"), a group for the
member listed after it in parentheses, a credited team for the people it
names ("composed by the duo T (A, B)", CONVENTIONS rule 10), and no one
for a team's owner ("by Crestline's in-house team") or a track left unnamed
("one of the remaining tracks features B"); and the kind of role word
before a name ("PD Choi": director), which rules may require or refuse."""
from __future__ import annotations

from ..data import lexicon, member_nouns
from ..records import EntityRef
from .context import Context
from .listing import listed_in_parentheses, role_kinds

NOT_A_ROLE_BEFORE = set(lexicon()["role_kinds"]["_not_a_role_before"])
MUSIC_BEFORE = {w.lower() for w in lexicon()["role_kinds"]["_music_before"]}
OFFICE_BEFORE = {w.lower() for w in lexicon()["role_kinds"]["_office_before"]}
ITEM_BREAKS = {";", "|", "•", "·"}  # between the items of a list on one line


def member_named(ctx: Context, token):
    """ "Jisoo from BLACKPINK released 'Flower'", "Nova Ring's member Kang
    sang": the group only says whose member the one who acts is; that
    person takes the role; so does the name after "member" ("Lumiere member
    Eun-bi sang", where the parse makes "member" a subject too)."""
    ent, doc = ctx.ent(token), token.doc
    if ent is None and token.lower_ in member_nouns() and token.i + 1 < len(doc) and _is_person(ctx, doc[token.i + 1]):
        return doc[token.i + 1]
    if ent is None or ctx.class_of(ent) not in ("MusicGroup", "ORG"):
        return token
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in ("of", "from") and _is_person(ctx, head.head):
        return head.head
    after = token.i + 1
    if after < len(doc) and doc[after].text in ("'s", "'"):
        after += 1 + (after + 1 < len(doc) and doc[after + 1].lower_ in member_nouns())
        if after < len(doc) and _is_person(ctx, doc[after]):
            return doc[after]
    elif after + 1 < len(doc) and doc[after].lower_ in member_nouns() and _is_person(ctx, doc[after + 1]):
        return doc[after + 1]  # "features my old Paper Planets bandmate Cho Yeon-woo"
    return token


def outside_parentheses(ctx: Context, token):
    """A member listed in parentheses after a group ("G (A, B, C) released
    X", where the parse takes B for the subject) stands for the group; after
    a name no mention covers ("CHROMA 5 (A, B) will release"), for no one
    the rule can name (None)."""
    doc = token.doc
    opened = ctx.marks.last_bracket(max(0, token.i - 12), token.i)
    if opened is None or doc[opened].text != "(" or opened == 0:
        return token
    before = doc[opened - 1]
    group = ctx.ent(before)
    if group is None or group.is_value:  # "CHROMA 5": the number alone is a mention, a value
        unnamed = token.dep_ in ("nsubj", "appos", "conj") and (before.is_upper or before.like_num and opened > 1
                                                                and doc[opened - 2].is_upper)
        return None if unnamed else token
    return before if ctx.class_of(group) == "MusicGroup" else token


def owner_of_the_credited(token) -> bool:
    """ "composed by Crestline's in-house team": whose team, not who composed."""
    doc = token.doc
    return doc[token.i + 1:token.i + 2].text in ("'s", "'") and doc[token.i - 1].lower_ == "by"


def credited_team(ctx: Context, token, accepted: tuple) -> list[EntityRef] | None:
    """The people a team credited with the music or the words names in
    parentheses ("by the in-house team T (A, B)"), where the team itself
    cannot take the credit; None where no such team is credited."""
    team = next((t for t in (token, *token.children) if (t is token or t.dep_ == "appos") and ctx.ent(t) is not None
                 and listed_in_parentheses(t)), None)
    if team is None or ctx.class_of(ctx.ent(team)) in accepted:
        return None
    return [r for t in listed_in_parentheses(team) if (e := ctx.ent(t)) is not None and (r := ctx.ref(e, accepted))]


def unnamed_one(token) -> bool:
    """ "one of the remaining tracks", "another of the songs": one not named."""
    return token.lower_ in ("one", "another") and any(c.lower_ == "of" for c in token.children)


def _is_person(ctx: Context, token) -> bool:
    ent = ctx.ent(token)
    return ent is not None and ctx.class_of(ent) in ("Person", "PERSON")


def role_word_kind(token, sentence) -> str | None:
    """The kind of the nearest role word before ``token`` in its sentence
    ("PD Choi (One the Woman)": director; "the main cast of Ji Sung": actor),
    or of the token itself when the parse made the role word the head of the
    name ("by the composer X": composer, X its apposition)."""
    kinds, doc = role_kinds(), token.doc
    for i in range(token.i, sentence.start - 1, -1):
        if doc[i].text in ITEM_BREAKS or doc[i].text.strip("*") == "":
            return None  # "BEST DIRECTOR: A (Moss) ***** BEST LIGHTING: B (Moss)": B's item has no role word
        kind = kinds.get(doc[i].lower_)
        if kind and i + 1 < sentence.end and doc[i + 1].lower_ in NOT_A_ROLE_BEFORE:
            continue  # "the script reading": the word names a thing, not the person's role
        if kind:
            # "singer and songwriter", "DJ and record producer", "singer-songwriter": one who performs
            j, run = i - 1, {kind}
            while j >= sentence.start and (doc[j].lower_ in kinds or doc[j].text in ("and", "-", "&", "/")
                                           or doc[j].is_lower and doc[j].is_alpha and not doc[j].is_stop):
                run.add(kinds.get(doc[j].lower_))
                j -= 1
            # "ART DIRECTOR": a crew member, not the director; "music director X": the composer
            if kind == "director" and i > sentence.start and doc[i - 1].lower_ in MUSIC_BEFORE:
                return "composer"
            if kind == "director" and i > sentence.start and doc[i - 1].lower_ in OFFICE_BEFORE:
                return "crew"  # "festival director X", "executive director X": an office, no work's director
            return "performer" if "performer" in run else "crew" if "crew" in run else kind
    return None


def fits_sentence(rule, sentence, start: int) -> bool:
    """Does the match's sentence hold, before the match (token ``start``), a word the rule needs and
    none it must not ("Other performers included A ('X')": a music show's stages, not an actor's dramas)?"""
    if not rule.sentence:
        return True
    words = {t.lower_ for t in sentence.doc[sentence.start:start]}
    return (not rule.sentence.get("with") or bool(words & rule.sentence["with"])) \
        and not words & rule.sentence.get("without", frozenset())


def fits_role_words(rule, role: str, token, sentence) -> bool:
    """A rule that names the kind of role word its entity needs (or must
    not have) before it: "(Work)" after a director's name is directing,
    after an actor's it is acting; or that must not name it right before it."""
    if rule.not_named_as.get(role) and token.i > sentence.start and token.doc[token.i - 1].lower_ in role_kinds() \
            and role_word_kind(token, sentence) in rule.not_named_as[role]:
        return False  # "director A's film": A is its director, no star of it (a "singer-songwriter" sings)
    if role not in rule.role_kind and role not in rule.not_role_kind:
        return True
    kind = role_word_kind(token, sentence)
    return (role not in rule.role_kind or kind in rule.role_kind[role]) and kind not in rule.not_role_kind.get(role, ())
