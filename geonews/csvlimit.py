"""The csv module's field-size limit, set for one read and put back after it.

``csv.field_size_limit`` is process-wide: a reader that raised it for good would change
what every other reader in the process accepts (a news CSV with long articles would let
an ACLED export's 200 KB "notes" field through).  :func:`field_limit` holds a limit only
while the reads inside it run.

Examples
--------
>>> import csv, io
>>> before = csv.field_size_limit()
>>> with field_limit(10):
...     next(csv.reader(io.StringIO("a" * 11)))
Traceback (most recent call last):
_csv.Error: field larger than field limit (10)
>>> csv.field_size_limit() == before
True
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["field_limit"]


@contextmanager
def field_limit(limit: int) -> Iterator[None]:
    """Set the csv field-size limit to ``limit`` inside the block, and back after it."""
    old = csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(old)
