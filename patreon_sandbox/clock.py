"""The sandbox's one clock: a time source (time.time, or a test's fake) plus an offset it can move.

Tokens, codes, rate-limit windows and webhook timestamps all read it, so `advance(3600)` is an hour
passing for the whole sandbox: a token issued before it has expired after it, at once, without
sleeping. The offset only grows; time never runs backwards.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class AdjustableClock:
    """Callable like `time.time`: the base clock's reading plus every `advance` so far."""

    def __init__(self, base: Callable[[], float]) -> None:
        self._base = base
        self._offset = 0.0
        self._lock = threading.Lock()

    def __call__(self) -> float:
        return self._base() + self._offset

    @property
    def offset(self) -> float:
        """Seconds added to the base clock so far."""
        return self._offset

    def advance(self, seconds: float) -> float:
        """Move the clock forward by `seconds` (>= 0); returns the new time."""
        if not seconds >= 0:  # also refuses NaN
            raise ValueError(f"the sandbox clock only moves forward, not by {seconds!r} seconds")
        with self._lock:
            self._offset += seconds
        return self()
