"""Event extraction from one document: sentences -> events tied to literal places.

:class:`EventExtractor` does the work behind :func:`geonews.events`.  For each sentence it

1. finds event triggers from the lexicons in :mod:`geonews.activity.taxonomy` (ACLED-aligned
   types: Battles, Explosions/Remote violence, Violence against civilians, Protests,
   Strategic developments, plus Diplomacy; the ACLED mapping table is there);
2. ties each trigger to the **literal** place mentions of its clause (metonyms such
   as "Moscow insists" are actors, never event places; "Ukrainian targets" implies
   Ukraine; "the town"/"there" refer back to the last settlement named; a region,
   country, sea or area that only qualifies a town is dropped; a reference point
   such as "northwest of Lyman" counts only when nothing else is named);
3. finds who says so (``claimant``: "Russia's defence ministry said", "according
   to Ukraine's General Staff", "..., the Kremlin said"), the ``status`` (hedges
   and "could not be independently verified" -> claimed; capture or advance claims
   by a party -> claimed; denials -> denied; "despite Russian claims" or a denial
   against a claim -> contested), the ``modality`` ("will meet" -> future;
   "threatened to seize" -> conditional), a ``quantity`` (munitions summed, "5,660
   missiles and drones" -> 5660; else people) and the date (:mod:`geonews.dates`,
   anchored on the article date; what might happen gets no date unless given).

Per document, events at the same place whose claims contradict each other (a
claimed capture and continuing clashes, or a denial) merge into one ``contested``
event carrying every claimant (:func:`geonews.activity.merge.merge_document`), and
events dated more than 90 days before the article are dropped as background.

Across sentences: who spoke last speaks on in their quote and in what goes on with it
(bullets, "also", "in addition"); "the ministry said" and "he said" resolve to them; what
one side of the war says about the fighting is ``claimed`` (:func:`_party_claims`);
"were affected", "came under fire" and a bare "attack" or explosion take the kind of the
event reported just before; a country-wide event gives way to the same kind at a place
inside it (:func:`_most_specific`); talks said to be in a country meet at the dateline's
city.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

import shapely

from geonews.activity import taxonomy as tx
from geonews.activity.merge import close_dates, merge_document
from geonews.activity.sentences import split_sentences
from geonews.corpus.read import Document
from geonews.dates import DateSpan, find_dates
from geonews.errors import InvalidInput
from geonews.mentions import Mention
from geonews.mentions.parser import geoparse
from geonews.places import Place, lonlat

__all__ = ["EventExtractor", "GeoparseFn"]

_PRECISION = {
    "settlement": "settlement",
    "feature": "settlement",
    "region": "region",
    "country": "country",
}
_Located = tuple[Place, str, int, int]  # place, surface form, start, end (sentence offsets)
_DAY = dt.timedelta(days=1)
_DISRUPTED = "Disrupted weapons use"
_REGAINS = "Government regains territory"
#: "met ... to discuss": how far an infinitive of purpose stands from the event it serves.
_PURPOSE_GAP = 60
#: How far before a capture word its subject ("Ukrainian forces have now retaken") stands.
_SUBJECT_REACH = 40
#: The two sides of the war, as claimant sides and as country codes.
_SIDES = ("RU", "UA")
#: Events dated further back than this before the article are background, not news.
_BACKGROUND = dt.timedelta(days=90)
#: How far (characters) after a dateline a meeting named without a place is taken to be
#: at the dateline's city: its lead paragraph; later, "the summit" may be one placed before.
_DATELINE_REACH = 400
#: What happens at a meeting, and so where it was held: the talks and what they agreed.
_MEETING = frozenset(("Talks", "Agreement"))

#: What the extractor reads places with: text -> mentions (geoparse, a Geoparser, a stub).
GeoparseFn = Callable[[str], list[Mention]]


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

    Every event sits at its place's point, whatever its ``precision``: a region's event
    at the region's point, as ACLED (``geo_precision`` 3) and UCDP code them, so the table
    has one geometry type and the point is the place's own, not an arbitrary point of a
    polygon.  :func:`geonews.activity.areas.event_areas` gives the shape to draw.

    Examples
    --------
    >>> from geonews.mentions import Mention
    >>> from geonews.places import Place
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
        geoparser: GeoparseFn | None = None,
    ) -> None:
        self.geoparser = geoparser if geoparser is not None else _default_geoparser()
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
        mentions = []
        filed: list[Mention] = []  # the datelines' places: where the reporter was
        for m in self.geoparser(text):
            if m.start < skip or _is_dateline(text, m):
                filed.append(m)
                continue
            if m.address:  # "Kurakhove (Pokrovsk raion, Donetsk)": where the village is
                continue
            # "fighting in eastern Ukraine" happens in the eastern-Ukraine area
            mentions.append(replace(m, place=m.part) if m.part else m)
        mentions.sort(key=lambda m: m.start)
        found = self._document_events(text, mentions, doc.date, _dateline_city(filed))
        _meet_at_dateline(found, filed)
        found = merge_document(found)
        rows = []
        for i, event in enumerate(found):
            rows.append(self._row(doc, text, f"{doc.doc_id}:{i}", event))
        return rows

    def geometry(self, place: Place) -> Any:
        """Return the point of ``place`` (cached by ``place.id``)."""
        geom = self._geometry.get(place.id)
        if geom is None:
            geom = self._geometry[place.id] = shapely.Point(lonlat(place.lat, place.lon))
        return geom

    # -- per document ---------------------------------------------------------------------
    def _document_events(
        self,
        text: str,
        mentions: list[Mention],
        anchor: dt.date | None,
        filed_at: _Located | None = None,
    ) -> list[_Event]:
        found: list[_Event] = []
        last: dict[str, tuple[Place, str]] = {}  # "settlement"/"region" -> antecedent
        previous: list[_Event] = []
        carried: list[tuple[str, str | None]] = []  # who speaks, until someone else does
        speakers: dict[str, tuple[str, str | None]] = {}  # "Pushilin" -> his title's claimant
        gap = 0
        quoted = False
        recent: tuple[str, str] | None = None  # the kind of event the text went on about
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
            quoted = _still_quoting(text[gap:s_start], quoted)  # open before this sentence?
            goes_on = quoted or tx.CONTINUATION.search(sentence) is not None
            quoted = _still_quoting(sentence, quoted)
            gap = s_end
            lowered = sentence.lower()
            low = lowered if len(lowered) == len(sentence) else None  # None: use IGNORECASE
            claims = _claims(sentence, low, inside, s_start, speakers)
            claims = _resolve_claims(claims, carried, sentence)
            _remember_speakers(sentence, claims, speakers)
            elsewhere = _elsewhere(s_start, filed_at, found)
            new = self._sentence_events(
                sentence,
                low,
                s_start,
                inside,
                claims,
                anchor,
                last,
                recent,
                elsewhere,
            )
            if new:
                recent = (new[-1].event_type, new[-1].sub_type)

            named = [(c.name, c.side) for c in claims if not c.side_only]
            if not new and previous:
                _follow_up(sentence, named, previous)
            for event in new:  # '..., the ministry said. "Its forces also struck ...": same voice
                if not event.claimants and goes_on:
                    event.claimants = list(carried)
            if named:
                carried = named
            found.extend(new)
            previous = new
            for mention in inside:
                place = mention.place
                if place is None or mention.role != "literal":
                    continue
                precision = _PRECISION.get(place.kind, "area")
                if precision in ("settlement", "region"):
                    last[precision] = (place, mention.text)
        _party_claims(found)
        found = _most_specific(found)
        _resolve_eves(found, anchor)
        if anchor is not None:  # "retaken by Ukraine in September 2022": background
            found = [
                e for e in found if e.date is None or (e.date_end or e.date) >= anchor - _BACKGROUND
            ]
        return found

    def _sentence_events(
        self,
        sentence: str,
        low: str | None,
        offset: int,
        mentions: list[Mention],
        claims: list[_Claim],
        anchor: dt.date | None,
        last: dict[str, tuple[Place, str]],
        recent: tuple[str, str] | None = None,
        elsewhere: _Located | None = None,
    ) -> list[_Event]:
        masked = list(sentence)

        def mask(start: int, end: int) -> None:
            masked[start:end] = " " * (end - start)

        if low is not None and tx.TRIGGER_ANY.search(low) is None:
            return []  # nothing happens in this sentence
        spans = find_dates(sentence, anchor=anchor)
        for found_date in spans:
            mask(found_date.start, found_date.end)
        for claim in claims:
            if not claim.side_only:
                mask(claim.start, claim.end)
        for match in _finditer(tx.NOT_TRIGGERS, sentence, low):
            mask(*match.span())
        masked_text = "".join(masked)
        low_masked = None if low is None else masked_text.lower()
        triggers = _triggers(masked_text, low_masked, recent)
        if not triggers:
            return []
        places = self._places(sentence, low, offset, mentions, masked_text, low_masked)
        anaphor = _search(tx.ANAPHOR, masked_text, low_masked)
        if anaphor is not None:  # "the town", "there": the last one named before
            kind = "region" if anaphor.group(2) else "settlement"
            if kind in last and not any(_PRECISION.get(p[0].kind) == kind for p in places):
                place, _ = last[kind]
                surface = masked_text[anaphor.start() : anaphor.end()]
                places.append((place, surface, anaphor.start(), anaphor.end()))
                places.sort(key=lambda p: p[2])
        literal = any(m.place is not None and m.role == "literal" for m in mentions)
        if (
            not places
            and elsewhere is not None
            and not literal
            and all(t.sub_type in _MEETING for t in triggers)
        ):
            # "MOSCOW, July 2. /TASS/. ... told a news conference after the meeting": the
            # talks the sentence names without a place were where the dispatch was filed,
            # or where the talks just told of were ("The sides also agreed to ...")
            places = [(elsewhere[0], elsewhere[1], -1, -1)]  # in no sentence
        if not places:
            return []
        clauses = _clauses(sentence)
        triggers = _intercepted(triggers, clauses, masked_text, low_masked)
        pairs = _assign(triggers, places, clauses, sentence)
        contested = _search(tx.CONTESTED, sentence, low) is not None
        sides = {c.side for c in claims if c.side in ("RU", "UA")}
        if len(sides) == 2 and any(not c.side_only for c in claims):
            contested = contested or len({c.side for c in claims if not c.side_only}) == 2
        hedged = _search(tx.HEDGES, masked_text, low_masked) is not None or any(
            c.side_only for c in claims
        )
        denied = _search(tx.DENIED, sentence, low) is not None
        denied = denied and _search(tx.NOT_DENIED, sentence, low) is None
        if denied and (hedged or len(sides) == 2):  # "claimed ..., a claim Kyiv dismissed"
            contested = True
        munitions, people = _quantities(sentence, low)
        out: list[_Event] = []
        seen: set[tuple[str, str, str]] = set()
        for trigger, (place, place_text, p_start, p_end) in pairs:
            key = (trigger.event_type, trigger.sub_type, place.id)
            if key in seen:
                continue
            seen.add(key)
            clause = _clause_of(clauses, trigger.start)
            span = _nearest_date(spans, clauses, p_start, p_end, trigger)
            modality = _modality(masked_text, low_masked, clause, trigger, span, anchor)
            if modality == "future" and span is not None and span.kind == "day" and anchor:
                span = _refuture(sentence, span, anchor)
            claimants = [
                (c.name, c.side)
                for c in claims
                if c.scope[0] <= trigger.start < c.scope[1] or c.side_only
            ]
            event_type, sub_type = trigger.event_type, trigger.sub_type
            attempt = tx.ATTEMPT.search(masked_text, clause[0], trigger.start) is not None
            if sub_type in ("Advance", "Claimed capture") and attempt:
                # "tried to break through towards X": an attempt stopped is fighting
                event_type, sub_type = tx.BATTLE, "Armed clash"
            elif event_type == tx.EXPLOSION and attempt:
                # "an attempt to attack Crimea with drones": a strike stopped short
                event_type, sub_type = tx.STRATEGIC, _DISRUPTED
            if sub_type == "Claimed capture" and place.country in _SIDES:
                side = _capturer(masked_text, clause[0], trigger, claimants)
                if side is None and tx.RETAKE.match(masked_text, trigger.start):
                    side = place.country  # "retook": back to whom it belonged
                if side == place.country:  # "Ukrainian forces liberated Kupiansk"
                    event_type, sub_type = tx.BATTLE, _REGAINS
                elif tx.OVERRUN.match(masked_text, trigger.start):  # "troops overran X"
                    event_type, sub_type = tx.BATTLE, "Non-state actor overtakes territory"
            negation = _search(tx.NEGATION, masked_text, low_masked, clause[0], trigger.start)
            negated = negation is not None
            if contested:
                status = "contested"
            elif denied or negated:
                status = "denied"
            elif hedged or (
                trigger.sub_type in ("Claimed capture", "Advance")
                and any(side in ("RU", "UA") for _, side in claimants)
            ):
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
                    event_type=event_type,
                    sub_type=sub_type,
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
        self,
        sentence: str,
        low: str | None,
        offset: int,
        mentions: list[Mention],
        masked: str,
        low_masked: str | None,
    ) -> list[_Located]:
        """Literal places of a sentence: (place, surface, start, end) in sentence offsets."""
        out: list[_Located] = []
        references: list[_Located] = []
        for mention in mentions:
            start, end = mention.start - offset, mention.end - offset
            if mention.place is None or mention.role != "literal" or end > len(sentence):
                continue
            if not masked[start:end].strip():  # inside a claimant or a date
                continue
            if _is_trigger_word(mention.text):  # "Artillery" read as a place name
                continue
            if _search(tx.TOPIC_BEFORE, sentence, low, max(0, start - 60), start):
                continue
            if _match(tx.MODIFIER_AFTER, sentence, low, end):
                continue
            if (
                _is_state(mention.place)
                and _match(tx.ACTOR_VERB, sentence, low, end)
                and not tx.LOCATIVE_BEFORE.search(sentence, max(0, start - 12), start)
            ):
                continue  # "Russia launched drones at Sumy": Russia acts, Sumy is the place
            if _search(tx.ORIGIN_BEFORE, sentence, low, max(0, start - 110), start):
                continue  # "a missile launched from the Kursk region": it landed elsewhere
            if _search(tx.REFERENCE_BEFORE, sentence, low, max(0, start - 40), start):
                references.append((mention.place, mention.text, start, end))
                continue
            out.append((mention.place, mention.text, start, end))
        for match in _finditer(tx.IMPLIED, masked, low_masked):
            place = self._country(tx.DEMONYM_COUNTRY[match.group(1).lower()])
            if place is not None:
                start, end = match.start(1), match.end()
                out.append((place, masked[start:end], start, end))
        if not out:  # "withdrew from Avdiivka": the reference point is all there is
            out = references
        elif all(p[0].kind not in ("settlement", "feature") for p in out):
            # "north of Rabotino in the Zaporizhzhia region": the village is the finer place
            out += [r for r in references if r[0].kind in ("settlement", "feature")]
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


def _meet_at_dateline(found: list[_Event], filed: list[Mention]) -> None:
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


def _dateline_city(filed: list[Mention]) -> _Located | None:
    """The first dateline's city, with its span in the document."""
    for mention in filed:
        if mention.place is not None and mention.place.kind == "settlement":
            return (mention.place, mention.text, mention.start, mention.end)
    return None


