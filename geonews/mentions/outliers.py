"""Namesakes the rest of the text rules out, after the disambiguator's choice.

Russian and Ukrainian war reporting names villages by the dozen, in the spelling of the
side that reports them, and the gazetteer lacks most of them while it knows namesakes
elsewhere (Ukraine has dozens of Andriivkas).  The priors then pick a namesake hundreds of
kilometres from the fighting the text is about.  A wrong place on the map is worse than
none, so two checks read where the rest of the text is and leave such a village
unresolved, with the reason:

* **a list's region**: "Russian forces struck targets in Sumy Oblast.  The villages of
  Sadki, Andreyevka and Kondratovka were hit": when the list's sentence or the one before
  names an oblast of the war's countries and an item of the list lies in it, an item with
  namesakes lies there too, or it is left unresolved (or moved to its namesake there);
* **a lone village**: a small village of the war's countries that no hint backs, further
  than ``LONE_KM`` from every other place the text names, is not the one meant; with no
  other town or oblast in the text at all, a village under ``LONE_POPULATION`` is no
  answer unless it is ``DOMINANT_RATIO`` times as big as each namesake ("Shelling hit
  Andriivka": one of dozens).

Examples
--------
>>> from geonews.mentions.parser import Geoparser
>>> text = ("Russian troops pushed on in the Sumy region. The villages of Andriivka "
...         "and Yunakivka were shelled.")
>>> m = next(m for m in Geoparser()(text) if m.text == "Andriivka")
>>> m.place is None, m.matched
(True, 'unresolved:list-region:no Andriivka in Sumy in the gazetteer')
"""

from __future__ import annotations

import bisect
import dataclasses
import re

from geonews.context import WAR_COUNTRIES
from geonews.mentions.designators import LIST_ON
from geonews.mentions.document import Span
from geonews.places import Place, haversine_km

__all__ = [
    "ABROAD_POPULATION",
    "DOMINANT_RATIO",
    "LONE_KM",
    "LONE_POPULATION",
    "lone_villages",
    "regions_of_lists",
]

#: A village further than this (km) from every other place of the text is not the one
#: meant (a front sector's villages lie within a hundred km of each other and of their
#: oblast's towns; the namesakes the priors pick lie in the next oblasts but one).
LONE_KM = 150.0
#: Villages smaller than this are checked for lying alone: a bigger town is known well
#: enough to be named on its own ("Henichesk" in a text about Kherson).
LONE_POPULATION = 10_000
#: A town alone in its text at least this many times as big as each namesake of the war's
#: countries is the one meant ("Marinka" against a hamlet of that name); a smaller one is
#: left unresolved.
DOMINANT_RATIO = 3.0
#: How a candidate's name matched, for comparing namesakes: a namesake rivals a town only
#: if its name matched as well (an alias row says which place it means, and is left out).
_MATCH_RANK = {"name": 2, "alt": 1}
#: Abroad, towns smaller than this that a war text reaches only by an alternate name are
#: checked for lying alone (a city's other name, "Peking", is read wherever it lies).
ABROAD_POPULATION = 100_000
#: A listed place at least this big is known well enough to lie outside the list's
#: region ("Lyman" listed with villages of the Kharkiv region), unless the text calls
#: the items villages.
LISTED_KNOWN_POPULATION = 20_000
#: Unrecognised capitalised names between two list items: the list goes on past the
#: villages the gazetteer does not know ("Kondratovka, Khomino, Varchinovo, Konotop").
_UNKNOWN_ITEMS = re.compile(r"(?:\s*,\s*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)*")
#: What says that a list's items are villages: "the villages of", "settlements".
_VILLAGES = re.compile(
    r"\b(?:villages|settlements|hamlets)\s*(?:of|including|such\s+as|like|near|:)?\s*$", re.I
)
#: What ends a sentence.
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
#: Most oblast names read around one list (a text of thousands of them has no one region).
_REGIONS_READ = 64
#: Characters before a list searched for what says its items are villages.
_LOOKBACK = 40

Resolution = tuple[Place | None, tuple[Place, ...], float]


