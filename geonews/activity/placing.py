"""Tying triggers to places, and keeping each happening at its most specific place.

:func:`assign` pairs each trigger with the literal places of its clause (the nearest in
the same clause; a place in a clause without a trigger only when the clause describes
it), after dropping what only qualifies a finer place ("Lyman in the Donetsk region",
"Tuapse on the Black Sea", "X (Y region)").  :func:`most_specific` drops a country's
event when the same kind is reported at a place inside it, and ground fighting said of a
whole country.  Datelines: :func:`is_dateline` tells one inside the text,
:func:`dateline_city` gives the city a dispatch was filed from, :func:`meeting_place`
where talks a sentence names without a place were held, and :func:`meet_at_dateline`
puts talks said to be in a country at the dateline's city in it.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable
from typing import Any

from geonews.activity import taxonomy as tx
from geonews.activity.clauses import clause_of, span_gap
from geonews.activity.event import Event
from geonews.activity.merge import close_dates
from geonews.activity.triggers import Trigger
from geonews.mentions import Mention
from geonews.places import Place

__all__ = [
    "MEETING",
    "PRECISION",
    "Located",
    "Nearest",
    "assign",
    "dateline_city",
    "is_dateline",
    "is_state",
    "meet_at_dateline",
    "meeting_place",
    "most_specific",
]

#: An event's ``precision`` from its place's kind (anything else is an "area").
PRECISION = {
    "settlement": "settlement",
    "feature": "settlement",
    "region": "region",
    "country": "country",
}
Located = tuple[Place, str, int, int]  # place, surface form, start, end (sentence offsets)
#: How far (characters) after a dateline a meeting named without a place is taken to be
#: at the dateline's city: its lead paragraph; later, "the summit" may be one placed before.
_DATELINE_REACH = 400
#: What happens at a meeting, and so where it was held: the talks and what they agreed.
MEETING = frozenset(("Talks", "Agreement"))


def meet_at_dateline(found: list[Event], filed: list[Mention]) -> None:
    """Put talks or a visit said to be in a country at the dateline's city in it.

    "RIYADH (Wire) - Envoys met in Saudi Arabia on Tuesday": the meeting was in Riyadh,
    the most specific place the text gives for it.
    """
    cities = [(m.place, m.text) for m in filed if m.place is not None]
    cities = [(place, name) for place, name in cities if place.kind == "settlement"]
    for event in found:
        if event.event_type != tx.DIPLOMACY or event.place.kind != "country":
            continue
        city = next((c for c in cities if c[0].country == event.place.country), None)
        if city is not None:
            event.place, event.place_text = city


def dateline_city(filed: list[Mention]) -> Located | None:
    """The first dateline's city, with its span in the document."""
    for mention in filed:
        if mention.place is not None and mention.place.kind == "settlement":
            return (mention.place, mention.text, mention.start, mention.end)
    return None


def meeting_place(start: int, filed_at: Located | None, found: list[Event]) -> Located | None:
    """Where a meeting a sentence at ``start`` names without a place was held, if known.

    In a dispatch's lead paragraph, the dateline's city; within a paragraph or so after
    talks placed in the text, the place of those talks.
    """
    if filed_at is not None and 0 <= start - filed_at[3] <= _DATELINE_REACH:
        return filed_at
    for event in reversed(found):
        if start - event.sentence[1] > _PASSAGE:
            break
        if event.sub_type == "Talks" and event.modality == "actual":
            return (event.place, event.place_text, *event.sentence)
    return None


def is_state(place: Place) -> bool:
    """Whether a place can stand for a state: a country or a national capital."""
    return place.kind == "country" or bool(place.raw.get("capital"))


def is_dateline(text: str, mention: Mention) -> bool:
    """Whether a mention is a dateline inside the text: "MOSCOW (Sputnik) -", "KYIV, Ukraine"."""
    surface = mention.text
    return (
        len(surface) >= 4
        and surface.isupper()
        and tx.DATELINE_TAIL.match(text, mention.end) is not None
    )


#: Precisions an event can be coarsened away at, when the text reports the same kind of
#: event at a finer place inside.
_COARSE = ("country", "region", "area")
#: How far apart (characters) a country's event and a finer one of its kind may be told
#: and still be one happening: the next paragraph or so.  Further on, "the biggest attack
#: on Ukraine, on Friday" is a happening of its own that the text places no finer.
_PASSAGE = 600
#: Ground fighting and control of ground happen at places, never across a whole country.
_GROUND_KINDS = frozenset(("Armed clash", "Claimed capture", "Advance", "Withdrawal", tx.REGAINS))


