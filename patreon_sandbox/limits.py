"""Patreon's rate limits: 100 requests / 2 s per client and 100 / minute per token [PD _rate_limits.md].

Sliding windows on the sandbox's clock. A request over a limit gets 429 with both a
``Retry-After`` header (platform-documentation#95) and ``retry_after_seconds`` in the body [PD].
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RateLimits:
    """Limits as (requests, window seconds); a None pair switches that limit off."""

    per_client: tuple[int, float] | None = (100, 2.0)
    per_token: tuple[int, float] | None = (100, 60.0)


@dataclass
class RateLimiter:
    """Counts requests per client and per token; callers hold the sandbox lock."""

    limits: RateLimits | None = field(default_factory=RateLimits)
    _windows: dict[tuple[str, str], deque[float]] = field(default_factory=dict)

    def check(self, *, client_id: str, access_token: str, now: float) -> int | None:
        """Seconds to wait when a limit is hit (the request is not counted), else None (counted)."""
        if self.limits is None:
            return None
        keys: list[tuple[tuple[str, str], tuple[int, float]]] = []
        if self.limits.per_client is not None:
            keys.append((("client", client_id), self.limits.per_client))
        if self.limits.per_token is not None:
            keys.append((("token", access_token), self.limits.per_token))
        wait = 0.0
        for key, (limit, window) in keys:
            stamps = self._windows.setdefault(key, deque())
            while stamps and stamps[0] <= now - window:
                stamps.popleft()
            if len(stamps) >= limit:
                wait = max(wait, stamps[len(stamps) - limit] + window - now)
        if wait > 0:
            return max(1, math.ceil(wait))
        for key, _ in keys:
            self._windows[key].append(now)
        return None

    def reset(self) -> None:
        self._windows.clear()
