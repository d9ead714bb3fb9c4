"""Coded datasets: reading a 100,000-row ACLED-format CSV, and compare() at scale.

    python bench/bench_interop.py                       # 100k rows, 10k news, 3 runs each
    python bench/bench_interop.py --rows 20000 --news 2000 --runs 1

Every measurement runs in a fresh subprocess pinned to one core (``sched_setaffinity``),
so peak RSS (``ru_maxrss``) is that measurement's own; the figures are medians over
``--runs``.  Targets (issue 17): ``read_acled`` of 100,000 rows <= 5 s;
``compare`` of 10,000 news events against 100,000 coded ones <= 5 s on one core.

The export is synthetic and seeded: ACLED's 31 columns in their order, dates as
"02 December 2025" over a year, 80 towns of eastern and southern Ukraine drawn with a
Zipf-like weight (front-line towns get most events, as in ACLED's Ukraine data, so many
events share one point), notes of ~150 characters.  News events are drawn around the
same towns (within ~1 km of the coded point, as a gazetteer and a coder differ), over
the same year, a third of them on days with a coded twin.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.coded.exports import ACLED_COLUMNS  # noqa: E402

TOWNS = [
    ("Pokrovsk", "Donetsk", 48.2817, 37.1758),
    ("Myrnohrad", "Donetsk", 48.3022, 37.2619),
    ("Kostiantynivka", "Donetsk", 48.5277, 37.7069),
    ("Toretsk", "Donetsk", 48.3979, 37.8477),
    ("Chasiv Yar", "Donetsk", 48.5869, 37.8355),
    ("Siversk", "Donetsk", 48.8681, 38.0978),
    ("Lyman", "Donetsk", 48.9886, 37.8022),
    ("Kramatorsk", "Donetsk", 48.7305, 37.5879),
    ("Sloviansk", "Donetsk", 48.8533, 37.6050),
    ("Druzhkivka", "Donetsk", 48.6300, 37.5500),
    ("Kurakhove", "Donetsk", 47.9833, 37.2833),
    ("Vuhledar", "Donetsk", 47.7792, 37.2486),
    ("Velyka Novosilka", "Donetsk", 47.8439, 36.8350),
    ("Dobropillia", "Donetsk", 48.4667, 37.0833),
    ("Bakhmut", "Donetsk", 48.5956, 38.0000),
    ("Avdiivka", "Donetsk", 48.1394, 37.7497),
    ("Selydove", "Donetsk", 48.1500, 37.3000),
    ("Ukrainsk", "Donetsk", 48.1000, 37.3667),
    ("Hirnyk", "Donetsk", 48.0500, 37.3667),
    ("Kupiansk", "Kharkiv", 49.7106, 37.6156),
    ("Vovchansk", "Kharkiv", 50.2906, 36.9419),
    ("Kharkiv", "Kharkiv", 49.9935, 36.2304),
    ("Izium", "Kharkiv", 49.2103, 37.2542),
    ("Balakliia", "Kharkiv", 49.4627, 36.8585),
    ("Borova", "Kharkiv", 49.3797, 37.6208),
    ("Zolochiv", "Kharkiv", 50.2783, 35.9783),
    ("Huliaipole", "Zaporizhia", 47.6644, 36.2569),
    ("Orikhiv", "Zaporizhia", 47.5672, 35.7856),
    ("Zaporizhzhia", "Zaporizhia", 47.8388, 35.1396),
    ("Stepnohirsk", "Zaporizhia", 47.5750, 35.5167),
    ("Kamianske", "Zaporizhia", 47.4833, 35.4167),
    ("Kherson", "Kherson", 46.6354, 32.6169),
    ("Beryslav", "Kherson", 46.8406, 33.4253),
    ("Antonivka", "Kherson", 46.6667, 32.7167),
    ("Nikopol", "Dnipropetrovsk", 47.5667, 34.4000),
    ("Marhanets", "Dnipropetrovsk", 47.6353, 34.6169),
    ("Dnipro", "Dnipropetrovsk", 48.4647, 35.0462),
    ("Pavlohrad", "Dnipropetrovsk", 48.5333, 35.8667),
    ("Sumy", "Sumy", 50.9077, 34.7981),
    ("Shostka", "Sumy", 51.8667, 33.4833),
    ("Bilopillia", "Sumy", 51.1500, 34.3167),
    ("Krasnopillia", "Sumy", 50.7833, 35.2667),
    ("Chernihiv", "Chernihiv", 51.4982, 31.2893),
    ("Odesa", "Odesa", 46.4825, 30.7233),
    ("Izmail", "Odesa", 45.3500, 28.8333),
    ("Mykolaiv", "Mykolaiv", 46.9750, 31.9946),
    ("Ochakiv", "Mykolaiv", 46.6167, 31.5500),
    ("Kyiv", "Kyiv City", 50.4501, 30.5234),
    ("Kryvyi Rih", "Dnipropetrovsk", 47.9105, 33.3918),
    ("Poltava", "Poltava", 49.5883, 34.5514),
    ("Kremenchuk", "Poltava", 49.0680, 33.4204),
    ("Lviv", "Lviv", 49.8397, 24.0297),
    ("Ternopil", "Ternopil", 49.5535, 25.5948),
    ("Khmelnytskyi", "Khmelnytskyi", 49.4230, 26.9871),
    ("Vinnytsia", "Vinnytsia", 49.2331, 28.4682),
    ("Zhytomyr", "Zhytomyr", 50.2547, 28.6587),
    ("Rivne", "Rivne", 50.6199, 26.2516),
    ("Lutsk", "Volyn", 50.7472, 25.3254),
    ("Bila Tserkva", "Kyiv", 49.7968, 30.1311),
    ("Brovary", "Kyiv", 50.5110, 30.7909),
    ("Cherkasy", "Cherkasy", 49.4444, 32.0598),
    ("Kropyvnytskyi", "Kirovohrad", 48.5079, 32.2623),
    ("Pervomaisk", "Mykolaiv", 48.0444, 30.8500),
    ("Starobilsk", "Luhansk", 49.2667, 38.9167),
    ("Svatove", "Luhansk", 49.4103, 38.1653),
    ("Kreminna", "Luhansk", 49.0500, 38.2167),
    ("Sievierodonetsk", "Luhansk", 48.9482, 38.4933),
    ("Lysychansk", "Luhansk", 48.9167, 38.4333),
    ("Hlukhiv", "Sumy", 51.6781, 33.9169),
    ("Okhtyrka", "Sumy", 50.3103, 34.8988),
    ("Lozova", "Kharkiv", 48.8897, 36.3175),
    ("Chuhuiv", "Kharkiv", 49.8353, 36.6861),
    ("Pokrovske", "Dnipropetrovsk", 47.9833, 36.2333),
    ("Mezhova", "Dnipropetrovsk", 48.2500, 36.7333),
    ("Polohy", "Zaporizhia", 47.4833, 36.2500),
    ("Vasylivka", "Zaporizhia", 47.4333, 35.2833),
    ("Enerhodar", "Zaporizhia", 47.4989, 34.6558),
    ("Tokmak", "Zaporizhia", 47.2550, 35.7058),
    ("Nova Kakhovka", "Kherson", 46.7550, 33.3486),
]
TYPES = [
    ("Battles", "Armed clash", 0.35),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", 0.35),
    ("Explosions/Remote violence", "Air/drone strike", 0.2),
    ("Violence against civilians", "Attack", 0.04),
    ("Strategic developments", "Looting/property destruction", 0.03),
    ("Protests", "Peaceful protest", 0.03),
]  # fmt: skip
YEAR = date(2025, 1, 1)


def _weights(n: int) -> list[float]:
    return [1.0 / (k + 1) ** 1.1 for k in range(n)]


def make_acled(path: Path, rows: int, seed: int = 17) -> Path:
    import random

    rng = random.Random(seed)
    towns = rng.choices(TOWNS, weights=_weights(len(TOWNS)), k=rows)
    kinds = rng.choices(TYPES, weights=[t[2] for t in TYPES], k=rows)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(ACLED_COLUMNS)
        for i in range(rows):
            place, admin1, lat, lon = towns[i]
            etype, sub, _ = kinds[i]
            day = YEAR + timedelta(days=rng.randrange(365))
            if rng.random() < 0.2:  # not every event at the town's point
                lat, lon = lat + rng.uniform(-0.03, 0.03), lon + rng.uniform(-0.04, 0.04)
            verb = "shelled" if "Shell" in sub else "attacked"
            notes = (
                f"On {day:%d %B %Y}, Russian forces {verb} Ukrainian positions in and near "
                f"{place} ({admin1}). Casualties unknown. [size=no report]"
            )
            row = dict.fromkeys(ACLED_COLUMNS, "")
            row.update(
                event_id_cnty=f"UKR{100000 + i}",
                event_date=f"{day:%d %B %Y}",
                year=str(day.year),
                time_precision="1",
                disorder_type="Political violence",
                event_type=etype,
                sub_event_type=sub,
                actor1="Military Forces of Russia (2000-)",
                inter1="State forces",
                actor2="Military Forces of Ukraine (2019-)",
                interaction="State forces-State forces",
                iso="804",
                region="Europe",
                country="Ukraine",
                admin1=admin1,
                location=place,
                latitude=f"{lat:.4f}",
                longitude=f"{lon:.4f}",
                geo_precision="1" if rng.random() < 0.85 else "2",
                source="Ministry of Defence of Ukraine; Ukrainska Pravda",
                source_scale="National",
                notes=notes,
                fatalities=str(rng.choice([0] * 9 + [1, 2])),
                timestamp="1764892800",
            )
            writer.writerow([row[c] for c in ACLED_COLUMNS])
    return path


def make_news(n: int, seed: int = 29):
    import random

    import geopandas as gpd
    import pandas as pd

    rng = random.Random(seed)
    towns = rng.choices(TOWNS, weights=_weights(len(TOWNS)), k=n)
    kinds = rng.choices(TYPES, weights=[t[2] for t in TYPES], k=n)
    days = [YEAR + timedelta(days=rng.randrange(365)) for _ in range(n)]
    return gpd.GeoDataFrame(
        {
            "event_id": [f"news:{i}" for i in range(n)],
            "event_type": [k[0] for k in kinds],
            "sub_type": [k[1] for k in kinds],
            "date": pd.to_datetime(days),
            "place_name": [t[0] for t in towns],
            "admin1": [t[1] for t in towns],
            "precision": ["settlement"] * n,
            "modality": ["actual"] * n,
        },
        geometry=gpd.points_from_xy(
            [t[3] + rng.uniform(-0.01, 0.01) for t in towns],
            [t[2] + rng.uniform(-0.007, 0.007) for t in towns],
        ),
        crs=4326,
    )


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker(kind: str, csv_path: str, news: int) -> dict:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    import geonews
    from geonews.coded import read_acled

    if kind == "read":
        base = _rss_mb()
        t0, c0 = time.perf_counter(), time.process_time()
        frame = read_acled(csv_path)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        return {"wall": wall, "cpu": cpu, "rows": len(frame),
                "failures": len(frame.attrs["failures"]), "rss_base": base,
                "rss_peak": _rss_mb()}  # fmt: skip
    coded = read_acled(csv_path)
    news_frame = make_news(news)
    base = _rss_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    result = geonews.compare(news_frame, coded, km=10, days=1)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    counts = result.counts()
    return {"wall": wall, "cpu": cpu, "pairs": counts["news and coded"],
            "news_only": counts["news only"], "coded_only": counts["coded only"],
            "rss_base": base, "rss_peak": _rss_mb()}  # fmt: skip


def _run(kind: str, csv_path: Path, news: int) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--worker", kind, str(csv_path), "--news", str(news)],
        capture_output=True, text=True, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--news", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--worker", nargs=2, metavar=("KIND", "CSV"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker[0], args.worker[1], args.news)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        path = make_acled(Path(tmp) / "acled.csv", args.rows)
        size = path.stat().st_size / 1e6
        print(f"geonews interop benchmark, {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, "
              f"Python {platform.python_version()}, {platform.machine()}, "
              f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")  # fmt: skip
        print(f"ACLED-format CSV: {args.rows:,} rows, {size:.1f} MB; news events: {args.news:,}")
        for kind in ("read", "compare"):
            runs = [_run(kind, path, args.news) for _ in range(args.runs)]
            med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
            extra = (f"{med['rows']:,.0f} events, {med['failures']:,.0f} failures" if kind == "read"
                     else f"{med['pairs']:,.0f} pairs, {med['news_only']:,.0f} news only, "
                          f"{med['coded_only']:,.0f} coded only")  # fmt: skip
            walls = ", ".join(f"{r['wall']:.2f}" for r in runs)
            print(
                f"{kind:8} wall {med['wall']:.2f} s (runs {walls})"
                f"  CPU {med['cpu']:.2f} s  peak RSS {med['rss_peak']:.0f} MB "
                f"(+{med['rss_peak'] - med['rss_base']:.0f} MB over the process before)  {extra}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
