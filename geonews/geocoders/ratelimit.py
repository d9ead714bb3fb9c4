"""Per-service minimum delay between requests, shared by every thread of a process.

Online services publish usage policies (Nominatim: at most one request per
second).  :class:`MinDelay` spaces the *starts* of requests at least
``seconds`` apart, the way :class:`geopy.extra.rate_limiter.RateLimiter` does,
but can be shared by retries, several threads and several chains that talk to
the same service.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from geonews.errors import InvalidInput

__all__ = ["MinDelay"]


class MinDelay:
    """Keep the starts of successive calls at least ``seconds`` apart.

    Parameters
    ----------
    seconds : float
        Minimum time between the starts of two requests (0 disables the wait).
    clock, sleep : callable, optional
        Monotonic clock and sleep function (defaults: :func:`time.monotonic`,
        :func:`time.sleep`).

    Examples
    --------
    A fake clock shows the schedule without waiting:

    >>> now = [0.0]
    >>> def fake_sleep(seconds):
    ...     now[0] += seconds
    >>> limiter = MinDelay(1.0, clock=lambda: now[0], sleep=fake_sleep)
    >>> [limiter.wait() for _ in range(3)], now[0]
    ([0.0, 1.0, 1.0], 2.0)
    """

    def __init__(
        self,
        seconds: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], object] = time.sleep,
    ):
        if not seconds >= 0:
            raise InvalidInput(f"minimum delay must be >= 0 seconds: {seconds!r}")
        self.seconds = float(seconds)
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._next = float("-inf")

    def wait(self) -> float:
        """Block until the next request may start; return the seconds waited."""
        with self._lock:
            now = self._clock()
            waited = max(0.0, self._next - now)
            if waited:
                self._sleep(waited)
                now = self._clock()
            self._next = now + self.seconds
        return waited

    def defer(self, seconds: float) -> None:
        """Let no request start within the next ``seconds`` (e.g. a ``Retry-After``)."""
        with self._lock:
            self._next = max(self._next, self._clock() + seconds)

    def __repr__(self) -> str:
        return f"MinDelay({self.seconds!r})"
