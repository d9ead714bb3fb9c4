"""Front line of a file of many tiny polygons: time and peak RSS, before and after.

Issue 13 item 4: ``front_line`` on 48,832 tiny polygons used 8.5 GB and died with
``GEOSException: std::bad_alloc``.  Each case here is random 0.0005-degree squares over
33-39E, 46.5-49.5N (what a careless export or a hostile file looks like), run in a fresh
subprocess so its ``ru_maxrss`` is its own; the table gives the median of the runs.

* ``before``: the old path, kept below (one ``union_all``, then ``buffer(100).buffer(-100)``
  of the whole MultiPolygon, then its boundary against Ukraine's inland);
* ``after``: :func:`geonews.frontline.front_line` (per-part union, simplification,
  per-part closing, size limits of :mod:`geonews.frontline.dissolve`).

A run that passes ``--limit`` seconds is stopped and shown as ``> limit``; the address
space of each run is capped (``--max-gb``) so a blow-up cannot take the machine down.

    python bench/bench_frontline_memory.py                      # 5k, 20k, 50k; 3 runs
    python bench/bench_frontline_memory.py --sizes 5000 --repeat 1 --paths after
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _squares(n: int, seed: int = 0):
    import geopandas as gpd
    import numpy as np
    import shapely

    from geonews.frontline.sources import load

    rng = np.random.default_rng(seed)
    x, y = rng.uniform(33, 39, n), rng.uniform(46.5, 49.5, n)
    frame = gpd.GeoDataFrame(
        {"status": ["occupied"] * n}, geometry=shapely.box(x, y, x + 0.0005, y + 0.0005), crs=4326
    )
    return load(frame, date="2025-01-01")


def _before(snapshot):
    """The front line as ``main`` drew it before the bounded path (c970fc8 .. 4cea237)."""
    import numpy as np
    import shapely

    from geonews.frontline.projection import project, ukraine_outline

    chosen = snapshot.geometry.values[snapshot["status"].isin(("occupied",)).to_numpy()]
    occupied = shapely.make_valid(shapely.union_all(project(np.asarray(chosen))))
    occupied = occupied.buffer(100, quad_segs=2).buffer(-100, quad_segs=2)
    inland = ukraine_outline().buffer(-10_000)
    line = shapely.line_merge(shapely.intersection(occupied.boundary, inland))
    parts = shapely.get_parts(line)
    return shapely.MultiLineString(list(parts[shapely.length(parts) >= 2000]))


def _one(path: str, n: int) -> dict:
    sys.path.insert(0, str(ROOT))
    from geonews.errors import DataError
    from geonews.frontline import front_line

    snapshot = _squares(n)
    start = time.perf_counter()
    try:
        line = _before(snapshot) if path == "before" else front_line(snapshot)
        outcome = f"{len(line.geoms)} pieces"
    except DataError as err:
        outcome = f"refused: {err}"
    seconds = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"seconds": seconds, "rss_mb": rss, "outcome": outcome}


def _run(path: str, n: int, limit: float, max_gb: float) -> dict:
    def cap() -> None:
        size = int(max_gb * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (size, size))

    cmd = [sys.executable, __file__, "--one", path, str(n)]
    try:
        out = subprocess.run(
            cmd, capture_output=True, text=True, timeout=limit, preexec_fn=cap, check=False
        )
    except subprocess.TimeoutExpired:
        return {"timeout": True}
    if out.returncode:
        return {"error": (out.stderr.strip().splitlines() or ["?"])[-1][:120]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="5000,20000,50000")
    ap.add_argument("--paths", default="before,after")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--limit", type=float, default=300.0, help="seconds per run")
    ap.add_argument("--max-gb", type=float, default=8.0, help="address space per run")
    ap.add_argument("--one", nargs=2, help=argparse.SUPPRESS)  # path n (subprocess)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(_one(args.one[0], int(args.one[1]))))
        return 0
    print(
        f"front_line on n random 0.0005-degree squares, {time.strftime('%Y-%m-%d %H:%M')}, "
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs; median of "
        f"{args.repeat} fresh processes (limit {args.limit:g} s, {args.max_gb:g} GB)\n"
    )
    print("| polygons | path | seconds | peak RSS MB | result |")
    print("|---:|---|---:|---:|---|")
    for n in (int(s) for s in args.sizes.split(",")):
        for path in args.paths.split(","):
            runs = []
            for _ in range(args.repeat):
                run = _run(path, n, args.limit, args.max_gb)
                runs.append(run)
                if "seconds" not in run:  # a timeout or a crash: once is enough
                    break
            done = [r for r in runs if "seconds" in r]
            if len(done) < len(runs):
                bad = runs[-1]
                cell = f"> {args.limit:g}" if bad.get("timeout") else "crashed"
                note = "stopped" if bad.get("timeout") else bad["error"]
                print(f"| {n:,} | {path} | {cell} | | {note} |", flush=True)
                continue
            seconds = statistics.median(r["seconds"] for r in done)
            rss = statistics.median(r["rss_mb"] for r in done)
            print(
                f"| {n:,} | {path} | {seconds:.2f} | {rss:.0f} | {done[-1]['outcome'][:90]} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
