"""Geocoders: the offline gazetteer as a geopy geocoder, and the online chain.

* :class:`OfflineGeocoder` — the offline GeoNames gazetteer behind geopy's ``Geocoder``
  API (``geonews/geocoders/offline.py``).
* :class:`Chain` — alias table → offline gazetteer → any geopy geocoder (Nominatim,
  Photon, GeoNames, Pelias...) → optional second service, with a persistent cache
  (:class:`GeocodeCache`), plausibility checks, politeness (:class:`Service`) and a
  circuit breaker.
* :func:`geocode_frame` — a DataFrame column of names to a GeoDataFrame plus a
  table of failures.
"""

from __future__ import annotations

from geonews.context import WAR_REGION, BBox
from geonews.geocoders.breaker import CircuitBreaker
from geonews.geocoders.cache import GeocodeCache, default_cache_path
from geonews.geocoders.chain import Chain, Resolution
from geonews.geocoders.frame import geocode_frame
from geonews.geocoders.offline import OfflineGeocoder
from geonews.geocoders.ratelimit import MinDelay
from geonews.geocoders.service import Service, location_to_place

__all__ = [
    "WAR_REGION",
    "BBox",
    "Chain",
    "CircuitBreaker",
    "GeocodeCache",
    "MinDelay",
    "OfflineGeocoder",
    "Resolution",
    "Service",
    "default_cache_path",
    "geocode_frame",
    "location_to_place",
]
