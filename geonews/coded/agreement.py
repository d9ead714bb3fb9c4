"""How often geonews finds what the coders coded, from the coders' own text: :func:`agreement`.

For each coded event with a text - ACLED's ``notes``, UCDP's ``source_headline`` (the
``sentence`` column of :func:`geonews.read_acled` / :func:`geonews.read_ucdp`) - and a
date, geonews's extractor runs over that text with that date as the article date, and
the events it finds are set against the coded one:

* **found**: geonews extracted at least one event from the text;
* **place**: one of them lies within ``km`` of the coded point (for a region-level
  event, the point is inside the region or within ``km`` of it);
* **type**: that event (of those within ``km``, the one of the coded type if any, else
  the nearest) has the coded event type - ACLED's types are geonews's own; a UCDP
  category counts as agreeing with the geonews types it covers
  (:data:`geonews.coded.compare.COMPATIBLE`);
* **sub-type**: and the same sub-event type (ACLED only: UCDP has none);
* the **confusion** table counts coded type (rows) against geonews's type (columns;
  ``"(none within N km)"`` when nothing was placed near).

What it measures, and what not: agreement between geonews's reading of a short,
coder-written summary and the coding of that summary.  Notes are not news: they are
written in a regular style ("On 2 December 2025, Russian forces shelled Kherson city
(Kherson, Kherson)"), name the place the coders chose and rarely more than one event, so
this is a self-check of the extractor and the taxonomy mapping, not of geonews on
dispatches (``bench/eval_events.py`` scores that on hand-made gold).  It says nothing
about events neither side extracted; ACLED types geonews does not code (Riots, some
Strategic developments sub-types) count as disagreements; coded points at region
precision (ACLED ``geo_precision`` 3) are a region's centre, so a correct town can be
farther than ``km`` from them.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from geonews.coded.compare import COMPATIBLE, _distances
from geonews.errors import InvalidInput
from geonews.maps.escape import text as html_text

__all__ = ["Agreement", "agreement"]

_NONE = "(none within {km:g} km)"


@dataclass(repr=False)
class Agreement:
    """Agreement of geonews with the coders on their own texts (module docstring).

    Attributes
    ----------
    rows : pandas.DataFrame
        One row per coded event evaluated: ``event_id``, ``coded_type``,
        ``coded_sub_type``, ``n_found`` (events geonews extracted from the text),
        ``type``, ``sub_type``, ``km`` (of the event chosen; empty when none within
        ``km``), ``place``, ``same_type``, ``same_sub_type``, ``text``.
    confusion, sub_type_confusion : pandas.DataFrame
        Coded (rows) against geonews (columns), counts.
    failures : list of dict
        Texts the extractor failed on (``doc_id``, ``reason``).
    """

    dataset: str
    km: float
    n_coded: int
    n_evaluated: int
    n_skipped: int
    found: float | None
    place: float | None
    type: float | None
    sub_type: float | None
    type_given_place: float | None
    seconds: float
    rows: pd.DataFrame = field(repr=False)
    confusion: pd.DataFrame = field(repr=False)
    sub_type_confusion: pd.DataFrame = field(repr=False)
    failures: list[dict[str, str]] = field(repr=False, default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the rates and counts as a plain dict (JSON-serialisable)."""
        return {
            "dataset": self.dataset,
            "km": self.km,
            "n_coded": self.n_coded,
            "n_evaluated": self.n_evaluated,
            "n_skipped": self.n_skipped,
            "found": self.found,
            "place": self.place,
            "type": self.type,
            "sub_type": self.sub_type,
            "type_given_place": self.type_given_place,
            "seconds": round(self.seconds, 3),
            "failures": len(self.failures),
            "confusion": {
                str(k): {str(c): int(v) for c, v in row.items()}
                for k, row in self.confusion.to_dict("index").items()
            },
        }

    def _lines(self) -> list[tuple[str, str]]:
        def rate(value: float | None) -> str:
            return "n/a" if value is None else f"{value:.3f}"

        return [
            ("events", f"{self.n_evaluated:,} evaluated of {self.n_coded:,} coded "
                       f"({self.n_skipped:,} without text or date)"),
            ("found", f"{rate(self.found)} (geonews extracted an event from the text)"),
            ("place", f"{rate(self.place)} (an event within {self.km:g} km)"),
            ("type", f"{rate(self.type)} (same event type; {rate(self.type_given_place)} "
                     "of those placed)"),
            ("sub-type", f"{rate(self.sub_type)}"),
            ("speed", f"{self.n_evaluated / self.seconds:,.0f} texts/s" if self.seconds else "n/a"),
        ]  # fmt: skip

    def __repr__(self) -> str:
        return (
            f"<Agreement with {self.dataset}: {self.n_evaluated:,} events, place "
            f"{self.place}, type {self.type}, sub-type {self.sub_type} (within {self.km:g} km)>"
        )

    @property
    def title(self) -> str:
        """Heading of the report."""
        return f"geonews against {self.dataset} coders, on their own texts"

    def __str__(self) -> str:
        lines = [self.title, *(f"  {k:<9} {v}" for k, v in self._lines())]
        return "\n".join([*lines, "", "confusion (coded rows, geonews columns):",
                          self.confusion.to_string()])  # fmt: skip

    def _repr_html_(self) -> str:
        body = "".join(
            f"<tr><th style='text-align:left'>{html_text(k)}</th>"
            f"<td style='text-align:left'>{html_text(v)}</td></tr>"
            for k, v in self._lines()
        )
        # DataFrame.to_html escapes the labels and cells
        return (
            f"<div><table><caption>{html_text(self.title)}</caption>{body}</table>"
            f"<p>confusion (coded rows, geonews columns)</p>{self.confusion.to_html()}</div>"
        )


