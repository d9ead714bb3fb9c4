"""``geonews events``: texts -> one row per reported event (GeoJSON, GeoParquet, CSV, GPKG, KML)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

from geonews.cli._inputs import (
    add_context_option,
    add_input_options,
    documents,
    geoparser,
    info,
    output_format,
    report_failures,
)
from geonews.errors import InvalidInput

_SUFFIXES = {
    ".geojson": "geojson",
    ".json": "geojson",
    ".parquet": "parquet",
    ".geoparquet": "parquet",
    ".csv": "csv",
    ".gpkg": "gpkg",
    ".kml": "kml",
}
#: Formats that cannot go to standard output.
BINARY = {"parquet": "events.parquet", "gpkg": "events.gpkg"}


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the subcommand."""
    p = sub.add_parser(
        "events",
        help="extract reported events (GeoJSON, GeoParquet, CSV, GeoPackage or KML)",
        description="Extract reported events: type, place, date, claimant, status. "
        "The same event reported by several documents is kept once.",
    )
    add_input_options(p)
    add_context_option(p)
    p.add_argument("-o", "--output", default=None, help="output file (default: stdout)")
    p.add_argument(
        "-f", "--format", choices=["csv", "geojson", "parquet", "gpkg", "kml"], default=None,
        help="output format (default: from the -o suffix, else geojson)",
    )  # fmt: skip
    p.add_argument("--no-dedupe", action="store_true", help="keep one row per document and event")
    p.set_defaults(func=run)


def extract(args: argparse.Namespace) -> Any:
    """The events GeoDataFrame of the inputs (failures reported on stderr)."""
    from geonews.activity import events

    frame = events(documents(args), geoparser=geoparser(args), dedupe=not args.no_dedupe)
    report_failures(frame)
    return frame


def run(args: argparse.Namespace) -> int:
    """Write the events; exit 1 when there are none."""
    from geonews.export.write import write_events

    kind = output_format(args.output, args.format, suffixes=_SUFFIXES)
    if kind in BINARY and args.output in (None, "-"):
        raise InvalidInput(f"{kind} is binary: give a file with -o {BINARY[kind]}")
    frame = extract(args)
    if args.output in (None, "-"):
        with tempfile.TemporaryDirectory() as tmp:
            path = write_events(frame, Path(tmp) / f"events.{kind}", file_format=kind)
            sys.stdout.write(path.read_text(encoding="utf-8"))
    else:
        write_events(frame, args.output, file_format=kind)
        info(f"wrote {len(frame)} events from {frame.attrs['documents']} documents "
             f"to {args.output}")  # fmt: skip
    return 0 if len(frame) else 1
