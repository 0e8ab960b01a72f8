"""RedisStore: one token shared by many processes and hosts, with a lock so exactly one refreshes.

Layout: ``key`` holds ``{"token": Token.to_dict(), "version": n}``; ``<key>:lock`` holds the lock.
A plain ``Token.to_dict()`` record (what ``KVStore`` writes on a Redis key, or another tool) is
read too, as version 0, and the first write over it migrates it to the versioned layout: the
write checks that the plain record is still byte for byte the one this store read.

The lock is ``SET lock owner NX PX ttl`` with a random owner, released by a Lua compare-and-delete
(the single-instance pattern of https://redis.io/docs/latest/develop/use/patterns/distributed-locks/):
a holder never deletes a lock that expired and was taken by another. While it is held, a
background thread (a task, for the async store) extends it every ``lock_ttl / 3`` with a Lua
compare-and-pexpire, so a token call that outlasts ``lock_ttl`` (slow network, retries) still
holds it; a crashed holder stops renewing and blocks the others for at most ``lock_ttl``.
Waiters poll until ``lock_timeout`` and then raise TokenStoreError.

Writes are compare-and-set in Lua: ``put`` succeeds only if the stored version is still the one
this store last read or wrote (or the key is absent, as after a restart without persistence: the
refresher's token is then the only copy), so a writer whose lock was lost can never overwrite a
newer token; it gets StaleTokenError and nothing is written. A write whose reply is lost (Redis
restarted mid-call) is reconciled by reading the record back (``stores.base``, point 5).

``redis`` is an optional extra: it is imported only for type checking and when an error is caught,
so ``import patreon_auth.stores`` works without it.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import random
import secrets
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from patreon_auth.errors import TokenStoreError
from patreon_auth.stores._backed import (
    AsyncBackedStore,
    BackedStore,
    Snapshot,
    decode_token,
    decode_token_data,
    is_json,
    parse_json,
)
from patreon_auth.stores._rescue import RescueFiles
from patreon_auth.stores.base import StaleTokenError
from patreon_auth.token import Token

if TYPE_CHECKING:
    import redis as redis_sync
    import redis.asyncio as redis_async

logger = logging.getLogger("patreon.stores")

DEFAULT_LOCK_TTL = 30.0
_POLL_MIN = 0.005
_POLL_MAX = 0.05

# ARGV: expected version, new record, the plain record this store read ("" if none).
# Returns {1, 0} written, {0, stored_version} stale, {2, 0} the key holds something else.
_CAS_SCRIPT = """
local raw = redis.call('GET', KEYS[1])
if raw then
  local ok, doc = pcall(cjson.decode, raw)
  if not ok or type(doc) ~= 'table' then
    return {2, 0}
  end
  if type(doc['version']) == 'number' and type(doc['token']) == 'table' then
    if doc['version'] ~= tonumber(ARGV[1]) then
      return {0, doc['version']}
    end
  elseif type(doc['access_token']) == 'string' then
    if raw ~= ARGV[3] then
      return {0, 0}
    end
  else
    return {2, 0}
  end
