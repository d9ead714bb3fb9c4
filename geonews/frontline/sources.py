"""Control-area snapshots of the war in Ukraine: reading them and naming their statuses.

A *snapshot* is a GeoDataFrame in EPSG:4326 with one row per control area and the
columns ``date`` (datetime64), ``status``, ``label`` (the source's own wording),
``source`` and ``geometry`` (Polygon or MultiPolygon).  :func:`load` reads one from
DeepStateMap's raw layer, an "occupied union" file, an ISW layer file or any
GeoJSON/KML/GeoPackage with a status column; :func:`load_series` stacks several;
:func:`classify` turns a source's label into a status.

Control statuses (:data:`CONTROL_STATUSES`):

``occupied``
    held by Russian forces (DeepStateMap "Occupied"; ISW "assessed Russian control").
``occupied_before_2022``
    Crimea and the parts of Donetsk and Luhansk oblasts held since 2014.
``contested``
    DeepStateMap's grey zone ("Unknown status").
``liberated``
    retaken by Ukraine (DeepStateMap "Liberated").
``claimed``, ``advance``, ``counteroffensive``
    ISW layers only: territory Russia claims, assessed Russian advances, claimed
    Ukrainian counteroffensives.

What is done with snapshots is in :mod:`geonews.frontline.analysis` (areas, changes,
the front line) and :mod:`geonews.frontline.placement` (events against them).  The package
ships no control data: DeepStateMap and ISW content belongs to its authors, and users
load it from a path or URL they give.
"""

from __future__ import annotations

import functools
import io
import logging
import re
import warnings
from collections.abc import Iterable, Mapping
from os import PathLike
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlparse

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS

from geonews.errors import DataError, GeonewsError, InvalidInput
from geonews.fetch import fetch
from geonews.frontline.projection import project, ukraine_outline, unproject

__all__ = ["CONTROL_STATUSES", "OCCUPIED", "classify", "load", "load_series"]

logger = logging.getLogger("geonews")

#: Normalised control statuses, in order of precedence when areas overlap.
CONTROL_STATUSES = (
    "occupied_before_2022",
    "occupied",
    "contested",
    "advance",
    "claimed",
    "counteroffensive",
    "liberated",
)

#: Statuses that count as Russian-held territory.
OCCUPIED = ("occupied", "occupied_before_2022")

#: Polygons whose representative point lies farther than this from Ukraine's outline
#: are not about the war in Ukraine (DeepStateMap's satirical "occupied" Karelia,
#: Kuril Islands, East Prussia...) and are dropped.
FAR_KM = 150.0

#: Columns of a snapshot, in order.
COLUMNS = ["date", "status", "label", "source", "geometry"]

# Ordered rules: the first pattern found in a label (any language part) decides.
_STATUS_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), status)
    for pattern, status in (
        (r"territories\.(crimea|ordlo|tuzla)\b", "occupied_before_2022"),
        (r"geojson\.status\.occupied", "occupied"),
        (r"geojson\.status\.unknown", "contested"),
        (r"geojson\.status\.dismissed", "liberated"),
        (r"geojson\.", ""),  # other DeepStateMap tags (units, islands, far territories)
        (r"crimea|крим|\bcadr\b|\bcalr\b|ордло|ordlo|tuzla|тузла|before.?2022|since.?2014",
         "occupied_before_2022"),
        (r"unknown|невідом|contested|gr[ae]y.?zone", "contested"),
        (r"liberat|звільн|deoccup|regained", "liberated"),
        (r"counteroffensive", "counteroffensive"),
        (r"advance", "advance"),
        (r"claim", "claimed"),
        (r"occup|окуп|cot(in|_|\b)|russian.?control", "occupied"),
    )
)  # fmt: skip

_DATE_IN_NAME = re.compile(r"(?<!\d)(20\d\d)-?([01]\d)-?([0-3]\d)(?!\d)")
_LABEL_COLUMNS = ("status", "Status", "layer", "name", "Name", "label", "description")
_DATE_COLUMNS = ("date", "Date", "DATE", "timestamp", "updated")


