"""The resolver chain: alias table → offline gazetteer → online services.

Configured in one place::

    Chain(
        Nominatim(user_agent="my-newsroom/1.0 (maps@example.org)"),  # first online service
        Photon(user_agent="my-newsroom/1.0"),                         # optional second one
        country_bias="UA", bbox=WAR_REGION, cache="~/geocode.sqlite",
    )

Each name goes through the offline step first (the alias table and the
offline GeoNames gazetteer, through :class:`geonews.places.resolver.Resolver`).  Only names it
cannot place go online, each service in turn: the persistent cache is asked
first, then the service itself (rate-limited, retried, behind a circuit
breaker).  An online answer is accepted only when it is plausible for the
context (:mod:`geonews.geocoders.plausibility`).

Nothing is ever lost: :meth:`Chain.lookup` always returns a :class:`Resolution`
holding the name, the place or ``None``, and the reason when something went
wrong (invalid name, implausible answers, service failure, circuit open).
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from geonews.context import BBox
from geonews.errors import GeocodingError, InvalidInput, UnknownPlace
from geonews.geocoders.cache import GeocodeCache
from geonews.geocoders.plausibility import countries_of, implausible
from geonews.geocoders.service import Service
from geonews.places import Place
from geonews.places.names import check_name, key

__all__ = ["STATUSES", "Chain", "Resolution"]

logger = logging.getLogger("geonews")

#: What happened to a name: placed offline, placed online, not placed, not a name.
STATUSES = ("offline", "online", "unresolved", "invalid")

Offline = Callable[[str], "Place | None"]


@dataclass(frozen=True, slots=True)
class Resolution:
    """What the chain made of one name.

    Attributes
    ----------
    name : object
        The input, as given (even when it was not a valid name).
    place : Place or None
        The accepted place.
    status : str
        One of :data:`STATUSES`.
    step : str or None
        Which step answered: ``"offline"`` or a service name.
    cached : bool
        Whether the online answers used came from the cache (no request sent); for an
        unresolved name, whether every service's "no such place" was a cached one.
    reason : str or None
        Why the name is unresolved, or what went wrong on the way to the answer
        (e.g. an open circuit that made the chain use the offline answer).
    """

    name: Any
    place: Place | None
    status: str
    step: str | None = None
    cached: bool = False
    reason: str | None = None

    @property
    def resolved(self) -> bool:
        """Whether a place was found."""
        return self.place is not None


#: "Use the chain's own context" (the default of per-call overrides).
_CHAIN: Any = object()


class _ResolverStep:
    """The resolver (alias table + offline gazetteer) as ``str -> Place | None``.

    The gazetteer loads with the first name, not when the chain is built.
    """

    def __init__(self, country_bias: Any):
        self.country_bias = _resolver_bias(country_bias)
        self._resolver: Any = None

    def __call__(self, name: str, *, country_bias: Any = _CHAIN) -> Place | None:
        if self._resolver is None:
            from geonews.places.resolver import Resolver

            self._resolver = Resolver(country_bias=self.country_bias)
        if country_bias is _CHAIN:
            return self._resolver.get(name)
        return self._resolver.get(name, country_bias=_resolver_bias(country_bias))


def _resolver_bias(country_bias: Any) -> Any:
    """Translate a chain country bias to the resolver's (``"war"``, one code, weights)."""
    if country_bias is None or isinstance(country_bias, str):
        return country_bias
    return {code: 3.0 for code in countries_of(country_bias)}


