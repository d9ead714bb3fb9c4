"""UCDP GED exports as geonews events: :func:`read_ucdp`.

The UCDP Georeferenced Event Dataset (Uppsala Conflict Data Program) codes events of
organised violence with at least one death, one a row, in CSV with the columns ``id,
relid, year, active_year, type_of_violence, conflict_name, dyad_name, side_a, side_b,
source_article, source_headline, where_prec, where_coordinates, adm_1, adm_2, latitude,
longitude, country, date_prec, date_start, date_end, deaths_a, deaths_b,
deaths_civilians, deaths_unknown, best, high, low`` (and more, which are ignored).
geonews ships no UCDP data: bring your own download.

How a row maps (see :mod:`geonews.coded.schema` for the shared columns):

============================  =============================================
UCDP GED                      geonews events frame
============================  =============================================
``id``                        ``doc_id``, ``event_id``, ``dataset_id``
``date_start``, ``date_end``  ``date``, ``date_end`` (empty when the same day)
``type_of_violence``          ``event_type`` (:data:`VIOLENCE`; UCDP's own
                              categories, not ACLED's: :func:`geonews.compare`
                              knows which geonews types each may match)
``where_coordinates``         ``place_text``; ``place_name`` without UCDP's
                              trailing "town", "village", "oblast"...
``adm_1``                     ``admin1`` (without "oblast", "province"...)
``country``                   ``country`` (ISO 3166 alpha-2)
``where_prec``                ``precision`` (:data:`WHERE_PREC`), ``precision_code``
``source_headline``           ``sentence``
``best``                      ``fatalities`` (``low``, ``high`` kept too)
``side_a``, ``side_b``        ``actor1``, ``actor2``
``source_article``            ``reported_by`` (``source`` is ``"UCDP GED"``)
============================  =============================================
"""

from __future__ import annotations

import os
import re
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from geonews.coded.schema import assemble, country_codes
from geonews.coded.table import Checks, Table, load_table

__all__ = ["OWN", "REQUIRED", "VIOLENCE", "WHERE_PREC", "read_ucdp"]

#: UCDP ``type_of_violence`` -> ``event_type``.
VIOLENCE = {1: "State-based conflict", 2: "Non-state conflict", 3: "One-sided violence"}

#: UCDP ``where_prec`` -> geonews ``precision``.  1: the exact place; 2: within about
#: 25 km of a known point; 3: a second-order division (raion, district); 4: a
#: first-order division (oblast); 5: a line or an area between places (a road, a
#: front); 6: only the country; 7: international waters or airspace.
WHERE_PREC = {
    1: "settlement",
    2: "area",
    3: "area",
    4: "region",
    5: "area",
    6: "country",
    7: "area",
}

#: Columns an export must have.
REQUIRED = ("id", "date_start", "type_of_violence", "latitude", "longitude")

#: UCDP's own columns kept after the shared ones (``low``/``high`` renamed).
OWN: dict[str, str] = {
    "relid": "object",
    "conflict_name": "object",
    "dyad_name": "object",
    "type_of_violence": "Int64",
    "date_prec": "Int64",
    "adm_2": "object",
    "deaths_a": "Int64",
    "deaths_b": "Int64",
    "deaths_civilians": "Int64",
    "deaths_unknown": "Int64",
    "fatalities_low": "Int64",
    "fatalities_high": "Int64",
}

_PLACE_SUFFIX = re.compile(
    r"\s+(?:town|village|city|settlement|urban-type settlement|district|raion|rayon|"
    r"oblast|region|province|krai|kray|area)$",
    re.IGNORECASE,
)


