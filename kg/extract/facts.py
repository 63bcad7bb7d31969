"""Facts from rule matches: each binding of a relation pattern becomes
facts between the entities its roles name, with the evidence of its
sentence; roles a rule leaves unnamed point back to what the article is
about ("the drama", "its")."""
from __future__ import annotations

import re
from functools import cache

from ..data import any_word, lexicon
from ..records import EntityRef, Fact, Value
from .context import Context
from .spans import FAMILIES, TYPED, WORKS, span_text
from .refs import PROMOTION, SINGULAR, may_refer, refs_at, with_listed
from .role_words import credited_team, fits_role_words, fits_sentence, member_named, outside_parentheses, owner_of_the_credited
from .described import work_nouns
from .ost import soundtrack_named
from .listing import SONG_CREDITS, role_kinds
from .rules import Binding
from .ballot import weights
from .values import FUTURE, parse_date, years_in
from .unnamed import unnamed_role


def vote_roles(ctx: Context, binding: Binding) -> None:
    """A rule that takes an undecided mention in a role votes for the
    classes the role accepts ("X was directed by": a series or a film)."""
    rule = binding.rule
    if any(ctx.ent(t) is None and not may_refer(t) for tokens in binding.roles.values() for t in tokens):
        return  # "X features music by": "music" names nothing, so the frame says nothing of what X is
    if _of_promotion(binding):
        return
    sentence = ctx.sentence_of(binding.span.start)
    if not fits_sentence(rule, sentence, binding.span.start) \
            or any(not fits_role_words(rule, role, t, sentence) for role, tokens in binding.roles.items() for t in tokens[:1]):
        return  # "'W', by director A": no performer, so the frame says nothing of what W is
    if rule.makes == "castMember" and "character" not in binding.roles:
        # a full name only: a given name alone may be a character's too ("played the role of defector Sae-byeok")
        ctx.actors.update(ent.name for t in binding.roles.get("object", []) if (ent := ctx.ent(t)) is not None and " " in ent.name)
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

MONTH_ONLY = re.compile(r"[A-Z][a-z]{2,8}\.?")  # "June", "Feb.": a month the date names alone
SCHEDULED = any_word(lexicon()["schedule_words"]["words"])  # "premieres in February", "set to air in October"
GROUP_SHAPE = re.compile(r"[0-9:*&]")  # "LILAC:5", "NXT-9": a group's stylised name, no one's


