"""The two SQL engines behind SQLStore: SQLite (stdlib sqlite3) and PostgreSQL (psycopg 3).

Each engine knows how to connect, create the schema once, and take the refresh lock:

- SQLite: ``BEGIN IMMEDIATE`` takes the database's write lock (the whole file, not one row:
  SQLite has no row locks), waited for up to ``lock_timeout`` through ``busy_timeout``.
- PostgreSQL: ``SELECT ... FOR UPDATE`` on the key's row (a placeholder row is inserted first,
  so a key without a token yet can be locked too), waited for up to ``lock_timeout``.

Inside the lock every read and write goes through the lock's connection and transaction; the
transaction commits when the lock is released, also after an error, because a token written
inside it may be the only copy of a single-use refresh token [PD _oauth.md].

Sync stores use one connection per thread; async stores keep a small pool and bind the lock's
connection to the task (a ContextVar), so the refresh's ``get``/``put`` find it.
"""

from __future__ import annotations

import asyncio
import contextvars
import re
import sqlite3
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from patreon_auth.errors import TokenStoreError

if TYPE_CHECKING:
    import psycopg

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")
# Any constant: it names the advisory lock PostgreSQL sessions take to create the schema once.
_SCHEMA_LOCK_ID = 0x7A7E0_0001

Row = tuple[Any, ...]
C = TypeVar("C")


def check_table_name(table: str) -> str:
    """Table names go into SQL text (they cannot be parameters), so only plain identifiers pass."""
    if not _IDENTIFIER.match(table):
        raise ValueError(f"table must be a plain SQL identifier (letters, digits, _), got {table!r}")
    return table


def sqlite_schema(table: str) -> str:
    return (
        f"CREATE TABLE IF NOT EXISTS {table} ("
        " key TEXT PRIMARY KEY,"
        " token TEXT,"
        " version INTEGER NOT NULL DEFAULT 0,"
        " updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))"
    )


def postgres_schema(table: str) -> str:
    return (
        f"CREATE TABLE IF NOT EXISTS {table} ("
        " key TEXT PRIMARY KEY,"
        " token TEXT,"
        " version BIGINT NOT NULL DEFAULT 0,"
        " updated_at TIMESTAMPTZ NOT NULL DEFAULT now())"
    )


class Statements:
    """The store's SQL, in each engine's parameter style."""

    def __init__(self, table: str, *, style: str) -> None:
        def q(sql: str) -> str:
            return sql.replace("?", style)

        now = "now()" if style == "%s" else "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
        self.select = q(f"SELECT token, version FROM {table} WHERE key = ?")
        self.update = q(
            f"UPDATE {table} SET token = ?, version = version + 1, updated_at = {now} WHERE key = ? AND version = ?"
        )
        self.insert = q(
            f"INSERT INTO {table} (key, token, version) VALUES (?, ?, 1) ON CONFLICT (key) DO NOTHING"
        )
        self.fill = q(
            f"UPDATE {table} SET token = ?, version = version + 1, updated_at = {now} WHERE key = ? AND token IS NULL"
        )
        self.placeholder = q(
            f"INSERT INTO {table} (key, token, version) VALUES (?, NULL, 0) ON CONFLICT (key) DO NOTHING"
        )
        self.lock_row = q(f"SELECT version FROM {table} WHERE key = ? FOR UPDATE")


class SyncEngine(Protocol):
    """One database, sync: statements on this thread's connection, and the refresh lock."""

    statements: Statements
    errors: tuple[type[Exception], ...]
    where: str

    def execute(self, sql: str, params: Sequence[Any]) -> tuple[int, Row | None]: ...

    def begin_lock(self, key: str, timeout: float) -> None: ...

    def end_lock(self) -> None: ...

    def close(self) -> None: ...


class AsyncEngine(Protocol):
    statements: Statements
    errors: tuple[type[Exception], ...]
    where: str

    async def execute(self, sql: str, params: Sequence[Any]) -> tuple[int, Row | None]: ...

    async def begin_lock(self, key: str, timeout: float) -> None: ...

    async def end_lock(self) -> None: ...

    async def close(self) -> None: ...


# --- SQLite ------------------------------------------------------------------------------------


def _sqlite_connect(path: str, table: str, timeout: float) -> sqlite3.Connection:
    # isolation_level=None: no implicit transactions; BEGIN IMMEDIATE is ours to issue.
    conn = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
    # WAL lets readers go on while one process holds the write lock for a refresh.
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(sqlite_schema(table))
    return conn


def _sqlite_run(conn: sqlite3.Connection, sql: str, params: Sequence[Any]) -> tuple[int, Row | None]:
    cursor = conn.execute(sql, tuple(params))
    row = cursor.fetchone() if cursor.description else None
    return cursor.rowcount, row


