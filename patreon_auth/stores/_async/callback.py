"""AsyncCallbackStore: tokens loaded and saved by the application's own functions.

The async twin is the source: generator/unasync.py writes the sync one from it. See
patreon_auth/stores/callback.py for the lock and compare-and-set contract.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator, Callable

from patreon_auth.errors import TokenStoreError
from patreon_auth.stores._async.backed import AsyncBackedStore
from patreon_auth.stores._backed import Snapshot
from patreon_auth.stores._callback_core import (
    _STALE,
    AsyncCompareAndSet,
    AsyncGet,
    AsyncLock,
    _callback_name,
    _check_current,
    _loaded_token,
    _rescue,
)
from patreon_auth.stores._concurrency import AsyncOps
from patreon_auth.stores.base import StaleTokenError
from patreon_auth.token import Token


class AsyncCallbackStore(AsyncBackedStore):
    """Loads and saves tokens through your ``get``/``put`` functions; locks in-process unless given a lock.

    The functions may be plain or, for the async store, ``async`` functions (then awaited).
    """

    def __init__(
        self,
        get: AsyncGet,
        put: Callable[[Token], object],
        lock: AsyncLock | None = None,
        *,
        compare_and_set: AsyncCompareAndSet | None = None,
        rescue_path: str | os.PathLike[str] | None = None,
    ) -> None:
        super().__init__(rescue=_rescue(rescue_path))
        self._get = get
        self._put = put
        self._cas = compare_and_set
        self._where = f"the token storage behind {_callback_name(get)}"
        self._user_lock: AsyncLock = lock if lock is not None else AsyncOps.lock()

    async def _read(self) -> Snapshot:
        try:
            result = await AsyncOps.settle(self._get())
        except Exception as exc:
            raise TokenStoreError(f"the get callback failed ({type(exc).__name__})") from exc
        return Snapshot(_loaded_token(result, self._get))

    async def _write(self, token: Token, expected: Snapshot) -> Snapshot:
        if self._cas is not None:
            try:
                written = await AsyncOps.settle(self._cas(expected.token, token))
            except Exception as exc:
                raise TokenStoreError(f"the compare_and_set callback failed ({type(exc).__name__})") from exc
            if not written:
                raise StaleTokenError(_STALE)
            return Snapshot(token)
        _check_current((await self._read()).token, expected)
        try:
            await AsyncOps.settle(self._put(token))
        except Exception as exc:
            raise TokenStoreError(f"the put callback failed ({type(exc).__name__})") from exc
        return Snapshot(token)

    @contextlib.asynccontextmanager
    async def _lock(self) -> AsyncIterator[None]:
        lock = self._user_lock
        # A context manager object (a lock, a file lock) is reused; a factory makes one per use.
        manager = lock if isinstance(lock, contextlib.AbstractAsyncContextManager) else lock()
        async with manager:
            yield

    def __repr__(self) -> str:
        return f"AsyncCallbackStore(get={_callback_name(self._get)}, put={_callback_name(self._put)})"


__all__ = ["AsyncCallbackStore"]