def classify(label: object) -> str | None:
    """Return the normalised status a control-area label stands for, or None.

    Parameters
    ----------
    label : object
        A label as found in a source: DeepStateMap's bilingual ``name``, an ISW
        ``layer`` name, or a value of a user's status column.

    Returns
    -------
    str or None
        One of :data:`CONTROL_STATUSES`, or None when the label names no status.

    Examples
    --------
    >>> classify("Окуповано /// Occupied /// geoJSON.status.occupied")
    'occupied'
    >>> classify("ОРДЛО /// CADR and CALR")
    'occupied_before_2022'
    >>> classify("VIEW_ClaimedRussianTerritoryinUkraine_V2")
    'claimed'
    >>> classify("Придністров'я/// Transnistria /// geoJSON.territories.transnistria") is None
    True
    """
    if not isinstance(label, str):
        return None
    for pattern, status in _STATUS_RULES:
        if pattern.search(label):
            return status or None
    return None


def load(
    path_or_url: str | PathLike[str] | gpd.GeoDataFrame,
    *,
    date: Any = None,
    status_column: str | None = None,
    status_map: Mapping[str, str] | None = None,
    source: str | None = None,
    layer: str | int | None = None,
) -> gpd.GeoDataFrame:
    r"""Read one control-area snapshot into a normalised GeoDataFrame.

    Reads DeepStateMap's raw layer (bilingual ``name`` labels, z coordinates, unit
    and arrow points, far-away satirical polygons), single-MultiPolygon "occupied
    union" files, ISW layer files (a ``layer`` property or a layer name in the file
    name) and any GeoJSON, KML or GeoPackage with a status column.  Points and lines
    are dropped; invalid geometries are repaired with :func:`shapely.make_valid`;
    features without a usable geometry are dropped with a warning; polygons whose
    representative point lies more than :data:`FAR_KM` from Ukraine are dropped.

    Parameters
    ----------
    path_or_url : str, path-like or GeoDataFrame
        A file path, an ``http(s)://`` URL (read by the same code), or a frame.
    date : date-like, optional
        Date of the snapshot.  Default: a ``YYYYMMDD`` in the file name, else a
        ``date`` property; NaT with a warning when none is found.
    status_column : str, optional
        Column that holds the status.  Default: the first of ``status``, ``layer``,
        ``name``, ``Name``, ``label``, ``description`` present; a file with none of
        them takes its status from its file name, else counts as ``occupied``.
    status_map : mapping, optional
        Column value -> status (one of :data:`CONTROL_STATUSES`); values not in it are
        classified by :func:`classify`.
    source : str, optional
        Value of the ``source`` column (default: the path or URL).
    layer : str or int, optional
        Layer of a multi-layer file (GeoPackage, KML) to read.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``date``, ``status``, ``label``, ``source``, ``geometry``; EPSG:4326.

    Raises
    ------
    DataError
        When the file cannot be read.
    InvalidInput
        When ``status_map`` holds an unknown status or ``status_column`` is absent.

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely.geometry import box
    >>> raw = gpd.GeoDataFrame({"state": ["RU", "grey"]},
    ...     geometry=[box(37.0, 48.0, 37.5, 48.5), box(37.5, 48.0, 37.6, 48.5)], crs=4326)
    >>> snap = load(raw, date="2025-07-15", status_column="state",
    ...             status_map={"RU": "occupied", "grey": "contested"})
    >>> snap[["date", "status"]].to_string(index=False)
    '      date    status\n2025-07-15  occupied\n2025-07-15 contested'
    """
    if status_map is not None:
        bad = sorted({v for v in status_map.values() if v not in CONTROL_STATUSES})
        if bad:
            raise InvalidInput(f"status_map values must be in {CONTROL_STATUSES!r}, got {bad!r}")
    if isinstance(path_or_url, gpd.GeoDataFrame):
        frame, name = path_or_url.copy(), ""
        source = source if source is not None else "GeoDataFrame"
    else:
        location = str(path_or_url)
        name = _file_name(location)
        source = source if source is not None else location
        try:
            frame = gpd.read_file(_readable(location), **({"layer": layer} if layer else {}))
        except GeonewsError:
            raise
        except Exception as err:  # pyogrio/fiona raise many types; convert at the boundary
            raise DataError(f"cannot read control areas from {location!r}: {err}") from err
    stated, raw = frame.crs, np.asarray(frame.geometry.values, dtype=object)
    if frame.crs is None:
        frame = frame.set_crs(4326)
    elif not frame.crs.equals(CRS.from_epsg(4326)):
        frame = frame.to_crs(4326)

    labels = _labels(frame, status_column=status_column, name=name)
    status = labels.map(_status_mapper(status_map))
    geometry = _polygons(frame.geometry.values, source=source)
    keep = ~shapely.is_missing(geometry)
    far = keep & _far_from_ukraine(geometry)
    unknown = keep & ~far & status.isna().to_numpy()
    if unknown.any():
        logger.info(
            "%s: dropped %d area(s) with no control status: %r",
            source,
            int(unknown.sum()),
            sorted(set(labels[unknown].astype(str)))[:5],
        )
    keep &= ~far & ~unknown
    if far.any():
        _report_far(raw[far], stated, source=source, kept=int(keep.sum()))
    if unknown.any() and not keep.any():
        warnings.warn(
            f"{source!r}: none of its {int(unknown.sum())} area(s) has a control status "
            f"(labels such as {sorted(set(labels[unknown].astype(str)))[:3]!r}); "
            "name the column with status_column= and map its values with status_map=",
            UserWarning,
            stacklevel=2,
        )

    when = _snapshot_date(date, name, frame)
    out = gpd.GeoDataFrame(
        {
            "date": pd.Series(when, index=frame.index)[keep],
            "status": status[keep],
            "label": labels[keep].astype(object),
            "source": source,
        },
        geometry=gpd.GeoSeries(geometry[keep], index=frame.index[keep], crs=4326),
        crs=4326,
    )
    out["date"] = pd.to_datetime(out["date"]).astype("datetime64[ns]")
    return out[COLUMNS].reset_index(drop=True)


