"""Hints of the text (region, country, raion, "near", front sector) outrank the priors."""

from __future__ import annotations

import pytest

from geonews.mentions.parser import Geoparser


@pytest.fixture(scope="module")
def gp() -> Geoparser:
    return Geoparser()


def _mention(gp, text, name):
    return next(m for m in gp(text) if m.text == name)


def test_region_in_brackets_selects_the_namesake(gp):
    m = _mention(gp, "Russian artillery hit Pivdenne (Kharkiv region) overnight.", "Pivdenne")
    assert (m.place.admin1, m.matched) == ("Kharkiv", "name+hint:region:Kharkiv")


def test_oblast_in_brackets_selects_the_namesake(gp):
    m = _mention(gp, "Two drones struck Hryhorivka (Zaporizhzhia oblast) on Monday.", "Hryhorivka")
    assert m.place.admin1 == "Zaporizhzhia" and "hint:region:Zaporizhzhia" in m.matched


def test_in_the_region_selects_the_namesake(gp):
    m = _mention(gp, "Guided bombs fell on Zarichne in the Donetsk region.", "Zarichne")
    assert m.place.admin1 == "Donetsk"


def test_comma_city_of_the_region_selects_the_namesake(gp):
    m = _mention(gp, "The enemy shelled Pivdenne, Donetsk, with mortars.", "Pivdenne")
    assert m.place.admin1 == "Donetsk" and m.matched.endswith("hint:region:Donetsk")


def test_hint_against_every_namesake_leaves_the_village_unresolved(gp):
    # the gazetteer knows Hryhorivkas elsewhere only: no guess in the wrong oblast
    m = _mention(gp, "Russian forces shelled near Hryhorivka, Donetsk.", "Hryhorivka")
    assert m.place is None
    assert m.matched.startswith("unresolved:hint:region:Donetsk")


def test_a_list_of_cities_is_no_hint(gp):
    ms = {m.text: m for m in gp("Air raid alerts sounded in Kharkiv, Donetsk and Dnipro.")}
    assert ms["Kharkiv"].place.admin1 == "Kharkiv"
    assert "hint" not in (ms["Kharkiv"].matched or "")


def test_near_picks_the_namesake_nearest_the_other_place(gp):
    m = _mention(gp, "Fighting went on at Zarichne near Lyman for a third day.", "Zarichne")
    assert m.place.admin1 == "Donetsk" and m.matched.endswith("hint:near:Lyman")


def test_near_a_place_far_from_every_namesake_is_unresolved(gp):
    m = _mention(gp, "Assault groups advanced on Bohdanivka near Chasiv Yar.", "Bohdanivka")
    assert m.place is None and m.matched.startswith("unresolved:hint:near:Chasiv Yar")


def test_front_sector_lifts_the_namesakes_near_it(gp):
    text = "On the Lyman direction the enemy attacked Zarichne again, the General Staff said."
    m = _mention(gp, text, "Zarichne")
    assert m.place.admin1 == "Donetsk" and "hint:sector:Lyman" in m.matched


def test_a_country_hint_keeps_big_cities(gp):
    m = _mention(gp, "Pokrovsk, Ukraine, lies on a key supply road.", "Pokrovsk")
    assert m.place.country == "UA" and m.matched.endswith("hint:country:Ukraine")


def test_misspelling_far_from_the_text_is_unresolved(gp):
    from geonews.mentions.disambiguate import Disambiguator
    from geonews.mentions.document import Document, Span

    # "Kreminnaya" in a text whose other places are all in Lviv oblast, 1,000 km away
    # from Kreminna: not a reading of any of them
    text = "Lviv, Drohobych, Stryi and Kreminnaya were named."
    spans = [
        Span(0, 4, "Lviv", "lviv"),
        Span(6, 15, "Drohobych", "drohobych"),
        Span(17, 22, "Stryi", "stryi"),
        Span(27, 37, "Kreminnaya", "kreminnaya"),
    ]
    doc = Disambiguator(gp.resolver)(Document(text, spans=spans))
    assert doc.spans[3].place is None
    assert doc.spans[3].reason.startswith("unresolved:spelling:Kreminna")


def test_the_next_clause_s_subject_is_no_hint(gp):
    m = _mention(gp, "Its troops pushed the enemy out of Sudzha, Moscow said on Friday.", "Sudzha")
    assert m.place is not None and m.place.admin1 == "Kursk"


_KHARKIV_CONTEXT = " after a week of street fighting. Kupiansk in the Kharkiv region fell earlier."


