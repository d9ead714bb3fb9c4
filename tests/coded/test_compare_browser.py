"""The comparison map in headless chromium: hostile ids, types and places stay text."""

from __future__ import annotations

import os

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point

from geonews.coded import compare
from geonews.maps import save_map
from tests.browser import BROWSER_MARKS, Page
from tests.security.test_map_payloads import PAYLOADS, _check

pytestmark = BROWSER_MARKS


@pytest.fixture(autouse=True)
def _no_leftover_flag():
    os.environ.pop("GEONEWS_PWNED", None)
    yield
    assert "GEONEWS_PWNED" not in os.environ


def _frame(prefix: str, lon0: float) -> gpd.GeoDataFrame:
    n = len(PAYLOADS)
    return gpd.GeoDataFrame(
        {
            "event_id": [f"{prefix}{k} {p}" for k, p in enumerate(PAYLOADS)],
            "event_type": PAYLOADS,
            "sub_type": PAYLOADS,
            "place_name": PAYLOADS,
            "admin1": PAYLOADS,
            "date": pd.to_datetime(["2025-12-01"] * n),
        },
        geometry=[Point(lon0 + k * 0.5, 48.0 + (k % 3) * 0.01) for k in range(n)],
        crs=4326,
    )


def test_comparison_map_shows_every_payload_as_text(browser, tmp_path):
    news, coded = _frame("n", 30.0), _frame("c", 30.0)
    coded = coded.iloc[::2]  # half the news events have a coded twin
    extra = _frame("x", 20.0)  # and some coded events far away: coded only
    result = compare(news, pd.concat([coded, extra]), km=5, types="exact")
    assert result.counts()["news and coded"] == len(coded)
    path = save_map(result.map(tiles=None), tmp_path / "compare.html")
    _check(Page(browser, path, ready=None), shown=PAYLOADS)
