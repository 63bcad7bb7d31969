"""Ingest: decoding, normalisation, noise stripping, dates, formats, errors."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from kg.ingest import IngestError, clean_text, find_date, iter_articles, read_article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def ingest(*inputs: Path) -> tuple[list, list[IngestError]]:
    errors: list[IngestError] = []
    return list(iter_articles(inputs, errors.append)), errors


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def test_txt_headline_then_blank_line_then_body(tmp_path):
    path = write(tmp_path / "007_abc.txt",
                 "\n\n  Nova Crew drops new single  \nThe five-piece band Nova Crew released \"Lantern\" today.\n")
    [article] = read_article(path)
    assert article.id == "007_abc"
    assert article.source == "007_abc.txt"  # a file given by itself: its name
    assert article.title == "Nova Crew drops new single"
    assert article.text == ("Nova Crew drops new single\n\n"
                            "The five-piece band Nova Crew released \"Lantern\" today.")


def test_clean_text_writes_a_tab_separated_rows_fields_as_pipes():
    """A row of three fields or more parted by tabs keeps its fields apart (as " | ", which the
    table readers know); a lone tab in a line is a space."""
    assert clean_text("01\tPaper Satellites\t\"Cardboard Moon\"\nDirected by\tNora Beck") == \
        '01 | Paper Satellites | "Cardboard Moon"\nDirected by Nora Beck'


def test_clean_text_reads_a_spaced_hyphen_as_a_dash():
    """"The band - A and B - recorded it": a hyphen with a space each side is a dash (the parser reads a
    dash as one); a hyphen inside a word, a range and a bullet stay."""
    assert clean_text("The band - A and B - recorded it in 2020-21.\n- a bullet\nJi-ahn") == \
        "The band \u2013 A and B \u2013 recorded it in 2020-21.\n- a bullet\nJi-ahn"


def test_clean_text_normalises_quotes_spaces_and_invisibles():
    raw = ("\u201cMoon Garden\u201d \u2018stars\u2019 \u00abHa Yeon\u00bb\u2026\u00a0and\u2003\tJo\u200bon   "
           "\r\n\r\n\r\n\r\n  Cafe\u0301 \u201eLast\u201f  \n")
    assert clean_text(raw) == "\"Moon Garden\" 'stars' \"Ha Yeon\"... and Joon\n\nCaf\u00e9 \"Last\""


def test_comment_section_and_everything_after_it_removed(tmp_path):
    path = write(tmp_path / "c.txt", "\n".join([
        "Actor Han Dae joins \u201cRiver Song\u201d",
        "Han Dae will play the lead in the new drama \u201cRiver Song\u201d.",
        "Source: Example News",
        "",
        "3 responses to \u201cActor Han Dae joins \u201cRiver Song\u201d\u201d",
        "  1. minji says :",
        "    So happy for him!",
        "    \u2022 bora says :",
        "      Me too, CHEERING_COMMENT",
        "  2. Kai says:",
        "    Best actor ever.",
    ]))
    [article] = read_article(path)
    assert article.text.endswith("Source: Example News")
    for noise in ("responses to", "says", "So happy", "CHEERING_COMMENT", "Best actor"):
        assert noise not in article.text


def test_numbered_comment_block_without_header_removed(tmp_path):
    path = write(tmp_path / "c.txt", "Headline\nBody sentence one.\n\n1. Ruthie says :\nGreat news!\n")
    assert read_article(path)[0].text == "Headline\n\nBody sentence one."


def test_wordpress_widget_and_page_chrome_removed(tmp_path):
    path = write(tmp_path / "w.txt", "\n".join([
        "Singer Ara tops the chart",
        "Also read: Ara's agency signs new rookies",
        "Ara's song \"Blue Hour\" ranked No. 1 on the weekly chart.",
        "SEE ALSO: Ten dramas to watch",
        "Share this:",
        "Twitter",
        "Click to share on Facebook (Opens in new window)",
        "The song was written by producer Kwon.",
        "Back to top button",
        "Submit News Tip",
        "Leave a Reply",
        "Fill in your details below or click an icon to log in:",
        "You are commenting using your WordPress.com account. Log Out / Change )",
        "Connecting to %s",
        "%d bloggers like this:",
    ]))
    [article] = read_article(path)
    assert article.text == ("Singer Ara tops the chart\n\n"
                            "Ara's song \"Blue Hour\" ranked No. 1 on the weekly chart.\n"
                            "The song was written by producer Kwon.")


def test_each_widget_line_cuts_on_its_own(tmp_path):
    for i, widget in enumerate(["Fill in your details below or click an icon to log in:",
                                "You are commenting using your Twitter account. Log Out / Change )",
                                "%d bloggers like this:", "Leave a Comment"]):
        path = write(tmp_path / f"w{i}.txt", f"Headline\nBody.\n{widget}\nWIDGET_TAIL\n")
        assert read_article(path)[0].text == "Headline\n\nBody.", widget


def test_content_lines_resembling_noise_are_kept(tmp_path):
    body = ("The director says the finale will surprise viewers.\n"
            "Back to the top of the chart went the song \"Comeback\".\n"
            "Leave a Light On is the title of her new album.")
    path = write(tmp_path / "k.txt", "Headline\n" + body)
    assert read_article(path)[0].text == "Headline\n\n" + body


@pytest.mark.parametrize("line, expected", [
    ("Posted by Minseo Saturday, May 14, 2022", date(2022, 5, 14)),
    ("\ud64d\uae38\ub3d9 \uae30\uc790\n\uc2b9\uc778 2021.10.15 20:24", date(2021, 10, 15)),
    ("By Kim Reporter\n\nPublished : July 29, 2024 - 14:54", date(2024, 7, 29)),
    ("K-POP 2017.09.20", date(2017, 9, 20)),
    ("Posted on April 3, 2012", date(2012, 4, 3)),
    ("March 23, 2011 @ 12:10 am", date(2011, 3, 23)),
    ("Updated 28 Jan. 2015", date(2015, 1, 28)),
    ("2019-10-29 09:00 KST", date(2019, 10, 29)),
    ("By Keith Lane\n07/21/2025", date(2025, 7, 21)),     # a US site's numeric date: month first
    ("21/07/2025 09:12", date(2025, 7, 21)),              # day first where the month cannot be 21
    ("Posted 21.07.2025", date(2025, 7, 21)),
    ("4.12.12", None),                                   # two-digit year: ambiguous
    ("Posted on Smarch 3, 2012", None),                  # not a month
    ("February 30, 2020", None),                         # no such day
    ("The drama premieres on January 27, 2023.", None),  # a sentence, not a byline
    ("a\nb\nc\nd\nMay 1, 2020", None),                   # too far down
    # a wire dateline before the first sentence, however long the line
    ("TOKYO, May 24, 2023 -- Boy group Nova Ring's third Japanese single, released on May 17, topped the chart.",
     date(2023, 5, 24)),
    ("SEOUL, Jan. 9, 2024 (Yonhap) -- The drama ended its run with 18 percent.", date(2024, 1, 9)),
    ("SEOUL, Jan. 9 (Yonhap) -- The drama ended its run with 18 percent.", None),  # no year printed
    ("Kamis, 28 Maret 2013", date(2013, 3, 28)),         # a date line in the site's own language
    ("Publié le 4 juillet 2019", date(2019, 7, 4)),
    ("Week of June 2–8, 2025", date(2025, 6, 2)),       # a week's round-up: its first day
    ("Chart period: Nov. 10 - 16, 2024", date(2024, 11, 10)),
])
def test_date_line_formats(tmp_path, line, expected):
    path = write(tmp_path / "d.txt", f"Headline\n{line}\n\nBody sentence.\n")
    [article] = read_article(path)
    assert article.published == expected
    assert line.splitlines()[-1].replace(" - ", " \u2013 ") in article.text  # the date line stays (a spaced hyphen a dash)
    assert find_date(line) == expected


@pytest.mark.parametrize("headline, expected", [
    ("News bites: June 18, 2022", date(2022, 6, 18)),          # a round-up's date after a separator
    ("Ratings: Sunday, May 5, 2024", date(2024, 5, 5)),
    ("K-drama ratings - 2024.05.03", date(2024, 5, 3)),
    ("BTS to release album on June 18, 2025", None),          # an event's date inside the headline
])
def test_a_date_that_ends_the_headline_is_the_publication_date(tmp_path, headline, expected):
    """A body with no byline date takes the date a headline ends with after a separator; a body's own date wins."""
    [article] = read_article(write(tmp_path / "d.txt", f"{headline}\n\nThe drama premieres next month on July 29.\n"))
    assert article.published == expected
    [article] = read_article(write(tmp_path / "e.txt", f"{headline}\nMay 1, 2020\n\nBody sentence.\n"))
    assert article.published == date(2020, 5, 1)


