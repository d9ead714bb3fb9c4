"""Event-extraction accuracy of geonews.events on the hand-written war-news gold.

Scores type, sub-type, status, modality, claimant and date accuracy over the gold events
that the extractor places at the same place (GeoNames id or normalised name), the share of
gold events found (place recall) and of predicted events that are in the gold (precision),
with throughput and peak RSS.

    python bench/eval_events.py
    python bench/eval_events.py --limit 10 --extractor none   # smoke test of the harness
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geonews.evaluate import evaluate_events, load_gold  # noqa: E402

GOLD = ROOT / "tests" / "data" / "war_news.jsonl"


def make_extractor(kind: str):
    if kind == "none":
        return lambda text, *, date=None: []
    from geonews.errors import InvalidInput
    from geonews.evaluate.metrics import _default

    try:
        return _default("events")
    except InvalidInput as err:
        sys.exit(f"{err}; try --extractor none")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", type=Path, default=GOLD, help="gold JSONL with events")
    ap.add_argument("--limit", type=int, default=None, help="first N documents")
    ap.add_argument("--extractor", choices=("events", "none"), default="events")
    ap.add_argument("--json", type=Path, default=None, help="also write the report here")
    args = ap.parse_args(argv)

    extract = make_extractor(args.extractor)
    report = evaluate_events(load_gold(args.gold), extract, limit=args.limit)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"geonews events benchmark, {dt.date.today()}, {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, extractor={args.extractor}, limit={args.limit}\n"
    )
    print(report)
    print(f"  peak RSS      {rss:,.0f} MB")
    print(f"\ncommand: python bench/eval_events.py {' '.join(argv or sys.argv[1:])}")
    if args.json:
        args.json.write_text(
            json.dumps({**report.to_dict(), "peak_rss_mb": rss}, indent=2), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
