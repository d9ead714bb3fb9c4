"""Events as a GeoPackage for QGIS: a layer of points, a layer of areas, a default style.

:func:`write_gpkg` writes, through pyogrio (GDAL's GPKG driver):

* ``events_points`` - every event at its point (a region's event at the region's point,
  as ACLED codes it; also any without a geometry);
* ``events_areas`` - the ground a region-, country- or area-level event covers (its
  place's shape, a copy of the point row for QGIS to shade), and events whose own
  geometry is a polygon, as multipolygons;
* ``failures`` - the frame's failures table (``doc_id``, ``reason``), when it has one;
* ``layer_styles`` - QGIS's style table: a categorised style by ``event_type`` for each
  layer (the map's colours; QML, which QGIS applies when the layer is added).

Both layers are always there, empty or not, with the same fields.  Text that GDAL cannot
store (a lone surrogate, NUL) is written as U+FFFD.  :func:`read_gpkg`
reads the events back: the points, then the areas that are no point's copy.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import shapely

from geonews.activity.areas import with_areas
from geonews.errors import DataError

__all__ = ["AREAS", "POINTS", "read_gpkg", "style_qml", "write_gpkg"]

#: Layer names.
POINTS, AREAS = "events_points", "events_areas"
_OTHER = "#566573"
#: What GDAL cannot store in a text field: lone surrogates (not UTF-8) and NUL (ends a C string).
_UNSTORABLE = re.compile("[\ud800-\udfff\x00]")
#: The map's symbol names -> QGIS simple marker shapes.
_SHAPES = {
    "diamond": "diamond",
    "burst": "star",
    "triangle": "triangle",
    "circle": "circle",
    "hexagon": "hexagon",
    "square": "square",
}


def _rgba(hex_color: str, alpha: int = 255) -> str:
    rgb = hex_color.lstrip("#")
    return ",".join(str(int(rgb[i : i + 2], 16)) for i in (0, 2, 4)) + f",{alpha}"


def _options(parent: ET.Element, values: dict[str, str]) -> None:
    options = ET.SubElement(parent, "Option", type="Map")
    for name, value in values.items():
        ET.SubElement(options, "Option", type="QString", name=name, value=value)


def style_qml(types: list[str], *, kind: str) -> str:
    """A QGIS style (QML) colouring features by ``event_type``.

    Parameters
    ----------
    types : list of str
        Event types to list (each gets the map's colour; others a grey catch-all).
    kind : {"marker", "fill"}
        Points or areas.

    Returns
    -------
    str
        The QML document.

    Examples
    --------
    >>> qml = style_qml(["Battles"], kind="marker")
    >>> 'value="Battles"' in qml and 'value="192,57,43,255"' in qml
    True
    """
    from geonews.maps.events import EVENT_STYLES

    root = ET.Element("qgis", version="3.28.0", styleCategories="Symbology")
    renderer = ET.SubElement(
        root,
        "renderer-v2",
        type="categorizedSymbol",
        attr="event_type",
        symbollevels="0",
        forceraster="0",
        enableorderby="0",
    )
    categories = ET.SubElement(renderer, "categories")
    symbols = ET.SubElement(renderer, "symbols")
    entries = [(t, *EVENT_STYLES.get(t, (_OTHER, "circle"))) for t in types]
    entries.append(("", _OTHER, "circle"))  # QGIS: an empty value means all other values
    for i, (value, color, shape) in enumerate(entries):
        ET.SubElement(
            categories,
            "category",
            value=value,
            label=value or "other",
            symbol=str(i),
            render="true",
            type="string",
        )
        symbol = ET.SubElement(
            symbols, "symbol", type=kind, name=str(i), alpha="1", clip_to_extent="1"
        )
        if kind == "marker":
            layer = ET.SubElement(symbol, "layer", {"class": "SimpleMarker"}, enabled="1")
            _options(
                layer,
                {
                    "color": _rgba(color),
                    "name": _SHAPES.get(shape, "circle"),
                    "outline_color": "255,255,255,255",
                    "outline_style": "solid",
                    "outline_width": "0.4",
                    "size": "3.4",
                },
            )
        else:
            layer = ET.SubElement(symbol, "layer", {"class": "SimpleFill"}, enabled="1")
            _options(
                layer,
                {
                    "color": _rgba(color, 70),
                    "style": "solid",
                    "outline_color": _rgba(color),
                    "outline_style": "dash",
                    "outline_width": "0.5",
                },
            )
    ET.SubElement(root, "previewExpression").text = '"place_name"'
    ET.SubElement(root, "layerGeometryType").text = "0" if kind == "marker" else "2"
    body = ET.tostring(root, encoding="unicode")
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n" + body


def write_gpkg(frame: gpd.GeoDataFrame, path: str | os.PathLike[str]) -> Path:
    """Write an events frame as a GeoPackage with a points layer and an areas layer.

    Parameters
    ----------
    frame : GeoDataFrame
        Events (extra columns are written too).
    path : str or PathLike
        The ``.gpkg`` file; an existing file is replaced.

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from geonews.activity import empty_events
    >>> out = write_gpkg(empty_events(), pathlib.Path(tempfile.mkdtemp()) / "e.gpkg")
    >>> [name for name, _ in pyogrio.list_layers(out)]
    ['events_points', 'events_areas', 'layer_styles']
    """
    path = Path(path)
    if path.exists():
        path.unlink()
    plain = frame.copy()
    plain.attrs = {}
    for name in plain.columns:
        if plain[name].dtype == object and name != plain.geometry.name:
            plain[name] = [_UNSTORABLE.sub("\ufffd", v) if isinstance(v, str) else v
                           for v in plain[name].tolist()]  # fmt: skip
    if plain.crs is None:
        plain = plain.set_crs(4326)
    kinds = shapely.get_type_id(plain.geometry.to_numpy())
    is_point = (kinds == -1) | (kinds == 0) | (kinds == 4)  # none, Point, MultiPoint
    points = plain[is_point]
    points.to_file(path, layer=POINTS, driver="GPKG", engine="pyogrio", geometry_type="Point")
    shaded = with_areas(points)  # a coarse event's territory, for QGIS to shade
    shaded = shaded[shapely.get_type_id(shaded.geometry.to_numpy()) != 0]
    areas = pd.concat([plain[~is_point], shaded]) if len(shaded) else plain[~is_point]
    areas = areas.set_geometry(
        [shapely.MultiPolygon([g]) if g.geom_type == "Polygon" else g for g in areas.geometry],
        crs=plain.crs,
    )
    areas.to_file(path, layer=AREAS, driver="GPKG", engine="pyogrio",
                  geometry_type="MultiPolygon", promote_to_multi=True)  # fmt: skip
    failed = frame.attrs.get("failures") or []
    if failed:
        table = pd.DataFrame(failed, columns=["doc_id", "reason"]).astype(str)
        pyogrio.write_dataframe(table, path, layer="failures", driver="GPKG")
    types = [str(t) for t in dict.fromkeys(plain["event_type"].dropna())]
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    styles = pd.DataFrame(
        {
            "f_table_catalog": ["", ""],
            "f_table_schema": ["", ""],
            "f_table_name": [POINTS, AREAS],
            "f_geometry_column": ["geom", "geom"],
            "styleName": ["geonews events", "geonews events"],
            "styleQML": [style_qml(types, kind="marker"), style_qml(types, kind="fill")],
            "styleSLD": ["", ""],
            "useAsDefault": [True, True],
            "description": ["colours by event type, as on geonews maps"] * 2,
            "owner": ["geonews", "geonews"],
            "ui": ["", ""],
            "update_time": [now, now],
        }
    )
    pyogrio.write_dataframe(styles, path, layer="layer_styles", driver="GPKG")
    return path


def read_gpkg(path: str | os.PathLike[str]) -> gpd.GeoDataFrame:
    """Read the events layers of a GeoPackage written by :func:`write_gpkg`.

    Parameters
    ----------
    path : str or PathLike

    Returns
    -------
    geopandas.GeoDataFrame
        The points layer's rows, then the areas layer's that share no ``event_id`` with a
        point (a one-part multipolygon as a polygon); ``attrs["failures"]`` from the
        ``failures`` table when there is one.

    Raises
    ------
    DataError
        When the file is not a GeoPackage or has neither events layer.
    """
    path = Path(path)
    try:
        layers = [str(name) for name, _ in pyogrio.list_layers(path)]
    except pyogrio.errors.DataSourceError as err:
        raise DataError(f"{path.name}: not a GeoPackage: {err}") from err
    found = [name for name in (POINTS, AREAS) if name in layers]
    if not found:
        raise DataError(f"{path.name}: no {POINTS!r} or {AREAS!r} layer (layers: {layers})")
    parts = [gpd.read_file(path, layer=name, engine="pyogrio") for name in found]
    if len(parts) == 2 and "event_id" in parts[1].columns and "event_id" in parts[0].columns:
        ids = set(parts[0]["event_id"].dropna())  # an area that copies a point is no event
        parts[1] = parts[1][~parts[1]["event_id"].isin(ids)]
    rows = [part for part in parts if len(part)] or parts[:1]
    frame = gpd.GeoDataFrame(pd.concat(rows, ignore_index=True), crs="EPSG:4326")
    single = [  # the layer holds multipolygons; a one-part one was a polygon
        g.geoms[0] if g is not None and g.geom_type == "MultiPolygon" and len(g.geoms) == 1 else g
        for g in frame.geometry
    ]
    frame = frame.set_geometry(gpd.GeoSeries(single, crs="EPSG:4326"))
    frame.attrs["failures"] = (
        pyogrio.read_dataframe(path, layer="failures").astype(str).to_dict("records")
        if "failures" in layers
        else []
    )
    return frame
