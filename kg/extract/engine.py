"""The relation rules as a pipeline component (``kg_relations``): the
token rules (rules.py) and the dependency rules (deps.py) matched over a
document whose mentions are single tokens."""
from __future__ import annotations

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE, IS_QUOTE, ORTH, SENT_START, SPACY
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from .deps import DependencyRules, load_dependency_rules
from .spans import guarded
from .listing import coordinated
from .rules import Binding, canonical, compatible, flagged_start, load_rules, nearest, rules_by_id


NAMED_LABELS = {"Person", "MusicGroup", "PERSON", "ORG", "Broadcaster", "Platform", "Organization", "Chart"}


class RuleEngine:
    """The relation rules as a pipeline component (``kg_relations``, after
    ``kg_mentions``). Matches stay on the doc as token indices, plain data
    that ``Doc.to_bytes`` carries; ``bindings(doc)`` reads them back."""

    def __init__(self, vocab):
        self.rules = rules_by_id()
        self.matcher = Matcher(vocab, validate=False)  # load_rules validates; spaCy's schema has no flags
        for rule in load_rules():
            self.matcher.add(rule.id, [flagged_start(vocab, canonical(rule.pattern))])
        self.dependencies = DependencyRules(vocab, load_dependency_rules())
        self.joinable = _hyphenated_words(load_rules())

        self._run = guarded(self._store)

    def __call__(self, doc: Doc) -> Doc:
        return self._run(doc)

    def _store(self, doc: Doc) -> None:
        doc.user_data["kg_relations"] = [
            (b.rule.id, {role: [t.i for t in tokens] for role, tokens in b.roles.items()}, b.span.start, b.span.end,
             b.length, {role: t.i for role, t in b.anchors.items()})
            for b in self.match(doc) + self.match_dependencies(doc)]

    def match(self, doc: Doc) -> list[Binding]:
        """Match on a view of the document without quotation marks, so that
        patterns need not care whether a title was quoted. The view is read
        and written as token attribute arrays rather than ``Token`` objects."""
        columns = doc.to_array([ORTH, SPACY, SENT_START, ENT_TYPE, IS_QUOTE])
        quote = columns[:, 4] != 0
        # "BTS' new single", "KBS' drama": an apostrophe right after a name ending in s is a possessive, kept
        possessive = numpy.zeros(len(doc), dtype=bool)
        for i in numpy.flatnonzero(quote).tolist():
            if i and doc[i].text == "'" and not columns[i - 1, 1] and doc[i - 1].ent_type_ in NAMED_LABELS \
                    and doc[i - 1].text[-1:].lower() in "sxz":
                possessive[i] = True
        rows = numpy.flatnonzero(~quote | (columns[:, 3] != 0) | possessive)
        strings = doc.vocab.strings
        rows, words, spaces = _joined_hyphens(rows, columns, strings, self.joinable)
        starts, labels = columns[rows, 2], columns[rows, 3]
        view = Doc(doc.vocab, words=words, spaces=spaces)
        # A token starts a sentence (1) or not (-1); a mention is a one-token entity (IOB 3 "B", else 2 "O").
        view.from_array([SENT_START, ENT_IOB, ENT_TYPE], numpy.stack(
            [numpy.where(starts == 1, 1, -1).astype(numpy.uint64), numpy.where(labels != 0, 3, 2).astype(numpy.uint64), labels], axis=1))
        kept = rows.tolist()
        bindings = []
        for match_id, start, end, alignment in self.matcher(view, with_alignments=True):
            rule = self.rules[strings[match_id]]
            if any(not low <= alignment.count(position) <= high for position, low, high in rule.limits) \
                    or any("\n" in word for word in words[start + 1:end - 1]):
                continue  # a line break ends every wording: "A as Kim Ha-na\nB as ..." casts no B as a character
            tokens = [doc[i] for i in kept[start:end]]
            roles: dict[str, list[Token]] = {}
            for role, position in rule.roles.items():
                bound = [tokens[k] for k, p in enumerate(alignment) if p == position]
                if bound:
                    roles[role] = bound[:1]
            if any(role in roles and not compatible(roles[role][0], rule.classes.get(role, ())) for role in rule.classes):
                continue
            for role in rule.expand:
                if role in roles:
                    head = roles[role][0]
                    # A list runs away from the rest of the pattern: "A, B and C star in X", "X sung by A and B".
                    roles[role] = [head] + coordinated(head, -1 if rule.roles[role] == 0 else +1, tokens, rule.makes)
            length = end - start
            span = doc[tokens[0].i:tokens[-1].i + 1]
            bindings.append(Binding(rule, roles, span, length if rule.keep == "nearest" else -length))
        return nearest(bindings)


    def match_dependencies(self, doc: Doc) -> list[Binding]:
        """The dependency rules' matches, with their roles' coordinated
        entities and the tokens their attached roles are found from."""
        found = []
        for rule, roles, anchors, first, last in self.dependencies(doc):
            bound = {role: [doc[i]] for role, i in roles.items()}
            if any(role in bound and not compatible(bound[role][0], rule.classes.get(role, ())) for role in rule.classes):
                continue
            matched = doc[first:last + 1]
            for role in rule.expand:
                if role in bound:
                    head = bound[role][0]  # the match's words keep a list to their kind of role ("directed by A and stars B")
                    bound[role] = [head] + coordinated(head, +1, matched, rule.makes) + coordinated(head, -1, matched, rule.makes)
            found.append(Binding(rule, bound, doc[first:last + 1], last - first, {r: doc[i] for r, i in anchors.items()}))
        return found


def _hyphenated_words(rules) -> frozenset:
    """The hyphenated words the token rules list ("co-written", "mini-album"),
    in lower case."""
    return frozenset(word for rule in rules for token in rule.pattern for value in token.values()
                     if isinstance(value, dict) for word in value.get("IN", ()) if isinstance(word, str) and "-" in word[1:-1])


def _joined_hyphens(rows, columns, strings, joinable: frozenset) -> tuple:
    """The view's rows, words and spaces, a word the tokenizer split at its
    hyphens ("co", "-", "written") joined again at its first row where the
    rules list it whole (``joinable``: "co-written", "singer-songwriter");
    any other hyphenated word ("hit-drama", "stand-up") stays split."""
    orth, spaces, labels = columns[rows, 0].tolist(), columns[rows, 1].tolist(), columns[rows, 3].tolist()
    words = [strings[o] for o in orth]
    if "-" not in words:
        return rows, words, [bool(x) for x in spaces]
    kept, out_words, out_spaces = [], [], []
    i = 0
    while i < len(words):
        word, end = words[i], i
        while end + 2 < len(words) and words[end + 1] == "-" and not spaces[end] and not spaces[end + 1] \
                and not (labels[end] or labels[end + 2]) and f"{word}-{words[end + 2]}".lower() in joinable:
            word, end = f"{word}-{words[end + 2]}", end + 2
        kept.append(rows[i])
        out_words.append(word)
        out_spaces.append(bool(spaces[end]))
        i = end + 1
    return numpy.array(kept, dtype=rows.dtype), out_words, out_spaces


def bindings(doc: Doc) -> list[Binding]:
    """The matches ``kg_relations`` left on ``doc``, as Bindings of its tokens."""
    rules = rules_by_id()
    out = []
    for rule_id, roles, start, end, length, anchors in doc.user_data["kg_relations"]:
        out.append(Binding(rules[rule_id], {role: [doc[i] for i in tokens] for role, tokens in roles.items()},
                           doc[start:end], length, {role: doc[i] for role, i in anchors.items()}))
    return out
