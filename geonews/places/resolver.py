"""Resolve a bare place name to the right :class:`~geonews.places.place.Place`.

Candidates come from the alias table, the gazetteer's names and alternate names and, when
those find nothing, from the looser romanisation-folding key.  They are ranked by how the
name matched, population, feature kind and the context: by default the war in Ukraine
(Ukraine first, then Russia and the neighbours); ``country_bias=None`` ranks like a general
world gazetteer.

Examples
--------
>>> resolve("Krasnoarmeysk").name
'Pokrovsk'
>>> resolve("Krasnoarmeysk", country_bias="RU").country
'RU'
>>> resolve("Artemovsk").name, resolve("Dzerzhinsk").name
('Bakhmut', 'Toretsk')
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import math
from collections.abc import Mapping
from typing import Any

from geonews.context import FRONT_REGIONS, WAR_CONTEXT, WAR_COUNTRIES
from geonews.dates import as_date
from geonews.errors import InvalidInput, UnknownPlace
from geonews.places import gazetteer as _gz
from geonews.places.designators import core_of
from geonews.places.gazetteer import Gazetteer, default_gazetteer, place_of
from geonews.places.names import check_name, key
from geonews.places.place import Place, haversine_km

__all__ = ["Resolver", "candidates", "resolve"]

#: Score of how the name matched: a place's own name, a row of the alias table, a GeoNames
#: alternate name, the loose romanisation key.
_MATCH = {"name": 3.0, "alias": 3.6, "alt": 1.8, "fold": 0.8, "fuzzy": 0.8, "republic": 3.0}
#: Score of a place's kind (a settlement's weight is its population instead).
_KIND = {
    "country": 2.5,
    "continent": 2.5,
    "region": -0.8,
    "county": 1.0,
    # curated features carry no population; their kind stands for how well known they are
    "sea": 4.0,
    "river": 3.0,
    "area": 3.5,
    "feature": 3.5,
    "settlement": 0.0,
}
#: Context weight of the one country ``country_bias="XX"`` names.
_BIAS_WEIGHT = 3.0
#: Bonus of a country's capital.
_CAPITAL = 1.5
#: Score per tenfold population (times log10(1 + population)).
_POPULATION = 0.8
#: Bonus of a well-known city, by population floor, for its own name (not an alternate
#: one): what a bare name in the news usually means.
_IMPORTANCE = ((150_000, 1.0), (50_000, 0.5))
#: An alternate name that is the main name of a place more than ``_NAMESAKE_RATIO`` times
#: as big elsewhere ("Cambridge", "Alexandria") is a weak match: it loses this much.
_NAMESAKE_PENALTY = 1.5
_NAMESAKE_RATIO = 2
#: A name that this many settlements of the war's countries have as their own is a
#: village name, and yields there as an alternate name too, however big the place that
#: has it so: GeoNames keeps the names of villages a city or district took in as its
#: alternate names (Oleksandrivka for Donetsk, Kalynivka for a Donetsk district).
_WAR_VILLAGE_NAME = 3
#: Scores are rounded to this many decimals, so that float noise never orders two
#: candidates that score the same.
_SCORE_DIGITS = 4
#: Rankings each resolver keeps (per name key, context, near, region and date).
_RANKED_CACHE = 65_536
#: ``region=`` hints each resolver keeps resolved.
_REGION_CACHE = 1024
#: Decimals ``near=`` is rounded to (about 100 m), so that nearby points share rankings.
_NEAR_DIGITS = 3
#: Weight of the distance to ``near=`` (times ln(1 + km / 50)): 10 km costs 0.36, 100 km 2.2.
_NEAR = 2.0
#: Distance scale (km) of the ``near=`` cost, which grows as ln(1 + km / _NEAR_KM).
_NEAR_KM = 50
#: At most this many places (the most populous) come from a tolerant match.
_FOLD_LIMIT = 60
#: What a name one letter away from the text's loses against the name itself.
_EDIT_PENALTY = 1.0
#: Reasons remembered for names that found no place.
_REASON_CACHE = 4096
#: Bonus of a candidate inside the ``region=`` hint.
_REGION = 3.0
#: What a place of an installed gazetteer (a village of a GeoNames country dump, a site of
#: a user's list) loses when a place of the embedded gazetteer has the name as its own:
#: that namesake keeps a bare name unless the text's hints (its region, its other places)
#: say otherwise.
_INSTALLED = 1.5
#: Kind weights of installed places, instead of :data:`_KIND` (whose features and rivers
#: are the curated, well-known ones).
_INSTALLED_KIND = {"county": 0.5, "river": 0.5}

CountryBias = str | Mapping[str, float] | None


def _context(country_bias: CountryBias) -> Mapping[str, float]:
    if country_bias is None:
        return {}
    if isinstance(country_bias, str):
        if country_bias.lower() == "war":
            return WAR_CONTEXT
        code = country_bias.upper()
        if len(code) != 2 or not code.isalpha():
            raise InvalidInput(f"country_bias must be an ISO 3166-1 alpha-2 code: {country_bias!r}")
        return {code: _BIAS_WEIGHT}
    return dict(country_bias)


def _name_key(name: str) -> str:
    """The name key of ``name``; raises :class:`~geonews.errors.InvalidInput` when empty."""
    k = key(check_name(name))
    if not k:
        raise InvalidInput(f"place name has no letters or digits: {name!r}")
    return k


def _check_near(near: object) -> tuple[float, float]:
    try:
        lat, lon = (float(v) for v in near)  # type: ignore[attr-defined]
    except (TypeError, ValueError):
        raise InvalidInput(f"near must be a (lat, lon) pair: {near!r}") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise InvalidInput(f"near is not a latitude/longitude pair: {near!r}")
    return (round(lat, _NEAR_DIGITS), round(lon, _NEAR_DIGITS))


class Resolver:
    """Alias table + gazetteer + ranking, with a context.

    Parameters
    ----------
    gazetteer : Gazetteer, optional
        Defaults to the packaged gazetteer.
    country_bias : str, mapping or None
        ``"war"`` (default: Ukraine, then Russia and neighbours), an ISO code such as ``"RU"``,
        a mapping ``{code: weight}``, or ``None`` for no country preference.
    aliases : mapping of str to str, optional
        Extra aliases of your own, ``{"alias": "place id"}`` (e.g.
        ``{"Pokrovske front": "geonames:704422"}``); they rank like alias-table rows.

    Examples
    --------
    >>> r = Resolver(aliases={"Avdeevka coke plant": "geonames:713122"})
    >>> r.resolve("Avdeevka coke plant").name
    'Avdiivka'
    >>> r.get("Nowhereville") is None
    True
    """

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        *,
        country_bias: CountryBias = "war",
        aliases: Mapping[str, str] | None = None,
    ):
        self.gazetteer = gazetteer or default_gazetteer()
        self.context = _context(country_bias)
        self.user_aliases: dict[str, list[str]] = {}
        for alias, pid in (aliases or {}).items():
            if self.gazetteer.get_id(pid) is None:
                raise InvalidInput(f"alias {alias!r} points at an unknown place id {pid!r}")
            self.user_aliases.setdefault(key(check_name(alias)), []).append(pid)
        # contexts by number: a ranking's cache key holds the number, not the context's
        # items (hashing those floats again on every call cost more than the look-up)
        self._contexts: list[dict[str | None, float]] = []
        self._context_ids: dict[tuple, int] = {}
        self._ctx = self._context_id(tuple(sorted(self.context.items())))
        self._ranked = functools.lru_cache(maxsize=_RANKED_CACHE)(self._ranked_uncached)
        self._region = functools.lru_cache(maxsize=_REGION_CACHE)(self._region_uncached)
        self._reasons: dict[str, str] = {}

    def __repr__(self) -> str:
        return f"Resolver({self.gazetteer!r}, country_bias={dict(self.context)!r})"

    # -- public ---------------------------------------------------------------------------
    def candidates(
        self,
        name: str,
        *,
        country_bias: Any = dataclasses.MISSING,  # a CountryBias; unset: the resolver's own
        near: tuple[float, float] | None = None,
        region: str | None = None,
        date: dt.date | str | None = None,
        limit: int = 10,
    ) -> list[Place]:
        """Ranked candidate places for ``name``, best first (empty when none match).

        Parameters
        ----------
        name : str
            A place name in any spelling or script.
        country_bias : str, mapping or None, optional
            Overrides the resolver's context for this call.
        near : (lat, lon), optional
            Prefer candidates close to this point.
        region : str, optional
            Prefer candidates in this first-level region or country, in any form the
            gazetteer knows: ``"Donetsk"``, ``"Donetsk Oblast"``, ``"Kharkov region"``,
            ``"Ukraine"``, ``"UA"``.
        date : date or str, optional
            When the text was written.  An alias row not yet valid then (a name given
            later, an occupation name before the occupation) counts only as an alternate
            name, and an old name still official then counts as the main name.
        limit : int
            How many candidates to return.

        Examples
        --------
        >>> [p.country for p in Resolver().candidates("Pokrovsk", limit=2)]
        ['UA', 'RU']
        >>> Resolver().candidates("Artemivsk", date="2010-05-01", limit=1)[0].matched
        'alias:decommunization_2016@valid'
        """
        k = _name_key(name)
        if country_bias is dataclasses.MISSING:
            ctx = self._ctx
        else:
            ctx = self._context_id(tuple(sorted(_context(country_bias).items())))
        near_key = None if near is None else _check_near(near)
        region_key = None if region is None else self._region(region)
        if date is None:
            when = None
        else:
            day = as_date(date)
            when = None if day is None else day.isoformat()
        ranked = self._ranked(k, ctx, near_key, region_key, when)
        return [place_of(*entry) for entry in ranked[:limit]]

    def resolve(self, name: str, **kwargs) -> Place:
        """The best place for ``name``; raises :class:`~geonews.errors.UnknownPlace`.

        Takes the same keyword arguments as :meth:`candidates`.
        """
        found = self._best(name, kwargs)
        if found is None:
            reason = self.unresolved_reason(name)
            raise UnknownPlace(name) if reason is None else UnknownPlace(name, reason)
        return found

    def unresolved_reason(self, name: str) -> str | None:
        """Why ``name`` found no place, when a spelling-tolerant match was tried and refused.

        None when the name found a place or was not looked up by this resolver.

        Examples
        --------
        >>> r = Resolver()
        >>> r.get("Volfino") is None
        True
        >>> r.unresolved_reason("Volfino")
        'no name of the war region is spelt like it'
        """
        return self._reasons.get(key(check_name(name)))

    def _refuse(self, k: str, reason: str) -> None:
        """Remember why the name key ``k`` found no place (see :meth:`unresolved_reason`)."""
        if len(self._reasons) >= _REASON_CACHE:
            self._reasons.clear()
        self._reasons[k] = reason

    def get(self, name: str, default: Place | None = None, **kwargs) -> Place | None:
        """Like :meth:`resolve` but returns ``default`` when nothing matches."""
        found = self._best(name, kwargs)
        return default if found is None else found

    def _best(self, name: str, kwargs: dict[str, Any]) -> Place | None:
        """The first candidate, or None (without hints: one cache look-up, no list)."""
        if kwargs:
            found = self.candidates(name, limit=1, **kwargs)
            return found[0] if found else None
        ranked = self._ranked(_name_key(name), self._ctx, None, None, None)
        return place_of(*ranked[0]) if ranked else None

    def _region_uncached(self, region: str) -> frozenset:
        """What ``region=`` names: ``(country, admin1)`` pairs, ``(country, None)``, or keys."""
        k = key(check_name(region))
        found: set = {k}
        if len(region) == 2 and region.isalpha() and region.isupper():
            found.add((region, None))
        gz = self.gazetteer
        rowids = [r for r, _ in gz.matches(k)] + [a[0] for a in gz.alias_matches(k)]
        for row in gz.records(list(dict.fromkeys(rowids))):
            if row[_gz.KIND] == "region":
                found.add((row[_gz.COUNTRY], row[_gz.ADMIN1]))
            elif row[_gz.KIND] == "country":
                found.add((row[_gz.COUNTRY], None))
        return frozenset(found)

    def _territory_of(self, row: tuple) -> int | None:
        """The row id of a region or country itself, or of a city's region named like it."""
        kind, country, admin1, code = (
            row[_gz.KIND],
            row[_gz.COUNTRY],
            row[_gz.ADMIN1],
            row[_gz.ADMIN1_CODE],
        )
        if kind in ("region", "country"):
            return row[_gz.ROWID]
        if (
            kind == "settlement"
            and admin1
            and country
            and code
            and key(admin1) == key(row[_gz.NAME])
        ):
            region = self.gazetteer.region_of(country, code)
            return None if region is None else region.raw["rowid"]
        return None

    def _how(self, k: str, hits: str | None, when: str | None) -> dict[int, tuple[float, str]]:
        """How each place matched the name key ``k``: ``{rowid: (weight, label)}``."""
        gz = self.gazetteer
        how: dict[int, tuple[float, str]] = {}
        for item in hits.split() if hits else ():  # "rowid:n", "rowid:a", "rowid:@kind"
            rowid_text, code = item.split(":", 1)
            rowid = int(rowid_text)
            if code == "n":
                weight, label = _MATCH["name"], "name"
            elif code == "a":
                weight, label = _MATCH["alt"], "alt"
            elif when is None:
                weight, label = _MATCH["alias"], "alias:" + code[1:]
            else:
                continue  # alias rows are read below, against the text's date
            old = how.get(rowid)
            if old is None or old[0] < weight:
                how[rowid] = (weight, label)
        if when is not None:  # alias rows are read against the text's date
            for rowid, kind, frm, to, _alias in gz.alias_matches(k):
                if frm and when < frm:
                    weight, label = _MATCH["alt"], f"alias:{kind}@not-yet"
                elif to and when < to:
                    weight = _MATCH["name"] + _MATCH["alias"] - _MATCH["alt"]
                    label = f"alias:{kind}@valid"
                else:
                    weight, label = _MATCH["alias"], f"alias:{kind}"
                old = how.get(rowid)
                if old is None or old[0] < weight:
                    how[rowid] = (weight, label)
        for pid in self.user_aliases.get(k, ()):
            aliased = gz.get_id(pid)
            if aliased is None:  # checked when the alias was added: the index changed since
                continue
            how[aliased.raw["rowid"]] = (_MATCH["alias"], "alias:user")
        return how

    # -- ranking --------------------------------------------------------------------------
    def _ranked_uncached(self, k, ctx_id, near, region_key, when=None) -> tuple[_Entry, ...]:
        gz = self.gazetteer
        hits = gz.hits_text(k)
        if hits is None and k.startswith("the "):  # "the Donbas", "the Black Sea"
            k = k.removeprefix("the ")
            hits = gz.hits_text(k)
        if hits is not None and " " not in hits and when is None and k not in self.user_aliases:
            # one place has the name (three names in four): nothing to rank it against
            rowid_text, code = hits.split(":", 1)
            if code == "n":
                weight, label = _MATCH["name"], "name"
            elif code == "a":
                weight, label = _MATCH["alt"], "alt"
            else:
                weight, label = _MATCH["alias"], "alias:" + code[1:]
            row = gz.record(int(rowid_text))
            ctx = self._contexts[ctx_id]
            if near is None and region_key is None:  # _score without hints, inline
                base = gz.row_scores.get(row[_gz.ROWID]) or self._row_base(row)
                score = (base[0] if code == "a" else base[1]) + (
                    weight + ctx.get(row[_gz.COUNTRY], 0.0)
                )
                return ((row, label, round(score, _SCORE_DIGITS)),)
            return ((row, label, self._score(row, weight, label, ctx, near, region_key)),)
        how = self._how(k, hits, when)
        core = None if how else core_of(k)
        if core is not None:
            # "Donetsk Republic": the region (or country) the republic's core name names
            # "Donetskaya Narodnaya Respublika": the Russian adjective is the oblast's name
            entries = self._ranked(core, ctx_id, None, None, when)
            entries += self._ranked(f"{core} oblast", ctx_id, None, None, when)
            for row, _, _ in entries:
                territory = self._territory_of(row)
                if territory is not None and territory not in how:
                    how[territory] = (_MATCH["republic"], "republic")
        folded = not how
        if folded:
            # a misspelling or another romanisation: only a match above the confidence
            # floor that no other name rivals ("Kreminnaya" is Kreminna, not a town whose
            # consonants happen to agree)
            tolerance = _tolerant_matches()(gz, k, self._contexts[ctx_id])
            if tolerance.reason is not None:
                self._refuse(k, tolerance.reason)
                return ()
            if tolerance.variant is not None:
                # one letter away from a name the gazetteer has ("Pokrovks", "Butcha"):
                # that name's own ranking, a little weaker
                for rowid, (weight, label) in self._how(
                    tolerance.variant, gz.hits_text(tolerance.variant), when
                ).items():
                    if rowid in tolerance.rowids:
                        how[rowid] = (weight - _EDIT_PENALTY, f"edit:{label}")
            else:
                label = tolerance.label
                for rowid in tolerance.rowids:
                    how[rowid] = (_MATCH[label], label)
        ctx = self._contexts[ctx_id]
        rows = gz.records(list(how))
        if folded:
            kept = [row for row in rows if _may_be_misspelt(row)]
            if not kept:
                self._refuse(
                    k, f"only villages far from the front ({_far_villages(rows)}) are spelt like it"
                )
                return ()
            rows = sorted(kept, key=_minus_population)[:_FOLD_LIMIT]
        # an alternate name that is the main name of a much bigger place elsewhere
        named_pop = 0
        war_named = 0  # settlements of the war's countries that have the name as their own
        embedded_named = False  # a place of the embedded gazetteer has the name as its own
        if len(rows) > 1:
            for row in rows:
                if how[row[_gz.ROWID]][1] == "name":
                    named_pop = max(named_pop, row[_gz.POPULATION])
                    war_named += row[_gz.KIND] == "settlement" and row[_gz.COUNTRY] in WAR_COUNTRIES
                    embedded_named = embedded_named or not row[_gz.INSTALLED]
        scored = []
        for row in rows:
            weight, label = how[row[_gz.ROWID]]
            if label == "alt" and (
                row[_gz.POPULATION] * _NAMESAKE_RATIO < named_pop
                or (war_named >= _WAR_VILLAGE_NAME and row[_gz.COUNTRY] in WAR_COUNTRIES)
            ):
                weight -= _NAMESAKE_PENALTY
            if embedded_named and row[_gz.INSTALLED]:
                weight -= _INSTALLED
            scored.append((row, label, self._score(row, weight, label, ctx, near, region_key)))
        if len(scored) > 1:
            scored.sort(key=_order)
        return tuple(scored)

    def _context_id(self, items: tuple) -> int:
        """The number of the context whose sorted ``(country, weight)`` items are ``items``."""
        found = self._context_ids.get(items)
        if found is None:
            found = self._context_ids[items] = len(self._contexts)
            self._contexts.append(dict(items))
        return found

    def _row_base(self, row: tuple) -> tuple[float, float]:
        """The place-only score of a row (as an alternate name, as its own name), kept."""
        plain = _base_score(row)
        # a settlement's own name (or alias) means the well-known city: news usage
        if row[_gz.KIND] == "settlement":
            base = (plain, plain + _importance(row[_gz.POPULATION]))
        else:
            base = (plain, plain)
        self.gazetteer.row_scores[row[_gz.ROWID]] = base
        return base

    def _score(self, row: tuple, weight: float, label: str, ctx, near, region_key) -> float:
        """A candidate's score: the place's own part, how it matched, the context and hints.

        ``row`` is the gazetteer's cached row of the place (see
        :meth:`~geonews.places.gazetteer.Gazetteer.record`).
        """
        base = self.gazetteer.row_scores.get(row[_gz.ROWID]) or self._row_base(row)
        score = base[0] if label == "alt" else base[1]
        country = row[_gz.COUNTRY]
        score += weight + ctx.get(country, 0.0)
        if near is not None:
            km = haversine_km(near[0], near[1], row[_gz.LAT], row[_gz.LON])
            score -= _NEAR * math.log1p(km / _NEAR_KM)
        if region_key is not None:
            admin1 = row[_gz.ADMIN1]
            if (
                (country, admin1) in region_key
                or (country, None) in region_key
                or key(admin1 or "") in region_key
            ):
                score += _REGION
        return round(score, _SCORE_DIGITS)


