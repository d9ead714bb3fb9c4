"""``geonews map``: texts (or an events file) -> one HTML map that works offline."""

from __future__ import annotations

import argparse
from typing import Any

from geonews.cli._events import extract
from geonews.cli._inputs import add_context_option, add_input_options, info, warnings_shown
from geonews.errors import InvalidInput


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the subcommand."""
    p = sub.add_parser(
        "map",
        help="map the reported events as one HTML file (offline by default)",
        description="Extract events and draw them on an interactive map saved as one "
        "self-contained HTML file: no network needed to open it.",
    )
    add_input_options(p)
    add_context_option(p)
    p.add_argument("-o", "--output", default="geonews-map.html",
                   help="HTML file to write (default: geonews-map.html)")  # fmt: skip
    p.add_argument(
        "--events", default=None, metavar="FILE",
        help="map an events file written by 'geonews events' instead of texts",
    )  # fmt: skip
    p.add_argument(
        "--frontline", action="append", default=[], metavar="SNAPSHOT",
        help="control-area snapshot (file or URL) drawn under the events (repeatable)",
    )  # fmt: skip
    p.add_argument("--since", default=None, help="keep events on or after this date")
    p.add_argument("--until", default=None, help="keep events on or before this date")
    p.add_argument("--heatmap", action="store_true", help="add a heat-map layer")
    p.add_argument(
        "--all-modalities", action="store_true",
        help="also draw events reported as threatened, planned or supposed (default: actual only)",
    )  # fmt: skip
    p.add_argument(
        "--online", action="store_true",
        help="keep OpenStreetMap tiles and load Leaflet from CDNs (needs the network to view)",
    )  # fmt: skip
    p.add_argument("--no-dedupe", action="store_true", help="keep one row per document and event")
    p.set_defaults(func=run)


def _between(frame: Any, since: str | None, until: str | None) -> Any:
    """Events dated within [since, until]; undated events are dropped when filtering."""
    import pandas as pd

    from geonews.dates import parse_date

    keep = pd.Series(True, index=frame.index)
    for value, inside in ((since, frame["date"].ge), (until, frame["date"].le)):
        if value is not None:
            day = parse_date(value)
            if day is None:
                raise InvalidInput(f"not a date: {value!r}")
            keep &= inside(pd.Timestamp(day))
    return frame[keep]


def run(args: argparse.Namespace) -> int:
    """Write the map; exit 1 when there is no event to draw (no file is written then)."""
    from geonews.maps import event_map, save_map

    if args.events is not None:
        if args.inputs or args.text:
            raise InvalidInput("give either texts or --events FILE, not both")
        from geonews.export.write import read_events

        frame = read_events(args.events)
    else:
        frame = extract(args)
    frame = _between(frame, args.since, args.until)
    if not args.all_modalities and "modality" in frame.columns:
        other = frame["modality"].astype("string").fillna("actual").ne("actual").to_numpy(bool)
        if other.any():
            info(
                f"{int(other.sum())} of {len(frame)} events are not reported as having happened "
                "(future, conditional, hypothetical) and are not drawn (see --all-modalities)"
            )
            frame = frame[~other]
    empty = frame.geometry.isna() | frame.geometry.is_empty
    if empty.any():
        info(f"{int(empty.sum())} of {len(frame)} events have no geometry and are not drawn")
        frame = frame[~empty]
    if not len(frame):
        info("no events to map; nothing written")
        return 1
    frontline = None
    if args.frontline:
        from geonews.frontline.sources import load_series

        with warnings_shown():
            frontline = load_series(args.frontline)
    m = event_map(frame, frontline=frontline, heatmap=args.heatmap, modalities=None)
    path = save_map(m, args.output, offline=not args.online)
    info(f"wrote a map of {len(frame)} events to {path}")
    return 0
