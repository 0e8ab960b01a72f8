"""RedisStore and AsyncRedisStore against a real redis-server: round trips, CAS, TTL lock, failures."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import threading
import time
from typing import Any

import pytest
import redis
import redis.asyncio
from redis.asyncio.retry import Retry as AsyncRetry
from redis.backoff import NoBackoff
from redis.retry import Retry

from patreon_auth.errors import TokenStoreError
from patreon_auth.stores import AsyncRedisStore, KVStore, RedisStore, StaleTokenError
from patreon_auth.token import Token

from ._helpers import count_of, counter_token, free_port, make_token, start_worker

KEY = "patreon:token"
# redis-py retries connection errors with backoff by default; the down-server tests need no retries.
NO_RETRY = Retry(NoBackoff(), 0)


def test_round_trip_and_record_layout(redis_client: redis.Redis) -> None:
    store = RedisStore(redis_client, KEY)
    assert store.get() is None
    store.put(make_token("a"))
    store.put(make_token("b"))
    assert store.get() == make_token("b")
    assert RedisStore(redis_client, KEY).get() == make_token("b")
    record = json.loads(redis_client.get(KEY) or b"")
    assert record == {"token": make_token("b").to_dict(), "version": 2}


async def test_async_round_trip_and_record_layout(async_redis_client: redis.asyncio.Redis) -> None:
    store = AsyncRedisStore(async_redis_client, KEY)
    assert await store.get() is None
    await store.put(make_token("a"))
    await store.put(make_token("b"))
    assert await store.get() == make_token("b")
    assert await AsyncRedisStore(async_redis_client, KEY).get() == make_token("b")
    record = json.loads(await async_redis_client.get(KEY) or b"")
    assert record == {"token": make_token("b").to_dict(), "version": 2}


def test_decoded_responses_client(redis_port: int) -> None:
    client = redis.Redis(host="127.0.0.1", port=redis_port, db=1, decode_responses=True)
    client.flushdb()
    store = RedisStore(client, KEY)
    store.put(make_token())
    assert RedisStore(client, KEY).get() == make_token()
    client.close()


def test_compare_and_set_rejects_a_stale_writer(redis_client: redis.Redis) -> None:
    RedisStore(redis_client, KEY).put(make_token("0"))
    first, second = RedisStore(redis_client, KEY), RedisStore(redis_client, KEY)
    assert first.get() == second.get() == make_token("0")
    first.put(make_token("first"))
    with pytest.raises(StaleTokenError, match="another token was stored") as info:
        second.put(make_token("stale"))
    assert "SECRET" not in str(info.value)
    assert RedisStore(redis_client, KEY).get() == make_token("first")
    # A rejected write is not kept as pending: the stale writer now reads the newer token.
    assert second.get() == make_token("first")
    second.put(make_token("second"))
    assert RedisStore(redis_client, KEY).get() == make_token("second")


def test_a_writer_that_never_read_cannot_overwrite(redis_client: redis.Redis) -> None:
    RedisStore(redis_client, KEY).put(make_token("0"))
    with pytest.raises(StaleTokenError):
        RedisStore(redis_client, KEY).put(make_token("blind"))
    assert RedisStore(redis_client, KEY).get() == make_token("0")


async def test_async_compare_and_set_rejects_a_stale_writer(async_redis_client: redis.asyncio.Redis) -> None:
    await AsyncRedisStore(async_redis_client, KEY).put(make_token("0"))
    first, second = AsyncRedisStore(async_redis_client, KEY), AsyncRedisStore(async_redis_client, KEY)
    assert await first.get() == await second.get() == make_token("0")
    await first.put(make_token("first"))
    with pytest.raises(StaleTokenError, match="another token was stored"):
        await second.put(make_token("stale"))
    assert await AsyncRedisStore(async_redis_client, KEY).get() == make_token("first")


def test_foreign_content_raises_and_is_not_overwritten(redis_client: redis.Redis) -> None:
    redis_client.set(KEY, "{not json")
    store = RedisStore(redis_client, KEY)
    with pytest.raises(TokenStoreError, match="not hold valid token JSON"):
        store.get()
    with pytest.raises(TokenStoreError, match="not a token record"):
        store.put(make_token())
    assert redis_client.get(KEY) == b"{not json"


def test_redis_down(redis_port: int) -> None:
    down = redis.Redis(host="127.0.0.1", port=free_port(), password="SECRET-REDIS-PASSWORD", retry=NO_RETRY)
    store = RedisStore(down, KEY, lock_ttl=1, lock_timeout=0.2)
    with pytest.raises(TokenStoreError, match="reading Redis key") as info:
        store.get()
    assert "SECRET" not in str(info.value)
    with pytest.raises(TokenStoreError, match=r"taking the Redis lock.*kept in memory") as info:
        store.put(make_token())
    assert "SECRET" not in str(info.value)
    assert store.get() == make_token()  # kept in memory
    with pytest.raises(TokenStoreError, match="taking the Redis lock"), store.refresh_lock():
        pass


async def test_async_redis_down() -> None:
    down = redis.asyncio.Redis(host="127.0.0.1", port=free_port(), retry=AsyncRetry(NoBackoff(), 0))
    store = AsyncRedisStore(down, KEY, lock_ttl=1, lock_timeout=0.2)
    with pytest.raises(TokenStoreError, match="reading Redis key"):
        await store.get()
    with pytest.raises(TokenStoreError, match="kept in memory"):
        await store.put(make_token())
    assert await store.get() == make_token()
    with pytest.raises(TokenStoreError, match="taking the Redis lock"):
        async with store.refresh_lock():
            pass
    await down.aclose()


class FlakyRedis(redis.Redis):
    """A real client that can be told the server is gone."""

    down = False

    def execute_command(self, *args: Any, **options: Any) -> Any:
        if self.down:
            raise redis.ConnectionError("Connection refused")
        return super().execute_command(*args, **options)  # type: ignore[no-untyped-call]


def test_pending_token_is_written_when_redis_returns(redis_port: int) -> None:
    client = FlakyRedis(host="127.0.0.1", port=redis_port, db=2)
    client.flushdb()
    store = RedisStore(client, KEY)
    store.put(make_token("old"))
    client.down = True
    with pytest.raises(TokenStoreError, match="ConnectionError"):
        store.put(make_token("new"))
    assert store.get() == make_token("new")  # Redis is down, the new token is not lost
    client.down = False
    assert store.get() == make_token("new")
    assert RedisStore(client, KEY).get() == make_token("new")  # written once Redis answered
    client.close()


def test_lock_timeout(redis_client: redis.Redis) -> None:
    holder = RedisStore(redis_client, KEY, lock_ttl=5)
    waiter = RedisStore(redis_client, KEY, lock_ttl=5, lock_timeout=0.2)
    with holder.refresh_lock():
        started = time.monotonic()
        with pytest.raises(TokenStoreError, match=r"timed out after 0\.2s"), waiter.refresh_lock():
            pass
        assert 0.15 < time.monotonic() - started < 1.0


async def test_async_lock_timeout(async_redis_client: redis.asyncio.Redis) -> None:
    holder = AsyncRedisStore(async_redis_client, KEY, lock_ttl=5)
    waiter = AsyncRedisStore(async_redis_client, KEY, lock_ttl=5, lock_timeout=0.2)
    async with holder.refresh_lock():
        with pytest.raises(TokenStoreError, match="timed out"):
            async with waiter.refresh_lock():
                pass
        # Tasks sharing one store queue in-process and time out the same way (the lock is
        # reentrant only for the task holding it).
        shared_holder = AsyncRedisStore(async_redis_client, "other", lock_ttl=5, lock_timeout=0.1)

        async def enter() -> None:
            async with shared_holder.refresh_lock():
                pass

        async with shared_holder.refresh_lock():
            with pytest.raises(TokenStoreError, match="timed out"):
                await asyncio.create_task(enter())
            async with shared_holder.refresh_lock():  # reentrant for the holder
                pass


def test_release_never_deletes_another_holders_lock(redis_client: redis.Redis) -> None:
    store = RedisStore(redis_client, KEY, lock_ttl=0.1)
    with store.refresh_lock():
        time.sleep(0.2)  # our lock expired...
        redis_client.set(f"{KEY}:lock", "someone-else", px=5000)  # ...and another process took it
    assert redis_client.get(f"{KEY}:lock") == b"someone-else"


async def test_async_release_never_deletes_another_holders_lock(
    async_redis_client: redis.asyncio.Redis,
) -> None:
    store = AsyncRedisStore(async_redis_client, KEY, lock_ttl=0.1)
    async with store.refresh_lock():
        await asyncio.sleep(0.2)
        await async_redis_client.set(f"{KEY}:lock", "someone-else", px=5000)
    assert await async_redis_client.get(f"{KEY}:lock") == b"someone-else"


def test_lock_is_released_and_ttl_bounded(redis_client: redis.Redis) -> None:
    store = RedisStore(redis_client, KEY, lock_ttl=2)
    with store.refresh_lock():
        owner = redis_client.get(f"{KEY}:lock")
        assert owner and len(owner) == 32
        assert 0 < redis_client.pttl(f"{KEY}:lock") <= 2000
    assert redis_client.get(f"{KEY}:lock") is None


def test_lock_excludes_threads(redis_client: redis.Redis) -> None:
    RedisStore(redis_client, KEY).put(counter_token(0))

    def increment() -> None:
        store = RedisStore(redis_client, KEY, lock_ttl=5)  # one store per thread: only Redis excludes
        for _ in range(5):
            with store.refresh_lock():
                count = count_of(store.get())
                time.sleep(0)
                store.put(counter_token(count + 1))

    threads = [threading.Thread(target=increment) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert count_of(RedisStore(redis_client, KEY).get()) == 40


async def test_async_lock_excludes_tasks(async_redis_client: redis.asyncio.Redis) -> None:
    await AsyncRedisStore(async_redis_client, KEY).put(counter_token(0))
    shared = AsyncRedisStore(async_redis_client, KEY, lock_ttl=5)

    async def increment(store: AsyncRedisStore) -> None:
        for _ in range(5):
            async with store.refresh_lock():
                count = count_of(await store.get())
                await asyncio.sleep(0)
                await store.put(counter_token(count + 1))

    stores = [shared if i % 2 else AsyncRedisStore(async_redis_client, KEY, lock_ttl=5) for i in range(8)]
    await asyncio.gather(*(increment(store) for store in stores))
    assert count_of(await AsyncRedisStore(async_redis_client, KEY).get()) == 40


def test_lock_excludes_processes(redis_client: redis.Redis, redis_port: int) -> None:
    RedisStore(redis_client, KEY).put(counter_token(0))
    workers = [start_worker("count", "redis", f"{redis_port}:{KEY}", "8", "1") for _ in range(4)]
    for worker in workers:
        _, err = worker.communicate(timeout=30)
        assert worker.returncode == 0, err
    assert count_of(RedisStore(redis_client, KEY).get()) == 32


def test_killed_holder_blocks_others_for_at_most_the_ttl(redis_client: redis.Redis, redis_port: int) -> None:
    RedisStore(redis_client, KEY).put(counter_token(0))
    ttl = 1.0
    holder = start_worker("hold", "redis", f"{redis_port}:{KEY}", str(ttl))
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        time.sleep(0.05)
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=5)
        killed_at = time.monotonic()
    finally:
        if holder.poll() is None:
            holder.kill()
        holder.communicate()
    store = RedisStore(redis_client, KEY, lock_ttl=ttl, lock_timeout=ttl + 2)
    with store.refresh_lock():
        waited = time.monotonic() - killed_at
        token = store.get()
    # Blocked while the dead holder's lock lived, free once its TTL ran out.
    assert 0.3 < waited < ttl + 0.5
    assert isinstance(token, Token)
    assert token.access_token == "count-0" or token.access_token.startswith("held-")


def test_repr_hides_tokens_and_passwords(redis_port: int) -> None:
    client = redis.Redis(host="127.0.0.1", port=redis_port, password="SECRET-REDIS-PASSWORD")
    unix = redis.Redis(unix_socket_path="/tmp/r.sock", password="SECRET-REDIS-PASSWORD")
    async_client = redis.asyncio.Redis(host="127.0.0.1", port=redis_port, password="SECRET-REDIS-PASSWORD")
    for store in (RedisStore(client, KEY), RedisStore(unix, KEY), AsyncRedisStore(async_client, KEY)):
        text = repr(store)
        assert "SECRET" not in text
        assert KEY in text
    assert f"redis://127.0.0.1:{redis_port}/0" in repr(RedisStore(client, KEY))


# --- issue 10 item 2: plain records, seeding, replace -------------------------------------------


def test_plain_record_is_read_and_migrated_on_the_first_write(redis_client: redis.Redis) -> None:
    KVStore(redis_client, KEY).put(make_token("plain"))  # the same key, the plain layout
    store = RedisStore(redis_client, KEY)
    assert store.get() == make_token("plain")
    store.put(make_token("migrated"))
    assert json.loads(redis_client.get(KEY) or b"") == {
        "token": make_token("migrated").to_dict(),
        "version": 1,
    }
    store.put(make_token("next"))
    assert RedisStore(redis_client, KEY).get() == make_token("next")


def test_plain_record_changed_since_it_was_read_is_not_overwritten(redis_client: redis.Redis) -> None:
    kv = KVStore(redis_client, KEY)
    kv.put(make_token("plain"))
    store = RedisStore(redis_client, KEY)
    assert store.get() == make_token("plain")
    kv.put(make_token("newer-plain"))  # another writer, still plain
    with pytest.raises(StaleTokenError):
        store.put(make_token("stale"))
    assert KVStore(redis_client, KEY).get() == make_token("newer-plain")
    # A migrated record is a newer version than the plain one a second reader saw.
    early, late = RedisStore(redis_client, KEY), RedisStore(redis_client, KEY)
    assert early.get() == late.get() == make_token("newer-plain")
    late.put(make_token("late"))
    with pytest.raises(StaleTokenError):
        early.put(make_token("early"))
    assert RedisStore(redis_client, KEY).get() == make_token("late")


def test_seeding_an_existing_key_refuses_with_a_clear_message_and_replace_overwrites(
    redis_client: redis.Redis,
) -> None:
    worker = RedisStore(redis_client, KEY)
    worker.put(make_token("refreshed"))
    seeder = RedisStore(redis_client, KEY)  # a worker starting up with a stale token in its env
    with pytest.raises(StaleTokenError, match=r"has not read.*replace\(\)") as info:
        seeder.put(make_token("stale-seed"))
    assert "SECRET" not in str(info.value)
    assert RedisStore(redis_client, KEY).get() == make_token("refreshed")
    seeder.replace(make_token("from-portal"))  # "I have a newer token from the portal"
    assert RedisStore(redis_client, KEY).get() == make_token("from-portal")
    assert json.loads(redis_client.get(KEY) or b"")["version"] == 2
    with pytest.raises(StaleTokenError):
        worker.put(make_token("derived-from-refreshed"))  # its token was replaced meanwhile
    KVStore(redis_client, "plain").put(make_token("plain"))
    RedisStore(redis_client, "plain").replace(make_token("over-plain"))
    assert json.loads(redis_client.get("plain") or b"")["version"] == 1


def test_compare_and_set_names_the_expected_token(redis_client: redis.Redis) -> None:
    store = RedisStore(redis_client, KEY)
    store.compare_and_set(None, make_token("a"))
    with pytest.raises(StaleTokenError):
        RedisStore(redis_client, KEY).compare_and_set(None, make_token("b"))
    RedisStore(redis_client, KEY).compare_and_set(make_token("a"), make_token("b"))
    assert store.get() == make_token("b")


async def test_async_plain_record_seeding_and_replace(async_redis_client: redis.asyncio.Redis) -> None:
    await async_redis_client.set(KEY, json.dumps(make_token("plain").to_dict()))
    store = AsyncRedisStore(async_redis_client, KEY)
    assert await store.get() == make_token("plain")
    await store.put(make_token("migrated"))
    assert json.loads(await async_redis_client.get(KEY) or b"")["version"] == 1
    seeder = AsyncRedisStore(async_redis_client, KEY)
    with pytest.raises(StaleTokenError, match="has not read"):
        await seeder.put(make_token("seed"))
    await seeder.replace(make_token("portal"))
    assert await AsyncRedisStore(async_redis_client, KEY).get() == make_token("portal")
    with pytest.raises(StaleTokenError):
        await store.put(make_token("stale"))
    await AsyncRedisStore(async_redis_client, KEY).compare_and_set(make_token("portal"), make_token("cas"))
    assert await store.get() == make_token("cas")


# --- issue 10 item 11: the lock outlives a slow token call ---------------------------------------


def test_lock_is_renewed_while_held(redis_client: redis.Redis) -> None:
    holder = RedisStore(redis_client, KEY, lock_ttl=0.3)
    waiter = RedisStore(redis_client, KEY, lock_ttl=0.3, lock_timeout=0.9)
    with holder.refresh_lock():
        # A token call three TTLs long: without renewal the lock would lapse after 0.3 s.
        with pytest.raises(TokenStoreError, match="timed out"), waiter.refresh_lock():
            pass
        assert redis_client.pttl(f"{KEY}:lock") > 0
    assert redis_client.get(f"{KEY}:lock") is None  # released, and renewal stopped
    time.sleep(0.2)
    assert redis_client.get(f"{KEY}:lock") is None


async def test_async_lock_is_renewed_while_held(async_redis_client: redis.asyncio.Redis) -> None:
    holder = AsyncRedisStore(async_redis_client, KEY, lock_ttl=0.3)
    waiter = AsyncRedisStore(async_redis_client, KEY, lock_ttl=0.3, lock_timeout=0.9)
    async with holder.refresh_lock():
        with pytest.raises(TokenStoreError, match="timed out"):
            async with waiter.refresh_lock():
                pass
        assert await async_redis_client.pttl(f"{KEY}:lock") > 0
    assert await async_redis_client.get(f"{KEY}:lock") is None
