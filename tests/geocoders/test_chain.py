"""The online chain against a real local HTTP server that speaks the Nominatim API."""

from __future__ import annotations

import itertools
import math
import multiprocessing
import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

import pandas as pd
import pytest
from geopy.geocoders import Nominatim

import geonews
import geonews.geocoders
from geonews.errors import GeocoderConfigError, InvalidInput, UnknownPlace
from geonews.geocoders import (
    WAR_REGION,
    Chain,
    GeocodeCache,
    Service,
    default_cache_path,
    geocode_frame,
    location_to_place,
)
from geonews.places import Place
from geonews.places.names import key
from tests.geocoders.nominatim_server import NominatimServer, place

# Places the test server knows. Mariinka's first answer is the namesake in Russia.
PLACES = [
    place(1, "Sukhyi Yar", 48.4113, 37.5718, "ua", "Donetsk Oblast"),
    place(2, "Ocheretyne", 48.2265, 37.6048, "ua", "Donetsk Oblast"),
    place(3, "Paris", 33.6609, -95.5555, "us", "Texas", kind="town"),
    place(4, "Mariinka", 47.4500, 39.6900, "ru", "Rostov Oblast"),
    place(5, "Mariinka", 47.9418, 37.5043, "ua", "Donetsk Oblast", kind="town"),
    place(6, "Vesele", 48.3500, 38.0700, "ua", "Donetsk Oblast"),
    *[place(100 + i, f"Khutir {i:02d}", 47.5 + i / 50, 36.0 + i / 40, "ua") for i in range(30)],
]

# The offline step: what the alias table + gazetteer would know. A plain function.
OFFLINE = {
    key(p.name): p
    for p in [
        Place("Pokrovsk", 48.28198, 37.17585, id="geonames:704422", country="UA"),
        Place("Bakhmut", 48.59441, 38.00028, id="geonames:709161", country="UA"),
    ]
}


def offline(name):
    return OFFLINE.get(key(name))


@pytest.fixture
def server():
    with NominatimServer(PLACES, delay=1.5) as srv:
        yield srv


def nominatim(server, **kwargs):
    kwargs.setdefault("timeout", 5)
    return Nominatim(domain=server.domain, scheme="http", user_agent="geonews-tests", **kwargs)


def make_chain(server, tmp_path, *, name="cache.sqlite", **kwargs):
    kwargs.setdefault("min_delay", 0)
    kwargs.setdefault("backoff", 0.05)
    kwargs.setdefault("offline", offline)
    kwargs.setdefault("cache", tmp_path / name)
    return Chain(nominatim(server), **kwargs)


# -- cache -----------------------------------------------------------------------------
def test_second_run_makes_no_request(server, tmp_path):
    names = ["Sukhyi Yar", "Ocheretyne", "Vesele", "Pokrovsk", "Nowhere"]
    with make_chain(server, tmp_path) as first:
        before = [first.lookup(n) for n in names]
    assert server.count == 4  # Pokrovsk is offline; Nowhere asked once (negative)
    with make_chain(server, tmp_path) as second:
        after = [second.lookup(n) for n in names]
        variant = second.lookup("SUKHYI-YAR")
    assert server.count == 4
    assert [r.place for r in after] == [r.place for r in before]
    assert [r.cached for r in after] == [True, True, True, False, True]
    assert after[4].status == "unresolved" and "no answer" in after[4].reason
    assert variant.cached and variant.place == before[0].place


def test_negative_answers_expire_sooner(server, tmp_path):
    now = [time.time()]
    cache = GeocodeCache(tmp_path / "c.sqlite", negative_ttl=60.0, clock=lambda: now[0])
    with make_chain(server, tmp_path, cache=cache) as chain:
        chain.lookup("Nowhere")
        chain.lookup("Vesele")
        chain.lookup("Nowhere")
        chain.lookup("Vesele")
        assert server.queries() == ["Nowhere", "Vesele"]
        now[0] += 61  # a minute later: the negative answer is gone, the place is not
        assert chain.lookup("Vesele").cached
        chain.lookup("Nowhere")
    assert server.queries() == ["Nowhere", "Vesele", "Nowhere"]


def test_provenance_travels_in_place(server, tmp_path):
    with make_chain(server, tmp_path) as chain:
        res = chain.lookup("Ocheretyne")
        again = chain.lookup("Ocheretyne")
    p = res.place
    assert (p.source, p.id, p.country, p.admin1) == (
        "nominatim",
        "nominatim:node/2",
        "UA",
        "Donetsk Oblast",
    )
    assert datetime.fromisoformat(p.retrieved).tzinfo is not None
    assert p.raw["osm_id"] == 2 and p.raw["address"]["country_code"] == "ua"
    assert again.cached and again.place.retrieved == p.retrieved  # original retrieval time


