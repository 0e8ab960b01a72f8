"""What the SQL engines behind SQLStore share: the SQL, connecting, and where connections live.

The engines themselves are twins (patreon_auth/stores/_async/sql_engines.py, and the sync ones generated
from it): SQLite (stdlib sqlite3) and PostgreSQL (psycopg 3). Each knows how to connect, create
the schema once, and take the refresh lock:

- SQLite: ``BEGIN IMMEDIATE`` takes the database's write lock (the whole file, not one row:
  SQLite has no row locks), waited for up to ``lock_timeout`` through ``busy_timeout``.
- PostgreSQL: ``SELECT ... FOR UPDATE`` on the key's row (a placeholder row is inserted first,
  so a key without a token yet can be locked too), waited for up to ``lock_timeout``.

Inside the lock every read and write goes through the lock's connection and transaction; the
transaction commits when the lock is released, also after an error, because a token written
inside it may be the only copy of a single-use refresh token [PD _oauth.md].

Sync engines use one connection per thread (ThreadConnections); async engines keep a small pool
and bind the lock's connection to the task (TaskConnections, through a ContextVar), so the
refresh's ``get``/``put`` find it.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
import os
import re
import sqlite3
import stat
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from patreon_auth.errors import TokenStoreError

if TYPE_CHECKING:
    pass

logger = logging.getLogger("patreon.stores")

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")
# Any constant: it names the advisory lock PostgreSQL sessions take to create the schema once.
_SCHEMA_LOCK_ID = 0x7A7E0_0001

Row = tuple[Any, ...]
C = TypeVar("C")
T = TypeVar("T")

# Connections one async store (with its for_user stores) keeps open at most; pool_size= changes it.
DEFAULT_POOL_SIZE = 10


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
        # replace() over a row whose version is not a whole number (see GarbledVersion): matched on
        # the very value it read, and numbered afresh.
        same = "IS NOT DISTINCT FROM" if style == "%s" else "IS"
        self.reset = q(
            f"UPDATE {table} SET token = ?, version = 1, updated_at = {now} WHERE key = ? AND version {same} ?"
        )
        self.placeholder = q(
            f"INSERT INTO {table} (key, token, version) VALUES (?, NULL, 0) ON CONFLICT (key) DO NOTHING"
        )
        self.lock_row = q(f"SELECT version FROM {table} WHERE key = ? FOR UPDATE")


# --- SQLite ------------------------------------------------------------------------------------


def _create_private_database(path: str) -> None:
    """Create the database file 0600 before SQLite does (it would make it 0644 under the usual
    umask: refresh tokens readable by every local user). SQLite gives the -wal, -shm and journal
    files it creates later the database file's permissions (os_unix.c, findCreateFileMode), so
    they are 0600 too. An existing file is left as its owner set it."""
    if path in ("", ":memory:") or path.startswith("file:"):
        return
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags, 0o600)
    except FileExistsError:
        _warn_if_shared(path)
        return
    except OSError:
        return  # not creatable: sqlite3.connect says why
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)  # the umask may only narrow O_CREAT's mode; pin it exactly
    finally:
        os.close(fd)


_WARNED: set[str] = set()


def _warn_if_shared(path: str) -> None:
    """Say so when an existing database (made by an older version, or by hand) is readable by
    other users: it holds refresh tokens. Its mode is the owner's to change, not ours."""
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return
    if mode & 0o077 and path not in _WARNED:
        _WARNED.add(path)  # once per process: every thread opens its own connection
        logger.warning(
            "the token database %r is readable or writable by other users (mode %o); it holds refresh "
            "tokens: chmod 600 it (and its -wal and -shm files)",
            path,
            mode,
        )


def sqlite_until_free(step: Callable[[], T], timeout: float) -> T:
    """``step()`` (a fresh connection's setup: the WAL pragma, the schema), tried again while SQLite
    answers "database is locked", for up to ``timeout`` seconds.

    Why: the busy handler that ``timeout`` installs does not cover every lock a new connection can
    meet. A writer process killed mid-write leaves the WAL to be recovered by the next connection,
    under an exclusive lock, and others opening meanwhile were refused at once: a fleet test saw a
    new writer fail on ``PRAGMA journal_mode=WAL`` with "database is locked"
    (tests/fleet/test_sql_kill_and_clock.py).
    """
    deadline = time.monotonic() + timeout
    pause = 0.005
    while True:
        try:
            return step()
        except sqlite3.OperationalError as exc:
            text = str(exc).lower()
            if ("locked" not in text and "busy" not in text) or time.monotonic() >= deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.1)


