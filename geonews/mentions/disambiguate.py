"""Disambiguation: the :class:`Disambiguator` chooses the place each name of a document names.

Resolution is joint over the document: the countries and regions the text names, explicit
admin hints ("Myrnohrad in the Donetsk region", "Pokrovsk, Ukraine"), spatial coherence
(the senses of the other names nearby), the text's centre, names written after "the" (the
Atlantic) and the resolver's priors.  Two passes: the first reads the document's context
from each name's best guess, the second from the first pass's choices, so names settle each
other (Gainesville, Ga. and Georgia the state).  One name key gets one resolution per
document.  Then names listed with states are the states ("California or Washington"), a
bare name the text also gives as a county is the county, and a county the gazetteer knows
only by its state moves to the text's places there.

Like a spaCy pipeline component, a :class:`Disambiguator` is called on a
:class:`~geonews.mentions.document.Document` whose spans the recogniser found, and reads as
two steps: :meth:`~Disambiguator.match` looks up each name's candidate places and the cues
around them, :meth:`~Disambiguator.set_annotations` chooses and records them on the spans.

Examples
--------
>>> from geonews.mentions.document import Document
>>> from geonews.mentions.recognise import Recogniser
>>> from geonews.places import Resolver
>>> resolver = Resolver()
>>> doc = Document("Shelling hit Myrnohrad in the Donetsk region.")
>>> doc = Disambiguator(resolver)(Recogniser(resolver)(doc))
>>> [(sp.text, sp.place.name, sp.place.admin1) for sp in doc.spans]
[('Myrnohrad', 'Myrnohrad', 'Donetsk'), ('Donetsk', 'Donetsk Oblast', 'Donetsk')]
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import math
import re
from collections import Counter
from typing import NamedTuple

from geonews.mentions.designators import list_runs, spread_designators
from geonews.mentions.document import Document, Span
from geonews.mentions.hints import (
    NEAR_REFUTES_KM,
    REFUTING_COUNTRIES,
    UNNAMED_REGION,
    Hint,
    find_addresses,
    find_hints,
    names_its_region,
)
from geonews.mentions.lexicon import DIRECTIONS as _DIRECTIONS
from geonews.mentions.outliers import lone_villages, regions_of_lists
from geonews.places import Place, haversine_km
from geonews.places.resolver import Resolver

__all__ = ["Disambiguator", "Resolution", "Senses"]

#: Places considered for each name, the resolver's best first.
_CANDIDATES = 60
#: Largest lift the document context can give a candidate (country, region, distance); a
#: candidate further than this below the best is not rescored.
_WINDOW = 8.0
#: Most that the text's evidence for a place's region lifts it (scaled by shares below).
_REGION_LIFT = 4.0
#: Most that the text's evidence for a country counts towards one of its places.
_COUNTRY_CAP = 2.0
#: Most that the text's evidence for a region counts towards one of its places.
_REGION_CAP = 2.0
#: Evidence for a region (a name's own taken out) at or below this lifts nothing.
_REGION_MIN = 0.5
#: A share's lift starts at this much, so a named country or region lifts its places even
#: when the text mostly speaks of others (the lift is ``_SHARE_FLOOR + share``).
_SHARE_FLOOR = 0.5
#: Farthest (km) a place matched by spelling tolerance may lie from the text's centre: a
#: misspelling is read as one of the text's own places or not at all (as far as a lone
#: village may lie, :data:`~geonews.mentions.outliers.LONE_KM`: a front's villages lie
#: within about a hundred km of each other).
_TOLERANT_KM = 150.0
#: How a candidate matched when spelling tolerance found it (``matched`` up to a colon).
_TOLERANT = frozenset({"fold", "fuzzy", "edit"})
#: Evidence for the war's countries that keeps their prior whatever else the text names.
_WAR_EVIDENCE = 1.0
#: Evidence for other countries from which on the war prior yields (with too little war).
_OTHER_EVIDENCE = 2.0
#: Evidence a name read as a country or region gives for it.
_ADMIN_WEIGHT = 2.0
#: Evidence a place name gives for its country and region when its best sense is trusted.
_SURE_WEIGHT = 1.0
#: Evidence a place name gives for its country when its best senses are nearly tied.
_UNSURE_WEIGHT = 0.4
#: Lead of a name's best sense over its second from which on the sense is trusted.
_SURE_MARGIN = 1.0
#: A name written n times weighs n to this power: repetition counts, less and less.
_REPEAT_POWER = 0.5
#: Lead of a name with no rival: one candidate only, or chosen by the first pass.
_CERTAIN_MARGIN = 9.0
#: Score gap taken for a name with one candidate left (a confidence of 0.993).
_LONE_GAP = 5.0
#: Weight of the penalty of a town far from the text's centre: w * log(1 + km / scale).
_DISTANCE_WEIGHT = 0.5
#: Distance scale of that penalty: at this many km from the centre it is w * log 2.
_DISTANCE_KM = 300.0
#: Weight of spatial coherence: support from the other names' nearby senses.
_COHERENCE = 1.0
#: Distance within which another name's sense supports a sense (closeness falls to 0 there).
_COHERENCE_KM = 150.0
#: Senses this far below a name's best one are not plausible enough to vote or be voted for.
_COHERENCE_WINDOW = 4.0
#: Most senses of one name looked at for coherence.
_COHERENCE_SENSES = 30
#: Most support coherence can give one sense.
_COHERENCE_CAP = 3.0
#: Names of a text looked at for coherence (the work grows with the square of it).
_COHERENCE_NAMES = 300
#: Closeness of two senses in the same first-level region, whatever the distance.
_SAME_REGION = 0.3
#: A bare name read as a town at least this big is not the short form of a county's name.
_LOCAL_POPULATION = 100_000
#: Endings of a county's name key whose bare rest may be its short form ("Barrow").
_COUNTY_SUFFIXES = (" county", " parish", " co")
#: Kinds of place that coherence looks at (the ones with a point of their own).
_POINT_KINDS = frozenset({"settlement", "county", "feature"})
#: Grid cell of the coherence search, in degrees (a 3x3 block covers _COHERENCE_KM).
_CELL = 2.0
#: Lift of a sea, river or area for a name written after "the".
_ARTICLE = 3.0
#: Kinds of place that a name written after "the" is lifted towards.
_ARTICLE_KINDS = frozenset({"sea", "river", "area", "feature", "continent"})
#: Characters before a name searched for "the" and the adjectives after it.
_ARTICLE_LOOKBACK = 40
#: Most adjectives between "the" and the name ("the eastern tropical Pacific").
_ARTICLE_ADJECTIVES = 3
#: Share of a name's mentions written after "the" from which on it takes the article.
_ARTICLED_SHARE = 0.5
#: Runner-up places kept on a mention.
_RUNNERS_UP = 3
#: Fewest names of a list whose places are read together (the item and two others).
_LIST_MIN = 3
#: Farthest (km) the other items of a list may be from their middle to lie together.
_LIST_TIGHT_KM = 60.0
#: Distance (km) from the other items' middle beyond which an item is out of its list
#: (a list of front towns spans the Donbas: "Bakhmut, Avdiivka and Vuhledar", 110 km).
_LIST_FAR_KM = 150.0
#: A settlement this big may be listed with villages far from it ("..., Bakhmut and
#: Kharkiv"); a smaller one out of its list is no answer.
_LIST_KNOWN_POPULATION = 100_000
#: Decimals of a mention's score and confidence.
_DIGITS = 4
#: States remembered with their centre point (for counties placed there).
_STATE_CACHE = 1024
#: Distance penalties remembered (pairs of points).
_PENALTY_CACHE = 65536

#: A name's resolution: its place (None when nothing matched), the runners-up, best first,
#: and the confidence of the choice.
Resolution = tuple[Place | None, tuple[Place, ...], float]


class Senses(NamedTuple):
    """What :meth:`Disambiguator.match` found: each name's places and the text's cues."""

    places: dict[str, list[Place]]  # by name key, the resolver's best first
    counts: Counter[str]  # how often the text writes each name key
    hints: dict[str, list[Hint]]  # what the text says of where each name is
    articled: frozenset[str]  # names the text mostly writes after "the"


class Disambiguator:
    """Pipeline component: chooses each span's place from the whole document.

    Parameters
    ----------
    resolver : Resolver
        Candidates, priors and the context (``resolver.context``) the choice starts from.

    Examples
    --------
    >>> from geonews.mentions.document import Document, Span
    >>> from geonews.places import Resolver
    >>> doc = Document("Kharkov", spans=[Span(0, 7, "Kharkov", "kharkov")])
    >>> Disambiguator(Resolver())(doc).spans[0].place.name
    'Kharkiv'
    """

    def __init__(self, resolver: Resolver):
        self.resolver = resolver
        self.gazetteer = resolver.gazetteer
        self._region = functools.lru_cache(maxsize=_STATE_CACHE)(self.gazetteer.region_of)
        self._state_point = functools.lru_cache(maxsize=_STATE_CACHE)(self._state_point_uncached)

    def _state_point_uncached(self, country, admin1_code) -> tuple[float, float] | None:
        state = self._region(country, admin1_code)
        return None if state is None else (state.lat, state.lon)

    def __repr__(self) -> str:
        return f"Disambiguator({self.resolver!r})"

    def _region_named_by(self, place: Place, name: str) -> Place:
        """The region a city gives its name to, when the city is written as an address.

        "Hryhorivka (Donetsk)", "Nikopol (Nikopol raion, Dnipropetrovsk)": the oblast there,
        not the city.
        """
        code = place.raw.get("admin1_code")
        if place.kind != "settlement" or not (place.country and code):
            return place
        if not names_its_region(place, name):
            return place
        region = self._region(place.country, code)
        if region is None:
            return place
        return dataclasses.replace(region, matched=f"{place.matched}+address")

    def __call__(self, doc: Document) -> Document:
        """Set each span's ``place``, ``candidates``, ``confidence`` and ``part``."""
        if doc.spans:
            senses = self.match(doc)
            self.set_annotations(doc, senses)
        return doc

    def match(self, doc: Document) -> Senses:
        """Each name's candidate places, and the cues the text gives about them."""
        # "the Oryol, Bryansk and Kursk regions": the designator covers the whole list
        doc.spans = spread_designators(doc.text, doc.spans, self.gazetteer.has_key)
        spans, text = doc.spans, doc.text
        by_key: dict[str, list[Place]] = {}
        counts = Counter(sp.key for sp in spans)
        for sp in spans:
            if sp.key not in by_key:
                by_key[sp.key] = self.resolver.candidates(sp.key, date=doc.date, limit=_CANDIDATES)
        hints = find_hints(text, spans, by_key)
        for i, kind in find_addresses(text, spans, by_key).items():
            spans[i].address = kind
        # "the Atlantic", "the eastern Pacific": a name that takes the article is a sea,
        # a river or an area more often than a town (Atlantic, Iowa)
        articled = _with_article(text, spans)
        return Senses(by_key, counts, hints, articled)

    def set_annotations(self, doc: Document, senses: Senses) -> None:
        """Choose one place per name from the document's evidence, and record it on the spans."""
        chosen = self.resolve(doc, senses)
        for sp in doc.spans:
            place, runners, conf = chosen[sp.key]
            sp.place, sp.candidates, sp.confidence = place, runners, conf
            sp.reason = doc.unresolved.get(sp.key) if place is None else None
            if place is None and sp.reason is None and not runners:
                refused = self.resolver.unresolved_reason(sp.text)  # the spelling step's why
                sp.reason = f"unresolved:spelling:{refused}" if refused else None
            if place is None and sp.cue == "compound":  # see Recogniser._hyphen_parts
                sp.reason = f"unresolved:compound:no {sp.text} in the gazetteer"
            quoted = place or (runners[0] if runners else None)
            if sp.cue == "quoted" and quoted is not None:  # see mentions.screening
                # the quotation marks say why, whatever else would also rule the place out
                sp.candidates = runners if place is None else (place, *runners)
                sp.place, sp.confidence = None, 0.0
                sp.reason = f"a name in quotation marks, not {quoted.name} ({quoted.country})"
            if sp.address in ("region", UNNAMED_REGION) and place is not None:
                sp.place = self._region_named_by(place, sp.key)
            if sp.part_key and place is not None:
                whole = self.resolver.candidates(sp.part_key, date=doc.date, limit=1)
                sp.part = whole[0] if whole and whole[0].country == place.country else None
        # a name taken only from its context is a mention only when it finds a place
        doc.spans = [sp for sp in doc.spans if not (sp.unknown and sp.place is None)]

    def resolve(self, doc: Document, senses: Senses) -> dict[str, Resolution]:
        """The resolution of each name key of ``doc``."""
        by_key, counts, hints, articled = senses
        # Two passes: the first reads the document's context from each name's best guess,
        # the second from the first pass's choices, so names settle each other
        # (Gainesville, Ga. and Georgia the state).
        prior = self.resolver.context
        anchor = _centroid(
            [c[0] for c in by_key.values() if c and c[0].kind in ("settlement", "region")]
        )
        tops = {k: (c[0], _margin(c)) for k, c in by_key.items() if c}
        support = _coherence(by_key, self._at_state_centre)
        chosen = self._choose(
            by_key, _evidence(tops, counts), hints, prior, anchor, support, articled, {}
        )
        settled = {k: (c[0], _CERTAIN_MARGIN) for k, c in chosen.items() if c[0] is not None}
        doc.unresolved = {}
        chosen = self._choose(
            by_key, _evidence(settled, counts), hints, prior, anchor, support, articled,
            doc.unresolved,
        )  # fmt: skip
        chosen = _regions_in_lists(doc.text, doc.spans, chosen, by_key)
        chosen = _cluster_lists(doc.text, doc.spans, chosen, by_key, doc.unresolved)
        chosen = regions_of_lists(doc.text, doc.spans, chosen, by_key, doc.unresolved)
        chosen = lone_villages(chosen, by_key, doc.unresolved)
        return _place_counties(_county_short_forms(chosen), self.gazetteer)

    def _at_state_centre(self, place: Place) -> bool:
        """A county the gazetteer could place only at its state's centre."""
        if place.kind != "county":
            return False
        state = self._state_point(place.country, place.raw.get("admin1_code"))
        return state == (place.lat, place.lon)

    @staticmethod
    def _choose(by_key, evidence, hints, prior, anchor, support, articled, unresolved):
        countries: Counter[str] = Counter()
        regions: Counter[tuple[str | None, str | None]] = Counter()
        for country, region, weight in evidence.values():
            if country:
                countries[country] += weight
            if region:
                regions[region] += weight
        # document-wide sums, from which each name's own evidence is taken out below
        total_all = sum(w for w in countries.values() if w > 0)
        war_all = sum(w for c, w in countries.items() if c in prior)
        other_all = sum(w for c, w in countries.items() if c not in prior)
        region_totals_all: Counter[str | None] = Counter()
        for (rc, _), w in regions.items():
            if w > 0:
                region_totals_all[rc] += w
        chosen: dict[str, tuple[Place | None, tuple[Place, ...], float]] = {}
        for k, cands in by_key.items():
            if not cands:
                chosen[k] = (None, (), 0.0)
                continue
            # a name's own evidence does not vote for itself
            own_country, own_region, own_weight = evidence.get(k, (None, None, 0.0))
            doc_countries, doc_regions = countries, regions
            total, war_evidence, other_evidence = total_all, war_all, other_all
            region_totals = region_totals_all
            if own_country:
                doc_countries = _without(countries, own_country, own_weight)
                before, after = countries[own_country], doc_countries[own_country]
                total += max(after, 0.0) - max(before, 0.0)
                if own_country in prior:
                    war_evidence -= own_weight
                else:
                    other_evidence -= own_weight
            if own_region:
                doc_regions = _without(regions, own_region, own_weight)
                before, after = regions[own_region], doc_regions[own_region]
                region_totals = _without(
                    region_totals_all, own_region[0], max(before, 0.0) - max(after, 0.0)
                )
            total = total or 1.0
            # the war-region prior yields when the text is plainly about somewhere else
            damp = 1.0 if war_evidence >= _WAR_EVIDENCE or other_evidence < _OTHER_EVIDENCE else 0.0
            rescored = []
            floor = cands[0].score - _WINDOW
            for p in cands:
                if p.score < floor and not hints.get(k):
                    break  # candidates are sorted; context cannot lift these past the best
                s = p.score - (1.0 - damp) * prior.get(p.country or "", 0.0)
                weight = max(doc_countries.get(p.country or "", 0.0), 0.0)
                # how much of the text is about this country, and how much is said of it
                share = weight / total
                s += min(weight, _COUNTRY_CAP) * (_SHARE_FLOOR + share)
                rweight = doc_regions.get((p.country, p.admin1), 0.0)
                if p.kind != "country" and rweight > _REGION_MIN:
                    # how much of what the text says of this country is about this region
                    rshare = rweight / (region_totals.get(p.country, 0.0) or rweight)
                    s += (
                        _REGION_LIFT
                        * share
                        * min(rweight, _REGION_CAP)
                        / _REGION_CAP
                        * (_SHARE_FLOOR + rshare)
                    )
                for hint in hints.get(k, ()):
                    s += hint.lift(p)
                if k in articled and p.kind in _ARTICLE_KINDS:
                    s += _ARTICLE
                if anchor is not None and p.kind in ("settlement", "feature"):
                    s -= _far_from(anchor, p)
                s += _COHERENCE * support.get((k, p.id), 0.0)
                rescored.append((s, p))
            rescored.sort(key=lambda t: (-t[0], -t[1].population, t[1].id))
            best_s, best = rescored[0]
            why = _ruled_out(best, hints.get(k, ()), anchor)
            if why is not None:
                # a wrong place is worse than none: the text's own hint, or where its other
                # places are, says this is not the place meant
                unresolved[k] = why
                chosen[k] = (None, tuple(p for _, p in rescored[:_RUNNERS_UP]), 0.0)
                continue
            backing = max(hints.get(k, ()), key=lambda h: h.lift(best), default=None)
            if backing is not None and backing.lift(best) > 0:
                best = dataclasses.replace(best, matched=f"{best.matched}+hint:{backing.label}")
            second = rescored[1][0] if len(rescored) > 1 else best_s - _LONE_GAP
            confidence = 1.0 / (1.0 + math.exp(-(best_s - second)))
            chosen[k] = (
                dataclasses.replace(best, score=round(best_s, _DIGITS)),
                tuple(p for _, p in rescored[1 : 1 + _RUNNERS_UP]),
                round(confidence, _DIGITS),
            )
        return chosen


