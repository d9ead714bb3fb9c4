"""The war context, defined once: which countries count, where the war's places lie.

Everything that leans towards the war in Ukraine reads it from here: the resolver's
default ranking (:data:`WAR_CONTEXT`), the plausibility check of online answers
(:data:`WAR_REGION`), the state-border sides of front-line analysis
(:data:`NEIGHBOURS`) and where a map opens (:data:`CENTRE`).

Examples
--------
>>> (48.28, 37.18) in WAR_REGION, (40.71, -74.01) in WAR_REGION
(True, False)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

__all__ = [
    "CENTRE",
    "FRONT_REGIONS",
    "NEIGHBOURS",
    "WAR_CONTEXT",
    "WAR_COUNTRIES",
    "WAR_REGION",
    "BBox",
]


class BBox(NamedTuple):
    """A latitude/longitude box, ``(south, west, north, east)`` in degrees."""

    south: float
    west: float
    north: float
    east: float

    def __contains__(self, point: object) -> bool:
        lat, lon = (float(v) for v in point)  # type: ignore[attr-defined]
        return self.south <= lat <= self.north and self.west <= lon <= self.east


#: The default context: weights added to a candidate's score by country - Ukraine
#: first, then Russia, then their neighbours.
WAR_CONTEXT: Mapping[str, float] = {
    "UA": 3.0,
    "RU": 1.6,
    "BY": 1.0,
    "MD": 0.8,
    "PL": 0.6,
    "RO": 0.5,
    "GE": 0.4,
    "LT": 0.3,
    "LV": 0.3,
    "EE": 0.3,
    "SK": 0.3,
    "HU": 0.3,
    "FI": 0.3,
}

#: Ukraine, Crimea, the Black and Azov seas, Moldova, Belarus and western Russia
#: (Kursk, Belgorod, Bryansk, Rostov, Krasnodar, Moscow): where the war's places lie.
WAR_REGION = BBox(south=43.0, west=22.0, north=56.5, east=48.5)

#: The two countries at war: a text that names their places is read in the war's context,
#: and a loose or inferred match must lie in one of them.
WAR_COUNTRIES = frozenset({"UA", "RU"})

#: The first-level regions, as ``(country, admin1)``, along and across the front line,
#: whose villages ground fighting, shelling and claimed captures name by the hundred.
#: A village elsewhere is reached only by its own spelling: a misspelt or otherwise
#: romanised small name is far likelier a front village the gazetteer lacks than a
#: namesake in the rear ("Synkivka" near Kupiansk is not Senkivka in Kyiv oblast).
FRONT_REGIONS = frozenset(
    {
        *(("UA", r) for r in ("Donetsk", "Luhansk", "Kharkiv", "Zaporizhzhia", "Kherson")),
        *(("UA", r) for r in ("Dnipropetrovsk", "Sumy", "Crimea", "Sevastopol")),
        *(("RU", r) for r in ("Belgorod", "Bryansk", "Kursk", "Rostov", "Voronezh")),
    }
)

#: Ukraine and the countries on its land border: which side of the state border a
#: place near it is on.
NEIGHBOURS = ("UA", "RU", "BY", "MD", "PL", "SK", "HU", "RO")

#: Where a war map opens: (lat, lon) in the middle of Ukraine.
CENTRE = (48.5, 31.5)
