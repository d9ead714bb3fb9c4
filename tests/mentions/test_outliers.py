"""Namesakes the rest of the text rules out: a list's region, a village far from the rest."""

from __future__ import annotations

import pytest

from geonews.mentions.document import Span
from geonews.mentions.outliers import lone_villages, regions_of_lists
from geonews.mentions.parser import Geoparser
from geonews.places import Place


@pytest.fixture(scope="module")
def gp() -> Geoparser:
    return Geoparser()


def _mentions(gp, text):
    return {m.text: m for m in gp(text)}


def _place(name, lat, lon, admin1, *, kind="settlement", population=1_000, matched="name"):
    return Place(
        name, lat, lon, f"t:{name}:{admin1}", kind=kind, country="UA", admin1=admin1,
        population=population, matched=matched,
    )  # fmt: skip


def test_a_listed_village_with_no_namesake_in_the_list_s_region_is_unresolved(gp):
    # the gazetteer's Andriivkas lie in other oblasts; Yunakivka puts the list in Sumy
    text = (
        "Russian troops pressed on in the Sumy region. The villages of Andriivka and"
        " Yunakivka came under fire."
    )
    ms = _mentions(gp, text)
    assert ms["Yunakivka"].place.admin1 == "Sumy"
    assert ms["Andriivka"].place is None
    assert ms["Andriivka"].matched == "unresolved:list-region:no Andriivka in Sumy in the gazetteer"


def test_the_list_goes_on_past_names_the_gazetteer_does_not_know(gp):
    text = (
        "Fierce clashes went on in Ukraine's Kharkiv region near Vovchansk, Zzyzxivka and"
        " Hlyboke, the ministry said."
    )
    m = _mentions(gp, text)["Hlyboke"]
    assert m.place is None and m.matched.startswith("unresolved:list-region:no Hlyboke in Kharkiv")


def test_a_list_without_a_region_of_its_own_is_left_alone(gp):
    # the region is named two sentences before: no longer the list's context
    text = (
        "Fighting raged in the Kharkiv region. Kyiv sent reinforcements. Later that day"
        " shells hit Vovchansk and Hlyboke."
    )
    assert not _mentions(gp, text)["Hlyboke"].matched.startswith("unresolved:list-region")


def test_a_listed_village_moves_to_its_namesake_in_the_list_s_region():
    text = "Strikes in the Kharkiv region. Shelling hit Vovka and Dubky."
    spans = [
        Span(15, 22, "Kharkiv", "kharkiv region", cue="region"),
        Span(44, 49, "Vovka", "vovka"),
        Span(54, 59, "Dubky", "dubky"),
    ]
    region = _place("Kharkiv Oblast", 49.5, 36.5, "Kharkiv", kind="region")
    vovka = _place("Vovka", 50.2, 36.9, "Kharkiv")
    elsewhere, there = _place("Dubky", 46.6, 30.7, "Odesa"), _place("Dubky", 50.0, 36.4, "Kharkiv")
    by_key = {"kharkiv region": [region], "vovka": [vovka], "dubky": [elsewhere, there]}
    chosen = {k: (c[0], tuple(c[1:]), 1.0) for k, c in by_key.items()}
    unresolved: dict[str, str] = {}
    out = regions_of_lists(text, spans, chosen, by_key, unresolved)
    assert out["dubky"][0].id == there.id and out["dubky"][0].matched.endswith(
        "list-region:Kharkiv"
    )
    assert out["vovka"][0] is vovka and not unresolved


def test_a_known_town_may_be_listed_outside_the_region(gp):
    text = "In the Kharkiv region, strikes hit Kupiansk and Vilcha, and also Kramatorsk."
    assert _mentions(gp, text)["Kramatorsk"].place.admin1 == "Donetsk"


def test_a_lone_village_far_from_the_text_s_places_is_unresolved(gp):
    text = (
        "Russian forces pressed their offensive in the Sumy region, near Yunakivka. A storm"
        " group was stopped near Andriivka."
    )
    m = _mentions(gp, text)["Andriivka"]
    assert m.place is None and m.matched.startswith("unresolved:alone:Andriivka")


def test_a_village_of_many_namesakes_alone_in_its_text_is_unresolved(gp):
    # Ukraine has dozens of Andriivkas and Novoselivkas, and Crimea's Russian-named
    # Pavlovka rivals the Pavlivkas: nothing in these says which one
    for text, name in [
        ("Shelling hit Andriivka on Monday.", "Andriivka"),
        ("Russian forces attacked Ukrainian positions near Novoselivka.", "Novoselivka"),
        ("The Vostok group repelled three attacks near Urozhaynoye, the ministry said.",
         "Urozhaynoye"),
        ("Ukrainian drones struck Pavlovka overnight.", "Pavlovka"),
    ]:  # fmt: skip
        m = _mentions(gp, text)[name]
        assert m.place is None, text
        assert m.matched.startswith(f"unresolved:namesakes:{m.candidates[0].name} ("), text
        assert "the text names no town or oblast beside it" in m.matched