#: A ranked candidate: the gazetteer's cached row of the place, how it matched, its score
#: (the :class:`Place` is built from it when asked for: a tuple of plain values is no work
#: for the cyclic garbage collector, a cached ``Place`` object would be).
_Entry = tuple[tuple, str, float]


def _order(entry: _Entry) -> tuple:
    row = entry[0]
    return (-entry[2], -row[_gz.POPULATION], row[_gz.ID])


def _minus_population(row: tuple) -> int:
    return -row[_gz.POPULATION]


def _base_score(row: tuple) -> float:
    """The part of a candidate's score that depends on the place alone."""
    pop = _POPULATION * math.log10(row[_gz.POPULATION] + 1)
    if row[_gz.INSTALLED]:
        return pop + _INSTALLED_KIND.get(row[_gz.KIND], 0.0)
    score = pop + _KIND.get(row[_gz.KIND], 0.0)
    return score + (_CAPITAL if row[_gz.CAPITAL] else 0.0)


@functools.cache
def _default_resolver() -> Resolver:
    return Resolver()


def resolve(name: str, **kwargs) -> Place:
    """Resolve ``name`` with the default resolver; see :meth:`Resolver.resolve`.

    Examples
    --------
    >>> p = resolve("Костянтинівка")
    >>> p.name, p.admin1
    ('Kostiantynivka', 'Donetsk')
    """
    return _default_resolver().resolve(name, **kwargs)


