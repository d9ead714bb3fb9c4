"""``geonews parse``: texts -> toponym mentions as CSV, JSON or GeoJSON."""

from __future__ import annotations

import argparse
import csv
import json
from collections.abc import Iterator
from typing import Any

from geonews.cli._inputs import (
    add_context_option,
    add_input_options,
    documents,
    info,
    opened,
    output_format,
    progress,
    resolver,
)
from geonews.errors import InvalidInput
from geonews.places import lonlat

FIELDS = (
    "doc_id", "start", "end", "text", "role", "place_name", "place_id", "kind", "lat", "lon",
    "country", "admin1", "geonameid", "part_name", "address", "matched", "score",
)  # fmt: skip
_SUFFIXES = {".csv": "csv", ".json": "json", ".geojson": "geojson"}


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the subcommand."""
    p = sub.add_parser(
        "parse",
        help="find and resolve the places texts name (mentions as CSV, JSON or GeoJSON)",
        description="Find every toponym in the texts, resolve it and tag its role "
        "(literal place or metonym such as 'Moscow said').",
    )
    add_input_options(p)
    add_context_option(p)
    p.add_argument("-o", "--output", default=None, help="output file (default: stdout)")
    p.add_argument(
        "-f", "--format", choices=sorted(set(_SUFFIXES.values())), default=None,
        help="output format (default: from the -o suffix, else csv)",
    )  # fmt: skip
    p.set_defaults(func=run)


def rows(args: argparse.Namespace) -> Iterator[dict[str, Any]]:
    """One dict per mention, documents in input order."""
    from geonews.mentions.parser import Geoparser

    parser = Geoparser(resolver(args))
    count = failed = 0
    for doc in progress(documents(args), desc="parse"):
        count += 1
        if doc.error is not None or not doc.text:
            failed += doc.error is not None
            info(f"skipped {doc.doc_id!r}: {doc.error or 'no text'}")
            continue
        for m in parser(doc.text, date=doc.date):
            p = m.place
            yield {
                "doc_id": doc.doc_id,
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "role": m.role,
                "place_name": p and p.name,
                "place_id": p and p.id,
                "kind": p and p.kind,
                "lat": p and p.lat,
                "lon": p and p.lon,
                "country": p and p.country,
                "admin1": p and p.admin1,
                "geonameid": p and p.geonameid,
                "part_name": m.part and m.part.name,  # "eastern Ukraine" within Ukraine
                "address": m.address,  # "Donetsk" in "Hryhorivka (Donetsk)"
                "matched": m.matched,
                "score": round(m.score, 4),
            }
    if count and failed == count:
        raise InvalidInput(f"none of the {count} documents could be read (see above)")


def run(args: argparse.Namespace) -> int:
    """Write the mentions; exit 1 when the texts name no place."""
    kind = output_format(args.output, args.format, suffixes=_SUFFIXES)
    found = list(rows(args))
    with opened(args.output) as out:
        if kind == "csv":
            writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(found)
        elif kind == "json":
            json.dump(found, out, ensure_ascii=False, indent=1)
            out.write("\n")
        else:
            features = [
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": lonlat(r["lat"], r["lon"])},
                    "properties": {k: v for k, v in r.items() if k not in ("lat", "lon")},
                }
                for r in found
                if r["lat"] is not None
            ]
            json.dump({"type": "FeatureCollection", "features": features}, out,
                      ensure_ascii=False)  # fmt: skip
            out.write("\n")
    if args.output:
        info(f"wrote {len(found)} mentions to {args.output}")
    return 0 if found else 1
