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
- a write that failed, or whose COMMIT failed, keeps its token (``last_token``, and a 0600
  rescue file per row: ``rescue_path``, by default beside a SQLite file, then in
  ``$XDG_STATE_HOME/patreonkit/rescue/``, named after the database, table and key so that any
  store of the row on this host finds it) and raises TokenNotSavedError (also when the COMMIT
  that followed failed too); the next ``get()`` of the row reconciles; the token is also put in
  ``<rescue file>.ahead`` before the row's write (deleted after the COMMIT), which only the row
  lock's next holder reads: a writer killed before its COMMIT leaves it there;
- a read, or taking the lock, on a connection the server closed (a restart) is retried once on a
  new connection; a row whose ``version`` is not a whole number is a CorruptRecordError before
  any refresh; a SQLite database the store creates is 0600; the async stores keep at most
  ``pool_size`` connections (10).

PostgreSQL needs psycopg 3 (extra ``postgres``); it is imported only when such a store is made.
"""

from __future__ import annotations

from patreon_auth.stores._async.sql import AsyncPostgresStore, AsyncSQLiteStore, AsyncSQLStore
from patreon_auth.stores._sql_core import CREATOR_KEY, DEFAULT_LOCK_TIMEOUT, DEFAULT_TABLE, user_key
from patreon_auth.stores._sql_engines import describe_conninfo, sqlite_until_free
from patreon_auth.stores._sync.sql import PostgresStore, SQLiteStore, SQLStore

__all__ = [
    "CREATOR_KEY",
    "DEFAULT_LOCK_TIMEOUT",
    "DEFAULT_TABLE",
    "AsyncPostgresStore",
    "AsyncSQLStore",
    "AsyncSQLiteStore",
    "PostgresStore",
    "SQLStore",
    "SQLiteStore",
    "describe_conninfo",
    "sqlite_until_free",
    "user_key",
]
