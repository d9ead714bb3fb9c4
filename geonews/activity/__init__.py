"""What was reported where: the :func:`events` pipeline.

* :mod:`~geonews.activity.sentences` - sentence boundaries;
* :mod:`~geonews.activity.taxonomy` - ACLED's event types and the words that signal them;
* :mod:`~geonews.activity.extract` - events of one document, sentence by sentence;
* :mod:`~geonews.activity.merge` - one event reported twice becomes one, within a
  document and across a corpus;
* :mod:`~geonews.activity.pipeline` - :func:`events` over a text or a corpus: the table.
"""

from __future__ import annotations

from geonews.activity.extract import EventExtractor
from geonews.activity.pipeline import COLUMNS, empty_events, events, failures

__all__ = ["COLUMNS", "EventExtractor", "empty_events", "events", "failures"]
