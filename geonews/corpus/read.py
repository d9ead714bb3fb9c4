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
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import feedparser

from geonews.csvlimit import field_limit
from geonews.dates import article_date, in_range, parse_date
from geonews.errors import DataError, InvalidInput
from geonews.fetch import DEADLINE, TIMEOUT, fetch
from geonews.text import clean, has_undecodable

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
        url=_field(item.get("url")),
        source=_field(item.get("source")),
        title=_field(item.get("title")),
        error=error,
    )


def _field(value: Any) -> str | None:
    """A metadata field as text: a number or other value becomes its string, NaN None."""
    if value is None or value == "" or (isinstance(value, float) and value != value):
        return None
    return clean(value if isinstance(value, str) else str(value))


def _complete(doc: Document, date: Any, source: str | None, url: str | None) -> Document:
    """Fill in defaults, check the date and bring the text to one normal form.

    Nothing here raises: a document that cannot be completed comes back with
    ``error`` set, so a corpus still accounts for it.
    """
    error = doc.error
    text = doc.text
    if text is not None and not isinstance(text, str):
        error = error or f"text must be a str, not {type(text).__name__}"
        text = None
    found = doc.date
    try:
        if found is not None:
            found = in_range(found) if hasattr(found, "year") else parse_date(found)
    except InvalidInput as err:
        found, error = None, error or str(err)
    if found is None:
        found = date
    if found is None and text:
        found = article_date(text)
    return Document(
        str(doc.doc_id),
        None if text is None else clean(text),
        date=found,
        url=_field(doc.url) or url,
        source=_field(doc.source) or source,
        title=_field(doc.title),
        error=error,
    )


