"""CallbackStore: tokens loaded and saved by the application's own functions.

The refresh lock is in-process only (a ``threading.Lock`` / ``asyncio.Lock``) unless a lock is
supplied: if several processes or hosts share the storage behind the callbacks, pass a lock that
spans them (a file lock, a Redis lock...), or two of them may spend the same single-use refresh
token [PD _oauth.md].
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any

from patreon_auth.errors import TokenStoreError
from patreon_auth.stores._backed import AsyncBackedStore, BackedStore
from patreon_auth.token import Token

SyncLock = contextlib.AbstractContextManager[Any] | Callable[[], contextlib.AbstractContextManager[Any]]
AsyncLock = (
    contextlib.AbstractAsyncContextManager[Any] | Callable[[], contextlib.AbstractAsyncContextManager[Any]]
)


def _callback_name(func: object) -> str:
    return getattr(func, "__qualname__", None) or type(func).__name__


class CallbackStore(BackedStore):
    """Loads and saves tokens through your ``get``/``put`` functions; locks in-process unless given a lock."""

    def __init__(
        self,
        get: Callable[[], Token | None],
        put: Callable[[Token], object],
        lock: SyncLock | None = None,
    ) -> None:
        super().__init__()
        self._get = get
        self._put = put
        self._lock: SyncLock = lock if lock is not None else threading.Lock()

    def _load(self) -> Token | None:
        try:
            return self._get()
        except Exception as exc:
            raise TokenStoreError(f"the get callback failed ({type(exc).__name__})") from exc

    def _save(self, token: Token) -> None:
        try:
            self._put(token)
        except Exception as exc:
            raise TokenStoreError(f"the put callback failed ({type(exc).__name__})") from exc

    @contextlib.contextmanager
    def refresh_lock(self) -> Iterator[None]:
        lock = self._lock
        # A context manager object (threading.Lock, a file lock) is reused; a factory makes one per use.
        manager = lock if isinstance(lock, contextlib.AbstractContextManager) else lock()
        with manager:
            yield

    def __repr__(self) -> str:
        return f"CallbackStore(get={_callback_name(self._get)}, put={_callback_name(self._put)})"


class AsyncCallbackStore(AsyncBackedStore):
    """Async twin of CallbackStore: ``get``/``put`` may be plain or ``async`` functions."""

    def __init__(
        self,
        get: Callable[[], Token | Awaitable[Token | None] | None],
        put: Callable[[Token], object],
        lock: AsyncLock | None = None,
    ) -> None:
        super().__init__()
        self._get = get
        self._put = put
        self._lock: AsyncLock = lock if lock is not None else asyncio.Lock()

    async def _load(self) -> Token | None:
        try:
            result = self._get()
            if inspect.isawaitable(result):
                result = await result
        except Exception as exc:
            raise TokenStoreError(f"the get callback failed ({type(exc).__name__})") from exc
        return result

    async def _save(self, token: Token) -> None:
        try:
            result = self._put(token)
            if inspect.isawaitable(result):
                await result
        except Exception as exc:
            raise TokenStoreError(f"the put callback failed ({type(exc).__name__})") from exc

    @contextlib.asynccontextmanager
    async def refresh_lock(self) -> AsyncIterator[None]:
        lock = self._lock
        manager = lock if isinstance(lock, contextlib.AbstractAsyncContextManager) else lock()
        async with manager:
            yield

    def __repr__(self) -> str:
        return f"AsyncCallbackStore(get={_callback_name(self._get)}, put={_callback_name(self._put)})"
