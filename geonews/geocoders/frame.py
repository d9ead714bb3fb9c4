"""Geocode a DataFrame column of place names: ``geonews.geocode_frame``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from geonews._progress import interactive, progress_bar
from geonews.errors import InvalidInput
from geonews.geocoders.chain import Chain, Resolution
from geonews.places import lonlat

if TYPE_CHECKING:
    import geopandas
    import pandas

__all__ = ["RESULT_COLUMNS", "geocode_frame"]

#: Columns ``geocode_frame`` adds (before ``geometry``).
RESULT_COLUMNS = (
    "place_name",
    "place_id",
    "lat",
    "lon",
    "kind",
    "country",
    "admin1",
    "geonameid",
    "place_source",
    "retrieved",
    "status",
    "reason",
)


def _progress(items: Iterable[Any], *, total: int, enabled: bool | None) -> Iterator[Any]:
    """Wrap ``items`` in a tqdm bar when enabled (default: a terminal, or Jupyter)."""
    if enabled is None:
        enabled = interactive()
    if not enabled:
        yield from items
        return

    with progress_bar(items, total=total, desc="geocoding", unit="name") as bar:
        yield from bar


def _is_missing(value: Any) -> bool:
    try:
        return value is None or bool(value != value)  # NaN, NaT, pd.NA
    except (TypeError, ValueError):
        return False


def geocode_frame(
    df: pandas.DataFrame,
    column: str,
    *,
    chain: Chain | None = None,
    progress: bool | None = None,
) -> tuple[geopandas.GeoDataFrame, pandas.DataFrame]:
    """Geocode the names in ``df[column]``; keep every row, say what failed and why.

    Parameters
    ----------
    df : pandas.DataFrame
        One place name per row in ``column``.
    column : str
        Column holding the names.
    chain : Chain, optional
        The resolver chain (default: offline only, ``Chain()``).
    progress : bool, optional
        Show a tqdm bar; default: only when running interactively.

    Returns
    -------
    geopandas.GeoDataFrame
        ``df``'s rows and index, plus :data:`RESULT_COLUMNS` and a point
        ``geometry`` (empty for unresolved rows), EPSG:4326.
    pandas.DataFrame
        One row per name that was not placed (same index labels as ``df``), with
        columns ``name``, ``status`` (``"unresolved"`` or ``"invalid"``) and ``reason``.

    Examples
    --------
    >>> import pandas as pd
    >>> from geonews.places import Place
    >>> known = {"Avdiivka": Place("Avdiivka", 48.139, 37.743, id="geonames:713174")}
    >>> chain = Chain(offline=known.get, cache=False)
    >>> df = pd.DataFrame({"where": ["Avdiivka", "Nowhere", None]})
    >>> gdf, failures = geocode_frame(df, "where", chain=chain)
    >>> gdf["status"].tolist(), gdf.geometry.iloc[0].coords[0]
    (['offline', 'unresolved', 'invalid'], (37.743, 48.139))
    >>> failures["status"].tolist()
    ['unresolved', 'invalid']
    """
    import geopandas
    import pandas as pd
    from shapely.geometry import Point

    if column not in df.columns:
        raise InvalidInput(f"no column {column!r} in the frame; columns: {list(df.columns)!r}")
    clash = [c for c in (*RESULT_COLUMNS, "geometry") if c in df.columns]
    if clash:
        raise InvalidInput(f"the frame already has result columns {clash!r}; rename them first")
    chain = Chain() if chain is None else chain

    names = [None if _is_missing(v) else v for v in df[column].tolist()]
    results: list[Resolution] = list(
        _progress(chain.pipe(names), total=len(names), enabled=progress)
    )
    rows = []
    for res in results:
        p = res.place
        rows.append(
            {
                "place_name": p.name if p else None,
                "place_id": p.id if p else None,
                "lat": p.lat if p else float("nan"),
                "lon": p.lon if p else float("nan"),
                "kind": p.kind if p else None,
                "country": p.country if p else None,
                "admin1": p.admin1 if p else None,
                "geonameid": p.geonameid if p else None,
                "place_source": p.source if p else None,
                "retrieved": p.retrieved if p else None,
                "status": res.status,
                "reason": res.reason if res.reason is not None else None,
            }
        )
    added = pd.DataFrame(rows, index=df.index, columns=list(RESULT_COLUMNS))
    added["geonameid"] = added["geonameid"].astype("Int64")
    for col in ("lat", "lon"):
        added[col] = added[col].astype("float64")
    geometry = [
        Point(lonlat(r.place.lat, r.place.lon)) if r.place is not None else None for r in results
    ]
    out = geopandas.GeoDataFrame(pd.concat([df, added], axis=1), geometry=geometry, crs="EPSG:4326")
    missing = [i for i, r in enumerate(results) if r.place is None]
    failures = pd.DataFrame(
        {
            "name": [df[column].iloc[i] for i in missing],
            "status": [results[i].status for i in missing],
            "reason": [results[i].reason for i in missing],
        },
        index=df.index[missing],
    )
    return out, failures
