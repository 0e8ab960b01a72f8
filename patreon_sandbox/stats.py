"""Counters of what the sandbox saw, for tests to assert on (`sandbox.stats.token_requests`)."""

from __future__ import annotations

import dataclasses
import threading
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Stats:
    """Request counters; `as_dict()` is what `GET /_sandbox/stats` returns."""

    requests: int = 0  # every HTTP request, API, OAuth and faulted alike (not /_sandbox/*)
    api_requests: int = 0
    token_requests: int = 0
    code_exchanges: int = 0
    refresh_requests: int = 0
    authorize_requests: int = 0
    unauthorized: int = 0
    rate_limited: int = 0
    faults_injected: int = 0
    errors: int = 0  # responses with status >= 400
    webhook_deliveries: int = 0
    webhook_failures: int = 0
    # Events the webhook faults acted on (patreon_sandbox.faults.WebhookFaults).
    webhook_repeated: int = 0
    webhook_reordered: int = 0
    webhook_delayed: int = 0
    webhook_dropped: int = 0
    by_route: dict[str, int] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def bump(self, name: str, amount: int = 1) -> None:
        with self._lock:
            setattr(self, name, getattr(self, name) + amount)

    def bump_route(self, route: str) -> None:
        with self._lock:
            self.by_route[route] = self.by_route.get(route, 0) + 1

    def as_dict(self) -> dict[str, Any]:
        with self._lock:
            result: dict[str, Any] = {
                f.name: getattr(self, f.name) for f in dataclasses.fields(self) if not f.name.startswith("_")
            }
            result["by_route"] = dict(self.by_route)
            return result

    def reset(self) -> None:
        with self._lock:
            for f in dataclasses.fields(self):
                if f.name == "by_route":
                    self.by_route.clear()
                elif not f.name.startswith("_"):
                    setattr(self, f.name, 0)