def _elsewhere(start: int, filed_at: _Located | None, found: list[_Event]) -> _Located | None:
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


def _is_state(place: Place) -> bool:
    """Whether a place can stand for a state: a country or a national capital."""
    return place.kind == "country" or bool(place.raw.get("capital"))


def _is_dateline(text: str, mention: Mention) -> bool:
    """Whether a mention is a dateline inside the text: "MOSCOW (Sputnik) -", "KYIV, Ukraine"."""
    surface = mention.text
    return (
        len(surface) >= 4
        and surface.isupper()
        and tx.DATELINE_TAIL.match(text, mention.end) is not None
    )


def _follow_up(sentence: str, named: list[tuple[str, str | None]], previous: list[_Event]) -> None:
    """Apply an event-less sentence that comments on the previous one's events.

    "The claim could not be independently verified." makes them claimed; "Kyiv denied
    the claim." makes them contested, with the denier among the claimants; "This was
    reported by the ministry." names who says so.
    """
    if tx.AFTERWORD.search(sentence):
        for event in previous:
            if event.status == "reported":
                event.status = "claimed"
    elif tx.DENIED.search(sentence) and not tx.NOT_DENIED.search(sentence):
        for event in previous:
            event.status = "contested" if event.claimants else "denied"
            event.claimants.extend(c for c in named if c not in event.claimants)
    elif named:
        for event in previous:
            if not event.claimants:
                event.claimants = list(named)


