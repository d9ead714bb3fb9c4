"""Corpora beyond one process: flat memory when streaming, and throughput on Dask.

Two measurements, each run in fresh subprocesses:

``memory``
    Peak RSS (the child's ``ru_maxrss``) of ``geonews.events`` gathering one frame (with
    its cross-document dedupe, ``events``; without, ``frame``), and of
    ``geonews.events_to_parquet`` streaming chunks to GeoParquet, over 10k, 50k and 200k
    short synthetic dispatches produced by a generator (never a list).  The child also
    reports how full the package's bounded caches are at the end.

``throughput``
    The same corpus (JSONL files in a temporary folder) through one process
    (``events_to_parquet(geonews.read(folder), out)``) and through
    ``geonews.scale.dask.events(folder,
    output=out)`` on a ``LocalCluster`` with 1 and with 2 worker processes (one thread
    each).  Modes alternate run by run (side by side); medians of ``--runs``.  Cluster
    start-up and the workers' one-time gazetteer load are excluded (a warm-up call
    first), so the figures are steady-state documents per second.

Usage::

    python bench/bench_scale.py memory [--sizes 10000 50000 200000] [--modes frame write]
    python bench/bench_scale.py throughput [--docs 20000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from bench_events import synthetic  # noqa: E402  (the dispatch vocabulary is shared)


def short_dispatches(count: int, seed: int = 11):
    """Yield ``count`` short synthetic dispatches (1-4 sentences) as dicts, lazily."""
    return synthetic(count, seed=seed, sentences=(1, 4), doc_id="s{:07d}", dateline=False)


# -- memory -----------------------------------------------------------------------------
def _cache_fill() -> dict[str, str]:
    """How full the package's bounded caches are (entries / maxsize)."""
    from geonews.mentions import parser
    from geonews.places import names, resolver

    out = {}
    for label, fn in (("names.key", names.key), ("names.skeleton", names.skeleton)):
        info = fn.cache_info()
        out[label] = f"{info.currsize}/{info.maxsize}"
    geoparser = parser._default_parser()
    info = geoparser.recogniser.has_key.cache_info()
    out["parser.has_key"] = f"{info.currsize}/{info.maxsize}"
    found = getattr(geoparser, "resolver", None)
    if isinstance(found, resolver.Resolver):
        info = found._ranked.cache_info()
        out["resolver.ranked"] = f"{info.currsize}/{info.maxsize}"
    return out


def memory_child(mode: str, count: int) -> dict:
    import resource

    import geonews
    from geonews.mentions.parser import geoparse

    geoparse("Warm-up: drones hit Kyiv.")
    base_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    if mode in ("events", "frame"):  # frame: per-document rows, as the cluster gives
        frame = geonews.events(short_dispatches(count), progress=False, dedupe=mode == "events")
        rows, failed = len(frame), len(frame.attrs["failures"])
    else:
        with tempfile.TemporaryDirectory() as out:
            table = geonews.events_to_parquet(short_dispatches(count), out, chunk_size=5_000)
            rows, failed = table.attrs["events"], len(table)
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "mode": mode,
        "docs": count,
        "seconds": round(seconds, 1),
        "docs_per_s": round(count / seconds),
        "rss_after_warmup_mb": round(base_kb / 1024),
        "peak_rss_mb": round(peak_kb / 1024),
        "rows": rows,
        "failures": failed,
        "caches": _cache_fill(),
    }


# -- throughput -------------------------------------------------------------------------
def write_corpus(folder: Path, count: int, files: int) -> None:
    per_file = -(-count // files)
    stream = short_dispatches(count)
    for k in range(files):
        with (folder / f"wire-{k:03d}.jsonl").open("w", encoding="utf-8") as handle:
            for _, doc in zip(range(per_file), stream, strict=False):
                handle.write(json.dumps(doc) + "\n")


def throughput_child(mode: str, corpus: str) -> dict:
    import geonews
    import geonews.scale.dask

    warm = Path(tempfile.mkdtemp())
    (warm / "w.jsonl").write_text(json.dumps({"text": "Drones hit Kyiv."}) + "\n")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        if mode == "single":
            geonews.events(geonews.read(warm), progress=False)
            start, cpu = time.perf_counter(), time.process_time()
            table = geonews.events_to_parquet(geonews.read(corpus), out, chunk_size=5_000)
            seconds = time.perf_counter() - start
            cpu = time.process_time() - cpu
            docs = table.attrs["documents"]
        else:
            from distributed import Client, LocalCluster

            workers = int(mode.removeprefix("dask"))
            with (
                LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=":0",
                ) as cluster,
                Client(cluster) as client,
            ):
                geonews.scale.dask.events(warm, client=client)  # workers load the gazetteer
                before = client.run(time.process_time)
                start = time.perf_counter()
                table = geonews.scale.dask.events(corpus, client=client, output=out)
                seconds = time.perf_counter() - start
                after = client.run(time.process_time)
                cpu = sum(after[w] - before[w] for w in after)  # the workers' CPU time
                docs = table.attrs["documents"]
    return {
        "mode": mode,
        "docs": docs,
        "seconds": seconds,
        "docs_per_s": docs / seconds,
        "cpu_ms_per_doc": 1e3 * cpu / docs,
        "load": os.getloadavg()[0],
    }


def _run_child(what: str, mode: str, arg: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, __file__, what, "--child", mode, arg],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _header() -> None:
    print(f"machine: {platform.node()} {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print(f"load average: {os.getloadavg()[0]:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["memory", "throughput"])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000, 200_000])
    parser.add_argument("--modes", nargs="+", default=["events", "frame", "write"])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--files", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs=2, metavar=("MODE", "ARG"))
    args = parser.parse_args()
    if args.child:
        mode, arg = args.child
        if args.what == "memory":
            print(json.dumps(memory_child(mode, int(arg))))
        else:
            print(json.dumps(throughput_child(mode, arg)))
        return
    _header()
    if args.what == "memory":
        for count in args.sizes:
            for mode in args.modes:
                print(json.dumps(_run_child("memory", mode, str(count))), flush=True)
        return
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp)
        write_corpus(corpus, args.docs, args.files)
        results: dict[str, list[float]] = {"single": [], "dask1": [], "dask2": []}
        cpu: dict[str, list[float]] = {mode: [] for mode in results}
        for _ in range(args.runs):
            for mode in results:
                run = _run_child("throughput", mode, str(corpus))
                results[mode].append(run["docs_per_s"])
                cpu[mode].append(run["cpu_ms_per_doc"])
                print(json.dumps(run), flush=True)
    print(f"docs: {args.docs} in {args.files} JSONL files, runs: {args.runs} (medians)")
    base = statistics.median(results["dask1"])
    for mode, rates in results.items():
        rate = statistics.median(rates)
        print(
            f"{mode:7s} {rate:8.1f} docs/s  x{rate / base:.2f} of dask1  "
            f"CPU {statistics.median(cpu[mode]):.2f} ms/doc  "
            "runs: " + ", ".join(f"{r:.0f}" for r in rates)
        )
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
