"""Persistent on-disk cache of online geocoding answers (SQLite).

A second run over the same corpus must not send a single request, and several
processes (a Dask cluster, parallel notebook kernels) may share the cache while
each runs threads.  The cache is one SQLite file in WAL mode: readers never
block, writers queue behind a busy timeout instead of failing, and each thread
of each process gets its own connection.

Keys are ``(service, geonews.places.names.key(name), context)``: "Kostiantynivka",
"KOSTIANTYNIVKA" and "Костянтинівка" share one entry.  A value is the list of
places the service returned (best first); an empty list is a negative answer
("the service knows no such place"), kept for a shorter time.  Errors are never
cached.

The default location is ``<user cache dir>/geonews/geocode.sqlite``
(:mod:`platformdirs`); the ``GEONEWS_CACHE_DIR`` environment variable overrides
the folder.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from geonews.errors import DataError, InvalidInput
from geonews.places import Place
from geonews.places.names import key

__all__ = ["DAY", "GeocodeCache", "default_cache_path"]

#: Seconds in a day.
DAY = 86_400.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    service  TEXT NOT NULL,
    qkey     TEXT NOT NULL,
    context  TEXT NOT NULL,
    fields   TEXT NOT NULL,
    places   TEXT NOT NULL,
    raws     TEXT NOT NULL,
    stored   REAL NOT NULL,
    expires  REAL NOT NULL,
    PRIMARY KEY (service, qkey, context)
) WITHOUT ROWID
"""


_FIELDS = tuple(f.name for f in dataclasses.fields(Place) if f.name != "raw")


class _Raws:
    """The raw answers of one cache entry, as JSON text until someone reads one."""

    __slots__ = ("_data", "_text")

    def __init__(self, text: str):
        self._text = text
        self._data: list[dict[str, Any]] | None = None

    def __getitem__(self, index: int) -> dict[str, Any]:
        if self._data is None:
            self._data = json.loads(self._text)
        return self._data[index]


class _LazyRaw(Mapping[str, Any]):
    """One place's raw answer, decoded on first access.

    Most cache hits only need a place's name and point; decoding the full Nominatim
    row (address, bounding box...) would cost more than the rest of the lookup.
    """

    __slots__ = ("_index", "_raws")

    def __init__(self, raws: _Raws, index: int):
        self._raws = raws
        self._index = index

    def __getitem__(self, name: str) -> Any:
        return self._raws[self._index][name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._raws[self._index])

    def __len__(self) -> int:
        return len(self._raws[self._index])

    def __repr__(self) -> str:
        return repr(self._raws[self._index])


#: The field order of the stored rows; entries written by another version of Place
#: (other fields) are still read, field by field.
_FIELDS_TEXT = ",".join(_FIELDS)


def _encode(places: Sequence[Place]) -> tuple[str, str]:
    """Two JSON texts: one row of field values per place, and the raw answers."""
    rows = json.dumps([[getattr(p, f) for f in _FIELDS] for p in places], ensure_ascii=False)
    raws = json.dumps([dict(p.raw) for p in places], ensure_ascii=False)
    return rows, raws


def _decode(fields_text: str, rows_text: str, raws_text: str) -> list[Place]:
    raws = _Raws(raws_text)
    rows = json.loads(rows_text)
    if fields_text == _FIELDS_TEXT:
        # rows hold every field but raw (_FIELDS), which mypy cannot see
        return [Place(*row, raw=_LazyRaw(raws, i)) for i, row in enumerate(rows)]  # type: ignore[misc]
    fields, known = fields_text.split(","), set(_FIELDS)
    return [
        Place(
            **{f: v for f, v in zip(fields, row, strict=True) if f in known},
            raw=_LazyRaw(raws, i),
        )
        for i, row in enumerate(rows)
    ]


def default_cache_path() -> Path:
    """Where the cache lives unless told otherwise.

    Examples
    --------
    >>> default_cache_path().name
    'geocode.sqlite'
    """
    folder = os.environ.get("GEONEWS_CACHE_DIR")
    if folder:
        return Path(folder).expanduser() / "geocode.sqlite"
    import platformdirs

    return platformdirs.user_cache_path("geonews") / "geocode.sqlite"


