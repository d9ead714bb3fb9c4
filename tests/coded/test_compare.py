"""geonews.compare: news events against coded ones, by place, date window and type."""

from __future__ import annotations

import math

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import Point, box

import geonews
from geonews.coded import compare, read_acled, read_ucdp
from geonews.coded.compare import COMPATIBLE, GROUPS, oblast_key
from geonews.errors import InvalidInput
from geonews.maps import save_map
from tests.coded.exports import UCDP_EVENTS, ucdp_csv, write_acled


def frame(rows, **columns):
    """Events from (id, type, date, lon, lat) tuples; more columns by keyword."""
    data = {
        "event_id": [r[0] for r in rows],
        "event_type": [r[1] for r in rows],
        "date": pd.to_datetime([r[2] for r in rows]),
        "place_name": [f"place {r[0]}" for r in rows],
        "admin1": ["Donetsk"] * len(rows),
        **columns,
    }
    return gpd.GeoDataFrame(data, geometry=[Point(r[3], r[4]) for r in rows], crs=4326)


def km_east(lon, lat, km):
    return lon + km / (111.32 * math.cos(math.radians(lat)))


def test_one_to_one_and_greedy_by_distance():
    news = frame([("n1", "Battles", "2025-12-01", 37.0, 48.0),
                  ("n2", "Battles", "2025-12-01", km_east(37.0, 48.0, 3), 48.0)])  # fmt: skip
    coded = frame([("c1", "Battles", "2025-12-01", km_east(37.0, 48.0, 2), 48.0)])
    result = compare(news, coded, km=10)
    # n2 is 1 km from c1, n1 2 km: the closer pair wins, n1 is news only
    assert result.pairs[["news_event_id", "coded_event_id"]].values.tolist() == [["n2", "c1"]]
    assert result.pairs.loc[0, "km"] == pytest.approx(1.0, abs=0.01)
    assert result.news_only["event_id"].tolist() == ["n1"] and len(result.coded_only) == 0
    assert result.counts() == {"news and coded": 1, "news only": 1, "coded only": 0,
                               "left out": 0}  # fmt: skip


def test_distance_and_date_windows():
    lon2 = km_east(37.0, 48.0, 12)
    news = frame([("n1", "Battles", "2025-12-01", 37.0, 48.0)])
    coded = frame([("c1", "Battles", "2025-12-03", lon2, 48.0)])
    assert len(compare(news, coded, km=10, days=5).pairs) == 0  # 12 km apart
    assert len(compare(news, coded, km=15, days=1).pairs) == 0  # 2 days apart
    pair = compare(news, coded, km=15, days=2).pairs.iloc[0]
    assert pair["days"] == 2 and pair["km"] == pytest.approx(12.0, abs=0.05)
    # a news date range ("last week") overlaps the coded day: no gap
    ranged = news.assign(date=pd.Timestamp("2025-11-27"), date_end=pd.Timestamp("2025-12-04"))
    assert compare(ranged, coded, km=15, days=0).pairs.loc[0, "days"] == 0


def test_type_rules():
    news = frame([("n1", "Explosions/Remote violence", "2025-12-01", 37.0, 48.0),
                  ("n2", "Protests", "2025-12-01", 30.5, 50.4)])  # fmt: skip
    coded = frame([("c1", "State-based conflict", "2025-12-01", 37.0, 48.0),
                   ("c2", "Battles", "2025-12-01", 30.5, 50.4)])  # fmt: skip
    assert compare(news, coded).pairs["coded_event_id"].tolist() == ["c1"]
    assert len(compare(news, coded, types="exact").pairs) == 0
    assert compare(news, coded, types="any").pairs["coded_event_id"].tolist() == ["c1", "c2"]
    assert "One-sided violence" in COMPATIBLE["Violence against civilians"]


