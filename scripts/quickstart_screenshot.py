"""Regenerate docs/quickstart-map.png: the README's first command, opened offline in chromium.

    python scripts/quickstart_screenshot.py

Runs ``geonews map data/samples/dispatch.txt`` (through ``geonews.cli.main``) into a
temporary file and photographs it in Debian's /usr/bin/chromium through Playwright, with
every request other than file:/data: aborted, so the picture is what a reader sees offline.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from geonews.cli import main as geonews_cli  # noqa: E402
from scripts.map_screenshots import open_offline  # noqa: E402


def main() -> int:
    out = ROOT / "docs" / "quickstart-map.png"
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "dispatch-map.html"
        sample = ROOT / "data" / "samples" / "dispatch.txt"
        if geonews_cli(["map", str(sample), "-o", str(html)]) != 0:
            return 1
        external: list[str] = []
        with sync_playwright() as p:
            browser, page = open_offline(p, html, external)
            page.screenshot(path=str(out))
            browser.close()
    if external:
        print("requests that tried to leave the machine:", external, file=sys.stderr)
        return 1
    print("wrote", out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
