"""Tests for geonews.frontline (sources, analysis, locate) and geonews.maps.frontline.

Real snapshots come from ../shared/data/frontline (third-party, never copied into
the repository); tests that need them skip when the folder is absent.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
from pathlib import Path

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from pyproj import Geod
from shapely.geometry import GeometryCollection, Point, Polygon, box

from geonews import frontline as fl
from geonews.errors import DataError, InvalidInput
from geonews.frontline import sources
from geonews.frontline.analysis import _union
from geonews.frontline.projection import project, ukraine_outline
from geonews.maps import frontline as layers
from geonews.maps.events import save_map
from geonews.places import Place
from tests.browser import Page

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "frontline"
RAW = sorted((DATA / "deepstate_raw").glob("deepstate_*.geojson"))
UNION = sorted((DATA / "occupied_union").glob("deepstatemap_data_*.geojson"))
ISW = DATA / "isw"
GEOD = Geod(ellps="WGS84")

needs_data = pytest.mark.skipif(
    not RAW or not UNION, reason=f"control-area snapshots not found under {DATA}"
)
needs_isw = pytest.mark.skipif(
    not (ISW / "isw_20230715_layers.geojson").exists(), reason=f"ISW layers not found in {ISW}"
)

# Rough box around Ukraine (lon 22..40.3, lat 44.3..52.4) with a 1° margin.
UKRAINE_BOX = box(21.0, 43.3, 41.3, 53.4)
# Published cross-check (../shared/data/README.md): occupied km² on union snapshots.
CROSS_CHECK = {"20240715": 109_400, "20250115": 112_000, "20250715": 114_050}


def geodesic_km2(geom) -> float:
    """Ellipsoidal area of a lon/lat polygon, straight lon/lat edges densified."""
    return abs(GEOD.geometry_area_perimeter(shapely.segmentize(geom, 0.001))[0]) / 1e6


def frame(statuses, geoms, **columns) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"status": statuses, **columns}, geometry=geoms, crs=4326)


def snap(geoms, day, statuses=None) -> gpd.GeoDataFrame:
    statuses = statuses or ["occupied"] * len(geoms)
    return fl.load(frame(statuses, geoms), date=day)


# ----------------------------------------------------------------- DeepStateMap raw


@needs_data
@pytest.mark.parametrize("path", RAW, ids=lambda p: p.name)
def test_raw_deepstate_layer(path):
    raw = gpd.read_file(path)
    far_in_file = (~raw.geometry.representative_point().within(UKRAINE_BOX)).sum()
    assert raw.has_z.any() and (raw.geom_type == "Point").any() and far_in_file >= 10

    snapshot = fl.load(path)
    assert list(snapshot.columns) == sources.COLUMNS
    assert set(snapshot["status"]) == {"occupied", "occupied_before_2022", "contested", "liberated"}
    assert set(snapshot.geom_type) <= {"Polygon", "MultiPolygon"}
    assert not snapshot.has_z.any()
    assert snapshot.is_valid.all()
    # The satirical polygons (Karelia, Kuril Islands, ...) are gone, by geometry.
    assert snapshot.geometry.representative_point().within(UKRAINE_BOX).all()
    stamp = re.search(r"_(\d{8})_", path.name)[1]
    assert (snapshot["date"] == pd.Timestamp(stamp)).all()
    assert snapshot["date"].dtype == "datetime64[ns]"
    assert (snapshot["source"] == str(path)).all()


@needs_data
def test_old_labels_without_geojson_tags_are_classified():
    oldest = RAW[0]
    names = gpd.read_file(oldest)["name"].dropna()
    assert not names.str.contains("geoJSON").any()
    snapshot = fl.load(oldest)
    crimea = snapshot[snapshot["label"].str.contains("Crimea")]
    assert set(crimea["status"]) == {"occupied_before_2022"}
    assert (snapshot["status"] == "contested").sum() == (
        names.str.contains("Unknown status") & ~names.str.contains("geoJSON")
    ).sum() - _far_count(oldest, "Unknown status")


def _far_count(path, text) -> int:
    raw = gpd.read_file(path)
    chosen = raw[raw["name"].fillna("").str.contains(text) & (raw.geom_type != "Point")]
    return int((~chosen.geometry.representative_point().within(UKRAINE_BOX)).sum())


@needs_data
def test_raw_and_union_agree_on_occupied_area():
    raw = fl.load(RAW[3])  # 2024-07-14
    union = fl.load(UNION[0])  # 2024-07-15
    assert raw["date"].iloc[0].strftime("%Y%m") == union["date"].iloc[0].strftime("%Y%m")
    ratio = fl.occupied_area_km2(raw) / fl.occupied_area_km2(union)
    assert abs(ratio - 1) < 0.01


# ------------------------------------------------------------------- occupied union


@needs_data
@pytest.mark.parametrize("path", UNION, ids=lambda p: p.name)
def test_occupied_union_file(path):
    snapshot = fl.load(path)
    assert len(snapshot) == 1 and snapshot["status"].iloc[0] == "occupied"
    stamp = re.search(r"(\d{8})", path.name)[1]
    assert snapshot["date"].iloc[0] == pd.Timestamp(stamp)
    if stamp in CROSS_CHECK:
        area = fl.occupied_area_km2(snapshot)
        assert abs(area / CROSS_CHECK[stamp] - 1) < 0.01, area


# ------------------------------------------------------------------------------ ISW


@needs_isw
def test_isw_layers_file_with_null_and_invalid_geometries():
    path = ISW / "isw_20230715_layers.geojson"
    raw = gpd.read_file(path)
    nulls = int(raw.geometry.isna().sum())
    invalid = int((~raw.geometry.dropna().is_valid).sum())
    assert nulls > 0 and invalid > 0
    with pytest.warns(UserWarning, match=f"dropped {nulls} feature"):
        snapshot = fl.load(path)
    assert len(snapshot) == len(raw) - nulls
    assert snapshot.is_valid.all()
    assert set(snapshot["status"]) == {"occupied", "claimed", "advance", "counteroffensive"}
    by_layer = snapshot.groupby("label")["status"].unique().map(list).to_dict()
    assert by_layer["VIEW_RussiaCoTinUkraine_V3"] == ["occupied"]
    assert by_layer["MDS_AssessedRussianAdvanceInUkraine_view"] == ["advance"]
    assert snapshot["date"].iloc[0] == pd.Timestamp("2023-07-15")


@needs_isw
@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("20221115_RussianAssessedCoTinUkraine.geojson", "occupied"),
        ("20221115_RussianAssessedAdvanceinUkraine.geojson", "advance"),
    ],
)
def test_isw_single_layer_files_take_status_from_name(name, status):
    snapshot = fl.load(ISW / name)
    assert set(snapshot["status"]) == {status}
    assert snapshot["date"].iloc[0] == pd.Timestamp("2022-11-15")


# ------------------------------------------------------------ generic formats, dates


@pytest.mark.parametrize(("driver", "suffix"), [("GPKG", ".gpkg"), ("GeoJSON", ".geojson")])
def test_generic_file_with_status_column_and_map(tmp_path, driver, suffix):
    source = gpd.GeoDataFrame(
        {"control": ["RU", "grey", "UA"], "when": ["2025-03-01"] * 3},
        geometry=[box(37, 48, 37.5, 48.5), box(37.5, 48, 37.6, 48.5), box(36, 48, 36.5, 48.5)],
        crs=4326,
    )
    path = tmp_path / f"areas{suffix}"
    source.to_file(path, driver=driver)
    snapshot = fl.load(
        path,
        date="2025-03-01",
        status_column="control",
        status_map={"RU": "occupied", "grey": "contested", "UA": "liberated"},
    )
    assert snapshot["status"].tolist() == ["occupied", "contested", "liberated"]
    assert snapshot["label"].tolist() == ["RU", "grey", "UA"]
    with pytest.raises(InvalidInput, match="'nope'"):
        fl.load(path, status_column="nope")
    with pytest.raises(InvalidInput, match="'held'"):
        fl.load(path, status_column="control", status_map={"UA": "held"})


def test_kml_with_name_labels(tmp_path):
    source = gpd.GeoDataFrame(
        {"Name": ["Окуповано /// Occupied", "Звільнено /// Liberated"]},
        geometry=[box(37, 48, 37.5, 48.5), box(36, 48, 36.5, 48.5)],
        crs=4326,
    )
    path = tmp_path / "deepstate_20250301.kml"
    source.to_file(path, driver="KML")
    snapshot = fl.load(path)
    assert snapshot["status"].tolist() == ["occupied", "liberated"]
    assert snapshot["date"].iloc[0] == pd.Timestamp("2025-03-01")


def test_date_from_argument_property_or_warning(tmp_path):
    areas = frame(["occupied"], [box(37, 48, 38, 49)], date=["2024-02-03"])
    path = tmp_path / "areas_20250101.geojson"
    areas.to_file(path)
    assert fl.load(path)["date"].iloc[0] == pd.Timestamp("2025-01-01")  # file name
    assert fl.load(path, date="2023-05-06")["date"].iloc[0] == pd.Timestamp("2023-05-06")
    plain = tmp_path / "areas.geojson"
    areas.to_file(plain)
    assert fl.load(plain)["date"].iloc[0] == pd.Timestamp("2024-02-03")  # property
    undated = tmp_path / "undated.geojson"
    areas.drop(columns="date").to_file(undated)
    with pytest.warns(UserWarning, match="no date"):
        assert fl.load(undated)["date"].isna().all()


def test_unreadable_file_raises_data_error(tmp_path):
    bad = tmp_path / "broken.geojson"
    bad.write_text("{not json")
    with pytest.raises(DataError, match=r"broken\.geojson"):
        fl.load(bad)


def test_invalid_null_and_mixed_geometries_never_crash():
    bowtie = Polygon([(37, 48), (38, 49), (38, 48), (37, 49), (37, 48)])
    mixed = GeometryCollection([Point(36, 48), box(36, 48, 36.2, 48.2)])
    raw = gpd.GeoDataFrame(
        {"status": ["occupied", "occupied", "contested", "occupied"]},
        geometry=[bowtie, None, mixed, Point(37, 48)],
        crs=4326,
    )
    assert not bowtie.is_valid
    with pytest.warns(UserWarning, match="dropped 1 feature"):
        snapshot = fl.load(raw, date="2025-01-01")
    assert snapshot["status"].tolist() == ["occupied", "contested"]
    assert snapshot.is_valid.all()
    assert set(snapshot.geom_type) <= {"Polygon", "MultiPolygon"}
    # The repaired bow tie keeps both triangles: half the box.
    assert fl.occupied_area_km2(snapshot) == pytest.approx(
        geodesic_km2(box(37, 48, 38, 49)) / 2, rel=0.01
    )


def test_load_series_sorts_by_date():
    a = frame(["occupied"], [box(37, 48, 38, 49)], date=["2025-07-01"])
    b = frame(["occupied"], [box(37, 48, 38, 49)], date=["2024-07-01"])
    series = fl.load_series([a, b])
    assert series["date"].tolist() == [pd.Timestamp("2024-07-01"), pd.Timestamp("2025-07-01")]
    with pytest.raises(InvalidInput):
        fl.load_series([])


@needs_data
def test_load_series_of_real_snapshots():
    series = fl.load_series(UNION[:3] + RAW[-1:])
    assert series["date"].is_monotonic_increasing
    assert series["date"].nunique() == 4


# ---------------------------------------------------------------------------- URLs


@pytest.fixture
def http_root(tmp_path):
    """A real HTTP server on 127.0.0.1 serving tmp_path."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None  # keep test output quiet
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield tmp_path, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_load_from_url_matches_local_file(http_root):
    root, base = http_root
    areas = frame(["occupied", "contested"], [box(37, 48, 38, 49), box(38, 48, 38.2, 49)])
    areas.to_file(root / "control_20250601.geojson")
    local = fl.load(root / "control_20250601.geojson")
    remote = fl.load(f"{base}/control_20250601.geojson")
    assert remote["source"].iloc[0] == f"{base}/control_20250601.geojson"
    pd.testing.assert_frame_equal(local.drop(columns="source"), remote.drop(columns="source"))
    with pytest.raises(DataError):
        fl.load(f"{base}/missing_20250601.geojson")


