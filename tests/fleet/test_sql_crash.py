"""PostgreSQL crashes (every server process SIGKILLed at once) while tokens are being refreshed.

The pattern docs/fleet.md shows, a new ``db.for_user(id)`` store per request and no
``rescue_path``, must lose no token: a refresh that rotated a user's token and then could not
write it keeps it in the store's default rescue file, the caller learns it as
TokenNotSavedError (not the COMMIT failure that followed it), and the next request for that
user, from a new store object, in this process or another on the host, writes it back.

Tokens lost are counted the only way that matters: after the server is back, each user's stored
grant is refreshed once more at the token endpoint; ``invalid_grant`` there is a lost login.
"""

from __future__ import annotations

import collections
import os
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from patreon_auth import PatreonUserClient, RefreshError
from patreon_auth.stores import AsyncPostgresStore, PostgresStore, TokenNotSavedError, TokenStoreError
from patreon_sandbox import Sandbox
from tests.fleet._processes import run_all
from tests.fleet.crashable_postgres import CrashablePostgres, crashable_postgres
from tests.stores._helpers import make_token

TOKEN_PATH = "/api/oauth2/token"


@pytest.fixture(scope="module")
def crashable() -> Iterator[CrashablePostgres]:
    with crashable_postgres() as server:
        if server is None:
            reason = "PostgreSQL is not installed (apt-get install postgresql); the crash tests need it"
            if os.environ.get("CI") == "true":
                pytest.fail(reason)
            pytest.skip(reason)
        yield server


@pytest.fixture
def server(crashable: CrashablePostgres) -> Iterator[CrashablePostgres]:
    """The crashable server, up; left up for the next test whatever this one did to it."""
    crashable.table = f"tokens_{uuid.uuid4().hex[:12]}"
    yield crashable
    try:
        import psycopg

        psycopg.connect(crashable.conninfo, connect_timeout=2).close()
    except Exception:
        crashable.start()


class CrashAfterRefreshes(httpx.BaseTransport):
    """The sandbox's transport; once ``count`` refreshes have been answered (their old refresh
    tokens spent), the database server is crashed before any of their callers can write."""

    def __init__(self, inner: httpx.BaseTransport, server: CrashablePostgres, count: int) -> None:
        self.inner = inner
        self.server = server
        self.barrier = threading.Barrier(count, action=server.crash)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if request.url.path == TOKEN_PATH and not self.barrier.broken:
            response.read()
            self.barrier.wait(timeout=20)
        return response


def lost_logins(users: PatreonUserClient, db: PostgresStore, ids: list[str]) -> list[str]:
    """Users whose token, as a new request finds it, no longer refreshes: they must log in again."""
    lost = []
    for user_id in ids:
        try:
            me = users.create_instance(store=db.for_user(user_id)).identity.get()
            assert me.data.id == user_id
        except RefreshError:
            lost.append(user_id)
    return lost


def run_at_once(calls: list[Any]) -> list[BaseException | None]:
    outcomes: list[BaseException | None] = [None] * len(calls)

    def run(index: int) -> None:
        try:
            calls[index]()
        except BaseException as exc:
            outcomes[index] = exc

    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def test_database_dies_between_refresh_and_write_the_fleet_pattern_loses_nothing(
    server: CrashablePostgres, private_state_home: Path
) -> None:
    users_count = 8
    db = PostgresStore(server.conninfo, table=server.table, lock_timeout=5)
    with Sandbox(seed=21, members=users_count + 4, rate_limits=None) as sandbox:
        people = [user for user in sandbox.users if user.id != sandbox.creator.id][:users_count]
        ids = [person.id for person in people]
        for person in people:
            db.for_user(person.id).put(sandbox.user_token(person, expires_in=-60))
        transport = CrashAfterRefreshes(sandbox.transport(), server, users_count)
        users = PatreonUserClient(
            client_id=sandbox.client_id,
            client_secret=sandbox.client_secret,
            redirect_uri=sandbox.redirect_uri,
            transport=transport,
            base_url="https://sandbox.test",
        )

        # The documented pattern: a new store per request, no rescue_path.
        def request_as(user_id: str) -> Any:
            return lambda: users.create_instance(store=db.for_user(user_id)).identity.get()

        outcomes = run_at_once([request_as(user_id) for user_id in ids])
        assert server.crashes == 1 and sandbox.stats.refresh_requests == users_count
        # Each caller learns that its new token is not in the database, and where it is.
        assert [type(outcome) for outcome in outcomes] == [TokenNotSavedError] * users_count
        for outcome in outcomes:
            assert isinstance(outcome, TokenNotSavedError) and outcome.rescue_path is not None
            assert outcome.rescue_path.is_relative_to(private_state_home)
            assert "SECRET" not in str(outcome) and "refresh_token" not in str(outcome)
        rescued = sorted((private_state_home / "patreonkit" / "rescue").iterdir())
        assert len(rescued) == users_count
        assert all(path.stat().st_mode & 0o777 == 0o600 for path in rescued)

        server.start()
        assert lost_logins(users, db, ids) == []
        # Written back to the rows, the rescue files are gone.
        assert list((private_state_home / "patreonkit" / "rescue").iterdir()) == []
        users.close()
    db.close()


def test_reads_after_a_restart_are_retried_on_a_new_connection(server: CrashablePostgres) -> None:
    """Kept connections all die with the server; the first read on each is retried, not failed."""
    db = PostgresStore(server.conninfo, table=server.table, lock_timeout=5)
    stores = [db.for_user(index) for index in range(4)]
    for index, store in enumerate(stores):
        store.put(make_token(str(index)))
    # Each thread keeps its own connection: open four, on four threads.
    run_at_once([store.get for store in stores])
    server.crash()
    server.start()
    outcomes = run_at_once([store.get for store in stores] + [db.get])
    assert outcomes == [None] * 5
    assert [store.get() for store in stores] == [make_token(str(index)) for index in range(4)]
    # The lock, too, is taken on a new connection when the kept one is dead.
    server.crash()
    server.start()
    with stores[0].refresh_lock():
        assert stores[0].get() == make_token("0")
    db.close()


