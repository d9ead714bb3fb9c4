"""geonews.scale.stream.events_to_parquet: chunked streaming to GeoParquet parts."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest

import geonews
from geonews.activity import COLUMNS
from geonews.errors import InvalidInput
from geonews.export.write import read_events
from geonews.scale.stream import chunks, events_to_parquet
from tests.scale.fixtures import dispatches, ordered


def test_parts_equal_one_frame_and_ids_do_not_depend_on_chunks(tmp_path):
    corpus = list(dispatches(120, seed=11))
    texts = [d["text"] for d in corpus]  # no ids: numbered over the whole stream
    single = geonews.events(texts, date="2025-11-03", dedupe=False, progress=False)
    failed = events_to_parquet(iter(texts), tmp_path / "a", chunk_size=50, date="2025-11-03")
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == [
        "part-00000.parquet",
        "part-00001.parquet",
        "part-00002.parquet",
    ]
    assert failed.attrs == {"documents": 120, "events": len(single), "parts": 3}
    assert failed["doc_id"].tolist() == [f["doc_id"] for f in single.attrs["failures"]]
    assert failed["doc_id"].tolist() == [str(i) for i, t in enumerate(texts) if not t]
    back = read_events(tmp_path / "a", file_format="parquet")
    assert list(back.columns) == list(COLUMNS)
    pd.testing.assert_frame_equal(ordered(back), ordered(single))


def test_stream_is_read_one_chunk_at_a_time(tmp_path):
    pulled = 0

    def stream():
        nonlocal pulled
        for i in range(30):
            pulled += 1
            yield f"Report {i}. Drones struck Kharkiv."

    seen = {}

    def parse(text):  # a stand-in geoparser that records how far the stream was read
        seen[int(text.split()[1].rstrip("."))] = pulled
        return []

    failed = events_to_parquet(stream(), tmp_path, chunk_size=10, geoparser=parse)
    assert failed.attrs["documents"] == 30 and sorted(seen) == list(range(30))
    # document i is parsed before the stream goes past the end of its own chunk
    assert all(seen[i] <= 10 * (i // 10 + 1) for i in range(30))
    assert seen[0] == 10


def test_empty_corpus_still_reads_back(tmp_path):
    failed = events_to_parquet([], tmp_path)
    assert failed.attrs == {"documents": 0, "events": 0, "parts": 1} and failed.empty
    assert list(gpd.read_parquet(tmp_path).columns) == list(COLUMNS)


def test_refuses_to_mix_runs_and_bad_chunk_size(tmp_path):
    events_to_parquet(["Drones struck Kharkiv."], tmp_path)
    with pytest.raises(InvalidInput, match="already holds parts"):
        events_to_parquet(["Drones struck Kharkiv."], tmp_path)
    with pytest.raises(InvalidInput, match="chunk size"):
        list(chunks([1, 2], size=0))
    older = tmp_path / "older"  # parts as geonews.dask named them before: not mixed in either
    older.mkdir()
    (older / "part.0.parquet").write_bytes(b"")
    with pytest.raises(InvalidInput, match="already holds parts"):
        events_to_parquet(["Drones struck Kharkiv."], older)


def test_errors_raise(tmp_path):
    with pytest.raises(InvalidInput, match="has no text"):
        events_to_parquet(["Drones struck Kharkiv.", ""], tmp_path, errors="raise")
