"""What a rule leaves unnamed: a role attached from the rule's anchor word
("the OST features A": the OST's song), or implied by the sentence and the
article ("the drama" in the sentence, a title the sentence names, else the
nearest work of the class the role takes)."""
from __future__ import annotations

from collections import Counter

from ..data import lexicon
from ..ingest.clean import DATE_LINES, find_date
from ..records import EntityRef
from .ballot import weights
from .context import Context
from .networks import SUBJECTS, YEAR_IN_BRACKETS, band_called_so_before, focal_work, topic_over_aside
from .refs import NOMINAL_NOUNS, SONG_PARTS, another_kind, attached, hangs_on_noun, with_listed
from .role_words import unnamed_one
from .rules import Binding
from .spans import FAMILIES, SOUNDTRACK_NAME, TYPED, WORKS

ORDINALS = set(lexicon()["ordinals"])


def _vote_found(ctx: Context, rule, role: str, refs: list[EntityRef]) -> None:
    """A title still undecided that a rule's frame reaches from its verb for
    a role it did not bind votes as a bound one does: in "Directed by A, 'X'
    follows ..." X is a series or a film. A date's frame says nothing of
    the kind ("released on", "premiered on": any work)."""
    if rule.makes == "releaseDate":
        return
    for ref in refs:
        if ref.cls in FAMILIES:
            options = [c for c in rule.classes.get(role, ()) if c in FAMILIES[ref.cls]]
            for cls in options:
                ctx.ballot.vote(ref.name, cls, weights()["role"] * rule.confidence / len(options))

def unnamed_role(ctx: Context, binding: Binding, sentence, role: str) -> list[EntityRef]:
    """A role the rule did not bind: attached from the rule's anchor when
    it names one, else implied by what the article is about."""
    anchor = binding.anchors.get(role)
    accepted = tuple(c for c in binding.rule.classes.get(role, ()) if c in TYPED)
    while anchor is not None and anchor.dep_ in ("appos", "conj") and anchor.head.lower_ in SONG_PARTS:
        anchor = anchor.head  # "Words by A, music by B": the music is the song's the words are of
    if anchor is not None and accepted:
        if anchor.dep_ == "dobj" and any(c.ent_type_ == "ORDINAL" or c.lower_ in ORDINALS for c in anchor.children):
            return []  # "BigHit revealed the first member of G": one about to be named, not the one who revealed it
        found = attached(ctx, anchor, accepted)
        if found:
            found = with_listed(ctx, found, accepted, anchor)
            _vote_found(ctx, binding.rule, role, found)
            return found
        if anchor.dep_ == "ROOT" and anchor.lower_ in SONG_PARTS and "|" not in sentence.text \
                and (named := ctx.nearest_before(anchor, accepted + ("TITLE",))) and (song := ctx.ref(named, accepted)):
            ctx.note_supplier(named)
            return [song]  # "Words by A, music by B." on its own (not a table's row): the song's, named however long before
        if hangs_on_noun(ctx, anchor):
            return []  # "albums released in 2021": the frame is about that noun, which names nothing
        if _opens(anchor, sentence):  # "Starring A, B and C, 'Island' is ...": what the sentence goes on to name
            bound = {t.i for tokens in binding.roles.values() for t in tokens}
            after = _named_after(ctx, sentence, anchor.i, accepted, bound, asides=False)
            if after:
                return after[:1]
        if _said_of_another(ctx, anchor, accepted) or any(c.dep_ in ("nsubj", "nsubjpass") and (
                another_kind(c, accepted) or unnamed_one(c)) for c in anchor.children):
            return []  # "The 'Salt Road' OST features A", "one of the other tracks features A": no series, no track named
        before = [ent for token, ent in ctx.mentions_in(sentence)
                  if token.i < anchor.i and ctx.class_of(ent) in accepted + tuple(FAMILIES)]
        ref = ctx.ref(before[-1], accepted) if before else None
        if ref is None and _opens(anchor, sentence):
            # "... teaser. Written by A and directed by B, ...": the work of the sentence before, else of the section
            # or numbered item the sentence stands under ("2. Gold Sandals" over "Directed by A, who also made 'W'")
            if not any(ctx.class_of(ent) in accepted for _, ent in ctx.mentions_in(sentence)) and not _byline(ctx, sentence):
                ref = _named_before(ctx, sentence, accepted)
            prose = sentence.text.rstrip().endswith((".", "!", "?"))  # not a page's credit line ("Written by A")
            ref = ref or (_under_a_heading(ctx, anchor, accepted) if prose else None)
        return [ref] if ref is not None else []
    return _implied(ctx, binding, sentence, role)