def test_jsonl_malformed_line_reported_with_number_good_lines_read(tmp_path):
    good = {"id": "j1", "url": "https://example.com/a", "title": "Band X returns",
            "date": "2023-06-01", "text": "Band X released \u201cAgain\u201d."}
    lines = [json.dumps(good), "", "{not json", json.dumps({"id": "", "text": "x"}),
             json.dumps({"id": "j2", "title": "Second", "text": "Second body.", "date": "June"}),
             json.dumps({"id": "j3", "title": "Third", "text": "Third body.", "date": None})]
    path = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    articles, errors = ingest(path)
    assert [a.id for a in articles] == ["j1", "j3"]
    first = articles[0]
    assert (first.title, first.text, first.published, first.url, first.source) == (
        "Band X returns", "Band X returns\n\nBand X released \"Again\".", date(2023, 6, 1),
        "https://example.com/a", "batch.jsonl")
    assert [str(e) for e in errors] == [
        f"{path}:3: invalid JSON (Expecting property name enclosed in double quotes)",
        f"{path}:4: missing 'id'",
        f"{path}:5: 'date' is not an ISO date: 'June'",
    ]
    assert errors[0].line == 3 and errors[0].path == str(path)


def test_utf16_bom_and_latin1_decoded(tmp_path):
    text = "Caf\u00e9 \u201cSeoul\u201d opens\nThe caf\u00e9 on Jongno opened on Monday.\n"
    utf16 = tmp_path / "u16.txt"
    utf16.write_bytes(text.encode("utf-16"))  # with BOM
    latin = write(tmp_path / "l1.txt", text.replace("\u201c", '"').replace("\u201d", '"'), "latin-1")
    cp1252 = write(tmp_path / "cp.txt", text, "cp1252")
    bom8 = tmp_path / "b8.txt"
    bom8.write_bytes(text.encode("utf-8-sig"))
    articles, errors = ingest(utf16, latin, cp1252, bom8)
    assert errors == []
    assert {a.title for a in articles} == {"Caf\u00e9 \"Seoul\" opens"}


