"""Broken and hostile files through the readers and the command line.

Every input document, line and row ends as a result or as a recorded failure naming
its file and line; bad input is exit 2 with a message naming the file, line and
value, never a traceback.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

import geonews
from geonews.activity import failures
from geonews.cli import main
from geonews.corpus import Document, read
from geonews.export import read_events, write_events

GOOD = "Russian forces shelled Kherson overnight, the regional governor said."


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


# -- batches: one bad file or line costs only itself ----------------------------------
def test_a_corrupt_feed_in_a_folder_of_good_texts(tmp_path, capsys):
    for i in range(10):
        (tmp_path / f"{i:02d}.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "broken.rss").write_text("<rss><channel><item><title>cut", encoding="utf-8")
    (tmp_path / "deep" / "er").mkdir(parents=True)
    (tmp_path / "deep" / "er" / "settings.xml").write_text("<config a='1'/>", encoding="utf-8")
    frame = geonews.events(read(tmp_path), date="2025-12-02", dedupe=False)
    assert frame.attrs["documents"] == 13 and len(frame) == 10
    # the feed's empty half entry, the part after the break, the file that is no feed
    assert set(failures(frame)["doc_id"]) == {"broken.rss:1", "broken.rss:after-1", "settings.xml"}
    code, out, err = _run(
        capsys, "events", tmp_path, "--date", "2025-12-02", "-f", "csv", "--no-dedupe"
    )
    assert code == 0 and out.count("Kherson") >= 10
    assert "3 of 13 documents failed" in err


def test_one_bad_byte_in_a_jsonl_file_costs_one_line(tmp_path):
    lines = [
        json.dumps({"doc_id": f"d{i}", "text": GOOD, "date": "2025-12-02"}) for i in range(200)
    ]
    data = "\n".join(lines).encode("utf-8").replace(b'"d9"', b'"d\xff9"')
    (tmp_path / "c.jsonl").write_bytes(data)
    docs = list(read(tmp_path / "c.jsonl"))
    assert len(docs) == 200
    (bad,) = [d for d in docs if d.error]
    assert bad.doc_id == "c.jsonl:10" and "line 10" in bad.error


def test_odd_metadata_is_a_recorded_failure_or_a_string(tmp_path):
    rows = [
        {"doc_id": "future", "text": GOOD, "date": "2300-01-01"},
        {"doc_id": "numeric-url", "text": GOOD, "date": "2025-12-02", "url": 12345},
        {"doc_id": "list-text", "text": ["not", "text"]},
        {"doc_id": "surrogate", "text": "Drones hit Odesa \ud800 overnight.", "date": "2025-12-02"},
    ]
    path = tmp_path / "odd.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    docs = [*read(path), Document("bytes", b"Drones hit Odesa.")]
    frame = geonews.events(docs)
    assert frame.attrs["documents"] == 5
    reasons = dict(zip(failures(frame)["doc_id"], failures(frame)["reason"], strict=True))
    assert set(reasons) == {"odd.jsonl:1", "odd.jsonl:3", "bytes"}
    assert "2300-01-01 is outside" in reasons["odd.jsonl:1"]
    assert set(frame["url"].dropna()) == {"12345"}
    out = tmp_path / "e.parquet"
    write_events(frame, out)  # the lone surrogate no longer breaks writing
    assert "\ufffd" in "".join(read_events(out)["sentence"])


def test_a_date_outside_the_range_is_exit_2(capsys):
    code, _, err = _run(capsys, "events", "--text", GOOD, "--date", "2300-01-01")
    assert code == 2 and "2300-01-01" in err


def test_csv_with_bom_long_field_and_unterminated_quote(tmp_path, capsys):
    long_text = GOOD + " " + "x" * 200_000
    table = pd.DataFrame({"text": [GOOD, long_text], "date": ["2025-12-02"] * 2})
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + table.to_csv(index=False).encode("utf-8"))
    docs = list(read(path))
    assert [d.error for d in docs] == [None, None] and len(docs[1].text) > 200_000
    broken = tmp_path / "quote.csv"
    broken.write_text(f'text,date\n"{GOOD}",2025-12-02\n"never closed,2025-12-02\n', "utf-8")
    docs = list(read(broken))
    assert docs[0].error is None and "row 2" in docs[1].error
    nocol = tmp_path / "nocol.csv"
    nocol.write_text("body,date\nx,2025-12-02\ny,2025-12-02\n", encoding="utf-8")
    (doc,) = read(nocol)
    assert "no 'text' column" in doc.error and "2 rows" in doc.error


def test_everything_unreadable_is_exit_2(tmp_path, capsys):
    (tmp_path / "bad.rss").write_text("<<<not a feed", encoding="utf-8")
    for command in ("parse", "events"):
        code, _, err = _run(capsys, command, tmp_path / "bad.rss")
        assert code == 2 and "bad.rss" in err


# -- malformed events files for `geonews map --events` ---------------------------------
def _events_csv(tmp_path, **change) -> str:
    frame = geonews.events(GOOD, date="2025-12-02")
    path = tmp_path / "ev.csv"
    write_events(frame, path)
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    for column, value in change.items():
        table.loc[0, column] = value
    table.to_csv(path, index=False)
    return str(path)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"geometry": "POINT (33"}, "line 2: geometry is not WKT"),
        ({"date": "the day after"}, "row 2: column 'date'"),
        ({"quantity": "many"}, "row 2: column 'quantity'"),
        ({"sentence_start": "1.5"}, "row 2: column 'sentence_start'"),
    ],
)
def test_bad_values_in_an_events_csv(tmp_path, capsys, change, message):
    path = _events_csv(tmp_path, **change)
    code, _, err = _run(capsys, "map", "--events", path, "-o", tmp_path / "m.html")
    assert code == 2 and message in err and "ev.csv" in err


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.parquet", b""),
        ("corrupt.parquet", b"PAR1 this is not parquet PAR1"),
        ("garbage.geojson", b"{not json"),
        ("empty.csv", b""),
        ("header.csv", b"a,b\n1,2\n"),
    ],
)
def test_unreadable_events_files(tmp_path, capsys, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    code, _, err = _run(capsys, "map", "--events", path, "-o", tmp_path / "m.html")
    assert code == 2 and name in err


def test_an_empty_geometry_is_not_drawn_but_the_rest_is(tmp_path, capsys):
    path = _events_csv(tmp_path, geometry="POINT EMPTY")
    code, _, _ = _run(capsys, "map", "--events", path, "-o", tmp_path / "m.html")
    assert code == 1  # the only event has no place to draw: nothing found, said plainly


def test_aliases_file_in_a_wrong_encoding(tmp_path, capsys):
    path = tmp_path / "aliases.csv"
    path.write_bytes("alias,place_id\nКраматорськ,geonames:704508\n".encode("utf-16"))
    code, _, err = _run(capsys, "resolve", "Kramatorsk", "--aliases", path)
    assert code == 2 and "aliases.csv" in err and "UTF-8" in err
