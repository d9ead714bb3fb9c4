"""``geonews import acled|ucdp FILE``: a coded dataset's export -> a geonews events file."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from geonews.cli._events import _SUFFIXES, BINARY
from geonews.cli._inputs import info, output_format, report_failures
from geonews.errors import InvalidInput

#: Dataset names on the command line -> reader.
DATASETS = ("acled", "ucdp")


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the subcommand."""
    p = sub.add_parser(
        "import",
        help="an ACLED or UCDP GED export -> events (GeoJSON, GeoParquet, CSV, GPKG, KML)",
        description="Read an ACLED export (CSV/XLSX) or a UCDP GED CSV into geonews's events "
        "schema, with the dataset's ids, fatalities and actors as extra columns. Bad rows are "
        "reported on stderr by file, line and value.",
    )
    p.add_argument("dataset", choices=DATASETS, help="which dataset the file comes from")
    p.add_argument("file", help="the export (.csv, or .xlsx with openpyxl)")
    p.add_argument("-o", "--output", default=None, help="output file (default: stdout)")
    p.add_argument(
        "-f", "--format", choices=["csv", "geojson", "parquet", "gpkg", "kml"], default=None,
        help="output format (default: from the -o suffix, else geojson)",
    )  # fmt: skip
    p.add_argument("--encoding", default=None, help="the file's encoding (default: detected)")
    p.add_argument(
        "--dayfirst", choices=["auto", "yes", "no"], default="auto",
        help="read dates like 03/12/2025 day first (yes), month first (no), or as the file "
        "tells (auto: day first when it cannot)",
    )  # fmt: skip
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write the events; exit 1 when no row could be read."""
    from geonews.coded import read_acled, read_ucdp
    from geonews.export.write import write_events

    kind = output_format(args.output, args.format, suffixes=_SUFFIXES)
    if kind in BINARY and args.output in (None, "-"):
        raise InvalidInput(f"{kind} is binary: give a file with -o {BINARY[kind]}")
    reader = read_acled if args.dataset == "acled" else read_ucdp
    dayfirst = {"auto": None, "yes": True, "no": False}[args.dayfirst]
    frame = reader(args.file, encoding=args.encoding, dayfirst=dayfirst)
    report_failures(frame, what="rows")
    if args.output in (None, "-"):
        with tempfile.TemporaryDirectory() as tmp:
            path = write_events(frame, Path(tmp) / f"events.{kind}", file_format=kind, extra=True)
            sys.stdout.write(path.read_text(encoding="utf-8"))
    else:
        write_events(frame, args.output, file_format=kind, extra=True)
        info(f"wrote {len(frame):,} {frame.attrs['dataset']} events of "
             f"{frame.attrs['documents']:,} rows to {args.output}")  # fmt: skip
    return 0 if len(frame) else 1
