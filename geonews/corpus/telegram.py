"""Telegram Desktop chat exports (``result.json``) as documents: :func:`read_telegram`.

Telegram Desktop's *Export chat history* (format "Machine-readable JSON") writes a
``result.json`` holding one chat - ``{"name", "type", "id", "messages": [...]}`` with
``type`` one of ``public_channel``, ``private_channel``, ``public_supergroup``,
``private_supergroup``, ``private_group``, ``personal_chat``, ``bot_chat``,
``saved_messages`` - and *Export Telegram data* writes the same chats under
``chats.list`` (and ``left_chats.list``).  Each message has ``id``, ``type``
(``message``, ``service`` or ``unsupported``), ``date`` (ISO 8601, local time) and
``text``: a string, or a list of strings and ``{"type", "text"}`` entities (bold,
links, hashtags...), which are joined.

A message becomes a :class:`~geonews.corpus.read.Document` with ``doc_id``
``telegram:<chat id>:<message id>``, the message date, the chat's name as ``source``,
and a ``https://t.me/<username>/<id>`` URL when you give the channel's public username:
exports do not carry it (the chat has only ``name``, ``type`` and ``id``), so
``url`` is ``None`` otherwise.  Service messages (joins, pins, title changes),
media-only posts (a photo or file without a caption) and empty messages are skipped and
counted in :attr:`TelegramExport.counts`, and one log line (the ``"geonews"`` logger,
WARNING, so it reaches stderr) says how many were skipped.  A message that is not an
object, or whose text or date cannot be read, becomes a document with ``error`` set,
reported in the events' failures table.
"""

from __future__ import annotations

import json
import logging
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from geonews.corpus.read import Document
from geonews.dates import parse_date
from geonews.errors import InvalidInput

__all__ = ["CHAT_TYPES", "TelegramExport", "is_export", "read_telegram"]

logger = logging.getLogger("geonews")

#: The chat types Telegram Desktop writes.
CHAT_TYPES = (
    "public_channel",
    "private_channel",
    "public_supergroup",
    "private_supergroup",
    "private_group",
    "personal_chat",
    "bot_chat",
    "saved_messages",
    "replies",
)
#: Keys of a message that carry media; such a message without text is media-only.
MEDIA_KEYS = (
    "photo",
    "file",
    "media_type",
    "sticker_emoji",
    "poll",
    "location_information",
    "contact_information",
    "game_information",
    "invoice_information",
    "live_location_period_seconds",
)
#: Bytes read to tell an export from other JSON.
_SNIFF = 65536
# the order Telegram Desktop writes a chat in: name (absent for saved messages), type, id
_CHAT_HEAD = re.compile(
    r'^\s*\{\s*(?:"name"\s*:\s*(?:"(?:[^"\\]|\\.)*"|null)\s*,\s*)?"type"\s*:\s*"(?:'
    + "|".join(CHAT_TYPES)
    + r')"\s*,\s*"id"\s*:\s*-?\d+\s*,\s*"messages"\s*:\s*\['
)
_ACCOUNT_HEAD = re.compile(r'^\s*\{\s*"about"\s*:\s*"[^"]*"\s*,\s*"personal_information"')
_USERNAME = re.compile(r"@?([A-Za-z][A-Za-z0-9_]{3,31})")


def is_export(path: str | Path) -> bool:
    """Tell whether a file looks like a Telegram Desktop JSON export (from its first 64 KiB).

    A chat export starts with ``{"name": ..., "type": <a chat type>, "id": ..., "messages":
    [``, in that order, as Telegram Desktop writes it; an account export with ``{"about":
    ..., "personal_information"``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "result.json").write_text(
    ...     '{"name": "Wire", "type": "public_channel", "id": 1, "messages": []}')
    >>> _ = (folder / "other.json").write_text('{"type": "public_channel", "messages": []}')
    >>> is_export(folder / "result.json"), is_export(folder / "other.json")
    (True, False)
    """
    try:
        with open(path, "rb") as handle:
            head = handle.read(_SNIFF).decode("utf-8", "ignore")
    except OSError:
        return False
    return bool(_CHAT_HEAD.search(head) or _ACCOUNT_HEAD.search(head))