def _write_answers(path, worker, rounds):
    """Process body: several threads write and read overlapping entries."""
    cache = GeocodeCache(path)
    errors = []

    def run(thread):
        try:
            for i in range(rounds):
                n = (i * 7 + worker * 13 + thread) % 120
                p = Place(f"Khutir {n:03d}", 47 + n / 100, 36 + n / 100, id=f"t:{n}", source="t")
                cache.put("t", p.name, [p] if n % 5 else [])
                if cache.get("t", p.name) != ([p] if n % 5 else []):
                    errors.append(f"read back a different answer for {p.name!r}")
        except Exception as err:  # e.g. "database is locked": fail the process
            errors.append(repr(err))

    threads = [threading.Thread(target=run, args=(t,)) for t in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    cache.close()
    if errors:
        raise SystemExit(f"worker {worker}: {errors[:3]}")


def test_concurrent_writers_do_not_corrupt_the_cache(tmp_path):
    path = tmp_path / "shared.sqlite"
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_write_answers, args=(path, w, 150)) for w in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0, 0, 0]
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    conn.close()
    with GeocodeCache(path) as cache:
        assert len(cache) == 120
        for n in range(120):
            got = cache.get("t", f"khutir {n:03d}")
            assert got is not None
            assert [p.id for p in got] == ([f"t:{n}"] if n % 5 else [])


def test_cache_reads_entries_written_by_another_place_version(tmp_path):
    path = tmp_path / "old.sqlite"
    with GeocodeCache(path) as cache:
        cache.put("svc", "Vesele", [])  # creates the table
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                "svc", key("Vesele"), "", "name,lat,lon,id,a_future_field",
                '[["Vesele", 48.35, 38.07, "svc:1", "?"]]', '[{"osm_id": 1}]',
                time.time(), time.time() + 60,
            ),
        )  # fmt: skip
    conn.close()
    with GeocodeCache(path) as cache:
        (p,) = cache.get("svc", "VESELE")
    assert (p.name, p.point, p.id, dict(p.raw)) == (
        "Vesele",
        (48.35, 38.07),
        "svc:1",
        {"osm_id": 1},
    )


def test_default_cache_path_follows_env(monkeypatch, tmp_path):
    monkeypatch.setenv("GEONEWS_CACHE_DIR", str(tmp_path / "here"))
    assert default_cache_path() == tmp_path / "here" / "geocode.sqlite"
    monkeypatch.delenv("GEONEWS_CACHE_DIR")
    assert "geonews" in default_cache_path().parts


# -- politeness ------------------------------------------------------------------------
def test_rate_limit_holds_across_threads(server, tmp_path):
    names = [f"Khutir {i:02d}" for i in range(8)]
    with make_chain(server, tmp_path, min_delay=0.25) as chain, ThreadPoolExecutor(4) as pool:
        results = list(pool.map(chain.lookup, names))
    assert all(r.status == "online" for r in results)
    stamps = sorted(t for t, _, _ in server.requests)
    gaps = [b - a for a, b in itertools.pairwise(stamps)]
    assert len(stamps) == 8
    assert min(gaps) >= 0.25, gaps  # measured where the policy applies: at the server


def test_nominatim_needs_an_identifying_user_agent(server):
    for agent in (None, "my-application"):
        geocoder = Nominatim(domain=server.domain, scheme="http", user_agent=agent)
        with pytest.raises(GeocoderConfigError, match="user agent that identifies"):
            Chain(geocoder, cache=False)
        with pytest.raises(GeocoderConfigError):
            Service(geocoder.geocode)
    assert server.count == 0


def test_retry_honours_retry_after(server, tmp_path):
    server.fail_next("429", retry_after=1)
    with make_chain(server, tmp_path) as chain:
        res = chain.lookup("Vesele")
    assert res.status == "online" and res.place.name == "Vesele"
    (t1, _, _), (t2, _, _) = server.requests
    assert t2 - t1 >= 1.0 - 0.02


def test_long_retry_after_opens_the_circuit(server, tmp_path):
    server.fail_next("429", retry_after=3600)
    with make_chain(server, tmp_path) as chain:
        first = chain.lookup("Vesele")
        second = chain.lookup("Ocheretyne")
        assert chain.services[0].breaker.state == "open"
    assert first.status == "unresolved" and "429" in first.reason
    assert "circuit open" in second.reason
    assert server.count == 1


