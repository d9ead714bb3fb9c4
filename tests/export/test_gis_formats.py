"""GeoPackage and KML: written, then read back with pyogrio and the standard XML parser."""

from __future__ import annotations

import sqlite3
import xml.etree.ElementTree as ET

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
import shapely
from shapely.geometry import Point, box

from geonews.activity import COLUMNS, empty_events
from geonews.cli import main
from geonews.errors import DataError, InvalidInput
from geonews.export import FORMATS, conform, read_events, write_events
from geonews.export.gpkg import AREAS, POINTS
from geonews.export.kml import KML_NS

NS = {"k": KML_NS}
HOSTILE = '<script>alert(1)</script> "quoted" & {{ 7 * 7 }} <img src=x onerror=alert(2)>'


def _events() -> gpd.GeoDataFrame:
    rows = {
        "doc_id": ["a", "a", "b"],
        "event_id": ["a:0", "a:1", "b:0"],
        "date": pd.to_datetime(["2025-12-01", "2025-12-02", "2025-11-01"]),
        "date_end": pd.to_datetime([None, None, "2025-11-30"]),
        "event_type": ["Battles", "Explosions/Remote violence", "Strategic developments"],
        "sub_type": ["Armed clash", "Air/drone strike", "Threat"],
        "place_name": ["Pokrovsk", "Kyiv", "Donetsk"],
        "place_text": ["Krasnoarmeysk", "Kyiv", "the Donetsk region"],
        "place_id": ["geonames:704422", "geonames:703448", None],
        "geonameid": pd.array([704422, 703448, None], dtype="Int64"),
        "country": ["UA", "UA", "UA"],
        "admin1": ["Donetsk", "Kyiv", "Donetsk"],
        "precision": ["settlement", "settlement", "region"],
        "claimant": ["Russian defence ministry", None, None],
        "status": ["contested", "reported", "reported"],
        "modality": ["actual", "actual", "conditional"],
        "quantity": pd.array([None, 40, None], dtype="Int64"),
        "sentence": pd.Series(  # object, as events() makes it: a lone surrogate can be there
            [HOSTILE, "Drones hit Kyiv\x00 overnight \ud800.", "A threat to Donetsk."],
            dtype=object,
        ),
        "sentence_start": [0, 10, 0],
        "sentence_end": [10, 40, 20],
        "source": ["Wire <b>", "Wire", "Feed"],
        "url": ["https://example.org/a?x=1&y=2", "javascript:alert(1)", None],
    }
    geometry = [Point(37.1758, 48.2817), Point(30.5234, 50.4501), box(36.5, 47.0, 39.0, 49.2)]
    frame = gpd.GeoDataFrame(rows, geometry=geometry, crs="EPSG:4326")
    frame.attrs["failures"] = [{"doc_id": "c", "reason": "no text: None"}]
    return frame


def _same(back: gpd.GeoDataFrame, frame: gpd.GeoDataFrame, *, text_clean=True) -> None:
    back = back.sort_values("event_id").reset_index(drop=True)
    frame = conform(frame).sort_values("event_id").reset_index(drop=True)
    assert list(back.columns) == list(COLUMNS)
    for name in COLUMNS:
        if name in ("geometry", "sentence"):
            continue
        pd.testing.assert_series_equal(back[name], frame[name], check_names=False)
    assert shapely.equals_exact(back.geometry.values, frame.geometry.values, tolerance=1e-6).all()


def test_formats_are_registered():
    assert FORMATS[".gpkg"] == "gpkg" and FORMATS[".kml"] == "kml"
    with pytest.raises(InvalidInput, match="'gpkg'"):
        write_events(_events(), "events.shp")


def test_geopackage_has_a_points_and_an_areas_layer_and_a_style(tmp_path):
    frame = _events()
    path = write_events(frame, tmp_path / "events.gpkg")
    layers = dict(pyogrio.list_layers(path).tolist())
    assert layers[POINTS] == "Point" and layers[AREAS] == "MultiPolygon"
    assert set(layers) == {POINTS, AREAS, "failures", "layer_styles"}
    points = pyogrio.read_dataframe(path, layer=POINTS)
    areas = pyogrio.read_dataframe(path, layer=AREAS)
    assert points["event_id"].tolist() == ["a:0", "a:1"] and areas["event_id"].tolist() == ["b:0"]
    assert points.loc[0, "sentence"] == HOSTILE  # data, stored as it is
    assert points.loc[1, "sentence"] == "Drones hit Kyiv\ufffd overnight \ufffd."
    info = pyogrio.read_info(path, layer=POINTS)
    assert info["crs"] == "EPSG:4326" and "date" in list(info["fields"])
    back = read_events(path)
    _same(back, frame)
    assert back.attrs["failures"] == frame.attrs["failures"]
    with sqlite3.connect(path) as db:
        styles = db.execute(
            "SELECT f_table_name, f_geometry_column, useAsDefault, styleQML FROM layer_styles"
        ).fetchall()
        kinds = dict(db.execute("SELECT table_name, data_type FROM gpkg_contents").fetchall())
    assert kinds[POINTS] == "features" and kinds["layer_styles"] == "attributes"
    assert [s[:3] for s in styles] == [(POINTS, "geom", 1), (AREAS, "geom", 1)]
    qml = ET.fromstring(styles[0][3].split("\n", 1)[1])
    renderer = qml.find("renderer-v2")
    assert renderer.get("type") == "categorizedSymbol" and renderer.get("attr") == "event_type"
    values = [c.get("value") for c in renderer.iter("category")]
    assert values == ["Battles", "Explosions/Remote violence", "Strategic developments", ""]


def test_empty_geopackage_round_trips(tmp_path):
    path = write_events(empty_events(), tmp_path / "none.gpkg")
    back = read_events(path)
    assert len(back) == 0 and list(back.columns) == list(COLUMNS)


