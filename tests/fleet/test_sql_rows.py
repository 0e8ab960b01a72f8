"""Garbage in a token row, and the files a SQLite store creates.

A row changed by something other than this library (a migration, a hand edit, a bug elsewhere)
may hold a ``version`` that is not a whole number (SQLite keeps 1.5, text and BLOBs as given) or
token JSON that is NULL, cut short or not text. Every such row must be a typed TokenStoreError
before a refresh spends the row's token, never a ValueError, never a refresh whose write is then
refused; and a new login (``replace``) must be able to overwrite it.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from patreon_auth import PatreonUserClient
from patreon_auth.stores import PostgresStore, SQLiteStore, TokenStoreError
from patreon_auth.stores._backed import encode_token
from patreon_sandbox import Sandbox
from tests.stores._helpers import make_token

# (what is written into the row: token column, version column)
GARBAGE: dict[str, tuple[Any, Any]] = {
    "version 1.5": ("token", 1.5),
    "version text": ("token", "one"),
    "version blob": ("token", b"\x01\x02"),
    "truncated JSON": ('{"access_token": "SECRET-ACCESS-X", "refre', 1),
    "token JSON is a number": ("12345", 1),
    "token blob not JSON": (b"\xff\xfe SECRET", 1),
    "JSON of the wrong shape": ('{"access_token": 5}', 1),
}


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(seed=4, members=6, rate_limits=None) as sandbox:
        yield sandbox


def users_of(sandbox: Sandbox) -> PatreonUserClient:
    return PatreonUserClient(
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        redirect_uri=sandbox.redirect_uri,
        transport=sandbox.transport(),
        base_url="https://sandbox.test",
    )


def spoil(path: Path, key: str, token: Any, version: Any) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE patreon_tokens SET token = ?, version = ? WHERE key = ?", (token, version, key))


@pytest.mark.parametrize("garbage", sorted(GARBAGE))
def test_a_garbage_row_is_a_typed_error_before_any_refresh(
    garbage: str, sandbox: Sandbox, tmp_path: Path
) -> None:
    person = sandbox.users[1]
    path = tmp_path / "site.db"
    db = SQLiteStore(path)
    expired = sandbox.user_token(person, expires_in=-60)
    db.for_user(person.id).put(expired)
    token_cell, version = GARBAGE[garbage]
    spoil(path, f"user:{person.id}", encode_token(expired) if token_cell == "token" else token_cell, version)

    users = users_of(sandbox)
    with pytest.raises(TokenStoreError) as info:
        users.create_instance(store=db.for_user(person.id)).identity.get()
    assert "SECRET" not in str(info.value) and "refresh_token" not in str(info.value)
    assert sandbox.stats.refresh_requests == 0  # nothing spent: the row's token still refreshes
    store = db.for_user(person.id)
    for operation in (store.get, lambda: store.put(make_token("2"))):
        with pytest.raises(TokenStoreError):
            operation()

    # A new login overwrites the garbage; the row works again, version numbered afresh.
    db.for_user(person.id).replace(expired)
    assert users.create_instance(store=db.for_user(person.id)).identity.get().data.id == person.id
    assert sandbox.stats.refresh_requests == 1
    with sqlite3.connect(path) as conn:
        (version_now,) = conn.execute("SELECT version FROM patreon_tokens").fetchone()
    assert type(version_now) is int
    users.close()
    db.close()


# PostgreSQL's columns are typed (version BIGINT, token TEXT): only the token text can be garbage.
POSTGRES_GARBAGE = {
    "truncated JSON": '{"access_token": "SECRET-ACCESS-X", "refre',
    "JSON of the wrong shape": '{"access_token": 5}',
    "not JSON": "SECRET-REFRESH-X plain text",
}


@pytest.mark.parametrize("garbage", sorted(POSTGRES_GARBAGE))
def test_a_garbage_postgres_row_is_a_typed_error_before_any_refresh(
    garbage: str, sandbox: Sandbox, postgres_server: str, postgres_table: str
) -> None:
    import psycopg

    person = sandbox.users[1]
    db = PostgresStore(postgres_server, table=postgres_table)
    expired = sandbox.user_token(person, expires_in=-60)
    db.for_user(person.id).put(expired)
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f"UPDATE {postgres_table} SET token = %s", (POSTGRES_GARBAGE[garbage],))
    users = users_of(sandbox)
    with pytest.raises(TokenStoreError) as info:
        users.create_instance(store=db.for_user(person.id)).identity.get()
    assert "SECRET" not in str(info.value)
    assert sandbox.stats.refresh_requests == 0
    db.for_user(person.id).replace(expired)
    assert users.create_instance(store=db.for_user(person.id)).identity.get().data.id == person.id
    users.close()
    db.close()


def test_a_null_token_reads_as_no_token(tmp_path: Path) -> None:
    """NULL token JSON is what a refresh lock leaves on a new row: no token, not garbage."""
    path = tmp_path / "site.db"
    db = SQLiteStore(path)
    db.for_user(1).put(make_token("1"))
    spoil(path, "user:1", None, 1)
    assert db.for_user(1).get() is None


@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_the_database_and_its_wal_files_are_private(tmp_path: Path, umask: int) -> None:
    path = tmp_path / "site.db"
    old = os.umask(umask)
    try:
        db = SQLiteStore(path)
        db.for_user(1).put(make_token("1"))  # WAL mode: writes create -wal and -shm
        with db.for_user(1).refresh_lock():
            db.for_user(1).get()
        created = [path, *(Path(f"{path}{suffix}") for suffix in ("-wal", "-shm", "-journal"))]
        modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in created if p.exists()}
    finally:
        os.umask(old)
    assert {"site.db", "site.db-wal", "site.db-shm"} <= set(modes)
    assert set(modes.values()) == {0o600}, modes
    db.close()


@pytest.mark.parametrize("user_id", ["42", "../../etc/passwd", "a/b", "..", "x" * 300])
def test_a_rows_rescue_files_stay_in_their_directories(
    user_id: str, tmp_path: Path, private_state_home: Path
) -> None:
    """Rescue file names carry the row key; a user id can never steer them elsewhere."""
    db = SQLiteStore(tmp_path / "site.db")
    paths = db.for_user(user_id).rescue_paths
    assert [path.parent for path in paths] == [tmp_path, private_state_home / "patreonkit" / "rescue"]
    assert all(len(path.name) < 120 for path in paths)
    if user_id == "42":
        assert paths[0].name == "site.db.user-42.rescue"
    # Other rows, other files; the same row from another store object, the same files.
    assert set(paths).isdisjoint(db.for_user("43").rescue_paths)
    assert SQLiteStore(tmp_path / "site.db").for_user(user_id).rescue_paths == paths


def test_an_existing_database_others_can_read_is_warned_about_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "old.db"
    sqlite3.connect(path).close()
    path.chmod(0o644)  # as an older version made it
    with caplog.at_level(logging.WARNING, logger="patreon.stores"):
        db = SQLiteStore(path)
        db.for_user(1).put(make_token("1"))
        SQLiteStore(path).for_user(1).get()
    warnings = [record for record in caplog.records if "chmod 600" in record.getMessage()]
    assert len(warnings) == 1 and "644" in warnings[0].getMessage()
    assert stat.S_IMODE(path.stat().st_mode) == 0o644  # the owner's to change
    db.close()
