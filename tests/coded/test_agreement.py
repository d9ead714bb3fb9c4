"""geonews.coded.agreement: the extractor on coders' own texts, against their coding."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point, box

from geonews.coded import read_acled, read_ucdp
from geonews.coded.agreement import agreement
from geonews.errors import InvalidInput
from tests.coded.exports import ACLED_EVENTS, UCDP_EVENTS, acled_row, ucdp_csv, write_acled


def test_acled_notes_through_the_real_extractor(tmp_path):
    rows = [acled_row(e) for e in ACLED_EVENTS]
    rows.append(dict(rows[0], event_id_cnty="UKR100007", notes=""))  # no text: skipped
    result = agreement(read_acled(write_acled(tmp_path / "a.csv", rows)))
    assert (result.n_coded, result.n_evaluated, result.n_skipped) == (7, 6, 1)
    assert result.found == 1.0 and result.place == 1.0
    by_id = result.rows.set_index("event_id")
    assert by_id.loc["UKR100002", ["type", "sub_type"]].tolist() == [
        "Explosions/Remote violence", "Shelling/artillery/missile attack"
    ]  # fmt: skip
    assert by_id.loc["UKR100001", "same_sub_type"]
    assert result.confusion.loc["Battles", "Battles"] == 1
    assert result.confusion.index.name == "coded" and result.confusion.columns.name == "geonews"
    html = result._repr_html_()
    assert "<table" in html and "geonews against ACLED coders" in html
    assert "place" in str(result) and result.to_dict()["n_evaluated"] == 6


def test_ucdp_headlines_count_compatible_types(tmp_path):
    path = tmp_path / "ged.csv"
    path.write_text(ucdp_csv(UCDP_EVENTS), encoding="utf-8")
    result = agreement(read_ucdp(path), km=10)
    assert result.dataset == "UCDP GED" and result.n_evaluated == 3
    kherson = result.rows.set_index("event_id").loc["600002"]
    # "Russian shelling kills two in Kherson": UCDP one-sided violence, geonews shelling
    assert kherson["type"] == "Explosions/Remote violence" and kherson["same_type"]
    assert result.sub_type == 0.0  # UCDP has no sub-types


def _coded(text="Shelling hit the town.", etype="Battles"):
    return gpd.GeoDataFrame(
        {"event_id": ["c1"], "event_type": [etype], "sub_type": ["Armed clash"],
         "date": pd.to_datetime(["2025-12-01"]), "sentence": [text], "dataset": ["ACLED"]},
        geometry=[Point(37.0, 48.0)], crs=4326,
    )  # fmt: skip


def test_distance_type_preference_and_confusion_columns():
    def extract(docs):
        ids = [d.doc_id for d in docs]
        return gpd.GeoDataFrame(
            {"doc_id": ids * 3, "event_type": ["Protests", "Battles", "Battles"],
             "sub_type": ["Peaceful protest", "Armed clash", "Armed clash"]},
            geometry=[Point(37.001, 48.0), Point(37.05, 48.0), Point(39.0, 48.0)], crs=4326,
        )  # fmt: skip

    result = agreement(_coded(), extract=extract, km=10)
    row = result.rows.iloc[0]
    # within 10 km: a protest at 0.07 km and a battle at 3.7 km; the coded type wins
    assert row["type"] == "Battles" and row["km"] == pytest.approx(3.72, abs=0.05)
    assert row["n_found"] == 3
    tight = agreement(_coded(), extract=extract, km=1)
    assert tight.rows.iloc[0]["type"] == "Protests" and tight.type == 0.0
    none = agreement(_coded(), extract=extract, km=0.01)
    assert list(none.confusion.columns) == ["(none within 0.01 km)"] and none.place == 0.0


def test_a_region_event_counts_when_the_point_is_inside():
    def extract(docs):
        return gpd.GeoDataFrame({"doc_id": [docs[0].doc_id], "event_type": ["Battles"],
                                 "sub_type": ["Armed clash"]},
                                geometry=[box(36, 47, 38, 49)], crs=4326)  # fmt: skip

    assert agreement(_coded(), extract=extract).place == 1.0


def test_bad_arguments():
    with pytest.raises(InvalidInput, match="missing columns"):
        agreement(_coded().drop(columns="sentence"))
    with pytest.raises(InvalidInput, match="km must be"):
        agreement(_coded(), km=float("nan"))
    with pytest.raises(InvalidInput, match="limit must be"):
        agreement(_coded(), limit=-1)
    empty = agreement(_coded(text=""))
    assert empty.n_evaluated == 0 and empty.place is None