def test_geopackage_shades_a_region_event_and_reads_it_back_once(tmp_path):
    frame = _events()
    frame.loc[2, "place_id"] = "iso3166-2:UA-14"  # the Donetsk oblast, at its point
    frame.geometry = [*frame.geometry[:2], Point(37.6472, 48.0354)]
    path = write_events(frame, tmp_path / "events.gpkg")
    points = pyogrio.read_dataframe(path, layer=POINTS)
    areas = pyogrio.read_dataframe(path, layer=AREAS)
    assert points["event_id"].tolist() == ["a:0", "a:1", "b:0"]
    assert areas["event_id"].tolist() == ["b:0"]  # the oblast's shape, for QGIS to shade
    assert areas.geometry[0].contains(Point(37.5528, 48.7389))  # Kramatorsk is inside
    back = read_events(path)
    assert len(back) == 3 and set(back.geom_type) == {"Point"}
    _same(back, frame)


def test_geopackage_rewrites_and_reads_extra_columns(tmp_path):
    frame = _events().assign(fatalities=pd.array([1, None, 3], dtype="Int64"))
    path = tmp_path / "e.gpkg"
    write_events(frame, path, extra=True)
    write_events(frame, path, extra=True)  # replaces, does not append
    back = read_events(path, extra=True)
    assert len(back) == 3 and back.columns[-2:].tolist() == ["fatalities", "geometry"]


def test_not_a_geopackage_is_a_data_error(tmp_path):
    (tmp_path / "x.gpkg").write_bytes(b"not sqlite")
    with pytest.raises(DataError, match=r"x\.gpkg"):
        read_events(tmp_path / "x.gpkg")


def test_kml_folders_placemarks_and_escaped_descriptions(tmp_path):
    frame = _events()
    path = write_events(frame, tmp_path / "events.kml")
    root = ET.parse(path).getroot()  # well-formed despite NUL and a lone surrogate
    assert root.tag == f"{{{KML_NS}}}kml"
    folders = root.findall("k:Document/k:Folder", NS)
    assert [f.findtext("k:name", None, NS) for f in folders] == [
        "Battles (1)", "Explosions/Remote violence (1)", "Strategic developments (1)"
    ]  # fmt: skip
    marks = root.findall(".//k:Placemark", NS)
    assert [m.findtext("k:name", None, NS) for m in marks] == ["Pokrovsk", "Kyiv", "Donetsk"]
    first = marks[0].findtext("k:description", None, NS)
    # the balloon is HTML: data arrives as escaped text, never as markup
    assert "<script>" not in first and "<img" not in first and "{{" not in first
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in first
    assert '<a href="https://example.org/a?x=1&amp;y=2">' in first
    assert "called Krasnoarmeysk in the source" in first and "Wire &lt;b&gt;" in first
    second = marks[1].findtext("k:description", None, NS)
    assert "javascript:" not in second.split("Source:")[1] and "<a " not in second
    assert "\ufffd" in second
    assert marks[0].findtext("k:TimeStamp/k:when", None, NS) == "2025-12-01"
    assert marks[2].findtext("k:TimeSpan/k:end", None, NS) == "2025-11-30"
    assert marks[0].findtext("k:Point/k:coordinates", None, NS) == "37.1758,48.2817"
    assert marks[2].find("k:Polygon/k:outerBoundaryIs/k:LinearRing", NS) is not None
    style = marks[0].findtext("k:styleUrl", None, NS)
    assert root.find(f"k:Document/k:Style[@id='{style[1:]}']", NS) is not None
    assert "http" not in "".join(e.text or "" for e in root.iter(f"{{{KML_NS}}}href"))


def test_kml_round_trips_through_read_events_and_pyogrio(tmp_path):
    frame = _events()
    path = write_events(frame, tmp_path / "events.kml")
    back = read_events(path)
    _same(back, frame)
    assert back.loc[0, "sentence"] == HOSTILE
    # GDAL's KML driver: one layer per folder, placemark names and descriptions
    layers = [name for name, _ in pyogrio.list_layers(path)]
    assert layers == ["Battles (1)", "Explosions/Remote violence (1)", "Strategic developments (1)"]
    battles = pyogrio.read_dataframe(path, layer=layers[0])
    assert battles.loc[0, "Name"] == "Pokrovsk"
    assert battles.geometry[0].equals_exact(Point(37.1758, 48.2817), 1e-9)


def test_broken_kml_is_a_data_error(tmp_path):
    (tmp_path / "x.kml").write_text("<kml><Document>", encoding="utf-8")
    with pytest.raises(DataError, match=r"x\.kml: not a KML file"):
        read_events(tmp_path / "x.kml")


def test_cli_events_writes_gpkg_and_kml(tmp_path, capsys):
    text = "Russian forces shelled Kherson overnight, the regional governor said."
    out = tmp_path / "e.gpkg"
    assert main(["events", "--text", text, "--date", "2025-12-02", "-o", str(out)]) == 0
    assert len(read_events(out)) == 1
    assert main(["events", "--text", text, "--date", "2025-12-02", "-f", "kml"]) == 0
    printed = capsys.readouterr().out
    assert ET.fromstring(printed.encode()).find(".//k:Placemark", NS) is not None
    assert main(["events", "--text", text, "-f", "gpkg"]) == 2
    assert "gpkg is binary" in capsys.readouterr().err


def test_kml_keeps_a_column_that_is_empty_in_every_row(tmp_path):
    frame = _events().assign(date_end=pd.NaT, claimant=None)
    back = read_events(write_events(frame, tmp_path / "e.kml"))
    assert back["date_end"].isna().all() and back["claimant"].isna().all()
    _same(back, frame)