#: Precisions an event can be coarsened away at, when the text reports the same kind of
#: event at a finer place inside.
_COARSE = ("country",)
#: How far apart (characters) a country's event and a finer one of its kind may be told
#: and still be one happening: the next paragraph or so.  Further on, "the biggest attack
#: on Ukraine, on Friday" is a happening of its own that the text places no finer.
_PASSAGE = 600
#: Ground fighting and control of ground happen at places, never across a whole country.
_GROUND_KINDS = frozenset(("Armed clash", "Claimed capture", "Advance", "Withdrawal", _REGAINS))


def _most_specific(found: list[_Event]) -> list[_Event]:
    """Keep each happening once, at its most specific place.

    An event at a country goes when the same kind is reported inside it on a close date;
    ground fighting or a change of control said of a whole country goes too.

    "Russia launched drones at Ukraine overnight. One hit a house in Sumy." is one
    happening, at its most specific place: Sumy.
    """
    out = []
    for event in found:
        precision = _PRECISION.get(event.place.kind, "area")
        if precision == "country" and event.sub_type in _GROUND_KINDS:
            continue  # "fighting in Ukraine", "the liberation of Ukraine": no one place
        if precision in _COARSE and any(
            other.event_type == event.event_type
            and other.modality == event.modality
            and _PRECISION.get(other.place.kind, "area") not in ("country", "area")
            and _inside(other.place, event.place)
            and close_dates(other.date, event.date)
            and _gap(*event.sentence, *other.sentence) <= _PASSAGE
            for other in found
        ):
            continue
        out.append(event)
    return out


