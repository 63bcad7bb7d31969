"""Chart entries: the songs and albums a sentence ranks, on which charts, at which ranks and dates."""
from __future__ import annotations

import json
import re
from functools import lru_cache

from ..nlp import DATA, lexicon
from ..records import ChartEntryFact, EntityRef, Fact
from .context import _any_word, is_hedged
from .mentions import span_text
from .values import parse_date, parse_rank

WORKS = ("Song", "Album")


RANK_EXPR = re.compile(r"(?:\bno\.?\s*|#|\bnumber\s+)(\d{1,3})\b|\branked\s+(\d{1,3})\b|\b(?:ranked|placed|came|landed|at|in)\s+(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b|\band\s+(second|third|fourth|fifth)\b", re.I)
TOPPED = re.compile(r"\b(?:topped|tops|top spot|top place|top of|to the top|all-kill|all kill|number one|first place|no\.?\s*1\b|#1\b)", re.I)
CHART_WORDS = _any_word(["chart", "charts", "top", "topped", "tops", "ranked"])
RANK_MARK = re.compile(r"\bNo\.?\s*\d|#\d", re.I)
CHART_THEN_RANK = re.compile(r"\bcharts?\b.*\bNo\.")
def _ranks(text: str) -> list[int]:
    ranks = []
    for match in RANK_EXPR.finditer(text):
        value = next(g for g in match.groups() if g)
        rank = parse_rank(value) if not value.isdigit() else int(value)
        if rank:
            ranks.append(rank)
    if not ranks and TOPPED.search(text):
        ranks.append(1)
    return ranks


CLAUSE_BREAK = re.compile(r",\s*(?:while|whereas|but)\b|;\s+|\s+while\s+")


def _clauses(sentence, text):
    """Sentences joining two chart claims ("A topped X, while B topped Y")
    are read clause by clause: (clause, its text)."""
    breaks = list(CLAUSE_BREAK.finditer(text))
    if not breaks:  # most sentences: the sentence is its one clause, no need to align it again
        yield sentence, text
        return
    start = sentence.start_char
    for match in breaks:
        span = sentence.doc.char_span(start, sentence.start_char + match.start(), alignment_mode="contract")
        if span is not None and len(span):
            yield span, span_text(span)
        start = sentence.start_char + match.end()
    span = sentence.doc.char_span(start, sentence.end_char, alignment_mode="contract")
    if span is not None and len(span):
        yield span, span_text(span)


def read_charts(ctx) -> None:
    records = []
    ctx.last_provider = None
    clauses = [(n, clause) for n, (sentence, text) in enumerate(zip(ctx.sentences, ctx.sentence_texts))
               for clause in _clauses(sentence, text)]
    for index, (sentence, text) in clauses:
        if not (CHART_WORDS.search(text) or RANK_MARK.search(text)) or is_hedged(text):
            continue
        marks = [m.start() for m in re.finditer('"', text)]
        quoted = [(a, b) for a, b in zip(marks[::2], marks[1::2]) if b - a > 20]
        outside = lambda m: not any(a <= m.start() < b for a, b in quoted)
        ranked = [m for m in RANK_EXPR.finditer(text) if outside(m)]
        topped = [m for m in TOPPED.finditer(text) if outside(m)]
        ranks = _ranks(" ".join(m.group(0) for m in ranked)) if ranked else ([1] if topped else [])
        if not ranks:
            continue
        anchor = sentence.start_char + (ranked[0] if ranked else topped[0]).start()
        ents = list(ctx.sentence_mentions(sentence))
        works = [(t, EntityRef(e.name, cls if cls in WORKS else "Song")) for t, e, cls in ents if cls in WORKS + ("TITLE",)]
        entries = [ref for t, ref in works if t.idx < anchor] or [ref for t, ref in works]
        if not entries:
            nominal = re.search(r"\b(?:her|his|their|its|the|this|[\w']+'s?)\s+(?:\w+\s){0,3}?(album|EP|single|song|track)\b", text)
            if nominal:
                ref = ctx.antecedent(sentence[0], ("Song",) if nominal.group(1) in ("song", "track") else ("Album",))
                entries = [ref] if ref else []
        if not entries:
            continue
        evidence = ctx.evidence(sentence, "reader:chart-sentence", 0.8)
        unquoted = "".join(text[a:b] for a, b in zip([0] + [q[1] for q in quoted], [q[0] for q in quoted] + [len(text)]))
        chart_word = re.search(r"\bcharts?\b|\bsites\b|\bwebsites\b|\bservices\b", unquoted, re.I)
        inside = lambda t: any(a <= t.idx - sentence.start_char < b for a, b in quoted)
        near = [(t, e, c) for t, e, c in ents if not inside(t) and (c != "Platform" or chart_word or 0 <= t.idx - anchor < 40)]
        targets = _chart_targets(ctx, sentence, near, evidence, inside)
        if not targets:
            continue
        dates = _chart_dates(ctx, sentence)
        paired = len(ranks) == len(targets) > 1
        for n, (chart, provider) in enumerate(targets):
            for entry in dict.fromkeys(entries):
                records.append((index, provider, ChartEntryFact(entry, chart, ranks[n] if paired else ranks[0], evidence, *dates)))
    ctx.extraction.chart_entries.extend(_best_entries(records))


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


