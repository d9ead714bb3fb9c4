"""Command line: ``geonews resolve``, and more as the package grows (``geonews --help``)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from geonews.errors import GeonewsError

__all__ = ["main"]


def _cmd_resolve(args: argparse.Namespace) -> int:
    from geonews.resolver import Resolver

    bias = None if args.country_bias.lower() == "none" else args.country_bias
    resolver = Resolver(country_bias=bias)
    missing = 0
    rows = []
    for name in args.names:
        place = resolver.get(name, region=args.region)
        if place is None:
            missing += 1
            rows.append({"query": name, "place": None})
            print(f"geonews: no place found for {name!r}", file=sys.stderr)
            continue
        rows.append({"query": name, **place.to_dict()})
    if args.json:
        for row in rows:
            row.pop("raw", None)
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for row in rows:
            if row.get("place", True) is None:
                continue
            where = ", ".join(x for x in (row["admin1"], row["country"]) if x)
            print(
                f"{row['query']} -> {row['name']} ({where}) {row['lat']:.5f}, {row['lon']:.5f}"
                f"  [{row['id']}; {row['kind']}; matched {row['matched']}]"
            )
    return 1 if missing else 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="geonews", description="War reporting to maps: places, events, front lines."
    )
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("resolve", help="resolve place names offline (any spelling or script)")
    p.add_argument("names", nargs="+", help="place names, e.g. Krasnoarmeysk Artemovsk")
    p.add_argument(
        "--country-bias",
        default="war",
        help="'war' (default: Ukraine, then Russia and neighbours), an ISO code, or 'none'",
    )
    p.add_argument("--region", default=None, help="prefer places in this region (e.g. Donetsk)")
    p.add_argument("--json", action="store_true", help="print JSON instead of lines")
    p.set_defaults(func=_cmd_resolve)
    return parser


def _version() -> str:
    from geonews import __version__

    return f"geonews {__version__}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 not found, 2 bad input)."""
    args = _parser().parse_args(argv)
    try:
        return args.func(args)
    except GeonewsError as err:
        print(f"geonews: error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
