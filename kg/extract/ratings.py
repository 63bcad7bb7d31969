"""Audience ratings: percentages of series in sentences about ratings, and flattened ratings tables."""
from __future__ import annotations

import re
from decimal import Decimal

from ..nlp import lexicon
from ..records import EntityRef, Fact, RatingFact
from .context import _any_word

WORKS = ("Song", "Album")
CHART_THEN_RANK = re.compile(r"\bcharts?\b.*\bNo\.")


PERCENTS = re.compile(r"(\d{1,3}(?:[.,]\d+)?)((?:\s*(?:,|and|, and)\s*\d{1,3}(?:[.,]\d+)?)*)\s*(?:%|percent\b|per cent\b)", re.I)
RATING_WORDS = _any_word(["rating", "ratings", "viewership", "viewers", "nationwide", "metropolitan", "audience", "episode",
                          "finale", "premiere", "TNmS", "Nielsen", "AGB"])
EPISODE = re.compile(r"\b(?:episode|ep\.?)\s*(\d{1,4})\b|\b(\d{1,4})(?:st|nd|rd|th)\s+episode\b|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+episode\b", re.I)
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
        ents = list(ctx.sentence_mentions(sentence))
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
        nets = [e for _, e, cls in ctx.sentence_mentions(sentence) if cls == "Broadcaster"]
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
