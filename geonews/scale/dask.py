"""Events over a Dask cluster: documents partitioned across workers, GeoParquet out.

:func:`events` runs :func:`geonews.events` on each partition of a corpus on a Dask
cluster (a ``distributed.LocalCluster`` or any ``distributed.Client`` you pass) and
gathers the rows, or has each worker write its partition as one GeoParquet file
(``output/part-00000.parquet``, ...; :mod:`geonews.export.parts`), so no row passes
through the client; read the folder back lazily with
``dask_geopandas.read_parquet(output)`` or at once with ``geopandas.read_parquet(output)``.

- **Partitions.**  Paths (files or folders, as :func:`geonews.read` takes them) are
  split by file; a ``dask.bag.Bag`` of texts, dicts or :class:`~geonews.corpus.read.Document`
  objects keeps its own partitions (``npartitions=`` repartitions it).  For one huge
  JSONL file, build the bag yourself, e.g.
  ``dask.bag.read_text("big.jsonl", blocksize="64MiB").map(json.loads)``.
- **Gazetteer once.**  The gazetteer index (an SQLite file in the user cache dir) is
  built on the client *before* any task runs, then every worker process loads it once
  (read-only) into its module-level cache and keeps it for all its tasks.
- **Nothing lost.**  Every input document ends as event rows or as a failure:
  failures come back as a table (``attrs["failures"]`` of the gathered frame, or the
  return value when writing).
- **Same rows as one process.**  Rows are per document, so the result equals
  ``geonews.events(docs, dedupe=False)`` on the same documents (sort by ``doc_id``,
  ``event_id``); merging one event reported by several documents needs the whole
  table and is not done here.  Documents from a bag that have no ``doc_id`` get
  ``"<partition>:<position>"``; give ids to make them independent of partitioning.

This module is ``geonews.scale.dask``; inside it ``import dask`` still means the Dask
package, because imports are absolute.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import dask
import dask.bag as db
import pandas as pd

from geonews.corpus.read import Document, read, source_files
from geonews.errors import InvalidInput
from geonews.export.parts import check_no_parts, write_part

__all__ = ["events"]


def events(
    paths_or_bag: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | db.Bag,
    *,
    client: Any = None,
    npartitions: int | None = None,
    output: str | os.PathLike[str] | None = None,
    date: object = None,
    source: str | None = None,
    url: str | None = None,
    errors: str = "collect",
) -> Any:
    """Extract events from a corpus on a Dask cluster.

    Parameters
    ----------
    paths_or_bag : path, list of paths, or dask.bag.Bag
        Files/folders that :func:`geonews.read` reads, or a bag of texts, dicts
        (``"text"``, optional ``"doc_id"``, ``"date"``, ``"url"``, ``"source"``) or
        Documents.
    client : distributed.Client, optional
        Where to run; by default Dask's current scheduler (the active
        ``distributed.Client`` if there is one).
    npartitions : int, optional
        Number of partitions; by default one per file (at most four per worker), or
        the bag's own partitioning.
    output : str or PathLike, optional
        Write the rows as partitioned GeoParquet into this folder
        (``part-00000.parquet``, ... in partition order, written by the workers) instead of
        gathering them; the folder must not already hold parts.
    date, source, url : optional
        Defaults for documents without their own (as in :func:`geonews.events`).
    errors : {"collect", "raise"}
        As in :func:`geonews.events`; ``"raise"`` fails the computation.

    Returns
    -------
    geopandas.GeoDataFrame or pandas.DataFrame
        Without ``output``: the events frame, with ``attrs["documents"]`` and
        ``attrs["failures"]`` as :func:`geonews.events` sets them.  With ``output``:
        the failures table (``doc_id``, ``reason``) with ``attrs["documents"]``.

    Raises
    ------
    InvalidInput
        For a path that does not exist, no documents to read, or a bad option.

    Examples
    --------
    >>> import dask.bag
    >>> bag = dask.bag.from_sequence(
    ...     [{"doc_id": "a", "text": "Drones struck Kharkiv."}, {"doc_id": "b", "text": ""}],
    ...     npartitions=2)
    >>> gdf = events(bag, client=None)  # no cluster: Dask's local scheduler
    >>> gdf[["doc_id", "place_name"]].values.tolist(), gdf.attrs["failures"][0]["doc_id"]
    ([['a', 'Kharkiv']], 'b')
    """
    from geonews.activity import empty_events

    if errors not in ("collect", "raise"):
        raise InvalidInput(f"errors must be 'collect' or 'raise', not {errors!r}")
    from geonews.places.gazetteer import default_gazetteer

    default_gazetteer()  # build the SQLite index here, once, before any worker opens it
    if client is not None:
        _warm_workers(client)
    options = {"date": date, "source": source, "url": url, "errors": errors}
    folder = None
    if output is not None:
        folder = Path(output)
        check_no_parts(folder)
        folder.mkdir(parents=True, exist_ok=True)
    # a fresh key per call: files may change between calls, and the scheduler would
    # otherwise hand back an earlier call's result (or error) held under the same key
    run = uuid.uuid4().hex
    tasks = [
        dask.delayed(_partition_events)(
            part, index, options, folder, dask_key_name=f"geonews-events-{run}-{index}"
        )
        for index, part in enumerate(_partitions(paths_or_bag, client, npartitions))
    ]
    if not tasks:
        raise InvalidInput(f"no documents to read in {paths_or_bag!r}")
    results = dask.compute(*tasks) if client is None else client.gather(client.compute(tasks))
    table = _concat([failed for _, failed, _ in results])
    documents = sum(count for _, _, count in results)
    if folder is not None:
        table.attrs["documents"] = documents
        return table
    frames = [frame for frame, _, _ in results if len(frame)]
    frame = pd.concat(frames, ignore_index=True) if frames else empty_events()
    frame.attrs["documents"] = documents
    frame.attrs["failures"] = table.to_dict("records")
    return frame


def _concat(tables: list[pd.DataFrame]) -> pd.DataFrame:
    from geonews.activity import empty_events, failures

    tables = [t for t in tables if len(t)]
    return pd.concat(tables, ignore_index=True) if tables else failures(empty_events())


def _partitions(source: Any, client: Any, npartitions: int | None) -> list[Any]:
    """Split the input into delayed partitions (lists of files, or bag partitions)."""
    if npartitions is not None and (not isinstance(npartitions, int) or npartitions < 1):
        raise InvalidInput(f"npartitions must be a positive integer, not {npartitions!r}")
    if isinstance(source, db.Bag):
        bag = source if npartitions is None else source.repartition(npartitions)
        return [("bag", part) for part in bag.to_delayed()]
    if isinstance(source, (str, os.PathLike)):
        source = [source]
    if not isinstance(source, Iterable) or isinstance(source, (Mapping, Document)):
        raise InvalidInput(f"expected paths or a dask.bag.Bag, not {source!r}")
    files = [str(f) for f in _files(source)]
    if npartitions is None:
        workers = len(client.scheduler_info()["workers"]) if client is not None else None
        npartitions = 4 * (workers or os.cpu_count() or 1)
    count = max(1, min(npartitions, len(files)))
    size, extra = divmod(len(files), count)
    out, start = [], 0
    for i in range(count if files else 0):
        stop = start + size + (1 if i < extra else 0)
        out.append(("files", files[start:stop]))
        start = stop
    return out


def _files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files in reading order: a folder expands as :func:`geonews.read` walks it."""
    return [file for item in paths for file in source_files(item)]


