"""MemoryStore: a token held in this process only, with an in-process refresh lock."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import AsyncIterator, Iterator

from patreon_auth.token import Token


class MemoryStore:
    """Keeps the token in memory; the lock serialises refreshes across this process's threads."""

    def __init__(self, token: Token | None = None) -> None:
        self._token = token
        self._lock = threading.Lock()

    def get(self) -> Token | None:
        return self._token

    def put(self, token: Token) -> None:
        self._token = token

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

    async def get(self) -> Token | None:
        return self._token

    async def put(self, token: Token) -> None:
        self._token = token

    @contextlib.asynccontextmanager
    async def refresh_lock(self) -> AsyncIterator[None]:
        async with self._lock:
            yield

    def __repr__(self) -> str:
        return f"AsyncMemoryStore(token={self._token!r})"
