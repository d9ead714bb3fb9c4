"""geonews: English-language war reporting to maps.

Data from GeoNames (https://www.geonames.org/, CC BY 4.0).
"""

from __future__ import annotations

from geonews.errors import GeonewsError, InvalidInput, UnknownPlace
from geonews.places import Mention, Place

__version__ = "0.1.0"

__all__ = [
    "Chain",
    "GeonewsError",
    "InvalidInput",
    "Mention",
    "Place",
    "UnknownPlace",
    "__version__",
    "geocode_frame",
]

# Lazy table (PEP 562): name -> module that defines it. These pull in geopy, pandas
# or geopandas, so they load on first use and `import geonews` stays fast.
# [geocoders] adds Chain and geocode_frame; the lead reconciles the table at merge.
_LAZY = {
    "Chain": "geonews.geocoders.chain",
    "geocode_frame": "geonews.geocoders.frame",
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
