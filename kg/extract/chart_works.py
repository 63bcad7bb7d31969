"""Which work each rank of a clause belongs to: the works a clause
names that it could rank (not one that only qualifies another: "Lantern,
the title track of the album First Light"; "The song, taken from the EP
X"), the subject of the verb stating the rank, or what "it" or "the song"
stands for; ranks pair with the works they follow ("A at No. 2"), precede
("third place is A") or list ("rose to fourth and fifth, respectively";
"followed by A, B and C")."""
from __future__ import annotations

import re

from ..data import alternatives, lexicon
from ..records import EntityRef
from .networks import artists_song, called_so_before, named_right_after, title_track_before
from .ranks import Rank
from .listing import coordinated
from .spans import RECORDINGS as WORKS

RANKABLE = WORKS + ("TITLE",)  # a record, or a title whose class is not decided yet

# "it", or "the song", "the album", "the ballad": a ranked record named before (not "the OST of X", all its songs)
RECORD_WORDS = {w: tuple(lexicon()["antecedent_words"][w]) for w in lexicon()["ranks"]["entry_nominals"]}
# ... or an owner's: "Kwon Se-ah's ballad", "the rock band's brooding theme"
NOMINAL_ENTRY = re.compile(rf"\b(?:it|its|(?:the|[\w-]+(?:'s|s'|\u2019s))\s+(?:title\s+|[a-z-]+\s+)?(?P<noun>{alternatives(RECORD_WORDS)}))\b",
                           re.I)
OWNER_WORDS = {w.lower() for w in lexicon()["person_cues"] + lexicon()["group_cues"]} | {"project", "rookie", "solo"}
FOLLOWED = re.compile(r"\b(?:followed by|trailed by)\b", re.I)
RESPECTIVELY = re.compile(r"\brespectively\b", re.I)


GOES_TO = re.compile(r"\s*(?:place|spot|position)?\s*(?:is|was|goes to|went to)\b", re.I)


def pair_ranks(ctx, clause, text: str, ranks: list[Rank]) -> list[tuple[EntityRef, Rank]]:
    """Each rank with the work it belongs to."""
    works = _ranked_works(ctx, clause)
    if len({r.start for r in ranks}) < len(ranks) and len(works) != len(ranks):
        ranks = ranks[-1:]  # "ranked first to third" with fewer works found: the last one listed is the third
    if not works:
        nominal = NOMINAL_ENTRY.search(text[:ranks[0].start]) or NOMINAL_ENTRY.search(text)
        if nominal is None:
            return []
        kinds = RECORD_WORDS[nominal.group("noun").lower()] if nominal.group("noun") else RANKABLE
        noun = nominal.group("noun") and clause.doc.char_span(clause.start_char + nominal.start("noun"), clause.start_char + nominal.end("noun"))
        ref = (" title " in nominal.group() and title_track_before(ctx, clause.doc[clause.start])) \
            or (noun and (artists_song(ctx, noun[0]) or called_so_before(ctx, noun[0]))) \
            or _nominal_antecedent(ctx, _main_subject_it(clause, nominal.start()) or clause.doc[clause.start], kinds)
        return [(_work_ref(ref), rank) for rank in ranks] if ref else []
    if len(works) == len(ranks) > 1 and (RESPECTIVELY.search(text) or _alternate(works, ranks) or _listed_apart(text, works, ranks)):
        return [(ref, rank) for (_, ref), rank in zip(works, ranks)]
    follow = FOLLOWED.search(text)
    listed = [w for w in works if follow and w[0] > follow.start() and not any(follow.start() < r.start < w[0] for r in ranks)]
    pairs, used = [], set(listed)
    # "in third place was X": a rank fronted before the work it goes to, whatever the sentence's subject
    subject = _ranked_subject(ctx, clause, ranks[0]) if len(ranks) == 1 and not GOES_TO.match(text, ranks[0].end) else None
    if subject is not None:
        # "it is ranked in the top place ... after its release in 'Take a Breath'": the subject, and what is listed with it
        group = [w for w in works if w[1] == subject]
        group += [w for w in works if w not in group and w not in listed and group and _listed_with(clause, group[0][0], w[0])]
        pairs = [(subject, ranks[0])] + [(w[1], ranks[0]) for w in group if w[1] != subject]
    else:
        for rank in ranks:
            before = [w for w in works if w[0] < rank.start and w not in listed]
            after = [w for w in works if w[0] >= rank.end and w not in listed]
            if after and (not before or GOES_TO.match(text, rank.end)):
                work = after[0]
            elif before:
                work = before[-1]
            else:
                continue
            pairs.append((work[1], rank))
            used.add(work)
        if len(ranks) == 1:  # "Dynamite and Butter topped the chart", not "A has 1.4M downloads ... and B, the third"
            pairs += [(w[1], ranks[0]) for w in works if w not in used and any(_listed_with(clause, u[0], w[0]) for u in used)]
    if listed:  # "A at No. 2, followed by B, C and D": 3, 4 and 5
        last = max((r for r in ranks if r.start < follow.start()), key=lambda r: r.start, default=None)
        for step, w in enumerate(listed, 1):
            if last is not None:
                pairs.append((w[1], Rank(last.value + step, w[0], w[0])))
    return pairs