def read_ucdp(
    source: str | os.PathLike[str] | pd.DataFrame,
    *,
    encoding: str | None = None,
    dayfirst: bool | None = None,
) -> gpd.GeoDataFrame:
    """Read a UCDP GED export (CSV, XLSX or a DataFrame) as a geonews events frame.

    Parameters
    ----------
    source : str, PathLike or pandas.DataFrame
        The GED file (``GEDEvent_v25_1.csv``, a candidate-events file, ...) or a frame.
    encoding : str, optional
        The file's encoding; by default UTF-8 (a BOM is fine) or cp1252, detected.
    dayfirst : bool, optional
        How to read dates like ``03/12/2025`` (see :func:`geonews.coded.table.dates`).

    Returns
    -------
    geopandas.GeoDataFrame
        The columns of :data:`geonews.activity.COLUMNS`, then
        :data:`geonews.coded.schema.EXTRA` and :data:`OWN`; ``attrs["failures"]`` lists
        every row left out with its file, line and value, ``attrs["documents"]`` counts
        the data rows read.

    Raises
    ------
    InvalidInput
        When the file does not exist.
    DataError
        When the file cannot be decoded or lacks a column of :data:`REQUIRED`.

    Examples
    --------
    >>> rows = pd.DataFrame({
    ...     "id": ["512345"], "date_start": ["2025-12-01 00:00:00.000"],
    ...     "date_end": ["2025-12-02 00:00:00.000"], "type_of_violence": ["1"],
    ...     "where_coordinates": ["Pokrovsk town"], "adm_1": ["Donetsk oblast"],
    ...     "latitude": ["48.2817"], "longitude": ["37.1758"], "where_prec": ["1"],
    ...     "best": ["3"], "country": ["Ukraine"]})
    >>> ev = read_ucdp(rows)
    >>> columns = ["event_type", "place_name", "admin1", "country", "precision", "fatalities"]
    >>> ev[columns].values.tolist()
    [['State-based conflict', 'Pokrovsk', 'Donetsk', 'UA', 'settlement', 3]]
    >>> str(ev.loc[0, "date_end"].date())
    '2025-12-02'
    """
    table = load_table(source, encoding=encoding)
    table.require(REQUIRED, "UCDP GED")
    return _events(table, dayfirst=dayfirst)


def _events(table: Table, *, dayfirst: bool | None) -> gpd.GeoDataFrame:
    col = table.column
    n = len(table)
    checks = Checks(table)
    ids = checks.ids("id")
    start = checks.date("date_start", dayfirst=dayfirst)
    end = checks.date("date_end", dayfirst=dayfirst, required=False)
    before = (end < start).to_numpy()
    checks.add(before, "date_end", col("date_end"), "before date_start")
    violence = checks.number("type_of_violence", low=1, high=3, integer=True)
    checks.empty("type_of_violence", col("type_of_violence"))
    lat, lon = checks.coordinates(col("latitude"), col("longitude"))
    where_prec = checks.number("where_prec", low=1, high=7, integer=True)
    counts = {
        name: checks.number(name, low=0, integer=True)
        for name in ("best", "low", "high", "deaths_a", "deaths_b", "deaths_civilians",
                     "deaths_unknown", "date_prec")
    }  # fmt: skip

    place_text = col("where_coordinates")
    headline = col("source_headline")
    data: dict[str, Any] = {
        "doc_id": ids,
        "event_id": ids,
        "date": start,
        "date_end": end.where(end != start),
        "event_type": violence.map(VIOLENCE),
        "place_name": place_text.str.replace(_PLACE_SUFFIX, "", regex=True),
        "place_text": place_text,
        "country": country_codes(col("country")),
        "admin1": col("adm_1").str.replace(_PLACE_SUFFIX, "", regex=True),
        "precision": where_prec.map(WHERE_PREC),
        "status": pd.Series(["reported"] * n, dtype=object),
        "modality": pd.Series(["actual"] * n, dtype=object),
        "sentence": headline,
        "sentence_start": np.zeros(n, dtype=np.int64),
        "sentence_end": headline.str.len().to_numpy(dtype=np.int64),
        "source": pd.Series(["UCDP GED"] * n, dtype=object),
        "geometry": gpd.points_from_xy(lon.fillna(0), lat.fillna(0)),
        "dataset": pd.Series(["UCDP GED"] * n, dtype=object),
        "dataset_id": ids,
        "fatalities": counts["best"],
        "actor1": col("side_a"),
        "actor2": col("side_b"),
        "precision_code": where_prec,
        "reported_by": col("source_article"),
        "relid": col("relid"),
        "conflict_name": col("conflict_name"),
        "dyad_name": col("dyad_name"),
        "type_of_violence": violence,
        "date_prec": counts["date_prec"],
        "adm_2": col("adm_2"),
        "fatalities_low": counts["low"],
        "fatalities_high": counts["high"],
        **{name: counts[name] for name in ("deaths_a", "deaths_b", "deaths_civilians",
                                           "deaths_unknown")},
    }  # fmt: skip
    return assemble(table, data, checks.keep(), dataset="UCDP GED", own=OWN)
