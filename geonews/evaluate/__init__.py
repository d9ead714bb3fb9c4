"""Scoring the geoparser and the event extractor against gold files.

* :mod:`~geonews.evaluate.metrics` - :func:`evaluate`, :func:`evaluate_events`,
  :func:`load_gold` and the reports.
"""

from __future__ import annotations

from geonews.evaluate.metrics import (
    MAX_ERROR_KM,
    NON_TOPONYM_TYPES,
    EventReport,
    Report,
    auc,
    evaluate,
    evaluate_events,
    haversine,
    load_gold,
    main_eval,
    match_mentions,
)

__all__ = [
    "MAX_ERROR_KM",
    "NON_TOPONYM_TYPES",
    "EventReport",
    "Report",
    "auc",
    "evaluate",
    "evaluate_events",
    "haversine",
    "load_gold",
    "main_eval",
    "match_mentions",
]
