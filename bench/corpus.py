"""A deterministic corpus of N realistic entertainment-news articles.

    python bench/corpus.py 1000 -o /tmp/corpus          # a folder of .txt (first line = headline)
    python bench/corpus.py 1000 -o /tmp/corpus.jsonl    # one .jsonl (id, title, date, url, text)

Names, groups, broadcasters, platforms, charts and ratings firms come from
the gazetteer (kg/data/gazetteer.jsonl) and from romanised Korean names;
titles are drawn from word lists; each article mixes 10-16 sentences from
templates in the style of entertainment news (OSTs, casting, chart runs,
viewership ratings, album releases, filler). Article i depends only on
(seed, i), so the first 1,000 articles of a 10,000 corpus are the 1,000
corpus, and every run writes the same bytes.
"""
from __future__ import annotations

import argparse
import json
import random
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SURNAMES = ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Oh", "Seo", "Shin",
            "Kwon", "Hwang", "Ahn", "Song", "Yoo", "Hong", "Jeon", "Go", "Moon", "Son", "Bae", "Baek", "Heo", "Nam"]
SYLLABLES = ["Min", "Ji", "Soo", "Hyun", "Woo", "Jin", "Young", "Hye", "Seung", "Eun", "Yeon", "Joon", "Hee", "Sung",
             "Jae", "Ho", "Da", "Ha", "Yoon", "Na", "Ra", "Bin", "Kyung", "Tae", "Won", "Sun", "Mi", "Jun", "Hoon", "Ah"]
WORDS = ["Moon", "Spring", "Night", "Blue", "Star", "Garden", "River", "Winter", "Summer", "Light", "Rain", "Heart",
         "Dream", "Secret", "Road", "Sky", "City", "Flower", "Ocean", "Shadow", "Golden", "Silver", "Last", "First",
         "Crown", "Letter", "Promise", "Memory", "Island", "Fire", "Snow", "Wind", "Echo", "Mirror", "Paper", "Glass"]
