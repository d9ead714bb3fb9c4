"""Exported maps in a real browser: Debian's chromium, driven by Playwright, no network.

Screenshots go to tests/artifacts/ (not committed); look at them.
"""

from __future__ import annotations

import re

import pytest

from geonews.maps import events as maps
from tests.browser import BROWSER_MARKS, Page
from tests.maps.fixtures import HOSTILE, dispatch_events, synthetic_events

pytestmark = BROWSER_MARKS


@pytest.fixture(scope="module")
def dispatch_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("maps") / "dispatch.html"
    return maps.save_map(maps.event_map(dispatch_events(hostile=True), modalities=None), path)


def test_dispatch_map_renders_offline(browser, dispatch_file):
    ev = dispatch_events(hostile=True)
    page = Page(browser, dispatch_file)
    assert page.count(".gn-marker") == int((ev["precision"] == "settlement").sum())
    assert page.count("path.gn-region") == int((ev["precision"] == "region").sum())
    assert page.count("path.gn-country") == int((ev["precision"] == "country").sum())
    fill = page.page.locator("path.gn-country").first.get_attribute("fill")
    assert fill.startswith("url(#gn-hatch-")  # hatched country outline, not a point
    assert page.count(".gn-marker.gn-contested svg [stroke-dasharray]") == 1
    legend = page.page.locator(".gn-legend").inner_text()
    assert all(s in legend for s in maps.EVENT_STATUSES) and "region" in legend
    types = page.page.locator(".leaflet-control-layers-overlays").inner_text()
    assert all(f"{t} (" in types for t in set(ev["event_type"]))  # the type legend
    assert page.count(".leaflet-control-layers-overlays svg") == ev["event_type"].nunique()
    assert page.count("path.leaflet-interactive") >= 3  # event shapes drawn as SVG
    assert page.page.evaluate("window.__pwned") is None
    page.shot("dispatch.png")
    page.page.evaluate(f"{_map_var(page)}.setView([48.25, 37.4], 8, {{animate: false}})")
    page.settle()
    page.page.wait_for_timeout(300)
    page.shot("dispatch-donbas.png")
    page.close()


def _map_var(page: Page) -> str:
    return page.page.evaluate("Object.keys(window).find(k => /^map_[0-9a-f]{32}$/.test(k))")


def test_popups_tell_place_alias_claim_and_source(browser, dispatch_file):
    page = Page(browser, dispatch_file)
    pokrovsk = page.open_popup("Pokrovsk")
    assert "Pokrovsk \u2014 called Krasnoarmeysk in the source" in pokrovsk
    assert "Battles \u00b7 Armed clash" in pokrovsk
    assert "2024-08-20" in pokrovsk
    assert "contested by Russian defence ministry" in pokrovsk
    assert "fighting inside Krasnoarmeysk" in pokrovsk
    link = page.page.locator(".leaflet-popup-content a.gn-source").last
    assert link.get_attribute("href") == "https://news.example/story/4"
    assert link.get_attribute("rel") == "noopener noreferrer"
    assert "called" not in page.open_popup("Kyiv")  # same name in the source: no alias
    page.close()


def test_hostile_text_renders_as_text_and_runs_nothing(browser, dispatch_file):
    page = Page(browser, dispatch_file)
    hostile = page.open_popup("Toretsk")
    assert "<script>window.__pwned = 1</script>" in hostile
    assert '<img src=x onerror="window.__pwned = 2">' in hostile
    assert "'quoted' \"double\" </div></div><b>bold?</b>" in hostile
    content = page.page.locator(".leaflet-popup-content").last
    assert content.locator("img, script, b").count() == 0
    assert content.locator("a").count() == 0  # javascript: URL is not a link
    page.marker.dispatch_event("mouseover")
    tooltip = page.page.locator(".leaflet-tooltip").last
    assert tooltip.inner_text().startswith("Toretsk" + HOSTILE[:30])
    assert tooltip.locator("img, script").count() == 0
    page.page.wait_for_timeout(200)
    assert page.page.evaluate("window.__pwned") is None
    page.shot("hostile-popup.png")
    page.close()