end
redis.call('SET', KEYS[1], ARGV[2])
return {1, 0}
"""

_RENEW_SCRIPT = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
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


def _parse_record(raw: object, *, key: str) -> Snapshot:
    """A versioned record, or a plain token (version 0, remembered by its bytes for the CAS)."""
    source = f"Redis key {key!r}"
    if not isinstance(raw, str | bytes):
        raise TokenStoreError(f"{source} holds a {type(raw).__name__}, not a token record")
    record = parse_json(raw)
    if not is_json(record):
        raise TokenStoreError(f"{source} does not hold valid token JSON")
    if not isinstance(record, dict) or "token" not in record:
        # A bare Token.to_dict() (KVStore, another tool) reads as version 0 until our first write.
        plain = raw if isinstance(raw, bytes) else raw.encode()
        return Snapshot(decode_token(raw, source=source), _Version(0, plain))
    version = record.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise TokenStoreError(f"{source} holds a token record without an integer version")
    return Snapshot(decode_token_data(record["token"], source=source), _Version(version, b""))


@attrs.frozen
class _Version:
    """The record version; for a plain (unversioned) record, also its exact bytes."""

    number: int
    plain: bytes


def _cas_args(token: Token, expected: Snapshot) -> tuple[list[Any], int]:
    version = expected.version if isinstance(expected.version, _Version) else _Version(0, b"")
    new_version = version.number + 1
    return [version.number, _encode_record(token, new_version), version.plain], new_version


def _encode_record(token: Token, version: int) -> str:
    return json.dumps({"token": token.to_dict(), "version": version}, sort_keys=True, separators=(",", ":"))


def _check_cas(result: Any, *, key: str, expected: int) -> None:
    status, stored = int(result[0]), int(result[1])
    if status == 1:
        return
    if status == 0:
        raise StaleTokenError(
            f"another token was stored under Redis key {key!r} (version {stored}; this store last "
            f"saw version {expected}); not overwritten"
        )
    raise TokenStoreError(f"Redis key {key!r} holds something that is not a token record; not overwritten")


def _renew_every(lock_ttl: float) -> float:
    # A third of the TTL: two renewals can fail (a blip) before the lock lapses.
    return max(lock_ttl / 3, 0.001)


def _next_delay(delay: float) -> float:
    # Jitter keeps many waiters from polling in lockstep after a release.
    return min(delay * 2, _POLL_MAX) * random.uniform(0.5, 1.0)


class _Renewal:
    """Extends a held Redis lock every ``lock_ttl / 3`` in a daemon thread until stopped."""

    def __init__(self, renew: Callable[[], Any], every: float, lock_key: str) -> None:
        self._renew = renew
        self._every = every
        self._lock_key = lock_key
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"renew {lock_key}", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self._every):
            try:
                if not self._renew():
                    # Expired and perhaps taken: our writes are still compare-and-set, so a holder
                    # that lost its lock can never overwrite a newer token.
                    logger.warning("lost the Redis lock %r while holding it", self._lock_key)
                    return
            except _redis_errors() as exc:
                logger.warning("renewing the Redis lock %r failed (%s)", self._lock_key, type(exc).__name__)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


class RedisStore(BackedStore):
    """Shares the token through Redis (redis-py client) with a renewed TTL lock and compare-and-set writes."""

    def __init__(
        self,
        redis: redis_sync.Redis,
        key: str,
        *,
        lock_ttl: float = DEFAULT_LOCK_TTL,
        lock_timeout: float | None = None,
        rescue_path: str | os.PathLike[str] | None = None,
    ) -> None:
        super().__init__(rescue=RescueFiles([Path(rescue_path)]) if rescue_path is not None else None)
        self._redis = redis
        self.key = key
        self._where = f"Redis key {key!r}"
        self.lock_key = f"{key}:lock"
        self.lock_ttl = lock_ttl
        # Waiting a little longer than one TTL outlives a crashed holder's lock.
        self.lock_timeout = lock_timeout if lock_timeout is not None else 2 * lock_ttl
        self._cas = redis.register_script(_CAS_SCRIPT)
        self._release = redis.register_script(_RELEASE_SCRIPT)
        self._renew = redis.register_script(_RENEW_SCRIPT)
        self._thread_lock = threading.Lock()

    def _read(self) -> Snapshot:
        try:
            raw = self._redis.get(self.key)
        except _redis_errors() as exc:
            raise TokenStoreError(f"reading Redis key {self.key!r} failed ({type(exc).__name__})") from exc
        if raw is None:
            return Snapshot(None)
        return _parse_record(raw, key=self.key)

    def _write(self, token: Token, expected: Snapshot) -> Snapshot:
        args, new_version = _cas_args(token, expected)
        try:
            result = self._cas(keys=[self.key], args=args)
        except _redis_errors() as exc:
            raise TokenStoreError(
                f"writing Redis key {self.key!r} failed ({type(exc).__name__}); it may not be stored"
            ) from exc
        _check_cas(result, key=self.key, expected=int(args[0]))
        return Snapshot(token, _Version(new_version, b""))

    def _px(self) -> int:
        return max(1, int(self.lock_ttl * 1000))

    def _acquire(self, owner: str, deadline: float) -> None:
        delay = _POLL_MIN
        while True:
            try:
                if self._redis.set(self.lock_key, owner, nx=True, px=self._px()):
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
    def _lock(self) -> Iterator[None]:
        deadline = time.monotonic() + self.lock_timeout
        # Threads of this process queue here instead of all polling Redis.
        if not self._thread_lock.acquire(timeout=self.lock_timeout):
            raise TokenStoreError(
                f"timed out after {self.lock_timeout:g}s waiting for the Redis lock {self.lock_key!r}"
            )
        try:
            owner = secrets.token_hex(16)
            self._acquire(owner, deadline)
            renewal = _Renewal(
                lambda: self._renew(keys=[self.lock_key], args=[owner, self._px()]),
                _renew_every(self.lock_ttl),
                self.lock_key,
            )
            try:
                yield
            finally:
                renewal.stop()
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
        rescue_path: str | os.PathLike[str] | None = None,
    ) -> None:
        super().__init__(rescue=RescueFiles([Path(rescue_path)]) if rescue_path is not None else None)
        self._redis = redis
        self.key = key
        self._where = f"Redis key {key!r}"
        self.lock_key = f"{key}:lock"
        self.lock_ttl = lock_ttl
        self.lock_timeout = lock_timeout if lock_timeout is not None else 2 * lock_ttl
        self._cas = redis.register_script(_CAS_SCRIPT)
        self._release = redis.register_script(_RELEASE_SCRIPT)
        self._renew = redis.register_script(_RENEW_SCRIPT)
        self._task_lock = asyncio.Lock()

    async def _read(self) -> Snapshot:
        try:
            raw = await self._redis.get(self.key)
        except _redis_errors() as exc:
            raise TokenStoreError(f"reading Redis key {self.key!r} failed ({type(exc).__name__})") from exc
        if raw is None:
            return Snapshot(None)
        return _parse_record(raw, key=self.key)

    async def _write(self, token: Token, expected: Snapshot) -> Snapshot:
        args, new_version = _cas_args(token, expected)
        try:
            result = await self._cas(keys=[self.key], args=args)
        except _redis_errors() as exc:
            raise TokenStoreError(
                f"writing Redis key {self.key!r} failed ({type(exc).__name__}); it may not be stored"
            ) from exc
        _check_cas(result, key=self.key, expected=int(args[0]))
        return Snapshot(token, _Version(new_version, b""))

    def _px(self) -> int:
        return max(1, int(self.lock_ttl * 1000))

    async def _acquire(self, owner: str, deadline: float) -> None:
        delay = _POLL_MIN
        while True:
            try:
                acquired = await self._redis.set(self.lock_key, owner, nx=True, px=self._px())
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

    async def _keep_renewing(self, owner: str) -> None:
        every = _renew_every(self.lock_ttl)
        while True:
            await asyncio.sleep(every)
            try:
                if not await self._renew(keys=[self.lock_key], args=[owner, self._px()]):
                    logger.warning("lost the Redis lock %r while holding it", self.lock_key)
                    return
            except _redis_errors() as exc:
                logger.warning("renewing the Redis lock %r failed (%s)", self.lock_key, type(exc).__name__)

    @contextlib.asynccontextmanager
    async def _lock(self) -> AsyncIterator[None]:
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
            renewal = asyncio.create_task(self._keep_renewing(owner))
            try:
                yield
            finally:
                renewal.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await renewal
                with contextlib.suppress(*_redis_errors()):
                    await self._release(keys=[self.lock_key], args=[owner])
        finally:
            self._task_lock.release()

    def __repr__(self) -> str:
        return f"AsyncRedisStore(redis={_describe_client(self._redis)!r}, key={self.key!r})"
