"""What was reported where: the :func:`events` pipeline.

* :mod:`~geonews.activity.sentences` - sentence boundaries;
* :mod:`~geonews.activity.taxonomy` - ACLED's event types and the words that signal them;
* :mod:`~geonews.activity.attribution` - the words of attribution and the claimants;
* :mod:`~geonews.activity.extract` - events of one document, sentence by sentence;
  its parts: :mod:`~geonews.activity.triggers` (what happened),
  :mod:`~geonews.activity.placing` (where), :mod:`~geonews.activity.claims` (who says so,
  the status), :mod:`~geonews.activity.modality` (actual or not, date, quantity), on
  :mod:`~geonews.activity.clauses` (clauses, pattern search) and
  :mod:`~geonews.activity.event` (the event while it is read);
* :mod:`~geonews.activity.merge` - one event reported twice becomes one, within a
  document and across a corpus;
* :mod:`~geonews.activity.pipeline` - :func:`events` over a text or a corpus: the table;
* :mod:`~geonews.activity.areas` - the ground a region- or country-level event covers.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["COLUMNS", "EventExtractor", "empty_events", "events", "failures"]

# Imported on first use, so that the taxonomy (plain data the maps need) comes without
# the extractor and the geoparser behind it.
_HOMES = {
    "EventExtractor": "geonews.activity.extract",
    "COLUMNS": "geonews.activity.pipeline",
    "empty_events": "geonews.activity.pipeline",
    "events": "geonews.activity.pipeline",
    "failures": "geonews.activity.pipeline",
}


def __getattr__(name: str) -> Any:
    try:
        home = _HOMES[name]
    except KeyError:
        raise AttributeError(f"module 'geonews.activity' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