def _nominal_antecedent(ctx, token, kinds: tuple) -> EntityRef | None:
    """What "the song" or "the album" points back to: the nearest work of
    its kind, else the nearest title still undecided ('"Ocean Eyes" debuted
    at No. 5 ... The song also entered ...')."""
    found = ctx.pronoun_antecedent(token, kinds) if token.lower_ == "it" else ctx.antecedent(token, kinds)
    return found or ("TITLE" not in kinds and ctx.antecedent(token, ("TITLE",))) or None


def _main_subject_it(clause, offset: int):
    """The "it" at ``offset`` when it is the sentence's subject ("Outside the
    US, it reached No. 9"), which goes on about the subject before it; not
    one in a clause of its own ("This album entered in May, where it
    peaked")."""
    span = clause.doc.char_span(clause.start_char + offset, clause.start_char + offset + 2)
    it = span[0] if span is not None else None
    return it if it is not None and it.lower_ == "it" and it.dep_ in ("nsubj", "nsubjpass") and it.head.dep_ == "ROOT" else None


def _listed_with(clause, first: int, other: int) -> bool:
    """Is the work at ``other`` listed with the one at ``first`` ("sixth EP
    'A' (2022), seventh EP 'B'", "A and B")?"""
    doc = clause.doc
    head = doc.char_span(clause.start_char + first, clause.start_char + first + 1, alignment_mode="expand")
    return head is not None and any(t.idx - clause.start_char == other for t in coordinated(head[0], +1) + coordinated(head[0], -1))


def _ranked_subject(ctx, clause, rank: Rank):
    """The work that is the subject of the verb stating the rank, when the
    parse says so: a work mention, or a pronoun or definite nominal for one
    ("it", "the album"); None when the subject is something else."""
    doc = clause.doc
    token = doc.char_span(clause.start_char + rank.start, clause.start_char + max(rank.end, rank.start + 1), alignment_mode="expand")
    if token is None:
        return None
    node = token.root
    for _ in range(6):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            head = subjects[0]
            ent = ctx.ent(head)
            if ent is not None:
                cls = ctx.class_of(ent)
                held = [ctx.ent(t) for c in node.children if c.lower_ == "with" for t in c.subtree if ctx.ent(t) is not None]
                if cls == "TITLE" and held and ctx.class_of(held[0]) in RANKABLE:
                    # "Nova Ring took first place with 'Lantern'": who ranked, and with what
                    return _work_ref(EntityRef(held[0].name, ctx.class_of(held[0])))
                return _work_ref(EntityRef(ent.name, cls)) if cls in RANKABLE else None
            if head.lower_ in ("it", "its") or head.lower_ in ("song", "single", "track", "album", "ep", "record") and \
                    any(c.lower_ in ("the", "this", "that") for c in head.children):
                kinds = RECORD_WORDS[head.lower_] if head.lower_ != "it" else RANKABLE
                # "The lead single, 'Faro', ... reached number 8": the title the noun names, not a song named before
                ref = head.lower_ != "it" and named_right_after(ctx, head, kinds) or _nominal_antecedent(ctx, head, kinds)
                return _work_ref(ref) if ref else None
            return None
        if node.head is node:
            return None
        node = node.head
    return None


