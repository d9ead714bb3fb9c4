"""Pages in a real browser: Debian's chromium driven by Playwright, with no network.

The ``browser`` fixture (``tests/conftest.py``) launches chromium once for the whole
suite; :class:`Page` opens a saved map with every non-local request cut off and
records console errors and the requests it stopped.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

#: Marks for a test module that needs the browser.
BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium not installed"),
]


class Page:
    """A page with the network cut off, recording console errors and stray requests.

    ``ready`` is a JavaScript condition to wait for (geonews event maps set
    ``window.__geonewsReady``; plain folium pages are ready when loaded).
    """

    def __init__(
        self, browser, path: Path, *, ready: str | None = "window.__geonewsReady === true"
    ):
        self.errors: list[str] = []
        self.external: list[str] = []
        self.page = browser.new_page(viewport={"width": 1280, "height": 800})
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("requestfailed", lambda r: self.external.append(r.url))
        self.page.route("**/*", self._route)
        self.page.goto(path.resolve().as_uri())
        if ready:
            self.page.wait_for_function(ready, timeout=30_000)
        self.settle()

    def _route(self, route):
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            self.external.append(url)
            route.abort()

    def settle(self):
        two_frames = "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
        self.page.evaluate(two_frames)

    def count(self, selector: str) -> int:
        return self.page.locator(selector).count()

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / name
        self.page.screenshot(path=str(path))
        return path

    def open_popup(self, place: str) -> str:
        """Click point markers until one's popup starts with ``place``; leave it open."""
        markers = self.page.locator(".gn-marker")
        for k in range(markers.count()):
            markers.nth(k).dispatch_event("click")
            content = self.page.locator(".leaflet-popup-content").last
            if content.inner_text().startswith(place):
                self.marker = markers.nth(k)
                return content.inner_text()
        raise AssertionError(f"no marker's popup starts with {place!r}")

    def slide(self, which: str, day: str):
        value = (date.fromisoformat(day) - date(1970, 1, 1)).days
        self.page.evaluate(
            """([sel, v]) => { const el = document.querySelector(sel); el.value = v;
                el.dispatchEvent(new Event('input', {bubbles: true})); }""",
            [f".gn-{which}", value],
        )
        self.settle()

    def close(self):
        assert self.errors == [], f"console errors: {self.errors}"
        assert self.external == [], f"requests left the machine: {self.external}"
        self.page.close()
