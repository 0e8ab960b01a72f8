"""MemoryStore: a token held in this process only, with an in-process refresh lock.

Compare-and-set, and why ``put`` needs no version here: the object *is* the backend. A write is
one assignment under a lock, so it cannot fail or have an unknown outcome, and nothing is ever
kept pending or replayed (contract point 5 in ``stores.base`` cannot arise). Everyone who shares
the token shares this object, its lock and so its one value; a refresher that re-reads under
``refresh_lock()`` (as PatreonAuth does) always writes over the token it read. ``put`` therefore
writes unconditionally, like ``replace``; ``compare_and_set`` is there for callers that read
outside the lock and want the check.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import AsyncIterator, Iterator

from patreon_auth.stores._backed import same_token
from patreon_auth.stores.base import StaleTokenError
from patreon_auth.token import Token

_STALE = "the memory store holds another token than expected; not overwritten"
# DEBUG, not INFO like the durable stores: a write here is one assignment that cannot fail.
logger = logging.getLogger("patreon.stores")


class MemoryStore:
    """Keeps the token in memory; the lock serialises refreshes across this process's threads."""

    def __init__(self, token: Token | None = None) -> None:
        self._token = token
        self._lock = threading.RLock()  # reentrant, like every store's refresh lock

    def get(self) -> Token | None:
        return self._token

    def put(self, token: Token) -> None:
        with self._lock:
            self._token = token
        logger.debug("the memory store: token written")

    def replace(self, token: Token) -> None:
        self.put(token)

    def compare_and_set(self, expected: Token | None, new: Token) -> None:
        with self._lock:
            if not same_token(self._token, expected):
                logger.debug("the memory store: compare_and_set refused")
                raise StaleTokenError(_STALE)
            self._token = new
        logger.debug("the memory store: token written (compare_and_set)")

    @property
    def last_token(self) -> Token | None:
        return self._token

    @contextlib.contextmanager
    def refresh_lock(self) -> Iterator[None]:
        with self._lock:
            yield

    def __repr__(self) -> str:
        return f"MemoryStore(token={self._token!r})"


class AsyncMemoryStore:
    """Async twin of MemoryStore; the lock serialises refreshes across this event loop's tasks."""

    def __init__(self, token: Token | None = None) -> None:
        self._token = token
        self._lock = asyncio.Lock()
        self._owner: asyncio.Task[object] | None = None

    async def get(self) -> Token | None:
        return self._token

    async def put(self, token: Token) -> None:
        self._token = token  # no await in between: atomic for the event loop
        logger.debug("the async memory store: token written")

    async def replace(self, token: Token) -> None:
        await self.put(token)

    async def compare_and_set(self, expected: Token | None, new: Token) -> None:
        if not same_token(self._token, expected):
            logger.debug("the async memory store: compare_and_set refused")
            raise StaleTokenError(_STALE)
        self._token = new
        logger.debug("the async memory store: token written (compare_and_set)")

    @property
    def last_token(self) -> Token | None:
        return self._token

    @contextlib.asynccontextmanager
    async def refresh_lock(self) -> AsyncIterator[None]:
        me = asyncio.current_task()
        if me is not None and self._owner is me:
            yield  # reentrant for the task holding it
            return
        async with self._lock:
            self._owner = me
            try:
                yield
            finally:
                self._owner = None

    def __repr__(self) -> str:
        return f"AsyncMemoryStore(token={self._token!r})"
