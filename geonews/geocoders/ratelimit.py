"""Per-service minimum delay between requests, shared by every thread of a process.

Online services publish usage policies; Nominatim's asks for at most one request
per second from a single thread.  :class:`MinDelay` enforces both: requests to
one service run one at a time, and each starts at least ``seconds`` after the
previous one *ended*.  Spacing starts only (as :class:`geopy.extra.rate_limiter.RateLimiter`
does) is not enough: network and scheduling jitter then lets the server see two
requests closer together than the policy allows.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from geonews.errors import InvalidInput

__all__ = ["MinDelay"]


class MinDelay:
    """Serialise requests and keep ``seconds`` between the end of one and the next.

    Use as a context manager around each request.

    Parameters
    ----------
    seconds : float
        Minimum time between the end of a request and the start of the next
        (0: requests still run one at a time, without pause).
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
    >>> starts = []
    >>> for _ in range(3):
    ...     with limiter:
    ...         starts.append(now[0])
    ...         now[0] += 0.25  # the request takes a quarter of a second
    >>> starts
    [0.0, 1.25, 2.5]
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
        self._lock = threading.RLock()
        self._next = float("-inf")
        self.waited = 0.0  # total seconds spent waiting, for diagnostics

    def __enter__(self) -> MinDelay:
        self._lock.acquire()
        try:
            pause = self._next - self._clock()
            if pause > 0:
                self._sleep(pause)
                self.waited += pause
        except BaseException:
            self._lock.release()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self._next = max(self._next, self._clock() + self.seconds)
        self._lock.release()

    def defer(self, seconds: float) -> None:
        """Let no request start within the next ``seconds`` (e.g. a ``Retry-After``)."""
        with self._lock:
            self._next = max(self._next, self._clock() + seconds)

    def __repr__(self) -> str:
        return f"MinDelay({self.seconds!r})"
