"""Bounded polygon work for front lines: merge touching areas, close gaps, refuse monsters.

GEOS buffers a MultiPolygon of many parts in time and memory that grow faster than the
number of parts (20,000 tiny squares: 70 s; 48,832: 8.5 GB and ``std::bad_alloc``), and
``union_all`` of many disjoint parts is slow too.  Here every step works part by part:

* :func:`dissolve` unions only the parts that touch one another (groups found with an
  ``STRtree``); parts that touch nothing are kept as they are;
* :func:`close_gaps` is the closing ``buffer(+r).buffer(-r)`` done per part: dilate each
  part, dissolve, erode each merged part.  Dilation distributes over a union, and
  erosion over a union of disjoint parts (a disc inside their union lies inside one of
  them), so the result is the closing of the whole;
* :func:`check_size` refuses, with :class:`~geonews.errors.DataError` naming the counts
  and the limit, inputs that would still be too big: too many rings or vertices in all,
  or one polygon too detailed to buffer (GEOS is quadratic in a jagged ring's vertices).

The limits are module constants a user with a big machine may raise.
"""

from __future__ import annotations

import numpy as np
import shapely

from geonews.errors import DataError

__all__ = [
    "MAX_PART_RINGS",
    "MAX_PART_VERTICES",
    "MAX_RINGS",
    "MAX_VERTICES",
    "SIMPLIFY_M",
    "check_size",
    "close_gaps",
    "dissolve",
]

#: Rings (outer rings and holes) of all occupied areas a front line is drawn from.
#: DeepStateMap's snapshots have under 100; 50,000 tiny squares draw in about 3 s.
MAX_RINGS = 100_000

#: Vertices of all occupied areas (ISW's most detailed layer file has about 52,000).
MAX_VERTICES = 2_000_000

#: Vertices of one merged, simplified polygon: a jagged ring of 100,000 vertices buffers
#: in about 6 s and 750 MB, one of 200,000 in 45 s and 2.8 GB.
MAX_PART_VERTICES = 100_000

#: Holes in one merged polygon: 50,000 holes buffer in about 35 s.
MAX_PART_RINGS = 20_000

#: Douglas-Peucker tolerance (metres) applied before buffering: detail finer than this
#: does not move a front line drawn at km scale (DeepStateMap's snapshots halve in size).
SIMPLIFY_M = 5.0


def check_size(geoms: np.ndarray, *, source: str, per_part: bool = False) -> None:
    """Raise :class:`DataError` when polygons are too big for bounded buffering.

    Parameters
    ----------
    geoms : numpy.ndarray of shapely geometries
        Polygons (any frame).
    source : str
        What they came from, for the message (a file name or URL).
    per_part : bool
        Check each polygon against :data:`MAX_PART_VERTICES` and
        :data:`MAX_PART_RINGS` instead of the totals against :data:`MAX_RINGS` and
        :data:`MAX_VERTICES`.

    Raises
    ------
    DataError
        Naming the counts found and the limit they exceed.

    Examples
    --------
    >>> check_size(np.asarray([shapely.box(0, 0, 1, 1)]), source="a.geojson")
    >>> many = shapely.box(np.arange(3.0), 0, np.arange(3.0) + 0.5, 1)
    >>> import geonews.frontline.dissolve as d
    >>> d.MAX_RINGS, old = 2, d.MAX_RINGS
    >>> try:
    ...     check_size(many, source="a.geojson")
    ... except DataError as err:
    ...     print(err)
    ... finally:
    ...     d.MAX_RINGS = old
    'a.geojson': control areas too big to draw a front line from: 3 rings (outer rings and holes) in 3 polygons, over the limit of 2 (geonews.frontline.dissolve.MAX_RINGS); dissolve or simplify the file first, or raise the limit
    """  # noqa: E501
    geoms = np.asarray(geoms, dtype=object)
    if not len(geoms):
        return
    vertices = shapely.get_num_coordinates(geoms)
    rings = _num_rings(geoms)
    one = "in one polygon"
    checks = (
        [
            (int(vertices.max()), MAX_PART_VERTICES, "MAX_PART_VERTICES", f"vertices {one}"),
            (int(rings.max()), MAX_PART_RINGS, "MAX_PART_RINGS", f"rings and holes {one}"),
        ]
        if per_part
        else [
            (int(rings.sum()), MAX_RINGS, "MAX_RINGS", "rings (outer rings and holes)"),
            (int(vertices.sum()), MAX_VERTICES, "MAX_VERTICES", "vertices"),
        ]
    )
    for found, limit, name, what in checks:
        if found > limit:
            raise DataError(
                f"{source!r}: control areas too big to draw a front line from: {found:,} {what} "
                f"in {len(geoms):,} polygons, over the limit of {limit:,} "
                f"(geonews.frontline.dissolve.{name}); dissolve or simplify the file first, "
                "or raise the limit"
            )


