"""Installed gazetteers: download from a local server, add files, list, remove, bad files.

Every test points ``$GEONEWS_DATA_DIR`` and ``$GEONEWS_CACHE_DIR`` at its own folder, so
nothing is written to the real user dirs; nothing here builds an index (see
``test_installed_index.py``).
"""

from __future__ import annotations

import json
import zipfile

import pytest

from geonews.cli import main
from geonews.errors import DataError, FetchError, InvalidInput
from geonews.places import dumps, index, install
from geonews.places.gazetteer import index_path
from tests.places.dump_files import PLACES, DumpServer, dump_rows, dump_text, dump_zip


@pytest.fixture
def dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("GEONEWS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("GEONEWS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("GEONEWS_GAZETTEER_URL", raising=False)
    return tmp_path


@pytest.fixture(scope="module")
def server():
    s = DumpServer()
    yield s
    s.close()


def _leftovers(tmp_path) -> list[str]:
    data = tmp_path / "data"
    return sorted(p.name for p in data.iterdir()) if data.exists() else []


def test_nothing_installed_is_the_default_index(dirs, monkeypatch):
    assert install.installed() == [] and install.digest_text() == ""
    empty = index.digest()
    monkeypatch.setenv("GEONEWS_DATA_DIR", str(dirs / "elsewhere"))
    assert index.digest() == empty  # where an empty data dir is does not matter
    assert not (dirs / "data").exists() and not (dirs / "elsewhere").exists()


def test_download_installs_through_the_url_base(dirs, server):
    server.routes["/dumps/UA.zip"] = (200, dump_zip(), 0.0, None)
    before = index.digest()
    seen = []
    (src,) = install.download(
        "ua", base_url=server.url + "dumps", build=False, progress=lambda n, t: seen.append(t)
    )
    assert (src.name, src.file, src.format) == ("UA", "UA.zip", "geonames")
    # every row but the church (a feature geonews does not keep)
    assert src.rows == len(dump_rows()) - 1
    assert src.origin == server.url + "dumps/UA.zip"
    assert src.modified == "2025-12-01"  # the date of the table inside the zip
    assert seen and seen[-1] == len(dump_zip())
    assert index.digest() != before  # the index follows what is installed
    assert _leftovers(dirs) == ["UA.zip", "sources.json"]
    install.remove("UA")
    assert index.digest() == before
    assert _leftovers(dirs) == ["sources.json"]


def test_the_url_base_comes_from_the_environment(dirs, server, monkeypatch):
    server.routes["/mirror/UA.zip"] = (200, dump_zip(), 0.0, None)
    monkeypatch.setenv("GEONEWS_GAZETTEER_URL", server.url + "mirror/")
    assert install.download("UA", build=False)[0].origin == server.url + "mirror/UA.zip"


BAD = {
    "truncated zip": (200, dump_zip()[:-300], 0.0, None, DataError, "not a readable zip"),
    "HTML error page": (
        200,
        b"<html><body>Service temporarily unavailable</body></html>",
        0.0,
        None,
        DataError,
        "not a readable zip",
    ),
    "wrong columns": (
        200,
        dump_zip(b"98000001\tKalynopillia\t48.3\t37.4\n"),
        0.0,
        None,
        DataError,
        "line 1: 4 tab-separated columns, not the 19",
    ),
    "cut short in transit": (200, dump_zip(), 0.0, 10**7, FetchError, "cut short"),
    "timeout": (200, dump_zip(), 3.0, None, FetchError, "UA.zip"),
}


@pytest.mark.parametrize("case", [*BAD, "404", "offline"])
def test_a_bad_download_says_why_and_leaves_what_was_installed(dirs, server, case):
    server.routes["/good/UA.zip"] = (200, dump_zip(), 0.0, None)
    install.download("UA", base_url=server.url + "good/", build=False)
    listed, digest = install.installed(), index.digest()
    base = server.url + f"{case.replace(' ', '-')}/"
    if case == "404":
        error, message = FetchError, "HTTP 404"
    elif case == "offline":
        base, error, message = "http://127.0.0.1:9/", FetchError, "cannot fetch"
    else:
        status, body, delay, length, error, message = BAD[case]
        server.routes[f"/{case.replace(' ', '-')}/UA.zip"] = (status, body, delay, length)
    with pytest.raises(error, match=message) as info:
        install.download("UA", base_url=base, build=False, timeout=1.0, deadline=1.5)
    assert "UA" in str(info.value)
    assert install.installed() == listed and index.digest() == digest
    assert _leftovers(dirs) == ["UA.zip", "sources.json"]  # no staging file left behind


def test_download_refuses_what_is_no_country_code(dirs):
    with pytest.raises(InvalidInput, match="'Ukraine'"):
        install.download("Ukraine", build=False)
    with pytest.raises(InvalidInput, match="ftp://"):
        install.download("UA", base_url="ftp://mirror.invalid/dump/", build=False)


def test_add_a_dump_as_txt_and_zip(dirs):
    txt = dirs / "UA.txt"
    txt.write_bytes(dump_text())
    assert install.add(txt, build=False).rows == len(dump_rows()) - 1
    archive = dirs / "UA-dump.zip"
    archive.write_bytes(dump_zip())
    install.add(archive, name="UA", build=False)  # the same name replaces it
    assert [s.file for s in install.installed()] == ["UA.zip"]
    assert _leftovers(dirs) == ["UA.zip", "sources.json"]


def test_a_user_csv_with_optional_columns(dirs):
    path = dirs / "newsroom_sites.csv"
    path.write_text(
        "name,lat,lon,alternatenames,country,admin1,feature,population,id\n"
        "Checkpoint Vovk,48.41,37.62,Vovk checkpoint|Блокпост Вовк,UA,Donetsk,S.BDG,,cp-1\n"
        "Kalynove Pole,48.52,37.71,,UA,05,PPL,35,\n"
        "Sukha Ravine,48.50,37.70,,,Donetsk Oblast,feature,,\n",
        encoding="utf-8",
    )
    src = install.add(path, build=False)
    assert (src.name, src.format, src.rows) == ("newsroom_sites", "csv", 3)
    rows = list(dumps.read(install.data_dir() / src.file, source=src.name))
    assert [r.pid for r in rows] == [
        "user:newsroom_sites:cp-1",
        "user:newsroom_sites:3",
        "user:newsroom_sites:4",
    ]
    assert rows[0].alternates == ("Vovk checkpoint", "Блокпост Вовк")
    assert [r.kind for r in rows] == ["feature", "settlement", "feature"]
    assert rows[1].population == 35


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name,lat\nA,48\n", r"line 1: .*missing \['lon'\]"),
        ("name,lat,lon,oblast\nA,48,37,Donetsk\n", r"unknown column\(s\) \['oblast'\]"),
        ("name,lat,lon\nA,48,37\nB,48.x,37\n", r"line 3: latitude/longitude '48.x', '37'"),
        ("name,lat,lon\nA,91,37\n", r"line 2: not a latitude/longitude pair: '91'"),
        ("name,lat,lon,feature\nA,48,37,SCH\n", r"line 2: unknown feature 'SCH'"),
        ("name,lat,lon,country\nA,48,37,Ukraine\n", r"line 2: .*alpha-2 code: 'UKRAINE'"),
        ("name,lat,lon\n,48,37\n", r"line 2: empty name"),
        ("name,lat,lon\n", r"holds no places"),
    ],
)
def test_a_bad_csv_names_its_line_and_value(dirs, text, message):
    path = dirs / "mine.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=message) as info:
        install.add(path, build=False)
    assert "mine.csv" in str(info.value) and ".staging" not in str(info.value)
    assert install.installed() == []


