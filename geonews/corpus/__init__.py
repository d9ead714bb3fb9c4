"""Documents in: texts, folders, JSONL/CSV tables, RSS/Atom feeds and URLs.

* :mod:`~geonews.corpus.read` - :func:`read` and :class:`Document`;
* :mod:`~geonews.corpus.telegram` - Telegram Desktop exports (``result.json``).
"""

from __future__ import annotations

from geonews.corpus.read import Document, documents, read

__all__ = ["Document", "documents", "read"]
