"""A village's address (its raion and region, as monitoring notes write them) is no event place.

Every note here is written for these tests, in the style of coded event notes and
monitoring summaries: "On <date>, <actor> shelled <village> (<raion> raion, <oblast>)."
"""

import pytest

from geonews.activity import events

DAY = "2025-11-20"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("On 18 November 2025, Russian forces shelled Kivsharivka (Kupiansk raion, Kharkiv).",
         "Kivsharivka"),
        ("On 18 November 2025, Russian forces clashed with Ukrainian forces near Kurakhove "
         "(Pokrovsk raion, Donetsk). Casualties unknown.", "Kurakhove"),
        ("On 19 November 2025, Ukrainian forces shelled Tyotkino (Glushkovsky district, Kursk).",
         "Tëtkino"),
        ("On 19 November 2025, a drone hit a car in Bilozerka (Kherson raion, Kherson).",
         "Bilozerka"),
        ("On 19 November 2025, Russian forces struck Sumy city (Sumy) with a missile.", "Sumy"),
        ("On 20 November 2025, Russian forces shelled Marhanets (Nikopol, Dnipropetrovsk).",
         "Marhanets"),
        ("On 20 November 2025, Russian forces shelled Chervonohryhorivka hromada (coded to "
         "Chervonohryhorivka) (Nikopol, Dnipropetrovsk).", "Chervonohryhorivka"),
    ],
)  # fmt: skip
def test_one_event_at_the_village_not_at_its_raion_or_region(text, place):
    frame = events(text, date=DAY)
    assert list(frame.place_name) == [place]


def test_an_address_alone_places_no_event():
    # the gazetteer has no Hryhorivka in Donetsk oblast: the oblast is no stand-in for it
    frame = events("On 17 November 2025, Russian forces shelled Hryhorivka (Donetsk).", date=DAY)
    assert len(frame) == 0


def test_a_village_the_gazetteer_has_only_in_another_oblast_gives_no_event():
    # 'X village in the Y region' is a hint like 'X (Y region)': the only Huliaipole of
    # the gazetteer lies in Zaporizhzhia oblast, so neither it nor the region is the place
    text = "Russia says it took control of Huliaipole village in the Donetsk region."
    assert len(events(text, date=DAY)) == 0


def test_places_of_a_list_are_each_an_event():
    frame = events("Overnight, Russian drones struck Kharkiv, Sumy and Odesa.", date=DAY)
    assert sorted(frame.place_name) == ["Kharkiv", "Odesa", "Sumy"]


def test_a_village_the_gazetteer_lacks_is_not_placed_at_its_reference_point():
    text = (
        "Russia's defence ministry said its forces had captured the village of Zolotarivske "
        "in the Donetsk region, west of Pokrovsk."
    )
    frame = events(text, date=DAY)
    assert "Pokrovsk" not in list(frame.place_name)
    assert list(frame.precision) == ["region"]


def test_a_district_is_the_place_only_when_no_village_is_named():
    text = "Saboteurs tried to enter the Glushkovsky district near the village of Tetkino."
    assert list(events(text, date=DAY).place_name) == ["Tëtkino"]
    assert list(events("Shelling hit the Shebekinsky district.", date=DAY).place_name) == [
        "Shebekino"
    ]


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("On 3 November 2025, Russian forces advanced near Berdychi (Pokrovsk, Donetsk) and "
         "captured the village, according to the Russian MoD.", "Donetsk Oblast"),
        ("On 9 November 2025, Russian forces shelled Tykhe (Chuhuiv, Kharkiv). No casualties "
         "were reported.", "Kharkiv Oblast"),
        ("On 9 November 2025, Russian forces shelled Starytsia (Kharkiv), wounding a man.",
         "Kharkiv Oblast"),
    ],
)  # fmt: skip
def test_a_village_the_gazetteer_lacks_is_no_event_at_its_raion_s_town(text, region):
    # the brackets still say where it is: the oblast, as "Tykhe, Kharkiv region" would
    frame = events(text, date=DAY)
    assert list(frame.place_name) == [region]
    assert list(frame.precision) == ["region"]


def test_a_raion_s_town_alone_in_brackets_is_no_event_place():
    text = "On 18 November 2025, Russian forces shelled Paraskoviivka (Kramatorsk) overnight."
    assert "Kramatorsk" not in list(events(text, date=DAY).place_name)


def test_a_raion_the_gazetteer_lacks_in_brackets_leaves_the_oblast_an_address():
    text = "On 18 November 2025, a drone struck a car in Tyotkino (Glushkovsky, Kursk)."
    assert list(events(text, date=DAY).place_name) == ["Tëtkino"]
