"""Sentence readers for the facts a single token pattern cannot hold:
chart entries (several charts, ranks and dates in one sentence), audience
ratings (values paired with series "respectively"), flattened ratings tables
and numbered track lists with credits."""
from __future__ import annotations

import re
from decimal import Decimal

from ..nlp import lexicon
from ..records import ChartEntryFact, EntityRef, Fact, RatingFact, Value
from .values import parse_date, parse_rank

WORKS = ("Song", "Album")
RANK_EXPR = re.compile(r"(?:\bno\.?\s*|#|\bnumber\s+)(\d{1,3})\b|\branked\s+(\d{1,3})\b|\b(?:ranked|placed|came|landed|at|in)\s+(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b|\band\s+(second|third|fourth|fifth)\b", re.I)
TOPPED = re.compile(r"\b(?:topped|tops|top spot|top place|top of|to the top|all-kill|all kill|number one|first place|no\.?\s*1\b|#1\b)", re.I)
CHART_PHRASE = re.compile(r"((?:[\w-]+\s){0,3}?(?:chart|charts))\b", re.I)
PERCENTS = re.compile(r"(\d{1,3}(?:[.,]\d+)?)((?:\s*(?:,|and|, and)\s*\d{1,3}(?:[.,]\d+)?)*)\s*(?:%|percent\b|per cent\b)", re.I)
RATING_WORDS = re.compile(r"\b(?:ratings?|viewership|viewers|nationwide|metropolitan|audience|episode|finale|premiere|TNmS|Nielsen|AGB)\b", re.I)
EPISODE = re.compile(r"\b(?:episode|ep\.?)\s*(\d{1,4})\b|\b(\d{1,4})(?:st|nd|rd|th)\s+episode\b|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+episode\b", re.I)
HEDGES = None


def is_hedged(text: str) -> bool:
    global HEDGES
    if HEDGES is None:
        HEDGES = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in lexicon()["hedge_words"]) + r")\b", re.I)
    return bool(HEDGES.search(text))


def _sentence_ents(ctx, sentence):
    for token in sentence:
        ent = ctx.ent(token)
        if ent is not None and not ent.is_value and ent.name not in ctx.characters:
            yield token, ent, ctx.decided.get(ent.name, ent.cls)


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


def read_charts(ctx) -> None:
    body_entries = []
    for index, sentence in enumerate(ctx.doc.sents):
        text = sentence.text
        if is_hedged(text) or not re.search(r"\bcharts?\b|\bNo\.?\s*\d|#\d|\btop(?:ped|s)?\b|\branked\b", text, re.I):
            continue
        ranks = _ranks(text)
        if not ranks:
            continue
        ents = list(_sentence_ents(ctx, sentence))
        entries = [EntityRef(e.name, cls if cls in WORKS else "Song") for _, e, cls in ents if cls in WORKS + ("TITLE",)]
        if not entries:
            nominal = re.search(r"\b(?:her|his|their|its|[\w']+'s?)\s+(?:\w+\s){0,3}(album|EP|single|song)\b", text)
            if nominal:
                ref = ctx.antecedent(sentence[0], ("Album",) if nominal.group(1) != "song" else ("Song",))
                entries = [ref] if ref else []
        if not entries:
            continue
        charts = [EntityRef(e.name, "Chart") for _, e, cls in ents if cls == "Chart"]
        providers = [EntityRef(e.name, cls) for _, e, cls in ents if cls in ("Platform",) or (cls == "Organization" and e.source == "gazetteer" and "chart" in text.lower())]
        places = [EntityRef(e.name, "Place") for _, e, cls in ents if cls == "Place"]
        evidence = ctx.evidence(sentence, "reader:chart-sentence", 0.8)
        targets = _chart_targets(ctx, text, charts, providers, places, evidence)
        if not targets:
            continue
        dates = _chart_dates(ctx, sentence)
        paired = len(ranks) == len(targets) > 1
        for n, chart in enumerate(targets):
            rank = ranks[n] if paired else ranks[0]
            for entry in entries:
                record = ChartEntryFact(entry, chart, rank, evidence, *dates)
                (body_entries if index else ctx.extraction.chart_entries).append(record)
    # A headline restates the body: keep its entries only when the body lacks them.
    seen = {(r.entry, r.rank) for r in body_entries}
    ctx.extraction.chart_entries = [r for r in ctx.extraction.chart_entries if (r.entry, r.rank) not in seen] + body_entries


