"""Pathological texts: geoparse and events must run in time linear in the text's length.

Each case (runs of one character, long lists, walls of capitals, deep brackets ...) is
built at several sizes and run in a fresh subprocess with a time limit, so a case that
is still quadratic shows up as a low rate at the larger size (or as a timeout) instead
of hanging the benchmark.  The rate is characters per second of the whole call
(``geonews.geoparse(text)`` or ``geonews.events(text, date=...)``) after a warm-up,
per CPU-second of the process (``--clock cpu``, the default: a shared machine's other jobs
do not count against the call) or per wall-clock second (``--clock wall``).

    python bench/bench_hostile.py                         # 10k, 100k, 1M characters
    python bench/bench_hostile.py --sizes 10000,1900000 --cases dots,commas --what events

The issue's target: >= 100 kB/s at every size up to the 2,000,000-character cap.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time

_HEAD = "Drones hit Kyiv"

#: Case name -> how to build a text of about n characters.
CASES = {
    "dots": lambda n: _HEAD + "." * n,
    "newlines": lambda n: _HEAD + "\n" * n,
    "blank_lines": lambda n: _HEAD + "\n \n" * (n // 3),
    "spaces": lambda n: _HEAD + " " * n,
    "tabs_and_nbsp": lambda n: _HEAD + "\t\u00a0" * (n // 2),
    "commas": lambda n: _HEAD + "," * n,
    "comma_list": lambda n: _HEAD + ", Pokrovsk" * (n // 10),
    "county_list": lambda n: "Walker" + ", Walker" * (n // 8) + " counties",
    "and_list": lambda n: _HEAD + " and Kupiansk" * (n // 13),
    "hyphens": lambda n: _HEAD + "-" * n,
    "hyphen_words": lambda n: "Pokrovsk" + "-Myrnohrad" * (n // 10),
    "apostrophes": lambda n: _HEAD + "'" * n,
    "brackets": lambda n: "(" * (n // 2) + _HEAD + ")" * (n // 2),
    "quotes": lambda n: '"' * n + _HEAD,
    "capitals": lambda n: "Kyiv " * (n // 5),
    "title_case": lambda n: "Russian Forces Shelled The City " * (n // 32),
    "abbreviations": lambda n: "Mr. Gen. Lt. " * (n // 13) + _HEAD,
    "initials": lambda n: "A. " * (n // 3) + _HEAD,
    "one_word": lambda n: "a" * n,
    "digits": lambda n: "1" * n,
    "cyrillic": lambda n: "Покровськ " * (n // 10),
    "sectors": lambda n: (
        "In the Pokrovsk direction near Lyman, the Kupiansk axis near Izium, " * (n // 70)
    ),
    "addresses": lambda n: _HEAD + ", Kurakhove (Pokrovsk raion, Donetsk)" * (n // 37),
    "hashtags": lambda n: "#ukraine " * (n // 9),
    "prose": lambda n: (
        (
            "Russian forces shelled Pokrovsk, Myrnohrad and Kostiantynivka on Monday, the "
            "governor said; Moscow said it had taken Kurakhove. "
        )
        * (n // 128)
    ),
}


def _one(case: str, size: int, what: str) -> dict:
    import geonews

    text = CASES[case](size)
    geonews.geoparse("Warm-up: drones hit Kyiv.")
    if what == "events":
        geonews.events("Warm-up: drones hit Kyiv.", date="2025-01-01")
    t0, c0 = time.perf_counter(), time.process_time()
    if what == "events":
        geonews.events(text, date="2025-01-01")
    else:
        geonews.geoparse(text)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {"chars": len(text), "seconds": seconds, "cpu_seconds": cpu}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--cases", default=",".join(CASES))
    ap.add_argument("--what", choices=("geoparse", "events", "both"), default="both")
    ap.add_argument("--limit", type=float, default=120.0, help="seconds per run")
    ap.add_argument("--clock", choices=("cpu", "wall"), default="cpu", help="rate per ...")
    ap.add_argument("--json", help="also write the figures here")
    ap.add_argument(
        "--repeat", type=int, default=1, help="fresh runs of each cell; the median is shown"
    )
    ap.add_argument("--one", nargs=3, help=argparse.SUPPRESS)  # case size what (subprocess)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(_one(args.one[0], int(args.one[1]), args.one[2])))
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    whats = ["geoparse", "events"] if args.what == "both" else [args.what]
    print(
        f"geonews pathological texts, {time.strftime('%Y-%m-%d')}, Python "
        f"{platform.python_version()}, {os.cpu_count()} CPUs, load average "
        f"{os.getloadavg()[0]:.1f}; kB per {args.clock} second of the whole call "
        f"(limit {args.limit:g} s a run; median of {max(1, args.repeat)} fresh runs)\n"
    )
    header = "| case | call | " + " | ".join(f"{s:,} chars" for s in sizes) + " |"
    print(header)
    print("|---|---|" + "---:|" * len(sizes))
    results = []
    worst = float("inf")
    for case in args.cases.split(","):
        for what in whats:
            cells = []
            for size in sizes:
                cmd = [sys.executable, __file__, "--one", case, str(size), what]
                try:
                    rates = []
                    for _ in range(max(1, args.repeat)):
                        out = subprocess.run(
                            cmd, capture_output=True, text=True, timeout=args.limit, check=True
                        )
                        run = json.loads(out.stdout.strip().splitlines()[-1])
                        took = run["cpu_seconds"] if args.clock == "cpu" else run["seconds"]
                        rates.append(run["chars"] / max(took, 1e-9) / 1000)
                        results.append({"case": case, "call": what, "size": size, **run})
                    rate = statistics.median(rates)
                    worst = min(worst, rate)
                    cells.append(f"{rate:,.0f}")
                except subprocess.TimeoutExpired:
                    worst = 0.0
                    cells.append(f"> {args.limit:g} s")
                    results.append({"case": case, "call": what, "size": size, "timeout": True})
                except subprocess.CalledProcessError as err:
                    cells.append("error")
                    results.append(
                        {"case": case, "call": what, "size": size, "error": err.stderr[-500:]}
                    )
            print(f"| {case} | {what} | " + " | ".join(cells) + " |", flush=True)
    print(f"\nslowest: {worst:,.0f} kB/s (target >= 100 kB/s)")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
