"""Online geocoding: requests sent on a first and a second run, and cache speed.

Corpus: 1,000 names. 900 are Ukrainian settlements from the packaged gazetteer (the
most populous, deduplicated by name): the offline step (alias table + gazetteer)
places them. 100 are hamlets it does not know ("Khutir 000"...): 90 are in the
place table of a local Nominatim-compatible server (tests/geocoders/nominatim_server.py on
127.0.0.1), 10 are not (negative answers). geopy's real ``Nominatim`` class talks
to that server.

Each run is a fresh Python process with a fresh ``Chain`` over the same on-disk
cache; the server counts the requests it receives. ``min_delay=0`` because the
server is local (Nominatim's public policy would be ``min_delay=1``).

Cache speed: ``GeocodeCache.get`` on a cache of 10,000 entries, 100,000 random hits
(and misses), median of 5 repeats, next to the baseline it replaces: a request to the
local server (loopback HTTP, no network latency at all).

    python bench/bench_geocoders.py
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from geopy.location import Location  # noqa: E402
from nominatim_server import NominatimServer, place  # noqa: E402

from geonews.geocoders import Chain, GeocodeCache, location_to_place  # noqa: E402

N_OFFLINE, N_ONLINE, N_MISSING = 900, 100, 10


def corpus() -> list[str]:
    from geonews.places.gazetteer import default_gazetteer

    seen, offline = set(), []
    for p in sorted(default_gazetteer().settlements("UA"), key=lambda p: -p.population):
        if p.name not in seen:
            seen.add(p.name)
            offline.append(p.name)
        if len(offline) == N_OFFLINE:
            break
    online = [f"Khutir {i:03d}" for i in range(N_ONLINE)]
    names = offline + online
    random.Random(7).shuffle(names)
    return names


def server_places() -> list[dict]:
    return [
        place(10_000 + i, f"Khutir {i:03d}", 46.5 + (i % 40) / 10, 30.0 + i / 12, "ua")
        for i in range(N_ONLINE - N_MISSING)
    ]


def run(port: int, cache: str) -> dict:
    """One run over the corpus in this process (called in a subprocess)."""
    from geopy.geocoders import Nominatim

    names = corpus()
    nominatim = Nominatim(domain=f"127.0.0.1:{port}", scheme="http", user_agent="geonews-bench")
    t0 = time.perf_counter()
    with Chain(nominatim, cache=cache, min_delay=0) as chain:
        results = list(chain.pipe(names))
        requests = chain.services[0].requests
    seconds = time.perf_counter() - t0
    status = {}
    for r in results:
        status[r.status] = status.get(r.status, 0) + 1
    return {
        "names": len(names),
        "status": status,
        "cached": sum(r.cached for r in results),  # placed or "no such place", from the cache
        "client_requests": requests,
        "seconds": seconds,
    }


def run_in_subprocess(port: int, cache: str) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--run", str(port), cache],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.splitlines()[-1])


def cache_speed(folder: Path, repeats: int = 5, n: int = 100_000) -> dict:
    cache = GeocodeCache(folder / "speed.sqlite")
    names = [f"Place {i:05d}" for i in range(10_000)]
    # values shaped like real answers: the full Nominatim row (address, bounding box) as raw
    places = [
        location_to_place(
            Location(row["display_name"], (float(row["lat"]), float(row["lon"])), row),
            service="nominatim",
        )
        for row in (
            place(i, name, 48 + i / 1e4, 37 + i / 1e4, "ua", "Donetsk Oblast")
            for i, name in enumerate(names)
        )
    ]
    for chunk in range(0, len(names), 1_000):
        cache.put_many(
            "nominatim",
            [(p.name, [p]) for p in places[chunk : chunk + 1_000]],
        )
    rng = random.Random(1)
    hits = [rng.choice(names) for _ in range(n)]
    misses = [f"Other {i}" for i in range(n)]

    def rate(queries):
        """Lookups per wall-clock second and per CPU second (the box may be shared)."""
        t0, c0 = time.perf_counter(), time.process_time()
        for q in queries:
            cache.get("nominatim", q)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        return len(queries) / wall, len(queries) / cpu

    hits_r = [rate(hits) for _ in range(repeats)]
    miss_r = [rate(misses) for _ in range(repeats)]
    cache.close()
    return {
        "entries": len(names),
        "hit_per_s": statistics.median(r[0] for r in hits_r),
        "hit_per_cpu_s": statistics.median(r[1] for r in hits_r),
        "miss_per_s": statistics.median(r[0] for r in miss_r),
        "miss_per_cpu_s": statistics.median(r[1] for r in miss_r),
    }


def http_speed(server: NominatimServer, n: int = 300) -> float:
    """Baseline: geopy Nominatim requests per second against the loopback server."""
    from geopy.geocoders import Nominatim

    nominatim = Nominatim(domain=server.domain, scheme="http", user_agent="geonews-bench")
    t0 = time.perf_counter()
    for i in range(n):
        nominatim.geocode(f"Khutir {i % 90:03d}", addressdetails=True)
    return n / (time.perf_counter() - t0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run", nargs=2, metavar=("PORT", "CACHE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        print(json.dumps(run(int(args.run[0]), args.run[1])))
        return
    with tempfile.TemporaryDirectory() as tmp, NominatimServer(server_places()) as server:
        cache = str(Path(tmp) / "geocode.sqlite")
        first = run_in_subprocess(server.port, cache)
        after_first = server.count
        second = run_in_subprocess(server.port, cache)
        after_second = server.count
        speed = cache_speed(Path(tmp))
        baseline = http_speed(server)
    print(f"machine: {platform.node()} {platform.machine()}, Python {platform.python_version()}")
    print(f"date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print()
    head = "| run | names | offline | online | unresolved | answered by the cache | requests seen |"
    print(head + " seconds |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    runs = (("first", first, after_first), ("second", second, after_second - after_first))
    for label, res, seen in runs:
        st = res["status"]
        print(
            f"| {label} | {res['names']:,} | {st.get('offline', 0):,} | {st.get('online', 0):,} "
            f"| {st.get('unresolved', 0):,} | {res['cached']:,} | {seen:,} | {res['seconds']:.2f} |"
        )
    print()
    print("| operation | per second (median of 5) | per CPU second | vs loopback HTTP request |")
    print("|---|---:|---:|---:|")
    rows = (
        (
            f"`GeocodeCache.get`, hit ({speed['entries']:,} entries)",
            speed["hit_per_s"],
            f"{speed['hit_per_cpu_s']:,.0f}",
        ),
        ("`GeocodeCache.get`, miss", speed["miss_per_s"], f"{speed['miss_per_cpu_s']:,.0f}"),
        ("geopy `Nominatim.geocode` to 127.0.0.1 (baseline, 300 requests)", baseline, "n/a"),
    )
    for label, value, cpu in rows:
        print(f"| {label} | {value:,.0f} | {cpu} | {value / baseline:,.0f}x |")


if __name__ == "__main__":
    main()