def _party_claims(found: list[_Event]) -> None:
    """Make what one side of the war says about the fighting ``claimed``.

    A belligerent's word on its own successes or the enemy's losses (captures, repelled
    assaults, shoot-downs, strikes on the other side) is one party's claim; its report of
    an attack suffered at home (the dead and the damage in its own towns, fighting on its
    own soil: that the enemy is there at all is no boast) and diplomacy are not.
    """
    for event in found:
        if event.status != "reported" or event.event_type == tx.DIPLOMACY:
            continue
        if event.modality != "actual":  # a demand or a threat is said, not claimed
            continue
        sides = {side for _, side in event.claimants if side in _SIDES}
        if any(name == tx.SOURCE for name, _ in event.claimants):
            event.status = "claimed"  # an unnamed source is a hedge
            continue
        if event.sub_type == _DISRUPTED:
            event.status = "claimed"  # shoot-downs are counted by the side that shot
            continue
        if not sides:
            continue
        if event.event_type in (tx.EXPLOSION, tx.VIOLENCE) and event.place.country in sides:
            continue  # the victim's own account of a strike
        if event.sub_type == "Armed clash" and event.place.country in sides:
            continue  # fighting on its own soil: the defender admits the enemy is there
        event.status = "claimed"


# -- sentence helpers ---------------------------------------------------------------------
def _search(
    pattern: re.Pattern[str], text: str, low: str | None, pos: int = 0, endpos: int | None = None
) -> re.Match[str] | None:
    """``pattern.search(text)``, run on the lower-cased twin ``low`` when there is one."""
    end = len(text) if endpos is None else endpos
    if low is None:
        return pattern.search(text, pos, end)
    return tx.LOWER[pattern].search(low, pos, end)


