"""Facts from rule matches: each binding of a relation pattern becomes
facts between the entities its roles name, with the evidence of its
sentence; roles a rule leaves unnamed point back to what the article is
about ("the drama", "its")."""
from __future__ import annotations

import re

from ..data import lexicon
from ..records import EntityRef, Fact, Value
from .context import Context
from .spans import FAMILIES, TYPED, span_text
from .rules import Binding, coordinated, role_kinds
from .typing import weights
from .values import parse_date, years_in



def vote_roles(ctx: Context, binding: Binding) -> None:
    """A rule that takes an undecided mention in a role votes for the
    classes the role accepts ("X was directed by": a series or a film)."""
    rule = binding.rule
    for role, tokens in binding.roles.items():
        accepted = rule.classes.get(role, ())
        for token in tokens:
            ent = ctx.ent(token)
            if ent is None or ent.cls not in FAMILIES:
                continue
            options = [c for c in accepted if c in FAMILIES[ent.cls]]
            for cls in options:
                ctx.ballot.vote(ent.name, cls, weights()["role"] * rule.confidence / len(options))


def apply_binding(ctx: Context, binding: Binding) -> None:
    rule, roles = binding.rule, binding.roles
    for token in roles.get("character", []):
        character = ctx.ent(token)
        if character:
            ctx.characters.add(character.name)
    if rule.makes == "character":
        return
    sentence = ctx.sentence_of(binding.span.start)
    ctx.supplied = None  # set if a role is found in another sentence ("The song is ...")
    subjects = _role_refs(ctx, binding, sentence, "subject")
    objects = _role_refs(ctx, binding, sentence, "object")
    # A role the rule leaves unnamed is attached or implied; a named one that did not fit stays empty.
    if not subjects and "subject" not in roles:
        subjects = _unnamed(ctx, binding, sentence, "subject")
    if not objects and "object" not in roles:
        objects = _unnamed(ctx, binding, sentence, "object")
    if rule.makes == "inAlbum" and "rank" in roles:
        word = roles["rank"][0].text.lower()
        rank = lexicon()["ordinals"].get(word) or (int(word[:-2]) if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)", word) else None)
    else:
        rank = None
    evidence = ctx.evidence(sentence, rule.id, rule.confidence, binding.span, [ctx.supplied])
    for subject in subjects:
        if rule.makes == "releaseDate":
            value = _date_of(ctx, roles.get("object", [None])[0], sentence)
            if value:
                ctx.extraction.facts.append(Fact(subject, "releaseDate", value, evidence))
            continue
        makes = "composer" if rule.makes == "lyricist" and subject.name in ctx.instrumentals() else rule.makes
        if rule.derive.get("subject") == "tracks":  # the album's tracks, known once the article is read
            ctx.track_credits += [(subject, makes, obj, evidence) for obj in objects]
            continue
        for obj in objects:
            if obj != subject:
                ctx.extraction.facts.append(Fact(subject, makes, obj, evidence))
        if rank and objects:
            ctx.extraction.facts.append(Fact(subject, "trackNumber", Value(str(rank), "integer"), evidence))


NOMINALS = {word: tuple(classes) for word, classes in lexicon()["antecedent_words"].items() if not word.startswith("_")}
NOMINAL_NOUNS = {w: c for w, c in NOMINALS.items() if w not in ("her", "his", "their", "its")}


YEAR = re.compile(r"(?:19|20)\d\d")
YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s*[-–]\s*(?:\d\d|(?:19|20)\d\d)")
PRONOUNS = {"it", "its", "they", "their", "them", "he", "his", "him", "she", "her"}
PERSONAL = {"he", "his", "him", "she", "her"}
DEFINITE = {"the", "this", "that", "these", "those", "its", "their", "his", "her"}
TRANSPARENT = set(lexicon()["transparent_nouns"]["words"])
RELATIVE = {"who", "which", "that", "whom"}
NOT_A_ROLE_BEFORE = set(lexicon()["role_kinds"]["_not_a_role_before"])
CLASS_NOUNS = {w.lower() for cls, words in lexicon()["class_nouns"].items() if not cls.startswith("_") for w in words}
# Dependencies that keep a word inside the noun phrase of a role noun ("music director and pianist X").
TITLED = {"titled", "entitled", "called", "named"}
EXAMPLES = {"like", "including", "as"}  # "veteran actors like A", "stars such as A"
IN_PHRASE = {"appos", "compound", "conj", "nmod", "npadvmod", "amod", "dep"}


