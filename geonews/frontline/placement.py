"""Events against control-area snapshots: control status, distance to the front, side.

:func:`locate` places each event against the latest snapshot dated on or before it:
the status of the area it lies in (``"held"`` inside Ukraine outside every area,
``"outside"`` beyond it), the distance to that snapshot's front line
(:func:`geonews.frontline.analysis.front_line`) and the side of the front.  Points are
indexed (``shapely.STRtree``), so 100,000 events take about a second.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geonews.context import NEIGHBOURS
from geonews.errors import InvalidInput
from geonews.frontline.analysis import _front_line_projected
from geonews.frontline.projection import project, ukraine_outline
from geonews.frontline.sources import CONTROL_STATUSES, OCCUPIED

__all__ = ["BORDER_BAND_KM", "locate"]

#: Ukraine's outline is coarse (under 100 vertices): within this distance of it, a point
#: belongs to Ukraine when its nearest gazetteer settlement (Ukraine or a neighbour) does.
BORDER_BAND_KM = 25.0


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
        One snapshot or a series from :func:`~geonews.frontline.sources.load_series`.
    border_km : float
        Passed to :func:`~geonews.frontline.analysis.front_line`.

    Returns
    -------
    geopandas.GeoDataFrame
        A copy of ``events`` with ``control_status`` (a status from
        :data:`~geonews.frontline.sources.CONTROL_STATUSES`, ``"held"`` inside Ukraine
        outside every area, ``"outside"`` beyond Ukraine; within :data:`BORDER_BAND_KM`
        of Ukraine's coarse outline the country of the nearest gazetteer settlement
        decides), ``front_distance_km`` (float), ``front_side`` (``"occupied"``,
        ``"contested"``, ``"ukrainian-held"`` or ``"outside"``) and ``control_as_of``
        (the date of the snapshot used).

    Examples
    --------
    >>> from shapely.geometry import Point, box
    >>> from geonews.frontline.sources import load
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
    points = project(_as_points(np.asarray(geoms)))
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


@functools.cache
def _border_settlements() -> tuple[shapely.STRtree, np.ndarray]:
    """Index of the gazetteer settlements near Ukraine's outline, and which are Ukrainian."""
    from geonews.places.gazetteer import default_gazetteer  # the gazetteer imports heavy data

    gazetteer = default_gazetteer()
    places = [(p.lon, p.lat, c == "UA") for c in NEIGHBOURS for p in gazetteer.settlements(c)]
    lon, lat, ukrainian = (np.asarray(v) for v in zip(*places, strict=True))
    points = project(shapely.points(lon, lat))
    near = shapely.contains(_border_band(2 * BORDER_BAND_KM), points)
    return shapely.STRtree(points[near]), ukrainian[near].astype(bool)


@functools.cache
def _border_band(km: float) -> shapely.Geometry:
    """The (prepared) band of ``km`` either side of Ukraine's outline."""
    band = ukraine_outline().exterior.buffer(km * 1000, quad_segs=4)
    shapely.prepare(band)
    return band


def _in_ukraine(points: np.ndarray) -> np.ndarray:
    """Tell whether projected points lie in Ukraine (outline, refined near it)."""
    outline = ukraine_outline()
    shapely.prepare(outline)
    inside = shapely.contains(outline, points)
    band = np.flatnonzero(shapely.contains(_border_band(BORDER_BAND_KM), points))
    if len(band):
        tree, ukrainian = _border_settlements()
        query, nearest = tree.query_nearest(points[band], all_matches=False)
        inside[band[query]] = ukrainian[nearest]
    return inside


def _naive_ns(values: pd.Series) -> pd.Series:
    """Dates as timezone-naive datetime64[ns] (UTC for aware ones)."""
    dates = pd.to_datetime(values, errors="coerce")
    if isinstance(dates.dtype, pd.DatetimeTZDtype):
        dates = dates.dt.tz_convert("UTC").dt.tz_localize(None)
    return dates.astype("datetime64[ns]")


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
    polygons = project(np.asarray(snapshot.geometry.values))
    rank = np.asarray([CONTROL_STATUSES.index(s) for s in snapshot["status"]])
    # Index the points and query with the polygons: GEOS prepares each polygon once.
    tree = shapely.STRtree(points)
    poly_idx, pt_idx = tree.query(polygons, predicate="intersects")
    best = np.full(len(points), len(CONTROL_STATUSES))
    np.minimum.at(best, pt_idx, rank[poly_idx])
    labels = np.asarray([*CONTROL_STATUSES, None], dtype=object)
    return labels[best]


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
