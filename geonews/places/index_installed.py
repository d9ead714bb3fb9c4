"""The installed gazetteers' step of the index build (internal to :mod:`geonews.places.index`).

Each installed file (:mod:`geonews.places.install`) is read again row by row
(:func:`geonews.places.dumps.read`).  A GeoNames row whose geonameid the index already has
(a cities500 town) gives that place its alternate names; any other row becomes a place,
with its region from the GeoNames admin1 code (or, in a user CSV, the code or the region's
name).  Installed places come after every other row, so the reader tells them by row id
(``meta.installed_from``) and the resolver ranks them as minor places.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from geonews.places import dumps
from geonews.places.index_regions import region_names
from geonews.places.index_rows import IndexRows
from geonews.places.names import key

__all__ = ["add_installed"]


def add_installed(
    rows: IndexRows,
    sources: Iterable[tuple[object, Path]],
    regions: list[dict[str, str]],
    us_states: dict,
) -> int:
    """Add the places of every installed source; return how many new places were added.

    ``sources`` are ``(Source, path)`` pairs (:func:`geonews.places.install.source_paths`).
    """
    admin1 = region_names(regions, us_states)
    by_name = _regions_by_name(regions)
    added = 0
    for source, path in sources:
        for row in dumps.read(path, source=getattr(source, "name", "user")):
            known = rows.by_id.get(row.pid)
            if known is None and row.geonameid is not None:
                known = rows.by_geonameid.get(row.geonameid)
            if known is not None:  # the town cities500 has, or a row of another dump
                rows.add_names(known, (), row.alternates)
                continue
            code, region = _admin1(row, admin1, by_name)
            rowid = rows.add_place(
                row.pid,
                row.name,
                row.lat,
                row.lon,
                row.kind,
                row.country,
                region,
                code,
                row.population,
                row.geonameid,
            )
            rows.add_names(rowid, row.name, row.alternates)
            added += 1
    return added


def _regions_by_name(regions: list[dict[str, str]]) -> dict[tuple[str | None, str], tuple]:
    """``(country, name key) -> (admin1 code, name)`` for every name of each region.

    Also under ``(None, key)``, for a CSV row that gives no country.
    """
    out: dict[tuple[str | None, str], tuple] = {}
    for r in regions:
        for name in (r["name"], *(n for n in r.get("names", "").split("|") if n)):
            k = key(name)
            out.setdefault((r["country"], k), (r["admin1_code"], r["name"]))
            out.setdefault((None, k), (r["admin1_code"], r["name"]))
    return out


def _admin1(row: dumps.Row, admin1: dict, by_name: dict) -> tuple[str | None, str | None]:
    """The row's admin1 code and region name, when the index knows its region."""
    if row.admin1 is None:
        return None, None
    name = admin1.get((row.country, row.admin1))
    if name is not None:
        return row.admin1, name
    if row.pid.startswith("geonames:"):
        return row.admin1, None  # a code of a country whose regions the index lacks
    found = by_name.get((row.country, key(row.admin1)))
    if found is None:
        return None, row.admin1  # a name the regions table does not have: kept as written
    return found