@lru_cache(maxsize=None)
def _publishers() -> dict[str, str]:
    """Gazetteer services and organisations by canonical name."""
    names = {}
    for line in (DATA / "gazetteer.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        if entry["label"] in ("Platform", "Organization"):
            names.setdefault(entry["id"], entry["label"])
    return names


def _publisher_in_name(chart: str) -> EntityRef | None:
    """A chart named after its publisher ("Billboard Hot 100", "Melon Top
    100") is published by it; the longest name wins. Only the words before
    a space can name it, so those prefixes are looked up, not every name."""
    for end in reversed([i for i, char in enumerate(chart) if char == " "]):
        cls = _publishers().get(chart[:end])
        if cls:
            return EntityRef(chart[:end], cls)
    return None


def _provider_near(tokens, ctx, position, step):
    """The service named right before a chart ("QQ Music's popular chart")
    or right after it ("chart of QQ Music")."""
    doc, i = tokens.doc, position
    for _ in range(3):
        i += step
        if not (tokens.start <= i < tokens.end):
            return None
        ent = ctx.ent(doc[i])
        if ent is not None:
            cls = ctx.decided.get(ent.name, ent.cls)
            return EntityRef(ent.name, cls) if cls in ("Platform", "Organization", "Broadcaster") else None
        if doc[i].text.lower() not in {"'s", "'", "of", "the", "on", "by", "from"}:
            return None
    return None


def _chart_kinds(ctx, sentence):
    """Chart phrases with their kind words ("popular chart", "K-Pop MV
    chart") and the provider beside them, if any."""
    kinds = []
    kind_words = {w.lower() for w in lexicon()["chart_kind_words"]}
    for token in sentence:
        if token.text.lower() not in ("chart", "charts") or ctx.ent(token) is not None:
            continue
        words, i = [], token.i - 1
        while i >= sentence.start and (ctx.ent(ctx.doc[i]) is None or ctx.ent(ctx.doc[i]).is_value) and (ctx.doc[i].text.lower() in kind_words or ctx.doc[i].text == "-"):
            words.insert(0, ctx.doc[i].text)
            i -= 1
        provider = _provider_near(sentence, ctx, i + 1, -1) or _provider_near(sentence, ctx, token.i, +1)
        kind = ctx.article.text[words and ctx.doc[i + 1].idx or token.idx:token.idx] + "chart" if words else None
        kinds.append((kind, provider, token))
    return kinds


def _chart_targets(ctx, sentence, ents, evidence, quoted) -> list[tuple[EntityRef, EntityRef | None]]:
    """The charts a sentence places its entries on, each with its provider:
    named charts; charts named by type ("QQ Music's popular chart, MV
    chart"); one chart per country ("iTunes charts in Mexico, Brazil"); or,
    when only services are named, one unnamed chart per service."""
    facts = ctx.extraction.facts
    providers = list(dict.fromkeys(EntityRef(e.name, cls) for _, e, cls in ents if cls == "Platform"))
    places = list(dict.fromkeys(EntityRef(e.name, "Place") for _, e, cls in ents if cls == "Place"))
    sole = providers[0] if len(providers) == 1 else None
    charts = [EntityRef(e.name, "Chart") for _, e, cls in ents if cls == "Chart"]
    if charts:
        out = []
        for chart in charts:
            provider = next((EntityRef(e.name, cls) for _, e, cls in ents if cls in ("Platform", "Organization") and chart.name.startswith(e.name)), None)
            provider = provider or _publisher_in_name(chart.name) or sole
            if provider:
                facts.append(Fact(chart, "chartProvider", provider, evidence))
            out.append((chart, provider))
        return out
    kinds = [k for k in _chart_kinds(ctx, sentence) if not quoted(k[2])]
    named = [(k, p or sole, t) for k, p, t in kinds if k]
    shared = next((p for _, p, _ in named if p), None)
    shared = shared or (ctx.last_provider if named else None)
    named = [(k, p or shared, t) for k, p, t in named]
    ctx.last_provider = next((p for _, p, _ in named if p), sole or ctx.last_provider)
    if len(named) == 1 and len(providers) > 1:
        named = [(named[0][0], p, named[0][2]) for p in providers]
    out = []
    for kind, provider, token in named:
        if provider is None:
            continue
        per_country = places and re.search(r"\bin\s+(?:\w+\s){0,4}?(?:countries|regions|markets|nations)\b|\bin\s+[A-Z]", ctx.article.text[token.idx:sentence.end_char])
        for place in places if per_country else [None]:
            singular = re.sub(r"charts$", "chart", kind)
            chart = EntityRef(f"{provider.name} {singular}" + (f" ({place.name})" if place else ""), "Chart")
            facts.append(Fact(chart, "chartProvider", provider, evidence))
            if place:
                facts.append(Fact(chart, "market", place, evidence))
            elif len(places) == 1:
                facts.append(Fact(chart, "market", places[0], evidence))
                facts.append(Fact(provider, "market", places[0], evidence))
            if not place:
                ctx.extraction.aliases.setdefault(chart, set()).add(kind)
            out.append((chart, provider))
    if out:
        return out
    for service in providers:
        chart = EntityRef(f"{service.name} chart", "Chart")
        facts.append(Fact(chart, "chartProvider", service, evidence))
        out.append((chart, service))
    if not out:
        phrase = re.search(r"\bon\s+((?:[\w']+\s){1,4}?(?:sites|websites|services|platforms))\b", span_text(sentence))
        if phrase:
            out.append((EntityRef(phrase.group(1), "Chart"), None))
    return out


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


def read_chart_names(ctx) -> None:
    """A chart named after its publisher ("Billboard Hot 100") is published
    by it, whether or not the article ranks anything on it."""
    seen = set()
    for token, ent in ctx.mention_tokens:
        if ctx.decided.get(ent.name, ent.cls) != "Chart" or ent.name in seen:
            continue
        seen.add(ent.name)
        publisher = _publisher_in_name(ent.name)
        if publisher:
            evidence = ctx.evidence(ctx.sentence_of(token.i), "reader:chart-name", 0.9)
            ctx.extraction.facts.append(Fact(EntityRef(ent.name, "Chart"), "chartProvider", publisher, evidence))
