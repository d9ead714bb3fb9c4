"""What the text says of an event besides its kind and place: modality, date, quantity.

:func:`read_modality` tells what happened from what will, could or would ("threatened to
seize", "should Kyiv refuse", "the meeting is expected to"); :func:`nearest_date` picks
the date expression of the event's clause, :func:`refuture` reads a weekday forwards for
a future statement and :func:`resolve_eves` dates "on the eve of the talks";
:func:`quantities` sums the munitions a sentence counts ("143 drones and 12 missiles")
and keeps its other counts.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from geonews.activity import taxonomy as tx
from geonews.activity.clauses import clause_of, find_all, search_in, span_gap
from geonews.activity.event import Event
from geonews.activity.triggers import Trigger
from geonews.dates import DateSpan, find_dates

__all__ = ["nearest_date", "quantities", "read_modality", "refuture", "resolve_eves"]

_DAY = dt.timedelta(days=1)


def nearest_date(
    spans: list[DateSpan],
    clauses: list[tuple[int, int]],
    p_start: int,
    p_end: int,
    trigger: Trigger,
) -> DateSpan | None:
    """The date of an event: the one nearest its place in its clause, else nearest its trigger."""
    if not spans:
        return None
    clause = clause_of(clauses, p_start)
    local = [s for s in spans if clause[0] <= s.start < clause[1]]
    if local:
        return min(local, key=lambda s: span_gap(s.start, s.end, p_start, p_end))
    return min(spans, key=lambda s: span_gap(s.start, s.end, trigger.start, trigger.end))


def read_modality(
    masked: str,
    low: str | None,
    clause: tuple[int, int],
    trigger: Trigger,
    span: DateSpan | None,
    anchor: dt.date | None,
) -> str:
    """Whether the trigger's clause reports what happened, or what will, could or would.

    Read from the clause's words before the trigger ("threatened to seize", "could
    advance", "the goal is the liberation of"), its conditionals anywhere ("... if the
    front collapses", "should Kyiv refuse"), and the verb that follows a noun trigger
    ("the meeting is expected to", "capturing X would be"); "tried to storm" was done.
    """
    start, end = clause
    if trigger.sub_type == "Threat":
        return "conditional"
    before = masked[start : trigger.start]
    # "tried to break through", "were forced to withdraw": it happened
    attempt = tx.ATTEMPT.search(before) is not None or tx.DONE_TO.search(before) is not None
    if search_in(tx.CONDITIONAL, masked, low, start, trigger.start) or search_in(
        tx.IF_CLAUSE, masked, low, start, end
    ):
        return "conditional"
    if search_in(tx.HYPOTHETICAL, masked, low, start, trigger.start):
        return "hypothetical"
    if not attempt and search_in(tx.FUTURE, masked, low, start, trigger.start):
        return "future"
    if not attempt and before.rstrip().endswith(" to"):  # "Envoys to meet"
        return "future"
    if search_in(tx.AHEAD_OF, masked, low, start, trigger.start):
        return "future"
    # "Capturing X would be", "The meeting is expected", "• The “liberation” of X is"
    subject = len(re.findall(r"\w+", before)) <= 2
    after = tx.VERB_AFTER.match(masked, trigger.end) if subject else None
    if after is not None and after.end() <= end:
        return "hypothetical" if after.group("would") or after.group("aim") else "future"
    if span is not None and span.date is not None and anchor is not None and span.date > anchor:
        return "future"
    return "actual"


def refuture(sentence: str, span: DateSpan, anchor: dt.date) -> DateSpan:
    """Re-read a weekday or month expression forwards for a future statement."""
    again = find_dates(sentence[span.start : span.end], anchor=anchor, future=True)
    return replace(span, date=again[0].date, date_end=again[0].date_end) if again else span


def quantities(sentence: str, low: str | None) -> tuple[int | None, list[tuple[int, int]]]:
    """Munitions in the sentence (summed: "143 drones and 12 missiles"), and other counts."""
    munitions = 0
    found = False
    others = []
    for match in find_all(tx.QUANTITY, sentence, low):
        word = match.group(1).lower()
        value = tx.NUMBER_WORDS.get(word)
        if value is None:
            value = int(word.replace(",", ""))
        if match.group(2).lower() in tx.PEOPLE:
            others.append((match.start(), value))
        else:
            munitions += value
            found = True
    return (munitions if found else None), others


def resolve_eves(found: list[Event], anchor: dt.date | None) -> None:
    """Date "on the eve of the talks" events: the day before the talks, else the anchor."""
    for event in found:
        if event.eve is None:
            continue
        ref = event.eve
        target = None
        for other in found:
            if other is event or other.eve is not None or other.date is None:
                continue
            sub = other.sub_type.lower()
            if ref.rstrip("s") in sub.lower() or (
                ref in ("meeting", "summit", "negotiations") and sub == "talks"
            ):
                target = other.date
                break
        event.date = target - _DAY if target is not None else anchor
        event.date_end = None
        event.eve = None
