"""AsyncRedisRateLimiter: the fleet's rate budgets in Redis, leased a few slots at a time.

The async twin is the source: generator/unasync.py writes the sync one from it. Why a lease is
safe, and the keys, are in patreon_auth/redis_limiter.py; the scripts and the lease pool they
fill are in patreon_auth/_redis_lease.py.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from patreon_auth._redis_client import describe_client, redis_errors
from patreon_auth._redis_lease import (
    DEFAULT_LEASE_HORIZON,
    DEFAULT_MAX_LEASE,
    DEFAULT_PREFIX,
    DEFAULT_RETRY_INTERVAL,
    LEASE_SCRIPT,
    OBSERVE_SCRIPT,
    Degraded,
    LeasePool,
    Plan,
    new_lease_id,
)
from patreon_runtime.rate_limit import LocalRateLimiter, RateLimits, Slot

if TYPE_CHECKING:
    import redis.asyncio as redis_async  # unasync: import redis as redis_sync

# Lease calls one reserve may make when other threads or tasks keep taking what it leased.
_LEASE_TRIES = 4


class AsyncRedisRateLimiter:
    """The fleet's budgets in Redis (a redis-py client); see patreon_auth.redis_limiter for the design.

    ``fallback_share`` is the share of each budget a process uses while Redis is down: 1.0 keeps
    every call going at a single worker's full pace (Patreon's 429s, still honoured, catch the
    overlap); 1/N for N workers stays under the limits at the cost of speed.

    ``lease_horizon`` (seconds) and ``max_lease`` bound one lease: the fleet time and the number
    of slots a process takes per round trip to Redis, so also how long and for how many calls it
    may go on before it sees another process's 429 pause or the edge budget spent.
    """

    def __init__(
        self,
        redis: redis_async.Redis,  # unasync: redis: redis_sync.Redis,
        limits: RateLimits | None = None,
        *,
        prefix: str = DEFAULT_PREFIX,
        retry_interval: float = DEFAULT_RETRY_INTERVAL,
        fallback_share: float = 1.0,
        lease_horizon: float = DEFAULT_LEASE_HORIZON,
        max_lease: int = DEFAULT_MAX_LEASE,
    ) -> None:
        if not lease_horizon >= 0 or max_lease < 1:
            raise ValueError(
                f"need lease_horizon >= 0 and max_lease >= 1, got {lease_horizon!r}, {max_lease!r}"
            )
        self.limits = limits if limits is not None else RateLimits()
        self._redis = redis
        self.pool = LeasePool(self.limits, horizon=lease_horizon, max_lease=max_lease)
        self._plan = Plan(self.limits, prefix, self.pool)
        self._lease = redis.register_script(LEASE_SCRIPT)
        self._observe = redis.register_script(OBSERVE_SCRIPT)
        self.fallback = LocalRateLimiter(self.limits, share=fallback_share)
        self._degraded = Degraded(describe_client(redis), retry_interval)

    @property
    def degraded(self) -> bool:
        """True while this process paces locally because Redis did not answer."""
        return self._degraded.down

    async def reserve(self, client: str, token: str | None) -> Slot:
        if self._degraded.skip_redis():
            return self.fallback.reserve(client, token)
        for _ in range(_LEASE_TRIES):
            now = time.monotonic()
            need = self.pool.take(client, token, now)
            if isinstance(need, Slot):
                return need
            lease_id = new_lease_id()
            keys = self._plan.keys(client, token)
            try:
                result = await self._lease(keys=keys, args=self._plan.lease_args(token, need, lease_id))
            except redis_errors() as exc:
                self._degraded.failed(exc)
                return self.fallback.reserve(client, token)
            self._degraded.answered()
            refused = self._plan.leased(result, client, token, need, lease_id, now)
            if refused is not None:
                return refused
        # Other threads took every slot this call leased: ask again at once, behind them.
        return Slot(False, 0.0)

    async def observe(self, client: str, status: int, retry_after: float | None) -> None:
        self.fallback.observe(client, status, retry_after)
        if self._degraded.skip_redis():
            return
        try:
            seen = await self._observe(
                keys=self._plan.keys(client, None)[2:], args=self._plan.observe_args(status, retry_after)
            )
        except redis_errors() as exc:
            self._degraded.failed(exc)
            return
        self._plan.observed(seen, client, status)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(redis={self._degraded.where!r}, limits={self.limits!r})"
