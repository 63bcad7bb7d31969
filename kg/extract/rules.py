"""A small, generic rule engine over spaCy's Matcher.

Rules live in ``kg/data/relation_patterns.jsonl`` (one JSON object a line):
``pattern`` is a spaCy Matcher token pattern; ``roles`` names pattern
positions (``{"subject": 0, "object": 3}``); ``makes`` is a vocabulary
property, ``ChartEntry``, ``ViewershipRating`` or ``character``; ``classes``
lists the classes each role accepts (an undecided title or name takes the
first); ``expand`` lists roles that also take the entities coordinated with
them ("A, B and C"); ``keep`` says which of the entities a wildcard
reaches are partners: "nearest" (the default), "farthest", or "every"
(each person at a script reading is in its cast); ``derive`` turns a
role's entity into derived ones (``"ost"``: the song of the series'
soundtrack the sentence or the next one titles, else the OST album;
``"ost-song"``: that song only, where no "OST" is written;
``"tracks"``: each track the article places on the album); ``silent``
lists roles whose undecided mention the rule casts no class vote for ("X's
Y" says whose Y is, not whether it is a song or a film). Lists in
patterns may use the macros of ``kg/data/pattern_macros.json`` ("@ARTIST").
Entity mentions are merged into single tokens before matching, so a pattern
token ``{"ENT_TYPE": "Song"}`` is a whole title.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.schemas import validate_token_pattern
from spacy.tokens import Token
from spacy.vocab import Vocab

from ..data import FOLDER as DATA, document, lines
from ..nlp import WORD_ATTRS
from .listing import listed_in_parentheses
from .spans import FAMILIES



@dataclass(frozen=True)
class Rule:
    id: str
    makes: str
    roles: dict
    classes: dict
    expand: tuple
    derive: dict
    confidence: float
    pattern: list
    keep: str = "nearest"
    limits: tuple = ()  # (position, fewest, most tokens) for each bounded repetition "{n,m}"
    attach: dict = field(default_factory=dict)  # dependency rules: role -> node its entity is found from
    # role -> kinds of role word (lexicon "role_kinds") that must / must not be the nearest one before its entity
    role_kind: dict = field(default_factory=dict)
    not_role_kind: dict = field(default_factory=dict)
    not_named_as: dict = field(default_factory=dict)  # role -> kinds of role word that must not stand right before it
    # words the sentence must hold one of ("with") or none of ("without") before the match, in lower case
    sentence: dict = field(default_factory=dict)
    absent: dict = field(default_factory=dict)  # dependency rules: node -> dependencies it must not have
    heads: dict = field(default_factory=dict)  # dependency rules: node -> the node it is a dependent of
    silent: tuple = ()  # roles whose undecided mention the rule casts no class vote for


@dataclass
class Binding:
    """One match: the tokens bound to each role."""

    rule: Rule
    roles: dict[str, list[Token]]
    span: object  # the matched tokens in the document
    length: int  # match length, negated for "farthest" rules
    anchors: dict[str, Token] = field(default_factory=dict)  # role -> token its entity is attached from


@lru_cache(maxsize=None)
def macros() -> dict:
    """The named lists of kg/data/pattern_macros.json ("@ARTIST")."""
    return {k: v for k, v in document("pattern_macros.json").items()
            if not k.startswith("_")}


def expand_macros(value, macros):
    if isinstance(value, dict):
        return {k: expand_macros(v, macros) for k, v in value.items()}
    if isinstance(value, list):
        out = []
        for item in value:
            if isinstance(item, str) and item.startswith("@"):
                out.extend(macros[item[1:]])
            else:
                out.append(expand_macros(item, macros))
        return out
    return value


BOUNDED = re.compile(r"\{(\d*),(\d+)\}")


def _nearest_partner(pattern: list, roles: dict, keep: str) -> list:
    """A gap before a role's entity (or, when none follows, after one) may
    not hold another entity of that kind, so the entity bound is the one
    nearest the rest of the pattern (for "farthest" rules, the gap may)."""
    if keep != "nearest":
        return pattern
    positions = set(roles.values())
    out = []
    for i, token in enumerate(pattern):
        if token.get("OP") in ("*", "+") or BOUNDED.fullmatch(str(token.get("OP", ""))):
            if "ENT_TYPE" not in token:
                # the role ahead if there is one, else the role just passed
                j = i + 1 if i + 1 in positions else i - 1
                kinds = sorted(set(pattern[j].get("ENT_TYPE", {}).get("IN", [])) - {""}) if j in positions else []
                if kinds:
                    token = {**token, "ENT_TYPE": {"NOT_IN": kinds}}
        out.append(token)
    return out


def _unbounded(pattern: list) -> dict:
    """spaCy expands "{0,n}" into n optional tokens, whose partial matches
    multiply along a sentence; "*" costs one state. The bound is kept and
    checked on each match instead (``RuleEngine`` and ``Rule.limits``)."""
    tokens, limits = [], []
    for position, token in enumerate(pattern):
        bound = BOUNDED.fullmatch(str(token.get("OP", "")))
        if bound:
            low, high = int(bound.group(1) or 0), int(bound.group(2))
            token = {**token, "OP": "*" if low == 0 else "+"}
            limits.append((position, low, high))
        tokens.append(token)
    return {"pattern": tokens, "limits": tuple(limits)}


def canonical(pattern: list) -> list:
    """The same pattern, cheaper to match: the Matcher calls Python once per
    token for each distinct set predicate ("IN", "NOT_IN"), so equal sets
    are written alike, and a one-value "IN" becomes the plain value, which
    it tests in C."""
    return [{attr: _canonical_value(value) for attr, value in token.items()} for token in pattern]


def _canonical_value(value):
    if not isinstance(value, dict):
        return value
    value = {op: sorted(set(v), key=str) if isinstance(v, list) else v for op, v in value.items()}
    return value["IN"][0] if list(value) == ["IN"] and len(value["IN"]) == 1 else value


@dataclass(frozen=True)
class _WordIn:
    """A lexeme flag getter (``Vocab.add_flag``): is the word's attribute,
    read by the vocabulary's own ``getter`` (None: the word itself), among
    ``values``."""

    getter: object
    values: frozenset

    def __call__(self, word: str) -> bool:
        return (self.getter(word) if self.getter else word) in self.values


def _flag(vocab: Vocab, attr: str, words: list) -> int:
    """The vocabulary's flag for "the word's ``attr`` is among ``words``",
    added on first use."""
    getter = _WordIn(vocab.lex_attr_getters.get(WORD_ATTRS[attr]), frozenset(words))
    flags = {known: flag for flag, known in vocab.lex_attr_getters.items()}
    return flags.get(getter) or vocab.add_flag(getter)


def flagged(vocab: Vocab, token: dict) -> dict:
    """The same token pattern, cheaper to match: a matcher tests a set of
    words in Python but a lexeme flag in C; so its word sets become flags.
    Each flag is computed for every word new to the vocabulary (again in
    every memory zone), so only tokens tried at every position have them."""
    out = dict(token)
    for attr, value in token.items():
        if attr in WORD_ATTRS and isinstance(value, dict) and set(value) <= {"IN", "NOT_IN"}:
            try:
                flags = {_flag(vocab, attr, words): op == "IN" for op, words in value.items()}
            except ValueError:  # the vocabulary has no flag bit left: the matcher tests the set
                continue
            del out[attr]
            out.update(flags)
    return out


def flagged_start(vocab: Vocab, pattern: list) -> list:
    """The Matcher tries every pattern's first token at every token: that
    one is flagged."""
    return [flagged(vocab, pattern[0]), *pattern[1:]]


@lru_cache(maxsize=None)
def rules_by_id() -> dict[str, Rule]:
    """The token and dependency rules by id: the matchers' match ids, and
    what ``bindings`` reads back from each doc."""
    from .deps import load_dependency_rules  # deps builds on this module's Rule
    by_id: dict[str, Rule] = {}
    for rule in load_rules() + load_dependency_rules():
        if rule.id in by_id:  # a match would be read back with the other rule's roles
            raise ValueError(f"rule id {rule.id!r} is used twice: ids must be unique within and across "
                             f"relation_patterns.jsonl and dependency_patterns.jsonl")
        by_id[rule.id] = rule
    return by_id


def load_rule_file(path: Path, specific) -> tuple[Rule, ...]:
    """The rules of a JSONL rule file, one a line: the fields every rule
    has, plus what ``specific(raw, pattern)`` checks and returns for its
    kind of pattern (macros expanded). A line that does not parse or check
    is a ValueError naming the file and line."""
    known = macros()
    rules = []
    for number, line in lines(path):
        try:
            raw = json.loads(line)
            if set(raw.get("derive", {}).values()) - {"ost", "ost-song", "tracks"}:
                raise ValueError(f"derive is 'ost', 'ost-song' or 'tracks', not {raw['derive']}")
            pattern = expand_macros(raw["pattern"], known)
            rules.append(Rule(
                id=raw["id"], makes=raw["makes"], roles=raw["roles"],
                classes={k: tuple(expand_macros(v, known)) for k, v in raw.get("classes", {}).items()},
                expand=tuple(raw.get("expand", ())), derive=raw.get("derive", {}),
                confidence=float(raw.get("confidence", 0.8)),
                role_kind=raw.get("role_kind", {}), not_role_kind=raw.get("not_role_kind", {}),
                not_named_as=raw.get("not_named_as", {}),
                sentence={k: frozenset(w.lower() for w in v) for k, v in _sentence_words(raw).items()},
                silent=tuple(raw.get("silent", ())), **specific(raw, pattern),
            ))
        except (KeyError, ValueError, TypeError) as error:
            raise ValueError(f"{path}:{number}: bad rule: {error}") from None
    return tuple(rules)


def _sentence_words(raw: dict) -> dict:
    words = raw.get("sentence", {})
    if set(words) - {"with", "without"}:
        raise ValueError(f"sentence takes 'with' and 'without' word lists, not {sorted(words)}")
    return words


# Token rules match a view of the document that holds its words, sentence starts and entity types only
# (engine.py): an attribute of the parse there would match every token as if it were empty.
PARSE_ATTRIBUTES = frozenset({"DEP", "POS", "TAG", "LEMMA", "MORPH"})


def _token_rule(raw: dict, pattern: list) -> dict:
    errors = validate_token_pattern(pattern)
    errors += [f"token {i}: {attr} is the parse's; a dependency rule (dependency_patterns.jsonl) can test it"
               for i, token in enumerate(pattern) for attr in token if attr.upper() in PARSE_ATTRIBUTES]
    if errors:
        raise ValueError("; ".join(errors))
    keep = raw.get("keep", "nearest")
    if keep not in ("nearest", "farthest", "every"):
        raise ValueError(f"keep is 'nearest', 'farthest' or 'every', not {keep!r}")
    return {**_unbounded(_nearest_partner(pattern, raw["roles"], keep)), "keep": keep}


@lru_cache(maxsize=None)
def load_rules(path: Path = DATA / "relation_patterns.jsonl") -> tuple[Rule, ...]:
    return load_rule_file(path, _token_rule)


def compatible(token: Token, accepted: tuple) -> bool:
    """A mention fits a role if its class is accepted, or if it is still
    undecided and could become an accepted class; so does a team that names
    people who fit in parentheses ("composed by the duo X (A, B)": A and B,
    kg/extract/facts.py)."""
    if not accepted or not token.ent_type_:  # a plain word ("the drama") is resolved later
        return True
    return any(t.ent_type_ in accepted or not set(FAMILIES.get(t.ent_type_, ())).isdisjoint(accepted)
               for t in (token, *listed_in_parentheses(token)))


def nearest(bindings: list[Binding]) -> list[Binding]:
    """Wildcards let one anchor reach several entities; keep, per rule and
    per bound entity, only the shortest match, i.e. the nearest partner
    (every match of an "every" rule)."""
    keep = set(range(len(bindings)))
    for role in ("subject", "object"):
        best: dict[tuple, int] = {}
        for n, b in enumerate(bindings):
            if role not in b.roles or b.rule.keep == "every":
                continue
            key = (b.rule.id, b.roles[role][0].i)
            if key not in best or b.length < bindings[best[key]].length:
                best[key] = n
        keep &= {n for n, b in enumerate(bindings)
                 if role not in b.roles or b.rule.keep == "every" or best[(b.rule.id, b.roles[role][0].i)] == n}
    return [b for n, b in enumerate(bindings) if n in keep]
