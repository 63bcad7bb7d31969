"""What a token in a rule's role refers to: its mention; a role or class
noun's mention ("the title song 'X'"); what "the song", "it" or "their"
points back to; the entity a verb frame's role is attached from; the
member, not the group, who acts ("Jisoo from BLACKPINK sang")."""
from __future__ import annotations

from collections import Counter

from ..data import class_nouns, lexicon
from ..records import EntityRef
from .context import Context
from .networks import (apposed_to, before_its_comma, called_so_before, latter_or_former, named_after_comma,
                       named_right_after, other_gender_before, other_work_in_sentence, series_of_network,
                       title_apposed_before, title_track_before, topic_over_aside, work_of_artist)
from .role_words import unnamed_one
from .listing import coordinated

NOMINALS = {word: tuple(classes) for word, classes in lexicon()["antecedent_words"].items() if not word.startswith("_")}
NOMINAL_NOUNS = {w: c for w, c in NOMINALS.items() if w not in ("her", "his", "their", "its")}
PRONOUNS = {"it", "its", "they", "their", "them", "he", "his", "him", "she", "her"}
PERSONAL = {"he", "his", "him", "she", "her"}
SINGULAR = PERSONAL | {"it", "its"}  # a pronoun that stands for one entity, never for a list
DEFINITE = {"the", "this", "that", "these", "those", "its", "their", "his", "her"}
TRANSPARENT = set(lexicon()["transparent_nouns"]["words"])
SONG_PARTS = set(lexicon()["transparent_nouns"]["song_parts"])  # what "the lyrics" are of: the song named before
WORK_PARTS = SONG_PARTS | set(lexicon()["transparent_nouns"]["series_parts"])  # and "All episodes were directed by": the series'
SONG_OWNERS = {"song", "track", "single", "ballad", "tune"}  # "the song's lyrics" (not "the film's music": its score)
VERSIONS = set(lexicon()["version_nouns"]["words"])
PROMOTION = {w.lower() for w in lexicon()["promotion_nouns"]["words"]}
RELATIVE = {"who", "which", "that", "whom"}
ROLE_NOUNS = {w.lower() for w in lexicon()["person_cues"] + lexicon()["group_cues"]}
CLASS_NOUNS = class_nouns()
# Dependencies that keep a word inside the noun phrase of a role noun ("music director and pianist X").
TITLED = {"titled", "entitled", "called", "named"}
EXAMPLES = {"like", "including", "as"}  # "veteran actors like A", "stars such as A"
IN_PHRASE = {"appos", "compound", "conj", "nmod", "npadvmod", "amod", "dep"}
VERB_DEPS = {"ROOT", "advcl", "relcl", "ccomp", "xcomp", "pcomp", "acl", "csubj", "parataxis"}
COPULAS = {"is", "was", "are", "were", "became", "becomes", "remains", "remained"}
SUBJECT_DEPS = ("nsubjpass", "nsubj", "dobj", "csubj", "parataxis", "dep", "npadvmod")  # in the order a frame's other role is looked for
LOOSE_SUBJECTS = {"parataxis", "dep", "npadvmod"}  # a subject the parse lost, when it stands before the verb
VERB_CHILDREN = {"nsubj", "nsubjpass", "aux", "auxpass", "dobj", "agent"}


def another_kind(token, accepted: tuple) -> bool:
    """Is the token a noun for things of no accepted kind ("OST" where a
    series is wanted)?"""
    word = token.lower_
    return word in NOMINAL_NOUNS and word not in ROLE_NOUNS and not set(NOMINALS[word]) & set(accepted)


