"""Title runs: the tokens a title spans from where it starts or ends.
Capitalised words and numbers in digits, small words between them; after
a cue, the lower-case words of another language to the end of the clause;
before a "(year)", back to a comma or a verb; and the titles listed after
one ("A, B and C"); and a title the NER proposes, cleaned at its ends."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..data import lexicon
from ..nlp import text_of
from .spans import POSSESSIVE, VALUE_LABELS
from .values import PART_WORD

# Capitalised words that end a title run: days, months, time zones ("aired Terius Behind Me on Thurs"),
# but not after "the" ("Descendants of the Sun").
STOPPERS = set(lexicon()["title_run_stoppers"])
SMALL_WORDS = frozenset(lexicon()["title_run_small_words"]["words"])
CONTRACTION = re.compile(r"n't|n’t|'(?:re|ll|ve|m|d)|’(?:re|ll|ve|m|d)|na|ta")  # gon-na, got-ta
PARTICIPLE = re.compile(r"[a-z]{3,}(?:ing|ed|en)")
CLAUSE_ENDS = {".", ",", "(", ";", ":", "!", "?"}
KIND_CUES = frozenset(w.lower() for cls, words in lexicon()["title_cues_before"].items() if not cls.startswith("_")
                      for w in words)  # "thriller", "rom-com": the kind of work a title is
PART_NUMBER = re.compile(rf"(?i)(?:(?:the|its|their|his|her|drama|ost|soundtrack)\s+)*(?:{PART_WORD})\s*\.?\s*\d{{1,2}}")
LIST_SOURCES = frozenset(lexicon()["title_run_small_words"]["list_sources"])  # "A and B from X": where the titles listed are from
YEAR = re.compile(r"(?:19|20)\d\d(?:-\d\d(?:\d\d)?)?")


def split_at_and(tokens: list[Token], run: tuple[int, int]) -> list[tuple[int, int]]:
    """A run after a plural cue, as the titles it lists: split at an "and"
    between capitalised words ("A and B"), else the run itself."""
    start, end = run
    for k in range(end - 2, start, -1):
        if tokens[k].lower_ == "and" and tokens[k + 1].text[:1].isupper() and tokens[k - 1].text[:1].isupper():
            # "the songs Love Of Iris and Do Not Forget from IRIS": where both are from, no part of the last
            source = next((j for j in range(k + 2, end - 1) if tokens[j].lower_ in LIST_SOURCES), end)
            return [(start, k), (k + 1, source)]
    return [run]


def listed_after(tokens: list[Token], run: tuple[int, int], taken: bytearray, not_titles: set) -> list[tuple[int, int]]:
    """The titles listed after one a cue found: "his roles in A, B and C",
    "the dramas A, B, and more". Only a list that closes as one does ("and
    C", "and more", "etc.", a closing parenthesis), so a clause after a
    comma stays a clause. An item another reader named already is passed
    over ("five songs: A, B, C and D", B named before)."""
    items, end = [], run[1]
    while end + 1 < len(tokens) and tokens[end].text == ",":
        start = end + 1 + (tokens[end + 1].lower_ == "and")
        if tokens[start].lower_ in ("more", "others", "etc", "etc."):
            return _untaken(items)
        after = title_run(tokens, start, taken, not_titles) or _named_run(tokens, start, taken)
        if not after:
            return []
        items.append(after)
        end = after[1]
        if tokens[start - 1].lower_ == "and":
            return _untaken(items)
    if end + 1 < len(tokens) and tokens[end].lower_ == "and":
        last = title_run(tokens, end + 1, taken, not_titles)
        return _untaken(items) + [last] if last else []
    if len(items) > 1 and len(items[-1]) == 2 and len(last := split_at_and(tokens, items[-1])) > 1:
        return _untaken(items[:-1]) + last  # "five songs: A, B, C and D": the run after the last comma holds the last two
    return _untaken(items) if items and end < len(tokens) and tokens[end].text == ")" else []  # "(dramas A, B)"


def _named_run(tokens: list[Token], start: int, taken: bytearray) -> tuple[int, int, bool] | None:
    """The tokens from ``start`` that a mention already covers, as a list item to pass over."""
    end = start
    while end < len(tokens) and taken[tokens[end].idx]:
        end += 1
    return (start, end, True) if end > start else None


def _untaken(items: list) -> list[tuple[int, int]]:
    return [item[:2] for item in items if len(item) == 2]


def seasons_after(tokens: list[Token], end: int) -> bool:
    """Does "'s second season" or "'s new season" start at token ``end``?
    Only a series has seasons."""
    words = [t.lower_ for t in tokens[end:end + 4]]
    if not (words[:1] in (["'s"], ["'"], ["’s"]) and "season" in words[1:4]):
        return False
    season = tokens[end + 1 + words[1:].index("season")]
    # the words between modify "season" ("'s second season"); not a closing quote's verb ("'X' became the season's hit")
    return all((t.ent_type_ == "ORDINAL" or t.is_lower) and (season in t.ancestors or not t.doc.has_annotation("DEP"))
               for t in tokens[end + 1:season.i])


def _dated(tokens: list[Token], j: int) -> bool:
    """Is the day, month or zone word at ``j`` a date's? Not between two
    words of a title ("Lazy Sunday Detectives"); else a full name always
    ("on Monday"); a short one after "on" or before a number ("on Sun",
    "Mar 3"), not "Paper Sun" or "Midnight Sun"."""
    following = tokens[j + 1] if j + 1 < len(tokens) else None
    if following is not None and following.is_title and following.text not in STOPPERS and tokens[j - 1].is_title:
        return False  # "Lazy Sunday Detectives", "Black Friday Sale": inside a title
    if j > 1 and tokens[j - 1].lower_ in ("to", "of", "for") and tokens[j - 2].is_title and tokens[j - 2].text not in STOPPERS \
            and not (following is not None and following.like_num):
        return False  # "Letters to April", "Ghosts of August": a title's last word ("from March to April" is a date)
    if len(tokens[j]) > 4 or tokens[j].text.isupper():
        return True
    return tokens[j - 1].lower_ in ("on", ",") or following is not None and following.like_num


def title_run(tokens: list[Token], i: int, taken: bytearray, not_titles: set) -> tuple[int, int] | None:
    """Tokens ``i``.. as a title: capitalised words or numbers in digits
    ("The first" is no title), with small words between them, in one
    sentence, touching no other mention."""
    if i + 1 < len(tokens) and tokens[i].text in STOPPERS and tokens[i + 1].text[:1].isdigit():
        return None  # "Weekend dramas, Mar 1-2:": a date
    last = None
    j = i
    while j < len(tokens) and j - i < 10:
        t = tokens[j]
        if (j > i and (t.is_sent_start or t.text in STOPPERS and tokens[j - 1].lower_ != "the" and _dated(tokens, j))) \
                or taken.find(1, t.idx, t.idx + len(t)) >= 0 \
                or t.text.count("'") > 1 \
                or j > i and t.text in ("No", "No.") and j + 1 < len(tokens) and (tokens[j + 1].text == "." or tokens[j + 1].like_num) \
                and not tokens[j - 1].text[:1].isupper() \
                or j > i and t.lower_ in SMALL_WORDS and t.lower_ not in ("the", "a", "an") and j + 1 < len(tokens) \
                and tokens[j + 1].ent_type_ in ("DATE", "TIME", "PERCENT") and tokens[j + 1].text[:1].isdigit():
            break  # "ENA's'Extraordinary": no one word; "album Echo Park on 12 March 2012": a date after the title,
            # "EP Deep Water at No. 3": a rank ("Courtroom No. 7" is a title)
            # ("MBC's Single Life Diary at 7.6%": a rating)
        if t.text[:1].isupper() or t.text[:1].isdigit() \
                or (j > i and last == j - 1 and CONTRACTION.fullmatch(t.lower_) and not tokens[j - 1].whitespace_):
            last = j  # "Can't Lose!": the tokenizer's "Ca" + "n't" is one word
        elif t.text == "." and last == j - 1 and j + 1 < len(tokens) and tokens[j + 1].text[:1].isdigit() \
                and (tokens[j - 1].text in ("Vol", "Pt") or j - 1 > i and tokens[j - 1].text == "No"):
            pass  # "Sweet Static Vol. 2", "Courtroom No. 7": the number is the title's
        elif not (t.lower_ in SMALL_WORDS and j > i) and not (t.text in "!?" and last == j - 1 and not tokens[j - 1].whitespace_) \
                or t.text == "?" and (j + 1 == len(tokens) or tokens[j + 1].is_sent_start or tokens[j + 1].is_space):
            break  # "..., the theme song of Rainy Day Detective?": the question's mark, not the title's
        elif t.text in "!?":
            last = j
        j += 1
    if last is not None and last > i + 1 and tokens[last].like_num and tokens[last - 1].lower_ in SMALL_WORDS \
            and last + 1 < len(tokens) and tokens[last + 1].is_lower and tokens[last + 1].is_alpha:
        last -= 1  # "Velvet Tide and the 2021 film X": the year is the next work's, and so are the small words before it
        while last > i and tokens[last].lower_ in SMALL_WORDS:
            last -= 1
    if last is None or not tokens[i].text[:1].isupper() and not tokens[i].text[:1].isdigit():
        return None
    if last + 2 < len(tokens) and tokens[last + 1].text == "-" and not tokens[last].whitespace_ \
            and not tokens[last + 1].whitespace_ and tokens[last + 2].is_lower:
        return None  # "The 12-part series", "a Seoul-based label": a modifier, not a title
    if last == i and (tokens[i].text in not_titles or tokens[i].lower_ in SMALL_WORDS or len(tokens[i]) < 2
                      or tokens[i].is_stop and tokens[i].is_sent_start  # "Everyone saying it'll pass 10%": a pronoun
                      or tokens[i].is_sent_start and tokens[i].dep_ in ("prep", "mark", "advmod", "cc")  # "Unlike 'X', ..."
                      # "Earlier parts of the soundtrack were": a word that describes the noun after it
                      or tokens[i].is_sent_start and tokens[i].dep_ == "amod" and i + 1 < len(tokens) and tokens[i + 1].is_lower
                      or PARTICIPLE.fullmatch(tokens[i].lower_) and tokens[i].is_sent_start
                      or tokens[i].ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL")):
        return None  # one word: a cue, a small word, a participle opening a sentence ("Written and directed by"), a date
    if all(t.lower_ in SMALL_WORDS or t.text in not_titles or t.text.capitalize() in not_titles for t in tokens[i:last + 1]) \
            or only_calendar_words(" ".join(t.text for t in tokens[i:last + 1])) \
            or PART_NUMBER.fullmatch(" ".join(t.text for t in tokens[i:last + 1])):
        return None  # "The OST", "The Drama": an article and a cue; "Mondays and Tuesdays": when it airs; "OST Part 1": which part, its title follows
    if all(t.ent_type_ in ("DATE", "TIME") or t.lower_ in SMALL_WORDS for t in tokens[i:last + 1]) \
            and any(t.is_digit for t in tokens[i:last + 1]):
        return None  # "aired May 21, 1980", "In 2009, the song": a date ("The Next Three Days" may be a title)
    return i, _edition_after(tokens, last + 1)


ALBUM_TITLE_WORDS = frozenset(lexicon()["album_title_words"]["words"])
SOUNDTRACK_EDITIONS = frozenset(lexicon()["album_title_words"]["soundtrack_editions"])


def _edition_after(tokens: list[Token], end: int) -> int:
    """The end of a title with the edition in brackets after it, which is
    part of the record's name: "The Quince Shore (Original Motion Picture
    Soundtrack)" is the album, "The Quince Shore" the film; "BE (Deluxe
    Edition)". Not "Stay With Me (Goblin OST)": whose soundtrack the song is."""
    close = next((k for k in range(end + 1, min(end + 8, len(tokens))) if tokens[k].text == ")"), None)
    if end < len(tokens) and tokens[end].text == "(" and close is not None \
            and all(t.text[:1].isupper() for t in tokens[end + 1:close]) \
            and (tokens[close - 1].text in ALBUM_TITLE_WORDS or tokens[end].doc[end + 1:close].text in SOUNDTRACK_EDITIONS):
        return close + 1
    if close is not None and tokens[end].text == "(" and _soundtrack_edition([t.text for t in tokens[end + 1:close]]):
        return close + 1  # "Ember Season (Soundtrack from the Netflix Series)"
    return end


