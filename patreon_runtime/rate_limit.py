"""Spend Patreon's rate budgets before sending, instead of learning them from 429s.

Patreon limits each client id to 100 requests per 2 s and each token to 100 per minute, and
blocks a client id for about 30 minutes after roughly 2000 4xx answers in 10 minutes
[PD _rate_limits.md, Dec 2024; live docs #edge-rate-limiting; design/reference/patreon-api-v2.md §5].
The limits have changed three times since Oct 2024, so they are configuration (``RateLimits``).

A limiter answers one question before each request, ``reserve(client, token)``, with a Slot:
granted, the request holds a slot and goes after ``slot.wait`` seconds; not granted, it asks
again after ``slot.wait``. Afterwards ``observe`` tells it the status, so 4xx answers count
toward the edge budget and a 429's delay pauses every request of that client id.

The per-client budget is spent evenly (one slot every window/count seconds, granted ahead of
time in arrival order) rather than in bursts: a burst of a hundred requests queues at the
server, and a request that arrives late there can make the next window look overfull. The
per-token budget is a sliding window, so one user's few calls never wait. ``LocalRateLimiter``
keeps this state in this process; ``patreon_auth.RedisRateLimiter`` keeps it in Redis.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from typing import NamedTuple, Protocol, runtime_checkable

import attrs

from .errors import EdgeBudgetExceededError as EdgeBudgetExceededError  # defined with the errors, raised here

Budget = tuple[int, float]
_PRUNE_AT = 1024


def _check_budget(name: str, value: Budget | None) -> None:
    if value is None:
        return
    count, window = value
    if not isinstance(count, int) or isinstance(count, bool) or count < 1 or not window > 0:
        raise ValueError(f"{name} must be (requests >= 1, window seconds > 0), got {value!r}")


@attrs.frozen(kw_only=True)
class RateLimits:
    """Budgets as (requests, window seconds); None switches one off. Defaults are Patreon's (Dec 2024).

    ``per_client`` is spent evenly (see the module docstring), ``per_token`` as a sliding window.
    ``edge_share`` is the share of ``edge_errors`` (4xx answers per client id) after which calls
    are refused, well before Patreon's block. ``margin`` widens every window a little so requests
    granted at a window's edge still arrive inside the budget after network jitter.
    """

    per_client: Budget | None = (100, 2.0)
    per_token: Budget | None = (100, 60.0)
    edge_errors: Budget | None = (2000, 600.0)
    edge_share: float = 0.5
    margin: float = 0.08

    def __attrs_post_init__(self) -> None:
        _check_budget("per_client", self.per_client)
        _check_budget("per_token", self.per_token)
        _check_budget("edge_errors", self.edge_errors)
        if not 0 < self.edge_share <= 1:
            raise ValueError(f"edge_share must be in (0, 1], got {self.edge_share!r}")
        if not 0 <= self.margin < 1:
            raise ValueError(f"margin must be in [0, 1), got {self.margin!r}")

    def window(self, budget: Budget) -> float:
        """The window a budget is enforced over, widened by the margin."""
        return budget[1] * (1 + self.margin)

    @property
    def late_after(self) -> float:
        """How late a request may leave after its slot: half the margin of the client window."""
        return self.per_client[1] * self.margin / 2 if self.per_client is not None else float("inf")

    def interval(self, budget: Budget, share: float = 1.0) -> float:
        """Seconds between two evenly spent slots of a budget."""
        return self.window(budget) / max(1, int(budget[0] * share))

    @property
    def edge_threshold(self) -> int:
        """How many 4xx answers in the edge window make the limiter refuse (0: never)."""
        if self.edge_errors is None:
            return 0
        return max(1, int(self.edge_errors[0] * self.edge_share))


class Slot(NamedTuple):
    """A limiter's answer: ``granted`` (go after ``wait`` seconds) or not (ask again after ``wait``).

    A granted request that wakes more than ``late_after`` seconds after its slot (a busy host)
    asks for a new one: sent late, it would crowd the requests after it into the server's window.
    """

    granted: bool
    wait: float
    late_after: float = float("inf")


@runtime_checkable
class RateLimiter(Protocol):
    """Sync limiter: reserve a slot before a request, observe its status after."""

    def reserve(self, client: str, token: str | None) -> Slot:
        """A slot in the client's and the token's budgets (granted), or when to ask again.

        Raises EdgeBudgetExceededError when the client id is near Patreon's edge block.
        """
        ...

    def observe(self, client: str, status: int, retry_after: float | None) -> None:
        """Count a 4xx toward the edge budget; a 429's ``retry_after`` pauses the whole client id."""
        ...


@runtime_checkable
class AsyncRateLimiter(Protocol):
    """Async twin of RateLimiter."""

    async def reserve(self, client: str, token: str | None) -> Slot: ...

    async def observe(self, client: str, status: int, retry_after: float | None) -> None: ...


