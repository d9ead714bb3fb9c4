"""One online geocoding service, made polite and fault-tolerant.

:class:`Service` wraps any geopy geocoder (Nominatim, Photon, GeoNames,
Pelias...) or any callable ``str -> Location | None`` and adds, from outside:

* a minimum delay between requests (:class:`~geonews.geocoders.ratelimit.MinDelay`);
* retries with exponential backoff on timeouts, dropped connections, HTTP 5xx
  and HTTP 429, waiting at least the server's ``Retry-After``;
* a :class:`~geonews.geocoders.breaker.CircuitBreaker`;
* a check that Nominatim is used with an identifying user agent;
* conversion of geopy's errors into the :mod:`geonews.errors` tree and of
  geopy ``Location`` objects into :class:`~geonews.places.place.Place` with
  provenance (``source`` = service name, ``retrieved`` = ISO 8601 time, ``raw``).
"""

from __future__ import annotations

import logging
import math
import random
import time
import warnings
from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from typing import Any

import geopy.exc
from geopy.location import Location

from geonews.errors import (
    GeocoderConfigError,
    GeocoderRateLimited,
    GeocoderTimeout,
    GeocoderUnavailable,
    GeocodingError,
    InvalidInput,
)
from geonews.geocoders.adapter import use_fetch
from geonews.geocoders.breaker import CircuitBreaker
from geonews.geocoders.ratelimit import MinDelay
from geonews.places import Place

__all__ = ["Service", "location_to_place"]

logger = logging.getLogger("geonews")

#: User agents that do not identify an application: geopy's default and the
#: samples from its documentation (Nominatim's policy bans them).
_SAMPLE_USER_AGENTS = frozenset(
    {"", "my-application", "my_app/1", "my_user_agent/1.0", "specify_your_app_name_here"}
)

_NOMINATIM_KINDS = {
    ("place", "city"): "settlement",
    ("place", "town"): "settlement",
    ("place", "village"): "settlement",
    ("place", "hamlet"): "settlement",
    ("place", "isolated_dwelling"): "settlement",
    ("place", "suburb"): "settlement",
    ("place", "neighbourhood"): "settlement",
    ("place", "locality"): "settlement",
    ("boundary", "administrative"): "region",
    ("place", "state"): "region",
    ("place", "country"): "country",
    ("place", "sea"): "sea",
    ("natural", "water"): "sea",
    ("waterway", "river"): "river",
}


def _now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _country_code(raw: Mapping[str, Any]) -> str | None:
    """Find an ISO2 country code in a service's raw answer, where it gives one."""
    candidates = [
        (raw.get("address") or {}).get("country_code"),  # Nominatim (addressdetails)
        (raw.get("properties") or {}).get("countrycode"),  # Photon
        (raw.get("properties") or {}).get("country_code"),  # Pelias (newer)
        raw.get("countryCode"),  # GeoNames
        raw.get("country_code"),
    ]
    for comp in raw.get("address_components") or ():  # Google-style
        if "country" in comp.get("types", ()):
            candidates.append(comp.get("short_name"))
    for code in candidates:
        if isinstance(code, str) and len(code) == 2 and code.isalpha():
            return code.upper()
    return None


