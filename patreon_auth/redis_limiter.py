"""RedisRateLimiter: one rate budget per client id and per token for every process on every host.

One Lua script checks and spends both budgets at once, so two workers never take the same slot,
and every time comes from Redis's own clock (``TIME``), so hosts whose clocks disagree still
agree on the window. The client id's budget is handed out as evenly spaced slots, in the order
workers ask (each worker sleeps until its slot, nobody polls); a token's budget is a sliding-window
log (a sorted set of send times). Both are the strictest reading of "100 requests per 2 s"
[PD _rate_limits.md]: whatever window Patreon counts in, a sequence that fits every sliding
window fits it too.

Keys (all with the client id as hash tag, so one script touches one Redis Cluster slot):

- ``<prefix>:{<client>}:client``       the client id's next free slot (microseconds, Redis time)
- ``<prefix>:{<client>}:token:<hash>`` send times of one token (a hash of it, never the token)
- ``<prefix>:{<client>}:errors``       times of 4xx answers, for the edge budget
- ``<prefix>:{<client>}:pause``        until when a 429 paused the client id (Redis time)

Redis is in the request path, so its failure must not stop requests that Patreon would take:
when a command fails the limiter logs one warning (logger ``patreon``), paces locally with a
LocalRateLimiter for ``retry_interval`` seconds, then tries Redis again (and logs when it is back).
"""

from __future__ import annotations

import logging
import secrets
import time
from typing import TYPE_CHECKING, Any

from patreon_runtime.rate_limit import EdgeBudgetExceededError, LocalRateLimiter, RateLimits, Slot

if TYPE_CHECKING:
    import redis as redis_sync
    import redis.asyncio as redis_async

logger = logging.getLogger("patreon.ratelimit")  # the fleet limiter beside the client's 429 records

DEFAULT_PREFIX = "patreon:rate"
DEFAULT_RETRY_INTERVAL = 5.0

# ARGV: client interval us (0: no client budget), token count, token window us (0: none), edge
# threshold, edge window us, member. KEYS: client next-slot, token window, errors, pause.
# Returns {0, wait_us} granted (send after wait), {1, wait_us} ask again, {2, seen} edge budget.
_RESERVE_SCRIPT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local paused = tonumber(redis.call('GET', KEYS[4]) or '0')
if paused > now then
  return {1, paused - now}
end
local edge = tonumber(ARGV[4])
if edge > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now - tonumber(ARGV[5]))
  local seen = redis.call('ZCARD', KEYS[3])
  if seen >= edge then
    return {2, seen}
  end
end
local token_count, token_window = tonumber(ARGV[2]), tonumber(ARGV[3])
if token_window > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - token_window)
  local n = redis.call('ZCARD', KEYS[2])
  if n >= token_count then
    local oldest = redis.call('ZRANGE', KEYS[2], n - token_count, n - token_count, 'WITHSCORES')
    return {1, math.max(1, tonumber(oldest[2]) + token_window - now)}
  end
end
local send_at = now
local interval = tonumber(ARGV[1])
if interval > 0 then
  send_at = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
  local next_slot = send_at + interval
  redis.call('SET', KEYS[1], string.format('%d', next_slot), 'PX', math.ceil((next_slot - now) / 1000) + 1000)
end
if token_window > 0 then
  redis.call('ZADD', KEYS[2], send_at, ARGV[6])
  redis.call('PEXPIRE', KEYS[2], math.ceil((send_at - now + token_window) / 1000) + 1000)
end
return {0, send_at - now}
"""

# ARGV: edge window us (0: not counted), pause us (0: no pause), member. KEYS: errors, pause.
_OBSERVE_SCRIPT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local window = tonumber(ARGV[1])
if window > 0 then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], math.ceil(window / 1000) + 1000)
end
local pause = tonumber(ARGV[2])
if pause > 0 then
  local until_us = now + pause
  local current = tonumber(redis.call('GET', KEYS[2]) or '0')
  if until_us > current then
    redis.call('SET', KEYS[2], string.format('%d', until_us), 'PX', math.ceil(pause / 1000) + 1000)
  end
end
return 1
"""

_MICRO = 1_000_000


def _redis_errors() -> tuple[type[Exception], ...]:
    from redis.exceptions import RedisError

    return (RedisError, OSError)


def _micros(seconds: float) -> int:
    return int(seconds * _MICRO)


class _Plan:
    """Keys and arguments of both scripts for one limiter configuration (no I/O)."""

    def __init__(self, limits: RateLimits, prefix: str) -> None:
        self.limits = limits
        self.prefix = prefix

    def keys(self, client: str, token: str | None) -> list[str]:
        base = f"{self.prefix}:{{{client}}}"
        return [f"{base}:client", f"{base}:token:{token or '-'}", f"{base}:errors", f"{base}:pause"]

    def reserve_args(self, token: str | None) -> list[Any]:
        limits = self.limits
        client, per_token = limits.per_client, limits.per_token if token is not None else None
        edge_window = limits.edge_errors[1] if limits.edge_errors is not None else 0.0
        return [
            _micros(limits.interval(client)) if client else 0,
            per_token[0] if per_token else 0,
            _micros(limits.window(per_token)) if per_token else 0,
            limits.edge_threshold,
            _micros(edge_window),
            secrets.token_hex(8),
        ]

    def observe_args(self, status: int, retry_after: float | None) -> list[Any]:
        edge = self.limits.edge_errors
        counted = _micros(edge[1]) if edge is not None and 400 <= status < 500 else 0
        pause = _micros(retry_after) if status == 429 and retry_after else 0
        return [counted, pause, secrets.token_hex(8)]

    def outcome(self, result: Any, client: str) -> Slot:
        code, value = int(result[0]), int(result[1])
        if code == 2:
            raise EdgeBudgetExceededError(client=client, seen=value, limits=self.limits)
        return Slot(code == 0, value / _MICRO, self.limits.late_after)