def test_retries_on_5xx_and_timeouts(server, tmp_path):
    server.fail_next("500", times=2)
    with make_chain(server, tmp_path, retries=2) as chain:
        assert chain.lookup("Vesele").status == "online"
    assert server.count == 3
    server.fail_next("slow")
    with make_chain(server, tmp_path, name="c2.sqlite", retries=1, timeout=0.5) as chain:
        res = chain.lookup("Sukhyi Yar")
    assert res.status == "online"
    assert server.count == 5


def test_service_errors_keep_the_geopy_error_as_their_cause():
    import geopy.exc

    from geonews.errors import GeocoderRateLimited, GeocoderTimeout

    def timing_out(query):
        raise geopy.exc.GeocoderTimedOut("read timed out")

    with pytest.raises(GeocoderTimeout) as caught:
        Service(timing_out, min_delay=0, retries=0).geocode("Vesele")
    assert isinstance(caught.value.__cause__, geopy.exc.GeocoderTimedOut)

    def rate_limited(query):  # a wait longer than max_backoff trips the circuit at once
        raise geopy.exc.GeocoderRateLimited("slow down", retry_after=3600)

    with pytest.raises(GeocoderRateLimited) as caught:
        Service(rate_limited, min_delay=0).geocode("Vesele")
    assert isinstance(caught.value.__cause__, geopy.exc.GeocoderRateLimited)


def test_circuit_breaker_opens_and_closes(server, tmp_path, caplog):
    caplog.set_level("INFO", logger="geonews")
    server.mode = "500"
    now = [1000.0]
    service = Service(
        nominatim(server), min_delay=0, retries=0, failure_threshold=3, cooldown=60.0,
        clock=lambda: now[0],
    )  # fmt: skip
    with Chain(service, offline=offline, cache=tmp_path / "cb.sqlite") as chain:
        breaker = chain.services[0].breaker
        failed = [chain.lookup(f"Khutir {i:02d}") for i in range(5)]
        assert server.count == 3  # the last two were not sent
        assert breaker.state == "open"
        opened = [r for r in caplog.records if "circuit open" in r.getMessage()]
        assert [r.levelname for r in opened] == ["WARNING"]
        assert all(r.status == "unresolved" for r in failed)
        assert all("HTTP 500" in r.reason for r in failed[:3])
        assert all("circuit open" in r.reason for r in failed[3:])
        now[0] += 61  # the cooldown passes on the injected clock, not in real time
        assert breaker.state == "half-open"
        # a failed trial opens it again at once
        assert "HTTP 500" in chain.lookup("Khutir 10").reason
        assert breaker.state == "open" and server.count == 4
        server.mode = None
        now[0] += 61
        assert chain.lookup("Khutir 11").status == "online"  # the trial succeeds
        assert breaker.state == "closed"
        assert any("circuit closed" in r.getMessage() for r in caplog.records)
        assert chain.lookup("Khutir 12").status == "online"
    assert server.count == 6


def test_open_circuit_falls_back_to_offline(server, tmp_path):
    server.mode = "500"
    with make_chain(
        server, tmp_path, offline_first=False, retries=0, failure_threshold=1, cooldown=60
    ) as chain:
        first = chain.lookup("Pokrovsk")
        second = chain.lookup("Bakhmut")
    assert first.place.id == "geonames:704422" and first.status == "offline"
    assert "HTTP 500" in first.reason and "offline answer used" in first.reason
    assert second.place.id == "geonames:709161" and "circuit open" in second.reason
    assert server.count == 1


@pytest.mark.parametrize(
    ("fault", "words"), [("malformed", "malformed"), ("drop", "unavailable"), ("500", "HTTP 500")]
)
def test_bad_answers_are_reported_not_cached(server, tmp_path, fault, words):
    server.fail_next(fault)
    with make_chain(server, tmp_path, retries=0) as chain:
        bad = chain.lookup("Vesele")
        good = chain.lookup("Vesele")
    assert bad.status == "unresolved" and words in bad.reason and "'Vesele'" in bad.reason
    assert good.status == "online" and not good.cached
    assert server.count == 2


def test_empty_answer_is_negative(server, tmp_path):
    server.fail_next("empty")
    with make_chain(server, tmp_path) as chain:
        res = chain.lookup("Vesele")
    assert res.status == "unresolved" and "no answer for 'Vesele'" in res.reason


