"""The map HTML: what is drawn, how text is escaped, what offline export inlines."""

from __future__ import annotations

import functools
import html
import http.server
import json
import re
import subprocess
import sys
import threading

import folium
import geopandas
import pandas as pd
import pytest
from folium import plugins
from shapely.geometry import Point, box

import geonews
from geonews.errors import InvalidInput, MissingAsset
from geonews.maps import assets
from geonews.maps import events as maps
from tests.maps.fixtures import HOSTILE, dispatch_events, synthetic_events

_CALL = re.compile(r"geonewsEvents\(\w+,\s*\[([^\]]*)\], (\{.*?\})\);\n", re.S)


def payload(page: str) -> dict:
    """The events payload a rendered page hands to its drawing script."""
    found = _CALL.search(page)
    assert found, "no geonewsEvents(...) call in the page"
    return json.loads(found.group(2))


def render(m: folium.Map) -> str:
    return m.get_root().render()


@pytest.fixture(scope="module")
def dispatch():
    return dispatch_events(hostile=True)


@pytest.fixture(scope="module")
def dispatch_page(dispatch):
    return render(maps.event_map(dispatch, tiles=None, modalities=None))


@pytest.fixture
def empty_cache(tmp_path, monkeypatch):
    monkeypatch.setenv(assets.CACHE_ENV, str(tmp_path / "cache"))
    assets._asset_text.cache_clear()
    yield tmp_path / "cache"
    assets._asset_text.cache_clear()


# ---------------------------------------------------------------- what is drawn


def test_every_event_is_drawn_once_with_its_precision(dispatch, dispatch_page):
    data = payload(dispatch_page)
    ev = data["ev"]
    assert len(ev["t"]) == len(dispatch)
    settlement = (dispatch["precision"] == "settlement").to_numpy()
    assert [p == 0 for p in ev["prec"]] == list(settlement)
    # region- and country-level events are shapes, not points
    shape_events = sorted(i for sh in data["shapes"] for i in sh["ev"])
    assert shape_events == [i for i, s in enumerate(settlement) if not s]
    kinds = {data["precisions"][sh["p"]] for sh in data["shapes"]}
    assert kinds == {"region", "country"}
    assert {g["type"] for g in data["geo"]} <= {"Polygon", "MultiPolygon"}
    # points keep their coordinates (lat, lon named, not swapped)
    moscow = list(dispatch["place_name"]).index("Moscow")
    assert ev["lat"][moscow] == pytest.approx(55.7558)
    assert ev["lon"][moscow] == pytest.approx(37.6173)


def test_each_type_has_its_own_colour_symbol_and_layer(dispatch_page):
    data = payload(dispatch_page)
    names = [t["name"] for t in data["types"]]
    assert len({t["color"] for t in data["types"]}) == len(names)
    shapes = {re.search(r'<path d="([^"]+)"', icons[0]).group(1) for icons in data["icons"]}
    assert len(shapes) == len(names)
    for name in names:  # one layer-control entry per type, with its count
        assert re.search(re.escape(name) + r" \(\d+\)", dispatch_page)


def test_claimed_and_contested_look_different_from_reported(dispatch_page):
    data = payload(dispatch_page)
    icons = data["icons"][0]
    reported, claimed, contested, denied = (
        icons[data["statuses"].index(s)] for s in maps.EVENT_STATUSES
    )
    assert "stroke-dasharray" not in reported
    for other in (claimed, contested, denied):
        assert "stroke-dasharray" in other
    assert len({reported, claimed, contested, denied}) == 4


def test_alias_is_kept_only_when_the_source_used_another_name(dispatch, dispatch_page):
    data = payload(dispatch_page)
    ev, table = data["ev"], data["str"]
    names = list(dispatch["place_name"])
    pokrovsk = names.index("Pokrovsk")
    assert table[ev["alias"][pokrovsk]] == "Krasnoarmeysk"
    assert ev["alias"][names.index("Kyiv")] == -1


def test_metonym_rows_are_never_drawn():
    ev = dispatch_events()
    ev["role"] = "literal"
    ev.loc[ev["place_name"] == "Moscow", "role"] = "metonym"
    data = payload(render(maps.event_map(ev, tiles=None, modalities=None)))
    assert len(data["ev"]["t"]) == len(ev) - 1
    assert "Moscow" not in data["str"]


