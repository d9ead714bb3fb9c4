"""geonews import / compare / eval-events through geonews.cli.main (exit 0, 1, 2)."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest

from geonews.cli import main
from geonews.export.write import read_events
from tests.coded.exports import ACLED_EVENTS, UCDP_EVENTS, acled_row, ucdp_csv, write_acled

NEWS = [
    "Russian forces shelled Kherson overnight, killing two civilians, the regional governor said.",
    "Clashes continued near Pokrovsk on Monday, Ukraine's General Staff said.",
    "Protesters gathered in Odesa on Tuesday.",
]


@pytest.fixture
def news_file(tmp_path):
    out = tmp_path / "news.parquet"
    args = ["events", "--date", "2025-12-02", "-o", str(out)]
    for text in NEWS:
        args += ["--text", text]
    assert main(args) == 0
    return out


def test_import_acled_to_geoparquet_keeps_the_dataset_columns(tmp_path, capsys):
    rows = [acled_row(e) for e in ACLED_EVENTS]
    rows[2]["latitude"] = "north"
    src = write_acled(tmp_path / "acled.csv", rows)
    out = tmp_path / "acled.parquet"
    assert main(["import", "acled", str(src), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "1 of 6 rows failed; first 'acled.csv:4': latitude 'north': not a number" in err
    assert "wrote 5 ACLED events of 6 rows" in err
    back = read_events(out, extra=True)
    assert len(back) == 5 and back["fatalities"].tolist()[1] == 2
    assert back.attrs["failures"][0]["doc_id"] == "acled.csv:4"


def test_import_ucdp_as_kml_on_stdout(tmp_path, capsys):
    src = tmp_path / "ged.csv"
    src.write_text(ucdp_csv(UCDP_EVENTS), encoding="utf-8")
    assert main(["import", "ucdp", str(src), "-f", "kml"]) == 0
    assert capsys.readouterr().out.count("<Placemark>") == 3


def test_import_errors_exit_2_naming_the_file(tmp_path, capsys):
    (tmp_path / "x.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    assert main(["import", "acled", str(tmp_path / "x.csv")]) == 2
    assert "x.csv: not an export of ACLED: missing columns" in capsys.readouterr().err
    assert main(["import", "acled", str(tmp_path / "nope.csv")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["import", "ucdp", str(tmp_path / "x.csv"), "-f", "gpkg"]) == 2


def test_compare_prints_the_tables_and_writes_groups_and_a_map(news_file, tmp_path, capsys):
    acled = write_acled(tmp_path / "acled.csv")
    groups, page = tmp_path / "groups.csv", tmp_path / "compare.html"
    code = main(["compare", str(news_file), str(acled), "-o", str(groups), "--map", str(page)])
    assert code == 0
    captured = capsys.readouterr()
    assert "news and coded  news only  coded only" in captured.out
    assert "2 events in both, 1 news only, 4 coded only" in captured.err
    with open(groups, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["group"] for r in rows].count("news and coded") == 2 and len(rows) == 7
    assert "coded only (4)" in page.read_text(encoding="utf-8")


def test_compare_against_an_imported_file_and_bad_input(news_file, tmp_path, capsys):
    src = tmp_path / "ged.csv"
    src.write_text(ucdp_csv(UCDP_EVENTS), encoding="utf-8")
    imported = tmp_path / "ged.gpkg"
    assert main(["import", "ucdp", str(src), "-o", str(imported)]) == 0
    assert main(["compare", str(news_file), str(imported), "--days", "0"]) == 0
    assert "in both" in capsys.readouterr().err
    assert main(["compare", str(news_file), str(src), "--km", "-3"]) == 2
    assert "km must be" in capsys.readouterr().err


def test_eval_events_on_acled_notes(tmp_path, capsys):
    src = write_acled(tmp_path / "acled.csv")
    out = tmp_path / "rows.csv"
    assert main(["eval-events", "--acled", str(src), "--json", "-o", str(out)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["n_evaluated"] == 6 and report["dataset"] == "ACLED"
    assert report["place"] == 1.0 and report["type"] >= 0.8
    assert report["confusion"]["Battles"]["Battles"] == 1
    assert main(["eval-events", "--acled", str(src), "--limit", "2"]) == 0
    printed = capsys.readouterr().out
    assert "2 evaluated of 6 coded" in printed and "confusion" in printed
    assert main(["eval-events", "--ucdp", str(src)]) == 2


def test_the_commands_run_as_a_program(tmp_path):
    src = write_acled(tmp_path / "acled.csv")
    done = subprocess.run(
        [sys.executable, "-m", "geonews", "import", "acled", str(src), "-f", "csv"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0 and done.stdout.startswith("doc_id,event_id,date")
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\x81\x8d\x90")
    done = subprocess.run([sys.executable, "-m", "geonews", "import", "acled", str(bad)],
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "bad.csv" in done.stderr
