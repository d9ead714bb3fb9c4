"""Control-area snapshots of the war in Ukraine: load, compare, locate events.

A *snapshot* is a GeoDataFrame in EPSG:4326 with one row per control area and the
columns ``date`` (datetime64), ``status``, ``label`` (the source's own wording),
``source`` and ``geometry`` (Polygon or MultiPolygon).  :func:`load` reads one from
DeepStateMap's raw layer, an "occupied union" file, an ISW layer file or any
GeoJSON/KML/GeoPackage with a status column; :func:`load_series` stacks several.

Statuses (:data:`STATUSES`):

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

Areas and distances are computed in :data:`EQUAL_AREA`, a Lambert azimuthal
equal-area projection centred on Ukraine (areas exact; distances within about 1 %
across the country).  The package ships no control data: DeepStateMap and ISW
content belongs to its authors, and users load it from a path or URL they give.
"""

from __future__ import annotations

import functools
import logging
import re
import warnings
from collections.abc import Iterable, Mapping, Sequence
from os import PathLike
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlparse

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from countryinfo import CountryInfo
from pyproj import CRS, Transformer

from geonews.context import NEIGHBOURS
from geonews.errors import DataError, InvalidInput
from geonews.places import lonlat

__all__ = [
    "EQUAL_AREA",
    "OCCUPIED",
    "STATUSES",
    "change",
    "classify",
    "front_line",
    "load",
    "load_series",
    "locate",
    "occupied_area_km2",
    "surroundings",
]

logger = logging.getLogger("geonews")

