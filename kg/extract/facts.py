"""Facts from rule matches: each binding of a relation pattern becomes
facts between the entities its roles name, with the evidence of its
sentence; roles a rule leaves unnamed point back to what the article is
about ("the drama", "its")."""
from __future__ import annotations

import re
from functools import cache

from ..data import lexicon
from ..records import EntityRef, Fact, Value
from .context import Context
from .spans import FAMILIES, TYPED, WORKS, span_text
from .refs import NOMINAL_NOUNS, PROMOTION, another_kind, attached, hangs_on_noun, may_refer, refs_at, with_listed
from .role_words import credited_team, fits_role_words, member_named, outside_parentheses, owner_of_the_credited, unnamed_one
from .described import work_nouns
from .networks import focal_work, topic_over_aside
from .ost import soundtrack_named
from .listing import SONG_CREDITS, role_kinds
from .rules import Binding
from .ballot import weights
from .values import parse_date, years_in


def vote_roles(ctx: Context, binding: Binding) -> None:
    """A rule that takes an undecided mention in a role votes for the
    classes the role accepts ("X was directed by": a series or a film)."""
    rule = binding.rule
    if any(ctx.ent(t) is None and not may_refer(t) for tokens in binding.roles.values() for t in tokens):
        return  # "X features music by": "music" names nothing, so the frame says nothing of what X is
    if _of_promotion(binding):
        return
    sentence = ctx.sentence_of(binding.span.start)
    if any(not fits_role_words(rule, role, t, sentence) for role, tokens in binding.roles.items() for t in tokens[:1]):
        return  # "'W', by director A": no performer, so the frame says nothing of what W is
    for role, tokens in binding.roles.items():
        if role in rule.silent:
            continue
        accepted = rule.classes.get(role, ())
        for token in tokens:
            ent = ctx.ent(token)
            if ent is None or ent.cls not in FAMILIES:
                continue
            options = [c for c in accepted if c in FAMILIES[ent.cls]]
            for cls in options:
                ctx.ballot.vote(ent.name, cls, weights()["role"] * rule.confidence / len(options))


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


