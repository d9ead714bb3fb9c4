"""``geonews gazetteer download CC... | add FILE... | list | status | remove NAME...``.

Installs GeoNames country dumps and your own gazetteer files beside the embedded one
(:mod:`geonews.places.install`); the index is rebuilt once after each change.
"""

from __future__ import annotations

import argparse
import json
import sys


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the subcommand."""
    p = sub.add_parser(
        "gazetteer",
        help="install GeoNames country dumps or your own gazetteer (every village)",
        description="Install GeoNames country dumps (every village, raion, river, height and "
        "airfield; CC BY 4.0, credit GeoNames) or your own CSV gazetteer beside the embedded "
        "one. Example: geonews gazetteer download UA RU",
    )
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    d = actions.add_parser("download", help="download GeoNames country dumps (UA RU BY MD ...)")
    d.add_argument("countries", nargs="+", help="ISO country codes, or allCountries")
    d.add_argument(
        "--base-url",
        default=None,
        help="where the dumps are (default $GEONEWS_GAZETTEER_URL or the GeoNames export)",
    )
    d.add_argument("--timeout", type=float, default=60.0, help="seconds per connect or read")
    d.add_argument("--no-build", action="store_true", help="rebuild the index on next use")
    d.set_defaults(func=_download)
    a = actions.add_parser("add", help="install a dump (.zip/.txt) or a CSV gazetteer on disk")
    a.add_argument("files", nargs="+", help="GeoNames dumps or CSV files (name,lat,lon,...)")
    a.add_argument("--name", default=None, help="the source's name (default: the file's stem)")
    a.add_argument("--no-build", action="store_true", help="rebuild the index on next use")
    a.set_defaults(func=_add)
    for action, helptext in (
        ("list", "list the installed gazetteers"),
        ("status", "the installed gazetteers and the index they give"),
    ):
        s = actions.add_parser(action, help=helptext)
        s.add_argument("--json", action="store_true", help="print JSON")
        s.set_defaults(func=_status)
    r = actions.add_parser("remove", help="uninstall gazetteers by name (see list)")
    r.add_argument("names", nargs="+", help="source names, e.g. UA")
    r.set_defaults(func=_remove)


def _download(args: argparse.Namespace) -> int:
    from geonews.places import install

    for src in install.download(
        *args.countries, base_url=args.base_url, timeout=args.timeout, build=False
    ):
        print(f"installed {src.name}: {src.rows:,} places from {src.origin}")
    return _build(args)


def _add(args: argparse.Namespace) -> int:
    from geonews.errors import InvalidInput
    from geonews.places import install

    if args.name and len(args.files) > 1:
        raise InvalidInput(f"--name names one file, not {len(args.files)}")
    for file in args.files:
        src = install.add(file, name=args.name, build=False)
        print(f"installed {src.name}: {src.rows:,} places from {src.origin}")
    return _build(args)


def _build(args: argparse.Namespace) -> int:
    from geonews.places import install

    if not args.no_build:
        print("building the gazetteer index (once per change) ...", file=sys.stderr)
        print(f"index: {install.rebuild()}")
    return 0


def _status(args: argparse.Namespace) -> int:
    from geonews.places import install

    info = install.status()
    if args.json:
        json.dump(info if args.action == "status" else info["sources"], sys.stdout, indent=1)
        print()
        return 0
    if not info["sources"]:
        print(f"no gazetteer installed (in {info['data_dir']}): the embedded one only")
    for s in info["sources"]:
        print(
            f"{s['name']}\t{s['format']}\t{s['rows']:,} places\t{s['bytes'] / 2**20:.1f} MB"
            f"\tfile of {s['modified']}\tinstalled {s['installed']}\tfrom {s['origin']}"
        )
    if args.action == "status":
        built = f"{info['index_bytes'] / 2**20:.0f} MB" if info["index_built"] else "not built yet"
        print(f"data dir: {info['data_dir']}")
        print(f"index: {info['index']} ({built})")
    return 0


def _remove(args: argparse.Namespace) -> int:
    from geonews.places import install

    for name in args.names:
        src = install.remove(name)
        print(f"removed {src.name} ({src.file})")
    return 0