#: Smallest settlement a misspelling may reach outside :data:`FRONT_REGIONS`.
_REAR_MISSPELT_POPULATION = 10_000


def _may_be_misspelt(row: tuple) -> bool:
    """Whether a spelling-tolerant match may answer with this row (see FRONT_REGIONS)."""
    return (
        row[_gz.KIND] != "settlement"
        or row[_gz.POPULATION] >= _REAR_MISSPELT_POPULATION
        or (row[_gz.COUNTRY], row[_gz.ADMIN1]) in FRONT_REGIONS
    )


def _far_villages(rows: list[tuple]) -> str:
    return ", ".join(f"{row[_gz.NAME]} in {row[_gz.ADMIN1]}" for row in rows[:3])


@functools.cache
def _tolerant_matches():
    """The spelling step, imported on first use: an exact look-up never loads rapidfuzz.

    (An ``import`` statement in the ranking ran the import machinery on every miss.)
    """
    from geonews.places.fuzzy import tolerant_matches

    return tolerant_matches


def _importance(population: int) -> float:
    """Bonus for well-known cities: what a bare name in the news usually means."""
    for floor, bonus in _IMPORTANCE:
        if population >= floor:
            return bonus
    return 0.0


def candidates(name: str, **kwargs) -> list[Place]:
    """Ranked candidates with the default resolver; see :meth:`Resolver.candidates`."""
    return _default_resolver().candidates(name, **kwargs)
