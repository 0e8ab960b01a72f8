"""AsyncRedisStore: one token shared by many processes and hosts, with a lock so exactly one refreshes.

The async twin is the source: generator/unasync.py writes the sync one (RedisStore) from it. See
patreon_auth/stores/redis.py for the record layout, the lock and its renewal, and the
compare-and-set.
"""

from __future__ import annotations

import contextlib
import secrets
import time
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from patreon_auth._redis_client import describe_client, redis_errors
from patreon_auth.errors import TokenStoreError
from patreon_auth.stores._async.backed import AsyncBackedStore
from patreon_auth.stores._backed import Snapshot
from patreon_auth.stores._concurrency import AsyncOps
from patreon_auth.stores._redis_core import (
    _CAS_SCRIPT,
    _RELEASE_SCRIPT,
    _RENEW_SCRIPT,
    _UNSTICK_SCRIPT,
    DEFAULT_LOCK_TTL,
    POLL_MIN,
    WRITE_BACK_FIRST,
    WriteBack,
    _cas_args,
    _check_cas,
    _next_delay,
    _parse_record,
    _renew_every,
    _Version,
    log_unstuck,
    redis_rescue_files,
    renewing_in_task,
)
from patreon_auth.stores._rescue import DEFAULT_RESCUE, RescuePath
from patreon_auth.token import Token

if TYPE_CHECKING:
    from redis.asyncio import Redis


class AsyncRedisStore(AsyncBackedStore):
    """Shares the token through Redis (a ``redis.asyncio.Redis`` client) with a renewed TTL lock and
    compare-and-set writes.

    A token it could not write (Redis down, restarted, a reply lost) is kept pending and written
    back in the background as soon as Redis answers (first after ``write_back_after`` seconds,
    then at most every WRITE_BACK_MAX), not only at the next ``get()``: a process whose cached
    token stays valid may not call ``get()`` for weeks, while the others find Redis empty.

    It is also kept in a 0600 rescue file (``rescue_path``, by default in the user's state
    directory, ``$XDG_STATE_HOME/patreonkit/rescue/``, named from the Redis server and the key),
    so a process that exits before Redis answers again leaves it for the next store of that key
    on that server on this host; ``rescue_path=None`` keeps it in memory only.
    """

    def __init__(
        self,
        redis: Redis,
        key: str,
        *,
        lock_ttl: float = DEFAULT_LOCK_TTL,
        lock_timeout: float | None = None,
        rescue_path: RescuePath = DEFAULT_RESCUE,
        write_back_after: float = WRITE_BACK_FIRST,
    ) -> None:
        super().__init__(rescue=redis_rescue_files(rescue_path, key, server=describe_client(redis)))
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
        self._unstick = redis.register_script(_UNSTICK_SCRIPT)
        # This process's tasks (threads, for the sync store) queue here instead of all polling Redis.
        self._local_lock = AsyncOps.lock()
        self._write_back = WriteBack(self.get, lambda: self.pending_token, self._where, write_back_after)

    # Each public call that may leave a token pending makes sure a write-back runs for it.

    async def get(self) -> Token | None:
        try:
            return await super().get()
        finally:
            self._write_back.start()

    async def put(self, token: Token) -> None:
        try:
            await super().put(token)
        finally:
            self._write_back.start()

    async def replace(self, token: Token) -> None:
        try:
            await super().replace(token)
        finally:
            self._write_back.start()

    async def compare_and_set(self, expected: Token | None, new: Token) -> None:
        try:
            await super().compare_and_set(expected, new)
        finally:
            self._write_back.start()

    async def _read(self) -> Snapshot:
        try:
            raw = await self._redis.get(self.key)
        except redis_errors() as exc:
            raise TokenStoreError(f"reading Redis key {self.key!r} failed ({type(exc).__name__})") from exc
        if raw is None:
            return Snapshot(None)
        return _parse_record(raw, key=self.key)

    async def _write(self, token: Token, expected: Snapshot) -> Snapshot:
        args, new_version = _cas_args(token, expected)
        try:
            result = await self._cas(keys=[self.key], args=args)
        except redis_errors() as exc:
            raise TokenStoreError(
                f"writing Redis key {self.key!r} failed ({type(exc).__name__}); it may not be stored"
            ) from exc
        _check_cas(result, key=self.key, expected=int(args[0]))
        return Snapshot(token, _Version(new_version, b""))

    def _px(self) -> int:
        return max(1, int(self.lock_ttl * 1000))

    def _timed_out(self) -> TokenStoreError:
        return TokenStoreError(
            f"timed out after {self.lock_timeout:g}s waiting for the Redis lock {self.lock_key!r}"
        )

    async def _acquire(self, owner: str, deadline: float) -> None:
        delay = POLL_MIN
        checked = False
        while True:
            try:
                acquired = await self._redis.set(self.lock_key, owner, nx=True, px=self._px())
                if not acquired and not checked:
                    checked = True
                    if await self._unstick(keys=[self.lock_key], args=[self._px()]):
                        log_unstuck(self.lock_key, self.lock_ttl)
            except redis_errors() as exc:
                raise TokenStoreError(
                    f"taking the Redis lock {self.lock_key!r} failed ({type(exc).__name__})"
                ) from exc
            if acquired:
                return
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise self._timed_out()
            await AsyncOps.sleep(min(delay, remaining))
            delay = _next_delay(delay)

    async def _renew_lock(self, owner: str) -> object:
        return await self._renew(keys=[self.lock_key], args=[owner, self._px()])

    @contextlib.asynccontextmanager
    async def _lock(self) -> AsyncIterator[None]:
        deadline = time.monotonic() + self.lock_timeout
        if not await AsyncOps.acquire(self._local_lock, self.lock_timeout):
            raise self._timed_out()
        try:
            owner = secrets.token_hex(16)
            await self._acquire(owner, deadline)
            try:
                async with renewing_in_task(
                    lambda: self._renew_lock(owner), _renew_every(self.lock_ttl), self.lock_key
                ):
                    yield
            finally:
                # If Redis is unreachable now, the lock expires by itself after lock_ttl.
                with contextlib.suppress(*redis_errors()):
                    await self._release(keys=[self.lock_key], args=[owner])
        finally:
            self._local_lock.release()

    def __repr__(self) -> str:
        return f"AsyncRedisStore(redis={describe_client(self._redis)!r}, key={self.key!r})"


__all__ = ["AsyncRedisStore"]