class TelegramExport:
    """The messages of an export as documents, counting what was skipped.

    Iterate it for the documents; afterwards :attr:`counts` holds ``messages``,
    ``documents``, ``service``, ``media_only``, ``empty``, ``unsupported`` and ``failed``.

    Parameters
    ----------
    path : str or Path
        The ``result.json`` file.
    username : str, optional
        The channel's public username (``"kyivindependent_official"`` or with ``@``), for
        ``https://t.me/<username>/<id>`` URLs; exports do not carry it.
    """

    def __init__(self, path: str | Path, *, username: str | None = None):
        self.path = Path(path)
        self.username = _checked_username(username)
        self.counts: Counter[str] = Counter()

    def __iter__(self) -> Iterator[Document]:
        self.counts.clear()
        name = self.path.name
        try:
            root = json.loads(self.path.read_bytes())
        except (UnicodeDecodeError, ValueError) as err:
            self.counts["failed"] += 1
            yield Document(name, None, source=name, error=f"not a Telegram JSON export: {err}")
            return
        chats = _chats(root)
        if chats is None:
            self.counts["failed"] += 1
            yield Document(
                name, None, source=name,
                error="not a Telegram JSON export: no 'messages' list in a chat object",
            )  # fmt: skip
            return
        for chat in chats:
            yield from self._chat(chat)
        self._report()

    def _chat(self, chat: Mapping[str, Any]) -> Iterator[Document]:
        chat_id = chat.get("id", "")
        source = chat.get("name") if isinstance(chat.get("name"), str) else None
        source = source or f"Telegram chat {chat_id}"
        messages = chat.get("messages")
        if not isinstance(messages, list):
            self.counts["failed"] += 1
            yield Document(f"telegram:{chat_id}", None, source=source,
                           error=f"chat {chat_id!r}: 'messages' is not a list")  # fmt: skip
            return
        for number, message in enumerate(messages, start=1):
            self.counts["messages"] += 1
            doc = self._message(message, chat_id, number, source)
            if doc is not None:
                self.counts["documents" if doc.error is None else "failed"] += 1
                yield doc

    def _message(self, message: Any, chat_id: Any, number: int, source: str) -> Document | None:
        if not isinstance(message, Mapping):
            error: str | None = f"message {number} is not an object: {message!r}"[:200]
            return Document(f"telegram:{chat_id}:#{number}", None, source=source, error=error)
        kind = message.get("type", "message")
        if kind in ("service", "unsupported"):
            self.counts[kind] += 1
            return None
        message_id = message.get("id")
        doc_id = f"telegram:{chat_id}:{message_id if message_id is not None else '#' + str(number)}"
        try:
            text = flatten(message.get("text", ""))
        except InvalidInput as err:
            return Document(doc_id, None, source=source, error=str(err))
        if not text.strip():
            media = any(message.get(key) for key in MEDIA_KEYS)
            self.counts["media_only" if media else "empty"] += 1
            return None
        error = None
        try:
            date = parse_date(message.get("date"))
        except InvalidInput as err:
            date, error = None, f"message {message_id!r}: {err}"
        url = None
        if self.username and isinstance(message_id, int) and not isinstance(message_id, bool):
            url = f"https://t.me/{self.username}/{message_id}"
        return Document(
            doc_id, None if error else text, date=date, url=url, source=source, error=error
        )

    def _report(self) -> None:
        skipped = {k: self.counts[k] for k in ("service", "media_only", "empty", "unsupported")}
        if sum(skipped.values()):
            said = ", ".join(f"{n:,} {k.replace('_', '-')}" for k, n in skipped.items() if n)
            logger.warning(
                "%s: %s of %s messages skipped (%s); %s read",
                self.path.name,
                f"{sum(skipped.values()):,}",
                f"{self.counts['messages']:,}",
                said,
                f"{self.counts['documents']:,}",
            )


def _checked_username(username: str | None) -> str | None:
    if username is None:
        return None
    found = _USERNAME.fullmatch(username.strip()) if isinstance(username, str) else None
    if found is None:
        raise InvalidInput(
            f"not a Telegram username: {username!r} (5 to 32 letters, digits or '_')"
        )
    return found.group(1)


def _chats(root: Any) -> list[Mapping[str, Any]] | None:
    if not isinstance(root, Mapping):
        return None
    if "messages" in root:
        return [root]
    chats: list[Mapping[str, Any]] = []
    for section in ("chats", "left_chats"):
        listing = root.get(section)
        if isinstance(listing, Mapping) and isinstance(listing.get("list"), list):
            chats.extend(c for c in listing["list"] if isinstance(c, Mapping))
    return chats or None


def flatten(text: Any) -> str:
    """Join a message's ``text``: a string, or a list of strings and ``{"text": ...}`` parts.

    Raises
    ------
    InvalidInput
        For anything else.

    Examples
    --------
    >>> flatten(["Drones hit ", {"type": "bold", "text": "Kyiv"}, " overnight ",
    ...          {"type": "hashtag", "text": "#Ukraine"}])
    'Drones hit Kyiv overnight #Ukraine'
    """
    if isinstance(text, str):
        return text
    if isinstance(text, list):
        parts = []
        for part in text:
            if isinstance(part, str):
                parts.append(part)
            elif isinstance(part, Mapping) and isinstance(part.get("text", ""), str):
                parts.append(part.get("text", ""))
            else:
                raise InvalidInput(f"text part is neither a string nor an entity: {part!r}"[:200])
        return "".join(parts)
    raise InvalidInput(f"message text is neither a string nor a list: {text!r}"[:200])


def read_telegram(path: str | Path, *, username: str | None = None) -> TelegramExport:
    """Read a Telegram Desktop JSON export as documents (see the module docstring).

    Parameters
    ----------
    path : str or Path
        ``result.json``.
    username : str, optional
        The channel's public username, for ``https://t.me/<username>/<id>`` URLs.

    Returns
    -------
    TelegramExport
        Iterable of :class:`~geonews.corpus.read.Document`; ``.counts`` after iterating.

    Raises
    ------
    InvalidInput
        When the file does not exist or ``username`` is not a Telegram username.

    Examples
    --------
    >>> import json, tempfile, pathlib
    >>> export = {"name": "Front news", "type": "public_channel", "id": 1500, "messages": [
    ...     {"id": 7, "type": "service", "date": "2025-12-01T09:00:00", "action": "pin_message"},
    ...     {"id": 8, "type": "message", "date": "2025-12-02T10:15:00", "text": [
    ...         "Drones hit ", {"type": "bold", "text": "Kyiv"}, " overnight."]},
    ...     {"id": 9, "type": "message", "date": "2025-12-02T10:16:00", "text": "",
    ...      "photo": "photos/photo_1.jpg"}]}
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "result.json"
    >>> _ = path.write_text(json.dumps(export))
    >>> messages = read_telegram(path, username="frontnews")
    >>> [(d.doc_id, d.text, d.url, str(d.date)) for d in messages]
    [('telegram:1500:8', 'Drones hit Kyiv overnight.', 'https://t.me/frontnews/8', '2025-12-02')]
    >>> dict(messages.counts)
    {'messages': 3, 'service': 1, 'documents': 1, 'media_only': 1}
    """
    if not Path(path).is_file():
        raise InvalidInput(f"no such file: {str(path)!r}")
    return TelegramExport(path, username=username)
