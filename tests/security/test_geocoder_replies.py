"""Malformed answers from an online geocoder (a real HTTP server on 127.0.0.1).

``Chain.lookup`` never raises for what a service answers: a reply without valid
coordinates is not a place (never (0, 0)), is not cached, and the lookup says why.
"""

from __future__ import annotations

import json

import pytest
from geopy.geocoders import Nominatim

from geonews.geocoders import Chain
from tests.security.servers import serve

GOOD = {"lat": "48.1", "lon": "37.2", "name": "Khutir", "display_name": "Khutir, Ukraine",
        "address": {"country_code": "ua"}, "osm_type": "node", "osm_id": 1,
        "class": "place", "type": "village"}  # fmt: skip


def _answer(rows=None, *, status=200, headers=(), raw=None):
    def handle(h):
        data = raw if raw is not None else json.dumps(rows).encode()
        h.send_response(status)
        h.send_header("Content-Type", "application/json")
        for k, v in headers:
            h.send_header(k, v)
        h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        h.wfile.write(data)

    return handle


BAD_ROWS = {
    "lat-list": [{**GOOD, "lat": ["48.1"]}],
    "lon-dict": [{**GOOD, "lon": {"v": 37}}],
    "lat-text": [{**GOOD, "lat": "north"}],
    "lat-nan": [{**GOOD, "lat": "NaN"}],
    "lon-inf": [{**GOOD, "lon": "inf"}],
    "lat-range": [{**GOOD, "lat": "91"}],
    "lon-range": [{**GOOD, "lon": "-181"}],
    "no-coordinates": [{k: v for k, v in GOOD.items() if k not in ("lat", "lon")}],
    "empty-strings": [{**GOOD, "lat": "", "lon": ""}],
    "not-a-list": {"error": "weird"},
    "row-not-object": ["Khutir"],
    "null-row": [None],
    "bool-lat": [{**GOOD, "lat": True, "lon": False}],
    "huge-number": [{**GOOD, "lat": "1e400"}],
}
RAW = {
    "not-json": b"<html>oops</html>",
    "truncated": b'[{"lat": "48.1", "lon": "3',
    "deep": b"[" * 100_000 + b"]" * 100_000,
}
STATUS = {
    "retry-after-400-digits": (429, [("Retry-After", "9" * 400)]),
    "retry-after-date-garbage": (503, [("Retry-After", "Tuesday-ish")]),
    "retry-after-negative": (429, [("Retry-After", "-5")]),
}


def _chain(url, tmp_path):
    geocoder = Nominatim(domain=url.split("//")[1], scheme="http", user_agent="geonews-tests")
    return Chain(geocoder, offline=None, cache=tmp_path / "c.sqlite", min_delay=0,
                 retries=1, backoff=0.01, country_bias=None)  # fmt: skip


@pytest.mark.parametrize("case", [*BAD_ROWS, *RAW, *STATUS])
def test_a_malformed_reply_is_an_unresolved_lookup_with_its_reason(case, tmp_path):
    if case in BAD_ROWS:
        handler = _answer(BAD_ROWS[case])
    elif case in RAW:
        handler = _answer(raw=RAW[case])
    else:
        status, headers = STATUS[case]
        handler = _answer([], status=status, headers=headers)
    with serve({"/search": handler}) as (url, _), _chain(url, tmp_path) as chain:
        result = chain.lookup("Khutir")  # must not raise
        assert result.place is None and result.status == "unresolved"
        assert result.reason
        again = chain.lookup("Khutir")
        assert not again.cached or again.place is None  # nothing bad was stored as a place


def test_a_good_row_among_bad_ones_and_a_good_reply(tmp_path):
    rows = [{**GOOD, "lat": "NaN"}, {**GOOD, "lon": None}, GOOD]
    with serve({"/search": _answer(rows)}) as (url, _), _chain(url, tmp_path) as chain:
        mixed = chain.lookup("Khutir")  # geopy reads a reply whole: a broken one is refused
        assert mixed.place is None and "malformed" in mixed.reason
    with serve({"/search": _answer([GOOD])}) as (url, _), _chain(url, tmp_path / "b") as chain:
        place = chain.lookup("Khutir").place
        assert (place.lat, place.lon) == (48.1, 37.2) and place.country == "UA"


def test_geocode_frame_keeps_every_row_when_one_answer_is_garbage(tmp_path):
    import pandas as pd

    import geonews

    def by_query(h):
        bad = "Broken" in h.path
        _answer(raw=b'[{"lat": [1]}]' if bad else json.dumps([GOOD]).encode())(h)

    frame = pd.DataFrame({"place": ["Khutir Good", "Khutir Broken", "Khutir Fine"]})
    with serve({"/search": by_query}) as (url, _), _chain(url, tmp_path) as chain:
        gdf, failures = geonews.geocode_frame(frame, "place", chain=chain)
    assert len(gdf) == 3 and gdf.geometry.isna().tolist() == [False, True, False]
    assert list(failures["name"]) == ["Khutir Broken"] and "malformed" in failures["reason"].iloc[0]
