"""ACLED exports as geonews events: :func:`read_acled`.

ACLED (the Armed Conflict Location & Event Data project) codes political violence and
protest one event a row.  Its export tool writes CSV (and XLSX) with the columns
``event_id_cnty, event_date, year, time_precision, disorder_type, event_type,
sub_event_type, actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2,
interaction, civilian_targeting, iso, region, country, admin1, admin2, admin3, location,
latitude, longitude, geo_precision, source, source_scale, notes, fatalities, tags,
timestamp``.  geonews ships no ACLED data: bring your own export (its terms of use apply).

How a row maps (see :mod:`geonews.coded.schema` for the shared columns):

============================  =============================================
ACLED                         geonews events frame
============================  =============================================
``event_id_cnty``             ``doc_id``, ``event_id``, ``dataset_id``
``event_date``                ``date`` (``date_end`` empty)
``event_type``                ``event_type`` (the same taxonomy)
``sub_event_type``            ``sub_type``
``location``                  ``place_name``, ``place_text``
``iso`` / ``country``         ``country`` (ISO 3166 alpha-2)
``admin1``                    ``admin1``
``geo_precision``             ``precision`` (:data:`GEO_PRECISION`), ``precision_code``
``notes``                     ``sentence``
``fatalities``                ``fatalities``
``actor1``, ``actor2``        ``actor1``, ``actor2``
``source``                    ``reported_by`` (``source`` is ``"ACLED"``)
============================  =============================================

The ACLED columns :data:`OWN` keep their names.
"""

from __future__ import annotations

import os
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from geonews.coded.schema import assemble, country_codes
from geonews.coded.table import Checks, Table, load_table

__all__ = ["GEO_PRECISION", "OWN", "REQUIRED", "read_acled"]

#: ACLED ``geo_precision`` -> geonews ``precision``.  1: the town (or a place as
#: precise) is named; 2: a part of a region or "near" a town is named, coded to a
#: nearby town; 3: only a larger region is named, coded to its capital or centre.
GEO_PRECISION = {1: "settlement", 2: "area", 3: "region"}

#: Columns an export must have.
REQUIRED = ("event_id_cnty", "event_date", "event_type", "latitude", "longitude")

#: ACLED's own columns kept under their names after the shared ones.
OWN: dict[str, str] = {
    "disorder_type": "object",
    "assoc_actor_1": "object",
    "assoc_actor_2": "object",
    "interaction": "object",
    "civilian_targeting": "object",
    "admin2": "object",
    "admin3": "object",
    "time_precision": "Int64",
    "source_scale": "object",
    "tags": "object",
}


def read_acled(
    source: str | os.PathLike[str] | pd.DataFrame,
    *,
    encoding: str | None = None,
    dayfirst: bool | None = None,
) -> gpd.GeoDataFrame:
    """Read an ACLED export (CSV, XLSX or a DataFrame) as a geonews events frame.

    Parameters
    ----------
    source : str, PathLike or pandas.DataFrame
        The export file (``.csv``; ``.xlsx`` needs ``pip install "geonews[xlsx]"``), or
        a frame with ACLED's columns (e.g. from ACLED's API).
    encoding : str, optional
        The file's encoding; by default UTF-8 (a BOM is fine) or cp1252, detected.
    dayfirst : bool, optional
        How to read dates like ``03/12/2025`` (see :func:`geonews.coded.table.dates`);
        by default the file decides, day first when it cannot.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per good event: the columns of :data:`geonews.activity.COLUMNS`, then
        :data:`geonews.coded.schema.EXTRA` and :data:`OWN`.  ``attrs["failures"]`` lists
        every row left out as ``{"doc_id": "<file>:<line>", "reason": ...}`` (the
        column, the value and what is wrong with it); ``attrs["documents"]`` counts the
        data rows read.

    Raises
    ------
    InvalidInput
        When the file does not exist (or is XLSX and openpyxl is missing).
    DataError
        When the file cannot be decoded or lacks a column of :data:`REQUIRED`.

    Examples
    --------
    >>> rows = pd.DataFrame({
    ...     "event_id_cnty": ["UKR1", "UKR2"], "event_date": ["02 December 2025", "tomorrow"],
    ...     "event_type": ["Battles"] * 2, "sub_event_type": ["Armed clash"] * 2,
    ...     "location": ["Pokrovsk"] * 2, "latitude": ["48.2817"] * 2,
    ...     "longitude": ["37.1758"] * 2, "geo_precision": ["1"] * 2, "fatalities": ["0"] * 2})
    >>> ev = read_acled(rows)
    >>> ev[["event_id", "date", "place_name", "precision", "source"]].values.tolist()
    [['UKR1', Timestamp('2025-12-02 00:00:00'), 'Pokrovsk', 'settlement', 'ACLED']]
    >>> ev.attrs["failures"]
    [{'doc_id': 'frame:1', 'reason': "event_date 'tomorrow': not a date"}]
    """
    table = load_table(source, encoding=encoding)
    table.require(REQUIRED, "ACLED")
    return _events(table, dayfirst=dayfirst)


def _events(table: Table, *, dayfirst: bool | None) -> gpd.GeoDataFrame:
    col = table.column
    checks = Checks(table)
    ids = checks.ids("event_id_cnty")
    date = checks.date("event_date", dayfirst=dayfirst)
    checks.empty("event_type", col("event_type"))
    lat, lon = checks.coordinates(col("latitude"), col("longitude"))
    precision_code = checks.number("geo_precision", low=1, high=3, integer=True)
    fatalities = checks.number("fatalities", low=0, integer=True)
    time_precision = checks.number("time_precision", low=1, high=3, integer=True)

    notes = col("notes")
    country = country_codes(col("iso")) if "iso" in table.columns else None
    if country is None or ("country" in table.columns and country.isna().any()):
        by_name = country_codes(col("country"))
        country = by_name if country is None else country.where(country.notna(), by_name)
    data: dict[str, Any] = {
        "doc_id": ids,
        "event_id": ids,
        "date": date,
        "event_type": col("event_type"),
        "sub_type": col("sub_event_type"),
        "place_name": col("location"),
        "place_text": col("location"),
        "country": country,
        "admin1": col("admin1"),
        "precision": precision_code.map(GEO_PRECISION),
        "status": pd.Series(["reported"] * len(table), dtype=object),
        "modality": pd.Series(["actual"] * len(table), dtype=object),
        "sentence": notes,
        "sentence_start": np.zeros(len(table), dtype=np.int64),
        "sentence_end": notes.str.len().to_numpy(dtype=np.int64),
        "source": pd.Series(["ACLED"] * len(table), dtype=object),
        "geometry": gpd.points_from_xy(lon.fillna(0), lat.fillna(0)),
        "dataset": pd.Series(["ACLED"] * len(table), dtype=object),
        "dataset_id": ids,
        "fatalities": fatalities,
        "actor1": col("actor1"),
        "actor2": col("actor2"),
        "precision_code": precision_code,
        "reported_by": col("source"),
        "time_precision": time_precision,
        **{name: col(name) for name in OWN if name != "time_precision"},
    }
    return assemble(table, data, checks.keep(), dataset="ACLED", own=OWN)
