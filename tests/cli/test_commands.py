"""The parse, events, map, frontline and eval subcommands, through ``geonews.cli.main``.

Inputs are the sample dispatch, texts written here, standard input, a saved RSS feed and
the shared front-line snapshots (skipped when absent).  Exit codes: 0 ok, 1 nothing
found, 2 bad input.
"""

from __future__ import annotations

import csv
import http.server
import io
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from geonews.cli import main
from geonews.export.write import read_events
from geonews.places.resolver import resolve

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "samples" / "dispatch.txt"
FRONTLINE = ROOT / ".." / "shared" / "data" / "frontline" / "occupied_union"
SNAP_2024 = FRONTLINE / "deepstatemap_data_20240715.geojson"
SNAP_2025 = FRONTLINE / "deepstatemap_data_20250715.geojson"
needs_frontline = pytest.mark.skipif(
    not SNAP_2025.exists(), reason="shared front-line snapshots absent (../shared/data)"
)

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Test feed</title>
<item><title>Odesa</title><link>https://example.org/a</link>
<pubDate>Tue, 02 Dec 2025 08:00:00 GMT</pubDate>
<description>Missiles struck the port of Odesa on Monday, the governor said.</description></item>
<item><title>Kupiansk</title><link>https://example.org/b</link>
<pubDate>Tue, 02 Dec 2025 09:00:00 GMT</pubDate>
<description>Fighting continued near Kupyansk, Ukraine's General Staff said.</description></item>
</channel></rss>"""


# -- parse ------------------------------------------------------------------------------
def test_parse_sample_as_csv_shows_the_alias(capsys):
    assert main(["parse", str(SAMPLE)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    by_text = {r["text"]: r for r in rows}
    assert by_text["Krasnoarmeysk"]["place_name"] == "Pokrovsk"
    assert by_text["Krasnoarmeysk"]["matched"].startswith("alias:")
    assert by_text["Krasnoarmeysk"]["place_id"] == resolve("Pokrovsk").id
    assert {r["doc_id"] for r in rows} == {"dispatch.txt"}
    text = SAMPLE.read_text(encoding="utf-8")
    assert all(text[int(r["start"]) : int(r["end"])] == r["text"] for r in rows)
    assert "metonym" in {r["role"] for r in rows}


def test_parse_stdin_to_geojson(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("Drones hit Kharkov and Zaporozhye."))
    assert main(["parse", "-", "-f", "geojson"]) == 0
    collection = json.loads(capsys.readouterr().out)
    names = [f["properties"]["place_name"] for f in collection["features"]]
    assert names == ["Kharkiv", "Zaporizhzhia"]
    kharkiv = resolve("Kharkiv")
    assert collection["features"][0]["geometry"]["coordinates"] == [kharkiv.lon, kharkiv.lat]


def test_parse_folder_and_text_to_json_file(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Shelling hit Kherson.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Talks were held in Geneva.", encoding="utf-8")
    out = tmp_path / "mentions.json"
    assert main(["parse", str(tmp_path), "--text", "Drones hit Odesa.", "-o", str(out)]) == 0
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert [(r["doc_id"], r["place_name"]) for r in rows] == [
        ("text:1", "Odesa"),
        ("a.txt", "Kherson"),
        ("b.txt", "Geneva"),
    ]
    assert "wrote 3 mentions" in capsys.readouterr().err


def test_own_alias_rows_settle_an_ambiguity(tmp_path, capsys):
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("alias,place_id\nNovoselivka,geonames:704409\n", encoding="utf-8")
    text = "Russian forces shelled Novoselivka overnight."
    assert main(["parse", "-f", "json", "-t", text]) == 0
    default = json.loads(capsys.readouterr().out)[0]
    assert main(["parse", "-f", "json", "-t", text, "--aliases", str(aliases)]) == 0
    own = json.loads(capsys.readouterr().out)[0]
    assert default["place_id"] != "geonames:704409"
    assert own["place_id"] == "geonames:704409" and own["matched"] == "alias:user"
    assert main(["resolve", "--json", "--aliases", str(aliases), "Novoselivka"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["id"] == "geonames:704409"
    argv = ["events", "-f", "csv", "-t", text, "--aliases", str(aliases)]
    assert main(argv) == 0
    (row,) = csv.DictReader(io.StringIO(capsys.readouterr().out))
    assert row["place_id"] == "geonames:704409"


def test_alias_file_without_the_columns_exits_2(tmp_path, capsys):
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("name,id\nNovoselivka,geonames:704409\n", encoding="utf-8")
    assert main(["resolve", "--aliases", str(aliases), "Novoselivka"]) == 2
    err = capsys.readouterr().err
    assert "aliases.csv" in err and "'place_id'" in err


def test_parse_nothing_found_exits_1(capsys):
    assert main(["parse", "--text", "nothing to see here"]) == 1
    assert capsys.readouterr().out.splitlines() == [",".join(_parse_fields())]


def _parse_fields():
    from geonews.cli._parse import FIELDS

    return FIELDS


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["parse", "no-such-file.txt"], "'no-such-file.txt'"),
        (["parse"], "nothing to read"),
        (["parse", "--text", "Kyiv", "-o", "out.xlsx"], "'out.xlsx'"),
        (["events", "--text", "Kyiv", "-f", "parquet"], "-o events.parquet"),
        (["map", "--text", "Drones hit Kyiv.", "--since", "someday"], "'someday'"),
        (["resolve", "--country-bias", "Ukraine", "Kyiv"], "'Ukraine'"),
    ],
)
def test_bad_input_exits_2_with_the_value(capsys, argv, message):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("geonews: error:") and message in err


# -- events -----------------------------------------------------------------------------
def test_events_csv_from_text_on_stdout(capsys):
    argv = ["events", "-t", "Russian forces shelled Kherson on Monday.", "--date", "2025-12-02"]
    assert main([*argv, "-f", "csv"]) == 0
    (row,) = csv.DictReader(io.StringIO(capsys.readouterr().out))
    assert row["place_name"] == "Kherson" and row["date"] == "2025-12-01"
    assert row["sub_type"] == "Shelling/artillery/missile attack"


def test_events_feed_to_geoparquet_and_geojson(tmp_path, capsys):
    feed = tmp_path / "news.rss"
    feed.write_text(FEED, encoding="utf-8")
    for name in ("events.parquet", "events.geojson"):
        assert main(["events", str(feed), "-o", str(tmp_path / name)]) == 0
        frame = read_events(tmp_path / name)
        assert sorted(frame["place_name"]) == ["Kupiansk", "Odesa"]
        assert set(frame["url"]) == {"https://example.org/a", "https://example.org/b"}
        assert frame.crs.to_epsg() == 4326
    assert "from 2 documents" in capsys.readouterr().err


@pytest.fixture
def feed_url():
    """The test feed served over HTTP by a real server on 127.0.0.1."""
    body = FEED.encode("utf-8")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):  # keep the test output clean
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/news.rss"
    server.shutdown()
    server.server_close()
    thread.join()


def test_events_from_a_feed_url(feed_url, capsys):
    assert main(["events", feed_url, "-f", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert sorted(r["place_name"] for r in rows) == ["Kupiansk", "Odesa"]
    assert {r["date"] for r in rows} == {"2025-12-01", "2025-12-02"}


def test_events_merges_copies_unless_no_dedupe(tmp_path, capsys):
    story = "KYIV, 2 December 2025 - Drones struck Odesa on Monday, the governor said."
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(story, encoding="utf-8")
    assert main(["events", str(tmp_path), "-f", "csv"]) == 0
    merged = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert main(["events", str(tmp_path), "-f", "csv", "--no-dedupe"]) == 0
    separate = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(merged) == 1 and merged[0]["source"] == "a.txt; b.txt"
    assert len(separate) == 2


def test_events_reports_unreadable_documents(tmp_path, capsys):
    (tmp_path / "good.txt").write_text("Drones struck Odesa.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00 not utf-8")
    assert main(["events", str(tmp_path), "-f", "csv"]) == 0
    err = capsys.readouterr().err
    assert "1 of 2 documents failed" in err and "'bad.txt'" in err


def test_events_none_found_exits_1(capsys):
    assert main(["events", "-t", "The weather was mild.", "-f", "csv"]) == 1


# -- map --------------------------------------------------------------------------------
def test_map_writes_offline_html(tmp_path, capsys):
    out = tmp_path / "m.html"
    assert main(["map", str(SAMPLE), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "<script src=" not in page and "Pokrovsk" in page
    assert "wrote a map of" in capsys.readouterr().err


def test_map_from_events_file_with_time_filter(tmp_path, capsys):
    texts = [
        "KYIV, 2 December 2025 - Drones struck Odesa on Monday.",
        "KYIV, 20 December 2025 - Russian forces shelled Kherson on Friday.",
    ]
    events = tmp_path / "events.parquet"
    argv = ["events", *(a for t in texts for a in ("-t", t)), "-o", str(events)]
    assert main(argv) == 0
    out = tmp_path / "december.html"
    argv = ["map", "--events", str(events), "--since", "2025-12-10", "-o", str(out)]
    assert main(argv) == 0
    page = out.read_text(encoding="utf-8")
    assert "Kherson" in page and "Odesa" not in page
    assert "map of 1 events" in capsys.readouterr().err
    empty = tmp_path / "none.html"
    argv = ["map", "--events", str(events), "--until", "2025-11-01", "-o", str(empty)]
    assert main(argv) == 1 and not empty.exists()


def test_map_online_keeps_tiles(tmp_path):
    out = tmp_path / "online.html"
    assert main(["map", str(SAMPLE), "--online", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "tile.openstreetmap.org" in page and "<script src=" in page


@needs_frontline
def test_map_with_a_frontline_snapshot(tmp_path):
    out = tmp_path / "front.html"
    assert main(["map", str(SAMPLE), "--frontline", str(SNAP_2025), "-o", str(out)]) == 0
    assert "2025-07-15" in out.read_text(encoding="utf-8")


# -- frontline --------------------------------------------------------------------------
@needs_frontline
def test_frontline_summary_and_compare(capsys):
    assert main(["frontline", "summary", "--json", str(SNAP_2024), str(SNAP_2025)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["date"] for r in rows] == ["2024-07-15", "2025-07-15"]
    assert rows[0]["occupied_km2"] < rows[1]["occupied_km2"]  # the README cross-check
    assert 100_000 < rows[0]["occupied_km2"] < 120_000 and rows[1]["front_km"] > 500
    argv = ["frontline", "compare", str(SNAP_2024), str(SNAP_2025), "--near", "Pokrovsk"]
    assert main([*argv, "--json"]) == 0
    change = json.loads(capsys.readouterr().out)
    lost = [r for r in change if r["change"] == "lost"]
    assert lost and {r["oblast"] for r in lost} == {"Donetsk"}
    assert sum(r["area_km2"] for r in lost) < 3.15 * 25**2  # inside the 25 km circle


@needs_frontline
def test_frontline_load_writes_a_series(tmp_path, capsys):
    out = tmp_path / "series.geojson"
    assert main(["frontline", "load", str(SNAP_2025), str(SNAP_2024), "-o", str(out)]) == 0
    import geopandas as gpd

    series = gpd.read_file(out)
    assert sorted(series["status"].unique()) == ["occupied"]
    assert list(series["date"].astype(str).str[:10]) == ["2024-07-15", "2025-07-15"]


def test_frontline_bad_file_exits_2(tmp_path, capsys):
    assert main(["frontline", "summary", str(tmp_path / "missing.geojson")]) == 2
    assert "missing.geojson" in capsys.readouterr().err


# -- eval -------------------------------------------------------------------------------
def test_eval_scores_a_gold_file(tmp_path, capsys):
    text = "Russian forces shelled Kharkov overnight."
    kharkiv = resolve("Kharkiv")
    gold = {
        "doc_id": "g1",
        "text": text,
        "toponyms": [
            {"start": 23, "end": 30, "name": "Kharkov", "lat": kharkiv.lat, "lon": kharkiv.lon}
        ],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    assert main(["eval", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["n_gold"] == 1 and report["recall"] == 1.0 and report["acc_161km"] == 1.0
    assert main(["eval", str(path)]) == 0
    assert "Acc@161km" in capsys.readouterr().out


def test_eval_missing_file_exits_2(tmp_path, capsys):
    assert main(["eval", str(tmp_path / "nope.jsonl")]) == 2


# -- as a program -----------------------------------------------------------------------
def test_python_m_geonews_map(tmp_path):
    # the README's command, word for word, in a folder holding a copy of the sample
    (tmp_path / "data" / "samples").mkdir(parents=True)
    (tmp_path / "data" / "samples" / "dispatch.txt").write_bytes(SAMPLE.read_bytes())
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "geonews", "map", "data/samples/dispatch.txt", "-o", "out.html"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""  # status on stderr only; no progress bar when not a terminal
    assert "\r" not in done.stderr
    page = (tmp_path / "out.html").read_text(encoding="utf-8")
    assert "<script src=" not in page and "Krasnoarmeysk" in page