class SQLiteEngine:
    """SQLite through the stdlib; one connection per thread."""

    errors: tuple[type[Exception], ...] = (sqlite3.Error,)

    def __init__(self, path: str, table: str, timeout: float) -> None:
        self.path = path
        self.table = table
        self.timeout = timeout
        self.statements = Statements(table, style="?")
        self.where = f"SQLite {path!r} table {table!r}"
        self._local = threading.local()
        self._opened = _Opened[sqlite3.Connection]()

    def _conn(self) -> sqlite3.Connection:
        conn = self._opened.current(self._local)
        if conn is None:
            conn = self._opened.add(self._local, _sqlite_connect(self.path, self.table, self.timeout))
        return conn

    def close(self) -> None:
        self._opened.close_all()

    def execute(self, sql: str, params: Sequence[Any]) -> tuple[int, Row | None]:
        return _sqlite_run(self._conn(), sql, params)

    def begin_lock(self, key: str, timeout: float) -> None:
        conn = self._conn()
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        conn.execute("BEGIN IMMEDIATE")

    def end_lock(self) -> None:
        self._conn().execute("COMMIT")


class AsyncSQLiteEngine:
    """SQLite for asyncio: the stdlib driver in worker threads, one connection per task at a time."""

    errors: tuple[type[Exception], ...] = (sqlite3.Error,)

    def __init__(self, path: str, table: str, timeout: float) -> None:
        self.path = path
        self.table = table
        self.timeout = timeout
        self.statements = Statements(table, style="?")
        self.where = f"SQLite {path!r} table {table!r}"
        self._pool = _Pool[sqlite3.Connection]()
        self._bound: contextvars.ContextVar[sqlite3.Connection | None] = contextvars.ContextVar(
            "patreon_sqlite_lock", default=None
        )
        # SQLite's lock is the whole database, so one task of this process may hold it at a time.
        # The others wait here, on the event loop, not in worker threads: blocked in BEGIN
        # IMMEDIATE they would fill the thread pool the holder needs to commit.
        self._task_lock = asyncio.Lock()

    async def _connect(self) -> sqlite3.Connection:
        return await asyncio.to_thread(_sqlite_connect, self.path, self.table, self.timeout)

    async def close(self) -> None:
        for conn in self._pool.drain():
            conn.close()

    async def execute(self, sql: str, params: Sequence[Any]) -> tuple[int, Row | None]:
        bound = self._bound.get()
        if bound is not None:
            return await asyncio.to_thread(_sqlite_run, bound, sql, params)
        conn = self._pool.take() or await self._connect()
        try:
            return await asyncio.to_thread(_sqlite_run, conn, sql, params)
        finally:
            self._pool.give(conn)

    async def begin_lock(self, key: str, timeout: float) -> None:
        try:
            async with asyncio.timeout(timeout):
                await self._task_lock.acquire()
        except TimeoutError:
            raise sqlite3.OperationalError("database is locked by another task of this process") from None
        try:
            conn = self._pool.take() or await self._connect()
        except BaseException:
            self._task_lock.release()
            raise

        def begin() -> None:
            conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            conn.execute("BEGIN IMMEDIATE")

        try:
            await asyncio.to_thread(begin)
        except BaseException:
            self._pool.give(conn)
            self._task_lock.release()
            raise
        self._bound.set(conn)

    async def end_lock(self) -> None:
        conn = self._bound.get()
        assert conn is not None
        self._bound.set(None)
        try:
            await asyncio.to_thread(conn.execute, "COMMIT")
        finally:
            self._pool.give(conn)
            self._task_lock.release()


# --- PostgreSQL --------------------------------------------------------------------------------


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise TokenStoreError("PostgreSQL stores need psycopg 3: pip install 'patreonkit[postgres]'") from exc
    return psycopg


def describe_conninfo(conninfo: str) -> str:
    """host:port/dbname of a connection string, never its password."""
    try:
        parts = _psycopg().conninfo.conninfo_to_dict(conninfo)
    except Exception:
        return "PostgreSQL <unparsed conninfo>"
    return f"PostgreSQL {parts.get('host', 'localhost')}:{parts.get('port', 5432)}/{parts.get('dbname', '')}"


def _postgres_create_schema_sql(table: str) -> list[str]:
    # Concurrent CREATE TABLE IF NOT EXISTS can still collide in the catalog; an advisory lock
    # makes the first process create it and the others find it.
    return ["BEGIN", f"SELECT pg_advisory_xact_lock({_SCHEMA_LOCK_ID})", postgres_schema(table), "COMMIT"]