#: Normalised control statuses, in order of precedence when areas overlap.
STATUSES = (
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

#: Lambert azimuthal equal-area projection centred on Ukraine (metres).
EQUAL_AREA = CRS.from_proj4("+proj=laea +lat_0=48.5 +lon_0=31.5 +ellps=WGS84 +units=m +no_defs")

#: Polygons whose representative point lies farther than this from Ukraine's outline
#: are not about the war in Ukraine (DeepStateMap's satirical "occupied" Karelia,
#: Kuril Islands, East Prussia...) and are dropped.
FAR_KM = 150.0

#: Ukraine's outline is coarse (under 100 vertices): within this distance of it, a point
#: belongs to Ukraine when its nearest gazetteer settlement (Ukraine or a neighbour) does.
BORDER_BAND_KM = 25.0
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
        One of :data:`STATUSES`, or None when the label names no status.

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
        Column value -> status (one of :data:`STATUSES`); values not in it are
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
        bad = sorted({v for v in status_map.values() if v not in STATUSES})
        if bad:
            raise InvalidInput(f"status_map values must be in {STATUSES!r}, got {bad!r}")
    if isinstance(path_or_url, gpd.GeoDataFrame):
        frame, name = path_or_url.copy(), ""
        source = source if source is not None else "GeoDataFrame"
    else:
        location = str(path_or_url)
        name = _file_name(location)
        source = source if source is not None else location
        try:
            frame = gpd.read_file(location, **({"layer": layer} if layer is not None else {}))
        except Exception as err:  # pyogrio/fiona raise many types; convert at the boundary
            raise DataError(f"cannot read control areas from {location!r}: {err}") from err
    if frame.crs is None:
        frame = frame.set_crs(4326)
    elif not frame.crs.equals(CRS.from_epsg(4326)):
        frame = frame.to_crs(4326)

    labels = _labels(frame, status_column=status_column, name=name)
    status = labels.map(_status_mapper(status_map))
    geometry = _polygons(frame.geometry.values, source=source)
    keep = ~shapely.is_missing(geometry)
    far = keep & _far_from_ukraine(geometry)
    if far.any():
        logger.info("%s: dropped %d polygon(s) far from Ukraine", source, int(far.sum()))
    unknown = keep & ~far & status.isna().to_numpy()
    if unknown.any():
        logger.info(
            "%s: dropped %d area(s) with no control status: %r",
            source,
            int(unknown.sum()),
            sorted(set(labels[unknown].astype(str)))[:5],
        )
    keep &= ~far & ~unknown

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


def occupied_area_km2(snapshot: gpd.GeoDataFrame, *, statuses: Sequence[str] = OCCUPIED) -> float:
    """Area in km² of the union of a snapshot's areas with the given statuses.

    Parameters
    ----------
    snapshot : geopandas.GeoDataFrame
        A snapshot from :func:`load` (one date).
    statuses : sequence of str
        Statuses to count (default :data:`OCCUPIED`).

    Returns
    -------
    float
        Area in km², computed in :data:`EQUAL_AREA`.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> snap = load(gpd.GeoDataFrame({"status": ["occupied"]},
    ...     geometry=[box(37, 48, 38, 49)], crs=4326), date="2025-01-01")
    >>> round(occupied_area_km2(snap))
    8218
    """
    return float(_union(snapshot, statuses).area / 1e6)


def change(
    a: gpd.GeoDataFrame,
    b: gpd.GeoDataFrame,
    *,
    within: shapely.Geometry | None = None,
    settlements: Sequence[Any] | None = None,
    statuses: Sequence[str] = OCCUPIED,
) -> gpd.GeoDataFrame:
    """Areas Ukraine lost and gained between two snapshots, by oblast.

    ``lost`` is territory outside the occupied area in ``a`` and inside it in
    ``b`` (newly occupied); ``gained`` is the reverse.  Each change polygon is split
    among oblasts by a Voronoi tessellation of the gazetteer's Ukrainian
    settlements dissolved by their ``admin1`` (an approximation of oblast borders
    good to a few km).

    Parameters
    ----------
    a, b : geopandas.GeoDataFrame
        The earlier and the later snapshot (from :func:`load`).
    within : shapely geometry, optional
        Restrict to this area (EPSG:4326), e.g. :func:`surroundings` of a town.
    settlements : sequence of Place, optional
        Places with ``lat``, ``lon`` and ``admin1`` used to attribute oblasts
        (default: ``geonews.places.gazetteer.default_gazetteer().settlements("UA")``).
    statuses : sequence of str
        Statuses that make up the occupied area (default :data:`OCCUPIED`).

    Returns
    -------
    geopandas.GeoDataFrame
        One row per (``change``, ``admin1``) with ``change`` in {"lost", "gained"},
        ``admin1`` (None outside every cell), ``area_km2``, ``date_from``,
        ``date_to`` and the polygons (EPSG:4326), largest first within each change.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> from geonews.places import Place
    >>> towns = [Place("A", 48.5, 37.2, "a", admin1="Donetsk"),
    ...          Place("B", 48.5, 36.2, "b", admin1="Dnipropetrovsk")]
    >>> def snap(x, day):
    ...     frame = gpd.GeoDataFrame({"status": ["occupied"]},
    ...                              geometry=[box(x, 48, 38, 49)], crs=4326)
    ...     return load(frame, date=day)
    >>> c = change(snap(37.0, "2024-07-01"), snap(36.5, "2025-07-01"), settlements=towns)
    >>> c[["change", "admin1"]].values.tolist()
    [['lost', 'Donetsk'], ['lost', 'Dnipropetrovsk']]
    >>> round(c.area_km2.sum())
    4109
    """
    occ_a, occ_b = _union(a, statuses), _union(b, statuses)
    pieces = {"lost": occ_b.difference(occ_a), "gained": occ_a.difference(occ_b)}
    if within is not None:
        area = _project(np.asarray([within]))[0]
        pieces = {kind: geom.intersection(area) for kind, geom in pieces.items()}
    names, cells = _oblast_cells(_settlement_key(settlements))
    tree = shapely.STRtree(cells)
    rows = []
    for kind, geom in pieces.items():
        if geom.is_empty:
            continue
        covered = shapely.Polygon()
        for i in tree.query(geom, predicate="intersects"):
            part = _polygonal(shapely.intersection(geom, cells[i]))
            covered = covered.union(cells[i])
            if not part.is_empty and part.area > 0:
                rows.append((kind, names[i], part))
        rest = _polygonal(geom.difference(covered))
        if not rest.is_empty and rest.area > 0:
            rows.append((kind, None, rest))
    geoms = np.asarray([r[2] for r in rows], dtype=object)
    out = gpd.GeoDataFrame(
        {
            "change": [r[0] for r in rows],
            "admin1": [r[1] for r in rows],
            "area_km2": shapely.area(geoms) / 1e6 if rows else [],
            "date_from": _single_date(a),
            "date_to": _single_date(b),
        },
        geometry=gpd.GeoSeries(_unproject(geoms), crs=4326),
        crs=4326,
    )
    out["date_from"] = out["date_from"].astype("datetime64[ns]")
    out["date_to"] = out["date_to"].astype("datetime64[ns]")
    out = out.sort_values(["change", "area_km2"], ascending=[False, False], kind="stable")
    return out.reset_index(drop=True)


def front_line(
    snapshot: gpd.GeoDataFrame,
    *,
    border_km: float = 10.0,
    min_length_km: float = 2.0,
    statuses: Sequence[str] = OCCUPIED,
) -> shapely.MultiLineString:
    """Return the line between occupied and Ukrainian-held territory in a snapshot.

    The boundary of the occupied area, minus the parts lying within ``border_km`` of
    Ukraine's state border and coast (a coarse outline from the ``countryinfo``
    package, hence the margin), minus leftover pieces shorter than
    ``min_length_km``.

    Parameters
    ----------
    snapshot : geopandas.GeoDataFrame
        A snapshot from :func:`load` (one date).
    border_km : float
        Margin around the state border and coast that is not front.
    min_length_km : float
        Drop line pieces shorter than this (coastal slivers).
    statuses : sequence of str
        Statuses that make up the occupied area (default :data:`OCCUPIED`).

    Returns
    -------
    shapely.MultiLineString
        In EPSG:4326 (lon, lat); empty when nothing is occupied.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> snap = load(gpd.GeoDataFrame({"status": ["occupied"]},
    ...     geometry=[box(36.0, 47.5, 37.0, 48.5)], crs=4326), date="2025-01-01")
    >>> line = front_line(snap)
    >>> line.geom_type, round(line.length, 1)
    ('MultiLineString', 4.0)
    """
    line = _front_line_projected(snapshot, border_km, min_length_km, tuple(statuses))
    return shapely.MultiLineString(list(_unproject(np.asarray(shapely.get_parts(line)))))


def locate(
    events: gpd.GeoDataFrame,
    snapshots: gpd.GeoDataFrame | Sequence[gpd.GeoDataFrame],
    *,
    border_km: float = 10.0,
) -> gpd.GeoDataFrame:
    """Add control status, distance to the front and side of the front to events.

    Each event is placed against the latest snapshot dated on or before the event's
    ``date`` (events dated before every snapshot get missing values; undated events
    use the latest snapshot).  Events with polygon geometry use their
    representative point.

    Parameters
    ----------
    events : geopandas.GeoDataFrame
        Events with a ``date`` column and point (or region) geometry.
    snapshots : geopandas.GeoDataFrame or sequence of them
        One snapshot or a series from :func:`load_series`.
    border_km : float
        Passed to :func:`front_line`.

    Returns
    -------
    geopandas.GeoDataFrame
        A copy of ``events`` with ``control_status`` (a status from
        :data:`STATUSES`, ``"held"`` inside Ukraine outside every area, ``"outside"``
        beyond Ukraine; within :data:`BORDER_BAND_KM` of Ukraine's coarse outline the
        country of the nearest gazetteer settlement decides), ``front_distance_km``
        (float), ``front_side`` (``"occupied"``, ``"contested"``, ``"ukrainian-held"``
        or ``"outside"``) and ``control_as_of`` (the date of the snapshot used).

    Examples
    --------
    >>> from shapely.geometry import Point, box
    >>> snap = load(gpd.GeoDataFrame({"status": ["occupied"]},
    ...     geometry=[box(37.0, 47.5, 38.0, 48.5)], crs=4326), date="2025-01-01")
    >>> ev = gpd.GeoDataFrame({"date": pd.to_datetime(["2025-03-01", "2025-03-01"])},
    ...     geometry=[Point(37.5, 48.0), Point(36.5, 48.0)], crs=4326)
    >>> out = locate(ev, snap)
    >>> out.control_status.tolist(), out.front_side.tolist()
    (['occupied', 'held'], ['occupied', 'ukrainian-held'])
    >>> out.front_distance_km.round(0).tolist()
    [37.0, 37.0]
    """
    if isinstance(snapshots, gpd.GeoDataFrame):
        series = snapshots
    else:
        series = pd.concat(list(snapshots), ignore_index=True)
    if series.empty:
        raise InvalidInput("locate() needs at least one control area, got an empty snapshot")
    if "date" not in events.columns:
        raise InvalidInput(f"events need a 'date' column; columns are {list(events.columns)!r}")
    dates = np.sort(_naive_ns(series["date"]).dropna().unique())
    out = events.copy()
    n = len(out)
    status = np.full(n, None, dtype=object)
    side = np.full(n, None, dtype=object)
    distance = np.full(n, np.nan)
    as_of = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")

    geoms = events.geometry.to_crs(4326).values if events.crs else events.geometry.values
    points = _project(_as_points(np.asarray(geoms)))
    event_dates = _naive_ns(events["date"]).to_numpy()
    if len(dates):
        which = np.searchsorted(dates, event_dates, side="right") - 1
        which[np.isnat(event_dates)] = len(dates) - 1
        groups = [(dates[k], which == k) for k in range(len(dates))]
    else:  # undated snapshot(s): one map for every event
        groups = [(np.datetime64("NaT"), np.ones(n, dtype=bool))]
    for when, mask in groups:
        if not mask.any():
            continue
        snap = (
            series[_naive_ns(series["date"]).to_numpy() == when] if not np.isnat(when) else series
        )
        pts = points[mask]
        st = _status_at(snap, pts)
        found = np.asarray([s is not None for s in st], dtype=bool)
        inside = _in_ukraine(pts) | found
        st = np.where(found, st, np.where(inside, "held", "outside"))
        status[mask] = st
        side[mask] = np.select(
            [np.isin(st, OCCUPIED), np.isin(st, ("contested", "advance")), inside],
            ["occupied", "contested", "ukrainian-held"],
            "outside",
        )
        line = _front_line_projected(snap, border_km, 2.0, OCCUPIED)
        distance[mask] = _distance_km(pts, line)
        as_of[mask] = when
    missing = shapely.is_missing(points)
    status[missing], side[missing], distance[missing] = None, None, np.nan
    out["control_status"] = status
    out["front_distance_km"] = distance
    out["front_side"] = side
    out["control_as_of"] = as_of
    return out


def surroundings(lat: float, lon: float, *, radius_km: float = 25.0) -> shapely.Polygon:
    """Return a circle of ``radius_km`` around a point, as a polygon in EPSG:4326.

    Parameters
    ----------
    lat, lon : float
        Centre in WGS84 degrees.
    radius_km : float
        Radius in km (measured in :data:`EQUAL_AREA`).

    Returns
    -------
    shapely.Polygon
        (lon, lat) coordinates.

    Examples
    --------
    >>> pokrovsk = surroundings(48.28, 37.18, radius_km=25)
    >>> round(pokrovsk.centroid.x, 2), round(pokrovsk.centroid.y, 2)
    (37.18, 48.28)
    """
    if radius_km <= 0:
        raise InvalidInput(f"radius_km must be positive, got {radius_km!r}")
    centre = _project(np.asarray([shapely.Point(lonlat(lat, lon))]))[0]
    return _unproject(np.asarray([centre.buffer(radius_km * 1000, quad_segs=32)]))[0]


# --------------------------------------------------------------------------- helpers


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


@functools.cache
def _transformers() -> tuple[Transformer, Transformer]:
    forward = Transformer.from_crs(4326, EQUAL_AREA, always_xy=True)
    return forward, Transformer.from_crs(EQUAL_AREA, 4326, always_xy=True)


def _project(geoms: np.ndarray) -> np.ndarray:
    """EPSG:4326 shapely array -> :data:`EQUAL_AREA` (metres).

    Edges longer than 0.01° are split first, so an edge that is straight in
    lon/lat (as GeoJSON draws it) stays that line once projected.
    """
    forward = _transformers()[0]
    geoms = np.asarray(geoms, dtype=object)
    kinds = shapely.get_type_id(geoms)
    if len(geoms) and np.all(kinds <= 0):  # points (or missing): a fast path for events
        out = np.full(len(geoms), None, dtype=object)
        present = kinds == 0
        x, y = forward.transform(shapely.get_x(geoms[present]), shapely.get_y(geoms[present]))
        out[present] = shapely.points(x, y)
        return out
    dense = geoms.copy()
    lines = kinds > 0
    dense[lines] = shapely.segmentize(geoms[lines], 0.01)
    return shapely.transform(dense, lambda xy: np.column_stack(forward.transform(*xy.T)))


def _unproject(geoms: np.ndarray) -> np.ndarray:
    """:data:`EQUAL_AREA` shapely array -> EPSG:4326."""
    backward = _transformers()[1]
    return shapely.transform(geoms, lambda xy: np.column_stack(backward.transform(*xy.T)))


@functools.cache
def _ukraine() -> shapely.Polygon:
    """Ukraine's outline (coarse, with Crimea) in :data:`EQUAL_AREA`."""
    data = CountryInfo("Ukraine").info()["geoJSON"]
    feature = data["features"][0] if "features" in data else data
    outline = shapely.geometry.shape(feature["geometry"])
    return _project(np.asarray([outline]))[0]


@functools.cache
def _border_settlements() -> tuple[shapely.STRtree, np.ndarray]:
    """Index of the gazetteer settlements near Ukraine's outline, and which are Ukrainian."""
    from geonews.places.gazetteer import default_gazetteer  # the gazetteer imports heavy data

    gazetteer = default_gazetteer()
    places = [(p.lon, p.lat, c == "UA") for c in NEIGHBOURS for p in gazetteer.settlements(c)]
    lon, lat, ukrainian = (np.asarray(v) for v in zip(*places, strict=True))
    points = _project(shapely.points(lon, lat))
    near = shapely.contains(_border_band(2 * BORDER_BAND_KM), points)
    return shapely.STRtree(points[near]), ukrainian[near].astype(bool)


@functools.cache
def _border_band(km: float) -> shapely.Geometry:
    """The (prepared) band of ``km`` either side of Ukraine's outline."""
    band = _ukraine().exterior.buffer(km * 1000, quad_segs=4)
    shapely.prepare(band)
    return band


def _in_ukraine(points: np.ndarray) -> np.ndarray:
    """Tell whether projected points lie in Ukraine (outline, refined near it)."""
    outline = _ukraine()
    shapely.prepare(outline)
    inside = shapely.contains(outline, points)
    band = np.flatnonzero(shapely.contains(_border_band(BORDER_BAND_KM), points))
    if len(band):
        tree, ukrainian = _border_settlements()
        query, nearest = tree.query_nearest(points[band], all_matches=False)
        inside[band[query]] = ukrainian[nearest]
    return inside


def _far_from_ukraine(geoms: np.ndarray) -> np.ndarray:
    """Flag polygons whose representative point is over :data:`FAR_KM` from Ukraine."""
    present = ~shapely.is_missing(geoms)
    far = np.zeros(len(geoms), dtype=bool)
    if present.any():
        points = _project(shapely.point_on_surface(geoms[present]))
        far[present] = shapely.distance(points, _ukraine()) > FAR_KM * 1000
    return far


def _union(snapshot: gpd.GeoDataFrame, statuses: Sequence[str]) -> shapely.Geometry:
    """Union of the given statuses' areas, projected to :data:`EQUAL_AREA`."""
    _check_snapshot(snapshot)
    chosen = snapshot.geometry.values[snapshot["status"].isin(statuses).to_numpy()]
    if len(chosen) == 0:
        return shapely.MultiPolygon()
    return shapely.make_valid(shapely.union_all(_project(np.asarray(chosen))))


def _check_snapshot(snapshot: Any) -> None:
    if not isinstance(snapshot, gpd.GeoDataFrame) or "status" not in snapshot.columns:
        raise InvalidInput(
            f"expected a snapshot GeoDataFrame from frontline.load(), got {type(snapshot)!r}"
        )
    if "date" in snapshot.columns and snapshot["date"].nunique() > 1:
        days = sorted(str(pd.Timestamp(d).date()) for d in snapshot["date"].dropna().unique())
        raise InvalidInput(
            f"expected one snapshot, got a series of {len(days)} dates {days[:3]!r}...; "
            "select one, e.g. series[series.date == series.date.max()]"
        )


def _naive_ns(values: pd.Series) -> pd.Series:
    """Dates as timezone-naive datetime64[ns] (UTC for aware ones)."""
    dates = pd.to_datetime(values, errors="coerce")
    if isinstance(dates.dtype, pd.DatetimeTZDtype):
        dates = dates.dt.tz_convert("UTC").dt.tz_localize(None)
    return dates.astype("datetime64[ns]")


def _single_date(snapshot: gpd.GeoDataFrame) -> Any:
    dates = snapshot["date"].dropna().unique()
    return pd.Timestamp(dates.max()) if len(dates) else pd.NaT


def _settlement_key(settlements: Sequence[Any] | None) -> tuple[tuple[float, float, str], ...]:
    """Hashable (lon, lat, admin1) triples of the settlements used for oblasts."""
    if settlements is None:
        from geonews.places.gazetteer import default_gazetteer  # the gazetteer imports heavy data

        settlements = default_gazetteer().settlements("UA")
    key = tuple(sorted({(*lonlat(p.lat, p.lon), p.admin1) for p in settlements if p.admin1}))
    if not key:
        raise InvalidInput("no settlements with an admin1 to attribute oblasts with")
    return key


@functools.lru_cache(maxsize=4)
def _oblast_cells(key: tuple[tuple[float, float, str], ...]) -> tuple[list[str], np.ndarray]:
    """Voronoi cells of the settlements dissolved by admin1, in :data:`EQUAL_AREA`."""
    lon, lat, admin1 = (np.asarray(v) for v in zip(*key, strict=True))
    points = _project(shapely.points(np.column_stack([lon, lat])))
    _, first = np.unique(shapely.get_coordinates(points).round(0), axis=0, return_index=True)
    points, admin1 = points[np.sort(first)], admin1[np.sort(first)]
    xmin, ymin, xmax, ymax = shapely.total_bounds(points)
    frame = shapely.box(xmin - 2e6, ymin - 2e6, xmax + 2e6, ymax + 2e6)
    if len(points) == 1:
        return [str(admin1[0])], np.asarray([frame])
    cells = shapely.get_parts(
        shapely.voronoi_polygons(shapely.MultiPoint(list(points)), extend_to=frame, ordered=True)
    )
    cells = shapely.intersection(cells, frame)
    names = sorted(set(admin1.tolist()))
    merged = [shapely.coverage_union_all(cells[admin1 == name]) for name in names]
    return names, np.asarray(merged, dtype=object)


def _as_points(geoms: np.ndarray) -> np.ndarray:
    """Points as they are; other geometries by their representative point."""
    out = geoms.copy()
    present = ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)
    other = present & (shapely.get_type_id(geoms) != 0)
    out[other] = shapely.point_on_surface(geoms[other])
    out[~present] = None
    return out


