"""Which charts a sentence names, and who publishes each: named charts
("Billboard Hot 100", published by Billboard), charts named by kind with
the provider beside them ("Melon's daily chart", "the chart of QQ Music"),
"the chart" in force, and a provider alone where the text ranks on it
("No. 2 on Genie"). The chart readers (charts.py) pair these with ranks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..data import alternatives, any_word, lexicon, rows
from ..records import EntityRef, Fact
from .spans import QUOTED_SPEECH, span_text

PROVIDERS = ("Platform", "Organization")
CHART_WORDS = any_word(lexicon()["ranks"]["chart_words"])


@dataclass(frozen=True)
class Target:
    """A chart an entry is placed on, and who publishes it."""

    chart: EntityRef
    provider: EntityRef | None
    source: object = None  # the sentence that named it, when not the entry's own


@lru_cache(maxsize=None)
def _publishers() -> dict[str, str]:
    """Services, and organisations that publish a chart of the gazetteer
    ("Billboard 200": Billboard), by canonical name; and the publishers a
    chart's name may open with (name_patterns.jsonl "provider-kind-chart":
    "Circle Digital Chart": Circle), organisations unless known otherwise;
    and a publisher's editions ("Billboard Argentina")."""
    entries = rows("gazetteer.jsonl")
    charts = {e["id"] for e in entries if e["label"] == "Chart"}
    names = {}
    for entry in entries:
        name = entry["id"]
        if entry["label"] == "Platform" or entry["label"] == "Organization" and any(c.startswith(name + " ") for c in charts):
            names.setdefault(name, entry["label"])
    for row in rows("name_patterns.jsonl"):
        if row["id"] == "provider-kind-chart":
            for name in row["pattern"][0]["TEXT"]["IN"]:
                names.setdefault(name, "Organization")
    # a publisher's national edition publishes its own charts ("Billboard Argentina")
    names.update({e["id"]: "Organization" for e in entries if e["label"] == "Organization" and e["id"].split(" ")[0] in names
                  and " " in e["id"]})
    return names


def publisher_prefixed_charts(text: str, ents: list) -> list:
    """A chart's name the gazetteer cut after its publisher ("Billboard" +
    "Dance Club Songs") is one name: "the Billboard Dance Club Songs chart"
    names the chart "Billboard Dance Club Songs" (not "Billboard's World
    Albums chart", whose possessive sets the publisher apart), and so with
    a market between them ("KKBOX Korea Music Top 100 Chart")."""
    out, skip = [], set()
    for a, b in zip(ents, ents[1:]):
        # a known chart's short name after another publisher's edition: "Billboard Argentina" + "Hot 100" is Billboard
        # Argentina's own chart, not the Billboard Hot 100 the gazetteer takes "Hot 100" for
        edition = b.source == "gazetteer" and b.surface != b.name and not b.name.startswith(a.name)
        if a.source == "gazetteer" and a.name in _publishers() and b.cls == "Chart" and (b.source == "names" or edition) \
                and text[a.end:b.start] == " " and not b.name.startswith(a.name):
            name = f"{a.name} {b.surface if edition else b.name}"
            out.append(replace(b, start=a.start, surface=text[a.start:b.end], name=name, source="names"))
            skip.update((id(a), id(b)))
    for a, place, b in zip(ents, ents[1:], ents[2:]):  # "KKBOX Korea Music Top 100 Chart": the publisher's chart of a market
        if a.source == "gazetteer" and a.name in _publishers() and place.cls == "Place" and b.cls == "Chart" \
                and b.source in ("names", "gazetteer") and text[a.end:place.start] == text[place.end:b.start] == " ":
            name = f"{a.name} {place.surface} {b.surface}"  # "Spotify Japan Viral 50": not the global "Viral 50"
            out.append(replace(b, start=a.start, surface=text[a.start:b.end], name=name, source="names"))
            skip.update((id(a), id(place), id(b)))
    return sorted([e for e in ents if id(e) not in skip] + out, key=lambda e: e.start) if out else ents


