"""AsyncSeededStore: the wrapped store, or a seed token while it is empty (see seeded.py for why).

The async twin is the source: generator/unasync.py writes the sync one from it.
"""

from __future__ import annotations

import contextlib

from patreon_auth.stores.base import AsyncTokenStore
from patreon_auth.token import Token


class AsyncSeededStore:
    """Reads the wrapped store, or the seed token while the store is empty."""

    def __init__(self, store: AsyncTokenStore, seed: Token) -> None:
        self.store = store
        self._seed = seed

    async def get(self) -> Token | None:
        token = await self.store.get()
        return token if token is not None else self._seed

    async def put(self, token: Token) -> None:
        await self.store.put(token)

    def refresh_lock(self) -> contextlib.AbstractAsyncContextManager[None]:
        return self.store.refresh_lock()

    def __repr__(self) -> str:
        return f"AsyncSeededStore({self.store!r})"