def _unnamed(ctx: Context, binding: Binding, sentence, role: str) -> list[EntityRef]:
    """A role the rule did not bind: attached from the rule's anchor when
    it names one, else implied by what the article is about."""
    anchor = binding.anchors.get(role)
    accepted = tuple(c for c in binding.rule.classes.get(role, ()) if c in TYPED)
    if anchor is not None and accepted:
        found = attached(ctx, anchor, accepted)
        if found:
            return _with_listed(ctx, found, accepted)
        if _hangs_on_noun(ctx, anchor):
            return []  # "albums released in 2021": the frame is about that noun, which names nothing
        before = [ent for token, ent in ctx.mentions_in(sentence)
                  if token.i < anchor.i and ctx.class_of(ent) in accepted + tuple(FAMILIES)]
        ref = ctx.ref(before[-1], accepted) if before else None
        if ref is None and not any(ctx.class_of(ent) in accepted for _, ent in ctx.mentions_in(sentence)) \
                and _opens(anchor, sentence):
            ref = _named_before(ctx, sentence, accepted)
        return [ref] if ref is not None else []
    return _implied(ctx, binding, sentence, role)


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
    index = ctx.sentences.index(sentence) if sentence in ctx.sentences else 0
    if index == 0:
        return None
    named = [ent for _, ent in ctx.mentions_in(ctx.sentences[index - 1]) if ctx.class_of(ent) in accepted]
    if not named:
        return None
    ctx._supplied_by(named[-1])
    return ctx.ref(named[-1], accepted)


def _with_listed(ctx: Context, found: list[EntityRef], accepted: tuple) -> list[EntityRef]:
    """An attached entity with those listed beside it ("two singles, 'A'
    and 'B', were written by")."""
    out = list(found)
    for token, ent in ctx.mention_tokens:
        if ent.name == found[0].name:
            for other in coordinated(token, +1):
                ref = ctx.ent(other) and ctx.ref(ctx.ent(other), accepted)
                if ref and ref not in out:
                    out.append(ref)
            break
    return out


def _hangs_on_noun(ctx: Context, anchor) -> bool:
    """Is the anchor a participle or relative clause of a plain noun (not a
    mention, not a pronoun)?"""
    node = anchor
    while node.dep_ == "conj" and node.head is not node:
        node = node.head
    if node.dep_ not in ("acl", "relcl"):
        return False
    head = node.head
    return ctx.ent(head) is None and head.lower_ not in RELATIVE and head.is_alpha \
        and head.lower_ not in NOMINALS and not head.is_title and head.lower_ not in TRANSPARENT


def attached(ctx: Context, anchor, accepted: tuple) -> list[EntityRef]:
    """The entity a verb frame's other role names, found from the anchor:
    the verb's subject ("X is sung by"); the noun a participle, relative
    clause or apposition hangs on ("X, sung by", "the song that Y sang");
    climbing through coordinated and embedded verbs. A nominal found there
    ("the song", "it") points back to what it stands for."""
    if anchor.lower_ in NOMINALS or anchor.lower_ in CLASS_NOUNS:
        found = _refs_at(ctx, anchor, accepted)  # "X, the title track of": the noun is the anchor
        if found:
            return found
    node = anchor.head if anchor.dep_ in ("dobj", "attr") and anchor.head is not anchor else anchor  # "confirmed their appearance in"
    for _ in range(4):
        for dep in ("nsubjpass", "nsubj", "dobj"):
            for child in node.children:
                if child.dep_ == dep:
                    found = _refs_at(ctx, child, accepted)
                    if found:
                        return found
        if node.dep_ not in ("acl", "relcl", "appos", "advcl", "conj", "xcomp", "ccomp", "pcomp") or node.head is node:
            return []
        # "surprised fans by unveiling X": the preposition's verb has the subject
        node = node.head.head if node.dep_ == "pcomp" and node.head.dep_ == "prep" else node.head
        found = _refs_at(ctx, node, accepted)
        if found:
            return found
        if node.lower_ in TRANSPARENT and node.dep_ == "pobj":  # "a ballet with music composed by": the ballet's
            node = node.head.head
            found = _refs_at(ctx, node, accepted)
            if found:
                return found
    return []