def location_to_place(location: Location, *, service: str, retrieved: str | None = None) -> Place:
    """Turn a geopy ``Location`` into a :class:`~geonews.places.place.Place` with provenance.

    Examples
    --------
    >>> raw = {"osm_type": "node", "osm_id": 42, "lat": "48.1", "lon": "37.2",
    ...        "class": "place", "type": "village", "name": "Ocheretyne",
    ...        "display_name": "Ocheretyne, Donetsk Oblast, Ukraine",
    ...        "address": {"country_code": "ua", "state": "Donetsk Oblast"}}
    >>> p = location_to_place(Location(raw["display_name"], (48.1, 37.2), raw),
    ...                       service="nominatim", retrieved="2026-01-01T00:00:00+00:00")
    >>> p.name, p.id, p.kind, p.country, p.admin1, p.source
    ('Ocheretyne', 'nominatim:node/42', 'settlement', 'UA', 'Donetsk Oblast', 'nominatim')
    """
    raw = dict(location.raw) if isinstance(location.raw, Mapping) else {"raw": location.raw}
    address = location.address or ""
    name = raw.get("name") or (raw.get("properties") or {}).get("name") or address.split(",")[0]
    if "osm_type" in raw and "osm_id" in raw:
        ident = f"{raw['osm_type']}/{raw['osm_id']}"
    else:
        ident = next(
            (str(raw[k]) for k in ("place_id", "geonameId", "id", "gid") if raw.get(k)),
            f"{location.latitude:.5f},{location.longitude:.5f}",
        )
    kind = _NOMINATIM_KINDS.get((str(raw.get("class")), str(raw.get("type"))), "feature")
    if raw.get("addresstype") == "country":
        kind = "country"
    addr = raw.get("address") or {}
    admin1 = addr.get("state") or raw.get("adminName1") or None
    geonameid = raw.get("geonameId")
    importance = raw.get("importance")
    return Place(
        name=str(name).strip() or address,
        lat=float(location.latitude),
        lon=float(location.longitude),
        id=f"{service}:{ident}",
        kind=kind,
        country=_country_code(raw),
        admin1=admin1,
        geonameid=int(geonameid) if isinstance(geonameid, (int, str)) and geonameid else None,
        matched=f"service:{service}",
        score=float(importance) if isinstance(importance, (int, float, str)) else 0.0,
        source=service,
        retrieved=retrieved or _now_iso(),
        raw=raw,
    )


#: What parsing a hostile answer raises inside geopy (a list for a latitude, NaN, nesting
#: deep enough to exhaust the parser, a longitude geopy would "normalise").
_MALFORMED = (
    ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError,
    OverflowError, UserWarning,
)  # fmt: skip
#: Longest server-requested wait taken at its word (a 400-digit Retry-After is a week).
_LONGEST_WAIT = 7 * 24 * 3600.0


def _seconds(value: object) -> float | None:
    """A ``Retry-After`` as seconds: None when it is no usable number, capped at a week."""
    try:
        seconds = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return None
    if not math.isfinite(seconds):
        return _LONGEST_WAIT if seconds > 0 else None
    return None if seconds < 0 else min(seconds, _LONGEST_WAIT)


def _bad_point(place: Place) -> str | None:
    """Why a place's point is unusable; None when it is fine.

    The service's own ``lat``/``lon`` fields are checked as sent (geopy turns True into
    1.0 and wraps a longitude of -181 to 179), and (0, 0) from an answer that gave no
    coordinates at all is no point.
    """
    raw = place.raw if isinstance(place.raw, Mapping) else {}
    for field in ("lat", "lon"):
        if field in raw and _number(raw[field]) is None:
            return f"{field} is not a coordinate: {raw[field]!r:.40}"
    if "lat" in raw and "lon" in raw:
        lat, lon = _number(raw["lat"]), _number(raw["lon"])
    else:
        lat, lon = place.lat, place.lon
    if not (isinstance(lat, (int, float)) and isinstance(lon, (int, float))):
        return f"coordinates are not numbers: {lat!r}, {lon!r}"
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return f"coordinates are not finite: {lat!r}, {lon!r}"
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return f"coordinates out of range: {lat!r}, {lon!r}"
    if (lat, lon) == (0, 0) and raw and not _gives_point(raw):
        return "the answer has no coordinates"
    return None


