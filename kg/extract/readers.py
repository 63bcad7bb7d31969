"""Sentence readers for the facts a single token pattern cannot hold:
chart entries (several charts, ranks and dates in one sentence), audience
ratings (values paired with series "respectively"), flattened ratings tables
and numbered track lists with credits."""
from __future__ import annotations

import json
import re
from decimal import Decimal
from functools import lru_cache

from ..nlp import DATA, lexicon
from ..records import ChartEntryFact, EntityRef, Fact, RatingFact, Value
from .entities import span_text
from .values import parse_count, parse_date, parse_rank

WORKS = ("Song", "Album")


def _any_word(words: list[str]) -> re.Pattern:
    """Any of ``words``, ignoring case. The lookahead on their first letters
    lets the engine pass most word starts without trying every word, which
    halves the search time of a case-insensitive alternation."""
    first_letters = re.escape("".join(sorted({word[0] for word in words})))
    return re.compile(rf"\b(?=[{first_letters}])(?:" + "|".join(re.escape(word) for word in words) + r")\b", re.I)


RANK_EXPR = re.compile(r"(?:\bno\.?\s*|#|\bnumber\s+)(\d{1,3})\b|\branked\s+(\d{1,3})\b|\b(?:ranked|placed|came|landed|at|in)\s+(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b|\band\s+(second|third|fourth|fifth)\b", re.I)
TOPPED = re.compile(r"\b(?:topped|tops|top spot|top place|top of|to the top|all-kill|all kill|number one|first place|no\.?\s*1\b|#1\b)", re.I)
PERCENTS = re.compile(r"(\d{1,3}(?:[.,]\d+)?)((?:\s*(?:,|and|, and)\s*\d{1,3}(?:[.,]\d+)?)*)\s*(?:%|percent\b|per cent\b)", re.I)
RATING_WORDS = _any_word(["rating", "ratings", "viewership", "viewers", "nationwide", "metropolitan", "audience", "episode",
                          "finale", "premiere", "TNmS", "Nielsen", "AGB"])
EPISODE = re.compile(r"\b(?:episode|ep\.?)\s*(\d{1,4})\b|\b(\d{1,4})(?:st|nd|rd|th)\s+episode\b|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+episode\b", re.I)
CHART_WORDS = _any_word(["chart", "charts", "top", "topped", "tops", "ranked"])
RANK_MARK = re.compile(r"\bNo\.?\s*\d|#\d", re.I)
CHART_THEN_RANK = re.compile(r"\bcharts?\b.*\bNo\.")
HEDGES = _any_word(lexicon()["hedge_words"])


def is_hedged(text: str) -> bool:
    return bool(HEDGES.search(text))


def _sentence_ents(ctx, sentence):
    for token, ent in ctx.mentions_in(sentence):
        if not ent.is_value and ent.name not in ctx.characters:
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
        ents = list(_sentence_ents(ctx, sentence))
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


def read_ratings(ctx) -> None:
    """Percentages of series in sentences about ratings, or anywhere in an
    article about ratings ("scoring 24.3 and 22.4 percent, respectively")."""
    # Only a sentence stating a percentage can give a rating: find those
    # first, and count the article's rating words only if there are any.
    stated = [(sentence, text) for sentence, text in zip(ctx.sentences, ctx.sentence_texts) if PERCENTS.search(text)]
    about_ratings = bool(stated) and len(RATING_WORDS.findall(ctx.article.text)) >= 2
    for sentence, text in stated:
        if not (RATING_WORDS.search(text) or about_ratings) or CHART_THEN_RANK.search(text):
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
        if not series and not RATING_WORDS.search(text):
            continue
        if not series:
            ref = ctx.antecedent(sentence[0], ("TVSeries",))
            series = [ref] if ref else []
        if not series:
            continue
        firm = next((EntityRef(e.name, "Organization") for _, e, cls in ents if cls == "Organization"), None)
        scope = "metropolitan" if re.search(r"metropolitan|Seoul", text, re.I) else "nationwide" if re.search(r"nationwide", text, re.I) else None
        evidence = ctx.evidence(sentence, "reader:rating-sentence", 0.85)
        pairs = list(zip(series, values)) if len(series) == len(values) else [(series[0], values[0])]
        scoped = _scoped_values(text)
        if len(series) == 1 and len(scoped) > 1:  # "5.9 percent in Seoul and 5.8 percent nationwide"
            pairs = [(series[0], value) for value, _ in scoped]
        for name, value in pairs:
            scope = dict(scoped).get(value, scope)
            for _, e, cls in ents:
                if e.name == name.name and cls == "TITLE":
                    ctx.decided[e.name] = "TVSeries"
            ctx.extraction.ratings.append(RatingFact(name, value, evidence, _episode(text) if len(pairs) == 1 else None, firm, scope))


