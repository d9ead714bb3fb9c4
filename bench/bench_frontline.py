"""Benchmark geonews.frontline on the shared control-area snapshots.

Measures (whole runs, medians of 5):
* occupied area of each DeepStateMap "occupied union" snapshot vs the published
  cross-check in ../shared/data/README.md (target: within 1 %);
* load time of one raw DeepStateMap snapshot (target: <= 1 s);
* locate() of 100,000 random events against two snapshots (target: <= 2 s), side by
  side with a baseline without spatial index (geopandas.sjoin for status plus
  GeoSeries.distance to the front line);
* the Pokrovsk example: area lost within 25 km between July 2024 and July 2025.

Run from the project root:  python bench/bench_frontline.py
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
import warnings
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import geonews  # noqa: E402
from geonews import frontline as fl  # noqa: E402

DATA = ROOT / ".." / "shared" / "data" / "frontline"
CROSS_CHECK = {"20240715": 109_400, "20250115": 112_000, "20250715": 114_050}
N_EVENTS = 100_000


def median_time(fn, repeat: int = 5) -> tuple[float, float, object]:
    """Median wall-clock and CPU seconds of ``repeat`` calls, and the last result."""
    wall, cpu, result = [], [], None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu), result


def random_events(n: int, seed: int = 0) -> gpd.GeoDataFrame:
    rng = np.random.default_rng(seed)
    return gpd.GeoDataFrame(
        # Dated between the two snapshots used (2025-01-14, 2025-07-14) and after.
        {"date": pd.to_datetime("2025-08-01") - pd.to_timedelta(rng.integers(0, 199, n), "D")},
        geometry=gpd.points_from_xy(rng.uniform(30, 40.5, n), rng.uniform(44.3, 52.4, n)),
        crs=4326,
    )


def baseline_locate(events: gpd.GeoDataFrame, series: gpd.GeoDataFrame) -> np.ndarray:
    """No spatial index for the distance: sjoin for status, plain distance to the line."""
    out = np.full(len(events), np.nan)
    dates = np.sort(series["date"].unique())
    which = np.searchsorted(dates, events["date"].to_numpy(), side="right") - 1
    for k, when in enumerate(dates):
        chosen = events[which == k].to_crs(fl.EQUAL_AREA)
        snap = series[series["date"] == when]
        gpd.sjoin(chosen, snap.to_crs(fl.EQUAL_AREA)[["status", "geometry"]], how="left")
        line = gpd.GeoSeries([fl.front_line(snap)], crs=4326).to_crs(fl.EQUAL_AREA).iloc[0]
        out[which == k] = chosen.distance(line).to_numpy() / 1000
    return out


def main() -> None:
    if not DATA.exists():
        sys.exit(f"no snapshots under {DATA}")
    warnings.simplefilter("ignore")
    print(
        f"# machine: {platform.machine()}, {os.cpu_count()} cores, load average "
        f"{os.getloadavg()[0]:.1f}, Python "
        f"{platform.python_version()}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
    )

    print("\n## Occupied area (occupied union snapshots)")
    print("| snapshot | km² (geonews) | cross-check | diff |")
    print("|---|---:|---:|---:|")
    for path in sorted((DATA / "occupied_union").glob("*.geojson")):
        area = fl.occupied_area_km2(fl.load(path))
        stamp = path.stem.rsplit("_", 1)[-1]
        ref = CROSS_CHECK.get(stamp)
        diff = f"{100 * (area / ref - 1):+.2f} %" if ref else ""
        print(f"| {stamp} | {area:,.0f} | {f'{ref:,}' if ref else ''} | {diff} |")

    raw = sorted((DATA / "deepstate_raw").glob("*.geojson"))
    start = time.perf_counter()
    fl.load(raw[-1])
    first = time.perf_counter() - start
    load_s, load_cpu, snapshot = median_time(lambda: fl.load(raw[-1]))
    print(f"\n## Load one raw snapshot ({raw[-1].name}, {raw[-1].stat().st_size / 1e3:.0f} kB)")
    print(
        f"first call {first:.3f} s (in a warm process); median of 5: {load_s:.3f} s wall, "
        f"{load_cpu:.3f} s CPU; {len(snapshot)} areas kept"
    )

    cold = []
    for _ in range(5):
        code = (
            "import time; t = time.perf_counter(); from geonews import frontline; "
            f"frontline.load({str(raw[-1])!r}); print(time.perf_counter() - t)"
        )
        run = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
        )
        cold.append(float(run.stdout))
    print(
        f"fresh process, import geonews.frontline + load: median of 5 "
        f"{statistics.median(cold):.3f} s"
    )

    series = fl.load_series(raw[-2:])
    events = random_events(N_EVENTS)
    locate_s, locate_cpu, located = median_time(lambda: fl.locate(events, series))
    base_s, base_cpu, base_dist = median_time(lambda: baseline_locate(events, series), repeat=1)
    agree = np.nanmax(np.abs(located["front_distance_km"].to_numpy() - base_dist))
    print(f"\n## locate() {N_EVENTS:,} events against 2 snapshots")
    print("| method | wall s | CPU s | CPU ratio |")
    print("|---|---:|---:|---:|")
    print(f"| geonews (STRtree), median of 5 | {locate_s:.2f} | {locate_cpu:.2f} | 1.0 |")
    print(
        f"| baseline (sjoin + GeoSeries.distance), 1 run | {base_s:.2f} | {base_cpu:.2f} "
        f"| {base_cpu / locate_cpu:.1f} |"
    )
    print(f"max |distance difference| vs baseline: {agree:.6f} km")

    pokrovsk = geonews.resolve("Pokrovsk")
    july_2024 = fl.load(DATA / "occupied_union" / "deepstatemap_data_20240715.geojson")
    july_2025 = fl.load(DATA / "occupied_union" / "deepstatemap_data_20250715.geojson")
    around = fl.surroundings(pokrovsk.lat, pokrovsk.lon, radius_km=25)
    change_s, _, change = median_time(lambda: fl.change(july_2024, july_2025, within=around))
    lost = change.loc[change["change"] == "lost", "area_km2"].sum()
    gained = change.loc[change["change"] == "gained", "area_km2"].sum()
    print("\n## Pokrovsk, 25 km around, 2024-07-15 -> 2025-07-15")
    print(f"lost {lost:,.1f} km², gained {gained:,.1f} km² (change() median {change_s:.2f} s)")
    whole_s, _, whole = median_time(lambda: fl.change(july_2024, july_2025))
    print(
        f"whole front: lost {whole.loc[whole.change == 'lost', 'area_km2'].sum():,.0f} km² "
        f"in {whole['admin1'].nunique()} oblasts (change() median {whole_s:.2f} s)"
    )


if __name__ == "__main__":
    main()