def regions_of_lists(
    text: str,
    spans: list[Span],
    chosen: dict[str, Resolution],
    by_key: dict[str, list[Place]],
    unresolved: dict[str, str],
) -> dict[str, Resolution]:
    """Listed villages lie in the region the list's context names with another item there.

    Parameters
    ----------
    text : str
        The document's text.
    spans : list of Span
        Its toponym spans, in order.
    chosen : dict
        Each name key's resolution (place, runners-up, confidence).
    by_key : dict
        Each name key's candidate places, the resolver's best first.
    unresolved : dict
        Filled with the reason for each name key this leaves unresolved.
    """
    out = dict(chosen)
    stops = [m.end() for m in _SENTENCE_END.finditer(text)]
    oblasts = [sp for sp in spans if _war_oblast(chosen[sp.key][0])]
    at = [sp.start for sp in oblasts]
    for run in _runs(text, spans):
        keys = list(dict.fromkeys(spans[i].key for i in run))
        if len(keys) < 2:
            continue
        start, end = spans[run[0]].start, spans[run[-1]].end
        regions = _regions_before(oblasts, at, stops, out, start, end, len(text))
        members = [out[k][0] for k in keys]
        regions = [r for r in regions if any(_in(p, r) for p in members if p is not None)]
        if not regions:
            continue
        villages = _VILLAGES.search(text, max(0, start - _LOOKBACK), start) is not None
        for k in keys:
            place, runners, _ = out[k]
            if place is None or place.kind != "settlement" or place.country not in WAR_COUNTRIES:
                continue
            if any(_in(place, r) for r in regions):
                continue
            if place.population >= LISTED_KNOWN_POPULATION and not villages:
                continue
            if not _namesakes(by_key[k]):
                continue  # the text names the one place the gazetteer knows by the name
            war = [p for p in by_key[k] if p.country in WAR_COUNTRIES]
            there = next((p for p in war if any(_in(p, r) for r in regions)), None)
            if there is not None:
                moved = dataclasses.replace(
                    there, matched=f"{there.matched}+list-region:{there.admin1}"
                )
                out[k] = (moved, (place, *(p for p in runners if p.id != there.id))[:3], 0.0)
                continue
            names = ", ".join(dict.fromkeys(r.admin1 or r.name for r in regions))
            unresolved[k] = f"unresolved:list-region:no {place.name} in {names} in the gazetteer"
            out[k] = (None, (place, *runners)[:3], 0.0)
    return out


def lone_villages(
    chosen: dict[str, Resolution], by_key: dict[str, list[Place]], unresolved: dict[str, str]
) -> dict[str, Resolution]:
    """Small villages of the war that no hint backs, far from every other place of the text.

    Or alone in it, beside namesakes nearly as big (:func:`_alone_with_namesakes`).

    Only names with namesakes in the war's countries: a name the gazetteer knows for one
    village only is that village, however far ("Sudzha" in a text about Bryansk).  Abroad,
    in a text that names places of the war, a small town that the name reaches only by an
    alternate name is checked too ("near Dachi", a Kherson village, is no Chinese town that
    GeoNames also calls Dachi).

    Parameters
    ----------
    chosen : dict
        Each name key's resolution (place, runners-up, confidence).
    by_key : dict
        Each name key's candidate places, the resolver's best first.
    unresolved : dict
        Filled with the reason for each name key this leaves unresolved.
    """
    out = dict(chosen)
    others = {k: r[0] for k, r in chosen.items() if r[0] is not None and _anchors(r[0])}
    war_anchors = sum(p.country in WAR_COUNTRIES for p in others.values())
    for k, (place, runners, _) in chosen.items():
        if (
            place is None
            or place.kind != "settlement"
            or "+hint:" in (place.matched or "")
            or "+list" in (place.matched or "")
        ):
            continue
        rest = (p for o, p in others.items() if o != k and p.id != place.id)
        first = next(rest, None)
        if first is None:
            # nothing else in the text says where it is: a town of many of its name is no
            # answer, unless it is much bigger than every namesake
            why = _alone_with_namesakes(place, by_key[k])
            if why is not None:
                unresolved[k] = why
                out[k] = (None, (place, *runners)[:3], 0.0)
            continue
        if place.country in WAR_COUNTRIES:
            if place.population >= LONE_POPULATION or not _namesakes(by_key[k]):
                continue
        elif not (
            _by_other_name(place)
            and place.population < ABROAD_POPULATION
            # a text about the war: most of the other towns and oblasts it names are the war's
            and war_anchors * 2 > len(others) - (k in others)
        ):
            continue  # abroad, only a town reached by another of its names, in a war text
        if _km(place, first) <= LONE_KM or any(_km(place, p) <= LONE_KM for p in rest):
            continue  # stops at the first place near it: a text of many places is quick
        near = [_km(place, p) for o, p in others.items() if o != k and p.id != place.id]
        unresolved[k] = (
            f"unresolved:alone:{place.name} ({place.admin1 or place.country}) lies"
            f" {min(near):.0f} km from the text's other places"
        )
        out[k] = (None, (place, *runners)[:3], 0.0)
    return out


