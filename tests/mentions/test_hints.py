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


def test_misspelling_two_oblasts_away_is_unresolved(gp):
    from geonews.mentions.disambiguate import Disambiguator
    from geonews.mentions.document import Document, Span

    # one edit from Radalivka (Poltava oblast), some 230 km from Kupiansk: a village of the
    # Kupiansk front the gazetteer lacks, not a reading of Radalivka (a village of the
    # rear, which the spelling step no longer answers with at all)
    text = "Troops attacked near Razdolovka and Kupiansk."
    spans = [Span(21, 31, "Razdolovka", "razdolovka"), Span(36, 44, "Kupiansk", "kupiansk")]
    doc = Disambiguator(gp.resolver)(Document(text, spans=spans))
    assert doc.spans[0].place is None
    assert doc.spans[0].reason == (
        "unresolved:spelling:only villages far from the front (Radalivka in Poltava) are "
        "spelt like it"
    )


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


# -- addresses: the raion and region written after a village --------------------------------


def test_raion_and_region_in_brackets_are_the_villages_address(gp):
    ms = gp("Drones hit Kivsharivka (Kupiansk raion, Kharkiv) before dawn.")
    by = {m.text: m for m in ms}
    assert not by["Kivsharivka"].address
    assert by["Kupiansk"].address and by["Kharkiv"].address
    # the raion is read at its centre town; the city named for its oblast is the oblast
    assert by["Kupiansk"].place.kind == "settlement"
    assert (by["Kharkiv"].place.kind, by["Kharkiv"].place.admin1) == ("region", "Kharkiv")
    assert by["Kharkiv"].matched.endswith("+address")


def test_a_region_spelt_by_its_old_name_is_the_region(gp):
    m = _mention(gp, "A strike damaged houses in Marhanets (Nikopol raion, Dnipropetrovsk).",
                 "Dnipropetrovsk")  # fmt: skip
    assert m.address and (m.place.kind, m.place.admin1) == ("region", "Dnipropetrovsk")


def test_a_raion_named_for_the_regional_capital_stays_the_raion(gp):
    ms = gp("Shelling wounded a man in Bilozerka (Kherson raion, Kherson).")
    raion, region = (m for m in ms if m.text == "Kherson")
    assert raion.address and raion.place.kind == "settlement"
    assert region.address and region.place.kind == "region"


def test_the_city_written_twice_is_the_city_then_its_oblast(gp):
    ms = gp("A missile struck Sumy city (Sumy) at noon.")
    first, second = (m for m in ms if m.text == "Sumy")
    assert not first.address and first.place.kind == "settlement"
    assert second.address and second.place.kind == "region"


def test_a_russian_district_and_region_are_the_villages_address(gp):
    ms = {m.text: m for m in gp("Artillery hit Tyotkino (Glushkovsky district, Kursk) again.")}
    assert ms["Glushkovsky district"].address and ms["Kursk"].address
    assert ms["Kursk"].place.kind == "region"


def test_a_list_of_cities_or_regions_is_no_address(gp):
    for text in (
        "Drones were downed over the Moscow, Bryansk, Oryol, and Kursk regions.",
        "Strikes on Belgorod, Bryansk, and other cities killed 24.",
        "Air raid alerts sounded in Kharkiv, Donetsk and Dnipro.",
    ):
        assert not any(m.address for m in gp(text)), text


def test_near_is_no_address(gp):
    ms = {m.text: m for m in gp("Fighting went on at Zarichne near Lyman for a third day.")}
    assert not ms["Lyman"].address


def test_in_a_city_named_like_its_state_is_no_address(gp):
    ms = {m.text: m for m in gp("She dined at Le Bernardin in New York last spring.")}
    assert "New York" in ms and not ms["New York"].address


def test_a_raion_by_its_centre_town_alone_is_the_villages_address(gp):
    ms = {m.text: m for m in gp("Shelling damaged homes in Marhanets (Nikopol, Dnipropetrovsk).")}
    assert ms["Marhanets"].matched.endswith("hint:raion:Nikopol")
    assert ms["Nikopol"].address and ms["Dnipropetrovsk"].address
    assert ms["Dnipropetrovsk"].place.kind == "region"


def test_two_towns_in_brackets_are_no_address(gp):
    ms = {m.text: m for m in gp("Strikes hit two towns (Kupiansk, Izium) on Sunday.")}
    assert not ms["Kupiansk"].address and not ms["Izium"].address


# -- front sectors in a summary of several -------------------------------------------------


def test_each_sentence_of_a_summary_takes_its_own_sector(gp):
    text = (
        "In the Kupiansk direction, the enemy attacked near Petropavlivka and Kruhliakivka. "
        "In the Kramatorsk direction, fighting went on near Andriivka."
    )
    m = _mention(gp, text, "Andriivka")
    assert m.place.admin1 == "Donetsk" and m.matched.endswith("hint:sector:Kramatorsk")


