"""Evaluation reports: the scores of one run, printable and shown as a table in Jupyter.

:class:`Report` (geoparsing) and :class:`EventReport` (event extraction) are the
dataclasses :func:`geonews.evaluate.metrics.evaluate` and
:func:`~geonews.evaluate.metrics.evaluate_events` return; ``str(report)`` is the
plain-text table, ``_repr_html_`` the (escaped) HTML one, ``to_dict()`` the figures.
The metrics themselves are defined in :mod:`geonews.evaluate.metrics`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from geonews.maps.escape import text

__all__ = ["EventReport", "Report"]


def _fmt(value: Any) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.3f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


class _Table:
    """Readable ``__str__`` and escaped ``_repr_html_`` from ``_rows()``."""

    title: str

    def _rows(self) -> list[tuple[str, str]]:
        raise NotImplementedError

    def to_dict(self) -> dict[str, Any]:
        """Return the metrics as a plain dict (JSON-serialisable)."""
        return {k: v for k, v in asdict(self).items() if not k.startswith("_")}  # type: ignore[call-overload]

    def __str__(self) -> str:
        rows = self._rows()
        width = max(len(label) for label, _ in rows)
        return "\n".join([self.title, *(f"  {lab:<{width}}  {val}" for lab, val in rows)])

    def _repr_html_(self) -> str:
        body = "".join(
            f"<tr><th style='text-align:left'>{text(lab)}</th>"
            f"<td style='text-align:left'>{text(val)}</td></tr>"
            for lab, val in self._rows()
        )
        return f"<table><caption>{text(self.title)}</caption>{body}</table>"


@dataclass
class Report(_Table):
    """Geoparsing scores of one gold set (definitions in :mod:`geonews.evaluate.metrics`).

    ``errors_km`` holds the resolution error of every scored toponym, for curves.
    """

    name: str
    n_docs: int
    n_gold: int
    n_predicted: int
    n_matched: int
    precision: float | None
    recall: float | None
    f1: float | None
    n_resolution: int
    n_unresolved: int
    acc_161km: float | None
    auc: float | None
    mean_error_km: float | None
    median_error_km: float | None
    n_roles: int
    role_accuracy: float | None
    seconds: float
    docs_per_second: float | None
    errors_km: list[float] = field(default_factory=list, repr=False)

    @property
    def title(self) -> str:  # type: ignore[override]
        """Heading of the printed report."""
        return f"geoparse evaluation: {self.name} ({self.n_docs:,} documents)"

    def to_dict(self) -> dict[str, Any]:
        """Return the metrics as a plain dict (``errors_km`` left out).

        Examples
        --------
        >>> from geonews.evaluate import evaluate
        >>> r = evaluate([], lambda text: [], name="empty")
        >>> r.to_dict()["n_docs"], "errors_km" in r.to_dict()
        (0, False)
        """
        d = super().to_dict()
        del d["errors_km"]
        return d

    def _rows(self) -> list[tuple[str, str]]:
        return [
            (
                "recognition",
                f"P {_fmt(self.precision)}  R {_fmt(self.recall)}  F1 {_fmt(self.f1)}  "
                + _matched(self.n_matched, self.n_gold, self.n_predicted),
            ),
            (
                "resolution",
                f"Acc@161km {_fmt(self.acc_161km)}  AUC {_fmt(self.auc)}  "
                f"mean {_km(self.mean_error_km)}  median {_km(self.median_error_km)}  "
                f"(n {self.n_resolution:,}, unresolved {self.n_unresolved:,})",
            ),
            ("role", f"accuracy {_fmt(self.role_accuracy)} (n {self.n_roles:,})"),
            ("speed", f"{_fmt(self.docs_per_second)} docs/s ({self.seconds:.2f} s)"),
        ]


def _matched(n_matched: int, n_gold: int, n_predicted: int) -> str:
    return f"(matched {n_matched:,} of {n_gold:,} gold, {n_predicted:,} predicted)"


def _km(value: float | None) -> str:
    return "n/a" if value is None else f"{value:,.1f} km"


@dataclass
class EventReport(_Table):
    """Event-extraction scores: gold events paired with predicted ones by place.

    ``place_recall`` is the share of gold events with a predicted event at the same place
    (GeoNames id, or normalised name, surface form or accepted alternative);
    ``precision`` the share of predicted events paired with a gold one; the accuracies are
    over the paired events (``date_accuracy`` over those whose gold has a date; a date
    inside a gold range counts).
    """

    name: str
    n_docs: int
    n_gold: int
    n_predicted: int
    n_matched: int
    place_recall: float | None
    precision: float | None
    type_accuracy: float | None
    sub_type_accuracy: float | None
    status_accuracy: float | None
    modality_accuracy: float | None
    claimant_accuracy: float | None
    n_dated: int
    date_accuracy: float | None
    seconds: float
    docs_per_second: float | None

    @property
    def title(self) -> str:  # type: ignore[override]
        """Heading of the printed report."""
        return f"event evaluation: {self.name} ({self.n_docs:,} documents)"

    def _rows(self) -> list[tuple[str, str]]:
        return [
            (
                "place",
                f"recall {_fmt(self.place_recall)}  precision {_fmt(self.precision)}  "
                + _matched(self.n_matched, self.n_gold, self.n_predicted),
            ),
            (
                "type",
                f"event type {_fmt(self.type_accuracy)}  sub-type {_fmt(self.sub_type_accuracy)}",
            ),
            (
                "status",
                f"status {_fmt(self.status_accuracy)}  modality "
                f"{_fmt(self.modality_accuracy)}  claimant {_fmt(self.claimant_accuracy)}",
            ),
            ("date", f"accuracy {_fmt(self.date_accuracy)} (n {self.n_dated:,})"),
            ("speed", f"{_fmt(self.docs_per_second)} docs/s ({self.seconds:.2f} s)"),
        ]
