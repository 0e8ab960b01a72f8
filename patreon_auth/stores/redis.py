"""RedisStore: one token shared by many processes and hosts, with a lock so exactly one refreshes.

Layout: ``key`` holds ``{"token": Token.to_dict(), "version": n}``; ``<key>:lock`` holds the lock.

The lock is ``SET lock owner NX PX ttl`` with a random owner, released by a Lua compare-and-delete
(the single-instance pattern of https://redis.io/docs/latest/develop/use/patterns/distributed-locks/):
a holder never deletes a lock that expired and was taken by another, and a crashed holder blocks
the others for at most ``lock_ttl`` seconds. So ``lock_ttl`` must exceed one refresh (a token
request plus a write); waiters poll until ``lock_timeout`` and then raise TokenStoreError.

Writes are compare-and-set in Lua: ``put`` succeeds only if the stored version is still the one
this store last read or wrote (or the key is absent), so a writer whose lock expired under it can
never overwrite a newer token; it gets StaleTokenError and nothing is written.

``redis`` is an optional extra: it is imported only for type checking and when an error is caught,
so ``import patreon_auth.stores`` works without it.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import secrets
import threading
import time
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any

from patreon_auth.errors import TokenStoreError
from patreon_auth.stores._backed import (
    AsyncBackedStore,
    BackedStore,
    StaleTokenError,
    decode_token,
    decode_token_data,
)
from patreon_auth.token import Token

if TYPE_CHECKING:
    import redis as redis_sync
    import redis.asyncio as redis_async

DEFAULT_LOCK_TTL = 30.0
_POLL_MIN = 0.005
_POLL_MAX = 0.05

# Returns {1, 0} written, {0, stored_version} stale, {2, 0} the key holds something else.
_CAS_SCRIPT = """
local raw = redis.call('GET', KEYS[1])
if raw then
  local ok, doc = pcall(cjson.decode, raw)
  if not ok or type(doc) ~= 'table' or type(doc['version']) ~= 'number' then
    return {2, 0}
  end
  if doc['version'] ~= tonumber(ARGV[1]) then
    return {0, doc['version']}
  end
end
redis.call('SET', KEYS[1], ARGV[2])
return {1, 0}
"""

_RELEASE_SCRIPT = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
"""


def _redis_errors() -> tuple[type[Exception], ...]:
    # Lazy: the caller handed us a client, so redis is installed whenever this runs.
    from redis.exceptions import RedisError

    return (RedisError, OSError)


def _describe_client(client: object) -> str:
    """host:port/db of the client, never its password or username."""
    pool = getattr(client, "connection_pool", None)
    kwargs = getattr(pool, "connection_kwargs", None)
    if not isinstance(kwargs, dict):
        return f"<{type(client).__qualname__}>"
    if kwargs.get("path"):
        return f"unix://{kwargs['path']}?db={kwargs.get('db', 0)}"
    return f"redis://{kwargs.get('host', 'localhost')}:{kwargs.get('port', 6379)}/{kwargs.get('db', 0)}"


def _parse_record(raw: object, *, key: str) -> tuple[Token, int]:
    source = f"Redis key {key!r}"
    if not isinstance(raw, str | bytes):
        raise TokenStoreError(f"{source} holds a {type(raw).__name__}, not a token record")
    try:
        record = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise TokenStoreError(f"{source} does not hold valid token JSON") from None
    if not isinstance(record, dict) or "token" not in record:
        # A bare Token.to_dict() (written by another tool) still reads, as version 0.
        return decode_token(raw, source=source), 0
    version = record.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise TokenStoreError(f"{source} holds a token record without an integer version")
    return decode_token_data(record["token"], source=source), version


def _encode_record(token: Token, version: int) -> str:
    return json.dumps({"token": token.to_dict(), "version": version}, sort_keys=True, separators=(",", ":"))


def _check_cas(result: Any, *, key: str, expected: int) -> None:
    status, stored = int(result[0]), int(result[1])
    if status == 1:
        return
    if status == 0:
        raise StaleTokenError(
            f"a newer token was stored under Redis key {key!r} (version {stored}; this store last "
            f"saw version {expected}); not overwritten"
        )
    raise TokenStoreError(f"Redis key {key!r} holds something that is not a token record; not overwritten")


def _next_delay(delay: float) -> float:
    # Jitter keeps many waiters from polling in lockstep after a release.
    return min(delay * 2, _POLL_MAX) * random.uniform(0.5, 1.0)


