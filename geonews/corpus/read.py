"""Documents: news text from files, folders, JSONL/CSV tables, RSS/Atom feeds and Telegram.

:func:`read` yields :class:`Document` objects lazily, so a corpus streams through
:func:`geonews.events` with flat memory.  A source that cannot be read in part (an
undecodable file in a folder, a table row without text) still yields a document,
with ``error`` set and no text, so that the failure is reported in the events'
failures table instead of vanishing.
"""

from __future__ import annotations

import csv
import html.parser
import io
import json
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import feedparser

from geonews.dates import article_date, parse_date
from geonews.errors import DataError, InvalidInput

__all__ = ["SUFFIXES", "Document", "documents", "read", "source_files"]

#: File suffix (lower case) -> the format :func:`read` reads it as; a folder is read for
#: the files with one of these suffixes.
SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
_TIMEOUT = 30.0


@dataclass(frozen=True, slots=True)
class Document:
    """One news document.

    Parameters
    ----------
    doc_id : str
        Identifier, unique within a corpus (file name, feed entry id, row number).
    text : str or None
        Plain text; ``None`` when the document could not be read (see ``error``).
    date : datetime.date or None
        Publication date (anchors "on Tuesday", "last month").
    url, source, title : str or None
        Where it came from.
    error : str or None
        Why the document could not be read, if it could not.

    Examples
    --------
    >>> Document("a1", "Shelling hit Kherson.").title is None
    True
    """

    doc_id: str
    text: str | None
    date: Any = None
    url: str | None = None
    source: str | None = None
    title: str | None = None
    error: str | None = None


def documents(
    obj: Any,
    *,
    date: object = None,
    source: str | None = None,
    url: str | None = None,
) -> Iterator[Document]:
    """Coerce a text, a Document, a dict or an iterable of them into Documents, lazily.

    Documents without a date get ``date`` or, failing that, the date in their
    dateline (:func:`geonews.dates.article_date`).

    Parameters
    ----------
    obj : str, Document, Mapping or iterable of those
        What to read.
    date, source, url : optional
        Defaults for documents that lack them.

    Yields
    ------
    Document

    Examples
    --------
    >>> [d.doc_id for d in documents(["a", {"text": "b", "doc_id": "x"}])]
    ['0', 'x']
    >>> next(documents("KYIV, 2 December 2025 - Drones hit Kyiv.")).date
    datetime.date(2025, 12, 2)
    """
    default_date = parse_date(date)
    if isinstance(obj, (str, Document, Mapping)):
        obj = [obj]
    elif not isinstance(obj, Iterable):
        raise InvalidInput(f"expected text, a Document or an iterable of them, not {obj!r}")
    for i, item in enumerate(obj):
        if isinstance(item, str):
            doc = Document(str(i), item)
        elif isinstance(item, Document):
            doc = item
        elif isinstance(item, Mapping):
            doc = _from_mapping(item, str(i))
        else:
            doc = Document(str(i), None, error=f"not a document: {item!r}"[:200])
        yield _complete(doc, default_date, source, url)


def _from_mapping(item: Mapping[str, Any], doc_id: str) -> Document:
    text = item.get("text")
    error = None
    try:
        date = parse_date(item.get("date"))
    except InvalidInput as err:
        date, error = None, str(err)
    if not isinstance(text, str):
        error = error or f"no text: {text!r}"[:200]
        text = None
    return Document(
        str(item.get("doc_id", doc_id)),
        text,
        date=date,
        url=item.get("url") or None,
        source=item.get("source") or None,
        title=item.get("title") or None,
        error=error,
    )


def _complete(doc: Document, date: Any, source: str | None, url: str | None) -> Document:
    found = doc.date
    if found is not None and not hasattr(found, "year"):
        found = parse_date(found)
    if found is None:
        found = date
    if found is None and doc.text:
        found = article_date(doc.text)
    return Document(
        doc.doc_id,
        doc.text,
        date=found,
        url=doc.url or url,
        source=doc.source or source,
        title=doc.title,
        error=doc.error,
    )


def read(
    source: str | Path,
    *,
    text_column: str = "text",
    date_column: str = "date",
    url_column: str = "url",
    id_column: str | None = None,
    title_column: str = "title",
    format: str | None = None,
    encoding: str = "utf-8",
    timeout: float = _TIMEOUT,
) -> Iterator[Document]:
    r"""Read documents from a file, a folder, a table or a feed (lazily).

    Parameters
    ----------
    source : str or Path
        A plain-text file (``.txt``), a folder (every ``.txt``, ``.jsonl``, ``.csv``
        and feed file in it, sorted by name, recursively), a JSONL or CSV table with
        one document per row, an RSS/Atom feed file (``.rss``, ``.atom``, ``.xml``),
        a Telegram Desktop export (``result.json``, one document per message:
        :mod:`geonews.corpus.telegram`), or an ``http(s)://`` URL of a feed.
    text_column, date_column, url_column, title_column : str
        Column (key) names in JSONL/CSV tables.
    id_column : str, optional
        Column with document ids; by default ``<file name>:<row number>``.
    format : {"text", "jsonl", "csv", "feed", "telegram"}, optional
        Override the format guessed from the suffix.
    encoding : str
        Encoding of text files and tables.
    timeout : float
        Seconds to wait for a feed URL.

    Yields
    ------
    Document

    Raises
    ------
    InvalidInput
        When ``source`` does not exist or its format is unknown.
    DataError
        When a feed URL cannot be fetched or parsed.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> line = '{"text": "Drones hit Odesa.", "date": "2025-12-01"}\n'
    >>> _ = (folder / "a.jsonl").write_text(line)
    >>> [(d.doc_id, d.date.isoformat()) for d in read(folder)]
    [('a.jsonl:1', '2025-12-01')]
    """
    columns = {
        "text": text_column,
        "date": date_column,
        "url": url_column,
        "id": id_column,
        "title": title_column,
    }
    text = str(source)
    if text.startswith(("http://", "https://")):
        yield from _feed(_fetch(text, timeout), source_name=text, url=text)
        return
    in_folder = Path(source).is_dir()  # a folder's files are read by suffix, not `format`
    for file in source_files(source):
        yield from _read_file(file, columns, None if in_folder else format, encoding)


