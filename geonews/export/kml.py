"""Events as KML for Google Earth: one placemark per event, one folder per event type.

:func:`write_kml` builds the document with :mod:`xml.etree.ElementTree`, which escapes
text and attribute values for XML.  That is not enough on its own: Google Earth shows a
placemark's ``<description>`` as HTML, so every data string in it is first
HTML-escaped with :func:`geonews.maps.escape.text` (the function every map page uses),
and only ``http(s)`` URLs become links.  Characters XML 1.0 cannot carry (control
characters, lone surrogates) become U+FFFD.  Every column also goes into the
placemark's ``<ExtendedData>``, so :func:`read_kml` gives the frame back; polygons
(region- and country-level events) keep their rings, coordinates are rounded to
6 decimals (about 0.1 m).  The file names no external resource: markers use Google
Earth's own pushpin, coloured by event type.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import LinearRing, LineString, Point, Polygon

from geonews.errors import DataError
from geonews.maps.escape import text as html_text

__all__ = ["read_kml", "write_kml"]

KML_NS = "http://www.opengis.net/kml/2.2"
_NS = {"k": KML_NS}
#: Decimals kept in coordinates.
DIGITS = 6
_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_OTHER_COLOR = "#566573"


def _clean(value: Any) -> str:
    """A value as text XML 1.0 can carry."""
    text = str(value)
    if text.isascii() and text.isprintable():  # the common case: nothing to replace
        return text
    return _XML_INVALID.sub("\ufffd", text)


def _kml_color(hex_color: str, alpha: str = "ff") -> str:
    """``#rrggbb`` as KML's ``aabbggrr``."""
    rgb = hex_color.lstrip("#")
    return f"{alpha}{rgb[4:6]}{rgb[2:4]}{rgb[0:2]}"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrib: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{KML_NS}}}{tag}", {k: _clean(v) for k, v in attrib.items()})
    if text is not None:
        element.text = _clean(text)
    return element


def _missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _plain(value: Any) -> str:
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    return str(value)


def _description(row: Mapping[str, Any]) -> str:
    """The balloon's HTML: every data string escaped, links only for http(s) URLs."""
    from geonews.maps.events import _safe_url

    def get(name: str) -> str | None:
        value = row.get(name)
        return None if _missing(value) or value == "" else _plain(value)

    kind = " / ".join(html_text(v) for v in (get("event_type"), get("sub_type")) if v)
    parts = [f"<b>{kind}</b>"] if kind else []
    said = get("place_text")
    if said and said != get("place_name"):
        parts.append(f"called {html_text(said)} in the source")
    when = get("date")
    if get("date_end"):
        when = f"{when or ''} to {get('date_end')}"
    status = " ".join(html_text(v) for v in (when, get("status")) if v)
    if get("claimant"):
        status += f" (claimed by {html_text(get('claimant'))})"
    if status:
        parts.append(status)
    if get("sentence"):
        parts.append(f"<i>{html_text(get('sentence'))}</i>")
    sources = get("source")
    urls = [u for u in (get("url") or "").split("; ") if _safe_url(u)]
    if urls:
        links = ", ".join(f'<a href="{html_text(u)}">{html_text(u)}</a>' for u in urls)
        parts.append(f"Source: {html_text(sources) + ' ' if sources else ''}{links}")
    elif sources:
        parts.append(f"Source: {html_text(sources)}")
    return "<br/>".join(parts)


def _number(value: float) -> str:
    return f"{value:.{DIGITS}f}".rstrip("0").rstrip(".")


def _coordinates(coords: Any) -> str:
    return " ".join(f"{_number(x)},{_number(y)}" for x, y, *_ in np.asarray(coords))


def _geometry(parent: ET.Element, geom: Any) -> None:
    if geom is None or geom.is_empty:
        return
    if isinstance(geom, Point):
        _sub(_sub(parent, "Point"), "coordinates", _coordinates([geom.coords[0]]))
    elif isinstance(geom, Polygon):
        polygon = _sub(parent, "Polygon")
        outer = _sub(_sub(polygon, "outerBoundaryIs"), "LinearRing")
        _sub(outer, "coordinates", _coordinates(geom.exterior.coords))
        for ring in geom.interiors:
            inner = _sub(_sub(polygon, "innerBoundaryIs"), "LinearRing")
            _sub(inner, "coordinates", _coordinates(ring.coords))
    elif isinstance(geom, LineString):
        _sub(_sub(parent, "LineString"), "coordinates", _coordinates(geom.coords))
    elif hasattr(geom, "geoms"):  # Multi* and GeometryCollection
        multi = _sub(parent, "MultiGeometry")
        for part in geom.geoms:
            _geometry(multi, part)