def test_region_level_news_matches_inside_its_shape_and_coarse_ones_are_left_out():
    news = frame([("region", "Battles", "2025-12-01", 0, 0),
                  ("country", "Battles", "2025-12-01", 0, 0),
                  ("future", "Battles", "2025-12-01", 37.5, 48.5),
                  ("undated", "Battles", None, 37.5, 48.5)],
                 precision=["region", "country", "settlement", "settlement"],
                 modality=["actual", "actual", "future", "actual"])  # fmt: skip
    news.geometry = [box(37, 48, 38, 49), box(22, 44, 40, 52), Point(37.5, 48.5),
                     Point(37.5, 48.5)]  # fmt: skip
    coded = frame([("inside", "Battles", "2025-12-01", 37.5, 48.5)])
    result = compare(news, coded)
    assert result.pairs[["news_event_id", "coded_event_id", "km"]].values.tolist() == [
        ["region", "inside", 0.0]
    ]
    assert result.left_out[["side", "index", "reason"]].values.tolist() == [
        ["news", 1, "country or area precision"],
        ["news", 2, "not actual (modality)"],
        ["news", 3, "no date"],
    ]
    assert len(compare(news, coded, actual_only=False).left_out) == 2


def test_region_level_news_at_its_point_matches_anywhere_in_the_oblast():
    # events() puts a region's event at the oblast's point; the match uses its shape
    news = frame([("oblast", "Battles", "2025-12-01", 37.65, 48.04)],
                 precision=["region"], place_id=["iso3166-2:UA-14"])  # fmt: skip
    coded = frame([("kostiantynivka", "Battles", "2025-12-01", 37.71, 48.53),  # 55 km off
                   ("zaporizhzhia", "Battles", "2025-12-01", 35.14, 47.84)])  # fmt: skip
    result = compare(news, coded, km=10)
    assert result.pairs[["news_event_id", "coded_event_id", "km"]].values.tolist() == [
        ["oblast", "kostiantynivka", 0.0]
    ]
    unknown = news.assign(place_id=["not-a-place"])  # no shape: the point itself
    assert len(compare(unknown, coded, km=10).pairs) == 0


def test_summaries_per_type_and_per_oblast():
    news = frame([("n1", "Battles", "2025-12-01", 35.14, 47.84),
                  ("n2", "Battles", "2025-12-01", 37.18, 48.28)],
                 admin1=["Zaporizhzhia", "Donetsk"])  # fmt: skip
    coded = frame([("c1", "Battles", "2025-12-01", 35.14, 47.84),
                   ("c2", "Protests", "2025-12-01", 35.10, 47.80),
                   ("c3", "Battles", "2025-12-02", 36.2, 49.99)],
                  admin1=["Zaporizhia", "Zaporizhia", "Kharkiv"])  # fmt: skip
    result = compare(news, coded)
    assert list(result.by_type.columns) == list(GROUPS)
    assert result.by_type.to_dict("index") == {
        "Battles": {"news and coded": 1, "news only": 1, "coded only": 1},
        "Protests": {"news and coded": 0, "news only": 0, "coded only": 1},
    }
    assert result.by_oblast.to_dict("index") == {
        "Zaporizhzhia": {"news and coded": 1, "news only": 0, "coded only": 1},
        "Donetsk": {"news and coded": 0, "news only": 1, "coded only": 0},
        "Kharkiv": {"news and coded": 0, "news only": 0, "coded only": 1},
    }
    assert oblast_key("Kyiv City") == oblast_key("Kyiv") and oblast_key(None) == ""
    assert "news and coded" in result._repr_html_() and "Zaporizhzhia" in str(result)


def _brute_force(news, coded, km, days):
    """The same matching with a double loop: every pair, then greedy by (km, gap)."""
    from geonews.coded.compare import _haversine

    pairs = []
    for i, a in news.iterrows():
        for j, b in coded.iterrows():
            if a["event_type"] != b["event_type"]:
                continue
            xy = [np.array([v]) for v in (a.geometry.x, a.geometry.y, b.geometry.x, b.geometry.y)]
            d = float(_haversine(*xy)[0])
            gap = abs((a["date"] - b["date"]).days)
            if d <= km and gap <= days:
                pairs.append((d, gap, i, j))
    used_n, used_c, out = set(), set(), set()
    for _d, _gap, i, j in sorted(pairs):
        if i not in used_n and j not in used_c:
            used_n.add(i)
            used_c.add(j)
            out.add((i, j))
    return out


