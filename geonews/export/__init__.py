"""Events out: GeoJSON, GeoParquet, CSV, GeoPackage and KML files (and back).

* :mod:`~geonews.export.write` - :func:`write_events`, :func:`read_events`;
* :mod:`~geonews.export.parts` - folders of GeoParquet parts (``part-00000.parquet``, ...),
  written by :func:`geonews.events_to_parquet` and :func:`geonews.dask.events`;
* :mod:`~geonews.export.gpkg` - GeoPackage for QGIS (points and areas layers, a style);
* :mod:`~geonews.export.kml` - KML for Google Earth (folders per event type).
"""

from __future__ import annotations

from geonews.export.write import FORMATS, conform, read_events, write_events

__all__ = ["FORMATS", "conform", "read_events", "write_events"]
