"""What a control-area snapshot says: occupied area, changes between dates, the front line.

:func:`occupied_area_km2` measures a snapshot, :func:`change` compares two of them by
oblast, :func:`front_line` draws the line between occupied and Ukrainian-held
territory, and :func:`surroundings` gives the circle around a town that ``change(...,
within=)`` restricts to.  Areas and distances are computed in
:data:`~geonews.frontline.projection.EQUAL_AREA`; snapshots come from
:func:`geonews.frontline.sources.load`.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geonews.errors import InvalidInput
from geonews.frontline.dissolve import SIMPLIFY_M, check_size, close_gaps, dissolve
from geonews.frontline.projection import project, ukraine_outline, unproject
from geonews.frontline.sources import OCCUPIED, _polygonal
from geonews.places import lonlat

__all__ = ["change", "front_line", "occupied_area_km2", "surroundings"]


def occupied_area_km2(snapshot: gpd.GeoDataFrame, *, statuses: Sequence[str] = OCCUPIED) -> float:
    """Area in km² of the union of a snapshot's areas with the given statuses.

    Parameters
    ----------
    snapshot : geopandas.GeoDataFrame
        A snapshot from :func:`~geonews.frontline.sources.load` (one date).
    statuses : sequence of str
        Statuses to count (default :data:`OCCUPIED`).

    Returns
    -------
    float
        Area in km², computed in :data:`~geonews.frontline.projection.EQUAL_AREA`.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> from geonews.frontline.sources import load
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
        The earlier and the later snapshot (from :func:`~geonews.frontline.sources.load`).
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
    >>> from geonews.frontline.sources import load
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
        area = project(np.asarray([within]))[0]
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
        geometry=gpd.GeoSeries(unproject(geoms), crs=4326),
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
        A snapshot from :func:`~geonews.frontline.sources.load` (one date).
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
    >>> from geonews.frontline.sources import load
    >>> snap = load(gpd.GeoDataFrame({"status": ["occupied"]},
    ...     geometry=[box(36.0, 47.5, 37.0, 48.5)], crs=4326), date="2025-01-01")
    >>> line = front_line(snap)
    >>> line.geom_type, round(line.length, 1)
    ('MultiLineString', 4.0)
    """
    line = _front_line_projected(snapshot, border_km, min_length_km, tuple(statuses))
    return shapely.MultiLineString(list(unproject(np.asarray(shapely.get_parts(line)))))


def surroundings(lat: float, lon: float, *, radius_km: float = 25.0) -> shapely.Polygon:
    """Return a circle of ``radius_km`` around a point, as a polygon in EPSG:4326.

    Parameters
    ----------
    lat, lon : float
        Centre in WGS84 degrees.
    radius_km : float
        Radius in km (measured in :data:`~geonews.frontline.projection.EQUAL_AREA`).

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
    centre = project(np.asarray([shapely.Point(lonlat(lat, lon))]))[0]
    return unproject(np.asarray([centre.buffer(radius_km * 1000, quad_segs=32)]))[0]


def _union(snapshot: gpd.GeoDataFrame, statuses: Sequence[str]) -> shapely.Geometry:
    """Union of the given statuses' areas, projected to the equal-area frame."""
    return shapely.MultiPolygon(list(_dissolved(snapshot, statuses)))


def _dissolved(snapshot: gpd.GeoDataFrame, statuses: Sequence[str]) -> np.ndarray:
    """The disjoint polygons of the given statuses' union, in the equal-area frame."""
    _check_snapshot(snapshot)
    chosen = np.asarray(snapshot.geometry.values[snapshot["status"].isin(statuses).to_numpy()])
    chosen = chosen[~shapely.is_missing(chosen)]
    return dissolve(shapely.make_valid(project(chosen))) if len(chosen) else chosen


def _source(snapshot: gpd.GeoDataFrame) -> str:
    """The file or URL a snapshot came from, for messages."""
    if "source" in snapshot.columns and len(snapshot):
        return str(snapshot["source"].iloc[0])
    return "snapshot"


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
    """Voronoi cells of the settlements dissolved by admin1, in the equal-area frame."""
    lon, lat, admin1 = (np.asarray(v) for v in zip(*key, strict=True))
    points = project(shapely.points(np.column_stack([lon, lat])))
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


def _front_line_projected(
    snapshot: gpd.GeoDataFrame, border_km: float, min_length_km: float, statuses: tuple
) -> shapely.Geometry:
    """Front line, projected: the occupied boundary away from border and coast.

    Bounded work (:mod:`~geonews.frontline.dissolve`): too many rings or vertices are
    refused before the union, a too detailed polygon after it and simplification.
    """
    chosen = snapshot.geometry.values[snapshot["status"].isin(statuses).to_numpy()]
    check_size(np.asarray(chosen), source=_source(snapshot))
    parts = shapely.simplify(_dissolved(snapshot, statuses), SIMPLIFY_M)
    check_size(parts, source=_source(snapshot), per_part=True)
    # Close the slivers between adjacent source polygons: they are not front.
    parts = close_gaps(parts, 100.0)
    # A part whose whole outline is shorter than the shortest piece kept adds nothing.
    parts = parts[shapely.length(parts) >= min_length_km * 1000]
    if not len(parts):
        return shapely.MultiLineString()
    inland = ukraine_outline().buffer(-border_km * 1000)
    lines = shapely.get_parts(
        shapely.line_merge(shapely.intersection(shapely.boundary(parts), inland))
    )
    lines = lines[shapely.get_type_id(lines) == 1]  # LineStrings (not points on the margin)
    lines = lines[shapely.length(lines) >= min_length_km * 1000]
    return shapely.MultiLineString(list(lines))
