"""geonews: English-language war reporting to maps.

Data from GeoNames (https://www.geonames.org/, CC BY 4.0).
"""

from __future__ import annotations

from geonews.errors import GeonewsError, InvalidInput, UnknownPlace
from geonews.places import Mention, Place

__version__ = "0.1.0"

# Submodules that import geopandas/folium load on first attribute access, so that
# ``import geonews`` stays fast.  [frontline] adds these; the lead reconciles the table.
_LAZY_SUBMODULES = ("frontline", "frontline_layers")

__all__ = [
    "GeonewsError",
    "InvalidInput",
    "Mention",
    "Place",
    "UnknownPlace",
    "__version__",
    "frontline",
    "frontline_layers",
]


def __getattr__(name: str):
    """Import heavy submodules on first use (PEP 562)."""
    if name in _LAZY_SUBMODULES:
        import importlib

        return importlib.import_module(f"geonews.{name}")
    raise AttributeError(f"module 'geonews' has no attribute {name!r}")