PLACED_CHART = re.compile(rf"\b(?:{alternatives(lexicon()['charts_named_for_a_place']['words'])})[ \t]+$")


def place_suffixed_charts(text: str, ents: list) -> list:
    """A chart whose name ends in its country ("Spotify's Daily Top Songs Philippines") is one name,
    which the gazetteer cut at the place (and the NER's guesses inside it give way)."""
    charts = []
    for ent in ents:
        said = PLACED_CHART.search(text, max(0, ent.start - 40), ent.start) if ent.cls == "Place" else None
        if said is not None and not any(e.start < ent.start and said.start() < e.end and e.source != "model" for e in ents):
            charts.append(replace(ent, start=said.start(), surface=text[said.start():ent.end], cls="Chart",
                                  name=text[said.start():ent.end], source="names"))
    return sorted([e for e in ents if not any(c.start < e.end and e.start < c.end for c in charts)] + charts,
                  key=lambda e: e.start) if charts else ents


def _publisher_in_name(chart: str, named_alone: set[str]) -> EntityRef | None:
    """A chart named after its publisher ("Billboard Hot 100", "Oricon Daily
    Singles Chart") is published by it; a brand chart "X Chart" is its own
    publisher unless X is named on its own in the article."""
    for end in reversed([i for i, char in enumerate(chart) if char == " "]):
        name = chart[:end]
        cls = _publishers().get(name)
        if cls and (chart[end + 1:].lower() not in ("chart", "charts") or name in named_alone):
            return EntityRef(name, cls)
    return None


def charts_named(ctx, span, named_alone: set[str], in_force: Target | None) -> list[Target]:
    """The charts a span names outside quoted speech, each with its
    provider: named charts; charts named by kind ("Melon's daily chart",
    "the download chart"), with the provider beside them, in the span, or
    in force; "the chart" itself is the chart in force; else one chart per
    service or publisher named where the span talks of charts or ranks
    on it ("No. 2 on Genie")."""
    text = span_text(span)
    speech = [(m.start(), m.end()) for m in QUOTED_SPEECH.finditer(text)]
    outside = lambda token: not any(a <= token.idx - span.start_char < b for a, b in speech)
    ents = [(t, e, c) for t, e, c in ctx.sentence_mentions(span) if outside(t)]
    talk = CHART_WORDS.search(QUOTED_SPEECH.sub(" ", text))
    ranked_on = set()  # the services a rank is on: "first on Melon, Genie and Bugs" (the list's last too)
    for t, e, c in ents:
        if (c == "Platform" or c == "Organization" and e.name in _publishers()) and not _owns_a_show(ctx, t) \
                and (talk or RANKED_ON.search(text[:t.idx - span.start_char]) or t.dep_ == "conj" and t.head.i in ranked_on):
            ranked_on.add(t.i)
    providers = list(dict.fromkeys(EntityRef(e.name, c) for t, e, c in ents if t.i in ranked_on))
    sole = providers[0] if len(providers) == 1 else None
    first_at = {EntityRef(e.name, c): t.i for t, e, c in reversed(ents)}  # where each provider is first named
    out = []
    for token, ent, cls in ents:
        if cls == "Chart":
            chart = EntityRef(ent.name, "Chart")
            # the one service of the span, if named before the chart ("No. 1 on the Circle Album Chart and No. 12
            # on the Oricon Albums Chart": Oricon's is the other chart)
            before = sole if sole is not None and first_at.get(sole, token.i) < token.i else None
            provider = _provider_near(ctx, token, span) or _published_by(ctx, token) \
                or _publisher_in_name(ent.name, named_alone) or before \
                or (sole if sole is not None and ent.source == "names" and _says(ctx.doc[first_at[sole]]) else None)
            out.append(Target(chart, provider))
    if out:  # and charts named by kind beside them: "the Melon Top 100 and Genie's real-time chart"
        covered = {target.provider for target in out}
        for kind, provider, token in _chart_kinds(ctx, span):
            if kind is not None and provider is not None and provider not in covered and outside(token):
                out.append(Target(EntityRef(f"{provider.name} {kind}", "Chart"), provider))
                covered.add(provider)
        # and a service a rank is on by its name alone, right after the rank: "No. 5 on iTunes Philippines and
        # No. 12 on Spotify's X"
        return out + [Target(EntityRef(f"{p.name} chart", "Chart"), p) for p in providers if p not in covered
                      and re.search(rf"(?:No\.|[Nn]umber|#)\s*\d{{1,3}}\s+on\s+{re.escape(p.name)}(?!'s)\b", text)]
    for kind, provider, token in _chart_kinds(ctx, span):
        if not outside(token):
            continue
        if kind is None:  # "the chart": the one in force, unless the span names whose
            if in_force is not None and provider is None and not providers:
                return [in_force]
            continue
        # "real-time charts of various domestic music services": no one provider, not the one in force
        provider = provider or sole or (in_force.provider if in_force and not ON_PHRASE.search(text) else None)
        if provider is not None:
            out.append(Target(EntityRef(f"{provider.name} {kind}", "Chart"), provider))
    if len(out) == 1 and len(providers) > 1:
        out = [Target(EntityRef(f"{p.name} {out[0].chart.name.split(' ', len(out[0].provider.name.split()))[-1]}", "Chart"), p)
               for p in providers]
    return out or [Target(EntityRef(f"{p.name} chart", "Chart"), p) for p in providers] or _phrase_target(text)


