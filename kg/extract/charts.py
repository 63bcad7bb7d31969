"""Chart entries: which song or album a clause ranks, at which rank, on
which chart of which provider, and when.

An article names a chart or its provider once ("Billboard has unveiled its
World Albums chart", "Gaon revealed chart results", a "Download Chart"
heading) and ranks songs on it in the sentences that follow ("First up is
...", "Third place is ..."): that chart stays in force until the next one
is named, and an entry that takes its chart from it says so in its
evidence. Within a sentence, clauses are read one by one ("A topped X,
while B came in third"); which work each rank belongs to is
``chart_works``'.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..data import alternatives, any_word, lexicon
from ..records import ChartEntryFact, EntityRef, Fact
from .chart_targets import CHART_WORDS, PROVIDERS, Target, charts_named
from .chart_works import RANKABLE, pair_ranks
from .hedges import is_hedged
from .lists import ITEM_NUMBER
from .spans import QUOTED_SPEECH, RECORDINGS as WORKS, VIDEO_SERVICES, span_text
from .ranks import Rank, ranks_in
from .values import parse_date

CLAUSE_BREAK = re.compile(r",\s*(?:while|whereas|but|and)\s+|;\s+|\s+while\s+|\s+whereas\s+")
NUMBERED = re.compile(rf"\s*(?:{ITEM_NUMBER}|(\d{{1,3}})[ \t]+\|)\s+(?=\S)")  # a ranking's line: "6. Cravity - ...", "6 | Cravity | ..."
# a line of a rank and the places it holds there: "No. 2 – Mexico, Sweden", "No. 1: Brazil and seven other regions"
OTHER_RANKINGS = any_word(lexicon()["ranks"]["other_rankings"])  # rankings of no music chart
PLACES_LINE = re.compile(r"\s*(?:No\.|#|Number)\s*\d{1,3}\s*[-–—:]\s*[^.!?]{2,200}", re.I)


def read_charts(ctx) -> None:
    named_alone = {e.name for _, e in ctx.mention_tokens if ctx.class_of(e) in PROVIDERS}
    in_force: Target | None = None
    first = None  # the article's first chart: the one a bare "top 10" heading lists
    works_in_force = None  # the works ranked on the chart in force, and the sentence that named them
    quiet = None  # the sentence before, when it has no chart words ("... a long run on Melon.")
    records = []
    for index, (sentence, text) in enumerate(zip(ctx.sentences, ctx.sentence_texts)):
        own = charts_named(ctx, sentence, named_alone, in_force)
        chart_talk = bool(own) or bool(CHART_WORDS.search(text))
        before, quiet = quiet, (sentence if not chart_talk else None)
        if own and chart_talk:
            # a chart's name heading a list under a publisher's charts ("Billboard's charts ... / World Albums")
            inherited = in_force.provider if in_force is not None and _short_line(text) and len(own) == 1 else None
            in_force = replace(own[0], source=sentence, provider=own[0].provider or inherited)
            first = first or in_force
        elif in_force is not None and in_force.provider is not None and _heading_kind(text):
            # a "Download Chart" heading under a provider in force; under a brand chart, that chart stays
            provider = in_force.provider
            in_force = Target(EntityRef(f"{provider.name} {_heading_kind(text)}", "Chart"), provider, sentence)
        elif in_force is not None and not _heading_kind(text) and _heading(text):
            # "Japan's best-selling albums": another list, on no chart named so far; "The rest of the top 10:" the first's
            in_force = None if _heading(TOP_N.sub(" ", text)) or _names_its_own(text) else first
        elif in_force is not None and not chart_talk and (topic := _service_as_topic(ctx, sentence, in_force)):
            in_force = topic  # "Genie tells a different story."
        if OTHER_RANKINGS.search(text) and not own:
            in_force, works_in_force = None, None  # "led the box office": films ranked, on no music chart
            continue
        if is_hedged(text):
            continue
        works_before = []
        numbered = NUMBERED.match(text)
        if numbered and in_force is not None and not own and not _ranked_below(ctx, index) and not _prose(sentence):
            # "6. Cravity - "Season 3" - 14,283" in a ranking
            number = int(numbered.group(1) or numbered.group(2))
            pairs = pair_ranks(ctx, sentence, text, [Rank(number, 0, numbered.end())])
            # what the list ranks, the sentence that set the chart says ("the 10 best-selling physical albums")
            said = span_text(in_force.source) if in_force.source is not None else ""
            records.extend(_entries(ctx, index, sentence, pairs[:1], [Rank(number, 0, 0)], [in_force], tail=said))
            if pairs or not PLACES_LINE.match(text):
                continue  # "No. 2 – Mexico, Sweden" ranks no work of its own: the work in force, read below
        service = None  # the service the sentence before names, looked up once the sentence states a rank
        if not (chart_talk or in_force is not None):  # "On Melon, A and B ranked first and second": its own music service
            service = [t for t in _service_named(ctx, sentence) if t.provider.name.lower() not in VIDEO_SERVICES
                       and any(cls in RANKABLE for _, _, cls in ctx.sentence_mentions(sentence))] \
                or (_service_named(ctx, before) if before is not None else [])
            if not service:
                continue  # no chart its ranks could be on: spares reading them, the costly part
        for clause, clause_text in _clauses(sentence, text):
            named = [(e.start - clause.start_char, e.end - clause.start_char) for _, e, _ in ctx.sentence_mentions(clause)]
            # not in speech, nor in a name ("their dignity as 'Chart Topping Idols'", "the Top 100")
            ranks = [r for r in ranks_in(clause_text) if not _in_speech(clause_text, r.start)
                     and not any(a <= r.start < b for a, b in named)]
            if not ranks:
                continue
            if service is None:
                service = _service_named(ctx, before) if before is not None else []
            targets = charts_named(ctx, clause, named_alone, in_force) if clause is not sentence else own
            # a clause of its own ("A topped X, while B ...") takes no other clause's charts; "... a long run on
            # Melon. The ballad now sits at No. 4": the provider of the sentence before
            # "... on Melon's weekly chart. A quieter week on FLO, where X was at No. 4": the service named beside
            # the rank, not the chart in force
            targets = targets or (own if clause is sentence else []) \
                or _other_service(ctx, clause, in_force) or _other_service(ctx, sentence, in_force) \
                or ([in_force] if in_force is not None else []) or service
            if not targets and (any(r.provider_free for r in ranks) or UNNAMED_CHARTS.search(clause_text)):
                # "all-kill", "topped domestic charts", "No. 1 on album charts in eight countries": no one provider
                unnamed = "all charts" if any(r.provider_free for r in ranks) else "charts"
                targets = [Target(EntityRef(_free_chart_name(clause, unnamed), "Chart"), None)]
            if not targets:
                continue
            ctx.supplied = None  # set if "the song" or "it" is named in another sentence
            pairs = pair_ranks(ctx, clause, clause_text, ranks)
            if not pairs and works_before and not _own_subject(ctx, clause):
                # "ranked second in France, and eighth in Britain"; not "..., and Paul Kim's OST rose to fifth"
                pairs = [(work, rank) for work in works_before for rank in ranks]
            elif not pairs and in_force is not None and works_in_force and PLACES_LINE.fullmatch(clause_text) \
                    and not _own_subject(ctx, clause):
                # "the song was No. 1 on the iTunes Top Songs chart ... / No. 2 – Mexico, Sweden": the work in force
                ctx.supplied = works_in_force[1]
                pairs = [(work, rank) for work in works_in_force[0] for rank in ranks]
            works_before = list(dict.fromkeys(work for work, _ in pairs)) or works_before
            if pairs and in_force is not None and any(t.chart == in_force.chart for t in targets):
                works_in_force = (works_before, sentence)
            records.extend(_entries(ctx, index, sentence, pairs, ranks, targets, ctx.supplied, clause_text[ranks[0].start:].split(",")[0],
                                    clause, clause_text))
    ctx.extraction.chart_entries.extend(_best_entries(records))


def _service_named(ctx, sentence) -> list[Target]:
    """The one streaming service a sentence with no chart words names ("a
    long run on Melon"), as the chart a rank in the next sentence may be on."""
    services = {e.name for _, e, cls in ctx.sentence_mentions(sentence) if cls == "Platform"}
    if len(services) != 1:
        return []
    name = services.pop()
    return [Target(EntityRef(f"{name} chart", "Chart"), EntityRef(name, "Platform"), sentence)]


def _other_service(ctx, span, in_force: Target | None) -> list[Target]:
    """The one service a span names, when a chart of another provider is
    in force: the ranks beside it are on that service's chart."""
    named = _service_named(ctx, span) if in_force is not None else []
    return named if named and named[0].provider != in_force.provider else []


def _service_as_topic(ctx, sentence, in_force: Target) -> Target | None:
    """A sentence with no chart words that is about another service, as its
    subject or a fronted place ("Genie tells a different story.", "Over on
    Bugs, ..."): its chart is in force from here on."""
    named = _other_service(ctx, sentence, in_force)
    topical = any(cls == "Platform" and (token.dep_ in ("nsubj", "nsubjpass") or token.i - sentence.start < 4
                                         and token.dep_ == "pobj")
                  for token, _, cls in ctx.sentence_mentions(sentence))
    return replace(named[0], source=sentence) if named and topical else None


def _own_subject(ctx, clause) -> bool:
    """Does a clause name a subject of its own (a subject in the parse, or a
    name that is no place), rather than go on about the work before?"""
    return any(t.dep_ in ("nsubj", "nsubjpass") for t in clause) \
        or any(cls not in ("Place", "Chart", *PROVIDERS) for _, _, cls in ctx.sentence_mentions(clause))


def _entries(ctx, index, sentence, pairs, ranks, targets, work_source=None, tail="", clause=None, text=""):
    """Records for the (work, rank) pairs of a clause on its targets: each
    rank with the target named after it in ``clause`` (its ``text``: "No. 2
    on Genie and No. 4 on Bugs"), else one target per rank in order when
    they pair up ("No. 2 and No. 4 on Genie and Bugs"), else every target
    for every rank.
    ``work_source``: the sentence that named the work, when the clause only
    points back to it; ``tail``: the clause from its first rank to a comma,
    which may say what the chart ranks."""
    dates = _chart_dates(ctx, sentence)
    named = _named_after(clause, text, ranks, targets) if len(ranks) > 1 and targets and clause is not None else None
    # "third on X's weekly chart and No. 7 on the Y Hot 100": each rank's own target, where it names one for each
    by_rank = named if named is not None and len(named) == len(ranks) \
        else dict(zip(ranks, targets)) if len(targets) == len(ranks) > 1 else named
    for work, rank in pairs:
        for target in (targets if by_rank is None else [by_rank[rank]] if rank in by_rank else []):
            evidence = ctx.evidence(sentence, "reader:chart-sentence", 0.8, context=[target.source, work_source])
            if target.provider is not None:
                ctx.extraction.facts.append(Fact(target.chart, "chartProvider", target.provider, evidence))
            # ranked: an album on an album chart, a series on a TV list, whatever weaker evidence said; else a song
            kind = _entry_kind(target.chart.name) or _entry_kind(tail)
            if kind or work.cls not in WORKS:
                ctx.ballot.vote(work.name, kind or "Song", 2.0)
            yield index, target.provider, ChartEntryFact(work, target.chart, rank.value, evidence, *dates)


def _named_after(clause, text: str, ranks, targets) -> dict:
    """Each rank with the target named after it and before the next rank ("No.
    2 on Top Album Sales, No. 3 on <a chart no one knows> and No. 1 on World
    Albums"); a rank with none named there is on the charts it names by kind
    ("topped domestic music charts"), else on the clause's one target, if it
    has one, else on none."""
    lower, out = text.lower(), {}
    for k, rank in enumerate(ranks):
        segment = lower[rank.end:ranks[k + 1].start if k + 1 < len(ranks) else len(lower)]
        # the chart's own name first ("No. 9 on Billboard's Hot 100 and No. 30 on Billboard's Global 200"), its
        # provider's where the clause names a chart by its provider alone
        places = [(segment.find(name), target) for target in targets for name in _names_of(target.chart.name.lower(), target)
                  if name in segment] \
            or [(segment.find(name), target) for target in targets
                if target.provider and (name := target.provider.name.lower()) in segment]
        if places:  # at one place ("Spotify's daily chart"), the chart whose provider the segment names
            out[rank] = min(places, key=lambda place: (place[0], not _provider_in(place[1], segment)))[1]
        elif UNNAMED_CHARTS.search(segment):  # "topped domestic music charts ... and No. 33 on X"
            out[rank] = Target(EntityRef(_free_chart_name(clause, "charts"), "Chart"), None)
        elif len(targets) == 1:  # "first and second on Melon": the one chart of the clause
            out[rank] = targets[0]
    return out


def _provider_in(target, segment: str) -> bool:
    return target.provider is not None and target.provider.name.lower() in segment


def _names_of(chart: str, target) -> set[str]:
    """A chart's name as a clause may write it: whole, or after its provider's possessive ("Hot 100")."""
    provider = target.provider.name.lower() if target.provider else ""
    return {chart, chart[len(provider):].strip() if provider and chart.startswith(provider + " ") else chart}


_KIND_WORDS = {kind: words for kind, words in lexicon()["chart_entry_kinds"].items() if not kind.startswith("_")}
_KIND_WORDS["TVSeries"] = _KIND_WORDS["TVSeries"] + lexicon()["video_services"]["names"]  # their charts rank series
ENTRY_KINDS = {kind: re.compile(rf"(?<!\w)(?:{alternatives(words)})(?!\w)", re.I) for kind, words in _KIND_WORDS.items()}


def _entry_kind(text: str) -> str | None:
    """What a chart's entries are, by the words that name the chart."""
    return next((kind for kind, pattern in ENTRY_KINDS.items() if pattern.search(text)), None)


OTHER_LIST = re.compile(rf"\b(?:{alternatives(lexicon()['ranking_heading_words']['other_lists'])})\b", re.I)
RANKING_HEADING = re.compile(rf"\b(?:{alternatives(lexicon()['ranking_heading_words']['words'])})\b|{OTHER_LIST.pattern}", re.I)


# "THE TOP 10", "The rest of the top 10, in full:": the list of the chart in force, unless the heading says more
TOP_N = re.compile(r"(?i)\btop\s+(?:\d{1,3}|five|ten|twenty|fifty|hundred)\b")


def _names_its_own(heading: str) -> bool:
    """Does a heading name whose list it is ("The rest of TJ Media's April top five"), by a capitalised
    word past its first (not a heading in capitals throughout, "THE TOP 10")?"""
    return not heading.isupper() and any(w[:1].isupper() for w in heading.split()[1:])


def _short_line(text: str) -> bool:
    """A line of its own: a few words, no sentence's end."""
    line = text.strip()
    return text.endswith("\n") and "\n" not in line and 0 < len(line.split()) <= 8 and line[-1:] not in ".!?:,;\"'"


def _heading(text: str) -> bool:
    """A line of its own that heads another ranking or list: a ranking word
    ("Tracklist:" too); or a sentence that opens a list of another kind
    ("The tracklist, revealed at midnight, is as follows:")."""
    return _short_line(text.rstrip().removesuffix(":") + "\n") and RANKING_HEADING.search(text) is not None \
        or text.rstrip().endswith(":") and OTHER_LIST.search(text) is not None


def _heading_kind(text: str) -> str | None:
    """A heading that names a chart kind: "Download Chart", "Album Chart",
    "Album chart, top five"."""
    match = KIND_HEADING.fullmatch(text.strip())
    return re.sub(r"charts$", "chart", match.group("kind").lower()) if match and len(text.split()) <= 6 else None


# "Download Chart", "Album chart, top five", "Digital Chart (Top 10):"
KIND_HEADING = re.compile(r"(?P<kind>(?:[A-Z][\w&-]*\s+)(?:[\w&-]+\s+){0,2}?[Cc]harts?)(?:\s*[,:(–—-]\s*(?:the\s+)?[Tt]op\s+\w+\)?)?:?")


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
    the list's numbers only count its items. Not under the last line of a
    list whose lines follow each other ("... / 10. A – B // A keeps the
    crown"): that text is about the whole list."""
    text = ctx.sentence_texts[index]
    line_before = ctx.sentence_texts[index - 1] if index else ""
    if NUMBERED.match(line_before) and "\n" not in line_before.strip() and not line_before.endswith("\n\n"):
        return False
    below = text[text.index("\n"):] if "\n" in text.strip() else \
        ctx.sentence_texts[index + 1] if index + 1 < len(ctx.sentence_texts) else ""
    return not NUMBERED.match(below) and bool(ranks_in(below))


def _prose(sentence) -> bool:
    """Is a numbered line a sentence of its own, with a subject and a dozen words ("3. Monsoon Letter is only
    the 3rd track on their album but it's charting higher lol"): a numbered comment, no ranking's line?"""
    return len(sentence) > 12 and any(t.dep_ in ("nsubj", "nsubjpass") for t in sentence)


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
