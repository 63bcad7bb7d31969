"""The document context the rules and readers share: an article's
mentions by token, the classes decided so far, the sentences, what "the
drama" or "it" refers to, and how a fact's Evidence is written."""
from __future__ import annotations

import re
from functools import cached_property
from bisect import bisect_left, bisect_right
from collections import Counter

from spacy.attrs import IDX
from spacy.tokens import Doc

from ..data import alternatives, any_word, lexicon
from ..records import Article, EntityRef, Evidence, Extraction, Passage
from .spans import FAMILIES, TYPED, WORKS, Ent, dated_in_passing, span_text
from .title_runs import headlines
from .ballot import NOT_A_WORK, Ballot, default_work, roles_of_undecided, topic, weights
from .lists import ITEM_NUMBER, item_scopes, section_heads
from .hedges import is_hedged
from .marks import Marks
from .networks import services_listed


INSTRUMENTAL = any_word(lexicon()["instrumental_words"])
RECORD_NOUNS = {w: tuple(lexicon()["antecedent_words"][w]) for w in ("song", "track", "single", "album")}  # "the song": a Song
RECORD_TWIN = {"Song": "Album", "Album": "Song"}  # the other record of one name: an album and its title track
YEAR_OWNED = re.compile(r"\b(?:19|20)\d\d's\s*$")  # "since 2019's W": a work named in passing
LINE_UP = re.compile(rf"(?i)\b(?:{alternatives(lexicon()['class_nouns']['MusicGroup'])})\s*(\(|—|–|--)\s*(?=[A-Z])")  # "the group (A, B)"
LIST_ITEM = re.compile(rf"(?m)^[ \t]*{ITEM_NUMBER}[ \t]+\S")  # "4. Tale of the Nine Tailed": an item that heads what follows


