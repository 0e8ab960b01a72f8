"""Async sites: AsyncPatreonUserClient instances refresh and save through AsyncSQLStore rows."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from patreon_auth import AsyncPatreonUserClient
from patreon_auth.stores import AsyncPostgresStore, AsyncSQLiteStore, AsyncSQLStore
from patreon_sandbox import Sandbox

USERS = 20
CALLS_PER_USER = 5


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
async def test_concurrent_tasks_refresh_each_expired_user_token_once(
    kind: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if kind == "sqlite":
        db: AsyncSQLStore = AsyncSQLiteStore(tmp_path / "site.db")
    else:
        db = AsyncPostgresStore(
            request.getfixturevalue("postgres_server"), table=request.getfixturevalue("postgres_table")
        )
    with Sandbox(seed=6, members=USERS + 5, rate_limits=None) as sandbox:
        users = AsyncPatreonUserClient(
            client_id=sandbox.client_id,
            client_secret=sandbox.client_secret,
            redirect_uri=sandbox.redirect_uri,
            transport=sandbox.async_transport(),
            base_url="https://sandbox.test",
        )
        people = [user for user in sandbox.users if user.id != sandbox.creator.id][:USERS]
        for person in people:
            await db.for_user(person.id).put(sandbox.user_token(person, expires_in=-60))

        async def call_as(user_id: str) -> str:
            # A fresh store and client per call, as a web request handler would make them.
            me = await users.create_instance(store=db.for_user(user_id)).identity.get()
            return me.data.id

        ids = [person.id for person in people] * CALLS_PER_USER
        answered = await asyncio.gather(*(call_as(user_id) for user_id in ids))
        await users.aclose()
    assert answered == ids
    assert sandbox.stats.refresh_requests == USERS
    for person in people:
        stored = await db.for_user(person.id).get()
        assert stored is not None and not stored.is_expired(0)
    await db.aclose()
