"""Streaming a corpus of any size to partitioned GeoParquet with flat memory.

:func:`geonews.events` returns one GeoDataFrame, so it holds every event row (and the
cross-document dedupe index) in memory until the end.  :func:`events_to_parquet` reads the
same documents lazily, runs :func:`geonews.events` on chunks of ``chunk_size``
documents and writes each chunk's rows to its own GeoParquet file
(``part-00000.parquet``, ``part-00001.parquet``, ...; :mod:`geonews.export.parts`), so
peak memory depends on the chunk size, not on the corpus size.  The folder reads back as
one frame with ``geonews.export.write.read_events(folder, file_format="parquet")`` (the
schema's dtypes) or lazily with ``dask_geopandas.read_parquet(folder)``.  (To write a
frame you already have, use :func:`geonews.export.write.write_events`.)

Rows are per document: events at the same place within one document are merged
(as :func:`geonews.events` always does), but the same event reported by several
documents is not merged across documents (``dedupe=False``), because that step
needs the whole table; the output equals ``geonews.events(docs, dedupe=False)``.
Document ids are assigned over the whole stream before chunking (``"0"``, ``"1"``,
... for texts without an id), so they do not depend on ``chunk_size``.
"""

from __future__ import annotations

import itertools
import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from geonews._progress import interactive, progress_bar
from geonews.corpus.read import Document, documents
from geonews.errors import InvalidInput
from geonews.export.parts import check_no_parts, part_name, write_part

__all__ = ["chunks", "events_to_parquet"]

logger = logging.getLogger("geonews")


def chunks(docs: Iterable[Any], *, size: int) -> Iterator[list[Any]]:
    """Split a stream into lists of at most ``size`` items, lazily.

    Parameters
    ----------
    docs : iterable
        Any stream (consumed once).
    size : int
        Items per chunk (>= 1).

    Yields
    ------
    list

    Examples
    --------
    >>> [len(c) for c in chunks(range(7), size=3)]
    [3, 3, 1]
    """
    if not isinstance(size, int) or size < 1:
        raise InvalidInput(f"chunk size must be a positive integer, not {size!r}")
    stream = iter(docs)
    while chunk := list(itertools.islice(stream, size)):
        yield chunk


def events_to_parquet(
    docs: Any,
    path: str | os.PathLike[str],
    *,
    chunk_size: int = 5_000,
    date: object = None,
    source: str | None = None,
    url: str | None = None,
    geoparser: Any = None,
    errors: str = "collect",
    progress: bool | None = None,
) -> pd.DataFrame:
    """Extract events from a stream of documents into a folder of GeoParquet parts.

    Parameters
    ----------
    docs : str, Document, or iterable of str / Document / dict
        What :func:`geonews.events` accepts, e.g. :func:`geonews.read` of a folder or a
        generator; consumed lazily, one chunk at a time.
    path : str or PathLike
        Output folder (created; it must not already hold ``part-*.parquet`` files).
    chunk_size : int
        Documents per chunk and per output file; memory grows with it, not with the
        corpus.
    date, source, url : optional
        Defaults for documents without their own (as in :func:`geonews.events`).
    geoparser : callable, optional
        ``text -> list[Mention]``; defaults to :func:`geonews.geoparse`.
    errors : {"collect", "raise"}
        As in :func:`geonews.events`.
    progress : bool, optional
        Show a tqdm bar over documents; by default when stderr is a terminal or in Jupyter.

    Returns
    -------
    pandas.DataFrame
        The failures table (``doc_id``, ``reason``), one row per failed document;
        ``attrs["documents"]`` counts the documents read, ``attrs["events"]`` the rows
        written and ``attrs["parts"]`` the files written.

    Raises
    ------
    InvalidInput
        When ``path`` already holds parts, for a bad ``chunk_size``, or (with
        ``errors="raise"``) for a failing document.

    Examples
    --------
    >>> import tempfile, geopandas
    >>> out = tempfile.mkdtemp()
    >>> texts = ["Drones struck Kharkiv overnight.", "", "Clashes continued near Pokrovsk."]
    >>> failed = events_to_parquet(texts, out, chunk_size=2)
    >>> failed.attrs["documents"], failed.attrs["parts"], failed["doc_id"].tolist()
    (3, 2, ['1'])
    >>> geopandas.read_parquet(out)[["doc_id", "place_name"]].values.tolist()
    [['0', 'Kharkiv'], ['2', 'Pokrovsk']]
    """
    from geonews.activity import empty_events, events, failures

    folder = Path(path)
    check_no_parts(folder)
    stream: Iterable[Document] = documents(docs, date=date, source=source, url=url)
    if progress is None:
        progress = interactive()
    if progress:
        stream = progress_bar(stream, desc="events", unit="doc")
    folder.mkdir(parents=True, exist_ok=True)
    tables: list[pd.DataFrame] = []
    count = rows = parts = 0
    for part, chunk in enumerate(chunks(stream, size=chunk_size)):
        frame = events(chunk, geoparser=geoparser, errors=errors, dedupe=False, progress=False)
        write_part(frame, folder, part)
        count += frame.attrs["documents"]
        rows += len(frame)
        parts += 1
        failed = failures(frame)
        if len(failed):
            tables.append(failed)
        logger.debug("wrote %s (%d rows)", part_name(part), len(frame))
    if parts == 0:  # an empty corpus still reads back as an (empty) events frame
        write_part(empty_events(), folder, 0)
        parts = 1
    result = pd.concat(tables, ignore_index=True) if tables else failures(empty_events())
    result.attrs.update(documents=count, events=rows, parts=parts)
    return result
