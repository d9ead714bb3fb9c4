"""Reported activity: sentences of news text -> events tied to literal places.

:func:`events` turns one text or a stream of documents into a GeoDataFrame with one
row per event (schema in :data:`COLUMNS`).  For each sentence it

1. finds event triggers from the lexicons in :mod:`geonews.taxonomy` (ACLED-aligned
   types: Battles, Explosions/Remote violence, Violence against civilians, Protests,
   Strategic developments, plus Diplomacy; the ACLED mapping table is there);
2. ties each trigger to the **literal** place mentions of its clause (metonyms such
   as "Moscow insists" are actors, never event places; "Ukrainian targets" implies
   Ukraine; "the town"/"there" refer back to the last settlement named);
3. finds who says so (``claimant``: "Russia's defence ministry said", "according
   to Ukraine's General Staff", "..., the Kremlin said"), the ``status`` (hedges
   and "could not be independently verified" -> claimed; denials -> denied;
   "despite Russian claims" -> contested), the ``modality`` ("will meet" ->
   future; "threatened to seize" -> conditional), a ``quantity`` ("5,660 missiles
   and drones" -> 5660) and the date (:mod:`geonews.dates`, anchored on the
   article date).

Per document, events at the same place whose claims contradict each other (a
claimed capture and continuing clashes, or a denial) merge into one ``contested``
event carrying every claimant.  Over a corpus, the same event reported by several
documents (same event type, place and modality, dates within a day) is kept once
with all sources and URLs joined by ``"; "``.

Every input document is accounted for: ``frame.attrs["documents"]`` counts them
and ``frame.attrs["failures"]`` lists those that failed as ``{"doc_id", "reason"}``
records (plain records so the frame still writes to Parquet);
:func:`failures` returns them as a DataFrame.  With ``errors="raise"`` the first
failure raises instead.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import logging
import sys
import types
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

import geopandas as gpd
import pandas as pd
import shapely
from tqdm.auto import tqdm

from geonews import taxonomy as tx
from geonews.corpus import Document, documents
from geonews.dates import DateSpan, find_dates
from geonews.errors import InvalidInput
from geonews.gazetteer import default_gazetteer
from geonews.parser import geoparse
from geonews.places import Mention, Place, lonlat
from geonews.sentences import split_sentences

__all__ = ["COLUMNS", "EventExtractor", "empty_events", "events", "failures"]

logger = logging.getLogger("geonews")

#: Columns of the events GeoDataFrame, in order, with their dtypes.
COLUMNS: dict[str, str] = {
    "doc_id": "object",
    "event_id": "object",
    "date": "datetime64[ns]",
    "date_end": "datetime64[ns]",
    "event_type": "object",
    "sub_type": "object",
    "place_name": "object",
    "place_text": "object",
    "place_id": "object",
    "geonameid": "Int64",
    "country": "object",
    "admin1": "object",
    "precision": "object",
    "claimant": "object",
    "status": "object",
    "modality": "object",
    "quantity": "Int64",
    "sentence": "object",
    "sentence_start": "int64",
    "sentence_end": "int64",
    "source": "object",
    "url": "object",
    "geometry": "geometry",
}
_PRECISION = {
    "settlement": "settlement",
    "feature": "settlement",
    "region": "region",
    "country": "country",
}
_CONFLICT_SUBTYPES = {"Armed clash", "Claimed capture", "Withdrawal", "Advance"}
_DAY = dt.timedelta(days=1)

Geoparser = Callable[[str], list[Mention]]


@dataclass
class _Event:
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
    sources: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Claim:
    name: str
    side: str | None
    start: int
    end: int
    scope: tuple[int, int]
    side_only: bool = False


@dataclass(frozen=True, slots=True)
class _Trigger:
    event_type: str
    sub_type: str
    start: int
    end: int


class EventExtractor:
    """Turns documents into event rows; holds the geoparser and the geometry cache.

    Parameters
    ----------
    geoparser : callable, optional
        Any ``text -> list[Mention]``; defaults to :func:`geonews.geoparse`.
    shape : callable, optional
        ``Place -> shapely geometry`` for region/country precision; defaults to the
        gazetteer's ``.shape()``, falling back to the place's point.

    Examples
    --------
    >>> from geonews.places import Mention, Place
    >>> kyiv = Place("Kyiv", 50.45, 30.52, id="geonames:703448", country="UA")
    >>> def parse(text):
    ...     i = text.find("Kyiv")
    ...     return [] if i < 0 else [Mention(i, i + 4, "Kyiv", kyiv)]
    >>> rows = EventExtractor(geoparser=parse).extract(Document("d1", "Drones struck Kyiv."))
    >>> [(r["event_type"], r["sub_type"], r["place_name"]) for r in rows]
    [('Explosions/Remote violence', 'Air/drone strike', 'Kyiv')]
    """

    def __init__(
        self,
        *,
        geoparser: Geoparser | None = None,
        shape: Callable[[Place], Any] | None = None,
    ) -> None:
        self.geoparser = geoparser if geoparser is not None else _default_geoparser()
        self._shape = shape if shape is not None else _default_shape()
        self._geometry: dict[str, Any] = {}
        self._countries: dict[str, Place | None] = {}

    # -- public ---------------------------------------------------------------------------
    def extract(self, doc: Document) -> list[dict[str, Any]]:
        """Return the event rows (dicts with the :data:`COLUMNS` keys) of one document."""
        text = doc.text
        if not isinstance(text, str) or not text.strip():
            raise InvalidInput(f"document {doc.doc_id!r} has no text: {text!r}")
        dateline = tx.DATELINE.match(text)
        skip = dateline.end() if dateline else 0  # "KYIV, Dec 2 (Wire) -": where it was filed
        mentions = sorted(
            (m for m in self.geoparser(text) if m.start >= skip), key=lambda m: m.start
        )
        found = self._document_events(text, mentions, doc.date)
        found = _merge_document(found)
        rows = []
        for i, event in enumerate(found):
            rows.append(self._row(doc, text, f"{doc.doc_id}:{i}", event))
        return rows

    def geometry(self, place: Place) -> Any:
        """Return the representative geometry of ``place`` (cached by ``place.id``)."""
        geom = self._geometry.get(place.id)
        if geom is None:
            geom = None
            if place.kind not in ("settlement", "feature") and self._shape is not None:
                geom = self._shape(place)
            if geom is None:
                geom = shapely.Point(lonlat(place.lat, place.lon))
            self._geometry[place.id] = geom
        return geom

    # -- per document ---------------------------------------------------------------------
    def _document_events(
        self, text: str, mentions: list[Mention], anchor: dt.date | None
    ) -> list[_Event]:
        found: list[_Event] = []
        last: dict[str, tuple[Place, str]] = {}  # "settlement"/"region" -> antecedent
        previous: list[_Event] = []
        m = 0
        for s_start, s_end in split_sentences(text):
            while m < len(mentions) and mentions[m].start < s_start:
                m += 1
            inside = []
            j = m
            while j < len(mentions) and mentions[j].start < s_end:
                inside.append(mentions[j])
                j += 1
            sentence = text[s_start:s_end]
            new = self._sentence_events(sentence, s_start, inside, anchor, last)
            if not new and previous and tx.AFTERWORD.search(sentence):
                for event in previous:  # "The claim could not be independently verified."
                    if event.status == "reported":
                        event.status = "claimed"
            found.extend(new)
            previous = new
            for mention in inside:
                place = mention.place
                if place is None or mention.role != "literal":
                    continue
                precision = _PRECISION.get(place.kind, "area")
                if precision in ("settlement", "region"):
                    last[precision] = (place, mention.text)
        _resolve_eves(found, anchor)
        return found

    def _sentence_events(
        self,
        sentence: str,
        offset: int,
        mentions: list[Mention],
        anchor: dt.date | None,
        last: dict[str, tuple[Place, str]],
    ) -> list[_Event]:
        masked = list(sentence)

        def mask(start: int, end: int) -> None:
            masked[start:end] = " " * (end - start)

        spans = find_dates(sentence, anchor=anchor)
        for span in spans:
            mask(span.start, span.end)
        claims = _claims(sentence, mentions, offset)
        for claim in claims:
            if not claim.side_only:
                mask(claim.start, claim.end)
        for match in tx.NOT_TRIGGERS.finditer(sentence):
            mask(*match.span())
        masked_text = "".join(masked)
        triggers = _triggers(masked_text)
        if not triggers:
            return []
        places = self._places(sentence, offset, mentions, masked_text)
        if not places:
            anaphor = tx.ANAPHOR.search(masked_text)
            if anaphor is not None:
                kind = "region" if anaphor.group(2) else "settlement"
                if kind in last:
                    place, _ = last[kind]
                    places = [(place, anaphor.group(), anaphor.start(), anaphor.end())]
        if not places:
            return []
        places = _drop_qualifiers(places)
        clauses = _clauses(sentence)
        pairs = _assign(triggers, places, clauses)
        contested = tx.CONTESTED.search(sentence) is not None
        sides = {c.side for c in claims if c.side in ("RU", "UA")}
        if len(sides) == 2 and any(not c.side_only for c in claims):
            contested = contested or len({c.side for c in claims if not c.side_only}) == 2
        hedged = tx.HEDGES.search(masked_text) is not None or any(c.side_only for c in claims)
        denied = tx.DENIED.search(sentence) is not None
        munitions, people = _quantities(sentence)
        out: list[_Event] = []
        seen: set[tuple[str, str, str]] = set()
        for trigger, (place, place_text, p_start, p_end) in pairs:
            key = (trigger.event_type, trigger.sub_type, place.id)
            if key in seen:
                continue
            seen.add(key)
            clause = _clause_of(clauses, trigger.start)
            span = _nearest_date(spans, clauses, p_start, p_end, trigger)
            modality = _modality(masked_text, clause[0], trigger, span, anchor)
            if modality == "future" and span is not None and span.kind == "day" and anchor:
                span = _refuture(sentence, span, anchor)
            claimants = [
                (c.name, c.side)
                for c in claims
                if c.scope[0] <= trigger.start < c.scope[1] or c.side_only
            ]
            negated = tx.NEGATION.search(masked_text, clause[0], trigger.start) is not None
            if contested:
                status = "contested"
            elif denied or negated:
                status = "denied"
            elif hedged or (trigger.sub_type == "Claimed capture" and any(s for _, s in claimants)):
                status = "claimed"
            else:
                status = "reported"
            quantity = None
            if trigger.event_type in (tx.EXPLOSION, tx.BATTLE, tx.VIOLENCE):
                quantity = munitions
                if quantity is None and people:
                    quantity = min(people, key=lambda q: abs(q[0] - trigger.start))[1]
            date = date_end = None
            eve = None
            if span is not None:
                date, date_end, eve = span.date, span.date_end, span.ref
            elif anchor is not None and modality == "actual":
                date = anchor  # reported without a date: the article's day
            out.append(
                _Event(
                    event_type=trigger.event_type,
                    sub_type=trigger.sub_type,
                    place=place,
                    place_text=place_text,
                    sentence=(offset, offset + len(sentence)),
                    date=date,
                    date_end=date_end,
                    claimants=claimants,
                    status=status,
                    modality=modality,
                    quantity=quantity,
                    eve=eve if span is not None and span.kind == "eve" else None,
                )
            )
        return out

    def _places(
        self, sentence: str, offset: int, mentions: list[Mention], masked: str
    ) -> list[tuple[Place, str, int, int]]:
        """Literal places of a sentence: (place, surface, start, end) in sentence offsets."""
        out = []
        for mention in mentions:
            start, end = mention.start - offset, mention.end - offset
            if mention.place is None or mention.role != "literal" or end > len(sentence):
                continue
            if not masked[start:end].strip():  # inside a claimant or a date
                continue
            if _is_trigger_word(mention.text):  # "Artillery" read as a place name
                continue
            if tx.TOPIC_BEFORE.search(sentence, max(0, start - 60), start):
                continue
            if tx.MODIFIER_AFTER.match(sentence[end : end + 30]):
                continue
            out.append((mention.place, mention.text, start, end))
        for match in tx.IMPLIED.finditer(masked):
            place = self._country(tx.DEMONYM_COUNTRY[match.group(1).lower()])
            if place is not None:
                out.append((place, match.group(), match.start(), match.end()))
        out.sort(key=lambda p: p[2])
        return out

    def _country(self, name: str) -> Place | None:
        if name not in self._countries:
            found = [
                m.place
                for m in self.geoparser(name)
                if m.place is not None and m.place.kind == "country"
            ]
            self._countries[name] = found[0] if found else None
        return self._countries[name]

    def _row(self, doc: Document, text: str, event_id: str, event: _Event) -> dict[str, Any]:
        place = event.place
        start, end = event.sentence
        return {
            "doc_id": doc.doc_id,
            "event_id": event_id,
            "date": event.date,
            "date_end": event.date_end,
            "event_type": event.event_type,
            "sub_type": event.sub_type,
            "place_name": place.name,
            "place_text": event.place_text,
            "place_id": place.id,
            "geonameid": place.geonameid,
            "country": place.country,
            "admin1": place.admin1,
            "precision": _PRECISION.get(place.kind, "area"),
            "claimant": _join_claimants(event.claimants),
            "status": event.status,
            "modality": event.modality,
            "quantity": event.quantity,
            "sentence": text[start:end],
            "sentence_start": start,
            "sentence_end": end,
            "source": doc.source,
            "url": doc.url,
            "geometry": self.geometry(place),
        }


# -- sentence helpers ---------------------------------------------------------------------
def _triggers(masked: str) -> list[_Trigger]:
    found: list[_Trigger] = []
    air = weapons = generic = False
    lowered = masked.lower()
    if len(lowered) == len(masked):
        matches = tx.TRIGGER_ANY.finditer(lowered)
    else:  # a few letters lower-case to two characters: keep offsets right
        matches = tx.TRIGGER_ANY_CI.finditer(masked)
    for match in matches:
        event_type, sub_type = tx.TRIGGER_KINDS[match.lastgroup]
        found.append(_Trigger(event_type, sub_type, match.start(), match.end()))
        generic = generic or sub_type == "generic"
        weapons = weapons or event_type == tx.EXPLOSION
        air = air or sub_type == tx.AIR
    if not found:
        return []
    out = []
    for trig in found:
        if trig.sub_type == "generic":
            if weapons:
                kind = (tx.EXPLOSION, tx.AIR if air else tx.SHELLING)
            elif tx.CIVILIANS.search(masked) and not tx.GROUND.search(masked):
                kind = (tx.VIOLENCE, "Attack")
            elif masked[trig.start : trig.end].lower().startswith(("strike", "struck", "hit")):
                kind = (tx.EXPLOSION, tx.SHELLING)
            else:
                kind = (tx.BATTLE, "Armed clash")
            trig = _Trigger(*kind, trig.start, trig.end)
        elif trig.event_type == tx.EXPLOSION and air:  # one barrage of missiles and drones
            trig = _Trigger(tx.EXPLOSION, tx.AIR, trig.start, trig.end)
        out.append(trig)
    threats = [t.start for t in out if t.sub_type == "Threat"]
    if threats:  # "threatened to seize ... if Kyiv did not withdraw": one threat
        first = min(threats)
        out = [
            t
            for t in out
            if t.sub_type == "Threat" or t.start < first or t.event_type == tx.DIPLOMACY
        ]
    return out


@functools.lru_cache(maxsize=4096)
def _is_trigger_word(surface: str) -> bool:
    return tx.TRIGGER_ANY_CI.fullmatch(surface) is not None


def _claims(sentence: str, mentions: list[Mention], offset: int) -> list[_Claim]:
    """Who says what: claimants followed or preceded by an attribution verb, with scope."""
    out: list[_Claim] = []
    taken: list[tuple[int, int]] = []
    n = len(sentence)
    sides: list[_Claim] = []  # named claimants first, then sides ("despite Russian claims")
    if "claim" in sentence or "assertion" in sentence:
        for match in tx.SIDE_CLAIM.finditer(sentence):
            side = "RU" if match.group(1).lower().startswith(("russ", "mosc")) else "UA"
            name = tx.SIDE_NAMES[side]
            sides.append(_Claim(name, side, *match.span(), (match.end(), n), side_only=True))
    if tx.ATTRIBUTION_ANY.search(sentence) is None:  # nobody says anything here
        return sides
    candidates: list[tuple[int, int, str, str | None]] = []
    for match in tx.CLAIMANT_ANY.finditer(sentence):
        name, side = tx.CLAIMANT_NAMES[match.lastgroup]
        candidates.append((match.start(), match.end(), name, side))
    for mention in mentions:  # metonyms as speakers: "Washington said"
        if mention.role == "metonym" and mention.place is not None:
            side = mention.place.country
            candidates.append((mention.start - offset, mention.end - offset, mention.text, side))
    for start, end, name, side in candidates:
        if any(start < e and s < end for s, e in taken):
            continue
        after = tx.ATTRIBUTION_AFTER.match(sentence, end)
        before = tx.ATTRIBUTION_BEFORE.search(sentence, 0, start)
        if after is not None:
            tail = sentence[after.end() :].strip(" .,\"'”")
            scope = (0, start) if start > 0 and len(tail) < 3 else (after.end(), n)
            if sentence[:start].rstrip().endswith(","):
                scope = (0, start) if len(tail) < 25 else (after.end(), n)
        elif before is not None:
            rest = sentence[end:].strip(" .,\"'”")
            if "accord" in before.group().lower() or "cit" in before.group().lower():
                scope = (0, n)
            elif not rest or sentence[end:].lstrip().startswith(","):  # "..., said X."
                scope = (0, before.start())
            else:
                continue
        else:
            continue
        taken.append((start, end))
        out.append(_Claim(name, side, start, end, scope))
    return out + sides


def _clauses(sentence: str) -> list[tuple[int, int]]:
    cuts = [0] + [m.start() for m in tx.CLAUSE_BREAK.finditer(sentence)] + [len(sentence)]
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def _clause_of(clauses: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for clause in clauses:
        if clause[0] <= pos < clause[1]:
            return clause
    return clauses[-1]


def _drop_qualifiers(
    places: list[tuple[Place, str, int, int]],
) -> list[tuple[Place, str, int, int]]:
    """Drop a region or country that only qualifies a finer place ("X in the Y region")."""
    out = []
    for item in places:
        place = item[0]
        coarse = place.kind not in ("settlement", "feature")
        if coarse and any(other[0].id != place.id and _inside(other[0], place) for other in places):
            continue
        out.append(item)
    return out


def _inside(fine: Place, coarse: Place) -> bool:
    if coarse.kind == "country":
        return fine.kind != "country" and fine.country == coarse.country
    if coarse.kind == "region":
        return (
            fine.kind in ("settlement", "feature")
            and fine.country == coarse.country
            and fine.admin1 is not None
            and fine.admin1 in (coarse.admin1, coarse.name)
        )
    return False


def _assign(
    triggers: list[_Trigger],
    places: list[tuple[Place, str, int, int]],
    clauses: list[tuple[int, int]],
) -> list[tuple[_Trigger, tuple[Place, str, int, int]]]:
    """Pair each place with its nearest trigger (same clause first); orphans share places."""
    pairs = []
    used: set[int] = set()
    for item in places:
        start, end = item[2], item[3]
        clause = _clause_of(clauses, start)
        local = [t for t in triggers if clause[0] <= t.start < clause[1]] or triggers
        best = min(local, key=lambda t: _gap(t.start, t.end, start, end))
        pairs.append((best, item))
        used.add(id(best))
    for trig in triggers:
        if id(trig) in used or any(p[0].event_type == trig.event_type for p in pairs):
            continue
        nearest = min(places, key=lambda p: _gap(trig.start, trig.end, p[2], p[3]))
        pairs.append((trig, nearest))
    pairs.sort(key=lambda p: (p[1][2], p[0].start))
    return pairs


def _gap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, b0 - a1, a0 - b1)


def _nearest_date(
    spans: list[DateSpan],
    clauses: list[tuple[int, int]],
    p_start: int,
    p_end: int,
    trigger: _Trigger,
) -> DateSpan | None:
    if not spans:
        return None
    clause = _clause_of(clauses, p_start)
    local = [s for s in spans if clause[0] <= s.start < clause[1]]
    if local:
        return min(local, key=lambda s: _gap(s.start, s.end, p_start, p_end))
    return min(spans, key=lambda s: _gap(s.start, s.end, trigger.start, trigger.end))


def _modality(
    masked: str, clause_start: int, trigger: _Trigger, span: DateSpan | None, anchor: dt.date | None
) -> str:
    if trigger.sub_type == "Threat":
        return "conditional"
    window = masked[clause_start : trigger.start]
    if tx.CONDITIONAL.search(window):
        return "conditional"
    if tx.FUTURE.search(window) or window.rstrip().endswith(" to"):  # "Envoys to meet"
        return "future"
    if span is not None and span.date is not None and anchor is not None and span.date > anchor:
        return "future"
    return "actual"


def _refuture(sentence: str, span: DateSpan, anchor: dt.date) -> DateSpan:
    """Re-read a weekday or month expression forwards for a future statement."""
    again = find_dates(sentence[span.start : span.end], anchor=anchor, future=True)
    return replace(span, date=again[0].date, date_end=again[0].date_end) if again else span


def _quantities(sentence: str) -> tuple[int | None, list[tuple[int, int]]]:
    """Munitions in the sentence (summed: "143 drones and 12 missiles"), and other counts."""
    munitions = 0
    found = False
    others = []
    for match in tx.QUANTITY.finditer(sentence):
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


def _resolve_eves(found: list[_Event], anchor: dt.date | None) -> None:
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


# -- merging ---------------------------------------------------------------------------------
def _close(a: dt.date | None, b: dt.date | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs((a - b).days) <= 1


def _merge_document(found: list[_Event]) -> list[_Event]:
    """Fold repeated events, and contradicting claims at one place into one contested event."""
    out: list[_Event] = []
    for event in found:
        match = None
        for kept in out:
            if kept.place.id != event.place.id or kept.modality != event.modality:
                continue
            if (
                kept.date is not None
                and event.date is not None
                and not _close(kept.date, event.date)
            ):
                continue  # within a document an undated mention joins the dated one
            same = (kept.event_type, kept.sub_type) == (event.event_type, event.sub_type)
            conflict = (
                kept.sub_type in _CONFLICT_SUBTYPES
                and event.sub_type in _CONFLICT_SUBTYPES
                and {kept.status, event.status} & {"contested", "denied", "claimed"}
            )
            if same or conflict:
                match = kept
                break
        if match is None:
            out.append(event)
            continue
        _absorb(match, event)
        if match.date is None and event.date is not None:
            match.date, match.date_end = event.date, event.date_end
    return out


def _absorb(kept: _Event, event: _Event) -> None:
    if kept.sub_type != event.sub_type:
        statuses = {kept.status, event.status}
        if statuses & {"contested", "denied"} or (
            "claimed" in statuses and _opposed(kept.claimants + event.claimants)
        ):
            kept.status = "contested"
        if event.event_type == tx.BATTLE and kept.event_type != tx.BATTLE:
            kept.event_type, kept.sub_type = event.event_type, event.sub_type
            kept.place_text, kept.sentence = event.place_text, event.sentence
    elif event.status != kept.status:
        kept.status = _combined_status(kept.status, event.status)
    for claimant in event.claimants:
        if claimant not in kept.claimants:
            kept.claimants.append(claimant)
    if event.quantity is not None and (kept.quantity is None or event.quantity > kept.quantity):
        kept.quantity = event.quantity


def _opposed(claimants: list[tuple[str, str | None]]) -> bool:
    return {"RU", "UA"} <= {side for _, side in claimants}


def _combined_status(a: str, b: str) -> str:
    pair = {a, b}
    if pair & {"contested", "denied"}:
        return "contested"
    return "reported" if "reported" in pair else a


def _join_claimants(claimants: list[tuple[str, str | None]]) -> str | None:
    named_sides = {side for name, side in claimants if name not in tx.SIDE_NAMES.values()}
    names: list[str] = []
    for name, side in claimants:
        if name in tx.SIDE_NAMES.values() and side in named_sides:
            continue  # "Russian claims" when the Russian claimant is named elsewhere
        if name not in names:
            names.append(name)
    return "; ".join(names) if names else None


# -- corpus ---------------------------------------------------------------------------------
def events(
    text_or_docs: str | Document | Iterable[str | Document | dict[str, Any]],
    *,
    date: object = None,
    source: str | None = None,
    url: str | None = None,
    geoparser: Geoparser | None = None,
    progress: bool | None = None,
    errors: str = "collect",
    dedupe: bool = True,
) -> gpd.GeoDataFrame:
    """Extract reported events from a text or a stream of documents.

    Parameters
    ----------
    text_or_docs : str, Document, or iterable of str / Document / dict
        One text, or documents (e.g. from :func:`geonews.read`).  Dicts need a
        ``"text"`` key and may have ``doc_id``, ``date``, ``url``, ``source``, ``title``.
        Iterables are consumed lazily, one document at a time.
    date : str or date, optional
        Article date for documents without one; otherwise it is looked for in the
        text's dateline.  Relative expressions ("on Tuesday") count from it.
    source, url : str, optional
        Defaults for documents without their own.
    geoparser : callable, optional
        ``text -> list[Mention]``; defaults to :func:`geonews.geoparse`.
    progress : bool, optional
        Show a tqdm progress bar; by default only when stderr is a terminal.
    errors : {"collect", "raise"}
        ``"collect"`` records failing documents in ``frame.attrs["failures"]``;
        ``"raise"`` re-raises the first failure.
    dedupe : bool
        Merge the same event reported by several documents (same type, place and
        modality, dates within one day), joining sources, URLs and claimants.

    Returns
    -------
    geopandas.GeoDataFrame
        EPSG:4326, columns :data:`COLUMNS` in that order; ``attrs["documents"]``
        (int) and ``attrs["failures"]`` (list of ``{"doc_id", "reason"}``).

    Raises
    ------
    InvalidInput
        For an unknown ``errors`` value, or a failing document with ``errors="raise"``.

    Examples
    --------
    >>> from geonews.places import Mention, Place
    >>> pokrovsk = Place("Pokrovsk", 48.282, 37.176, id="geonames:704422", country="UA",
    ...                  admin1="Donetsk", geonameid=704422)
    >>> def parse(text):
    ...     i = text.find("Pokrovsk")
    ...     return [] if i < 0 else [Mention(i, i + 8, "Pokrovsk", pokrovsk)]
    >>> gdf = events("Clashes continued near Pokrovsk on Monday, the General Staff said.",
    ...              date="2025-12-02", geoparser=parse)
    >>> gdf[["event_type", "place_name", "claimant", "status"]].values.tolist()
    [['Battles', 'Pokrovsk', "Ukraine's General Staff", 'reported']]
    >>> str(gdf.loc[0, "date"].date())
    '2025-12-01'
    """
    if errors not in ("collect", "raise"):
        raise InvalidInput(f"errors must be 'collect' or 'raise', not {errors!r}")
    extractor = EventExtractor(geoparser=geoparser)
    stream = documents(text_or_docs, date=date, source=source, url=url)
    if progress is None:
        progress = sys.stderr.isatty()
    if progress:
        stream = tqdm(stream, desc="events", unit="doc")
    table = _Table(dedupe=dedupe)
    failed: list[dict[str, str]] = []
    count = 0
    for doc in stream:
        count += 1
        try:
            if doc.error is not None:
                raise InvalidInput(doc.error)
            rows = extractor.extract(doc)
        except Exception as err:  # a corpus must account for every document
            if errors == "raise":
                raise
            reason = f"{type(err).__name__}: {err}"
            logger.warning("document %r failed: %s", doc.doc_id, reason)
            failed.append({"doc_id": str(doc.doc_id), "reason": reason})
            continue
        for row in rows:
            table.add(row)
    frame = table.frame()
    frame.attrs["documents"] = count
    frame.attrs["failures"] = failed
    return frame


def failures(frame: pd.DataFrame) -> pd.DataFrame:
    """Return the failures table of an events frame: one row per failed document.

    Parameters
    ----------
    frame : GeoDataFrame
        A frame returned by :func:`events`.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id`` and ``reason``.

    Examples
    --------
    >>> gdf = events(["", "   "], geoparser=lambda text: [])
    >>> failures(gdf)["doc_id"].tolist(), gdf.attrs["documents"]
    (['0', '1'], 2)
    """
    return pd.DataFrame(frame.attrs.get("failures", []), columns=["doc_id", "reason"])


def empty_events() -> gpd.GeoDataFrame:
    """Return an events frame with no rows and the right columns and dtypes.

    Examples
    --------
    >>> list(empty_events().columns) == list(COLUMNS)
    True
    """
    return _frame({name: [] for name in COLUMNS})


class _Table:
    """Rows kept as dicts, with the cross-document dedupe index (type, place, modality, day)."""

    def __init__(self, *, dedupe: bool) -> None:
        self.rows: list[dict[str, Any]] = []
        self.dedupe = dedupe
        self.index: dict[tuple[str, str, str, dt.date | None], list[int]] = {}

    def add(self, row: dict[str, Any]) -> None:
        if self.dedupe:
            base = (row["event_type"], row["place_id"], row["modality"])
            day = row["date"]
            days = [None] if day is None else [day, day - _DAY, day + _DAY]
            for near in days:
                for i in self.index.get((*base, near), ()):
                    kept = self.rows[i]
                    if kept["doc_id"] != row["doc_id"]:
                        _merge_rows(kept, row)
                        return
            self.index.setdefault((*base, day), []).append(len(self.rows))
        self.rows.append(row)

    def frame(self) -> gpd.GeoDataFrame:
        if not self.rows:
            return empty_events()
        columns = {name: [row[name] for row in self.rows] for name in COLUMNS}
        return _frame(columns)


def _merge_rows(kept: dict[str, Any], row: dict[str, Any]) -> None:
    for name in ("source", "url", "claimant"):
        kept[name] = _join_unique(kept[name], row[name])
    if kept["status"] != row["status"]:
        kept["status"] = _combined_status(kept["status"], row["status"])
    if row["quantity"] is not None and (
        kept["quantity"] is None or row["quantity"] > kept["quantity"]
    ):
        kept["quantity"] = row["quantity"]


def _join_unique(a: str | None, b: str | None) -> str | None:
    parts: list[str] = []
    for value in (a, b):
        for part in (value or "").split("; "):
            if part and part not in parts:
                parts.append(part)
    return "; ".join(parts) if parts else None


def _frame(columns: dict[str, list[Any]]) -> gpd.GeoDataFrame:
    data = {}
    for name, dtype in COLUMNS.items():
        values = columns[name]
        if name == "geometry":
            continue
        if dtype.startswith("datetime"):
            data[name] = pd.to_datetime(pd.Series(values, dtype=object)).astype(dtype)
        elif dtype == "object":
            data[name] = pd.Series(values, dtype=object)
        else:
            data[name] = pd.Series(values, dtype=object).astype(dtype)
    geometry = gpd.GeoSeries(columns["geometry"], crs="EPSG:4326")
    return gpd.GeoDataFrame(data, geometry=geometry, crs="EPSG:4326")


def _default_geoparser() -> Geoparser:
    return geoparse


def _default_shape() -> Callable[[Place], Any]:
    return default_gazetteer().shape


class _EventsModule(types.ModuleType):
    """The events module, callable as :func:`events`.

    ``import geonews.events`` binds the attribute ``geonews.events`` to this module,
    shadowing the lazily exported function; making the module callable keeps
    ``geonews.events(text)`` working whichever was imported first.
    """

    def __call__(self, *args: Any, **kwargs: Any) -> gpd.GeoDataFrame:
        return events(*args, **kwargs)


sys.modules[__name__].__class__ = _EventsModule
