"""Exceptions raised by geonews.

Every exception the package raises on purpose derives from :class:`GeonewsError`;
each leaf also subclasses the matching built-in, so ``except LookupError`` or
``except ValueError`` work as users expect::

    GeonewsError
    ├── InvalidInput (ValueError)           bad argument: empty, wrong type, too long
    ├── UnknownPlace (LookupError)          a name no resolver step could place
    ├── DataError (ValueError)              a data file that cannot be read or is malformed
    │   └── FetchError                      a network read failed or broke a rule
    ├── MissingAsset (FileNotFoundError)    a JavaScript/CSS asset for offline maps is absent
    └── GeocodingError
        ├── GeocoderTimeout (TimeoutError)
        ├── GeocoderRateLimited
        ├── GeocoderUnavailable             circuit open, service down, bad answers
        └── GeocoderConfigError (ValueError)  e.g. Nominatim without a user agent
"""

from __future__ import annotations

__all__ = [
    "DataError",
    "FetchError",
    "GeocoderConfigError",
    "GeocoderRateLimited",
    "GeocoderTimeout",
    "GeocoderUnavailable",
    "GeocodingError",
    "GeonewsError",
    "InvalidInput",
    "MissingAsset",
    "UnknownPlace",
]


class GeonewsError(Exception):
    """Root of every error geonews raises on purpose."""


class InvalidInput(GeonewsError, ValueError):
    """An argument that geonews cannot work with (the message shows it)."""


class UnknownPlace(GeonewsError, LookupError):
    """A name that no resolver step could place."""

    def __init__(self, name: str, reason: str = "no match in the gazetteer or alias table"):
        self.name = name
        self.reason = reason
        super().__init__(f"unknown place {name!r}: {reason}")


class DataError(GeonewsError, ValueError):
    """A data file that cannot be read or does not have the expected shape."""


class FetchError(DataError):
    """A network read that failed or broke a rule of :mod:`geonews.fetch`.

    ``status``, ``headers`` (lower-case names) and ``body`` (at most 64 KiB) describe an
    HTTP error answer; ``timed_out`` says the deadline or a socket timeout ended the read;
    ``refused`` that a rule (size cap, redirect) stopped it.
    """

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        headers: dict[str, str] | None = None,
        body: bytes = b"",
        timed_out: bool = False,
        refused: bool = False,
    ):
        super().__init__(message)
        self.status = status
        self.headers = headers or {}
        self.body = body
        self.timed_out = timed_out
        self.refused = refused


class MissingAsset(GeonewsError, FileNotFoundError):
    """A JavaScript or CSS file needed for an offline map is not installed or cached."""


class GeocodingError(GeonewsError):
    """An online geocoder failed."""


class GeocoderTimeout(GeocodingError, TimeoutError):
    """The geocoding service did not answer in time."""


class GeocoderRateLimited(GeocodingError):
    """The geocoding service refused the request for going too fast (HTTP 429)."""


class GeocoderUnavailable(GeocodingError):
    """The service is down, answers garbage, or its circuit breaker is open."""


class GeocoderConfigError(GeocodingError, ValueError):
    """A geocoder set up against its service's usage policy (e.g. no user agent)."""