class _Adjusted:
    """A read-only view of a mapping with one key's value lowered (no copy of the rest)."""

    __slots__ = ("_base", "_key", "_value")

    def __init__(self, base, key, value):
        self._base, self._key, self._value = base, key, value

    def get(self, key, default=None):
        if key == self._key:
            return self._value
        return self._base.get(key, default)

    def __getitem__(self, key):
        return self._value if key == self._key else self._base[key]


def _without(counts, key, amount) -> _Adjusted:
    """``counts`` with ``amount`` taken off ``key``'s value."""
    return _Adjusted(counts, key, counts.get(key, 0.0) - amount)


def _far_from(anchor: tuple[float, float], place: Place) -> float:
    """How much being far from the text's centre counts against a town."""
    return _distance_penalty(anchor[0], anchor[1], place.lat, place.lon)


@functools.lru_cache(maxsize=_PENALTY_CACHE)
def _distance_penalty(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return _DISTANCE_WEIGHT * math.log1p(haversine_km(lat1, lon1, lat2, lon2) / _DISTANCE_KM)


_LIST_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def _regions_in_lists(text, spans, chosen, by_key):
    """A name listed with states is the state: "California or Washington".

    "Alaska, Hawaii, Florida and Washington" is the state, not Washington, D.C.: a name
    whose chosen place is not a region but which has a region of the same country among
    its candidates takes that region when a list neighbour is such a region.
    """
    out = dict(chosen)
    for a, b in itertools.pairwise(spans):
        if not _LIST_SEPARATOR.fullmatch(text, a.end, b.start):
            continue
        for this, other in ((a.key, b.key), (b.key, a.key)):
            place, mate = out[this][0], out[other][0]
            if place is None or mate is None or place.kind == "region" or mate.kind != "region":
                continue
            region = next(
                (p for p in by_key[this] if p.kind == "region" and p.country == mate.country),
                None,
            )
            if region is not None:
                runners = tuple(p for p in by_key[this] if p.id != region.id)[:_RUNNERS_UP]
                out[this] = (region, runners, out[this][2])
    return out


def _cluster_lists(text, spans, chosen, by_key, unresolved):
    """A village listed with villages that lie together is the namesake among them.

    "Siversk, Fedorivka and Bakhmut": when the other items of a list of three or more
    are settlements in the war's countries within ``_LIST_TIGHT_KM`` of their middle, an
    item chosen more than ``_LIST_FAR_KM`` away takes its candidate nearest that middle
    (within ``NEAR_REFUTES_KM``).  Without one, a place smaller than
    ``_LIST_KNOWN_POPULATION`` is left unresolved: the list says where it is, and the
    gazetteer has no namesake there.
    """
    out = dict(chosen)
    for run in ([spans[i] for i in ids] for ids in list_runs(text, spans)):
        keys = list(dict.fromkeys(sp.key for sp in run))
        if len(keys) == 2:
            _pair_together(keys, out, by_key)
        if len(keys) < _LIST_MIN:
            continue
        for k in keys:
            place = out[k][0]
            if place is None or place.kind != "settlement":
                continue
            middle = _tight_middle([out[m][0] for m in keys if m != k])
            if middle is None or _km_to(middle, place) <= _LIST_FAR_KM:
                continue
            near = min(by_key[k], key=lambda p: _km_to(middle, p))
            if near.kind == "settlement" and _km_to(middle, near) <= NEAR_REFUTES_KM:
                moved = dataclasses.replace(near, matched=f"{near.matched}+list-cluster")
                runners = (place, *(p for p in out[k][1] if p.id != near.id))[:_RUNNERS_UP]
                out[k] = (moved, runners, out[k][2])
            elif place.population < _LIST_KNOWN_POPULATION:
                others = ", ".join(sp.text for sp in run if sp.key != k)
                unresolved[k] = f"unresolved:list:no {place.name} near {others} in the gazetteer"
                out[k] = (None, (place, *out[k][1])[:_RUNNERS_UP], 0.0)
    return out


def _pair_together(keys: list[str], out: dict[str, Resolution], by_key) -> None:
    """Two villages named together lie together: "near Kupiansk-Vuzlovyi and Petropavlivka".

    When the pair's places (settlements of the war's countries, smaller than
    ``_LIST_KNOWN_POPULATION``) lie more than ``_LIST_FAR_KM`` apart and exactly one of
    the two has a namesake within ``NEAR_REFUTES_KM`` of the other, that namesake is
    taken (when each has one, nothing says which is meant).  A place the text's own hint
    decided stays.
    """
    a, b = (out[k][0] for k in keys)
    if a is None or b is None:
        return
    if any(p.kind != "settlement" or p.country not in REFUTING_COUNTRIES for p in (a, b)):
        return
    if haversine_km(a.lat, a.lon, b.lat, b.lon) <= _LIST_FAR_KM:
        return
    moves = {}
    for k, place, mate in ((keys[0], a, b), (keys[1], b, a)):
        if place.population >= _LIST_KNOWN_POPULATION or "+hint:" in (place.matched or ""):
            continue
        at = (mate.lat, mate.lon)
        near = min((p for p in by_key[k] if p.kind == "settlement"), key=lambda p: _km_to(at, p))
        if _km_to(at, near) <= NEAR_REFUTES_KM:
            moves[k] = (place, near)
    if len(moves) != 1:
        return
    ((k, (place, near)),) = moves.items()
    moved = dataclasses.replace(near, matched=f"{near.matched}+list-cluster")
    runners = (place, *(p for p in out[k][1] if p.id != near.id))[:_RUNNERS_UP]
    out[k] = (moved, runners, out[k][2])


def _tight_middle(places) -> tuple[float, float] | None:
    """The middle of ``places`` if they are settlements of the war lying together, or None."""
    if len(places) < _LIST_MIN - 1 or any(
        p is None or p.kind != "settlement" or p.country not in REFUTING_COUNTRIES for p in places
    ):
        return None
    middle = _centroid(places)
    if middle is None or any(_km_to(middle, p) > _LIST_TIGHT_KM for p in places):
        return None
    return middle


def _km_to(point: tuple[float, float], place: Place) -> float:
    return haversine_km(point[0], point[1], place.lat, place.lon)


def _place_counties(chosen, gazetteer):
    """Move a county known only by its state to the median of the text's places there."""
    counties = [k for k, (p, _, _) in chosen.items() if p is not None and p.kind == "county"]
    if not counties:
        return chosen
    out = dict(chosen)
    for k in counties:
        place, runners, conf = chosen[k]
        state = gazetteer.region_of(place.country, place.raw.get("admin1_code"))
        if state is None or (state.lat, state.lon) != (place.lat, place.lon):
            continue  # placed at a town of its name, not at the state's centre
        near = [
            p
            for p, _, _ in chosen.values()
            if p is not None
            and p.kind == "settlement"
            and p.country == "US"
            and p.admin1 == place.admin1
        ]
        if near:
            lat = sorted(p.lat for p in near)[len(near) // 2]
            lon = sorted(p.lon for p in near)[len(near) // 2]
            moved = dataclasses.replace(
                place, lat=lat, lon=lon, matched=f"{place.matched}+text-centroid"
            )
            out[k] = (moved, runners, conf)
    return out


def _coherence(by_key, at_state_centre) -> dict[tuple[str, str], float]:
    """How many other names of the text have a sense near each sense of a name.

    Every name with more than one plausible sense ("Watertown", "Delano", "Elgin") looks,
    for each of its senses, at the nearest plausible sense of every other name; a sense
    close to many of them (the Minnesota towns of one local paper) gathers support.  Two
    senses in the same first-level region count as somewhat close whatever the distance
    (a county known only by its state is near everything in its state).  A name's vote
    counts less the more senses it has, since a common name is near anything by chance.
    """
    plausible: dict[str, list[tuple[Place, bool]]] = {}
    # the first names of a very long text only: the work grows with the square of it
    for k, cands in itertools.islice(by_key.items(), _COHERENCE_NAMES):
        if not cands:
            continue
        floor = cands[0].score - _COHERENCE_WINDOW
        senses = [
            (p, not at_state_centre(p))
            for p in cands[:_COHERENCE_SENSES]
            if p.score >= floor and p.kind in _POINT_KINDS
        ]
        if senses:
            plausible[k] = senses
    if len(plausible) < 2:
        return {}
    grid: dict[tuple[int, int], list[tuple[str, Place]]] = {}
    regions: dict[tuple[str | None, str | None], set[str]] = {}
    for k, senses in plausible.items():
        for p, has_point in senses:
            if has_point:
                grid.setdefault(_cell(p.lat, p.lon), []).append((k, p))
            if p.admin1:
                regions.setdefault((p.country, p.admin1), set()).add(k)
    weight = {k: 1.0 / math.sqrt(len(senses)) for k, senses in plausible.items()}
    out: dict[tuple[str, str], float] = {}
    for k, senses in plausible.items():
        if len(by_key[k]) < 2:
            continue  # nothing to choose
        for p, has_point in senses:
            near = dict.fromkeys(
                regions.get((p.country, p.admin1), ()) if p.admin1 else (), _SAME_REGION
            )
            near.pop(k, None)
            if has_point:
                cy, cx = _cell(p.lat, p.lon)
                for dy in (-1, 0, 1):
                    for dx in (-1, 0, 1):
                        for m, q in grid.get((cy + dy, cx + dx), ()):
                            if m == k:
                                continue
                            km = haversine_km(p.lat, p.lon, q.lat, q.lon)
                            if km < _COHERENCE_KM:
                                closeness = 1.0 - km / _COHERENCE_KM
                                if closeness > near.get(m, 0.0):
                                    near[m] = closeness
            if near:
                out[(k, p.id)] = min(sum(weight[m] * c for m, c in near.items()), _COHERENCE_CAP)
    return out


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / _CELL), math.floor(lon / _CELL)


_ADJECTIVES = "|".join(
    sorted(_DIRECTIONS | {"tropical", "equatorial", "upper", "lower", "far", "wider", "greater"})
)
_BEFORE = re.compile(rf"\bthe\s+(?:(?:{_ADJECTIVES})\s+){{0,{_ARTICLE_ADJECTIVES}}}$", re.I)


def _with_article(text: str, spans: list[Span]) -> frozenset[str]:
    """Names the text mostly writes after "the" ("the Atlantic", "the western Pacific")."""
    seen: Counter[str] = Counter()
    articled: Counter[str] = Counter()
    for sp in spans:
        if sp.cue is not None:
            continue
        seen[sp.key] += 1
        if _BEFORE.search(text, max(0, sp.start - _ARTICLE_LOOKBACK), sp.start):
            articled[sp.key] += 1
    return frozenset(k for k, n in articled.items() if n >= _ARTICLED_SHARE * seen[k])


def _county_short_forms(chosen):
    """A bare name the text also gives as a county ("Barrow County ... Barrow") is the county.

    Unless the bare name has been read as a place in the county's own state (the county
    seat often shares the name) or as a city too big to be a local short form.
    """
    out = None
    for k, (place, _, conf) in chosen.items():
        if place is None or place.kind != "county":
            continue
        for suffix in _COUNTY_SUFFIXES:
            if not k.endswith(suffix):
                continue
            base = k[: -len(suffix)]
            short, runners, _ = chosen.get(base, (None, (), 0.0))
            if (
                short is not None
                and short.kind == "settlement"
                and short.population < _LOCAL_POPULATION
                and not short.raw.get("capital")
                and (short.country, short.admin1) != (place.country, place.admin1)
            ):
                if out is None:
                    out = dict(chosen)
                out[base] = (place, (short, *runners[: _RUNNERS_UP - 1]), conf)
    return chosen if out is None else out


def _margin(cands: list[Place]) -> float:
    return cands[0].score - cands[1].score if len(cands) > 1 else _CERTAIN_MARGIN


def _evidence(tops, counts):
    """What each name says of the document's countries and regions: (country, region, weight)."""
    out = {}
    for k, (top, margin) in tops.items():
        sure = margin > _SURE_MARGIN
        if top.kind in ("country", "region"):
            weight = _ADMIN_WEIGHT
        else:
            weight = _SURE_WEIGHT if sure else _UNSURE_WEIGHT
        region = (
            (top.country, top.admin1) if top.kind == "region" or (top.admin1 and sure) else None
        )
        out[k] = (top.country, region, weight * counts[k] ** _REPEAT_POWER)
    return out


def _centroid(places: list[Place]) -> tuple[float, float] | None:
    if len(places) < 2:
        return None
    lat = sorted(p.lat for p in places)[len(places) // 2]
    lon = sorted(p.lon for p in places)[len(places) // 2]
    return lat, lon


def _ruled_out(place: Place, hints, anchor) -> str | None:
    """Why the best candidate is no answer, or None: a hint refutes it, or it is too far.

    A strong hint that no candidate satisfies refutes a small place ("Hryhorivka, Donetsk"
    when the gazetteer knows Hryhorivkas only elsewhere); a place found only by spelling
    tolerance must lie among the text's other places.
    """
    strong = [h for h in hints if h.strong]
    if strong and not any(h.holds(place) for h in strong):
        refuting = next((h for h in strong if h.refutes(place)), None)
        if refuting is not None:
            return f"unresolved:hint:{refuting.label} (no {place.name} there in the gazetteer)"
    if anchor is not None and (place.matched or "").split(":", 1)[0] in _TOLERANT:
        km = haversine_km(anchor[0], anchor[1], place.lat, place.lon)
        if km > _TOLERANT_KM:
            return f"unresolved:spelling:{place.name} is {km:.0f} km from the text's places"
    return None