def test_matches_a_double_loop_on_random_events():
    rng = np.random.default_rng(17)

    def random_events(n, prefix):
        return frame([
            (f"{prefix}{k}", rng.choice(["Battles", "Protests"]),
             pd.Timestamp("2025-11-01") + pd.Timedelta(days=int(rng.integers(0, 10))),
             37 + rng.random() * 0.6, 48 + rng.random() * 0.4)
            for k in range(n)
        ])  # fmt: skip

    news, coded = random_events(150, "n"), random_events(400, "c")
    result = compare(news, coded, km=6, days=1, types="exact")
    got = set(zip(result.pairs["news"], result.pairs["coded"], strict=True))
    assert got == _brute_force(news, coded, 6, 1)
    assert len(got) > 20
    assert len(result.pairs) + len(result.news_only) == len(news)
    assert len(result.pairs) + len(result.coded_only) == len(coded)


def test_acled_and_ucdp_exports_against_news_from_the_pipeline(tmp_path):
    texts = [
        ("Russian forces shelled Kherson overnight, killing two civilians, the regional "
         "governor said.", "2025-12-02"),
        ("Clashes continued near Pokrovsk on Monday, Ukraine's General Staff said.",
         "2025-12-02"),
        ("Protesters gathered in Odesa on Tuesday.", "2025-12-02"),
    ]  # fmt: skip
    news = geonews.events([{"text": t, "date": d, "doc_id": f"d{i}"}
                           for i, (t, d) in enumerate(texts)])  # fmt: skip
    acled = read_acled(write_acled(tmp_path / "acled.csv"))
    result = compare(news, acled, km=10, days=1)
    matched = dict(zip(result.pairs["news_place"], result.pairs["coded_event_id"], strict=True))
    assert matched == {"Kherson": "UKR100002", "Pokrovsk": "UKR100001"}
    assert "Odesa" in result.news_only["place_name"].tolist()
    assert set(result.coded_only["event_id"]) == {"UKR100003", "UKR100004", "UKR100005",
                                                  "UKR100006"}  # fmt: skip
    (tmp_path / "ged.csv").write_text(ucdp_csv(UCDP_EVENTS), encoding="utf-8")
    ucdp = compare(news, read_ucdp(tmp_path / "ged.csv"), km=10, days=1)
    assert set(ucdp.pairs["coded_event_id"]) == {"600001", "600002"}


def test_bad_arguments():
    news = frame([("n1", "Battles", "2025-12-01", 37.0, 48.0)])
    with pytest.raises(InvalidInput, match="GeoDataFrame"):
        compare(pd.DataFrame(news), news)
    with pytest.raises(InvalidInput, match="km must be"):
        compare(news, news, km=-1)
    with pytest.raises(InvalidInput, match="days must be"):
        compare(news, news, days=0.5)
    with pytest.raises(InvalidInput, match="types must be"):
        compare(news, news, types="loose")
    with pytest.raises(InvalidInput, match=r"lack the columns \['event_type'\]"):
        compare(news, news.drop(columns="event_type"))
    empty = compare(news.iloc[:0], news.iloc[:0])
    assert empty.counts()["news and coded"] == 0 and list(empty.by_type.columns) == list(GROUPS)


def test_map_of_the_three_groups_is_escaped(tmp_path):
    hostile = "<img src=x onerror=alert(1)> {{ 7 * 7 }}"
    news = frame([("n1", "Battles", "2025-12-01", 37.0, 48.0),
                  ("n2", hostile, "2025-12-01", 30.0, 50.0)])  # fmt: skip
    coded = frame([(hostile, "Battles", "2025-12-01", 37.01, 48.0)])
    result = compare(news, coded, types="any")
    page = save_map(result.map(tiles=None), tmp_path / "compare.html").read_text("utf-8")
    assert "<img src=x" not in page and "{{ 7 * 7 }}" not in page
    assert "reported in the news and coded (1)" in page and "news only (1)" in page
    assert "coded only (0)" in page and "<script src=" not in page


def test_notebook_reprs_escape_the_data():
    hostile = "<script>alert(1)</script>"
    news = frame([("n1", hostile, "2025-12-01", 37.0, 48.0)], admin1=[hostile])
    html = compare(news, news.iloc[:0])._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html