def test_binary_and_empty_files_reported_by_name(tmp_path):
    image = tmp_path / "photo.txt"
    image.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    empty = write(tmp_path / "empty.txt", " \n\t\n")
    nothing = write(tmp_path / "nothing.html", "")
    good = write(tmp_path / "good.txt", "Headline\nBody.")
    articles, errors = ingest(image, empty, nothing, good)
    assert [a.id for a in articles] == ["good"]
    assert [str(e) for e in errors] == [f"{image}: binary file, not text",
                                        f"{empty}: empty article", f"{nothing}: empty article"]


def test_explicit_unknown_extension_and_missing_file_are_errors(tmp_path):
    pdf = write(tmp_path / "a.pdf", "Headline\nBody.")
    articles, errors = ingest(pdf, tmp_path / "gone.txt")
    assert articles == []
    assert [str(e) for e in errors] == [f"{pdf}: unsupported file type '.pdf'",
                                        f"{tmp_path / 'gone.txt'}: no such file or directory"]


HTML = """<!DOCTYPE html>
<html><head><title>Duo Lumen wins first trophy | Example News</title>
<meta property="og:title" content="Duo Lumen wins first trophy">
<meta property="article:published_time" content="2020-03-05T10:00:00+09:00">
<link rel="canonical" href="https://example.com/news/lumen">
<style>.SCRIPT_STYLE { color: red }</style>
<script>var x = "SCRIPT_TEXT";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/music">NAV_TEXT</a></nav>
<article><h1>Duo Lumen wins first trophy</h1>
<p>The duo Lumen won its first music show trophy on Thursday with the song \u201cFirefly\u201d, three weeks after its debut.</p>
<script>document.write("INLINE_SCRIPT")</script>
<p>The members thanked their agency and their fans, and promised to return with a full album later this year.</p>
</article>
<div id="comments" class="comments"><h3>2 Comments</h3>
<ol class="comment-list"><li class="comment"><p>Reader COMMENT_TEXT: this is the best song of the whole year,
I have listened to it a hundred times already and I love it so much.</p></li></ol></div>
<footer>FOOTER_TEXT</footer>
</body></html>"""


