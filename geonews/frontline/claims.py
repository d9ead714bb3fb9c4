"""Claims of a change of control: which events make one, and for which side.

An event *claims a change of control* when it says a side took, liberated or advanced
into a place, or that the other side withdrew from it: in the events table of
:func:`geonews.events` that is ``Strategic developments`` / ``Claimed capture``,
``Advance`` or ``Withdrawal``, or a ``Battles`` row whose sentence says a place was
captured, liberated, taken or pushed out of.  Each claim gets a kind
(:data:`CLAIM_KINDS`) and the side it says now holds or gains the place
(``claimed_side``, ``"RU"`` or ``"UA"``).

The side is read, in this order, from

1. a ``side`` column, when the frame has one (the side the claim says gains the place;
   for "Ukraine withdrew from Avdiivka" that is ``"RU"``);
2. the sentence: the side named as the subject of the capture, advance or withdrawal
   ("Russian forces captured", "Ukrainian troops were pushed out of", "liberated by
   Ukrainian forces"); a withdrawal gives the place to the other side;
3. the claimant: the first one with a side claims for that side, and a withdrawal it
   announces is its own ("Ukraine's military said it had withdrawn").

:func:`read_claims` reads a claims file: a CSV with ``lat``/``lon`` columns (such as
``tests/data/claims.csv``) or an events file written by ``geonews events``.

Examples
--------
>>> import geopandas as gpd, pandas as pd
>>> from shapely.geometry import Point
>>> ev = gpd.GeoDataFrame({
...     "date": pd.to_datetime(["2024-02-17", "2024-02-17"]),
...     "event_type": ["Strategic developments"] * 2,
...     "sub_type": ["Withdrawal", "Claimed capture"],
...     "claimant": ["Ukrainian military", "Russian defence ministry"],
...     "sentence": ["Ukraine's army said its units withdrew from Avdiivka.",
...                  "Russia's defence ministry said its forces took full control of Avdiivka."],
...     "place_text": ["Avdiivka", "Avdiivka"],
... }, geometry=[Point(37.75, 48.14)] * 2, crs=4326)
>>> select(ev)[["claim_kind", "claimed_side"]].values.tolist()
[['withdrawal', 'RU'], ['capture', 'RU']]
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Sequence
from os import PathLike
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from geonews.errors import InvalidInput
from geonews.places import lonlat

__all__ = ["CLAIM_KINDS", "SIDES", "claimed_side", "read_claims", "select"]

#: What a claim says happened at its place.
CLAIM_KINDS = ("capture", "advance", "withdrawal")

#: The two sides a claim can be for.
SIDES = ("RU", "UA")

#: Events table sub-type -> claim kind.
_KINDS = {"Claimed capture": "capture", "Advance": "advance", "Withdrawal": "withdrawal"}
_OTHER = {"RU": "UA", "UA": "RU"}


# A side named as an actor.  Words that only qualify a place ("the Ukrainian town of",
# "Russian-held") are not actors and are skipped.
_SIDE_WORDS = (
    ("RU", r"Russia(?:n|'s|’s)?|Moscow(?:'s|’s)?|Kremlin|Wagner|pro-Russian|Russian-backed"),
    ("UA", r"Ukrain(?:e|ian|e's|e’s)|Kyiv(?:'s|’s)?|Kiev(?:'s|’s)?|Zelensk\w*|Syrsk\w*"),
)
_SIDE = re.compile("|".join(f"(?P<{side}>\\b(?:{words})\\b)" for side, words in _SIDE_WORDS))
_QUALIFIER = re.compile(
    r"[-‑](?:held|occupied|controlled|installed|appointed|annexed)\b"
    r"|\s+(?:town|city|village|region|oblast|soil|territory|territories|border|side|lines?)\b",
    re.IGNORECASE,
)
# "were pushed out of", "has been liberated": the named side lost the place.
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be|got)\s+(?:\w+\s+)?$", re.IGNORECASE)
# "liberated by Ukrainian forces", "fell to Russian troops", "withdrawal of Russian troops"
_AGENT = re.compile(r"^\s*(?:by|to|of)\s+(?:the\s+)?$", re.IGNORECASE)
_NEXT = re.compile(r"^\s*(?:the\s+)?$", re.IGNORECASE)


@functools.cache
def _lexicon() -> tuple[dict[str, re.Pattern[str]], dict[str, str]]:
    """The words that make each kind and the claimants' sides, from the events lexicons.

    Taken from there so the two never drift; loaded on first use, since the events
    pipeline is heavy to import and reading snapshots does not need it.
    """
    from geonews.activity import attribution, taxonomy

    triggers = {
        _KINDS[sub]: pattern
        for pattern, event_type, sub in taxonomy.TRIGGERS
        if event_type == taxonomy.STRATEGIC and sub in _KINDS
    }
    sides = {name: side for _, name, side in attribution.CLAIMANTS if side in SIDES}
    sides.update({name: side for side, name in attribution.SIDE_NAMES.items()})
    return triggers, sides


def select(events: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Return the events that claim a change of control, with its kind and side.

    Rows are kept when they have a ``claim_kind`` (a column of your own, one of
    :data:`CLAIM_KINDS`), or a capture, advance or withdrawal sub-type, or are
    ``Battles`` whose sentence says a place was captured or liberated; and when their
    ``modality`` (if any) is ``"actual"``, their ``status`` is not ``"denied"`` and
    their ``precision`` is not ``"country"`` (a whole country is no place to check).

    Parameters
    ----------
    events : geopandas.GeoDataFrame
        Events from :func:`geonews.events` or :func:`read_claims`.

    Returns
    -------
    geopandas.GeoDataFrame
        The claim rows (original index kept) with ``claim_kind`` and ``claimed_side``
        (``"RU"``, ``"UA"`` or None when no side can be told).

    Raises
    ------
    InvalidInput
        When ``events`` is not a GeoDataFrame, or a ``claim_kind`` or ``side`` value
        is not one this module knows.
    """
    if not isinstance(events, gpd.GeoDataFrame):
        raise InvalidInput(f"expected an events GeoDataFrame, got {type(events)!r}")
    kind = _kinds(events)
    keep = kind.notna()
    if "modality" in events.columns:
        keep &= events["modality"].fillna("actual").eq("actual")
    if "status" in events.columns:
        keep &= events["status"].fillna("").ne("denied")
    if "precision" in events.columns:
        keep &= events["precision"].fillna("").ne("country")
    out = events[keep.to_numpy()].copy()
    out["claim_kind"] = kind[keep].astype(object)
    given = _given_sides(out)
    out["claimed_side"] = [
        side if side is not None else claimed_side(row)
        for side, row in zip(given, _rows(out), strict=True)
    ]
    return out