def _match(pattern: re.Pattern[str], text: str, low: str | None, pos: int) -> re.Match[str] | None:
    return pattern.match(text, pos) if low is None else tx.LOWER[pattern].match(low, pos)


def _finditer(pattern: re.Pattern[str], text: str, low: str | None) -> Iterator[re.Match[str]]:
    return pattern.finditer(text) if low is None else tx.LOWER[pattern].finditer(low)


def _triggers(
    masked: str, low: str | None, recent: tuple[str, str] | None = None
) -> list[_Trigger]:
    """Event triggers of a sentence, with the generic words ("attack", "hit") settled.

    ``recent`` is the kind of event the sentence before reported: "the villages were also
    affected" and an attack without weapons or troops named go on with it.
    """
    found: list[_Trigger] = []
    shelling = weapons = generic = False
    if low is not None:
        matches = tx.TRIGGER_ANY.finditer(low)
    else:  # a few letters lower-case to two characters: keep offsets right
        matches = tx.TRIGGER_ANY_CI.finditer(masked)
    for match in matches:
        event_type, sub_type = tx.TRIGGER_KINDS[str(match.lastgroup)]  # every group is named
        found.append(_Trigger(event_type, sub_type, match.start(), match.end()))
        generic = generic or sub_type == "generic"
        weapons = weapons or event_type == tx.EXPLOSION
        shelling = shelling or sub_type == tx.SHELLING
    if not found:
        return []
    out = []
    ground = _search(tx.GROUND, masked, low) is not None
    for trig in found:
        phrase = masked[trig.start : trig.end].lower()
        if trig.sub_type == "follow-on" and recent is not None:
            trig = _Trigger(*recent, trig.start, trig.end)
        elif trig.sub_type == "follow-on" and "under" not in phrase:
            continue  # "were affected", with nothing reported before: by what?
        elif trig.sub_type == "explosion":  # "an explosion on the bridge"
            if _search(tx.PLANTED, masked, low):
                kind = (tx.EXPLOSION, tx.REMOTE)
            elif weapons:
                kind = (tx.EXPLOSION, tx.SHELLING if shelling else tx.AIR)
            elif recent is not None and recent[0] == tx.EXPLOSION:
                kind = recent
            else:
                kind = (tx.EXPLOSION, tx.REMOTE)
            trig = _Trigger(*kind, trig.start, trig.end)
        elif trig.sub_type in ("generic", "follow-on"):  # "came under attack"
            word = phrase.rsplit(" ", 1)[-1]
            if weapons or word in ("fire", "shelling"):
                kind = (tx.EXPLOSION, tx.SHELLING if shelling or not weapons else tx.AIR)
            elif _search(tx.CIVILIANS, masked, low) and not ground:
                kind = (tx.VIOLENCE, "Attack")
            elif word.startswith(("strike", "struck", "hit")):  # "forces launched strikes"
                if recent is not None and recent[0] == tx.EXPLOSION:
                    kind = recent
                else:
                    kind = (tx.EXPLOSION, tx.SHELLING)
            elif ground or word.startswith("assault"):
                kind = (tx.BATTLE, "Armed clash")
            elif recent is not None and recent[0] == tx.EXPLOSION:
                kind = recent  # "the city came under attack again" after the shelling
            else:
                kind = (tx.BATTLE, "Armed clash")
            trig = _Trigger(*kind, trig.start, trig.end)
        elif trig.event_type == tx.PROTEST and _search(tx.INTERVENTION, masked, low):
            trig = _Trigger(tx.PROTEST, "Protest with intervention", trig.start, trig.end)
        elif trig.event_type == tx.EXPLOSION and shelling:  # missiles named: a missile attack
            trig = _Trigger(tx.EXPLOSION, tx.SHELLING, trig.start, trig.end)
        out.append(trig)
    # "met in Geneva to discuss", "stops in Geneva to meet": the purpose of the event before
    out = [
        t
        for t in out
        if not (
            masked[max(0, t.start - 3) : t.start].lower() == "to "
            and any(
                o.event_type == t.event_type and 0 < t.start - o.end <= _PURPOSE_GAP for o in out
            )
        )
    ]
    threats = [t.start for t in out if t.sub_type == "Threat"]
    if threats:  # "threatened to seize ... if Kyiv did not withdraw": one threat
        first = min(threats)
        out = [
            t
            for t in out
            if t.sub_type == "Threat" or t.start < first or t.event_type == tx.DIPLOMACY
        ]
    return out


