"""Follower and stream counts (kg/extract/counts.py; CONVENTIONS 37-38), on invented sentences."""
import pytest


def counts(extraction):
    return {(f.subject.name, f.predicate, int(f.object.lexical)) for f in extraction.facts
            if f.predicate in ("followerCount", "streamCount")}


def test_counts_go_to_the_artist_or_song_of_their_clause(read):
    found = counts(read("News\n\nSinger Kim Ha-ra has 4.2 million Instagram followers, and her song 'Tide' recorded "
                        "3.1 million streams this week. Pearl Row have 6,118,004 followers on Spotify; rival group "
                        "Lumen Gate has 5,900,000."))
    assert found == {("Kim Ha-ra", "followerCount", 4200000), ("Tide", "streamCount", 3100000),
                     ("Pearl Row", "followerCount", 6118004), ("Lumen Gate", "followerCount", 5900000)}


def test_a_count_whose_clause_names_its_owner_only_as_a_subject_before(read):
    """ "The group now has ...", "It drew ...", and a song's own sentence told through its singer's single."""
    found = counts(read("News\n\nGirl group Pearl Row released 'Sweet Spot' in May. The group now has 9,412,660 "
                        "followers on Spotify, and 18.3 million monthly listeners. It drew 2,845,112 streams on the "
                        "day."))
    assert found == {("Pearl Row", "followerCount", 9412660), ("Sweet Spot", "streamCount", 2845112)}
    found = counts(read("News\n\nThree months after its quiet April release, T.ELLE's \"Neon Psalm\" refuses to go "
                        "away. The former dancer's solo single climbed to No. 9 on Spotify's Daily Top Songs Global "
                        "chart on July 12 and had racked up 212,456,000 streams as of Wednesday."))
    assert found == {("Neon Psalm", "streamCount", 212456000)}


@pytest.mark.parametrize("sentence", [
    "Velvet Hour's 'Lilac Signal' added more than 90 million streams.",
    "Velvet Hour's 'Lilac Signal' surpassed 500 million streams.",
    "Velvet Hour gained 800,000 followers since January.",
    "Velvet Hour now have just under six million followers.",
    "'Lilac Signal' passed 100 million total plays in May.",
    "Velvet Hour's 'Lilac Signal' has 12,000,000 views on YouTube and Velvet Hour has 2,000,000 subscribers.",
])
def test_thresholds_gains_and_other_units_are_no_counts(read, sentence):
    assert not counts(read("News\n\n" + sentence))


def test_a_running_count_as_of_a_date_is_a_count(read):
    """ "is surpassing N as of April 29" is the count on that day, not a milestone passed (the seed gold)."""
    found = counts(read("News\n\nActress Han Ye-ri keeps posting. The number of Han's followers on her Facebook "
                        "account is surpassing 4,670,000 as of April 29."))
    assert found == {("Han Ye-ri", "followerCount", 4670000)}


def test_a_title_nothing_found_takes_no_count_of_the_song_before(read):
    """An unrecognised subject owns its figure: the song named before does not get it."""
    found = counts(read("News\n\nAster Lane's 'Comet Diary' came out in March. Further down, Velvet Hour's Lilac "
                        "Signal, a year old now, recorded 90 million streams."))
    assert ("Comet Diary", "streamCount", 90000000) not in found


def test_a_count_belongs_to_the_owner_its_possessive_names(read):
    """ "their official account has N followers" and "the band's N followers": the group's count, not the
    person named nearer the figure."""
    found = read("News\n\nO.R.B.I.T is a boy group. Their official Instagram account has 3,400,000 followers.\n\n"
                 "Dae-ho of ARCLIGHT spoke. The group's leader, Dae-ho, called the run unreal in a post to the "
                 "band's 5,600,000 followers on X.")
    assert counts(found) == {("O.R.B.I.T", "followerCount", 3400000), ("ARCLIGHT", "followerCount", 5600000)}


def test_the_single_and_the_it_after_it_rank_the_song_not_its_album(read):
    """ "The single peaked at number 14 ... Outside the United States, it reached No. 9": "the single" is the song
    named before, even with its album named nearer, and "it" goes on about what the subject before it stood for."""
    ex = read("Lantern Bay\n\n\"Lantern Bay\" is a song by the American band Quiet Orchard, released in May 1988 as the "
              "second single from their third album, Tin Harbor (1988). It is the fourth track on the album.\n\n"
              "The band recorded the song in two days. Rhee added strings late in the sessions.\n\n"
              "The single peaked at number 12 on the Billboard Hot 100. Outside the United States, it reached number 20 "
              "on the UK Singles Chart.")
    assert {(c.entry.name, c.rank) for c in ex.chart_entries} == {("Lantern Bay", 12), ("Lantern Bay", 20)}


def test_the_lead_single_ranked_is_the_song_called_so_before(read):
    """ "The lead single peaked at number 22": the song introduced as the lead single, not the last song named."""
    ex = read("Paper Kites (EP)\n\nPaper Kites is the second EP by girl group Velvet Nine, including the lead single "
              "\"Quiet Signal\". The closing track, \"Goodnight, Harbor\", was composed by member Seol.\n\n"
              "The lead single peaked at number 22 on Spotify's Viral 50 Korea.")
    assert {(c.entry.name, c.rank) for c in ex.chart_entries} == {("Quiet Signal", 22)}


def test_a_count_after_a_line_up_between_dashes_is_the_groups(read):
    """"The girl group — A, B and C — had 2.9 million followers": the group's count, not its last member's."""
    found = counts(read("Growth\n\nFew acts grew as steadily as CIELO. The five-member girl group — Ga-on, Seo-yul and "
                        "Yeon-hee — had 2.9 million Spotify followers at the start of the year.\n"))
    assert found == {("CIELO", "followerCount", 2900000)}
