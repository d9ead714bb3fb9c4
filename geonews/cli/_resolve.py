"""``geonews resolve NAME...``: place names in any spelling or script -> places."""

from __future__ import annotations

import argparse
import json
import sys

from geonews.cli._inputs import add_context_option, resolver


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the subcommand."""
    p = sub.add_parser(
        "resolve",
        help="resolve place names offline (any spelling or script)",
        description="Resolve place names offline, e.g. Krasnoarmeysk -> Pokrovsk.",
    )
    p.add_argument("names", nargs="+", help="place names, e.g. Krasnoarmeysk Artemovsk")
    add_context_option(p)
    p.add_argument("--region", default=None, help="prefer places in this region (e.g. Donetsk)")
    p.add_argument("--json", action="store_true", help="print JSON instead of lines")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Resolve each name; exit 1 when any is not found."""
    names = resolver(args)
    missing = 0
    rows = []
    for name in args.names:
        place = names.get(name, region=args.region)
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