def _alone_with_namesakes(place: Place, cands: list[Place]) -> str | None:
    """Why a town of the war's countries, the only one its text names, is no answer.

    None when it is bigger than ``LONE_POPULATION``, was named by an alias row, or is
    ``DOMINANT_RATIO`` times as big as every other settlement of the war's countries that
    the name reaches as well (by its own name, or by an alternate name when the town too
    was reached by one; a spelling-tolerant match is no namesake).
    """
    how = _how(place)
    if (
        place.country not in WAR_COUNTRIES
        or place.population >= LONE_POPULATION
        or how not in _MATCH_RANK
    ):
        return None
    rivals = [
        p
        for p in cands
        if p.id != place.id
        and p.kind == "settlement"
        and p.country in WAR_COUNTRIES
        and _MATCH_RANK.get(_how(p), 0) >= _MATCH_RANK[how]
    ]
    rival = max(rivals, key=lambda p: p.population, default=None)
    if rival is None or place.population >= DOMINANT_RATIO * rival.population:
        return None
    return (
        f"unresolved:namesakes:{place.name} ({place.admin1 or place.country}) or"
        f" {rival.name} ({rival.admin1 or rival.country}), and the text names no town or"
        " oblast beside it"
    )


def _how(place: Place) -> str:
    """How a candidate matched its name, without what the text added: "name", "alt"..."""
    return (place.matched or "").split("+", 1)[0].split(":", 1)[0]


def _runs(text: str, spans: list[Span]) -> list[list[int]]:
    """Runs of span indices joined as a list, across names the gazetteer does not know."""
    runs: list[list[int]] = []
    for i, sp in enumerate(spans):
        if runs and _joined(text, spans[i - 1].end, sp.start):
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _joined(text: str, end: int, start: int) -> bool:
    """Whether ``text[end:start]`` joins two list items, perhaps past unknown names."""
    gap = _UNKNOWN_ITEMS.match(text, end, start)
    return LIST_ON.fullmatch(text, gap.end() if gap else end, start) is not None


def _regions_before(oblasts, at, stops, chosen, start, end, length) -> list[Place]:
    """Oblasts of the war that the list's sentence or the one before names.

    ``oblasts`` are the text's spans of war oblasts, ``at`` their starts and ``stops`` the
    ends of its sentences: binary searches keep this linear in the text for any number of
    lists, and at most ``_REGIONS_READ`` oblast names are read around one list.
    """
    n = bisect.bisect_right(stops, start)
    begin = stops[n - 2] if n >= 2 else 0
    k = bisect.bisect_right(stops, end)
    stop_at = stops[k] - 1 if k < len(stops) else length
    lo, hi = bisect.bisect_left(at, begin), bisect.bisect_left(at, stop_at)
    out: list[Place] = []
    for sp in oblasts[lo:hi][:_REGIONS_READ]:
        if sp.end <= stop_at and not (start <= sp.start < end):
            place = chosen[sp.key][0]
            if _war_oblast(place) and place not in out:
                out.append(place)
    return out


def _by_other_name(place: Place) -> bool:
    """Whether the name reached the place only by one of its alternate names."""
    return _how(place) == "alt"


def _namesakes(cands: list[Place]) -> bool:
    """Whether the gazetteer knows more than one place of the war's countries by the name."""
    return sum(p.country in WAR_COUNTRIES for p in cands) > 1


def _war_oblast(place: Place | None) -> bool:
    return (
        place is not None
        and place.kind == "region"
        and place.country in WAR_COUNTRIES
        and place.admin1 is not None
    )


def _in(place: Place, region: Place) -> bool:
    return place.country == region.country and place.admin1 == region.admin1


def _anchors(place: Place) -> bool:
    """Whether a place says where the text is: a town or an oblast.

    Not a country, and not a feature: air bases, rivers and seas lie far apart, and a
    text about them is about no one area.
    """
    return place.kind in ("settlement", "region")


def _km(place: Place, other: Place) -> float:
    """Distance from a village to another place of the text (none to its own oblast)."""
    if other.kind == "region":
        return (
            0.0 if _in(place, other) else haversine_km(place.lat, place.lon, other.lat, other.lon)
        )
    return haversine_km(place.lat, place.lon, other.lat, other.lon)
