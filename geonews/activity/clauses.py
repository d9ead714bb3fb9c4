"""Clauses of a sentence, and patterns searched in a sentence or its lower-cased twin.

A sentence is cut into clauses at commas, semicolons, dashes and conjunctions that open a
new clause (:data:`geonews.activity.taxonomy.CLAUSE_BREAK`); a trigger, a place, a date
and a claim are tied together first within one clause.  The search helpers run a
taxonomy pattern on the sentence's lower-cased twin when there is one (same length, so
offsets hold), which is faster than an ``IGNORECASE`` search.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator

from geonews.activity import taxonomy as tx

__all__ = ["clause_of", "find_all", "match_at", "search_in", "span_gap", "split_clauses"]


def search_in(
    pattern: re.Pattern[str], text: str, low: str | None, pos: int = 0, endpos: int | None = None
) -> re.Match[str] | None:
    """``pattern.search(text)``, run on the lower-cased twin ``low`` when there is one."""
    end = len(text) if endpos is None else endpos
    if low is None:
        return pattern.search(text, pos, end)
    return tx.lowered(pattern).search(low, pos, end)


def match_at(
    pattern: re.Pattern[str], text: str, low: str | None, pos: int
) -> re.Match[str] | None:
    """``pattern.match(text, pos)``, on the lower-cased twin ``low`` when there is one."""
    return pattern.match(text, pos) if low is None else tx.lowered(pattern).match(low, pos)


def find_all(pattern: re.Pattern[str], text: str, low: str | None) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, on the lower-cased twin ``low`` when there is one."""
    return pattern.finditer(text) if low is None else tx.lowered(pattern).finditer(low)


def split_clauses(sentence: str) -> list[tuple[int, int]]:
    """The clauses of a sentence, as ``(start, end)`` offsets in order."""
    cuts = [0] + [m.start() for m in tx.CLAUSE_BREAK.finditer(sentence)] + [len(sentence)]
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def clause_of(clauses: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The clause that holds offset ``pos`` (the last one when none does)."""
    i = bisect.bisect_right(clauses, (pos, _NO_END)) - 1  # clauses run in order
    if i >= 0 and clauses[i][0] <= pos < clauses[i][1]:
        return clauses[i]
    for clause in clauses:  # clauses that overlap or leave gaps: the first that holds it
        if clause[0] <= pos < clause[1]:
            return clause
    return clauses[-1]


#: Larger than any offset: ``(pos, _NO_END)`` sorts after every clause starting at ``pos``.
_NO_END = 1 << 62


def span_gap(a0: int, a1: int, b0: int, b1: int) -> int:
    """Characters between spans ``[a0, a1)`` and ``[b0, b1)``; 0 when they touch or overlap."""
    return max(0, b0 - a1, a0 - b1)