def test_a_write_inside_a_lock_whose_connection_died_is_not_committed_elsewhere(
    server: CrashablePostgres,
) -> None:
    """The lock's transaction died with its connection: the write must fail (and keep its token),
    not run on a new connection outside the lock, nor COMMIT nothing there and call it saved."""
    store = PostgresStore(server.conninfo, table=server.table, lock_timeout=5)
    store.put(make_token("1"))
    with pytest.raises(TokenNotSavedError), store.refresh_lock():
        assert store.get() == make_token("1")
        server.crash()
        server.start()
        store.put(make_token("2"))
    assert store.pending_token == make_token("2")
    assert PostgresStore(server.conninfo, table=server.table).get() == make_token(
        "2"
    )  # the rescue file, picked up
    store.close()


def test_a_crash_while_waiting_for_the_lock_is_a_typed_error(server: CrashablePostgres) -> None:
    store = PostgresStore(server.conninfo, table=server.table, lock_timeout=5)
    store.put(make_token("1"))
    server.crash()
    with pytest.raises(TokenStoreError, match="lock") as info, store.refresh_lock():
        pass
    assert "SECRET" not in str(info.value)
    server.start()
    assert store.get() == make_token("1")
    store.close()


@pytest.mark.parametrize("stores", ["per-request", "long-lived"])
def test_crash_restart_during_refresh_waves_loses_no_login(
    server: CrashablePostgres, private_state_home: Path, tmp_path: Path, stores: str
) -> None:
    """Two worker processes refresh 40 users' tokens over and over (every call refreshes) while
    the server is crashed and restarted: no caller is told to log in again, no login is lost."""
    users_count, workers, threads, seconds = 40, 2, 6, 2.5
    db = PostgresStore(server.conninfo, table=server.table, lock_timeout=5)
    # Tokens living 60 s, under the client's 300 s leeway: every call refreshes.
    with Sandbox(seed=22, members=users_count + 4, rate_limits=None, token_lifetime=60) as sandbox:
        people = [user for user in sandbox.users if user.id != sandbox.creator.id][:users_count]
        ids = [person.id for person in people]
        for person in people:
            db.for_user(person.id).put(sandbox.user_token(person, expires_in=-60))
        with sandbox.serve_in_thread() as base_url:
            job = {
                "conninfo": server.conninfo,
                "table": server.table,
                "client_id": sandbox.client_id,
                "client_secret": sandbox.client_secret,
                "redirect_uri": sandbox.redirect_uri,
                "base_url": base_url,
                "user_ids": ids,
                "threads": threads,
                "seconds": seconds,
                "stores": stores,
            }

            def crash_mid_wave() -> None:
                # Once the workers are refreshing (a wave and a half answered), crash; back 0.5 s later.
                deadline = time.monotonic() + 30
                while sandbox.stats.refresh_requests < users_count * 1.5 and time.monotonic() < deadline:
                    time.sleep(0.005)
                server.crash()
                time.sleep(0.5)
                server.start()

            crasher = threading.Thread(target=crash_mid_wave)
            crasher.start()
            reports = run_all("tests.fleet._crash_wave_worker", [job] * workers, tmp_path, timeout=60)
            crasher.join()
            refreshes = sandbox.stats.refresh_requests
            users = PatreonUserClient(
                client_id=sandbox.client_id,
                client_secret=sandbox.client_secret,
                redirect_uri=sandbox.redirect_uri,
                base_url=base_url,
            )
            # Counted from a new store (a new process would start with one).
            fresh = PostgresStore(server.conninfo, table=server.table, lock_timeout=5)
            lost = lost_logins(users, fresh, ids)
            fresh.close()
            users.close()
    seen: collections.Counter[str] = collections.Counter()
    for report in reports:
        seen.update(report["seen"])
    assert server.crashes >= 1
    assert seen["ok"] > 2 * users_count and refreshes > 2 * users_count, (seen, refreshes)
    assert seen["RefreshError"] == 0, (seen, [report["samples"] for report in reports])
    assert set(seen) <= {"ok", "TokenNotSavedError", "TokenStoreError"}, seen
    assert lost == []
    db.close()


async def test_the_async_store_keeps_the_token_and_retries_reads_after_a_crash(
    server: CrashablePostgres,
) -> None:
    """The async engine's pool: the lock's dead connection fails the write (the token is kept in
    the row's rescue file), and pooled connections the restart killed are retried, not failed."""
    import asyncio

    store = AsyncPostgresStore(server.conninfo, table=server.table, lock_timeout=5)
    await asyncio.gather(*(store.get() for _ in range(4)))  # a few pooled connections
    await store.put(make_token("1"))
    with pytest.raises(TokenNotSavedError) as info:
        async with store.refresh_lock():
            assert await store.get() == make_token("1")
            await asyncio.to_thread(server.crash)
            await asyncio.to_thread(server.start)
            await store.put(make_token("2"))
    assert info.value.rescue_path is not None
    fresh = AsyncPostgresStore(server.conninfo, table=server.table, lock_timeout=5)
    assert await fresh.get() == make_token("2")  # picked up from the rescue file, written back
    await asyncio.to_thread(server.crash)
    await asyncio.to_thread(server.start)
    assert await asyncio.gather(*(fresh.get() for _ in range(4))) == [make_token("2")] * 4
    assert await store.get() == make_token("2")
    await store.aclose()
    await fresh.aclose()