EDITION_WORDS = lexicon()["album_title_words"]["soundtrack_edition_words"]


def _soundtrack_edition(words: list[str]) -> bool:
    """Do the words in brackets name a soundtrack's edition: an opener ("Original", "Soundtrack", "Music
    from") and "Soundtrack" or "Score" among them, or "Music from the ..."? Not "Goblin OST"."""
    return bool(words) and words[0] in EDITION_WORDS["openers"] and (
        any(w in EDITION_WORDS["nouns"] for w in words) or words[:2] == ["Music", "from"])


def foreign_tail(tokens: list[Token], run: tuple[int, int] | None, taken: bytearray) -> tuple[int, int] | None:
    """A title after a cue, with the lower-case words of another language
    that follow it to the end of the clause ("album Jazz ist anders.", "album
    Point de suture.", "Calma apparente (2005)"): words that are no English
    function word, no verb in the parse, no date, up to a comma, bracket,
    sentence end or "and"."""
    if run is None or tokens[run[0]].sent.root.i >= run[0]:
        return run  # the sentence's verb comes before the title: "The drama Grey's Anatomy returns." may end in one
    # set off by commas, the title's own words may be parsed as a verb with it as subject ("album, La Vie avant la mort,")
    apposed = run[0] > 0 and tokens[run[0] - 1].text == ","
    j, foreign, verb = run[1], 0, False
    while j < len(tokens) and j - run[1] < (8 if apposed else 5):
        t = tokens[j]
        if t.is_sent_start or taken.find(1, t.idx, t.idx + len(t)) >= 0 or t.ent_type_ in ("DATE", "TIME"):
            break  # "Verdict at Dawn airs Saturday.": an English verb the parse took for a noun, then a day
        if t.text in CLAUSE_ENDS or t.lower_ in ("and", "or"):
            return (run[0], j) if foreign and (not verb or apposed and t.text == ",") else run
        if t.is_alpha and t.is_lower and not t.is_stop and t.ent_type_ not in VALUE_LABELS and t.dep_ != "ROOT" \
                and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in t.children):
            foreign += 1
            verb = verb or any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
        elif not (t.is_alpha and t.is_title):
            break
        j += 1
    return (run[0], j) if foreign and j == len(tokens) else run


