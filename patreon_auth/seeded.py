"""A store that falls back to a starting token until the real store holds one.

`PatreonCreatorClient(token=..., store=FileStore(...))` must not do store I/O in its constructor
(the async store cannot be awaited there), yet the given token must be used while the store is
empty; the first refresh then writes the new token into the real store. The seed is never written
over a token the store holds: ``put`` is the wrapped store's compare-and-set, and after an empty
read it expects the store to be empty (stores.base, contract point 2).
"""

from __future__ import annotations

import contextlib

from patreon_auth.stores.base import AsyncTokenStore, TokenStore
from patreon_auth.token import Token


class SeededStore:
    """Reads the wrapped store, or the seed token while the store is empty."""

    def __init__(self, store: TokenStore, seed: Token) -> None:
        self.store = store
        self._seed = seed

    def get(self) -> Token | None:
        token = self.store.get()
        return token if token is not None else self._seed

    def put(self, token: Token) -> None:
        self.store.put(token)

    def refresh_lock(self) -> contextlib.AbstractContextManager[None]:
        return self.store.refresh_lock()

    def __repr__(self) -> str:
        return f"SeededStore({self.store!r})"


class AsyncSeededStore:
    """Async twin of SeededStore."""

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
