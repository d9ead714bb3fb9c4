"""All-distinct ``resolve`` rate of this checkout and another one, side by side.

On a shared machine the rate swings by 2x from one run to the next, so two versions are
only comparable when measured in the same minutes: this script alternates fresh
processes of the two checkouts (``PYTHONPATH`` on each), each running the all-distinct
list of ``bench_resolve.py`` (place rows cached, name-key caches cleared) a few times
after one warm-up run, and prints the per-CPU-second rates with their medians.  The name
list always comes from this checkout's ``bench_resolve.py``.  Run from the project root::

    git archive main | tar -x -C /tmp/geonews-main
    python bench/compare_resolve_speed.py --against /tmp/geonews-main --rounds 5 --runs 3
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def rates(runs: int) -> list[float]:
    """Calls per CPU second of this process's geonews over the all-distinct list."""
    sys.path.insert(0, str(HERE))
    from bench_resolve import _names, _rate

    from geonews.places import fuzzy as _fuzzy
    from geonews.places import names as _names_module
    from geonews.places.resolver import Resolver

    _, distinct = _names()
    r = Resolver()
    r.get("Kyiv")  # open the index

    def fresh() -> Resolver:
        _names_module.key.cache_clear()
        _names_module.skeleton.cache_clear()
        _fuzzy.sound_key.cache_clear()
        res = Resolver(r.gazetteer)
        res.get("Kyiv")
        return res

    _rate(fresh(), distinct)  # warm-up: the spelling step's name list, the page cache
    return [_rate(fresh(), distinct)[1] for _ in range(runs)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", type=Path, help="the other checkout (its root folder)")
    parser.add_argument("--rounds", type=int, default=5, help="alternations (default 5)")
    parser.add_argument("--runs", type=int, default=3, help="runs per process (default 3)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(rates(args.runs)))
        return
    if args.against is None:
        parser.error("--against is required")
    trees = {"other": args.against.resolve(), "this": HERE.parent}
    found: dict[str, list[float]] = {name: [] for name in trees}
    for _ in range(args.rounds):
        for name, tree in trees.items():
            env = {**os.environ, "PYTHONPATH": str(tree)}
            cmd = [sys.executable, __file__, "--child", "--runs", str(args.runs)]
            out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True)
            found[name] += json.loads(out.stdout.strip().splitlines()[-1])
    print(f"# load average (1 min) after the runs: {os.getloadavg()[0]:.2f}")
    print("all-distinct names, place rows cached, calls per CPU second")
    for name, tree in trees.items():
        values = found[name]
        print(
            f"  {name:5s} {tree!s:40s} median {statistics.median(values):8,.0f}  "
            f"best {max(values):8,.0f}  ({len(values)} runs)"
        )


if __name__ == "__main__":
    main()
