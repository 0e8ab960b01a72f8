"""KVStore: the token as JSON text under one key of any key-value binding.

Accepted bindings, tried in this order: an object with ``get(key)`` and ``put(key, value)`` (edge
KV namespaces such as Cloudflare Workers KV), one with ``get(key)`` and ``set(key, value)`` (a
Redis client), or a mapping (``dict``, ``shelve``, ``dbm``). Values read back may be ``str`` or
``bytes`` (dbm and Redis without ``decode_responses`` answer bytes). The refresh lock is
in-process only (one lock per binding and key, shared by every KVStore object on them): for
several processes use FileStore, or RedisStore for several hosts.

Compare-and-set: a generic binding has no conditional write, so every write happens under the
refresh lock, re-reads the key, and writes only if it holds the token this store last read or
wrote (or nothing). Within the single process this store is documented for, every writer of the
key holds that lock, so nobody can write between the read and the write.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import os
from collections.abc import Hashable
from pathlib import Path
from typing import Any, Protocol

from patreon_auth.errors import TokenStoreError
from patreon_auth.stores._backed import (
    AsyncBackedStore,
    BackedStore,
    Snapshot,
    decode_token,
    encode_token,
    same_token,
    shared_async_lock,
    shared_thread_lock,
)
from patreon_auth.stores._rescue import RescueFiles
from patreon_auth.stores.base import StaleTokenError
from patreon_auth.token import Token


class PutKV(Protocol):
    """Edge-KV style binding: ``get(key)`` and ``put(key, value)``."""

    def get(self, key: str, /) -> Any: ...

    def put(self, key: str, value: str, /) -> Any: ...


class SetKV(Protocol):
    """Redis-client style binding: ``get(key)`` and ``set(key, value)``."""

    def get(self, key: str, /) -> Any: ...

    def set(self, key: str, value: str, /) -> Any: ...


class MappingKV(Protocol):
    """Mapping style binding: ``kv[key]`` and ``kv[key] = value`` (dict, shelve, dbm)."""

    def __getitem__(self, key: str, /) -> Any: ...

    def __setitem__(self, key: str, value: str, /) -> None: ...


KVBinding = PutKV | SetKV | MappingKV


class _Access:
    """How to read and write one binding, decided once so a dict is never mistaken for Redis."""

    def __init__(self, kv: object) -> None:
        if callable(getattr(kv, "put", None)) and callable(getattr(kv, "get", None)):
            self.style = "put"
        elif callable(getattr(kv, "set", None)) and callable(getattr(kv, "get", None)):
            self.style = "set"
        elif hasattr(kv, "__getitem__") and hasattr(kv, "__setitem__"):
            self.style = "mapping"
        else:
            raise TypeError("kv must have get+put, get+set, or be a mapping")
        self.kv: Any = kv

    def read(self, key: str) -> Any:
        if self.style == "mapping":
            try:
                return self.kv[key]
            except KeyError:
                return None
        return self.kv.get(key)

    def write(self, key: str, value: str) -> Any:
        if self.style == "put":
            return self.kv.put(key, value)
        if self.style == "set":
            return self.kv.set(key, value)
        self.kv[key] = value
        return None


def _decode(raw: object, *, source: str) -> Token | None:
    if raw is None:
        return None
    if not isinstance(raw, str | bytes | bytearray):
        raise TokenStoreError(f"{source} holds a {type(raw).__name__}, not token JSON text")
    return decode_token(bytes(raw) if isinstance(raw, bytearray) else raw, source=source)


def _binding_name(kv: object) -> str:
    return type(kv).__qualname__


def _check_current(current: Token | None, expected: Snapshot, *, key: str) -> None:
    if current is not None and not same_token(current, expected.token):
        raise StaleTokenError(
            f"key-value store key {key!r} holds another token than this store expected; not overwritten"
        )


class KVStore(BackedStore):
    """Keeps the token as JSON text under ``key`` in a key-value binding; in-process refresh lock."""

    def __init__(self, kv: KVBinding, key: str, *, rescue_path: str | os.PathLike[str] | None = None) -> None:
        super().__init__(rescue=RescueFiles([Path(rescue_path)]) if rescue_path is not None else None)
        self._access = _Access(kv)
        self.key = key
        self._where = f"key-value store key {key!r}"
        self._thread_lock = shared_thread_lock(("kv", id(kv), key))

    def _read(self) -> Snapshot:
        source = f"key-value store key {self.key!r}"
        try:
            raw = self._access.read(self.key)
        except Exception as exc:
            raise TokenStoreError(f"reading {source} failed ({type(exc).__name__})") from exc
        return Snapshot(_decode(raw, source=source))

    def _write(self, token: Token, expected: Snapshot) -> Snapshot:
        # Under the refresh lock (the engine writes only there): read back, compare, write.
        _check_current(self._read().token, expected, key=self.key)
        try:
            self._access.write(self.key, encode_token(token))
        except Exception as exc:
            raise TokenStoreError(
                f"writing key-value store key {self.key!r} failed ({type(exc).__name__})"
            ) from exc
        return Snapshot(token)

    def _lock(self) -> contextlib.AbstractContextManager[Any]:
        return self._thread_lock

    def __repr__(self) -> str:
        return f"KVStore(kv=<{_binding_name(self._access.kv)}>, key={self.key!r})"


class AsyncKVStore(AsyncBackedStore):
    """Async twin of KVStore: the binding's methods may be ``async`` (awaited) or plain."""

    def __init__(self, kv: KVBinding, key: str, *, rescue_path: str | os.PathLike[str] | None = None) -> None:
        super().__init__(rescue=RescueFiles([Path(rescue_path)]) if rescue_path is not None else None)
        self._access = _Access(kv)
        self.key = key
        self._where = f"key-value store key {key!r}"
        self._lock_key: Hashable = ("kv", id(kv), key)

    async def _read(self) -> Snapshot:
        source = f"key-value store key {self.key!r}"
        try:
            raw = self._access.read(self.key)
            if inspect.isawaitable(raw):
                raw = await raw
        except Exception as exc:
            raise TokenStoreError(f"reading {source} failed ({type(exc).__name__})") from exc
        return Snapshot(_decode(raw, source=source))

    async def _write(self, token: Token, expected: Snapshot) -> Snapshot:
        _check_current((await self._read()).token, expected, key=self.key)
        try:
            result = self._access.write(self.key, encode_token(token))
            if inspect.isawaitable(result):
                await result
        except Exception as exc:
            raise TokenStoreError(
                f"writing key-value store key {self.key!r} failed ({type(exc).__name__})"
            ) from exc
        return Snapshot(token)

    def _lock(self) -> contextlib.AbstractAsyncContextManager[Any]:
        # Per event loop: an asyncio.Lock belongs to the loop that first waits on it.
        return shared_async_lock((self._lock_key, asyncio.get_running_loop()))

    def __repr__(self) -> str:
        return f"AsyncKVStore(kv=<{_binding_name(self._access.kv)}>, key={self.key!r})"