def _retold(region: Event, finer: Event) -> bool:
    """Whether a settlement's event tells again, finer, what a region's event told.

    A headline or a lead that gives the region only as the address of places it leaves
    unnamed ("Russian forces capture two villages in Donetsk region") is told again by
    the sentences that name them.  A region told as a place of its own ("drones were
    destroyed over the Dnipropetrovsk region") stays beside a town's event, and so does a
    region named with its city in one sentence ("the Belgorod Region and Belgorod").
    """
    return region.address and finer.sentence != region.sentence


def most_specific(found: list[Event]) -> list[Event]:
    """Keep each happening once, at its most specific place.

    An event at a country goes when the same kind is reported inside it on a close date;
    ground fighting or a change of control said of a whole country goes too.  A region or
    an area given only as the address of places left unnamed goes when the places are
    named after it (:func:`_retold`).

    "Russia launched drones at Ukraine overnight. One hit a house in Sumy." is one
    happening, at its most specific place: Sumy.
    """
    out = []
    for event in found:
        precision = PRECISION.get(event.place.kind, "area")
        if precision == "country" and event.sub_type in _GROUND_KINDS:
            continue  # "fighting in Ukraine", "the liberation of Ukraine": no one place
        if precision in _COARSE and any(
            other.event_type == event.event_type
            and other.modality == event.modality
            and PRECISION.get(other.place.kind, "area") in ("settlement", "region")
            and _inside(other.place, event.place)
            and span_gap(*event.sentence, *other.sentence) <= _PASSAGE
            and (
                _retold(event, other)  # a headline's date is the article's, the lead's its own
                or (precision == "country" and close_dates(other.date, event.date))
            )
            for other in found
        ):
            continue
        out.append(event)
    return out


class Nearest:
    """The span nearest a given span, in O(log n): ``min(spans, key=gap)`` without the scan.

    A sentence of a thousand triggers and places ("Forces Shelled The City" repeated) made
    pairing quadratic.  Spans are kept in order of start with the running maximum of their
    ends: of those starting before the given span ends, the least gap is to the greatest
    end; of those starting at or after, to the first.  Ties go to the earliest span in
    order of start, as ``min`` over a list in that order gives.
    """

    def __init__(self, spans: list[Any], start: Callable[[Any], int], end: Callable[[Any], int]):
        self.spans = sorted(spans, key=start)
        self.starts = [start(x) for x in self.spans]
        self.reach = list(itertools.accumulate((end(x) for x in self.spans), max))

    def __bool__(self) -> bool:
        return bool(self.spans)

    def of(self, s: int, e: int) -> Any:
        """The span with the least gap to ``[s, e)``."""
        k = bisect.bisect_left(self.starts, e)  # spans[:k] start before e
        left = max(0, s - self.reach[k - 1]) if k else None
        right = self.starts[k] - e if k < len(self.spans) else None
        if left is not None and (right is None or left <= right):
            return self.spans[bisect.bisect_left(self.reach, s - left, hi=k)]
        return self.spans[k]


#: A qualifier stands close to the place it qualifies ("Lyman in the Donetsk region");
#: a region named further off in the sentence is a place of its own.
_QUALIFIER_GAP = 60


def _drop_qualifiers(places: list[Located], sentence: str = "") -> list[Located]:
    """Drop what only qualifies a finer place ("X in the Y region", "Tuapse on the Black Sea").

    A region joined to its city by "and" is a place of its own: "the Belgorod Region and
    Belgorod are shelled" names the city and the rest of the region.
    """
    if len(places) < 2:
        return places
    has_settlement = any(p[0].kind in ("settlement", "feature") for p in places)
    out = []
    for item in places:
        place = item[0]
        if place.kind in ("sea", "river") and has_settlement:
            continue
        coarse = place.kind not in ("settlement", "feature")
        frame = coarse and _is_frame(sentence, item)
        if coarse and any(
            other[0].id != place.id
            and _inside(other[0], place)
            and (frame or span_gap(other[2], other[3], item[2], item[3]) <= _QUALIFIER_GAP)
            and not _coordinated(sentence, item, other)
            for other in places
        ):
            continue
        if place.kind == "region" and any(_hint_of(sentence, other, item) for other in places):
            continue
        out.append(item)
    return out


def _is_frame(sentence: str, item: Located) -> bool:
    """Whether the place opens the sentence as where all of it is: "In the Kursk region, ...".

    Such a region qualifies every place inside it that the sentence goes on to name
    ("In the Kursk region, the governor reported shelling of Tyotkino and Glushkovo"),
    however far off.
    """
    opening = _FRAME.match(sentence)
    return (
        opening is not None
        and opening.end() == item[2]
        and _FRAME_END.match(sentence, item[3]) is not None
    )


