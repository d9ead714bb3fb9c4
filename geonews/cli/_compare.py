"""``geonews compare NEWS CODED``: news events against an ACLED or UCDP export."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from geonews.cli._inputs import info, report_failures

_TABLES = (".csv", ".xlsx", ".xlsm", ".tsv", ".txt")


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the subcommand."""
    p = sub.add_parser(
        "compare",
        help="news events against a coded dataset (ACLED, UCDP): in both, news only, coded only",
        description="Match the events of a geonews events file with those of an ACLED or UCDP "
        "GED export by distance, date and type (one-to-one, nearest first) and print the "
        "counts per event type and per oblast.",
    )
    p.add_argument("news", help="events file from 'geonews events' (.parquet, .geojson, ...)")
    p.add_argument(
        "coded",
        help="ACLED or UCDP GED export (.csv/.xlsx, told apart by its columns) or an events "
        "file from 'geonews import'",
    )
    p.add_argument("--km", type=float, default=10.0, help="largest distance (default 10)")
    p.add_argument("--days", type=int, default=1, help="largest date gap in days (default 1)")
    p.add_argument(
        "--types", choices=["compatible", "exact", "any"], default="compatible",
        help="type rule (default: ACLED/UCDP types that cover geonews's)",
    )  # fmt: skip
    p.add_argument("--map", default=None, metavar="HTML", help="also write a map of the groups")
    p.add_argument(
        "-o", "--output", default=None, metavar="CSV",
        help="also write every event with its group (and its match) as CSV",
    )  # fmt: skip
    p.set_defaults(func=run)


def _coded(path: str) -> Any:
    from geonews.coded import read_coded
    from geonews.export.write import read_events

    if Path(path).suffix.lower() in _TABLES:
        frame = read_coded(path)
        report_failures(frame, what="rows")
        return frame
    return read_events(path, extra=True)


def _rows(result: Any) -> Any:
    import pandas as pd

    def side(frame: Any, group: str, prefix: str) -> Any:
        cols = {"event_id": f"{prefix}_event_id", "event_type": f"{prefix}_type",
                "sub_type": f"{prefix}_sub_type", "place_name": f"{prefix}_place",
                "date": f"{prefix}_date", "admin1": "oblast"}  # fmt: skip
        present = [c for c in cols if c in frame.columns]
        out = pd.DataFrame(frame[present]).rename(columns=cols)
        out.insert(0, "group", group)
        return out

    pairs = result.pairs.drop(columns=["news", "coded"]).assign(group="news and coded")
    table = pd.concat(
        [pairs, side(result.news_only, "news only", "news"),
         side(result.coded_only, "coded only", "coded")],
        ignore_index=True,
    )  # fmt: skip
    first = ["group", "news_event_id", "coded_event_id", "km", "days"]
    return table[first + [c for c in table.columns if c not in first]]


def run(args: argparse.Namespace) -> int:
    """Print the summary tables; exit 1 when neither side has an event to compare."""
    from geonews.coded import compare
    from geonews.export.write import read_events

    news = read_events(args.news)
    coded = _coded(args.coded)
    result = compare(news, coded, km=args.km, days=args.days, types=args.types)
    print(result)
    counts = result.counts()
    info(
        f"{counts['news and coded']:,} events in both, {counts['news only']:,} news only, "
        f"{counts['coded only']:,} coded only; {counts['left out']:,} left out "
        "(undated, not actual, country-level, no geometry)"
    )
    if args.output:
        _rows(result).to_csv(args.output, index=False, date_format="%Y-%m-%d")
        info(f"wrote the groups to {args.output}")
    if args.map:
        from geonews.maps import save_map

        save_map(result.map(tiles=None), args.map)
        info(f"wrote a map of the groups to {args.map}")
    return 0 if sum(counts[g] for g in ("news and coded", "news only", "coded only")) else 1