def apply_binding(ctx: Context, binding: Binding) -> None:
    rule, roles = binding.rule, binding.roles
    sentence = ctx.sentence_of(binding.span.start)
    if not fits_sentence(rule, sentence, binding.span.start):
        return
    if not all(fits_role_words(rule, "character", token, sentence) for token in roles.get("character", [])):
        return  # "PD Jang Woo-sung (Island Diner)": a director and an earlier show, no character and its actor
    if any(_own_given_name(ctx, c, o) for c in roles.get("character", []) for o in roles.get("object", [])):
        return  # "1. Ha-eun (Kim Ha-eun)": a stage name and the real name, one person, no character
    if roles.get("character") and any(GROUP_SHAPE.search(o.text) for o in roles.get("object", [])):
        return  # "Ji Ha-eun (LILAC:5)": a member and her group's stylised name, no character and its actor
    if any((c := ctx.ent(token)) is not None and c.name in ctx.actors for token in roles.get("character", [])):
        return  # "Cha Do-hyun (Salt Flower)", where "starring Cha Do-hyun" says he acts: his earlier show, no character
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
        subjects = unnamed_role(ctx, binding, sentence, "subject")
    if not objects and "object" not in roles:
        objects = unnamed_role(ctx, binding, sentence, "object")
    if not subjects or not objects and rule.makes != "releaseDate":
        return  # nothing to state (a releaseDate's object is the date token, read below)
    if rule.makes == "inAlbum" and "rank" in roles:
        word = roles["rank"][0].text.lower()
        rank = lexicon()["ordinals"].get(word) or (int(word.rstrip("stndrh")) if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", word) else None) \
            or lexicon()["number_words"].get(word) or (1 if word in lexicon()["first_track_words"]["words"] else None)
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
            date = roles.get("object", [None])[0]
            value = _date_of(ctx, date, sentence) if not _of_another_event(date) else None
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
    if any(t.dep_ == "appos" and t.head == node for t in binding.span):
        return False  # '"X," her new single with B, isn't about to change that': the apposition is no clause's
    for _ in range(5):
        if any(not (i + 1 < len(doc) and doc[i + 1].lower_ in ("only", "just")) for i in ctx.marks.negations.get(node.i, ())):
            return True
        if node.lower_ in DENIALS and (not node.lower_.startswith("turn") or any(c.lower_ == "down" for c in node.children)):
            return True
        if node.head is node or node.dep_ in ("advcl", "relcl", "conj", "parataxis", "appos"):
            return False  # another clause's negation ("fans need not worry, as his latest single ...")
        node = node.head
    return False


def _own_given_name(ctx: Context, character, actor) -> bool:
    """Is the "character" the actor's own given name ("Yeri (Choi Ye-ri)")?"""
    a, b = ctx.ent(character), ctx.ent(actor)
    squeeze = lambda name: name.replace("-", "").replace(" ", "").lower()
    return a is not None and b is not None and " " in b.name \
        and squeeze(a.name) == squeeze(b.name.split(" ", 1)[1])


CREW = frozenset({"composer", "lyricist", "director", "writer", "crew"})


def _crew_not_cast(makes: str, token) -> bool:
    """Is a performer's or cast member's name given a crew's role ('"Paper Moon" features Lee Dan as the
    composer'; for the cast also before it: "director A, who won acclaim for the drama X")?"""
    return makes in ("performer", "castMember") and _named_as(token) in CREW \
        or makes == "castMember" and _named_before(token) in CREW


def _named_before(token) -> str | None:
    """The kind of role the word before a name gives it ("director Su Kang-min"), for the name itself or
    for a relative pronoun right after it ("director Su Kang-min, who won acclaim for")."""
    doc = token.doc
    if token.lower_ == "who" and token.i > 1 and doc[token.i - 1].text == ",":
        token = doc[token.i - 2]
    return role_kinds().get(doc[token.i - 1].lower_) if token.i > 0 else None  # a name is one token by now (kg_mentions)


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
        if not fits_role_words(rule, role, token, sentence) or role == "object" and _crew_not_cast(rule.makes, token):
            continue
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
            # not for "she" or "it", which stand for one ("She sang X" after "members: A, B and C": not all three)
            refs.extend(with_listed(ctx, found, accepted, token) if found and role in rule.expand and token.lower_ not in SINGULAR
                        else found)
            continue
        if ent.is_value or ent.name in ctx.characters:
            continue
        ref = ctx.ref(ent, accepted)
        if ref is None:
            continue
        if rule.derive.get(role) in ("ost", "ost-song"):
            ref = soundtrack_named(ctx, sentence, binding, ref, album=rule.derive[role] == "ost")
            if ref is None:
                continue
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


def _of_another_event(token) -> bool:
    """Is the date when the verb of a clause of another event happened ("its
    first release since A left the band last year", "released after B joined
    in 2020"; not "after his 2021 album X had peaked", the album's year, nor
    "after its release in album X in September, 2009", however the parse hung it)?"""
    if token is None or token.dep_ not in ("npadvmod", "pobj", "tmod"):
        return False
    verb = token.head.head if token.dep_ == "pobj" and token.head.dep_ == "prep" else token.head
    return verb.dep_ == "advcl" and not verb.ent_type_ \
        and any(c.dep_ == "mark" and c.lower_ in ("since", "after", "before", "until") for c in verb.children) \
        and not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("release", "debut", "premiere") for c in verb.children)


def _date_of(ctx: Context, token, sentence) -> Value | None:
    if token is None:
        return None
    ent = ctx.ent(token)
    text = ent.surface if ent else token.text
    doc = token.doc
    if token.i + 2 < len(doc) and doc[token.i + 1].text == "," and (day := ctx.ent(doc[token.i + 2])) is not None \
            and day.cls == "DATE":
        text = f"{text}, {day.surface}"  # "premieres tomorrow, May 3,": the day named after the word that says it
    elif token.i + 3 < len(doc) and doc[token.i + 1].text == "(" and doc[token.i + 3].text == ")" \
            and (day := ctx.ent(doc[token.i + 2])) is not None and day.cls == "DATE":
        text = day.surface  # "premiered last Monday (Mar 3)": the day the brackets print
    if YEAR.fullmatch(text):  # "a 1990 film", "(2019)"
        return Value(text, "gYear")
    if YEAR_RANGE.fullmatch(text):  # "(2021-22)": a series first aired in the first year
        return Value(text[:4], "gYear")
    earlier = years_in(ctx.article.text[:token.idx])
    month_alone = token.i > 0 and token.doc[token.i - 1].lower_ == "in" and MONTH_ONLY.fullmatch(text)
    value = parse_date(f"in {text}" if month_alone else text if "same year" not in span_text(sentence) else text + " of the same year",
                       ctx.article.published, earlier[-1] if earlier else None)
    published = ctx.article.published
    if month_alone and value is not None and published is not None and value.lexical < f"{published:%Y-%m}" \
            and (FUTURE.search(said := span_text(sentence)) or SCHEDULED.search(said)):
        value = Value(f"{int(value.lexical[:4]) + 1}{value.lexical[4:]}", value.datatype)  # "premieres in February": the next
    return value  # "released in June": the last June
