"""CallbackStore: tokens loaded and saved by the application's own functions.

The refresh lock is in-process only (a ``threading.Lock`` / ``asyncio.Lock``) unless a lock is
supplied: if several processes or hosts share the storage behind the callbacks, pass a lock that
spans them (a file lock, a Redis lock...), or two of them may spend the same single-use refresh
token [PD _oauth.md].

Compare-and-set: pass ``compare_and_set=`` (``(expected, new) -> bool``, True when written) to
make writes atomic in your storage, e.g. a SQL ``UPDATE ... WHERE refresh_token = ?`` that
reports its row count. Without it, every write happens under the refresh lock, calls ``get``,
and calls ``put`` only if ``get`` still answers the token this store last read or wrote (or
None); that is atomic among the writers your ``lock`` spans, so give a lock that spans them all.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import os
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

from patreon_auth.errors import TokenStoreError
from patreon_auth.stores._backed import AsyncBackedStore, BackedStore, Snapshot, same_token
from patreon_auth.stores._rescue import RescueFiles
from patreon_auth.stores.base import StaleTokenError
from patreon_auth.token import Token

SyncLock = contextlib.AbstractContextManager[Any] | Callable[[], contextlib.AbstractContextManager[Any]]
AsyncLock = (
    contextlib.AbstractAsyncContextManager[Any] | Callable[[], contextlib.AbstractAsyncContextManager[Any]]
)


def _callback_name(func: object) -> str:
    return getattr(func, "__qualname__", None) or type(func).__name__


_STALE = "the token storage holds another token than this store expected; not overwritten"


def _check_current(current: Token | None, expected: Snapshot) -> None:
    if current is not None and not same_token(current, expected.token):
        raise StaleTokenError(_STALE)


def _rescue(rescue_path: str | os.PathLike[str] | None) -> RescueFiles | None:
    return RescueFiles([Path(rescue_path)]) if rescue_path is not None else None


class CallbackStore(BackedStore):
    """Loads and saves tokens through your ``get``/``put`` functions; locks in-process unless given a lock."""

    def __init__(
        self,
        get: Callable[[], Token | None],
        put: Callable[[Token], object],
        lock: SyncLock | None = None,
        *,
        compare_and_set: Callable[[Token | None, Token], bool] | None = None,
        rescue_path: str | os.PathLike[str] | None = None,
    ) -> None:
        super().__init__(rescue=_rescue(rescue_path))
        self._get = get
        self._put = put
        self._cas = compare_and_set
        self._where = f"the token storage behind {_callback_name(get)}"
        self._user_lock: SyncLock = lock if lock is not None else threading.Lock()

    def _read(self) -> Snapshot:
        try:
            return Snapshot(self._get())
        except Exception as exc:
            raise TokenStoreError(f"the get callback failed ({type(exc).__name__})") from exc

    def _write(self, token: Token, expected: Snapshot) -> Snapshot:
        if self._cas is not None:
            try:
                written = self._cas(expected.token, token)
            except Exception as exc:
                raise TokenStoreError(f"the compare_and_set callback failed ({type(exc).__name__})") from exc
            if not written:
                raise StaleTokenError(_STALE)
            return Snapshot(token)
        _check_current(self._read().token, expected)
        try:
            self._put(token)
        except Exception as exc:
            raise TokenStoreError(f"the put callback failed ({type(exc).__name__})") from exc
        return Snapshot(token)

    @contextlib.contextmanager
    def _lock(self) -> Iterator[None]:
        lock = self._user_lock
        # A context manager object (threading.Lock, a file lock) is reused; a factory makes one per use.
        manager = lock if isinstance(lock, contextlib.AbstractContextManager) else lock()
        with manager:
            yield

    def __repr__(self) -> str:
        return f"CallbackStore(get={_callback_name(self._get)}, put={_callback_name(self._put)})"


class AsyncCallbackStore(AsyncBackedStore):
    """Async twin of CallbackStore: ``get``/``put``/``compare_and_set`` may be plain or ``async`` functions."""

    def __init__(
        self,
        get: Callable[[], Token | Awaitable[Token | None] | None],
        put: Callable[[Token], object],
        lock: AsyncLock | None = None,
        *,
        compare_and_set: Callable[[Token | None, Token], bool | Awaitable[bool]] | None = None,
        rescue_path: str | os.PathLike[str] | None = None,
    ) -> None:
        super().__init__(rescue=_rescue(rescue_path))
        self._get = get
        self._put = put
        self._cas = compare_and_set
        self._where = f"the token storage behind {_callback_name(get)}"
        self._user_lock: AsyncLock = lock if lock is not None else asyncio.Lock()

    async def _read(self) -> Snapshot:
        try:
            result = self._get()
            if inspect.isawaitable(result):
                result = await result
        except Exception as exc:
            raise TokenStoreError(f"the get callback failed ({type(exc).__name__})") from exc
        return Snapshot(result)

    async def _write(self, token: Token, expected: Snapshot) -> Snapshot:
        if self._cas is not None:
            try:
                written = self._cas(expected.token, token)
                if inspect.isawaitable(written):
                    written = await written
            except Exception as exc:
                raise TokenStoreError(f"the compare_and_set callback failed ({type(exc).__name__})") from exc
            if not written:
                raise StaleTokenError(_STALE)
            return Snapshot(token)
        _check_current((await self._read()).token, expected)
        try:
            result = self._put(token)
            if inspect.isawaitable(result):
                await result
        except Exception as exc:
            raise TokenStoreError(f"the put callback failed ({type(exc).__name__})") from exc
        return Snapshot(token)

    @contextlib.asynccontextmanager
    async def _lock(self) -> AsyncIterator[None]:
        lock = self._user_lock
        manager = lock if isinstance(lock, contextlib.AbstractAsyncContextManager) else lock()
        async with manager:
            yield

    def __repr__(self) -> str:
        return f"AsyncCallbackStore(get={_callback_name(self._get)}, put={_callback_name(self._put)})"
