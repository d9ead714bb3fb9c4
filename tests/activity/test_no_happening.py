"""Places a sentence names where nothing happens, and words that report nothing happened.

A neighbour named as a border ("districts bordering Ukraine"), a destination on the way,
the geography a descriptive clause adds, the subject of a compromise; a source that did
not report a fight, talks that ended without an agreement, an official at the scene of a
strike.  Every sentence here is written for these tests, in the style of wire copy.
"""

import pytest

import geonews
from geonews.activity import events
from geonews.mentions import Mention

DAY = "2025-11-20"


def places(text: str) -> list[tuple[str, str]]:
    frame = events(text, date=DAY)
    return [(row.place_name, row.sub_type) for row in frame.itertuples()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Drones struck two districts bordering Ukraine, including Kursk and Bryansk, the"
            " governor said.",
            ["Kursk", "Bryansk"],
        ),
        ("Ukrainian troops entered Snihurivka on the way to Kherson on Thursday.", ["Snihurivka"]),
        (
            "Sea drones hit a patrol boat near the Kerch Strait, which links the Sea of Azov with"
            " the Black Sea.",
            ["Kerch Strait"],
        ),
        (
            "Before the talks opened in Geneva, the envoy said Kyiv was open to a compromise over"
            " the occupied southern region of Zaporizhzhia.",
            ["Geneva"],
        ),
    ],
)
def test_a_place_named_around_the_event_is_not_its_place(text, expected):
    assert [name for name, _ in places(text)] == expected


def test_a_clause_that_names_the_place_again_still_counts():
    text = "Russian forces shelled Kupiansk, which Moscow calls Kupyansk, overnight."
    assert [name for name, _ in places(text)] == ["Kupiansk"]


def test_what_a_source_did_not_report_is_no_event():
    text = (
        "Before this statement, the Russian defence ministry had not reported any fighting"
        " near Sudzha."
    )
    assert places(text) == []


def test_talks_without_an_agreement_agreed_nothing():
    text = "The summit in Geneva ended without an agreement on a ceasefire, officials said."
    assert places(text) == [("Geneva", "Talks")]


def test_an_official_at_the_scene_is_no_visit():
    text = "Hours after the missile strike on Kharkiv, the mayor visited the scene."
    assert [sub for _, sub in places(text)] == ["Shelling/artillery/missile attack"]


def test_a_bracketed_other_name_shares_the_fate_of_its_name():
    text = (
        "Ukrainian commanders have fled Toretsk, Ivan Petrov, coordinator for ties with the"
        " parliament of the Donetsk People's Republic (DPR), told TASS."
    )
    assert [name for name, _ in places(text)] == ["Toretsk"]


def test_a_headline_region_that_only_addresses_villages_gives_way_to_them():
    text = (
        "Russian forces capture two villages in Donetsk region\n\nRussian forces captured"
        " Andriivka and Kurakhove, DeepState said on Tuesday."
    )
    assert "Donetsk Oblast" not in [name for name, _ in places(text)]


def test_a_region_told_as_a_place_of_its_own_stays_beside_its_town():
    text = (
        "Air defence destroyed 11 drones over the Dnipropetrovsk region overnight.\n\nIn"
        " Kryvyi Rih, air defence shot down two drones, the city's mayor said."
    )
    assert [name for name, _ in places(text)] == ["Dnipropetrovsk Oblast", "Kryvyi Rih"]


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine has in recent months stepped up attacks on Crimea and in the Black Sea.",
        "Ukraine is not known to have launched an attack on Crimea since the invasion began.",
    ],
)
def test_a_trend_or_what_is_not_known_is_no_happening(text):
    assert places(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The rebels deny they are negotiating an evacuation deal for Kupiansk.",
        "The fourth goal against Norwich came after a strike from distance.",
    ],
)
def test_a_deal_or_a_rival_is_no_happening(text):
    assert places(text) == []


def test_a_reference_point_does_not_stand_in_for_a_name_left_unresolved():
    text = "Russian forces advanced in eastern Karlivka, southeast of Pokrovsk, on Friday."
    pokrovsk = geonews.resolve("Pokrovsk")

    def parse(sentence: str) -> list[Mention]:  # Karlivka found but left unresolved
        found = []
        if (at := sentence.find("Karlivka")) >= 0:
            found.append(Mention(at, at + 8, "Karlivka"))
        at = sentence.find("Pokrovsk")
        return [*found, Mention(at, at + 8, "Pokrovsk", pokrovsk)]

    assert len(events(text, date=DAY, geoparser=parse)) == 0
    resolved = text.replace("eastern Karlivka, ", "")
    assert list(events(resolved, date=DAY, geoparser=parse).place_name) == ["Pokrovsk"]