def claimed_side(row: dict[str, Any]) -> str | None:
    """Tell which side a claim says gains its place: ``"RU"``, ``"UA"`` or None.

    Parameters
    ----------
    row : mapping
        ``claim_kind`` and, as available, ``sentence``, ``place_text``, ``claimant``.

    Returns
    -------
    str or None

    Examples
    --------
    >>> claimed_side({"claim_kind": "capture",
    ...               "sentence": "Russian troops were pushed out of Robotyne, Kyiv said."})
    'UA'
    >>> claimed_side({"claim_kind": "withdrawal", "claimant": "Ukrainian military"})
    'RU'
    """
    kind = row.get("claim_kind")
    side = _sentence_side(kind, row.get("sentence"), row.get("place_text"))
    if side is None:
        side = _claimant_side(row.get("claimant"))
        if side is not None and kind == "withdrawal":  # a side announces its own withdrawal
            side = _OTHER[side]
    return side


def read_claims(path: str | PathLike[str]) -> gpd.GeoDataFrame:
    """Read claims from a CSV with ``lat``/``lon`` columns or from an events file.

    A claims CSV has one row per claim with ``lat``, ``lon`` and a date
    (``claim_date`` or ``date``, ``YYYY-MM-DD``), and optionally ``side`` (RU/UA,
    the side said to gain the place), ``kind`` or ``claim_kind`` (one of
    :data:`CLAIM_KINDS`; ``capture`` when absent or empty), ``claimant``, ``place`` and
    ``country`` (ISO code of the place's country: ``RU`` for Sudzha); other columns are
    kept.  Any other file is read with :func:`geonews.export.write.read_events`
    (GeoJSON, GeoParquet, CSV with WKT geometry).

    Parameters
    ----------
    path : str or path-like

    Returns
    -------
    geopandas.GeoDataFrame
        EPSG:4326, with ``date`` (datetime64) and, for a claims CSV, ``place_name``,
        ``precision="settlement"`` and ``claim_kind``.

    Raises
    ------
    InvalidInput
        When a row has a bad date, coordinate, side or kind (the message names the file,
        line and value), or the file cannot be read as claims or events.
    FileNotFoundError
        When the file does not exist.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no such claims file: {str(path)!r}")
    header = _csv_header(path) if path.suffix.lower() == ".csv" else []
    if {"lat", "lon"} <= set(header):
        return _read_claims_csv(path)
    from geonews.export.write import read_events

    try:
        return read_events(path)
    except InvalidInput as err:
        raise InvalidInput(f"{str(path)!r}: {err}") from err
    except Exception as err:  # pyogrio, pyarrow and pandas raise many types: convert here
        raise InvalidInput(f"cannot read claims or events from {str(path)!r}: {err}") from err


# --------------------------------------------------------------------------- helpers


def _kinds(events: gpd.GeoDataFrame) -> pd.Series:
    """The claim kind of each row, or None."""
    n = len(events)
    sub = events["sub_type"] if "sub_type" in events.columns else pd.Series([None] * n)
    kind = pd.Series(sub.map(_KINDS).to_numpy(), index=events.index, dtype=object)
    if "event_type" in events.columns and "sentence" in events.columns:
        battles = events["event_type"].eq("Battles") & kind.isna()
        capture = _lexicon()[0]["capture"]
        said = events["sentence"].map(lambda s: isinstance(s, str) and bool(capture.search(s)))
        kind[battles & said] = "capture"
    if "claim_kind" in events.columns:
        own = events["claim_kind"].where(events["claim_kind"].notna(), None)
        bad = sorted({str(v) for v in own.dropna() if v not in CLAIM_KINDS})
        if bad:
            raise InvalidInput(f"claim_kind values must be in {CLAIM_KINDS!r}, got {bad!r}")
        kind = own.where(own.notna(), kind)
    return kind.where(kind.notna(), None)


def _given_sides(frame: pd.DataFrame) -> list[str | None]:
    if "side" not in frame.columns:
        return [None] * len(frame)
    values = [v.strip().upper() if isinstance(v, str) and v.strip() else None
              for v in frame["side"]]  # fmt: skip
    bad = sorted({v for v in values if v is not None and v not in SIDES})
    if bad:
        raise InvalidInput(f"side values must be in {SIDES!r}, got {bad!r}")
    return values


def _rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    columns = [c for c in ("claim_kind", "sentence", "place_text", "claimant") if c in frame]
    return frame[columns].to_dict("records")


def _sentence_side(kind: Any, sentence: Any, place_text: Any) -> str | None:
    """The side the sentence names as taking (or leaving) the place, or None."""
    triggers = _lexicon()[0]
    if not isinstance(sentence, str) or kind not in triggers:
        return None
    found = list(triggers[kind].finditer(sentence))
    if not found:
        return None
    anchor = sentence.find(place_text) if isinstance(place_text, str) and place_text else -1
    trigger = min(found, key=lambda m: abs(m.start() - anchor)) if anchor >= 0 else found[0]
    actor, lost = None, False
    # "fell to Russian troops": the trigger already ends with its preposition
    lead = _NEXT if trigger.group().lower().endswith(" to") else _AGENT
    after = _actor(sentence, trigger.end(), lead)
    if after is not None:  # "liberated by Ukrainian forces", "withdrawal of Russian troops"
        actor = after
    else:
        before = [m for m in _SIDE.finditer(sentence, 0, trigger.start()) if _is_actor(m)]
        if before:
            actor = before[-1].lastgroup
            lost = bool(_PASSIVE.search(sentence, 0, trigger.start()))
    if actor is None:
        return None
    if kind == "withdrawal":
        lost = not lost
    return _OTHER[actor] if lost else actor


def _actor(sentence: str, end: int, lead: re.Pattern[str]) -> str | None:
    """A side named right after the trigger behind ``by``/``to``/``of``, or None."""
    for m in _SIDE.finditer(sentence, end, min(len(sentence), end + 40)):
        if lead.search(sentence[end : m.start()]) and _is_actor(m):
            return m.lastgroup
        return None
    return None


def _is_actor(match: re.Match[str]) -> bool:
    return not _QUALIFIER.match(match.string, match.end())


def _claimant_side(claimant: Any) -> str | None:
    """The side of the first claimant that has one."""
    if not isinstance(claimant, str):
        return None
    known = _lexicon()[1]
    for name in claimant.split(";"):
        name = name.strip()
        if name in known:
            return known[name]
        m = _SIDE.search(name)
        if m:
            return m.lastgroup
    return None


def _csv_header(path: Path) -> list[str]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            return [h.strip() for h in next(csv.reader(handle), [])]
    except (UnicodeDecodeError, csv.Error) as err:
        raise InvalidInput(f"{str(path)!r} is not a readable UTF-8 CSV: {err}") from err


def _read_claims_csv(path: Path) -> gpd.GeoDataFrame:
    """A claims CSV (one row per claim, ``lat``/``lon``) as a GeoDataFrame."""
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (ValueError, csv.Error) as err:  # pandas' ParserError is a ValueError
        raise InvalidInput(f"cannot read claims from {str(path)!r}: {err}") from err
    table.columns = [c.strip() for c in table.columns]
    date_column = "claim_date" if "claim_date" in table.columns else "date"
    if date_column not in table.columns:
        raise InvalidInput(f"{str(path)!r} needs a 'claim_date' or 'date' column")
    lat = _numbers(table, "lat", path, -90, 90)
    lon = _numbers(table, "lon", path, -180, 180)
    dates = _dates(table[date_column], path)
    frame = table.drop(columns=[c for c in ("date", "claim_date") if c in table.columns])
    frame = frame.replace("", None)
    frame.insert(0, "date", dates)
    if "place" in frame.columns and "place_name" not in frame.columns:
        frame["place_name"] = frame["place"]
    if "precision" not in frame.columns:
        frame["precision"] = "settlement"
    kind_column = "claim_kind" if "claim_kind" in frame.columns else "kind"
    if kind_column in frame.columns:  # every row of a claims file is a claim: capture by default
        kinds = frame[kind_column].where(frame[kind_column].notna(), "capture")
        _check_values(kinds, CLAIM_KINDS, path, kind_column)
        frame["claim_kind"] = kinds.astype(object)
    else:
        frame["claim_kind"] = "capture"
    if "side" in frame.columns:
        _check_values(frame["side"].dropna().str.upper(), SIDES, path, "side")
    points = gpd.points_from_xy(*zip(*map(lonlat, lat, lon), strict=True)) if len(table) else []
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(points, crs=4326), crs=4326)


def _numbers(table: pd.DataFrame, column: str, path: Path, low: float, high: float) -> np.ndarray:
    values = pd.to_numeric(table[column].str.strip(), errors="coerce").to_numpy(dtype=float)
    bad = ~np.isfinite(values) | (values < low) | (values > high)
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise InvalidInput(
            f"{str(path)!r} line {i + 2}: {column} must be a number in [{low}, {high}], "
            f"got {table[column].iloc[i]!r}"
        )
    return values


def _dates(values: pd.Series, path: Path) -> pd.Series:
    dates = pd.to_datetime(values.str.strip(), format="%Y-%m-%d", errors="coerce")
    bad = dates.isna() & values.str.strip().ne("")
    if bad.any():
        i = int(np.flatnonzero(bad.to_numpy())[0])
        raise InvalidInput(
            f"{str(path)!r} line {i + 2}: {values.name} must be a date YYYY-MM-DD, "
            f"got {values.iloc[i]!r}"
        )
    return dates.astype("datetime64[ns]")


def _check_values(values: pd.Series, allowed: Sequence[str], path: Path, column: str) -> None:
    bad = ~values.isin(allowed)
    if bad.any():
        i = int(np.flatnonzero(bad.to_numpy())[0])
        raise InvalidInput(
            f"{str(path)!r} line {values.index[i] + 2}: {column} must be one of "
            f"{tuple(allowed)!r}, got {values.iloc[i]!r}"
        )