def _sqlite_connect(path: str, table: str, timeout: float) -> sqlite3.Connection:
    _create_private_database(path)
    # isolation_level=None: no implicit transactions; BEGIN IMMEDIATE is ours to issue.
    conn = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
    try:
        # WAL lets readers go on while one process holds the write lock for a refresh.
        sqlite_until_free(lambda: conn.execute("PRAGMA journal_mode=WAL"), timeout)
        sqlite_until_free(lambda: conn.execute(sqlite_schema(table)), timeout)
    except BaseException:
        conn.close()
        raise
    return conn


def _sqlite_run(conn: sqlite3.Connection, sql: str, params: Sequence[Any]) -> tuple[int, Row | None]:
    cursor = conn.execute(sql, tuple(params))
    row = cursor.fetchone() if cursor.description else None
    return cursor.rowcount, row


def _sqlite_begin(conn: sqlite3.Connection, timeout: float) -> None:
    conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    conn.execute("BEGIN IMMEDIATE")


def sqlite_busy() -> sqlite3.OperationalError:
    return sqlite3.OperationalError("database is locked by another task of this process")


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


def postgres_open(conn: Any) -> bool:
    return not conn.closed


# --- where connections live ---------------------------------------------------------------------


class ThreadConnections(Generic[C]):
    """The sync engines' connections: one per thread, opened on first use and kept.

    Every statement, and the refresh lock's transaction, runs on the calling thread's connection,
    so the statements a thread runs inside its lock run in the lock's transaction. ``busy`` is the
    async engines' concern (threads each wait in the database's own lock with their own connection).

    Threads keep their connection in a thread-local slot together with the generation it was
    opened in; ``drain()`` starts a new generation, so a thread finds its old one gone and reopens.
    """

    def __init__(
        self,
        connect: Callable[[], C],
        *,
        usable: Callable[[C], bool] = lambda conn: True,
        busy: Callable[[], Exception] | None = None,
    ) -> None:
        self._connect = connect
        self._usable = usable
        self._local = threading.local()
        self._conns: list[C] = []
        self._generation = 0
        self._lock = threading.Lock()

    def _current(self) -> C:
        slot: tuple[int, C] | None = getattr(self._local, "conn", None)
        if slot is not None and slot[0] == self._generation and self._usable(slot[1]):
            return slot[1]
        conn = self._connect()
        with self._lock:
            self._conns.append(conn)
            self._local.conn = (self._generation, conn)
        return conn

    @contextlib.contextmanager
    def lend(self) -> Iterator[C]:
        """The connection for one statement: this thread's (inside its lock, the lock's)."""
        locked: C | None = getattr(self._local, "lock_conn", None)
        yield locked if locked is not None else self._current()

    @contextlib.contextmanager
    def locking(self, timeout: float) -> Iterator[C]:
        """The connection to begin the refresh lock's transaction on: this thread's."""
        conn = self._current()
        yield conn
        self._local.lock_conn = conn

    @contextlib.contextmanager
    def unlocking(self) -> Iterator[C]:
        """The connection to end the refresh lock's transaction on: the one it began on, even if
        the server closed it since (a COMMIT on a new connection would "succeed" with nothing to
        commit, and hide that the writes inside were lost)."""
        conn: C = self._local.lock_conn
        self._local.lock_conn = None
        yield conn

    def in_lock(self) -> bool:
        """Whether this thread's statements run inside its refresh lock's transaction."""
        return getattr(self._local, "lock_conn", None) is not None

    def drain(self) -> list[C]:
        """Every connection opened so far, for closing; threads open new ones on next use."""
        with self._lock:
            conns, self._conns = self._conns, []
            self._generation += 1
        return conns


def pool_exhausted(error: type[Exception], timeout: float) -> Callable[[], Exception]:
    """What a task gets after ``timeout`` without a pooled connection: the engine's own error type,
    so the store reports it as a TokenStoreError naming the table."""
    return lambda: error(f"no pooled connection came free in {timeout:g}s")