class _Window:
    """Send times of one budget inside its (widened) window, oldest first."""

    __slots__ = ("stamps",)

    def __init__(self) -> None:
        self.stamps: deque[float] = deque()

    def wait(self, now: float, count: int, window: float) -> float:
        stamps = self.stamps
        while stamps and stamps[0] <= now - window:
            stamps.popleft()
        if len(stamps) < count:
            return 0.0
        # The slot frees when the count-th newest send leaves the window.
        return stamps[len(stamps) - count] + window - now


class LocalRateLimiter:
    """The budgets of one process (threads and tasks alike), on this host's monotonic clock.

    Correct for a single worker process; a fleet shares one budget through RedisRateLimiter. It
    never blocks and never does I/O, so sync and async clients may share one instance.
    """

    _process_default: LocalRateLimiter | None = None
    _process_default_lock = threading.Lock()

    def __init__(self, limits: RateLimits | None = None, *, share: float = 1.0) -> None:
        if not 0 < share <= 1:
            raise ValueError(f"share must be in (0, 1], got {share!r}")
        self.limits = limits if limits is not None else RateLimits()
        # A RedisRateLimiter falling back here may give each process only a share of the budget.
        self.share = share
        self._lock = threading.Lock()
        self._windows: dict[str, _Window] = {}
        self._next_slot: dict[str, float] = {}
        self._errors: dict[str, deque[float]] = {}
        self._paused_until: dict[str, float] = {}
        self._prune_at = _PRUNE_AT

    @classmethod
    def process_default(cls) -> LocalRateLimiter:
        """The one limiter every client of this process uses when none is given."""
        with cls._process_default_lock:
            if cls._process_default is None:
                cls._process_default = cls()
            return cls._process_default

    def _count(self, budget: Budget) -> int:
        return max(1, int(budget[0] * self.share))

    def _edge_seen(self, client: str, now: float) -> int:
        limits = self.limits
        stamps = self._errors.get(client)
        if stamps is None or limits.edge_errors is None:
            return 0
        window = limits.edge_errors[1]
        while stamps and stamps[0] <= now - window:
            stamps.popleft()
        return len(stamps)

    def reserve(self, client: str, token: str | None) -> Slot:
        limits = self.limits
        with self._lock:
            now = time.monotonic()
            paused = self._paused_until.get(client, 0.0) - now
            if paused > 0:
                return Slot(False, paused)
            seen = self._edge_seen(client, now)
            if limits.edge_threshold and seen >= limits.edge_threshold:
                raise EdgeBudgetExceededError(client=client, seen=seen, limits=limits)
            if len(self._windows) > self._prune_at:
                self._prune(now)
            window: _Window | None = None
            if limits.per_token is not None and token is not None:
                window = self._windows.setdefault(f"{client}:{token}", _Window())
                wait = window.wait(now, self._count(limits.per_token), limits.window(limits.per_token))
                if wait > 0:
                    return Slot(False, wait)
            send_at = now
            if limits.per_client is not None:
                send_at = max(now, self._next_slot.get(client, now))
                self._next_slot[client] = send_at + limits.interval(limits.per_client, self.share)
            if window is not None:
                window.stamps.append(send_at)
            return Slot(True, send_at - now, limits.late_after)

    def _prune(self, now: float) -> None:
        # One window per token ever seen would grow without end on a site with many users.
        per_token = self.limits.per_token
        horizon = now - (self.limits.window(per_token) if per_token else 0.0)
        for key in [
            key for key, window in self._windows.items() if not window.stamps or window.stamps[-1] <= horizon
        ]:
            del self._windows[key]
        # Many tokens busy at once: prune again only once their number has doubled.
        self._prune_at = max(_PRUNE_AT, 2 * len(self._windows))

    def observe(self, client: str, status: int, retry_after: float | None) -> None:
        if not 400 <= status < 500:
            return
        with self._lock:
            now = time.monotonic()
            if self.limits.edge_errors is not None:
                self._errors.setdefault(client, deque()).append(now)
            if status == 429 and retry_after:
                until = now + retry_after
                if until > self._paused_until.get(client, 0.0):
                    self._paused_until[client] = until

    def __repr__(self) -> str:
        return f"LocalRateLimiter(limits={self.limits!r})"


class AsyncLocalRateLimiter:
    """Async face of a LocalRateLimiter (pass one to share its budgets with sync clients)."""

    def __init__(self, limits: RateLimits | None = None, *, local: LocalRateLimiter | None = None) -> None:
        if limits is not None and local is not None:
            raise ValueError("give either limits or local, not both")
        self.local = local if local is not None else LocalRateLimiter(limits)

    @property
    def limits(self) -> RateLimits:
        return self.local.limits

    async def reserve(self, client: str, token: str | None) -> Slot:
        return self.local.reserve(client, token)

    async def observe(self, client: str, status: int, retry_after: float | None) -> None:
        self.local.observe(client, status, retry_after)

    def __repr__(self) -> str:
        return f"AsyncLocalRateLimiter(limits={self.limits!r})"
