"""A hand-written stand-in geoparser for event tests: a few places, simple roles.

It knows only the places below (coordinates are GeoNames facts) and gives a
mention the ``metonym`` role when a verb or a possessive follows it ("Moscow
calls", "Kyiv did not"), which is enough to exercise the events module without
the real geoparser.
"""

from __future__ import annotations

import re

from geonews.places import Mention, Place


def _place(name, lat, lon, gid, kind, country, admin1=None):
    return Place(
        name,
        lat,
        lon,
        id=f"geonames:{gid}",
        kind=kind,
        country=country,
        admin1=admin1,
        geonameid=gid,
    )


PLACES = {
    "Moscow": _place("Moscow", 55.75222, 37.61556, 524901, "settlement", "RU", "Moscow"),
    "Florida": _place("Florida", 28.75054, -82.5001, 4155751, "region", "US", "Florida"),
    "Geneva": _place("Geneva", 46.20222, 6.14569, 2660646, "settlement", "CH", "Geneva"),
    "Abu Dhabi": _place("Abu Dhabi", 24.45118, 54.39696, 292968, "settlement", "AE", "Abu Dhabi"),
    "Ireland": _place("Ireland", 53.0, -8.0, 2963597, "country", "IE"),
    "Pokrovsk": _place("Pokrovsk", 48.28198, 37.17585, 704422, "settlement", "UA", "Donetsk"),
    "Donetsk region": _place("Donetsk Oblast", 48.0, 37.5, 709716, "region", "UA", "Donetsk"),
    "Ukraine": _place("Ukraine", 49.0, 32.0, 690791, "country", "UA"),
    "Russia": _place("Russia", 60.0, 100.0, 2017370, "country", "RU"),
    "Dnipro": _place("Dnipro", 48.4593, 35.03865, 709930, "settlement", "UA", "Dnipropetrovsk"),
    "Kyiv": _place("Kyiv", 50.45466, 30.5238, 703448, "settlement", "UA", "Kyiv City"),
    "Kharkiv": _place("Kharkiv", 49.98081, 36.25272, 706483, "settlement", "UA", "Kharkiv"),
    "Odesa": _place("Odesa", 46.47747, 30.73262, 698740, "settlement", "UA", "Odessa"),
    "Huliaipole": _place(
        "Huliaipole", 47.66389, 36.25633, 707688, "settlement", "UA", "Zaporizhzhia"
    ),
    "Zaporizhzhia region": _place(
        "Zaporizhzhia Oblast", 47.5, 35.8, 687699, "region", "UA", "Zaporizhzhia"
    ),
    "Kherson": _place("Kherson", 46.63695, 32.61458, 706448, "settlement", "UA", "Kherson"),
    "Washington": _place(
        "Washington", 38.89511, -77.03637, 4140963, "settlement", "US", "Washington, D.C."
    ),
}
ALIASES = {"Krasnoarmeysk": "Pokrovsk", "Kiev": "Kyiv", "Donetsk Oblast": "Donetsk region"}
_NAMES = sorted([*PLACES, *ALIASES], key=len, reverse=True)
_FIND = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in _NAMES) + r")\b")
_ACTOR_AFTER = re.compile(
    r"^(?:'s\b|\s+(?:has|have|had|said|says|calls|called|insists|insisted|would|will|did|does"
    r"|wants|denied|launched|fired|accused|rejected)\b)"
)


def parse(text: str) -> list[Mention]:
    """Mentions of the known places in ``text``, in order."""
    out = []
    for match in _FIND.finditer(text):
        surface = match.group()
        place = PLACES[ALIASES.get(surface, surface)]
        role = "metonym" if _ACTOR_AFTER.match(text[match.end() :]) else "literal"
        out.append(Mention(match.start(), match.end(), surface, place, role=role))
    return out