def test_hostile_text_is_escaped_everywhere(dispatch_page):
    for raw in ("<script>window.__pwned", "<img src=x", 'onerror="window', "</div></div><b>"):
        assert raw not in dispatch_page
    data = payload(dispatch_page)
    escaped = [s for s in data["str"] if "__pwned = 1" in s]
    assert escaped
    assert all("&lt;script&gt;" in s and "&quot;" in s and "<" not in s for s in escaped)


def test_hostile_event_type_and_braces_do_not_break_rendering():
    ev = dispatch_events(hostile=True)
    ev.loc[0, "event_type"] = "{{ 7 * 7 }}<i>type</i>"
    page = render(maps.event_map(ev, tiles=None))
    assert "<i>type</i>" not in page
    # the layer-control name, escaped (tojson turns & < > into \u0026 ...), not evaluated
    assert r"\u0026#123;\u0026#123; 7 * 7 \u0026#125;\u0026#125;\u0026lt;i\u0026gt;" in page
    assert r"49\u0026lt;i" not in page
    # the string table is markup: braces as entities, shown verbatim as text
    assert any("{{ 7 * 7 }}" in html.unescape(s) for s in payload(page)["str"])
    assert not any("{{" in s for s in payload(page)["str"])


def test_only_http_urls_become_links(dispatch_page):
    data = payload(dispatch_page)
    assert not any("javascript:" in s for s in data["str"])
    urls = [data["str"][i] for i in data["ev"]["url"] if i >= 0]
    assert urls and all(u.startswith("https://") for u in urls)


def test_date_range_and_undated_events():
    ev = dispatch_events()
    ev.loc[0, "date"] = pd.NaT
    data = payload(render(maps.event_map(ev, tiles=None)))
    assert data["ev"]["d0"][0] == -1
    assert data["dayMin"] == (pd.Timestamp("2024-08-15") - pd.Timestamp("1970-01-01")).days
    assert data["dayMax"] == (pd.Timestamp("2024-08-21") - pd.Timestamp("1970-01-01")).days


def test_clustering_is_automatic_for_many_points():
    few = payload(render(maps.event_map(dispatch_events(), tiles=None)))
    many = payload(render(maps.event_map(synthetic_events(maps.CLUSTER_ABOVE + 1), tiles=None)))
    forced = payload(render(maps.event_map(dispatch_events(), tiles=None, cluster=True)))
    assert (few["clustered"], many["clustered"], forced["clustered"]) == (False, True, True)


def test_heatmap_on_request(dispatch):
    assert "L.heatLayer" not in render(maps.event_map(dispatch, tiles=None))
    assert "L.heatLayer" in render(maps.event_map(dispatch, tiles=None, heatmap=True))


def test_map_controls_and_attribution(dispatch_page):
    assert "L.control.scale()" in dispatch_page
    assert "L.control.layers(" in dispatch_page
    assert "fitBounds" in dispatch_page
    assert "GeoNames</a> (CC BY 4.0)" in payload(dispatch_page)["attribution"]
    assert "Full screen" in dispatch_page


def test_tiles_and_their_attribution(dispatch):
    page = render(maps.event_map(dispatch))
    assert "tile.openstreetmap.org" in page and "OpenStreetMap" in page


def test_empty_frame_still_makes_a_map(dispatch):
    data = payload(render(maps.event_map(dispatch.iloc[:0], tiles=None)))
    assert data["ev"]["t"] == [] and data["shapes"] == []