class Chain:
    """Offline resolver first, then online geocoders, with cache and plausibility checks.

    Parameters
    ----------
    *services : geopy geocoder, callable or Service
        Online services in the order they are asked. A geopy geocoder or a callable
        ``str -> Location | None`` is wrapped in a :class:`Service` with the options
        below; pass a :class:`Service` to configure one service on its own.
    offline : callable or None, optional
        ``str -> Place | None`` tried before (or, with ``offline_first=False``, after)
        the services. Default: a :class:`geonews.places.resolver.Resolver` (alias table +
        offline gazetteer) with the chain's country bias. ``None`` disables it.
    offline_first : bool
        Ask the offline step first (default). With ``False`` online answers are
        preferred and the offline answer is the fallback when services fail.
    weak_matches : collection of str
        Offline answers whose ``Place.matched`` is one of these (default: ``"fold"``,
        the resolver's loose romanisation key, which can land on a namesake far away)
        are confirmed online first; they are kept only when no service has a plausible
        answer and they fit the context themselves. Without services they stand.
    country_bias : str, iterable of str or None
        ``"war"`` (default: Ukraine, Russia and their neighbours, as the resolver's
        war context), one ISO2 code or several. It ranks the offline candidates, and
        an online answer in another country is rejected. ``None``: no country check.
    bbox : BBox or tuple or None
        ``(south, west, north, east)`` an online answer must lie in, e.g.
        :data:`~geonews.context.WAR_REGION`.
    cache : GeocodeCache, path, None or False
        Cache of online answers. ``None`` (default): the default location
        (:func:`~geonews.geocoders.cache.default_cache_path`), opened on the first
        online lookup. ``False``: no cache.
    min_delay, retries, backoff, failure_threshold, cooldown, timeout
        Defaults for services given as geocoders (see :class:`Service`).

    Examples
    --------
    >>> from geopy.location import Location
    >>> known = {"pokrovsk": Place("Pokrovsk", 48.282, 37.176, id="geonames:704422",
    ...                            country="UA")}
    >>> def hamlets(query):
    ...     if query.lower() == "sukhyi yar":
    ...         return Location("Sukhyi Yar, Ukraine", (48.41, 37.57), {"country_code": "ua"})
    ...     return None
    >>> chain = Chain(hamlets, offline=lambda n: known.get(n.lower()), cache=False,
    ...               min_delay=0)
    >>> for r in chain.pipe(["Pokrovsk", "Sukhyi Yar", "Atlantis"]):
    ...     print(r.name, r.status, r.step)
    Pokrovsk offline offline
    Sukhyi Yar online hamlets
    Atlantis unresolved None
    >>> chain.lookup("Atlantis").reason
    "not in the alias table or offline gazetteer; hamlets: no answer for 'Atlantis'"
    >>> chain.get("Sukhyi Yar").source
    'hamlets'
    """

    def __init__(
        self,
        *services: Any,
        offline: Offline | str | None = "default",
        offline_first: bool = True,
        weak_matches: Collection[str] = ("fold",),
        country_bias: str | Iterable[str] | None = "war",
        bbox: BBox | tuple[float, float, float, float] | None = None,
        cache: GeocodeCache | str | os.PathLike[str] | bool | None = None,
        min_delay: float = 1.0,
        retries: int = 2,
        backoff: float = 1.0,
        failure_threshold: int = 5,
        cooldown: float = 60.0,
        timeout: float | None = None,
    ):
        self.countries = countries_of(country_bias)
        self.bbox = BBox(*bbox) if bbox is not None else None
        if offline == "default":
            offline = _ResolverStep(country_bias)
        elif offline is not None and not callable(offline):
            raise InvalidInput(f"offline must be a callable str -> Place | None: {offline!r}")
        self.offline: Offline | None = offline
        self.offline_first = offline_first
        self.weak_matches = frozenset(weak_matches)
        self.services: list[Service] = [
            s
            if isinstance(s, Service)
            else Service(
                s,
                min_delay=min_delay,
                retries=retries,
                backoff=backoff,
                failure_threshold=failure_threshold,
                cooldown=cooldown,
                timeout=timeout,
            )
            for s in services
        ]
        names = [s.name for s in self.services]
        if len(set(names)) != len(names):
            raise InvalidInput(f"services need distinct names (pass Service(name=...)): {names!r}")
        if cache is True:
            cache = None
        self._cache_arg = cache
        self._cache: GeocodeCache | None = cache if isinstance(cache, GeocodeCache) else None
        self._cache_lock = threading.Lock()

    # -- configuration -------------------------------------------------------------
    @property
    def cache(self) -> GeocodeCache | None:
        """The cache of online answers (opened on first use), or ``None``."""
        if self._cache is None and self._cache_arg is not False:
            with self._cache_lock:  # threads share one cache object
                if self._cache is None:
                    self._cache = GeocodeCache(self._cache_arg)  # type: ignore[arg-type]
        return self._cache

    def _context(self, service: Service) -> str:
        return service.context

    def close(self) -> None:
        """Close the cache's connections."""
        if self._cache is not None:
            self._cache.close()

    def __enter__(self) -> Chain:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- one name --------------------------------------------------------------------
    def _ask(self, service: Service, name: str) -> tuple[list[Place], bool]:
        """Answer of one service, from the cache when possible: (places, cached)."""
        cache = self.cache if self.services else None
        context = self._context(service)
        if cache is not None:
            hit = cache.get(service.name, name, context)
            if hit is not None:
                return hit, True
        places = service.geocode(name)  # raises GeocodingError
        if cache is not None:
            cache.put(service.name, name, places, context=context)
        return places, False

    def _online(
        self,
        name: str,
        notes: list[str],
        cached_answers: list[bool],
        countries: frozenset[str],
        bbox: BBox | None,
    ) -> Resolution | None:
        for service in self.services:
            try:
                places, cached = self._ask(service, name)
            except GeocodingError as err:
                notes.append(str(err))
                continue
            cached_answers.append(cached)
            if not places:
                notes.append(f"{service.name}: no answer for {name!r}")
                continue
            rejected = []
            for place in places:
                why = implausible(place, countries=countries, bbox=bbox)
                if why is None:
                    return Resolution(name, place, "online", service.name, cached)
                rejected.append(f"{place.name!r} ({why})")
            notes.append(f"{service.name}: rejected implausible {', '.join(rejected)}")
        return None

    def lookup(
        self,
        name: Any,
        *,
        country_bias: Any = _CHAIN,
        bbox: Any = _CHAIN,
    ) -> Resolution:
        """Resolve one name through the chain; never raises for service failures.

        Parameters
        ----------
        name : str
            A place name as it appeared in the text.
        country_bias, bbox : optional
            This document's context, instead of the chain's (see :class:`Chain`). A
            cached answer is judged again against each context, so one cache serves
            documents about different countries. The default offline step ranks by
            this country bias too; an ``offline`` callable of your own gets the name only.

        Returns
        -------
        Resolution
            With ``status="invalid"`` (and the reason) when ``name`` is not a usable
            name, e.g. empty, not a string or too long.
        """
        try:
            clean = check_name(name)
        except InvalidInput as err:
            return Resolution(name, None, "invalid", reason=str(err))
        if country_bias is _CHAIN:
            countries, bias = self.countries, _CHAIN
        else:
            countries, bias = countries_of(country_bias), country_bias
        box = self.bbox if bbox is _CHAIN else (None if bbox is None else BBox(*bbox))
        notes: list[str] = []
        offline_place = None
        if self.offline is not None and self.offline_first:
            try:
                offline_place = self._offline(clean, bias)
            except InvalidInput as err:  # e.g. no letters or digits at all
                return Resolution(name, None, "invalid", reason=str(err))
            if offline_place is not None:
                if not (self.services and offline_place.matched in self.weak_matches):
                    return Resolution(name, offline_place, "offline", "offline")
                notes.append(
                    f"offline match {offline_place.name!r} ({offline_place.country}, "
                    f"{offline_place.matched!r}) is weak: asked online"
                )
        cached_answers: list[bool] = []
        found = self._online(clean, notes, cached_answers, countries, box)
        if found is not None:
            return Resolution(
                name, found.place, "online", found.step, found.cached, "; ".join(notes) or None
            )
        if self.offline is not None and not self.offline_first:
            try:
                offline_place = self._offline(clean, bias)
            except InvalidInput:
                offline_place = None
        if offline_place is not None:
            why = None
            if offline_place.matched in self.weak_matches:
                why = implausible(offline_place, countries=countries, bbox=box)
            if why is None:
                reason = "; ".join(notes) + "; offline answer used" if notes else None
                if reason:
                    logger.info("%r: %s", clean, reason)
                return Resolution(name, offline_place, "offline", "offline", reason=reason)
            notes.append(f"weak offline match {offline_place.name!r} rejected: {why}")
        elif self.offline is not None:
            notes.insert(0, "not in the alias table or offline gazetteer")
        if not self.services:
            notes.append("no online service set")
        cached = bool(cached_answers) and all(cached_answers)  # e.g. a cached "no such place"
        return Resolution(name, None, "unresolved", cached=cached, reason="; ".join(notes))

    def _offline(self, name: str, bias: Any) -> Place | None:
        if isinstance(self.offline, _ResolverStep):
            return self.offline(name, country_bias=bias)
        return self.offline(name)  # type: ignore[misc]

    def get(self, name: str, default: Place | None = None) -> Place | None:
        """Return the place for ``name``, or ``default`` when the chain finds none."""
        place = self.lookup(name).place
        return default if place is None else place

    def resolve(self, name: str) -> Place:
        """Return the place for ``name``; raise :class:`~geonews.errors.UnknownPlace` otherwise.

        Raises
        ------
        InvalidInput
            ``name`` is not a usable name.
        UnknownPlace
            No step placed it (the exception's ``reason`` says why).
        """
        res = self.lookup(name)
        if res.status == "invalid":
            raise InvalidInput(res.reason)
        if res.place is None:
            raise UnknownPlace(str(name), res.reason or "no step placed it")
        return res.place

    def __call__(self, name: str) -> Place | None:
        """``chain(name)`` is ``chain.get(name)``: the chain is itself a geocoder callable."""
        return self.get(name)

    # -- many names ------------------------------------------------------------------
    def pipe(self, names: Iterable[Any]) -> Iterator[Resolution]:
        """Yield one :class:`Resolution` per name, in input order.

        Repeated names (same :func:`geonews.places.names.key`) are looked up once per call,
        so a failing service is not asked twice for the same name in one batch.
        """
        seen: dict[str, Resolution] = {}
        for name in names:
            k = key(name) if isinstance(name, str) else None
            if k and k in seen:
                prev = seen[k]
                yield Resolution(name, prev.place, prev.status, prev.step, prev.cached, prev.reason)
                continue
            res = self.lookup(name)
            if k:
                seen[k] = res
            yield res

    def __repr__(self) -> str:
        services = ", ".join(s.name for s in self.services) or "none"
        return (
            f"<Chain offline={'yes' if self.offline else 'no'} services=[{services}] "
            f"countries={sorted(self.countries)} bbox={self.bbox}>"
        )
