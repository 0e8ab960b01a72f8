"""The mirror's tables and SQL, in SQLite's and PostgreSQL's dialects, and what their errors mean.

Four tables, made on first use (``CREATE ... IF NOT EXISTS``), named from one prefix
(default ``patreon_members``):

- ``{prefix}``: one row per member: ids, ``email_key`` (lower-cased email, for ``by_email``),
  status, ``is_paying``, the whole Entitlement as JSON, ``gone`` (a tombstone: deleted or no
  longer listed, kept so a late delivery cannot bring the member back), ``needs_reread``
  (a delivery that could not be ordered), ``seen_run`` (the last resync that saw it);
- ``{prefix}_tiers``: (tier id, member id) for each entitled tier, for ``entitled(tier)``;
- ``{prefix}_deliveries``: the digest of each delivery applied (O(1) duplicate check by key);
- ``{prefix}_meta``: the campaign id the mirror keeps and the resync counter.

No token is stored anywhere: the mirror is given a client when it reads the API.
"""

from __future__ import annotations

import errno
import os
import re
import sqlite3
from collections.abc import Sequence
from typing import Any

from patreon_members.errors import MirrorStorageError, StorageProblem

Row = tuple[Any, ...]
DEFAULT_PREFIX = "patreon_members"
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,40}$")
# Any constants: the advisory locks PostgreSQL sessions take to create the schema once, and to
# let one resync page at a time hold many member locks (so two resyncs cannot deadlock).
SCHEMA_LOCK = 0x7A7E0_0002
RESYNC_PAGE_LOCK = 0x7A7E0_0003


def check_prefix(prefix: str) -> str:
    """Table names go into SQL text (they cannot be parameters): only plain identifiers pass."""
    if not _IDENTIFIER.match(prefix):
        raise ValueError(f"table prefix must be a plain SQL identifier (letters, digits, _), got {prefix!r}")
    return prefix


