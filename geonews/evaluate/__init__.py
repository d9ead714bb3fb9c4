"""Scoring the geoparser and the event extractor against gold files.

* :mod:`~geonews.evaluate.metrics` - :func:`evaluate`, :func:`evaluate_events`,
  :func:`main_eval`: matching, Acc@161km, AUC and the event scores;
* :mod:`~geonews.evaluate.gold` - :func:`load_gold` and the scored parts of gold records;
* :mod:`~geonews.evaluate.report` - :class:`Report` and :class:`EventReport`, printable
  and shown as tables in Jupyter.
"""

from __future__ import annotations

from geonews.evaluate.gold import NON_TOPONYM_TYPES, load_gold
from geonews.evaluate.metrics import (
    MAX_ERROR_KM,
    auc,
    evaluate,
    evaluate_events,
    haversine,
    main_eval,
    match_mentions,
)
from geonews.evaluate.report import EventReport, Report

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
