"""The stores package surface: exports, protocols, and no hard dependency on redis."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import redis
import redis.asyncio

from patreon_auth import stores
from patreon_auth.stores import AsyncCompareAndSetStore, AsyncTokenStore, CompareAndSetStore, TokenStore

from ._helpers import REPO_ROOT


def test_every_store_satisfies_its_protocol(tmp_path: Path) -> None:
    sync_stores: list[object] = [
        stores.MemoryStore(),
        stores.CallbackStore(get=lambda: None, put=lambda token: None),
        stores.HTTPStore("http://127.0.0.1:1/token"),
        stores.KVStore({}, "k"),
        stores.FileStore(tmp_path / "t.json"),
        stores.RedisStore(redis.Redis(), "k"),
        stores.SQLiteStore(tmp_path / "t.db"),
        stores.SQLiteStore(tmp_path / "t.db").for_user(1),
    ]
    async_stores: list[object] = [
        stores.AsyncMemoryStore(),
        stores.AsyncCallbackStore(get=lambda: None, put=lambda token: None),
        stores.AsyncHTTPStore("http://127.0.0.1:1/token"),
        stores.AsyncKVStore({}, "k"),
        stores.AsyncFileStore(tmp_path / "t.json"),
        stores.AsyncRedisStore(redis.asyncio.Redis(), "k"),
        stores.AsyncSQLiteStore(tmp_path / "t.db"),
    ]
    assert all(isinstance(store, TokenStore) for store in sync_stores)
    assert all(isinstance(store, AsyncTokenStore) for store in async_stores)
    # And the explicit writes of the compare-and-set contract (stores.base).
    assert all(isinstance(store, CompareAndSetStore) for store in sync_stores)
    assert all(isinstance(store, AsyncCompareAndSetStore) for store in async_stores)


def test_import_works_without_redis_installed() -> None:
    code = (
        "import sys; sys.modules['redis'] = None\n"  # makes any `import redis` fail
        "import patreon_auth.stores as s\n"
        "print(s.RedisStore.__name__, s.FileStore.__name__)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=30, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["RedisStore", "FileStore"]
