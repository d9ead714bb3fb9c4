"""Installed gazetteers at realistic size: index build, cold start, accuracy with them.

Generates GeoNames-format country dumps with ``make_geonames_dump.py`` (default 30,000
Ukrainian and 150,000 Russian rows: the namesakes and word-like village names of the real
dumps, Ivanivka x50, Mayak, Progress, Victoria, Zarya, Pobeda, Sokil, Kanal ...), installs
them into a temporary data dir and cache dir (``$GEONEWS_DATA_DIR``,
``$GEONEWS_CACHE_DIR``; the user's own dirs are never touched), and measures, each in a
fresh process:

* the index build: seconds and peak RSS;
* a cold start with the dumps installed: ``import geonews; geonews.resolve(...)``, seconds
  and peak RSS;
* with ``--eval``, LGL and GeoWebNews through ``bench/eval_geoparse.py``, without and with
  the dumps (the same script, the installed gazetteer chosen by the environment).

    python bench/bench_gazetteer.py                      # build + cold start
    python bench/bench_gazetteer.py --eval --limit 200   # and the accuracy change
    python bench/bench_gazetteer.py --ua 5000 --ru 0     # a smaller dump
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: Peak RSS of the child itself, in MB: VmHWM belongs to the process image (ru_maxrss
#: would carry over the parent's peak across exec on Linux).
_PEAK = """
def peak_mb():
    try:
        with open("/proc/self/status") as f:
            return next(int(l.split()[1]) for l in f if l.startswith("VmHWM")) / 1024
    except OSError:
        import resource
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""
_BUILD = (
    _PEAK
    + """
import json, time
t = time.perf_counter()
from geonews.places import install
for path in {paths!r}:
    install.add(path, build=False)
added = time.perf_counter() - t
t = time.perf_counter()
index = install.rebuild()
print(json.dumps({{"add_s": added, "build_s": time.perf_counter() - t, "peak_mb": peak_mb(),
    "index_mb": index.stat().st_size / 2**20,
    "rows": sum(s.rows for s in install.installed())}}))
"""
)
_COLD = (
    """
import time
t = time.perf_counter()
import geonews
p = geonews.resolve("Klishchiivka")
took = time.perf_counter() - t
import json
"""
    + _PEAK
    + """
print(json.dumps({"cold_s": took, "place": [p.name, p.admin1], "peak_mb": peak_mb()}))
"""
)


def _run(code: str, env: dict[str, str]) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _eval(env: dict[str, str], limit: int | None) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
        report = Path(f.name)
    cmd = [sys.executable, str(ROOT / "bench" / "eval_geoparse.py"), "--sets", "LGL,GeoWebNews"]
    cmd += ["--json", str(report)] + (["--limit", str(limit)] if limit else [])
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)
    data = json.loads(report.read_text())
    report.unlink()
    return {r["name"]: r for r in data}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ua", type=int, default=30_000, help="Ukrainian rows")
    ap.add_argument("--ru", type=int, default=150_000, help="Russian rows")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--eval", action="store_true", help="also LGL and GeoWebNews, -/+ dumps")
    ap.add_argument("--limit", type=int, default=None, help="first N documents of each set")
    ap.add_argument("--keep", type=Path, default=None, help="work here and keep the files")
    args = ap.parse_args(argv)

    sys.path.insert(0, str(ROOT / "bench"))
    import make_geonames_dump

    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-gazetteer-"))
    countries = {cc: n for cc, n in (("UA", args.ua), ("RU", args.ru)) if n}
    make_geonames_dump.write_dump(work / "dumps", countries=countries, seed=args.seed)
    paths = [str(work / "dumps" / f"{cc}.zip") for cc in countries]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    installed = {
        **env,
        "GEONEWS_DATA_DIR": str(work / "data"),
        "GEONEWS_CACHE_DIR": str(work / "cache"),
    }
    build = _run(_BUILD.format(paths=paths), installed)
    print(
        f"build: {build['rows']:,} installed rows, add {build['add_s']:.1f} s, "
        f"index build {build['build_s']:.1f} s, peak RSS {build['peak_mb']:.0f} MB, "
        f"index {build['index_mb']:.0f} MB"
    )
    cold = min((_run(_COLD, installed) for _ in range(3)), key=lambda r: r["cold_s"])
    print(
        f"cold start with the dumps: {cold['cold_s']:.3f} s, peak RSS {cold['peak_mb']:.0f} MB "
        f"(resolve('Klishchiivka') -> {cold['place']})"
    )
    if args.eval:
        before, after = _eval(env, args.limit), _eval(installed, args.limit)
        print("| set | F1 without | F1 with | Acc@161 without | Acc@161 with | docs/s with |")
        print("|---|---|---|---|---|---|")
        for name in before:
            b, a = before[name], after[name]
            print(
                f"| {name} | {b['f1']:.3f} | {a['f1']:.3f} | {b['acc_161km']:.3f} "
                f"| {a['acc_161km']:.3f} | {a['docs_per_second']:,.0f} |"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
