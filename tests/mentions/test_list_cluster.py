"""A village listed with villages that lie together is the namesake among them, or none."""

from __future__ import annotations

import pytest

from geonews.mentions.disambiguate import _cluster_lists
from geonews.mentions.document import Span
from geonews.mentions.parser import Geoparser
from geonews.places import Place


@pytest.fixture(scope="module")
def gp() -> Geoparser:
    return Geoparser()


def _village(name, lat, lon, n, population=1_000):
    return Place(name, lat, lon, f"t:{name}:{n}", country="UA", admin1="X", population=population)


def _spans(text, names):
    out, at = [], 0
    for name in names:
        at = text.index(name, at)
        out.append(Span(at, at + len(name), name, name.lower()))
        at += len(name)
    return out


_TEXT = "Shells fell on Alpha, Beta and Gamma."
_ALPHA, _GAMMA = _village("Alpha", 48.0, 37.0, 1), _village("Gamma", 48.1, 37.2, 1)
_BETA_FAR, _BETA_NEAR = _village("Beta", 46.0, 30.0, 1), _village("Beta", 48.05, 37.1, 2)


def test_item_far_from_its_list_takes_the_namesake_among_the_others():
    by_key = {"alpha": [_ALPHA], "beta": [_BETA_FAR, _BETA_NEAR], "gamma": [_GAMMA]}
    chosen = {k: (c[0], (), 1.0) for k, c in by_key.items()}
    out = _cluster_lists(_TEXT, _spans(_TEXT, ["Alpha", "Beta", "Gamma"]), chosen, by_key, {})
    assert out["beta"][0].id == _BETA_NEAR.id and out["beta"][0].matched.endswith("list-cluster")


def test_item_with_no_namesake_near_its_list_is_unresolved():
    by_key = {"alpha": [_ALPHA], "beta": [_BETA_FAR], "gamma": [_GAMMA]}
    chosen = {k: (c[0], (), 1.0) for k, c in by_key.items()}
    unresolved = {}
    out = _cluster_lists(
        _TEXT, _spans(_TEXT, ["Alpha", "Beta", "Gamma"]), chosen, by_key, unresolved
    )
    assert out["beta"][0] is None and unresolved["beta"].startswith("unresolved:list:no Beta near")


def test_a_big_city_far_from_its_list_stays():
    big = _village("Beta", 46.0, 30.0, 1, population=500_000)
    by_key = {"alpha": [_ALPHA], "beta": [big], "gamma": [_GAMMA]}
    chosen = {k: (c[0], (), 1.0) for k, c in by_key.items()}
    out = _cluster_lists(_TEXT, _spans(_TEXT, ["Alpha", "Beta", "Gamma"]), chosen, by_key, {})
    assert out["beta"][0] is big


def test_a_village_listed_far_from_towns_that_lie_together_is_unresolved(gp):
    ms = {m.text: m for m in gp("Artillery hit Nikopol, Marhanets and Pokrovsk on Tuesday.")}
    assert ms["Nikopol"].place is not None and ms["Pokrovsk"].place is None
    assert ms["Pokrovsk"].matched.startswith("unresolved:list:no Pokrovsk near Nikopol")


def test_a_list_of_cities_across_the_country_is_left_alone(gp):
    ms = gp("Missiles struck Lviv, Kyiv, Odesa and Kharkiv at dawn.")
    assert all(m.place is not None for m in ms)


def test_a_list_of_front_towns_across_the_donbas_is_left_alone(gp):
    ms = {m.text: m for m in gp("The army has taken Bakhmut, Avdiivka and Vuhledar since 2023.")}
    assert ms["Vuhledar"].place is not None and ms["Vuhledar"].place.admin1 == "Donetsk"


# -- pairs ------------------------------------------------------------------------------------

_PAIR = "Shells fell on Alpha and Beta."


def _pair(by_key):
    chosen = {k: (c[0], (), 1.0) for k, c in by_key.items()}
    return _cluster_lists(_PAIR, _spans(_PAIR, ["Alpha", "Beta"]), chosen, by_key, {})


def test_one_of_a_pair_far_apart_takes_its_namesake_by_the_other():
    out = _pair({"alpha": [_ALPHA], "beta": [_BETA_FAR, _BETA_NEAR]})
    assert out["beta"][0].id == _BETA_NEAR.id and out["beta"][0].matched.endswith("list-cluster")


def test_a_pair_where_either_could_move_is_left_alone():
    alpha_far = _village("Alpha", 46.02, 30.05, 2)  # by Beta's far namesake
    out = _pair({"alpha": [_ALPHA, alpha_far], "beta": [_BETA_FAR, _BETA_NEAR]})
    assert out["alpha"][0] is _ALPHA and out["beta"][0] is _BETA_FAR


def test_a_pair_with_no_namesake_together_is_left_alone():
    # unlike a longer list, one other name is too little to leave a village unresolved
    out = _pair({"alpha": [_ALPHA], "beta": [_BETA_FAR]})
    assert out["beta"][0] is _BETA_FAR


def test_a_pair_of_villages_lies_together_against_another_sentences_region(gp):
    # the text's other region pulls Petropavlovka to Dnipropetrovsk oblast, 230 km from
    # Kupiansk-Vuzlovyi; the Kharkiv-oblast namesake lies beside it
    text = (
        "Shelling was reported in the Dnipropetrovsk region. Fighting went on near "
        "Kupiansk-Vuzlovyi and Petropavlovka, the General Staff said."
    )
    m = next(m for m in gp(text) if m.text == "Petropavlovka")
    assert m.place.admin1 == "Kharkiv" and m.matched.endswith("list-cluster")
