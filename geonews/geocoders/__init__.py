"""geopy-compatible geocoders: the offline gazetteer (and, beside it, the online chain)."""

from geonews.geocoders.gazetteer import Gazetteer

__all__ = ["Gazetteer"]
