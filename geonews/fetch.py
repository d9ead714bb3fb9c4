"""Every network read geonews makes: a scheme rule, redirect rules, a size cap, a deadline.

Feeds, pages, front-line files and gazetteer dumps all come through :func:`fetch`:

* **scheme**: only ``http`` and ``https``, on the first request and on every redirect;
* **redirects**: at most ``max_redirects`` hops, each checked again; a hop may move
  to ``https`` or to another path of the same host and port, but to another host (or
  another port of the same host: an internal service) only when that host is allowed,
  by ``allow_hosts=`` or ``$GEONEWS_ALLOW_HOSTS`` (comma-separated ``host`` or
  ``host:port``);
* **size**: the body is streamed and the read stops at ``max_bytes`` (default
  :data:`MAX_BYTES`, or ``$GEONEWS_MAX_DOWNLOAD_MB``); a ``Content-Length`` above
  the cap is refused before anything is read;
* **time**: ``timeout`` bounds each socket operation and ``deadline`` the whole
  request, headers and redirects included: a server that sends one byte a second
  cannot hold a read open past it.

Failures raise :class:`~geonews.errors.FetchError` (a ``DataError``) naming the URL and the rule.
"""

from __future__ import annotations

import contextlib
import http.client
import io
import os
import shutil
import socket
import ssl
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, overload

from geonews.errors import FetchError, InvalidInput

__all__ = ["DEADLINE", "MAX_BYTES", "MAX_REDIRECTS", "TIMEOUT", "fetch"]

#: Largest body read into memory, in bytes (``$GEONEWS_MAX_DOWNLOAD_MB`` overrides it).
MAX_BYTES = 50 * 2**20
#: Seconds a whole request may take, redirects included.
DEADLINE = 120.0
#: Seconds each connect or read on the socket may take.
TIMEOUT = 30.0
#: Redirect hops followed before giving up.
MAX_REDIRECTS = 5

_SCHEMES = ("http", "https")
_CHUNK = 64 * 1024
_USER_AGENT = "geonews (+https://pypi.org/project/geonews/)"


@overload
def fetch(
    url: str,
    *,
    max_bytes: int | None = ...,
    deadline: float = ...,
    timeout: float = ...,
    max_redirects: int = ...,
    allow_hosts: Iterable[str] | None = ...,
    headers: dict[str, str] | None = ...,
    dest: None = ...,
    progress: Callable[[int, int | None], None] | None = ...,
    ssl_context: ssl.SSLContext | None = ...,
) -> bytes: ...


@overload
def fetch(
    url: str,
    *,
    max_bytes: int | None = ...,
    deadline: float = ...,
    timeout: float = ...,
    max_redirects: int = ...,
    allow_hosts: Iterable[str] | None = ...,
    headers: dict[str, str] | None = ...,
    dest: str | os.PathLike[str],
    progress: Callable[[int, int | None], None] | None = ...,
    ssl_context: ssl.SSLContext | None = ...,
) -> Path: ...


