"""Maps at scale: build + offline save time, HTML size, first render in headless chromium.

    python bench/bench_maps.py                 # 200, 10k, 100k events, 3 runs each
    python bench/bench_maps.py --sizes 100000 --runs 5

For each size it measures, as medians over ``--runs`` whole runs:

* ``build``: ``geonews.map(events)``; ``save``: ``geonews.save_map(m, path)`` (offline);
* ``MB``: size of the offline HTML file;
* ``render``: page-side time from navigation start until the events are drawn and two
  animation frames have passed, in Debian's headless chromium with the network cut off
  (every request that is not file:/data: is aborted and counted as ``failed``);
* ``zoom``: milliseconds from a one-step zoom-in to the next painted frame (redraw);
* ``failed``: requests that failed or tried to leave the machine; ``errors``: console errors.

Baselines, side by side, on the same points: folium's own ``FastMarkerCluster`` (markers
clustered by Leaflet.markercluster) and, up to 10k events, one ``folium.CircleMarker``
with a popup per event.  Events come from ``tests/maps/fixtures.synthetic_events``
(settlement-level points over eastern Ukraine, ~one sentence per three events).
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import folium  # noqa: E402
from folium import plugins  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from geonews import maps  # noqa: E402
from tests.maps.fixtures import synthetic_events  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
TWO_FRAMES = "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
#: Milliseconds from a one-step zoom-in until the map has redrawn and painted a frame.
ZOOM_IN = """new Promise(resolve => {
    const map = window[Object.keys(window).find(k => /^map_[0-9a-f]{32}$/.test(k))];
    const t = performance.now();
    map.once("moveend", () => requestAnimationFrame(() => resolve(performance.now() - t)));
    map.setZoom(map.getZoom() + 1, {animate: false});
})"""


def build_geonews(events):
    return maps.event_map(events)


def build_fast_marker_cluster(events):
    m = folium.Map(tiles=None, control_scale=True)
    m.options["maxZoom"] = 18
    plugins.FastMarkerCluster(
        list(zip(events.geometry.y.round(5), events.geometry.x.round(5), strict=True)),
        # Leaflet's default marker (its image inlines from XStatic-Leaflet's CSS); folium's
        # default callback needs Font Awesome + awesome-markers, which no package ships.
        callback="function (row) { return L.marker([row[0], row[1]]); }",
    ).add_to(m)
    west, south, east, north = events.total_bounds
    m.fit_bounds([[south, west], [north, east]])
    return m


def build_circle_markers(events):
    m = folium.Map(tiles=None, control_scale=True)
    for lat, lon, sentence in zip(
        events.geometry.y, events.geometry.x, events["sentence"], strict=True
    ):
        folium.CircleMarker([lat, lon], radius=4, popup=folium.Popup(sentence)).add_to(m)
    west, south, east, north = events.total_bounds
    m.fit_bounds([[south, west], [north, east]])
    return m


#: name -> (builder, JS condition meaning "the events are drawn", largest size to try)
APPROACHES = {
    "geonews.map": (build_geonews, "window.__geonewsReady === true", None),
    "folium FastMarkerCluster": (
        build_fast_marker_cluster,
        "document.querySelector('.marker-cluster') !== null",
        None,
    ),
    "folium CircleMarker each": (
        build_circle_markers,
        "document.querySelectorAll('path.leaflet-interactive').length > 0",
        10_000,
    ),
}


def render(browser, path: Path, ready: str) -> dict:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    failed: list[str] = []
    errors: list[str] = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))

    def route(r):
        if r.request.url.startswith(("file:", "data:")):
            r.continue_()
        else:
            r.abort()  # also reported through "requestfailed"

    page.route("**/*", route)
    page.goto(path.as_uri(), timeout=300_000)
    page.wait_for_function(ready, timeout=300_000, polling=50)
    page.evaluate(TWO_FRAMES)
    drawn = page.evaluate("performance.now()")
    zoom = page.evaluate(ZOOM_IN)
    page.close()
    return {"render": drawn / 1000, "zoom": zoom, "failed": len(failed), "errors": len(errors)}


def measure(name, events, runs, browser, tmp: Path) -> dict:
    builder, ready, _ = APPROACHES[name]
    rows = []
    for run in range(runs):
        t0 = time.perf_counter()
        m = builder(events)
        t1 = time.perf_counter()
        path = maps.save_map(m, tmp / f"{len(events)}-{run}.html")
        t2 = time.perf_counter()
        row = {"build": t1 - t0, "save": t2 - t1, "MB": path.stat().st_size / 1e6}
        row.update(render(browser, path, ready))
        rows.append(row)
        path.unlink()
    out = {k: statistics.median(r[k] for r in rows) for k in rows[0]}
    out["build+save"] = statistics.median(r["build"] + r["save"] for r in rows)
    out["failed"] = max(r["failed"] for r in rows)
    out["errors"] = max(r["errors"] for r in rows)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 10_000, 100_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "maps.json")
    args = parser.parse_args()

    results = []
    maps.event_map(synthetic_events(10))  # warm imports and caches (outlines, templates)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for n in args.sizes:
            events = synthetic_events(n)
            for name, (_, _, largest) in APPROACHES.items():
                if largest is not None and n > largest:
                    continue
                row = {"approach": name, "events": n, **measure(name, events, args.runs,
                                                                 browser, Path(tmp))}  # fmt: skip
                results.append(row)
                print(
                    f"{n:>7,} {name:<26} build+save {row['build+save']:6.2f} s  "
                    f"{row['MB']:6.2f} MB  render {row['render']:6.2f} s  "
                    f"zoom {row['zoom']:6.0f} ms  "
                    f"failed {row['failed']}  errors {row['errors']}",
                    flush=True,
                )
        browser.close()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    meta = {
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "runs": args.runs,
    }
    args.out.write_text(json.dumps({"meta": meta, "results": results}, indent=1))
    print("\n| events | approach | build+save s | HTML MB | first render s | zoom-in redraw ms "
          "| failed requests |")  # fmt: skip
    print("|---:|---|---:|---:|---:|---:|---:|")
    for r in results:
        print(
            f"| {r['events']:,} | {r['approach']} | {r['build+save']:.2f} | {r['MB']:.2f} "
            f"| {r['render']:.2f} | {r['zoom']:.0f} | {r['failed']} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
