"""A geopy HTTP adapter that reads through :func:`geonews.fetch.fetch`.

geopy's own adapters pass ``timeout`` to the socket, so it bounds each read, not the
request: a server that sends one byte a second holds a lookup open for as long as it
likes.  :class:`FetchAdapter` gives every request the rules of :mod:`geonews.fetch`
instead: ``timeout`` is the **total deadline** of the request, the answer is capped at
:data:`MAX_ANSWER` bytes, only http(s) is spoken and redirects are checked hop by hop.
Errors come back the way geopy expects them (``AdapterHTTPError`` with the status, so
geopy raises ``GeocoderRateLimited`` for a 429 with its ``Retry-After``;
``GeocoderTimedOut``; ``GeocoderUnavailable``), so every geopy geocoder works on it.

:class:`~geonews.geocoders.service.Service` installs it in the geopy geocoders it
wraps (see :func:`use_fetch`), unless they were given proxies, which it cannot speak.

Examples
--------
>>> from geopy.geocoders import Nominatim
>>> geocoder = Nominatim(user_agent="geonews-docs", domain="127.0.0.1:9", scheme="http")
>>> use_fetch(geocoder)
True
>>> type(geocoder.adapter).__name__
'FetchAdapter'
"""

from __future__ import annotations

import json
from typing import Any

from geopy.adapters import AdapterHTTPError, BaseSyncAdapter, RequestsAdapter, URLLibAdapter
from geopy.exc import GeocoderParseError, GeocoderServiceError, GeocoderTimedOut
from geopy.exc import GeocoderUnavailable as GeopyUnavailable

from geonews.errors import FetchError, InvalidInput
from geonews.fetch import fetch

__all__ = ["MAX_ANSWER", "FetchAdapter", "use_fetch"]

#: Largest geocoder answer read, in bytes: a search answer is a few kilobytes.
MAX_ANSWER = 4 * 2**20
#: Deadline of a request when geopy passes none.
_DEFAULT_DEADLINE = 10.0


class FetchAdapter(BaseSyncAdapter):
    """geopy adapter over :func:`geonews.fetch.fetch`: ``timeout`` bounds the whole request.

    Parameters
    ----------
    proxies : dict
        Must be empty: :func:`~geonews.fetch.fetch` does not go through proxies.
    ssl_context : ssl.SSLContext, optional
        TLS settings, as geopy passes them.
    max_bytes : int
        Size cap of an answer (default :data:`MAX_ANSWER`).
    """

    def __init__(
        self, *, proxies: Any = None, ssl_context: Any = None, max_bytes: int = MAX_ANSWER
    ):
        if proxies:
            raise InvalidInput(f"FetchAdapter cannot use proxies: {proxies!r}")
        super().__init__(proxies=proxies, ssl_context=ssl_context)
        self.ssl_context = ssl_context
        self.max_bytes = max_bytes

    def get_json(self, url: str, *, timeout: float | None, headers: dict[str, str]) -> Any:
        """GET ``url`` and parse the answer as JSON (``GeocoderParseError`` if it is not)."""
        text = self.get_text(url, timeout=timeout, headers=headers)
        try:
            return json.loads(text)
        except ValueError as err:
            raise GeocoderParseError(f"not JSON: {text[:120]!r}") from err
        except RecursionError as err:
            raise GeocoderParseError("JSON nested too deeply") from err

    def get_text(self, url: str, *, timeout: float | None, headers: dict[str, str]) -> str:
        """GET ``url`` within ``timeout`` seconds in all; errors as geopy's adapters raise them."""
        seconds = float(timeout) if timeout else _DEFAULT_DEADLINE
        try:
            body = fetch(
                url,
                deadline=seconds,
                timeout=seconds,
                headers=dict(headers or {}),
                max_bytes=self.max_bytes,
                ssl_context=self.ssl_context,
            )
        except FetchError as err:
            if err.status is not None:
                raise AdapterHTTPError(
                    str(err),
                    status_code=err.status,
                    headers=err.headers,
                    text=err.body.decode("utf-8", "replace"),
                ) from err
            if err.timed_out:
                raise GeocoderTimedOut(str(err)) from err
            if err.refused:  # over the cap, a redirect off the host: asking again won't help
                raise GeocoderServiceError(str(err)) from err
            raise GeopyUnavailable(str(err)) from err
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError as err:
            raise GeocoderParseError(f"answer is not UTF-8 ({err.reason})") from err


def use_fetch(geocoder: Any) -> bool:
    """Give a geopy geocoder a :class:`FetchAdapter`; return whether it now has one.

    Only a geocoder on geopy's stock ``URLLibAdapter`` or ``RequestsAdapter`` and
    without proxies is changed: an adapter the user chose is theirs.
    """
    adapter = getattr(geocoder, "adapter", None)
    if isinstance(adapter, FetchAdapter):
        return True
    if type(adapter) not in (URLLibAdapter, RequestsAdapter) or getattr(geocoder, "proxies", None):
        return False
    geocoder.adapter = FetchAdapter(ssl_context=getattr(geocoder, "ssl_context", None))
    return True
