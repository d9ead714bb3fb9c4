"""Benchmark geonews.frontline.verify: claims against dated control snapshots.

Measures (medians of 5 whole calls, in a warm process, one core):
* the target: 10,000 claims against 20 snapshots (<= 5 s).  The 20 snapshots are the six
  raw DeepStateMap layers (the heaviest kind: occupied, grey zone and liberated areas,
  about 10,000 vertices each) dated once a month from 2023-01-15 on, cycling through
  the six; the claims lie around the front line of 2024-07-14 (normal scatter of 10 km),
  dated through the 20 months, 80 % captures and 20 % advances, either side;
* the same claims all within 1 km of the front (every disk crosses an edge: the worst
  case, every place cut exactly);
* the real series as the notebook uses it (6 raw layers, 9 union files, 3 ISW files;
  the union and ISW files within 3 days of a raw layer are left out by verify).

Run from the project root:  python bench/bench_verify.py
"""

from __future__ import annotations

import os
import platform
import sys
import time
import warnings
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_frontline import median_time  # noqa: E402

from geonews import frontline as fl  # noqa: E402

DATA = ROOT / ".." / "shared" / "data" / "frontline"
N_CLAIMS = 10_000
N_SNAPSHOTS = 20


def monthly_series(raw: list[Path]) -> gpd.GeoDataFrame:
    """The raw layers re-dated once a month, cycling: N_SNAPSHOTS distinct dates."""
    layers = [fl.load(path) for path in raw]
    months = pd.date_range("2023-01-15", periods=N_SNAPSHOTS, freq="MS") + pd.Timedelta(days=14)
    frames = [layers[k % len(layers)].assign(date=day) for k, day in enumerate(months)]
    return gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), crs=4326)


def claims_near(line: shapely.Geometry, n: int, *, scatter_m: float, seed: int = 0):
    """Claims at points scattered around a front line, dated through the series."""
    rng = np.random.default_rng(seed)
    metres = gpd.GeoSeries([line], crs=4326).to_crs(fl.EQUAL_AREA).iloc[0]
    on_line = shapely.line_interpolate_point(metres, rng.uniform(0, 1, n), normalized=True)
    x = shapely.get_x(on_line) + rng.normal(0, scatter_m, n)
    y = shapely.get_y(on_line) + rng.normal(0, scatter_m, n)
    points = gpd.GeoSeries(shapely.points(x, y), crs=fl.EQUAL_AREA).to_crs(4326)
    return gpd.GeoDataFrame(
        {
            "date": pd.Timestamp("2023-01-01") + pd.to_timedelta(rng.integers(0, 600, n), "D"),
            "claim_kind": rng.choice(["capture", "advance"], n, p=[0.8, 0.2]),
            "side": rng.choice(["RU", "UA"], n, p=[0.7, 0.3]),
            "country": "UA",
        },
        geometry=points.values,
        crs=4326,
    )


def report(name: str, claims: gpd.GeoDataFrame, series: gpd.GeoDataFrame) -> None:
    wall, cpu, out = median_time(lambda: fl.verify(claims, series))
    counts = out["verdict"].value_counts().to_dict()
    print(f"| {name} | {len(claims):,} | {series['date'].nunique()} | {wall:.2f} | {cpu:.2f} "
          f"| {counts} |")  # fmt: skip


def main() -> None:
    raw = sorted((DATA / "deepstate_raw").glob("*.geojson"))
    if not raw:
        sys.exit(f"no snapshots under {DATA}")
    warnings.simplefilter("ignore")
    print(
        f"# machine: {platform.machine()}, {os.cpu_count()} cores, load average "
        f"{os.getloadavg()[0]:.1f}, Python {platform.python_version()}, "
        f"shapely {shapely.__version__}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
    )
    series = monthly_series(raw)
    line = fl.front_line(fl.load(raw[3]))  # 2024-07-14
    print("| case | claims | snapshots | wall s | CPU s | verdicts |")
    print("|---|---:|---:|---:|---:|---|")
    report("around the front (10 km scatter)", claims_near(line, N_CLAIMS, scatter_m=10_000),
           series)  # fmt: skip
    report("on the front (within 1 km)", claims_near(line, N_CLAIMS, scatter_m=300), series)
    real = fl.load_series(
        [*raw, *sorted((DATA / "occupied_union").glob("*.geojson")),
         *sorted((DATA / "isw").glob("*.geojson"))]
    )  # fmt: skip
    report("real series, 10 km scatter", claims_near(line, N_CLAIMS, scatter_m=10_000), real)


if __name__ == "__main__":
    main()