def attached(ctx: Context, anchor, accepted: tuple) -> list[EntityRef]:
    """The entity a verb frame's other role names, found from the anchor:
    the verb's subject ("X is sung by"); the noun a participle, relative
    clause or apposition hangs on ("X, sung by", "the song that Y sang");
    climbing through coordinated and embedded verbs. A nominal found there
    ("the song", "it") points back to what it stands for."""
    if anchor.lower_ in NOMINALS or anchor.lower_ in CLASS_NOUNS \
            or any(c.dep_ == "acl" and c.lower_ in TITLED for c in anchor.children):  # "the second OST of X, titled 'Y'"
        found = refs_at(ctx, anchor, accepted)  # "X, the title track of": the noun is the anchor
        if found:
            return found
    named = named_after_comma(ctx, anchor, accepted) or before_its_comma(ctx, anchor, accepted)
    if named:
        return named  # "a collaboration with rapper A, 'Lights'": the title set after the noun's phrase
    # "confirmed their appearance in"; "as the lead single from", where the parse makes "single" a modifier of "lead"
    node = anchor.head if anchor.dep_ in ("dobj", "attr", "amod") and anchor.head is not anchor else anchor
    if node.dep_ == "conj" and node.head.dep_ == "pobj" and node.head.head.lower_ == "by":
        node = node.head.head.head  # "with words by A and music by B": the music is the words' conjunct, not A's
    if node.lower_ in TRANSPARENT and node.dep_ == "pobj" and _is_verb(node.head.head):
        node = node.head.head  # "X was set to music by Y": the verb's subject
    if node.dep_ == "pobj" and node.head.lower_ == "as" and node.head.dep_ == "prep":
        node = node.head.head  # "X was released as the lead single from": what the verb released
    elif node.dep_ == "pobj" and node.head.dep_ == "prep":
        head = node.head.head
        head = head.head if head.lower_ == "part" and head.dep_ == "attr" else head
        node = head if head.lower_ in COPULAS else node  # "the song is (part) of the OST of": the copula's subject
    for _ in range(4):
        for dep in SUBJECT_DEPS:
            for child in node.children:
                # a title of verb-like words is parsed as a clause: "'The Secret Is Love' is", "'You Really Got Me' is";
                # one with an aside after it as anything: "Robotech: The Movie, also called ..., is"
                if child.dep_ == dep and (dep not in LOOSE_SUBJECTS or child.i < node.i):
                    if unnamed_one(child):
                        return []  # "while one of the remaining tracks features B": a track not named
                    found = refs_at(ctx, child, accepted)
                    owner = next((c for c in child.children if c.dep_ == "poss" and c.lower_ != "its"), None)
                    if not found and child.lower_ in WORK_PARTS and (of := _of_objects(child)):
                        found = refs_at(ctx, of[0], accepted)  # "the lyrics of 'X' were written by": X's
                    if not found and dep == "nsubjpass" and child.lower_ in SONG_PARTS and owner is not None \
                            and owner.lower_ in SONG_OWNERS:  # "The song's lyrics were co-written by": the song's
                        found = refs_at(ctx, owner, accepted)
                    elif not found and dep == "nsubjpass" and child.lower_ in WORK_PARTS and not any(  # "The lyrics were
                            c.dep_ in ("prep", "compound") or c.dep_ in ("det", "poss") and c.lower_ not in ("the", "its", "all")
                            for c in child.children):  # penned by", "Its lyrics, which ..., were written by": the song's
                        found = [r] if (r := ctx.antecedent(child, accepted)) else []
                    if found:
                        return found
        if node.dep_ == "ROOT" and node.lower_ in COPULAS:
            return _copula_subject(ctx, node, accepted)
        if node.dep_ not in ("acl", "relcl", "appos", "advcl", "conj", "xcomp", "ccomp", "pcomp", "acomp", "attr") or node.head is node:
            return []
        if node.dep_ == "relcl" and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in RELATIVE for c in node.children):
            return refs_at(ctx, node.head, accepted)  # "B, who worked on the soundtrack of Y": about B, not B's clause
        # "surprised fans by unveiling X", "received reviews for playing X": the preposition's verb has the subject
        clause, node = node, node.head.head if node.dep_ == "pcomp" and node.head.dep_ == "prep" else node.head
        if node.dep_ == "dobj" and node.head.i < node.i:
            # "packs the B-side 'X' featuring A": a participle on a named object is about it
            found = refs_at(ctx, node, accepted) if clause.dep_ == "acl" and ctx.ent(node) is not None else []
            if found:
                return found
            node = node.head
        found = refs_at(ctx, node, accepted)
        if found:
            return found
        if node.lower_ in TRANSPARENT and node.dep_ == "pobj":  # "a ballet with music composed by": the ballet's
            node = node.head.head
            found = refs_at(ctx, node, accepted)
            if found:
                return found
        elif node.dep_ == "pobj":  # "X was produced by A (with B), directed by C": X's
            climbed = node
            for _ in range(3):
                if climbed.dep_ != "pobj" or climbed.head.dep_ not in ("agent", "prep"):
                    break
                climbed = climbed.head.head
            if climbed is not node and climbed.i < node.i and (_is_verb(climbed) or climbed.lower_ in CLASS_NOUNS):
                node = climbed  # "a ballet in three acts, created ... to the music of": the ballet's
    return []