def test_frontline_areas_are_drawn_under_the_events(dispatch):
    front = geopandas.GeoDataFrame(
        {
            "status": ["occupied", "contested", "occupied"],
            "date": pd.to_datetime(["2024-08-20", "2024-08-20", "2024-08-01"]),
        },
        geometry=[box(37.5, 47.5, 38.5, 48.5), box(37.2, 48.1, 37.5, 48.4), box(0, 0, 1, 1)],
        crs=4326,
    )
    plain = render(maps.event_map(dispatch, tiles=None))
    page = render(maps.event_map(dispatch, tiles=None, frontline=front))
    assert "Control areas" not in plain
    assert "Control areas" in page  # the legend of geonews.maps.frontline
    assert page.index("Control areas") < page.index("geonewsEvents(map_")  # drawn first
    assert payload(page)["ev"] == payload(plain)["ev"]


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (pd.DataFrame({"a": [1]}), "must be a GeoDataFrame"),
        (geopandas.GeoDataFrame({"x": [1]}, geometry=[Point(0, 0)]), "lacks columns"),
    ],
)
def test_bad_input_is_refused(bad, message):
    with pytest.raises(InvalidInput, match=message):
        maps.event_map(bad)


def test_unknown_status_is_refused():
    ev = dispatch_events()
    ev.loc[0, "status"] = "rumoured"
    with pytest.raises(InvalidInput, match="'rumoured'"):
        maps.event_map(ev)


# ---------------------------------------------------------------- public names


def test_lazy_public_names():
    assert geonews.map is maps.event_map and geonews.save_map is maps.save_map
    assert {"map", "save_map"} <= set(geonews.__all__)
    code = "import sys, geonews; print('folium' in sys.modules, 'geopandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


# ---------------------------------------------------------------- export


def test_offline_file_has_no_external_reference(dispatch, tmp_path, empty_cache):
    out = maps.save_map(maps.event_map(dispatch, heatmap=True), tmp_path / "m.html")
    page = out.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]*\bsrc=", page)
    assert not re.search(r"<link[^>]*\bhref=", page)
    assert "tile.openstreetmap.org" not in page  # tiles dropped offline
    assert "Leaflet 1.9.3" in page  # from XStatic-Leaflet
    assert "simpleheat" in page  # folium's bundled heat-map plugin
    assert re.search(r"url\(\"data:image/png;base64,", page)  # leaflet.css icons
    assert "bootstrap" not in page.lower()  # unused furniture dropped
    assert payload(page)["ev"]["t"]


def test_offline_export_leaves_the_map_untouched(dispatch, tmp_path, empty_cache):
    m = maps.event_map(dispatch)
    before = list(m._children)
    maps.save_map(m, tmp_path / "m.html")
    assert list(m._children) == before
    assert "tile.openstreetmap.org" in render(m)


def test_online_file_is_small_and_uses_cdns(dispatch, tmp_path):
    online = maps.save_map(maps.event_map(dispatch), tmp_path / "on.html", offline=False)
    offline = maps.save_map(maps.event_map(dispatch), tmp_path / "off.html")
    page = online.read_text(encoding="utf-8")
    assert re.search(r'<script src="https://[^"]+leaflet\.js"', page)
    assert online.stat().st_size < offline.stat().st_size / 1.5


def test_missing_asset_is_named(tmp_path, empty_cache):
    m = folium.Map(tiles=None)
    plugins.Fullscreen().add_to(m)
    with pytest.raises(MissingAsset, match=r"Control\.FullScreen"):
        maps.save_map(m, tmp_path / "m.html")


def test_folium_icons_need_their_assets(tmp_path, empty_cache):
    m = folium.Map(tiles=None)
    folium.Marker([48.3, 37.2], icon=folium.Icon(icon="star")).add_to(m)
    with pytest.raises(MissingAsset, match=r"bootstrap|awesome"):
        maps.save_map(m, tmp_path / "m.html")


