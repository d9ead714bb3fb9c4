"""Reported activity as a GeoDataFrame: :func:`events` over a text or a corpus.

:func:`events` turns one text or a stream of documents into a GeoDataFrame with one
row per event (schema in :data:`COLUMNS`); the per-sentence work is done by
:class:`geonews.activity.extract.EventExtractor` (see there for the rules).  Documents are
consumed one at a time.  Over a corpus, the same event reported by several documents
(same event type, place and modality, dates within a day) is kept once with all
sources, URLs and claimants joined by ``"; "`` (:class:`geonews.activity.merge.CorpusRows`).

Every input document is accounted for: ``frame.attrs["documents"]`` counts them
and ``frame.attrs["failures"]`` lists those that failed as ``{"doc_id", "reason"}``
records (plain records so the frame still writes to Parquet);
:func:`failures` returns them as a DataFrame.  With ``errors="raise"`` the first
failure raises instead.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

import geopandas as gpd
import pandas as pd

from geonews._progress import interactive, progress_bar
from geonews.activity.extract import EventExtractor, GeoparseFn
from geonews.activity.merge import CorpusRows
from geonews.corpus.read import Document, documents
from geonews.errors import InvalidInput

__all__ = ["COLUMNS", "EventExtractor", "empty_events", "events", "failures"]

logger = logging.getLogger("geonews")

#: Columns of the events GeoDataFrame, in order, with their dtypes.
COLUMNS: dict[str, str] = {
    "doc_id": "object",
    "event_id": "object",
    "date": "datetime64[ns]",
    "date_end": "datetime64[ns]",
    "event_type": "object",
    "sub_type": "object",
    "place_name": "object",
    "place_text": "object",
    "place_id": "object",
    "geonameid": "Int64",
    "country": "object",
    "admin1": "object",
    "precision": "object",
    "claimant": "object",
    "status": "object",
    "modality": "object",
    "quantity": "Int64",
    "sentence": "object",
    "sentence_start": "int64",
    "sentence_end": "int64",
    "source": "object",
    "url": "object",
    "geometry": "geometry",
}


def events(
    text_or_docs: str | Document | Iterable[str | Document | dict[str, Any]],
    *,
    date: object = None,
    source: str | None = None,
    url: str | None = None,
    geoparser: GeoparseFn | None = None,
    progress: bool | None = None,
    errors: str = "collect",
    dedupe: bool = True,
) -> gpd.GeoDataFrame:
    """Extract reported events from a text or a stream of documents.

    Parameters
    ----------
    text_or_docs : str, Document, or iterable of str / Document / dict
        One text, or documents (e.g. from :func:`geonews.read`).  Dicts need a
        ``"text"`` key and may have ``doc_id``, ``date``, ``url``, ``source``, ``title``.
        Iterables are consumed lazily, one document at a time.
    date : str or date, optional
        Article date for documents without one; otherwise it is looked for in the
        text's dateline.  Relative expressions ("on Tuesday") count from it.
    source, url : str, optional
        Defaults for documents without their own.
    geoparser : callable, optional
        ``text -> list[Mention]``; defaults to :func:`geonews.geoparse`.
    progress : bool, optional
        Show a tqdm progress bar; by default when stderr is a terminal or in Jupyter
        (a widget there, with ``geonews[notebook]``).
    errors : {"collect", "raise"}
        ``"collect"`` records failing documents in ``frame.attrs["failures"]``;
        ``"raise"`` re-raises the first failure.
    dedupe : bool
        Merge the same event reported by several documents (same type, place and
        modality, dates within one day), joining sources, URLs and claimants.

    Returns
    -------
    geopandas.GeoDataFrame
        EPSG:4326, columns :data:`COLUMNS` in that order; ``attrs["documents"]``
        (int) and ``attrs["failures"]`` (list of ``{"doc_id", "reason"}``).

    Raises
    ------
    InvalidInput
        For an unknown ``errors`` value, or a failing document with ``errors="raise"``.

    Examples
    --------
    >>> from geonews.mentions import Mention
    >>> from geonews.places import Place
    >>> pokrovsk = Place("Pokrovsk", 48.282, 37.176, id="geonames:704422", country="UA",
    ...                  admin1="Donetsk", geonameid=704422)
    >>> def parse(text):
    ...     i = text.find("Pokrovsk")
    ...     return [] if i < 0 else [Mention(i, i + 8, "Pokrovsk", pokrovsk)]
    >>> gdf = events("Clashes continued near Pokrovsk on Monday, the General Staff said.",
    ...              date="2025-12-02", geoparser=parse)
    >>> gdf[["event_type", "place_name", "claimant", "status"]].values.tolist()
    [['Battles', 'Pokrovsk', "Ukraine's General Staff", 'reported']]
    >>> str(gdf.loc[0, "date"].date())
    '2025-12-01'
    """
    if errors not in ("collect", "raise"):
        raise InvalidInput(f"errors must be 'collect' or 'raise', not {errors!r}")
    extractor = EventExtractor(geoparser=geoparser)
    stream = documents(text_or_docs, date=date, source=source, url=url)
    if progress is None:
        progress = interactive()
    if progress:
        stream = progress_bar(stream, desc="events", unit="doc")
    table = CorpusRows(dedupe=dedupe)
    failed: list[dict[str, str]] = []
    count = 0
    for doc in stream:
        count += 1
        try:
            if doc.error is not None:
                raise InvalidInput(doc.error)
            rows = extractor.extract(doc)
        except Exception as err:  # a corpus must account for every document
            if errors == "raise":
                raise
            reason = f"{type(err).__name__}: {err}"
            logger.warning("document %r failed: %s", doc.doc_id, reason)
            failed.append({"doc_id": str(doc.doc_id), "reason": reason})
            continue
        for row in rows:
            table.add(row)
    kept = table.finish()
    frame = (
        _frame({name: [row[name] for row in kept] for name in COLUMNS}) if kept else empty_events()
    )
    frame.attrs["documents"] = count
    frame.attrs["failures"] = failed
    return frame


def failures(frame: pd.DataFrame) -> pd.DataFrame:
    """Return the failures table of an events frame: one row per failed document.

    Parameters
    ----------
    frame : GeoDataFrame
        A frame returned by :func:`events`.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id`` and ``reason``.

    Examples
    --------
    >>> gdf = events(["", "   "], geoparser=lambda text: [])
    >>> failures(gdf)["doc_id"].tolist(), gdf.attrs["documents"]
    (['0', '1'], 2)
    """
    return pd.DataFrame(frame.attrs.get("failures", []), columns=["doc_id", "reason"])


def empty_events() -> gpd.GeoDataFrame:
    """Return an events frame with no rows and the right columns and dtypes.

    Examples
    --------
    >>> list(empty_events().columns) == list(COLUMNS)
    True
    """
    return _frame({name: [] for name in COLUMNS})


def _frame(columns: dict[str, list[Any]]) -> gpd.GeoDataFrame:
    data = {}
    for name, dtype in COLUMNS.items():
        values = columns[name]
        if name == "geometry":
            continue
        if dtype.startswith("datetime"):
            data[name] = pd.to_datetime(pd.Series(values, dtype=object)).astype(dtype)
        elif dtype == "object":
            data[name] = pd.Series(values, dtype=object)
        else:
            data[name] = pd.Series(values, dtype=object).astype(dtype)
    geometry = gpd.GeoSeries(columns["geometry"], crs="EPSG:4326")
    return gpd.GeoDataFrame(data, geometry=geometry, crs="EPSG:4326")