@needs_data
def test_load_real_snapshot_from_url(http_root):
    root, base = http_root
    (root / RAW[-1].name).write_bytes(RAW[-1].read_bytes())
    remote = fl.load(f"{base}/{RAW[-1].name}")
    local = fl.load(RAW[-1])
    assert len(remote) == len(local)
    assert fl.occupied_area_km2(remote) == pytest.approx(fl.occupied_area_km2(local))


# -------------------------------------------------------------------------- change


TOWNS = [
    Place("East", 48.5, 37.2, "test:east", admin1="Donetsk"),
    Place("West", 48.5, 36.2, "test:west", admin1="Dnipropetrovsk"),
]


def test_change_areas_and_oblast_split():
    a = snap([box(37.0, 48, 38, 49)], "2024-07-01")
    b = snap([box(36.5, 48, 38, 48.5)], "2025-07-01")
    result = fl.change(a, b, settlements=TOWNS)
    totals = result.groupby("change")["area_km2"].sum()
    assert totals["lost"] == pytest.approx(geodesic_km2(box(36.5, 48, 37.0, 48.5)), rel=1e-3)
    assert totals["gained"] == pytest.approx(geodesic_km2(box(37.0, 48.5, 38, 49)), rel=1e-3)
    lost = result[result["change"] == "lost"].set_index("admin1")
    # The Voronoi edge between the two towns (lon 36.2 and 37.2) runs near lon 36.7.
    expected_west = geodesic_km2(box(36.5, 48, 36.7, 48.5))
    assert lost.loc["Dnipropetrovsk", "area_km2"] == pytest.approx(expected_west, rel=0.03)
    assert result["date_from"].iloc[0] == pd.Timestamp("2024-07-01")
    assert result["date_to"].iloc[0] == pd.Timestamp("2025-07-01")
    assert result.crs.to_epsg() == 4326