#: A General Staff style summary of two sectors; the last sentence ends with ``{}``.
_TWO_SECTORS = (
    "In the Kupiansk direction, the enemy attacked near Petropavlivka. In the "
    "Huliaipole direction, the occupiers attacked near Uspenivka and {}."
)


def test_a_sentence_of_a_summary_rules_out_towns_far_from_its_sector(gp):
    # the gazetteer's Dobropillias (a town of 28,000 and a village) lie over 100 km from
    # Huliaipole: the one meant is not among them; Uspenivka has a namesake 18 km away
    text = _TWO_SECTORS.format("Dobropillia")
    far = _mention(gp, text, "Dobropillia")
    assert far.place is None and far.matched.startswith("unresolved:hint:sector:Huliaipole")
    near = _mention(gp, text, "Uspenivka")
    assert near.place.admin1 == "Zaporizhzhia" and near.matched.endswith("sector:Huliaipole")


def test_a_city_far_from_its_sentences_sector_stays(gp):
    text = _TWO_SECTORS.format("struck Dnipro")
    assert _mention(gp, text, "Dnipro").place.name == "Dnipro"


def test_a_sector_named_once_holds_for_the_whole_text(gp):
    text = "Russian troops stormed Andriivka. Fighting goes on in the Pokrovsk direction."
    m = _mention(gp, text, "Andriivka")
    assert m.place.admin1 == "Donetsk" and m.matched.endswith("hint:sector:Pokrovsk")


# -- a list's region -------------------------------------------------------------------------


def test_the_region_after_a_list_holds_for_every_item(gp):
    # the gazetteer's only Peschanoye is in Crimea: against the list's region, no answer
    text = (
        "Russian troops struck Ukrainian units near Peschanoye and Kupyansk in the Kharkov Region."
    )
    m = _mention(gp, text, "Peschanoye")
    assert m.place is None and m.matched.startswith("unresolved:hint:region:Kharkiv")


def test_a_last_item_the_gazetteer_lacks_does_not_break_the_list(gp):
    text = "Strikes hit Kupyansk, Peschanoye and Kotlyarovka in the Kharkov Region."
    ms = {m.text: m for m in gp(text)}
    assert ms["Kupyansk"].matched.endswith("hint:region:Kharkiv")
    assert ms["Peschanoye"].place is None


def test_a_list_takes_no_region_from_a_comma_after_it(gp):
    ms = {m.text: m for m in gp("Air raid alerts sounded in Kharkiv, Sumy, Donetsk.")}
    assert ms["Kharkiv"].place.admin1 == "Kharkiv" and ms["Sumy"].place.admin1 == "Sumy"


def test_a_title_after_and_is_no_unknown_list_item(gp):
    text = "Chatham, in Carroll County, honours the Earl of Chatham and Prime Minister of Britain."
    assert "hint" not in (_mention(gp, text, "Chatham").matched or "")


def test_a_town_and_its_county_are_no_list(gp):
    text = "Falmouth, in Trelawny, is named after Falmouth, Cornwall in the United Kingdom."
    assert not any("country:United Kingdom" in (m.matched or "") for m in gp(text)
                   if m.text == "Falmouth")  # fmt: skip


def test_a_sector_is_named_after_the_town_everyone_knows(gp):
    # the text's other names lie in Kharkiv oblast, which has a village Lyman too
    text = (
        "In the Kharkiv direction, the enemy attacked near Vovchansk. In the Kupiansk "
        "direction, the occupiers attacked near Petropavlivka and Kruhliakivka. In the Lyman "
        "direction, defenders repelled attacks near Terny and Torske."
    )
    assert _mention(gp, text, "Lyman").place.admin1 == "Donetsk"


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


# -- city districts --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("In Kharkiv, a drone damaged a school in the Kyivskyi district on Sunday.", "Kharkiv"),
        ("Glass was shattered across the Kyivskyi district of Kharkiv overnight.", "Kharkiv"),
        ("A fire broke out at a warehouse in Odesa's Prymorskyi district.", "Odesa"),
    ],
)
def test_a_city_district_is_not_a_village_of_its_name_elsewhere(gp, text, city):
    # the gazetteer's Kyivskyi and Prymorskyi lie in Donetsk oblast, not in these cities
    name = "Kyivskyi" if "Kyivskyi" in text else "Prymorskyi"
    m = _mention(gp, text, name)
    assert m.place is None and m.matched == (
        f"unresolved:hint:city:{city} (no {name} there in the gazetteer)"
    )


def test_a_city_district_in_the_gazetteer_is_taken_in_its_city(gp):
    m = _mention(gp, "Debris fell on a house in the Pechersk district of Kyiv.", "Pechersk")
    assert m.place.admin1 == "Kyiv" and m.matched.endswith("hint:city:Kyiv")


def test_a_raion_of_an_oblast_is_no_city_district(gp):
    # "of the Donetsk region" names the oblast: no city hint
    text = "Shelling hit villages of the Pokrovsk district of the Donetsk region."
    assert "city:" not in (_mention(gp, text, "Pokrovsk").matched or "")
