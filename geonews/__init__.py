"""geonews: English-language war reporting to maps.

Place data from GeoNames (https://www.geonames.org/), CC BY 4.0.

The light parts (resolving names) import at once; the parts that need geopandas or
folium load on first use, so ``import geonews`` stays fast.

Examples
--------
>>> import geonews
>>> geonews.resolve("Krasnoarmeysk").name
'Pokrovsk'
"""

from __future__ import annotations

import importlib as _importlib
from typing import Any as _Any

from geonews.errors import GeonewsError, InvalidInput, UnknownPlace
from geonews.places import Place, Resolver, candidates, resolve

__version__ = "0.1.0"

#: Public names that live in heavier modules, imported on first access:
#: name -> (module, attribute or None for the module itself).
_LAZY = {
    "Mention": ("geonews.mentions", "Mention"),
    "Geoparser": ("geonews.mentions", "Geoparser"),
    "geoparse": ("geonews.mentions", "geoparse"),
    "events": ("geonews.activity", "events"),
    "read": ("geonews.corpus", "read"),
    "map": ("geonews.maps", "event_map"),
    "save_map": ("geonews.maps", "save_map"),
    "Chain": ("geonews.geocoders", "Chain"),
    "geocode_frame": ("geonews.geocoders", "geocode_frame"),
    "geocoders": ("geonews.geocoders", None),
    "frontline": ("geonews.frontline", None),
    # the front-line map layers (their home is geonews.maps.frontline)
    "frontline_layers": ("geonews.maps.frontline", None),
    # the scoring package (load_gold, evaluate, evaluate_events, main_eval)
    "evaluate": ("geonews.evaluate", None),
    # corpora beyond memory and beyond one process
    "events_to_parquet": ("geonews.scale", "events_to_parquet"),
    "dask": ("geonews.scale.dask", None),
    # coded event datasets beside the news: ACLED and UCDP GED in, news against them
    "coded": ("geonews.coded", None),
    "read_acled": ("geonews.coded", "read_acled"),
    "read_ucdp": ("geonews.coded", "read_ucdp"),
    "compare": ("geonews.coded", "compare"),
    # installed gazetteers: GeoNames country dumps and your own lists (download, add ...)
    "gazetteer": ("geonews.places.install", None),
}

__all__ = [
    "Chain",
    "GeonewsError",
    "Geoparser",
    "InvalidInput",
    "Mention",
    "Place",
    "Resolver",
    "UnknownPlace",
    "__version__",
    "candidates",
    "coded",
    "compare",
    "dask",
    "evaluate",
    "events",
    "events_to_parquet",
    "frontline",
    "frontline_layers",
    "gazetteer",
    "geocode_frame",
    "geocoders",
    "geoparse",
    "map",
    "read",
    "read_acled",
    "read_ucdp",
    "resolve",
    "save_map",
]


def __getattr__(name: str) -> _Any:
    try:
        module, attr = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'geonews' has no attribute {name!r}") from None
    mod = _importlib.import_module(module)
    value = mod if attr is None else getattr(mod, attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