def title_run_before(tokens: list[Token], paren: int, taken: bytearray, not_titles: set) -> tuple[int, int] | None:
    """The title that ends right before a "(2019)": the longest run of
    capitalised and small words back to a comma, a verb or a mention. After
    "a" or "an" the run is a kind, not a title ("a 1924 American Northern
    drama")."""
    start = paren
    while start > 0:
        t = tokens[start - 1]
        if t.is_sent_start and start - 1 < paren - 1 and not t.text[:1].isupper():
            break
        if taken.find(1, t.idx, t.idx + len(t)) >= 0 or _possessor_ends(tokens, start - 1, paren):
            break
        if t.text[:1].isupper() or t.like_num or t.lower_ in SMALL_WORDS or t.text in "!?" \
                or CONTRACTION.fullmatch(t.lower_) and start > 1 and not tokens[start - 2].whitespace_:
            start -= 1  # "Don't Wake Me in Spring": the tokenizer's "Do" + "n't" is one word
            if t.is_sent_start:
                break
        else:
            break
    while start < paren and (tokens[start].lower_ in SMALL_WORDS - {"the", "a", "an"} or not tokens[start].text[:1].isupper()):
        if tokens[start].lower_ in ("a", "an"):
            return None
        start += 1
    return title_run(tokens, start, taken, not_titles) if start < paren else None