def _chart_targets(ctx, text, charts, providers, places, evidence) -> list[EntityRef]:
    """The charts a sentence places its entries on: named charts; charts
    named by type for one provider ("QQ Music's popular chart, MV chart");
    one chart per country ("iTunes charts in Mexico, Brazil"); or, when
    only services are named, one unnamed chart per service."""
    facts = ctx.extraction.facts
    provider = providers[0] if len(providers) == 1 else None
    if charts:
        for chart in charts:
            if provider:
                facts.append(Fact(chart, "chartProvider", provider, evidence))
        return charts
    kinds = [k for k in (m.group(1).strip() for m in CHART_PHRASE.finditer(text)) if k.lower() not in {"chart", "charts", "the charts", "the chart", "music charts"}]
    kinds = [re.sub(r"^(?:the|and|on|of|in|its|music)\s+", "", k, flags=re.I) for k in kinds]
    kinds = [k for k in kinds if k.lower() not in {"chart", "charts"} and not any(p.name.lower() in k.lower() for p in providers)]
    if provider and places and kinds:
        kind = re.sub(r"charts$", "chart", kinds[0])
        out = []
        for place in places:
            chart = EntityRef(f"{provider.name} {kind} ({place.name})", "Chart")
            facts.append(Fact(chart, "chartProvider", provider, evidence))
            facts.append(Fact(chart, "market", place, evidence))
            out.append(chart)
        return out
    if provider and kinds:
        out = []
        for kind in dict.fromkeys(re.sub(r"charts$", "chart", k) for k in kinds):
            chart = EntityRef(f"{provider.name} {kind}", "Chart")
            facts.append(Fact(chart, "chartProvider", provider, evidence))
            ctx.extraction.aliases.setdefault(chart, set()).add(kind)
            for place in places[:1] if len(places) == 1 else []:
                facts.append(Fact(chart, "market", place, evidence))
                facts.append(Fact(provider, "market", place, evidence))
            out.append(chart)
        return out
    out = []
    for service in providers:
        chart = EntityRef(f"{service.name} chart", "Chart")
        facts.append(Fact(chart, "chartProvider", service, evidence))
        out.append(chart)
    if not out:
        phrase = re.search(r"\bon\s+((?:[\w']+\s){0,4}?(?:charts?|sites|websites|services))\b", text)
        if phrase:
            out.append(EntityRef(phrase.group(1), "Chart"))
    return out


def _chart_dates(ctx, sentence) -> tuple[str | None, str | None]:
    text = sentence.text
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


def read_ratings(ctx) -> None:
    for sentence in ctx.doc.sents:
        text = sentence.text
        if not RATING_WORDS.search(text) or re.search(r"\bcharts?\b.*\bNo\.", text):
            continue
        values = []
        for match in PERCENTS.finditer(text):
            values.append(match.group(1))
            values.extend(re.findall(r"\d{1,3}(?:[.,]\d+)?", match.group(2)))
        values = [Decimal(v.replace(",", ".")) for v in values]
        values = [v for v in values if 0 < v <= 100]
        if not values:
            continue
        ents = list(_sentence_ents(ctx, sentence))
        series = [EntityRef(e.name, "TVSeries") for _, e, cls in ents if cls in ("TVSeries", "TITLE")]
        series = list(dict.fromkeys(series))
        if not series:
            ref = ctx.antecedent(sentence[0], ("TVSeries",))
            series = [ref] if ref else []
        if not series:
            continue
        firm = next((EntityRef(e.name, "Organization") for _, e, cls in ents if cls == "Organization"), None)
        scope = "metropolitan" if re.search(r"metropolitan|Seoul", text, re.I) else "nationwide" if re.search(r"nationwide", text, re.I) else None
        evidence = ctx.evidence(sentence, "reader:rating-sentence", 0.85)
        pairs = list(zip(series, values)) if len(series) == len(values) else [(series[0], values[0])]
        for name, value in pairs:
            for _, e, cls in ents:
                if e.name == name.name and cls == "TITLE":
                    ctx.decided[e.name] = "TVSeries"
            ctx.extraction.ratings.append(RatingFact(name, value, evidence, _episode(text) if len(pairs) == 1 else None, firm, scope))


def _episode(text: str) -> int | None:
    match = EPISODE.search(text)
    if not match:
        return None
    number, nth, word = match.groups()
    return int(number or nth) if (number or nth) else lexicon()["ordinals"].get(word.lower())