def apply_binding(ctx: Context, binding: Binding) -> None:
    rule, roles = binding.rule, binding.roles
    sentence = ctx.sentence_of(binding.span.start)
    if not all(fits_role_words(rule, "character", token, sentence) for token in roles.get("character", [])):
        return  # "PD Jang Woo-sung (Island Diner)": a director and an earlier show, no character and its actor
    ctx.characters.update(character.name for token in roles.get("character", []) if (character := ctx.ent(token)))
    if rule.makes == "character" or _negated(ctx, binding) or _of_promotion(binding):
        return
    ctx.supplied = None  # set if a role is found in another sentence ("The song is ...")
    subjects = _role_refs(ctx, binding, sentence, "subject")
    objects = _role_refs(ctx, binding, sentence, "object")
    # A role the rule leaves unnamed is attached or implied; a named one that did not fit stays empty, and then
    # nothing is attached (deciding what a title is from a frame that states nothing: "debuted in the Netflix chart")
    if "subject" in roles and not subjects or "object" in roles and not objects and rule.makes != "releaseDate":
        return
    if not subjects and "subject" not in roles:
        subjects = _unnamed(ctx, binding, sentence, "subject")
    if not objects and "object" not in roles:
        objects = _unnamed(ctx, binding, sentence, "object")
    if not subjects or not objects and rule.makes != "releaseDate":
        return  # nothing to state (a releaseDate's object is the date token, read below)
    if rule.makes == "inAlbum" and "rank" in roles:
        word = roles["rank"][0].text.lower()
        rank = lexicon()["ordinals"].get(word) or (int(word.rstrip("stndrh")) if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", word) else None) \
            or (1 if word in lexicon()["first_track_words"]["words"] else None)
    else:
        rank = None
    evidence = ctx.evidence(sentence, rule.id, rule.confidence, binding.span, [ctx.supplied])
    kind = _released_as(binding) if rule.makes == "releaseDate" else None
    # "Lyricist A and composer B wrote it": a credit's own role noun right before each name says which it is
    credited = {e.name: t.doc[t.i - 1].lower_ for t in roles.get("object", []) + roles.get("subject", [])
                if t.i > 0 and t.doc[t.i - 1].lower_ in SONG_CREDITS and (e := ctx.ent(t)) is not None}
    for subject in subjects:
        if rule.makes == "releaseDate":
            if subject.cls == "TVSeries" and LATER_EPISODE.search(span_text(sentence)):
                continue  # "episode 16 of X, which aired on February 23": the day of one episode, not the premiere
            if kind and subject.cls in WORKS and subject.cls != kind:
                # "X is a track on the album Y, and was released as its second single on D": a song's date; "It was
                # released as the album's lead single": "it" is the song named before, not the album
                named = [ent for token, ent in ctx.mentions_in(sentence) if token.i < binding.span.start]
                subject = ctx.antecedent(binding.span[0], (kind,)) if subject.name not in {e.name for e in named} \
                    else next((EntityRef(e.name, kind) for e in named if ctx.class_of(e) == kind), None)
                if subject is None:
                    continue
            value = _date_of(ctx, roles.get("object", [None])[0], sentence)
            if value:
                ctx.extraction.facts.append(Fact(subject, "releaseDate", value, evidence))
            continue
        makes = "composer" if rule.makes == "lyricist" and subject.name in ctx.instrumentals else rule.makes
        if rule.derive.get("subject") == "tracks":  # the album's tracks, known once the article is read
            ctx.track_credits += [(subject, makes, obj, evidence) for obj in objects]
            continue
        for obj in objects:
            if obj != subject:
                ctx.extraction.facts.append(Fact(subject, credited.get(obj.name, makes) if makes in SONG_CREDITS else makes, obj, evidence))
        if rank and objects:
            ctx.extraction.facts.append(Fact(subject, "trackNumber", Value(str(rank), "integer"), evidence))


YEAR = re.compile(r"(?:19|20)\d\d")
YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s*[-–]\s*(?:\d\d|(?:19|20)\d\d)")
# An episode after the first ("episode 16", "its 16th episode", "the last episode", "the finale"): its air date is no premiere.
LATER_EPISODE = re.compile(r"\b(?:episode|ep\.)\s*(?!0*1\b)\d+|\b(?!1st\b)\d+(?:st|nd|rd|th)\s+episode|\b(?:" + "|".join(
    [w for w, n in lexicon()["ordinals"].items() if n > 1] + lexicon()["later_episode_words"]["before"]) + r")\s+episode|\b(?:"
    + "|".join(lexicon()["later_episode_words"]["alone"]) + r")\b", re.I)
ORDINALS = set(lexicon()["ordinals"])


def _unnamed(ctx: Context, binding: Binding, sentence, role: str) -> list[EntityRef]:
    """A role the rule did not bind: attached from the rule's anchor when
    it names one, else implied by what the article is about."""
    anchor = binding.anchors.get(role)
    accepted = tuple(c for c in binding.rule.classes.get(role, ()) if c in TYPED)
    if anchor is not None and accepted:
        if anchor.dep_ == "dobj" and any(c.ent_type_ == "ORDINAL" or c.lower_ in ORDINALS for c in anchor.children):
            return []  # "BigHit revealed the first member of G": one about to be named, not the one who revealed it
        found = attached(ctx, anchor, accepted)
        if found:
            found = with_listed(ctx, found, accepted, anchor)
            _vote_found(ctx, binding.rule, role, found)
            return found
        if hangs_on_noun(ctx, anchor):
            return []  # "albums released in 2021": the frame is about that noun, which names nothing
        if _opens(anchor, sentence):  # "Starring A, B and C, 'Island' is ...": what the sentence goes on to name
            bound = {t.i for tokens in binding.roles.values() for t in tokens}
            after = [ref for token, ent in ctx.mentions_in(sentence) if token.i > anchor.i and token.i not in bound
                     and ctx.class_of(ent) in accepted + tuple(FAMILIES) and (ref := ctx.ref(ent, accepted)) is not None]
            if after:
                return after[:1]
        if _said_of_another(ctx, anchor, accepted) or any(c.dep_ in ("nsubj", "nsubjpass") and (
                another_kind(c, accepted) or unnamed_one(c)) for c in anchor.children):
            return []  # "The 'Salt Road' OST features A", "one of the other tracks features A": no series, no track named
        before = [ent for token, ent in ctx.mentions_in(sentence)
                  if token.i < anchor.i and ctx.class_of(ent) in accepted + tuple(FAMILIES)]
        ref = ctx.ref(before[-1], accepted) if before else None
        if ref is None and not any(ctx.class_of(ent) in accepted for _, ent in ctx.mentions_in(sentence)) \
                and _opens(anchor, sentence):
            ref = _named_before(ctx, sentence, accepted)
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


SCREEN_CREDITS = {"director", "castMember"}


def _of_promotion(binding: Binding) -> bool:
    """Is the screen credit's verb said of a music video or a trailer ("The
    music video for X was directed by Y", "Its teaser stars A"): the video's
    credit, not X's?"""
    if binding.rule.makes not in SCREEN_CREDITS:
        return False
    verb = binding.anchors.get("subject") or binding.span.root
    # not "film", a promotion's word that also names the work itself ("The film 'X' was directed by")
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in PROMOTION and c.lower_ not in work_nouns()
               for c in verb.children)