def _intercepted(
    triggers: list[_Trigger], clauses: list[tuple[int, int]], masked: str, low: str | None
) -> list[_Trigger]:
    """Drop the strikes of a clause that says they were shot down or intercepted.

    "Air defence shot down 20 drones over the Kursk region" is one event, the
    interception; the drones are its object, not a second, air-strike event — unless the
    clause says something got through ("debris damaged a house").
    """
    stopped = [t for t in triggers if t.sub_type == _DISRUPTED]
    if not stopped:
        return triggers
    out = []
    for trig in triggers:
        if trig.event_type == tx.EXPLOSION:
            clause = _clause_of(clauses, trig.start)
            if any(clause[0] <= t.start < clause[1] for t in stopped) and not _search(
                tx.IMPACT, masked, low, *clause
            ):
                continue
        out.append(trig)
    return out


@functools.lru_cache(maxsize=4096)
def _is_trigger_word(surface: str) -> bool:
    return tx.TRIGGER_ANY_CI.fullmatch(surface) is not None


def _claims(
    sentence: str,
    low: str | None,
    mentions: list[Mention],
    offset: int,
    speakers: dict[str, tuple[str, str | None]] | None = None,
) -> list[_Claim]:
    """Who says what: claimants followed or preceded by an attribution verb, with scope.

    ``speakers`` are the surnames the document gave a title before ("Acting DPR Head
    Denis Pushilin"): "Pushilin said" is that claimant again.
    """
    out: list[_Claim] = []
    taken: list[tuple[int, int]] = []
    n = len(sentence)
    sides: list[_Claim] = []  # named claimants first, then sides ("despite Russian claims")
    if "claim" in sentence or "assertion" in sentence:
        for match in tx.SIDE_CLAIM.finditer(sentence):
            side = "RU" if match.group(1).lower().startswith(("russ", "mosc")) else "UA"
            name = tx.SIDE_NAMES[side]
            sides.append(_Claim(name, side, *match.span(), (match.end(), n), side_only=True))
    if _search(tx.ATTRIBUTION_ANY, sentence, low) is None:  # nobody says anything here
        return sides
    candidates: list[tuple[int, int, str, str | None]] = []
    for match in tx.CLAIMANT_ANY.finditer(sentence):
        who, party = tx.CLAIMANT_NAMES[str(match.lastgroup)]  # every group is named
        candidates.append((match.start(), match.end(), who, party))
    for surname, (who, party) in (speakers or {}).items():
        if surname in sentence:
            for match in re.finditer(rf"\b{re.escape(surname)}\b", sentence):
                candidates.append((match.start(), match.end(), who, party))
    for mention in mentions:  # metonyms as speakers: "Washington said"
        if mention.role == "metonym" and mention.place is not None:
            country = mention.place.country
            candidates.append((mention.start - offset, mention.end - offset, mention.text, country))
    for start, end, name, party in candidates:
        if any(start < e and s < end for s, e in taken):
            continue
        after = tx.ATTRIBUTION_AFTER.match(sentence, end)
        before = _search(tx.ATTRIBUTION_BEFORE, sentence, low, max(0, start - 30), start)
        if after is not None:
            tail = sentence[after.end() :].strip(" .,\"'”")
            scope = (0, start) if start > 0 and len(tail) < 3 else (after.end(), n)
            if sentence[:start].rstrip().endswith(","):  # "..., X said (on Sunday, using ...)"
                short = len(tail) < 25 or sentence[after.end() :].lstrip().startswith(",")
                scope = (0, start) if short else (after.end(), n)
        elif start <= 3 and tx.ATTRIBUTION_COLON.match(sentence, end):  # "Ministry: ..."
            scope = (end, n)
        elif (
            not sentence[end:].strip(" .\n")
            and tx.ATTRIBUTION_DASH.search(sentence, 0, start)
            and not tx.DATELINE.match(sentence)
        ):
            scope = (0, start)  # "Two attacks repelled - Russian Defence Ministry"
        elif before is not None:
            rest = sentence[end:].strip(" .,\"'”")
            said = before.group().lower()
            if "accord" in said or "cit" in said or said.rstrip().endswith(("by", "of", "from")):
                scope = (0, n)
            elif (
                not rest
                or sentence[end:].lstrip().startswith(",")  # "..., said X."
                or before.group().rstrip().lower().endswith(" by")  # "This was reported by X"
            ):
                scope = (0, before.start())
            else:
                continue
        else:
            continue
        taken.append((start, end))
        out.append(_Claim(name, party, start, end, scope))
    return out + sides