def _partition_events(
    part: tuple[str, Any], index: int, options: dict[str, Any], folder: Path | None
) -> tuple[Any, pd.DataFrame, int]:
    """Run on a worker: one partition -> (events frame or None, failures, documents).

    With ``folder``, the rows go to part ``index`` there and stay on the worker;
    otherwise the frame travels back to the client.
    """
    from geonews.activity import events as extract
    from geonews.activity import failures

    kind, items = part
    docs = _read_files(items) if kind == "files" else _with_ids(items, index)
    frame = extract(docs, dedupe=False, progress=False, **options)
    count = frame.attrs["documents"]
    failed = failures(frame)
    frame.attrs.clear()  # the partitions' attrs are summed up on the client
    if folder is None:
        return frame, failed, count
    write_part(frame, folder, index)
    return None, failed, count


def _read_files(files: list[str]) -> Iterable[Document]:
    for name in files:
        yield from read(name)


def _with_ids(items: Iterable[Any], index: int) -> Iterable[Any]:
    """Give bag items without a doc_id one that is unique over the whole bag."""
    for i, item in enumerate(items):
        if isinstance(item, str):
            yield {"doc_id": f"{index}:{i}", "text": item}
        elif isinstance(item, Mapping) and item.get("doc_id") is None:
            yield {**item, "doc_id": f"{index}:{i}"}
        else:
            yield item


def _warm_workers(client: Any) -> None:
    """Load the gazetteer and geoparser once in every worker process.

    On the client's machine the index already exists.  On other hosts (whose cache dir
    may lack it) one worker per host goes first, so the index is built once per host
    and the others open the finished file read-only.
    """
    workers = client.scheduler_info()["workers"]
    first: dict[str, str] = {}
    for address, info in workers.items():
        first.setdefault(info.get("host", address), address)
    client.run(_warm, workers=list(first.values()))
    rest = [address for address in workers if address not in first.values()]
    if rest:
        client.run(_warm, workers=rest)


def _warm() -> None:
    """Run once in each worker: load the gazetteer index and the default geoparser."""
    from geonews.mentions.parser import geoparse

    geoparse("Drones struck Kyiv.")
