"""Each pattern family on sentences written for these tests, worded unlike
the sample and dev articles, with the real model."""
from datetime import date

import pytest


def facts(extraction):
    return {(f.subject.name, f.predicate, getattr(f.object, "name", None) or f.object.lexical) for f in extraction.facts}


def entries(extraction):
    return {(c.entry.name, c.chart.name, c.rank) for c in extraction.chart_entries}


def ratings(extraction):
    return {(r.series.name, str(r.value), r.episode) for r in extraction.ratings}


OST = [
    ('Theme news\n\n"Falling Petals", the theme song of the JTBC drama "Moonlit Sea", was sung by Kwon Jin Ah.',
     {("Falling Petals", "soundtrackOf", "Moonlit Sea"), ("Falling Petals", "performer", "Kwon Jin Ah"),
      ("Moonlit Sea", "broadcaster", "JTBC")}),
    ('OST news\n\nThe "Harbor Lights" OST Part 2 "Tidal" is performed by Yoon Mi Rae.',
     {("Tidal", "soundtrackOf", "Harbor Lights"), ("Tidal", "performer", "Yoon Mi Rae")}),
    ('Album news\n\nThe soundtrack of "Winter Garden" includes "Snow Road", sung by the duo Davichi.',
     {("Snow Road", "soundtrackOf", "Winter Garden")}),  # a song named: no OST album (CONVENTIONS rule 18)
]

WRITERS = [
    ('Credits\n\n"Starlight Avenue" is a ballad composed by Kim Eana and Jo Yoon Kyung.',
     {("Starlight Avenue", "composer", "Kim Eana"), ("Starlight Avenue", "composer", "Jo Yoon Kyung")}),
    ('Credits\n\nLee Min Soo penned the lyrics for "Paper Crane".',
     {("Paper Crane", "lyricist", "Lee Min Soo")}),
]

CAST = [
    ('Casting\n\n"Spring Letter", starring Park Bo Young and Ahn Hyo Seop, airs on SBS.',
     {("Spring Letter", "castMember", "Park Bo Young"), ("Spring Letter", "castMember", "Ahn Hyo Seop"),
      ("Spring Letter", "broadcaster", "SBS")}),
    ('Casting\n\nThe MBC series "River Song" follows Han Seo Jun (Hwang In Yeop), a rookie doctor.',
     {("River Song", "castMember", "Hwang In Yeop"), ("River Song", "broadcaster", "MBC")}),
    ('Casting\n\nThe film "Glass Garden" was directed by Choi Dong Hoon.',
     {("Glass Garden", "director", "Choi Dong Hoon")}),
]

GROUPS = [
    ("Idol news\n\nTWICE's Nayeon and Red Velvet's Seulgi joined the show.",
     {("Nayeon", "memberOf", "TWICE"), ("Seulgi", "memberOf", "Red Velvet")}),
    ("Idol news\n\nKim Tae Rae of the boy group ZEROBASEONE hosted the event.",
     {("Kim Tae Rae", "memberOf", "ZEROBASEONE")}),
]

TRACKS = [
    ('Album news\n\n"Neon Tide", the second track of "Blue Hour", features a piano.',
     {("Neon Tide", "inAlbum", "Blue Hour"), ("Neon Tide", "trackNumber", "2")}),
]


@pytest.mark.parametrize("text, expected", OST + WRITERS + CAST + GROUPS + TRACKS)
def test_relation_families(read, text, expected):
    found = facts(read(text))
    assert expected <= found, expected - found


def test_chart_on_a_named_chart_with_its_publisher(read):
    ex = read("Chart news\n\n\"Glow Up\" debuted at No. 3 on the Billboard Hot 100.")
    assert ("Glow Up", "Billboard Hot 100", 3) in entries(ex)
    assert ("Billboard Hot 100", "chartProvider", "Billboard") in facts(ex)


def test_chart_countries_only_locate_the_ranking(read):
    """A country that only locates a ranking gives no market (CONVENTIONS 36):
    one entry on the service's chart, whatever the countries listed."""
    ex = read('Chart news\n\nHer album "Echo" topped iTunes album charts in countries such as Chile, Peru and Norway.')
    assert entries(ex) == {("Echo", "iTunes album chart", 1)}
    assert not [f for f in ex.facts if f.predicate == "market"]


def test_chart_ranks_paired_with_charts_and_dated(read):
    ex = read('Chart news\n\n"Moonlight" placed second and fourth on Genie\'s daily chart and weekly chart on March 3, 2021.')
    assert entries(ex) == {("Moonlight", "Genie daily chart", 2), ("Moonlight", "Genie weekly chart", 4)}
    assert {c.start for c in ex.chart_entries} == {"2021-03-03"}


