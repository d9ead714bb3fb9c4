"""Network reads under the rules of geonews.fetch, against hostile servers on 127.0.0.1.

Redirects to another port of the same host (an internal service) or to ftp:// are
refused; hops are capped; slow-loris headers and bodies end at the deadline; bodies
over the cap are cut off, with or without Content-Length; a partial download leaves
no file behind.
"""

from __future__ import annotations

import time

import pytest

from geonews.errors import DataError, InvalidInput
from geonews.fetch import fetch
from tests.security.servers import body, endless, redirect, serve, slow_body, slow_headers


def test_plain_read_and_same_host_redirect():
    with serve({"/a": redirect("/b"), "/b": body(b"hello")}) as (url, _):
        assert fetch(url + "/a") == b"hello"


def test_redirect_to_another_port_of_the_same_host_is_refused():
    with (
        serve({"/secret": body(b"internal")}) as (inner, inner_server),
        serve({"/feed": redirect(inner + "/secret")}) as (outer, _),
    ):
        with pytest.raises(DataError, match=r"redirect to another host 127\.0\.0\.1"):
            fetch(outer + "/feed")
        assert inner_server.hits == []  # nothing reached the internal service
        # the user may allow it explicitly
        port = inner.rsplit(":", 1)[1]
        assert fetch(outer + "/feed", allow_hosts=[f"127.0.0.1:{port}"]) == b"internal"


def test_redirect_allowed_by_the_environment(monkeypatch):
    with (
        serve({"/x": body(b"ok")}) as (inner, _),
        serve({"/r": redirect(inner + "/x")}) as (outer, _),
    ):
        monkeypatch.setenv("GEONEWS_ALLOW_HOSTS", "example.org, " + inner.split("//")[1])
        assert fetch(outer + "/r") == b"ok"


@pytest.mark.parametrize("target", ["ftp://127.0.0.1/x", "file:///etc/passwd", "gopher://h/"])
def test_redirect_to_other_schemes_is_refused(target):
    with (
        serve({"/r": redirect(target)}) as (url, _),
        pytest.raises(DataError, match="not http/https"),
    ):
        fetch(url + "/r")


def test_redirect_hops_are_capped():
    routes = {f"/{i}": redirect(f"/{i + 1}") for i in range(10)}
    with serve(routes) as (url, server):
        with pytest.raises(DataError, match="more than 3 redirects"):
            fetch(url + "/0", max_redirects=3)
        assert len(server.hits) == 4


@pytest.mark.parametrize("url", ["ftp://example.org/a", "file:///etc/passwd", "/etc/passwd", 3])
def test_only_http_urls(url):
    with pytest.raises(InvalidInput, match="only http"):
        fetch(url)


def test_slow_loris_headers_end_at_the_deadline():
    with serve({"/slow": slow_headers(0.2)}) as (url, _):
        t0 = time.monotonic()
        with pytest.raises(DataError, match="no answer within 1 s"):
            fetch(url + "/slow", deadline=1.0, timeout=5.0)
        assert time.monotonic() - t0 < 5.0  # the per-read timeout alone would never fire


def test_slow_body_ends_at_the_deadline():
    # HTTP/1.0: http.client hands the socket to the response; the watchdog must still reach it
    with serve({"/slow": slow_body(0.2)}) as (url, _):
        t0 = time.monotonic()
        with pytest.raises(DataError, match="within 1 s"):
            fetch(url + "/slow", deadline=1.0, timeout=5.0)
        assert time.monotonic() - t0 < 5.0  # the body alone goes on for 12 s


def test_body_over_the_cap_with_content_length_is_refused_unread():
    with (
        serve({"/big": body(b"z" * 5000)}) as (url, _),
        pytest.raises(DataError, match="5,000 bytes is over the 1,000-byte cap"),
    ):
        fetch(url + "/big", max_bytes=1000)


def test_endless_body_without_length_is_cut_at_the_cap(monkeypatch):
    monkeypatch.setenv("GEONEWS_MAX_DOWNLOAD_MB", "1")
    with (
        serve({"/endless": endless()}) as (url, _),
        pytest.raises(DataError, match="over the 1,048,576-byte cap"),
    ):
        fetch(url + "/endless")


def test_bad_cap_setting_names_the_value(monkeypatch):
    monkeypatch.setenv("GEONEWS_MAX_DOWNLOAD_MB", "lots")
    with pytest.raises(InvalidInput, match="'lots'"):
        fetch("http://127.0.0.1:9/")


def test_download_to_a_file_and_no_partial_file(tmp_path):
    with serve({"/ok": body(b"abc" * 1000), "/big": endless()}) as (url, _):
        dest = tmp_path / "dl" / "x.bin"
        seen = []
        assert fetch(url + "/ok", dest=dest, progress=lambda n, t: seen.append((n, t))) == dest
        assert dest.read_bytes() == b"abc" * 1000 and seen[-1] == (3000, 3000)
        with pytest.raises(DataError, match="cap"):
            fetch(url + "/big", dest=tmp_path / "big.bin", max_bytes=100_000)
        assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["x.bin"]


def test_http_errors_and_unreachable_hosts_are_data_errors():
    with serve({}) as (url, _):
        with pytest.raises(DataError, match="HTTP 404"):
            fetch(url + "/missing")
        port = url.rsplit(":", 1)[1]
    with pytest.raises(DataError, match="cannot fetch"):
        fetch(f"http://127.0.0.1:{port}/gone", deadline=2.0, timeout=1.0)


# -- the readers that go to the network all go through fetch ---------------------------
FEED = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item>'
    b"<title>Odesa</title><description>Missiles struck Odesa.</description></item>"
    b"</channel></rss>"
)
SNAPSHOT = (
    b'{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": '
    b'{"status": "occupied"}, "geometry": {"type": "Polygon", "coordinates": '
    b"[[[37, 48], [38, 48], [38, 49], [37, 49], [37, 48]]]}}]}"
)


def test_cli_parse_of_a_feed_redirected_to_an_internal_port_exits_2(capsys):
    from geonews.cli import main

    with (
        serve({"/admin": body(FEED)}) as (inner, inner_server),
        serve({"/feed.xml": redirect(inner + "/admin"), "/ok.xml": body(FEED)}) as (outer, _),
    ):
        assert main(["parse", outer + "/ok.xml"]) == 0
        assert "Odesa" in capsys.readouterr().out
        assert main(["parse", outer + "/feed.xml"]) == 2
        err = capsys.readouterr().err
        assert "redirect to another host" in err and "Traceback" not in err
        assert inner_server.hits == []


def test_frontline_url_goes_through_fetch(capsys):
    from geonews import frontline
    from geonews.cli import main

    routes = {
        "/deepstatemap_data_20250715.geojson": body(SNAPSHOT),
        "/to-ftp.geojson": redirect("ftp://127.0.0.1/x.geojson"),
    }
    with serve(routes) as (url, _):
        snap = frontline.load(url + "/deepstatemap_data_20250715.geojson")
        assert (
            list(snap["status"]) == ["occupied"] and str(snap["date"].iloc[0])[:10] == "2025-07-15"
        )
        assert main(["frontline", "summary", url + "/to-ftp.geojson"]) == 2
        assert "not http/https" in capsys.readouterr().err


@pytest.mark.parametrize(
    "location",
    ["/vsicurl/http://127.0.0.1:9/x.geojson", "ftp://127.0.0.1/x.geojson", "/vsizip//tmp/a.zip"],
)
def test_frontline_refuses_gdal_network_paths(location):
    from geonews import frontline

    with pytest.raises(InvalidInput, match="file or an http"):
        frontline.load(location)