def test_a_village_much_bigger_than_its_namesakes_alone_in_its_text_keeps_its_place(gp):
    assert _mentions(gp, "Russian forces shelled Marinka overnight.")["Marinka"].place.admin1 == (
        "Donetsk"
    )
    big = _place("Dubky", 50.0, 36.4, "Kharkiv", population=9_000)
    small = _place("Dubky", 46.6, 30.7, "Odesa", population=2_999)
    by_key = {"dubky": [big, small]}
    assert lone_villages({"dubky": (big, (), 1.0)}, by_key, {})["dubky"][0] is big
    rival = _place("Dubky", 46.6, 30.7, "Odesa", population=3_001)
    why: dict[str, str] = {}
    assert (
        lone_villages({"dubky": (big, (), 1.0)}, {"dubky": [big, rival]}, why)["dubky"][0] is None
    )
    # a namesake reached only by an alternate name does not rival a town's own name
    alt = _place("Dubky", 46.6, 30.7, "Odesa", population=8_000, matched="alt")
    assert lone_villages({"dubky": (big, (), 1.0)}, {"dubky": [big, alt]}, {})["dubky"][0] is big
    assert why["dubky"] == (
        "unresolved:namesakes:Dubky (Kharkiv) or Dubky (Odesa), and the text names no town or"
        " oblast beside it"
    )


def test_a_village_with_a_place_beside_it_in_the_text_takes_the_namesake_there(gp):
    # Kupiansk says which of the Andriivkas: the Kharkiv-oblast one, not the rule above
    m = _mentions(gp, "Russian forces shelled Andriivka and Kupiansk.")["Andriivka"]
    assert m.place.admin1 == "Kharkiv" and not m.matched.startswith("unresolved")


def test_a_name_of_one_place_only_is_that_place_however_far(gp):
    ms = _mentions(gp, "Shelling hit Gordeyevka in the Bryansk region after drones struck Sudzha.")
    assert ms["Sudzha"].place.admin1 == "Kursk"


def test_a_lone_village_keeps_the_place_a_hint_gives():
    far = _place("Dubky", 46.6, 30.7, "Odesa", population=900)
    hinted = Place(
        "Dubky", 46.6, 30.7, "t:Dubky:Odesa", kind="settlement", country="UA", admin1="Odesa",
        population=900, matched="name+hint:region:Odesa",
    )  # fmt: skip
    other = _place("Vovka", 50.2, 36.9, "Kharkiv")
    by_key = {"dubky": [far, _place("Dubky", 50.0, 36.4, "Kharkiv")], "vovka": [other]}
    assert (
        lone_villages({"dubky": (far, (), 1.0), "vovka": (other, (), 1.0)}, by_key, {})["dubky"][0]
        is None
    )
    assert (
        lone_villages({"dubky": (hinted, (), 1.0), "vovka": (other, (), 1.0)}, by_key, {})["dubky"][
            0
        ]
        is hinted
    )


def test_a_town_abroad_by_another_name_is_no_village_of_the_front(gp):
    # GeoNames gives a Chinese town the alternate name Dachi, also a Kherson village's name
    text = "Russian troops attacked Ukrainian positions near Dachi and Kupiansk overnight."
    m = next(m for m in gp(text) if m.text == "Dachi")
    assert m.place is None and m.matched.startswith("unresolved:alone:Huwei (CN)")


def test_the_lone_sentences_bench_names_places_the_gazetteer_has():
    # bench/bench_lone_sentences.py reads this file: a stale id would count as a wrong place
    import csv
    from pathlib import Path

    from geonews.places.gazetteer import default_gazetteer

    path = Path(__file__).resolve().parents[1] / "data" / "lone_sentences.csv"
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) >= 40
    gz = default_gazetteer()
    for row in rows:
        assert row["name"] in row["sentence"], row
        if row["expected_id"]:
            assert gz.get_id(row["expected_id"]) is not None, row


def test_a_town_alone_in_its_text_is_known_well_enough_to_keep_its_place(gp):
    # Lyman (20,000 people) against a village that GeoNames also calls Liman: a town over
    # LONE_POPULATION named alone is the town
    assert _mentions(gp, "Russian forces shelled Liman overnight.")["Liman"].place.name == "Lyman"