def _copula_subject(ctx: Context, verb, accepted: tuple) -> list[EntityRef]:
    """The subject of "X is ..." that the parse lost: a quoted title of
    verb-like words is often parsed as anything but the subject ("'The Secret
    Is Love' is the entry for ..., sung by"). The last mention before the
    copula, if it opens the clause (only punctuation before it)."""
    sentence = ctx.sentence_of(verb.i)
    before = ctx.mentions_in(ctx.doc[sentence.start:verb.i])
    if len(before) != 1 or any(not t.is_punct and not t.is_space for t in ctx.doc[sentence.start:before[0][0].i]):
        return []
    return refs_at(ctx, before[0][0], accepted)


def may_refer(token) -> bool:
    """Can a word that is no mention still stand for an entity: a pronoun,
    a relative pronoun, a class noun ("two tracks"), or a definite nominal
    ("the music", not the "music" of "features music by")?"""
    word = token.lower_
    if word in PRONOUNS or word in RELATIVE or word in CLASS_NOUNS or word.endswith("s") and word[:-1] in CLASS_NOUNS:
        return True
    return word in NOMINALS and _definite(token)


def _definite(token) -> bool:
    """ "the song", "its album": a noun that points back, not a new thing;
    by the words right before it too ("The film stars veteran actor A": the
    parse may hang "The" on "actor"; "the MBC drama", "The 50-episode family drama", "This weekend drama")."""
    doc, i = token.doc, token.i - 1
    while i > 0 and token.i - i < 6 and (doc[i].ent_type_ or doc[i].like_num or doc[i].text == "-"
                                         or doc[i].is_lower and doc[i].dep_ in ("compound", "amod", "nummod", "npadvmod")):
        i -= 1
    return any(c.lower_ in DEFINITE for c in token.children) or i >= 0 and doc[i].lower_ in DEFINITE


def hangs_on_noun(ctx: Context, anchor) -> bool:
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


