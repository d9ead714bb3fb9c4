"""``geonews frontline verify``: claims of a change of control against later control maps.

``EVENTS`` is a claims CSV (``lat``, ``lon``, ``claim_date``, optional ``side``, ``kind``,
``claimant``, ``country``) or an events file written by ``geonews events``; the claims
among it are checked against the snapshots (:func:`geonews.frontline.verify`).  The rows
go to ``-o FILE`` (CSV) or standard output; ``--summary`` prints counts per claimant,
month or side instead.  Exit codes: 0 ok, 1 no claim of a change of control found, 2 bad
input (the message names the file and value).
"""

from __future__ import annotations

import argparse
import sys
import warnings
from typing import Any

from geonews.cli._inputs import info, opened
from geonews.errors import InvalidInput

#: Columns written first, in this order (the input's own columns follow).
_FIRST = [
    "claim_id",
    "date",
    "claimant",
    "place_name",
    "claim_kind",
    "claimed_side",
    "verdict",
    "confirmed_on",
    "lag_days",
    "before_on",
    "status_before",
    "decided_on",
    "front_distance_km",
    "front_side",
    "statuses",
    "basis",
    "lat",
    "lon",
]


def add_parser(actions: argparse._SubParsersAction) -> None:
    """Register ``frontline verify``."""
    p = actions.add_parser(
        "verify",
        help="check claims of captures, advances and withdrawals against later snapshots",
        description="For each claim of a change of control in EVENTS, the control status "
        "at its place in the last snapshot before it and in the later ones, and a verdict: "
        "confirmed, already, not_yet, contradicted or unknown.",
    )
    p.add_argument(
        "events",
        metavar="EVENTS",
        help="a claims CSV (lat, lon, claim_date, side, kind, claimant) or an events file "
        "(.geojson, .parquet, .csv) written by 'geonews events'",
    )
    p.add_argument("snapshots", nargs="+", metavar="SNAPSHOT", help="snapshot files or URLs")
    p.add_argument("-o", "--output", default=None, help="CSV file for the rows (default: stdout)")
    p.add_argument(
        "--within-days",
        type=int,
        default=30,
        help="the other side still holding the place this long after the claim "
        "contradicts it (default 30)",
    )
    p.add_argument(
        "--buffer-m",
        type=float,
        default=1000.0,
        help="radius (m) of the disk a settlement is checked on (default 1000)",
    )
    p.add_argument(
        "--hold-share",
        type=float,
        default=None,
        help="share of the place a side must hold to hold it (default 0.75)",
    )
    p.add_argument(
        "--summary",
        action="append",
        choices=("claimant", "month", "side"),
        default=[],
        help="print counts of verdicts per claimant, month or side instead of the rows "
        "(repeatable; the rows still go to -o)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Check the claims; exit 1 when EVENTS holds no claim of a change of control."""
    from geonews.frontline import load_series, read_claims, verify, verify_summary
    from geonews.frontline.verdicts import HOLD_SHARE

    claims = read_claims(args.events)
    series = load_series([_snapshot(location) for location in args.snapshots])
    hold = HOLD_SHARE if args.hold_share is None else args.hold_share
    verified = verify(
        claims, series, within_days=args.within_days, buffer_m=args.buffer_m, hold_share=hold
    )
    if not len(verified):
        info(f"no claim of a change of control in {args.events!r}")
        return 1
    counts = verified["verdict"].value_counts()
    info(
        f"{len(verified)} claims: "
        + ", ".join(f"{counts[v]} {v}" for v in counts.index)
        + f" (snapshots of {series['date'].nunique()} dates)"
    )
    table = _table(verified)
    if args.output is not None or not args.summary:
        with opened(args.output) as handle:
            table.to_csv(handle, index=False, date_format="%Y-%m-%d", lineterminator="\n")
        if args.output is not None:
            info(f"wrote {len(table)} rows to {args.output}")
    for by in args.summary:
        print(verify_summary(verified, by=by).to_string(index=False))
    return 0


def _snapshot(location: str) -> Any:
    """One snapshot, which must have a date and some control areas."""
    from geonews.frontline import load

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        snapshot = load(location)
    for warning in caught:
        if "no date" in str(warning.message):
            raise InvalidInput(
                f"{location!r} has no date: put YYYYMMDD in its name "
                "(deepstatemap_data_20250715.geojson) or give it a 'date' column"
            )
        print(f"geonews: {warning.message}", file=sys.stderr)
    if not len(snapshot):
        raise InvalidInput(f"{location!r} holds no control area (polygons with a status)")
    if snapshot["date"].isna().all():
        raise InvalidInput(f"{location!r} has no valid date in its 'date' column")
    return snapshot


def _table(verified: Any) -> Any:
    """The rows as a flat table: dates as days, points as lat/lon, no geometry."""
    import shapely

    points = shapely.point_on_surface(verified.geometry.values)
    table = verified.drop(columns=verified.geometry.name).copy()
    table["lat"] = shapely.get_y(points).round(5)
    table["lon"] = shapely.get_x(points).round(5)
    first = [c for c in _FIRST if c in table.columns]
    table = table[first + [c for c in table.columns if c not in first]]
    table["front_distance_km"] = table["front_distance_km"].round(2)
    return table
