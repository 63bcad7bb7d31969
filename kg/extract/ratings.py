"""Audience ratings: percentages of series in sentences about ratings (tables are rating_tables.py's)."""
from __future__ import annotations

import re
from decimal import Decimal

from ..data import alternatives, any_word, lexicon
from ..records import EntityRef, RatingFact
from .networks import focal_work, topic_over_aside
from .spans import FAMILIES, QUOTED_SPEECH, WORKS, whole_words

POINTS_BACK = re.compile(r"\b(?:the (?:drama|series|show|program|programme|sitcom|finale|premiere)|(?:the|its) (?:\w+ )?episode|it)\b", re.I)
CHART_THEN_RANK = re.compile(r"\bcharts?\b.*\bNo\.")


PERCENTS = re.compile(r"(\d{1,3}(?:[.,]\d+)?)((?:\s*(?:,|and|, and)\s*\d{1,3}(?:[.,]\d+)?)*)\s*(?:%|percent\b|per cent\b)", re.I)
RATING_WORDS = any_word(lexicon()["ratings"]["rating_words"])
_EPISODE_NOUNS = alternatives(lexicon()["ratings"]["episode_nouns"])
_LAST = r"(?:and\s+(?:last|final)\s+)?"  # "the 16th and last episode"
EPISODE = re.compile(rf"\b(?:episode|ep\.?)\s*(\d{{1,4}})\b|\b(\d{{1,4}})(?:st|nd|rd|th)\s+{_LAST}(?:{_EPISODE_NOUNS})\b"
                     rf"|\b({alternatives(lexicon()['ordinals'])})\s+{_LAST}(?:{_EPISODE_NOUNS})\b", re.I)
VALUE = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d+)?)(?=(?:\s*(?:,|and|, and|or)\s*\d{1,3}(?:\.\d+)?)*\s*(?:%|percent\b|per cent\b))", re.I)
# A peak, a threshold or a change, not a rating: the words before a figure ("peaked at", "broke through"),
# and after it ("dropped 0.5 points", "0.4% higher than", "the 30% mark").
NOT_A_RATING = re.compile(r"\b(?:" + alternatives(lexicon()["ratings"]["not_before"]) + r")\s*(?:\w+ly\s+)?(?:at\s+|a\s+)?$", re.I)
PEAK_SENTENCE = re.compile(r"\b(?:" + alternatives(lexicon()["ratings"]["peak_sentence_words"]) + r")\b", re.I)
# "in the 9 to 11 percent range"; not a change from one rating to another ("rose from 4.1 percent to 5.2 percent")
NOTE = re.compile(r"\s*\d{1,2}[.)]\s")  # a numbered note of a page ("3. Viewer ratings: ...")
RANGE_END = re.compile(r"\d\s*(?:to|-|–)\s*$", re.I)
# "episode 1 – 6.4%": an episode's figure set beside its number, no range
EPISODE_DASH = re.compile(rf"\b(?:{_EPISODE_NOUNS}|ep\.?)\s*\d{{1,3}}\s*[-–]\s*$", re.I)
RIVALS = re.compile(r"\b(?:" + alternatives(lexicon()["ratings"]["rival_words"]) + r")\b", re.I)
# "95% of Squid Game's viewership came from abroad": a share of a whole, no rating ("29.5 percent of the viewers" is one)
SHARE_OF = re.compile(r"^\s*(?:%|percent|per cent)\s+of\s+(?:[\w'’.-]+\s+){0,3}?(?:"
                      + alternatives(lexicon()["ratings"]["share_of_nouns"]) + r")\b", re.I)
POINTS = re.compile(r"^\s*(?:%|percent|per cent)?\s*(?:(?:viewership|viewer|audience)\s+)?(?:ratings?\s+)?(?:"
                    + alternatives(lexicon()["ratings"]["not_after"]) + r")\b", re.I)