#: The person's name a titled claimant ends with: "Acting DPR Head Denis Pushilin".
_TITLED_NAME = re.compile(r"\b[A-Z][a-z]+\s+([A-Z][a-z]{2,})$")
#: What any such name holds somewhere in its sentence (a cheap test before the long search).
_ANY_NAME = re.compile(r"[A-Z][a-z]+\s+[A-Z][a-z]{2}")


def _remember_speakers(
    sentence: str, claims: list[_Claim], speakers: dict[str, tuple[str, str | None]]
) -> None:
    """Note the surname of each titled person of a side, for when it speaks again alone.

    The title need not come with a verb of saying: "Acting DPR Head Ivan Petrenko visited
    a hospital. ... Petrenko said".
    """
    if _ANY_NAME.search(sentence) is None:
        return  # no first name and surname anywhere: no title can end with one
    titled = [(c.start, c.end, c.name, c.side) for c in claims if not c.side_only]
    for match in tx.CLAIMANT_ANY.finditer(sentence):
        titled.append((match.start(), match.end(), *tx.CLAIMANT_NAMES[str(match.lastgroup)]))
    for start, end, who, side in titled:
        if side not in _SIDES:
            continue
        name = _TITLED_NAME.search(sentence, start, end)
        if name is not None:
            speakers[name.group(1)] = (who, side)


def _still_quoting(fragment: str, quoted: bool) -> bool:
    """Whether a quotation is open after ``fragment``, given whether it was before it."""
    if "\n\n" in fragment:  # a paragraph break closes what a quote left open
        quoted = False
        fragment = fragment.rsplit("\n\n", 1)[1]
    opens = fragment.count("“") + fragment.count("«")
    closes = fragment.count("”") + fragment.count("»")
    if opens != closes:
        return opens > closes
    return quoted != (fragment.count('"') % 2 == 1)


def _capturer(
    masked: str, clause_start: int, trigger: _Trigger, claimants: list[tuple[str, str | None]]
) -> str | None:
    """The side a capture says took the place.

    "Ukrainian forces retook", "liberated by Russian troops", "Ukrainian units were
    driven out of" (the other side); a liberation without its actor is the claimant's.
    """
    after = re.match(r"\s+by\s+(?:the\s+)?", masked[trigger.end :])
    if after is not None:
        word = tx.SIDE_WORD.match(masked, trigger.end + after.end())
        if word is not None:
            return "RU" if word.group(1) else "UA"
    near = max(clause_start, trigger.start - _SUBJECT_REACH)  # the capture's own subject
    words = list(tx.SIDE_ACTOR.finditer(masked, near, trigger.end))
    if words:
        side = "RU" if words[-1].group(1) else "UA"
        if tx.PASSIVE_BEFORE.search(masked, words[-1].end(), trigger.start):
            side = "UA" if side == "RU" else "RU"
        return side
    if not masked[trigger.start : trigger.end].lower().startswith("liberat"):
        return None
    sides = {side for _, side in claimants if side in _SIDES}  # each liberates for itself
    return sides.pop() if len(sides) == 1 else None


def _resolve_claims(
    claims: list[_Claim], carried: list[tuple[str, str | None]], sentence: str
) -> list[_Claim]:
    """Name the claimants that stand for someone: "the report said", "the ministry said".

    An anaphor ("the report", "he") is whoever spoke last in the document; a defence
    ministry without its country belongs to the side the sentence names first, else to
    the side of whoever spoke last.
    """
    out: list[_Claim] = []
    for claim in claims:
        if claim.name == tx.ANAPHOR_CLAIMANT:
            out.extend(replace(claim, name=name, side=side) for name, side in carried)
        elif claim.name == tx.DEFENCE_MINISTRY and claim.side is None:
            side = next((s for _, s in carried if s in _SIDES), None)
            word = tx.SIDE_WORD.search(sentence)
            if word is not None:
                side = "RU" if word.group(1) else "UA"
            if side is not None:
                name = f"{'Russian' if side == 'RU' else 'Ukrainian'} defence ministry"
                claim = replace(claim, name=name, side=side)
            out.append(claim)
        else:
            out.append(claim)
    return out


