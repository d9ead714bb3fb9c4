"""Events as a folder of GeoParquet parts: one file per chunk or partition, one naming.

:func:`geonews.scale.events_to_parquet` (one process, chunk by chunk) and
:func:`geonews.scale.dask.events` (one part per Dask partition, written by the workers)
both write here.  Parts are named ``part-00000.parquet``, ``part-00001.parquet``, ...
(:data:`PART`): zero-padded, so sorting the names gives the order they were written in
(``part.10`` would sort before ``part.2``).  The folder reads back as one frame with
``geonews.export.write.read_events(folder, file_format="parquet")`` or lazily, one partition
per part, with ``dask_geopandas.read_parquet(folder)``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from geonews.errors import InvalidInput

__all__ = ["PART", "check_no_parts", "part_name", "write_part"]

#: File name of part ``i`` of a folder of parts.
PART = "part-{:05d}.parquet"
#: Names a folder of parts may already hold: ours, and the ``part.<i>.parquet`` that
#: ``geonews.dask`` wrote before it used :data:`PART` (never mix two runs in one folder).
_PART_GLOBS = ("part-*.parquet", "part.*.parquet")


def part_name(index: int) -> str:
    """Return the file name of part ``index``.

    Parameters
    ----------
    index : int
        Position of the part (0 for the first).

    Returns
    -------
    str

    Examples
    --------
    >>> part_name(0), part_name(12)
    ('part-00000.parquet', 'part-00012.parquet')
    """
    return PART.format(index)


def check_no_parts(folder: Path) -> None:
    """Refuse a folder that already holds parts, so two runs never mix in one dataset.

    Parameters
    ----------
    folder : Path
        The output folder (it need not exist yet).

    Raises
    ------
    InvalidInput
        When ``folder`` holds ``part-*.parquet`` (or older ``part.*.parquet``) files.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> check_no_parts(pathlib.Path(tempfile.mkdtemp()) / "new")  # nothing to refuse
    """
    if folder.is_dir() and any(any(folder.glob(pattern)) for pattern in _PART_GLOBS):
        raise InvalidInput(f"output folder already holds parts: {str(folder)!r}")


def write_part(frame: pd.DataFrame, folder: Path, index: int) -> Path:
    """Write one part of a folder of parts as GeoParquet (no index column).

    Parameters
    ----------
    frame : GeoDataFrame
        The rows of this part (an events frame).
    folder : Path
        The output folder (it must exist).
    index : int
        Position of the part; names the file (:func:`part_name`).

    Returns
    -------
    Path
        The file written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from geonews.activity import empty_events
    >>> write_part(empty_events(), pathlib.Path(tempfile.mkdtemp()), 3).name
    'part-00003.parquet'
    """
    path = folder / part_name(index)
    frame.to_parquet(path, index=False)
    return path
