"""The alias table: integrity, coverage of the official renames, Russian-used names."""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from geonews.places import index as _index
from geonews.places.gazetteer import default_gazetteer
from geonews.places.names import key, skeleton
from geonews.places.resolver import Resolver

ROOT = Path(__file__).resolve().parents[2]
RENAMES = ROOT / ".." / "shared" / "data" / "reference" / "renames.csv"
KINDS = {
    "soviet_era",
    "decommunization_2016",
    "derussification_2024",
    "russian_translit",
    "occupation_name",
    "variant",
}

#: The reference spells two new names differently from GeoNames (Отаманівка: Otamanivka;
#: Рикове: Rykove); the place's official romanisation, to find it in the gazetteer.
OFFICIAL_SPELLING = {"Atamanivka": "Otamanivka", "Rykiv": "Rykove"}

#: Names Russian statements use for front-line places, with the GeoNames place (picked from
#: cities500: the place of that name in the oblast where the fighting was).
RUSSIAN_FRONTLINE = {
    "Krasnoarmeysk": 704422,
    "Artemovsk": 713174,
    "Artyomovsk": 713174,
    "Dzerzhinsk": 709354,
    "Dimitrov": 710035,
    "Krasny Liman": 704204,
    "Konstantinovka": 705104,
    "Kurakhovo": 695357,
    "Ugledar": 690823,
    "Selidovo": 694677,
    "Chasov Yar": 710915,
    "Kupyansk": 703656,
    "Volchansk": 689304,
    "Gulyaipole": 707898,
    "Orekhov": 698428,
    "Kamenskoye": 709932,
    "Novogrodovka": 699557,
    "Dobropolye": 709900,
    "Seversk": 694403,
    "Avdeyevka": 713122,
    "Maryinka": 701845,
    "Krasnogorovka": 704393,
    "Velikaya Novosyolka": 690237,
    "Ocheretino": 698759,
    "Gorlovka": 707753,
    "Slavyansk": 693468,
    "Kremennaya": 704138,
    "Svatovo": 692118,
    "Lisichansk": 702972,
    "Severodonetsk": 691999,
    "Energodar": 709276,
    "Vasilyevka": 686729,
    "Stepnogorsk": 692248,
    "Malaya Tokmachka": 702153,
    "Krynki": 703861,
    "Aleshki": 691037,
    "Liptsy": 702989,
    "Borovaya": 711623,
    "Kupyansk-Uzlovoy": 703652,
    "Belogorovka": 712588,
    "Mirnograd": 710035,
}


def _aliases() -> list[dict[str, str]]:
    with (_index.data_dir() / "aliases.csv").open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _renames() -> list[dict[str, str]]:
    if not RENAMES.is_file():
        pytest.skip(f"reference renames not found at {RENAMES} (shared data absent)")
    with RENAMES.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


# -- integrity ------------------------------------------------------------------------------
def test_alias_rows_are_well_formed():
    rows = _aliases()
    assert rows
    gz = default_gazetteer()
    for row in rows:
        assert row["kind"] in KINDS, row
        assert row["alias"].strip() == row["alias"] and key(row["alias"]), row
        assert row["source"].strip(), f"alias row without a source: {row!r}"
        assert row["canonical"].strip(), row
        assert bool(row["geonameid"]) != bool(row["place_id"]), row
        pid = f"geonames:{row['geonameid']}" if row["geonameid"] else row["place_id"]
        assert gz.get_id(pid) is not None, f"alias {row['alias']!r} points at unknown {pid!r}"
        for col in ("valid_from", "valid_to"):
            if row[col]:
                dt.date.fromisoformat(row[col])


def test_alias_rows_are_unique_and_consistent():
    rows = _aliases()
    triples = Counter((key(r["alias"]), r["geonameid"] or r["place_id"], r["kind"]) for r in rows)
    assert [t for t, n in triples.items() if n > 1] == []
    canonical: dict[str, set[str]] = {}
    for r in rows:
        canonical.setdefault(r["geonameid"] or r["place_id"], set()).add(r["canonical"])
    assert {k: v for k, v in canonical.items() if len(v) > 1} == {}


