import datetime as dt
import functools
import http.server
import json
import threading
from pathlib import Path

import pandas as pd
import pytest
import shapely

import geonews
from geonews.activity import COLUMNS, events, failures
from geonews.activity.areas import with_areas
from geonews.corpus.read import Document, documents, read
from geonews.errors import DataError, InvalidInput
from geonews.export.write import conform, read_events, write_events
from tests.handparser import parse

DATA = Path(__file__).resolve().parents[1] / "data"
FEED = DATA / "dispatches.rss"


def test_read_text_file_and_folder(tmp_path):
    (tmp_path / "b.txt").write_text("KYIV, 2 December 2025 - Drones hit Kyiv.", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "a.txt").write_text("Shelling hit Kherson.", encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")  # not a document format: skipped
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfa broken")
    docs = list(read(tmp_path))
    assert [d.doc_id for d in docs] == ["b.txt", "bad.txt", "a.txt"]
    assert docs[0].text.startswith("KYIV") and docs[0].source == "b.txt"
    assert docs[1].text is None and "cannot decode" in docs[1].error
    single = list(read(tmp_path / "sub" / "a.txt"))
    assert single == [Document("a.txt", "Shelling hit Kherson.", source="a.txt")]


def test_read_jsonl_with_bad_lines(tmp_path):
    path = tmp_path / "wire.jsonl"
    rows = [
        {"text": "Drones hit Odesa.", "date": "2025-12-01", "url": "https://x.example/1"},
        {"text": None},
        {"text": "Missiles hit Kyiv.", "date": "not a date"},
    ]
    path.write_text(
        "\n".join([json.dumps(rows[0]), "{broken", json.dumps(rows[1]), "", json.dumps(rows[2])]),
        encoding="utf-8",
    )
    docs = list(read(path))
    assert [d.doc_id for d in docs] == ["wire.jsonl:1", "wire.jsonl:2", "wire.jsonl:3",
                                        "wire.jsonl:5"]  # fmt: skip
    assert docs[0].date == dt.date(2025, 12, 1) and docs[0].url == "https://x.example/1"
    assert [d.error is None for d in docs] == [True, False, False, False]
    assert "bad JSON" in docs[1].error and "no text" in docs[2].error
    assert "not a date" in docs[3].error


def test_read_csv_custom_columns(tmp_path):
    path = tmp_path / "wire.csv"
    frame = pd.DataFrame(
        {
            "id": ["x1", "x2"],
            "body": ["Drones hit Odesa.", "Clashes near Pokrovsk, analysts said."],
            "published": ["2025-12-01", "2 December 2025"],
            "link": ["https://x.example/1", ""],
        }
    )
    frame.to_csv(path, index=False)
    docs = list(
        read(path, text_column="body", date_column="published", url_column="link", id_column="id")
    )
    assert [(d.doc_id, d.date, d.url) for d in docs] == [
        ("x1", dt.date(2025, 12, 1), "https://x.example/1"),
        ("x2", dt.date(2025, 12, 2), None),
    ]


def test_read_saved_rss_feed():
    docs = list(read(FEED))
    assert [d.doc_id for d in docs] == ["wire-1", "wire-2", "wire-3"]
    first = docs[0]
    assert first.title == "Drones hit Odesa port overnight"
    assert first.date == dt.date(2025, 12, 2)
    assert first.url == "https://wire.example/ukraine/1"
    assert first.source == "Test Wire: Ukraine"
    assert "<p>" not in first.text and "wounded & a warehouse" in first.text


def test_read_atom_feed(tmp_path):
    path = tmp_path / "feed.atom"
    path.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><id>urn:wire</id>
<updated>2025-12-02T10:00:00Z</updated>
<entry><title>Shelling in Kherson</title><id>urn:wire:1</id>
<link href="https://atom.example/1"/><updated>2025-12-02T10:00:00Z</updated>
<content type="html">&lt;p&gt;Artillery shelling hit Kherson on Monday.&lt;/p&gt;</content></entry>
</feed>""",
        encoding="utf-8",
    )
    (doc,) = read(path)
    assert (doc.doc_id, doc.date, doc.url, doc.source) == (
        "urn:wire:1", dt.date(2025, 12, 2), "https://atom.example/1", "Atom Wire")  # fmt: skip
    assert doc.text == "Shelling in Kherson.\n\nArtillery shelling hit Kherson on Monday."


@pytest.fixture
def feed_server():
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(DATA))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_read_feed_from_url(feed_server):
    docs = list(read(f"{feed_server}/dispatches.rss"))
    assert [d.doc_id for d in docs] == ["wire-1", "wire-2", "wire-3"]
    with pytest.raises(DataError, match=r"missing\.rss"):
        list(read(f"{feed_server}/missing.rss"))


def test_feed_to_events_end_to_end(feed_server):
    frame = events(read(f"{feed_server}/dispatches.rss"), geoparser=parse)
    rows = list(zip(frame.event_type, frame.place_name, frame.modality, frame.source, frame.url,
                    strict=True))  # fmt: skip
    assert rows == [
        ("Explosions/Remote violence", "Odesa", "actual", "Test Wire: Ukraine",
         "https://wire.example/ukraine/1; https://wire.example/ukraine/3"),
        ("Diplomacy", "Geneva", "future", "Test Wire: Ukraine", "https://wire.example/ukraine/2"),
    ]  # fmt: skip
    assert frame.date.iloc[1] == pd.Timestamp("2025-12-04")  # Thursday after the Monday post
    assert frame.attrs["documents"] == 3 and failures(frame).empty


def test_read_errors(tmp_path):
    with pytest.raises(InvalidInput, match="nowhere"):
        list(read(tmp_path / "nowhere.txt"))
    (tmp_path / "x.dat").write_text("x")
    with pytest.raises(InvalidInput, match="unknown format"):
        list(read(tmp_path / "x.dat"))
    (tmp_path / "x.rss").write_text("<<<not a feed")
    (doc,) = read(tmp_path / "x.rss")  # a recorded failure, so a batch goes on
    assert doc.text is None and "cannot parse feed" in doc.error


def test_documents_coercion():
    docs = list(documents(["a", Document("z", "b"), {"text": "c"}, 42], date="2025-12-02",
                          source="S"))  # fmt: skip
    assert [d.doc_id for d in docs] == ["0", "z", "2", "3"]
    assert all(d.date == dt.date(2025, 12, 2) and d.source == "S" for d in docs)
    assert docs[3].error.startswith("not a document")
    with pytest.raises(InvalidInput):
        list(documents(42))


def test_every_input_is_accounted_for(tmp_path):
    (tmp_path / "a.txt").write_text("Drones hit Odesa.")
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe broken")
    (tmp_path / "c.txt").write_text("")
    (tmp_path / "d.jsonl").write_text('{"text": "Shelling hit Kherson."}\n{nope\n')
    frame = events(read(tmp_path), geoparser=parse, date="2025-12-01")
    table = failures(frame)
    assert frame.attrs["documents"] == 5
    assert sorted(set(frame.doc_id)) == ["a.txt", "d.jsonl:1"]
    assert list(table.doc_id) == ["b.txt", "c.txt", "d.jsonl:2"]
    assert len(set(frame.doc_id)) + len(table) == frame.attrs["documents"]


@pytest.fixture(scope="module")
def sample():
    text = (
        "KYIV, Dec 2, 2025 - Russian drones hit Kyiv on Monday, the Kremlin said. Fighting raged "
        "across the Donetsk region. Moscow has launched missiles at Ukrainian targets last month."
    )
    frame = events([text, ""], geoparser=parse, source="Wire", url=None)
    assert len(frame) == 3 and len(failures(frame)) == 1
    return frame


@pytest.mark.parametrize("suffix", [".geojson", ".parquet", ".csv"])
def test_export_round_trip(sample, tmp_path, suffix):
    shaded = with_areas(sample)  # a frame holding the region's shape round-trips as well
    assert {g.geom_type for g in shaded.geometry} == {"Point", "Polygon"}
    for frame, kinds in ((sample, {"Point"}), (shaded, {"Point", "Polygon"})):
        path = write_events(frame, tmp_path / f"events{suffix}")
        back = read_events(path)
        assert list(back.columns) == list(COLUMNS)
        assert back.crs.to_epsg() == 4326
        pd.testing.assert_frame_equal(
            pd.DataFrame(back.drop(columns="geometry")),
            pd.DataFrame(frame.drop(columns="geometry")),
        )
        assert back.geometry.geom_equals_exact(frame.geometry, tolerance=1e-9).all()
        assert {g.geom_type for g in back.geometry} == kinds
    if suffix == ".parquet":
        assert back.attrs["failures"] == sample.attrs["failures"]


def test_csv_geometry_is_wkt(sample, tmp_path):
    path = write_events(sample, tmp_path / "e.csv")
    table = pd.read_csv(path)
    assert shapely.from_wkt(table.geometry.iloc[0]).equals(sample.geometry.iloc[0])


def test_export_rejects_unknown_formats(sample, tmp_path):
    with pytest.raises(InvalidInput, match=r"e\.xlsx"):
        write_events(sample, tmp_path / "e.xlsx")
    with pytest.raises(InvalidInput, match="missing columns"):
        conform(pd.DataFrame({"doc_id": ["x"]}))


def test_public_names():
    assert geonews.read is read
    assert callable(geonews.events)
    assert {"events", "read"} <= set(geonews.__all__)


_ITEMS = "".join(
    f"<item><title>Shelling hit Kherson{n}</title><guid>w-{n}</guid>"
    f"<description>Artillery hit the city &nbsp;&mdash; the governor said.</description></item>"
    for n in range(3)
)


def test_a_feed_with_html_entities_is_read_whole_without_a_failure(tmp_path):
    # feedparser flags undefined entities (bozo) but its lenient parser reads every entry
    path = tmp_path / "wire.rss"
    path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>'
                    f"{_ITEMS}</channel></rss>", encoding="utf-8")  # fmt: skip
    docs = list(read(path))
    assert [d.doc_id for d in docs] == ["w-0", "w-1", "w-2"]
    assert all(d.error is None for d in docs)


def test_a_feed_cut_mid_entry_still_reports_the_break(tmp_path):
    path = tmp_path / "wire.rss"
    whole = f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>{_ITEMS}'
    path.write_text(whole[: whole.rindex("<item>") + 30], encoding="utf-8")
    docs = list(read(path))
    assert [d.doc_id for d in docs if d.error is None][:2] == ["w-0", "w-1"]
    assert docs[-1].doc_id.endswith(":after-" + str(len(docs) - 1))
    assert "broken after entry" in docs[-1].error