def _number(value: object) -> float | None:
    """A coordinate as a service sends it (a number or a numeric string), else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        return float(value)
    except (ValueError, OverflowError):
        return None


def _gives_point(raw: Mapping[str, Any]) -> bool:
    keys = ("lat", "lon", "latitude", "longitude", "lng", "geometry", "coordinates", "center")
    return any(raw.get(k) not in (None, "") for k in keys)


def _owner(geocoder: object) -> object:
    """Find the geopy geocoder behind a geocoder, a bound ``.geocode`` or a RateLimiter."""
    seen = 0
    while seen < 5:
        seen += 1
        if hasattr(geocoder, "func"):  # geopy RateLimiter / functools.partial
            geocoder = geocoder.func
        elif hasattr(geocoder, "__self__"):
            geocoder = geocoder.__self__
        else:
            break
    return geocoder


def _default_name(geocoder: object) -> str:
    owner = _owner(geocoder)
    if hasattr(owner, "geocode"):
        return type(owner).__name__.lower()
    return getattr(owner, "__name__", type(owner).__name__).lower()


def check_user_agent(geocoder: object) -> None:
    """Raise :class:`~geonews.errors.GeocoderConfigError` for Nominatim without a user agent."""
    from geopy.geocoders import Nominatim

    owner = _owner(geocoder)
    if not isinstance(owner, Nominatim):
        return
    agent = (getattr(owner, "headers", {}) or {}).get("User-Agent", "")
    if agent.strip() in _SAMPLE_USER_AGENTS or agent.startswith("geopy/"):
        raise GeocoderConfigError(
            f"Nominatim needs a user agent that identifies your application, not {agent!r}: "
            "its usage policy bans geopy's default and sample agents. Create it as "
            'Nominatim(user_agent="my-newsroom-geonews/1.0 (contact@example.org)").'
        )


def _check_rate_limiter(geocoder: object) -> None:
    """Refuse a geopy ``RateLimiter`` that turns errors into "no such place"."""
    from geopy.extra.rate_limiter import BaseRateLimiter

    if isinstance(geocoder, BaseRateLimiter) and geocoder.swallow_exceptions:
        raise GeocoderConfigError(
            f"{geocoder!r} swallows errors and returns None, which the chain would cache as "
            "'no such place'; pass the geocoder itself (Service does the rate limiting and "
            "retries) or RateLimiter(..., swallow_exceptions=False)"
        )


def _disable_hidden_retries(geocoder: object) -> None:
    """Turn off urllib3's own retries inside geopy's ``RequestsAdapter``.

    geopy mounts ``requests`` adapters with ``max_retries=2``; urllib3 then retries
    HTTP 429/503 by itself, sleeping for whatever ``Retry-After`` says (an hour, if
    the server says so) and bypassing the service's rate limiter, retry count and
    circuit breaker.  Retries belong to :class:`Service`, so the adapter gets none.
    """
    session = getattr(getattr(_owner(geocoder), "adapter", None), "session", None)
    adapters = getattr(session, "adapters", None)
    if not isinstance(adapters, Mapping):
        return
    from urllib3.util.retry import Retry

    for adapter in adapters.values():
        if hasattr(adapter, "max_retries"):
            adapter.max_retries = Retry(0, read=False, respect_retry_after_header=False)


class Service:
    """A geocoder made polite: minimum delay, retries with backoff, circuit breaker.

    Parameters
    ----------
    geocoder : geopy geocoder or callable
        An object with ``.geocode(query, exactly_one=..., ...)`` or a callable
        ``str -> Location | Place | None`` (or a list of them).
    name : str, optional
        Service name for provenance, cache keys and logs (default: the class
        name in lower case, e.g. ``"nominatim"``).
    min_delay : float
        Minimum seconds between the end of one request and the start of the next;
        requests to one service never overlap (Nominatim's policy: 1 s, one thread).
    retries : int
        Extra attempts after a timeout, dropped connection, HTTP 429 or 5xx.
    backoff : float
        First backoff in seconds; doubled on each retry (plus up to 10 % jitter).
    max_backoff : float
        Longest wait between attempts; a ``Retry-After`` longer than this opens the
        circuit for that long instead of blocking.
    failure_threshold : int
        Consecutive failed lookups that open the circuit.
    cooldown : float
        Seconds the circuit stays open before a trial request.
    timeout : float, optional
        Seconds each request to a geopy geocoder may take in all (default: the
        geocoder's own ``timeout``).  Geocoders on geopy's stock adapters are given a
        :class:`~geonews.geocoders.adapter.FetchAdapter`, so this is a total deadline
        that a server trickling bytes cannot stretch, the answer is size-capped and
        redirects are checked; with proxies they keep geopy's adapter, where it bounds
        each socket read only.
    limit : int
        Candidates asked of services that support it (``exactly_one=False``).
    geocode_kwargs : mapping, optional
        Extra keyword arguments for ``.geocode`` (for Nominatim the default asks
        for ``addressdetails`` and English names, so the country can be checked).

    Examples
    --------
    >>> def table(query):
    ...     return Location("Ocheretyne", (48.1, 37.2), {"country_code": "ua"}) if query else None
    >>> service = Service(table, min_delay=0)
    >>> [p.name for p in service.geocode("Ocheretyne")]
    ['Ocheretyne']
    >>> service.name, service.geocode("Ocheretyne")[0].country
    ('table', 'UA')
    """

    def __init__(
        self,
        geocoder: Any,
        *,
        name: str | None = None,
        min_delay: float = 1.0,
        retries: int = 2,
        backoff: float = 1.0,
        max_backoff: float = 60.0,
        failure_threshold: int = 5,
        cooldown: float = 60.0,
        timeout: float | None = None,
        limit: int = 5,
        geocode_kwargs: Mapping[str, Any] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ):
        if not (hasattr(geocoder, "geocode") or callable(geocoder)):
            raise InvalidInput(
                f"a geocoder needs a .geocode() method or must be callable: {geocoder!r}"
            )
        if not isinstance(retries, int) or retries < 0:
            raise InvalidInput(f"retries must be an int >= 0: {retries!r}")
        check_user_agent(geocoder)
        _check_rate_limiter(geocoder)
        _disable_hidden_retries(geocoder)
        use_fetch(_owner(geocoder))
        self.geocoder = geocoder
        self.name = name or _default_name(geocoder)
        self.limiter = MinDelay(min_delay, clock=clock)
        self.retries = retries
        self.backoff = float(backoff)
        self.max_backoff = float(max_backoff)
        self.breaker = CircuitBreaker(
            self.name, threshold=failure_threshold, cooldown=cooldown, clock=clock
        )
        self.timeout = timeout
        self.requests = 0  # attempts sent, for diagnostics and benchmarks
        from geopy.geocoders import Nominatim
        from geopy.geocoders.base import Geocoder

        owner = _owner(geocoder)
        defaults: dict[str, Any] = {}
        if isinstance(owner, Geocoder):  # also through a bound .geocode or a RateLimiter
            defaults["exactly_one"] = False
            if isinstance(owner, Nominatim):
                defaults.update(addressdetails=True, language="en", limit=limit)
            if timeout is not None:
                defaults["timeout"] = timeout
        self.geocode_kwargs = {**defaults, **(geocode_kwargs or {})}

    @property
    def context(self) -> str:
        """What, besides the name, changes this service's answers (part of cache keys)."""
        options = sorted((k, v) for k, v in self.geocode_kwargs.items() if k != "timeout")
        return ",".join(f"{k}={v}" for k, v in options)

    def _call(self, query: str) -> list[Place]:
        with warnings.catch_warnings():
            # geopy "normalises" a longitude of -181 to 179 with a warning: a wrong place
            warnings.filterwarnings("error", category=UserWarning, module="geopy")
            if hasattr(self.geocoder, "geocode"):
                answer = self.geocoder.geocode(query, **self.geocode_kwargs)
            else:
                answer = self.geocoder(query, **self.geocode_kwargs)
        if answer is None:
            return []
        items = answer if isinstance(answer, list) else [answer]
        stamp = _now_iso()
        places, rejected = [], []
        for item in items:
            if isinstance(item, Place):
                place = item
            elif isinstance(item, Location):
                place = location_to_place(item, service=self.name, retrieved=stamp)
            else:
                raise GeocoderUnavailable(
                    f"{self.name} answered {query!r} with {type(item).__name__}, "
                    "not a geopy Location"
                )
            problem = _bad_point(place)
            if problem is None:
                places.append(place)
            else:
                rejected.append(problem)
        if rejected and not places:
            raise GeocoderUnavailable(
                f"{self.name} answered {query!r} without a usable point: {rejected[0]}"
            )
        return places

    def _classify(self, query: str, err: Exception) -> tuple[GeocodingError, bool, float | None]:
        """Map an exception to (geonews error, retryable, server-requested wait)."""
        where = f"{self.name} failed on {query!r}"
        if isinstance(err, geopy.exc.GeocoderRateLimited):
            wait = _seconds(err.retry_after)
            out = GeocoderRateLimited(f"{where}: HTTP 429 rate limited ({err!s:.120})")
            out.retry_after = wait  # type: ignore[attr-defined]
            return out, True, wait
        if isinstance(err, (geopy.exc.GeocoderTimedOut, TimeoutError)):
            return GeocoderTimeout(f"{where}: timed out ({err})"), True, None
        if isinstance(
            err,
            (
                geopy.exc.ConfigurationError,
                geopy.exc.GeocoderAuthenticationFailure,
                geopy.exc.GeocoderInsufficientPrivileges,
            ),
        ):
            return GeocoderConfigError(f"{where}: refused ({err})"), False, None
        if isinstance(err, geopy.exc.GeocoderParseError):
            return GeocoderUnavailable(f"{where}: malformed answer ({err!s:.120})"), False, None
        if isinstance(err, geopy.exc.GeocoderQueryError):
            return GeocodingError(f"{where}: query rejected ({err})"), False, None
        status = getattr(err.__cause__, "status_code", None)
        if isinstance(status, int) and status >= 500:
            return GeocoderUnavailable(f"{where}: HTTP {status}"), True, None
        if isinstance(err, (geopy.exc.GeocoderUnavailable, ConnectionError)):
            return GeocoderUnavailable(f"{where}: unavailable ({err!s:.120})"), True, None
        return GeocoderUnavailable(f"{where}: {err!s:.160}"), False, None

    def geocode(self, query: str) -> list[Place]:
        """Ask the service; return its places, best first (``[]``: it knows none).

        Raises
        ------
        GeocoderUnavailable
            The circuit is open, the service is down or answered garbage.
        GeocoderTimeout, GeocoderRateLimited
            The last attempt timed out or was refused for going too fast.
        GeocoderConfigError
            The service refused our credentials or user agent.
        """
        if not self.breaker.allow():
            raise GeocoderUnavailable(self.breaker.describe())
        attempt = 0
        while True:
            error: GeocodingError | None = None
            cause: BaseException | None = None  # the geopy (or OS) error behind ``error``
            with self.limiter:
                self.requests += 1
                try:
                    places = self._call(query)
                except (geopy.exc.GeopyError, OSError) as err:
                    error, retryable, retry_after = self._classify(query, err)
                    cause = err
                except GeocoderUnavailable as err:
                    error, retryable, retry_after = err, False, None
                except _MALFORMED as err:  # geopy choked on what the service sent
                    where = f"{self.name} failed on {query!r}"
                    error = GeocoderUnavailable(f"{where}: malformed answer ({err!s:.120})")
                    retryable, retry_after, cause = False, None, err
            if error is None:
                self.breaker.success()
                return places
            if retry_after is not None and retry_after > self.max_backoff:
                self.limiter.defer(retry_after)
                self.breaker.trip(retry_after, str(error))
                raise error from cause
            if not retryable or attempt >= self.retries:
                self.breaker.failure(str(error))
                raise error from cause
            wait = min(self.backoff * 2**attempt, self.max_backoff)
            wait *= 1 + 0.1 * random.random()
            if retry_after is not None:
                wait = max(wait, float(retry_after))
            # the limiter holds every request to this service back, not only this retry
            self.limiter.defer(wait)
            logger.info("%s; retry %d/%d in %.2f s", error, attempt + 1, self.retries, wait)
            attempt += 1

    def __repr__(self) -> str:
        return (
            f"<Service {self.name!r} min_delay={self.limiter.seconds} "
            f"retries={self.retries} circuit={self.breaker.state}>"
        )
