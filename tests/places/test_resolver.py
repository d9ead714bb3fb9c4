"""Resolver: war context and its alternatives, near/region hints, errors, public names."""

from __future__ import annotations

import types

import pytest

import geonews
from geonews.errors import GeonewsError, InvalidInput, UnknownPlace
from geonews.places import haversine_km
from geonews.places.resolver import Resolver, candidates, resolve


@pytest.fixture(scope="module")
def war() -> Resolver:
    return Resolver()


# -- the war context and other contexts ------------------------------------------------------
@pytest.mark.parametrize(
    ("old", "current"),
    [("Krasnoarmeysk", "Pokrovsk"), ("Artemovsk", "Bakhmut"), ("Dzerzhinsk", "Toretsk")],
)
def test_soviet_names_reach_ukrainian_towns_by_default(old, current):
    place = resolve(old)
    assert (place.name, place.country, place.admin1) == (current, "UA", "Donetsk")
    assert place.matched.startswith("alias:")
    assert place.kind == "settlement" and place.geonameid and place.score > 0


@pytest.mark.parametrize("old", ["Krasnoarmeysk", "Artemovsk", "Dzerzhinsk"])
def test_same_names_reach_russian_towns_with_russian_bias(old):
    place = resolve(old, country_bias="RU")
    assert place.country == "RU" and place.kind == "settlement"
    assert place.matched == "name"  # the Russian town carries the name itself
    ukrainian = resolve(old)
    ranked = [p.id for p in candidates(old, country_bias="RU", limit=50)]
    assert ukrainian.id in ranked[1:]  # still a candidate, ranked lower


def test_pokrovsk_is_the_donetsk_town_not_yakutia():
    ranked = candidates("Pokrovsk", limit=5)
    assert (ranked[0].country, ranked[0].admin1) == ("UA", "Donetsk")
    assert any(p.admin1 == "Yakutia" for p in ranked[1:])


def test_an_alternate_name_that_is_a_bigger_place_s_own_name_yields_to_it():
    # GeoNames gives a Luhansk-oblast town of 42,000 "Cambridge" as an alternate name;
    # the war context must not carry it past the English city of that name
    assert resolve("Cambridge").country != "UA"
    # a Ukrainian city bigger than its namesake keeps the war reading
    assert resolve("Odessa").country == "UA"


def test_a_village_name_of_the_war_is_no_city_s_alternate_name():
    # GeoNames keeps 'Oleksandrivka' among Donetsk's alternate names and 'Aleksandrovka'
    # too, beside dozens of villages that have the name as their own
    for name in ("Oleksandrivka", "Aleksandrovka", "Krasnoarmeyskoye"):
        top = resolve(name)
        assert top.matched == "name" and top.population < 10_000, (name, top)
    # a place of the war with a name of its own keeps an alternate name no village has
    assert resolve("Artemivsk").name == "Bakhmut"
    assert resolve("Kiev").name == "Kyiv"


def test_without_bias_it_is_a_world_gazetteer():
    world = Resolver(country_bias=None)
    assert world.resolve("Paris").country == "FR"
    florida = world.resolve("Florida")
    assert (florida.kind, florida.country) == ("region", "US")
    assert world.resolve("Moscow").country == "RU"
    assert world.context == {}
    # the per-call override does the same
    assert resolve("Paris", country_bias=None).country == "FR"


def test_custom_context_mapping():
    r = Resolver(country_bias={"US": 5.0})
    assert r.resolve("Odessa").country == "US"
    assert Resolver().resolve("Odessa").country == "UA"


# -- hints -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "region", ["Donetsk", "Donetsk Oblast", "Donetsk region", "Donetska oblast"]
)
def test_region_hint_picks_the_novoselivka_of_that_oblast(war, region):
    assert war.resolve("Novoselivka").admin1 != "Donetsk"  # without the hint: another one
    place = war.resolve("Novoselivka", region=region)
    assert (place.name, place.admin1) == ("Novoselivka", "Donetsk")


@pytest.mark.parametrize("region", ["Poltava", "Poltava region", "Crimea"])
def test_region_hint_other_oblasts(war, region):
    place = war.resolve("Novoselivka", region=region)
    assert place.admin1 == region.split()[0]


def test_region_hint_can_be_a_country(war):
    assert war.resolve("Krasnoarmeysk", region="Russia").country == "RU"
    assert war.resolve("Krasnoarmeysk", region="RU").country == "RU"