class TaskConnections(Generic[C]):
    """The async engines' connections: a small pool of idle ones, and the lock's one per task.

    A statement borrows an idle connection (or opens one) and gives it back; the refresh lock
    takes one and binds it to its task (a ContextVar) until it ends, so the statements that task
    runs inside the lock run in the lock's transaction. With ``busy``, one task of this process
    holds the lock at a time (SQLite's lock is the whole database): the others wait here, on the
    event loop, not in worker threads (blocked in BEGIN IMMEDIATE they would fill the thread pool
    the holder needs to commit), and get ``busy()`` raised after ``timeout``. At most ``size``
    connections are open; a task that finds them all out waits up to ``wait`` for one, then gets
    ``exhausted()`` raised.
    """

    def __init__(
        self,
        connect: Callable[[], Awaitable[C]],
        *,
        usable: Callable[[C], bool] = lambda conn: True,
        busy: Callable[[], Exception] | None = None,
        size: int = DEFAULT_POOL_SIZE,
        wait: float = 30.0,
        exhausted: Callable[[], Exception] | None = None,
    ) -> None:
        if size < 1:
            raise ValueError(f"pool_size must be at least 1, got {size!r}")
        self._connect = connect
        self._usable = usable
        self._busy = busy
        # At most ``size`` connections are out (lent, or held by a lock) at once; a connection is
        # opened only when none is idle, so at most ``size`` are ever open. Without the bound, 320
        # concurrent coroutines opened 320 connections ("too many clients already").
        self.size = size
        self._slots = asyncio.Semaphore(size)
        self._wait = wait
        self._exhausted = exhausted or (lambda: TimeoutError("no pooled connection came free"))
        self._idle: list[C] = []
        self._idle_lock = threading.Lock()
        # The lock's connection and the task holding it. A task created inside the lock copies
        # this context; the owner check keeps it off the lock's connection (which the lock gives
        # back to the pool when it ends, while the child may still be running).
        self._bound: contextvars.ContextVar[tuple[asyncio.Task[Any] | None, C] | None] = (
            contextvars.ContextVar("patreon_sql_lock", default=None)
        )
        self._holder = asyncio.Lock()

    def _take_idle(self) -> C | None:
        with self._idle_lock:
            while self._idle:
                conn = self._idle.pop()
                if self._usable(conn):
                    return conn
            return None

    def _give(self, conn: C) -> None:
        with self._idle_lock:
            self._idle.append(conn)
        self._slots.release()

    async def _take(self, wait: float | None = None) -> C:
        try:
            async with asyncio.timeout(self._wait if wait is None else wait):
                await self._slots.acquire()
        except TimeoutError:
            raise self._exhausted() from None
        try:
            conn = self._take_idle()
            return conn if conn is not None else await self._connect()
        except BaseException:
            self._slots.release()
            raise

    def in_lock(self) -> bool:
        """Whether this task's statements run inside its refresh lock's transaction."""
        bound = self._bound.get()
        return bound is not None and bound[0] is asyncio.current_task()

    @contextlib.asynccontextmanager
    async def lend(self) -> AsyncIterator[C]:
        """The connection for one statement: the task's lock connection, or an idle one lent."""
        bound = self._bound.get()
        if bound is not None and bound[0] is asyncio.current_task():
            yield bound[1]
            return
        conn = await self._take()
        try:
            yield conn
        finally:
            self._give(conn)

    @contextlib.asynccontextmanager
    async def locking(self, timeout: float) -> AsyncIterator[C]:
        """The connection to begin the lock's transaction on; bound to this task if that succeeds."""
        busy = self._busy
        if busy is not None:
            try:
                async with asyncio.timeout(timeout):
                    await self._holder.acquire()
            except TimeoutError:
                raise busy() from None
        try:
            conn = await self._take(timeout)
            try:
                yield conn
            except BaseException:
                self._give(conn)
                raise
        except BaseException:
            if busy is not None:
                self._holder.release()
            raise
        self._bound.set((asyncio.current_task(), conn))

    @contextlib.asynccontextmanager
    async def unlocking(self) -> AsyncIterator[C]:
        """The task's lock connection, to end the transaction on; then unbound and given back."""
        bound = self._bound.get()
        assert bound is not None and bound[0] is asyncio.current_task()
        conn = bound[1]
        self._bound.set(None)
        try:
            yield conn
        finally:
            self._give(conn)
            if self._busy is not None:
                self._holder.release()

    def drain(self) -> list[C]:
        """The idle connections, for closing (a lock's connection is given back when it ends)."""
        with self._idle_lock:
            idle, self._idle = self._idle, []
            return idle
