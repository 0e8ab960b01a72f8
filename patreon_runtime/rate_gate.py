"""One pause shared by every request of a client after a 429.

When Patreon says "retry after N seconds", that is true for every request made with the same
client and token [PD _rate_limits.md], not just the one that got the 429. Without a shared pause
(the bug noted in design/reference/anchors.md for patreon-api.ts) other threads keep sending and keep
getting 429s; with it, a storm overshoots the limit only by the requests already in flight.
"""

from __future__ import annotations

import threading
import time


class RateGate:
    """Remembers until when the client must not send; safe to share across threads and tasks."""

    __slots__ = ("_lock", "_until")

    def __init__(self) -> None:
        self._until = 0.0
        self._lock = threading.Lock()

    def pause(self, seconds: float) -> None:
        """No request leaves before ``seconds`` from now (a longer pause already set wins)."""
        until = time.monotonic() + seconds
        with self._lock:
            if until > self._until:
                self._until = until

    def wait_time(self) -> float:
        """Seconds to wait before the next request may be sent (0 when it may go now)."""
        return max(0.0, self._until - time.monotonic())
