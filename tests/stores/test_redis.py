"""RedisStore and AsyncRedisStore against a real redis-server: round trips, CAS, TTL lock, failures.

A scenario both flavours share is written once and runs under the `mode` fixture (tests/modes.py)."""

from __future__ import annotations

import json
import os
import signal
import time
from typing import Any

import pytest
import redis
import redis.asyncio
from redis.asyncio.retry import Retry as AsyncRetry
from redis.backoff import NoBackoff
from redis.retry import Retry

from patreon_auth.errors import TokenStoreError
from patreon_auth.stores import AsyncKVStore, AsyncRedisStore, KVStore, RedisStore, StaleTokenError
from patreon_auth.token import Token
from tests.modes import ModeDriver

from ._helpers import count_of, counter_token, free_port, make_token, start_worker

KEY = "patreon:token"
# redis-py retries connection errors with backoff by default; the down-server tests need no retries.
NO_RETRY = Retry(NoBackoff(), 0)
REDIS = (RedisStore, AsyncRedisStore)
KV = (KVStore, AsyncKVStore)


def test_round_trip_and_record_layout(mode: ModeDriver, mode_redis: Any) -> None:
    store = mode.store(REDIS, mode_redis, KEY)
    assert store.get() is None
    store.put(make_token("a"))
    store.put(make_token("b"))
    assert store.get() == make_token("b")
    assert mode.store(REDIS, mode_redis, KEY).get() == make_token("b")
    record = json.loads(mode.run(mode_redis.get(KEY)) or b"")
    assert record == {"token": make_token("b").to_dict(), "version": 2}


def test_decoded_responses_client(redis_port: int) -> None:
    client = redis.Redis(host="127.0.0.1", port=redis_port, db=1, decode_responses=True)
    client.flushdb()
    store = RedisStore(client, KEY)
    store.put(make_token())
    assert RedisStore(client, KEY).get() == make_token()
    client.close()


def test_compare_and_set_rejects_a_stale_writer(mode: ModeDriver, mode_redis: Any) -> None:
    mode.store(REDIS, mode_redis, KEY).put(make_token("0"))
    first, second = mode.store(REDIS, mode_redis, KEY), mode.store(REDIS, mode_redis, KEY)
    assert first.get() == second.get() == make_token("0")
    first.put(make_token("first"))
    with pytest.raises(StaleTokenError, match="another token was stored") as info:
        second.put(make_token("stale"))
    assert "SECRET" not in str(info.value)
    assert mode.store(REDIS, mode_redis, KEY).get() == make_token("first")
    # A rejected write is not kept as pending: the stale writer now reads the newer token.
    assert second.get() == make_token("first")
    second.put(make_token("second"))
    assert mode.store(REDIS, mode_redis, KEY).get() == make_token("second")


def test_a_writer_that_never_read_cannot_overwrite(redis_client: redis.Redis) -> None:
    RedisStore(redis_client, KEY).put(make_token("0"))
    with pytest.raises(StaleTokenError):
        RedisStore(redis_client, KEY).put(make_token("blind"))
    assert RedisStore(redis_client, KEY).get() == make_token("0")


def test_foreign_content_raises_and_is_not_overwritten(redis_client: redis.Redis) -> None:
    # A key of its own: the refused token stays pending, and its background write-back outlives
    # the test; on KEY it would write into a later test's emptied database.
    key = "patreon:foreign"
    redis_client.set(key, "{not json")
    store = RedisStore(redis_client, key)
    with pytest.raises(TokenStoreError, match="not hold valid token JSON"):
        store.get()
    with pytest.raises(TokenStoreError, match="not a token record"):
        store.put(make_token())
    assert redis_client.get(key) == b"{not json"


def test_redis_down(mode: ModeDriver) -> None:
    down = mode.new(
        (redis.Redis, redis.asyncio.Redis),
        host="127.0.0.1",
        port=free_port(),
        password="SECRET-REDIS-PASSWORD",
        retry=mode.pick(NO_RETRY, AsyncRetry(NoBackoff(), 0)),
    )
    store = mode.store(REDIS, down, KEY, lock_ttl=1, lock_timeout=0.2)
    with pytest.raises(TokenStoreError, match="reading Redis key") as info:
        store.get()
    assert "SECRET" not in str(info.value)
    with pytest.raises(TokenStoreError, match=r"taking the Redis lock.*kept in memory") as info:
        store.put(make_token())
    assert "SECRET" not in str(info.value)
    assert store.get() == make_token()  # kept in memory
    with pytest.raises(TokenStoreError, match="taking the Redis lock"), store.refresh_lock():
        pass
    mode.run(down.aclose() if mode.is_async else down.close())


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


def test_lock_timeout(mode: ModeDriver, mode_redis: Any) -> None:
    holder = mode.store(REDIS, mode_redis, KEY, lock_ttl=5)
    waiter = mode.store(REDIS, mode_redis, KEY, lock_ttl=5, lock_timeout=0.2)
    with holder.refresh_lock():
        started = time.monotonic()
        with pytest.raises(TokenStoreError, match=r"timed out after 0\.2s"), waiter.refresh_lock():
            pass
        assert 0.15 < time.monotonic() - started < 1.0
        # Threads (tasks) sharing one store queue in-process and time out the same way (the lock
        # is reentrant only for the thread or task holding it).
        shared_holder = mode.store(REDIS, mode_redis, "other", lock_ttl=5, lock_timeout=0.1)

        def enter(_: int) -> None:
            with shared_holder.refresh_lock():
                pass

        with shared_holder.refresh_lock():
            with pytest.raises(TokenStoreError, match="timed out"):
                mode.in_threads(1, enter)
            with shared_holder.refresh_lock():  # reentrant for the holder
                pass


