"""``geonews eval GOLD.jsonl``: score the geoparser against a gold file."""

from __future__ import annotations

import argparse
import json
import sys


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the subcommand."""
    p = sub.add_parser(
        "eval",
        help="score the geoparser on a gold JSONL file (recognition, Acc@161km, roles)",
        description="Score geonews.geoparse on gold JSONL in the shared benchmarks' format "
        '({"doc_id", "text", "toponyms": [{"start", "end", "lat", "lon", ...}]}).',
    )
    p.add_argument("gold", help="gold JSONL file")
    p.add_argument("--limit", type=int, default=None, help="score only the first N documents")
    p.add_argument("--json", action="store_true", help="print the metrics as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the report; exit 1 when the file holds no gold toponym."""
    from geonews.evaluate import main_eval

    report = main_eval(args.gold, limit=args.limit)
    if args.json:
        json.dump(report.to_dict(), sys.stdout, indent=1)
        print()
    else:
        print(report)
    return 0 if report.n_gold else 1
