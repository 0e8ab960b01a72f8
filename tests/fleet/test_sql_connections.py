"""The connections one async SQL engine shares between the tasks using it (one store object, or a
store and its ``for_user`` stores): a pool, and the refresh lock's connection bound to its task.

Tasks take the lock in turn, each seeing the last one's write; a task that gives up waiting gets
the typed error and leaves nothing held, so the lock and the pool work for the next holder.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest

from patreon_auth.stores import AsyncPostgresStore, AsyncSQLiteStore, AsyncSQLStore, TokenStoreError
from patreon_auth.stores._sql_engines import TaskConnections
from patreon_auth.token import Token
from tests.stores._helpers import count_of, counter_token, make_token

StoreFactory = Callable[..., AsyncSQLStore]


@pytest.fixture(params=["sqlite", "postgres"])
def make_store(request: pytest.FixtureRequest, tmp_path: Path) -> StoreFactory:
    """A factory of async stores on one fresh database table (keyword options pass through)."""
    if request.param == "sqlite":
        path = tmp_path / "tokens.db"
        return lambda **options: AsyncSQLiteStore(path, **options)
    conninfo = request.getfixturevalue("postgres_server")
    table = request.getfixturevalue("postgres_table")
    return lambda **options: AsyncPostgresStore(conninfo, table=table, **options)


async def test_tasks_sharing_one_store_take_its_lock_in_turn(make_store: StoreFactory) -> None:
    store = make_store()
    await store.put(counter_token(0))

    async def increment() -> None:
        for _ in range(5):
            async with store.refresh_lock():
                current = await store.get()
                await asyncio.sleep(0)  # let the other tasks try the lock meanwhile
                await store.put(counter_token(count_of(current) + 1))

    await asyncio.gather(*(increment() for _ in range(4)))
    assert count_of(await store.get()) == 20
    await store.aclose()


async def test_a_task_that_gives_up_waiting_leaves_the_lock_and_pool_usable(make_store: StoreFactory) -> None:
    store = make_store(lock_timeout=0.2)
    await store.put(make_token("1"))
    taken, release = asyncio.Event(), asyncio.Event()

    async def hold() -> None:
        async with store.refresh_lock():
            taken.set()
            await release.wait()

    holder = asyncio.create_task(hold())
    await taken.wait()
    with pytest.raises(TokenStoreError, match=r"timed out after 0\.2s"):
        async with store.refresh_lock():
            pass
    release.set()
    await holder
    async with store.refresh_lock():
        await store.put(make_token("2"))
    assert await store.get() == make_token("2")
    await store.aclose()


async def test_a_task_started_inside_the_lock_runs_on_its_own_connection() -> None:
    """A task copies its creator's context, the lock's connection binding included; only the task
    holding the lock may use that connection (the lock gives it back to the pool when it ends,
    while such a child may still be running, and a second user of one connection would share its
    transaction)."""
    made: list[object] = []

    async def connect() -> object:
        made.append(object())
        return made[-1]

    pool: TaskConnections[object] = TaskConnections(connect)
    child_used: list[object] = []
    release = asyncio.Event()

    async def child() -> None:
        async with pool.lend() as conn:
            child_used.append(conn)
            await release.wait()

    async with pool.locking(1.0) as lock_conn:
        pass  # the engine begins its transaction here; the connection is bound when this ends
    async with pool.lend() as own:
        assert own is lock_conn  # the holder's statements run in the lock's transaction
    started = asyncio.create_task(child())
    await asyncio.sleep(0)
    assert child_used and child_used[0] is not lock_conn
    async with pool.unlocking() as ending:
        assert ending is lock_conn
    release.set()
    await started
    assert len(made) == 2


async def test_a_child_task_of_the_lock_holder_reads_outside_its_transaction(
    make_store: StoreFactory,
) -> None:
    store = make_store()
    await store.put(make_token("committed"))
    seen: list[Token | None] = []

    async def read_from_a_child() -> None:
        seen.append(await store.get())

    async with store.refresh_lock():
        await store.put(make_token("inside"))  # in the lock's transaction, not committed yet
        await asyncio.create_task(read_from_a_child())
    # The child read on a connection of its own: what was committed, not the lock's pending write
    # (on the lock's connection it would have read "inside").
    assert seen == [make_token("committed")]
    assert await store.get() == make_token("inside")
    await store.aclose()


async def test_many_concurrent_coroutines_share_a_bounded_pool(
    postgres_server: str, postgres_table: str
) -> None:
    """320 coroutines at once on one PostgreSQL store and its for_user stores: every call succeeds
    and at most pool_size connections are ever open (unbounded, they opened one each and the
    server, max_connections=200, answered "too many clients already")."""
    import uuid

    import psycopg

    name = f"pool-{uuid.uuid4().hex[:8]}"
    conninfo = f"{postgres_server} application_name={name}"
    store = AsyncPostgresStore(conninfo, table=postgres_table)  # pool_size=10, the default
    users = [store.for_user(index) for index in range(40)]
    for index, user in enumerate(users):
        await user.put(make_token(str(index)))
    peak = 0

    def count() -> int:
        with psycopg.connect(postgres_server, autocommit=True) as admin:
            row = admin.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name = %s", (name,))
            found = row.fetchone()
            assert found is not None
            return int(found[0])

    async def call(index: int) -> Token | None:
        user = users[index % len(users)]
        if index % 8 == 0:
            async with user.refresh_lock():
                current = await user.get()
                assert current is not None
                await user.put(current)
                return current
        return await user.get()

    calls = asyncio.gather(*(call(index) for index in range(320)))
    while not calls.done():
        peak = max(peak, await asyncio.to_thread(count))
        await asyncio.sleep(0.01)
    results = await calls
    assert [token.access_token if token else None for token in results] == [
        f"SECRET-ACCESS-{index % len(users)}" for index in range(320)
    ]
    assert 1 <= peak <= 10 and await asyncio.to_thread(count) <= 10
    await store.aclose()


def test_pool_size_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="pool_size"):
        AsyncSQLiteStore(tmp_path / "tokens.db", pool_size=0)
