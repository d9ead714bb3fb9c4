"""read_acled / read_ucdp on files in the real export formats, written here."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import geonews
from geonews.activity import COLUMNS, failures
from geonews.coded import acled, read_acled, read_coded, read_ucdp
from geonews.coded.schema import EXTRA
from geonews.errors import DataError, InvalidInput
from tests.coded.exports import (
    ACLED_COLUMNS,
    ACLED_EVENTS,
    UCDP_EVENTS,
    acled_csv,
    acled_row,
    ucdp_csv,
    write_acled,
)


def test_acled_export_maps_to_the_events_schema(tmp_path):
    ev = read_acled(write_acled(tmp_path / "acled.csv"))
    schema = [c for c in COLUMNS if c != "geometry"]
    assert list(ev.columns) == [*schema, *EXTRA, *acled.OWN, "geometry"]
    assert ev.crs.to_epsg() == 4326
    assert len(ev) == len(ACLED_EVENTS) and ev.attrs["failures"] == []
    assert ev.attrs["documents"] == 6 and ev.attrs["dataset"] == "ACLED"
    first = ev.iloc[0]
    assert first["event_id"] == first["doc_id"] == first["dataset_id"] == "UKR100001"
    assert first["date"] == pd.Timestamp("2025-12-01") and pd.isna(first["date_end"])
    assert (first["event_type"], first["sub_type"]) == ("Battles", "Armed clash")
    assert (first["place_name"], first["country"], first["admin1"]) == ("Pokrovsk", "UA", "Donetsk")
    assert first["source"] == "ACLED" and first["status"] == "reported"
    assert first["sentence"].startswith("On 1 December 2025, Russian forces clashed")
    assert first["actor1"].startswith("Military Forces of Russia")
    assert first["reported_by"].startswith("Ukrainska Pravda")
    assert (first.geometry.x, first.geometry.y) == (37.1758, 48.2817)
    assert ev["precision"].tolist() == ["settlement"] * 4 + ["area", "settlement"]
    assert ev["fatalities"].tolist() == [0, 2, 0, 0, 0, 0]
    assert str(ev["fatalities"].dtype) == "Int64" and str(ev["date"].dtype) == "datetime64[ns]"
    # the note with a newline inside quotes is one field
    assert "\nReported by" in ev.loc[3, "sentence"]


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"], ids=lambda e: e.replace("-", "")
)
def test_acled_encodings_are_detected(tmp_path, encoding):
    rows = [acled_row(e) for e in ACLED_EVENTS]
    rows[1]["notes"] = "Shelling hit Kherson — the governor’s office said. Café closed."
    ev = read_acled(write_acled(tmp_path / "a.csv", rows, encoding=encoding))
    assert ev.loc[1, "sentence"] == rows[1]["notes"]
    assert ev.attrs["failures"] == []
    assert ev.attrs["encoding"] == {"utf-8-sig": "utf-8-sig", "utf-16": "utf-16"}.get(
        encoding, encoding
    )


@pytest.mark.parametrize(
    "date_format",
    ["%d %B %Y", "%Y-%m-%d", "%d/%m/%Y", "%m/%d/%Y %I:%M:%S %p", "%d-%B-%Y", "%d-%b-%y"],
)
def test_acled_date_forms(tmp_path, date_format):
    ev = read_acled(write_acled(tmp_path / "a.csv", date_format=date_format))
    assert ev.attrs["failures"] == []
    assert [d.date() for d in ev["date"]] == [e[1] for e in ACLED_EVENTS]


def test_month_first_slashes_are_told_by_the_file(tmp_path):
    rows = [acled_row(e, date_format="%m/%d/%Y") for e in ACLED_EVENTS]
    rows[0]["event_date"] = "12/13/2025"  # only month-first reads this
    ev = read_acled(write_acled(tmp_path / "a.csv", rows))
    assert ev["date"].dt.date.tolist()[:2] == [dt.date(2025, 12, 13), dt.date(2025, 12, 1)]
    forced = read_acled(write_acled(tmp_path / "b.csv", rows[1:]), dayfirst=True)
    assert forced["date"].dt.date.tolist()[0] == dt.date(2025, 1, 12)


def test_bad_rows_are_reported_with_file_line_and_value(tmp_path):
    rows = [acled_row(e) for e in ACLED_EVENTS]
    rows[1]["latitude"] = "48,28"  # decimal comma
    rows[2]["event_date"] = "32 December 2025"
    rows[4]["geo_precision"] = "9"
    rows[5]["event_id_cnty"] = "UKR100001"  # duplicate
    extra = acled_row(ACLED_EVENTS[0])
    extra.update(event_id_cnty="UKR100099", latitude="0", longitude="0")
    text = acled_csv([*rows, extra])
    text += "UKR100100,02 December 2025,too,few,fields\r\n"
    text += "UKR100101," + ",".join(["x"] * 29) + ',"never closed\r\nmore\r\n'
    path = tmp_path / "export.csv"
    path.write_text(text, encoding="utf-8", newline="")
    ev = read_acled(path)
    assert ev["event_id"].tolist() == ["UKR100001", "UKR100004"]
    table = failures(ev)
    # row 4 holds a two-line note, so the rows after it start one line later
    assert table["doc_id"].tolist() == [
        "export.csv:3", "export.csv:4", "export.csv:7", "export.csv:8", "export.csv:9",
        "export.csv:10", "export.csv:11",
    ]  # fmt: skip
    reasons = table["reason"].tolist()
    assert reasons[0] == "latitude '48,28': not a number and at least -90 and at most 90"
    assert reasons[1] == "event_date '32 December 2025': not a date"
    assert reasons[2] == "geo_precision '9': not a whole number and at least 1 and at most 3"
    assert reasons[3] == "event_id_cnty 'UKR100001': the same id as export.csv:2"
    assert reasons[4] == "latitude, longitude '0, 0': no location (0, 0)"
    assert reasons[5].startswith("5 fields where the header has 31")
    assert "never closed" in reasons[6] and "lines 11 to 12" in reasons[6]
    assert ev.attrs["documents"] == 9 == len(ev) + len(table)


def test_a_broken_byte_fails_its_row_only(tmp_path):
    path = write_acled(tmp_path / "a.csv")
    data = path.read_bytes().replace(b"Lviv.", b"Lviv\xff.")
    path.write_bytes(data.replace(b"Kherson city", "Херсон city".encode()))
    ev = read_acled(path)
    assert len(ev) == 5 and ev.attrs["encoding"] == "utf-8"
    assert "Херсон" in ev.loc[1, "sentence"]
    [failure] = ev.attrs["failures"]
    assert failure["doc_id"] == "a.csv:8" and "not utf-8" in failure["reason"]


def test_huge_field_is_a_failure_not_a_crash(tmp_path):
    rows = [acled_row(e) for e in ACLED_EVENTS]
    rows[2]["notes"] = "x" * 200_000
    ev = read_acled(write_acled(tmp_path / "a.csv", rows))
    assert len(ev) == 5
    assert "field larger than field limit" in ev.attrs["failures"][0]["reason"]


def test_missing_columns_and_missing_files_are_clear_errors(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("event_id_cnty,event_date\nUKR1,02 December 2025\n", encoding="utf-8")
    with pytest.raises(
        DataError, match=r"a.csv: not an export of ACLED: missing columns \['event_type'"
    ):
        read_acled(path)
    with pytest.raises(InvalidInput, match="no such file"):
        read_acled(tmp_path / "nope.csv")
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    with pytest.raises(DataError, match="empty file"):
        read_acled(tmp_path / "empty.csv")
    (tmp_path / "latin.csv").write_bytes(b"a,b\n\x81\x8d,\x90\n")
    with pytest.raises(DataError, match="neither UTF-8 nor cp1252"):
        read_acled(tmp_path / "latin.csv")


def test_semicolon_export_and_a_frame(tmp_path):
    rows = [acled_row(e) for e in ACLED_EVENTS]
    path = tmp_path / "excel.csv"
    path.write_text(acled_csv(rows, delimiter=";"), encoding="cp1252")
    assert len(read_acled(path)) == 6
    frame = pd.DataFrame(rows)
    frame["latitude"] = frame["latitude"].astype(float)  # as an API client would have it
    frame["fatalities"] = frame["fatalities"].astype(int)
    ev = read_acled(frame)
    assert len(ev) == 6 and ev.loc[1, "fatalities"] == 2


def test_acled_xlsx(tmp_path):
    pytest.importorskip("openpyxl", reason="openpyxl is the xlsx extra")
    rows = [acled_row(e) for e in ACLED_EVENTS]
    frame = pd.DataFrame(rows, columns=ACLED_COLUMNS)
    frame["event_date"] = pd.to_datetime([e[1] for e in ACLED_EVENTS])  # Excel date cells
    frame["latitude"] = frame["latitude"].astype(float)
    frame.loc[2, "longitude"] = "east"
    path = tmp_path / "acled.xlsx"
    frame.to_excel(path, index=False)
    ev = read_acled(path)
    assert len(ev) == 5 and ev["date"].dt.date.tolist()[0] == dt.date(2025, 12, 1)
    assert ev.attrs["failures"] == [
        {"doc_id": "acled.xlsx:4", "reason": "longitude 'east': not a number and at least "
                                             "-180 and at most 180"}
    ]  # fmt: skip


def test_ucdp_ged_export(tmp_path):
    path = tmp_path / "GEDEvent_v25_1.csv"
    bad = dict(UCDP_EVENTS[0], id="600009", type_of_violence="4")
    late = dict(UCDP_EVENTS[0], id="600010", date_end="2025-11-01 00:00:00.000")
    path.write_text(ucdp_csv([*UCDP_EVENTS, bad, late]), encoding="utf-8")
    ev = read_ucdp(path)
    assert ev["event_id"].tolist() == ["600001", "600002", "600003"]
    assert ev["event_type"].tolist() == [
        "State-based conflict", "One-sided violence", "State-based conflict"
    ]  # fmt: skip
    assert ev["place_name"].tolist() == ["Pokrovsk", "Kherson", "Donetsk"]
    assert ev["place_text"].tolist()[0] == "Pokrovsk town"
    assert ev["admin1"].tolist() == ["Donetsk", "Kherson", "Donetsk"]
    assert ev["precision"].tolist() == ["settlement", "settlement", "region"]
    assert ev["source"].unique().tolist() == ["UCDP GED"] and ev["country"].tolist()[0] == "UA"
    assert ev["fatalities"].tolist() == [3, 2, 10] and ev["fatalities_high"].tolist()[0] == 5
    assert pd.isna(ev.loc[0, "date_end"]) and ev.loc[2, "date_end"] == pd.Timestamp("2025-12-03")
    assert ev.loc[1, "sentence"] == "Russian shelling kills two in Kherson"
    assert [f["reason"] for f in ev.attrs["failures"]] == [
        "type_of_violence '4': not a whole number and at least 1 and at most 3",
        "date_end '2025-11-01 00:00:00.000': before date_start",
    ]
    assert [f["doc_id"] for f in ev.attrs["failures"]] == [
        "GEDEvent_v25_1.csv:5", "GEDEvent_v25_1.csv:6"
    ]  # fmt: skip


def test_read_coded_tells_the_dataset(tmp_path):
    a = read_coded(write_acled(tmp_path / "a.csv"))
    (tmp_path / "u.csv").write_text(ucdp_csv(UCDP_EVENTS), encoding="utf-8")
    u = read_coded(tmp_path / "u.csv")
    assert a.attrs["dataset"] == "ACLED" and u.attrs["dataset"] == "UCDP GED"
    (tmp_path / "x.csv").write_text("text,date\nhello,2025-12-01\n", encoding="utf-8")
    with pytest.raises(DataError, match="neither an ACLED export"):
        read_coded(tmp_path / "x.csv")


def test_top_level_names():
    assert geonews.read_acled is read_acled and geonews.read_ucdp is read_ucdp


def test_the_arrow_fast_path_and_the_csv_module_agree(tmp_path):
    from geonews.coded import table as tables

    rows = [acled_row(e) for e in ACLED_EVENTS]
    rows[3]["notes"] = rows[3]["notes"].replace("\n", " ")  # one line per record: fast path
    rows[1]["notes"] = ' "Quoted", with commas; and ünïcödé '
    text = acled_csv(rows)
    first = text.split("\r\n", 1)[0]
    fast = tables._arrow_csv(text, first, "a.csv", ",", "utf-8")
    slow = tables._python_csv(text, "a.csv", ",", "utf-8")
    assert fast is not None and fast.places == slow.places == [f"a.csv:{i}" for i in range(2, 8)]
    assert fast.columns.keys() == slow.columns.keys()
    for name in fast.columns:
        assert fast.column(name).tolist() == slow.column(name).tolist(), name
    # a quoted newline, a short row or a blank line sends the file to the csv module
    for broken in (acled_csv([acled_row(e) for e in ACLED_EVENTS]), text + "x,y\r\n",
                   text.replace("\r\nUKR100003", "\r\n\r\nUKR100003")):  # fmt: skip
        assert tables._arrow_csv(broken, first, "a.csv", ",", "utf-8") is None
    path = tmp_path / "a.csv"
    path.write_text(text, encoding="utf-8", newline="")
    ev = read_acled(path)
    assert len(ev) == 6 and ev.loc[1, "sentence"] == '"Quoted", with commas; and ünïcödé'


def test_field_limit_does_not_leak_from_a_news_csv(tmp_path):
    # the news reader takes fields up to 8 MB; an export read after it keeps its own limit
    news = tmp_path / "news.csv"
    news.write_text("text\n" + "Drones hit Kyiv. " * 20_000 + "\n", encoding="utf-8")
    assert len(list(geonews.read(news))) == 1
    rows = [acled_row(e) for e in ACLED_EVENTS]
    rows[2]["notes"] = "x" * 200_000
    ev = read_acled(write_acled(tmp_path / "a.csv", rows))
    assert "field larger than field limit" in ev.attrs["failures"][0]["reason"]
