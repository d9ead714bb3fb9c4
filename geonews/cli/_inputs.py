"""What the subcommands share: reading texts, the context option, output and progress."""

from __future__ import annotations

import argparse
import contextlib
import csv
import sys
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from geonews.errors import InvalidInput

_INPUTS_HELP = (
    "text files, folders (every .txt/.jsonl/.csv/.rss/.atom/.xml inside), saved RSS/Atom "
    "feeds, feed URLs, Telegram Desktop exports (result.json), or - for standard input"
)


def add_context_option(p: argparse.ArgumentParser) -> None:
    """Add ``--country-bias`` (the resolution context) and ``--aliases`` (your own rows)."""
    p.add_argument(
        "--country-bias",
        default="war",
        help="'war' (default: Ukraine, then Russia and neighbours), an ISO code, or 'none'",
    )
    p.add_argument(
        "--aliases",
        default=None,
        metavar="CSV",
        help="your own alias rows: a CSV file with 'alias' and 'place_id' columns "
        "(e.g. Novoselivka,geonames:704409)",
    )


def resolver(args: argparse.Namespace) -> Any:
    """The :class:`~geonews.places.Resolver` that ``--country-bias`` and ``--aliases`` ask for.

    Raises
    ------
    InvalidInput
        When the alias file lacks the ``alias`` or ``place_id`` column or has an empty cell.
    """
    from geonews.places.resolver import Resolver

    bias = None if args.country_bias.lower() == "none" else args.country_bias
    return Resolver(country_bias=bias, aliases=_alias_rows(args.aliases))


def geoparser(args: argparse.Namespace) -> Any:
    """A :class:`~geonews.mentions.Geoparser` for the options, or None for the default one."""
    if args.country_bias == "war" and args.aliases is None:
        return None
    from geonews.mentions.parser import Geoparser

    return Geoparser(resolver(args))


def _alias_rows(path: str | None) -> dict[str, str] | None:
    if path is None:
        return None
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            return _alias_table(path, csv.DictReader(handle))
    except UnicodeDecodeError as err:
        where = f"{err.reason} at byte {err.start}"
        raise InvalidInput(f"{path!r} is not UTF-8 text ({where})") from None
    except csv.Error as err:
        raise InvalidInput(f"{path!r}: not a CSV file: {err}") from None


def _alias_table(path: str, reader: csv.DictReader) -> dict[str, str]:
    missing = {"alias", "place_id"} - set(reader.fieldnames or ())
    if missing:
        raise InvalidInput(
            f"{path!r} needs the columns 'alias' and 'place_id'; missing {sorted(missing)}"
        )
    rows = {}
    for number, row in enumerate(reader, start=2):
        alias, place_id = (row["alias"] or "").strip(), (row["place_id"] or "").strip()
        if not alias or not place_id:
            raise InvalidInput(f"{path!r} line {number}: empty alias or place_id: {row!r}")
        rows[alias] = place_id
    return rows


def add_input_options(p: argparse.ArgumentParser) -> None:
    """Add the input arguments: files/folders/feeds/``-``, ``--text`` and ``--date``."""
    p.add_argument("inputs", nargs="*", metavar="INPUT", help=_INPUTS_HELP)
    p.add_argument(
        "-t", "--text", action="append", default=[], help="a text given inline (repeatable)"
    )
    p.add_argument(
        "--date",
        default=None,
        help="article date (YYYY-MM-DD) for documents without one; anchors 'on Tuesday'",
    )


def documents(args: argparse.Namespace) -> Iterator[Any]:
    """Yield the documents named by ``args.inputs`` and ``args.text``, lazily.

    Raises
    ------
    InvalidInput
        When nothing was given, or an input is neither a file, a folder nor a URL.
    """
    from geonews.corpus.read import Document, documents, read

    if not args.inputs and not args.text:
        raise InvalidInput(f"nothing to read: give {_INPUTS_HELP}, or --text")

    def stream() -> Iterator[Any]:
        for i, text in enumerate(args.text):
            yield Document(f"text:{i + 1}", text, source="--text")
        for name in args.inputs:
            if name == "-":
                yield Document("stdin", sys.stdin.read(), source="stdin")
            else:
                yield from read(name)

    return documents(stream(), date=args.date)


def progress(items: Iterable[Any], *, desc: str) -> Iterable[Any]:
    """Wrap ``items`` in a tqdm bar on stderr when it is a terminal (quiet otherwise)."""
    if not sys.stderr.isatty():
        return items
    from tqdm.auto import tqdm

    return tqdm(items, desc=desc, unit="doc")


def output_format(path: str | None, given: str | None, *, suffixes: dict[str, str]) -> str:
    """The output format: ``--format`` if given, else from the suffix of ``-o``.

    Raises
    ------
    InvalidInput
        When neither tells.
    """
    if given is not None:
        return given
    if path is None:
        return next(iter(suffixes.values()))
    suffix = Path(path).suffix.lower()
    if suffix not in suffixes:
        raise InvalidInput(
            f"cannot tell the output format of {path!r}: use a suffix in "
            f"{sorted(suffixes)} or --format"
        )
    return suffixes[suffix]


@contextlib.contextmanager
def opened(path: str | None) -> Iterator[IO[str]]:
    """Open ``path`` for writing text (UTF-8), or give stdout when it is None or ``-``."""
    if path is None or path == "-":
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8", newline="") as handle:
        yield handle


def report_failures(frame: Any, *, what: str = "documents") -> None:
    """Tell on stderr which documents (or rows) could not be read or processed.

    Raises
    ------
    InvalidInput
        When not one could be read (bad input, exit 2, not "nothing found").
    """
    failed = frame.attrs.get("failures", [])
    if failed:
        total = frame.attrs.get("documents", len(failed))
        if len(failed) == total:
            first = failed[0]
            raise InvalidInput(
                f"none of the {total} {what} could be read; "
                f"first {first['doc_id']!r}: {first['reason']}"
            )
        first = failed[0]
        print(
            f"geonews: {len(failed)} of {total} {what} failed; "
            f"first {first['doc_id']!r}: {first['reason']}",
            file=sys.stderr,
        )


@contextlib.contextmanager
def warnings_shown() -> Iterator[None]:
    """Show the library's warnings as ``geonews: warning: ...`` lines on stderr, as they come.

    Python would print them with the file and line of the ``warnings.warn`` call, which
    reads like a crash; here each is one line saying what was dropped and why.
    """

    def show(message: Warning | str, *_: Any, **__: Any) -> None:
        print(f"geonews: warning: {message}", file=sys.stderr)

    with warnings.catch_warnings():
        warnings.simplefilter("always", UserWarning)
        warnings.showwarning = show
        yield


def info(message: str) -> None:
    """A status line on stderr (stdout stays clean for data)."""
    print(f"geonews: {message}", file=sys.stderr)
