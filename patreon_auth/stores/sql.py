"""SQL token stores: one row per token, SQLite by default, PostgreSQL for fleets.

A "Log in with Patreon" site keeps one token per user; the creator keeps one of their own. Both
live in one table, created on first use:

    CREATE TABLE IF NOT EXISTS patreon_tokens (
        key        TEXT PRIMARY KEY,            -- 'creator', or 'user:<patreon user id>'
        token      TEXT,                        -- Token.to_dict() as JSON; NULL before the first put
        version    INTEGER NOT NULL DEFAULT 0,  -- +1 on every write (BIGINT on PostgreSQL)
        updated_at TEXT NOT NULL                -- TIMESTAMPTZ on PostgreSQL
    )

``SQLiteStore(path)`` is the creator's row; ``store.for_user(user_id)`` is a user's row over the
same database. The contract is the other stores' (``stores/base.py``), through BackedStore:

- writes are compare-and-set on ``version`` (``UPDATE ... WHERE key = ? AND version = ?``, or an
  ``INSERT ... ON CONFLICT DO NOTHING`` for a key that had no row): a ``put`` succeeds only over
  the row this store last read or wrote, else StaleTokenError and nothing is written;
  ``replace`` and ``compare_and_set`` are there too;
- ``refresh_lock()`` is a database lock held in a transaction: ``BEGIN IMMEDIATE`` on SQLite (the
  database's write lock), ``SELECT ... FOR UPDATE`` on the row on PostgreSQL, so exactly one
  process refreshes a token per expiry; the reads and writes inside go through that transaction,
  which commits when the lock is released, also after an error;
- a write that failed, or whose COMMIT failed, keeps its token (``last_token``, and the
  ``rescue_path`` file when given) and raises TokenNotSavedError; the next ``get()`` reconciles.

PostgreSQL needs psycopg 3 (extra ``postgres``); it is imported only when such a store is made.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

from patreon_auth.errors import TokenStoreError
from patreon_auth.stores._backed import (
    AsyncBackedStore,
    BackedStore,
    CorruptRecordError,
    Snapshot,
    StaleTokenError,
    decode_token,
    encode_token,
)
from patreon_auth.stores._rescue import RescueFiles
from patreon_auth.stores._sql_engines import (
    AsyncEngine,
    AsyncPostgresEngine,
    AsyncSQLiteEngine,
    PostgresEngine,
    Row,
    SQLiteEngine,
    SyncEngine,
    check_table_name,
)
from patreon_auth.token import Token

CREATOR_KEY = "creator"
DEFAULT_TABLE = "patreon_tokens"
DEFAULT_LOCK_TIMEOUT = 30.0


def user_key(user_id: str | int) -> str:
    """The row key of a user's token: their Patreon user id."""
    text = str(user_id)
    if not text or text.strip() != text:
        raise ValueError(f"user_id must be a non-empty id without surrounding spaces, got {user_id!r}")
    return f"user:{text}"


def _snapshot(row: Row | None, *, where: str) -> Snapshot:
    """A row as the store engine sees it: no row is Snapshot(None); its version is the row's."""
    if row is None:
        return Snapshot(None)
    raw, version = row[0], int(row[1])
    if raw is None:
        return Snapshot(None, version)
    try:
        return Snapshot(decode_token(raw, source=where), version)
    except TokenStoreError as exc:
        # replace() (a new login) may overwrite what is not a token; put() never does.
        raise CorruptRecordError(str(exc), version=version) from None


class _Inside:
    """The token written inside the current lock and the one it replaced: if the COMMIT fails,
    that write did not happen, and the new token must be kept (contract point 5)."""

    def __init__(self) -> None:
        self.written: tuple[Token, Token | None] | None = None


def _rescue(path: str | os.PathLike[str] | None) -> RescueFiles | None:
    return RescueFiles([Path(path)]) if path is not None else None


def _user_rescue(path: str | os.PathLike[str] | None, key: str) -> str | None:
    # One rescue file per row: a user's pending token must not be picked up by another user's row.
    return f"{os.fspath(path)}.{key.replace(':', '-')}" if path is not None else None


