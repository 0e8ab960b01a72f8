"""What RedisStore and AsyncRedisStore share: the Lua scripts, the record layout, lock renewal.

The stores themselves are twins (patreon_auth/stores/_async/redis.py, and the sync one generated
from it); patreon_auth/stores/redis.py describes the layout, the lock and the compare-and-set.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import inspect
import json
import logging
import random
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any, cast

import attrs
import httpx

from patreon_auth._redis_client import redis_errors
from patreon_auth.errors import TokenStoreError
from patreon_auth.stores._backed import Snapshot, decode_token, decode_token_data, is_json, parse_json
from patreon_auth.stores._rescue import (
    RESCUE_SUFFIX,
    RescueFiles,
    RescuePath,
    _DefaultRescue,
    default_fallback_dir,
    key_slug,
)
from patreon_auth.stores.base import StaleTokenError
from patreon_auth.token import Token
from patreon_runtime.sender import DEFAULT_TIMEOUT

logger = logging.getLogger("patreon.stores")


def call_budget(timeout: httpx.Timeout) -> float:
    """The longest one HTTP call can take under ``timeout``: every phase it may wait in, in turn
    (a free connection from the pool, connecting, sending, the answer); an unbounded phase
    counts as an hour, far past any lock a caller would want."""
    phases = (timeout.pool, timeout.connect, timeout.write, timeout.read)
    return sum(phase if phase is not None else 3600.0 for phase in phases)


# The refresh lock outlives the token call it guards, by default: the call under the lock
# (with the clients' DEFAULT_TIMEOUT, 30 s per phase and 5 s to connect: 95 s) plus the store's
# own round trips. The lock is also renewed every lock_ttl / 3 while held; the TTL is what is
# left when renewals fail (a Redis blip, a blocked event loop), and how long a crashed holder
# blocks the others. Clients with longer timeouts should pass a longer lock_ttl.
_STORE_ROUND_TRIPS = 5.0
DEFAULT_LOCK_TTL = call_budget(DEFAULT_TIMEOUT) + _STORE_ROUND_TRIPS
POLL_MIN = 0.005
POLL_MAX = 0.05

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

# A lock key without a TTL is none this store set (every lock is SET with PX): garbage, or a
# tool's leftover. Left alone it would block every refresh forever; it gets the lock's TTL, so it
# lapses like a crashed holder's lock would. Returns 1 when it had no TTL.
_UNSTICK_SCRIPT = """
if redis.call('PTTL', KEYS[1]) == -1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  return 1
end
return 0
"""

_RELEASE_SCRIPT = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
"""


def redis_rescue_files(rescue_path: RescuePath, key: str, *, server: str) -> RescueFiles | None:
    """Where a token whose write to Redis failed is kept, so that a process exiting before Redis
    comes back does not take it along.

    ``DEFAULT_RESCUE`` (the default): the user's state directory, under a name made from the
    server (``describe_client``: host:port/db or the socket path, never credentials) and the key,
    so a new store of that key on that server, in any process of this host (after a restart
    too), finds it and writes it back under the Redis lock. A path given is used as it is; None
    keeps pending tokens in memory only (the background write-back still runs).
    """
    if rescue_path is None:
        return None
    if not isinstance(rescue_path, _DefaultRescue):
        return RescueFiles([Path(rescue_path)])
    directory = default_fallback_dir()
    if directory is None:
        return None
    # The digest, not the server's name, tells servers apart: a host name or a socket path may
    # hold anything, and only the key's slug is kept readable for whoever looks in the directory.
    digest = hashlib.sha256(f"{server}\0{key}".encode()).hexdigest()[:16]
    return RescueFiles([directory / f"redis-{key_slug(key)[:40]}-{digest}{RESCUE_SUFFIX}"])


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


def log_unstuck(lock_key: str, lock_ttl: float) -> None:
    logger.warning(
        "the Redis lock %r had no expiry (no store sets such a lock: garbage or another tool's key); "
        "it now expires in %g s like a crashed holder's lock",
        lock_key,
        lock_ttl,
    )


def _renew_every(lock_ttl: float) -> float:
    # A third of the TTL: two renewals can fail (a blip) before the lock lapses.
    return max(lock_ttl / 3, 0.001)


