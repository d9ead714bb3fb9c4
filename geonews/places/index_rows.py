"""The rows of the gazetteer index while it is built (internal to :mod:`geonews.places.index`).

Each step of the build (settlements, countries, regions, features...) adds its places
and their names to one :class:`IndexRows`; the last step writes them out.  A place's
row id is its position in the order the steps add places, so the steps run in a fixed
order.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from geonews.places.names import key

__all__ = ["CODE_LIKE", "IndexRows", "Settled", "usable"]

#: Latin and Cyrillic letters, digits and the punctuation of names: the names kept.
_SCRIPTS_OK = re.compile(r"^[\sA-Za-z0-9\u00c0-\u024f\u0400-\u04ff'’ʼ\-.(),]+$")
#: What reads as a code, not a name: IATA/ICAO, postal and ISO codes ("KBR", "UUEE", "BA").
CODE_LIKE = re.compile(r"[A-Z0-9]{2,5}")


def usable(name: str) -> bool:
    """Keep Latin and Cyrillic names; drop romanised CJK readings and other scripts."""
    return bool(name) and len(name) <= 80 and bool(_SCRIPTS_OK.match(name))


class IndexRows:
    """Places, their names and region shapes, gathered in row-id order.

    ``places`` holds the rows of the ``places`` table, ``names`` the ``(key, rowid, how)``
    triples (``how`` is ``"name"`` or ``"alt"``), ``shapes`` the ``(place id, WKB)`` rows
    of ``region_shapes``.
    """

    def __init__(self) -> None:
        self.places: list[tuple] = []
        self.names: set[tuple[str, int, str]] = set()
        self.shapes: list[tuple[str, bytes]] = []
        self.by_geonameid: dict[int, int] = {}
        self.by_id: dict[str, int] = {}

    def add_place(self, pid, name, lat, lon, kind, country, admin1, admin1_code, pop, gid) -> int:
        """Add one row of the ``places`` table and return its row id."""
        rowid = len(self.places) + 1
        self.places.append(
            (rowid, pid, name, lat, lon, kind, country, admin1, admin1_code, pop, gid)
        )
        self.by_id[pid] = rowid
        if gid is not None:
            self.by_geonameid[gid] = rowid
        return rowid

    def add_names(
        self,
        rowid: int,
        primary: str | Iterable[str],
        alternates: Iterable[str],
        codes: bool = False,
    ) -> None:
        """Name place ``rowid``: its main name(s), and alternates in Latin or Cyrillic.

        Alternates that look like codes are left out unless ``codes`` is true (a curated
        list, where "DPR" or "USA" is a name).
        """
        for name in [primary] if isinstance(primary, str) else primary:
            self.names.add((key(name), rowid, "name"))
        for alt in alternates:
            if not codes and CODE_LIKE.fullmatch(alt):
                continue  # IATA/ICAO and postal codes ("KBR", "UUEE") read as acronyms
            if usable(alt):
                k = key(alt)
                if k:
                    self.names.add((k, rowid, "alt"))


@dataclass
class Settled:
    """What the settlements tell the later steps, gathered while they are added.

    Attributes
    ----------
    admin_points : dict
        ``(country, admin1 code) -> [(lat, lon), ...]`` of every settlement.
    admin_pop : dict
        ``(country, admin1 code) -> population`` summed over its settlements.
    capitals : dict
        ``(country, capital name) -> (rowid, population)``: the most populous settlement
        of the capital's name in that country.
    us_towns : dict
        ``(state, name key) -> (lat, lon)`` of the most populous US settlement of a name.
    us_town_pop : dict
        ``(state, name key) -> population`` of that settlement.
    big_city_names : dict
        ``country -> names`` of its big cities (``index._BIG_CITY`` people or more).
    installed_from : int or None
        The first row id of the installed gazetteers' places (None: none installed).
    """

    admin_points: dict[tuple[str, str], list[tuple[float, float]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    admin_pop: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))
    capitals: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)
    us_towns: dict[tuple[str, str], tuple[float, float]] = field(default_factory=dict)
    us_town_pop: dict[tuple[str, str], int] = field(default_factory=dict)
    big_city_names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    installed_from: int | None = None