def test_release_never_deletes_another_holders_lock(mode: ModeDriver, mode_redis: Any) -> None:
    store = mode.store(REDIS, mode_redis, KEY, lock_ttl=0.1)
    with store.refresh_lock():
        time.sleep(0.2)  # our lock expired...
        mode.run(mode_redis.set(f"{KEY}:lock", "someone-else", px=5000))  # ...and another process took it
    assert mode.run(mode_redis.get(f"{KEY}:lock")) == b"someone-else"


def test_lock_is_released_and_ttl_bounded(redis_client: redis.Redis) -> None:
    store = RedisStore(redis_client, KEY, lock_ttl=2)
    with store.refresh_lock():
        owner = redis_client.get(f"{KEY}:lock")
        assert owner and len(owner) == 32
        assert 0 < redis_client.pttl(f"{KEY}:lock") <= 2000
    assert redis_client.get(f"{KEY}:lock") is None


def test_lock_excludes_threads_and_tasks(mode: ModeDriver, mode_redis: Any) -> None:
    mode.store(REDIS, mode_redis, KEY).put(counter_token(0))
    shared = mode.store(REDIS, mode_redis, KEY, lock_ttl=5)

    def increment(index: int) -> None:
        # Half the threads (tasks) share one store, half have their own: only Redis excludes those.
        store = shared if index % 2 else mode.store(REDIS, mode_redis, KEY, lock_ttl=5)
        for _ in range(5):
            with store.refresh_lock():
                count = count_of(store.get())
                time.sleep(0)
                store.put(counter_token(count + 1))

    mode.in_threads(8, increment)
    assert count_of(mode.store(REDIS, mode_redis, KEY).get()) == 40


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


def test_plain_record_is_read_and_migrated_on_the_first_write(mode: ModeDriver, mode_redis: Any) -> None:
    mode.store(KV, mode_redis, KEY).put(make_token("plain"))  # the same key, the plain layout
    store = mode.store(REDIS, mode_redis, KEY)
    assert store.get() == make_token("plain")
    store.put(make_token("migrated"))
    assert json.loads(mode.run(mode_redis.get(KEY)) or b"") == {
        "token": make_token("migrated").to_dict(),
        "version": 1,
    }
    store.put(make_token("next"))
    assert mode.store(REDIS, mode_redis, KEY).get() == make_token("next")


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
    mode: ModeDriver, mode_redis: Any
) -> None:
    worker = mode.store(REDIS, mode_redis, KEY)
    worker.put(make_token("refreshed"))
    seeder = mode.store(REDIS, mode_redis, KEY)  # a worker starting up with a stale token in its env
    with pytest.raises(StaleTokenError, match=r"has not read.*replace\(\)") as info:
        seeder.put(make_token("stale-seed"))
    assert "SECRET" not in str(info.value)
    assert mode.store(REDIS, mode_redis, KEY).get() == make_token("refreshed")
    seeder.replace(make_token("from-portal"))  # "I have a newer token from the portal"
    assert mode.store(REDIS, mode_redis, KEY).get() == make_token("from-portal")
    assert json.loads(mode.run(mode_redis.get(KEY)) or b"")["version"] == 2
    with pytest.raises(StaleTokenError):
        worker.put(make_token("derived-from-refreshed"))  # its token was replaced meanwhile
    mode.store(KV, mode_redis, "plain").put(make_token("plain"))
    mode.store(REDIS, mode_redis, "plain").replace(make_token("over-plain"))
    assert json.loads(mode.run(mode_redis.get("plain")) or b"")["version"] == 1


def test_compare_and_set_names_the_expected_token(mode: ModeDriver, mode_redis: Any) -> None:
    store = mode.store(REDIS, mode_redis, KEY)
    store.compare_and_set(None, make_token("a"))
    with pytest.raises(StaleTokenError):
        mode.store(REDIS, mode_redis, KEY).compare_and_set(None, make_token("b"))
    mode.store(REDIS, mode_redis, KEY).compare_and_set(make_token("a"), make_token("b"))
    assert store.get() == make_token("b")


# --- issue 10 item 11: the lock outlives a slow token call ---------------------------------------


def test_lock_is_renewed_while_held(mode: ModeDriver, mode_redis: Any) -> None:
    holder = mode.store(REDIS, mode_redis, KEY, lock_ttl=0.3)
    waiter = mode.store(REDIS, mode_redis, KEY, lock_ttl=0.3, lock_timeout=0.9)
    with holder.refresh_lock():
        # A token call three TTLs long: without renewal the lock would lapse after 0.3 s.
        with pytest.raises(TokenStoreError, match="timed out"), waiter.refresh_lock():
            pass
        assert mode.run(mode_redis.pttl(f"{KEY}:lock")) > 0
    assert mode.run(mode_redis.get(f"{KEY}:lock")) is None  # released, and renewal stopped
    time.sleep(0.2)
    assert mode.run(mode_redis.get(f"{KEY}:lock")) is None
