"""Documents in: texts, folders, JSONL/CSV tables, RSS/Atom feeds and URLs.

* :mod:`~geonews.corpus.read` - :func:`read` and :class:`Document`; :func:`source_files`
  and :data:`SUFFIXES`, the files a path or folder is read from;
* :mod:`~geonews.corpus.telegram` - Telegram Desktop exports (``result.json``).
"""

from __future__ import annotations

from geonews.corpus.read import SUFFIXES, Document, documents, read, source_files

__all__ = ["SUFFIXES", "Document", "documents", "read", "source_files"]