def test_change_within_an_area_and_no_change():
    a = snap([box(37.0, 48, 38, 49)], "2024-07-01")
    b = snap([box(36.0, 48, 38, 49)], "2025-07-01")
    around = fl.surroundings(48.5, 36.5, radius_km=10)
    result = fl.change(a, b, within=around, settlements=TOWNS)
    assert result["area_km2"].sum() == pytest.approx(np.pi * 10**2, rel=0.01)
    assert fl.change(a, a, settlements=TOWNS).empty


@needs_data
def test_change_on_real_snapshots_by_gazetteer_oblast():
    a, b = fl.load(UNION[0]), fl.load(UNION[4])  # 2024-07-15, 2025-07-15
    result = fl.change(a, b)
    net = (
        result.loc[result.change == "lost", "area_km2"].sum()
        - result.loc[result.change == "gained", "area_km2"].sum()
    )
    assert net == pytest.approx(fl.occupied_area_km2(b) - fl.occupied_area_km2(a), rel=1e-3)
    lost = result[result.change == "lost"]
    assert lost["admin1"].iloc[0] == "Donetsk"  # the largest loss that year
    assert lost["area_km2"].iloc[0] > 0.5 * lost["area_km2"].sum()


@needs_data
def test_pokrovsk_surroundings_example():
    geonews = pytest.importorskip("geonews")
    pokrovsk = geonews.resolve("Pokrovsk")
    july_2024, july_2025 = fl.load(UNION[0]), fl.load(UNION[4])
    area = fl.surroundings(pokrovsk.lat, pokrovsk.lon, radius_km=25)
    lost = fl.change(july_2024, july_2025, within=area)
    lost_km2 = lost.loc[lost.change == "lost", "area_km2"].sum()
    circle_km2 = np.pi * 25**2
    occupied_before = (
        _union(july_2024, fl.OCCUPIED).intersection(project(np.array([area]))[0]).area / 1e6
    )
    occupied_after = (
        _union(july_2025, fl.OCCUPIED).intersection(project(np.array([area]))[0]).area / 1e6
    )
    assert 0 < lost_km2 <= circle_km2
    assert lost_km2 == pytest.approx(occupied_after - occupied_before, rel=0.01)
    # The town itself, a few days after each snapshot: still held, the front closer.
    town = gpd.GeoDataFrame(
        {"date": pd.to_datetime(["2024-07-20", "2025-07-20"])},
        geometry=[Point(pokrovsk.lon, pokrovsk.lat)] * 2,
        crs=4326,
    )
    located = fl.locate(town, fl.load_series([july_2024, july_2025]))
    assert located["control_status"].tolist() == ["held", "held"]
    before, after = located["front_distance_km"]
    assert after < before <= 25  # the lost area lies inside the 25 km circle