def test_html_main_text_and_metadata_via_trafilatura(tmp_path):
    [article] = read_article(write(tmp_path / "sub" / "lumen.html", HTML))
    assert article.id == "lumen"
    assert article.title == "Duo Lumen wins first trophy"
    assert article.text.startswith("Duo Lumen wins first trophy\n\nThe duo Lumen won")
    assert "\"Firefly\"" in article.text and "full album later this year." in article.text
    assert article.text.count("Duo Lumen wins first trophy") == 1
    for noise in ("SCRIPT", "NAV_TEXT", "FOOTER_TEXT", "color: red", "COMMENT_TEXT"):
        assert noise not in article.text
    assert article.published == date(2020, 3, 5)
    assert article.url == "https://example.com/news/lumen"


def test_html_text_a_browser_hides_is_not_read(tmp_path):
    page = HTML.replace("three weeks", "three weeks <span hidden>Ghost Band released \u201cFake Hit\u201d.</span>")
    page = page.replace("</article>", '<p style="DISPLAY: none">Shadow Crew topped the Melon chart.</p>'
                                      '<div style="visibility:hidden"><p>Phantom Five sang the OST.</p></div>'
                                      '<p hidden="until-found">Nova Crew toured Japan.</p></article>')
    [article] = read_article(write(tmp_path / "hidden.html", page))
    for hidden in ("Ghost Band", "Fake Hit", "Shadow Crew", "Phantom Five"):
        assert hidden not in article.text
    assert "three weeks" in article.text and "Nova Crew toured Japan." in article.text  # a search shows it


def test_bidi_controls_removed_zero_width_joiner_kept_inside_emoji():
    family, flag, coder = "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\U0001f3f3\ufe0f\u200d\U0001f308", \
        "\U0001f469\U0001f3fd\u200d\U0001f4bb"
    raw = f"Ara\u202e sgnos\u202c \u2066Lee\u2069 \u200fMin\u200e {family} {flag} {coder} Jen\u200dnie\u200d"
    assert clean_text(raw) == f"Ara sgnos Lee Min {family} {flag} {coder} Jennie"


def test_html_external_entity_not_resolved(tmp_path):
    secret = write(tmp_path / "secret.txt", "TOP_SECRET_VALUE")
    page = HTML.replace("<!DOCTYPE html>", f'<!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}">]>')
    page = page.replace("three weeks", "&x; three weeks")
    [article] = read_article(write(tmp_path / "x.htm", page))
    assert "TOP_SECRET_VALUE" not in article.text


def test_folder_read_recursively_in_sorted_order(tmp_path):
    for name in ["b/2.txt", "a/z.txt", "a/c/1.htm", "0.txt", "notes.md", "a/pic.jpg", ".hidden/h.txt"]:
        write(tmp_path / name, f"Headline {name}\nBody of {name}.")
    write(tmp_path / "a/c/1.htm", HTML)
    articles, errors = ingest(tmp_path)
    assert errors == []
    assert [a.source for a in articles] == ["0.txt", "a/c/1.htm", "a/z.txt", "b/2.txt"]


def test_ids_are_paths_in_the_input_folder_the_same_from_anywhere(tmp_path, monkeypatch):
    """archive/2019/0042.txt and archive/2020/0042.txt are two articles (ids
    2019/0042 and 2020/0042), and neither the id nor kg:sourceFile depends on
    where the archive is or how it was named on the command line."""
    archive = tmp_path / "archive"
    write(archive / "2019" / "0042.txt", "Old news\nBody.")
    write(archive / "2020" / "0042.txt", "New news\nBody.")
    write(archive / "2020" / "feed.jsonl", json.dumps({"id": "f1", "text": "From a feed."}))
    expected = [("2019/0042", "2019/0042.txt"), ("2020/0042", "2020/0042.txt"), ("f1", "2020/feed.jsonl")]
    articles, errors = ingest(archive)
    assert errors == [] and [(a.id, a.source) for a in articles] == expected
    monkeypatch.chdir(archive / "2019")
    articles, errors = ingest(Path(".."))
    assert errors == [] and [(a.id, a.source) for a in articles] == expected
    # A file given by itself: its name, as before.
    [alone] = read_article(archive / "2020" / "0042.txt")
    assert (alone.id, alone.source) == ("0042", "0042.txt")


