"""Token stores: where tokens live between runs, each with the lock its refresh happens under.

Every store is sync with an async twin beside it. Writes are compare-and-set, and a failed write
raises TokenNotSavedError but never loses the token (the contract is in ``stores.base``).
SQLStore keeps one row per token (the creator's, and one per user with ``for_user``).
"""

from patreon_auth.errors import TokenStoreError
from patreon_auth.stores.base import (
    AsyncCompareAndSetStore,
    AsyncTokenStore,
    CompareAndSetStore,
    StaleTokenError,
    TokenNotSavedError,
    TokenStore,
)
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