def refs_at(ctx: Context, token, accepted: tuple) -> list[EntityRef]:
    """The entity a token names: a mention; a relative pronoun's noun; a
    role or class noun's mention ("album 'Lilac'", "the song X"); what a
    copula says it is ("X is a song written by": X); or, for a nominal,
    what it stands for ("the song", "it")."""
    ent = ctx.ent(token)
    if ent is not None and ent.start in ctx.asides:  # "who helmed the drama 'W,' the series also stars": the series'
        said = [c for c in token.children if c.dep_ == "appos" and c.lower_ in NOMINAL_NOUNS]
        if said:
            return refs_at(ctx, said[0], accepted)
    if ent is not None:
        ref = ctx.ref(ent, accepted) if not ent.is_value and ent.name not in ctx.characters else None
        return [ref] if ref else []
    word = token.text.lower()
    if another_kind(token, accepted):
        return []  # "The 'Salt Road' OST features A": the soundtrack, not the series named inside its phrase
    if token.dep_ == "appos" and (word in NOMINAL_NOUNS or word in CLASS_NOUNS) \
            and (apposed := apposed_to(ctx, token, accepted)):
        return apposed
    if (pair := latter_or_former(ctx, token, accepted)) is not None:
        return pair
    if word in RELATIVE and token.head.dep_ == "relcl":
        # "A, B and C star, and D, who directed W": the name right before ", who", whatever the parse hung it on
        named = token.doc[token.i - 2] if word == "who" and token.i > 1 and token.doc[token.i - 1].text == "," else None
        return refs_at(ctx, named if named is not None and ctx.ent(named) is not None else token.head.head, accepted)
    if word in COLON_LISTED and token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == ":":
        return _listed_after_colon(ctx, token, accepted)  # "four new tracks: lead single 'Maestro', ..."
    if token.dep_ == "pcomp":  # "with the single 'X' featuring Y": the parser hangs the verb on "with", 'X' on the verb
        named = [c for c in token.children if c.dep_ == "nsubj" and ctx.ent(c) is not None]
        if named:
            return refs_at(ctx, named[0], accepted)
    # "includes a cover of 'X'", "recorded a remake of 'X' for": X (not "closes with 'Y,' a piano version of 'X'": Y)
    if word in VERSIONS and token.dep_ == "dobj" and not title_apposed_before(ctx, token, accepted):
        songs = _of_objects(token)
        if songs:
            return refs_at(ctx, songs[0], accepted)
    if word in PROMOTION and token.dep_ == "pobj":  # "returned with a music video for 'X'": X (a video "featuring" actors: no)
        works = [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("for", "of") for g in c.children
                 if g.dep_ == "pobj"]
        if works:
            return refs_at(ctx, works[0], accepted)
    if (word in NOMINAL_NOUNS or word in CLASS_NOUNS) and (ref := named_right_after(ctx, token, accepted)) is not None:
        return [ref]  # "the Netflix thriller The Last Courier": the title it names
    if NOMINALS.get(word) == ("MusicGroup",) and "MusicGroup" in accepted and _definite(token) \
            and (group := ctx.antecedent(token, ("MusicGroup",))) is not None:
        return [group]  # "The group — singer A, accordionist B — recorded the album": the band, not its members
    inside = _mention_in_phrase(ctx, token, accepted) if not _is_verb(token) else []  # a verb's parts are not its phrase
    if inside or word in CLASS_NOUNS and (inside := title_apposed_before(ctx, token, accepted)):
        return inside
    said = token
    while said.dep_ in ("nmod", "compound") and word in CLASS_NOUNS:  # "X is a 2007 film starring A and actor B",
        said = said.head  # parsed with "film" a modifier of "actor": X
    if said.dep_ == "attr" and said.head.lower_ in COPULAS:
        for subject in said.head.children:
            if subject.dep_ in ("nsubj", "nsubjpass") and ctx.ent(subject) is not None:
                return refs_at(ctx, subject, accepted)
    if token.dep_ in ("nsubj", "nsubjpass") and token.head.lower_ in TITLED:  # "His song is titled X and will be": X
        named = [c for c in token.head.children if c.dep_ in ("xcomp", "oprd", "attr", "dobj") and ctx.ent(c) is not None]
        if named:
            return refs_at(ctx, named[0], accepted)
    if word in QUANTIFIERS:  # "all of these songs": the noun after "of"
        nouns = [g for c in token.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        return refs_at(ctx, nouns[0], accepted) if nouns else []
    if word.endswith("s") and word[:-1] in NOMINAL_NOUNS and word[:-1] not in PRONOUNS:  # "songs", not "its"
        return _plural_back(ctx, token, tuple(k for k in NOMINALS[word[:-1]] if k in accepted))
    kinds = tuple(k for k in NOMINALS.get(word, ()) if k in accepted)
    if "Song" in kinds and any(c.lower_ == "title" for c in token.children) and _definite(token) \
            and (title_track := title_track_before(ctx, token)) is not None:
        return [title_track]
    if "Song" in kinds and _definite(token) and (called := called_so_before(ctx, token)) is not None:
        return [called]  # "The lead single was": the one called the lead single before
    if word not in PRONOUNS and not _definite(token):
        return []  # "a new mini-album", "TVXQ's title track": new things, not ones named before
    if any(c.dep_ == "prep" and any(ctx.ent(g) is not None for g in c.children) for c in token.children):
        return []  # "the original sound track of 'Magic'": said of another thing, not pointing back
    if any(c.ent_type_ == "ORDINAL" for c in token.children):
        return []  # "the 6th track": one of a list being told, not one named before
    if not kinds:
        return []
    # "it", "the track" and "the show" may stand for a title the sentence before left undecided; a
    # person's pronoun may not
    undecided = word in ("it", "its") or word not in PRONOUNS and set(kinds) <= {"Song", "Album", "TVSeries", "Film"}
    if word in ("they", "them"):
        # what "they" stands for does not depend on what the rule wants: the band named last, not a
        # byline's person because the rule asks for a person
        ref = ctx.antecedent(token, NOMINALS[word])
        ref = ref if ref is not None and ref.cls in kinds else None
    elif (beside := series_of_network(ctx, token, kinds)) is not None or (beside := work_of_artist(ctx, token, kinds)) is not None:
        return beside  # "the MBC show", "the ORBITAL 9 track"
    elif word == "it" and other_work_in_sentence(ctx, token, kinds):
        return []  # "X is a remake: singer A released it in 1988": X, a song, not a drama named before
    else:
        ref = ctx.pronoun_antecedent(token, kinds) if undecided \
            else ctx.antecedent(token, kinds, subject=word in PERSONAL and not other_gender_before(token))
        if ref is not None and (set(kinds) <= {"TVSeries", "Film"} or kinds == ("Album",)) \
                and (word not in PRONOUNS or word in ("it", "its")):
            ref = topic_over_aside(ctx, ref, token)
    if ref and word in ("they", "their", "them"):
        partners = _and_partners(ctx, ref, token, kinds)
        # "The trio consists of A of G1, B and C. Their debut single": the group the sentence before is about
        if ref.cls == "Person" and "MusicGroup" in kinds and (group := _group_subject_before(ctx, token)) is not None:
            return [group]
        group = ctx.salient(("MusicGroup",)) if ref.cls == "Person" and "MusicGroup" in kinds and len(partners) == 1 else None
        named = Counter(e.name for e in ctx.by_start.values())
        # people named in passing (credits, an aside) are not "they" of an article about a group
        return [group] if group and named[group.name] >= max(named[p.name] for p in partners) else partners
    return [ref] if ref else []


def _group_subject_before(ctx: Context, token) -> EntityRef | None:
    """The group the sentence before has as its subject, by name or as "the
    trio", if any."""
    previous = ctx.sentence_before(ctx.sentence_of(token.i))
    # or the nominal the parse made the root ("The nine-member group, whose lineup includes A, debuted")
    subject = next((t for t in previous if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None) \
        or next((t for t in previous if t.dep_ == "ROOT" and t.lower_ in NOMINALS), None) if previous is not None else None
    if subject is None:
        return None
    ent = ctx.ent(subject)
    if ent is not None:
        return EntityRef(ent.name, "MusicGroup") if ctx.class_of(ent) == "MusicGroup" else None
    if NOMINALS.get(subject.lower_) == ("MusicGroup",) and _definite(subject):
        return ctx.antecedent(subject, ("MusicGroup",))
    return None


COLON_LISTED = frozenset(lexicon()["list_nouns"]["words"])


QUANTIFIERS = {"all", "both", "each"}
BACK_DETERMINERS = {"these", "those", "both", "the"}
NUMBER_WORDS = {n: word for word, n in lexicon()["number_words"].items()}


def _plural_back(ctx: Context, noun, kinds: tuple) -> list[EntityRef]:
    """ "These songs", "both tracks", "the two singles": every work of
    those kinds that the sentence before names, when it names more than
    one (as many as a number before the noun says)."""
    children = {c.lower_: c.dep_ for c in noun.children}
    if not kinds or not BACK_DETERMINERS & set(children) or set(children.values()) - {"det", "nummod", "predet"}:
        return []  # "the hit songs of other singers": new things, not ones named before
    previous = ctx.sentence_before(ctx.sentence_of(noun.i))
    if previous is None:
        return []
    named = list({ent.name: ent for _, ent in reversed(ctx.mentions_in(previous)) if ctx.may_be(ent, kinds)}.values())[::-1]
    counted = [c for c in noun.children if c.dep_ == "nummod"]
    if len(named) < 2 or counted and counted[0].lower_ not in (str(len(named)), NUMBER_WORDS.get(len(named))):
        return []
    ctx.note_supplier(named[0])
    return [ref for ent in named if (ref := ctx.pointed_back(ent, kinds)) is not None]


def _listed_after_colon(ctx: Context, noun, accepted: tuple) -> list[EntityRef]:
    """The works a plural noun introduces with a colon, to the sentence's end."""
    sentence = ctx.sentence_of(noun.i)
    after = noun.doc[noun.i + 2:sentence.end]
    return [ref for _, ent in ctx.mentions_in(after) if (ref := ctx.ref(ent, accepted)) is not None]


def _and_partners(ctx: Context, ref: EntityRef, pronoun, accepted: tuple) -> list[EntityRef]:
    """ "Jeonghan and Wonwoo ... with their album": "their" is both."""
    before = [t for t, ent in ctx.mention_tokens if ent.name == ref.name and t.i < pronoun.i]
    return _listed_beside(ctx, before[-1], [ref], accepted, (-1, +1)) if before else [ref]


def _of_objects(token) -> list:
    """The objects of a noun's "of" ("a cover of 'X'", "the lyrics of 'X'")."""
    return [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]


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
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if following is not None and following.lower_ in EXAMPLES and following.dep_ == "prep" and following.head != token:
        queue.append(following)  # "led by actors like A and B", the parse hanging "like" on the verb
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
    # the parse lost it: the mention right after the noun, quotation marks aside ('released a song "X" on
    # May 24'), or right after a role noun ("recorded by American rock band The Kinks", "for the band the Kinks")
    role = token.lower_ in ROLE_NOUNS
    after = token.i + 1
    while after < len(token.doc) and (token.doc[after].is_quote or role and after == token.i + 1 and token.doc[after].lower_ == "the"):
        after += 1
    next_to = after > token.i + 1 or role
    ent = ctx.ent(token.doc[after]) if after < len(token.doc) and next_to else None
    ref = ctx.ref(ent, accepted) if ent is not None and not ent.is_value else None
    return [ref] if ref else []


def with_listed(ctx: Context, found: list[EntityRef], accepted: tuple, near=None) -> list[EntityRef]:
    """An attached entity with those listed beside it ("two singles, 'A'
    and 'B', were written by"), where it is named in the sentence of ``near`` (a list
    elsewhere, "'B' at No. 41 and 'A' at No. 58", is not this sentence's)."""
    named = [token for token, ent in ctx.mention_tokens if ent.name == found[0].name]
    sentence = ctx.sentence_of(near.i) if near is not None else None
    first = next((t for t in named if sentence is not None and ctx.sentence_of(t.i) is sentence), named[0] if named else None)
    if first is None:
        return list(found)
    # a subject the parse took for the last of a list ("A and B have been confirmed", A a compound of B); the
    # word that pointed to it keeps its clause from the list ("A, who plays the lead, and B": not B's part)
    return _listed_beside(ctx, first, found, accepted, (+1, -1) if first.dep_ in ("nsubj", "nsubjpass") else (+1,),
                          (near,) if near is not None else ())


def _listed_beside(ctx: Context, token, found: list[EntityRef], accepted: tuple, steps: tuple, context=()) -> list[EntityRef]:
    """``found`` and the entities of an accepted class listed beside the
    mention at ``token``, walking each of ``steps`` (left -1, right +1)."""
    out = list(found)
    for other in (t for step in steps for t in coordinated(token, step, context)):
        ref = ctx.ent(other) and ctx.ref(ctx.ent(other), accepted, listed=True)
        if ref and ref not in out:
            out.append(ref)
    return out

