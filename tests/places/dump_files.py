"""A small GeoNames country dump in the exact export format, and a server that serves it.

:func:`dump_rows` gives a few hundred rows of the ``geoname`` table (19 tab-separated
columns): invented villages with Ukrainian and Russian alternate names, namesakes in
different oblasts, villages named like words ("Frontier", "Sokil", "Svitanok"), a raion,
a stream, a canal, a reservoir, a height, an airfield, a destroyed village, a church
(which geonews drops) and filler villages; one row carries the geonameid of a town the
embedded gazetteer has, with a new alternate name.  Nothing comes from GeoNames itself.

:class:`DumpServer` is a real HTTP server on 127.0.0.1 whose answers the test sets per
path: a body, a status, a delay, a ``Content-Length`` that lies.
"""

from __future__ import annotations

import contextlib
import io
import random
import threading
import time
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

#: Invented places: name, alternates, lat, lon, class, code, admin1 code, population.
PLACES = [
    ("Kalynopillia", "Калинопілля,Калинополье,Kalinopolye", 48.31, 37.41, "P", "PPL", "05", 410),
    ("Svitanok", "Світанок,Рассветное", 48.36, 37.52, "P", "PPL", "05", 120),
    ("Tykha Dolyna", "Тиха Долина,Tikhaya Dolina", 48.40, 37.33, "P", "PPL", "05", 90),
    ("Horikhove", "Горіхове,Orekhovoye", 48.25, 37.45, "P", "PPL", "05", 230),
    ("Horikhove", "Горіхове,Orekhovoye", 49.71, 36.95, "P", "PPL", "07", 310),
    ("Horikhove", "Горіхове,Orekhovoye", 47.42, 35.61, "P", "PPL", "26", 150),
    ("Frontier", "Фронтір", 48.05, 37.21, "P", "PPL", "05", 60),
    ("Sokil", "Сокіл,Sokol", 51.21, 31.80, "P", "PPL", "02", 140),
    ("Traktor", "Трактор", 47.71, 33.22, "P", "PPL", "08", 50),
    ("Stara Berizka", "Стара Берізка", 48.44, 37.61, "P", "PPLW", "05", 0),
    ("Kalynopilskyi Raion", "Калинопільський район", 48.30, 37.40, "A", "ADM2", "05", 0),
    ("Bilenka", "Біленька,Belenkaya", 48.33, 37.47, "H", "STM", "05", 0),
    ("Kalynopilskyi Kanal", "Калинопільський канал", 48.29, 37.38, "H", "CNL", "05", 0),
    ("Kalynopilske Vodoskhovyshche", "Kalynopillia Reservoir", 48.28, 37.43, "H", "RSV", "05", 0),
    ("Mohyla Vysoka", "Могила Висока", 48.35, 37.36, "T", "HLL", "05", 0),
    ("Kalynopillia Airfield", "", 48.32, 37.44, "S", "AIRF", "05", 0),
    ("Tserkva Pokrovy Kalynopillia", "", 48.31, 37.42, "S", "CH", "05", 0),
]
#: First geonameid of the invented rows (a range no real record uses).
FIRST_ID = 98_000_001
#: The embedded gazetteer's Pokrovsk (Donetsk oblast), given one more alternate name here.
KNOWN_ID, KNOWN_ALTERNATE = 704422, "Pokrovsk-Donetskyi"
#: Filler villages, so the dump has a few hundred rows.
FILLER = 300
_SYLLABLES = ("bor", "vyn", "dub", "zel", "kal", "lis", "myr", "nov", "pol", "ros", "sad", "ter")


def _row(gid, name, alts, lat, lon, fclass, fcode, admin1, pop) -> list[str]:
    ascii_name = name.encode("ascii", "ignore").decode()
    return [
        str(gid), name, ascii_name, alts, f"{lat:.5f}", f"{lon:.5f}", fclass, fcode, "UA", "",
        admin1, "", "", "", str(pop), "", "150", "Europe/Kyiv", "2024-05-01",
    ]  # fmt: skip


def dump_rows() -> list[list[str]]:
    """The rows of the test dump, sorted by geonameid as GeoNames sorts them."""
    rows = [_row(KNOWN_ID, "Pokrovsk", KNOWN_ALTERNATE, 48.28, 37.18, "P", "PPLA2", "05", 60127)]
    for n, place in enumerate(PLACES):
        rows.append(_row(FIRST_ID + n, *place))
    rng = random.Random(16)
    for n in range(FILLER):
        name = "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize() + "ivka"
        lat, lon = 46.5 + rng.random() * 4, 30 + rng.random() * 8
        rows.append(_row(FIRST_ID + 1000 + n, name, "", lat, lon, "P", "PPL", "05", 20))
    return sorted(rows, key=lambda r: int(r[0]))


def dump_text(rows: list[list[str]] | None = None) -> bytes:
    """The ``UA.txt`` table: one line per row, LF line ends, UTF-8."""
    return "".join("\t".join(r) + "\n" for r in rows or dump_rows()).encode("utf-8")


def dump_zip(text: bytes | None = None, member: str = "UA.txt") -> bytes:
    """``UA.zip`` as GeoNames packs it: the table and a readme."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        table = zipfile.ZipInfo(member, date_time=(2025, 12, 1, 6, 0, 0))
        table.compress_type = zipfile.ZIP_DEFLATED
        zf.writestr(table, dump_text() if text is None else text)
        zf.writestr("readme.txt", "A test dump in the GeoNames format.\n")
    return buf.getvalue()


class DumpServer:
    """A threaded HTTP server on 127.0.0.1; ``routes[path] = (status, body, delay, length)``.

    ``length`` is the ``Content-Length`` sent (None: the body's own).  Unknown paths get
    a 404 with an HTML page, as a web server gives.
    """

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, bytes, float, int | None]] = {}
        routes = self.routes

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                status, body, delay, length = routes.get(
                    self.path, (404, b"<html><body>404 Not Found</body></html>", 0.0, None)
                )
                time.sleep(delay)
                self.send_response(status)
                self.send_header("Content-Length", str(len(body) if length is None else length))
                self.end_headers()
                with contextlib.suppress(OSError):  # the client gave up first
                    self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_port}/"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