SCOPED = re.compile(r"(\d{1,3}(?:\.\d+)?)\s*(?:%|percent)\s+(?:(nationwide)|in\s+(?:the\s+)?(Seoul|metropolitan|capital))", re.I)


def _scoped_values(text: str) -> list[tuple[Decimal, str]]:
    """Figures each tied to a scope: "5.9 percent in Seoul", "5.8 percent nationwide"."""
    return [(Decimal(m.group(1)), "nationwide" if m.group(2) else "metropolitan") for m in SCOPED.finditer(text)]


def _episode(text: str) -> int | None:
    match = EPISODE.search(text)
    if not match:
        return None
    number, nth, word = match.groups()
    return int(number or nth) if (number or nth) else lexicon()["ordinals"].get(word.lower())


def read_rating_table(ctx) -> None:
    """Rows of a flattened ratings table: "Title 13 KBS 3.7%"; in a table
    that has such rows, also "Title KBS" (a row without figures)."""
    full, bare = [], []
    for sentence, text in zip(ctx.sentences, ctx.sentence_texts):
        text = text.strip()
        nets = [e for _, e, cls in _sentence_ents(ctx, sentence) if cls == "Broadcaster"]
        if len(nets) != 1:
            continue
        station = re.escape(nets[0].surface)
        row = re.fullmatch(rf"(.+?)\s+(\d{{1,4}})\s+{station}\s+(\d{{1,3}}(?:\.\d+)?)\s*%", text)
        if row:
            full.append((sentence, nets[0], row))
        elif bare_row := re.fullmatch(rf"([A-Z][^%]+?)\s+{station}", text):
            bare.append((sentence, nets[0], bare_row))
    for sentence, net, row in full + (bare if len(full) >= 2 else []):
        series = EntityRef(row.group(1).strip(), "TVSeries")
        evidence = ctx.evidence(sentence, "reader:rating-table-row", 0.8)
        if row.lastindex == 3:
            ctx.extraction.ratings.append(RatingFact(series, Decimal(row.group(3)), evidence, int(row.group(2))))
        ctx.extraction.facts.append(Fact(series, "broadcaster", EntityRef(net.name, "Broadcaster"), evidence))


TRACK = re.compile(r"(?m)^\s*(\d{1,2})[.)]\s+([^()\n]+?)\s*(?:\(([^()\n]*)\))?\s*$")
INLINE_TRACK = re.compile(r"\b(0\d|\d)\.\s+([A-Z][^\d\n]*?)(?=\s+\d{1,2}\.\s|\s+Source:|\s*$)")
CREDIT_ROLES = {"lyrics": "lyricist", "lyric": "lyricist", "words": "lyricist", "composition": "composer", "composed": "composer", "music": "composer", "composer": "composer"}


def read_track_list(ctx) -> None:
    """Numbered track lists ("01. Title (Lyrics: A; Composition: B)"): each
    track is a Song in the album the list introduces, with its number and
    credits, performed by the album's artist when the article names one."""
    text = ctx.article.text
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
    intro = ctx.doc.char_span(max(0, tracks[0][0] - 200), tracks[0][0], alignment_mode="contract")
    pronoun = re.search(r"\b(their|her|his)\b", span_text(intro)) if intro is not None else None
    if artist is None and pronoun:
        artist = ctx.salient(("MusicGroup",) if pronoun.group(1) == "their" else ("Person",))
        if artist:
            ctx.extraction.facts.append(Fact(album, "performer", artist, ctx.evidence(intro.sent, "reader:track-list", 0.7)))
    sentence = ctx.doc.char_span(tracks[0][0], tracks[-1][0] + 1, alignment_mode="expand")
    for start, number, title, credits in tracks:
        line_span = ctx.doc.char_span(start, start + len(title) + 6, alignment_mode="expand") or sentence
        evidence = ctx.evidence(line_span.sent if line_span is not None else sentence, "reader:track-list", 0.85)
        song = EntityRef(title, "Song")
        ctx.decided[title] = "Song"
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
                    ctx.decided.setdefault(name, "Person")
                    for role in roles:
                        facts.append(Fact(song, role, EntityRef(name, "Person"), evidence))


