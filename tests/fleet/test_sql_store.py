"""SQLStore on real engines: SQLite files and a real PostgreSQL server, sync and async.

A scenario both flavours share is written once and runs under the `mode` fixture
(tests/modes.py).

The contract is the other stores' (stores/base.py): get/put round trip, compare-and-set writes,
a refresh lock that excludes every other holder, typed errors that quote no secret.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from patreon_auth.stores import (
    AsyncPostgresStore,
    AsyncSQLiteStore,
    PostgresStore,
    SQLiteStore,
    SQLStore,
    StaleTokenError,
    TokenNotSavedError,
    TokenStoreError,
)
from tests.modes import Driven, ModeDriver
from tests.stores._helpers import count_of, counter_token, free_port, make_token

ENGINES = ["sqlite", "postgres"]

SyncFactory = Callable[..., SQLStore]


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, str, str]:
    """(kind, target, table): a SQLite file or a PostgreSQL conninfo, and a fresh table name."""
    if request.param == "sqlite":
        return "sqlite", str(tmp_path / "tokens.db"), "patreon_tokens"
    return "postgres", request.getfixturevalue("postgres_server"), request.getfixturevalue("postgres_table")


def sync_store(engine: tuple[str, str, str], **options: Any) -> SQLStore:
    kind, target, table = engine
    factory = SQLiteStore if kind == "sqlite" else PostgresStore
    return factory(target, table=table, **options)


def mode_store(mode: ModeDriver, engine: tuple[str, str, str], **options: Any) -> Driven:
    """The store of the mode's flavour on `engine`, behind the mode's driver."""
    kind, target, table = engine
    pair = (SQLiteStore, AsyncSQLiteStore) if kind == "sqlite" else (PostgresStore, AsyncPostgresStore)
    return mode.store(pair, target, table=table, **options)


def raw_rows(engine: tuple[str, str, str]) -> list[tuple[Any, ...]]:
    kind, target, table = engine
    query = f"SELECT key, token, version FROM {table} ORDER BY key"
    if kind == "sqlite":
        with sqlite3.connect(target) as conn:
            return list(conn.execute(query))
    import psycopg

    with psycopg.connect(target) as conn:
        return list(conn.execute(query))


def write_raw(engine: tuple[str, str, str], key: str, text: str) -> None:
    kind, target, table = engine
    if kind == "sqlite":
        with sqlite3.connect(target) as conn:
            conn.execute(f"UPDATE {table} SET token = ? WHERE key = ?", (text, key))
        return
    import psycopg

    with psycopg.connect(target, autocommit=True) as conn:
        conn.execute(f"UPDATE {table} SET token = %s WHERE key = %s", (text, key))


def test_round_trip_one_row_per_key(engine: tuple[str, str, str]) -> None:
    creator = sync_store(engine)
    assert creator.get() is None  # the table is created on first use
    creator.put(make_token("creator"))
    users = creator.for_user(42)
    assert users.get() is None
    users.put(make_token("42"))
    creator.for_user("43").put(make_token("43"))
    assert sync_store(engine).get() == make_token("creator")
    assert sync_store(engine).for_user("42").get() == make_token("42")
    rows = raw_rows(engine)
    assert [(key, version) for key, _, version in rows] == [("creator", 1), ("user:42", 1), ("user:43", 1)]
    assert '"access_token":"SECRET-ACCESS-42"' in rows[1][1]


def test_compare_and_set_rejects_a_stale_writer(mode: ModeDriver, engine: tuple[str, str, str]) -> None:
    first, second = mode_store(mode, engine).for_user(7), mode_store(mode, engine).for_user(7)
    assert first.get() is None
    first.put(make_token("1"))
    assert second.get() == make_token("1")
    first.put(make_token("2"))
    with pytest.raises(StaleTokenError, match="user:7"):
        second.put(make_token("3"))
    # The sync and async stores are one table: each sees the other's writes.
    assert sync_store(engine).for_user(7).get() == make_token("2")


def test_a_writer_that_never_read_cannot_overwrite(engine: tuple[str, str, str]) -> None:
    sync_store(engine).put(make_token("1"))
    with pytest.raises(StaleTokenError):
        sync_store(engine).put(make_token("2"))
    assert sync_store(engine).get() == make_token("1")


def test_corrupt_row_is_an_error_that_quotes_nothing(engine: tuple[str, str, str]) -> None:
    store = sync_store(engine)
    store.put(make_token("1"))
    write_raw(engine, "creator", '{"access_token": "SECRET-LEAK", "oops"')
    with pytest.raises(TokenStoreError) as caught:
        sync_store(engine).get()
    assert "SECRET" not in str(caught.value)
    assert "creator" in str(caught.value)


def test_lock_excludes_threads_and_tasks(mode: ModeDriver, engine: tuple[str, str, str]) -> None:
    mode_store(mode, engine).put(counter_token(0))

    def increment(index: int) -> None:
        # Each its own object: what excludes the others is the database lock. The last worker is
        # a sync store in its own thread, contending with the async tasks too in async mode.
        store = sync_store(engine) if index == 6 else mode_store(mode, engine)
        for _ in range(5):
            with store.refresh_lock():
                current = store.get()
                store.put(counter_token(count_of(current) + 1))

    mode.in_threads(7, increment)  # raises the first worker's error, if any
    assert count_of(mode_store(mode, engine).get()) == 35


def test_lock_timeout_is_a_typed_error(engine: tuple[str, str, str]) -> None:
    holder = sync_store(engine)
    holder.put(make_token("1"))
    taken, release = threading.Event(), threading.Event()

    def hold() -> None:
        with holder.refresh_lock():
            taken.set()
            release.wait(10)

    thread = threading.Thread(target=hold)
    thread.start()
    try:
        assert taken.wait(10)
        with (
            pytest.raises(TokenStoreError, match="timed out"),
            sync_store(engine, lock_timeout=0.3).refresh_lock(),
        ):
            pass
    finally:
        release.set()
        thread.join()


def test_a_token_written_inside_the_lock_is_committed_even_if_the_caller_fails(
    engine: tuple[str, str, str],
) -> None:
    store = sync_store(engine)
    store.put(make_token("old"))
    with pytest.raises(RuntimeError), store.refresh_lock():
        store.get()
        store.put(make_token("new"))
        raise RuntimeError("after the refresh token was spent")
    assert sync_store(engine).get() == make_token("new")


def test_unreachable_database_is_a_typed_error(tmp_path: Path) -> None:
    with pytest.raises(TokenStoreError, match="SQLite"):
        SQLiteStore(tmp_path / "missing-dir" / "tokens.db").get()
    store = PostgresStore(f"postgresql://app:SECRET-PASSWORD@127.0.0.1:{free_port()}/db", lock_timeout=2)
    assert "SECRET" not in repr(store)
    with pytest.raises(TokenStoreError) as caught:
        store.get()
    assert "SECRET" not in str(caught.value)


def test_bad_names_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="table"):
        SQLiteStore(tmp_path / "t.db", table="tokens; DROP TABLE users")
    with pytest.raises(ValueError, match="user_id"):
        SQLiteStore(tmp_path / "t.db").for_user("")


def test_close_ends_every_connection_and_the_store_reopens(
    mode: ModeDriver, engine: tuple[str, str, str]
) -> None:
    store = mode_store(mode, engine)
    store.put(make_token("1"))
    user = store.for_user(5)
    thread = threading.Thread(target=lambda: user.put(make_token("5")))  # a second connection
    thread.start()
    thread.join()
    store.close()
    assert user.get() == make_token("5")  # opened again on next use
    assert store.for_user(1).get() is None
    assert store.get() == make_token("1")
    store.close()


def rename_table(engine: tuple[str, str, str], old: str, new: str) -> None:
    kind, target, _ = engine
    if kind == "sqlite":
        with contextlib.closing(sqlite3.connect(target)) as conn:
            conn.execute(f"ALTER TABLE {old} RENAME TO {new}")
            conn.commit()
        return
    import psycopg

    with psycopg.connect(target, autocommit=True) as conn:
        conn.execute(f"ALTER TABLE {old} RENAME TO {new}")


def test_replace_and_compare_and_set(engine: tuple[str, str, str]) -> None:
    first = sync_store(engine).for_user(3)
    first.put(make_token("1"))
    other = sync_store(engine).for_user(3)
    other.replace(make_token("login"))  # a new login overwrites a token it never read
    with pytest.raises(StaleTokenError):
        first.compare_and_set(make_token("1"), make_token("2"))
    first.compare_and_set(make_token("login"), make_token("3"))
    assert sync_store(engine).for_user(3).get() == make_token("3")


def test_a_failed_write_keeps_the_token_and_writes_it_later(engine: tuple[str, str, str]) -> None:
    store = sync_store(engine)
    store.put(make_token("old"))
    table = engine[2]
    rename_table(engine, table, f"{table}_away")  # the database refuses the next write
    try:
        with pytest.raises(TokenNotSavedError) as caught:
            store.put(make_token("new"))
        assert "SECRET" not in str(caught.value)
        assert store.last_token == make_token("new")
    finally:
        rename_table(engine, f"{table}_away", table)
    assert store.get() == make_token("new")  # reconciled under the lock: written now
    assert sync_store(engine).get() == make_token("new")
