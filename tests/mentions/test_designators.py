"""A designator that covers a list ("the A, B and C regions") makes every name a region."""

from __future__ import annotations

import pytest

from geonews.mentions.parser import Geoparser


@pytest.fixture(scope="module")
def gp() -> Geoparser:
    return Geoparser()


def _kinds(gp, text):
    return {m.text: (m.place.kind if m.place else None) for m in gp(text)}


def test_plural_designator_after_a_list_covers_every_item(gp):
    kinds = _kinds(gp, "Air defence downed drones over the Kursk, Bryansk and Oryol regions.")
    assert kinds == {"Kursk": "region", "Bryansk": "region", "Oryol": "region"}


def test_plural_designator_before_a_list_covers_every_item(gp):
    kinds = _kinds(gp, "Shelling was reported in several oblasts, including Sumy and Poltava.")
    assert kinds["Sumy"] == "region" and kinds["Poltava"] == "region"


def test_singular_designator_before_a_name_covers_that_name_only(gp):
    kinds = _kinds(gp, "Strikes hit the province of Kharkiv, while Poltava stayed quiet.")
    assert kinds["Kharkiv"] == "region" and kinds["Poltava"] != "region"


def test_a_list_without_designator_stays_cities(gp):
    kinds = _kinds(gp, "Sirens sounded in Kharkiv, Sumy and Poltava on Sunday.")
    assert "region" not in kinds.values()


def test_designator_with_words_before_including_covers_a_tally(gp):
    text = (
        "Air defences downed 14 drones over regions bordering Ukraine, including"
        " Kursk (6 UAVs), Belgorod (5 UAVs) and Voronezh (three UAVs)."
    )
    kinds = _kinds(gp, text)
    assert [kinds[n] for n in ("Kursk", "Belgorod", "Voronezh")] == ["region"] * 3


def test_a_tally_of_drones_by_name_is_by_region(gp):
    kinds = _kinds(gp, "The ministry counted drones downed over Kursk (4), Bryansk (2), Oryol (1).")
    assert kinds == {"Kursk": "region", "Bryansk": "region", "Oryol": "region"}


def test_a_tally_of_shells_by_town_stays_towns(gp):
    kinds = _kinds(gp, "Ukrainian guns fired at Kherson (12 shells) and Beryslav (4 shells).")
    assert kinds["Kherson"] == "settlement"


def test_a_designator_in_apposition_makes_the_name_a_region(gp):
    kinds = _kinds(
        gp, "Fighting went on in Zaporizhzhia – the southern region Russia partly holds."
    )
    assert kinds["Zaporizhzhia"] == "region"


def test_a_town_in_a_region_in_apposition_stays_a_town(gp):
    kinds = _kinds(gp, "Shells hit Kupiansk, a town in the Kharkiv region, overnight.")
    assert kinds["Kupiansk"] == "settlement"