def load_series(paths: Iterable[Any], **options: Any) -> gpd.GeoDataFrame:
    """Load several snapshots into one GeoDataFrame sorted by date.

    Parameters
    ----------
    paths : iterable of str, path-like or GeoDataFrame
        Snapshots, each as accepted by :func:`load`.
    **options
        Keyword options passed to :func:`load` for every snapshot (``date`` is
        rejected: each snapshot dates itself).

    Returns
    -------
    geopandas.GeoDataFrame
        The rows of every snapshot, sorted by ``date`` (stable within a date).

    Examples
    --------
    >>> from shapely.geometry import box
    >>> a = gpd.GeoDataFrame({"status": ["occupied"], "date": ["2025-07-01"]},
    ...                      geometry=[box(37, 48, 38, 49)], crs=4326)
    >>> b = a.assign(date="2024-07-01")
    >>> load_series([a, b])["date"].dt.year.tolist()
    [2024, 2025]
    """
    if "date" in options:
        raise InvalidInput("load_series() dates each snapshot itself; 'date' is not accepted")
    frames = [load(p, **options) for p in paths]
    if not frames:
        raise InvalidInput("load_series() needs at least one snapshot, got none")
    series = pd.concat(frames, ignore_index=True)
    series = series.sort_values("date", kind="stable", na_position="last")
    return gpd.GeoDataFrame(series.reset_index(drop=True), geometry="geometry", crs=4326)


def _readable(location: str) -> str | io.BytesIO:
    """A local path as it is; an http(s) URL downloaded by :func:`geonews.fetch.fetch`.

    GDAL would otherwise fetch URLs itself (following any redirect, with no size cap)
    and read ``/vsicurl/...`` style paths from the network, so those are refused.
    """
    scheme = urlparse(location).scheme.lower() if "://" in location else ""
    if scheme in ("http", "https"):
        return io.BytesIO(fetch(location))
    if scheme or location.lstrip().startswith("/vsi"):
        raise InvalidInput(f"control areas come from a file or an http(s) URL, not {location!r}")
    return location


def _file_name(location: str) -> str:
    """Last path component of a path or URL."""
    path = urlparse(location).path if "://" in location else location
    return PurePosixPath(path.replace("\\", "/")).name


