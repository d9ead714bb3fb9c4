"""geonews: English-language war reporting to maps.

Data from GeoNames (https://www.geonames.org/, CC BY 4.0).
"""

from __future__ import annotations

from geonews.errors import GeonewsError, InvalidInput, UnknownPlace
from geonews.places import Mention, Place

__version__ = "0.1.0"

# Public names from modules that import heavy libraries (geopandas, feedparser) are loaded
# on first use, so that ``import geonews`` stays fast.  [events] adds "events" and "read".
_LAZY = {
    "events": "geonews.events",
    "read": "geonews.corpus",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'geonews' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "GeonewsError",
    "InvalidInput",
    "Mention",
    "Place",
    "UnknownPlace",
    "__version__",
    "events",
    "read",
]
