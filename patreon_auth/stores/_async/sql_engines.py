"""The async SQL engines behind AsyncSQLStore: SQLite (stdlib sqlite3) and PostgreSQL (psycopg 3).

The async twin is the source: generator/unasync.py writes the sync engines from it. What they
share (the SQL, connecting, where connections live) and how each takes the refresh lock is in
patreon_auth/stores/_sql_engines.py.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from typing import Any, Protocol

from patreon_auth.stores._concurrency import AsyncOps
from patreon_auth.stores._sql_engines import (
    DEFAULT_POOL_SIZE,  # async only
    Row,
    Statements,
    TaskConnections,
    _postgres_create_schema_sql,
    _psycopg,
    _sqlite_begin,
    _sqlite_connect,
    _sqlite_run,
    describe_conninfo,
    pool_exhausted,  # async only
    postgres_open,
    sqlite_busy,
)


class AsyncEngine(Protocol):
    """One database: statements (inside the refresh lock, in its transaction) and the refresh lock."""

    statements: Statements
    errors: tuple[type[Exception], ...]
    where: str
    # What names this table in this database for every process of the host (rescue file names),
    # and the file the database lives in, when it is one (rescue files go beside it).
    database: str
    beside: str | None

    async def execute(self, sql: str, params: Sequence[Any]) -> tuple[int, Row | None]: ...

    async def begin_lock(self, key: str, timeout: float) -> None: ...

    async def end_lock(self) -> None: ...

    async def close(self) -> None: ...


class AsyncSQLiteEngine:
    """SQLite through the stdlib driver (the async engine runs it in worker threads)."""

    errors: tuple[type[Exception], ...] = (sqlite3.Error,)

    def __init__(
        self,
        path: str,
        table: str,
        timeout: float,
        pool_size: int = DEFAULT_POOL_SIZE,  # async only
    ) -> None:
        self.path = path
        self.table = table
        self.timeout = timeout
        self.statements = Statements(table, style="?")
        self.where = f"SQLite {path!r} table {table!r}"
        self.database = f"sqlite:{os.path.abspath(path)}:{table}"
        # An in-memory database has no file to put rescue files beside.
        self.beside: str | None = None if path in ("", ":memory:") or path.startswith("file:") else path
        # SQLite's lock is the whole database: this process's tasks queue for it on the event loop
        # and get sqlite_busy() after the timeout; threads each wait in SQLite's own busy handler.
        self._conns = TaskConnections(
            self._connect,
            busy=sqlite_busy,
            size=pool_size,  # async only
            wait=timeout,  # async only
            exhausted=pool_exhausted(sqlite3.OperationalError, timeout),  # async only
        )

    async def _connect(self) -> sqlite3.Connection:
        return await AsyncOps.run(_sqlite_connect, self.path, self.table, self.timeout)

    async def close(self) -> None:
        for conn in self._conns.drain():
            conn.close()

    async def execute(self, sql: str, params: Sequence[Any]) -> tuple[int, Row | None]:
        async with self._conns.lend() as conn:
            return await AsyncOps.run(_sqlite_run, conn, sql, params)

    async def begin_lock(self, key: str, timeout: float) -> None:
        async with self._conns.locking(timeout) as conn:
            await AsyncOps.run(_sqlite_begin, conn, timeout)

    async def end_lock(self) -> None:
        async with self._conns.unlocking() as conn:
            await AsyncOps.run(conn.execute, "COMMIT")


class AsyncPostgresEngine:
    """PostgreSQL through psycopg 3, in autocommit mode; the lock is a row lock in a transaction."""

    def __init__(
        self,
        conninfo: str,
        table: str,
        timeout: float,
        pool_size: int = DEFAULT_POOL_SIZE,  # async only
    ) -> None:
        self.psycopg = _psycopg()
        self.conninfo = conninfo
        self.table = table
        self.timeout = timeout
        self.errors: tuple[type[Exception], ...] = (self.psycopg.Error,)
        self.statements = Statements(table, style="%s")
        self.where = f"{describe_conninfo(conninfo)} table {table!r}"
        self.database = f"{describe_conninfo(conninfo)}:{table}"
        self.beside: str | None = None
        self._conns = TaskConnections(
            self._connect,
            usable=postgres_open,
            size=pool_size,  # async only
            wait=timeout,  # async only
            exhausted=pool_exhausted(self.psycopg.OperationalError, timeout),  # async only
        )

    async def _connect(self) -> Any:
        conn = await self.psycopg.AsyncConnection.connect(
            self.conninfo, autocommit=True, connect_timeout=max(1, int(self.timeout))
        )
        for sql in _postgres_create_schema_sql(self.table):
            await conn.execute(sql)
        return conn

    async def close(self) -> None:
        for conn in self._conns.drain():
            await conn.close()

    async def execute(self, sql: str, params: Sequence[Any]) -> tuple[int, Row | None]:
        # A read outside the refresh lock is retried once on a new connection when the server
        # closed the one it ran on (a restart ends every session with AdminShutdown): it changes
        # nothing, so running it again is safe. Inside the lock the transaction died with the
        # connection; that is the lock holder's error to see.
        retry = sql == self.statements.select and not self._conns.in_lock()
        while True:
            async with self._conns.lend() as conn:
                try:
                    cursor = await conn.execute(sql, tuple(params))
                    row = await cursor.fetchone() if cursor.description else None
                    return int(cursor.rowcount), row
                except self.psycopg.OperationalError:
                    if not (retry and conn.closed):
                        raise
            retry = False

    async def begin_lock(self, key: str, timeout: float) -> None:
        # Retried once, on a new connection, when the server closed the one taken (see execute):
        # nothing of a transaction that died before the lock was taken happened.
        for retry in (True, False):
            taken: list[Any] = []
            try:
                async with self._conns.locking(timeout) as conn:
                    taken.append(conn)
                    await self._begin(conn, key, timeout)
                return
            except self.psycopg.OperationalError:
                if not (retry and taken and taken[0].closed):
                    raise

    async def _begin(self, conn: Any, key: str, timeout: float) -> None:
        statements = self.statements
        await conn.execute("BEGIN")
        try:
            await conn.execute(f"SET LOCAL lock_timeout = {int(timeout * 1000)}")
            await conn.execute(statements.placeholder, (key,))
            await conn.execute(statements.lock_row, (key,))
        except BaseException:
            if not conn.closed:
                await conn.execute("ROLLBACK")
            raise

    async def end_lock(self) -> None:
        async with self._conns.unlocking() as conn:
            await conn.execute("COMMIT")


__all__ = ["AsyncEngine", "AsyncPostgresEngine", "AsyncSQLiteEngine"]