def _list_album(ctx, list_start: int, track_titles: set[str]) -> EntityRef | None:
    before = ctx.article.text[max(0, list_start - 300):list_start]
    named = re.search(r"(?:album|EP|single)\s+\"?([A-Z][^\":\n]{0,40}?)\"?\s*:?\s*$", before)
    if named:
        name = named.group(1).strip()
        return EntityRef(f"{name} (album)" if name in track_titles else name, "Album")
    token = ctx.doc.char_span(list_start, list_start + 1, alignment_mode="expand")
    return ctx.antecedent(token[0], ("Album",)) if token is not None else None


FOLLOWERS = _any_word(["follower", "followers"])
STREAMS = _any_word(["stream", "streams", "streaming", "streamed", "plays"])


def read_counts(ctx) -> None:
    """Follower and stream counts: each count goes to the nearest person or
    group named before it in a sentence about followers, or to the song a
    sentence about streaming is about."""
    for sentence, text in zip(ctx.sentences, ctx.sentence_texts):
        followers = FOLLOWERS.search(text)
        streams = STREAMS.search(text)
        if not (followers or streams) or is_hedged(text):
            continue
        evidence = ctx.evidence(sentence, "reader:count-sentence", 0.75)
        subject = song = None
        for token in sentence:
            ent = ctx.ent(token)
            if ent is not None and not ent.is_value:
                cls = ctx.decided.get(ent.name, ent.cls)
                if cls in ("Person", "MusicGroup", "PERSON"):
                    subject = EntityRef(ent.name, "Person" if cls == "PERSON" else cls)
                elif cls == "Song":
                    song = EntityRef(ent.name, cls)
                continue
            if ent is not None and ent.cls in ("CARDINAL", "MONEY", "QUANTITY") or token.like_num and token.text[:1].isdigit():
                if ent is None and token.i > 0 and ctx.ent(token.doc[token.i - 1]) is not None:
                    continue
                count = parse_count(ent.surface if ent else token.text + " " + token.nbor(1).text if token.i + 1 < len(token.doc) else token.text)
                after = span_text(token.doc[token.i + 1:token.i + 5]).lower()
                if not count or count < 1000 or re.search(r"\b(?:users|views|copies|units|won|dollars|viewers|subscribers|members)\b", after):
                    continue
                if streams and not followers and not re.search(r"stream|plays", span_text(token.doc[token.i + 1:token.i + 6]).lower()):
                    continue
                if followers and subject:
                    ctx.extraction.facts.append(Fact(subject, "followerCount", Value(str(count), "integer"), evidence))
                elif streams and not followers:
                    song = song or ctx.antecedent(sentence[0], ("Song",))
                    if song:
                        ctx.extraction.facts.append(Fact(song, "streamCount", Value(str(count), "integer"), evidence))
                subject = None


SINGING = _any_word(["sing", "sings", "sang", "sung", "singing", "vocal", "vocals", "voice", "OST singer", "lent"])
SONG_WORDS = re.compile(r"\bOSTs?\b|\bsongs?\b|\bsingles?\b|\btracks?\b")


def read_sung(ctx) -> None:
    """A sentence about one artist singing ("received recognition for his
    singing through OSTs like 'A' and 'B'") makes that artist the
    performer of every song it names."""
    for sentence, text in zip(ctx.sentences, ctx.sentence_texts):
        if not SONG_WORDS.search(text) or not SINGING.search(text):
            continue
        ents = list(_sentence_ents(ctx, sentence))
        artists = {EntityRef(e.name, cls) for _, e, cls in ents if cls in ("Person", "MusicGroup")}
        songs = [e for _, e, cls in ents if cls in ("Song", "TITLE")]
        if len(artists) != 1 or not songs:
            continue
        artist = artists.pop()
        evidence = ctx.evidence(sentence, "reader:singing-sentence", 0.7)
        for song in songs:
            ctx.decided[song.name] = "Song"
            ctx.extraction.facts.append(Fact(EntityRef(song.name, "Song"), "performer", artist, evidence))


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
