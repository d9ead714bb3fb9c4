import shapely

from geonews.places.gazetteer import default_gazetteer

gz = default_gazetteer()


def point(place_id):
    p = gz.get_id(place_id)
    return shapely.Point(p.lon, p.lat)


def test_region_shape_covers_its_towns_without_outlier_spikes():
    donetsk = gz.shape(gz.get_id("iso3166-2:UA-14"))
    assert donetsk.contains(point("geonames:704422"))  # Pokrovsk
    assert donetsk.contains(point("geonames:713174"))  # Bakhmut
    # one village coded to the oblast but lying far west must not drag the hull there
    assert donetsk.bounds[0] > 36.0
    assert not donetsk.contains(point("geonames:709930"))  # Dnipro


def test_area_made_of_oblasts_and_country_outline():
    east = gz.shape(gz.get_id("feature:eastern-ukraine"))
    assert east.geom_type in ("Polygon", "MultiPolygon")
    assert east.contains(point("geonames:704422"))  # Pokrovsk
    assert not east.contains(point("geonames:702550"))  # Lviv
    ukraine = gz.shape(gz.country("UA"))
    assert ukraine.contains(point("geonames:703448"))  # Kyiv


def test_region_point_is_the_middle_of_its_area_and_on_it():
    from geonews import resolve
    from geonews.places import haversine_km

    # Virginia's geographic centre (Buckingham County, 37.49 N 78.55 W): the point of a
    # region is the middle of its area, not of where its towns crowd (the northern suburbs)
    virginia = resolve("Virginia", country_bias=None)
    assert haversine_km(virginia.lat, virginia.lon, 37.49, -78.55) < 30
    # a concave region (Idaho's panhandle) still gets a point on itself
    for place in (virginia, resolve("Idaho", country_bias=None), gz.get_id("iso3166-2:UA-14")):
        assert gz.shape(place).covers(shapely.Point(place.lon, place.lat)), place.name


def test_region_territory_covers_the_empty_north_and_borders_its_neighbours():
    from geonews import resolve

    ontario = resolve("Province of Ontario", country_bias=None)
    shape = gz.shape(ontario)
    # the hull of Ontario's towns stopped short of the Hudson Bay lowlands; the territory
    # reaches them, and the point is the middle of the province, not of its south
    assert shape.contains(shapely.Point(-82.0, 52.0))
    assert 47.5 < ontario.lat < 51.0
    donetsk, luhansk = (gz.shape(gz.get_id(f"iso3166-2:UA-{n}")) for n in ("14", "09"))
    assert donetsk.distance(luhansk) == 0 and donetsk.intersection(luhansk).area < 0.01


def test_country_point_lies_on_the_country():
    # countryinfo's point for Kuwait is in Iraq; islands keep their point off the coast
    for iso in ("KW", "UA"):
        country = gz.country(iso)
        assert gz.shape(country).contains(shapely.Point(country.lon, country.lat)), iso
    assert gz.country("FJ").point == (-18.0, 175.0) and gz.country("CU").point == (21.5, -80.0)


def test_settlement_shape_is_its_point():
    shape = gz.shape(gz.get_id("geonames:704422"))
    assert shape.geom_type == "Point" and shape.equals(point("geonames:704422"))


def _nearest_by_scan(lat, lon, limit):
    """The ``limit`` nearest settlements by great-circle distance, every row compared."""
    from geonews.places import haversine_km

    rows = gz._db.execute("SELECT rowid, lat, lon FROM places WHERE kind='settlement'").fetchall()
    rows.sort(key=lambda r: haversine_km(lat, lon, r[1], r[2]))
    return [gz.by_rowid(r[0]).id for r in rows[:limit]]


