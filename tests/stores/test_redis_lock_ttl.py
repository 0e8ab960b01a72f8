"""Issue 21: the Redis store's refresh lock outlives the token call it guards, by default.

The token call under the lock may take every phase of the client's timeout in turn (a pooled
connection, connecting, sending, the answer: 95 s with DEFAULT_TIMEOUT); a lock that lapsed
before it (the old default was 30 s) let a second process refresh the same single-use token
whenever the holder's renewals failed. Checked on a real redis-server, sync and async.
"""

from __future__ import annotations

from typing import Any

import httpx

from patreon_auth.stores import AsyncRedisStore, RedisStore
from patreon_auth.stores._redis_core import call_budget
from patreon_auth.stores.redis import DEFAULT_LOCK_TTL
from patreon_runtime.sender import DEFAULT_TIMEOUT
from tests.modes import ModeDriver

KEY = "patreon:lock-ttl"


def test_the_budget_adds_every_phase_of_the_timeout() -> None:
    assert call_budget(httpx.Timeout(30.0, connect=5.0)) == 95.0
    assert call_budget(httpx.Timeout(1.0, read=None)) == 3603.0  # unbounded: an hour
    assert call_budget(DEFAULT_TIMEOUT) < DEFAULT_LOCK_TTL


def test_the_default_lock_outlives_the_token_call(mode: ModeDriver, mode_redis: Any) -> None:
    store = mode.store((RedisStore, AsyncRedisStore), mode_redis, KEY)
    with store.refresh_lock():
        ttl_ms = mode.run(mode_redis.pttl(f"{KEY}:lock"))
    # What is left of the lease if no renewal ever lands, measured in Redis itself.
    assert ttl_ms > call_budget(DEFAULT_TIMEOUT) * 1000
    assert mode.run(mode_redis.get(f"{KEY}:lock")) is None
