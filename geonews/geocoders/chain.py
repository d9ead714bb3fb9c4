"""The resolver chain: alias table → offline gazetteer → online services.

Configured in one place::

    Chain(
        Nominatim(user_agent="my-newsroom/1.0 (maps@example.org)"),  # first online service
        Photon(user_agent="my-newsroom/1.0"),                         # optional second one
        country_bias="UA", bbox=WAR_REGION, cache="~/geocode.sqlite",
    )

Each name goes through the offline step first (the alias table and the
offline GeoNames gazetteer, through :func:`geonews.resolve`).  Only names it
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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from geonews.errors import GeocodingError, InvalidInput, UnknownPlace
from geonews.geocoders.cache import GeocodeCache
from geonews.geocoders.plausibility import BBox, countries_of, implausible
from geonews.geocoders.service import Service
from geonews.names import check_name, key
from geonews.places import Place

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
        Whether an online answer came from the cache (no request sent).
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


def _default_offline(country_bias: Any) -> Offline:
    """Wrap the resolver (alias table + offline gazetteer) as ``str -> Place | None``."""
    resolver = None

    def offline(name: str) -> Place | None:
        nonlocal resolver
        if resolver is None:  # loading the gazetteer waits for the first name
            from geonews.resolver import Resolver

            resolver = Resolver(country_bias=country_bias)
        return resolver.get(name)

    return offline


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
        the services. Default: a :class:`geonews.resolver.Resolver` (alias table +
        offline gazetteer) with the chain's country bias. ``None`` disables it.
    offline_first : bool
        Ask the offline step first (default). With ``False`` online answers are
        preferred and the offline answer is the fallback when services fail.
    country_bias : str, iterable of str or None
        ``"war"`` (default: Ukraine, Russia and their neighbours, as the resolver's
        war context), one ISO2 code or several. It ranks the offline candidates, and
        an online answer in another country is rejected. ``None``: no country check.
    bbox : BBox or tuple or None
        ``(south, west, north, east)`` an online answer must lie in, e.g.
        :data:`~geonews.geocoders.plausibility.WAR_REGION`.
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
            bias = country_bias
            if bias is not None and not isinstance(bias, str):
                bias = {code: 3.0 for code in self.countries}
            offline = _default_offline(bias)
        elif offline is not None and not callable(offline):
            raise InvalidInput(f"offline must be a callable str -> Place | None: {offline!r}")
        self.offline: Offline | None = offline  # type: ignore[assignment]
        self.offline_first = offline_first
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

    # -- configuration -------------------------------------------------------------
    @property
    def cache(self) -> GeocodeCache | None:
        """The cache of online answers (opened on first use), or ``None``."""
        if self._cache is None and self._cache_arg is not False:
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

    def _online(self, name: str, notes: list[str]) -> Resolution | None:
        for service in self.services:
            try:
                places, cached = self._ask(service, name)
            except GeocodingError as err:
                notes.append(str(err))
                continue
            if not places:
                notes.append(f"{service.name}: no answer for {name!r}")
                continue
            rejected = []
            for place in places:
                why = implausible(place, countries=self.countries, bbox=self.bbox)
                if why is None:
                    return Resolution(name, place, "online", service.name, cached)
                rejected.append(f"{place.name!r} ({why})")
            notes.append(f"{service.name}: rejected implausible {', '.join(rejected)}")
        return None

    def lookup(self, name: Any) -> Resolution:
        """Resolve one name through the chain; never raises for service failures.

        Parameters
        ----------
        name : str
            A place name as it appeared in the text.

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
        notes: list[str] = []
        offline_place = None
        if self.offline is not None and self.offline_first:
            try:
                offline_place = self.offline(clean)
            except InvalidInput as err:  # e.g. no letters or digits at all
                return Resolution(name, None, "invalid", reason=str(err))
            if offline_place is not None:
                return Resolution(name, offline_place, "offline", "offline")
        found = self._online(clean, notes)
        if found is not None:
            return Resolution(
                name, found.place, "online", found.step, found.cached, "; ".join(notes) or None
            )
        if self.offline is not None and not self.offline_first:
            try:
                offline_place = self.offline(clean)
            except InvalidInput:
                offline_place = None
            if offline_place is not None:
                reason = "; ".join(notes) + "; offline answer used" if notes else None
                if reason:
                    logger.info("%r: %s", clean, reason)
                return Resolution(name, offline_place, "offline", "offline", reason=reason)
        if not notes:
            notes.append("not in the alias table or offline gazetteer; no online service set")
        elif self.offline is not None:
            notes.insert(0, "not in the alias table or offline gazetteer")
        return Resolution(name, None, "unresolved", reason="; ".join(notes))

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

        Repeated names (same :func:`geonews.names.key`) are looked up once per call,
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