def dissolve(geoms: np.ndarray) -> np.ndarray:
    """Union touching polygons; return the disjoint polygons of the union.

    Parameters
    ----------
    geoms : numpy.ndarray of shapely geometries
        Valid polygons or multipolygons (missing and empty ones are skipped).

    Returns
    -------
    numpy.ndarray of shapely.Polygon
        Pairwise disjoint polygons covering the same area.

    Examples
    --------
    >>> out = dissolve(np.asarray([shapely.box(0, 0, 1, 1), shapely.box(1, 0, 2, 1),
    ...                            shapely.box(5, 5, 6, 6)]))
    >>> sorted(round(p.area) for p in out)
    [1, 2]
    """
    parts = shapely.get_parts(np.asarray(geoms, dtype=object))
    parts = parts[~shapely.is_empty(parts)]
    if len(parts) < 2:
        return parts
    label = _touching_groups(parts)
    order = np.argsort(label, kind="stable")
    sorted_labels = label[order]
    starts = np.flatnonzero(np.r_[True, sorted_labels[1:] != sorted_labels[:-1]])
    ends = np.r_[starts[1:], len(order)]
    out = []
    for start, end in zip(starts, ends, strict=True):
        if end - start == 1:
            out.append(parts[order[start]])
        else:
            merged = shapely.make_valid(shapely.union_all(parts[order[start:end]]))
            out.extend(p for p in shapely.get_parts(merged) if p.geom_type == "Polygon")
    return np.asarray(out, dtype=object)


def close_gaps(parts: np.ndarray, metres: float) -> np.ndarray:
    """Morphological closing of disjoint polygons: ``buffer(+m).buffer(-m)`` part by part.

    Parameters
    ----------
    parts : numpy.ndarray of shapely.Polygon
        Pairwise disjoint polygons (from :func:`dissolve`).
    metres : float
        Closing radius, in the polygons' units; gaps narrower than twice this close.

    Returns
    -------
    numpy.ndarray of shapely.Polygon
        Pairwise disjoint polygons (quad_segs=2, as the front line has always used).

    Examples
    --------
    >>> pair = np.asarray([shapely.box(0, 0, 10, 10), shapely.box(10.5, 0, 20, 10)])
    >>> [round(p.area) for p in close_gaps(pair, 1.0)]
    [200]
    """
    grown = dissolve(shapely.buffer(parts, metres, quad_segs=2))
    shrunk = shapely.buffer(grown, -metres, quad_segs=2)
    out = shapely.get_parts(shrunk)
    return out[~shapely.is_empty(out)]


def _touching_groups(parts: np.ndarray) -> np.ndarray:
    """Label each polygon with the smallest index of the group of polygons it touches."""
    left, right = shapely.STRtree(parts).query(parts, predicate="intersects")
    label = np.arange(len(parts))
    while True:  # min-label propagation with pointer jumping: a few rounds
        before = label.copy()
        np.minimum.at(label, left, label[right])
        np.minimum.at(label, right, label[left])
        label = label[label]
        if np.array_equal(label, before):
            return label


def _num_rings(geoms: np.ndarray) -> np.ndarray:
    """Outer rings plus holes of each (multi)polygon."""
    parts, index = shapely.get_parts(geoms, return_index=True)
    holes = shapely.get_num_interior_rings(parts)
    return np.bincount(index, weights=1 + holes, minlength=len(geoms)).astype(np.int64)
