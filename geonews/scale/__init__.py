"""Corpora beyond memory and beyond one process.

* :mod:`~geonews.scale.stream` - :func:`events_to_parquet`: a stream of documents to
  GeoParquet parts, in bounded memory;
* :mod:`~geonews.scale.dask` - the same over a Dask cluster (``geonews[dask]``;
  imported on its own, as ``geonews.scale.dask`` or ``geonews.dask``).
"""

from __future__ import annotations

from geonews.scale.stream import chunks, events_to_parquet

__all__ = ["chunks", "events_to_parquet"]