class _Degraded:
    """When Redis failed, and the one warning that says so."""

    def __init__(self, where: str, retry_interval: float) -> None:
        self.where = where
        self.retry_interval = retry_interval
        self.until = 0.0
        self.down = False

    def skip_redis(self) -> bool:
        return self.down and time.monotonic() < self.until

    def failed(self, exc: Exception) -> None:
        self.until = time.monotonic() + self.retry_interval
        if not self.down:
            self.down = True
            logger.warning(
                "Redis rate limiter at %s unreachable (%s); pacing this process locally until it answers",
                self.where,
                type(exc).__name__,
            )

    def answered(self) -> None:
        if self.down:
            self.down = False
            logger.info("Redis rate limiter at %s answers again; sharing the fleet's budget", self.where)


def _describe(client: object) -> str:
    """host:port/db, never a password."""
    kwargs = getattr(getattr(client, "connection_pool", None), "connection_kwargs", None)
    if not isinstance(kwargs, dict):
        return f"<{type(client).__qualname__}>"
    return f"redis://{kwargs.get('host', 'localhost')}:{kwargs.get('port', 6379)}/{kwargs.get('db', 0)}"


class RedisRateLimiter:
    """The fleet's budgets in Redis (a redis-py client); see the module docstring for the layout.

    ``fallback_share`` is the share of each budget a process uses while Redis is down: 1.0 keeps
    every call going at a single worker's full pace (Patreon's 429s, still honoured, catch the
    overlap); 1/N for N workers stays under the limits at the cost of speed.
    """

    def __init__(
        self,
        redis: redis_sync.Redis,
        limits: RateLimits | None = None,
        *,
        prefix: str = DEFAULT_PREFIX,
        retry_interval: float = DEFAULT_RETRY_INTERVAL,
        fallback_share: float = 1.0,
    ) -> None:
        self.limits = limits if limits is not None else RateLimits()
        self._redis = redis
        self._plan = _Plan(self.limits, prefix)
        self._reserve = redis.register_script(_RESERVE_SCRIPT)
        self._observe = redis.register_script(_OBSERVE_SCRIPT)
        self.fallback = LocalRateLimiter(self.limits, share=fallback_share)
        self._degraded = _Degraded(_describe(redis), retry_interval)

    @property
    def degraded(self) -> bool:
        """True while this process paces locally because Redis did not answer."""
        return self._degraded.down

    def reserve(self, client: str, token: str | None) -> Slot:
        if self._degraded.skip_redis():
            return self.fallback.reserve(client, token)
        try:
            result = self._reserve(keys=self._plan.keys(client, token), args=self._plan.reserve_args(token))
        except _redis_errors() as exc:
            self._degraded.failed(exc)
            return self.fallback.reserve(client, token)
        self._degraded.answered()
        return self._plan.outcome(result, client)

    def observe(self, client: str, status: int, retry_after: float | None) -> None:
        self.fallback.observe(client, status, retry_after)
        if self._degraded.skip_redis():
            return
        try:
            self._observe(
                keys=self._plan.keys(client, None)[2:], args=self._plan.observe_args(status, retry_after)
            )
        except _redis_errors() as exc:
            self._degraded.failed(exc)

    def __repr__(self) -> str:
        return f"RedisRateLimiter(redis={self._degraded.where!r}, limits={self.limits!r})"


class AsyncRedisRateLimiter:
    """Async twin of RedisRateLimiter, for a ``redis.asyncio`` client (same keys: they interoperate)."""

    def __init__(
        self,
        redis: redis_async.Redis,
        limits: RateLimits | None = None,
        *,
        prefix: str = DEFAULT_PREFIX,
        retry_interval: float = DEFAULT_RETRY_INTERVAL,
        fallback_share: float = 1.0,
    ) -> None:
        self.limits = limits if limits is not None else RateLimits()
        self._redis = redis
        self._plan = _Plan(self.limits, prefix)
        self._reserve = redis.register_script(_RESERVE_SCRIPT)
        self._observe = redis.register_script(_OBSERVE_SCRIPT)
        self.fallback = LocalRateLimiter(self.limits, share=fallback_share)
        self._degraded = _Degraded(_describe(redis), retry_interval)

    @property
    def degraded(self) -> bool:
        return self._degraded.down

    async def reserve(self, client: str, token: str | None) -> Slot:
        if self._degraded.skip_redis():
            return self.fallback.reserve(client, token)
        try:
            result = await self._reserve(
                keys=self._plan.keys(client, token), args=self._plan.reserve_args(token)
            )
        except _redis_errors() as exc:
            self._degraded.failed(exc)
            return self.fallback.reserve(client, token)
        self._degraded.answered()
        return self._plan.outcome(result, client)

    async def observe(self, client: str, status: int, retry_after: float | None) -> None:
        self.fallback.observe(client, status, retry_after)
        if self._degraded.skip_redis():
            return
        try:
            await self._observe(
                keys=self._plan.keys(client, None)[2:], args=self._plan.observe_args(status, retry_after)
            )
        except _redis_errors() as exc:
            self._degraded.failed(exc)

    def __repr__(self) -> str:
        return f"AsyncRedisRateLimiter(redis={self._degraded.where!r}, limits={self.limits!r})"


__all__ = ["AsyncRedisRateLimiter", "RedisRateLimiter"]
