"""Merging events: what is reported twice becomes one event.

Two scopes, one set of rules for what the merged event says:

* **within a document** (:func:`merge_document`, on the events
  :class:`~geonews.activity.extract.EventExtractor` reads): events at the same place with
  the same modality and dates within a day (an undated mention joins the dated one) fold
  into one when they have the same type and sub-type, or when their claims contradict
  each other about whether the place fell (a claimed capture against continuing clashes,
  or a denial): one ``contested`` event carrying every claimant;
* **across documents** (:class:`CorpusRows`, behind :func:`geonews.events`): rows of
  different documents with the same event type, place and modality and dates within a
  day are kept once, the first row, with every source, URL and claimant joined by
  ``"; "``.

Either way the statuses combine by :func:`combined_status` and the larger quantity is
kept (:func:`larger_quantity`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from geonews.activity import taxonomy as tx

if TYPE_CHECKING:
    from geonews.activity.event import Event

__all__ = ["CorpusRows", "close_dates", "combined_status", "larger_quantity", "merge_document"]

#: Sub-types whose claims can contradict each other about who holds a place.
_CONFLICT_SUBTYPES = {"Armed clash", "Claimed capture", "Withdrawal", "Advance"}
#: One side's withdrawal and the other's claimed capture agree that the place changed hands.
_AGREEING = {"Withdrawal", "Claimed capture"}
_DAY = dt.timedelta(days=1)


def combined_status(a: str, b: str) -> str:
    """Return the status of one event reported with statuses ``a`` and ``b``.

    A denial or a contest on either side makes it ``contested``; otherwise one report
    without a hedge makes it ``reported``; otherwise it stays ``a``.

    Parameters
    ----------
    a, b : str
        Event statuses (:data:`~geonews.activity.taxonomy.EVENT_STATUSES`), ``a`` the
        kept event's.

    Returns
    -------
    str

    Examples
    --------
    >>> combined_status("claimed", "reported"), combined_status("claimed", "denied")
    ('reported', 'contested')
    """
    pair = {a, b}
    if pair & {"contested", "denied"}:
        return "contested"
    return "reported" if "reported" in pair else a


def larger_quantity(kept: int | None, new: int | None) -> int | None:
    """Return the quantity of a merged event: the larger one, a missing one counting less.

    Parameters
    ----------
    kept, new : int or None
        The kept event's quantity and the merged-in one's.

    Returns
    -------
    int or None

    Examples
    --------
    >>> larger_quantity(None, 5), larger_quantity(7, 5), larger_quantity(3, None)
    (5, 7, 3)
    """
    if new is not None and (kept is None or new > kept):
        return new
    return kept


def close_dates(a: dt.date | None, b: dt.date | None) -> bool:
    """Tell whether two event dates are within a day of each other (or both missing).

    Parameters
    ----------
    a, b : datetime.date or None

    Returns
    -------
    bool

    Examples
    --------
    >>> import datetime as dt
    >>> close_dates(dt.date(2025, 12, 1), dt.date(2025, 12, 2)), close_dates(None, None)
    (True, True)
    """
    if a is None or b is None:
        return a is b
    return abs((a - b).days) <= 1


def merge_document(found: list[Event]) -> list[Event]:
    """Fold repeated events, and contradicting claims at one place into one contested event.

    Parameters
    ----------
    found : list of events
        One document's events in text order (the extractor's working records, changed
        in place where they absorb others).

    Returns
    -------
    list of events
        The events that remain, in the order they were first found.
    """
    while True:  # a merge can make two kept events contradict: fold until nothing folds
        out = _merge_once(found)
        if len(out) == len(found):
            return out
        found = out


def _merge_once(found: list[Event]) -> list[Event]:
    out: list[Event] = []
    for event in found:
        match = None
        for kept in out:
            if kept.place.id != event.place.id or kept.modality != event.modality:
                continue
            if (
                kept.date is not None
                and event.date is not None
                and not close_dates(kept.date, event.date)
            ):
                continue  # within a document an undated mention joins the dated one
            same = (kept.event_type, kept.sub_type) == (event.event_type, event.sub_type)
            conflict = (
                kept.sub_type in _CONFLICT_SUBTYPES
                and event.sub_type in _CONFLICT_SUBTYPES
                and (
                    {kept.status, event.status} & {"contested", "denied"}
                    # two sides' claims; one side's claim alone contradicts nothing
                    or _opposed(kept.claimants + event.claimants)
                )
                # one side's withdrawal and the other's claimed capture agree that the
                # place changed hands: two events, not a contradiction
                and {kept.sub_type, event.sub_type} != _AGREEING
                # a contradiction is about whether the place fell: fighting and an advance
                # reported together are two events
                and "Claimed capture" in {kept.sub_type, event.sub_type}
            )
            # "police detained protesters", "detained and tortured civilians": the arrest
            # is part of the other event of its sentence
            arrest = (
                "Arrests" in (kept.sub_type, event.sub_type)
                and not same
                and kept.sentence == event.sentence
            )
            if same or conflict or arrest:
                match = kept
                break
        if match is None:
            out.append(event)
            continue
        if match.sub_type == "Arrests" and event.sub_type != "Arrests":
            match.event_type, match.sub_type = event.event_type, event.sub_type
        _absorb(match, event)
        if match.date is None and event.date is not None:
            match.date, match.date_end = event.date, event.date_end
    return out


def _absorb(kept: Event, event: Event) -> None:
    earlier = event.sentence[0] < kept.sentence[0]
    if kept.sub_type != event.sub_type:
        statuses = {kept.status, event.status}
        if statuses & {"contested", "denied"} or (
            "claimed" in statuses and _opposed(kept.claimants + event.claimants)
        ):
            kept.status = "contested"
        if event.event_type == tx.BATTLE and kept.event_type != tx.BATTLE:
            kept.event_type, kept.sub_type = event.event_type, event.sub_type
            kept.place_text, kept.sentence = event.place_text, event.sentence
    elif (kept.status, event.status) == ("claimed", "reported") and not (
        earlier or event.claimants or event.event_type == tx.DIPLOMACY
    ):
        pass  # "the defeat in Vilcha" after the ministry's claim: the claim again, no source
    elif event.status != kept.status:
        kept.status = combined_status(kept.status, event.status)
    if earlier:  # claimants of the earlier report first
        kept.claimants[:0] = [c for c in event.claimants if c not in kept.claimants]
    for claimant in event.claimants:
        if claimant not in kept.claimants:
            kept.claimants.append(claimant)
    kept.quantity = larger_quantity(kept.quantity, event.quantity)


def _opposed(claimants: list[tuple[str, str | None]]) -> bool:
    return {"RU", "UA"} <= {side for _, side in claimants}


class CorpusRows:
    """Event rows of a corpus, kept as dicts, with the cross-document dedupe index.

    The index is keyed by (type, place, modality, day).  Sources, URLs and claimants of
    merged rows are gathered in ordered sets and joined once, in :meth:`finish`: an
    event reported by thousands of articles costs a set insert each, not a re-split of
    an ever longer string.

    Parameters
    ----------
    dedupe : bool
        Merge rows of different documents (else every row is kept).

    Examples
    --------
    >>> import datetime as dt
    >>> row = {"doc_id": "a", "event_type": "Battles", "place_id": "geonames:1",
    ...        "modality": "actual", "date": dt.date(2025, 12, 1), "status": "claimed",
    ...        "quantity": None, "source": "Wire", "url": None, "claimant": "Russia"}
    >>> rows = CorpusRows(dedupe=True)
    >>> rows.add(row)
    >>> rows.add({**row, "doc_id": "b", "source": "Paper", "status": "reported"})
    >>> [(r["source"], r["status"]) for r in rows.finish()]
    [('Wire; Paper', 'reported')]
    """

    _JOINED = ("source", "url", "claimant")

    def __init__(self, *, dedupe: bool) -> None:
        self.rows: list[dict[str, Any]] = []
        self.dedupe = dedupe
        self.index: dict[tuple[str, str, str, dt.date | None], list[int]] = {}
        self.joined: dict[int, dict[str, dict[str, None]]] = {}

    def add(self, row: dict[str, Any]) -> None:
        """Keep ``row``, or merge it into the row it repeats from another document."""
        if self.dedupe:
            base = (row["event_type"], row["place_id"], row["modality"])
            day = row["date"]
            days = [None] if day is None else [day, day - _DAY, day + _DAY]
            for near in days:
                for i in self.index.get((*base, near), ()):
                    kept = self.rows[i]
                    if kept["doc_id"] != row["doc_id"]:
                        self._merge(i, kept, row)
                        return
            self.index.setdefault((*base, day), []).append(len(self.rows))
        self.rows.append(row)

    def _merge(self, i: int, kept: dict[str, Any], row: dict[str, Any]) -> None:
        joined = self.joined.get(i)
        if joined is None:
            joined = self.joined[i] = {name: _parts(kept[name]) for name in self._JOINED}
        for name in self._JOINED:
            joined[name].update(_parts(row[name]))
        if kept["status"] != row["status"]:
            kept["status"] = combined_status(kept["status"], row["status"])
        kept["quantity"] = larger_quantity(kept["quantity"], row["quantity"])

    def finish(self) -> list[dict[str, Any]]:
        """Return the rows kept, in order, with the merged values joined by ``"; "``."""
        for i, joined in self.joined.items():
            for name, parts in joined.items():
                self.rows[i][name] = "; ".join(parts) if parts else None
        self.joined.clear()
        return self.rows


def _parts(value: str | None) -> dict[str, None]:
    """The "; "-joined parts of a value as an ordered set."""
    return dict.fromkeys(p for p in (value or "").split("; ") if p)