def read(
    source: str | Path,
    *,
    text_column: str = "text",
    date_column: str = "date",
    url_column: str = "url",
    id_column: str | None = None,
    title_column: str = "title",
    file_format: str | None = None,
    encoding: str = "utf-8",
    timeout: float = TIMEOUT,
    deadline: float = DEADLINE,
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
    file_format : {"text", "jsonl", "csv", "feed", "telegram"}, optional
        Override the format guessed from the suffix.
    encoding : str
        Encoding of text files and tables.
    timeout, deadline : float
        For a feed URL: seconds each socket operation, and the whole download, may
        take (:func:`geonews.fetch.fetch` also caps the size and checks redirects).

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
        yield from _feed(
            fetch(text, timeout=timeout, deadline=deadline), source_name=text, url=text
        )
        return
    in_folder = Path(source).is_dir()  # a folder's files are read by suffix, not `file_format`
    for file in source_files(source):
        yield from _read_file(file, columns, None if in_folder else file_format, encoding)


def source_files(path: str | os.PathLike[str]) -> list[Path]:
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


def _guess_format(path: Path, file_format: str | None) -> str | None:
    if file_format is not None:
        return file_format
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


#: Largest CSV field read: four times the longest text geonews parses (2,000,000
#: characters), so a long article is read and then refused by the parser with its reason.
_CSV_FIELD_LIMIT = 8_000_000


def _read_file(
    path: Path, columns: dict[str, str | None], file_format: str | None, encoding: str
) -> Iterator[Document]:
    """Every document of one file; whatever cannot be read becomes a failure, never lost."""
    kind = _guess_format(path, file_format)
    if kind not in ("text", "jsonl", "csv", "feed", "telegram"):
        raise InvalidInput(f"unknown format for {str(path)!r}: {kind!r}")
    given = encoding
    if encoding.lower().replace("_", "-") in ("utf-8", "utf8"):
        encoding = "utf-8-sig"  # a byte-order mark is not part of the first column's name
    try:
        if kind == "telegram":
            from geonews.corpus.telegram import read_telegram

            yield from read_telegram(path)
            return
        if kind == "feed":
            yield from _feed(path.read_bytes(), source_name=path.name, url=None)
            return
        with path.open(encoding=encoding, errors="surrogateescape", newline="") as handle:
            if kind == "text":
                text = handle.read()
                if has_undecodable(text):
                    yield _failed(path.name, path.name, f"cannot decode {path.name} as {given}")
                else:
                    yield Document(path.name, text, source=path.name)
            elif kind == "jsonl":
                yield from _jsonl(handle, path.name, columns)
            else:
                yield from _csv(handle, path.name, columns)
    except (DataError, OSError, LookupError) as err:  # unreadable file, bad feed, no codec
        yield _failed(path.name, path.name, str(err))


def _failed(doc_id: str, source: str, reason: str) -> Document:
    return Document(doc_id, None, source=source, error=reason[:500])


def _jsonl(handle: io.TextIOBase, name: str, columns: dict[str, str | None]) -> Iterator[Document]:
    for number, line in enumerate(handle, start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        if has_undecodable(line):
            yield _failed(where, name, f"cannot decode line {number} of {name}")
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError(f"not an object: {record!r}"[:100])
        except (ValueError, RecursionError) as err:
            yield _failed(where, name, f"bad JSON on line {number} of {name}: {err}")
            continue
        yield _row(record, name, number, columns)


def _csv(handle: io.TextIOBase, name: str, columns: dict[str, str | None]) -> Iterator[Document]:
    reader = csv.DictReader(handle, strict=True)  # a quote that never closes is an error
    try:
        with field_limit(_CSV_FIELD_LIMIT):  # only while this reader reads: it is global
            header = reader.fieldnames or []
    except csv.Error as err:
        yield _failed(name, name, f"cannot read the header of {name}: {err}")
        return
    if columns["text"] not in header:
        rows = sum(1 for _ in handle)
        yield _failed(
            name,
            name,
            f"{name} has no {columns['text']!r} column (columns: {header!r}); "
            f"its {rows:,} rows were not read",
        )
        return
    number = 0
    while True:
        try:
            with field_limit(_CSV_FIELD_LIMIT):
                record = next(reader)
        except StopIteration:
            return
        except csv.Error as err:  # e.g. a quote that never closes: the rest is one field
            yield _failed(
                f"{name}:{number + 1}",
                name,
                f"cannot read {name} from row {number + 1} (line {reader.line_num}): {err}",
            )
            return
        number += 1
        values = [v for v in record.values() if isinstance(v, str)]
        if any(has_undecodable(v) for v in values):
            yield _failed(f"{name}:{number}", name, f"cannot decode row {number} of {name}")
            continue
        yield _row(record, name, number, columns)


def _row(
    record: Mapping[str, Any], name: str, number: int, columns: dict[str, str | None]
) -> Document:
    id_column = columns["id"]
    doc_id = str(record.get(id_column)) if id_column else f"{name}:{number}"
    return _from_mapping(
        {
            "doc_id": doc_id,
            "text": record.get(columns["text"] or ""),
            "date": record.get(columns["date"] or ""),
            "url": record.get(columns["url"] or ""),
            "title": record.get(columns["title"] or ""),
            "source": name,
        },
        doc_id,
    )


def _feed(data: bytes, *, source_name: str, url: str | None) -> Iterator[Document]:
    """The entries of an RSS/Atom feed; a feed broken part-way also yields a failure."""
    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        raise DataError(f"cannot parse feed {source_name!r}: {parsed.bozo_exception}")
    if not parsed.version and not parsed.entries:  # well-formed XML, but no RSS or Atom
        raise DataError(f"{source_name!r} is not an RSS or Atom feed")
    source = parsed.feed.get("title") or source_name
    for number, entry in enumerate(parsed.entries, start=1):
        doc_id = str(entry.get("id") or entry.get("link") or f"{source_name}:{number}")
        parts = [entry.get("title", "")]
        content = entry.get("content")
        body = content[0].get("value", "") if content else entry.get("summary", "")
        parts.append(_strip_tags(body))
        parts = [p.strip().rstrip(".") for p in parts if p and p.strip()]
        if not parts:
            yield _failed(doc_id, source, f"entry {number} of {source_name} has no text")
            continue
        try:
            date = parse_date(entry.get("published_parsed") or entry.get("updated_parsed"))
        except InvalidInput as err:
            yield _failed(doc_id, source, f"entry {number} of {source_name}: {err}")
            continue
        yield Document(
            doc_id,
            ".\n\n".join(parts) + ".",
            date=date,
            url=entry.get("link") or url,
            source=source,
            title=entry.get("title"),
        )
    if parsed.bozo and _lost_entries(data, parsed):  # say that the rest was not read
        yield _failed(
            f"{source_name}:after-{len(parsed.entries)}",
            source,
            f"feed {source_name!r} is broken after entry {len(parsed.entries)}: "
            f"{parsed.bozo_exception}",
        )


#: An entry's start tag, RSS (``item``, ``rss:item``) or Atom (``entry``).
_ENTRY_TAG = re.compile(rb"<(?:[A-Za-z][\w.-]*:)?(?:item|entry)[\s/>]", re.IGNORECASE)

#: The root element: the first tag that is not the prolog, a DOCTYPE or a comment.
_ROOT_TAG = re.compile(rb"<([A-Za-z_][\w.:-]*)")


def _lost_entries(data: bytes, parsed: Any) -> bool:
    """Whether a feed feedparser flagged as ill-formed lost entries, not only its polish.

    Real feeds use HTML entities XML does not define (``&nbsp;``) or declare the wrong
    encoding; feedparser then reads every entry with its lenient parser and still sets
    ``bozo``.  Entries are lost when the document stops before its root element closes
    (a cut download, a truncated file) or has more entry tags than were read.
    """
    root = _ROOT_TAG.search(data)
    if root is None:
        return True
    closing = re.compile(rb"</" + re.escape(root.group(1)) + rb"\s*>\s*\Z", re.IGNORECASE)
    if closing.search(data[-256:]) is None:
        return True
    return len(_ENTRY_TAG.findall(data)) > len(parsed.entries)


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
