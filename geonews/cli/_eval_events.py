"""``geonews eval-events --acled FILE``: geonews on the coders' own texts, against their coding."""

from __future__ import annotations

import argparse
import json
import sys

from geonews.cli._inputs import info, report_failures
from geonews.errors import InvalidInput


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the subcommand."""
    p = sub.add_parser(
        "eval-events",
        help="run geonews over ACLED notes / UCDP headlines and score it against the coding",
        description="For each coded event, extract events from its own text (ACLED notes, "
        "UCDP source_headline) with its date, and report how often geonews finds an event "
        "there, within --km of the coded point, of the same type and sub-type, with the "
        "confusion table. A self-check on coder prose, not a score on news text.",
    )
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--acled", metavar="FILE", help="an ACLED export (.csv/.xlsx)")
    which.add_argument("--ucdp", metavar="FILE", help="a UCDP GED export (.csv)")
    p.add_argument("--km", type=float, default=10.0, help="largest distance (default 10)")
    p.add_argument("--limit", type=int, default=None, help="only the first N events")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("-o", "--output", default=None, metavar="CSV",
                   help="also write one row per coded event (what geonews found)")  # fmt: skip
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the report; exit 1 when no event had a text to read."""
    from geonews.coded import read_acled, read_ucdp
    from geonews.coded.agreement import agreement

    if args.limit is not None and args.limit < 0:
        raise InvalidInput(f"--limit must be >= 0, not {args.limit}")
    coded = read_acled(args.acled) if args.acled else read_ucdp(args.ucdp)
    report_failures(coded, what="rows")
    result = agreement(coded, km=args.km, limit=args.limit)
    if result.failures:
        first = result.failures[0]
        info(f"{len(result.failures):,} texts failed; first {first['doc_id']!r}: "
             f"{first['reason']}")  # fmt: skip
    if args.json:
        json.dump(result.to_dict(), sys.stdout, indent=1)
        print()
    else:
        print(result)
    if args.output:
        result.rows.to_csv(args.output, index=False)
        info(f"wrote {len(result.rows):,} rows to {args.output}")
    return 0 if result.n_evaluated else 1