def read_ratings(ctx) -> None:
    """Percentages of series in sentences about ratings, or anywhere in an
    article about ratings. Each figure goes to the series it follows in its
    clause ("KBS' 'Ruby Ring' recorded 12.8%"), figures listed for one
    series all go to it ("got 6.3%, 7.6% and 6.1%"), and as many figures as
    series pair in order ("24.3 and 22.4 percent, respectively"). Peaks,
    thresholds and changes ("peaked at", "over 10%", "dropped 0.5 points")
    are not ratings."""
    # Only a sentence stating a percentage can give a rating: find those
    # first, and count the article's rating words only if there are any.
    stated = [(sentence, text) for sentence, text in zip(ctx.sentences, ctx.sentence_texts) if PERCENTS.search(text)]
    about_ratings = bool(stated) and len(RATING_WORDS.findall(ctx.article.text)) >= 2
    known = _series_names(ctx)
    for sentence, text in stated:
        if not (RATING_WORDS.search(text) or about_ratings) or CHART_THEN_RANK.search(text) or PEAK_SENTENCE.search(text):
            continue
        # a change's figures are ratings ("up from 8.7 percent the previous night"; CONVENTIONS 39), its size is not
        values = [(m.start(), Decimal(m.group(1))) for m in VALUE.finditer(text)
                  if (not NOT_A_RATING.search(before := text[max(0, m.start() - 24):m.start()]) or _own_episode(text, m.start()))
                  and not (RANGE_END.search(before) and not EPISODE_DASH.search(before))
                  and not POINTS.match(after := _after_number(text, m.end())) and not SHARE_OF.match(after)]
        speech = [m.span() for m in QUOTED_SPEECH.finditer(text)]  # 'he said, "I promised a 5% rating"'
        values = [(at, v) for at, v in values if 0 < v <= 100 and not any(a < at < b for a, b in speech)]
        if not values:
            continue
        ents = list(ctx.sentence_mentions(sentence))
        series = [(t.idx - sentence.start_char, EntityRef(e.name, "TVSeries")) for t, e, cls in ents if cls in ("TVSeries", "TITLE")]
        taken = [(t.idx - sentence.start_char, t.idx - sentence.start_char + len(t)) for t, _, _ in ents]
        shorts = _short_forms(text, known, series, taken)
        series += shorts + [s for s in _rated_subjects(ctx, sentence, ents, values) if s[0] not in dict(shorts)]
        series.sort(key=lambda s: s[0])
        rival = RIVALS.search(text)
        if rival and all(at < rival.start() for at, _ in values):  # "It topped with 4.4%, beating X": X is beaten, not rated
            series = [s for s in series if s[0] < rival.start()]
        if not series and not RATING_WORDS.search(text) and not POINTS_BACK.search(text):
            continue  # a figure of no series, unless "the drama" or "it" says which ("In Seoul, the drama drew 6.1%")
        if not series and SAME_EPISODE.search(text) and ctx.extraction.ratings:
            series = [(0, ctx.extraction.ratings[-1].series)]  # "the same episode scored 2.6%": the one just rated
        if not series:
            ref = ctx.antecedent(sentence[0], ("TVSeries",))
            # else a title still undecided but leaning to a series ('When "X" premiered on ENA ... It drew 2.1%')
            named = ctx.nearest_before(sentence[0], ("TITLE",)) if ref is None else None
            if named is not None and ctx.ballot.leader(named.name, WORKS)[0] == "TVSeries":
                ref = ctx.ref(named, ("TVSeries",))
            series = [(0, topic_over_aside(ctx, ref))] if ref else []  # "the show": the headline's, not one named in passing
        if not series and NOTE.match(text) and RATING_WORDS.search(text) and (focal := focal_work(ctx, "TVSeries")) is not None:
            series = [(0, focal)]  # a series page's note "3. Viewer ratings: episode 1 – 6.4%, ...": the page's series
        if not series:
            continue
        firm = next((EntityRef(e.name, "Organization") for _, e, cls in ents if cls == "Organization"), None)
        scope = "metropolitan" if re.search(r"metropolitan|Seoul", text, re.I) else "nationwide" if re.search(r"nationwide", text, re.I) else None
        evidence = ctx.evidence(sentence, "reader:rating-sentence", 0.85)
        pairs = _pair(series, values, lambda at: _subject_series(ctx, sentence, at, series))
        scoped = dict(_scoped_values(text))
        # One episode's figures: one figure, or one series' nationwide and Seoul figures
        # ("the first episode rated 8.9% nationwide and 10.6% in Seoul").
        one_episode = len(pairs) == 1 or len({name for name, _ in pairs}) == 1 \
            and sorted(scoped.get(value, "") for _, value in pairs) == ["metropolitan", "nationwide"]
        # "16.4% for episode 15 ..., then 19.2% for episode 16": a figure that names its own episode
        at_of = [at for at, _ in values] if len(pairs) == len(values) else [None] * len(pairs)
        clauses = [_clause_of(text, at) for at, _ in values]  # the clause of each figure
        listed = [int(n) for n in re.findall(r"\d{1,4}", m.group(1))] if (m := EPISODES_LISTED.search(text)) else []
        for k, ((name, value), at) in enumerate(zip(pairs, at_of)):
            for _, e, cls in ents:
                if e.name == name.name and cls in FAMILIES:  # a title, or a name a figure is stated of
                    ctx.decided[e.name] = "TVSeries"
            episode = _own_episode(text, at) if at is not None else None
            if episode is None and one_episode:
                episode = _episode(clauses[0])
            elif episode is None and at is not None and clauses.count(clauses[k]) == 1:
                episode = _episode(clauses[k])  # "episode 5 scored 6.2%, while episode 6 rose to 7.4%"
            if episode is None and len(listed) == len(pairs) > 1 and len({n for n, _ in pairs}) == 1:
                episode = listed[k]  # "episodes 5 and 6 earned 6.1% and 7.3%, respectively"
            if episode is None and at is not None:
                episode = _episode_just_before(text, at, [a for a, _ in values])
            ctx.extraction.ratings.append(RatingFact(name, value, evidence, episode, firm, scoped.get(value, scope)))


