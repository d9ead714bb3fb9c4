"""geonews: English-language war reporting to maps.

Data from GeoNames (https://www.geonames.org/, CC BY 4.0).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from geonews.errors import GeonewsError, InvalidInput, UnknownPlace
from geonews.places import Mention, Place

__version__ = "0.1.0"

__all__ = [
    "GeonewsError",
    "InvalidInput",
    "Mention",
    "Place",
    "UnknownPlace",
    "__version__",
    "map",
    "save_map",
]

#: Public names served from heavy modules, imported on first use (folium, geopandas
#: must not load at ``import geonews``).  [maps] adds ``map`` and ``save_map``.
_LAZY = {
    "map": "geonews.maps",
    "save_map": "geonews.maps",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'geonews' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
