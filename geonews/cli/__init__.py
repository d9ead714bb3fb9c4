"""Command line: ``geonews --help``.

Subcommands, one module each:

``resolve``   place names -> places (:mod:`geonews.cli._resolve`)
``parse``     texts -> toponym mentions as CSV, JSON or GeoJSON (:mod:`geonews.cli._parse`)
``events``    texts -> events as GeoJSON, GeoParquet or CSV (:mod:`geonews.cli._events`)
``map``       texts or an events file -> one offline HTML map (:mod:`geonews.cli._map`)
``frontline`` control-area snapshots: load, compare, summary, verify claims
              (:mod:`geonews.cli._frontline`, :mod:`geonews.cli._verify`)
``eval``      score the geoparser on a gold JSONL file (:mod:`geonews.cli._eval`)
``import``    an ACLED or UCDP GED export -> an events file (:mod:`geonews.cli._coded`)
``compare``   news events against a coded dataset (:mod:`geonews.cli._compare`)
``eval-events`` geonews on coders' own texts, against their coding (:mod:`geonews.cli._eval_events`)
``gazetteer`` install GeoNames country dumps or your own gazetteer (:mod:`geonews.cli._gazetteer`)

Texts come from files, folders, ``-`` (standard input), saved RSS/Atom feeds or feed URLs
(:mod:`geonews.cli._inputs`).  Exit codes: 0 ok, 1 nothing found, 2 bad input.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from geonews.cli import (
    _coded,
    _compare,
    _eval,
    _eval_events,
    _events,
    _frontline,
    _gazetteer,
    _map,
    _parse,
    _resolve,
)
from geonews.errors import GeonewsError

__all__ = ["main"]

#: Exit codes.
OK, NOTHING_FOUND, BAD_INPUT = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="geonews",
        description="War reporting to maps: places, events, front lines.",
        epilog="Exit codes: 0 ok, 1 nothing found, 2 bad input. "
        "Example: geonews map data/samples/dispatch.txt -o dispatch-map.html",
    )
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in (_resolve, _parse, _events, _map, _frontline, _eval):
        module.add_parser(sub)
    for module in (_coded, _compare, _eval_events):  # coded datasets beside the news
        module.add_parser(sub)
    _gazetteer.add_parser(sub)
    return parser


def _version() -> str:
    from geonews import __version__

    return f"geonews {__version__}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code.

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments without the program name; default ``sys.argv[1:]``.

    Returns
    -------
    int
        0 ok, 1 nothing found, 2 bad input (argparse usage errors exit with 2 too).

    Examples
    --------
    >>> main(["resolve", "Artemovsk"])  # doctest: +ELLIPSIS
    Artemovsk -> Bakhmut (Donetsk, UA) ...
    0
    """
    args = _parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:  # e.g. `geonews parse ... | head`: the reader stopped early
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return OK
    except GeonewsError as err:
        print(f"geonews: error: {err}", file=sys.stderr)
        return BAD_INPUT
    except OSError as err:  # unreadable or unwritable files named on the command line
        print(f"geonews: error: {err}", file=sys.stderr)
        return BAD_INPUT
