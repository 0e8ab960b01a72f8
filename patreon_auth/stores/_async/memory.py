"""AsyncMemoryStore: a token held in this process only, with an in-process refresh lock.

The async twin is the source: generator/unasync.py writes the sync one (MemoryStore) from it.
See patreon_auth/stores/memory.py for why ``put`` needs no version here.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator

from patreon_auth.stores._backed import same_token
from patreon_auth.stores._concurrency import AsyncOps
from patreon_auth.stores.base import StaleTokenError
from patreon_auth.token import Token

_STALE = "the memory store holds another token than expected; not overwritten"
# DEBUG, not INFO like the durable stores: a write here is one assignment that cannot fail.
logger = logging.getLogger("patreon.stores")
_WHERE = "the async memory store"  # unasync: _WHERE = "the memory store"


class AsyncMemoryStore:
    """Keeps the token in memory; the lock serialises refreshes across this process's tasks
    (threads, for the sync store)."""

    def __init__(self, token: Token | None = None) -> None:
        self._token = token
        self._lock = AsyncOps.rlock()
        self._owner: object | None = None

    async def get(self) -> Token | None:
        return self._token

    async def put(self, token: Token) -> None:
        with AsyncOps.atomic(self._lock):
            self._token = token
        logger.debug("%s: token written", _WHERE)

    async def replace(self, token: Token) -> None:
        await self.put(token)

    async def compare_and_set(self, expected: Token | None, new: Token) -> None:
        with AsyncOps.atomic(self._lock):
            if not same_token(self._token, expected):
                logger.debug("%s: compare_and_set refused", _WHERE)
                raise StaleTokenError(_STALE)
            self._token = new
        logger.debug("%s: token written (compare_and_set)", _WHERE)

    @property
    def last_token(self) -> Token | None:
        return self._token

    @contextlib.asynccontextmanager
    async def refresh_lock(self) -> AsyncIterator[None]:
        me = AsyncOps.owner()
        if me is not None and self._owner == me:
            yield  # reentrant for the task (thread) holding it, like every store's refresh lock
            return
        async with self._lock:
            self._owner = me
            try:
                yield
            finally:
                self._owner = None

    def __repr__(self) -> str:
        return f"AsyncMemoryStore(token={self._token!r})"


__all__ = ["AsyncMemoryStore"]