def test_reverse_answers_convert_to_places(server):
    location = nominatim(server).reverse((48.40, 37.56))
    p = location_to_place(location, service="nominatim")
    assert (p.name, p.country, p.id, p.kind) == (
        "Sukhyi Yar",
        "UA",
        "nominatim:node/1",
        "settlement",
    )
    assert p.point == (48.4113, 37.5718)


# -- plausibility ----------------------------------------------------------------------
def test_plausibility_rejects_the_wrong_country(server, tmp_path):
    with make_chain(server, tmp_path) as chain:  # default: the war context's countries
        paris = chain.lookup("Paris")
        mariinka = chain.lookup("Mariinka")
    assert paris.place is None and "'US' is not in the context's countries" in paris.reason
    assert mariinka.place.country == "RU"  # Russia is in the war context
    with make_chain(server, tmp_path, country_bias="UA") as chain:
        mariinka = chain.lookup("Mariinka")
    assert mariinka.place.country == "UA" and mariinka.place.id == "nominatim:node/5"
    assert server.queries() == ["Paris", "Mariinka"]  # the second chain used the cache


def test_context_per_lookup_shares_the_cache(server, tmp_path):
    with make_chain(server, tmp_path, country_bias="UA") as chain:
        ua = chain.lookup("Mariinka")
        ru = chain.lookup("Mariinka", country_bias="RU")
        anywhere = chain.lookup("Paris", country_bias=None)
        boxed = chain.lookup("Paris", country_bias=None, bbox=WAR_REGION)
    assert (ua.place.country, ru.place.country) == ("UA", "RU")
    assert anywhere.place.country == "US" and boxed.place is None
    assert server.queries() == ["Mariinka", "Paris"]  # one cached answer, judged per context


def test_geopy_rate_limiter_as_the_service(server, tmp_path):
    from geopy.extra.rate_limiter import RateLimiter

    swallowing = RateLimiter(nominatim(server).geocode, min_delay_seconds=0)
    with pytest.raises(GeocoderConfigError, match="swallow"):
        Chain(swallowing, cache=False)
    limiter = RateLimiter(nominatim(server).geocode, min_delay_seconds=0, swallow_exceptions=False)
    chain = Chain(limiter, offline=None, cache=False, min_delay=0)
    paris, vesele = chain.lookup("Paris"), chain.lookup("Vesele")
    assert chain.services[0].name == "nominatim"
    assert paris.place is None and "'US'" in paris.reason  # addressdetails was asked for
    assert vesele.place.country == "UA"


def test_default_offline_step_is_the_resolver(server, tmp_path):
    with make_chain(server, tmp_path, offline="default") as chain:
        old_name = chain.lookup("Krasnoarmeysk")
        hamlet = chain.lookup("Khutir 07")
        folded = chain.lookup("Sukhyi Yar")  # the gazetteer only has loose namesakes
    assert (old_name.status, old_name.place.name) == ("offline", "Pokrovsk")
    assert hamlet.status == "online"
    assert (folded.status, folded.place.id) == ("online", "nominatim:node/1")
    assert server.queries() == ["Khutir 07", "Sukhyi Yar"]


def test_weak_offline_matches_are_confirmed_online(server, tmp_path):
    far = Place("Shayar", 41.2, 82.8, id="geonames:1", country="CN", matched="fold")
    near = Place("Vesele", 47.0, 35.0, id="geonames:2", country="UA", matched="fold")
    table = {"sukhyi yar": far, "nowhere": far, "vesela": near}

    def weak_offline(name):
        return table.get(key(name))

    with make_chain(server, tmp_path, offline=weak_offline) as chain:
        confirmed = chain.lookup("Sukhyi Yar")
        rejected = chain.lookup("Nowhere")
        kept = chain.lookup("Vesela")
    assert confirmed.place.id == "nominatim:node/1" and "'fold'" in confirmed.reason
    assert rejected.place is None and "weak offline match 'Shayar' rejected" in rejected.reason
    assert kept.place is near and "offline answer used" in kept.reason
    assert server.queries() == ["Sukhyi Yar", "Nowhere", "Vesela"]
    offline_only = Chain(offline=weak_offline, cache=False)
    assert offline_only.lookup("Nowhere").place is far  # nothing to confirm with


def test_plausibility_bounding_box(server, tmp_path):
    with make_chain(server, tmp_path, country_bias=None, bbox=WAR_REGION) as chain:
        assert "outside the bounding box" in chain.lookup("Paris").reason
        assert chain.lookup("Sukhyi Yar").place.point in WAR_REGION
    with make_chain(server, tmp_path, name="open.sqlite", country_bias=None) as chain:
        assert chain.lookup("Paris").place.country == "US"