def _said_of_another(ctx: Context, anchor, accepted: tuple) -> bool:
    """Is the noun a rule hangs on the object of a clause whose subject is
    of another kind ("Composer A, who scored 'X', worked on the soundtrack
    of Y": the clause is about A, so X is not the soundtrack)?"""
    node = anchor
    while node.dep_ in ("pobj", "prep", "dobj") and node.head is not node:
        node = node.head
    if node is anchor:
        return False
    subjects = [ctx.ent(c) for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(ent is not None and not ctx.may_be(ent, accepted) for ent in subjects)

def _named_after(ctx: Context, sentence, last: int, accepted: tuple, skip=frozenset(), asides: bool = True) -> list[EntityRef]:
    """What a sentence that opens with a participle goes on to name after token ``last`` ("Starring A and B,
    'Island' is ..."), before any work in a relative clause (or an aside, unless ``asides`` rules those out
    anyway: "Starring A (Court of Ashes) and B, the drama"); where a section or a list item heads the
    sentence, never such a work ("2. Gold Sandals" over "Directed by A, who also made 'W'": A's earlier work;
    elsewhere the parse may hang the sentence's own title in the clause)."""
    found = [(ref, ent.start in ctx.asides or _in_a_clause(ctx, ent)) for token, ent in ctx.mentions_in(sentence)
             if token.i > last and token.i not in skip and not (asides and ent.start in ctx.asides)
             and ctx.class_of(ent) in accepted + tuple(FAMILIES) and (ref := ctx.ref(ent, accepted)) is not None]
    outside = [ref for ref, inside in found if not inside]
    return outside or ([] if _under_a_heading(ctx, sentence[0], accepted) else [ref for ref, _ in found])


def _opens(anchor, sentence) -> bool:
    """Is ``anchor`` a participle the sentence opens with ("Written by A and
    directed by B, the teaser ...")?"""
    first = sentence.start + (sentence[0].is_punct or sentence[0].is_space)
    return anchor.i == first or anchor.dep_ == "conj" and anchor.head.i == first

def _byline(ctx: Context, sentence) -> bool:
    """Is the sentence the page's byline, a dated line near the top ("Written by Entertainment Desk | New Delhi |
    Updated: July 29, 2025"), whose writer wrote the article, not the song the headline names?"""
    text = ctx.article.text
    start = text.rfind("\n", 0, sentence.start_char) + 1
    end = text.find("\n", sentence.start_char)
    above = sum(1 for line in text[:start].split("\n") if line.strip())
    return above <= DATE_LINES and find_date(text[start:end if end >= 0 else len(text)]) is not None


def _named_before(ctx: Context, sentence, accepted: tuple) -> EntityRef | None:
    """The last work of an accepted class the previous sentence names: what
    a sentence that opens with "Directed by B," and names no work speaks of
    ("... the Adamas script reading. Written by A and directed by B, the
    teaser ...")."""
    previous = ctx.sentence_before(sentence)
    if previous is None:
        return None
    named = [ent for _, ent in ctx.mentions_in(previous) if ctx.class_of(ent) in accepted]
    if not named:
        return None
    ctx.note_supplier(named[-1])
    return ctx.ref(named[-1], accepted)


OF_THE_FOCAL_WORK = ("soundtrack/the-theme-song", "soundtrack/the-ending-song")  # the rules whose unnamed series is the article's


def _implied(ctx: Context, binding: Binding, sentence, role: str) -> list[EntityRef]:
    """A rule that leaves a role unnamed talks about what the article is
    about: what "the album" / "the drama" in the sentence points back to,
    else the nearest mention of the class the role accepts before the match
    (the series for cast lines, the group for a list of members)."""
    accepted = tuple(c for c in binding.rule.classes.get(role, ()) if c in TYPED)
    if not accepted or _owns_a_work(binding, accepted):
        return []
    if "character" in binding.rule.roles or binding.rule.id.startswith("cast/character"):
        # "Mi-rae (played by Bae Ji-an)": a series the sentence names (not an actor's earlier one in parentheses),
        # else the one the article is about
        named = [ctx.ref(ent, accepted) for _, ent in ctx.mentions_in(sentence)
                 if ctx.class_of(ent) in accepted and ent.start not in ctx.asides]
        found = next((r for r in named if r), None) or _under_a_heading(ctx, binding.span[0], accepted) \
            or _screen_focal(ctx, accepted)
        return [found] if found else []
    if binding.rule.id.startswith(OF_THE_FOCAL_WORK):
        # "The theme song, X, ...": the work the article is about, not one named in passing before
        found = _under_a_heading(ctx, binding.span[0], accepted) or _screen_focal(ctx, accepted)
        return [found] if found else []
    first = binding.span.start
    if first == sentence.start + (sentence[0].is_punct or sentence[0].is_space) and first < len(ctx.doc) \
            and ctx.doc[first].lower_.endswith(("ing", "ed")):
        # "Starring A and B, 'Island' is ...": a sentence that opens with a participle names its work after it
        after = _named_after(ctx, sentence, binding.span.end - 1, accepted)
        if after:
            return after[:1]
    theirs = _bracketed_after(ctx, binding.span)  # "PD Yoon (Lantern Street, W)": Yoon's earlier works, no work of the role
    for token in sentence:
        kinds = NOMINAL_NOUNS.get(token.text.lower())
        wanted = tuple(k for k in kinds or () if k in accepted)
        # "the drama" names the series the role wants; "the OST" names no series, so says nothing of which
        if wanted and _determined(token):
            named = next((t for t in token.doc[token.i + 1:token.i + 4] if not (t.is_quote or t.text == ",")), None)
            if named is not None and (ent := ctx.ent(named)) is not None and not _in_a_clause(ctx, ent) \
                    and (ref := ctx.ref(ent, wanted)) is not None:
                return [ref]  # "the drama 'Blue Gate'", "the fifth track, 'Sundial'": the title the noun names
            ref = band_called_so_before(ctx, token, wanted) or ctx.antecedent(token, wanted)
            if ref is not None and ref.name in theirs:
                ref = _screen_focal(ctx, wanted)
            if ref is None:  # 'The song is titled "X," and A wrote the lyrics': the title the sentence gives it
                between = ctx.doc[token.i + 1:binding.span.start]
                given = [e for _, e in ctx.mentions_in(between) if ctx.class_of(e) in wanted] or ctx.undecided_in(between, wanted)
                ref = ctx.pointed_back(given[0], wanted) if given else None
            return [ref] if ref else []
    nearest = ctx.nearest_before(binding.span[0], accepted)
    if nearest is None or nearest.start < sentence.start_char:  # the sentence names none of the class before the match
        own = [e for e in ctx.undecided_in(ctx.doc[sentence.start:binding.span.start], accepted) if not _in_a_clause(ctx, e)]
        if own:  # a title no rule has decided yet, of the sentence ('In "Blue Harbor," A plays a detective'; '"Mirror
            # Hall" by the group G, whose leader A co-wrote the lyrics'), rather than a work named in an earlier sentence
            ctx.note_supplier(own[-1])
            return [ref] if (ref := ctx.pointed_back(own[-1], accepted)) else []
        # "A will star opposite B in the drama 'X'": the work the sentence names after the match, not an earlier one
        # (nor one dated in passing: "B, of the film 'W' (2020), will play")
        later = next((ref for token, ent in ctx.mentions_in(sentence) if token.i >= binding.span.end and ent.name not in theirs
                      and ctx.class_of(ent) in accepted and ctx.class_of(ent) in WORKS and not _in_a_clause(ctx, ent)
                      and not YEAR_IN_BRACKETS.match(ctx.article.text, ent.end)
                      and (ref := ctx.ref(ent, accepted)) is not None), None)
        if later is not None:
            return [later]
    ref = ctx.antecedent(binding.span[0], accepted)  # named before the words that point back, not after them
    if ref is not None and ref.name in theirs:
        ref = _screen_focal(ctx, accepted)
    if ref is not None and ref.cls in ("TVSeries", "Film", "Album") and _dated_in_passing(ctx, ref, binding.span[0]):
        ref = topic_over_aside(ctx, ref)  # "A will play the role of N" after "her role in 'W' (2021)": the article's
    elif ref is not None and binding.rule.makes == "soundtrackOf" and ref.cls == "TVSeries":
        ref = _series_of_the_article(ctx, ref)
    previous, works = ctx.sentence_before(sentence), tuple(c for c in accepted if c in WORKS)
    # the antecedent above is ``nearest``'s: was it named before the sentence before?
    further_back = ref is not None and previous is not None and nearest.start < previous.start_char
    if ref is None or further_back:
        # a title no rule has decided yet, a work's of the sentence before ('The song is "Blue Wind." Park Jun wrote
        # the lyrics'; not a group's); over one named further back, only if that sentence is about it ('The second
        # part, "Kiln" by B, ... B's vocalist wrote the lyrics')
        undecided = ctx.undecided_in(previous, works) if previous is not None and works else []
        undecided = [e for e in undecided if _about(ctx, e, accepted)] if further_back else undecided
        if undecided:
            ctx.note_supplier(undecided[-1])
            ref = ctx.pointed_back(undecided[-1], accepted)
    return [ref] if ref else []


def _about(ctx: Context, ent, accepted: tuple) -> bool:
    """Is the undecided title what its sentence is about, the clause's subject or set beside it ("The second
    part, 'Kiln', will be ..."), with its votes leaning to a class wanted ("The first part, 'X', was sung by
    A. Part 4 ...": X is no series)?"""
    span = ctx.doc.char_span(ent.start, ent.end, alignment_mode="expand")
    root = span.root if span is not None else None
    return root is not None and (root.dep_ in SUBJECTS or root.dep_ == "appos" and root.head.dep_ in SUBJECTS) \
        and ctx.ballot.leader(ent.name, WORKS)[0] in accepted


def _screen_focal(ctx: Context, accepted: tuple) -> EntityRef | None:
    """The series or the film the article is about, whichever it names more often (a film's page that names
    the director's earlier series once: the film)."""
    return max((w for c in ("TVSeries", "Film") if c in accepted and (w := focal_work(ctx, c))),
               key=lambda w: sum(e.name == w.name for e in ctx.by_start.values()), default=None)


def _under_a_heading(ctx: Context, token, accepted: tuple) -> EntityRef | None:
    """The work whose title heads the section or the numbered item ``token`` stands in (a listicle's "Frost
    Bakery" line, or "2. Gold Sandals", over "The theme song, X"), if it is of an accepted class: that
    section's work, not the article's first."""
    start = ctx.heading_at(token)
    line = ctx.doc.char_span(start, ctx.article.text.find("\n", start) % (len(ctx.article.text) + 1),
                             alignment_mode="expand") if start else None
    head = next((ent for _, ent in ctx.mentions_in(line) if ctx.class_of(ent) in TYPED or ctx.class_of(ent) == "TITLE"),
                None) if line is not None else None
    return ctx.ref(head, accepted) if head is not None else None


def _determined(token) -> bool:
    """Does "the", "this" or "that" stand before the noun, or before one lower-case word before it ("this
    theme song", "the lead single")?"""
    before = [t.lower_ for t in token.doc[max(0, token.i - 2):token.i]]
    return bool(before) and before[-1] in DETERMINERS or len(before) == 2 and before[0] in DETERMINERS \
        and token.doc[token.i - 1].is_lower and token.doc[token.i - 1].is_alpha


DETERMINERS = frozenset({"the", "this", "that"})


def _series_of_the_article(ctx: Context, ref: EntityRef) -> EntityRef:
    """An OST part no words tie to a series ("OST Part 3 'X', sung by A") is the soundtrack of the series
    the article is about (named again and again; not a mistyped "drama OST"), not of a rival named once in passing."""
    focal = focal_work(ctx, "TVSeries")
    named = Counter(e.name for e in ctx.by_start.values())
    return focal if focal is not None and focal != ref and named[ref.name] == 1 and named[focal.name] >= 3 \
        and not SOUNDTRACK_NAME.search(focal.name) else ref


def _in_a_clause(ctx: Context, ent) -> bool:
    """Is a title named inside a relative clause or an aside ("directed by D, who helmed 'W', the series ...")?"""
    token = ctx.doc.char_span(ent.start, ent.end, alignment_mode="expand")[0]
    return ent.start in ctx.asides or any(a.dep_ in ("relcl", "acl", "advcl") for a in token.ancestors)


def _owns_a_work(binding: Binding, accepted: tuple) -> bool:
    """ "director A's previous drama, 'W'": the match names A's own work, not the one the article
    is about (unlike "PD A's decision to shoot it in one take")."""
    doc, end = binding.span.doc, binding.span.end
    return end < len(doc) and doc[end].text in ("'s", "\u2019s") \
        and any(set(NOMINAL_NOUNS.get(t.lower_, ())) & set(accepted) for t in doc[end + 1:end + 5])


def _bracketed_after(ctx: Context, span) -> set[str]:
    """The names in the brackets right after a match ("PD Yoon (Lantern Street, Ten Thousand Tangerines)")."""
    text = ctx.article.text
    if not text.startswith(" (", span.end_char) and not text.startswith("(", span.end_char):
        return set()
    close = text.find(")", span.end_char)
    inside = ctx.doc.char_span(span.end_char, close, alignment_mode="contract") if close > 0 else None
    return {e.name for _, e in ctx.mentions_in(inside)} if inside is not None else set()


def _dated_in_passing(ctx: Context, ref: EntityRef, before) -> bool:
    """Was the work last named with its year in brackets ("praised for playing a lawyer in 'W' (2021)"),
    as an earlier work is, not as the one the paragraph is about?"""
    last = next((t for t, e in reversed(ctx.mention_tokens) if t.i < before.i and e.name == ref.name), None)
    return last is not None and YEAR_IN_BRACKETS.match(ctx.article.text, last.idx + len(last)) is not None