def _clauses(sentence: str) -> list[tuple[int, int]]:
    cuts = [0] + [m.start() for m in tx.CLAUSE_BREAK.finditer(sentence)] + [len(sentence)]
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def _clause_of(clauses: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    i = bisect.bisect_right(clauses, (pos, _NO_END)) - 1  # clauses run in order
    if i >= 0 and clauses[i][0] <= pos < clauses[i][1]:
        return clauses[i]
    for clause in clauses:  # clauses that overlap or leave gaps: the first that holds it
        if clause[0] <= pos < clause[1]:
            return clause
    return clauses[-1]


#: Larger than any offset: ``(pos, _NO_END)`` sorts after every clause starting at ``pos``.
_NO_END = 1 << 62


class _Nearest:
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


def _drop_qualifiers(places: list[_Located], sentence: str = "") -> list[_Located]:
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
        if coarse and any(
            other[0].id != place.id
            and _inside(other[0], place)
            and _gap(other[2], other[3], item[2], item[3]) <= _QUALIFIER_GAP
            and not _coordinated(sentence, item, other)
            for other in places
        ):
            continue
        if place.kind == "region" and any(_hint_of(sentence, other, item) for other in places):
            continue
        out.append(item)
    return out


def _hint_of(sentence: str, fine: _Located, region: _Located) -> bool:
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


def _coordinated(sentence: str, a: _Located, b: _Located) -> bool:
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


def _assign(
    triggers: list[_Trigger],
    places: list[_Located],
    clauses: list[tuple[int, int]],
    sentence: str,
) -> list[tuple[_Trigger, _Located]]:
    """Pair places with triggers: nearest in the same clause; orphan triggers share places.

    A place in a clause without a trigger joins the sentence's nearest trigger only when
    the clause describes it ("Pokrovsk, which Moscow calls Krasnoarmeysk"); otherwise it
    is background ("..., as Russian forces push west from Toretsk").
    """
    groups: dict[int, list[_Located]] = {}
    every = _Nearest(triggers, lambda t: t.start, lambda t: t.end)
    in_clause: dict[tuple[int, int], list[_Trigger]] = {}
    for trig in every.spans:
        in_clause.setdefault(_clause_of(clauses, trig.start), []).append(trig)
    per_clause = {
        clause: _Nearest(members, lambda t: t.start, lambda t: t.end)
        for clause, members in in_clause.items()
    }
    for item in places:
        start, end = item[2], item[3]
        clause = _clause_of(clauses, start)
        local = per_clause.get(clause)
        if not local:
            head = sentence[clause[0] : clause[1]].lstrip(" ,;:—–-(")
            if clause[0] > 0 and not tx.DESCRIPTIVE_CLAUSE.match(head):
                continue
            local = every
        best = local.of(start, end)
        groups.setdefault(id(best), []).append(item)
    by_id = {id(t): t for t in triggers}
    grouped = [i for g in groups.values() for i in g]
    kept = {id(item) for item in _drop_qualifiers(grouped, sentence)}
    pairs = [
        (by_id[key], item) for key, items in groups.items() for item in items if id(item) in kept
    ]
    assigned = _Nearest(
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
    masked: str,
    low: str | None,
    clause: tuple[int, int],
    trigger: _Trigger,
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
    attempt = tx.ATTEMPT.search(before) is not None  # "tried to break through": it happened
    if _search(tx.CONDITIONAL, masked, low, start, trigger.start) or _search(
        tx.IF_CLAUSE, masked, low, start, end
    ):
        return "conditional"
    if _search(tx.HYPOTHETICAL, masked, low, start, trigger.start):
        return "hypothetical"
    if not attempt and _search(tx.FUTURE, masked, low, start, trigger.start):
        return "future"
    if not attempt and before.rstrip().endswith(" to"):  # "Envoys to meet"
        return "future"
    if _search(tx.AHEAD_OF, masked, low, start, trigger.start):
        return "future"
    # "Capturing X would be", "The meeting is expected", "• The “liberation” of X is"
    subject = len(re.findall(r"\w+", before)) <= 2
    after = tx.VERB_AFTER.match(masked, trigger.end) if subject else None
    if after is not None and after.end() <= end:
        return "hypothetical" if after.group("would") or after.group("aim") else "future"
    if span is not None and span.date is not None and anchor is not None and span.date > anchor:
        return "future"
    return "actual"


def _refuture(sentence: str, span: DateSpan, anchor: dt.date) -> DateSpan:
    """Re-read a weekday or month expression forwards for a future statement."""
    again = find_dates(sentence[span.start : span.end], anchor=anchor, future=True)
    return replace(span, date=again[0].date, date_end=again[0].date_end) if again else span


def _quantities(sentence: str, low: str | None) -> tuple[int | None, list[tuple[int, int]]]:
    """Munitions in the sentence (summed: "143 drones and 12 missiles"), and other counts."""
    munitions = 0
    found = False
    others = []
    for match in _finditer(tx.QUANTITY, sentence, low):
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
def _default_geoparser() -> GeoparseFn:
    return geoparse
