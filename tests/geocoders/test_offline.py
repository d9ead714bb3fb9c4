"""The offline gazetteer as a geopy geocoder: geopy, RateLimiter and GeoPandas uses."""

from __future__ import annotations

import geopandas
import pytest
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from geonews.errors import InvalidInput
from geonews.geocoders import OfflineGeocoder
from geonews.places import haversine_km
from geonews.places.resolver import Resolver, resolve

PLACE_FIELDS = {"name", "lat", "lon", "id", "kind", "country", "admin1", "population",
                "geonameid", "matched", "score", "source"}  # fmt: skip


@pytest.fixture(scope="module")
def geocoder() -> OfflineGeocoder:
    return OfflineGeocoder()


def test_is_a_geopy_geocoder(geocoder):
    assert isinstance(geocoder, Geocoder)


def test_geocode_returns_a_location_with_place_fields(geocoder):
    loc = geocoder.geocode("Krasnoarmeysk")
    assert isinstance(loc, Location)
    pokrovsk = resolve("Pokrovsk")
    assert (loc.latitude, loc.longitude) == pokrovsk.point
    assert loc.point.latitude == pokrovsk.lat
    assert set(loc.raw) >= PLACE_FIELDS
    assert loc.raw["name"] == "Pokrovsk" and loc.raw["geonameid"] == pokrovsk.geonameid
    assert loc.raw["matched"].startswith("alias:")
    assert loc.address.startswith("Pokrovsk") and "Donetsk" in loc.address


def test_exactly_one_false_lists_ranked_locations(geocoder):
    locs = geocoder.geocode("Pokrovsk", exactly_one=False, limit=3)
    assert isinstance(locs, list) and 1 < len(locs) <= 3
    assert all(isinstance(x, Location) for x in locs)
    scores = [x.raw["score"] for x in locs]
    assert scores == sorted(scores, reverse=True)
    assert locs[0].raw["country"] == "UA"


def test_country_codes_filter(geocoder):
    loc = geocoder.geocode("Pokrovsk", country_codes="RU")
    assert loc.raw["country"] == "RU"
    assert geocoder.geocode("Pokrovsk", country_codes=["FR"]) is None


def test_context_and_resolver_options():
    assert OfflineGeocoder(country_bias="RU").geocode("Dzerzhinsk").raw["country"] == "RU"
    r = Resolver(aliases={"Avdeevka coke plant": "geonames:713122"})
    assert OfflineGeocoder(resolver=r).geocode("Avdeevka coke plant").raw["name"] == "Avdiivka"


def test_unknown_is_none_and_bad_input_raises(geocoder):
    assert geocoder.geocode("Qwxzvillezzz") is None
    assert geocoder.geocode("Qwxzvillezzz", exactly_one=False) is None
    with pytest.raises(InvalidInput):
        geocoder.geocode("")
    with pytest.raises(ValueError):
        geocoder.geocode("Kyiv\x00")


def test_reverse(geocoder):
    kharkiv = resolve("Kharkiv")
    loc = geocoder.reverse((kharkiv.lat + 0.001, kharkiv.lon - 0.001))
    assert isinstance(loc, Location) and loc.raw["name"] == "Kharkiv"
    same = geocoder.reverse(f"{kharkiv.lat + 0.001}, {kharkiv.lon - 0.001}")
    assert same.raw["id"] == loc.raw["id"]
    many = geocoder.reverse(kharkiv.point, exactly_one=False, limit=5)
    assert len(many) == 5
    dists = [haversine_km(*kharkiv.point, x.latitude, x.longitude) for x in many]
    assert dists == sorted(dists)
    with pytest.raises(InvalidInput):
        geocoder.reverse((120.0, 30.0))


def test_rate_limiter_wraps_geocode(geocoder):
    geocode = RateLimiter(geocoder.geocode, min_delay_seconds=0)
    names = ["Krasnoarmeysk", "Artemovsk", "Qwxzvillezzz", "Kharkov"]
    results = [geocode(n) for n in names]
    assert [r.raw["name"] if r else None for r in results] == [
        "Pokrovsk",
        "Bakhmut",
        None,
        "Kharkiv",
    ]
    assert geocode("Pokrovsk", exactly_one=False)[0].raw["country"] == "UA"


def test_geopandas_geocode_with_the_class_as_provider():
    gdf = geopandas.tools.geocode(
        ["Krasnoarmeysk", "Kharkov", "Qwxzvillezzz"], provider=OfflineGeocoder
    )
    assert gdf.crs == "EPSG:4326"
    pokrovsk, kharkiv = resolve("Pokrovsk"), resolve("Kharkiv")
    assert (gdf.geometry[0].x, gdf.geometry[0].y) == (pokrovsk.lon, pokrovsk.lat)
    assert (gdf.geometry[1].x, gdf.geometry[1].y) == (kharkiv.lon, kharkiv.lat)
    assert gdf.address[0].startswith("Pokrovsk") and gdf.address[1].startswith("Kharkiv")
    assert gdf.geometry[2].is_empty and gdf.address.isna()[2]


def test_geopandas_geocode_passes_provider_options():
    gdf = geopandas.tools.geocode(["Dzerzhinsk"], provider=OfflineGeocoder, country_bias="RU")
    dzerzhinsk = resolve("Dzerzhinsk", country_bias="RU")
    assert (gdf.geometry[0].y, gdf.geometry[0].x) == dzerzhinsk.point


def test_geopandas_reverse_geocode():
    import shapely

    kharkiv = resolve("Kharkiv")
    gdf = geopandas.tools.reverse_geocode(
        [shapely.Point(kharkiv.lon, kharkiv.lat)], provider=OfflineGeocoder
    )
    assert gdf.address[0].startswith("Kharkiv")