_FRAME = re.compile(
    r"\s*(?:In|Across|Throughout|Over)\s+(?:the\s+)?(?:(?:occupied|Russian-occupied|border)\s+)?"
)
_FRAME_END = re.compile(r"(?:\s+(?:region|oblast|province|krai|district|raion))?\s*,", re.I)


def _hint_of(sentence: str, fine: Located, region: Located) -> bool:
    """Whether the text gives ``region`` as where ``fine`` is: "X village in the Y region".

    The text's own words decide, whether or not the gazetteer put ``fine`` inside it: the
    region is the settlement's address, not a second place of the event.
    """
    if fine[0].kind not in ("settlement", "feature") or not 0 <= fine[3] <= region[2]:
        return False
    return _HINT.fullmatch(sentence, fine[3], region[2]) is not None


_HINT = re.compile(
    r"\s+(?:(?:village|town|city|settlement|hamlet)\s+)?in\s+(?:the\s+)?(?:\w+(?:'s|’s)\s+)?"
    r"|\s*\(\s*"  # not ", ": "Bryansk, Oryol and Kursk regions" is a list
)


def _coordinated(sentence: str, a: Located, b: Located) -> bool:
    """Whether two places are joined by "and" or "or" ("the X region and X")."""
    first, second = (a, b) if a[2] < b[2] else (b, a)
    return _JOINED.fullmatch(sentence, first[3], second[2]) is not None


_JOINED = re.compile(
    r"(?:\s+(?:region|oblast|province|district))?\s+(?:and|or|as well as)\s+(?:the\s+)?"
    r"(?:city\s+of\s+)?",
    re.I,
)


def _inside(fine: Place, coarse: Place) -> bool:
    if coarse.kind in ("country", "area"):  # "Lviv ... in western Ukraine"
        return fine.kind not in ("country", "area") and fine.country == coarse.country
    if coarse.kind == "region":
        return (
            fine.kind in ("settlement", "feature")
            and fine.country == coarse.country
            and fine.admin1 is not None
            and fine.admin1 in (coarse.admin1, coarse.name)
        )
    return False


def assign(
    triggers: list[Trigger],
    places: list[Located],
    clauses: list[tuple[int, int]],
    sentence: str,
) -> list[tuple[Trigger, Located]]:
    """Pair places with triggers: nearest in the same clause; orphan triggers share places.

    A place in a clause without a trigger joins the sentence's nearest trigger only when
    the clause names it again ("Pokrovsk, which Moscow calls Krasnoarmeysk"); otherwise it
    is background ("..., as Russian forces push west from Toretsk") or geography ("the
    Kerch Strait, which connects the Sea of Azov to the Black Sea").
    """
    groups: dict[int, list[Located]] = {}
    every = Nearest(triggers, lambda t: t.start, lambda t: t.end)
    in_clause: dict[tuple[int, int], list[Trigger]] = {}
    for trig in every.spans:
        in_clause.setdefault(clause_of(clauses, trig.start), []).append(trig)
    per_clause = {
        clause: Nearest(members, lambda t: t.start, lambda t: t.end)
        for clause, members in in_clause.items()
    }
    for item in places:
        start, end = item[2], item[3]
        clause = clause_of(clauses, start)
        local = per_clause.get(clause)
        if not local:
            head = sentence[clause[0] : clause[1]].lstrip(" ,;:—–-(")
            if clause[0] > 0 and not tx.DESCRIPTIVE_CLAUSE.match(head):
                continue
            if clause[0] > 0 and not tx.NAMING.search(sentence, clause[0], start):
                continue  # "Lyman, which lies east of Kharkiv": Kharkiv is geography
            local = every
        best = local.of(start, end)
        groups.setdefault(id(best), []).append(item)
    by_id = {id(t): t for t in triggers}
    grouped = [i for g in groups.values() for i in g]
    kept = {id(item) for item in _drop_qualifiers(grouped, sentence)}
    pairs = [
        (by_id[key], item) for key, items in groups.items() for item in items if id(item) in kept
    ]
    assigned = Nearest(
        [item for items in groups.values() for item in items], lambda p: p[2], lambda p: p[3]
    )
    paired = {p[0].event_type for p in pairs}
    for trig in triggers:
        if id(trig) in groups or not assigned or trig.event_type in paired:
            continue
        pairs.append((trig, assigned.of(trig.start, trig.end)))
        paired.add(trig.event_type)
    pairs.sort(key=lambda p: (p[1][2], p[0].start))
    return pairs
