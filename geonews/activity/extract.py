"""Event extraction from one document: sentences -> events tied to literal places.

:class:`EventExtractor` does the work behind :func:`geonews.events`.  For each sentence it

1. finds event triggers (:mod:`geonews.activity.triggers`, from the lexicons in
   :mod:`geonews.activity.taxonomy`: ACLED-aligned types Battles, Explosions/Remote
   violence, Violence against civilians, Protests, Strategic developments, plus
   Diplomacy; the ACLED mapping table is there);
2. reads the **literal** places of the sentence (metonyms such as "Moscow insists" are
   actors, never event places; "Ukrainian targets" implies Ukraine; "the town"/"there"
   refer back to the last settlement named; a reference point such as "northwest of
   Lyman" counts only when nothing else is named) and ties each trigger to those of its
   clause (:mod:`geonews.activity.placing`: a region, country, sea or area that only
   qualifies a town is dropped);
3. finds who says so and the ``status`` (:mod:`geonews.activity.claims`: hedges and
   "could not be independently verified" -> claimed; capture or advance claims by a
   party -> claimed; denials -> denied; "despite Russian claims" or a denial against a
   claim -> contested), the ``modality``, the date and a ``quantity``
   (:mod:`geonews.activity.modality`: "will meet" -> future; "threatened to seize" ->
   conditional; munitions summed, "5,660 missiles and drones" -> 5660, else people; dates
   anchored on the article date, and what might happen gets no date unless given).

Per document, events at the same place whose claims contradict each other (a
claimed capture and continuing clashes, or a denial) merge into one ``contested``
event carrying every claimant (:func:`geonews.activity.merge.merge_document`), and
events dated more than 90 days before the article are dropped as background.

Across sentences: who spoke last speaks on in their quote and in what goes on with it
(bullets, "also", "in addition") until the reporter tells events in no one's voice; "the
ministry said", "it said" and "he said" resolve to whoever spoke last; what
one side of the war says about the fighting is ``claimed``
(:func:`~geonews.activity.claims.party_claims`); "were affected", "came under fire" and a
bare "attack" or explosion take the kind of the event reported just before; a
country-wide event gives way to the same kind at a place inside it
(:func:`~geonews.activity.placing.most_specific`); talks said to be in a country meet at
the dateline's city.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import shapely

from geonews.activity import attribution as at
from geonews.activity import taxonomy as tx
from geonews.activity.claims import (
    Claim,
    capturer,
    denied_triggers,
    find_claims,
    follow_up,
    join_claimants,
    own_retreat,
    party_claims,
    remember_speakers,
    resolve_claims,
    still_quoting,
)
from geonews.activity.clauses import clause_of, find_all, match_at, search_in, split_clauses
from geonews.activity.event import Event
from geonews.activity.merge import merge_document
from geonews.activity.modality import (
    nearest_date,
    quantities,
    read_modality,
    refuture,
    resolve_eves,
)
from geonews.activity.placing import (
    MEETING,
    PRECISION,
    Located,
    assign,
    dateline_city,
    is_dateline,
    is_state,
    meet_at_dateline,
    meeting_place,
    most_specific,
)
from geonews.activity.sentences import split_sentences
from geonews.activity.triggers import drop_intercepted, find_triggers, is_trigger_word
from geonews.corpus.read import Document
from geonews.dates import find_dates
from geonews.errors import InvalidInput
from geonews.mentions import Mention
from geonews.mentions.parser import geoparse
from geonews.places import Place, lonlat

__all__ = ["EventExtractor", "GeoparseFn"]

#: A place opening a headline as its label: "Bulgaria: 'Secret' Abu Dhabi Talks".
_KICKER = re.compile(r"\s*:\s")

#: Events dated further back than this before the article are background, not news.
_BACKGROUND = dt.timedelta(days=90)

#: What the extractor reads places with: text -> mentions (geoparse, a Geoparser, a stub).
GeoparseFn = Callable[[str], list[Mention]]


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
            if m.start < skip or is_dateline(text, m):
                filed.append(m)
                continue
            if m.address:  # "Kurakhove (Pokrovsk raion, Donetsk)": where the village is
                continue
            # "fighting in eastern Ukraine" happens in the eastern-Ukraine area
            mentions.append(replace(m, place=m.part) if m.part else m)
        mentions.sort(key=lambda m: m.start)
        found = self._document_events(text, mentions, doc.date, dateline_city(filed))
        meet_at_dateline(found, filed)
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
        filed_at: Located | None = None,
    ) -> list[Event]:
        found: list[Event] = []
        last: dict[str, tuple[Place, str]] = {}  # "settlement"/"region" -> antecedent
        previous: list[Event] = []
        carried: list[tuple[str, str | None]] = []  # whose voice goes on ("also", quotes)
        spoke: list[tuple[str, str | None]] = []  # who spoke last: "the ministry said"
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
            quoted = still_quoting(text[gap:s_start], quoted)  # open before this sentence?
            goes_on = quoted or at.CONTINUATION.search(sentence) is not None
            quoted = still_quoting(sentence, quoted)
            gap = s_end
            lowered = sentence.lower()
            low = lowered if len(lowered) == len(sentence) else None  # None: use IGNORECASE
            claims = find_claims(sentence, low, inside, s_start, speakers)
            claims = resolve_claims(claims, spoke, sentence)
            remember_speakers(sentence, claims, speakers)
            elsewhere = meeting_place(s_start, filed_at, found)
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
                follow_up(sentence, named, previous)
            for event in new:  # '..., the ministry said. "Its forces also struck ...": same voice
                if not event.claimants and goes_on:
                    event.claimants = list(carried)
            if named:
                carried = spoke = named
            elif new and not goes_on:
                carried = []  # events told in no one's voice: the reporter speaks again
            found.extend(new)
            previous = new
            for mention in inside:
                place = mention.place
                if place is None or mention.role != "literal":
                    continue
                precision = PRECISION.get(place.kind, "area")
                if precision in ("settlement", "region"):
                    last[precision] = (place, mention.text)
        party_claims(found)
        found = most_specific(found)
        resolve_eves(found, anchor)
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
        claims: list[Claim],
        anchor: dt.date | None,
        last: dict[str, tuple[Place, str]],
        recent: tuple[str, str] | None = None,
        elsewhere: Located | None = None,
    ) -> list[Event]:
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
        for match in find_all(tx.NOT_TRIGGERS, sentence, low):
            mask(*match.span())
        masked_text = "".join(masked)
        low_masked = None if low is None else masked_text.lower()
        triggers = find_triggers(masked_text, low_masked, recent)
        if not triggers:
            return []
        if (
            any(t.sub_type == tx.REMOTE for t in triggers)
            and search_in(tx.AIR_DEFENCE, sentence, low)  # read unmasked: "air defence said"
            and not search_in(tx.PLANTED, sentence, low)
        ):  # "explosions in Odesa, air defence is working": a blast from the sky
            triggers = [
                replace(t, sub_type=tx.AIR) if t.sub_type == tx.REMOTE else t for t in triggers
            ]
        places = self._places(sentence, low, offset, mentions, masked_text, low_masked)
        anaphor = search_in(tx.ANAPHOR, masked_text, low_masked)
        if anaphor is not None:  # "the town", "there": the last one named before
            kind = "region" if anaphor.group(2) else "settlement"
            # "the village of Pervomaiskoye": a new one, not the last one named
            named = tx.NAMED_AFTER.match(masked_text, anaphor.end())
            fresh = named is not None and kind in last and named.group(1) != last[kind][1]
            if (
                not fresh
                and kind in last
                and not any(PRECISION.get(p[0].kind) == kind for p in places)
            ):
                place, _ = last[kind]
                surface = masked_text[anaphor.start() : anaphor.end()]
                places.append((place, surface, anaphor.start(), anaphor.end()))
                places.sort(key=lambda p: p[2])
        literal = any(m.place is not None and m.role == "literal" for m in mentions)
        if (
            not places
            and elsewhere is not None
            and not literal
            and all(t.sub_type in MEETING for t in triggers)
        ):
            # "MOSCOW, July 2. /TASS/. ... told a news conference after the meeting": the
            # talks the sentence names without a place were where the dispatch was filed,
            # or where the talks just told of were ("The sides also agreed to ...")
            places = [(elsewhere[0], elsewhere[1], -1, -1)]  # in no sentence
        if not places:
            return []
        clauses = split_clauses(sentence)
        triggers = drop_intercepted(triggers, clauses, masked_text, low_masked)
        pairs = assign(triggers, places, clauses, sentence)
        contested = search_in(tx.CONTESTED, sentence, low) is not None
        sides = {c.side for c in claims if c.side in ("RU", "UA")}
        if len(sides) == 2 and any(not c.side_only for c in claims):
            contested = contested or len({c.side for c in claims if not c.side_only}) == 2
        hedged = search_in(tx.HEDGES, masked_text, low_masked) is not None or any(
            c.side_only for c in claims
        )
        denials = denied_triggers(sentence, low, clauses, triggers)
        admits = own_retreat(masked_text, clauses, triggers, claims)
        munitions, people = quantities(sentence, low)
        out: list[Event] = []
        seen: set[tuple[str, str, str]] = set()
        for trigger, (place, place_text, p_start, p_end) in pairs:
            key = (trigger.event_type, trigger.sub_type, place.id)
            if key in seen:
                continue
            if (
                trigger.sub_type == "Closure"
                and place.kind not in ("sea", "river")
                and tx.PASSAGE.search(masked_text, trigger.start, trigger.end) is None
            ):
                continue  # "blocked Lisichansk from the south" closes no passage
            clause = clause_of(clauses, trigger.start)
            if search_in(tx.TREND, masked_text, low_masked, *clause) is not None:
                continue  # "has in recent months stepped up attacks": a trend, no happening
            seen.add(key)
            span = nearest_date(spans, clauses, p_start, p_end, trigger)
            modality = read_modality(masked_text, low_masked, clause, trigger, span, anchor)
            if modality == "future" and span is not None and span.kind == "day" and anchor:
                span = refuture(sentence, span, anchor)
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
                event_type, sub_type = tx.STRATEGIC, tx.DISRUPTED_USE
            if sub_type == "Claimed capture" and place.country in tx.WAR_SIDES:
                side = capturer(masked_text, clause[0], trigger, claimants)
                if side is None and at.RETAKE.match(masked_text, trigger.start):
                    side = place.country  # "retook": back to whom it belonged
                if side == place.country:  # "Ukrainian forces liberated Kupiansk"
                    event_type, sub_type = tx.BATTLE, tx.REGAINS
                elif at.OVERRUN.match(masked_text, trigger.start):  # "troops overran X"
                    event_type, sub_type = tx.BATTLE, "Non-state actor overtakes territory"
            negation = search_in(tx.NEGATION, masked_text, low_masked, clause[0], trigger.start)
            negated = negation is not None
            denied = id(trigger) in denials
            admitted = (
                admits is not None and bool(claimants) and {s for _, s in claimants} <= {admits}
            )
            if contested or (denied and (hedged or len(sides) == 2)):
                status = "contested"  # "claimed ..., a claim Kyiv dismissed"
            elif denied or negated:
                status = "denied"
            elif hedged:
                status = "claimed"
            elif admitted:
                status = "reported"  # "Russia said it has withdrawn from Lyman": an admission
            elif trigger.sub_type in ("Claimed capture", "Advance") and any(
                side in tx.WAR_SIDES for _, side in claimants
            ):
                status = "claimed"
            elif tx.LIBERATED.match(sentence, trigger.start, trigger.end):
                status = "claimed"  # "liberated" is a side's word for its own capture
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
                Event(
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
                    admitted=admitted,
                    address=search_in(
                        tx.ADDRESS_BEFORE, sentence, low, max(0, p_start - 60), p_start
                    )
                    is not None,
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
    ) -> list[Located]:
        """Literal places of a sentence: (place, surface, start, end) in sentence offsets."""
        out: list[Located] = []
        references: list[Located] = []
        districts: list[Located] = []  # "the Shebekinsky district", read at Shebekino
        kickers: list[Located] = []  # "Kharkiv: ..." opening a headline
        opening = len(sentence) - len(sentence.lstrip())  # where the sentence's first word is
        destinations = search_in(tx.DESTINATION, sentence, low)
        kept_before = True  # whether the mention before this one was kept
        unnamed = False  # a literal name left unresolved, where the event may be
        last_end = -1
        for mention in mentions:
            start, end = mention.start - offset, mention.end - offset
            if mention.place is None or mention.role != "literal" or end > len(sentence):
                # "advanced in eastern Karlivka, southeast of Pokrovsk" with Karlivka left
                # unresolved: the event is there, not at the reference point
                unnamed = unnamed or (
                    mention.place is None
                    and mention.role == "literal"
                    and not search_in(tx.REFERENCE_BEFORE, sentence, low, max(0, start - 40), start)
                )
                kept_before, last_end = False, end
                continue
            alias = last_end >= 0 and _ALIAS_GAP.fullmatch(sentence, last_end, start) is not None
            if alias and not kept_before:  # "the parliament of the LPR (LPR)": same fate
                last_end = end
                continue
            kind = _reading(sentence, low, masked, start, end, mention.place, destinations)
            kept_before, last_end = kind != "", end
            if kind == "reference":
                references.append((mention.place, mention.text, start, end))
            elif kind and (mention.matched or "").endswith("+district"):
                districts.append((mention.place, mention.text, start, end))
            elif kind and start == opening and _KICKER.match(sentence, end):
                kickers.append((mention.place, mention.text, start, end))
            elif kind:
                out.append((mention.place, mention.text, start, end))
        # "entered the Glushkovsky district near the village of Tetkino": a district, read
        # at its centre town, is the event's place only when no finer one is named
        if not any(p[0].kind in ("settlement", "feature") for p in out):
            out += districts
        # "Bulgaria: 'Secret' Abu Dhabi Talks": a headline's label, unless the headline names
        # no other place ("Kharkiv: a missile hit a school")
        if kickers and not out:
            label_end = offset + kickers[0][3]
            if not any(m.place is not None and m.start > label_end for m in mentions):
                out = kickers
        for match in find_all(tx.IMPLIED, masked, low_masked):
            place = self._country(tx.DEMONYM_COUNTRY[match.group(1).lower()])
            if place is not None:
                start, end = match.start(1), match.end()
                out.append((place, masked[start:end], start, end))
        # "took the village of Kotlyne in the Donetsk region, west of Pokrovsk": the village
        # the gazetteer lacks is where it happened, not the reference point
        starts = [m.start for m in mentions]
        unnamed = unnamed or any(
            not _covered(mentions, starts, offset + named.start(1))
            for named in tx.NAMED_SETTLEMENT.finditer(sentence)
        )
        if not out and not unnamed:  # "withdrew from Avdiivka": the reference point is all
            out = references
        elif out and not unnamed and all(p[0].kind not in ("settlement", "feature") for p in out):
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

    def _row(self, doc: Document, text: str, event_id: str, event: Event) -> dict[str, Any]:
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
            "precision": PRECISION.get(place.kind, "area"),
            "claimant": join_claimants(event.claimants),
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


# -- places of a sentence -----------------------------------------------------------------
#: Between a name and its bracketed other name: "Lugansk People's Republic (LPR)".
_ALIAS_GAP = re.compile(r"\s*\(\s*")


def _covered(mentions: list[Mention], starts: list[int], pos: int) -> bool:
    """Whether a mention covers text position ``pos`` (``starts``: the mentions' starts, sorted)."""
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and mentions[i].end > pos


def _reading(
    sentence: str,
    low: str | None,
    masked: str,
    start: int,
    end: int,
    place: Place,
    destinations: re.Match[str] | None,
) -> str:
    """How a literal mention counts: "place", "reference" (kept if nothing else), or ""."""
    if not masked[start:end].strip():  # inside a claimant or a date
        return ""
    if is_trigger_word(sentence[start:end]):  # "Artillery" read as a place name
        return ""
    if search_in(tx.TOPIC_BEFORE, sentence, low, max(0, start - 60), start):
        return ""
    if match_at(tx.MODIFIER_AFTER, sentence, low, end):
        return ""
    if (
        is_state(place)
        and match_at(tx.ACTOR_VERB, sentence, low, end)
        and not tx.LOCATIVE_BEFORE.search(sentence, max(0, start - 12), start)
    ):
        return ""  # "Russia launched drones at Sumy": Russia acts, Sumy is the place
    if (
        destinations is not None
        and start >= destinations.end()
        and search_in(tx.FROM, sentence, low, destinations.end(), start) is None
    ):
        return ""  # "evacuees were taken to Mykolaiv": they left somewhere else
    if search_in(tx.ORIGIN_BEFORE, sentence, low, max(0, start - 110), start):
        return ""  # "a missile launched from the Kursk region": it landed elsewhere
    if search_in(tx.REFERENCE_BEFORE, sentence, low, max(0, start - 40), start):
        return "reference"
    return "place"


# -- corpus ---------------------------------------------------------------------------------
def _default_geoparser() -> GeoparseFn:
    return geoparse