def _alternate(works, ranks) -> bool:
    """Works and ranks that take turns: "A at No. 2, B at No. 4"."""
    marks = sorted([(w[0], "w") for w in works] + [(r.start, "r") for r in ranks])
    return all(a[1] != b[1] for a, b in zip(marks, marks[1:]))


def _listed_apart(text: str, works, ranks) -> bool:
    """A list of works and a list of as many ranks, one after the other:
    "A and B took the second and third spots", "A, B and C are ranked
    first to third". They pair in order."""
    listed = all(re.fullmatch(r"\s*,?\s*(?:and|or|&)?\s*", text[a.end:b.start]) or a.start == b.start
                 for a, b in zip(ranks, ranks[1:]))
    return listed and (max(w[0] for w in works) < ranks[0].start or min(w[0] for w in works) > ranks[-1].end)


def _ranked_works(ctx, clause) -> list[tuple[int, EntityRef]]:
    """(offset in the clause, work) for the works a clause could rank: not
    one that only qualifies another work (an album after "the title track
    of"), and not one inside a quotation of speech."""
    found = []
    for token, ent, cls in ctx.sentence_mentions(clause):
        if cls in RANKABLE:
            found.append((token, EntityRef(ent.name, cls)))
    tokens = {t.i for t, _ in found}
    kept = []
    for token, ref in found:
        owner = next((head for head in token.ancestors if head.i in tokens and head.i != token.i), None)
        # listed with the work it hangs on ("A", "B" and "C" ranked ...), it is ranked in its own right
        if owner is not None and _qualifies(token) and token not in coordinated(owner, +1) \
                and not _owned_in_list(ctx, owner, token) or _qualifies_a_record_noun(token):
            continue
        kept.append((token.idx - clause.start_char, _work_ref(ref)))
    return kept


def _qualifies_a_record_noun(token) -> bool:
    """Does the work hang, through a preposition or a participle, on a noun
    for a record ("The song, taken from the band's EP X, ranked": the song
    ranked; "the ballad for the drama X")?"""
    passed = False
    for head in token.ancestors:
        passed = passed or head.dep_ in ("prep", "acl")
        if head.lower_ in RECORD_WORDS and passed and head.ent_type_ == "":
            return True
    return False


def _owned_in_list(ctx, first, token) -> bool:
    """Are ``first`` and ``token`` listed one after the other with an owner
    of its own between ("A's 'X', B's 'Y' and C's 'Z' are ranked first to
    third", "A's 'X' and trio B's 'Y'": a role word may name the owner)?"""
    a, b = sorted((first.i, token.i))  # the parse may hang an earlier title on a later one
    between = first.doc[a + 1:b]
    return bool(between) and all(t.is_quote or t.text in (",", "and", "&", "'s", "'") or t.lower_ in OWNER_WORDS
                                 or ctx.ent(t) is not None and t.i + 1 < b and t.doc[t.i + 1].text in ("'s", "'")
                                 for t in between)


def _qualifies(token) -> bool:
    """Does the path up from ``token`` pass a preposition or a relative or
    appositive clause, as in "the title track of X", "which includes X"?"""
    return any(t.dep_ in ("pobj", "appos", "relcl", "acl", "dobj") for t in [token, *token.ancestors][:4])


def _work_ref(ref: EntityRef) -> EntityRef:
    return ref if ref.cls in WORKS or ref.cls == "TITLE" else EntityRef(ref.name, "Song")