class SQLStore(BackedStore):
    """A token row in a SQL database (make one with SQLiteStore or PostgresStore)."""

    def __init__(
        self,
        engine: SyncEngine,
        *,
        key: str,
        lock_timeout: float,
        rescue_path: str | os.PathLike[str] | None = None,
    ) -> None:
        super().__init__(rescue=_rescue(rescue_path))
        self._engine = engine
        self.key = key
        self.lock_timeout = lock_timeout
        self._rescue_path = rescue_path
        self._where = f"{engine.where} row {key!r}"
        self._inside = _Inside()

    def for_user(self, user_id: str | int) -> SQLStore:
        """The store of one user's token, in the same database and table."""
        key = user_key(user_id)
        return SQLStore(
            self._engine,
            key=key,
            lock_timeout=self.lock_timeout,
            rescue_path=_user_rescue(self._rescue_path, key),
        )

    def _fail(self, action: str, exc: Exception) -> TokenStoreError:
        return TokenStoreError(f"{action} {self._where} failed ({type(exc).__name__})")

    def _read(self) -> Snapshot:
        engine = self._engine
        try:
            _, row = engine.execute(engine.statements.select, (self.key,))
        except engine.errors as exc:
            raise self._fail("reading", exc) from exc
        return _snapshot(row, where=self._where)

    def _write(self, token: Token, expected: Snapshot) -> Snapshot:
        engine, text, statements = self._engine, encode_token(token), self._engine.statements
        try:
            if isinstance(expected.version, int):
                written, _ = engine.execute(statements.update, (text, self.key, expected.version))
                version = expected.version + 1
            else:
                # No row when we read: create it, or fill the empty row a refresh lock left.
                written, _ = engine.execute(statements.insert, (self.key, text))
                if not written:
                    written, _ = engine.execute(statements.fill, (text, self.key))
                _, row = engine.execute(statements.select, (self.key,))
                version = int(row[1]) if row is not None else 0
        except engine.errors as exc:
            raise self._fail("writing", exc) from exc
        if not written:
            raise StaleTokenError(f"another token was stored in {self._where}; not overwritten")
        self._inside.written = (token, expected.token)
        return Snapshot(token, version)

    @contextlib.contextmanager
    def _lock(self) -> Iterator[None]:
        engine = self._engine
        try:
            engine.begin_lock(self.key, self.lock_timeout)
        except engine.errors as exc:
            raise TokenStoreError(
                f"taking the lock on {self._where} failed or timed out after {self.lock_timeout:g}s "
                f"({type(exc).__name__})"
            ) from exc
        self._inside = _Inside()
        try:
            yield
        finally:
            written, self._inside = self._inside.written, _Inside()
            try:
                engine.end_lock()
            except engine.errors as exc:
                if written is None:
                    raise self._fail("committing", exc) from exc
                # The write inside did not happen after all; its token may be the only copy.
                self._keep(written[0], written[1], self._fail("committing", exc))

    def close(self) -> None:
        """Close the database connections of this store and of every ``for_user`` store made from it."""
        self._engine.close()

    def __repr__(self) -> str:
        return f"SQLStore({self._engine.where}, key={self.key!r})"


