"""Circuit breaker: stop calling a service that keeps failing, try again later.

States::

    closed ──N consecutive failures──▶ open ──cool-down elapsed──▶ half-open
      ▲                                 ▲                              │
      └────────── trial succeeds ───────┼────────── trial fails ───────┘

While the circuit is open, callers do not send requests; the chain falls back to
its offline answer and records why.  Every change of state is logged on the
``"geonews"`` logger.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from geonews.errors import InvalidInput

__all__ = ["CircuitBreaker"]

logger = logging.getLogger("geonews")


class CircuitBreaker:
    """Count consecutive failures of one service and open after ``threshold``.

    Parameters
    ----------
    name : str
        Service name, used in log lines and reasons.
    threshold : int
        Consecutive failures that open the circuit.
    cooldown : float
        Seconds the circuit stays open before one trial request is let through.
    clock : callable, optional
        Monotonic clock (default :func:`time.monotonic`).

    Examples
    --------
    >>> now = [0.0]
    >>> breaker = CircuitBreaker("svc", threshold=2, cooldown=10, clock=lambda: now[0])
    >>> breaker.failure(); breaker.failure()
    >>> breaker.state, breaker.allow()
    ('open', False)
    >>> now[0] = 11.0
    >>> breaker.allow(), breaker.state
    (True, 'half-open')
    >>> breaker.success()
    >>> breaker.state
    'closed'
    """

    def __init__(
        self,
        name: str,
        *,
        threshold: int = 5,
        cooldown: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ):
        if not isinstance(threshold, int) or threshold < 1:
            raise InvalidInput(f"breaker threshold must be a positive int: {threshold!r}")
        if not cooldown >= 0:
            raise InvalidInput(f"breaker cool-down must be >= 0 seconds: {cooldown!r}")
        self.name = name
        self.threshold = threshold
        self.cooldown = float(cooldown)
        self._clock = clock
        self._lock = threading.Lock()
        self._failures = 0
        self._opened_at: float | None = None
        self._open_for = self.cooldown
        self._trial = False
        self.last_error: str | None = None

    @property
    def state(self) -> str:
        """``"closed"``, ``"open"`` or ``"half-open"``."""
        with self._lock:
            return self._state()

    def _state(self) -> str:
        if self._opened_at is None:
            return "closed"
        if self._trial or self._clock() - self._opened_at >= self._open_for:
            return "half-open"
        return "open"

    @property
    def failures(self) -> int:
        """Consecutive failures counted so far."""
        return self._failures

    def allow(self) -> bool:
        """Return whether a request may be sent now (one trial at a time when half-open)."""
        with self._lock:
            state = self._state()
            if state == "closed":
                return True
            if state == "half-open" and not self._trial:
                self._trial = True
                logger.info("%s: circuit half-open, sending one trial request", self.name)
                return True
            return False

    def retry_in(self) -> float:
        """Seconds until the circuit lets a trial request through (0 when closed)."""
        with self._lock:
            if self._opened_at is None:
                return 0.0
            return max(0.0, self._opened_at + self._open_for - self._clock())

    def success(self) -> None:
        """Record a successful call: the circuit closes."""
        with self._lock:
            if self._opened_at is not None:
                logger.info("%s: circuit closed, the service answers again", self.name)
            self._failures = 0
            self._opened_at = None
            self._trial = False
            self.last_error = None

    def failure(self, error: str | None = None) -> None:
        """Record a failed call: the circuit opens at the threshold or after a failed trial."""
        with self._lock:
            self._failures += 1
            self.last_error = error
            if self._trial or (self._opened_at is None and self._failures >= self.threshold):
                self._open(self.cooldown)

    def trip(self, seconds: float, error: str | None = None) -> None:
        """Open the circuit now for ``seconds`` (e.g. a long ``Retry-After``)."""
        with self._lock:
            self._failures += 1
            self.last_error = error
            self._open(max(seconds, 0.0))

    def _open(self, seconds: float) -> None:
        self._opened_at = self._clock()
        self._open_for = seconds
        self._trial = False
        logger.warning(
            "%s: circuit open after %d consecutive failure(s) (last: %s); "
            "falling back to offline results for %.1f s",
            self.name,
            self._failures,
            self.last_error,
            seconds,
        )

    def describe(self) -> str:
        """One line saying why requests are not sent, for a result's ``reason``."""
        return (
            f"{self.name}: circuit open after {self._failures} consecutive failure(s)"
            f" (last: {self.last_error}); retry in {self.retry_in():.1f} s"
        )

    def __repr__(self) -> str:
        return f"<CircuitBreaker {self.name!r} {self.state} failures={self._failures}>"
