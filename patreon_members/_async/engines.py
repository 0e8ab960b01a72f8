"""The databases under AsyncMemberMirror: SQLite (stdlib sqlite3) and PostgreSQL (psycopg 3).

The async twin is the source: generator/unasync.py writes the sync engines from it. Each engine
hands out transactions (``async with engine.transaction() as tx``) and runs reads outside them;
every driver error leaves as MirrorStorageError naming the file or server and the problem.

- SQLite: ``BEGIN IMMEDIATE`` takes the database's write lock (SQLite has no row locks), waited
  for up to ``timeout`` through ``busy_timeout``; this process's writers queue on one lock first.
  The file is checked before each transaction: a file deleted or replaced under an open
  connection would otherwise take writes into an unlinked inode and lose them.
- PostgreSQL: a transaction per write, member rows serialised by advisory locks keyed on the
  member id (``Statements.lock_member``), ``lock_timeout`` as the wait.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import AsyncIterator, Sequence
from typing import Any, Protocol

from patreon_members._concurrency import AsyncOps
from patreon_members._sql import (
    Row,
    Statements,
    check_prefix,
    postgres_problem,
    postgres_schema_sql,
    psycopg_module,
    sqlite_connect,
    sqlite_identity,
    sqlite_many,
    sqlite_problem,
    sqlite_rows,
    sqlite_run,
    storage_error,
)
from patreon_members.errors import MirrorStorageError


class AsyncMirrorTx(Protocol):
    """One open transaction: statements run inside it; it commits when its block ends cleanly."""

    async def rows(self, sql: str, params: Sequence[Any]) -> list[Row]: ...

    async def run(self, sql: str, params: Sequence[Any]) -> int: ...

    async def many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...


class AsyncEngine(Protocol):
    statements: Statements
    where: str

    def transaction(self) -> contextlib.AbstractAsyncContextManager[AsyncMirrorTx]: ...

    async def rows(self, sql: str, params: Sequence[Any]) -> list[Row]: ...

    async def close(self) -> None: ...


# --- SQLite ------------------------------------------------------------------------------------


class AsyncSQLiteTx:
    def __init__(self, conn: sqlite3.Connection, where: str) -> None:
        self._conn = conn
        self._where = where

    def _fail(self, exc: BaseException) -> MirrorStorageError:
        return storage_error("writing", self._where, sqlite_problem(exc), exc)

    async def rows(self, sql: str, params: Sequence[Any]) -> list[Row]:
        try:
            return await AsyncOps.run(sqlite_rows, self._conn, sql, params)
        except sqlite3.Error as exc:
            raise self._fail(exc) from exc

    async def run(self, sql: str, params: Sequence[Any]) -> int:
        try:
            return await AsyncOps.run(sqlite_run, self._conn, sql, params)
        except sqlite3.Error as exc:
            raise self._fail(exc) from exc

    async def many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        try:
            await AsyncOps.run(sqlite_many, self._conn, sql, rows)
        except sqlite3.Error as exc:
            raise self._fail(exc) from exc


class AsyncSQLiteEngine:
    """A SQLite file, created 0600 with its schema on first use."""

    def __init__(
        self, path: str | os.PathLike[str], prefix: str, *, timeout: float, durable: bool = True
    ) -> None:
        self.path = os.fspath(path)
        self.prefix = check_prefix(prefix)
        self.timeout = timeout
        self.durable = durable
        self.statements = Statements(self.prefix, postgres=False)
        self.where = f"SQLite {self.path!r}"
        self._idle: list[sqlite3.Connection] = []
        self._writer = AsyncOps.lock()
        self._identity: tuple[int, int] | None = None

    async def _take(self, action: str) -> sqlite3.Connection:
        identity = sqlite_identity(self.path)
        if self._identity is not None and identity != self._identity:
            # Deleted or replaced since we opened it: our connections point at a file no one reads.
            for conn in self._drain():
                conn.close()
            raise MirrorStorageError(
                f"{action} the member mirror in {self.where} failed: the file is gone or was replaced",
                where=self.where,
                problem="gone",
            )
        if self._idle:
            return self._idle.pop()
        try:
            conn = await AsyncOps.run(sqlite_connect, self.path, self.prefix, self.timeout, self.durable)
        except (sqlite3.Error, OSError) as exc:
            raise storage_error(action, self.where, sqlite_problem(exc), exc) from exc
        if self._identity is None:
            self._identity = sqlite_identity(self.path)
        return conn

    def _give(self, conn: sqlite3.Connection) -> None:
        self._idle.append(conn)

    def _drain(self) -> list[sqlite3.Connection]:
        idle, self._idle = self._idle, []
        return idle

    @contextlib.asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncMirrorTx]:
        if not await AsyncOps.acquire(self._writer, self.timeout):
            raise MirrorStorageError(
                f"writing the member mirror in {self.where} failed: locked by this process "
                f"for more than {self.timeout:g}s",
                where=self.where,
                problem="locked",
            )
        try:
            conn = await self._take("writing")
            try:
                await AsyncOps.run(conn.execute, "BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                conn.close()
                raise storage_error("writing", self.where, sqlite_problem(exc), exc) from exc
            try:
                yield AsyncSQLiteTx(conn, self.where)
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    await AsyncOps.run(conn.execute, "ROLLBACK")
                self._give(conn)
                raise
            try:
                await AsyncOps.run(conn.execute, "COMMIT")
            except sqlite3.Error as exc:
                with contextlib.suppress(sqlite3.Error):
                    await AsyncOps.run(conn.execute, "ROLLBACK")
                conn.close()
                raise storage_error("committing", self.where, sqlite_problem(exc), exc) from exc
            self._give(conn)
        finally:
            self._writer.release()

    async def rows(self, sql: str, params: Sequence[Any]) -> list[Row]:
        conn = await self._take("reading")
        try:
            found = await AsyncOps.run(sqlite_rows, conn, sql, params)
        except sqlite3.Error as exc:
            conn.close()
            raise storage_error("reading", self.where, sqlite_problem(exc), exc) from exc
        self._give(conn)
        return found

    async def close(self) -> None:
        for conn in self._drain():
            conn.close()


# --- PostgreSQL --------------------------------------------------------------------------------


class AsyncPostgresTx:
    def __init__(self, conn: Any, where: str, errors: type[Exception]) -> None:
        self._conn = conn
        self._where = where
        self._errors = errors

    def _fail(self, exc: BaseException) -> MirrorStorageError:
        return storage_error("writing", self._where, postgres_problem(exc), exc)

    async def rows(self, sql: str, params: Sequence[Any]) -> list[Row]:
        try:
            cursor = await self._conn.execute(sql, tuple(params))
            return list(await cursor.fetchall()) if cursor.description else []
        except self._errors as exc:
            raise self._fail(exc) from exc

    async def run(self, sql: str, params: Sequence[Any]) -> int:
        try:
            cursor = await self._conn.execute(sql, tuple(params))
            return int(cursor.rowcount)
        except self._errors as exc:
            raise self._fail(exc) from exc

    async def many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        try:
            async with self._conn.cursor() as cursor:
                await cursor.executemany(sql, [tuple(row) for row in rows])
        except self._errors as exc:
            raise self._fail(exc) from exc


class AsyncPostgresEngine:
    """A PostgreSQL database (a libpq connection string or URL), schema made on first connect."""

    def __init__(self, conninfo: str, prefix: str, *, timeout: float) -> None:
        self.psycopg = psycopg_module()
        self.conninfo = conninfo
        self.prefix = check_prefix(prefix)
        self.timeout = timeout
        self.statements = Statements(self.prefix, postgres=True)
        # The token stores' description (host:port/dbname, never a password), loaded with psycopg:
        # a SQLite mirror does not load the SQL token stores.
        from patreon_auth.stores.sql import describe_conninfo

        self.where = describe_conninfo(conninfo)
        self._errors: type[Exception] = self.psycopg.Error
        self._idle: list[Any] = []

    async def _take(self, action: str) -> Any:
        while self._idle:
            conn = self._idle.pop()
            if not conn.closed:
                return conn
        try:
            conn = await self.psycopg.AsyncConnection.connect(
                self.conninfo, autocommit=True, connect_timeout=max(1, int(self.timeout))
            )
            for sql in postgres_schema_sql(self.prefix):
                await conn.execute(sql)
        except self._errors as exc:
            raise storage_error(action, self.where, postgres_problem(exc), exc) from None
        return conn

    def _give(self, conn: Any) -> None:
        if not conn.closed:
            self._idle.append(conn)

    @contextlib.asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncMirrorTx]:
        conn = await self._take("writing")
        try:
            await conn.execute("BEGIN")
            await conn.execute(f"SET LOCAL lock_timeout = {int(self.timeout * 1000)}")
        except self._errors as exc:
            await conn.close()
            raise storage_error("writing", self.where, postgres_problem(exc), exc) from None
        try:
            yield AsyncPostgresTx(conn, self.where, self._errors)
        except BaseException:
            with contextlib.suppress(self._errors):
                await conn.execute("ROLLBACK")
            self._give(conn)
            raise
        try:
            await conn.execute("COMMIT")
        except self._errors as exc:
            await conn.close()
            raise storage_error("committing", self.where, postgres_problem(exc), exc) from None
        self._give(conn)

    async def rows(self, sql: str, params: Sequence[Any]) -> list[Row]:
        conn = await self._take("reading")
        try:
            cursor = await conn.execute(sql, tuple(params))
            found = list(await cursor.fetchall()) if cursor.description else []
        except self._errors as exc:
            await conn.close()
            raise storage_error("reading", self.where, postgres_problem(exc), exc) from None
        self._give(conn)
        return found

    async def close(self) -> None:
        idle, self._idle = self._idle, []
        for conn in idle:
            await conn.close()


__all__ = ["AsyncEngine", "AsyncMirrorTx", "AsyncPostgresEngine", "AsyncSQLiteEngine"]