SPEECH_VERBS = frozenset(lexicon()["speech_verbs"]["words"])


def _says(token) -> bool:
    """Is the provider the one who reports the ranks ("first on Top Singles
    Sales, Billboard Japan said"): a chart the sentence names with no
    publisher of its own is the reporter's."""
    return token.dep_ == "nsubj" and token.head.lower_ in SPEECH_VERBS


def _owns_a_show(ctx, token) -> bool:
    """ "on Mnet's 'M Countdown'": the service is the show's channel, and
    first place there is a music show's win, not a chart's rank."""
    owned = ctx.ent(token.head) if token.dep_ == "poss" else None
    return owned is not None and ctx.class_of(owned) in ("TITLE", "TVSeries")


RANKED_ON = re.compile(r"(?:No\.?\s?\d+|#\d+|\b(?:" + "|".join(lexicon()["ranks"]["ordinals"]) +
                       r"|top|number \w+|\d+(?:st|nd|rd|th))\b)[^.;]{0,30}$", re.I)
ON_PHRASE = re.compile(r"\b(?:on|of)\s+((?:[\w'-]+\s){1,4}?(?:sites|websites|services|platforms|portals))\b", re.I)


def _phrase_target(text: str) -> list[Target]:
    """A ranking described with no service named ("#1 on Taiwan's biggest
    mobile sites", "the charts of various music services"): a chart named
    by those words, with no provider."""
    phrase = ON_PHRASE.search(text)
    return [Target(EntityRef(phrase.group(1), "Chart"), None)] if phrase else []


def _provider_near(ctx, token, span, steps=(-1, +1)) -> EntityRef | None:
    """The service right before a chart ("QQ Music's popular chart",
    "Billboard's Hot 100") or right after it ("the chart of QQ Music")."""
    doc = token.doc
    for step in steps:
        i = token.i
        for _ in range(3):
            i += step
            if not (span.start <= i < span.end):
                break
            ent = ctx.ent(doc[i])
            if ent is not None:
                cls = ctx.class_of(ent)
                if cls in PROVIDERS + ("Broadcaster",):
                    return EntityRef(ent.name, cls)
                if cls == "ORG" and step < 0 and doc[i + 1].lower_ in ("'s", "\u2019s"):
                    return EntityRef(ent.name, "Organization")  # "Radio Hanbit's Campus Top 20": whose chart, a publisher
                break
            if doc[i].lower_ not in {"'s", "'", "of", "the", "on", "by", "from", "their", "its"} and not doc[i].is_quote:
                break
    return None


