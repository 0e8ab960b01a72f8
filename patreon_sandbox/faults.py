"""Fault injection: chosen routes fail by sequence (`after`, `times`) or by probability.

Kinds: an error status (500/502/503, as JSON:API or as the HTML pages Patreon's edge sends [KG]),
a truncated JSON body, a slow response (`delay`), a dropped connection (`drop`).
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass


@dataclass
class Fault:
    """One rule; `route` is a group ("members"), an operation id, "token", "authorize" or None (all)."""

    route: str | None = None
    status: int | None = None
    html: bool = False
    truncate: bool = False
    delay: float = 0.0
    drop: bool = False
    times: int | None = None
    after: int = 0
    probability: float = 1.0
    method: str | None = None
    seen: int = 0
    fired: int = 0

    def matches(self, names: frozenset[str], method: str) -> bool:
        if self.route is not None and self.route not in names:
            return False
        return self.method is None or self.method.upper() == method

    @property
    def exhausted(self) -> bool:
        return self.times is not None and self.fired >= self.times


class Faults:
    """`sandbox.faults`: add rules, clear them; the handler asks `pick` for each request."""

    def __init__(self, seed: int = 0) -> None:
        self._rules: list[Fault] = []
        self._rng = random.Random(seed ^ 0x5EED_FA17)
        self._lock = threading.Lock()

    def add(
        self,
        route: str | None = None,
        *,
        status: int | None = None,
        html: bool = False,
        truncate: bool = False,
        delay: float = 0.0,
        drop: bool = False,
        times: int | None = None,
        after: int = 0,
        probability: float = 1.0,
        method: str | None = None,
    ) -> Fault:
        """Add a rule: e.g. `add(route="members", status=502, html=True, times=2)`."""
        if status is None and not truncate and not drop and delay <= 0:
            raise ValueError("a fault needs status=, truncate=True, drop=True or delay=")
        if status is not None and not 400 <= status <= 599:
            raise ValueError("status must be an HTTP error status")
        if not 0.0 <= probability <= 1.0:
            raise ValueError("probability must be between 0 and 1")
        fault = Fault(route, status, html, truncate, delay, drop, times, after, probability, method)
        with self._lock:
            self._rules.append(fault)
        return fault

    def remove(self, fault: Fault) -> None:
        with self._lock:
            self._rules.remove(fault)

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()

    @property
    def rules(self) -> list[Fault]:
        with self._lock:
            return list(self._rules)

    def pick(self, names: frozenset[str], method: str) -> Fault | None:
        """The first rule that fires for a request known by `names` (counting it), or None."""
        with self._lock:
            for fault in self._rules:
                if fault.exhausted or not fault.matches(names, method):
                    continue
                fault.seen += 1
                if fault.seen <= fault.after:
                    continue
                if fault.probability < 1.0 and self._rng.random() >= fault.probability:
                    continue
                fault.fired += 1
                return fault
        return None


_HTML_PAGES = {
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Temporarily Unavailable",
    504: "Gateway Timeout",
}


def html_page(status: int) -> bytes:
    """An edge error page like the HTML 502s clients see from Patreon ([KG] comment "#4373")."""
    title = _HTML_PAGES.get(status, "Error")
    return (
        f"<html>\r\n<head><title>{status} {title}</title></head>\r\n<body>\r\n"
        f"<center><h1>{status} {title}</h1></center>\r\n<hr><center>cloudflare</center>\r\n"
        "</body>\r\n</html>\r\n"
    ).encode()
