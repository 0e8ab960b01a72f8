"""One process, many requests at once: PatreonUserClient instances (threads) and
AsyncPatreonUserClient instances (tasks) refresh and save through SQLStore rows, once per user.

Written once under the `mode` fixture (tests/modes.py); the many-process case is
test_user_tokens_fleet.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from patreon_auth import AsyncPatreonUserClient, PatreonUserClient
from patreon_auth.stores import AsyncPostgresStore, AsyncSQLiteStore, PostgresStore, SQLiteStore
from patreon_sandbox import Sandbox
from tests.modes import ModeDriver

USERS = 20
CALLS_PER_USER = 5


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_concurrent_requests_refresh_each_expired_user_token_once(
    mode: ModeDriver, kind: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if kind == "sqlite":
        db = mode.new((SQLiteStore, AsyncSQLiteStore), tmp_path / "site.db")
    else:
        db = mode.new(
            (PostgresStore, AsyncPostgresStore),
            request.getfixturevalue("postgres_server"),
            table=request.getfixturevalue("postgres_table"),
        )
    with Sandbox(seed=6, members=USERS + 5, rate_limits=None) as sandbox:
        users = mode.new(
            (PatreonUserClient, AsyncPatreonUserClient),
            client_id=sandbox.client_id,
            client_secret=sandbox.client_secret,
            redirect_uri=sandbox.redirect_uri,
            transport=mode.pick(sandbox.transport(), sandbox.async_transport()),
            base_url="https://sandbox.test",
        )
        people = [user for user in sandbox.users if user.id != sandbox.creator.id][:USERS]
        for person in people:
            mode.run(db.for_user(person.id).put(sandbox.user_token(person, expires_in=-60)))

        def call_as(user_id: str) -> Any:
            # A fresh store and client per call, as a web request handler would make them.
            return lambda: users.create_instance(store=db.for_user(user_id)).identity.get()

        ids = [person.id for person in people] * CALLS_PER_USER
        # 100 threads (sync) or 100 coroutines gathered on one loop (async), all at once.
        answered = mode.each_at_once([call_as(user_id) for user_id in ids])
        mode.shut(users)
    assert [failure for failure in answered if isinstance(failure, BaseException)] == []
    assert [doc.data.id for doc in answered] == ids
    assert sandbox.stats.refresh_requests == USERS
    for person in people:
        stored = mode.run(db.for_user(person.id).get())
        assert stored is not None and not stored.is_expired(0)
    mode.shut(db)