def _next_delay(delay: float) -> float:
    # Jitter keeps many waiters from polling in lockstep after a release.
    return min(delay * 2, POLL_MAX) * random.uniform(0.5, 1.0)


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
            except redis_errors() as exc:
                logger.warning("renewing the Redis lock %r failed (%s)", self._lock_key, type(exc).__name__)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


@contextlib.contextmanager
def renewing_in_thread(renew: Callable[[], Any], every: float, lock_key: str) -> Iterator[None]:
    """The sync stores renew a held lock from a daemon thread, stopped (and joined) on exit."""
    renewal = _Renewal(renew, every, lock_key)
    try:
        yield
    finally:
        renewal.stop()


@contextlib.asynccontextmanager
async def renewing_in_task(
    renew: Callable[[], Awaitable[Any]], every: float, lock_key: str
) -> AsyncIterator[None]:
    """The async stores renew a held lock from a task, cancelled (and awaited) on exit."""

    async def keep_renewing() -> None:
        while True:
            await asyncio.sleep(every)
            try:
                if not await renew():
                    logger.warning("lost the Redis lock %r while holding it", lock_key)
                    return
            except redis_errors() as exc:
                logger.warning("renewing the Redis lock %r failed (%s)", lock_key, type(exc).__name__)

    renewal = asyncio.create_task(keep_renewing())
    try:
        yield
    finally:
        renewal.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await renewal


# A token the store could not write is written back without waiting for the next get(): a
# process whose cached token is valid (a month, for Patreon's) may not call get() again for that
# long, and meanwhile every other process finds Redis empty (after a restart without
# persistence) or holding the spent token. The first try comes this soon after the failure, then
# the interval doubles up to WRITE_BACK_MAX: a refused connection costs Redis nothing.
WRITE_BACK_FIRST = 0.5
WRITE_BACK_MAX = 5.0


class WriteBack:
    """Calls ``reconcile`` (the store's get(), which writes a pending token back under the lock)
    until ``pending`` says nothing is pending; one runner at a time, started by ``start``.

    The runner is a daemon thread for a sync store (its atexit last chance comes after it) and a
    task on the running loop for an async one, told apart by ``reconcile`` itself.
    """

    def __init__(
        self,
        reconcile: Callable[[], object],
        pending: Callable[[], object],
        where: str,
        first: float = WRITE_BACK_FIRST,
        most: float = WRITE_BACK_MAX,
    ) -> None:
        self._reconcile = reconcile
        self._pending = pending
        self._where = where
        self._first = first
        self._most = max(most, first)
        self._guard = threading.Lock()
        self._running = False
        self._task: asyncio.Task[None] | None = None  # referenced, so it is not collected mid-run

    def start(self) -> None:
        """Run a write-back if a token is pending and none runs yet."""
        if self._pending() is None:
            return
        with self._guard:
            if self._running:
                return
            self._running = True
        try:
            if inspect.iscoroutinefunction(self._reconcile):
                self._task = asyncio.get_running_loop().create_task(self._run_async())
            else:
                threading.Thread(target=self._run, name=f"write back {self._where}", daemon=True).start()
        except RuntimeError as exc:  # no loop, or the interpreter is shutting down: get() still will
            with self._guard:
                self._running = False
            self._failed(exc)

    def _finished(self) -> bool:
        """Checked under the guard, so a write failing right after the check starts a new runner."""
        with self._guard:
            if self._pending() is not None:
                return False
            self._running = False
            return True

    def _run(self) -> None:
        delay, tries = self._first, 0
        while True:
            time.sleep(delay)
            tries += 1
            try:
                self._reconcile()
            except Exception as exc:  # the store's own errors, or the client's: try again later
                self._failed(exc)
            if self._finished():
                self._written_back(tries)
                return
            delay = min(delay * 2, self._most)

    async def _run_async(self) -> None:
        delay, tries = self._first, 0
        while True:
            await asyncio.sleep(delay)
            tries += 1
            try:
                await cast("Awaitable[object]", self._reconcile())
            except Exception as exc:
                self._failed(exc)
            if self._finished():
                self._written_back(tries)
                return
            delay = min(delay * 2, self._most)

    def _written_back(self, tries: int) -> None:
        logger.info("%s: the pending token is written back, or settled (after %d tries)", self._where, tries)

    def _failed(self, exc: Exception) -> None:
        logger.debug("%s: writing the pending token back failed (%s)", self._where, type(exc).__name__)
