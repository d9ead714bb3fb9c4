"""Tests for geonews.frontline.verify and .claims, the claims map layer and the CLI.

Synthetic snapshots put the occupied area east of a meridian in Donetsk oblast (lon
37-38.5, lat 47.5-48.5), with a grey strip west of it when asked; a 1 km disk there is
about 0.0134 degrees of longitude wide either side.  The real claims of
tests/data/claims.csv are checked against ../shared/data/frontline (skipped when absent).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import Point, box

import geonews
from geonews import frontline as fl
from geonews.cli import main
from geonews.errors import InvalidInput
from geonews.export.write import write_events
from geonews.frontline.claims import claimed_side, select
from geonews.maps import VERDICT_COLORS, claims_layer, claims_map, save_map
from geonews.maps.frontline import add_to_map
from tests.browser import BROWSER_MARKS, Page
from tests.security.test_map_payloads import INJECTED, PAYLOADS, _shown

ROOT = Path(__file__).resolve().parents[2]
CLAIMS = ROOT / "tests" / "data" / "claims.csv"
DATA = ROOT / ".." / "shared" / "data" / "frontline"
RAW = sorted((DATA / "deepstate_raw").glob("deepstate_*.geojson"))
UNION = sorted((DATA / "occupied_union").glob("deepstatemap_data_*.geojson"))
needs_data = pytest.mark.skipif(
    not RAW or not UNION, reason=f"control-area snapshots not found under {DATA}"
)
KM = 0.01344  # one km of longitude at 48 N, in degrees


def snapshot(day, east_of, *, grey=0.0, full=True, extra=()):
    """Occupied east of ``east_of``; a grey strip ``grey`` degrees wide west of it.

    ``full`` marks a raw DeepStateMap-like layer (it has a liberated area, far away);
    otherwise it is an occupied-only "union" file.
    """
    rows = [("occupied", box(east_of, 47.5, 38.5, 48.5))]
    if grey:
        rows.append(("contested", box(east_of - grey, 47.5, east_of, 48.5)))
    if full:
        rows.append(("liberated", box(30.4, 50.3, 30.5, 50.4)))
    rows.extend(extra)
    return gpd.GeoDataFrame(
        {"status": [s for s, _ in rows], "date": day}, geometry=[g for _, g in rows], crs=4326
    )


def series(*snaps):
    return fl.load_series(list(snaps))


def claims(*rows):
    """Claims from (date, lon[, lat]) tuples or dicts; captures for RU by default."""
    records, geoms = [], []
    for row in rows:
        if isinstance(row, tuple):
            row = dict(zip(("date", "lon", "lat"), row, strict=False))
        geom = row.pop("geometry", None) or Point(row.pop("lon"), row.pop("lat", 48.0))
        row.pop("lon", None), row.pop("lat", None)
        records.append({"side": "RU", "claim_kind": "capture", **row})
        geoms.append(geom)
    frame = pd.DataFrame(records)
    frame["date"] = pd.to_datetime(frame["date"])
    return gpd.GeoDataFrame(frame, geometry=geoms, crs=4326)


def one(frame, **options):
    out = fl.verify(frame, options.pop("series"), **options)
    assert len(out) == 1
    return out.iloc[0]


# ------------------------------------------------------------------------ verdicts


def test_confirmed_by_the_first_later_snapshot_with_its_lag():
    s = series(snapshot("2024-01-15", 37.6), snapshot("2024-04-15", 37.3),
               snapshot("2024-07-15", 37.2))  # fmt: skip
    row = one(claims(("2024-02-01", 37.45)), series=s)
    assert row.verdict == "confirmed"
    assert row.confirmed_on == pd.Timestamp("2024-04-15") == row.decided_on
    assert row.lag_days == 74
    assert row.before_on == pd.Timestamp("2024-01-15") and row.status_before == "held"
    assert row.statuses == "2024-01-15 held; 2024-04-15 occupied"  # stops where it is settled
    assert "first shown held by RU on 2024-04-15" in row.basis
    assert row.front_side == "ukrainian-held" and 10 < row.front_distance_km < 12


def test_already_held_before_the_claim():
    s = series(snapshot("2024-01-15", 37.6), snapshot("2024-04-15", 37.3))
    row = one(claims(("2024-02-01", 37.8)), series=s)
    assert (row.verdict, row.status_before, row.decided_on) == (
        "already", "occupied", pd.Timestamp("2024-01-15"),
    )  # fmt: skip
    assert pd.isna(row.lag_days) and pd.isna(row.confirmed_on)


def test_not_yet_while_the_place_stays_in_the_grey_zone():
    s = series(snapshot("2024-01-15", 37.6), snapshot("2024-04-15", 37.4, grey=0.2))
    row = one(claims(("2024-02-01", 37.3)), series=s)
    assert row.verdict == "not_yet"
    assert row.statuses == "2024-01-15 held; 2024-04-15 contested"
    assert row.decided_on == pd.Timestamp("2024-04-15")


def test_contradicted_from_within_days_on_and_not_before():
    s = series(snapshot("2024-01-15", 37.6), snapshot("2024-01-25", 37.6),
               snapshot("2024-02-14", 37.6))  # fmt: skip
    claim = claims(("2024-01-15", 37.3))  # 10 and exactly 30 days before the later snapshots
    row = one(claim, series=s)
    assert (row.verdict, row.decided_on) == ("contradicted", pd.Timestamp("2024-02-14"))
    assert "30 days after the claim" in row.basis
    assert one(claim, series=s, within_days=31).verdict == "not_yet"


def test_contradiction_needs_the_other_side_to_hold_it_throughout():
    s = series(snapshot("2024-01-15", 37.6), snapshot("2024-02-25", 37.32, grey=0.05),
               snapshot("2024-05-01", 37.6))  # fmt: skip
    row = one(claims(("2024-01-20", 37.3)), series=s)  # grey on day 36, Ukrainian on day 102
    assert row.verdict == "not_yet", row.statuses


def test_unknown_without_a_later_snapshot_a_place_a_date_or_a_side():
    s = series(snapshot("2024-01-15", 37.6), snapshot("2024-04-15", 37.3))
    late = one(claims(("2024-05-01", 37.2)), series=s)
    assert late.verdict == "unknown" and late.basis == "no snapshot after the claim"
    assert late.before_on == pd.Timestamp("2024-04-15") and late.status_before == "held"
    out = fl.verify(
        claims(
            {"date": "2024-02-01", "lon": 19.9, "lat": 50.06, "country": "PL"},  # Krakow
            {"date": None, "lon": 37.45},
            {"date": "2024-02-01", "lon": 37.45, "side": None},
        ),
        s,
    )
    assert out["verdict"].tolist() == ["unknown"] * 3
    assert out["basis"].tolist() == [
        "no snapshot after the claim covers the place",
        "the claim has no date",
        "no side can be told from a side column, the sentence or the claimant",
    ]
    assert out["statuses"].iloc[0] == "2024-01-15 outside; 2024-04-15 outside"


def test_claim_dated_on_a_snapshot_day_counts_that_snapshot_as_before():
    s = series(snapshot("2024-01-15", 37.6), snapshot("2024-04-15", 37.3))
    held = one(claims(("2024-01-15", 37.8)), series=s)
    assert (held.verdict, held.before_on) == ("already", pd.Timestamp("2024-01-15"))
    later = one(claims(("2024-01-15", 37.45)), series=s)
    assert (later.verdict, later.lag_days) == ("confirmed", 91)
    last = one(claims(("2024-04-15", 37.2)), series=s)
    assert (last.verdict, last.status_before) == ("unknown", "held")


def test_a_place_on_the_line_is_held_by_neither_side():
    s = series(snapshot("2024-01-15", 37.3), snapshot("2024-04-15", 37.2))
    row = one(claims(("2024-02-01", 37.3)), series=s)
    shares = re.fullmatch(r"mixed \(occupied (\S+), held (\S+)\)", row.status_before)
    assert shares, row.status_before
    assert abs(float(shares[1]) - 0.5) <= 0.02 and abs(float(shares[2]) - 0.5) <= 0.02
    assert (row.verdict, row.lag_days) == ("confirmed", 74)
    assert row.front_distance_km < 0.01
    # a smaller hold share than a half is refused: both sides would hold the place
    with pytest.raises(InvalidInput, match="hold_share"):
        fl.verify(claims(("2024-02-01", 37.3)), s, hold_share=0.5)


def test_claim_by_the_ukrainian_side():
    s = series(snapshot("2024-01-15", 37.3), snapshot("2024-04-15", 37.6, full=False),
               snapshot("2024-07-15", 37.6))  # fmt: skip
    row = one(claims({"date": "2024-02-01", "lon": 37.45, "side": "UA"}), series=s)
    # the union file of April shows the place not occupied: grey zone or Ukrainian, so
    # it cannot confirm a Ukrainian claim; the raw layer of July can
    assert row.statuses == "2024-01-15 occupied; 2024-04-15 not_occupied; 2024-07-15 held"
    assert (row.verdict, row.confirmed_on) == ("confirmed", pd.Timestamp("2024-07-15"))


def test_union_files_contradict_ukrainian_claims_never_russian_ones():
    s = series(snapshot("2024-01-15", 37.3), snapshot("2024-04-15", 37.3, full=False))
    ukrainian = one(claims({"date": "2024-02-01", "lon": 37.45, "side": "UA"}), series=s)
    assert ukrainian.verdict == "contradicted"
    russian = one(claims(("2024-02-01", 37.2)), series=s)
    assert (russian.verdict, russian.statuses) == (
        "not_yet", "2024-01-15 held; 2024-04-15 not_occupied",
    )  # fmt: skip


def test_a_union_file_beside_a_raw_layer_is_left_out():
    s = series(snapshot("2024-01-15", 37.6), snapshot("2024-07-14", 37.4, grey=0.2),
               snapshot("2024-07-15", 37.2, full=False))  # fmt: skip
    row = one(claims(("2024-02-01", 37.3)), series=s)
    assert row.verdict == "not_yet" and "2024-07-15" not in row.statuses


def test_region_level_claim_uses_the_share_of_its_territory():
    region = box(37.0, 47.6, 38.0, 48.4)
    s = series(snapshot("2024-01-15", 37.5), snapshot("2024-04-15", 37.2))
    row = one(claims({"date": "2024-02-01", "geometry": region, "precision": "region"}), series=s)
    half = re.fullmatch(r"mixed \(occupied (\S+), held (\S+)\)", row.status_before)
    assert half and abs(float(half[1]) - 0.5) < 0.02
    assert (row.verdict, row.confirmed_on) == ("confirmed", pd.Timestamp("2024-04-15"))
    advance = claims({"date": "2024-02-01", "geometry": region, "claim_kind": "advance"})
    assert one(advance, series=s).basis.startswith("an advance somewhere in a region")


def test_region_level_claim_at_its_point_is_checked_over_the_oblast():
    # events() puts "captured ... in the Donetsk region" at the oblast's point; the
    # verdict weighs the oblast's territory, not a disk around that point
    s = series(snapshot("2024-01-15", 37.5), snapshot("2024-04-15", 37.2))
    at_point = {"date": "2024-02-01", "lon": 37.65, "lat": 48.04, "precision": "region"}
    row = one(claims({**at_point, "place_id": "iso3166-2:UA-14"}), series=s)
    assert row.status_before.startswith("mixed (occupied ")
    disk = one(claims({**at_point, "place_id": "not-a-place"}), series=s)
    assert not disk.status_before.startswith("mixed")


def test_an_advance_shows_as_ground_lost_by_the_other_side():
    s = series(snapshot("2024-01-15", 37.3 + 0.8 * KM), snapshot("2024-04-15", 37.3))
    advance = one(claims({"date": "2024-02-01", "lon": 37.3, "claim_kind": "advance"}), series=s)
    assert advance.verdict == "confirmed" and "lost ground" in advance.basis
    capture = one(claims(("2024-02-01", 37.3)), series=s)
    assert capture.verdict == "not_yet"  # half the town is no capture


def test_russian_soil_near_the_border_and_far_from_it():
    sudzha = box(35.1, 51.1, 35.45, 51.3)
    s = series(
        snapshot("2024-07-14", 37.6),
        snapshot("2025-01-14", 37.6, extra=[("liberated", sudzha)]),
        snapshot("2025-04-15", 37.6, full=False),
        snapshot("2025-07-14", 37.6),
    )
    out = fl.verify(
        claims(
            {"date": "2024-08-15", "lon": 35.27, "lat": 51.19, "country": "RU", "side": "UA"},
            {"date": "2025-03-13", "lon": 35.27, "lat": 51.19, "country": "RU"},
            {"date": "2024-08-15", "lon": 37.62, "lat": 55.75, "country": "RU"},  # Moscow
        ),
        s,
    )
    assert out["verdict"].tolist() == ["confirmed", "confirmed", "unknown"]
    assert out["statuses"].iloc[0] == "2024-07-14 occupied; 2025-01-14 held"
    # the union file says nothing about Russian soil, the next raw layer does
    assert out["statuses"].iloc[1] == "2025-01-14 held; 2025-04-15 outside; 2025-07-14 occupied"


def test_no_claims_and_bad_arguments():
    s = series(snapshot("2024-01-15", 37.6))
    shelling = claims(("2024-02-01", 37.4)).drop(columns=["claim_kind", "side"])
    shelling["sub_type"] = "Shelling/artillery/missile attack"
    empty = fl.verify(shelling, s)
    assert len(empty) == 0 and {"verdict", "lag_days", "statuses"} <= set(empty.columns)
    ok = claims(("2024-02-01", 37.4))
    for bad in ({"within_days": -1}, {"buffer_m": 0}, {"hold_share": 1.5}, {"buffer_m": "x"}):
        with pytest.raises(InvalidInput):
            fl.verify(ok, s, **bad)
    with pytest.raises(InvalidInput, match="snapshot series"):
        fl.verify(ok, "series.geojson")
    with pytest.raises(InvalidInput, match="'date' column"):
        fl.verify(ok.drop(columns="date"), s)
    with pytest.raises(InvalidInput, match="side values"):
        fl.verify(ok.assign(side="NATO"), s)


def test_summary_per_claimant_month_and_side():
    s = series(snapshot("2024-01-15", 37.6), snapshot("2024-04-15", 37.3))
    out = fl.verify(
        claims(
            {"date": "2024-02-01", "lon": 37.45, "claimant": "MoD"},
            {"date": "2024-02-10", "lon": 37.8, "claimant": "MoD"},
            {"date": "2024-03-01", "lon": 37.8, "side": "UA"},
        ),
        s,
    )
    by_claimant = fl.verify_summary(out, by="claimant").set_index("claimant")
    assert by_claimant.loc["MoD", ["claims", "confirmed", "already"]].tolist() == [2, 1, 1]
    assert by_claimant.loc["MoD", "median_lag_days"] == 74
    assert by_claimant.loc["(none)", "contradicted"] == 1
    by_month = fl.verify_summary(out, by=["month", "side"])
    assert by_month[["month", "side", "claims"]].values.tolist() == [
        ["2024-02", "RU", 2], ["2024-03", "UA", 1],
    ]  # fmt: skip
    with pytest.raises(InvalidInput):
        fl.verify_summary(out, by="oblast")


# --------------------------------------------------------------- which claims, which side


@pytest.mark.parametrize(
    ("kind", "sentence", "claimant", "side"),
    [
        ("capture", "Russian forces captured Avdiivka, the ministry said.", None, "RU"),
        ("capture", "Ukrainian troops were pushed out of Robotyne, Moscow said.", None, "RU"),
        ("capture", "Robotyne was liberated by Ukrainian forces on Monday.", None, "UA"),
        ("capture", "Russia's defence ministry said its forces took control of Ocheretyne.",
         None, "RU"),
        ("capture", "The village of Ocheretyne fell to Russian troops.", None, "RU"),
        ("capture", "Kupiansk was retaken.", "Ukraine's General Staff", "UA"),
        ("capture", "In Russian-occupied Kherson region, Ukrainian units took Krynky.", None,
         "UA"),
        ("withdrawal", "Ukraine's army said its units withdrew from Avdiivka.", None, "RU"),
        ("withdrawal", "Moscow announced the withdrawal of Russian troops from Kherson.", None,
         "UA"),
        ("withdrawal", "Units pulled back from the town.", "Ukrainian military", "RU"),
        ("advance", "Ukrainian forces advanced near Robotyne.", "Russian military", "UA"),
        ("capture", "The town was captured.", None, None),
    ],
)  # fmt: skip
def test_the_claimed_side(kind, sentence, claimant, side):
    row = {"claim_kind": kind, "sentence": sentence, "claimant": claimant}
    assert claimed_side(row) == side


def test_which_events_claim_a_change_of_control():
    base = {
        "date": pd.Timestamp("2024-05-05"),
        "event_type": "Strategic developments",
        "modality": "actual",
        "status": "claimed",
        "precision": "settlement",
        "sentence": "Russian forces captured Ocheretyne.",
        "place_text": "Ocheretyne",
    }
    rows = [
        {**base, "sub_type": "Claimed capture"},
        {**base, "sub_type": "Advance", "sentence": "Russian forces advanced on Ocheretyne."},
        {**base, "sub_type": "Withdrawal", "sentence": "Ukrainian troops withdrew."},
        {**base, "event_type": "Battles", "sub_type": "Armed clash"},  # "captured": a claim
        {**base, "event_type": "Battles", "sub_type": "Armed clash",
         "sentence": "Fighting raged in Ocheretyne."},
        {**base, "sub_type": "Claimed capture", "modality": "future"},
        {**base, "sub_type": "Claimed capture", "status": "denied"},
        {**base, "sub_type": "Claimed capture", "precision": "country"},
        {**base, "sub_type": "Talks"},
    ]  # fmt: skip
    frame = gpd.GeoDataFrame(rows, geometry=[Point(37.6, 48.2)] * len(rows), crs=4326)
    out = select(frame)
    assert out.index.tolist() == [0, 1, 2, 3]
    assert out["claim_kind"].tolist() == ["capture", "advance", "withdrawal", "capture"]
    assert out["claimed_side"].tolist() == ["RU", "RU", "RU", "RU"]
    with pytest.raises(InvalidInput, match="claim_kind"):
        select(frame.assign(claim_kind="invasion"))


def test_claims_straight_from_geonews_events():
    text = (
        "Russia's defence ministry said on Sunday its forces had taken full control of "
        "the village of Ocheretyne. Ukrainian troops withdrew from Berdychi last week, "
        "Ukraine's army chief said."
    )
    events = geonews.events(text, date="2024-05-05")
    s = series(snapshot("2024-04-01", 37.7), snapshot("2024-07-14", 37.4))
    out = fl.verify(events, s)
    ocheretyne = out[out["place_name"] == "Ocheretyne"].iloc[0]
    assert (ocheretyne.claimed_side, ocheretyne.claim_kind) == ("RU", "capture")
    assert (ocheretyne.verdict, ocheretyne.confirmed_on) == (
        "confirmed", pd.Timestamp("2024-07-14"),
    )  # fmt: skip


def test_read_claims_csv_and_its_errors(tmp_path):
    claims_csv = fl.read_claims(CLAIMS)
    assert len(claims_csv) == 35 and claims_csv["claim_id"].is_unique
    assert claims_csv["date"].dtype == "datetime64[ns]"
    assert set(claims_csv["claim_kind"]) == {"capture", "advance", "withdrawal"}
    assert set(claims_csv["side"]) == {"RU", "UA"} and set(claims_csv["country"]) == {"UA", "RU"}
    header = "claim_date,lat,lon,side,kind\n"
    cases = {
        "2024-13-45,48.1,37.7,RU,capture": r"line 2: claim_date .* '2024-13-45'",
        "2024-05-05,abc,37.7,RU,capture": r"line 2: lat .* 'abc'",
        "2024-05-05,48.1,37.7,NATO,capture": r"line 2: side .* 'NATO'",
        "2024-05-05,48.1,37.7,RU,invasion": r"line 2: kind .* 'invasion'",
    }
    for row, message in cases.items():
        path = tmp_path / "bad.csv"
        path.write_text(header + row + "\n", encoding="utf-8")
        with pytest.raises(InvalidInput, match=message):
            fl.read_claims(path)
    with pytest.raises(FileNotFoundError, match=r"nope\.csv"):
        fl.read_claims(tmp_path / "nope.csv")


# ---------------------------------------------------------------------------- the CLI


def _write_snapshot(path, frame):
    frame.drop(columns=[c for c in ("date",) if c in frame]).to_file(path, driver="GeoJSON")
    return str(path)


@pytest.fixture
def snapshot_files(tmp_path):
    return [
        _write_snapshot(tmp_path / "deepstate_20240115.geojson", snapshot("2024-01-15", 37.6)),
        _write_snapshot(tmp_path / "deepstate_20240415.geojson", snapshot("2024-04-15", 37.3)),
    ]


@pytest.fixture
def claims_file(tmp_path):
    path = tmp_path / "claims.csv"
    path.write_text(
        "claim_id,claim_date,claimant,side,lat,lon\n"
        "A,2024-02-01,Russian MoD,RU,48.0,37.45\n"
        "B,2024-02-01,Russian MoD,RU,48.0,37.8\n",
        encoding="utf-8",
    )
    return path


def test_cli_verify_writes_rows_and_summaries(tmp_path, claims_file, snapshot_files, capsys):
    out = tmp_path / "verified.csv"
    assert main(["frontline", "verify", str(claims_file), *snapshot_files, "-o", str(out)]) == 0
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert [(r["claim_id"], r["verdict"], r["lag_days"]) for r in rows] == [
        ("A", "confirmed", "74"), ("B", "already", ""),
    ]  # fmt: skip
    assert rows[0]["confirmed_on"] == "2024-04-15" and rows[0]["lat"] == "48.0"
    assert "2 claims: 1 confirmed, 1 already" in capsys.readouterr().err
    argv = ["frontline", "verify", str(claims_file), *snapshot_files, "--summary", "claimant"]
    assert main(argv) == 0
    printed = capsys.readouterr().out
    assert printed.splitlines()[0].split()[:3] == ["claimant", "claims", "confirmed"]
    assert "Russian MoD" in printed and "verdict" not in printed


def test_cli_verify_nothing_found(tmp_path, snapshot_files, capsys):
    full = geonews.events("Missiles struck Kharkiv on Monday.", date="2024-02-05")
    path = write_events(full, tmp_path / "events.geojson")
    assert main(["frontline", "verify", str(path), *snapshot_files]) == 1
    assert "no claim of a change of control" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("missing events", "no such claims file"),
        ("missing snapshot", "cannot read control areas"),
        ("undated snapshot", "has no date"),
        ("empty snapshot", "holds no control area"),
        ("bad date", "line 2: claim_date must be a date"),
        ("corrupt events", "cannot read claims or events"),
        ("bad option", "hold_share must be"),
    ],
)
def test_cli_verify_bad_input_is_exit_2_naming_it(case, message, tmp_path, claims_file,
                                                   snapshot_files, capsys):  # fmt: skip
    events, snaps, extra = str(claims_file), list(snapshot_files), []
    if case == "missing events":
        events = str(tmp_path / "nope.csv")
    elif case == "missing snapshot":
        snaps.append(str(tmp_path / "gone_20240701.geojson"))
    elif case == "undated snapshot":
        undated = snapshot("2024-07-01", 37.2).drop(columns="date")
        snaps.append(_write_snapshot(tmp_path / "areas.geojson", undated))
    elif case == "empty snapshot":
        points = gpd.GeoDataFrame({"status": ["occupied"]}, geometry=[Point(37, 48)], crs=4326)
        snaps.append(_write_snapshot(tmp_path / "points_20240701.geojson",
                                     points.assign(date="2024-07-01")))  # fmt: skip
    elif case == "bad date":
        claims_file.write_text("claim_date,lat,lon\n2024-02-31,48,37.4\n", encoding="utf-8")
    elif case == "corrupt events":
        events = str(tmp_path / "events.geojson")
        Path(events).write_text("{ not json", encoding="utf-8")
    else:
        extra = ["--hold-share", "0.2"]
    assert main(["frontline", "verify", events, *snaps, *extra]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err, err
    named = {"missing events": "nope.csv", "missing snapshot": "gone_20240701",
             "undated snapshot": "areas.geojson", "empty snapshot": "points_20240701",
             "bad date": "claims.csv", "corrupt events": "events.geojson"}  # fmt: skip
    assert named.get(case, "0.2") in err


# -------------------------------------------------------------------- the map layer


def _hostile_verified():
    n = len(PAYLOADS)
    s = series(snapshot("2024-01-15", 37.6), snapshot("2024-04-15", 37.3))
    rows = [
        {"date": "2024-02-01", "lon": 37.45 + 0.02 * (k % 5), "lat": 47.6 + 0.07 * k,
         "claimant": p, "place_name": p, "claim_id": p}
        for k, p in enumerate(PAYLOADS)
    ]  # fmt: skip
    region = box(37.0, 47.6, 38.0, 48.4)
    rows.append({"date": "2024-02-01", "geometry": region, "precision": "region",
                 "claimant": PAYLOADS[0], "place_name": "Donetsk"})  # fmt: skip
    verified = fl.verify(claims(*rows), s)
    assert len(verified) == n + 1
    return verified, s


def _in_the_browser(test):
    for mark in BROWSER_MARKS:
        test = mark(test)
    return test


@_in_the_browser
def test_claims_layer_in_the_browser_shows_hostile_strings_as_text(browser, tmp_path):
    import os

    verified, s = _hostile_verified()
    m = folium.Map(location=(48, 37.5), zoom_start=8, tiles=None)
    add_to_map(s, m)
    claims_layer(verified, name=PAYLOADS[3]).add_to(m)
    folium.LayerControl(collapsed=False).add_to(m)
    page = Page(browser, save_map(m, tmp_path / "claims.html"), ready=None)
    marks = page.page.locator("path.geonews-claim-mark")
    assert marks.count() == len(verified)
    fills = set(page.page.evaluate(
        "() => Array.from(document.querySelectorAll('path.geonews-claim-mark'),"
        " e => e.getAttribute('fill'))"
    ))  # fmt: skip
    assert fills <= set(VERDICT_COLORS.values()) and VERDICT_COLORS["confirmed"] in fills
    seen = []
    for k in range(marks.count()):
        marks.nth(k).dispatch_event("click")
        page.settle()
        seen.append(page.page.locator(".leaflet-popup-content").last.inner_text())
    page.page.wait_for_timeout(300)  # give any onerror/ontoggle a chance to fire
    text = " ".join(" ".join(seen).split())
    for payload in PAYLOADS:
        assert f"Claimant: {_shown(payload)}" in text, payload
    assert "Verdict: confirmed" in text and "Lag (days): 74" in text
    assert "Snapshots used: 2024-01-15 held; 2024-04-15 occupied" in text
    assert page.page.evaluate("window.__pwned") is None
    assert "GEONEWS_PWNED" not in os.environ
    boxes = ".leaflet-popup-content, .leaflet-tooltip, .geonews-legend, .leaflet-control-layers"
    assert page.page.locator(f":is({boxes}) :is({INJECTED})").count() == 0
    legend = page.page.locator(".geonews-legend").first.inner_text()
    assert "confirmed by a later snapshot" in legend
    page.shot("claims-layer.png")
    page.close()  # no console error, no request left the machine


def test_claims_map_holds_the_claims_over_the_control_areas():
    verified, s = _hostile_verified()
    page = claims_map(verified, frontline=s, tiles=None).get_root().render()
    assert "geonews-time-slider" in page and "geonews-claim-mark" in page
    assert PAYLOADS[3] not in page  # every data string reaches the page escaped
    with pytest.raises(InvalidInput):
        claims_layer(pd.DataFrame({"verdict": ["confirmed"]}))


# -------------------------------------------------------------- the real claims CSV

#: Verdicts (and lags) on tests/data/claims.csv against the six raw DeepStateMap layers
#: and nine union files of ../shared/data/frontline, with the default options.
EXPECTED = {
    "C01": ("confirmed", 5), "C02": ("confirmed", 2), "C03": ("confirmed", 103),
    "C04": ("confirmed", 55), "C05": ("confirmed", 171), "C06": ("confirmed", 151),
    "C07": ("confirmed", 139), "C08": ("confirmed", 121), "C09": ("not_yet", None),
    "C10": ("confirmed", 58), "C11": ("already", None), "C12": ("already", None),
    "C13": ("confirmed", 148), "C14": ("confirmed", 148), "C15": ("confirmed", 73),
    "C16": ("confirmed", 70), "C17": ("confirmed", 153), "C18": ("contradicted", None),
    "C19": ("confirmed", 152), "C20": ("confirmed", 37), "C21": ("confirmed", 35),
    "C22": ("confirmed", 19), "C23": ("confirmed", 13), "C24": ("confirmed", 12),
    "C25": ("confirmed", 77), "C26": ("confirmed", 77), "C27": ("confirmed", 8),
    "C28": ("confirmed", 79), "C29": ("confirmed", 67), "C30": ("confirmed", 123),
    "C31": ("confirmed", 76), "C32": ("not_yet", None), "C33": ("confirmed", 45),
    "C34": ("confirmed", 45), "C35": ("confirmed", 35),
}  # fmt: skip


@needs_data
def test_verdicts_on_the_real_claims():
    verified = fl.verify(fl.read_claims(CLAIMS), fl.load_series([*RAW, *UNION]))
    got = {
        row.claim_id: (row.verdict, None if pd.isna(row.lag_days) else int(row.lag_days))
        for row in verified.itertuples()
    }
    assert got == EXPECTED
    by_id = verified.set_index("claim_id")
    # Kupiansk: union files only after the claim, never occupied: not a contradiction
    assert set(by_id.loc["C32", "statuses"].split("; ")[1:]) == {
        "2026-01-15 not_occupied", "2026-04-15 not_occupied", "2026-07-15 not_occupied",
    }  # fmt: skip
    # Bilohorivka: still Ukrainian-held on the raw layer 55 days after the claim
    assert by_id.loc["C18", "decided_on"] == pd.Timestamp("2024-07-14")
    # the union files of 2024-07-15, 2025-01-15 and 2025-07-15 sit beside raw layers
    assert not verified["statuses"].str.contains("2024-07-15|2025-01-15|2025-07-15").any()
    assert np.isfinite(by_id.loc["C33", "front_distance_km"])