def test_second_service_answers_when_first_cannot(server, tmp_path):
    def tracks(query):  # a user's own lookup table, as a plain callable
        from geopy.location import Location

        if query == "Pisky":
            return Location("Pisky", (48.08, 37.64), {"country_code": "ua"})
        return None

    with make_chain(server, tmp_path) as base:
        chain = Chain(
            *base.services, Service(tracks, min_delay=0), offline=offline, cache=base.cache
        )
        res = chain.lookup("Pisky")
    assert (res.status, res.step, res.place.source) == ("online", "tracks", "tracks")
    assert "nominatim: no answer for 'Pisky'" in res.reason


# -- batch -----------------------------------------------------------------------------
def test_nothing_is_lost_in_a_batch(server, tmp_path):
    names = [
        "Pokrovsk", "Sukhyi Yar", "Paris", "Nowhere", "", None, float("nan"), 42,
        "x" * 500, "Ocheretyne", "Vesele", "sukhyi yar", "Mariinka",
    ]  # fmt: skip
    df = pd.DataFrame({"name": names, "doc": [f"d{i}" for i in range(len(names))]})
    df.index = [f"row{i}" for i in range(len(names))]
    server.fail_next("drop")  # the first online request (Sukhyi Yar) fails
    with make_chain(server, tmp_path, retries=0) as chain:
        gdf, failures = geocode_frame(df, "name", chain=chain)
    assert list(gdf.index) == list(df.index)
    assert gdf["doc"].tolist() == df["doc"].tolist()
    assert gdf.crs.to_epsg() == 4326
    placed = gdf[gdf["place_id"].notna()]
    assert set(placed.index) | set(failures.index) == set(df.index)
    assert not set(placed.index) & set(failures.index)
    assert failures["reason"].map(lambda r: isinstance(r, str) and len(r) > 10).all()
    assert failures.loc["row1", "status"] == "unresolved"  # dropped connection, kept
    assert "unavailable" in failures.loc["row1", "reason"]
    assert failures.loc["row11", "status"] == "unresolved"  # same name, asked once per batch
    assert set(failures.loc[["row4", "row5", "row6", "row7", "row8"], "status"]) == {"invalid"}
    assert set(placed.index) == {"row0", "row9", "row10", "row12"}
    pt = gdf.loc["row9"]
    assert (pt.geometry.x, pt.geometry.y) == (pt["lon"], pt["lat"]) == (37.6048, 48.2265)
    assert gdf.loc["row0", "status"] == "offline" and gdf.loc["row9", "status"] == "online"
    assert gdf.loc["row4", "geometry"] is None and math.isnan(gdf.loc["row4", "lat"])


def test_geocode_frame_progress_bar_only_when_asked(capsys):
    df = pd.DataFrame({"name": ["Pokrovsk", "Bakhmut", "Nowhere"]})
    chain = Chain(offline=offline, cache=False)
    geocode_frame(df, "name", chain=chain)  # not a terminal: quiet
    assert capsys.readouterr().err == ""
    geocode_frame(df, "name", chain=chain, progress=True)
    err = capsys.readouterr().err
    assert "geocoding" in err and "3/3" in err


def test_geocode_frame_checks_its_arguments(tmp_path):
    df = pd.DataFrame({"name": ["Pokrovsk"], "status": ["x"]})
    chain = Chain(offline=offline, cache=False)
    with pytest.raises(InvalidInput, match="'where'"):
        geocode_frame(df, "where", chain=chain)
    with pytest.raises(InvalidInput, match="'status'"):
        geocode_frame(df, "name", chain=chain)


def test_resolve_and_get(server, tmp_path):
    with make_chain(server, tmp_path) as chain:
        assert chain.resolve("Vesele").name == "Vesele"
        assert chain.get("Nowhere") is None
        assert chain("Pokrovsk").id == "geonames:704422"
        with pytest.raises(UnknownPlace, match="no answer for 'Atlantis'"):
            chain.resolve("Atlantis")
        with pytest.raises(InvalidInput):
            chain.resolve("  ")


def test_public_names():
    assert set(geonews.geocoders.__all__) <= set(dir(geonews.geocoders))
    assert geonews.geocode_frame is geocode_frame
    assert geonews.Chain is Chain
    assert {"geocode_frame", "Chain"} <= set(geonews.__all__) <= set(dir(geonews))
