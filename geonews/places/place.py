"""The resolved place: :class:`Place`, a frozen dataclass, and the one lat/lon swap.

``Place`` exposes ``__geo_interface__`` (GeoJSON, lon/lat order) so shapely,
GeoPandas and folium accept it directly.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["EARTH_RADIUS_KM", "KINDS", "Place", "haversine_km", "lonlat", "new_place"]

#: Feature kinds a place can have, from the most to the least precise.
KINDS = (
    "settlement",
    "feature",
    "county",
    "region",
    "area",
    "sea",
    "river",
    "country",
    "continent",
)
#: Mean Earth radius (IUGG), km: the sphere great-circle distances are measured on.
EARTH_RADIUS_KM = 6371.0088


def lonlat(lat: float, lon: float) -> tuple[float, float]:
    """Return ``(lon, lat)``: the one place where geonews swaps the order.

    GeoJSON and shapely use (x=lon, y=lat); geopy and folium use (lat, lon).

    Examples
    --------
    >>> lonlat(48.28, 37.18)
    (37.18, 48.28)
    """
    return (lon, lat)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance between two points, in km.

    Parameters
    ----------
    lat1, lon1, lat2, lon2 : float
        WGS84 coordinates in degrees.

    Returns
    -------
    float
        Distance in kilometres on a sphere of mean Earth radius (:data:`EARTH_RADIUS_KM`).

    Examples
    --------
    >>> round(haversine_km(50.45, 30.52, 48.28, 37.18))  # Kyiv - Pokrovsk
    539
    >>> round(haversine_km(50.45466, 30.5238, 49.98177, 36.25475))  # Kyiv - Kharkiv
    411
    >>> haversine_km(48.28, 37.18, 48.28, 37.18)
    0.0
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True, slots=True)
class Place:
    """A place on the map, with where its answer came from.

    Parameters
    ----------
    name : str
        Canonical (current, official English) name, e.g. ``"Pokrovsk"``.
    lat, lon : float
        WGS84 coordinates of the place's representative point.
    id : str
        Stable identifier: ``"geonames:704422"``, ``"iso3166-2:UA-14"``,
        ``"feature:black-sea"`` or ``"<service>:<id>"`` for online answers.
    kind : str
        One of :data:`KINDS`.
    country : str or None
        ISO 3166-1 alpha-2 code.
    admin1 : str or None
        Name of the first-level region (oblast, state), when known.
    population : int
        Population from GeoNames (0 when unknown).
    geonameid : int or None
        GeoNames id when the place is a GeoNames feature.
    matched : str or None
        The alias or rule that led to this place (``"alias:soviet_era"``,
        ``"name"``, ``"altname"``, ``"fold"``...).
    score : float
        Ranking score of this candidate (higher is better; comparable within one query).
    source : str
        Which resolver step answered: ``"gazetteer"``, ``"alias"``, or a geocoder's name.
    retrieved : str or None
        ISO 8601 time when an online service gave the answer.
    raw : Mapping
        Everything else the source said, untouched.

    Examples
    --------
    >>> p = Place("Pokrovsk", 48.28198, 37.17585, id="geonames:704422", kind="settlement",
    ...           country="UA", admin1="Donetsk", geonameid=704422)
    >>> p.__geo_interface__["coordinates"]
    (37.17585, 48.28198)
    """

    name: str
    lat: float
    lon: float
    id: str
    kind: str = "settlement"
    country: str | None = None
    admin1: str | None = None
    population: int = 0
    geonameid: int | None = None
    matched: str | None = None
    score: float = 0.0
    source: str = "gazetteer"
    retrieved: str | None = None
    raw: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def point(self) -> tuple[float, float]:
        """``(lat, lon)``, the order geopy and folium use."""
        return (self.lat, self.lon)

    @property
    def __geo_interface__(self) -> dict[str, Any]:
        return {"type": "Point", "coordinates": lonlat(self.lat, self.lon)}

    def to_dict(self) -> dict[str, Any]:
        """Return the fields as a plain dict (``raw`` included), e.g. for JSON."""
        return {
            "name": self.name,
            "lat": self.lat,
            "lon": self.lon,
            "id": self.id,
            "kind": self.kind,
            "country": self.country,
            "admin1": self.admin1,
            "population": self.population,
            "geonameid": self.geonameid,
            "matched": self.matched,
            "score": self.score,
            "source": self.source,
            "retrieved": self.retrieved,
            "raw": dict(self.raw),
        }


#: The slots' setters, in field order: :func:`new_place` sets them directly.
_FIELDS = (
    "name", "lat", "lon", "id", "kind", "country", "admin1", "population", "geonameid",
    "matched", "score", "source", "retrieved", "raw",
)  # fmt: skip
if Place.__slots__ != _FIELDS:  # pragma: no cover - a field added without new_place
    raise ImportError(f"Place's fields changed: {Place.__slots__!r}; update new_place")
(_NAME, _LAT, _LON, _ID, _KIND, _COUNTRY, _ADMIN1, _POPULATION, _GEONAMEID, _MATCHED, _SCORE,
 _SOURCE, _RETRIEVED, _RAW) = (Place.__dict__[f].__set__ for f in _FIELDS)  # fmt: skip
_new = object.__new__


def new_place(
    name: str,
    lat: float,
    lon: float,
    id: str,  # noqa: A002 - the field's name
    kind: str,
    country: str | None,
    admin1: str | None,
    population: int,
    geonameid: int | None,
    matched: str | None,
    score: float,
    source: str,
    retrieved: str | None,
    raw: Mapping[str, Any],
) -> Place:
    """``Place(...)`` with every field given, in half the time.

    The frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``;
    this sets the slots directly (the resolver builds a place for every answer).  The
    result is the same object: there is no ``__post_init__``.

    Examples
    --------
    >>> args = ("Pokrovsk", 48.28, 37.18, "geonames:704422", "settlement", "UA", "Donetsk",
    ...         60_000, 704422, "name", 4.1, "gazetteer", None, {"rowid": 1})
    >>> new_place(*args) == Place(*args)
    True
    """
    place = _new(Place)
    _NAME(place, name)
    _LAT(place, lat)
    _LON(place, lon)
    _ID(place, id)
    _KIND(place, kind)
    _COUNTRY(place, country)
    _ADMIN1(place, admin1)
    _POPULATION(place, population)
    _GEONAMEID(place, geonameid)
    _MATCHED(place, matched)
    _SCORE(place, score)
    _SOURCE(place, source)
    _RETRIEVED(place, retrieved)
    _RAW(place, raw)
    return place