SAME_EPISODE = re.compile(r"\b(?:the same|that)\s+(?:episode|broadcast|night)\b", re.I)
EPISODES_LISTED = re.compile(r"\bepisodes\s+(\d{1,4}(?:\s*(?:,|and|, and|&)\s*\d{1,4})+)\b", re.I)
CLAUSE = re.compile(r",\s*(?:while|whereas|but)\s+|;\s+|\s+while\s+")


def _clause_of(text: str, at: int) -> str:
    """The clause of a sentence that holds offset ``at``."""
    start = 0
    for match in CLAUSE.finditer(text):
        if match.start() >= at:
            return text[start:match.start()]
        start = match.end()
    return text[start:]


def _after_number(text: str, end: int) -> str:
    """The words after a figure and the ones listed with it."""
    return re.sub(r"^(?:\s*(?:,|and|, and|or)\s*\d{1,3}(?:\.\d+)?)*", "", text[end:])


def _subject_series(ctx, sentence, at: int, series: list) -> EntityRef | None:
    """The series that is the subject of the clause a figure is stated in
    ("'One the Woman', which ... 'The Veil' ..., fell to 7.1 percent")."""
    token = sentence.doc.char_span(sentence.start_char + at, sentence.start_char + at + 1, alignment_mode="expand")
    if token is None:
        return None
    node = token.root
    by_offset = dict(series)
    for _ in range(6):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return next((by_offset[c.idx - sentence.start_char] for c in subjects if c.idx - sentence.start_char in by_offset), None)
        if node.head is node:
            return None
        node = node.head
    return None


def _pair(series: list, values: list, subject_of) -> list[tuple[EntityRef, Decimal]]:
    """Each figure with its series (see ``read_ratings``): the subject of
    its clause if that is a series, else the series it follows."""
    names = list(dict.fromkeys(ref for _, ref in series))
    if len(names) == len(values) > 1:
        return list(zip(names, (v for _, v in values)))
    if len(names) == 1:
        return [(names[0], v) for _, v in values]
    pairs = []
    for at, value in values:
        before = [ref for pos, ref in series if pos < at]
        pairs.append((subject_of(at) or (before[-1] if before else series[0][1]), value))
    return pairs


