"""Every spelling of tests/data/spellings.csv reaches its place.

The list was written from how the names appear in English-language reporting (Ukrainian
national, older Ukrainian and Russian romanisations, Cyrillic, apostrophes, hyphens, region
and country forms); the expected ids were picked from the GeoNames data, not from the
resolver's answers.  ``context`` is blank for the default war context, ``none`` for no
country preference, or an ISO 3166-1 code.

Rows of the ``realtext`` group are the misspellings, Russian forms and other romanisations
of real reporting (issue 15): as a group they must reach their place at least
:data:`REALTEXT_ACCURACY` of the time.  ``not_places.csv`` lists names that are no place of
the gazetteer (common words, people, Russian words, villages it lacks): at most
:data:`NOT_PLACES_WRONG` of them may get a place.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from geonews.places.resolver import Resolver

SPELLINGS = Path(__file__).resolve().parents[1] / "data" / "spellings.csv"
NOT_PLACES = SPELLINGS.with_name("not_places.csv")
#: Least share of the realtext group that reaches its place (the issue asks 0.97;
#: measured 0.980 of 198 with the German and French folds: the misses are named in
#: bench/README.md).
REALTEXT_ACCURACY = 0.97
#: Most share of the names that are no place that get one.
NOT_PLACES_WRONG = 0.02


def _rows(path: Path = SPELLINGS) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


ROWS = [r for r in _rows() if not r["group"]]
REALTEXT = [r for r in _rows() if r["group"] == "realtext"]


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
    assert len(REALTEXT) >= 150
    keys = [(r["spelling"], r["context"]) for r in ROWS + REALTEXT]
    assert len(keys) == len(set(keys))
    assert all(
        r["expected_id"].split(":")[0] in {"geonames", "iso3166-2", "feature"}
        for r in ROWS + REALTEXT
    )


@pytest.mark.parametrize(
    "row", ROWS, ids=[f"{r['spelling']}@{r['context'] or 'war'}" for r in ROWS]
)
def test_spelling_resolves(row, resolvers):
    place = _resolver(resolvers, row["context"]).resolve(row["spelling"])
    assert place.id == row["expected_id"], (
        f"{row['spelling']!r} ({row['note']}) -> {place.name} {place.id} "
        f"[{place.country}, {place.admin1}; {place.matched}]"
    )


def test_realtext_spellings_reach_their_place(resolvers):
    misses = []
    for row in REALTEXT:
        place = _resolver(resolvers, row["context"]).get(row["spelling"])
        if place is None or place.id != row["expected_id"]:
            misses.append((row["spelling"], row["expected_id"], place and place.id))
    accuracy = 1 - len(misses) / len(REALTEXT)
    assert accuracy >= REALTEXT_ACCURACY, misses


def test_names_that_are_no_place_stay_unresolved(resolvers):
    rows = _rows(NOT_PLACES)
    assert len(rows) >= 50
    resolver = _resolver(resolvers, "")
    gazetteer = resolver.gazetteer
    # no name of the list is a name of the gazetteer: any answer is a tolerant match
    assert not [r["name"] for r in rows if gazetteer.places_named(r["name"])]
    wrong = [(r["name"], p.name) for r in rows if (p := resolver.get(r["name"])) is not None]
    assert len(wrong) / len(rows) <= NOT_PLACES_WRONG, wrong


@pytest.mark.parametrize("name", ["Synkivka", "Kislovka", "Tabaivka"])
def test_a_misspelling_never_reaches_a_village_far_from_the_front(resolvers, name):
    # front villages the gazetteer lacks, a letter or two from villages of the rear
    resolver = _resolver(resolvers, "")
    assert resolver.get(name) is None
    assert resolver.unresolved_reason(name).startswith("only villages far from the front (")


def test_a_misspelling_still_reaches_a_front_village(resolvers):
    place = _resolver(resolvers, "").get("Scherbynivka")
    assert place is not None and place.admin1 == "Donetsk" and place.population < 10_000