# ---------------------------------------------------------------------- front line


def test_front_line_inland_box_is_its_whole_boundary():
    inland = box(31.0, 48.5, 32.0, 49.5)  # central Ukraine, far from borders
    line = fl.front_line(snap([inland], "2025-01-01"))
    assert line.length == pytest.approx(inland.length, rel=1e-3)


def test_front_line_leaves_out_the_state_border():
    # An area straddling Ukraine's eastern border: its eastern edge lies in Russia.
    across = box(38.0, 48.0, 41.0, 49.0)
    line = fl.front_line(snap([across], "2025-01-01"), border_km=10)
    assert line.length > 0
    outline = ukraine_outline()
    projected = project(np.array([line]))[0]
    assert projected.difference(outline.buffer(-9_000)).length < 1.0
    assert line.bounds[2] < 40.3  # nothing of it east of Ukraine's easternmost point


@needs_data
def test_front_line_of_real_snapshot():
    raw, union = fl.load(RAW[-1]), fl.load(UNION[4])  # July 2025, both
    raw_line, union_line = fl.front_line(raw), fl.front_line(union)
    km = [project(np.array([g]))[0].length / 1000 for g in (raw_line, union_line)]
    assert km[0] == pytest.approx(km[1], rel=0.05)
    longest = max(project(np.array(list(union_line.geoms))), key=lambda g: g.length)
    assert 900 < longest.length / 1000 < 2000  # the continuous front, Kharkiv to Kherson
    border = ukraine_outline().exterior.buffer(5_000)
    assert not project(np.array([union_line]))[0].intersects(border)