class GeocodeCache:
    """SQLite cache of online answers, safe for many threads and processes.

    Parameters
    ----------
    path : str or os.PathLike, optional
        The SQLite file (created with its folder). Default: :func:`default_cache_path`.
    ttl : float
        Seconds a positive answer stays valid (default 90 days).
    negative_ttl : float
        Seconds a negative ("no such place") answer stays valid (default 1 day).
    busy_timeout : float
        Seconds a writer waits for another writer before giving up.
    clock : callable
        Wall clock (seconds since the epoch) the lifetimes count on (tests pass a fake).

    Examples
    --------
    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> cache = GeocodeCache(Path(folder) / "g.sqlite")
    >>> place = Place("Pokrovske", 47.98, 36.23, id="nominatim:node/1", source="nominatim")
    >>> cache.put("nominatim", "Pokrovske", [place])
    >>> cache.get("nominatim", "POKROVSKE") == [place]
    True
    >>> cache.get("nominatim", "Nowhere") is None  # a miss, not a negative answer
    True
    >>> cache.put("nominatim", "Nowhere", [])
    >>> cache.get("nominatim", "Nowhere")
    []
    >>> cache.close()
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        ttl: float = 90 * DAY,
        negative_ttl: float = 1 * DAY,
        busy_timeout: float = 60.0,
        clock: Callable[[], float] = time.time,
    ):
        if not (ttl > 0 and negative_ttl > 0):
            raise InvalidInput(f"cache lifetimes must be > 0 seconds: {ttl!r}, {negative_ttl!r}")
        self.path = Path(path).expanduser() if path is not None else default_cache_path()
        self.ttl = float(ttl)
        self.negative_ttl = float(negative_ttl)
        self.busy_timeout = float(busy_timeout)
        self._clock = clock
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []
        self._pid = os.getpid()

    # -- connections -------------------------------------------------------------
    def _connection(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is not None and self._pid == os.getpid():
            return conn
        if self._pid != os.getpid():  # forked: the parent's connections are not ours
            self._pid = os.getpid()
            self._connections = []
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(
                self.path,
                timeout=self.busy_timeout,
                isolation_level=None,  # autocommit; explicit BEGIN for batches
                check_same_thread=False,  # only this thread uses it; close() may run elsewhere
            )
            conn.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout * 1000)}")
            conn.execute("PRAGMA synchronous = NORMAL")
            self._setup(conn)
        except sqlite3.DatabaseError as err:
            raise DataError(f"cannot open the geocoding cache {str(self.path)!r}: {err}") from err
        self._local.conn = conn
        with self._lock:
            self._connections.append(conn)
        return conn

    def _setup(self, conn: sqlite3.Connection) -> None:
        """Switch to WAL and create the table, retrying while another process does it.

        SQLite does not wait on its busy handler when a fresh database changes its
        journal mode, so several processes opening a new cache at once would get
        "database is locked" without this loop.
        """
        deadline = time.monotonic() + self.busy_timeout
        delay = 0.005
        while True:
            try:
                if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                    conn.execute("PRAGMA journal_mode = WAL")
                conn.execute(_SCHEMA)
                return
            except sqlite3.OperationalError as err:
                if "locked" not in str(err) or time.monotonic() > deadline:
                    raise
                time.sleep(delay)
                delay = min(delay * 2, 0.2)

    def close(self) -> None:
        """Close every connection this object opened (it reopens on next use)."""
        with self._lock:
            conns, self._connections = self._connections, []
        for conn in conns:
            conn.close()
        self._local = threading.local()

    def __enter__(self) -> GeocodeCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading and writing -----------------------------------------------------
    def get(self, service: str, name: str, context: str = "") -> list[Place] | None:
        """Return the cached places (``[]`` = negative answer), or ``None`` on a miss."""
        row = (
            self._connection()
            .execute(
                "SELECT fields, places, raws, expires FROM answers"
                " WHERE service=? AND qkey=? AND context=?",
                (service, key(name), context),
            )
            .fetchone()
        )
        if row is None or row[3] < self._clock():
            return None
        return _decode(row[0], row[1], row[2])

    def put(
        self,
        service: str,
        name: str,
        places: Sequence[Place],
        *,
        context: str = "",
    ) -> None:
        """Store a service's answer (an empty sequence is a negative answer)."""
        self.put_many(service, [(name, places)], context=context)

    def put_many(
        self,
        service: str,
        answers: Sequence[tuple[str, Sequence[Place]]],
        *,
        context: str = "",
    ) -> None:
        """Store several answers in one transaction."""
        now = self._clock()
        rows = [
            (
                service,
                key(name),
                context,
                _FIELDS_TEXT,
                *_encode(places),
                now,
                now + (self.ttl if places else self.negative_ttl),
            )
            for name, places in answers
        ]
        conn = self._connection()
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.executemany("INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def purge(self) -> int:
        """Delete expired entries; return how many went."""
        cur = self._connection().execute("DELETE FROM answers WHERE expires < ?", (self._clock(),))
        return cur.rowcount

    def clear(self) -> None:
        """Delete every entry."""
        self._connection().execute("DELETE FROM answers")

    def __len__(self) -> int:
        return self._connection().execute("SELECT count(*) FROM answers").fetchone()[0]

    def __repr__(self) -> str:
        return f"GeocodeCache({str(self.path)!r})"
