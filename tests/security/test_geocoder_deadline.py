"""An online geocoder under the network rules: a total deadline, a size cap, checked redirects.

Real geopy ``Nominatim`` against hostile servers on 127.0.0.1.  With geopy's stock adapter
``timeout=1`` bounds each socket read only, so a server trickling a byte every 0.3 s held
one lookup open for as long as it kept sending (measured: 30 s for ``timeout=2``).
"""

from __future__ import annotations

import json
import time

import pytest
from geopy.adapters import URLLibAdapter
from geopy.geocoders import Nominatim

from geonews.errors import GeocoderRateLimited, GeocoderTimeout, GeocoderUnavailable
from geonews.geocoders.adapter import FetchAdapter, use_fetch
from geonews.geocoders.service import Service
from tests.security.servers import body, redirect, serve, slow_body, slow_headers

ROW = [{"lat": "48.28", "lon": "37.18", "name": "Pokrovsk", "display_name": "Pokrovsk, Ukraine",
        "address": {"country_code": "ua"}, "osm_type": "node", "osm_id": 7,
        "class": "place", "type": "town"}]  # fmt: skip


def nominatim(url: str) -> Service:
    geocoder = Nominatim(user_agent="geonews-tests", domain=url.split("//")[1], scheme="http")
    return Service(geocoder, min_delay=0, retries=0, timeout=1.0)


@pytest.mark.parametrize("handler", [slow_headers(0.3, limit=200), slow_body(0.3, limit=200)])
def test_a_trickling_server_ends_at_the_deadline(handler):
    with serve({"/search": handler}) as (url, _):
        service = nominatim(url)
        t0 = time.monotonic()
        with pytest.raises(GeocoderTimeout, match="within 1 s"):
            service.geocode("Pokrovsk")
        # the server would go on for 60 s; a per-read timeout of 1 s never fires
        assert time.monotonic() - t0 < 10


def test_a_good_answer_still_reads():
    with serve({"/search": body(json.dumps(ROW).encode(), content_type="application/json")}) as (
        url,
        _,
    ):
        (place,) = nominatim(url).geocode("Pokrovsk")
    assert (place.name, place.country, place.lat) == ("Pokrovsk", "UA", 48.28)


def test_an_answer_over_the_cap_is_refused_and_not_asked_again(monkeypatch):
    monkeypatch.setattr("geonews.geocoders.adapter.MAX_ANSWER", 1000)
    big = json.dumps(ROW * 100).encode()
    with serve({"/search": body(big, content_type="application/json")}) as (url, server):
        geocoder = Nominatim(user_agent="geonews-tests", domain=url.split("//")[1], scheme="http")
        geocoder.adapter = FetchAdapter(max_bytes=1000)
        service = Service(geocoder, min_delay=0, retries=2, timeout=1.0)
        with pytest.raises(GeocoderUnavailable, match="1,000-byte cap"):
            service.geocode("Pokrovsk")
        assert len(server.hits) == 1


def test_a_redirect_to_another_port_is_refused():
    with (
        serve({"/search": redirect("http://127.0.0.1:1/internal")}) as (url, _),
        pytest.raises(GeocoderUnavailable, match="another host"),
    ):
        nominatim(url).geocode("Pokrovsk")


def test_http_status_reaches_geopy_so_429_keeps_its_retry_after():
    def limited(h):
        h.send_response(429)
        h.send_header("Retry-After", "3")
        h.send_header("Content-Length", "2")
        h.end_headers()
        h.wfile.write(b"no")

    with serve({"/search": limited}) as (url, _), pytest.raises(GeocoderRateLimited) as caught:
        nominatim(url).geocode("Pokrovsk")
    assert caught.value.retry_after == 3


def test_a_geocoder_with_proxies_keeps_its_adapter():
    geocoder = Nominatim(user_agent="geonews-tests", proxies={"http": "127.0.0.1:3128"})
    assert not use_fetch(geocoder)
    assert isinstance(geocoder.adapter, URLLibAdapter) or type(geocoder.adapter).__name__ == (
        "RequestsAdapter"
    )
    with pytest.raises(ValueError, match="cannot use proxies"):
        FetchAdapter(proxies={"http": "127.0.0.1:3128"})
