"""Relation rules over the dependency parse, with spaCy's DependencyMatcher.

Rules live in ``kg/data/dependency_patterns.jsonl``, one JSON object a line,
with the schema of the token rules (``id``, ``makes``, ``roles``,
``classes``, ``expand``, ``derive``, ``confidence``; see rules.py) except
that ``pattern`` is a DependencyMatcher pattern and ``roles`` name its
nodes (``{"object": "artist"}``). Word lists may be macros of
``kg/data/pattern_macros.json`` ("@SUNG").

A verb frame states one side of a relation near the verb ("sung by Y": the
agent) and the other wherever the sentence put it: as the verb's subject
("X is sung by Y"), as the noun a participle or relative clause hangs on
("X, sung by Y", "the song that Y sang"), in an apposition, or in an
earlier sentence ("It is directed by Y"). So a rule may leave a role to be
attached: ``"attach": {"subject": "verb"}`` names the node the role's
entity is found from (kg/extract/refs.py, ``attached``), rather than
spelling every construction out as a pattern of its own. ``"absent":
{"verb": ["agent"]}`` says a node must have no child with those
dependencies, which a DependencyMatcher pattern cannot say; a dependency
may name the child's words too (``"nsubjpass:music|melody"``).
"""
from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from functools import lru_cache, reduce
from operator import or_
from pathlib import Path

import numpy
from spacy.attrs import HEAD, LOWER, SENT_START
from spacy.matcher import DependencyMatcher
from spacy.schemas import validate_token_pattern
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..data import FOLDER as DATA
from .listing import frame_breakers
from .rules import Rule, load_rule_file
from .spans import WORKS


@lru_cache(maxsize=None)
def load_dependency_rules(path: Path = DATA / "dependency_patterns.jsonl") -> tuple[Rule, ...]:
    """The rules of ``path``, each checked against spaCy's schemas: the
    token attributes of every node and the shape of the pattern itself (a
    DependencyMatcher refuses unknown operators and unknown nodes)."""
    check = DependencyMatcher(Vocab(), validate=True)

    def dependency_rule(raw: dict, pattern: list) -> dict:
        for node in pattern:
            errors = validate_token_pattern([node.get("RIGHT_ATTRS", {})])
            if errors:
                raise ValueError("; ".join(errors))
        check.add(raw["id"], [pattern])
        nodes = {node["RIGHT_ID"] for node in pattern}
        for role, node in {**raw["roles"], **raw.get("attach", {}), **{n: n for n in raw.get("absent", {})}}.items():
            if node not in nodes:
                raise ValueError(f"role {role!r} names no node of the pattern ({node!r})")
        return {"pattern": pattern, "attach": raw.get("attach", {}), "absent": raw.get("absent", {}),
                "heads": {n["RIGHT_ID"]: n["LEFT_ID"] for n in pattern if n.get("REL_OP") == ">"}}

    return load_rule_file(path, dependency_rule)


def _word_gates(pattern: list) -> list[frozenset]:
    """Per node that names its words (LOWER, ORTH or TEXT, one or a list):
    those words in lower case. A match needs one of each in the document."""
    gates = []
    for node in pattern:
        for attr, value in node.get("RIGHT_ATTRS", {}).items():
            if attr in ("LOWER", "ORTH", "TEXT"):
                words = [value] if isinstance(value, str) else value.get("IN") if isinstance(value, dict) else None
                if words:
                    gates.append(frozenset(w.lower() for w in words))
    return gates


class _InSentences(DependencyMatcher):
    """A DependencyMatcher whose token matcher runs over some sentences of
    the document only (``match``). A parse never leaves its sentence, so the
    matches are those of each sentence copied out and matched alone, in the
    same order, without copying (``Span.as_doc`` cost more than matching)."""

    def match(self, doc: Doc, sentences: list, roots: list) -> list:
        """The matches in ``sentences`` (spans of ``doc``); ``roots``: each
        token's root, as the DependencyMatcher groups candidates by it."""
        self._sentences, self._roots = sentences, roots
        return self(doc)

    def _get_keys_to_position_maps(self, doc: Doc):
        positions = defaultdict(lambda: defaultdict(list))
        for sent in self._sentences:
            for match_id, start, _ in self._matcher(sent):  # nodes are one token each
                positions[self._roots[sent.start + start]][match_id].append(sent.start + start)
        return positions


NAMES = frozenset({"Person", "MusicGroup", "PERSON", "ORG", "Organization"})
TITLES = frozenset({"TITLE", *WORKS})
DESCRIBING = frozenset({"the", "a", "an", "their", "his", "her", "its", "-"})