def fetch(
    url: str,
    *,
    max_bytes: int | None = None,
    deadline: float = DEADLINE,
    timeout: float = TIMEOUT,
    max_redirects: int = MAX_REDIRECTS,
    allow_hosts: Iterable[str] | None = None,
    headers: dict[str, str] | None = None,
    dest: str | os.PathLike[str] | None = None,
    progress: Callable[[int, int | None], None] | None = None,
    ssl_context: ssl.SSLContext | None = None,
) -> bytes | Path:
    """Read ``url`` under the rules of this module.

    Parameters
    ----------
    url : str
        An ``http://`` or ``https://`` URL.
    max_bytes : int, optional
        Size cap of the body; default :data:`MAX_BYTES` or ``$GEONEWS_MAX_DOWNLOAD_MB``.
    deadline : float
        Seconds the whole request may take.
    timeout : float
        Seconds each socket operation may take.
    max_redirects : int
        Redirect hops to follow.
    allow_hosts : iterable of str, optional
        Other hosts (``host`` or ``host:port``) a redirect may lead to, on top of
        ``$GEONEWS_ALLOW_HOSTS``.
    headers : dict, optional
        Extra request headers.
    dest : path-like, optional
        Write the body to this file (through a temporary file beside it, renamed
        when complete) instead of returning it.
    progress : callable, optional
        Called as ``progress(bytes_so_far, total_or_None)`` while reading.
    ssl_context : ssl.SSLContext, optional
        TLS settings for ``https`` (default: the system's trust store).

    Returns
    -------
    bytes or pathlib.Path
        The body, or ``dest`` when given.

    Raises
    ------
    InvalidInput
        When ``url`` is not an http(s) URL.
    FetchError
        (a :class:`~geonews.errors.DataError`) when the server cannot be reached,
        answers with an HTTP error (``status``, ``headers`` and ``body`` say which),
        breaks a rule (redirect, size, deadline: ``timed_out``), or the body is cut short.

    Examples
    --------
    >>> fetch("ftp://example.org/feed.xml")
    Traceback (most recent call last):
    ...
    geonews.errors.InvalidInput: only http(s) URLs can be read, not 'ftp://example.org/feed.xml'
    """
    if not isinstance(url, str) or urllib.parse.urlsplit(url).scheme.lower() not in _SCHEMES:
        raise InvalidInput(f"only http(s) URLs can be read, not {url!r}")
    cap = _cap(max_bytes)
    watch = _Watchdog(deadline)
    opener = urllib.request.build_opener(
        _Redirects(url, max_redirects, _allowed(allow_hosts)),
        _GuardedHTTP(watch),
        _GuardedHTTPS(watch, ssl_context),
    )
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT, **(headers or {})})
    try:
        with watch:
            response = opener.open(request, timeout=min(timeout, deadline))
            with response:
                return _read(response, url, cap, watch, dest, progress)
    except _Refused as err:
        raise FetchError(str(err), refused=True) from None
    except urllib.error.HTTPError as err:
        raise FetchError(
            f"cannot fetch {url!r}: HTTP {err.code} {err.reason}",
            status=err.code,
            headers={k.lower(): v for k, v in (err.headers or {}).items()},
            body=_error_body(err, watch),
        ) from err
    except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as err:
        if watch.expired:
            raise FetchError(
                f"cannot fetch {url!r}: no answer within {deadline:g} s", timed_out=True
            ) from err
        reason = getattr(err, "reason", err)
        timed_out = isinstance(reason, (TimeoutError, socket.timeout))
        raise FetchError(f"cannot fetch {url!r}: {reason}", timed_out=timed_out) from err


#: Bytes of an HTTP error answer kept for the caller (a service's message, a JSON error).
_ERROR_BODY = 64 * 1024


def _error_body(err: urllib.error.HTTPError, watch: _Watchdog) -> bytes:
    try:
        watch.check()
        return err.read(_ERROR_BODY) or b""
    except (OSError, ValueError, http.client.HTTPException):
        return b""
    finally:
        err.close()


def _cap(max_bytes: int | None) -> int:
    if max_bytes is not None:
        if max_bytes <= 0:
            raise InvalidInput(f"max_bytes must be positive, not {max_bytes!r}")
        return int(max_bytes)
    setting = os.environ.get("GEONEWS_MAX_DOWNLOAD_MB")
    if not setting:
        return MAX_BYTES
    try:
        megabytes = float(setting)
    except ValueError:
        raise InvalidInput(f"GEONEWS_MAX_DOWNLOAD_MB must be a number, not {setting!r}") from None
    if megabytes <= 0:
        raise InvalidInput(f"GEONEWS_MAX_DOWNLOAD_MB must be positive, not {setting!r}")
    return int(megabytes * 2**20)


def _allowed(extra: Iterable[str] | None) -> frozenset[str]:
    hosts = [h for h in os.environ.get("GEONEWS_ALLOW_HOSTS", "").split(",")]
    hosts += list(extra or ())
    return frozenset(h.strip().lower() for h in hosts if h and h.strip())


def _origin(url: str) -> tuple[str, str, int]:
    parts = urllib.parse.urlsplit(url)
    scheme = parts.scheme.lower()
    return scheme, (parts.hostname or "").lower(), parts.port or (443 if scheme == "https" else 80)