def _possessor_ends(tokens: list[Token], i: int, paren: int) -> bool:
    """Is token ``i`` the "'s" of an owner before the title ("Martin Scorsese's The Departed
    (2006)", "director Kim's Salt Road (2019)"), not of the title ("Schindler's List (1993)")?
    It is when an article follows it or a person's name ends before it."""
    return tokens[i].lower_ in ("'s", "'") and i + 1 < paren and i > 0 \
        and (tokens[i + 1].lower_ in ("the", "a", "an") or tokens[i - 1].ent_type_ == "PERSON")


def with_comma_part(tokens: list[Token], run: tuple[int, int], taken: bytearray, not_titles: set) -> tuple[int, int]:
    """In a list of dated titles ("A (2011), Kill Me, Heal Me (2015)") each
    item runs from one "(year)," to the next "(year)": a part with no year
    of its own, after a dated item and before a comma, opens the next title."""
    start, end = run
    part = start - 1  # the comma before the run, then back to the part's first word
    if part < 1 or tokens[part].text != ",":
        return run
    while part > 0 and start - part <= 6 and tokens[part - 1].text not in (",", "(", ")"):
        part -= 1
    dated = part >= 3 and tokens[part - 1].text == "," and tokens[part - 2].text == ")" and YEAR.fullmatch(tokens[part - 3].text)
    return (part, end) if dated and title_run(tokens, part, taken, not_titles) == (part, start - 1) else run


