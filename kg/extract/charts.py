"""Chart entries: which song or album a clause ranks, at which rank, on
which chart of which provider, and when.

An article names a chart or its provider once ("Billboard has unveiled its
World Albums chart", "Gaon revealed chart results", a "Download Chart"
heading) and ranks songs on it in the sentences that follow ("First up is
...", "Third place is ..."): that chart stays in force until the next one
is named, and an entry that takes its chart from it says so in its
evidence. Within a sentence, clauses are read one by one ("A topped X,
while B came in third"); ranks pair with the works they follow ("A at No.
2"), precede ("third place is A") or list ("rose to fourth and fifth,
respectively"; "followed by A, B and C"). A work that only qualifies
another ("Lantern, the title track of the album First Light") is not
ranked itself.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..data import alternatives, lexicon
from ..records import ChartEntryFact, EntityRef, Fact
from .chart_targets import CHART_WORDS, PROVIDERS, Target, charts_named
from .context import is_hedged
from .lists import ITEM_NUMBER
from .spans import QUOTED_SPEECH, RECORDINGS as WORKS, span_text
from .ranks import Rank, ranks_in
from .rules import coordinated
from .values import parse_date

CLAUSE_BREAK = re.compile(r",\s*(?:while|whereas|but|and)\s+|;\s+|\s+while\s+|\s+whereas\s+")
# "it", or "the song", "the album", "the ballad": a ranked record named before (not "the OST of X", all its songs)
RECORD_WORDS = {w: tuple(lexicon()["antecedent_words"][w]) for w in lexicon()["ranks"]["entry_nominals"]}
# ... or an owner's: "Kwon Se-ah's ballad", "the rock band's brooding theme"
NOMINAL_ENTRY = re.compile(rf"\b(?:it|its|(?:the|[\w-]+(?:'s|s'|\u2019s))\s+(?:title\s+|[a-z-]+\s+)?(?P<noun>{alternatives(RECORD_WORDS)}))\b",
                           re.I)
FOLLOWED = re.compile(r"\b(?:followed by|trailed by)\b", re.I)
RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
NUMBERED = re.compile(rf"\s*{ITEM_NUMBER}\s+(?=\S)")  # a ranking's line: "6. Cravity - ..."


def read_charts(ctx) -> None:
    named_alone = {e.name for _, e in ctx.mention_tokens if ctx.class_of(e) in PROVIDERS}
    in_force: Target | None = None
    quiet = None  # the sentence before, when it has no chart words ("... a long run on Melon.")
    records = []
    for index, (sentence, text) in enumerate(zip(ctx.sentences, ctx.sentence_texts)):
        own = charts_named(ctx, sentence, named_alone, in_force)
        chart_talk = bool(own) or bool(CHART_WORDS.search(text))
        before, quiet = quiet, (sentence if not chart_talk else None)
        if own and chart_talk:
            in_force = replace(own[0], source=sentence)
        elif in_force is not None and in_force.provider is not None and _heading_kind(text):
            # a "Download Chart" heading under a provider in force; under a brand chart, that chart stays
            provider = in_force.provider
            in_force = Target(EntityRef(f"{provider.name} {_heading_kind(text)}", "Chart"), provider, sentence)
        elif in_force is not None and not _heading_kind(text) and _heading(text):
            in_force = None  # "Japan's best-selling albums": another list, on no chart named so far
        if is_hedged(text):
            continue
        works_before = []
        numbered = NUMBERED.match(text)
        if numbered and in_force is not None and not own and not _ranked_below(ctx, index):
            # "6. Cravity - "Season 3" - 14,283" in a ranking
            pairs = _pair(ctx, sentence, text, [Rank(int(numbered.group(1)), 0, numbered.end())])
            # what the list ranks, the sentence that set the chart says ("the 10 best-selling physical albums")
            said = span_text(in_force.source) if in_force.source is not None else ""
            records.extend(_entries(ctx, index, sentence, pairs[:1], [Rank(int(numbered.group(1)), 0, 0)], [in_force], tail=said))
            continue
        service = None  # the service the sentence before names, looked up once the sentence states a rank
        for clause, clause_text in _clauses(sentence, text):
            named = [(e.start - clause.start_char, e.end - clause.start_char) for _, e, _ in ctx.sentence_mentions(clause)]
            # not in speech, nor in a name ("their dignity as 'Chart Topping Idols'", "the Top 100")
            ranks = [r for r in ranks_in(clause_text) if not _in_speech(clause_text, r.start)
                     and not any(a <= r.start < b for a, b in named)]
            if not ranks:
                continue
            if service is None:
                service = _service_named(ctx, before) if before is not None else []
            if not (chart_talk or in_force is not None or service):
                continue
            targets = charts_named(ctx, clause, named_alone, in_force) if clause is not sentence else own
            # a clause of its own ("A topped X, while B ...") takes no other clause's charts; "... a long run on
            # Melon. The ballad now sits at No. 4": the provider of the sentence before
            targets = targets or (own if clause is sentence else []) or ([in_force] if in_force is not None else []) \
                or service
            if not targets and (any(r.provider_free for r in ranks) or UNNAMED_CHARTS.search(clause_text)):
                # "all-kill", "topped domestic charts", "No. 1 on album charts in eight countries": no one provider
                unnamed = "all charts" if any(r.provider_free for r in ranks) else "charts"
                targets = [Target(EntityRef(_free_chart_name(clause, unnamed), "Chart"), None)]
            if not targets:
                continue
            ctx.supplied = None  # set if "the song" or "it" is named in another sentence
            pairs = _pair(ctx, clause, clause_text, ranks)
            if not pairs and works_before and not _own_subject(ctx, clause):
                # "ranked second in France, and eighth in Britain"; not "..., and Paul Kim's OST rose to fifth"
                pairs = [(work, rank) for work in works_before for rank in ranks]
            works_before = list(dict.fromkeys(work for work, _ in pairs)) or works_before
            records.extend(_entries(ctx, index, sentence, pairs, ranks, targets, ctx.supplied, clause_text[ranks[0].start:].split(",")[0]))
    ctx.extraction.chart_entries.extend(_best_entries(records))


def _service_named(ctx, sentence) -> list[Target]:
    """The one streaming service a sentence with no chart words names ("a
    long run on Melon"), as the chart a rank in the next sentence may be on."""
    services = {e.name for _, e, cls in ctx.sentence_mentions(sentence) if cls == "Platform"}
    if len(services) != 1:
        return []
    name = services.pop()
    return [Target(EntityRef(f"{name} chart", "Chart"), EntityRef(name, "Platform"), sentence)]


def _own_subject(ctx, clause) -> bool:
    """Does a clause name a subject of its own (a subject in the parse, or a
    name that is no place), rather than go on about the work before?"""
    return any(t.dep_ in ("nsubj", "nsubjpass") for t in clause) \
        or any(cls != "Place" for _, _, cls in ctx.sentence_mentions(clause))


def _entries(ctx, index, sentence, pairs, ranks, targets, work_source=None, tail=""):
    """Records for the (work, rank) pairs of a clause on its targets: one
    target per rank when they pair up ("No. 2 on Genie and No. 4 on
    Bugs"), else every target for every rank. ``work_source``: the sentence
    that named the work, when the clause only points back to it; ``tail``:
    the clause from its first rank to a comma, which may say what the chart
    ranks."""
    dates = _chart_dates(ctx, sentence)
    by_rank = dict(zip(ranks, targets)) if len(targets) == len(ranks) > 1 else None
    for work, rank in pairs:
        for target in ([by_rank[rank]] if by_rank else targets):
            evidence = ctx.evidence(sentence, "reader:chart-sentence", 0.8, context=[target.source, work_source])
            if target.provider is not None:
                ctx.extraction.facts.append(Fact(target.chart, "chartProvider", target.provider, evidence))
            # ranked: an album on an album chart, a series on a TV list, whatever weaker evidence said; else a song
            kind = _entry_kind(target.chart.name) or _entry_kind(tail)
            if kind or work.cls not in WORKS:
                ctx.ballot.vote(work.name, kind or "Song", 2.0)
            yield index, target.provider, ChartEntryFact(work, target.chart, rank.value, evidence, *dates)


ENTRY_KINDS = {kind: re.compile(rf"(?<!\w)(?:{alternatives(words)})(?!\w)", re.I) for kind, words in lexicon()["chart_entry_kinds"].items()
               if not kind.startswith("_")}


def _entry_kind(text: str) -> str | None:
    """What a chart's entries are, by the words that name the chart."""
    return next((kind for kind, pattern in ENTRY_KINDS.items() if pattern.search(text)), None)


def _pair(ctx, clause, text: str, ranks: list[Rank]) -> list[tuple[EntityRef, Rank]]:
    """Each rank with the work it belongs to."""
    works = _ranked_works(ctx, clause)
    if len({r.start for r in ranks}) < len(ranks) and len(works) != len(ranks):
        ranks = ranks[-1:]  # "ranked first to third" with fewer works found: the last one listed is the third
    if not works:
        nominal = NOMINAL_ENTRY.search(text[:ranks[0].start]) or NOMINAL_ENTRY.search(text)
        if nominal is None:
            return []
        kinds = RECORD_WORDS[nominal.group("noun").lower()] if nominal.group("noun") else WORKS + ("TITLE",)
        ref = _nominal_antecedent(ctx, clause.doc[clause.start], kinds)
        return [(_work_ref(ref), rank) for rank in ranks] if ref else []
    if len(works) == len(ranks) > 1 and (RESPECTIVELY.search(text) or _alternate(works, ranks) or _listed_apart(text, works, ranks)):
        return [(ref, rank) for (_, ref), rank in zip(works, ranks)]
    follow = FOLLOWED.search(text)
    listed = [w for w in works if follow and w[0] > follow.start() and not any(follow.start() < r.start < w[0] for r in ranks)]
    pairs, used = [], set(listed)
    subject = _ranked_subject(ctx, clause, ranks[0]) if len(ranks) == 1 else None
    if subject is not None:
        # "it is ranked in the top place ... after its release in 'Take a Breath'": the subject, and what is listed with it
        group = [w for w in works if w[1] == subject]
        group += [w for w in works if w not in group and w not in listed and group and _listed_with(clause, group[0][0], w[0])]
        pairs = [(subject, ranks[0])] + [(w[1], ranks[0]) for w in group if w[1] != subject]
    else:
        for rank in ranks:
            before = [w for w in works if w[0] < rank.start and w not in listed]
            after = [w for w in works if w[0] > rank.end and w not in listed]
            if after and (not before or re.match(r"\s*(?:place|spot|position)?\s*(?:is|was|goes to|went to)\b", text[rank.end:], re.I)):
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
                if cls == "TITLE" and held and ctx.class_of(held[0]) in WORKS + ("TITLE",):
                    # "Nova Ring took first place with 'Lantern'": who ranked, and with what
                    return _work_ref(EntityRef(held[0].name, ctx.class_of(held[0])))
                return _work_ref(EntityRef(ent.name, cls)) if cls in WORKS + ("TITLE",) else None
            if head.lower_ in ("it", "its") or head.lower_ in ("song", "single", "track", "album", "ep", "record") and \
                    any(c.lower_ in ("the", "this", "that") for c in head.children):
                kinds = ("Album",) if head.lower_ in ("album", "ep", "record") else ("Song",) if head.lower_ != "it" else WORKS + ("TITLE",)
                ref = _nominal_antecedent(ctx, head, kinds)
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
        if cls in WORKS + ("TITLE",):
            found.append((token, EntityRef(ent.name, cls)))
    tokens = {t.i for t, _ in found}
    kept = []
    for token, ref in found:
        owner = next((head for head in token.ancestors if head.i in tokens and head.i != token.i), None)
        # listed with the work it hangs on ("A", "B" and "C" ranked ...), it is ranked in its own right
        if owner is not None and _qualifies(token) and token not in coordinated(owner, +1) \
                and not _owned_in_list(ctx, owner, token):
            continue
        kept.append((token.idx - clause.start_char, _work_ref(ref)))
    return kept


def _owned_in_list(ctx, first, token) -> bool:
    """Is ``token`` listed after ``first`` with an owner of its own between
    ("A's 'X', B's 'Y' and C's 'Z' are ranked first to third")?"""
    between = first.doc[first.i + 1:token.i] if first.i < token.i else []
    return bool(between) and all(t.is_quote or t.text in (",", "and", "&", "'s", "'") or ctx.ent(t) is not None
                                 and t.i + 1 < token.i and t.doc[t.i + 1].text in ("'s", "'") for t in between)


def _qualifies(token) -> bool:
    """Does the path up from ``token`` pass a preposition or a relative or
    appositive clause, as in "the title track of X", "which includes X"?"""
    return any(t.dep_ in ("pobj", "appos", "relcl", "acl", "dobj") for t in [token, *token.ancestors][:4])


def _work_ref(ref: EntityRef) -> EntityRef:
    return ref if ref.cls in WORKS or ref.cls == "TITLE" else EntityRef(ref.name, "Song")


RANKING_HEADING = re.compile(rf"\b(?:{alternatives(lexicon()['ranking_heading_words']['words'])})\b", re.I)


def _heading(text: str) -> bool:
    """A line of its own that heads another ranking: a few words, no sentence's end, a ranking word."""
    line = text.strip()
    return text.endswith("\n") and "\n" not in line and 0 < len(line.split()) <= 8 and line[-1:] not in ".!?:,;\"'" \
        and RANKING_HEADING.search(line) is not None


def _heading_kind(text: str) -> str | None:
    """A heading that names a chart kind: "Download Chart", "Album Chart"."""
    text = text.strip()
    if len(text.split()) <= 4 and re.fullmatch(r"(?:[A-Z][\w&-]*\s+){0,3}Charts?", text):
        return re.sub(r"charts$", "chart", text.lower())
    return None


# charts in the plural, in lower case ("topped music charts"), or a verb of charting ("charted at No. 2 in
# Japan"): no name, and no provider pins them down
UNNAMED_CHARTS = re.compile(r"\bcharts\b|\bchart(?:ed|ing)\b")


def _free_chart_name(clause, unnamed: str) -> str:
    """The charts a rank with no provider is on, as the text describes them:
    the plural "charts" with its modifiers ("all six major Korean music
    charts": "major Korean music charts"); ``unnamed`` if it names none."""
    noun = next((t for t in clause if t.lower_ in ("charts", "chart")), None)
    if noun is None:
        return unnamed
    words = list(clause.doc[noun.left_edge.i:noun.i + 1])
    while len(words) > 1 and (words[0].dep_ in ("det", "predet", "nummod", "poss", "case", "punct") or words[0].like_num):
        words.pop(0)
    return clause.doc[words[0].i:noun.i + 1].text


def _ranked_below(ctx, index: int) -> bool:
    """Does the text under a numbered line state a rank of its own ("1.
    The Dream Chapter: STAR by TXT / This album ... peaked at #140")? Then
    the list's numbers only count its items."""
    text = ctx.sentence_texts[index]
    below = text[text.index("\n"):] if "\n" in text.strip() else \
        ctx.sentence_texts[index + 1] if index + 1 < len(ctx.sentence_texts) else ""
    return not NUMBERED.match(below) and bool(ranks_in(below))


def _clauses(sentence, text):
    """(clause, its text): sentences joining two chart claims ("A topped X,
    while B came in third") are read clause by clause, where both sides
    state a rank."""
    cuts = [m for m in CLAUSE_BREAK.finditer(text) if ranks_in(text[m.end():]) and ranks_in(text[:m.start()])]
    if not cuts:
        yield sentence, text
        return
    start = 0
    for match in cuts + [None]:
        end = match.start() if match else len(text)
        span = sentence.doc.char_span(sentence.start_char + start, sentence.start_char + end, alignment_mode="contract")
        if span is not None and len(span):
            yield span, text[start:end]
        start = match.end() if match else end


def _in_speech(text: str, offset: int) -> bool:
    return any(m.start() <= offset < m.end() for m in QUOTED_SPEECH.finditer(text))


def _best_entries(records):
    """One article often restates a position: the headline summarises the
    body, and "QQ" (the company) and "QQ Music" (its service) name one
    chart. Per entry and rank keep the most specific statements."""
    by_key = {}
    for index, provider, record in records:
        by_key.setdefault((record.entry, record.rank), []).append((index, provider, record))
    kept = []
    for group in by_key.values():
        body = [g for g in group if g[0] > 0] or group
        named = [g for g in body if g[1] is not None] or body
        names = {g[1].name for g in named if g[1] is not None}
        for index, provider, record in named:
            if provider is not None and any(n != provider.name and n.startswith(provider.name + " ") for n in names):
                continue
            if record not in kept:
                kept.append(record)
    return kept


def _chart_dates(ctx, sentence) -> tuple[str | None, str | None]:
    text = span_text(sentence)
    span = re.search(r"\bfrom\s+(.+?)\s+(?:to|until|through)\s+(\d{1,2})\b", text)
    if span:
        start = parse_date(span.group(1), ctx.article.published)
        if start and start.datatype == "date":
            return start.lexical, f"{start.lexical[:8]}{int(span.group(2)):02d}"
        return None, None
    single = re.search(r"\b(?:dated|on|as of)\s+((?:\w+\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?)|(?:\d{1,2}\s+\w+))", text)
    if single:
        value = parse_date(single.group(1), ctx.article.published)
        if value and value.datatype == "date":
            return value.lexical, value.lexical
    return None, None
