"""Hostile HTTP servers on 127.0.0.1 for the network-rule tests (bounded, never external)."""

from __future__ import annotations

import contextlib
import http.server
import socketserver
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Handler = Callable[[http.server.BaseHTTPRequestHandler], None]


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


@contextmanager
def serve(routes: dict[str, Handler]) -> Iterator[str]:
    """Serve ``routes`` (path -> handler) on a free port; yield the base URL.

    ``hits`` on the yielded URL's server counts requests per path.
    """

    class H(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            server.hits.append(self.path)
            handler = routes.get(self.path.split("?")[0])
            if handler is None:
                self.send_error(404)
            else:
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    handler(self)  # the client may give up, as it should

        def log_message(self, *args):
            pass

    server = _Server(("127.0.0.1", 0), H)
    server.hits = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", server
    finally:
        server.shutdown()
        server.server_close()


def body(data: bytes, *, content_type: str = "text/plain", length: bool = True) -> Handler:
    def handle(h):
        h.send_response(200)
        h.send_header("Content-Type", content_type)
        if length:
            h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        h.wfile.write(data)

    return handle


def redirect(location: str, code: int = 302) -> Handler:
    def handle(h):
        h.send_response(code)
        h.send_header("Location", location)
        h.send_header("Content-Length", "0")
        h.end_headers()

    return handle


def slow_headers(delay: float, *, limit: int = 60) -> Handler:
    """Send the status line and headers one byte every ``delay`` seconds (slow loris)."""

    def handle(h):
        raw = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Padding: " + b"a" * limit
        for byte in raw:
            h.wfile.write(bytes([byte]))
            h.wfile.flush()
            time.sleep(delay)

    return handle


def slow_body(delay: float, *, limit: int = 60) -> Handler:
    """Headers at once, then the body one byte every ``delay`` seconds."""

    def handle(h):
        h.send_response(200)
        h.send_header("Content-Length", str(limit))
        h.end_headers()
        for _ in range(limit):
            h.wfile.write(b"x")
            h.wfile.flush()
            time.sleep(delay)

    return handle


def endless(*, chunk: int = 1 << 16, limit: int = 1 << 30) -> Handler:
    """A body without Content-Length that goes on (up to ``limit`` bytes)."""

    def handle(h):
        h.send_response(200)
        h.end_headers()
        block, sent = b"y" * chunk, 0
        while sent < limit:
            h.wfile.write(block)
            sent += chunk

    return handle