def _refs_at(ctx: Context, token, accepted: tuple) -> list[EntityRef]:
    """The entity a token names: a mention; a relative pronoun's noun; a
    role or class noun's mention ("album 'Lilac'", "the song X"); what a
    copula says it is ("X is a song written by": X); or, for a nominal,
    what it stands for ("the song", "it")."""
    ent = ctx.ent(token)
    if ent is not None:
        ref = ctx.ref(ent, accepted) if not ent.is_value and ent.name not in ctx.characters else None
        return [ref] if ref else []
    word = token.text.lower()
    if word in RELATIVE and token.head.dep_ == "relcl":
        return _refs_at(ctx, token.head.head, accepted)
    if token.dep_ == "pcomp":  # "with the single 'X' featuring Y": the parser hangs the verb on "with", 'X' on the verb
        named = [c for c in token.children if c.dep_ == "nsubj" and ctx.ent(c) is not None]
        if named:
            return _refs_at(ctx, named[0], accepted)
    inside = _mention_in_phrase(ctx, token, accepted) if not _is_verb(token) else []  # a verb's parts are not its phrase
    if inside:
        return inside
    if token.dep_ == "attr" and token.head.lower_ in ("is", "was", "are", "were"):
        for subject in token.head.children:
            if subject.dep_ in ("nsubj", "nsubjpass") and ctx.ent(subject) is not None:
                return _refs_at(ctx, subject, accepted)
    kinds = tuple(k for k in NOMINALS.get(word, ()) if k in accepted)
    if word not in PRONOUNS and not any(c.lower_ in DEFINITE for c in token.children):
        return []  # "a new mini-album", "TVXQ's title track": new things, not ones named before
    if any(c.dep_ == "prep" and any(ctx.ent(g) is not None for g in c.children) for c in token.children):
        return []  # "the original sound track of 'Magic'": said of another thing, not pointing back
    if any(c.ent_type_ == "ORDINAL" for c in token.children):
        return []  # "the 6th track": one of a list being told, not one named before
    if not kinds:
        return []
    ref = ctx.pronoun_antecedent(token, kinds) if word in ("it", "its") else ctx.antecedent(token, kinds, subject=word in PERSONAL)
    if ref and word in ("they", "their", "them"):
        return _and_partners(ctx, ref, token, kinds)
    return [ref] if ref else []


def _and_partners(ctx: Context, ref: EntityRef, pronoun, accepted: tuple) -> list[EntityRef]:
    """ "Jeonghan and Wonwoo ... with their album": "their" is both."""
    before = [t for t, ent in ctx.mention_tokens if ent.name == ref.name and t.i < pronoun.i]
    if not before:
        return [ref]
    out = [ref]
    for other in coordinated(before[-1], -1) + coordinated(before[-1], +1):
        partner = ctx.ent(other) and ctx.ref(ctx.ent(other), accepted)
        if partner and partner not in out:
            out.append(partner)
    return out


VERB_DEPS = {"ROOT", "advcl", "relcl", "ccomp", "xcomp", "pcomp", "acl", "csubj", "parataxis"}
VERB_CHILDREN = {"nsubj", "nsubjpass", "aux", "auxpass", "dobj", "agent"}


def _is_verb(token) -> bool:
    """A verb, as the parse shows it (the pipeline has no tagger): the head
    of a clause, or a word with a subject, an object or an auxiliary."""
    return token.dep_ in VERB_DEPS or any(c.dep_ in VERB_CHILDREN for c in token.children)


