"""A fresh SQLite connection's setup is tried again while the database is locked, up to its timeout.

The busy handler does not cover a WAL being recovered after a writer was killed: a fleet test saw a
new writer refused at once on ``PRAGMA journal_mode=WAL`` ("database is locked",
tests/fleet/test_sql_kill_and_clock.py, once in several full runs). That moment could not be hit
on purpose here, so the retry is driven by a step that fails a set number of times; the last test
checks that a store opened under another connection's exclusive lock still waits for it (the
busy handler's own case, which the retry must not disturb).
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from patreon_auth.stores.sql import SQLiteStore, sqlite_until_free
from tests.stores._helpers import make_token


def test_a_step_refused_as_locked_is_tried_again_until_it_succeeds() -> None:
    calls: list[float] = []

    def step() -> str:
        calls.append(time.monotonic())
        if len(calls) < 3:
            raise sqlite3.OperationalError("database is locked")
        return "done"

    assert sqlite_until_free(step, timeout=5) == "done"
    assert len(calls) == 3


def test_other_errors_and_a_lock_past_the_timeout_are_raised() -> None:
    def broken() -> None:
        raise sqlite3.OperationalError("no such table: t")

    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        sqlite_until_free(broken, timeout=5)

    def locked() -> None:
        raise sqlite3.OperationalError("database is locked")

    started = time.monotonic()
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        sqlite_until_free(locked, timeout=0.3)
    assert 0.3 <= time.monotonic() - started < 3


def test_a_store_opened_while_another_process_holds_an_exclusive_lock_waits_for_it(tmp_path: Path) -> None:
    # A rollback-journal database under EXCLUSIVE: the new store's WAL pragma needs the lock, and
    # waits for it through the busy handler; then the store works as usual.
    path = tmp_path / "tokens.db"
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("CREATE TABLE held (x)")
    holder.execute("BEGIN EXCLUSIVE")
    released = threading.Timer(0.5, lambda: holder.execute("COMMIT"))
    released.start()
    try:
        store = SQLiteStore(path, lock_timeout=10)
        store.put(make_token())
        assert store.get() == make_token()
        store.close()
    finally:
        released.join()
        holder.close()