def _labels(frame: pd.DataFrame, *, status_column: str | None, name: str) -> pd.Series:
    """Return the text each row's status is read from."""
    if status_column is not None:
        if status_column not in frame.columns:
            raise InvalidInput(
                f"status_column {status_column!r} not in the file's columns "
                f"{[c for c in frame.columns if c != frame.geometry.name]!r}"
            )
        return frame[status_column]
    for column in _LABEL_COLUMNS:
        if column in frame.columns and frame[column].notna().any():
            return frame[column]
    # No label column: a single-layer file (ISW) named after its layer, else an
    # occupied-area union (DeepStateMap's "occupied" exports).
    fallback = name if classify(name) else "occupied"
    return pd.Series(fallback, index=frame.index, dtype=object)


def _status_mapper(status_map: Mapping[str, str] | None):
    """Label -> status, trying the user's map (exact, then case-folded) first."""
    folded = {str(k).casefold(): v for k, v in (status_map or {}).items()}

    @functools.cache
    def mapper(label: object) -> str | None:
        if status_map:
            if label in status_map:
                return status_map[label]  # type: ignore[index]
            if isinstance(label, str) and label.strip().casefold() in folded:
                return folded[label.strip().casefold()]
        return classify(label)

    return lambda label: mapper(label) if isinstance(label, (str, int, float)) else None


def _snapshot_date(date: Any, name: str, frame: pd.DataFrame) -> Any:
    """Snapshot date: argument, file name, a date column, else NaT with a warning."""
    if date is not None:
        try:
            return (
                pd.Timestamp(date).tz_localize(None)
                if pd.Timestamp(date).tzinfo
                else (pd.Timestamp(date))
            )
        except (ValueError, TypeError) as err:
            raise InvalidInput(f"date must be a date, got {date!r}") from err
    found = _DATE_IN_NAME.search(name)
    if found:
        return pd.Timestamp(f"{found[1]}-{found[2]}-{found[3]}")
    for column in _DATE_COLUMNS:
        if column in frame.columns:
            values = pd.to_datetime(frame[column], errors="coerce", utc=True)
            return values.dt.tz_localize(None).to_numpy()
    warnings.warn(
        f"no date for control areas {name or 'frame'!r}; pass date=", UserWarning, stacklevel=3
    )
    return pd.NaT


def _polygons(values: Any, *, source: str) -> np.ndarray:
    """2-D polygonal geometries; missing where a feature has no area."""
    geoms = shapely.force_2d(np.asarray(values, dtype=object))
    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    polygonal = ~missing & np.isin(shapely.get_type_id(geoms), (3, 6, 7))  # (Multi)Polygon, GC
    invalid = polygonal & ~shapely.is_valid(geoms)
    if invalid.any():
        geoms[invalid] = shapely.make_valid(geoms[invalid])
        logger.info("%s: repaired %d invalid geometries", source, int(invalid.sum()))
    out = np.full(len(geoms), None, dtype=object)
    for i in np.flatnonzero(polygonal):
        part = _polygonal(geoms[i])
        out[i] = part if not part.is_empty else None
    others = ~missing & ~polygonal
    if others.any():
        logger.debug("%s: dropped %d point or line feature(s)", source, int(others.sum()))
    unusable = int((missing | (polygonal & shapely.is_missing(out))).sum())
    if unusable:
        warnings.warn(
            f"{source!r}: dropped {unusable} feature(s) with a null, empty or unrepairable "
            "geometry",
            UserWarning,
            stacklevel=3,
        )
    return out


def _polygonal(geom: shapely.Geometry) -> shapely.Geometry:
    """Return the polygonal part of a geometry (a collection keeps its polygons)."""
    kind = geom.geom_type
    if kind in ("Polygon", "MultiPolygon"):
        return geom
    parts = [p for p in shapely.get_parts(geom) if p.geom_type in ("Polygon", "MultiPolygon")]
    if not parts:
        return shapely.Polygon()
    return shapely.union_all(parts) if len(parts) > 1 else parts[0]


def _far_from_ukraine(geoms: np.ndarray) -> np.ndarray:
    """Flag polygons whose representative point is over :data:`FAR_KM` from Ukraine.

    Coordinates outside the lon/lat range (metres read as degrees) count as far.
    """
    present = ~shapely.is_missing(geoms)
    present[present] = _in_degree_range(geoms[present])
    far = ~shapely.is_missing(geoms)
    if present.any():
        points = project(shapely.point_on_surface(geoms[present]))
        far[present] = shapely.distance(points, ukraine_outline()) > FAR_KM * 1000
    return far