LEADING_YEAR = re.compile(r"(?:1[89]|20)\d\d [a-z]*[A-Z]")


def only_calendar_words(text: str) -> bool:
    """Is ``text`` made of days and months alone ("Wed/Thurs", "Mondays and
    Tuesdays"), or of a month and its days ("Mar 1-2")? When a show airs,
    not what it is called."""
    calendar = set(lexicon()["not_titles"]) | STOPPERS
    parts = [p for p in re.split(r"[\s/,&\-\u2013]+", text) if p and p.lower() not in ("and", "or")]
    days = [p for p in parts[1:] if p.isdigit()]
    return bool(parts) and (days and parts[0] in calendar and len(days) == len(parts) - 1
                            or all(p in calendar or p[-1:] == "s" and p[:-1] in calendar for p in parts))


def clean_title(span) -> tuple[int, int] | None:
    """A title the NER proposes, without the quotation marks, possessive or
    punctuation at its ends; None for a span with no letter or number, one
    across lines, or the first half of a compound ("Oscar-nominated")."""
    tokens = list(span)
    while tokens and (tokens[-1].text in {"'s", "'", "s"} or tokens[-1].is_punct and tokens[-1].text not in "!?)"):
        tokens.pop()
    while tokens and (tokens[0].is_punct or tokens[0].is_quote):
        tokens.pop(0)
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    text, after = text_of(span.doc)[start:end], text_of(span.doc)[end:end + 2]
    if "\n" in text or not any(c.isalnum() for c in text) or not (text[0].isupper() or text[0].isdigit()) \
            or after[:1] == "-" and after[1:].islower() or LEADING_YEAR.match(text) or only_calendar_words(text) \
            or text.lower() in KIND_CUES and tokens[0].is_sent_start:
        return None  # "a color 1955 Czechoslovak science fiction film": a year and a kind; "Thriller 'X' opens": a kind
    return start, end


def headlines(doc: Doc) -> set[int]:
    """Token indices of lines written in Title Case (headlines, section
    titles), where capitals mark no names. Read line by line: a headline
    may hold several sentences ("... Music Chart... 'Unbelievable Success'")."""
    found, start = set(), 0
    text = text_of(doc)
    for line in text.split("\n"):
        span = doc.char_span(start, start + len(line), alignment_mode="expand") if line.strip() else None
        start += len(line) + 1
        if span is None or line.rstrip().endswith("."):
            continue  # a line that ends as a sentence does is one, whatever its capitals
        # names the rulers know and quoted titles are capitalised anyway (a company's is any words before a
        # suffix: "Breaks Records"); the model's spans may cover a whole headline
        words = [t for t in span if t.is_alpha and len(t) > 3 and not (t.ent_id_ not in ("", "company") or t.ent_type_ == "TITLE")]
        if len(words) >= 3 and sum(t.text[:1].isupper() for t in words) >= 0.8 * len(words):
            found.update(range(span.start, span.end))
    return found


def owned_title(tokens: list[Token], words: list[str], noun: int, taken: bytearray, not_titles) -> tuple[int, int] | None:
    """The title between an owner's "'s" and the work noun at ``noun``
    ("Dayline's Blue Hour EP"); not a kind or a place ("Netflix's Korean
    drama", "the actor's Hollywood film"), nor a name."""
    owner = next((j for j in range(noun - 1, max(0, noun - 9), -1) if words[j] in POSSESSIVE), None)
    if owner is None:
        return None
    run = title_run(tokens, owner + 1, taken, not_titles)
    run = run and (run[0], min(run[1], noun))  # a capitalised noun ("EP") may run on with the title
    if not run or run[1] != noun or run[0] != owner + 1 \
            or run[1] - run[0] == 1 and tokens[run[0]].ent_type_ in ("NORP", "GPE", "LOC", "DATE", "PERSON", "ORG") \
            or tokens[run[0]].ent_type_ == "ORDINAL" or tokens[run[0]].text[:1].isdigit():
        return None  # "G's 3rd Mini Album [X]": which of G's records, not its title
    return run