def _mention_in_phrase(ctx: Context, token, accepted: tuple) -> list[EntityRef]:
    """The mention inside a role noun's phrase: "music director and pianist
    Han Seo-yul", "her fifth studio album 'Lilac'"."""
    queue = [c for c in token.children if c.dep_ in IN_PHRASE or c.dep_ == "prep" and c.lower_ in EXAMPLES
             or c.dep_ in ("acl", "prep", "xcomp") and ctx.ent(c) is not None]  # "the 5th track 'Missing You'": a title parsed as a clause
    queue += [g for c in token.children if c.dep_ == "acl" and c.lower_ in TITLED  # "the bonus track titled 'X'"
              for g in c.children if g.dep_ in ("oprd", "dobj", "attr", "xcomp")]
    while queue:
        child = queue.pop(0)
        if child.dep_ == "prep" and ctx.ent(child) is None:  # "actors like A and B"
            queue.extend(c for c in child.children if c.dep_ == "pobj")
            continue
        ent = ctx.ent(child)
        if ent is not None and not ent.is_value:
            ref = ctx.ref(ent, accepted)
            if ref:
                return [ref]
            continue  # another kind of mention: what hangs on it is its own ("Ji Sung (The Devil Judge)")
        queue.extend(c for c in child.children if c.dep_ in IN_PHRASE)
    return []


def _implied(ctx: Context, binding: Binding, sentence, role: str) -> list[EntityRef]:
    """A rule that leaves a role unnamed talks about what the article is
    about: what "the album" / "the drama" in the sentence points back to,
    else the nearest earlier mention of the class the role accepts (the
    series for cast lines, the group for a list of members)."""
    accepted = tuple(c for c in binding.rule.classes.get(role, ()) if c in TYPED)
    if not accepted:
        return []
    if "character" in binding.rule.roles or binding.rule.id.startswith("cast/character"):
        # "Mi-rae (played by Bae Ji-an)": a series the sentence names, else the one the article is about
        named = [ctx.ref(ent, accepted) for _, ent in ctx.mentions_in(sentence)
                 if ctx.class_of(ent) in accepted]
        focal = ctx.focal_series() if "TVSeries" in accepted else None
        found = next((r for r in named if r), None) or focal
        return [found] if found else []
    for token in sentence:
        kinds = NOMINAL_NOUNS.get(token.text.lower())
        if kinds and token.i > 0 and token.doc[token.i - 1].text.lower() in {"the", "this", "that"}:
            wanted = tuple(k for k in kinds if k in accepted)
            ref = ctx.antecedent(token, wanted) if wanted else None
            return [ref] if ref else []
    ref = ctx.antecedent(sentence[-1], accepted)
    return [ref] if ref else []


def _role_word_kind(token, sentence) -> str | None:
    """The kind of the nearest role word before ``token`` in its sentence
    ("PD Choi (One the Woman)": director; "the main cast of Ji Sung": actor)."""
    kinds, doc = role_kinds(), token.doc
    for i in range(token.i - 1, sentence.start - 1, -1):
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
            return "performer" if "performer" in run else kind
    return None


def _fits_role_words(rule, role: str, token, sentence) -> bool:
    """A rule that names the kind of role word its entity needs (or must
    not have) before it: "(Work)" after a director's name is directing,
    after an actor's it is acting."""
    if role not in rule.role_kind and role not in rule.not_role_kind:
        return True
    kind = _role_word_kind(token, sentence)
    return (role not in rule.role_kind or kind in rule.role_kind[role]) and kind not in rule.not_role_kind.get(role, ())


