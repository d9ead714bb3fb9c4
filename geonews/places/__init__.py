"""Places: names to coordinates, offline.

* :mod:`~geonews.places.place` - :class:`Place`, the resolved place (and the one lat/lon swap);
* :mod:`~geonews.places.names` - folding a name in any spelling or script to its key;
* :mod:`~geonews.places.index` - building the gazetteer index from GeoNames, the alias
  table and the region and feature lists (once per change, cached), step by step; its
  internal modules ``index_rows`` (the rows as they are gathered), ``index_countries``
  and ``index_regions`` (regions, US states and counties) hold the larger steps;
* :mod:`~geonews.places.usa` - the AP abbreviations of US states (index and recognition);
* :mod:`~geonews.places.territory` - region and country shapes;
* :mod:`~geonews.places.gazetteer` - reading that index;
* :mod:`~geonews.places.resolver` - ranking a name's candidates: :func:`resolve`.
"""

from __future__ import annotations

from geonews.context import WAR_CONTEXT
from geonews.places.gazetteer import Gazetteer, default_gazetteer
from geonews.places.names import check_name, key, skeleton, transliterate
from geonews.places.place import KINDS, Place, haversine_km, lonlat
from geonews.places.resolver import Resolver, candidates, resolve

__all__ = [
    "KINDS",
    "WAR_CONTEXT",
    "Gazetteer",
    "Place",
    "Resolver",
    "candidates",
    "check_name",
    "default_gazetteer",
    "haversine_km",
    "key",
    "lonlat",
    "resolve",
    "skeleton",
    "transliterate",
]
