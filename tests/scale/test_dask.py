"""geonews.scale.dask against a real distributed.LocalCluster (2 worker processes)."""

from __future__ import annotations

import json

import dask.bag as db
import dask_geopandas
import geopandas as gpd
import pandas as pd
import pytest
from distributed import Client, LocalCluster

import geonews
import geonews.scale.dask
from geonews.activity import COLUMNS
from geonews.errors import InvalidInput
from geonews.export.parts import part_name
from geonews.export.write import read_events
from geonews.places.gazetteer import default_gazetteer
from tests.scale.fixtures import dispatches, ordered


@pytest.fixture(scope="module")
def client():
    default_gazetteer()  # build the index before workers start
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def corpus():
    return list(dispatches(200))


@pytest.fixture(scope="module")
def single(corpus):
    return geonews.events(corpus, dedupe=False, progress=False)


def test_bag_on_two_workers_equals_single_process(client, corpus, single):
    gdf = geonews.scale.dask.events(db.from_sequence(corpus, npartitions=6), client=client)
    assert len(client.scheduler_info()["workers"]) == 2
    assert len(single) > 100  # the corpus really produces events
    pd.testing.assert_frame_equal(ordered(gdf), ordered(single))
    assert isinstance(gdf, gpd.GeoDataFrame) and gdf.crs == "EPSG:4326"
    assert list(gdf.columns) == list(COLUMNS)
    # every document is accounted for: rows or failures
    assert gdf.attrs["documents"] == len(corpus)
    failed = sorted(f["doc_id"] for f in gdf.attrs["failures"])
    assert failed == sorted(f["doc_id"] for f in single.attrs["failures"])
    assert failed == [d["doc_id"] for d in corpus if not d["text"]]
    # event ids are deterministic per document and unique
    assert gdf["event_id"].is_unique


def test_both_workers_do_work(client, corpus):
    geonews.scale.dask.events(db.from_sequence(corpus, npartitions=8), client=client)
    executed = client.run(lambda dask_worker: dask_worker.state.executed_count)
    assert len(executed) == 2 and all(n > 0 for n in executed.values())


def test_folder_to_geoparquet(client, corpus, single, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for k in range(5):  # five JSONL files of 40 documents, plus one undecodable text
        rows = corpus[40 * k : 40 * (k + 1)]
        lines = "".join(json.dumps(row) + "\n" for row in rows)
        (src / f"wire-{k}.jsonl").write_text(lines, encoding="utf-8")
    (src / "zz-broken.txt").write_bytes(b"Shelling hit \xff\xfe Kherson.")
    (src / "notes.bin").write_bytes(b"not a corpus file")

    out = tmp_path / "events"
    failed = geonews.scale.dask.events(src, client=client, output=out, npartitions=3)
    assert failed.attrs["documents"] == len(corpus) + 1
    assert "zz-broken.txt" in set(failed["doc_id"])
    assert len(failed) == len(single.attrs["failures"]) + 1

    # the parts are named as events_to_parquet names them, in partition order
    assert sorted(p.name for p in out.iterdir()) == [part_name(i) for i in range(3)]
    written = dask_geopandas.read_parquet(out)  # lazily, one partition per part file
    assert written.npartitions == 3 and len(written) == len(single)
    assert written.crs == "EPSG:4326"
    back = read_events(out, file_format="parquet")
    expected = geonews.events(geonews.read(src), dedupe=False, progress=False)
    assert len(back) == len(expected) == len(single)
    pd.testing.assert_frame_equal(ordered(back), ordered(expected))
    # the same rows as the in-memory corpus (ids differ only by the file prefix)
    assert sorted(back["place_id"]) == sorted(single["place_id"])

    with pytest.raises(InvalidInput, match="already holds parts"):
        geonews.scale.dask.events(src, client=client, output=out)


def test_bag_of_texts_gets_unique_ids(client):
    texts = ["Drones struck Kharkiv overnight.", "Clashes continued near Pokrovsk."] * 3
    gdf = geonews.scale.dask.events(db.from_sequence(texts, npartitions=3), client=client)
    assert gdf["doc_id"].nunique() == len(texts)
    assert sorted(gdf["place_name"]) == ["Kharkiv"] * 3 + ["Pokrovsk"] * 3


def test_errors_raise_fails_the_computation(client):
    bag = db.from_sequence([{"doc_id": "x", "text": ""}], npartitions=1)
    with pytest.raises(InvalidInput, match="has no text"):
        geonews.scale.dask.events(bag, client=client, errors="raise")


def test_bad_input_is_rejected(tmp_path):
    with pytest.raises(InvalidInput, match="no such file"):
        geonews.scale.dask.events(tmp_path / "missing")
    with pytest.raises(InvalidInput, match="no documents"):
        geonews.scale.dask.events(tmp_path)
    with pytest.raises(InvalidInput, match="npartitions"):
        geonews.scale.dask.events(tmp_path, npartitions=0)
    with pytest.raises(InvalidInput, match="errors"):
        geonews.scale.dask.events(tmp_path, errors="ignore")


def test_module_name_does_not_shadow_dask():
    import sys

    import dask

    assert sys.modules["geonews.scale.dask"] is geonews.scale.dask
    assert sys.modules["dask"] is dask and dask.__file__ != geonews.scale.dask.__file__
    assert geonews.scale.dask.db is db  # geonews/dask.py's own "import dask.bag" is the real one


def _loads() -> tuple[int, int]:
    from geonews.mentions.parser import _default_parser
    from geonews.places.gazetteer import default_gazetteer

    return default_gazetteer.cache_info().misses, _default_parser.cache_info().misses


def test_each_worker_loads_the_gazetteer_once(client, corpus):
    for _ in range(2):
        geonews.scale.dask.events(db.from_sequence(corpus[:40], npartitions=4), client=client)
    loads = client.run(_loads)
    assert len(loads) == 2 and set(loads.values()) == {(1, 1)}


def test_a_failed_call_does_not_poison_the_next(client):
    bad = db.from_sequence([{"doc_id": "a", "text": ""}], npartitions=1)
    with pytest.raises(InvalidInput, match="has no text"):
        geonews.scale.dask.events(bad, client=client, errors="raise")
    good = db.from_sequence([{"doc_id": "a", "text": "Drones struck Odesa."}], npartitions=1)
    assert geonews.scale.dask.events(good, client=client)["place_name"].tolist() == ["Odesa"]
