"""The async SQL engines behind AsyncSQLStore: SQLite (stdlib sqlite3) and PostgreSQL (psycopg 3).

The async twin is the source: generator/unasync.py writes the sync engines from it. What they
share (the SQL, connecting, where connections live) and how each takes the refresh lock is in
patreon_auth/stores/_sql_engines.py.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any, Protocol

from patreon_auth.stores._concurrency import AsyncOps
from patreon_auth.stores._sql_engines import (
    Row,
    Statements,
    TaskConnections,
    _postgres_create_schema_sql,
    _psycopg,
    _sqlite_begin,
    _sqlite_connect,
    _sqlite_run,
    describe_conninfo,
    postgres_open,
    sqlite_busy,
)


class AsyncEngine(Protocol):
    """One database: statements (inside the refresh lock, in its transaction) and the refresh lock."""

    statements: Statements
    errors: tuple[type[Exception], ...]
    where: str

    async def execute(self, sql: str, params: Sequence[Any]) -> tuple[int, Row | None]: ...

    async def begin_lock(self, key: str, timeout: float) -> None: ...

    async def end_lock(self) -> None: ...

    async def close(self) -> None: ...


class AsyncSQLiteEngine:
    """SQLite through the stdlib driver (the async engine runs it in worker threads)."""

    errors: tuple[type[Exception], ...] = (sqlite3.Error,)

    def __init__(self, path: str, table: str, timeout: float) -> None:
        self.path = path
        self.table = table
        self.timeout = timeout
        self.statements = Statements(table, style="?")
        self.where = f"SQLite {path!r} table {table!r}"
        # SQLite's lock is the whole database: this process's tasks queue for it on the event loop
        # and get sqlite_busy() after the timeout; threads each wait in SQLite's own busy handler.
        self._conns = TaskConnections(self._connect, busy=sqlite_busy)

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

    def __init__(self, conninfo: str, table: str, timeout: float) -> None:
        self.psycopg = _psycopg()
        self.conninfo = conninfo
        self.table = table
        self.timeout = timeout
        self.errors: tuple[type[Exception], ...] = (self.psycopg.Error,)
        self.statements = Statements(table, style="%s")
        self.where = f"{describe_conninfo(conninfo)} table {table!r}"
        self._conns = TaskConnections(self._connect, usable=postgres_open)

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
        async with self._conns.lend() as conn:
            cursor = await conn.execute(sql, tuple(params))
            row = await cursor.fetchone() if cursor.description else None
            return int(cursor.rowcount), row

    async def begin_lock(self, key: str, timeout: float) -> None:
        statements = self.statements
        async with self._conns.locking(timeout) as conn:
            await conn.execute("BEGIN")
            try:
                await conn.execute(f"SET LOCAL lock_timeout = {int(timeout * 1000)}")
                await conn.execute(statements.placeholder, (key,))
                await conn.execute(statements.lock_row, (key,))
            except BaseException:
                await conn.execute("ROLLBACK")
                raise

    async def end_lock(self) -> None:
        async with self._conns.unlocking() as conn:
            await conn.execute("COMMIT")


__all__ = ["AsyncEngine", "AsyncPostgresEngine", "AsyncSQLiteEngine"]