def test_iter_articles_streams_and_reports_duplicate_ids(tmp_path):
    first = write(tmp_path / "x" / "same.txt", "One\nBody.")
    second = write(tmp_path / "y" / "same.txt", "Two\nBody.")
    errors: list[IngestError] = []
    stream = iter_articles([first, tmp_path / "missing.txt", second], errors.append)
    assert next(stream).title == "One" and errors == []  # nothing read ahead
    assert list(stream) == []
    assert [str(e) for e in errors] == [
        f"{tmp_path / 'missing.txt'}: no such file or directory",
        f"{second}: duplicate article id 'same' (first read from {first})"]


def test_seeds_cleaned():
    articles, errors = ingest(SEEDS)
    assert errors == []
    by_id = {a.id: a for a in articles}
    seed0 = by_id["000_ccb41357b12cf6b7"]
    assert seed0.text.startswith("[News] Ku Hye Sun's Piano Piece \"RAIN\" Takes No.1")
    assert seed0.text.endswith("Source: ygfamily")
    for noise in ("Daebak", "says :", "responses to", "Leave a Reply", "WordPress", "%d"):
        assert noise not in seed0.text
    seed1 = by_id["001_350b9675a44986e5"].text
    assert "[Soompi 2011] Soompi Recommends the Following Dramas!" in seed1
    assert "Japanese Release of \"Heartstrings\" OST to Feature Jung Yong Hwa's" in seed1
    assert seed1.endswith("very close to a kiss.")
    seed2 = by_id["002_da0e20ebe3606751"].text
    assert seed2.endswith("highest-rated tvN drama ever.")


def test_list_markers_are_taken_off_the_lines_they_open():
    from kg.ingest import clean_text, strip_noise
    body = strip_noise(clean_text("• Jo Seung-woo was cast.\n- Additionally, Jennie sang.\n★ \u201cEmber\u201d is out.\n-5 degrees"))
    assert body.split("\n") == ["Jo Seung-woo was cast.", "Additionally, Jennie sang.", '"Ember" is out.', "-5 degrees"]


def test_a_sentence_broken_across_lines_is_read_whole(tmp_path, nlp):
    """Pages that put each linked name on a line of its own break a sentence after "for", a
    possessive, "Starring" or a comma; a blank line and a line that ends a sentence still part."""
    from kg.extract import extract
    page = tmp_path / "remake.txt"
    page.write_text("Thriller Picked Up for Remake\n\nThe good news keeps coming for\ndirector HAN Seo-yul's\nfilm Salt Road. "
                    "Starring\nYOON Ha-rin,\nBAE Ji-an and\nOH Rae-won, the film follows a detective.\n"
                    "Rights were sold to\n\nNew paragraph.\nA heading\nThe last line.", encoding="utf-8")
    [article] = read_article(page)
    assert article.text.split("\n") == [
        "Thriller Picked Up for Remake", "",
        "The good news keeps coming for director HAN Seo-yul's film Salt Road. Starring YOON Ha-rin, BAE Ji-an and "
        "OH Rae-won, the film follows a detective.",
        "Rights were sold to", "", "New paragraph.", "A heading", "The last line."]
    found = {(f.subject.name, f.predicate, f.object.name) for f in extract(article, nlp(article.text)).facts}
    assert {("Salt Road", "castMember", name) for name in ("YOON Ha-rin", "BAE Ji-an", "OH Rae-won")} <= found


def test_a_title_in_angle_brackets_is_quoted_a_tag_or_comparison_is_not():
    """Korean press copy brackets titles, in ASCII too: "<Spectrum Theory>" reads as a quoted title."""
    assert clean_text("ORBIT 9 will release their first album <Salt Theory> on May 1.") == \
        'ORBIT 9 will release their first album "Salt Theory" on May 1.'
    kept = "Line one<BR>line two</P> where 3 < 5 and 7 > 2 <(c) Daily Star All rights reserved>"
    assert clean_text(kept) == kept
