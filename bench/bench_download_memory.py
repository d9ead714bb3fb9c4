"""Peak memory of a capped download: a body larger than the cap, from 127.0.0.1.

Issue 13 item 4: a 200 MB feed body peaked at 1.26 GB RSS before downloads were capped;
the target is a peak RSS of at most twice the cap.  A local server (its own process, so
its memory is not counted) sends 200 MB; each case runs :func:`geonews.fetch.fetch` with
the default cap (:data:`geonews.fetch.MAX_BYTES`, 50 MiB) in a fresh subprocess and
reads its ``ru_maxrss``; the table gives the median of the runs.

* ``chunked``: no ``Content-Length``, so the cap has to stop the stream;
* ``length``: a ``Content-Length`` of 200 MB, refused before the body is read;
* ``under``: a body 1 MiB under the cap, read in full (the bytes returned).

    python bench/bench_download_memory.py            # 3 runs each
    python bench/bench_download_memory.py --repeat 1 --size-mb 500
"""

from __future__ import annotations

import argparse
import http.server
import json
import os
import platform
import resource
import socketserver
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_CHUNK = b"\0" * 2**16


def _serve(size: int) -> None:
    """Serve ``/chunked``, ``/length`` and ``/under`` on 127.0.0.1; print the port."""
    sys.path.insert(0, str(ROOT))
    from geonews.fetch import MAX_BYTES

    sizes = {"/chunked": size, "/length": size, "/under": MAX_BYTES - 2**20}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            left = sizes.get(self.path)
            if left is None:
                self.send_error(404)
                return
            self.send_response(200)
            if self.path != "/chunked":
                self.send_header("Content-Length", str(left))
            self.end_headers()
            try:
                while left > 0:
                    self.wfile.write(_CHUNK[: min(left, len(_CHUNK))])
                    left -= len(_CHUNK)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped at its cap, as it should

        def log_message(self, *args):
            pass

    class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
        daemon_threads = True

    server = Server(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


def _one(url: str) -> dict:
    sys.path.insert(0, str(ROOT))
    from geonews.errors import FetchError
    from geonews.fetch import MAX_BYTES, fetch

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    try:
        outcome = f"read {len(fetch(url)):,} bytes"
    except FetchError as err:
        outcome = "refused: " + str(err).split(": ", 1)[-1]
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {
        "cap_mb": MAX_BYTES / 2**20,
        "before_mb": before,
        "peak_mb": peak,
        "seconds": seconds,
        "outcome": outcome,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=float, default=200.0, help="body the server sends")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--serve", type=int, help=argparse.SUPPRESS)  # size (server process)
    ap.add_argument("--one", help=argparse.SUPPRESS)  # url (client process)
    args = ap.parse_args(argv)
    if args.serve is not None:
        _serve(args.serve)
        return 0
    if args.one:
        print(json.dumps(_one(args.one)))
        return 0
    size = int(args.size_mb * 2**20)
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", str(size)], stdout=subprocess.PIPE, text=True
    )
    try:
        port = int(server.stdout.readline())
        print(
            f"capped downloads from 127.0.0.1 ({args.size_mb:g} MiB sent), "
            f"{time.strftime('%Y-%m-%d %H:%M')}, Python {platform.python_version()}, "
            f"{os.cpu_count()} CPUs; median of {args.repeat} fresh processes\n"
        )
        print("| case | cap MiB | RSS before MiB | peak RSS MiB | peak / cap | seconds | result |")
        print("|---|---:|---:|---:|---:|---:|---|")
        for case in ("chunked", "length", "under"):
            runs = []
            for _ in range(args.repeat):
                cmd = [sys.executable, __file__, "--one", f"http://127.0.0.1:{port}/{case}"]
                out = subprocess.run(cmd, capture_output=True, text=True, check=True, timeout=300)
                runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
            peak = statistics.median(r["peak_mb"] for r in runs)
            cap = runs[0]["cap_mb"]
            print(
                f"| {case} | {cap:g} | {statistics.median(r['before_mb'] for r in runs):.0f} | "
                f"{peak:.0f} | {peak / cap:.2f} | "
                f"{statistics.median(r['seconds'] for r in runs):.2f} | "
                f"{runs[-1]['outcome'][:70]} |",
                flush=True,
            )
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
