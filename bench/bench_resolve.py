"""Resolver benchmark: cold start, warm lookups per second, one-time index build.

Run from the project root (the gazetteer index must already be built for the cold-start
figures; run any ``geonews resolve`` once first)::

    python bench/bench_resolve.py            # everything (the build takes about a minute)
    python bench/bench_resolve.py --no-build # skip the index build
    python bench/bench_resolve.py --warm-only --runs 5  # only the warm look-ups

Cold start: ``python -c "import geonews; geonews.resolve('Krasnoarmeysk')"`` in fresh
processes, wall time and peak RSS (``os.wait4`` rusage of each child), median of 5, side by
side with ``python -c "pass"``.  Warm: ``resolve`` calls per second in this process (one
thread), per wall second and per CPU second of the process, on a mixed list of names (news
toponyms from ``../shared/data/geoparse`` when present, this project's spelling list,
Ukrainian, Russian, Belarusian and Polish settlement names): once with repeated names (the
LRU cache answers) and once with every name distinct (each call does the full look-up).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared" / "data" / "geoparse"
COLD = "import geonews; geonews.resolve('Krasnoarmeysk')"
BASELINE = "pass"


def _child(code: str) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one fresh ``python -c code``."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], env=env, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"{code!r} failed with exit code {proc.returncode}")
    return wall, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def cold_start(runs: int = 5) -> dict:
    _child(COLD)  # make sure the index exists and the files are in the page cache
    cold, base = [], []
    for _ in range(runs):  # interleaved, so both see the same machine state
        cold.append(_child(COLD))
        base.append(_child(BASELINE))
    return {
        "cold_wall_s": statistics.median(w for w, _ in cold),
        "cold_rss_mb": statistics.median(r for _, r in cold),
        "base_wall_s": statistics.median(w for w, _ in base),
        "base_rss_mb": statistics.median(r for _, r in base),
        "runs": runs,
    }


def _names() -> tuple[list[str], list[str]]:
    """(news-like names with repeats, in order; a large list of distinct names)."""
    news: list[str] = []
    for path in (SHARED / "GeoWebNews.jsonl", SHARED / "LGL.jsonl", SHARED / "GeoCorpora.jsonl"):
        if path.is_file():
            with path.open(encoding="utf-8") as f:
                for line in f:
                    doc = json.loads(line)
                    news += [t["name"] for t in doc["toponyms"] if t.get("name")]
    with (ROOT / "tests" / "data" / "spellings.csv").open(encoding="utf-8") as f:
        spellings = [r["spelling"] for r in csv.DictReader(f)]
    from geonews.places.gazetteer import default_gazetteer

    gz = default_gazetteer()
    settlements = [p.name for cc in ("UA", "RU", "BY", "PL") for p in gz.settlements(cc)]
    mixed = [n for n in news if _valid(n)] + spellings * 20
    distinct = list(dict.fromkeys(n.strip() for n in news + spellings + settlements if _valid(n)))
    random.Random(0).shuffle(distinct)
    return mixed, distinct


def _valid(name: str) -> bool:
    """News toponyms include a few strings that are not names (only punctuation...)."""
    from geonews.places.names import check_name, key

    try:
        return bool(key(check_name(name)))
    except ValueError:
        return False


def _rate(resolver, names: list[str]) -> tuple[float, float]:
    """Calls per wall second and per CPU second (this process) over ``names``."""
    get = resolver.get
    t0, c0 = time.perf_counter(), time.process_time()
    for n in names:
        get(n)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    return len(names) / wall, len(names) / cpu


def _summary(rates: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    """(median per wall s, best per wall s, median per CPU s, best per CPU s) of several runs.

    On a shared box the best run is the least disturbed one (as ``timeit`` reports).
    """
    walls, cpus = [r[0] for r in rates], [r[1] for r in rates]
    return statistics.median(walls), max(walls), statistics.median(cpus), max(cpus)


def warm(runs: int = 7) -> dict:
    # one thread: every call runs on one core at a time; not pinned, because on a shared
    # box a pinned core is often busy with other processes (see the per-CPU-second column)
    from geonews.places import fuzzy as _fuzzy
    from geonews.places import names as _names_module
    from geonews.places.gazetteer import Gazetteer
    from geonews.places.resolver import Resolver

    mixed, distinct = _names()
    r = Resolver()
    r.get("Kyiv")  # open the index
    repeated = (mixed * (200_000 // len(mixed) + 1))[:200_000]
    _rate(r, repeated)  # fill the caches
    rep = _summary([_rate(r, repeated) for _ in range(runs)])

    def fresh(gazetteer) -> Resolver:
        _names_module.key.cache_clear()  # no name key computed before
        _names_module.skeleton.cache_clear()
        _fuzzy.sound_key.cache_clear()  # nor the spelling step's sound key
        res = Resolver(gazetteer)  # empty LRU cache of rankings
        res.get("Kyiv")
        return res

    # place rows cached by the gazetteer (a long-running process), everything else fresh
    dist = _summary([_rate(fresh(r.gazetteer), distinct) for _ in range(runs)])
    # nothing cached at all: a new gazetteer object (its page cache and rows empty)
    cold = _summary([_rate(fresh(Gazetteer(r.gazetteer.path)), distinct) for _ in range(runs)])
    return {
        "repeated": rep,
        "repeated_calls": len(repeated),
        "repeated_unique": len(set(mixed)),
        "distinct": dist,
        "distinct_cold": cold,
        "distinct_names": len(distinct),
        "news_names": len(mixed),
    }


def build() -> dict:
    code = (
        "import sys; from pathlib import Path; from geonews.places import index as _index; "
        "_index.build(Path(sys.argv[1]))"
    )
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "gazetteer.sqlite"
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", code, str(target)], env=env, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        if os.waitstatus_to_exitcode(status):
            raise SystemExit("index build failed")
        size = target.stat().st_size
    return {"build_wall_s": wall, "build_rss_mb": usage.ru_maxrss / 1024, "index_mb": size / 1e6}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="skip the index build timing")
    parser.add_argument(
        "--warm-only", action="store_true", help="only the warm look-ups (no cold start, no build)"
    )
    parser.add_argument("--runs", type=int, default=7, help="runs of each warm list (default 7)")
    args = parser.parse_args()
    print(f"# {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"# {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print(f"# load average (1 min) before the run: {os.getloadavg()[0]:.2f}")
    if not args.warm_only:
        c = cold_start()
        print(f"cold start ({c['runs']} fresh processes, median)  geonews        python -c pass")
        print(
            f"  wall time                               {c['cold_wall_s']:.3f} s        "
            f"{c['base_wall_s']:.3f} s   (budget 0.5 s)"
        )
        print(
            f"  peak RSS                                {c['cold_rss_mb']:.1f} MB       "
            f"{c['base_rss_mb']:.1f} MB   (budget 250 MB)"
        )
    w = warm(args.runs)
    print(
        f"warm resolve, one thread, {args.runs} runs (mixed list of {w['news_names']:,} names, "
        f"{w['repeated_unique']:,} distinct)"
    )
    head = ("median", "best", "median CPU", "best CPU")
    print(f"  {'calls per second':56s} " + " ".join(f"{h:>10s}" for h in head))
    for label, k in [
        ("repeated names (LRU cache hits)", "repeated"),
        (f"all-distinct names ({w['distinct_names']:,}), place rows cached", "distinct"),
        (f"all-distinct names ({w['distinct_names']:,}), nothing cached", "distinct_cold"),
    ]:
        print(f"  {label:56s} " + " ".join(f"{v:>10,.0f}" for v in w[k]))
    print(f"# load average (1 min) after the run: {os.getloadavg()[0]:.2f}")
    if not args.no_build and not args.warm_only:
        b = build()
        print(
            f"index build (once)                        {b['build_wall_s']:.1f} s, "
            f"peak RSS {b['build_rss_mb']:.0f} MB, index {b['index_mb']:.1f} MB"
        )


if __name__ == "__main__":
    main()
