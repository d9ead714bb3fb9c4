"""The offline gazetteer as a geopy geocoder.

:class:`OfflineGeocoder` subclasses :class:`geopy.geocoders.base.Geocoder`, so it drops into
:class:`geopy.extra.rate_limiter.RateLimiter`, ``geopandas.tools.geocode(...,
provider=OfflineGeocoder)`` and any code written for geopy.  ``Location.raw`` carries the
:class:`~geonews.places.place.Place` fields.

Examples
--------
>>> from geonews.geocoders import OfflineGeocoder
>>> loc = OfflineGeocoder().geocode("Artemovsk")
>>> loc.address, round(loc.latitude, 2), loc.raw["geonameid"]
('Bakhmut, Donetsk, UA', 48.59, 713174)
>>> OfflineGeocoder().geocode("Nowhereville-on-Sea") is None
True
"""

from __future__ import annotations

from geopy.geocoders.base import Geocoder
from geopy.location import Location

from geonews.errors import InvalidInput
from geonews.places import Place
from geonews.places.resolver import CountryBias, Resolver

__all__ = ["OfflineGeocoder"]


def _location(place: Place) -> Location:
    parts = [place.name, place.admin1 if place.admin1 != place.name else None, place.country]
    address = ", ".join(p for p in parts if p)
    return Location(address, (place.lat, place.lon), place.to_dict())


class OfflineGeocoder(Geocoder):
    """Offline geopy geocoder over geonews' alias table and GeoNames gazetteer.

    Parameters
    ----------
    country_bias : str, mapping or None
        Context for ranking: ``"war"`` (default), an ISO code, or ``None``.
    resolver : Resolver, optional
        Use this resolver (and its gazetteer and aliases) instead of a new one.
    **kwargs
        Passed to :class:`geopy.geocoders.base.Geocoder` (``timeout``, ``user_agent``...);
        nothing goes over the network.
    """

    def __init__(
        self, *, country_bias: CountryBias = "war", resolver: Resolver | None = None, **kwargs
    ):
        super().__init__(**kwargs)
        self.resolver = resolver or Resolver(country_bias=country_bias)

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        limit: int | None = None,
        country_codes: str | list[str] | None = None,
        timeout=None,
        **kwargs,
    ) -> Location | list[Location] | None:
        """Return the best :class:`geopy.location.Location` (or a list), or ``None``.

        ``country_codes`` restricts the answers to those countries, as in Nominatim.
        """
        if isinstance(query, dict):
            query = ", ".join(str(v) for v in query.values())
        n = 1 if exactly_one else (limit or 10)
        places = self.resolver.candidates(query, limit=max(n, 25 if country_codes else n))
        if country_codes:
            codes = (
                {country_codes.upper()}
                if isinstance(country_codes, str)
                else {c.upper() for c in country_codes}
            )
            places = [p for p in places if p.country in codes]
        if not places:
            return None
        locations = [_location(p) for p in places[:n]]
        return locations[0] if exactly_one else locations

    def reverse(self, query, *, exactly_one: bool = True, limit: int = 10, **kwargs):
        """Nearest settlements to ``(lat, lon)`` (a string ``"lat, lon"`` works too).

        Examples
        --------
        >>> OfflineGeocoder().reverse((48.28, 37.18)).raw["name"]
        'Pokrovsk'
        """
        if isinstance(query, str):
            lat, lon = (float(v) for v in query.split(","))
        else:
            lat, lon = float(query[0]), float(query[1])
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise InvalidInput(f"not a latitude/longitude pair: {query!r}")
        # nearest first, by great-circle distance
        places = self.resolver.gazetteer.nearest(lat, lon, limit=1 if exactly_one else limit)
        if not places:
            return None
        locations = [_location(p) for p in places]
        return locations[0] if exactly_one else locations
