"""The shape an event covers: a region-, country- or area-level event's territory.

Events sit at their place's point at every precision, as ACLED and UCDP code them; the
``precision`` column says how much ground the point stands for.  Where the ground matters
(a map drawing "shelling across the Donetsk region" as the oblast, a claim checked
against the front line, a coded event that lies inside the region) :func:`event_areas`
gives each row its shape, looked up by ``place_id`` in the gazetteer.
"""

from __future__ import annotations

from typing import Any

import geopandas as gpd
import numpy as np
import shapely

from geonews.activity.taxonomy import PRECISIONS

__all__ = ["COARSE", "event_areas", "with_areas"]

#: Precisions whose point stands for a territory.
COARSE = tuple(p for p in PRECISIONS if p != "settlement")


def event_areas(frame: gpd.GeoDataFrame, *, shape: Any = None) -> np.ndarray:
    """Each row's geometry, with a coarse event's point replaced by its place's shape.

    A row keeps its geometry unless it is a point whose ``precision`` is region, country
    or area and whose ``place_id`` the gazetteer knows with a shape (a polygon, not only a
    point).  A polygon already in the frame (an older file, a user's own table) is kept.

    Parameters
    ----------
    frame : GeoDataFrame
        Events with ``precision`` and ``place_id`` columns (without them nothing changes).
    shape : callable, optional
        ``place_id -> geometry or None``; defaults to the embedded gazetteer's shapes.

    Returns
    -------
    numpy.ndarray
        One shapely geometry (or None) per row, in the frame's order.

    Examples
    --------
    >>> from shapely.geometry import Point
    >>> ev = gpd.GeoDataFrame({"precision": ["settlement", "region"],
    ...     "place_id": ["geonames:704422", "iso3166-2:UA-14"]},
    ...     geometry=[Point(37.18, 48.28), Point(37.75, 48.0)], crs=4326)
    >>> [g.geom_type for g in event_areas(ev)]
    ['Point', 'Polygon']
    """
    geoms = np.asarray(frame.geometry.to_numpy(), dtype=object).copy()
    if "precision" not in frame.columns or "place_id" not in frame.columns or not len(geoms):
        return geoms
    coarse = frame["precision"].isin(COARSE).to_numpy() & (shapely.get_type_id(geoms) == 0)
    if not coarse.any():
        return geoms
    lookup = shape if shape is not None else _gazetteer_shape
    place_ids = frame["place_id"].to_numpy()
    found: dict[Any, Any] = {}
    for i in np.flatnonzero(coarse):
        pid = place_ids[i]
        if not isinstance(pid, str):
            continue
        if pid not in found:
            found[pid] = lookup(pid)
        area = found[pid]
        if area is not None and shapely.get_type_id(area) in (3, 6):  # (Multi)Polygon
            geoms[i] = area
    return geoms


def _gazetteer_shape(place_id: str) -> Any:
    from geonews.places.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    place = gazetteer.get_id(place_id)
    return None if place is None else gazetteer.shape(place)


def with_areas(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """``frame`` with :func:`event_areas` as its geometry (the frame itself when none changes).

    Examples
    --------
    >>> from shapely.geometry import Point
    >>> ev = gpd.GeoDataFrame({"precision": ["country"], "place_id": ["geonames:690791"]},
    ...     geometry=[Point(32.0, 49.0)], crs=4326)
    >>> with_areas(ev).geom_type.tolist()
    ['Polygon']
    """
    geoms = event_areas(frame)
    if all(a is b for a, b in zip(geoms, frame.geometry.to_numpy(), strict=True)):
        return frame
    return frame.set_geometry(gpd.GeoSeries(geoms, index=frame.index, crs=frame.crs))