def _object_for_by(doc: Doc) -> None:
    """Give a "by" the parser left without an object the name it introduces:
    in "written by blues musician X", "recorded by American rock band X" or
    "whose lyrics were written by X" the parser may hang X elsewhere and
    leave "by" with no object, so no rule of the form "by" -> pobj could read
    the agent. The name must follow at once or after at most six words that
    only describe it (lower-case words, nationalities, modifiers of a later
    word)."""
    for token in doc:
        if token.lower_ != "by" or token.dep_ not in ("agent", "prep") or any(c.dep_ == "pobj" for c in token.children):
            continue
        for i in range(token.i + 1, min(token.i + 8, len(doc))):
            word = doc[i]
            if word.ent_type_ in NAMES:
                if not word.is_ancestor(token):
                    word.head, word.dep_ = token, "pobj"
                break
            describes = word.is_lower and word.is_alpha or word.lower_ in DESCRIBING or word.ent_type_ in ("NORP", "GPE") \
                or word.dep_ in ("amod", "compound") and word.head.i > word.i  # "American"
            if word.is_sent_start or word.lower_ in frame_breakers() or not describes:
                break


def _walled(cells: list[int], a: int, b: int) -> bool:
    """Does a table's cell wall ("|" at ``cells``) stand between tokens ``a`` and ``b``?"""
    low, high = sorted((a, b))
    i = bisect_right(cells, low)
    return i < len(cells) and cells[i] < high


def _is_one_of(child, deps: list[str]) -> bool:
    """Is ``child`` one of ``deps``: "agent", or "nsubjpass:music|melody" (that dependency, one of those words)."""
    for spec in deps:
        dep, _, words = spec.partition(":")
        if child.dep_ == dep and (not words or child.lower_ in words.split("|")):
            return True
    return False


TITLE_AFTER = frozenset({"for", "of", "to", "with", "on", "from", "in"})


def _object_for_a_title(doc: Doc) -> None:
    """Give a preposition the parser left without an object the title right
    after it, which a title of verb-like words made a clause of its own
    ("wrote the lyrics for 'Even If I Was Alive'": the title an adverbial
    clause of "wrote", or the preposition's clausal complement)."""
    for token in doc:
        if token.lower_ not in TITLE_AFTER or token.dep_ != "prep" or any(c.dep_ == "pobj" for c in token.children):
            continue
        after = next((t for t in doc[token.i + 1:token.i + 3] if not t.is_quote), None)
        if after is not None and after.ent_type_ in TITLES and (after.dep_ == "pcomp" and after.head == token or after.dep_ in (
                "advcl", "ccomp", "conj", "dep", "appos") and not after.is_ancestor(token)):
            after.head, after.dep_ = token, "pobj"