DENIALS = frozenset(lexicon()["negations"]["verbs"])


def _negated(ctx: Context, binding: Binding) -> bool:
    """Is the clause of the rule's words denied: its verb negated ("is not a
    member of", "was never cast in"; not "not only"), or governed by a verb
    of denial ("turned down the lead role in", "denied reports that he
    would appear in")? An aside's negation ("who never misses a show") is
    another clause's."""
    node, doc = binding.span.root, binding.span.doc
    for _ in range(5):
        if any(not (i + 1 < len(doc) and doc[i + 1].lower_ in ("only", "just")) for i in ctx.marks.negations.get(node.i, ())):
            return True
        if node.lower_ in DENIALS and (not node.lower_.startswith("turn") or any(c.lower_ == "down" for c in node.children)):
            return True
        if node.head is node or node.dep_ in ("advcl", "relcl", "conj", "parataxis", "appos"):
            return False  # another clause's negation ("fans need not worry, as his latest single ...")
        node = node.head
    return False


def _opens(anchor, sentence) -> bool:
    """Is ``anchor`` a participle the sentence opens with ("Written by A and
    directed by B, the teaser ...")?"""
    first = sentence.start + (sentence[0].is_punct or sentence[0].is_space)
    return anchor.i == first or anchor.dep_ == "conj" and anchor.head.i == first


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
        focal = focal_work(ctx) if "TVSeries" in accepted else None
        found = next((r for r in named if r), None) or focal
        return [found] if found else []
    first = binding.span.start
    if first == sentence.start + (sentence[0].is_punct or sentence[0].is_space) and first < len(ctx.doc) \
            and ctx.doc[first].lower_.endswith(("ing", "ed")):
        # "Starring A and B, 'Island' is ...": a sentence that opens with a participle names its work after it
        after = [ref for token, ent in ctx.mentions_in(sentence) if token.i >= binding.span.end
                 and ent.start not in ctx.asides  # not "Starring A (Court of Ashes) and B, the drama": A's earlier work
                 and ctx.class_of(ent) in accepted + tuple(FAMILIES) and (ref := ctx.ref(ent, accepted)) is not None]
        if after:
            return after[:1]
    for token in sentence:
        kinds = NOMINAL_NOUNS.get(token.text.lower())
        wanted = tuple(k for k in kinds or () if k in accepted)
        # "the drama" names the series the role wants; "the OST" names no series, so says nothing of which
        if wanted and token.i > 0 and token.doc[token.i - 1].text.lower() in {"the", "this", "that"}:
            named = next((t for t in token.doc[token.i + 1:token.i + 3] if not t.is_quote), None)
            if named is not None and (ent := ctx.ent(named)) is not None and not _in_a_clause(ctx, ent) \
                    and (ref := ctx.ref(ent, wanted)) is not None:
                return [ref]  # "the drama 'Blue Gate'": the title the noun names
            ref = ctx.antecedent(token, wanted)
            if ref is None:  # 'The song is titled "X," and A wrote the lyrics': the title the sentence gives it
                given = ctx.undecided_in(ctx.doc[token.i + 1:binding.span.start], wanted)
                ref = ctx.pointed_back(given[0], wanted) if given else None
            return [ref] if ref else []
    nearest = ctx.nearest_before(binding.span[0], accepted)
    own = [e for e in ctx.undecided_in(ctx.doc[sentence.start:binding.span.start], accepted) if not _in_a_clause(ctx, e)] \
        if nearest is None or nearest.start < sentence.start_char else []
    if own:  # a title no rule has decided yet, of the sentence ('In "Blue Harbor," A plays a detective'; '"Mirror Hall"
        # by the group G, whose leader A co-wrote the lyrics'), rather than a work named in an earlier sentence
        ctx.note_supplier(own[-1])
        return [ref] if (ref := ctx.pointed_back(own[-1], accepted)) else []
    if nearest is None or nearest.start < sentence.start_char:
        # "A will star opposite B in the drama 'X'": the work the sentence names after the match, not an earlier one
        # (nor one dated in passing: "B, of the film 'W' (2020), will play")
        later = next((ref for token, ent in ctx.mentions_in(sentence) if token.i >= binding.span.end
                      and ctx.class_of(ent) in accepted and ctx.class_of(ent) in WORKS and not _in_a_clause(ctx, ent)
                      and not YEAR_IN_BRACKETS.match(ctx.article.text, ent.end)
                      and (ref := ctx.ref(ent, accepted)) is not None), None)
        if later is not None:
            return [later]
    ref = ctx.antecedent(binding.span[0], accepted)  # named before the words that point back, not after them
    if ref is not None and ref.cls in ("TVSeries", "Film", "Album") and _dated_in_passing(ctx, ref, binding.span[0]):
        ref = topic_over_aside(ctx, ref)  # "A will play the role of N" after "her role in 'W' (2021)": the article's
    if ref is None:
        # a title no rule has decided yet, a work's of the sentence before ('The song is "Blue Wind." Park Jun
        # wrote the lyrics'; not a group's)
        previous, works = ctx.sentence_before(sentence), tuple(c for c in accepted if c in WORKS)
        undecided = ctx.undecided_in(previous, works) if previous is not None and works else []
        if undecided:
            ctx.note_supplier(undecided[-1])
            ref = ctx.pointed_back(undecided[-1], accepted)
    return [ref] if ref else []


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