def _agrees(coded: Any, found: Any) -> bool:
    if not isinstance(coded, str) or not isinstance(found, str):
        return False
    return coded == found or coded in COMPATIBLE.get(found, ())


def agreement(
    coded: gpd.GeoDataFrame | str | os.PathLike[str],
    *,
    km: float = 10,
    extract: Callable[..., Any] | None = None,
    limit: int | None = None,
    progress: bool | None = None,
) -> Agreement:
    """Run geonews over each coded event's own text and score the agreement.

    Parameters
    ----------
    coded : GeoDataFrame or path
        From :func:`geonews.read_acled` / :func:`geonews.read_ucdp`, or an export file
        (read with :func:`geonews.coded.read_coded`).
    km : float
        Largest distance between the coded point and geonews's place.
    extract : callable, optional
        ``extract(documents) -> events frame`` with ``doc_id`` = the coded
        ``event_id``; by default :func:`geonews.events` (no cross-document merge).
    limit : int, optional
        Evaluate only the first ``limit`` events with a text.
    progress : bool, optional
        Show a progress bar (by default when interactive).

    Returns
    -------
    Agreement

    Raises
    ------
    InvalidInput
        For a frame without the columns of a coded frame, or a bad ``km``/``limit``.

    Examples
    --------
    >>> from shapely.geometry import Point
    >>> coded = gpd.GeoDataFrame({
    ...     "event_id": ["UKR1"], "event_type": ["Battles"], "sub_type": ["Armed clash"],
    ...     "date": pd.to_datetime(["2025-12-01"]), "dataset": ["ACLED"],
    ...     "sentence": ["On 1 December 2025, Russian forces clashed with Ukrainian "
    ...                  "forces near Pokrovsk (Donetsk)."]},
    ...     geometry=[Point(37.1758, 48.2817)], crs=4326)
    >>> def extract(docs):  # stands in for geonews.events
    ...     ids = [d.doc_id for d in docs]
    ...     return gpd.GeoDataFrame({"doc_id": ids, "event_type": ["Battles"],
    ...                              "sub_type": ["Armed clash"]},
    ...                             geometry=[Point(37.18, 48.28)], crs=4326)
    >>> result = agreement(coded, extract=extract)
    >>> result.place, result.type, result.sub_type
    (1.0, 1.0, 1.0)
    """
    from geonews.corpus.read import Document

    if not isinstance(coded, gpd.GeoDataFrame):
        from geonews.coded import read_coded

        coded = read_coded(coded)
    missing = [c for c in ("event_id", "event_type", "date", "sentence") if c not in coded]
    if missing:
        raise InvalidInput(f"not a coded events frame: missing columns {missing!r}")
    if not (isinstance(km, (int, float)) and np.isfinite(km) and km >= 0):
        raise InvalidInput(f"km must be a distance >= 0, not {km!r}")
    if limit is not None and (not isinstance(limit, int) or limit < 0):
        raise InvalidInput(f"limit must be a whole number >= 0, not {limit!r}")
    if coded.crs is not None and coded.crs.to_epsg() != 4326:
        coded = coded.to_crs(4326)
    named = coded["dataset"].dropna() if "dataset" in coded else pd.Series([], dtype=object)
    dataset = str(named.iloc[0]) if len(named) else str(coded.attrs.get("dataset", "coded"))
    text = coded["sentence"].astype(object)
    usable = (
        text.map(lambda t: isinstance(t, str) and bool(t.strip())).to_numpy(bool)
        & coded["date"].notna().to_numpy()
        & ~coded.geometry.isna().to_numpy()
    )
    positions = np.flatnonzero(usable)
    if limit is not None:
        positions = positions[:limit]
    ids = coded["event_id"].astype(str).to_numpy()
    docs = [
        Document(ids[i], text.iloc[i], date=coded["date"].iloc[i].date(), source=dataset)
        for i in positions
    ]
    if extract is None:
        from geonews.activity import events

        def extract(documents: list[Document]) -> gpd.GeoDataFrame:
            return events(documents, dedupe=False, progress=progress)

    start = time.perf_counter()
    found = extract(docs)
    seconds = time.perf_counter() - start
    rows = _score(coded, positions, found, km)
    n = len(rows)

    def share(mask: pd.Series) -> float | None:
        return float(mask.mean()) if n else None

    none = _NONE.format(km=km)
    placed = rows["place"]
    confusion = pd.crosstab(rows["coded_type"], rows["type"].fillna(none))
    sub_confusion = pd.crosstab(rows["coded_sub_type"].fillna("(none)"),
                                rows["sub_type"].fillna(none))  # fmt: skip
    for table in (confusion, sub_confusion):
        table.index.name, table.columns.name = "coded", "geonews"
    return Agreement(
        dataset=dataset,
        km=float(km),
        n_coded=len(coded),
        n_evaluated=n,
        n_skipped=int(len(coded) - usable.sum()),
        found=share(rows["n_found"] > 0),
        place=share(placed),
        type=share(rows["same_type"]),
        sub_type=share(rows["same_sub_type"]),
        type_given_place=float(rows.loc[placed, "same_type"].mean()) if placed.any() else None,
        seconds=seconds,
        rows=rows,
        confusion=confusion,
        sub_type_confusion=sub_confusion,
        failures=list(getattr(found, "attrs", {}).get("failures", [])),
    )


