"""Throughput and peak memory of geonews.events over 10,000 synthetic dispatches.

Each run happens in a fresh subprocess pinned to one core; the child generates the
corpus (seeded), streams it through ``geonews.events`` end to end into a GeoDataFrame
(real geoparser, gazetteer shapes, corpus dedupe on) and reports wall time and its
peak RSS (``resource.getrusage``), with wall-clock and CPU-time rates (the CPU rate is what one
core sustains when the machine is shared).  As a baseline, the same corpus goes through
``geoparse`` alone, so the cost events add on top of geoparsing is visible.

Usage::

    python bench/bench_events.py [--docs 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

UA_PLACES = [
    "Pokrovsk", "Myrnohrad", "Kostiantynivka", "Kramatorsk", "Sloviansk", "Bakhmut",
    "Chasiv Yar", "Toretsk", "Huliaipole", "Orikhiv", "Kupiansk", "Lyman", "Siversk",
    "Kharkiv", "Sumy", "Odesa", "Dnipro", "Zaporizhzhia", "Kherson", "Kyiv", "Lviv",
    "Kryvyi Rih", "Izium", "Vovchansk", "Avdiivka", "Vuhledar", "Kurakhove", "Selydove",
]  # fmt: skip
RUSSIAN_NAMES = ["Krasnoarmeysk", "Artemovsk", "Dzerzhinsk", "Konstantinovka"]
REGIONS = ["Donetsk", "Zaporizhzhia", "Kharkiv", "Dnipropetrovsk", "Sumy", "Kherson"]
VENUES = ["Geneva", "Abu Dhabi", "Istanbul", "Riyadh", "Moscow", "Paris", "Berlin", "Warsaw"]
CLAIMANTS = [
    "Russia's defence ministry said", "Ukraine's General Staff said", "the regional governor said",
    "analysts said", "Ukraine's air force said", "the Kremlin said", "officials said",
]  # fmt: skip
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "overnight", "yesterday", "last week", ""]
SENTENCES = [
    "Russian forces shelled {p} {d}, {c}.",
    "Fighting raged on in {p}, which Moscow calls {r}.",
    "{C} its forces had captured {p} {d}.",
    "Ukraine's military said clashes were continuing near {p} despite Russian claims that "
    "the town had fallen.",
    "A Russian drone struck an apartment block in {p}, killing {n} people, {c}.",
    "Russia launched {N} missiles and drones at Ukrainian targets {d}, {c}.",
    "Envoys will meet in {v} {d} for talks on a plan to end the war.",
    "Negotiators held talks in {v} {d}, {c}.",
    "Moscow threatened to seize the rest of the {g} region if Kyiv did not withdraw.",
    "Russian troops advanced near {p} in the {g} region, analysts said.",
    "The claim could not be independently verified.",
    "Residents of {p} protested against the shelling {d}.",
    "Ukrainian President Volodymyr Zelenskiy visited {p} {d} and met soldiers.",
    "Ukraine's military denied that Russian forces had reached {p}.",
    "Power was cut across the {g} region after strikes on energy infrastructure {d}.",
]


def dispatches(count: int, seed: int = 7):
    """Yield ``count`` synthetic dispatches as dicts (text, date, url), deterministically."""
    return synthetic(count, seed=seed, sentences=(6, 12), doc_id="syn{:05d}", dateline=True)


def synthetic(count: int, *, seed: int, sentences: tuple[int, int], doc_id: str, dateline: bool):
    """Yield synthetic wire dispatches lazily; ``sentences`` is the (min, max) per text."""
    rng = random.Random(seed)
    for i in range(count):
        parts = []
        for _ in range(rng.randint(*sentences)):
            claimant = rng.choice(CLAIMANTS)
            parts.append(
                rng.choice(SENTENCES)
                .format(
                    p=rng.choice(UA_PLACES),
                    r=rng.choice(RUSSIAN_NAMES),
                    g=rng.choice(REGIONS),
                    v=rng.choice(VENUES),
                    d=rng.choice(DAYS),
                    c=claimant,
                    C=claimant.removesuffix(" said").capitalize() + " said",
                    n=rng.randint(1, 12),
                    N=f"{rng.randint(50, 6000):,}",
                )
                .replace("  ", " ")
                .replace(" ,", ",")
                .replace(" .", ".")
            )
        day = 1 + i % 28
        head = f"KYIV, Nov {day}, 2025 (Wire) - " if dateline else ""
        yield {
            "doc_id": doc_id.format(i),
            "text": head + " ".join(parts),
            "date": f"2025-11-{day:02d}",
            "url": f"https://wire.example/{i}",
            "source": "Synthetic Wire",
        }


def child(mode: str, count: int) -> dict:
    """One measured run (inside the subprocess)."""
    import resource

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    import geonews.activity
    from geonews.mentions.parser import geoparse

    geoparse("Warm-up: drones hit Kyiv.")  # load the gazetteer before timing
    chars = sum(len(d["text"]) for d in dispatches(count))
    before = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    if mode == "events":
        frame = geonews.activity.pipeline.events(dispatches(count), progress=False)
        rows, failed = len(frame), len(frame.attrs["failures"])
    else:
        rows = sum(len(geoparse(d["text"])) for d in dispatches(count))
        failed = 0
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    peak_kb = after.ru_maxrss
    return {
        "mode": mode,
        "docs": count,
        "seconds": seconds,
        "docs_per_s": count / seconds,
        "docs_per_cpu_s": count / cpu,
        "peak_rss_mb": peak_kb / 1024,
        "rows": rows,
        "failures": failed,
        "mean_chars": chars / count,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", choices=["events", "geoparse"])
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.docs)))
        return
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    results: dict[str, list[dict]] = {"events": [], "geoparse": []}
    for _ in range(args.runs):
        for mode in results:
            out = subprocess.run(
                [sys.executable, __file__, "--child", mode, "--docs", str(args.docs)],
                check=True,
                capture_output=True,
                text=True,
                env=env,
                cwd=ROOT,
            )
            results[mode].append(json.loads(out.stdout.strip().splitlines()[-1]))
    print(f"machine: {platform.node()} {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"docs: {args.docs}, runs: {args.runs} (medians; one core each)")
    for mode, runs in results.items():
        rate = statistics.median(r["docs_per_s"] for r in runs)
        cpu_rate = statistics.median(r["docs_per_cpu_s"] for r in runs)
        rss = statistics.median(r["peak_rss_mb"] for r in runs)
        print(
            f"{mode:9s} {rate:8.1f} docs/s wall  {cpu_rate:8.1f} docs/CPU-s  "
            f"peak RSS {rss:6.1f} MB  "
            f"rows {runs[0]['rows']}  failures {runs[0]['failures']}  "
            f"mean {runs[0]['mean_chars']:.0f} chars/doc  "
            "runs: " + ", ".join(f"{r['docs_per_s']:.0f}" for r in runs)
        )
    ratio = statistics.median(r["docs_per_s"] for r in results["events"]) / statistics.median(
        r["docs_per_s"] for r in results["geoparse"]
    )
    print(f"events / geoparse-only throughput ratio: {ratio:.2f}")


if __name__ == "__main__":
    main()
