"""The event while a document is being read: one row of the table in the making.

Every stage of :mod:`geonews.activity.extract` fills or revises these fields: the trigger
gives the type, :mod:`~geonews.activity.placing` the place, :mod:`~geonews.activity.claims`
who says so and the status, :mod:`~geonews.activity.modality` the modality, date and
quantity; :mod:`~geonews.activity.merge` joins two that report one happening.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from geonews.places import Place

__all__ = ["Event"]


@dataclass
class Event:
    """One event while a document is being read (becomes one row)."""

    event_type: str
    sub_type: str
    place: Place
    place_text: str
    sentence: tuple[int, int]
    date: dt.date | None
    date_end: dt.date | None
    claimants: list[tuple[str, str | None]]
    status: str
    modality: str
    quantity: int | None
    eve: str | None = None
    #: The place is only the address of places the text leaves unnamed ("two villages in
    #: the Donetsk region", "an airbase in Crimea").
    address: bool = False
    #: Told by the side that withdrew, in the sentence that says so ("Russia said it has
    #: withdrawn its troops from Lyman"): an admission, not a claim.
    admitted: bool = False