PUBLISHED_BY = re.compile(r"\s*,?\s*(?:which is\s+|also\s+)?(?:published|compiled|issued|run|operated)\s+by\s+(?:the\s+)?")


def _published_by(ctx, token) -> EntityRef | None:
    """The organisation a chart is "published by" or "compiled by", said right after it
    ("the Circle Digital Chart, published by the Korea Music Content Association"; CONVENTIONS 30)."""
    said = PUBLISHED_BY.match(token.doc.text, token.idx + len(token))
    if said is None:
        return None
    publisher = token.doc.char_span(said.end(), said.end() + 1, alignment_mode="expand")
    ent = ctx.ent(publisher[0]) if publisher is not None and publisher.start < token.sent.end else None
    cls = ctx.class_of(ent) if ent is not None else None
    # a name still undecided ("compiled by AMPROFON", which the NER or the passive's agent made a candidate), or
    # one named like a chart ("compiled by Stichting Nederlandse Top 40"), is the organisation that publishes it
    if cls not in (*PROVIDERS, "ORG", "PERSON", "Chart"):
        return None
    if cls == "Chart":
        ctx.decided[ent.name] = "Organization"
    return EntityRef(ent.name, "Organization" if cls in ("ORG", "PERSON", "Chart") else cls)


@lru_cache(maxsize=None)
def _kind_words() -> frozenset:
    return frozenset(w.lower() for w in lexicon()["chart_kind_words"])


def _chart_kinds(ctx, span):
    """Chart phrases and their kind words ("daily physical album chart"),
    with the provider beside them, if any."""
    kinds = []
    lowered = span_text(span).lower()
    if "chart" not in lowered and "tally" not in lowered:
        return kinds  # no chart word: spares a walk over the span's tokens
    kind_words = _kind_words()
    doc = span.doc
    for token in span:
        if token.lower_ not in ("chart", "charts", "tally") or ctx.ent(token) is not None:
            continue
        i = token.i - 1
        while i >= span.start and (ctx.ent(doc[i]) is None or ctx.ent(doc[i]).is_value) \
                and (doc[i].lower_ in kind_words or doc[i].text == "-"):
            i -= 1
        if i + 1 == token.i:  # "the chart": no kind of its own
            kinds.append((None, _provider_near(ctx, token, span), token))
            continue
        kind = re.sub(r"charts$", "chart", ctx.article.text[doc[i + 1].idx:token.idx + len(token)].lower())
        provider = _provider_near(ctx, doc[i + 1], span, (-1,)) or _provider_near(ctx, token, span, (+1,)) \
            or _published_by(ctx, token)  # "the Mexican albums chart compiled by AMPROFON"
        kinds.append((kind, provider, token))
    return kinds


def read_chart_names(ctx) -> None:
    """A chart named after its publisher ("Billboard Hot 100") is published
    by it, whether or not the article ranks anything on it, unless the
    article says who publishes it ("..., published by the KMCA")."""
    named_alone = {e.name for _, e in ctx.mention_tokens if ctx.class_of(e) in PROVIDERS}
    seen = set()
    for token, ent in ctx.mention_tokens:
        if ctx.class_of(ent) != "Chart" or ent.name in seen:
            continue
        seen.add(ent.name)
        publisher = _published_by(ctx, token) or _publisher_in_name(ent.name, named_alone)
        if publisher:
            evidence = ctx.evidence(ctx.sentence_of(token.i), "reader:chart-name", 0.9)
            ctx.extraction.facts.append(Fact(EntityRef(ent.name, "Chart"), "chartProvider", publisher, evidence))