class Context:
    """Per-article state the rules share: the mentions by token, the
    classes decided so far, and what "the drama" or "the album" refers to."""

    def __init__(self, article: Article, doc: Doc, ents: list[Ent], ballot: Ballot):
        self.article, self.doc, self.ballot = article, doc, ballot
        self.sentences = list(doc.sents)
        # Every reader scans every sentence's text: slice each one once.
        self.sentence_texts = [span_text(sentence) for sentence in self.sentences]
        self._sentence_starts = [sentence.start for sentence in self.sentences]
        self.by_start = {e.start: e for e in ents}
        self._starts = sorted(self.by_start)  # for the mentions between two offsets, the nearest first
        self.marks = Marks(doc)
        # The tokens that start a mention, in text order: readers walk
        # mentions, and a walk over every Token object is slow.
        self.mention_tokens = [(doc[i], self.by_start[start]) for i, start in enumerate(doc.to_array(IDX).tolist())
                               if start in self.by_start]
        self._mention_positions = [token.i for token, _ in self.mention_tokens]
        self.decided: dict[str, str] = {e.name: e.cls for e in ents if e.cls in TYPED}
        self.twins = self._twins(ents)
        self.namesakes: dict = {}  # names said to be a song and an album both, with the sentence saying so (namesakes.py)
        self.characters: set[str] = set()
        self.actors: set[str] = set()  # names a cast rule with no character role takes as the actor
        self.extraction = Extraction(article)
        self._evidence_texts: dict[tuple[int, int], str] = {}
        # The sentence an antecedent was found in ("The song ..." -> the one naming it), for the evidence
        self.supplied = None
        # Works in parentheses after a person ("Kim Ara (Blue Ferry)"): asides about that
        # person, never what "the drama" or an unnamed role points back to
        self.asides = self._asides(doc)
        # Artists a work features ("featuring rapper Q-Tip"): a guest, not whom "her album" later in the sentence means
        self.featured = {ent.start for token, ent in self.mention_tokens
                         if self.marks.is_featured(token.i, self.sentence_of(token.i).start)}
        # Credits for every track of an album ("wrote all of the songs on the album"): (album, property, person, evidence)
        self.track_credits: list[tuple] = []
        self.section_heads = section_heads(article.text, ents)  # a listicle's title lines, each heading its section
        self._item_scopes = item_scopes(article.text, [m.start() for m in LIST_ITEM.finditer(article.text)], self.section_heads)

    def _asides(self, doc: Doc) -> set[int]:
        """The starts of the works in parentheses after a person ('Kim Gyu-tae ("Fox Hunt")') or in a relative
        clause on one ("Lee, who helmed the drama 'Winter Ledger,'"), or after a year's possessive ("since 2019's W"),
        and of the members in parentheses after a group, or between dashes after one ("Mirage Club (Tae-hwa, Remi)
        put out their EP": their is the group's)."""
        asides = set()
        for token, named in ((t, e) for t, e in self.mention_tokens if self.class_of(e) in ("Person", "PERSON", "MusicGroup")):
            sentence = self.sentence_of(token.i)
            for clause in (c for c in token.children if c.dep_ == "relcl" and c.i > token.i and self.class_of(named) != "MusicGroup"):
                end = clause.right_edge.i + 1
                while (title := end + (end < len(doc) and doc[end].is_quote)) < len(doc) \
                        and (work := self.ent(doc[title])) is not None and self.class_of(work) in WORKS:
                    # the titles the clause's last noun names, which the parse may hang elsewhere ("the dramas 'A' and 'B'")
                    end = title + 1
                    end += end < len(doc) and doc[end].is_quote
                    end += end < len(doc) and doc[end].text in (",", "and") and self.sentence_of(end) is sentence
                asides |= {ent.start for _, ent in self.mentions_in(doc[clause.left_edge.i:end])}
            if token.i + 2 < len(doc) and doc[token.i + 1].text == "," and doc[token.i + 2].lower_ == "whose":
                # "filmmaker Y, whose 2021 film 'N' was a hit", "whose previous drama, N (2021), was": N is said of Y
                commas = [k for k in range(token.i + 3, sentence.end) if doc[k].text == "," and not doc[k - 1].is_quote]
                close = next((k for k in commas if not (k + 1 < len(doc) and self.ent(doc[k + 1 + doc[k + 1].is_quote]))),
                             sentence.end)
                asides |= {ent.start for _, ent in self.mentions_in(doc[token.i + 2:close])}
            opener = doc[token.i + 1].text if token.i + 1 < len(doc) else ""  # "the Harlan Sisters — June and Clara —"
            if opener == "(" or opener in ("—", "–", "--") and self.class_of(named) == "MusicGroup":
                shut = ")" if opener == "(" else opener
                close = next((k for k in range(token.i + 2, min(token.i + 24, len(doc))) if doc[k].text == shut), token.i + 1)
                asides |= {ent.start for _, ent in self.mentions_in(doc[token.i + 2:close])}
        for opened in LINE_UP.finditer(self.article.text):  # "The five-member girl group — A, B and C — had": the group's
            shut = self.article.text.find(")" if opened.group(1) == "(" else opened.group(1), opened.end(), opened.end() + 200)
            asides |= {e.start for _, e in self.mention_tokens if opened.end() <= e.start < shut}
        # "since 2019's W"; "six years after 'W' (2019), in which he starred": a work of its year, named in passing
        channels = frozenset(e.start for e in self.by_start.values() if e.cls in ("Broadcaster", "Platform"))
        return asides | {e.start for t, e in self.mention_tokens if YEAR_OWNED.search(self.article.text, max(0, e.start - 9), e.start)
                         or dated_in_passing(self.article.text, t, e, channels)}

    def _twins(self, ents: list[Ent]) -> dict[int, str]:
        """Mentions of a name decided Song (or Album) whose own cue says the
        other ("the two singles 'X' and 'Y'" ... "a new mini-album titled
        'X'"): an album and its title track share a name, and each such
        mention names the other work. By mention start."""
        cue = weights()["cue"]
        twins = services_listed(self.article.text, ents)
        for ent in ents:
            cls = self.decided.get(ent.name)
            if cls in RECORD_TWIN:
                local = self.ballot.local(ent.name, ent.start)
                if local.get(RECORD_TWIN[cls], 0) >= cue and not local.get(cls):
                    twins[ent.start] = RECORD_TWIN[cls]
        return twins

    @cached_property
    def kinds(self) -> dict[str, int]:
        """What the article is about: its counts of music, screen and film words."""
        return topic(self.article.text)

    def class_of(self, ent: Ent) -> str:
        """The class a mention names: its own if it is a twin, else its name's."""
        return self.twins.get(ent.start) or self.decided.get(ent.name, ent.cls)

    def ent(self, token) -> Ent | None:
        return self.by_start.get(token.idx)

    def sentence_of(self, i: int):
        """The sentence of token ``i``, found among the sentences
        (``Token.sent`` walks the document's tokens to find it)."""
        return self.sentences[bisect_right(self._sentence_starts, i) - 1]

    def sentence_before(self, sentence):
        """The sentence before ``sentence`` (one of ``sentences``); None for
        the first, or for a span that is no sentence of the article."""
        index = bisect_left(self._sentence_starts, sentence.start)
        if index == 0 or index == len(self.sentences) or self.sentences[index].end != sentence.end \
                or self._sentence_starts[index] != sentence.start:
            return None
        return self.sentences[index - 1]

    def sentence_after(self, sentence):
        """The sentence after ``sentence``; None for the last."""
        index = bisect_right(self._sentence_starts, sentence.start)
        return self.sentences[index] if index < len(self.sentences) else None

    def mentions_in(self, span) -> list[tuple]:
        """(token, mention) for the mentions that start inside ``span``."""
        low = bisect_left(self._mention_positions, span.start)
        return self.mention_tokens[low:bisect_left(self._mention_positions, span.end, low)]

    def evidence(self, sentence, rule: str, confidence: float, claim=None, context=()) -> Evidence:
        """``claim`` is the part of the sentence that states the fact; a
        hedge ("is likely to", "will") counts only there or just before it,
        not in a relative clause elsewhere in the sentence. ``context``: the
        sentences that supplied a part of the fact (others are ignored)."""
        text = self._text(sentence)
        if claim is not None:
            before = claim.doc[max(sentence.start, claim.start - 4):claim.start]
            hedged = is_hedged(span_text(before) + " " + span_text(claim))
        else:
            hedged = is_hedged(text)
        supplied = {c.start: Passage(self._text(c), c.start_char, c.end_char) for c in context
                    if c is not None and c.start != sentence.start}
        return Evidence(self.article.id, text, sentence.start_char, sentence.end_char, rule,
                        round(confidence * (0.7 if hedged else 1.0), 2), hedged, tuple(supplied[k] for k in sorted(supplied)))

    def _text(self, sentence) -> str:
        key = sentence.start, sentence.end
        text = self._evidence_texts.get(key)
        if text is None:  # one string however many facts the sentence states: pickled once
            text = self._evidence_texts[key] = span_text(sentence).strip()
        return text

    def decide(self) -> None:
        """Each undecided name takes the class its votes reach, if any."""
        for ent in self.by_start.values():
            if ent.cls in FAMILIES and ent.name not in self.decided:
                cls = self.ballot.decided(ent.name)
                if cls in TYPED:
                    self.decided[ent.name] = cls

    def settle(self) -> None:
        """What no vote decided: a title (quoted, or found in a title
        position) takes its leading work class, else the class of what the
        article is about; other undecided names stay undecided and are
        dropped, and so is a quotation in headlines that the body never
        names and nothing types."""
        kinds = self.kinds
        headings = headlines(self.doc)  # token indices of Title Case lines
        in_body = {ent.name for token, ent in self.mention_tokens if token.i not in headings}
        cued: dict[str, bool] = {}
        roles = roles_of_undecided(self.extraction.facts)
        for e in self.by_start.values():  # a cue word beside a mention, or a mention not only the NER's
            cued[e.name] = cued.get(e.name) or bool(e.cue) or e.source != "model"
        for ent in self.by_start.values():
            if ent.name in self.decided or ent.cls != "TITLE" or ent.source not in ("quoted", "listed", "cue-title", "model"):
                continue
            if ent.source == "model" and not cued.get(ent.name):
                continue  # a title only the NER proposes, with no cue or other source beside it: dropped
            if ent.name not in in_body and not self.ballot.scores(ent.name):
                continue  # quoted in headlines only, with nothing said of it: a quote, not a work
            if self.ballot.decided(ent.name) == NOT_A_WORK:
                continue
            scores = self.ballot.scores(ent.name)
            # the works a firm fact read of it allows ('"X" – Tak Min-seo': a recording), then its votes, then the topic
            works = [c for c in WORKS if c in roles.get(ent.name, WORKS)] or WORKS
            best = max((scores.get(c, 0) for c in works), default=0)
            self.decided[ent.name] = default_work(kinds, among=[c for c in works if scores.get(c, 0) == best])
        for ent in self.by_start.values():  # a name no vote decided that a relation read as an artist, a cast member...
            if ent.cls in ("PERSON", "ORG") and ent.name not in self.decided and roles.get(ent.name):
                self.decided[ent.name] = self.ballot.leader(ent.name, tuple(roles[ent.name]))[0] or min(roles[ent.name])

    def ref(self, ent: Ent, accepted: tuple, listed: bool = False) -> EntityRef | None:
        """The entity a mention names, deciding its class from the role it
        fills (and the votes on it) when the mention itself was undecided.
        A title other rules took only for kinds the role does not accept
        fills no role ("X is written by A and directed by B": no song),
        unless it is ``listed`` beside names the role took ("the songs 'A',
        'B' and 'C'")."""
        cls = self.class_of(ent)
        if cls in FAMILIES:
            options = [c for c in accepted if c in FAMILIES[cls]]
            if not options:
                return None
            votes = self.ballot.scores(ent.name)
            if not listed and self.contested(ent, options):
                return None
            ranked = sorted((votes.get(c, 0) for c in options), reverse=True)
            if cls == "TITLE" and len(ranked) > 1 and ranked[0] == ranked[1]:
                # the role leaves it open ("X's 'Y'": a song or an album): decided later, by readers and the article
                return EntityRef(ent.name, cls)
            cls = max(options, key=lambda c: (votes.get(c, 0), -FAMILIES[cls].index(c)))  # a tie: the NER's label's order
            self.decided[ent.name] = cls
        if accepted and cls not in accepted:
            twin = RECORD_TWIN.get(cls) if ent.name in self.namesakes else None
            return EntityRef(ent.name, twin) if twin in accepted else None
        return EntityRef(ent.name, cls)

    def contested(self, ent: Ent, accepted: list | tuple) -> bool:
        """Did rules take the undecided title only for kinds the role does not accept?"""
        family, votes = FAMILIES[self.class_of(ent)], self.ballot.scores(ent.name)
        return not any(votes.get(c) for c in accepted if c in family) and any(votes.get(c) for c in family)

    def undecided_in(self, span, accepted: tuple) -> list[Ent]:
        """The titles of ``span`` still open to an accepted class that no rule
        took for another kind ("The second OST of KBS2's 'Dear Summer', titled
        ...": not the series)."""
        return [ent for _, ent in self.mentions_in(span) if self.open_to(ent, accepted) and not self.contested(ent, accepted)]

    def salient(self, accepted: tuple) -> EntityRef | None:
        """The most mentioned entity of the accepted classes: what the
        article is about ("their" in a track-list intro)."""
        # Mentions are in text order, and most_common keeps that order among ties: the first named wins.
        counts = Counter((e.name, self.class_of(e)) for e in self.by_start.values()
                         if self.class_of(e) in accepted and e.name not in self.characters)
        return EntityRef(*counts.most_common(1)[0][0]) if counts else None

    def nearest_before(self, token, accepted: tuple, subject: bool = False) -> Ent | None:
        """What "the drama", "the album", "its" refers to: the nearest earlier
        mention of an accepted class, never before the numbered list item
        the token stands under ("4. Tale of the Nine Tailed / Lee Yeon (played
        by ...)"; "2. SuperM by SuperM / This album ..."). ``subject``: for
        "she" or "he", the nearest that was a clause's subject, if any ("Kim
        Ara ... Starting with Blue Ferry, she starred in": Kim Ara)."""
        since = self.heading_at(token)
        def last_between(start: int, end: int, featured: bool = True) -> Ent | None:
            between = self._starts[bisect_left(self._starts, start):bisect_left(self._starts, end)]
            return next((ent for ent in map(self.by_start.get, reversed(between)) if self.class_of(ent) in accepted
                         and ent.name not in self.characters and ent.start not in self.asides
                         and (featured or ent.start not in self.featured)), None)
        best = last_between(since, token.idx)
        if best is not None and best.start in self.featured:
            # "recorded by A, featuring B, for her album", "A returns with X, featuring B. It is his": A, named before
            start = self.sentence_of(self.doc.char_span(best.start, best.end, alignment_mode="expand").start).start_char
            best = last_between(start, best.start, featured=False) or best
        if subject and best is not None:
            subjects = [ent for tok, ent in self.mention_tokens
                        if since <= tok.idx < token.idx and tok.dep_ in ("nsubj", "nsubjpass") and self.class_of(ent) in accepted
                        and ent.name not in self.characters]
            best = subjects[-1] if subjects else best
        return best

    def heading_at(self, token) -> int:
        """Where the numbered item or the title line ``token`` stands under starts (0: under none)."""
        return max((start for start, active, end in self._item_scopes if active <= token.idx < end), default=0)

    def antecedent(self, token, accepted: tuple, subject: bool = False) -> EntityRef | None:
        """The entity ``nearest_before`` finds, noting its sentence as the
        one that supplied it."""
        best = self.nearest_before(token, accepted, subject)
        if best is None:
            return None
        self.note_supplier(best)
        return EntityRef(best.name, self.class_of(best))

    def note_supplier(self, ent: Ent) -> None:
        """Note the sentence that names what a pronoun or "the song" stands for."""
        span = self.doc.char_span(ent.start, ent.end, alignment_mode="expand")
        if span is not None:
            self.supplied = self.sentence_of(span.start)

    def pronoun_antecedent(self, token, accepted: tuple) -> EntityRef | None:
        """What "it" or "the show" stands for: the nearest earlier name of an
        accepted class, unless it is further back than the sentence before
        and that sentence's subject is a title still undecided; with no name
        before, a title still undecided in the sentence before ('"Harbor
        Lights" follows two chefs. It is directed by ...'). The rule then
        decides the title."""
        found = self.nearest_before(token, accepted)
        previous = self.sentence_before(self.sentence_of(token.i))
        topic = self._topic_before(token, accepted) if found is not None else None
        if topic is not None:
            self.note_supplier(topic)
            return EntityRef(topic.name, self.class_of(topic))
        undecided = self.undecided_in(previous, accepted) if previous is not None else []
        if found is not None and undecided and found.start < previous.start_char:
            # the sentence before is about a title still undecided: it is meant, not a name further back
            undecided = [e for e in undecided if self._subject_of_sentence(e)]
        elif found is not None:
            undecided = []
        if not undecided and found is None and self.sentences[0].end <= token.i:
            # a title still undecided two or three sentences back (the nearest), else one only the headline names
            before = [s for s in self.sentences[1:] if s.end <= token.i][-3:]
            undecided = next((u[-1:] for s in reversed(before) if (u := self.undecided_in(s, accepted))), []) \
                or self.undecided_in(self.sentences[0], accepted)
        if not undecided:
            return self.antecedent(token, accepted) if found is not None else None
        self.note_supplier(undecided[0])
        return self.pointed_back(undecided[0], accepted)

    def _topic_before(self, token, accepted: tuple) -> Ent | None:
        """What "it" as a sentence's subject goes on about: the named subject
        of the sentences before, back over those whose subject is itself
        "it" ("X is a song ... for her album Y (2019). It was written by
        ...": X, not Y), or what their subject "the song" stands for."""
        if token.lower_ != "it" or token.dep_ not in ("nsubj", "nsubjpass"):
            return None
        sentence = self.sentence_of(token.i)
        main = next((t for t in sentence if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT" and t.i < token.i), None)
        if main is not None and (named := self.ent(main)) is not None and self.class_of(named) in accepted:
            return named  # "'X' sits at No. 1 on Melon, while it came in at No. 3 on VIBE": the main clause's X
        for _ in range(3):
            sentence = self.sentence_before(sentence)
            subject = next((t for t in sentence if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None) \
                if sentence is not None else None
            named = self.ent(subject) if subject is not None else None
            if named is None and subject is not None and subject.lower_ in RECORD_NOUNS:
                named = self.nearest_before(subject, RECORD_NOUNS[subject.lower_])
            if named is not None or subject is None or subject.lower_ != "it":
                return named if named is not None and self.class_of(named) in accepted else None
        return None

    def _subject_of_sentence(self, ent: Ent, main: bool = False) -> bool:
        """Is the mention a clause's subject (``main``: the sentence's own)?"""
        span = self.doc.char_span(ent.start, ent.end, alignment_mode="expand")
        return span is not None and span.root.dep_ in ("nsubj", "nsubjpass") and (not main or span.root.head.dep_ == "ROOT")

    def open_to(self, ent: Ent, accepted: tuple) -> bool:
        """Is the mention still undecided, and open to an accepted class?"""
        cls = self.class_of(ent)
        return ent.name not in self.characters and cls in FAMILIES and bool(set(FAMILIES[cls]) & set(accepted))

    def may_be(self, ent: Ent, accepted: tuple) -> bool:
        """Is the mention of an accepted class, or a title still open to one?"""
        return self.open_to(ent, accepted) or self.class_of(ent) in accepted and ent.name not in self.characters

    def pointed_back(self, ent: Ent, accepted: tuple) -> EntityRef | None:
        """The entity a mention that "it" or "these songs" points back to
        names; a title still undecided is decided by the role, as it would
        be for the name itself, else by the article's kind (so that later
        lines can point back to it too)."""
        cls = self.class_of(ent)
        if cls not in FAMILIES:
            return self.ref(ent, accepted)
        options = [c for c in accepted if c in FAMILIES[cls]]
        for option in options:
            self.ballot.vote(ent.name, option, weights()["role"] / len(options))
        found = self.ref(ent, accepted)
        if found is not None and found.cls in FAMILIES:
            found = EntityRef(ent.name, default_work(self.kinds, among=options))
            self.decided[ent.name] = found.cls
        return found

    @cached_property
    def instrumentals(self) -> set[str]:
        """Works the article calls instrumental ("a piano piece"), named in
        the sentences that say so: the words written for them are music."""
        return {e.name for sentence, text in zip(self.sentences, self.sentence_texts)
                if INSTRUMENTAL.search(text) for _, e in self.mentions_in(sentence)}

    def sentence_mentions(self, sentence):
        """(token, mention, class so far) for the named mentions of a sentence."""
        for token, ent in self.mentions_in(sentence):
            cls = self.class_of(ent)
            if ent.is_value or ent.name in self.characters or cls == "TITLE" and ent.source == "model":
                continue  # readers see a title the NER alone proposes only once evidence typed it
            yield token, ent, cls
