"""Control-area snapshots: load them, compare them, place events against them.

* :mod:`~geonews.frontline.sources` - :func:`load` and :func:`load_series`: DeepStateMap,
  ISW and your own files.

The map layers that draw them are :mod:`geonews.maps.frontline`.
"""

from __future__ import annotations

from geonews.frontline.sources import (
    EQUAL_AREA,
    OCCUPIED,
    STATUSES,
    change,
    classify,
    front_line,
    load,
    load_series,
    locate,
    occupied_area_km2,
    surroundings,
)

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
