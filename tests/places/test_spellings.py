"""Every spelling of tests/data/spellings.csv reaches its place.

The list was written from how the names appear in English-language reporting (Ukrainian
national, older Ukrainian and Russian romanisations, Cyrillic, apostrophes, hyphens, region
and country forms); the expected ids were picked from the GeoNames data, not from the
resolver's answers.  ``context`` is blank for the default war context, ``none`` for no
country preference, or an ISO 3166-1 code.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from geonews.places.resolver import Resolver

SPELLINGS = Path(__file__).resolve().parents[1] / "data" / "spellings.csv"


def _rows() -> list[dict[str, str]]:
    with SPELLINGS.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


ROWS = _rows()


@pytest.fixture(scope="module")
def resolvers() -> dict[str, Resolver]:
    return {}


def _resolver(cache: dict[str, Resolver], context: str) -> Resolver:
    if context not in cache:
        if not context:
            cache[context] = Resolver()
        elif context == "none":
            cache[context] = Resolver(country_bias=None)
        else:
            cache[context] = Resolver(country_bias=context)
    return cache[context]


def test_list_is_large_and_unique():
    assert len(ROWS) >= 220
    keys = [(r["spelling"], r["context"]) for r in ROWS]
    assert len(keys) == len(set(keys))
    assert all(r["expected_id"].split(":")[0] in {"geonames", "iso3166-2", "feature"} for r in ROWS)


@pytest.mark.parametrize(
    "row", ROWS, ids=[f"{r['spelling']}@{r['context'] or 'war'}" for r in ROWS]
)
def test_spelling_resolves(row, resolvers):
    place = _resolver(resolvers, row["context"]).resolve(row["spelling"])
    assert place.id == row["expected_id"], (
        f"{row['spelling']!r} ({row['note']}) -> {place.name} {place.id} "
        f"[{place.country}, {place.admin1}; {place.matched}]"
    )
