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
from geonews.errors import DataError, GeonewsError, InvalidInput

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


def _format(path: Path, file_format: str | None) -> str:
    if file_format is None:
        file_format = FORMATS.get(path.suffix.lower())
    names = sorted(set(FORMATS.values()))
    if file_format not in names:
        raise InvalidInput(
            f"cannot tell the format of {str(path)!r}: use a suffix in {sorted(FORMATS)} "
            f"or file_format={'|'.join(map(repr, names))}, not {file_format!r}"
        )
    return file_format


def write_events(
    frame: gpd.GeoDataFrame,
    path: str | os.PathLike[str],
    *,
    file_format: str | None = None,
    extra: bool = False,
) -> Path:
    """Write an events frame to GeoJSON, GeoParquet, CSV (WKT geometry), GeoPackage or KML.

    Parameters
    ----------
    frame : GeoDataFrame
        A frame from :func:`geonews.events`.
    path : str or PathLike
        Output file; its suffix picks the format unless ``file_format`` is given.
    file_format : {"geojson", "parquet", "csv", "gpkg", "kml"}, optional
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
    kind = _format(path, file_format)
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
    path: str | os.PathLike[str], *, file_format: str | None = None, extra: bool = False
) -> gpd.GeoDataFrame:
    """Read an events file written by :func:`write_events` (or by hand in that layout).

    Parameters
    ----------
    path : str or PathLike
    file_format : {"geojson", "parquet", "csv", "gpkg", "kml"}, optional
    extra : bool
        Keep columns beyond the events schema.

    Returns
    -------
    GeoDataFrame
        With the columns and dtypes of :data:`geonews.activity.pipeline.COLUMNS`.
    """
    path = Path(path)
    if str(path).startswith("/vsi"):  # GDAL would read it from the network or an archive
        raise InvalidInput(f"events come from a local file, not {str(path)!r}")
    kind = _format(path, file_format)
    if not (path.is_file() or (kind == "parquet" and path.is_dir())):  # a folder of parts
        raise InvalidInput(f"no such events file: {str(path)!r}")
    if path.is_file() and path.stat().st_size == 0:
        raise DataError(f"{str(path)!r} is empty: not an events file")
    try:
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
            frame = _read_csv(path)
    except InvalidInput as err:
        raise DataError(f"{str(path)!r}: {err}") from None
    except GeonewsError:
        raise
    except Exception as err:  # pyarrow, pyogrio and pandas raise many types: convert here
        raise DataError(f"cannot read events from {str(path)!r}: {err}") from err
    # CSV rows are numbered as lines of the file (after the header), others from 1
    first = 2 if kind == "csv" else 1
    try:
        return conform(frame, first_row=first, extra=extra)
    except InvalidInput as err:
        raise DataError(f"{str(path)!r}: {err}") from None


def _read_csv(path: Path) -> gpd.GeoDataFrame:
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    if "geometry" not in table.columns:
        raise InvalidInput(f"not an events table: no 'geometry' column in {str(path)!r}")
    text = table.pop("geometry").to_numpy()
    geometry = shapely.from_wkt(text, on_invalid="ignore")
    bad = [i for i, (t, g) in enumerate(zip(text, geometry, strict=True)) if t and g is None]
    if bad:
        raise InvalidInput(f"line {bad[0] + 2}: geometry is not WKT: {text[bad[0]]!r:.80}")
    return gpd.GeoDataFrame(table, geometry=geometry, crs="EPSG:4326")


def conform(frame: pd.DataFrame, *, first_row: int = 1, extra: bool = False) -> gpd.GeoDataFrame:
    """Return ``frame`` with exactly the events columns, in order, with their dtypes.

    Empty strings and NaN in text columns become ``None``.

    Parameters
    ----------
    frame : DataFrame or GeoDataFrame
    first_row : int
        The number of the first row in error messages (2 for a CSV file's lines).
    extra : bool
        Keep the columns beyond the schema too, as they are, before ``geometry``.

    Returns
    -------
    GeoDataFrame

    Raises
    ------
    InvalidInput
        When columns are missing, or a value is not of its column's type (the message
        names the row, the column and the value).
    """
    missing = [name for name in COLUMNS if name not in frame.columns]
    if missing:
        raise InvalidInput(f"not an events table: missing columns {missing!r}")
    if not isinstance(frame, gpd.GeoDataFrame) or frame.geometry.name != "geometry":
        raise InvalidInput("not an events table: 'geometry' is not a geometry column")
    data = {}
    for name, dtype in COLUMNS.items():
        if name == "geometry":
            continue
        column = frame[name]
        if dtype.startswith("datetime"):
            values = column.replace("", None) if _is_text(column) else column
            parsed = pd.to_datetime(values, errors="coerce", utc=True)
            _check_parsed(values, parsed, name, first_row)
            data[name] = parsed.dt.tz_localize(None).astype(dtype)
        elif dtype == "object":
            values = column.astype(object)
            data[name] = values.where(values.notna() & (values != ""), None)
        else:
            values = column.replace("", None) if _is_text(column) else column
            parsed = pd.to_numeric(values, errors="coerce")
            _check_parsed(values, parsed, name, first_row)
            if dtype.lower().startswith("int"):  # 1.5 is no offset or count
                _check_parsed(values, parsed.where(parsed == parsed.round()), name, first_row)
            if dtype == "int64" and parsed.isna().any():
                _check_parsed(values.where(values.notna(), "(empty)"), parsed, name, first_row)
            data[name] = parsed.astype(dtype)
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


def _is_text(column: pd.Series) -> bool:
    return column.dtype == object or pd.api.types.is_string_dtype(column)


def _check_parsed(values: pd.Series, parsed: pd.Series, name: str, first_row: int) -> None:
    """Raise for the first value that was given but did not parse."""
    bad = parsed.isna().to_numpy() & values.notna().to_numpy()
    if bad.any():
        i = int(bad.argmax())
        raise InvalidInput(
            f"row {i + first_row}: column {name!r} cannot hold {values.iloc[i]!r:.80}"
        )