class PostgresEngine:
    """PostgreSQL through psycopg 3; one autocommit connection per thread."""

    def __init__(self, conninfo: str, table: str, timeout: float) -> None:
        self.psycopg = _psycopg()
        self.conninfo = conninfo
        self.table = table
        self.timeout = timeout
        self.errors: tuple[type[Exception], ...] = (self.psycopg.Error,)
        self.statements = Statements(table, style="%s")
        self.where = f"{describe_conninfo(conninfo)} table {table!r}"
        self._local = threading.local()
        self._opened = _Opened[Any]()

    def _conn(self) -> psycopg.Connection[Any]:
        conn: psycopg.Connection[Any] | None = self._opened.current(self._local)
        if conn is None or conn.closed:
            conn = self.psycopg.connect(
                self.conninfo, autocommit=True, connect_timeout=max(1, int(self.timeout))
            )
            assert conn is not None
            for sql in _postgres_create_schema_sql(self.table):
                conn.execute(sql)
            self._opened.add(self._local, conn)
        return conn

    def close(self) -> None:
        self._opened.close_all()

    def execute(self, sql: str, params: Sequence[Any]) -> tuple[int, Row | None]:
        cursor = self._conn().execute(sql, tuple(params))
        row = cursor.fetchone() if cursor.description else None
        return cursor.rowcount, row

    def begin_lock(self, key: str, timeout: float) -> None:
        conn = self._conn()
        statements = self.statements
        conn.execute("BEGIN")
        try:
            conn.execute(f"SET LOCAL lock_timeout = {int(timeout * 1000)}")
            conn.execute(statements.placeholder, (key,))
            conn.execute(statements.lock_row, (key,))
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def end_lock(self) -> None:
        self._conn().execute("COMMIT")


class AsyncPostgresEngine:
    """PostgreSQL through psycopg 3's AsyncConnection; a small pool, the lock's connection per task."""

    def __init__(self, conninfo: str, table: str, timeout: float) -> None:
        self.psycopg = _psycopg()
        self.conninfo = conninfo
        self.table = table
        self.timeout = timeout
        self.errors: tuple[type[Exception], ...] = (self.psycopg.Error,)
        self.statements = Statements(table, style="%s")
        self.where = f"{describe_conninfo(conninfo)} table {table!r}"
        self._pool = _Pool[Any]()
        self._bound: contextvars.ContextVar[Any] = contextvars.ContextVar(
            "patreon_postgres_lock", default=None
        )

    async def _connect(self) -> Any:
        conn = await self.psycopg.AsyncConnection.connect(
            self.conninfo, autocommit=True, connect_timeout=max(1, int(self.timeout))
        )
        for sql in _postgres_create_schema_sql(self.table):
            await conn.execute(sql)
        return conn

    async def close(self) -> None:
        for conn in self._pool.drain():
            await conn.close()

    async def _take(self) -> Any:
        conn = self._pool.take()
        while conn is not None and conn.closed:
            conn = self._pool.take()
        return conn if conn is not None else await self._connect()

    async def execute(self, sql: str, params: Sequence[Any]) -> tuple[int, Row | None]:
        conn = self._bound.get()
        owned = conn is None
        if owned:
            conn = await self._take()
        try:
            cursor = await conn.execute(sql, tuple(params))
            row = await cursor.fetchone() if cursor.description else None
            return int(cursor.rowcount), row
        finally:
            if owned:
                self._pool.give(conn)

    async def begin_lock(self, key: str, timeout: float) -> None:
        conn = await self._take()
        statements = self.statements
        try:
            await conn.execute("BEGIN")
            try:
                await conn.execute(f"SET LOCAL lock_timeout = {int(timeout * 1000)}")
                await conn.execute(statements.placeholder, (key,))
                await conn.execute(statements.lock_row, (key,))
            except BaseException:
                await conn.execute("ROLLBACK")
                raise
        except BaseException:
            self._pool.give(conn)
            raise
        self._bound.set(conn)

    async def end_lock(self) -> None:
        conn = self._bound.get()
        assert conn is not None
        self._bound.set(None)
        try:
            await conn.execute("COMMIT")
        finally:
            self._pool.give(conn)


class _Pool(Generic[C]):
    """Idle connections; a task takes one for a statement (or a lock) and gives it back."""

    def __init__(self) -> None:
        self._idle: list[C] = []
        self._lock = threading.Lock()

    def take(self) -> C | None:
        with self._lock:
            return self._idle.pop() if self._idle else None

    def give(self, conn: C) -> None:
        with self._lock:
            self._idle.append(conn)

    def drain(self) -> list[C]:
        with self._lock:
            idle, self._idle = self._idle, []
            return idle


class _Closable(Protocol):
    def close(self) -> object: ...


K = TypeVar("K", bound=_Closable)


class _Opened(Generic[K]):
    """Every connection a sync engine opened (one per thread), so close() can reach them all.

    Threads keep their connection in a thread-local slot together with the generation it was
    opened in; close() starts a new generation, so a thread finds its old one gone and reopens.
    """

    def __init__(self) -> None:
        self._conns: list[K] = []
        self._generation = 0
        self._lock = threading.Lock()

    def current(self, local: threading.local) -> K | None:
        slot: tuple[int, K] | None = getattr(local, "conn", None)
        return slot[1] if slot is not None and slot[0] == self._generation else None

    def add(self, local: threading.local, conn: K) -> K:
        with self._lock:
            self._conns.append(conn)
            local.conn = (self._generation, conn)
        return conn

    def close_all(self) -> None:
        with self._lock:
            conns, self._conns = self._conns, []
            self._generation += 1
        for conn in conns:
            conn.close()