def test_every_reference_rename_is_in_the_table():
    aliases = {}
    for r in _aliases():
        aliases.setdefault(key(r["alias"]), set()).add(r["kind"])
    missing = []
    for row in _renames():
        new = row["new_name"].split(" (")[0]
        if row["old_name"] == "Bakhmut":  # the reverse row: the occupation name of Bakhmut
            kinds = aliases.get(key(new), set())
        else:
            kinds = aliases.get(key(row["old_name"]), set())
        if not kinds & {"decommunization_2016", "derussification_2024", "occupation_name"}:
            missing.append(row["old_name"])
    assert missing == []


# -- the 52 reference renames resolve ---------------------------------------------------------
def _expected(new_name: str, oblast: str) -> list[int]:
    """GeoNames ids of Ukrainian settlements called ``new_name`` in ``oblast``, largest first.

    Found in the gazetteer's name tables directly (exact key, then the romanisation
    skeleton), not through the resolver's ranking or the alias table.
    """
    gz = default_gazetteer()
    name = OFFICIAL_SPELLING.get(new_name, new_name)
    rowids = [r for r, _ in gz.matches(key(name))] or gz.skeleton_matches(skeleton(name))
    rowids = list(dict.fromkeys(rowids))
    places = [
        p
        for p in gz.rows(rowids)
        if p.kind == "settlement" and p.country == "UA" and (not oblast or p.admin1 == oblast)
    ]
    return [p.geonameid for p in sorted(places, key=lambda p: -p.population)]


def _rename_ids() -> list[str]:
    if not RENAMES.is_file():
        return ["absent"]
    return [f"{r['old_name']}->{r['new_name'].split(' (')[0]}" for r in _renames()]


@pytest.fixture(scope="module")
def reference() -> list[dict[str, str]]:
    return _renames()


@pytest.mark.parametrize("index", range(len(_rename_ids())), ids=_rename_ids())
def test_reference_rename_resolves(reference, index):
    row = reference[index]
    old, oblast = row["old_name"], row["oblast"]
    new = row["new_name"].split(" (")[0]
    resolver = Resolver()
    twice = sum(r["old_name"] == old for r in reference) > 1
    if old == "Bakhmut":
        # Russian/DPR usage: the occupation name must lead back to Bakhmut
        place = resolver.resolve(new)
        assert place.geonameid in _expected(old, oblast), place
        return
    place = resolver.resolve(old, region=oblast) if twice else resolver.resolve(old)
    expected = _expected(new, oblast)
    if not expected:
        # Myroliubiv (Zhytomyr) is not in GeoNames cities500: the alias leads to its oblast
        assert place.kind == "region" and place.admin1 == oblast, place
        return
    # the renamed city or town, not a village of the same name in that oblast
    assert place.geonameid == expected[0], (old, place)
    assert place.matched.startswith("alias:") or place.matched == "name", place


def test_ambiguous_old_names_depend_on_region():
    r = Resolver()
    assert r.resolve("Artemivsk", region="Donetsk").name == "Bakhmut"
    assert r.resolve("Artemivsk", region="Luhansk").name == "Kypuche"
    assert r.resolve("Zhovtneve", region="Volyn").name == "Blahodatne"
    assert r.resolve("Zhovtneve", region="Zhytomyr").id == "iso3166-2:UA-18"
    assert r.resolve("Kamenskoye", region="Zaporizhzhia").admin1 == "Zaporizhzhia"


# -- names Russian statements use ------------------------------------------------------------
def test_russian_frontline_names_are_rows_of_the_table():
    keys = {key(r["alias"]) for r in _aliases()}
    assert sorted(n for n in RUSSIAN_FRONTLINE if key(n) not in keys) == []


@pytest.mark.parametrize("name", sorted(RUSSIAN_FRONTLINE))
def test_russian_frontline_name_resolves(name):
    place = Resolver().resolve(name)
    assert place.geonameid == RUSSIAN_FRONTLINE[name], place
    assert place.matched.startswith("alias:") or place.matched == "name"