def _score(coded: gpd.GeoDataFrame, positions: np.ndarray, found: Any, km: float) -> pd.DataFrame:
    ids = coded["event_id"].astype(str).to_numpy()
    by_doc: dict[str, list[int]] = {}
    found_ids = found["doc_id"].astype(str).tolist() if len(found) else []
    for k, doc_id in enumerate(found_ids):
        by_doc.setdefault(doc_id, []).append(k)
    found_geoms = found.geometry.to_numpy() if len(found) else np.empty(0, dtype=object)
    found_types = found["event_type"].to_numpy(dtype=object) if len(found) else []
    found_subs = (
        found["sub_type"].to_numpy(dtype=object) if len(found) and "sub_type" in found else []
    )
    geoms = coded.geometry.to_numpy()
    sub_types = coded["sub_type"] if "sub_type" in coded else pd.Series([None] * len(coded))
    out = []
    for i in positions.tolist():
        mine = by_doc.get(ids[i], [])
        coded_type = coded["event_type"].iloc[i]
        coded_sub = sub_types.iloc[i] if isinstance(sub_types.iloc[i], str) else None
        chosen, distance = None, None
        if mine:
            rows = np.asarray(mine)
            present = np.array([g is not None and not g.is_empty for g in found_geoms[rows]])
            rows = rows[present]
            if len(rows):
                pairs = np.arange(len(rows))
                dist = _distances(found_geoms[rows], geoms[[i] * len(rows)], pairs, pairs)
                near = dist <= km
                if near.any():
                    agree = np.array([_agrees(coded_type, found_types[r]) for r in rows])
                    rank = np.lexsort((dist, ~(near & agree), ~near))
                    chosen, distance = int(rows[rank[0]]), float(dist[rank[0]])
        ftype = found_types[chosen] if chosen is not None else None
        fsub = found_subs[chosen] if chosen is not None and len(found_subs) else None
        same_type = chosen is not None and _agrees(coded_type, ftype)
        out.append(
            {
                "event_id": ids[i],
                "coded_type": coded_type,
                "coded_sub_type": coded_sub,
                "n_found": len(mine),
                "type": ftype,
                "sub_type": fsub,
                "km": None if distance is None else round(distance, 2),
                "place": chosen is not None,
                "same_type": bool(same_type),
                "same_sub_type": bool(same_type and coded_sub is not None and coded_sub == fsub),
                "text": coded["sentence"].iloc[i],
            }
        )
    columns = ["event_id", "coded_type", "coded_sub_type", "n_found", "type", "sub_type",
               "km", "place", "same_type", "same_sub_type", "text"]  # fmt: skip
    return pd.DataFrame(out, columns=columns)