def test_fast_marker_cluster_default_icons_need_their_assets(tmp_path, empty_cache):
    m = folium.Map(tiles=None)
    plugins.FastMarkerCluster([[48.3, 37.2]]).add_to(m)
    with pytest.raises(MissingAsset, match=r"bootstrap|awesome"):
        maps.save_map(m, tmp_path / "m.html")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_fill_asset_cache_then_export_offline(tmp_path, empty_cache):
    site = tmp_path / "site"
    (site / "fonts").mkdir(parents=True)
    (site / "plugin.js").write_text("window.pluginLoaded = true;", encoding="utf-8")
    (site / "plugin.css").write_text(
        '@font-face{src:url("fonts/f.woff2")} .x{background:url(img.png)}', encoding="utf-8"
    )
    (site / "fonts" / "f.woff2").write_bytes(b"wOF2-font")
    (site / "img.png").write_bytes(b"\x89PNG-image")
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        urls = [f"{base}/plugin.js", f"{base}/plugin.css"]
        written = assets.fill_asset_cache(urls, timeout=5)
    finally:
        server.shutdown()
        server.server_close()
    assert len(written) == 4 and all(p.parent == empty_cache for p in written)
    page = assets.inline_assets(
        f'<script src="{urls[0]}"></script><link rel="stylesheet" href="{urls[1]}"/>'
    )
    assert "<script>window.pluginLoaded = true;</script>" in page
    assert "data:font/woff2;base64," in page and "data:image/png;base64," in page
    assert base not in page


def test_inlined_script_cannot_close_its_tag(tmp_path, empty_cache):
    url = "https://cdn.example/evil.js"
    assets.cached_path(url).parent.mkdir(parents=True)
    assets.cached_path(url).write_text('var s = "</script><b>x</b>";', encoding="utf-8")
    page = assets.inline_assets(f'<script src="{url}"></script>')
    assert page.count("</script>") == 1


def test_hostile_payload_stays_inside_its_script_tag(tmp_path):
    ev = dispatch_events(hostile=True)
    page = maps.save_map(maps.event_map(ev, tiles=None), tmp_path / "m.html").read_text("utf-8")
    script = page[page.index("geonewsEvents(map_") :]
    assert "</script>" not in script[: script.index(");\n")]
    assert HOSTILE not in page


def test_map_of_real_events_from_a_dispatch():
    text = (
        "Russia's defence ministry said on Tuesday its forces were fighting inside "
        "Krasnoarmeysk, which Ukraine denied. Russia launched drones across Ukraine "
        "overnight, the air force said. Negotiators met in Geneva on Thursday."
    )
    ev = geonews.events(text, date="2024-08-20", url="https://news.example/a")
    data = payload(render(geonews.map(ev, tiles=None)))
    names = [data["str"][i] for i in data["ev"]["place"]]
    assert len(names) == len(ev)
    k = names.index("Pokrovsk")
    assert data["str"][data["ev"]["alias"][k]] == "Krasnoarmeysk"
    assert data["ev"]["prec"][k] == 0  # a settlement: a point
    country = names.index("Ukraine")
    assert data["precisions"][data["ev"]["prec"][country]] == "country"
    assert any(country in sh["ev"] for sh in data["shapes"])  # drawn as its shape


def test_notebook_display_embeds_the_escaped_map(dispatch):
    shown = maps.event_map(dispatch, tiles=None)._repr_html_()
    assert "<iframe" in shown and "geonewsEvents" in shown
    assert "<script>window.__pwned" not in shown


def test_date_ranges_reach_the_page():
    ev = dispatch_events()
    ev.loc[0, "date_end"] = pd.Timestamp("2024-08-31")
    data = payload(render(maps.event_map(ev, tiles=None)))
    epoch = pd.Timestamp("1970-01-01")
    assert data["ev"]["d1"][0] == (pd.Timestamp("2024-08-31") - epoch).days
    assert data["dayMax"] == data["ev"]["d1"][0]  # the filter reaches the range's end


def test_only_actual_events_are_drawn_by_default(dispatch):
    # the dispatch holds a warning ("Russia could push across ..."): not a happening
    assert (dispatch["modality"] != "actual").any()
    actual = dispatch[dispatch["modality"].eq("actual")]
    drawn = payload(render(maps.event_map(dispatch, tiles=None)))
    assert len(drawn["ev"]["t"]) == len(actual)
    everything = payload(render(maps.event_map(dispatch, tiles=None, modalities=None)))
    assert len(everything["ev"]["t"]) == len(dispatch)
    future = payload(render(maps.event_map(dispatch, tiles=None, modalities=["future"])))
    assert len(future["ev"]["t"]) == int(dispatch["modality"].eq("future").sum())
    with pytest.raises(InvalidInput, match="unknown modality 'maybe'"):
        maps.event_map(dispatch, modalities=["maybe"])
