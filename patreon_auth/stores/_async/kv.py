"""AsyncKVStore: the token as JSON text under one key of any key-value binding.

The async twin is the source: generator/unasync.py writes the sync one from it. See
patreon_auth/stores/kv.py for the bindings accepted and the compare-and-set contract.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Hashable
from pathlib import Path
from typing import Any

from patreon_auth.errors import TokenStoreError
from patreon_auth.stores._async.backed import AsyncBackedStore
from patreon_auth.stores._backed import Snapshot, encode_token, shared_async_lock
from patreon_auth.stores._concurrency import AsyncOps
from patreon_auth.stores._kv_core import KVBinding, _Access, _binding_name, _check_current, _decode
from patreon_auth.stores._rescue import RescueFiles
from patreon_auth.token import Token


class AsyncKVStore(AsyncBackedStore):
    """Keeps the token as JSON text under ``key`` in a key-value binding; in-process refresh lock.

    The binding's methods may be plain or, for the async store, ``async`` (then awaited).
    """

    def __init__(self, kv: KVBinding, key: str, *, rescue_path: str | os.PathLike[str] | None = None) -> None:
        super().__init__(rescue=RescueFiles([Path(rescue_path)]) if rescue_path is not None else None)
        self._access = _Access(kv)
        self.key = key
        self._where = f"key-value store key {key!r}"
        # One lock per binding and key, shared by every store object on them.
        self._lock_key: Hashable = ("kv", id(kv), key)

    async def _read(self) -> Snapshot:
        source = f"key-value store key {self.key!r}"
        try:
            raw = await AsyncOps.settle(self._access.read(self.key))
        except Exception as exc:
            raise TokenStoreError(f"reading {source} failed ({type(exc).__name__})") from exc
        return Snapshot(_decode(raw, source=source))

    async def _write(self, token: Token, expected: Snapshot) -> Snapshot:
        # Under the refresh lock (the engine writes only there): read back, compare, write.
        _check_current((await self._read()).token, expected, key=self.key)
        value = encode_token(token)
        try:
            await AsyncOps.settle(self._access.write(self.key, value))
        except Exception as exc:
            raise TokenStoreError(
                f"writing key-value store key {self.key!r} failed ({type(exc).__name__})"
            ) from exc
        return Snapshot(token)

    def _lock(self) -> contextlib.AbstractAsyncContextManager[Any]:
        return shared_async_lock(self._lock_key)

    def __repr__(self) -> str:
        return f"AsyncKVStore(kv=<{_binding_name(self._access.kv)}>, key={self.key!r})"


__all__ = ["AsyncKVStore"]