def _status_at(snapshot: gpd.GeoDataFrame, points: np.ndarray) -> np.ndarray:
    """Status of the highest-precedence area containing each projected point."""
    polygons = _project(np.asarray(snapshot.geometry.values))
    rank = np.asarray([STATUSES.index(s) for s in snapshot["status"]])
    # Index the points and query with the polygons: GEOS prepares each polygon once.
    tree = shapely.STRtree(points)
    poly_idx, pt_idx = tree.query(polygons, predicate="intersects")
    best = np.full(len(points), len(STATUSES))
    np.minimum.at(best, pt_idx, rank[poly_idx])
    labels = np.asarray([*STATUSES, None], dtype=object)
    return labels[best]


def _front_line_projected(
    snapshot: gpd.GeoDataFrame, border_km: float, min_length_km: float, statuses: tuple
) -> shapely.Geometry:
    """Front line in :data:`EQUAL_AREA`: occupied boundary away from border and coast."""
    occupied = _union(snapshot, statuses)
    if occupied.is_empty:
        return shapely.MultiLineString()
    # Close the slivers between adjacent source polygons: they are not front.
    occupied = occupied.buffer(100, quad_segs=2).buffer(-100, quad_segs=2)
    inland = _ukraine().buffer(-border_km * 1000)
    line = shapely.line_merge(shapely.intersection(occupied.boundary, inland))
    parts = shapely.get_parts(line)
    parts = parts[shapely.length(parts) >= min_length_km * 1000]
    return shapely.MultiLineString(list(parts))


def _distance_km(points: np.ndarray, line: shapely.Geometry) -> np.ndarray:
    """Distance in km from each projected point to a projected line (indexed)."""
    out = np.full(len(points), np.nan)
    if line.is_empty:
        return out
    coords = [shapely.get_coordinates(part) for part in shapely.get_parts(line)]
    segments = np.concatenate(
        [np.stack([c[:-1], c[1:]], axis=1) for c in coords if len(c) > 1], axis=0
    )
    tree = shapely.STRtree(shapely.linestrings(segments))
    present = np.flatnonzero(~shapely.is_missing(points))
    idx, dist = tree.query_nearest(points[present], return_distance=True, all_matches=False)
    out[present[idx[0]]] = dist / 1000
    return out