class AsyncSQLStore(AsyncBackedStore):
    """Async twin of SQLStore (make one with AsyncSQLiteStore or AsyncPostgresStore)."""

    def __init__(
        self,
        engine: AsyncEngine,
        *,
        key: str,
        lock_timeout: float,
        rescue_path: str | os.PathLike[str] | None = None,
    ) -> None:
        super().__init__(rescue=_rescue(rescue_path))
        self._engine = engine
        self.key = key
        self.lock_timeout = lock_timeout
        self._rescue_path = rescue_path
        self._where = f"{engine.where} row {key!r}"
        self._inside = _Inside()

    def for_user(self, user_id: str | int) -> AsyncSQLStore:
        key = user_key(user_id)
        return AsyncSQLStore(
            self._engine,
            key=key,
            lock_timeout=self.lock_timeout,
            rescue_path=_user_rescue(self._rescue_path, key),
        )

    def _fail(self, action: str, exc: Exception) -> TokenStoreError:
        return TokenStoreError(f"{action} {self._where} failed ({type(exc).__name__})")

    async def _read(self) -> Snapshot:
        engine = self._engine
        try:
            _, row = await engine.execute(engine.statements.select, (self.key,))
        except engine.errors as exc:
            raise self._fail("reading", exc) from exc
        return _snapshot(row, where=self._where)

    async def _write(self, token: Token, expected: Snapshot) -> Snapshot:
        engine, text, statements = self._engine, encode_token(token), self._engine.statements
        try:
            if isinstance(expected.version, int):
                written, _ = await engine.execute(statements.update, (text, self.key, expected.version))
                version = expected.version + 1
            else:
                written, _ = await engine.execute(statements.insert, (self.key, text))
                if not written:
                    written, _ = await engine.execute(statements.fill, (text, self.key))
                _, row = await engine.execute(statements.select, (self.key,))
                version = int(row[1]) if row is not None else 0
        except engine.errors as exc:
            raise self._fail("writing", exc) from exc
        if not written:
            raise StaleTokenError(f"another token was stored in {self._where}; not overwritten")
        self._inside.written = (token, expected.token)
        return Snapshot(token, version)

    @contextlib.asynccontextmanager
    async def _lock(self) -> AsyncIterator[None]:
        engine = self._engine
        try:
            await engine.begin_lock(self.key, self.lock_timeout)
        except engine.errors as exc:
            raise TokenStoreError(
                f"taking the lock on {self._where} failed or timed out after {self.lock_timeout:g}s "
                f"({type(exc).__name__})"
            ) from exc
        self._inside = _Inside()
        try:
            yield
        finally:
            written, self._inside = self._inside.written, _Inside()
            try:
                await engine.end_lock()
            except engine.errors as exc:
                if written is None:
                    raise self._fail("committing", exc) from exc
                await self._keep(written[0], written[1], self._fail("committing", exc))

    async def aclose(self) -> None:
        """Close the idle pooled connections of this store and its ``for_user`` stores."""
        await self._engine.close()

    def __repr__(self) -> str:
        return f"AsyncSQLStore({self._engine.where}, key={self.key!r})"


class SQLiteStore(SQLStore):
    """The creator's token (or ``key``'s) in a SQLite file; ``.for_user(id)`` for user tokens."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        key: str = CREATOR_KEY,
        table: str = DEFAULT_TABLE,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        rescue_path: str | os.PathLike[str] | None = None,
    ) -> None:
        super().__init__(
            SQLiteEngine(os.fspath(path), check_table_name(table), lock_timeout),
            key=key,
            lock_timeout=lock_timeout,
            rescue_path=rescue_path,
        )


class AsyncSQLiteStore(AsyncSQLStore):
    """Async twin of SQLiteStore (sqlite3 in worker threads)."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        key: str = CREATOR_KEY,
        table: str = DEFAULT_TABLE,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        rescue_path: str | os.PathLike[str] | None = None,
    ) -> None:
        super().__init__(
            AsyncSQLiteEngine(os.fspath(path), check_table_name(table), lock_timeout),
            key=key,
            lock_timeout=lock_timeout,
            rescue_path=rescue_path,
        )


class PostgresStore(SQLStore):
    """The creator's token (or ``key``'s) in PostgreSQL (a libpq connection string or URL)."""

    def __init__(
        self,
        conninfo: str,
        *,
        key: str = CREATOR_KEY,
        table: str = DEFAULT_TABLE,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        rescue_path: str | os.PathLike[str] | None = None,
    ) -> None:
        super().__init__(
            PostgresEngine(conninfo, check_table_name(table), lock_timeout),
            key=key,
            lock_timeout=lock_timeout,
            rescue_path=rescue_path,
        )


class AsyncPostgresStore(AsyncSQLStore):
    """Async twin of PostgresStore (psycopg's AsyncConnection)."""

    def __init__(
        self,
        conninfo: str,
        *,
        key: str = CREATOR_KEY,
        table: str = DEFAULT_TABLE,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        rescue_path: str | os.PathLike[str] | None = None,
    ) -> None:
        super().__init__(
            AsyncPostgresEngine(conninfo, check_table_name(table), lock_timeout),
            key=key,
            lock_timeout=lock_timeout,
            rescue_path=rescue_path,
        )


__all__ = [
    "CREATOR_KEY",
    "AsyncPostgresStore",
    "AsyncSQLStore",
    "AsyncSQLiteStore",
    "PostgresStore",
    "SQLStore",
    "SQLiteStore",
    "user_key",
]