def _series_names(ctx) -> list[str]:
    """The series titles an article names (any mention typed or left a title)."""
    return list(dict.fromkeys(e.name for _, e in ctx.mention_tokens if ctx.class_of(e) in ("TVSeries", "TITLE")))


def _rated_subjects(ctx, sentence, ents, values) -> list:
    """In a sentence that names no series, an undecided name that is the
    subject of the verb a figure is the object of ("Terius got 6.3%") is
    the series rated."""
    out = []
    for token, ent, cls in ents:
        if cls not in ("PERSON", "ORG") or token.dep_ != "nsubj":
            continue
        verb = token.head
        if any(t.ent_type_ == "PERCENT" and t.head == verb for t in verb.children) or \
                any(c.dep_ in ("dobj", "attr") and c.ent_type_ == "PERCENT" for c in verb.children):
            out.append((token.idx - sentence.start_char, EntityRef(ent.name, "TVSeries")))
    return out


def _short_forms(text: str, known: list[str], found: list, taken: list) -> list:
    """Series a sentence names by a short form of a title named before:
    its first word ("Terius" for "Terius Behind Me") or the title with its
    last word in the other number ("Heart Surgeon")."""
    named = {ref.name for _, ref in found}
    out = []
    for title in known:
        if title in named:
            continue
        words = title.split()
        forms = set()
        if len(words) >= 3 and len(words[0]) >= 5 and words[0][0].isupper():
            forms.add(words[0])
        last = words[-1]
        forms.add(" ".join(words[:-1] + [last[:-1] if last.endswith("s") else last + "s"]))
        if words[0] == "The" and len(words) > 1:
            forms.add(" ".join(words[1:]))
        for form in forms:
            span = next(iter(whole_words(text, form, joined_after="'-")), None)  # the first, as re.search finds it
            if span and not any(a < span[1] and span[0] < b for a, b in taken if (a, b) != span):
                out.append((span[0], EntityRef(title, "TVSeries")))
                break
    return out


SCOPED = re.compile(r"(\d{1,3}(?:\.\d+)?)\s*(?:%|percent)\s+(?:(nationwide)|in\s+(?:the\s+)?(Seoul|metropolitan|capital))", re.I)


def _scoped_values(text: str) -> list[tuple[Decimal, str]]:
    """Figures each tied to a scope: "5.9 percent in Seoul", "5.8 percent nationwide"."""
    return [(Decimal(m.group(1)), "nationwide" if m.group(2) else "metropolitan") for m in SCOPED.finditer(text)]


EPISODE_AFTER = re.compile(r"[\d.]*\s*(?:%|percent|per cent)\s*(?:\w+\s+){0,2}?(?:for|in|on|with)\s+(?:the\s+)?"
                           r"(?:(?:episode|ep\.?)\s*(\d{1,4})|(\d{1,4})(?:st|nd|rd|th)\s+episode)\b", re.I)


def _own_episode(text: str, at: int) -> int | None:
    """The episode named right after the figure at ``at`` ("19.2% for episode 16")."""
    match = EPISODE_AFTER.match(text, at)
    return int(match.group(1) or match.group(2)) if match else None


def _episode_just_before(text: str, at: int, figures: list[int]) -> int | None:
    """The episode named before the figure at ``at`` in its clause, with no
    other figure between ("the 16th and last episode, aired Saturday, scored
    18.3%"; not "X aired its fourth episode, while Y recorded 7.1%")."""
    clause_start = max([m.end() for m in CLAUSE.finditer(text, 0, at)], default=0)
    since = max([f for f in figures if f < at] + [clause_start])
    found = list(EPISODE.finditer(text, since, at))
    return _episode(found[-1].group()) if found else None


def _episode(text: str) -> int | None:
    match = EPISODE.search(text)
    if not match:
        return None
    number, nth, word = match.groups()
    return int(number or nth) if (number or nth) else lexicon()["ordinals"].get(word.lower())