class RedisStore(BackedStore):
    """Shares the token through Redis (redis-py client) with a TTL lock and compare-and-set writes."""

    def __init__(
        self,
        redis: redis_sync.Redis,
        key: str,
        *,
        lock_ttl: float = DEFAULT_LOCK_TTL,
        lock_timeout: float | None = None,
    ) -> None:
        super().__init__()
        self._redis = redis
        self.key = key
        self.lock_key = f"{key}:lock"
        self.lock_ttl = lock_ttl
        # Waiting a little longer than one TTL outlives a crashed holder's lock.
        self.lock_timeout = lock_timeout if lock_timeout is not None else 2 * lock_ttl
        self._version = 0
        self._cas = redis.register_script(_CAS_SCRIPT)
        self._release = redis.register_script(_RELEASE_SCRIPT)
        self._thread_lock = threading.Lock()

    def _load(self) -> Token | None:
        try:
            raw = self._redis.get(self.key)
        except _redis_errors() as exc:
            raise TokenStoreError(f"reading Redis key {self.key!r} failed ({type(exc).__name__})") from exc
        if raw is None:
            self._version = 0
            return None
        token, self._version = _parse_record(raw, key=self.key)
        return token

    def _save(self, token: Token) -> None:
        expected = self._version
        try:
            result = self._cas(keys=[self.key], args=[expected, _encode_record(token, expected + 1)])
        except _redis_errors() as exc:
            raise TokenStoreError(
                f"writing Redis key {self.key!r} failed ({type(exc).__name__}); not stored"
            ) from exc
        _check_cas(result, key=self.key, expected=expected)
        self._version = expected + 1

    def _acquire(self, owner: str, deadline: float) -> None:
        delay = _POLL_MIN
        while True:
            try:
                if self._redis.set(self.lock_key, owner, nx=True, px=max(1, int(self.lock_ttl * 1000))):
                    return
            except _redis_errors() as exc:
                raise TokenStoreError(
                    f"taking the Redis lock {self.lock_key!r} failed ({type(exc).__name__})"
                ) from exc
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TokenStoreError(
                    f"timed out after {self.lock_timeout:g}s waiting for the Redis lock {self.lock_key!r}"
                )
            time.sleep(min(delay, remaining))
            delay = _next_delay(delay)

    @contextlib.contextmanager
    def refresh_lock(self) -> Iterator[None]:
        deadline = time.monotonic() + self.lock_timeout
        # Threads of this process queue here instead of all polling Redis.
        if not self._thread_lock.acquire(timeout=self.lock_timeout):
            raise TokenStoreError(
                f"timed out after {self.lock_timeout:g}s waiting for the Redis lock {self.lock_key!r}"
            )
        try:
            owner = secrets.token_hex(16)
            self._acquire(owner, deadline)
            try:
                yield
            finally:
                # If Redis is unreachable now, the lock expires by itself after lock_ttl.
                with contextlib.suppress(*_redis_errors()):
                    self._release(keys=[self.lock_key], args=[owner])
        finally:
            self._thread_lock.release()

    def __repr__(self) -> str:
        return f"RedisStore(redis={_describe_client(self._redis)!r}, key={self.key!r})"


class AsyncRedisStore(AsyncBackedStore):
    """Async twin of RedisStore, for a ``redis.asyncio`` client."""

    def __init__(
        self,
        redis: redis_async.Redis,
        key: str,
        *,
        lock_ttl: float = DEFAULT_LOCK_TTL,
        lock_timeout: float | None = None,
    ) -> None:
        super().__init__()
        self._redis = redis
        self.key = key
        self.lock_key = f"{key}:lock"
        self.lock_ttl = lock_ttl
        self.lock_timeout = lock_timeout if lock_timeout is not None else 2 * lock_ttl
        self._version = 0
        self._cas = redis.register_script(_CAS_SCRIPT)
        self._release = redis.register_script(_RELEASE_SCRIPT)
        self._task_lock = asyncio.Lock()

    async def _load(self) -> Token | None:
        try:
            raw = await self._redis.get(self.key)
        except _redis_errors() as exc:
            raise TokenStoreError(f"reading Redis key {self.key!r} failed ({type(exc).__name__})") from exc
        if raw is None:
            self._version = 0
            return None
        token, self._version = _parse_record(raw, key=self.key)
        return token

    async def _save(self, token: Token) -> None:
        expected = self._version
        try:
            result = await self._cas(keys=[self.key], args=[expected, _encode_record(token, expected + 1)])
        except _redis_errors() as exc:
            raise TokenStoreError(
                f"writing Redis key {self.key!r} failed ({type(exc).__name__}); not stored"
            ) from exc
        _check_cas(result, key=self.key, expected=expected)
        self._version = expected + 1

    async def _acquire(self, owner: str, deadline: float) -> None:
        delay = _POLL_MIN
        while True:
            try:
                acquired = await self._redis.set(
                    self.lock_key, owner, nx=True, px=max(1, int(self.lock_ttl * 1000))
                )
            except _redis_errors() as exc:
                raise TokenStoreError(
                    f"taking the Redis lock {self.lock_key!r} failed ({type(exc).__name__})"
                ) from exc
            if acquired:
                return
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TokenStoreError(
                    f"timed out after {self.lock_timeout:g}s waiting for the Redis lock {self.lock_key!r}"
                )
            await asyncio.sleep(min(delay, remaining))
            delay = _next_delay(delay)

    @contextlib.asynccontextmanager
    async def refresh_lock(self) -> AsyncIterator[None]:
        deadline = time.monotonic() + self.lock_timeout
        try:
            # asyncio.Lock.acquire is cancel-safe, so a timeout never leaves it held.
            async with asyncio.timeout(self.lock_timeout):
                await self._task_lock.acquire()
        except TimeoutError:
            raise TokenStoreError(
                f"timed out after {self.lock_timeout:g}s waiting for the Redis lock {self.lock_key!r}"
            ) from None
        try:
            owner = secrets.token_hex(16)
            await self._acquire(owner, deadline)
            try:
                yield
            finally:
                with contextlib.suppress(*_redis_errors()):
                    await self._release(keys=[self.lock_key], args=[owner])
        finally:
            self._task_lock.release()

    def __repr__(self) -> str:
        return f"AsyncRedisStore(redis={_describe_client(self._redis)!r}, key={self.key!r})"