# -------------------------------------------------------------------------- locate


def test_locate_inside_outside_and_distance():
    snapshot = snap([box(37.0, 47.5, 38.0, 48.5)], "2025-01-01")
    events = gpd.GeoDataFrame(
        {"date": pd.to_datetime(["2025-03-01", "2025-03-01", "2025-03-01", "2025-03-01"])},
        geometry=[Point(37.5, 48.0), Point(36.5, 48.0), Point(42.5, 48.0), None],
        crs=4326,
    )
    out = fl.locate(events, snapshot)
    assert out["control_status"].tolist()[:3] == ["occupied", "held", "outside"]
    assert out["front_side"].tolist()[:3] == ["occupied", "ukrainian-held", "outside"]
    assert pd.isna(out["control_status"].iloc[3]) and np.isnan(out["front_distance_km"].iloc[3])
    # Distance from (36.5, 48) to the western edge (lon 37) along the parallel.
    _, _, metres = GEOD.inv(36.5, 48.0, 37.0, 48.0)
    assert out["front_distance_km"].iloc[1] == pytest.approx(metres / 1000, rel=0.01)
    # From the centre of the box to its nearest edge (north/south edges are ~55.6 km off).
    _, _, to_edge = GEOD.inv(37.5, 48.0, 37.0, 48.0)
    assert out["front_distance_km"].iloc[0] == pytest.approx(to_edge / 1000, rel=0.01)
    assert list(out.columns[: len(events.columns)]) == list(events.columns)


def test_locate_uses_the_latest_snapshot_not_after_the_event():
    early = snap([box(37.0, 47.5, 38.0, 48.5)], "2024-01-01")
    late = snap([box(36.0, 47.5, 38.0, 48.5)], "2025-01-01")
    series = fl.load_series([late, early])
    point = Point(36.5, 48.0)  # held in 2024, occupied from 2025
    events = gpd.GeoDataFrame(
        {"date": pd.to_datetime(["2023-06-01", "2024-06-01", "2025-01-01", None])},
        geometry=[point] * 4,
        crs=4326,
    )
    out = fl.locate(events, series)
    assert pd.isna(out["control_status"].iloc[0])
    assert out["control_status"].tolist()[1:] == ["held", "occupied", "occupied"]
    assert out["control_as_of"].tolist()[1:] == [
        pd.Timestamp("2024-01-01"),
        pd.Timestamp("2025-01-01"),
        pd.Timestamp("2025-01-01"),
    ]


