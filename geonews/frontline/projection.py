"""The equal-area frame the front-line geometry is computed in, and Ukraine's outline in it.

Areas and distances are computed in :data:`EQUAL_AREA`, a Lambert azimuthal equal-area
projection centred on Ukraine (areas exact; distances within about 1 % across the
country).  :func:`project` and :func:`unproject` move shapely arrays between EPSG:4326
and that frame; :func:`ukraine_outline` is the country's (coarse) outline in it.
"""

from __future__ import annotations

import functools

import numpy as np
import shapely
from countryinfo import CountryInfo
from pyproj import CRS, Transformer

__all__ = ["EQUAL_AREA", "project", "ukraine_outline", "unproject"]

#: Lambert azimuthal equal-area projection centred on Ukraine (metres).
EQUAL_AREA = CRS.from_proj4("+proj=laea +lat_0=48.5 +lon_0=31.5 +ellps=WGS84 +units=m +no_defs")


@functools.cache
def _transformers() -> tuple[Transformer, Transformer]:
    forward = Transformer.from_crs(4326, EQUAL_AREA, always_xy=True)
    return forward, Transformer.from_crs(EQUAL_AREA, 4326, always_xy=True)


def project(geoms: np.ndarray) -> np.ndarray:
    """EPSG:4326 shapely array -> :data:`EQUAL_AREA` (metres).

    Edges longer than 0.01° are split first, so an edge that is straight in
    lon/lat (as GeoJSON draws it) stays that line once projected.

    Parameters
    ----------
    geoms : numpy.ndarray of shapely geometries
        (lon, lat) geometries; missing ones (None) stay missing.

    Returns
    -------
    numpy.ndarray of shapely geometries
        The same geometries in :data:`EQUAL_AREA`.

    Examples
    --------
    >>> [centre] = project(np.asarray([shapely.Point(31.5, 48.5)]))
    >>> round(centre.x), round(centre.y)
    (0, 0)
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


def unproject(geoms: np.ndarray) -> np.ndarray:
    """:data:`EQUAL_AREA` shapely array -> EPSG:4326.

    Parameters
    ----------
    geoms : numpy.ndarray of shapely geometries
        Geometries in :data:`EQUAL_AREA` (metres).

    Returns
    -------
    numpy.ndarray of shapely geometries
        The same geometries in (lon, lat).

    Examples
    --------
    >>> [point] = unproject(np.asarray([shapely.Point(0, 0)]))
    >>> round(point.x, 6), round(point.y, 6)
    (31.5, 48.5)
    """
    backward = _transformers()[1]
    return shapely.transform(geoms, lambda xy: np.column_stack(backward.transform(*xy.T)))


@functools.cache
def ukraine_outline() -> shapely.Polygon:
    """Ukraine's outline (coarse, with Crimea) in :data:`EQUAL_AREA`.

    Returns
    -------
    shapely.Polygon
        The ``countryinfo`` outline (under 100 vertices), projected; computed once.

    Examples
    --------
    >>> outline = ukraine_outline()
    >>> outline.contains(project(np.asarray([shapely.Point(30.52, 50.45)]))[0])  # Kyiv
    True
    """
    data = CountryInfo("Ukraine").info()["geoJSON"]
    feature = data["features"][0] if "features" in data else data
    outline = shapely.geometry.shape(feature["geometry"])
    return project(np.asarray([outline]))[0]