def schema(prefix: str, *, postgres: bool) -> list[str]:
    integer = "BIGINT" if postgres else "INTEGER"
    t = prefix
    return [
        f"CREATE TABLE IF NOT EXISTS {t} ("
        " member_id TEXT PRIMARY KEY,"
        " user_id TEXT NOT NULL,"
        " email_key TEXT,"
        " status TEXT NOT NULL,"
        f" is_paying {integer} NOT NULL,"
        " entitlement TEXT NOT NULL,"
        f" gone {integer} NOT NULL DEFAULT 0,"
        f" needs_reread {integer} NOT NULL DEFAULT 0,"
        f" seen_run {integer} NOT NULL DEFAULT 0,"
        " updated_at TEXT NOT NULL)",
        f"CREATE INDEX IF NOT EXISTS {t}_by_user ON {t} (user_id)",
        f"CREATE INDEX IF NOT EXISTS {t}_by_email ON {t} (email_key)",
        # No index on seen_run: every resync moves every member's seen_run, so one would be
        # rewritten for each member each night, to speed up one scan at the end of the resync
        # (``Statements.unseen``, read in member id order). Dropped where an earlier version made it.
        f"DROP INDEX IF EXISTS {t}_by_run",
        # Partial: only marked members are in it, so writing an unmarked one costs no index entry.
        f"CREATE INDEX IF NOT EXISTS {t}_marked ON {t} (member_id) WHERE needs_reread = 1",
        f"CREATE TABLE IF NOT EXISTS {t}_tiers ("
        " tier_id TEXT NOT NULL, member_id TEXT NOT NULL, PRIMARY KEY (tier_id, member_id))",
        f"CREATE INDEX IF NOT EXISTS {t}_tiers_by_member ON {t}_tiers (member_id)",
        f"CREATE TABLE IF NOT EXISTS {t}_deliveries ("
        " digest TEXT PRIMARY KEY, member_id TEXT NOT NULL, received_at TEXT NOT NULL)",
        f"CREATE TABLE IF NOT EXISTS {t}_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ]


class Statements:
    """The mirror's SQL in one engine's parameter style (``?`` for sqlite3, ``%s`` for psycopg)."""

    def __init__(self, prefix: str, *, postgres: bool) -> None:
        self.postgres = postgres
        style = "%s" if postgres else "?"

        def q(sql: str) -> str:
            return sql.replace("?", style)

        t = prefix
        self.prefix = prefix
        self.meta_get = q(f"SELECT value FROM {t}_meta WHERE key = ?")
        self.meta_set = q(
            f"INSERT INTO {t}_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        )
        self.member_get = q(f"SELECT entitlement, gone, needs_reread FROM {t} WHERE member_id = ?")
        # The upsert of a read from the API (resync, reread): its state is the truth and sets the
        # mark to what the write decided (1 when the page looked older than what was stored).
        upsert_head = (
            f"INSERT INTO {t} (member_id, user_id, email_key, status, is_paying, entitlement, gone,"
            " needs_reread, seen_run, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)"
            " ON CONFLICT (member_id) DO UPDATE SET user_id = excluded.user_id,"
            " email_key = excluded.email_key, status = excluded.status, is_paying = excluded.is_paying,"
            " entitlement = excluded.entitlement, gone = 0,"
            " seen_run = excluded.seen_run, updated_at = excluded.updated_at, "
        )
        self.upsert = q(upsert_head + "needs_reread = excluded.needs_reread")
        # The upsert of a webhook delivery: it can set a mark, never clear one (only the API can
        # say the stored state is true again: docs/membership.md).
        self.upsert_delivery = q(
            upsert_head
            + f"needs_reread = CASE WHEN excluded.needs_reread = 1 THEN 1 ELSE {t}.needs_reread END"
        )
        self.tiers_delete = q(f"DELETE FROM {t}_tiers WHERE member_id = ?")
        self.tiers_insert = q(
            f"INSERT INTO {t}_tiers (tier_id, member_id) VALUES (?, ?) ON CONFLICT DO NOTHING"
        )
        self.mark = q(f"UPDATE {t} SET needs_reread = 1 WHERE member_id = ?")
        self.unmark = q(f"UPDATE {t} SET needs_reread = 0, seen_run = ? WHERE member_id = ?")
        self.seen = q(f"UPDATE {t} SET seen_run = ? WHERE member_id = ?")
        # A tombstone from the API (a re-read answered 404): the truth, so the mark goes.
        self.bury = q(
            f"UPDATE {t} SET gone = 1, needs_reread = 0, seen_run = ?, updated_at = ? WHERE member_id = ?"
        )
        # A tombstone from a members:delete delivery: keeps any mark (a delivery never clears one).
        self.bury_delivery = q(f"UPDATE {t} SET gone = 1, seen_run = ?, updated_at = ? WHERE member_id = ?")
        # A resync's removal: only if no write since the resync began listed the member (a webhook
        # may have applied it after the SELECT; PostgreSQL re-checks the WHERE after the row lock).
        self.bury_unseen = q(
            f"UPDATE {t} SET gone = 1, needs_reread = 0, seen_run = ?, updated_at = ?"
            " WHERE member_id = ? AND gone = 0 AND seen_run < ?"
        )
        self.delivery_insert = q(
            f"INSERT INTO {t}_deliveries (digest, member_id, received_at) VALUES (?, ?, ?)"
            " ON CONFLICT (digest) DO NOTHING"
        )
        self.deliveries_prune = q(f"DELETE FROM {t}_deliveries WHERE received_at < ?")
        self.get = q(f"SELECT entitlement FROM {t} WHERE member_id = ? AND gone = 0")
        self.by_user = q(f"SELECT entitlement FROM {t} WHERE user_id = ? AND gone = 0 ORDER BY member_id")
        self.by_email = q(f"SELECT entitlement FROM {t} WHERE email_key = ? AND gone = 0 ORDER BY member_id")
        self.entitled = q(
            f"SELECT m.entitlement FROM {t}_tiers k JOIN {t} m ON m.member_id = k.member_id"
            " WHERE k.tier_id = ? AND m.gone = 0 AND m.member_id > ? ORDER BY m.member_id LIMIT ?"
        )
        self.all_members = q(
            f"SELECT entitlement FROM {t} WHERE gone = 0 AND member_id > ? ORDER BY member_id LIMIT ?"
        )
        self.count = f"SELECT count(*) FROM {t} WHERE gone = 0"
        self.unseen = q(
            f"SELECT member_id, entitlement FROM {t} WHERE gone = 0 AND seen_run < ? AND member_id > ?"
            " ORDER BY member_id LIMIT ?"
        )
        self.marked = q(
            f"SELECT member_id FROM {t} WHERE needs_reread = 1 AND member_id > ? ORDER BY member_id LIMIT ?"
        )
        self.lock_member = "SELECT pg_advisory_xact_lock(hashtext(%s))" if postgres else None
        # Taken in this order, in two statements: one resync page at a time holds many member locks.
        self.lock_pages = f"SELECT pg_advisory_xact_lock({RESYNC_PAGE_LOCK})" if postgres else None
        self.lock_page = (
            "SELECT count(pg_advisory_xact_lock(hashtext(x))) FROM unnest(%s::text[]) AS x"
            if postgres
            else None
        )

    def members_get_many(self, count: int) -> str:
        t = self.prefix
        if self.postgres:
            return f"SELECT member_id, entitlement, gone, needs_reread FROM {t} WHERE member_id = ANY(%s)"
        marks = ",".join("?" * count)
        return f"SELECT member_id, entitlement, gone, needs_reread FROM {t} WHERE member_id IN ({marks})"

    def many_params(self, ids: Sequence[str]) -> tuple[Any, ...]:
        return (list(ids),) if self.postgres else tuple(ids)


# --- SQLite ------------------------------------------------------------------------------------


def create_private_file(path: str) -> None:
    """Create the database file 0600 before SQLite does (it would use the umask); SQLite gives its
    -wal and -shm files the database file's mode."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def sqlite_connect(path: str, prefix: str, timeout: float, durable: bool) -> sqlite3.Connection:
    # Here, not at the top: importing the mirror does not load the SQL token stores.
    from patreon_auth.stores.sql import sqlite_until_free

    create_private_file(path)
    # isolation_level=None: no implicit transactions; BEGIN IMMEDIATE is ours to issue.
    conn = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        # WAL: readers go on while one process writes. FULL: a commit is on disk before it returns,
        # so a change is reported only after its write is durable (docs/membership.md). Retried
        # while locked: the busy handler does not cover a WAL being recovered after a writer was
        # killed (patreon_auth.stores.sql.sqlite_until_free says more).
        sqlite_until_free(lambda: conn.execute("PRAGMA journal_mode=WAL"), timeout)
        conn.execute(f"PRAGMA synchronous={'FULL' if durable else 'NORMAL'}")
        conn.execute("BEGIN IMMEDIATE")
        for sql in schema(prefix, postgres=False):
            conn.execute(sql)
        conn.execute("COMMIT")
    except BaseException:
        conn.close()
        raise
    return conn


def sqlite_identity(path: str) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_dev, stat.st_ino


def sqlite_rows(conn: sqlite3.Connection, sql: str, params: Sequence[Any]) -> list[Row]:
    return conn.execute(sql, tuple(params)).fetchall()


def sqlite_run(conn: sqlite3.Connection, sql: str, params: Sequence[Any]) -> int:
    return conn.execute(sql, tuple(params)).rowcount


def sqlite_many(conn: sqlite3.Connection, sql: str, rows: Sequence[Sequence[Any]]) -> None:
    conn.executemany(sql, rows)


def sqlite_problem(exc: BaseException) -> StorageProblem:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return "locked"
    if "full" in text or getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
        return "full"
    if "readonly" in text or "read-only" in text:
        return "read_only"
    if "unable to open" in text or "disk i/o" in text or "no such table" in text:
        return "gone"
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            return "full"
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return "read_only"
        return "gone"
    return "other"


# --- PostgreSQL --------------------------------------------------------------------------------


def psycopg_module() -> Any:
    try:
        import psycopg
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise MirrorStorageError(
            "a PostgreSQL mirror needs psycopg 3: pip install 'patreonkit[postgres]'",
            where="PostgreSQL",
            problem="unavailable",
        ) from exc
    return psycopg


def postgres_schema_sql(prefix: str) -> list[str]:
    # Concurrent CREATE TABLE IF NOT EXISTS can still collide in the catalog; an advisory lock
    # makes the first session create the tables and the others find them.
    return ["BEGIN", f"SELECT pg_advisory_xact_lock({SCHEMA_LOCK})", *schema(prefix, postgres=True), "COMMIT"]


def postgres_problem(exc: BaseException) -> StorageProblem:
    state = getattr(exc, "sqlstate", None) or ""
    if state in ("55P03", "57014", "40P01"):  # lock_not_available, query_canceled (lock_timeout), deadlock
        return "locked"
    if state == "53100":  # disk_full
        return "full"
    if state == "25006":  # read_only_sql_transaction
        return "read_only"
    if state.startswith("08") or state in ("57P01", "57P02", "57P03", "3D000") or not state:
        return "unavailable"  # connection failures, admin shutdown, database missing
    return "other"


def storage_error(action: str, where: str, problem: StorageProblem, exc: BaseException) -> MirrorStorageError:
    # The class name only: a driver's message can quote a connection string.
    return MirrorStorageError(
        f"{action} the member mirror in {where} failed: {problem.replace('_', '-')} ({type(exc).__name__})",
        where=where,
        problem=problem,
    )