@pytest.mark.parametrize("anchor", ["Lyman", "Kostiantynivka", "Izmail", "Kremenchuk"])
def test_near_hint_picks_the_closest_namesake(war, anchor):
    point = war.resolve(anchor).point
    namesakes = [p for p in war.candidates("Novoselivka", limit=100) if p.name == "Novoselivka"]
    assert len(namesakes) > 5
    nearest = min(namesakes, key=lambda p: haversine_km(*point, p.lat, p.lon))
    assert war.resolve("Novoselivka", near=point).id == nearest.id


def test_user_aliases():
    r = Resolver(aliases={"Avdeevka coke plant": "geonames:713122"})
    place = r.resolve("AVDEEVKA COKE PLANT")
    assert (place.name, place.matched) == ("Avdiivka", "alias:user")
    with pytest.raises(InvalidInput, match="geonames:0"):
        Resolver(aliases={"Nowhere": "geonames:0"})


# -- errors ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("bad", "shown"),
    [
        ("", "''"),
        ("   ", "'   '"),
        (None, "None"),
        (42, "42"),
        (b"Kyiv", "b'Kyiv'"),
        ("x" * 10_000_000, "'xxxxxxxx"),
        ("Kyiv\x00", "'Kyiv\\x00'"),
        ("Bakh\x1bmut", "'Bakh\\x1bmut'"),
        ("!!!", "'!!!'"),
    ],
    ids=["empty", "blank", "None", "int", "bytes", "10MB", "nul", "escape", "punctuation"],
)
@pytest.mark.parametrize("call", ["resolve", "candidates", "get"])
def test_bad_input_raises_invalid_input(war, bad, shown, call):
    with pytest.raises(InvalidInput) as info:
        getattr(war, call)(bad)
    assert isinstance(info.value, ValueError) and isinstance(info.value, GeonewsError)
    assert shown in str(info.value)
    assert len(str(info.value)) < 300


@pytest.mark.parametrize("near", [(91, 0), "Kyiv", (1, 2, 3), ("a", "b")])
def test_bad_near_raises_invalid_input(war, near):
    with pytest.raises(InvalidInput):
        war.resolve("Novoselivka", near=near)


def test_bad_country_bias():
    with pytest.raises(InvalidInput, match="Ukraine"):
        Resolver(country_bias="Ukraine")


def test_unknown_place(war):
    with pytest.raises(UnknownPlace) as info:
        war.resolve("Qwxzvillezzz")
    assert isinstance(info.value, LookupError)
    assert "Qwxzvillezzz" in str(info.value)
    assert war.get("Qwxzvillezzz") is None
    sentinel = object()
    assert war.get("Qwxzvillezzz", sentinel) is sentinel
    assert war.candidates("Qwxzvillezzz") == []
    with pytest.raises(UnknownPlace):
        resolve("Qwxzvillezzz")


def test_results_are_stable_and_cached(war):
    first = war.resolve("Kharkov")
    assert war.resolve("Kharkov") == first
    assert war.resolve(" kharkov ") == first


# -- public namespace ------------------------------------------------------------------------
def test_all_matches_public_namespace():
    """Like httpx's test_exported_members: every public name is in __all__ and vice versa."""
    submodules = {
        name
        for name, value in vars(geonews).items()
        if isinstance(value, types.ModuleType)
        and value.__name__.startswith("geonews.")
        and name not in geonews._LAZY
    }
    public = {
        name
        for name in vars(geonews)
        if not name.startswith("_") and name not in submodules and name != "annotations"
    }
    public |= set(geonews._LAZY)
    assert set(geonews.__all__) - {"__version__"} == public
    assert len(geonews.__all__) == len(set(geonews.__all__))
    for name in geonews.__all__:
        assert getattr(geonews, name) is not None
        assert name in dir(geonews)


def test_cached_rankings_answer_like_a_fresh_resolver_and_hold_no_tracked_objects():
    import gc

    names = ["Kharkov", "Novoselivka", "Pokrovks", "Donetsk Republic", "Qwxzvillezzz", "Bakhmut"]
    hints = [{}, {"region": "Zaporizhzhia"}, {"near": (47.8, 35.2)}, {"date": "2010-05-01"}]
    warm = Resolver()
    for _ in range(2):  # the second round answers from the caches
        for name in names:
            for kwargs in hints:
                got = [p.to_dict() for p in warm.candidates(name, **kwargs)]
                assert got == [p.to_dict() for p in Resolver().candidates(name, **kwargs)]
    gc.collect()
    ranked = warm._ranked("novoselivka", warm._ctx, None, None, None)
    assert len(ranked) > 5
    assert not gc.is_tracked(ranked) and not any(gc.is_tracked(e) for e in ranked)
