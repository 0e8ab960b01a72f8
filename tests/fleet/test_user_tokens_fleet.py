"""200 users' tokens expire at once; 4 processes call the API as all of them: one refresh each.

Patreon refresh tokens are single use [PD _oauth.md]: a second refresh of the same token fails
and the user has to log in again. The store's row lock (SELECT ... FOR UPDATE on PostgreSQL,
BEGIN IMMEDIATE on SQLite) is what lets exactly one process refresh each user's token.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from patreon_auth.stores import PostgresStore, SQLiteStore, SQLStore
from patreon_sandbox import Sandbox

from ._processes import run_all

USERS = 200
PROCESSES = 4
THREADS = 6


@pytest.fixture
def served() -> Iterator[tuple[Sandbox, str]]:
    # Limits off: this is about refreshes; the rate budget has its own tests.
    with (
        Sandbox(seed=12, members=USERS + 10, rate_limits=None) as sandbox,
        sandbox.serve_in_thread() as base_url,
    ):
        yield sandbox, base_url


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_two_hundred_expired_user_tokens_get_one_refresh_each(
    kind: str, served: tuple[Sandbox, str], tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    sandbox, base_url = served
    if kind == "sqlite":
        target, table = str(tmp_path / "site.db"), "patreon_tokens"
        db: SQLStore = SQLiteStore(target, table=table)
    else:
        target, table = request.getfixturevalue("postgres_server"), request.getfixturevalue("postgres_table")
        db = PostgresStore(target, table=table)
    users = [user for user in sandbox.users if user.id != sandbox.creator.id][:USERS]
    seeded = {}
    for user in users:
        token = sandbox.user_token(user, expires_in=-60)
        db.for_user(user.id).put(token)
        seeded[user.id] = token
    job: dict[str, Any] = {
        "kind": kind,
        "target": target,
        "table": table,
        "base_url": base_url,
        "client_id": sandbox.client_id,
        "client_secret": sandbox.client_secret,
        "redirect_uri": sandbox.redirect_uri,
        "user_ids": [user.id for user in users],
        "threads": THREADS,
    }
    reports = run_all(
        "tests.fleet._user_refresh_worker", [{**job, "seed": n} for n in range(PROCESSES)], tmp_path
    )
    assert [error for report in reports for error in report["errors"]] == []
    assert sum(report["ok"] for report in reports) == USERS * PROCESSES
    assert sandbox.stats.refresh_requests == USERS
    for user in users:
        stored = db.for_user(user.id).get()
        assert stored is not None and stored.refresh_token != seeded[user.id].refresh_token
        assert not stored.is_expired(0)
    # Every row was written twice: seeded once, refreshed once.
    assert versions(kind, target, table) == {2: USERS}
    db.close()


def versions(kind: str, target: str, table: str) -> dict[int, int]:
    """How many rows hold each version."""
    query = f"SELECT version, COUNT(*) FROM {table} GROUP BY version"
    if kind == "sqlite":
        with contextlib.closing(sqlite3.connect(target)) as conn:
            return {int(v): int(n) for v, n in conn.execute(query)}
    import psycopg

    with psycopg.connect(target) as conn:
        return {int(v): int(n) for v, n in conn.execute(query)}