def test_layer_toggle_hides_one_event_type(browser, dispatch_file):
    ev = dispatch_events(hostile=True)
    page = Page(browser, dispatch_file)
    before = page.count(".gn-marker")
    battles = int(((ev["event_type"] == "Battles") & (ev["precision"] == "settlement")).sum())
    box = page.page.locator(".leaflet-control-layers-overlays label", has_text="Battles (")
    box.locator("input").uncheck()
    page.settle()
    assert page.count(".gn-marker") == before - battles
    box.locator("input").check()
    page.settle()
    assert page.count(".gn-marker") == before
    page.close()


def test_time_filter_shows_only_events_in_range(browser, dispatch_file):
    ev = dispatch_events(hostile=True)
    page = Page(browser, dispatch_file)
    assert "2024-08-14 \u2013 2024-08-21" in page.page.locator(".gn-time-label").inner_text()
    page.slide("to", "2024-08-16")
    early = ev[ev["date"] <= "2024-08-16"]
    assert page.count(".gn-marker") == int((early["precision"] == "settlement").sum())
    assert page.count("path.gn-shape") == int((early["precision"] != "settlement").sum())
    page.slide("from", "2024-08-20")  # from > to: "to" follows
    late = ev[ev["date"] >= "2024-08-20"]
    assert page.page.locator(".gn-time-label").inner_text() == "2024-08-20 \u2013 2024-08-20"
    on_20 = late[late["date"] == "2024-08-20"]
    assert page.count(".gn-marker") == int((on_20["precision"] == "settlement").sum())
    page.shot("time-filter.png")
    page.close()


def test_many_points_are_clustered_and_all_accounted_for(browser, tmp_path):
    n = 3000
    path = maps.save_map(maps.event_map(synthetic_events(n, seed=1)), tmp_path / "many.html")
    page = Page(browser, path)
    clusters = page.page.locator(".gn-cluster text").all_text_contents()
    assert clusters, "no clusters drawn"
    singles = page.count(".gn-marker")
    assert sum(int(c) for c in clusters) + singles == n  # every event is in view
    assert page.count(".leaflet-marker-icon") < 400  # the page holds cells, not 3000 icons
    map_var = _map_var(page)
    zoom = page.page.evaluate(f"{map_var}.getZoom()")
    page.shot("clusters.png")
    # a real mouse click, as a reader makes it, on the fullest cluster inside the view;
    # playwright waits until the icon is still (no zoom or pan under way) before clicking
    fullest = page.page.evaluate(
        """() => {
            const box = document.querySelector('.leaflet-container').getBoundingClientRect();
            let best = -1, most = 0;
            document.querySelectorAll('.gn-cluster').forEach((el, i) => {
                const r = el.getBoundingClientRect(), k = +el.textContent;
                const inside = r.left >= box.left && r.right <= box.right
                    && r.top >= box.top && r.bottom <= box.bottom;
                if (inside && k > most) { best = i; most = k; }
            });
            return best;
        }"""
    )
    assert fullest >= 0, "no cluster wholly inside the view"
    page.page.locator(".gn-cluster").nth(fullest).click()
    # the zoom animates: wait for it (a loaded machine takes longer), fail after 10 s
    page.page.wait_for_function(f"{map_var}.getZoom() > {zoom}", timeout=10_000)
    page.close()


def test_heatmap_layer_draws_offline(browser, tmp_path):
    m = maps.event_map(synthetic_events(500, seed=2), heatmap=True)
    page = Page(browser, maps.save_map(m, tmp_path / "heat.html"))
    assert page.count("canvas.leaflet-heatmap-layer") == 1
    assert re.search(r"Heat map", page.page.locator(".leaflet-control-layers").inner_text())
    page.close()


def test_leaflet_default_marker_works_offline(browser, tmp_path):
    import folium

    m = maps.event_map(dispatch_events(), tiles=None)
    folium.Marker([50.45, 30.52], tooltip="plain folium marker").add_to(m)
    page = Page(browser, maps.save_map(m, tmp_path / "default-icon.html"))
    icon = page.page.locator("img.leaflet-marker-icon")
    assert icon.count() == 1
    assert icon.evaluate("img => img.complete && img.naturalWidth > 0")
    page.close()  # asserts: no failed request, no console error