def _role_refs(ctx: Context, binding: Binding, sentence, role: str) -> list[EntityRef]:
    rule = binding.rule
    accepted = rule.classes.get(role, ())
    accepted = tuple(c for c in accepted if c in TYPED) or tuple(TYPED)
    refs = []
    for token in binding.roles.get(role, []):
        if not _fits_role_words(rule, role, token, sentence):
            continue
        if rule.makes != "memberOf":
            token = _member_named(ctx, token)
        ent = ctx.ent(token)
        if ent is None:
            found = _refs_at(ctx, token, accepted) if token.ent_type_ == "" else []
            # "the title song 'A', 'B' and 'C'": the noun's mention brings those listed beside it
            refs.extend(_with_listed(ctx, found, accepted) if found and role in rule.expand else found)
            continue
        if ent.is_value or ent.name in ctx.characters:
            continue
        ref = ctx.ref(ent, accepted)
        if ref is None:
            continue
        if rule.derive.get(role) == "ost":
            # "the second OST for X, titled 'Y'": the OST named is the song Y; else the series' OST album.
            ost = _titled_work(ctx, sentence) or EntityRef(f"{ref.name} OST", "Album")
            evidence = ctx.evidence(sentence, rule.id, rule.confidence, binding.span, [ctx.supplied])
            ctx.extraction.facts.append(Fact(ost, "soundtrackOf", ref, evidence))
            if ost.cls == "Album":
                ctx.extraction.aliases.setdefault(ost, set()).add(_ost_phrase(sentence, ref.name))
            ref = ost
        refs.append(ref)
    return refs


def credit_tracks(ctx: Context) -> None:
    """A credit for every track of an album goes to each track the article
    places on it, not to the album ("composed every track on X": not X's
    composer, whatever a rule read from the same words)."""
    said = {(album, makes, person, evidence.sentence) for album, makes, person, evidence in ctx.track_credits}
    ctx.extraction.facts = [f for f in ctx.extraction.facts if (f.subject, f.predicate, f.object, f.evidence.sentence) not in said]
    for album, makes, person, evidence in ctx.track_credits:
        tracks = {f.subject for f in ctx.extraction.facts if f.predicate == "inAlbum" and f.object.name == album.name}
        ctx.extraction.facts += [Fact(track, makes, person, evidence) for track in sorted(tracks, key=lambda t: t.name)]


def _member_named(ctx: Context, token):
    """ "Jisoo from BLACKPINK released 'Flower'", "Nova Ring's member Kang
    sang": the group only says whose member the one who acts is; that
    person takes the role."""
    ent = ctx.ent(token)
    if ent is None or ctx.class_of(ent) not in ("MusicGroup", "ORG"):
        return token
    head, doc = token.head, token.doc
    if token.dep_ == "pobj" and head.lower_ in ("of", "from") and _is_person(ctx, head.head):
        return head.head
    after = token.i + 1
    if after < len(doc) and doc[after].text in ("'s", "'"):
        after += 1 + (after + 1 < len(doc) and doc[after + 1].lower_ in ("member", "leader", "vocalist", "rapper", "maknae"))
        if after < len(doc) and _is_person(ctx, doc[after]):
            return doc[after]
    return token


def _is_person(ctx: Context, token) -> bool:
    ent = ctx.ent(token)
    return ent is not None and ctx.class_of(ent) in ("Person", "PERSON")


def _titled_work(ctx: Context, sentence) -> EntityRef | None:
    """The song a sentence names with "titled" / "called" / "entitled"."""
    for token in sentence:
        if token.text.lower() in ("titled", "entitled", "called", "named"):
            for follower in token.doc[token.i + 1:token.i + 4]:
                ent = ctx.ent(follower)
                if ent is not None and ctx.class_of(ent) in ("Song", "TITLE"):
                    ctx.decided[ent.name] = "Song"
                    return EntityRef(ent.name, "Song")
    return None


def _ost_phrase(sentence, series: str) -> str:
    """How the sentence itself names a derived OST album ("the OST for
    'Queen of Tears'"), kept as an alternative label."""
    text = span_text(sentence)
    for form in (f"{series} OST", f"{series}\" OST", f"{series}' OST", f"OST for \"{series}", f"OST for '{series}", f"OST of \"{series}", f"OST of '{series}"):
        if form in text:
            return form.replace('"', "").replace("'", "")
    return f"{series} OST"


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