def source_files(path: str | Path) -> list[Path]:
    """Return the files :func:`read` reads for a path, in the order it reads them.

    Parameters
    ----------
    path : str or Path
        A file (read whatever its suffix), or a folder (walked recursively).

    Returns
    -------
    list of Path
        The file itself, or the folder's files with a suffix in :data:`SUFFIXES` (any
        case) and its Telegram Desktop exports (:mod:`geonews.corpus.telegram`), sorted
        by path.

    Raises
    ------
    InvalidInput
        When ``path`` does not exist.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ("b.TXT", "a.jsonl", "notes.bin", "sub/c.rss"):
    ...     (folder / name).parent.mkdir(exist_ok=True)
    ...     _ = (folder / name).write_text("")
    >>> [p.relative_to(folder).as_posix() for p in source_files(folder)]
    ['a.jsonl', 'b.TXT', 'sub/c.rss']
    >>> source_files(folder / "notes.bin") == [folder / "notes.bin"]
    True
    """
    found = Path(path)
    if not found.exists():
        raise InvalidInput(f"no such file or folder: {str(path)!r}")  # as the caller wrote it
    if not found.is_dir():
        return [found]
    return sorted(
        p
        for p in found.rglob("*")
        if p.is_file() and (p.suffix.lower() in SUFFIXES or _is_telegram(p))
    )


def _guess_format(path: Path, format: str | None) -> str | None:
    if format is not None:
        return format
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None and _is_telegram(path):
        return "telegram"
    return kind


def _is_telegram(path: Path) -> bool:
    """A ``.json`` file that is a Telegram Desktop export (``result.json``)."""
    if path.suffix.lower() != ".json":
        return False
    from geonews.corpus.telegram import is_export

    return is_export(path)


def _read_file(
    path: Path, columns: dict[str, str | None], format: str | None, encoding: str
) -> Iterator[Document]:
    kind = _guess_format(path, format)
    if kind not in ("text", "jsonl", "csv", "feed", "telegram"):
        raise InvalidInput(f"unknown format for {str(path)!r}: {kind!r}")
    if kind == "telegram":
        from geonews.corpus.telegram import read_telegram

        yield from read_telegram(path)
        return
    if kind == "feed":
        yield from _feed(path.read_bytes(), source_name=path.name, url=None)
        return
    try:
        with path.open(encoding=encoding, newline="") as handle:
            if kind == "text":
                yield Document(path.name, handle.read(), source=path.name)
            elif kind == "jsonl":
                yield from _jsonl(handle, path.name, columns)
            else:
                yield from _csv(handle, path.name, columns)
    except UnicodeDecodeError as err:
        yield Document(path.name, None, source=path.name, error=f"cannot decode: {err}")


def _jsonl(handle: io.TextIOBase, name: str, columns: dict[str, str | None]) -> Iterator[Document]:
    for number, line in enumerate(handle, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError(f"not an object: {record!r}"[:100])
        except ValueError as err:
            yield Document(f"{name}:{number}", None, source=name, error=f"bad JSON line: {err}")
            continue
        yield _row(record, name, number, columns)


def _csv(handle: io.TextIOBase, name: str, columns: dict[str, str | None]) -> Iterator[Document]:
    for number, record in enumerate(csv.DictReader(handle), start=1):
        yield _row(record, name, number, columns)


def _row(
    record: Mapping[str, Any], name: str, number: int, columns: dict[str, str | None]
) -> Document:
    id_column = columns["id"]
    doc_id = str(record.get(id_column)) if id_column else f"{name}:{number}"
    return _from_mapping(
        {
            "doc_id": doc_id,
            "text": record.get(columns["text"]),
            "date": record.get(columns["date"]),
            "url": record.get(columns["url"]),
            "title": record.get(columns["title"]),
            "source": name,
        },
        doc_id,
    )


def _fetch(url: str, timeout: float) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "geonews feed reader"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read()
    except (urllib.error.URLError, TimeoutError, OSError) as err:
        raise DataError(f"cannot fetch feed {url!r}: {err}") from err


def _feed(data: bytes, *, source_name: str, url: str | None) -> Iterator[Document]:
    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        raise DataError(f"cannot parse feed {source_name!r}: {parsed.bozo_exception}")
    source = parsed.feed.get("title") or source_name
    for number, entry in enumerate(parsed.entries, start=1):
        parts = [entry.get("title", "")]
        content = entry.get("content")
        body = content[0].get("value", "") if content else entry.get("summary", "")
        parts.append(_strip_tags(body))
        text = ".\n\n".join(p.strip().rstrip(".") for p in parts if p and p.strip()) + "."
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        yield Document(
            str(entry.get("id") or entry.get("link") or f"{source_name}:{number}"),
            text,
            date=parse_date(stamp),
            url=entry.get("link") or url,
            source=source,
            title=entry.get("title"),
        )


class _TextOnly(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("p", "br", "div", "li"):
            self.parts.append("\n")


def _strip_tags(markup: str) -> str:
    parser = _TextOnly()
    parser.feed(markup)
    parser.close()
    return " ".join("".join(parser.parts).split())
