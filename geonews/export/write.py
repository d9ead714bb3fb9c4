"""Writing events frames to GeoJSON, GeoParquet, CSV, GeoPackage or KML, and reading them back.

The format follows the file suffix: ``.geojson``/``.json`` (GeoJSON),
``.parquet``/``.geoparquet`` (GeoParquet; keeps ``attrs`` such as the failures
table), ``.csv`` (geometry as WKT in the ``geometry`` column), ``.gpkg`` (GeoPackage for
QGIS: a points and an areas layer with a style, :mod:`geonews.export.gpkg`) and ``.kml``
(Google Earth: folders per event type, :mod:`geonews.export.kml`).  :func:`read_events`
restores the column order and dtypes of :data:`geonews.activity.pipeline.COLUMNS`, so a frame
survives a round trip through any of them.
"""

from __future__ import annotations

import os
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from geonews.activity import COLUMNS
from geonews.errors import InvalidInput

__all__ = ["FORMATS", "conform", "read_events", "write_events"]

#: File suffix -> format name.
FORMATS = {
    ".geojson": "geojson",
    ".json": "geojson",
    ".parquet": "parquet",
    ".geoparquet": "parquet",
    ".csv": "csv",
    ".gpkg": "gpkg",
    ".kml": "kml",
}


def _format(path: Path, format: str | None) -> str:
    if format is None:
        format = FORMATS.get(path.suffix.lower())
    names = sorted(set(FORMATS.values()))
    if format not in names:
        raise InvalidInput(
            f"cannot tell the format of {str(path)!r}: use a suffix in {sorted(FORMATS)} "
            f"or format={'|'.join(map(repr, names))}, not {format!r}"
        )
    return format


def write_events(
    frame: gpd.GeoDataFrame,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    extra: bool = False,
) -> Path:
    """Write an events frame to GeoJSON, GeoParquet, CSV (WKT geometry), GeoPackage or KML.

    Parameters
    ----------
    frame : GeoDataFrame
        A frame from :func:`geonews.events`.
    path : str or PathLike
        Output file; its suffix picks the format unless ``format`` is given.
    format : {"geojson", "parquet", "csv", "gpkg", "kml"}, optional
    extra : bool
        Keep columns beyond the events schema (e.g. a coded dataset's fatalities).

    Returns
    -------
    pathlib.Path
        The file written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from geonews.activity import empty_events
    >>> out = write_events(empty_events(), pathlib.Path(tempfile.mkdtemp()) / "e.csv")
    >>> list(read_events(out).columns) == list(COLUMNS)
    True
    """
    path = Path(path)
    kind = _format(path, format)
    frame = conform(frame, extra=extra)
    if kind == "gpkg":
        from geonews.export.gpkg import write_gpkg

        write_gpkg(frame, path)
    elif kind == "kml":
        from geonews.export.kml import write_kml

        write_kml(frame, path)
    elif kind == "parquet":
        frame.to_parquet(path, index=False)
    elif kind == "geojson":
        plain = frame.copy()
        plain.attrs = {}
        plain.to_file(path, driver="GeoJSON", engine="pyogrio")
    else:
        table = pd.DataFrame(frame.drop(columns="geometry"))
        table["geometry"] = shapely.to_wkt(frame.geometry.values, rounding_precision=-1)
        table.to_csv(path, index=False, date_format="%Y-%m-%d")
    return path


def read_events(
    path: str | os.PathLike[str], *, format: str | None = None, extra: bool = False
) -> gpd.GeoDataFrame:
    """Read an events file written by :func:`write_events` (or by hand in that layout).

    Parameters
    ----------
    path : str or PathLike
    format : {"geojson", "parquet", "csv", "gpkg", "kml"}, optional
    extra : bool
        Keep columns beyond the events schema.

    Returns
    -------
    GeoDataFrame
        With the columns and dtypes of :data:`geonews.activity.pipeline.COLUMNS`.
    """
    path = Path(path)
    kind = _format(path, format)
    if kind == "gpkg":
        from geonews.export.gpkg import read_gpkg

        frame = read_gpkg(path)
    elif kind == "kml":
        from geonews.export.kml import read_kml

        frame = read_kml(path)
    elif kind == "parquet":
        frame = gpd.read_parquet(path)
    elif kind == "geojson":
        frame = gpd.read_file(path, engine="pyogrio")
    else:
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
        geometry = shapely.from_wkt(table.pop("geometry").to_numpy())
        frame = gpd.GeoDataFrame(table, geometry=geometry, crs="EPSG:4326")
    return conform(frame, extra=extra)


def conform(frame: pd.DataFrame, *, extra: bool = False) -> gpd.GeoDataFrame:
    """Return ``frame`` with exactly the events columns, in order, with their dtypes.

    Empty strings and NaN in text columns become ``None``.

    Parameters
    ----------
    frame : DataFrame or GeoDataFrame
    extra : bool
        Keep the columns beyond the schema too, as they are, before ``geometry``.

    Returns
    -------
    GeoDataFrame

    Raises
    ------
    InvalidInput
        When columns are missing.
    """
    missing = [name for name in COLUMNS if name not in frame.columns]
    if missing:
        raise InvalidInput(f"not an events table: missing columns {missing!r}")
    data = {}
    for name, dtype in COLUMNS.items():
        if name == "geometry":
            continue
        column = frame[name]
        if dtype.startswith("datetime"):
            values = column.replace("", None) if column.dtype != "datetime64[ns]" else column
            data[name] = pd.to_datetime(values).dt.tz_localize(None).astype(dtype)
        elif dtype == "object":
            values = column.astype(object)
            data[name] = values.where(values.notna() & (values != ""), None)
        elif dtype == "Int64":
            values = column.replace("", None) if column.dtype == object else column
            data[name] = pd.to_numeric(values).astype("Int64")
        else:
            data[name] = pd.to_numeric(column).astype(dtype)
    if extra:
        for name in frame.columns:
            if name not in COLUMNS and name != frame.geometry.name:
                data[name] = frame[name]
    out = gpd.GeoDataFrame(
        data, geometry=gpd.GeoSeries(frame.geometry.values, crs="EPSG:4326"), crs="EPSG:4326"
    )
    out.index = pd.RangeIndex(len(out))
    out.attrs = dict(frame.attrs)
    return out