SHAPES = ["{a} {b}", "The {a} {b}", "{a} of {b}", "My {a}", "{a}", "{a} and {b}", "Our {a} {b}", "Hello, {a}"]
DAYS = ["Monday-Tuesday", "Wednesday-Thursday", "Friday-Saturday", "Saturday-Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def gazetteer() -> dict[str, list[str]]:
    names: dict[str, set[str]] = {}
    for line in (ROOT / "kg" / "data" / "gazetteer.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            if isinstance(record["pattern"], str):
                names.setdefault(record["label"], set()).add(record["id"])
    return {label: sorted(values) for label, values in names.items()}


GAZ = gazetteer()
FIRMS = [f for f in ("Nielsen Korea", "TNmS") if f in GAZ.get("Organization", [])] or ["Nielsen Korea"]
SONG_CHARTS = [c for c in GAZ["Chart"] if "Album" not in c and "200" not in c] or GAZ["Chart"]


class Writer:
    def __init__(self, seed: int, i: int):
        self.r = random.Random(f"{seed}:{i}")
        self.i = i

    def person(self) -> str:
        r = self.r
        return f"{r.choice(SURNAMES)} {r.choice(SYLLABLES)} {r.choice(SYLLABLES).lower().capitalize()}"

    def title(self) -> str:
        r = self.r
        return r.choice(SHAPES).format(a=r.choice(WORDS), b=r.choice(WORDS))

    def when(self) -> date:
        return date(2015, 1, 1) + timedelta(days=self.r.randrange(3650))

    def day(self, d: date) -> str:
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"

    def article(self) -> dict:
        r = self.r
        published = self.when()
        drama, song, album = self.title(), self.title(), self.title()
        singer, actor, actress, director, composer = (self.person() for _ in range(5))
        group = r.choice(GAZ.get("MusicGroup", ["NewJeans"]))
        station = r.choice(GAZ.get("Broadcaster", ["KBS"]))
        platform = r.choice(GAZ.get("Platform", ["Melon"]))
        chart, chart2 = r.sample(SONG_CHARTS, 2)
        firm = r.choice(FIRMS)
        rating, rating2 = round(r.uniform(1.5, 25.0), 1), round(r.uniform(1.5, 25.0), 1)
        episode = r.randint(1, 16)
        rank, rank2 = r.randint(1, 100), r.randint(1, 50)
        streams = r.randint(10_000, 90_000_000)
        performer = r.choice([singer, group])
        headline = r.choice([
            f'{performer} sings OST "{song}" for {station} drama "{drama}"',
            f'"{drama}" rises to {rating}% as {actor} and {actress} heat up the screen',
            f'{group}\'s "{song}" enters the {chart} at No. {rank}',
            f'{actress} confirmed to star in new {station} drama "{drama}"',
            f'{singer} returns with album "{album}"',
        ])
        sentences = [
            f'{performer} will sing "{song}", the OST of {station}\'s {r.choice(DAYS)} drama "{drama}".',
            f'"{song}" is sung by {performer} and was released on {self.day(self.when())}.',
            f'The {station} drama "{drama}" stars {actor} and {actress}.',
            f'Directed by {director}, "{drama}" follows a {r.choice(["chef", "lawyer", "detective", "doctor"])} '
            f'who {r.choice(["returns to her hometown", "loses his memory", "meets a stranger", "opens a cafe"])}.',
            f'According to {firm}, episode {episode} of "{drama}" recorded a nationwide rating of {rating} percent.',
            f'The previous episode had scored {rating2} percent in the metropolitan area.',
            f'"{song}" ranked No. {rank} on the {chart} and No. {rank2} on the {chart2}.',
            f'{group}\'s "{song}" topped the {chart} for the week of {self.day(self.when())}.',
            f'The song, composed by {composer}, has been streamed {streams:,} times on {platform}.',
            f'{singer} released the album "{album}" on {self.day(self.when())}, featuring the title track "{song}".',
            f'"{song}" is the {r.choice(["first", "second", "third"])} track of "{album}".',
            f'{actress} is likely to star in the {station} drama "{self.title()}", her agency said.',
            f'"{drama}" is also available on {platform} in {r.choice(GAZ.get("Place", ["Japan"]))}.',
            f'{actor} (as {self.person()}) and {actress} (as {self.person()}) lead the cast.',
            f'Meanwhile, {group} will hold a fan meeting in {r.choice(GAZ.get("Place", ["Seoul"]))} next month.',
            f'Fans praised the chemistry between the leads, calling it "{r.choice(["unbelievable", "heartwarming", "perfect"])}".',
            f'The production team said, "We are grateful for the love the viewers have shown."',
            f'Stay tuned for more updates on {actor}.',
            f'Netizens commented, "The {r.choice(WORDS).lower()} scene was the best."',
            f'The drama airs every {r.choice(DAYS).split("-")[0]} at {r.randint(8, 10)} p.m. KST.',
        ]
        body = r.sample(sentences, r.randint(10, 16))
        paragraphs, k = [], 0
        while k < len(body):
            step = r.randint(2, 4)
            paragraphs.append(" ".join(body[k:k + step]))
            k += step
        byline = f"By {self.person()} | {published.isoformat()}"
        return {"id": f"a{self.i:07d}", "title": headline, "date": published.isoformat(),
                "url": f"https://news.example.com/{published.year}/{self.i}",
                "text": "\n\n".join([byline, *paragraphs])}


def articles(n: int, seed: int = 1):
    for i in range(n):
        yield Writer(seed, i).article()


def write(n: int, out: Path, seed: int = 1) -> int:
    """Write N articles to OUT (a .jsonl file, else a folder of .txt);
    returns the number of words written."""
    out = Path(out)
    words = 0
    if out.suffix == ".jsonl":
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as handle:
            for record in articles(n, seed):
                words += len(record["title"].split()) + len(record["text"].split())
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        out.mkdir(parents=True, exist_ok=True)
        for record in articles(n, seed):
            words += len(record["title"].split()) + len(record["text"].split())
            (out / f"{record['id']}.txt").write_text(f"{record['title']}\n\n{record['text']}\n", encoding="utf-8")
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("-o", "--output", type=Path, default=None, help="folder of .txt, or a .jsonl file")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    out = args.output or Path(f"/tmp/kg-corpus-{args.n}")
    words = write(args.n, out, args.seed)
    print(f"written: {out} ({args.n} articles, {words:,} words)")


if __name__ == "__main__":
    main()
