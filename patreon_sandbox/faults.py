"""Fault injection: chosen routes fail by sequence (`after`, `times`) or by probability.

Kinds: an error status (500/502/503, as JSON:API or as the HTML pages Patreon's edge sends [KG]),
a truncated JSON body, a slow response (`delay`), a dropped connection (`drop`). Webhook events
have their own faults (`WebhookFaults`, below): repeated, reordered, delayed or dropped deliveries.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")


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


# --- webhook faults ---------------------------------------------------------------------------
#
# A delivery carries no id (its only Patreon headers are X-Patreon-Event and X-Patreon-Signature),
# failed deliveries queue and go out again together later [PD _webhooks.md], `paused: false`
# re-sends a paused webhook's queue [PD _webhooks_v2.md], and the docs promise no order (all in
# design/reference/patreon-api-v2.md §4). Apps that trusted each delivery lost or double-counted
# patrons (wise-old-man PR #1522, w3champions/website-backend PR #468). A receiver must survive a
# delivery twice, late, out of order or never; these faults let a test show that it does.

MAX_WEBHOOK_DELAY = 10 * 365 * 86400.0  # as far as the control API's clock may move in one step


def _probability(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"webhook fault {name!r} must be a probability (a number), not {value!r}")
    if not 0.0 <= value <= 1.0:  # also refuses NaN
        raise ValueError(f"webhook fault {name!r} must be between 0 and 1, not {value!r}")
    return float(value)


@dataclass(frozen=True)
class WebhookFaults:
    """What the sandbox does to its webhook events: each field but the last two a probability per event.

    - `drop`: the event is never delivered (it is listed in `sandbox.dropped_webhook_events`).
    - `delay`: the event is held until the sandbox clock has moved `delay_seconds` on; the next
      flush after that (any event, `flush_webhooks()`, `release_webhooks(due_only=True)`) sends it.
    - `reorder`: the event is held back and sent after the webhook's next event (or by
      `release_webhooks()`), in an order shuffled by the seed.
    - `repeat`: the event is sent, and later sent again byte for byte (same body, same
      signature), as a Patreon re-send would be: after the webhook's next event or by
      `release_webhooks()`.
    `seed` makes the choices reproducible: the same faults, seed and events give the same fates.
    `WebhookFaults()` is no fault at all.
    """

    repeat: float = 0.0
    reorder: float = 0.0
    delay: float = 0.0
    drop: float = 0.0
    delay_seconds: float = 60.0
    seed: int = 0

    def __post_init__(self) -> None:
        for name in ("repeat", "reorder", "delay", "drop"):
            object.__setattr__(self, name, _probability(name, getattr(self, name)))
        seconds = self.delay_seconds
        if isinstance(seconds, bool) or not isinstance(seconds, int | float):
            raise TypeError(f"'delay_seconds' must be a number of seconds, not {seconds!r}")
        if not 0.0 <= seconds <= MAX_WEBHOOK_DELAY:
            raise ValueError(
                f"'delay_seconds' must be between 0 and {MAX_WEBHOOK_DELAY:.0f}, not {seconds!r}"
            )
        object.__setattr__(self, "delay_seconds", float(seconds))
        if isinstance(self.seed, bool) or not isinstance(self.seed, int):
            raise TypeError(f"'seed' must be an integer, not {self.seed!r}")

    @property
    def active(self) -> bool:
        return any((self.repeat, self.reorder, self.delay, self.drop))

    def as_dict(self) -> dict[str, float | int]:
        """The JSON the control API reads and answers (`PUT /_sandbox/webhooks/faults`)."""
        return {
            "repeat": self.repeat,
            "reorder": self.reorder,
            "delay": self.delay,
            "drop": self.drop,
            "delay_seconds": self.delay_seconds,
            "seed": self.seed,
        }

    @classmethod
    def from_dict(cls, payload: Mapping[str, Any]) -> WebhookFaults:
        """Read `as_dict()`'s shape; a key left out keeps its default, an unknown key is refused."""
        unknown = sorted(set(payload) - set(WEBHOOK_FAULT_KEYS))
        if unknown:
            raise ValueError(
                f"unknown webhook fault {', '.join(map(repr, unknown))}; known: {', '.join(WEBHOOK_FAULT_KEYS)}"
            )
        return cls(**payload)


WEBHOOK_FAULT_KEYS = ("repeat", "reorder", "delay", "drop", "delay_seconds", "seed")


@dataclass(frozen=True)
class WebhookFate:
    """What the faults decided for one event on one webhook."""

    drop: bool = False
    delay: bool = False
    reorder: bool = False
    repeat: bool = False


class WebhookDice:
    """The seeded choices behind `WebhookFaults`: four draws per event whatever they decide, and
    shuffles from a generator of their own, so an event's fate depends only on the seed and how
    many events came before it."""

    def __init__(self, seed: int) -> None:
        self._fates = random.Random(seed ^ 0x4EB_400C)
        self._order = random.Random(seed ^ 0x5A0_FF1E)

    def roll(self, faults: WebhookFaults) -> WebhookFate:
        drop, delay, reorder, repeat = (self._fates.random() for _ in range(4))
        if drop < faults.drop:
            return WebhookFate(drop=True)
        return WebhookFate(
            delay=delay < faults.delay,
            reorder=delay >= faults.delay and reorder < faults.reorder,
            repeat=repeat < faults.repeat,
        )

    def shuffle(self, items: list[T]) -> None:
        self._order.shuffle(items)
