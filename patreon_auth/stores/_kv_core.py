"""What KVStore and AsyncKVStore share: the binding protocols, access, decoding, the stale check."""

from __future__ import annotations

from typing import Any, Protocol

from patreon_auth.errors import TokenStoreError
from patreon_auth.stores._backed import Snapshot, decode_token, same_token
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
