"""Fixtures shared by the whole suite."""

from __future__ import annotations

import pytest

from tests.browser import ARGS, CHROMIUM


def pytest_collection_modifyitems(items):
    """Mark every test that uses the browser, so ``-m "not browser"`` leaves them all out."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    """One headless chromium for every browser test (Debian's, never a download)."""
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()