def test_distance_and_direction_pick_the_namesake_at_that_point(gp):
    text = "Ukrainian troops entered Lyman, about 150 km south-east of Kharkiv," + _KHARKIV_CONTEXT
    m = _mention(gp, text, "Lyman")
    assert m.place.admin1 == "Donetsk" and m.matched.endswith("hint:near:Kharkiv:150km:135deg")


def test_plain_near_keeps_the_namesake_next_to_the_other_place(gp):
    m = _mention(gp, "Ukrainian troops entered Lyman near Kharkiv" + _KHARKIV_CONTEXT, "Lyman")
    assert m.place.admin1 == "Kharkiv"


def test_distance_in_miles_after_lies(gp):
    text = (
        "Ukrainian troops entered Lyman, which lies 90 miles southeast of Kharkiv,"
        + _KHARKIV_CONTEXT
    )
    m = _mention(gp, text, "Lyman")
    assert m.place.admin1 == "Donetsk" and "hint:near:Kharkiv:145km:135deg" in m.matched


def test_distance_pointing_at_no_namesake_leaves_the_village_unresolved(gp):
    m = _mention(
        gp, "Russian jets bombed Novoselivka, 20km north of Kupiansk, overnight.", "Novoselivka"
    )
    assert m.place is None and m.matched.startswith("unresolved:hint:near:Kupiansk:20km:0deg")


def test_distance_with_a_conversion_in_brackets_and_a_qualified_town(gp):
    text = (
        "Ukrainian troops took Andriivka, 9 kilometers (5.5 miles) south of the"
        " Russian-held city of Bakhmut."
    )
    m = _mention(gp, text, "Andriivka")
    assert "hint:near:Bakhmut:9km:180deg" in m.matched
    assert m.place is None or m.place.admin1 == "Donetsk"


def test_a_long_distance_allows_for_a_coarse_compass_point(gp):
    m = _mention(
        gp, "Troops crossed into Sudzha, 520 km (320 miles) southwest of Moscow.", "Sudzha"
    )
    assert m.place is not None and m.place.admin1 == "Kursk"


def test_a_compass_point_without_a_distance_picks_the_namesake_that_way(gp):
    # two Veseles lie within 60 km of Pokrovsk, one to the north-east, one to the south-east
    north_east = _mention(gp, "Shelling hit Vesele, north-east of Pokrovsk, at dawn.", "Vesele")
    south_east = _mention(gp, "Shelling hit Vesele, south-east of Pokrovsk, at dawn.", "Vesele")
    assert north_east.matched.endswith("hint:near:Pokrovsk:45deg")
    assert south_east.matched.endswith("hint:near:Pokrovsk:135deg")
    assert north_east.place.lat > south_east.place.lat + 0.3


def test_a_compass_point_against_every_namesake_leaves_the_village_unresolved(gp):
    # the gazetteer's Mykolaivkas near Pokrovsk lie to its north, none south-east of it
    text = "Assault groups pushed on towards Mykolaivka, south-east of Pokrovsk, all week."
    m = _mention(gp, text, "Mykolaivka")
    assert m.place is None
    assert m.matched.startswith("unresolved:hint:near:Pokrovsk:135deg")


def test_the_settlement_s_own_designator_before_in_the_region(gp):
    m = _mention(gp, "Troops took Zarichne village in the Donetsk region.", "Zarichne")
    assert m.place.admin1 == "Donetsk" and "hint:region:Donetsk" in m.matched


def test_a_comma_before_in_the_region(gp):
    m = _mention(
        gp, "Drones struck Hryhorivka, in the Zaporizhzhia region, overnight.", "Hryhorivka"
    )
    assert m.place.admin1 == "Zaporizhzhia" and "hint:region:Zaporizhzhia" in m.matched


def test_a_list_placed_in_a_front_sector_lies_near_its_town(gp):
    # the list is in the Novopavlivka direction: the city of Zaporizhzhia, 130 km away, is
    # not the village meant, however big; the other villages take their namesakes there
    text = (
        "Russian forces attacked near Zaporizhzhia, Mirne and Vesele in the Novopavlivka direction."
    )
    ms = {m.text: m for m in gp(text)}
    assert ms["Zaporizhzhia"].place is None
    assert ms["Zaporizhzhia"].matched.startswith("unresolved:hint:sector:Novopavlivka")
    assert ms["Vesele"].place.admin1 == "Donetsk"


def test_a_city_outside_a_list_keeps_its_place_beside_a_sector(gp):
    text = (
        "Russian drones struck Zaporizhzhia overnight; fighting went on in the Novopavlivka"
        " direction."
    )
    m = next(m for m in gp(text) if m.text == "Zaporizhzhia")
    assert m.place.name == "Zaporizhzhia"
