"""Coded event datasets (ACLED, UCDP GED) beside geonews's events from the news.

* :mod:`~geonews.coded.acled` - :func:`read_acled`: an ACLED export as an events frame;
* :mod:`~geonews.coded.ucdp` - :func:`read_ucdp`: a UCDP GED export as an events frame;
* :mod:`~geonews.coded.compare` - :func:`compare`: news events against coded ones;
* :mod:`~geonews.coded.table` - exports as tables of strings, every row with its line;
* :mod:`~geonews.coded.schema` - the columns coded frames add to the events schema.

geonews ships no coded data: the user brings the export, under its own terms.
"""

from __future__ import annotations

import os

import geopandas as gpd
import pandas as pd

from geonews.coded.acled import read_acled
from geonews.coded.compare import Comparison, compare
from geonews.coded.table import load_table
from geonews.coded.ucdp import read_ucdp
from geonews.errors import DataError

__all__ = ["Comparison", "compare", "read_acled", "read_coded", "read_ucdp"]


def read_coded(
    source: str | os.PathLike[str] | pd.DataFrame, *, encoding: str | None = None
) -> gpd.GeoDataFrame:
    """Read an ACLED or a UCDP GED export, telling which by its columns.

    Parameters
    ----------
    source : str, PathLike or pandas.DataFrame
        An export (CSV or XLSX) or a frame.
    encoding : str, optional
        Force the file's encoding.

    Returns
    -------
    geopandas.GeoDataFrame
        As :func:`read_acled` or :func:`read_ucdp` return it.

    Raises
    ------
    DataError
        When the columns are those of neither dataset.

    Examples
    --------
    >>> frame = pd.DataFrame({"id": ["1"], "date_start": ["2025-12-01"],
    ...                       "type_of_violence": ["3"], "latitude": ["50.45"],
    ...                       "longitude": ["30.52"]})
    >>> read_coded(frame).loc[0, "event_type"]
    'One-sided violence'
    """
    table = load_table(source, encoding=encoding)
    if "event_id_cnty" in table.columns:
        table.require(acled.REQUIRED, "ACLED")
        return acled._events(table, dayfirst=None)
    if "type_of_violence" in table.columns or "where_prec" in table.columns:
        table.require(ucdp.REQUIRED, "UCDP GED")
        return ucdp._events(table, dayfirst=None)
    found = ", ".join(sorted(table.columns)[:40]) or "none"
    raise DataError(
        f"{table.name}: neither an ACLED export (no 'event_id_cnty' column) nor a UCDP GED "
        f"one (no 'type_of_violence'); columns: {found}"
    )


from geonews.coded import acled, ucdp  # noqa: E402  (the modules, for read_coded)