def write_kml(
    frame: gpd.GeoDataFrame, path: str | os.PathLike[str], *, title: str = "geonews events"
) -> Path:
    """Write an events frame as KML: folders per event type, one placemark per event.

    Parameters
    ----------
    frame : GeoDataFrame
        Events (any extra columns go into ``ExtendedData`` too).
    path : str or PathLike
    title : str
        The document's name in Google Earth's places panel.

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from shapely.geometry import Point
    >>> ev = gpd.GeoDataFrame({"event_type": ["Battles"], "place_name": ["Pokrovsk"],
    ...                        "sentence": ["<script>alert(1)</script>"]},
    ...                       geometry=[Point(37.18, 48.28)], crs=4326)
    >>> out = write_kml(ev, pathlib.Path(tempfile.mkdtemp()) / "e.kml")
    >>> "&amp;lt;script&amp;gt;" in out.read_text(encoding="utf-8")
    True
    """
    from geonews.maps.events import EVENT_STYLES

    path = Path(path)
    if frame.crs is not None and frame.crs.to_epsg() != 4326:
        frame = frame.to_crs(4326)
    root = ET.Element(f"{{{KML_NS}}}kml")
    document = _sub(root, "Document")
    _sub(document, "name", title)
    _sub(document, "open", "1")
    types = frame["event_type"].astype(object).where(frame["event_type"].notna(), "Other")
    present = list(dict.fromkeys(types.astype(str)))
    ordered = [t for t in EVENT_STYLES if t in present] + [
        t for t in present if t not in EVENT_STYLES
    ]
    for i, kind in enumerate(ordered):
        color = EVENT_STYLES.get(kind, (_OTHER_COLOR, ""))[0]
        style = _sub(document, "Style", id=f"type{i}")
        _sub(_sub(style, "IconStyle"), "color", _kml_color(color))
        line = _sub(style, "LineStyle")
        _sub(line, "color", _kml_color(color))
        _sub(line, "width", "1.5")
        _sub(_sub(style, "PolyStyle"), "color", _kml_color(color, "59"))
    columns = [c for c in frame.columns if c != frame.geometry.name]
    schema = _sub(document, "Schema", name="geonews", id="geonews")
    for column in columns:  # every column, even one that is empty in every row
        _sub(schema, "SimpleField", name=str(column), type="string")
    geometry = frame.geometry.to_numpy()
    records = frame[columns].astype(object).to_numpy()
    by_type: dict[str, list[int]] = {}
    for row, kind in enumerate(types.astype(str)):
        by_type.setdefault(kind, []).append(row)
    for i, kind in enumerate(ordered):
        rows = by_type[kind]
        folder = _sub(document, "Folder")
        _sub(folder, "name", f"{kind} ({len(rows):,})")
        for row in rows:
            values = dict(zip(columns, records[row], strict=True))
            mark = _sub(folder, "Placemark")
            name = next(
                (
                    values.get(c)
                    for c in ("place_name", "place_text")
                    if not _missing(values.get(c))
                ),
                kind,
            )
            _sub(mark, "name", str(name))
            _time(mark, values)
            _sub(mark, "styleUrl", f"#type{i}")
            _sub(mark, "description", _description(values))
            data = _sub(mark, "ExtendedData")
            for column, value in values.items():
                if not _missing(value):
                    _sub(_sub(data, "Data", name=str(column)), "value", _plain(value))
            _geometry(mark, geometry[row])
    tree = ET.ElementTree(root)
    ET.indent(tree, space=" ")
    ET.register_namespace("", KML_NS)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return path


def _time(mark: ET.Element, values: Mapping[str, Any]) -> None:
    start, end = values.get("date"), values.get("date_end")
    if _missing(start):
        return
    if _missing(end):
        _sub(_sub(mark, "TimeStamp"), "when", _plain(start))
    else:
        span = _sub(mark, "TimeSpan")
        _sub(span, "begin", _plain(start))
        _sub(span, "end", _plain(end))


# ---------------------------------------------------------------- reading back


def _parse_coordinates(text: str | None) -> list[tuple[float, float]]:
    points = []
    for token in (text or "").split():
        x, y, *_ = token.split(",")
        points.append((float(x), float(y)))
    return points


def _read_geometry(mark: ET.Element) -> Any:
    parts = []
    for element in mark.iter():
        tag = element.tag.rpartition("}")[2]
        if tag == "Point":
            parts.append(Point(_parse_coordinates(element.findtext("k:coordinates", "", _NS))[0]))
        elif tag == "LineString":
            parts.append(LineString(_parse_coordinates(element.findtext("k:coordinates", "", _NS))))
        elif tag == "Polygon":
            rings = [
                LinearRing(_parse_coordinates(r.findtext("k:coordinates", "", _NS)))
                for r in element.iterfind("k:outerBoundaryIs/k:LinearRing", _NS)
            ]
            holes = [
                LinearRing(_parse_coordinates(r.findtext("k:coordinates", "", _NS)))
                for r in element.iterfind("k:innerBoundaryIs/k:LinearRing", _NS)
            ]
            parts.append(Polygon(rings[0], holes))
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    return (
        shapely.union_all(parts)
        if all(isinstance(p, Polygon) for p in parts)
        else (shapely.GeometryCollection(parts))
    )


def read_kml(path: str | os.PathLike[str]) -> gpd.GeoDataFrame:
    """Read the placemarks of a KML file written by :func:`write_kml`.

    Parameters
    ----------
    path : str or PathLike

    Returns
    -------
    geopandas.GeoDataFrame
        One row per placemark, the columns of its ``ExtendedData`` (as text), EPSG:4326.

    Raises
    ------
    DataError
        When the file is not well-formed XML or a placemark's coordinates are broken.
    """
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as err:
        raise DataError(f"{path.name}: not a KML file: {err}") from err
    rows, geometries = [], []
    fields = [f.get("name") for f in root.iterfind(".//k:Schema/k:SimpleField", _NS)]
    for number, mark in enumerate(root.iter(f"{{{KML_NS}}}Placemark"), start=1):
        record = {
            data.get("name"): data.findtext("k:value", None, _NS)
            for data in mark.iterfind("k:ExtendedData/k:Data", _NS)
        }
        try:
            geometries.append(_read_geometry(mark))
        except (ValueError, IndexError, shapely.errors.GEOSException) as err:
            raise DataError(f"{path.name}: placemark {number}: bad coordinates: {err}") from err
        rows.append(record)
    table = pd.DataFrame.from_records(rows) if rows else pd.DataFrame()
    for name in fields:
        if name not in table.columns:
            table[name] = pd.Series([None] * len(table), dtype=object)
    return gpd.GeoDataFrame(table, geometry=gpd.GeoSeries(geometries, crs="EPSG:4326"))
