"""Front lines from many or detailed polygons: the same line, bounded work, or a clear refusal.

The reference is the closing of the whole occupied area in one ``buffer(+r).buffer(-r)``,
as the front line was drawn before it was done part by part.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely

import geonews.frontline.dissolve as dissolve_module
from geonews.cli import main
from geonews.errors import DataError
from geonews.frontline import front_line, load, occupied_area_km2
from geonews.frontline.dissolve import close_gaps, dissolve
from geonews.frontline.projection import project, ukraine_outline


def _reference_line(snapshot: gpd.GeoDataFrame) -> shapely.Geometry:
    """The old whole-area path (metres, EQUAL_AREA)."""
    occupied = shapely.make_valid(shapely.union_all(project(np.asarray(snapshot.geometry.values))))
    occupied = occupied.buffer(100, quad_segs=2).buffer(-100, quad_segs=2)
    inland = ukraine_outline().buffer(-10_000)
    parts = shapely.get_parts(shapely.line_merge(shapely.intersection(occupied.boundary, inland)))
    return shapely.MultiLineString(list(parts[shapely.length(parts) >= 2000]))


def _snapshot(geoms) -> gpd.GeoDataFrame:
    frame = gpd.GeoDataFrame({"status": ["occupied"] * len(geoms)}, geometry=geoms, crs=4326)
    return load(frame, date="2025-01-01")


def _patchwork() -> list[shapely.Geometry]:
    """Adjacent blocks with hairline gaps, overlaps, a hole, and scattered specks."""
    rng = np.random.default_rng(7)
    blocks = []
    for i in range(6):
        for j in range(4):
            x, y = 36.0 + i * 0.1, 47.6 + j * 0.1
            blocks.append(shapely.box(x, y, x + 0.1 - 0.0004 * (i % 2), y + 0.1 + 0.0003 * (j % 2)))
    blocks[5] = blocks[5].difference(shapely.box(36.02, 48.02, 36.06, 48.06))  # a held pocket
    x, y = rng.uniform(36.8, 37.4, 40), rng.uniform(47.6, 48.2, 40)
    specks = shapely.box(x, y, x + 0.002, y + 0.002)
    return [*blocks, *specks, shapely.box(37.5, 47.9, 37.7, 48.1)]


def test_front_line_matches_the_whole_area_closing():
    snap = _snapshot(_patchwork())
    line = front_line(snap)
    [ours] = project(np.asarray([line]))
    reference = _reference_line(snap)
    assert len(line.geoms) == len(reference.geoms) >= 2
    assert ours.length == pytest.approx(reference.length, rel=1e-3)
    assert shapely.hausdorff_distance(ours, reference) < 10  # metres (5 m simplification)


def test_closing_part_by_part_is_the_closing_of_the_whole():
    parts = dissolve(project(np.asarray(_patchwork())))
    ours = shapely.union_all(close_gaps(parts, 100.0))
    whole = shapely.MultiPolygon(list(parts)).buffer(100, quad_segs=2).buffer(-100, quad_segs=2)
    assert ours.symmetric_difference(whole).area < 1e-6 * whole.area


def test_dissolve_merges_a_chain_and_keeps_loners():
    chain = [shapely.box(i, 0, i + 1, 1) for i in range(60)]  # each touches the next only
    loners = [shapely.box(i, 5, i + 0.5, 5.5) for i in range(0, 60, 2)]
    out = dissolve(np.asarray(chain[::-1] + loners, dtype=object))
    assert len(out) == 1 + len(loners)
    assert max(p.area for p in out) == pytest.approx(60)
    assert shapely.MultiPolygon(list(out)).is_valid


def test_many_tiny_polygons_give_the_same_area_and_no_line():
    rng = np.random.default_rng(0)
    x, y = rng.uniform(33, 39, 3000), rng.uniform(46.5, 49.5, 3000)
    snap = _snapshot(shapely.box(x, y, x + 0.0005, y + 0.0005))
    assert front_line(snap).is_empty  # every speck's outline is under min_length_km
    area = shapely.union_all(project(np.asarray(snap.geometry.values))).area / 1e6
    assert occupied_area_km2(snap) == pytest.approx(area, rel=1e-9)


def test_too_many_rings_are_refused_with_the_counts_and_the_limit(monkeypatch):
    monkeypatch.setattr(dissolve_module, "MAX_RINGS", 50)
    x = 36.0 + np.arange(60) * 0.01
    snap = _snapshot(shapely.box(x, 48.0, x + 0.005, 48.005))
    with pytest.raises(DataError) as caught:
        front_line(snap)
    message = str(caught.value)
    assert "60 rings" in message and "limit of 50" in message and "MAX_RINGS" in message
    assert "GeoDataFrame" in message  # the snapshot's source


def test_a_too_detailed_polygon_is_refused_after_simplification(monkeypatch):
    monkeypatch.setattr(dissolve_module, "MAX_PART_VERTICES", 1000)
    angle = np.linspace(0, 2 * np.pi, 4000, endpoint=False)
    radius = 0.3 + 0.02 * (np.arange(4000) % 2)  # a saw edge simplification cannot flatten
    jagged = shapely.Polygon(
        np.column_stack([37 + radius * np.cos(angle), 48 + radius * np.sin(angle)])
    )
    smooth = shapely.Point(37, 48).buffer(0.3, quad_segs=1000)  # 4,000 vertices on a curve
    assert not front_line(_snapshot([smooth])).is_empty  # simplified under the limit
    with pytest.raises(DataError, match=r"vertices in one polygon.*limit of 1,000"):
        front_line(_snapshot([jagged]))


def test_cli_refuses_a_monster_file_with_exit_2_and_a_message(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(dissolve_module, "MAX_RINGS", 100)
    x = 36.0 + np.arange(150) * 0.01
    path = tmp_path / "specks_20250101.geojson"
    gpd.GeoDataFrame(
        {"status": ["occupied"] * 150}, geometry=shapely.box(x, 48.0, x + 0.005, 48.005), crs=4326
    ).to_file(path, driver="GeoJSON")
    assert main(["frontline", "summary", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "specks_20250101.geojson" in err and "150 rings" in err and "limit of 100" in err
