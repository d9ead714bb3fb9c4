"""A UTF-8 byte-order mark (what spreadsheets write) in front of every CSV geonews reads.

With a plain ``utf-8`` decoding the mark sticks to the first column's name ("\\ufefftext"),
so the column is missing and every row fails; each reader must see the names as written.
"""

from __future__ import annotations

import pandas as pd
import pytest

import geonews
from geonews.cli import main
from geonews.corpus import read
from geonews.export import read_events, write_events
from geonews.frontline import load, read_claims
from geonews.places import index

BOM = b"\xef\xbb\xbf"
DISPATCH = "Russian drones struck Kharkiv overnight, the regional governor said."


def _with_bom(path, text: str):
    path.write_bytes(BOM + text.encode("utf-8"))
    return path


def test_texts_csv(tmp_path):
    path = _with_bom(tmp_path / "texts.csv", f'text,date\n"{DISPATCH}",2025-12-02\n')
    (doc,) = read(path)
    assert doc.error is None and doc.text == DISPATCH


def test_aliases_csv_on_the_command_line(tmp_path, capsys):
    path = _with_bom(tmp_path / "aliases.csv", "alias,place_id\nOld Mill Hill,geonames:706483\n")
    assert main(["resolve", "--aliases", str(path), "Old Mill Hill"]) == 0
    assert "Kharkiv" in capsys.readouterr().out


def test_events_csv(tmp_path):
    events = geonews.events(DISPATCH, date="2025-12-02")
    plain = write_events(events, tmp_path / "plain.csv")
    marked = _with_bom(tmp_path / "marked.csv", plain.read_text(encoding="utf-8"))
    pd.testing.assert_frame_equal(read_events(marked), read_events(plain))


def test_claims_csv(tmp_path):
    path = _with_bom(
        tmp_path / "claims.csv", "lat,lon,claim_date,side\n48.28,37.18,2025-01-10,RU\n"
    )
    claims = read_claims(path)
    assert len(claims) == 1 and claims["date"].iloc[0] == pd.Timestamp("2025-01-10")


def test_frontline_csv_with_wkt(tmp_path):
    path = _with_bom(
        tmp_path / "areas_20250101.csv",
        'status,WKT\noccupied,"POLYGON ((37 48, 37.1 48, 37.1 48.1, 37 48.1, 37 48))"\n',
    )
    snap = load(path)
    assert snap["status"].tolist() == ["occupied"]


@pytest.mark.parametrize("name", ["aliases.csv", "features.csv"])
def test_the_gazetteer_sources_as_a_spreadsheet_saves_them(tmp_path, name):
    source = (index.data_dir() / name).read_text(encoding="utf-8")
    rows = index._read_csv(_with_bom(tmp_path / name, source))
    plain = index._read_csv(index.data_dir() / name)
    assert rows == plain and not any(k.startswith("\ufeff") for k in rows[0])