def read_rating_table(ctx) -> None:
    """Rows of a flattened ratings table: "Title 13 KBS 3.7%"."""
    for sentence in ctx.doc.sents:
        text = sentence.text.strip()
        nets = [(t, e) for t, e, cls in _sentence_ents(ctx, sentence) if cls == "Broadcaster"]
        if len(nets) != 1:
            continue
        net_token, net = nets[0]
        row = re.fullmatch(rf"(.+?)\s+(\d{{1,4}})\s+{re.escape(net.surface)}\s+(\d{{1,3}}(?:\.\d+)?)\s*%", text)
        if not row:
            continue
        series = EntityRef(row.group(1).strip(), "TVSeries")
        evidence = ctx.evidence(sentence, "reader:rating-table-row", 0.8)
        ctx.extraction.ratings.append(RatingFact(series, Decimal(row.group(3)), evidence, int(row.group(2))))
        ctx.extraction.facts.append(Fact(series, "broadcaster", EntityRef(net.name, "Broadcaster"), evidence))


TRACK = re.compile(r"(?m)^\s*(\d{1,2})[.)]\s+([^()\n]+?)\s*(?:\(([^()\n]*)\))?\s*$")
INLINE_TRACK = re.compile(r"\b(0\d|\d)\.\s+([A-Z][^\d\n]*?)(?=\s+\d{1,2}\.\s|\s+Source:|\s*$)")
CREDIT_ROLES = {"lyrics": "lyricist", "lyric": "lyricist", "words": "lyricist", "composition": "composer", "composed": "composer", "music": "composer", "composer": "composer"}


def read_track_list(ctx) -> None:
    """Numbered track lists ("01. Title (Lyrics: A; Composition: B)"): each
    track is a Song in the album the list introduces, with its number and
    credits, performed by the album's artist when the article names one."""
    text = ctx.doc.text
    tracks = [(m.start(), int(m.group(1)), m.group(2).strip(), m.group(3)) for m in TRACK.finditer(text)]
    if len(tracks) < 2:
        tracks = [(m.start(), int(m.group(1)), m.group(2).strip(), None) for m in INLINE_TRACK.finditer(text)]
    tracks = [t for t in tracks if 1 <= t[1] <= 40 and len(t[2].split()) <= 8]
    if len(tracks) < 2 or [t[1] for t in tracks] != list(range(tracks[0][1], tracks[0][1] + len(tracks))):
        return
    album = _list_album(ctx, tracks[0][0], {t[2] for t in tracks})
    if album is None:
        return
    artist = next((f.object for f in ctx.extraction.facts if f.subject == album and f.predicate == "performer"), None)
    sentence = ctx.doc.char_span(tracks[0][0], tracks[-1][0] + 1, alignment_mode="expand")
    for start, number, title, credits in tracks:
        line_span = ctx.doc.char_span(start, start + len(title) + 6, alignment_mode="expand") or sentence
        evidence = ctx.evidence(line_span.sent if line_span is not None else sentence, "reader:track-list", 0.85)
        song = EntityRef(title, "Song")
        facts = ctx.extraction.facts
        facts.append(Fact(song, "inAlbum", album, evidence))
        facts.append(Fact(song, "trackNumber", Value(str(number), "integer"), evidence))
        if artist:
            facts.append(Fact(song, "performer", artist, evidence))
        for part in (credits or "").split(";"):
            if ":" not in part:
                continue
            label, names = part.split(":", 1)
            roles = {CREDIT_ROLES[w] for w in re.findall(r"[a-z]+", label.lower()) if w in CREDIT_ROLES}
            for name in (n.strip() for n in re.split(r",|&| and ", names)):
                if name:
                    for role in roles:
                        facts.append(Fact(song, role, EntityRef(name, "Person"), evidence))


def _list_album(ctx, list_start: int, track_titles: set[str]) -> EntityRef | None:
    before = ctx.doc.text[max(0, list_start - 300):list_start]
    named = re.search(r"(?:album|EP|single)\s+\"?([A-Z][^\":\n]{0,40}?)\"?\s*:?\s*$", before)
    if named:
        name = named.group(1).strip()
        return EntityRef(f"{name} (album)" if name in track_titles else name, "Album")
    token = ctx.doc.char_span(list_start, list_start + 1, alignment_mode="expand")
    return ctx.antecedent(token[0], ("Album",)) if token is not None else None