def _dated_in_passing(ctx: Context, ref: EntityRef, before) -> bool:
    """Was the work last named with its year in brackets ("praised for playing a lawyer in 'W' (2021)"),
    as an earlier work is, not as the one the paragraph is about?"""
    last = next((t for t, e in reversed(ctx.mention_tokens) if t.i < before.i and e.name == ref.name), None)
    return last is not None and YEAR_IN_BRACKETS.match(ctx.article.text, last.idx + len(last)) is not None


YEAR_IN_BRACKETS = re.compile(r"[\"']?\s*\((?:19|20)\d\d\)")


def _named_as(token) -> str | None:
    """The kind of role a name is given right after it ("Lee Dan as the
    music composer", "Seo Ji-eum, who wrote the hit songs of"), if any."""
    doc, i = token.doc, token.i + 1
    if i + 2 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ == "who":
        return _credit_verbs().get(doc[i + 2].lower_)
    if i >= len(doc) or doc[i].lower_ != "as":
        return None
    i += 1
    while i < len(doc) and doc[i].lower_ in ("the", "its", "a", "an", "their", "music", "main", "lead"):
        i += 1
    return role_kinds().get(doc[i].lower_) if i < len(doc) else None


@cache
def _credit_verbs() -> dict[str, str]:
    return {word: kind for kind, words in lexicon()["credit_verbs"].items() if not kind.startswith("_") for word in words}


def _role_refs(ctx: Context, binding: Binding, sentence, role: str) -> list[EntityRef]:
    rule = binding.rule
    accepted = rule.classes.get(role, ())
    accepted = tuple(c for c in accepted if c in TYPED) or tuple(TYPED)
    refs = []
    for token in binding.roles.get(role, []):
        if not fits_role_words(rule, role, token, sentence) or rule.makes in ("performer", "castMember") \
                and role == "object" and _named_as(token) in ("composer", "lyricist", "director", "writer", "crew"):
            continue  # '"Paper Moon" features Lee Dan as the composer': no performer
        if rule.makes != "memberOf":
            outside = outside_parentheses(ctx, token)
            if outside is None:
                continue
            token = member_named(ctx, outside)
        credit = rule.makes in SONG_CREDITS and role == "object"
        if credit and owner_of_the_credited(token):
            continue
        team = credited_team(ctx, token, accepted) if credit else None
        if team is not None:
            refs += team
            continue
        ent = ctx.ent(token)
        if ent is None:
            found = refs_at(ctx, token, accepted) if token.ent_type_ == "" else []
            # "the title song 'A', 'B' and 'C'": the noun's mention brings those listed beside it
            refs.extend(with_listed(ctx, found, accepted, token) if found and role in rule.expand else found)
            continue
        if ent.is_value or ent.name in ctx.characters:
            continue
        ref = ctx.ref(ent, accepted)
        if ref is None:
            continue
        if rule.derive.get(role) == "ost":
            ref = soundtrack_named(ctx, sentence, binding, ref)
        refs.append(ref)
    return refs


def _released_as(binding: Binding) -> str | None:
    """The kind of work a release frame says was released ("released as the
    album's fourth single": Song), if it says."""
    nouns = work_nouns()
    for token in binding.span:
        if token.lower_ == "as":
            return next((nouns.get(c.lower_) for c in token.children if c.dep_ == "pobj"), None)
    return None


def _date_of(ctx: Context, token, sentence) -> Value | None:
    if token is None:
        return None
    ent = ctx.ent(token)
    text = ent.surface if ent else token.text
    if YEAR.fullmatch(text):  # "a 1990 film", "(2019)"
        return Value(text, "gYear")
    if YEAR_RANGE.fullmatch(text):  # "(2021-22)": a series first aired in the first year
        return Value(text[:4], "gYear")
    earlier = years_in(ctx.article.text[:token.idx])
    return parse_date(text if "same year" not in span_text(sentence) else text + " of the same year", ctx.article.published, earlier[-1] if earlier else None)
