"""Token stores: where tokens live between runs, each with the lock its refresh happens under.

Every store is sync with an async twin beside it. Writes are compare-and-set, and a failed write
raises TokenNotSavedError but never loses the token (the contract is in ``stores.base``).
SQLStore keeps one row per token (the creator's, and one per user with ``for_user``).

The stores load on first use (PEP 562), so code that needs one store (or only the protocols in
``stores.base``) does not import every engine: SQLite, asyncio and subprocess stay out of a sync
creator client's process.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from patreon_auth.errors import TokenStoreError
from patreon_auth.stores.base import (
    AsyncCompareAndSetStore,
    AsyncTokenStore,
    CompareAndSetStore,
    StaleTokenError,
    TokenNotSavedError,
    TokenStore,
)

if TYPE_CHECKING:
    from patreon_auth.stores.callback import AsyncCallbackStore, CallbackStore
    from patreon_auth.stores.file import AsyncFileStore, FileStore
    from patreon_auth.stores.filesystem import FileSystem
    from patreon_auth.stores.http import AsyncHTTPStore, HTTPStore
    from patreon_auth.stores.kv import AsyncKVStore, KVBinding, KVStore
    from patreon_auth.stores.memory import AsyncMemoryStore, MemoryStore
    from patreon_auth.stores.redis import AsyncRedisStore, RedisStore
    from patreon_auth.stores.sql import (
        AsyncPostgresStore,
        AsyncSQLiteStore,
        AsyncSQLStore,
        PostgresStore,
        SQLiteStore,
        SQLStore,
    )

_LAZY = {
    "CallbackStore": "callback",
    "AsyncCallbackStore": "callback",
    "FileStore": "file",
    "AsyncFileStore": "file",
    "FileSystem": "filesystem",
    "HTTPStore": "http",
    "AsyncHTTPStore": "http",
    "KVBinding": "kv",
    "KVStore": "kv",
    "AsyncKVStore": "kv",
    "MemoryStore": "memory",
    "AsyncMemoryStore": "memory",
    "RedisStore": "redis",
    "AsyncRedisStore": "redis",
    "SQLStore": "sql",
    "AsyncSQLStore": "sql",
    "SQLiteStore": "sql",
    "AsyncSQLiteStore": "sql",
    "PostgresStore": "sql",
    "AsyncPostgresStore": "sql",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'patreon_auth.stores' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"patreon_auth.stores.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "AsyncCallbackStore",
    "AsyncCompareAndSetStore",
    "AsyncFileStore",
    "AsyncHTTPStore",
    "AsyncKVStore",
    "AsyncMemoryStore",
    "AsyncPostgresStore",
    "AsyncRedisStore",
    "AsyncSQLStore",
    "AsyncSQLiteStore",
    "AsyncTokenStore",
    "CallbackStore",
    "CompareAndSetStore",
    "FileStore",
    "FileSystem",
    "HTTPStore",
    "KVBinding",
    "KVStore",
    "MemoryStore",
    "PostgresStore",
    "RedisStore",
    "SQLStore",
    "SQLiteStore",
    "StaleTokenError",
    "TokenNotSavedError",
    "TokenStore",
    "TokenStoreError",
]
