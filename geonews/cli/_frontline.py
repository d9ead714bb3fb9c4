"""``geonews frontline load|compare|summary|verify``: control-area snapshots from the command line.

The package ships no control data; these commands read snapshots the user has the right
to use (DeepStateMap or ISW layer files, or any GeoJSON/KML/GeoPackage with a status).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from geonews.cli import _verify
from geonews.cli._inputs import info, output_format, warnings_shown

_SUFFIXES = {".geojson": "geojson", ".json": "geojson", ".parquet": "parquet"}


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register ``frontline`` and its actions (``verify`` lives in :mod:`geonews.cli._verify`)."""
    p = sub.add_parser(
        "frontline",
        help="front-line snapshots: load, compare two dates, summarise",
        description="Read control-area snapshots (DeepStateMap, ISW or your own files).",
    )
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")

    load = actions.add_parser(
        "load", help="normalise snapshots into one file (date, status, label, source)"
    )
    load.add_argument("snapshots", nargs="+", metavar="SNAPSHOT", help="files or URLs")
    load.add_argument("-o", "--output", required=True, help="output .geojson or .parquet")
    load.set_defaults(func=run_load)

    compare = actions.add_parser(
        "compare", help="territory lost and gained between two snapshots, by oblast"
    )
    compare.add_argument("before", help="earlier snapshot (file or URL)")
    compare.add_argument("after", help="later snapshot (file or URL)")
    compare.add_argument("--near", default=None, metavar="PLACE",
                         help="only around this place, e.g. Pokrovsk")  # fmt: skip
    compare.add_argument("--radius-km", type=float, default=25.0,
                         help="radius around --near (default 25)")  # fmt: skip
    compare.add_argument("--json", action="store_true", help="print JSON instead of a table")
    compare.set_defaults(func=run_compare)

    summary = actions.add_parser(
        "summary", help="per snapshot: date, occupied and contested km², front length"
    )
    summary.add_argument("snapshots", nargs="+", metavar="SNAPSHOT", help="files or URLs")
    summary.add_argument("--json", action="store_true", help="print JSON instead of a table")
    summary.set_defaults(func=run_summary)

    _verify.add_parser(actions)


def _print_table(records: list[dict[str, Any]], *, as_json: bool) -> None:
    if as_json:
        json.dump(records, sys.stdout, ensure_ascii=False, indent=1, default=str)
        print()
        return
    import pandas as pd

    print(pd.DataFrame(records).to_string(index=False))


def run_load(args: argparse.Namespace) -> int:
    """Write the snapshots, normalised and sorted by date, to one file."""
    from geonews.frontline.sources import load_series

    kind = output_format(args.output, None, suffixes=_SUFFIXES)
    with warnings_shown():
        series = load_series(args.snapshots)
    if kind == "parquet":
        series.to_parquet(args.output, index=False)
    else:
        series.to_file(args.output, driver="GeoJSON", engine="pyogrio")
    info(f"wrote {len(series)} areas of {series['date'].nunique()} dates to {args.output}")
    return 0 if len(series) else 1


def run_compare(args: argparse.Namespace) -> int:
    """Print the change table; exit 1 when nothing changed."""
    from geonews import frontline
    from geonews.places.resolver import resolve

    within = None
    if args.near is not None:
        place = resolve(args.near)
        within = frontline.surroundings(place.lat, place.lon, radius_km=args.radius_km)
    with warnings_shown():
        before, after = frontline.load(args.before), frontline.load(args.after)
    diff = frontline.change(before, after, within=within)
    records = [
        {
            "change": row.change,
            "oblast": row.admin1,
            "area_km2": round(float(row.area_km2), 1),
            "from": row.date_from.date() if row.date_from == row.date_from else None,
            "to": row.date_to.date() if row.date_to == row.date_to else None,
        }
        for row in diff.itertuples()
    ]
    if records:
        _print_table(records, as_json=args.json)
    else:
        info("no change in the occupied area")
    return 0 if records else 1


def run_summary(args: argparse.Namespace) -> int:
    """Print one line per snapshot."""
    from geonews import frontline

    records = []
    for location in args.snapshots:
        with warnings_shown():
            snap = frontline.load(location)
        line = frontline.front_line(snap)
        records.append(
            {
                "date": snap["date"].iloc[0].date() if len(snap) else None,
                "file": _file_name(location),
                "areas": len(snap),
                "occupied_km2": round(frontline.occupied_area_km2(snap)),
                "contested_km2": round(frontline.occupied_area_km2(snap, statuses=("contested",))),
                "front_km": round(_length_km(line)),
            }
        )
    _print_table(records, as_json=args.json)
    return 0 if any(r["areas"] for r in records) else 1


def _file_name(location: str) -> str:
    return location.rstrip("/").rsplit("/", 1)[-1]


def _length_km(line: Any) -> float:
    import geopandas as gpd

    from geonews.frontline.projection import EQUAL_AREA

    if line.is_empty:
        return 0.0
    return float(gpd.GeoSeries([line], crs=4326).to_crs(EQUAL_AREA).length.iloc[0]) / 1000