def _in_degree_range(geoms: np.ndarray) -> np.ndarray:
    """Whether each geometry's bounds are finite longitudes and latitudes."""
    xmin, ymin, xmax, ymax = shapely.bounds(geoms).T
    with np.errstate(invalid="ignore"):
        return (xmin >= -180) & (xmax <= 180) & (ymin >= -90) & (ymax <= 90)


def _report_far(raw: np.ndarray, stated: CRS | None, *, source: str, kept: int) -> None:
    """Say why polygons were dropped as far from Ukraine, when the reason is not distance.

    ``raw`` holds the dropped polygons as the file gave them, before any change of CRS.
    Coordinates that are not degrees, degrees under a projected CRS, and (lat, lon)
    axes are the file's mistakes: a warning names them with counts (a
    :class:`DataError` when nothing is left), and says how to fix the file rather
    than fixing it silently.  Far-away areas of a sound file (DeepStateMap's satirical
    ones) are only logged.
    """
    raw = raw[~shapely.is_missing(raw) & ~shapely.is_empty(raw)]
    says = f"the file states {stated.to_string()!r}" if stated else "the file states no CRS"
    geographic = stated is None or stated.is_geographic
    degrees = _in_degree_range(raw)
    swapped = degrees & _inside_ukraine_box(shapely.transform(raw, lambda xy: xy[:, ::-1]))
    problems = [
        (
            int((~degrees).sum()) if geographic else 0,
            "have coordinates that are not longitudes and latitudes "
            "({extent}: metres?) though {says}; give the file its real CRS "
            "(e.g. ogr2ogr -a_srs EPSG:3857) or reproject it",
        ),
        (
            int(swapped.sum()),
            "lie in Ukraine once their axes are swapped: the file has (lat, lon) where "
            "GeoJSON and shapely want (lon, lat); swap x and y in the file "
            "(e.g. shapely.ops.transform(lambda x, y: (y, x), geom))",
        ),
        (
            int((degrees & ~swapped & _inside_ukraine_box(raw)).sum()) if not geographic else 0,
            "have coordinates in degrees within Ukraine though {says} (a projected CRS, "
            "metres); give the file EPSG:4326 (e.g. ogr2ogr -a_srs EPSG:4326)",
        ),
    ]
    xmin, ymin, xmax, ymax = shapely.total_bounds(raw[~degrees]) if (~degrees).any() else [0] * 4
    extent = f"x {xmin:,.0f} to {xmax:,.0f}, y {ymin:,.0f} to {ymax:,.0f}"
    reasons = [f"{n} " + text.format(extent=extent, says=says) for n, text in problems if n]
    far = len(raw) - sum(n for n, _ in problems)
    if not reasons:
        logger.info("%s: dropped %d polygon(s) far from Ukraine", source, far)
        if not kept:
            warnings.warn(
                f"{source!r}: all {far} polygon(s) lie over {FAR_KM:g} km from Ukraine; "
                "no control area is left",
                UserWarning,
                stacklevel=3,
            )
        return
    if far:
        reasons.append(f"{far} lie over {FAR_KM:g} km from Ukraine")
    message = f"{source!r}: dropped {len(raw)} polygon(s): " + "; ".join(reasons)
    if not kept:
        raise DataError(f"{message}; no control area is left")
    warnings.warn(message, UserWarning, stacklevel=3)


@functools.cache
def _ukraine_box() -> tuple[float, float, float, float]:
    """Ukraine's outline's lon/lat bounds, half a degree wider on every side."""
    xmin, ymin, xmax, ymax = unproject(np.asarray([ukraine_outline()]))[0].bounds
    return xmin - 0.5, ymin - 0.5, xmax + 0.5, ymax + 0.5


def _inside_ukraine_box(geoms: np.ndarray) -> np.ndarray:
    """Whether each geometry lies wholly inside :func:`_ukraine_box`."""
    xmin, ymin, xmax, ymax = shapely.bounds(geoms).T
    west, south, east, north = _ukraine_box()
    with np.errstate(invalid="ignore"):
        return (xmin >= west) & (xmax <= east) & (ymin >= south) & (ymax <= north)
