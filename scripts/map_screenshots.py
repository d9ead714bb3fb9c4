"""Regenerate docs/map.png and docs/map-donbas.png: the dispatch map, offline, in chromium.

    python scripts/map_screenshots.py

Uses the dispatch fixture of tests/maps/fixtures.py, Debian's /usr/bin/chromium through
Playwright, and no network (every request other than file:/data: is aborted and reported).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from geonews import maps  # noqa: E402
from tests.maps.fixtures import dispatch_events  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


def open_offline(p, html: Path, external: list[str]):
    """Open ``html`` in chromium with every request but file:/data: aborted (and listed)."""
    browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
    page = browser.new_page(viewport={"width": 1280, "height": 720})

    def route(r):
        if r.request.url.startswith(("file:", "data:")):
            r.continue_()
        else:
            external.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(html.as_uri())
    page.wait_for_function("window.__geonewsReady === true")
    page.wait_for_timeout(300)
    return browser, page


def main() -> int:
    out = ROOT / "docs"
    out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        html = maps.save_map(maps.event_map(dispatch_events()), Path(tmp) / "dispatch.html")
        with sync_playwright() as p:
            external: list[str] = []
            browser, page = open_offline(p, html, external)
            page.screenshot(path=str(out / "map.png"))
            name = page.evaluate("Object.keys(window).find(k => /^map_[0-9a-f]{32}$/.test(k))")
            page.evaluate(f"{name}.setView([48.62, 37.6], 8, {{animate: false}})")
            page.wait_for_timeout(300)
            markers = page.locator(".gn-marker")
            for k in range(markers.count()):
                markers.nth(k).dispatch_event("click")
                text = page.locator(".leaflet-popup-content").last.inner_text()
                if text.startswith("Pokrovsk"):
                    break
            page.wait_for_timeout(400)
            page.screenshot(path=str(out / "map-donbas.png"))
            browser.close()
    if external:
        print("requests that tried to leave the machine:", external, file=sys.stderr)
        return 1
    print("wrote", out / "map.png", "and", out / "map-donbas.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
