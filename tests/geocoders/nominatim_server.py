"""A real HTTP server on 127.0.0.1 that speaks enough of the Nominatim API for tests.

It answers ``/search`` (``q``, ``limit``, ``addressdetails``, ``format=json``) and
``/reverse`` (``lat``, ``lon``) from a small in-memory place table, records every
request it sees (monotonic time, path, query), and can be told to misbehave:

* ``"slow"``      — answer after ``delay`` seconds;
* ``"429"``       — HTTP 429 with a ``Retry-After`` header;
* ``"500"``       — HTTP 500;
* ``"malformed"`` — HTTP 200 with a body that is not JSON;
* ``"empty"``     — HTTP 200 with ``[]``;
* ``"drop"``      — close the connection without an answer.

``server.fail_next("429", times=1, retry_after=1)`` queues faults for the next
requests; ``server.mode = "500"`` makes every request fail until set back to ``None``.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

FAULTS = ("slow", "429", "500", "malformed", "empty", "drop")


def place(osm_id, name, lat, lon, country_code, state=None, kind="village"):
    """One row of the place table, shaped like a Nominatim ``format=json`` result."""
    country = {"ua": "Ukraine", "ru": "Russia", "us": "United States"}.get(country_code, "")
    return {
        "place_id": 1000 + osm_id,
        "osm_type": "node",
        "osm_id": osm_id,
        "lat": f"{lat:.7f}",
        "lon": f"{lon:.7f}",
        "class": "place",
        "type": kind,
        "addresstype": kind,
        "name": name,
        "display_name": ", ".join(x for x in (name, state, country) if x),
        "importance": 0.3,
        "address": {
            k: v
            for k, v in {
                kind: name,
                "state": state,
                "country": country,
                "country_code": country_code,
            }.items()
            if v
        },
        "boundingbox": [
            f"{lat - 0.01:.7f}",
            f"{lat + 0.01:.7f}",
            f"{lon - 0.01:.7f}",
            f"{lon + 0.01:.7f}",
        ],
    }


class NominatimServer:
    """Run the fake Nominatim in a thread; use as a context manager.

    Parameters
    ----------
    places : list of dict
        Rows made with :func:`place`.
    delay : float
        Seconds a ``"slow"`` answer takes.
    """

    def __init__(self, places, *, delay=2.0):
        self.places = list(places)
        self.delay = delay
        self.mode = None
        self.retry_after = 1
        self.requests = []  # (monotonic time, path, {param: value})
        self._faults = deque()
        self._lock = threading.Lock()
        self._httpd = None
        self._thread = None

    # -- control -------------------------------------------------------------------
    def fail_next(self, fault, *, times=1, retry_after=None):
        if fault not in FAULTS:
            raise ValueError(f"unknown fault {fault!r}; one of {FAULTS!r}")
        with self._lock:
            for _ in range(times):
                self._faults.append((fault, retry_after))

    @property
    def count(self):
        with self._lock:
            return len(self.requests)

    def queries(self):
        with self._lock:
            return [q.get("q") for _, path, q in self.requests if path == "/search"]

    @property
    def port(self):
        return self._httpd.server_address[1]

    @property
    def domain(self):
        return f"127.0.0.1:{self.port}"

    # -- lifecycle -----------------------------------------------------------------
    def start(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output quiet
                pass

            def do_GET(self):
                server._handle(self)

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._httpd.block_on_close = False
        self._httpd.handle_error = lambda request, address: None  # client went away
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self):
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(5)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    # -- answering -----------------------------------------------------------------
    def _next_fault(self):
        with self._lock:
            if self._faults:
                return self._faults.popleft()
            return (self.mode, self.retry_after)

    def _handle(self, handler):
        url = urlsplit(handler.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        with self._lock:
            self.requests.append((time.monotonic(), url.path, query))
        fault, retry_after = self._next_fault()
        if fault == "drop":
            handler.close_connection = True
            handler.connection.shutdown(socket.SHUT_RDWR)
            return
        if fault == "slow":
            time.sleep(self.delay)
        if fault == "429":
            retry_after = self.retry_after if retry_after is None else retry_after
            self._send(
                handler, 429, b'{"error": "rate limited"}', {"Retry-After": str(retry_after)}
            )
            return
        if fault == "500":
            self._send(handler, 500, b"Internal Server Error", content_type="text/plain")
            return
        if fault == "malformed":
            self._send(handler, 200, b'[{"place_id": 1, "lat": "48.1", "lon": ')
            return
        if fault == "empty":
            self._send(handler, 200, b"[]")
            return
        if url.path == "/search":
            body = self._search(query)
        elif url.path == "/reverse":
            body = self._reverse(query)
        else:
            self._send(handler, 404, b'{"error": "not found"}')
            return
        self._send(handler, 200, json.dumps(body).encode())

    def _strip(self, row, query):
        row = dict(row)
        if query.get("addressdetails") not in ("1", "true", "True"):
            row.pop("address", None)
        return row

    def _search(self, query):
        q = (query.get("q") or "").strip().casefold()
        hits = [row for row in self.places if row["name"].casefold() == q]
        limit = int(query.get("limit", 10))
        return [self._strip(row, query) for row in hits[:limit]]

    def _reverse(self, query):
        lat, lon = float(query["lat"]), float(query["lon"])
        if not self.places:
            return {"error": "Unable to geocode"}
        best = min(
            self.places, key=lambda r: (float(r["lat"]) - lat) ** 2 + (float(r["lon"]) - lon) ** 2
        )
        return self._strip(best, {"addressdetails": "1"})

    @staticmethod
    def _send(handler, status, body, headers=None, content_type="application/json"):
        handler.send_response(status)
        handler.send_header("Content-Type", f"{content_type}; charset=utf-8")
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)
