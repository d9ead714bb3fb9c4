"""Hints the text gives about where a name is: they outrank the resolver's priors.

Wire and monitoring copy says which of a village's namesakes it means:

* ``"Heorhiivka, Donetsk"``, ``"Pokrovsk, Ukraine"``: a region, a country, or a city that
  gives its region its name, right after a comma (not inside a list of towns);
* ``"Pivdenne (Kharkiv region)"``, ``"Zarichne (Zaporizhzhia oblast)"``,
  ``"Myrnohrad in the Donetsk region"``, ``"Sumy of the Sumy region"``;
* ``"Ivanivka, Bakhmut district"``, ``"Ivanivka (Bakhmut raion)"``: a raion, known by its
  centre town;
* ``"Bohdanivka near Chasiv Yar"``, ``"Stepove, north of Avdiivka"``: the namesake nearest
  the other place;
* the front sector the text is about (``"on the Pokrovsk direction"``, ``"the Kupiansk
  axis"``): the namesakes near it, more weakly.

:func:`find_hints` reads them off a document's spans (with each name's ranked candidates);
:meth:`Hint.lift` is what a candidate gains, and :meth:`Hint.refutes` says when the hint
rules a choice out: a small place against an explicit hint is no answer (the right
namesake is not in the gazetteer), so the name stays unresolved with the hint as its
reason.  The disambiguator records the hint that backed its choice in ``Mention.matched``
(``"name+hint:region:Donetsk"``).

Examples
--------
>>> from geonews.mentions.document import Span
>>> from geonews.places import Resolver
>>> text = "Shelling near Hryhorivka (Zaporizhzhia region)."
>>> spans = [Span(14, 24, "Hryhorivka", "hryhorivka"),
...          Span(26, 38, "Zaporizhzhia", "zaporizhzhia oblast", cue="region")]
>>> cands = {sp.key: Resolver().candidates(sp.key) for sp in spans}
>>> [h.label for h in find_hints(text, spans, cands)["hryhorivka"]]
['region:Zaporizhzhia']
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import math
import re

from geonews.mentions.designators import list_runs
from geonews.mentions.document import Span
from geonews.places import Place, haversine_km, key

__all__ = ["UNNAMED_REGION", "Hint", "find_addresses", "find_hints"]

#: Lift of a candidate inside the region or country a hint names: more than any prior
#: between namesakes (population, an alternate name, the war context).
REGION_LIFT = 6.0
#: Lift of a candidate in the region a city of the region's name stands for ("Heorhiivka,
#: Donetsk"): a city can also be the next item of a list.
CITY_REGION_LIFT = 4.0
#: Most lift of the candidate at the place "near" names (falls to 0 at ``NEAR_KM``).
NEAR_LIFT = 6.0
#: Distance (km) at which "near Z" stops lifting a candidate.
NEAR_KM = 150.0
#: Farthest (km) a small place may be from the place it is "near" (or from a raion's
#: centre) and still be the one meant.
NEAR_REFUTES_KM = 80.0
#: Most lift of a candidate at the front sector the text is about (falls to 0 at
#: ``SECTOR_KM``).
SECTOR_LIFT = 2.0
#: Distance (km) at which a front sector stops lifting a candidate.
SECTOR_KM = 100.0
#: A settlement at least this big is known well enough that a hint against it is more
#: likely a list than a correction ("Kharkiv, Donetsk Oblast and Kherson").
KNOWN_POPULATION = 20_000
#: Below this population a place far from the front sector of its own sentence ("In the
#: Huliaipole direction, the enemy attacked near Dobropillia": not the Donetsk-oblast
#: town of 28,000 110 km away) is no answer; a city is meant wherever it lies.
SENTENCE_SECTOR_POPULATION = 100_000
#: A city divided into districts of its own (the district names repeat across the country:
#: Kyivskyi, Prymorskyi, Shevchenkivskyi).
CITY_POPULATION = 100_000
#: How far (km) from the city's point a district the text puts in it may lie.
CITY_DISTRICT_KM = 25.0
#: Countries whose hints can leave a contradicted village unresolved.
REFUTING_COUNTRIES = frozenset({"UA", "RU"})
#: Longest gap (characters) between a name and the hint after it.
_GAP = 24

_COMMA = re.compile(r"\s*,\s*")
_PAREN = re.compile(r"\s*\(\s*")
#: "in the", also after the settlement's own designator or a comma: "Serhiivka village in
#: the Donetsk region", "Serhiivka, in the Donetsk region".
_IN = re.compile(r"(?:\s+(?:village|town|city|settlement|hamlet))?\s*,?\s+(?:in|of)\s+(?:the\s+)?")
#: A compass direction: "north", "south-east", "northwestern", "eastward".
_DIRECTION = r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern|wards?)?"
_NEAR = re.compile(
    r"\s*,?\s+(?:(?:which\s+)?(?:is|lies|located|situated|sits)\s+)?"
    r"(?:(?:about|some|around|roughly|approximately|nearly|just|only)\s+)?"
    r"(?:near|outside|close\s+to|not\s+far\s+from|next\s+to|"
    r"(?:(?P<dist>\d+(?:[.,]\d+)?)\s*(?P<unit>km|kilometres|kilometers|miles|mi)"
    r"(?:\s*\([^()]{0,20}\))?\s+)?"  # "10 kilometers (6 miles)"
    rf"(?P<dir>{_DIRECTION})\s+of)\s+"
    r"(?:the\s+)?(?:(?:[\w'’-]+\s+)?(?:town|village|city|settlement)\s+of\s+)?",
    re.I,
)
#: Kilometres in a unit of a distance hint.
_UNIT_KM = {"km": 1.0, "kilometres": 1.0, "kilometers": 1.0, "miles": 1.609344, "mi": 1.609344}
#: Bearing (degrees from north) of each compass point.
_BEARING = {"north": 0, "north-east": 45, "east": 90, "south-east": 135,
            "south": 180, "south-west": 225, "west": 270, "north-west": 315}  # fmt: skip
#: Most lift of the candidate at the point a distance and direction give ("20 km north of
#: Z"): the text's own measure of where the place is outranks the regions the rest of the
#: text is about, and the towns near Z.
OFFSET_LIFT = 12.0
#: How far (km) a place may be off the point a distance and direction give, and the share
#: of the stated distance added to it: one of eight compass points is up to 22.5 degrees
#: off (0.38 of the distance sideways), and reporters round "100 miles" and measure by road.
_OFFSET_SLACK_KM = 40.0
_OFFSET_SLACK_SHARE = 0.45
#: Widest angle (degrees) between the compass point a text gives without a distance
#: ("Stepove, north of Avdiivka") and the bearing of a namesake from the other place: the
#: compass point plus the half-way to each of its neighbours, and as much again for
#: "north" said of what lies north-north-east.
_BEARING_SLACK_DEG = 67.5
#: Closer than this (km) to the other place, a namesake is "north of" it whatever its
#: bearing (the gazetteer's point is a village's centre, the text's reference its edge).
_BEARING_FREE_KM = 5.0
#: Mean radius of the Earth (km), for the point a distance and direction give.
_EARTH_KM = 6371.0088
#: What closes a hint in brackets: "(Kharkiv region)", "(Zaporizhzhia oblast)".
_CLOSE = re.compile(r"\s*(?:region|oblast|province|district|raion|rayon)?\s*\)", re.I)
#: A raion named after its centre town: "Bakhmut district", "Pokrovsk raion".
_RAION = re.compile(r"\s+(?:raion|rayon|district)\b", re.I)
#: A district word after a name: "the Kyivskyi district", "the Osnovianskyi and Slobidskyi
#: districts".
_DISTRICT_AFTER = re.compile(r"\s+(?:city\s+)?districts?\b", re.I)
#: What joins a city district to the city after it: "(the Kyivskyi district) of Kharkiv".
_OF_CITY = re.compile(r"\s+of\s+(?:the\s+city\s+of\s+)?")
#: A city's possessive before its districts: "Kyiv's Darnytskyi and Dniprovskyi districts".
_CITYS = re.compile(r"['’]s\s+(?:central\s+|northern\s+|southern\s+|eastern\s+|western\s+)?")
#: Most names between a sentence's opening city and a district of it.
_SENTENCE_CITY_SPANS = 12
#: A sentence that opens with the city it is in: "In Kharkiv, ...".
_IN_CITY = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))\s*In\s+$")
#: The word that makes a run of names a list.
_AND_OR = re.compile(r"\b(?:and|or)\b", re.I)
#: A list going on after its item: "Belgorod, Bryansk, and other cities".
_AND_AFTER = re.compile(r"\s*,?\s*(?:and|or|as well as)\b", re.I)
#: The last item of a list that the gazetteer lacks, before the list's region: "and
#: Kotlyarovka" in "near Kupyansk, Peschanoye and Kotlyarovka in the Kharkov Region".
_UNKNOWN_LAST = re.compile(
    r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
    r"(?=\s+(?:in|of)\s+(?:the\s+)?$)"
)
#: A kind written after a place's name: "Sumy city (Sumy)", "Pokrovske hromadas (...)".
_KIND_AFTER = re.compile(
    r"^\s+(?:city|town|village|settlement|area|hromadas?|communit(?:y|ies))\b", re.I
)
#: A bracket closed before the address opens its own: "X hromada (coded to X) (Nikopol, ...)".
_REOPENED = re.compile(r"\s*\)\s*\(\s*")
#: The kind of address of an oblast that says where a village the gazetteer lacks is: the
#: oblast, not its capital, and no mere address (see :func:`find_addresses`).
UNNAMED_REGION = "unnamed-region"
#: An opening bracket and a raion the gazetteer has no span for, before the oblast:
#: " (Glushkovsky, " in "Tyotkino (Glushkovsky, Kursk)".
_UNKNOWN_RAION = re.compile(r"\s*\(\s*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s*,\s*")
#: A capitalised word right before an opening bracket, at the end of the text searched:
#: the village a monitoring note gives an address to ("Berdychi (Pokrovsk, Donetsk)").
_NAME_OPENS = re.compile(r"\b([A-Z][\w'’-]+)\s*\(\s*$")
#: Characters before a span searched for :data:`_NAME_OPENS`.
_OPENS_LOOKBACK = 40
#: What stands between two items of a list: ", ", " and ", ", or ".
_LIST_ON = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)", re.I)
#: What ends a hint given after a comma: punctuation or the end of the text ("Heorhiivka,
#: Donetsk." but not "Sudzha, Moscow said"); a region or country may also be followed by
#: "and" or "or" (the next place and its hint).
_CLAUSE_END = re.compile(r"\s*(?:[,.;:)!?\u2013\u2014-]|$)")
_CLAUSE_END_OR_LIST = re.compile(r"\s*(?:[,.;:)!?\u2013\u2014-]|$|(?:and|or)\b)", re.I)
#: The end of a sentence, for the reach of a front sector in a summary of several.
_SENTENCE_END = re.compile(r"[.!?;](?=\s)|\n")
#: What joins a list to the front sector it is in: " in the ", " on the ", "in the".
_IN_SECTOR = re.compile(r"\s*(?:,\s*)?(?:in|on|along)\s+the\s+", re.I)
#: Words after a name that make it the front sector a text is about.
_SECTOR = re.compile(r"\s+(?:direction|axis|sector|front|salient|bridgehead)\b", re.I)


@dataclasses.dataclass(frozen=True)
class Hint:
    """What the text says of where a name is.

    ``kind`` is ``"region"``, ``"country"``, ``"raion"``, ``"near"`` or ``"sector"``;
    ``label`` is how the choice records it; ``strong`` hints rule out the small places
    they contradict.
    """

    kind: str
    label: str
    country: str | None = None
    admin1: str | None = None
    point: tuple[float, float] | None = None
    lift_by: float = REGION_LIFT
    strong: bool = True
    #: How far (km) from ``point`` a place may be and still be the one meant.
    slack_km: float = NEAR_REFUTES_KM
    #: The compass bearing (degrees from north) from ``point`` the text gives without a
    #: distance ("north of Avdiivka"), or None.
    bearing: float | None = None
    #: The population from which on a place the hint contradicts is not ruled out (a
    #: town everyone knows is meant even where the hint says otherwise); a list the text
    #: places in a front sector rules out towns of any size ("near Zaporizhzhia, Mirne
    #: and Vesele in the Novopavlivka direction").
    refutes_below: float = KNOWN_POPULATION

    def holds(self, place: Place) -> bool:
        """Whether ``place`` is where the hint says (in the region, country or near)."""
        if self.kind == "country":
            return place.country == self.country
        if self.kind == "region":
            return place.country == self.country and place.admin1 == self.admin1
        return self._km(place) <= self.slack_km and self._on_bearing(place)

    def lift(self, place: Place) -> float:
        """What ``place`` gains from the hint."""
        if self.kind in ("country", "region"):
            return self.lift_by if self.holds(place) else 0.0
        if not self._on_bearing(place):
            return 0.0
        reach = SECTOR_KM if self.kind == "sector" else NEAR_KM
        return self.lift_by * max(0.0, 1.0 - self._km(place) / reach)

    def refutes(self, place: Place) -> bool:
        """Whether the hint rules ``place`` out: a small place where the text says it is not.

        Only for hints in the war's countries (:data:`REFUTING_COUNTRIES`), whose villages
        the text names by the hundred and the gazetteer lacks by the thousand; elsewhere
        a hint only lifts (a hint read off a partly recognised name, "National Park,
        Colorado", is no reason to drop a place).
        """
        if not self.strong or self.country not in REFUTING_COUNTRIES:
            return False
        if place.kind != "settlement" or place.population >= self.refutes_below:
            return False
        return not self.holds(place)

    def _on_bearing(self, place: Place) -> bool:
        """Whether ``place`` lies the way the text's compass point says from ``point``."""
        if self.bearing is None or self.point is None:
            return True
        if self._km(place) < _BEARING_FREE_KM:
            return True
        off = abs(_bearing(self.point, (place.lat, place.lon)) - self.bearing) % 360.0
        return min(off, 360.0 - off) <= _BEARING_SLACK_DEG

    def _km(self, place: Place) -> float:
        if self.point is None:
            return math.inf
        return haversine_km(self.point[0], self.point[1], place.lat, place.lon)


def find_hints(
    text: str, spans: list[Span], by_key: dict[str, list[Place]]
) -> dict[str, list[Hint]]:
    """The hints the text gives for each name key (the sector hint for every name).

    Parameters
    ----------
    text : str
        The document's text.
    spans : list of Span
        Its candidate toponyms, in order.
    by_key : dict
        Each name key's candidate places, the resolver's best first.
    """
    hints: dict[str, list[Hint]] = {}
    after: dict[int, Hint] = {}  # the hint each span takes from the span after it
    closes: set[int] = set()  # spans whose list goes on with a name the gazetteer lacks
    for i, (a, b) in enumerate(itertools.pairwise(spans)):
        raw = text[a.end : b.start]
        if raw.isspace():
            continue  # "Kyiv Kyiv": no comma, bracket or word that could make a hint
        gap = _address_gap(raw)
        unknown = _UNKNOWN_LAST.match(text, a.end, b.start)
        if unknown and i > 0 and _LIST_ON.fullmatch(text, spans[i - 1].end, a.start):
            # "Kupyansk, Peschanoye and Kotlyarovka in the Kharkov Region" (but not "the
            # Earl of Chatham and Prime Minister of Great Britain": no list before it)
            gap = text[unknown.end() : b.start]
            closes.add(i)
        if len(gap) > _GAP and not _NEAR.fullmatch(gap):
            continue
        hint = _hint(text, spans, i, a, b, gap, by_key)
        if hint is not None:
            after[i] = hint
    for run in list_runs(text, spans):
        # "near Kupyansk, Peschanoye and Kotlyarovka in the Kharkov Region": the whole list
        # (a list says "and" or "or"; "Falmouth, Cornwall in the United Kingdom" is none)
        last = after.get(run[-1])
        if last is None or not last.strong or last.kind not in ("region", "country"):
            continue
        joins = (text[spans[i].end : spans[j].start] for i, j in itertools.pairwise(run))
        if run[-1] in closes or any(_AND_OR.search(gap) for gap in joins):
            after.update({i: last for i in run if i not in after})
    for i, hint in sorted(after.items()):
        if hint not in hints.get(spans[i].key, ()):
            hints.setdefault(spans[i].key, []).append(hint)
    for k, hint in _city_districts(text, spans, by_key):
        if hint not in hints.get(k, ()):
            hints.setdefault(k, []).append(hint)
    for k, hint in _listed_in_sectors(text, spans, by_key):
        if hint not in hints.get(k, ()):
            hints.setdefault(k, []).append(hint)
    sectors = _sectors(text, spans, by_key)
    for _, k, sector in sectors:
        # "the Lyman direction" is named after the Lyman everyone knows, whatever the
        # regions of the rest of a summary
        own = dataclasses.replace(sector, lift_by=NEAR_LIFT)
        if own not in hints.get(k, ()):
            hints.setdefault(k, []).append(own)
    told = _sectors_told(text, spans, sectors)
    for sp, told_of in zip(spans, told, strict=True):
        for hint in told_of:
            if hint.label != f"sector:{sp.text}" and hint not in hints.get(sp.key, ()):
                hints.setdefault(sp.key, []).append(hint)
    return hints


def _sectors_told(
    text: str, spans: list[Span], sectors: list[tuple[int, str, Hint]]
) -> list[list[Hint]]:
    """The front sectors each name is told of.

    A text about one sector is about it throughout.  A summary of several ("In the
    Kupiansk direction, ... near X. In the Lyman direction, ... near Y.") tells each name
    with the sectors of its own sentence (the nearest before and after it), as strongly as
    "near" (they outweigh the regions of the rest of the summary), else with the last
    sector named before it.  Binary searches keep this linear in the names for a text of
    any length.
    """
    distinct = {hint for *_, hint in sectors}
    if len(distinct) <= 1:
        return [list(distinct) for _ in spans]
    at = [pos for pos, *_ in sectors]
    lifted = {
        hint: dataclasses.replace(
            hint, lift_by=NEAR_LIFT, strong=True, refutes_below=SENTENCE_SECTOR_POPULATION
        )
        for hint in distinct
    }
    stops = [m.end() for m in _SENTENCE_END.finditer(text)]
    out = []
    for sp in spans:
        n = bisect.bisect_right(stops, sp.start)
        begin = stops[n - 1] if n else 0
        m = bisect.bisect_left(stops, sp.end)
        finish = stops[m] if m < len(stops) else len(text)
        lo, here, hi = (bisect.bisect_left(at, pos) for pos in (begin, sp.start, finish))
        near = [i for i in (here - 1, here) if lo <= i < hi]
        if near:  # "In the Pokrovsk direction, ... near X": X is near Pokrovsk
            out.append([lifted[sectors[i][2]] for i in near])
        else:
            out.append([sectors[here - 1][2]] if here else [])
    return out


def find_addresses(text: str, spans: list[Span], by_key: dict[str, list[Place]]) -> dict[int, str]:
    """The spans that only say where the place before them is: index -> kind of hint.

    Monitoring notes give a village's address after it: in "Hryhorivka (Donetsk)",
    "Kurakhove (Pokrovsk raion, Donetsk)" or "Heorhiivka, Donetsk" the raion and the
    region are where the village is, not places of their own.  A span is an address when
    it is a region, country or raion hint of the span before it, or the region after such
    a raion ("Pokrovsk raion, Donetsk"); "near Z" and a front sector are not addresses.
    The kind is ``"region"``, ``"country"`` or ``"raion"``; after a village that is no
    span, the oblast's kind is :data:`UNNAMED_REGION`.

    >>> from geonews.mentions.document import Span
    >>> from geonews.places import Resolver
    >>> text = "Shelling of Kurakhove (Pokrovsk raion, Donetsk)."
    >>> spans = [Span(12, 21, "Kurakhove", "kurakhove"), Span(23, 31, "Pokrovsk", "pokrovsk"),
    ...          Span(39, 46, "Donetsk", "donetsk")]
    >>> cands = {sp.key: Resolver().candidates(sp.key) for sp in spans}
    >>> find_addresses(text, spans, cands)
    {1: 'raion', 2: 'region'}
    """
    out: dict[int, str] = {}
    for i, (a, b) in enumerate(itertools.pairwise(spans)):
        gap = text[a.end : b.start]
        if gap.isspace():
            continue  # an address follows a comma, a bracket or "in"
        if (
            i not in out
            and _UNKNOWN_RAION.fullmatch(gap)
            and _CLOSE.match(text, b.end)
            and _names_a_region(b, by_key)
        ):
            out[i + 1] = "region"  # "Tyotkino (Glushkovsky, Kursk)": a raion no span names
            continue
        if i in out:  # "Pokrovsk raion, Donetsk", "(Nikopol, Dnipropetrovsk)": the raion's region
            raion = _RAION.match(gap)
            gap = gap if raion is None else gap[raion.end() :]
        else:
            gap = _address_gap(gap)
        if len(gap) > _GAP or (_COMMA.fullmatch(gap) and _listed(text, spans, i)):
            continue
        cands = by_key.get(a.key)
        if i not in out and not (cands and cands[0].kind in ("settlement", "feature")):
            continue  # an address says where a finer place is, not a list of regions
        if b.cue == "district" and (_PAREN.fullmatch(gap) or _COMMA.fullmatch(gap)):
            out[i + 1] = "raion"  # "Tyotkino (Glushkovsky district, Kursk)"
            continue
        hint = _hint(text, spans, i, a, b, gap, by_key)
        # a weak hint may be the place itself ("Le Bernardin in New York") or the next
        # clause's subject ("Sudzha, Russia said")
        if hint is not None and hint.strong and hint.kind in ("region", "country", "raion"):
            out[i + 1] = hint.kind
    _unknown_names_addresses(text, spans, by_key, out)
    return out


def _unknown_names_addresses(text: str, spans: list[Span], by_key, out: dict[int, str]) -> None:
    """Addresses of a village that is no span: "Berdychi (Pokrovsk, Donetsk)".

    The gazetteer lacks most villages a monitoring note names, but the note still gives
    the address in brackets after the name: the raion by its centre town and the oblast,
    the oblast alone, or the raion's town alone.  The raion's town is an address, never
    the place of an event (a note of an advance near Berdychi is no claimed capture of
    Pokrovsk); the oblast is read as the oblast, not its capital (kind
    ``"unnamed-region"``), and stays the most precise place the note gives, as in "Tykhe,
    Kharkiv region".
    """
    for i, b in enumerate(spans):
        if i in out:
            continue
        lo = max(0, b.start - _OPENS_LOOKBACK, spans[i - 1].end if i else 0)
        if _NAME_OPENS.search(text, lo, b.start) is None:  # no word of a span: lo is past it
            continue
        if _region_closes(text, spans, i, by_key):
            out[i], out[i + 1] = "raion", UNNAMED_REGION
        elif _CLOSE.match(text, b.end):
            if _names_a_region(b, by_key):
                out[i] = UNNAMED_REGION
            elif _war_town(b, by_key):
                out[i] = "raion"  # "Paraskoviivka (Kramatorsk)": the raion by its town


def _war_town(span: Span, by_key) -> bool:
    """Whether the span's best reading is a settlement of the war's countries."""
    top = (by_key.get(span.key) or [None])[0]
    return top is not None and top.kind == "settlement" and top.country in REFUTING_COUNTRIES


def _names_a_region(span: Span, by_key) -> bool:
    """Whether the span's best reading is a region, or a city of the war named like its region."""
    if _war_town(span, by_key):
        return names_its_region(by_key[span.key][0], span.key)
    top = (by_key.get(span.key) or [None])[0]
    return top is not None and top.kind == "region"


def _address_gap(gap: str) -> str:
    """The gap between a place and its address, as the hints read it.

    "Sumy city (Sumy)", "Marhanets and Pokrovske hromadas (Nikopol, Dnipropetrovsk)" and
    "Chervonohryhorivka hromada (coded to Chervonohryhorivka) (Nikopol, Dnipropetrovsk)"
    all give the address in brackets right after the place.
    """
    gap = _KIND_AFTER.sub("", gap, count=1)
    return " (" if _REOPENED.fullmatch(gap) else gap


def _listed(text: str, spans: list[Span], i: int) -> bool:
    """Whether spans ``i`` and ``i + 1`` are items of a list ("Belgorod, Bryansk, and Kursk")."""
    before = i > 0 and _LIST_ON.fullmatch(text, spans[i - 1].end, spans[i].start) is not None
    nxt = spans[i + 2] if i + 2 < len(spans) else None
    after = nxt is not None and _LIST_ON.fullmatch(text, spans[i + 1].end, nxt.start) is not None
    return before or after or _AND_AFTER.match(text, spans[i + 1].end) is not None


def _hint(text, spans, i, a, b, gap, by_key) -> Hint | None:
    cands = by_key.get(b.key) or []
    if not cands:
        return None
    top = cands[0]
    after = text[b.end : b.end + 24]
    near = _NEAR.fullmatch(gap)
    if near:
        offset = _offset(near)
        bearing = _compass(near) if offset is None else None
        return _near(top, f"near:{b.text}", offset=offset, bearing=bearing)
    if (
        _RAION.match(after)
        and (_COMMA.fullmatch(gap) or _PAREN.fullmatch(gap) or _IN.fullmatch(gap))
    ) or (_PAREN.fullmatch(gap) and _region_closes(text, spans, i + 1, by_key)):
        return _near(top, f"raion:{b.text}", kind="raion")
    comma, inside = _COMMA.fullmatch(gap), _IN.fullmatch(gap)
    bracketed = _PAREN.fullmatch(gap) is not None and _CLOSE.match(after) is not None
    if not (comma or inside or bracketed):
        return None
    # "Sudzha, Russia said": perhaps the next clause's subject; a hint that only lifts
    ends = not comma or _CLAUSE_END_OR_LIST.match(text, b.end) is not None
    if top.kind == "country":
        return Hint("country", f"country:{top.name}", top.country, strong=ends)
    if top.kind == "region":
        label = f"region:{top.admin1 or top.name}"
        return Hint("region", label, top.country, top.admin1, strong=ends)
    if top.kind == "settlement" and top.admin1 and names_its_region(top, b.key):
        # "Heorhiivka, Donetsk": the city stands for its region, unless it is a list item
        nxt = spans[i + 2] if i + 2 < len(spans) else None
        in_list = (nxt is not None and _LIST_ON.fullmatch(text, b.end, nxt.start) is not None) or (
            i > 0 and _LIST_ON.fullmatch(text, spans[i - 1].end, a.start) is not None
        )
        if (
            in_list or not ends or (comma and not _CLAUSE_END.match(text, b.end))
        ) and not bracketed:
            return None
        return Hint(
            "region",
            f"region:{top.admin1}",
            top.country,
            top.admin1,
            lift_by=REGION_LIFT if bracketed else CITY_REGION_LIFT,
            strong=not inside,  # "in Donetsk" may be the city itself
        )
    return None


def _region_closes(text: str, spans: list[Span], i: int, by_key) -> bool:
    """Whether span ``i`` is followed by ", <region>)": "Marhanets (Nikopol, Dnipropetrovsk)".

    Monitoring notes give a village's raion by its centre town and then the oblast.
    """
    if i + 1 >= len(spans):
        return False
    b, c = spans[i], spans[i + 1]
    if not _COMMA.fullmatch(text, b.end, c.start) or not _CLOSE.match(text, c.end):
        return False
    return _names_a_region(c, by_key)


def names_its_region(city: Place, written: str) -> bool:
    """Whether ``city`` gives its region its name ("Donetsk"), as written or by its own name.

    In the war's countries an oblast keeps the name its capital lost or spells otherwise:
    "Dnipropetrovsk" for Dnipro's oblast, "Zaporizhia" for Zaporizhzhia's.
    """
    region = key(city.admin1 or "")
    if region == key(city.name):
        return True
    return city.country in REFUTING_COUNTRIES and region == written


def _near(
    top: Place,
    label: str,
    *,
    kind: str = "near",
    offset: tuple[float, float] | None = None,
    bearing: float | None = None,
) -> Hint | None:
    """A hint that the name lies near ``top``, or ``offset`` (km, bearing) away from it.

    With ``bearing`` alone ("north of Avdiivka") it lies near ``top`` that way.
    """
    if top.kind not in ("settlement", "feature") or top.country not in REFUTING_COUNTRIES:
        return None  # elsewhere spatial coherence already weighs the text's other places
    if offset is None:
        if bearing is not None:
            label = f"{label}:{bearing:.0f}deg"
        point = (top.lat, top.lon)
        return Hint(kind, label, top.country, top.admin1, point, NEAR_LIFT, bearing=bearing)
    km, bearing = offset
    point = _destination(top.lat, top.lon, km, bearing)
    slack = _OFFSET_SLACK_KM + _OFFSET_SLACK_SHARE * km
    label = f"{label}:{km:.0f}km:{bearing:.0f}deg"
    return Hint(kind, label, top.country, top.admin1, point, OFFSET_LIFT, slack_km=slack)


def _offset(near: re.Match) -> tuple[float, float] | None:
    """(km, bearing) of "20 km north-east of": None without a distance or a compass point."""
    if near["dist"] is None:
        return None
    km = float(near["dist"].replace(",", ".")) * _UNIT_KM[near["unit"].lower()]
    bearing = _compass(near)
    return None if bearing is None else (km, bearing)


def _compass(near: re.Match) -> float | None:
    """The bearing (degrees from north) of the compass point of "south-east of", or None."""
    if near["dir"] is None:
        return None
    return _BEARING.get("-".join(re.findall(r"north|south|east|west", near["dir"].lower())))


def _bearing(origin: tuple[float, float], to: tuple[float, float]) -> float:
    """The initial bearing (degrees from north, 0-360) from ``origin`` to ``to``.

    >>> round(_bearing((50.0, 36.0), (49.0, 36.0)))
    180
    """
    p1, p2 = math.radians(origin[0]), math.radians(to[0])
    dl = math.radians(to[1] - origin[1])
    y = math.sin(dl) * math.cos(p2)
    x = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return math.degrees(math.atan2(y, x)) % 360.0


def _destination(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    """The point ``km`` from (lat, lon) on ``bearing`` (degrees from north), on a sphere.

    >>> [round(v, 2) for v in _destination(50.0, 36.0, 111.2, 180)]
    [49.0, 36.0]
    """
    d = km / _EARTH_KM
    p1, l1, b = math.radians(lat), math.radians(lon), math.radians(bearing)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(
        math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2)
    )
    return math.degrees(p2), math.degrees(l2)


def _city_districts(text, spans, by_key) -> list[tuple[str, Hint]]:
    """Each city district the text puts in a city, with a hint at that city.

    "The Shevchenkivskyi district of Kyiv", "Kyiv's Darnytskyi and Dniprovskyi districts",
    "In Kharkiv, ... in the Kyivskyi district": the district lies within
    ``CITY_DISTRICT_KM`` of the city, so a village of the same name elsewhere (there are
    Kyivskyis and Prymorskyis in several oblasts) is no answer.
    """
    out: list[tuple[str, Hint]] = []
    for run in list_runs(text, spans):
        last = spans[run[-1]]
        words = _DISTRICT_AFTER.match(text, last.end)
        if words is None:
            continue
        city = None
        of = _OF_CITY.match(text, words.end())
        after = run[-1] + 1
        if of is not None and after < len(spans) and spans[after].start == of.end():
            city = spans[after]  # "the Shevchenkivskyi district of Kyiv"
        elif run[0] > 0 and _CITYS.fullmatch(text, spans[run[0] - 1].end, spans[run[0]].start):
            city = spans[run[0] - 1]  # "Kyiv's Darnytskyi district"
        else:
            city = _sentence_city(text, spans, run[0])  # "In Kharkiv, ... the Kyivskyi district"
        if city is None or city.cue:
            continue
        top = (by_key.get(city.key) or [None])[0]
        if top is None or top.kind != "settlement" or top.population < CITY_POPULATION:
            continue
        hint = Hint(
            "near", f"city:{city.text}", top.country, top.admin1, (top.lat, top.lon),
            NEAR_LIFT, slack_km=CITY_DISTRICT_KM, refutes_below=math.inf,
        )  # fmt: skip
        out.extend((spans[i].key, hint) for i in run)
    return out


def _sentence_city(text: str, spans: list[Span], i: int) -> Span | None:
    """The city the sentence of span ``i`` opens with ("In Kharkiv, ..."), or None.

    Only the last ``_SENTENCE_CITY_SPANS`` names before it are looked at, so a text of
    district after district with no full stop costs no more than a short one.
    """
    for j in range(i - 1, max(-1, i - 1 - _SENTENCE_CITY_SPANS), -1):
        sp = spans[j]
        if _SENTENCE_END.search(text, sp.end, spans[j + 1].start):
            return None  # the sentence began after this name
        if text[sp.end : sp.end + 1] == "," and _IN_CITY.search(
            text, max(0, sp.start - 6), sp.start
        ):
            return sp
    return None


def _listed_in_sectors(text, spans, by_key) -> list[tuple[str, Hint]]:
    """Each name of a list the text places in a front sector, with that sector's hint.

    "Assaults near Zaporizhzhia, Mirne and Vesele in the Novopavlivka direction": the
    sector's town is where the list is, within ``SECTOR_KM`` of it, so a namesake far
    from it is no answer however big (the city of Zaporizhzhia is 130 km away; the
    village is not in the gazetteer).
    """
    out: list[tuple[str, Hint]] = []
    for run in list_runs(text, spans):
        after = run[-1] + 1
        if after >= len(spans) or not _IN_SECTOR.fullmatch(
            text, spans[run[-1]].end, spans[after].start
        ):
            continue
        sector = spans[after]
        cands = by_key.get(sector.key) or []
        if not _SECTOR.match(text, sector.end) or not cands:
            continue
        top = cands[0]
        if top.kind != "settlement" or top.country not in REFUTING_COUNTRIES:
            continue
        hint = Hint(
            "sector", f"sector:{sector.text}", top.country, top.admin1, (top.lat, top.lon),
            NEAR_LIFT, slack_km=SECTOR_KM, refutes_below=math.inf,
        )  # fmt: skip
        out.extend((spans[i].key, hint) for i in run if spans[i].key != sector.key)
    return out


def _sectors(text, spans, by_key) -> list[tuple[int, str, Hint]]:
    """The front sectors the text names: where, the name key, and the hint.

    "the Pokrovsk direction", "the Kupiansk axis".
    """
    out: list[tuple[int, str, Hint]] = []
    for sp in spans:
        if not _SECTOR.match(text, sp.end):
            continue
        cands = by_key.get(sp.key) or []
        if cands and cands[0].kind == "settlement" and cands[0].country in REFUTING_COUNTRIES:
            top = cands[0]
            hint = Hint(
                "sector",
                f"sector:{sp.text}",
                top.country,
                top.admin1,
                (top.lat, top.lon),
                SECTOR_LIFT,
                strong=False,
            )
            out.append((sp.start, sp.key, hint))
    return out