class DependencyRules:
    """The dependency rules matched over a parsed document whose mentions
    are single tokens. Yields (rule, {role: token index}, {role: anchor
    token index}, first and last token index of the match)."""

    def __init__(self, vocab: Vocab, rules: tuple[Rule, ...]):
        self.rules = {rule.id: rule for rule in rules}
        # The DependencyMatcher tries every node of every pattern at every
        # token of what it is given. So each rule has a matcher of its own, run
        # only on the sentences holding a word of each of its nodes' word lists
        # (most rules' verbs are absent from most sentences), in the rules'
        # order, as one matcher would. Each word list is a bit, so a rule's
        # test is one mask against a sentence's words' bits. Over those few
        # sentences the word lists cost the token matcher no more as sets than
        # as lexeme flags, which every new word pays for (see rules.flagged).
        gates: dict[frozenset, int] = {}
        self.matchers = []
        for rule in rules:
            matcher = _InSentences(vocab, validate=False)  # checked on load
            matcher.add(rule.id, [rule.pattern])
            mask = 0
            for gate in _word_gates(rule.pattern):
                mask |= 1 << gates.setdefault(gate, len(gates))
            self.matchers.append((mask, matcher))
        self.word_bits: dict[int, int] = {}
        for gate, bit in gates.items():
            for word in gate:
                key = get_string_id(word)
                self.word_bits[key] = self.word_bits.get(key, 0) | 1 << bit
        # The edges no word that starts another frame may cross: a role's to
        # the node it hangs on, and a conjunct verb's to its first verb.
        self.unbroken = {rule.id: [node["RIGHT_ID"] for node in rule.pattern if node["RIGHT_ID"] in rule.heads and (
            node["RIGHT_ID"] in rule.roles.values() or node.get("RIGHT_ATTRS", {}).get("DEP") == "conj")] for rule in rules}
        # The edges to a descendant at any depth, which stay in the clause they start in.
        self.descents = {rule.id: [(node["LEFT_ID"], node["RIGHT_ID"]) for node in rule.pattern if node.get("REL_OP") == ">>"]
                         for rule in rules}

    @staticmethod
    def _in_a_clause_below(doc: Doc, top: int, low: int, matched) -> bool:
        """Is the descendant ``low`` inside a relative clause on a name below ``top``, whose verb the rule
        does not match ("cast in 'W', directed by A, who made the films 'X' and 'Y'": X and Y are A's, not
        what the actors were cast in; not "stars B as a widow who returns home, alongside C", nor "A, who
        serves as leader, B and C", where a comma closes the clause before the name)?"""
        token = doc[low]
        while token.i != top and token.head.i != token.i:
            if token.dep_ == "relcl" and token.head.ent_type_ and token.i not in matched \
                    and not any(t.text == "," for t in doc[token.i + 1:low]):
                return True
            token = token.head
        return False

    @staticmethod
    def _broken(doc: Doc, head: int, role: int) -> bool:
        """Does a word that starts another frame stand between a role and
        the word the pattern hangs it on? (Not one in the role's own clause:
        "Lee Dan, who directed 'X,' will helm the film".)"""
        low, high = sorted((head, role))
        return any(doc[i].lower_ in frame_breakers() and not doc[role].is_ancestor(doc[i]) for i in range(low + 1, high))

    def _sentences(self, doc: Doc) -> list[tuple]:
        """(sentence, the bits of the word lists its words are in) for each
        sentence, read from token attribute arrays."""
        columns = doc.to_array([SENT_START, LOWER])
        starts = numpy.flatnonzero(columns[:, 0] == 1).tolist()
        bounds = list(dict.fromkeys([0] + starts)) + [len(doc)]
        bits = [self.word_bits.get(word, 0) for word in columns[:, 1].tolist()]
        return [(doc[start:end], reduce(or_, bits[start:end], 0)) for start, end in zip(bounds, bounds[1:])]

    @staticmethod
    def _roots(doc: Doc) -> list[int]:
        """Each token's root: the token whose head it is itself, up the heads."""
        heads = (numpy.arange(len(doc)) + doc.to_array(HEAD).astype("int64")).tolist()
        roots = heads[:]
        for i in range(len(doc)):
            while roots[i] != heads[roots[i]]:
                roots[i] = heads[roots[i]]
        return roots

    def __call__(self, doc: Doc):
        if not self.rules or not doc.has_annotation("DEP"):
            return
        _object_for_by(doc)
        _object_for_a_title(doc)
        strings = doc.vocab.strings
        sentences, roots = self._sentences(doc), self._roots(doc)
        # a text table's cell walls, which no edge of a frame crosses (most texts have none: no token walk)
        cells = [t.i for t in doc if t.text == "|"] if "|" in doc.text else []
        matches = []
        for mask, matcher in self.matchers:
            gated = [sent for sent, bits in sentences if bits & mask == mask]
            if gated:
                matches += matcher.match(doc, gated, roots)
        for match_id, token_ids in matches:
            rule = self.rules[strings[match_id]]
            nodes = {node["RIGHT_ID"]: i for node, i in zip(rule.pattern, token_ids)}
            if any(_is_one_of(child, deps) for name, deps in rule.absent.items() for child in doc[nodes[name]].children):
                continue  # "written by A and composed by B": "written" has an agent of its own
            if cells and any(_walled(cells, nodes[rule.heads[node]], nodes[node]) for node in rule.heads):
                continue  # "| 'A' by X | 'B' by Y |": no 'A' by Y
            if any(self._in_a_clause_below(doc, nodes[top], nodes[low], token_ids) for top, low in self.descents[rule.id]):
                continue
            if any(self._broken(doc, nodes[rule.heads[node]], nodes[node]) for node in self.unbroken[rule.id]):
                # "directed by A and stars B": a parse that hangs B on "by" across a new verb;
                # "directed and written by A, and produced by B": B produced it, no more
                continue
            roles = {role: nodes[node] for role, node in rule.roles.items()}
            anchors = {role: nodes[node] for role, node in rule.attach.items()}
            yield rule, roles, anchors, min(token_ids), max(token_ids)