def test_rating_with_episode_scope_and_firm(read):
    ex = read('Ratings\n\nThe fourth episode of "Quiet Harbor" scored a metropolitan rating of 6.5 percent, according to TNmS.')
    (rating,) = ex.ratings
    assert (rating.series.name, str(rating.value), rating.episode, rating.scope, rating.firm.name) == (
        "Quiet Harbor", "6.5", 4, "metropolitan", "TNmS")


def test_ratings_paired_respectively(read):
    ex = read('Ratings\n\nThe dramas "North Star" and "Red Canyon" drew ratings of 11.2 and 9.8 percent, respectively.')
    assert ratings(ex) == {("North Star", "11.2", None), ("Red Canyon", "9.8", None)}


def test_release_dates_from_text_and_page_date(read):
    ex = read('Release\n\nThe single "Paper Plane" will be released on the 21st.', published=date(2023, 6, 2))
    assert ("Paper Plane", "releaseDate", "2023-06-21") in facts(ex)


def test_hedged_casting_is_kept_but_marked(read):
    ex = read('Casting\n\nSong Kang is reportedly set to star in the KBS drama "Spring Letter".')
    cast = [f for f in ex.facts if f.predicate == "castMember"]
    assert cast and all(f.evidence.hedged for f in cast)


def test_surname_and_given_name_point_back(read):
    ex = read('Profile\n\nActress Park Eun Bin stars in "Castaway Diva". Park said the role was hard, and Eun Bin cried.')
    aliases = {a for ref, names in ex.aliases.items() if ref.name == "Park Eun Bin" for a in names}
    assert {"Park", "Eun Bin"} <= aliases


def test_ratings_with_their_own_scope(read):
    ex = read('Ratings\n\nThe premiere of "North Star" scored 5.9 percent in Seoul and 5.2 percent nationwide.')
    assert {(r.series.name, str(r.value), r.scope) for r in ex.ratings} == {
        ("North Star", "5.9", "metropolitan"), ("North Star", "5.2", "nationwide")}


def test_cast_alongside_and_nominal_series(read):
    ex = read('Casting\n\nOh Yeon Seo will star alongside Ahn Jae Hyun in the MBC drama "Red Moon". '
              'The drama also stars Lee Joo Bin.')
    found = facts(ex)
    assert {("Red Moon", "castMember", n) for n in ("Oh Yeon Seo", "Ahn Jae Hyun", "Lee Joo Bin")} <= found


def test_ost_performer_and_soundtrack(read):
    ex = read('Night Songs\n\n"Paper Moon", the OST of SBS drama "Harbor Lights", is sung by Park Ji Hoon.')
    found = facts(ex)
    assert ("Paper Moon", "soundtrackOf", "Harbor Lights") in found
    assert ("Paper Moon", "performer", "Park Ji Hoon") in found
    assert ("Harbor Lights", "broadcaster", "SBS") in found


def test_cast_and_character_are_not_entities(read):
    ex = read('Cast news\n\nThe tvN drama "Winter Orchard" depicts Seo Min Ah (Han Yoo Ri) and her rival.')
    found = facts(ex)
    assert ("Winter Orchard", "castMember", "Han Yoo Ri") in found
    assert not any(m.ref.name == "Seo Min Ah" for m in ex.mentions)


def test_surname_points_back_to_full_name(read):
    ex = read('Film news\n\nActress Choi Yeon Hee directed the movie "Glass Garden". Critics praised Choi.')
    assert ("Glass Garden", "director", "Choi Yeon Hee") in facts(ex)


def test_rating_sentence(read):
    ex = read('Ratings\n\nEpisode 7 of "Blue Harbor" recorded a nationwide rating of 11.4 percent, according to Nielsen Korea.')
    assert [(r.series.name, str(r.value), r.episode, r.firm.name if r.firm else None) for r in ex.ratings] == [
        ("Blue Harbor", "11.4", 7, "Nielsen Korea")]


def test_chart_entry_per_service(read):
    ex = read('Chart news\n\nThe song "Glow Up" topped the real-time charts of Melon, Genie and Bugs.')
    assert {(c.entry.name, c.chart.name, c.rank) for c in ex.chart_entries} == {
        ("Glow Up", "Melon real-time chart", 1), ("Glow Up", "Genie real-time chart", 1), ("Glow Up", "Bugs real-time chart", 1)}


def test_hedged_fact_is_marked(read):
    ex = read('Casting\n\nKang Tae Oh is likely to star in the upcoming JTBC drama "Red Summit".')
    hedged = [f for f in ex.facts if f.predicate == "castMember"]
    assert hedged and all(f.evidence.hedged and f.evidence.confidence < 0.8 for f in hedged)