def test_nearest_is_the_nearest_far_from_ukraine():
    # Ukraine's cos-latitude (0.66) made a degree of longitude 73 km everywhere; north of
    # Tromso (70.1 N) it is 38 km, so the old search answered Tromso (55 km) for Hansnes
    # (34 km); at Tierra del Fuego it answered Cámeron (130 km) for Ushuaia (115 km); by
    # the antimeridian in Fiji it never looked across and answered Tubou (245 km) for
    # Labasa (69 km)
    for (lat, lon), name in [
        ((70.138, 18.879), "Hansnes"),
        ((-54.778, -70.105), "Ushuaia"),
        ((-16.342, -179.995), "Labasa"),
    ]:
        assert gz.nearest(lat, lon)[0].name == name
        for limit in (1, 5):
            found = [p.id for p in gz.nearest(lat, lon, limit=limit)]
            assert found == _nearest_by_scan(lat, lon, limit), (lat, lon, limit)


def test_nearest_in_ukraine_and_its_edge_cases():
    assert [p.name for p in gz.nearest(48.28, 37.18, limit=2)] == ["Pokrovsk", "Lazurnyi"]
    assert [p.id for p in gz.nearest(50.45, 30.52, limit=3)] == _nearest_by_scan(50.45, 30.52, 3)
    assert gz.nearest(48.28, 37.18, limit=0) == []
    assert gz.nearest(-10.0, -120.0) == []  # the open Pacific: nothing within 5 degrees
    # near the pole a box spans many degrees of longitude, across the antimeridian too
    for lat, lon, limit in [(82.0, -150.0, 1), (81.0, 0.0, 2)]:
        assert [p.id for p in gz.nearest(lat, lon, limit=limit)] == _nearest_by_scan(
            lat, lon, limit
        )


def test_places_named_lists_every_place_of_a_name():
    assert {p.country for p in gz.places_named("Pokrovsk")} >= {"UA", "RU"}
    assert "Pokrovsk" in [p.name for p in gz.places_named("Krasnoarmeysk") if p.country == "UA"]
    assert gz.places_named("Qwxzvillezzz") == []


def test_has_longer_tells_whether_a_name_can_go_on_from_a_key():
    from geonews.places import key

    assert gz.has_longer(key("Kryvyi"))  # Kryvyi Rih
    assert not gz.has_longer(key("Kyiv Kyiv"))
    assert not gz.has_longer(key("Kryvyi Rih Kryvyi"))
    # on characters, not words: "People" + "'s" folds into one word of the key
    assert gz.has_longer(key("Democratic People"))


def test_a_run_of_repeated_names_is_read_name_by_name():
    from geonews import geoparse

    found = geoparse(" ".join(["Kharkiv"] * 40) + " was shelled.")
    assert [m.text for m in found] == ["Kharkiv"] * 40


def test_cached_rows_are_plain_values_the_collector_stops_tracking():
    import gc

    from geonews.places.gazetteer import Gazetteer

    fresh = Gazetteer(gz.path)
    pokrovsk = fresh.get_id("geonames:704422")
    record = fresh.record(pokrovsk.raw["rowid"])
    gc.collect()
    assert not gc.is_tracked(record)
    assert all(v is None or isinstance(v, (str, int, float, bool)) for v in record)
    # the place built from the cached row is the one built from the index row
    again = fresh.by_rowid(pokrovsk.raw["rowid"])
    assert again == pokrovsk and again.to_dict() == pokrovsk.to_dict()
    assert again is not pokrovsk and again.raw is not pokrovsk.raw  # a caller's edit stays theirs


def test_cleared_row_cache_is_empty_and_reads_the_same_rows_again():
    from geonews.places.gazetteer import Gazetteer
    from geonews.places.resolver import Resolver

    fresh = Gazetteer(gz.path)
    rowids = [r for r, _ in fresh.hits("novoselivka")]
    before = [p.to_dict() for p in fresh.rows(rowids)]
    ranked = [p.to_dict() for p in Resolver(fresh).candidates("Novoselivka")]
    assert len(fresh._records) >= len(rowids) > 5 and fresh.row_scores
    fresh.clear_cache()
    assert fresh._records == {} and fresh.row_scores == {}
    assert [p.to_dict() for p in fresh.rows(rowids)] == before
    assert [p.to_dict() for p in Resolver(fresh).candidates("Novoselivka")] == ranked