def test_locate_precedence_and_region_geometry():
    snapshot = snap(
        [box(37.0, 47.5, 38.0, 48.5), box(37.4, 47.9, 37.6, 48.1)],
        "2025-01-01",
        statuses=["contested", "occupied_before_2022"],
    )
    events = gpd.GeoDataFrame(
        {"date": pd.to_datetime(["2025-02-01", "2025-02-01"])},
        geometry=[Point(37.5, 48.0), box(37.1, 47.6, 37.2, 47.7)],
        crs=4326,
    )
    out = fl.locate(events, snapshot)
    assert out["control_status"].tolist() == ["occupied_before_2022", "contested"]
    assert out["front_side"].tolist() == ["occupied", "contested"]


@needs_data
def test_locate_against_real_snapshot():
    series = fl.load_series([RAW[-2], RAW[-1]])
    events = gpd.GeoDataFrame(
        {"date": pd.to_datetime(["2025-08-01", "2025-08-01", "2025-08-01"])},
        # Donetsk city (held since 2014), Kyiv, Simferopol.
        geometry=[Point(37.80, 48.00), Point(30.52, 50.45), Point(34.10, 44.95)],
        crs=4326,
    )
    out = fl.locate(events, series)
    assert out["control_status"].tolist() == [
        "occupied_before_2022",
        "held",
        "occupied_before_2022",
    ]
    assert out["front_distance_km"].iloc[1] > 250  # Kyiv: nearest front is in Sumy oblast
    assert out["front_distance_km"].iloc[0] < 150


def test_locate_sides_of_the_state_border_by_nearest_settlement():
    snapshot = snap([box(37.0, 47.5, 38.0, 48.5)], "2025-01-01")
    places = {  # (lon, lat)
        "Izmail (UA)": (28.83, 45.35),
        "Vovchansk (UA)": (36.94, 50.29),
        "Shebekino (RU)": (36.90, 50.41),
        "Belgorod (RU)": (36.59, 50.60),
    }
    points = [Point(xy) for xy in places.values()]
    # The coarse outline alone would put Izmail outside Ukraine.
    assert not shapely.contains(ukraine_outline(), project(np.array(points[:1])))[0]
    events = gpd.GeoDataFrame(
        {"date": pd.to_datetime(["2025-02-01"] * 4)}, geometry=points, crs=4326
    )
    out = fl.locate(events, snapshot)
    assert out["control_status"].tolist() == ["held", "held", "outside", "outside"]
    assert out["front_side"].tolist() == ["ukrainian-held", "ukrainian-held", "outside", "outside"]


def test_locate_rejects_bad_input():
    snapshot = snap([box(37.0, 47.5, 38.0, 48.5)], "2025-01-01")
    with pytest.raises(InvalidInput, match="date"):
        fl.locate(gpd.GeoDataFrame(geometry=[Point(37, 48)], crs=4326), snapshot)


def test_locate_accepts_timezone_aware_dates_and_other_units():
    early = snap([box(37.0, 47.5, 38.0, 48.5)], "2024-01-01")
    late = snap([box(36.0, 47.5, 38.0, 48.5)], "2025-01-01")
    series = fl.load_series([early, late])
    series["date"] = series["date"].astype("datetime64[s]")
    events = gpd.GeoDataFrame(
        {"date": pd.to_datetime(["2024-06-01T12:00+03:00", "2025-02-01T00:00+03:00"])},
        geometry=[Point(36.5, 48.0)] * 2,
        crs=4326,
    )
    assert fl.locate(events, series)["control_status"].tolist() == ["held", "occupied"]


def test_one_snapshot_functions_reject_a_series():
    series = fl.load_series(
        [snap([box(37, 48, 38, 49)], "2024-01-01"), snap([box(37, 48, 38, 49)], "2025-01-01")]
    )
    for call in (fl.front_line, fl.occupied_area_km2, lambda s: fl.change(s, s)):
        with pytest.raises(InvalidInput, match="2 dates"):
            call(series)


def test_saved_snapshot_loads_back_with_the_same_statuses(tmp_path):
    statuses = list(fl.CONTROL_STATUSES)
    original = snap([box(30 + i, 48, 30.5 + i, 48.5) for i in range(7)], "2025-01-01", statuses)
    original.to_file(tmp_path / "mine.gpkg", driver="GPKG")
    again = fl.load(tmp_path / "mine.gpkg")
    assert again["status"].tolist() == statuses
    assert again["date"].tolist() == original["date"].tolist()