class _Refused(Exception):
    """A rule of this module said no (message names the URL and the rule)."""


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only when its target passes the scheme, host and hop rules."""

    def __init__(self, first: str, limit: int, allowed: frozenset[str]):
        super().__init__()
        self.first = first
        self.limit = limit
        self.hops = 0
        self.allowed = allowed

    def http_error_302(self, req, fp, code, msg, headers):
        location = headers.get("location") or headers.get("uri")
        if location:  # checked here: urllib would refuse some schemes with an HTTP error
            try:
                self._check(req.full_url, urllib.parse.urljoin(req.full_url, location))
            except _Refused:
                fp.close()
                raise
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    def _check(self, current: str, target: str) -> None:
        self.hops += 1
        if self.hops > self.limit:
            raise _Refused(f"cannot fetch {self.first!r}: more than {self.limit} redirects")
        scheme, host, port = _origin(target)
        if scheme not in _SCHEMES:
            raise _Refused(f"cannot fetch {self.first!r}: redirect to {target!r} (not http/https)")
        _, from_host, from_port = _origin(current)
        same = host == from_host and (port == from_port or (scheme, port) == ("https", 443))
        if not same and host not in self.allowed and f"{host}:{port}" not in self.allowed:
            raise _Refused(
                f"cannot fetch {self.first!r}: redirect to another host {host}:{port} "
                f"({target!r}); allow it with allow_hosts= or $GEONEWS_ALLOW_HOSTS"
            )


class _Watchdog:
    """Shut down the sockets of a request when its deadline passes (a blocked read ends)."""

    def __init__(self, deadline: float):
        if not deadline > 0:
            raise InvalidInput(f"deadline must be a positive number of seconds, not {deadline!r}")
        self.deadline = deadline
        # the sockets themselves: http.client drops a connection's socket once the
        # response owns it (HTTP/1.0, "Connection: close"), but the body still reads from it
        self.sockets: list[socket.socket] = []
        self.expired = False
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        self._end = 0.0

    def __enter__(self) -> _Watchdog:
        self._end = time.monotonic() + self.deadline
        self._timer = threading.Timer(self.deadline, self._expire)
        self._timer.daemon = True
        self._timer.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        if self._timer is not None:
            self._timer.cancel()
        with self._lock:  # the request is over: a failed one may leave its socket open
            sockets, self.sockets = self.sockets, []
        for sock in sockets:
            sock.close()

    def remaining(self) -> float:
        return self._end - time.monotonic()

    def check(self) -> None:
        if self.expired or self.remaining() <= 0:
            self.expired = True
            raise TimeoutError("deadline passed")

    def register(self, sock: socket.socket) -> None:
        with self._lock:
            self.sockets.append(sock)
        if self.expired:
            self._shutdown(sock)

    def _expire(self) -> None:
        self.expired = True
        with self._lock:
            sockets = list(self.sockets)
        for sock in sockets:
            self._shutdown(sock)

    @staticmethod
    def _shutdown(sock: socket.socket) -> None:
        with contextlib.suppress(OSError):  # already closed
            sock.shutdown(socket.SHUT_RDWR)


class _GuardedHTTP(urllib.request.HTTPHandler):
    def __init__(self, watch: _Watchdog):
        super().__init__()
        self.watch = watch

    def http_open(self, req):
        return self.do_open(self._connection(http.client.HTTPConnection), req)

    def _connection(self, cls: type) -> Callable[..., http.client.HTTPConnection]:
        def make(*args: Any, **kwargs: Any) -> http.client.HTTPConnection:
            self.watch.check()
            connection = cls(*args, **kwargs)
            connect = connection.connect

            def watched_connect() -> None:
                connect()
                self.watch.register(connection.sock)

            connection.connect = watched_connect
            return connection

        return make


class _GuardedHTTPS(urllib.request.HTTPSHandler):
    def __init__(self, watch: _Watchdog, context: ssl.SSLContext | None = None):
        super().__init__(context=context)
        self.watch = watch

    def https_open(self, req):
        make = _GuardedHTTP._connection(self, http.client.HTTPSConnection)
        return self.do_open(make, req, context=self._context)


def _read(
    response: Any,
    url: str,
    cap: int,
    watch: _Watchdog,
    dest: str | os.PathLike[str] | None,
    progress: Callable[[int, int | None], None] | None,
) -> bytes | Path:
    length = response.headers.get("Content-Length")
    total = int(length) if length and length.strip().isdigit() else None
    if total is not None and total > cap:
        raise _Refused(f"cannot fetch {url!r}: {total:,} bytes is over the {cap:,}-byte cap")
    sink: Any
    if dest is None:
        # BytesIO hands over its own buffer at the end; a list of chunks joined would hold
        # the body twice (2.5x the cap at peak for a body just under it, not 1.5x)
        buffer = io.BytesIO()
        sink = buffer.write
    else:
        target = Path(dest)
        target.parent.mkdir(parents=True, exist_ok=True)
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, renamed if complete
            dir=target.parent, prefix=f".{target.name}.", delete=False
        )
        sink = handle.write
    size = 0
    try:
        while True:
            watch.check()
            # read1: what has arrived, so a trickle cannot keep one read open
            chunk = response.read1(min(_CHUNK, cap + 1 - size))
            if not chunk:
                break
            size += len(chunk)
            if size > cap:
                raise _Refused(f"cannot fetch {url!r}: the body is over the {cap:,}-byte cap")
            sink(chunk)
            if progress is not None:
                progress(size, total)
        watch.check()  # a read the watchdog cut short is a timeout, not a short body
        if total is not None and size < total:
            raise FetchError(f"cannot fetch {url!r}: cut short at {size:,} of {total:,} bytes")
    except BaseException:
        if dest is not None:
            handle.close()
            Path(handle.name).unlink(missing_ok=True)
        raise
    if dest is None:
        return buffer.getvalue()
    handle.close()
    shutil.move(handle.name, target)
    return target