def test_a_bad_dump_names_its_line_and_value(dirs):
    rows = dump_rows()
    rows[5][4] = "north"
    path = dirs / "UA.txt"
    path.write_bytes(dump_text(rows))
    with pytest.raises(DataError, match=r"UA.txt', line 6: latitude/longitude 'north'"):
        install.add(path, build=False)
    path.write_bytes(dump_text()[:-1] + b"\xff\n")
    with pytest.raises(DataError, match="not UTF-8"):
        install.add(path, build=False)
    with zipfile.ZipFile(dirs / "two.zip", "w") as zf:
        zf.writestr("UA.txt", dump_text())
        zf.writestr("RU.txt", dump_text())
    with pytest.raises(DataError, match=r"one GeoNames table .*\['UA.txt', 'RU.txt'\]"):
        install.add(dirs / "two.zip", build=False)
    (dirs / "places.json").write_text("[]")
    with pytest.raises(DataError, match=r"cannot tell the format of .*places\.json"):
        install.add(dirs / "places.json", build=False)
    assert install.installed() == []


def test_feature_classes_map_to_kinds():
    kinds = {(r[6], r[7]): dumps.kind_of(r[6], r[7]) for r in dump_rows()}
    assert kinds[("P", "PPLW")] == "settlement"
    assert kinds[("A", "ADM2")] == "county"
    assert kinds[("H", "STM")] == kinds[("H", "CNL")] == "river"
    assert kinds[("H", "RSV")] == kinds[("T", "HLL")] == kinds[("S", "AIRF")] == "feature"
    assert kinds[("S", "CH")] is None
    assert dumps.kind_of("A", "ADM2H") is None and dumps.kind_of("A", "ADM1") is None
    assert len(PLACES) == sum(1 for r in dump_rows() if int(r[0]) > 98_000_000) - 300


def test_cli_download_list_status_remove(dirs, server, capsys):
    server.routes["/cli/UA.zip"] = (200, dump_zip(), 0.0, None)
    args = ["gazetteer", "download", "UA", "--base-url", server.url + "cli/", "--no-build"]
    assert main(args) == 0
    assert "installed UA:" in capsys.readouterr().out
    assert main(["gazetteer", "list", "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["name"] == "UA" and listed["rows"] == len(dump_rows()) - 1
    assert main(["gazetteer", "status"]) == 0
    out = capsys.readouterr().out
    assert f"index: {index_path()} (not built yet)" in out and "UA\tgeonames" in out
    assert main(["gazetteer", "remove", "UA"]) == 0
    assert main(["gazetteer", "remove", "UA"]) == 2
    assert "no installed gazetteer called 'UA'" in capsys.readouterr().err
    assert main(["gazetteer", "list"]) == 0
    assert "no gazetteer installed" in capsys.readouterr().out


def test_install_takes_country_codes_and_files_alike(dirs, server):
    server.routes["/both/UA.zip"] = (200, dump_zip(), 0.0, None)
    path = dirs / "sites.csv"
    path.write_text("name,lat,lon\nObserver Post Lys,48.2,37.9\n", encoding="utf-8")
    done = install.install("UA", path, base_url=server.url + "both/", build=False)
    assert [(s.name, s.format) for s in done] == [("UA", "geonames"), ("sites", "csv")]
    assert [s.name for s in install.installed()] == ["UA", "sites"]
    with pytest.raises(DataError, match=r"no such gazetteer file: 'Ukraine\.zip'"):
        install.install("Ukraine.zip", build=False)


def test_the_python_entry_is_geonews_gazetteer():
    import geonews

    assert geonews.gazetteer.download is install.download and "gazetteer" in geonews.__all__