# -------------------------------------------------------------------------- layers


def _script_sources(page: str) -> set[str]:
    return set(re.findall(r'<script[^>]+src="([^"]+)"', page)) | set(
        re.findall(r'<link[^>]+href="([^"]+)"', page)
    )


def test_layers_render_escaped_and_need_no_extra_assets():
    hostile = '<img src=x onerror="alert(1)"> {{at:25.03}} {% raw %}'
    a = fl.load(
        frame(["occupied", "contested"], [box(37, 48, 38, 49), box(38, 48, 38.2, 49)],
              name=[hostile, "grey"]),
        date="2024-07-15", status_column="name", status_map={hostile: "occupied"},
    )  # fmt: skip
    assert a["label"].iloc[0] == hostile
    b = fl.load(frame(["occupied"], [box(36.5, 48, 38, 49)], name=["x"]), date="2025-07-15")
    baseline = _script_sources(folium.Map().get_root().render())

    m = folium.Map()
    layers.control_layer(a).add_to(m)
    layers.change_layer(fl.change(a, b, settlements=TOWNS)).add_to(m)
    layers.add_to_map(fl.load_series([a, b]), m)
    folium.LayerControl().add_to(m)
    page = m.get_root().render()

    assert "<img src=x" not in page and 'onerror="alert' not in page
    assert "\\u003cimg src=x" in page  # data, JSON-escaped: the tooltip shows it as text
    assert "{{at:25.03}}" not in page and "{% raw %}" not in page  # no Jinja tag survives
    assert _script_sources(page) == baseline  # nothing to fetch beyond a plain folium map
    assert "Control as of 2024-07-15" in page
    assert '"date":"2025-07-15"' in page  # the slider's frames
    legend_rows = [
        json.loads(f'"{s}"') for s in re.findall(r'innerHTML = "((?:[^"\\]|\\.)*)"', page)
    ]
    assert any("lost: " in row for row in legend_rows)


def test_time_slider_needs_a_map():
    series = fl.load_series(
        [
            frame(["occupied"], [box(37, 48, 38, 49)], date=["2024-01-01"]),
            frame(["occupied"], [box(37, 48, 38, 49)], date=["2025-01-01"]),
        ]
    )
    slider = layers.TimeSlider(series).add_to(folium.FeatureGroup())
    with pytest.raises(InvalidInput, match=r"folium\.Map"):
        _ = slider.map_name


@needs_data
def test_layers_render_real_deepstate_labels():
    # DeepStateMap labels carry "{{at:25.03}}"-style templates; the page must still render.
    a, b = fl.load(RAW[-3]), fl.load(RAW[-1])
    assert a["label"].str.contains("{{", regex=False).any()
    m = folium.Map()
    layers.control_layer(b).add_to(m)
    layers.change_layer(fl.change(a, b, settlements=TOWNS)).add_to(m)
    layers.add_to_map(fl.load_series([a, b]), m)
    page = m.get_root().render()
    assert "at:25.03" in page and "{{at:25.03}}" not in page


@pytest.mark.browser
def test_time_slider_switches_snapshots_in_chromium(tmp_path, browser):
    series = fl.load_series(
        [
            frame(["occupied"], [box(37, 48, 38, 49)], date=["2024-07-15"]),
            frame(
                ["occupied", "contested"],
                [box(36.8, 48, 38, 49), box(36.6, 48, 36.8, 49)],
                date=["2025-07-15", "2025-07-15"],
            ),
        ]
    )
    m = folium.Map(location=(48.5, 37.3), zoom_start=7, tiles=None)
    layers.add_to_map(series, m)
    page = Page(browser, save_map(m, tmp_path / "map.html"), ready=None)
    label = page.page.locator(".geonews-time-slider div")
    shapes = page.page.locator("path.leaflet-interactive")
    assert label.inner_text() == "Control as of 2025-07-15"
    assert shapes.count() == 2
    page.page.eval_on_selector(
        ".geonews-time-slider input",
        "el => { el.value = 0; el.dispatchEvent(new Event('input')); }",
    )
    assert label.inner_text() == "Control as of 2024-07-15"
    assert shapes.count() == 1
    assert page.page.locator(".geonews-legend").inner_text().count("occupied") >= 1
    page.close()
