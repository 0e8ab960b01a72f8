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
same database. The contract is the other stores' (``stores/base.py``):

- writes are compare-and-set on ``version``: a ``put`` succeeds only if the row still holds the
  version this store last read or wrote, else StaleTokenError and nothing is written;
- ``refresh_lock()`` is a database lock held in a transaction: ``BEGIN IMMEDIATE`` on SQLite (the
  database's write lock), ``SELECT ... FOR UPDATE`` on the row on PostgreSQL, so exactly one
  process refreshes a token per expiry; the reads and writes inside go through that transaction;
- a write the database refused is kept (``last_token``) and retried, never dropped.

PostgreSQL needs psycopg 3 (extra ``postgres``); it is imported only when such a store is made.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator, Iterator

from patreon_auth.errors import TokenStoreError
from patreon_auth.stores._backed import (
    AsyncBackedStore,
    BackedStore,
    StaleTokenError,
    decode_token,
    encode_token,
)
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


def _parse_row(row: Row | None, *, where: str, key: str) -> tuple[Token | None, int]:
    if row is None:
        return None, 0
    raw, version = row
    if raw is None:
        return None, int(version)
    return decode_token(raw, source=f"{where} row {key!r}"), int(version)


def _stale(where: str, key: str, expected: int, row: Row | None) -> StaleTokenError:
    stored = "no row" if row is None else f"version {row[1]}"
    return StaleTokenError(
        f"a newer token was stored in {where} row {key!r} ({stored}; this store last saw version "
        f"{expected}); not overwritten"
    )


class _CommitTracker:
    """What was written inside the current lock, so a failed COMMIT keeps it pending."""

    def __init__(self) -> None:
        self.written: Token | None = None


class SQLStore(BackedStore):
    """A token row in a SQL database (use SQLiteStore or PostgresStore to make one)."""

    def __init__(self, engine: SyncEngine, *, key: str, lock_timeout: float) -> None:
        super().__init__()
        self._engine = engine
        self.key = key
        self.lock_timeout = lock_timeout
        self._version = 0
        self._inside = _CommitTracker()

    def for_user(self, user_id: str | int) -> SQLStore:
        """The store of one user's token, in the same database and table."""
        return SQLStore(self._engine, key=user_key(user_id), lock_timeout=self.lock_timeout)

    def _fail(self, action: str, exc: Exception) -> TokenStoreError:
        return TokenStoreError(
            f"{action} {self._engine.where} row {self.key!r} failed ({type(exc).__name__})"
        )

    def _load(self) -> Token | None:
        try:
            _, row = self._engine.execute(self._engine.statements.select, (self.key,))
        except self._engine.errors as exc:
            raise self._fail("reading", exc) from exc
        token, self._version = _parse_row(row, where=self._engine.where, key=self.key)
        return token

    def _save(self, token: Token) -> None:
        engine, expected, text = self._engine, self._version, encode_token(token)
        try:
            updated, _ = engine.execute(engine.statements.update, (text, self.key, expected))
            if not updated and expected == 0:
                updated, _ = engine.execute(engine.statements.insert, (self.key, text))
            if not updated:
                _, row = engine.execute(engine.statements.select, (self.key,))
                raise _stale(engine.where, self.key, self._version, row)
        except engine.errors as exc:
            raise self._fail("writing", exc) from exc
        self._version = expected + 1
        self._inside.written = token

    @contextlib.contextmanager
    def refresh_lock(self) -> Iterator[None]:
        engine = self._engine
        try:
            engine.begin_lock(self.key, self.lock_timeout)
        except engine.errors as exc:
            raise TokenStoreError(
                f"taking the lock on {engine.where} row {self.key!r} failed or timed out after "
                f"{self.lock_timeout:g}s ({type(exc).__name__})"
            ) from exc
        self._inside = _CommitTracker()
        try:
            yield
        finally:
            written, self._inside = self._inside.written, _CommitTracker()
            try:
                engine.end_lock()
            except engine.errors as exc:
                if written is not None:
                    # The refresh token it replaced is spent: keep this one and write it again.
                    self._pending = written
                raise self._fail("committing", exc) from exc

    def close(self) -> None:
        """Close the database connections of this store and of every ``for_user`` store made from it."""
        self._engine.close()

    def __repr__(self) -> str:
        return f"SQLStore({self._engine.where}, key={self.key!r})"


class AsyncSQLStore(AsyncBackedStore):
    """Async twin of SQLStore (use AsyncSQLiteStore or AsyncPostgresStore to make one)."""

    def __init__(self, engine: AsyncEngine, *, key: str, lock_timeout: float) -> None:
        super().__init__()
        self._engine = engine
        self.key = key
        self.lock_timeout = lock_timeout
        self._version = 0
        self._inside = _CommitTracker()

    def for_user(self, user_id: str | int) -> AsyncSQLStore:
        return AsyncSQLStore(self._engine, key=user_key(user_id), lock_timeout=self.lock_timeout)

    def _fail(self, action: str, exc: Exception) -> TokenStoreError:
        return TokenStoreError(
            f"{action} {self._engine.where} row {self.key!r} failed ({type(exc).__name__})"
        )

    async def _load(self) -> Token | None:
        try:
            _, row = await self._engine.execute(self._engine.statements.select, (self.key,))
        except self._engine.errors as exc:
            raise self._fail("reading", exc) from exc
        token, self._version = _parse_row(row, where=self._engine.where, key=self.key)
        return token

    async def _save(self, token: Token) -> None:
        engine, expected, text = self._engine, self._version, encode_token(token)
        try:
            updated, _ = await engine.execute(engine.statements.update, (text, self.key, expected))
            if not updated and expected == 0:
                updated, _ = await engine.execute(engine.statements.insert, (self.key, text))
            if not updated:
                _, row = await engine.execute(engine.statements.select, (self.key,))
                raise _stale(engine.where, self.key, self._version, row)
        except engine.errors as exc:
            raise self._fail("writing", exc) from exc
        self._version = expected + 1
        self._inside.written = token

    @contextlib.asynccontextmanager
    async def refresh_lock(self) -> AsyncIterator[None]:
        engine = self._engine
        try:
            await engine.begin_lock(self.key, self.lock_timeout)
        except engine.errors as exc:
            raise TokenStoreError(
                f"taking the lock on {engine.where} row {self.key!r} failed or timed out after "
                f"{self.lock_timeout:g}s ({type(exc).__name__})"
            ) from exc
        self._inside = _CommitTracker()
        try:
            yield
        finally:
            written, self._inside = self._inside.written, _CommitTracker()
            try:
                await engine.end_lock()
            except engine.errors as exc:
                if written is not None:
                    self._pending = written
                raise self._fail("committing", exc) from exc

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
    ) -> None:
        super().__init__(
            SQLiteEngine(os.fspath(path), check_table_name(table), lock_timeout),
            key=key,
            lock_timeout=lock_timeout,
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
    ) -> None:
        super().__init__(
            AsyncSQLiteEngine(os.fspath(path), check_table_name(table), lock_timeout),
            key=key,
            lock_timeout=lock_timeout,
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
    ) -> None:
        super().__init__(
            PostgresEngine(conninfo, check_table_name(table), lock_timeout),
            key=key,
            lock_timeout=lock_timeout,
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
    ) -> None:
        super().__init__(
            AsyncPostgresEngine(conninfo, check_table_name(table), lock_timeout),
            key=key,
            lock_timeout=lock_timeout,
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
