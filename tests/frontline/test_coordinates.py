"""Front-line files with coordinates in the wrong frame: said on stderr with counts, not fixed.

Metres under a geographic CRS (or none), degrees under a projected CRS, and (lat, lon)
axes all used to leave no polygon and exit 1 in silence (the drop logged at INFO).
"""

from __future__ import annotations

import json
import warnings

import pytest
from pyproj import Transformer

from geonews.cli import main
from geonews.errors import DataError
from geonews.frontline import load

#: Three 0.1-degree blocks near Donetsk, (lon, lat).
BLOCKS = [
    [(37 + i * 0.2, 48.0), (37.1 + i * 0.2, 48.0), (37.1 + i * 0.2, 48.1), (37 + i * 0.2, 48.1)]
    for i in range(3)
]
MERCATOR = Transformer.from_crs(4326, 3857, always_xy=True)


def _write(path, rings, crs: str | None = None):
    data = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"status": "occupied"},
                "geometry": {"type": "Polygon", "coordinates": [[*ring, ring[0]]]},
            }
            for ring in rings
        ],
    }
    if crs:
        data["crs"] = {"type": "name", "properties": {"name": crs}}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _metres(rings):
    return [[MERCATOR.transform(x, y) for x, y in ring] for ring in rings]


def _swapped(rings):
    return [[(y, x) for x, y in ring] for ring in rings]


def _summary(capsys, path) -> tuple[int, str]:
    code = main(["frontline", "summary", str(path)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err


@pytest.mark.parametrize("crs", [None, "urn:ogc:def:crs:OGC:1.3:CRS84"])
def test_metres_under_degrees_are_refused_with_counts(tmp_path, capsys, crs):
    path = _write(tmp_path / "metres_20250101.geojson", _metres(BLOCKS), crs)
    with pytest.raises(DataError, match=r"3 have coordinates that are not longitudes") as caught:
        load(path)
    assert "x 4,118,821 to 4,174,481" in str(caught.value)  # the values, for the reader
    assert "no control area is left" in str(caught.value)
    code, err = _summary(capsys, path)
    assert code == 2 and "metres_20250101.geojson" in err and "EPSG:3857" in err


def test_swapped_axes_are_named_and_not_silently_fixed(tmp_path, capsys):
    path = _write(tmp_path / "latlon_20250101.geojson", _swapped(BLOCKS))
    with pytest.raises(DataError, match=r"3 lie in Ukraine once their axes are swapped"):
        load(path)
    code, err = _summary(capsys, path)
    assert code == 2 and "(lat, lon)" in err and "swap x and y" in err


def test_degrees_under_a_projected_crs_are_refused(tmp_path, capsys):
    path = _write(tmp_path / "labelled_20250101.geojson", BLOCKS, "urn:ogc:def:crs:EPSG::3857")
    with pytest.raises(DataError, match=r"3 have coordinates in degrees within Ukraine"):
        load(path)
    code, err = _summary(capsys, path)
    assert code == 2 and "EPSG:3857" in err and "EPSG:4326" in err


def test_a_correctly_stated_projected_crs_loads_quietly(tmp_path):
    path = _write(tmp_path / "mercator_20250101.geojson", _metres(BLOCKS), "EPSG:3857")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        snap = load(path)
    assert len(snap) == 3
    assert snap.total_bounds == pytest.approx([37.0, 48.0, 37.5, 48.1], abs=1e-6)


def test_some_swapped_polygons_are_dropped_with_a_warning(tmp_path, capsys):
    path = _write(tmp_path / "mixed_20250101.geojson", BLOCKS + _swapped(BLOCKS[:2]))
    with pytest.warns(UserWarning, match=r"dropped 2 polygon\(s\): 2 lie in Ukraine once"):
        snap = load(path)
    assert len(snap) == 3
    code, err = _summary(capsys, path)
    assert code == 0
    assert "geonews: warning: " in err and "dropped 2 polygon(s)" in err and ".py:" not in err


def test_a_file_about_somewhere_else_says_so(tmp_path, capsys):
    spain = [[(-4.0, 40.0), (-3.9, 40.0), (-3.9, 40.1), (-4.0, 40.1)]]
    path = _write(tmp_path / "madrid_20250101.geojson", spain)
    with pytest.warns(UserWarning, match=r"all 1 polygon\(s\) lie over 150 km from Ukraine"):
        assert len(load(path)) == 0
    code, err = _summary(capsys, path)
    assert code == 1 and "lie over 150 km" in err


def test_a_file_whose_labels_name_no_status_says_so(tmp_path):
    path = _write(tmp_path / "odd_20250101.geojson", BLOCKS)
    text = path.read_text(encoding="utf-8").replace('"occupied"', '"sector 7"')
    path.write_text(text, encoding="utf-8")
    with pytest.warns(UserWarning, match=r"none of its 3 area\(s\) has a control status"):
        assert len(load(path)) == 0
