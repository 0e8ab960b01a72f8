"""KVStore and AsyncKVStore over every binding style: get+put, get+set (Redis), mappings (dict, dbm)."""

from __future__ import annotations

import dbm
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import redis
import redis.asyncio

from patreon_auth.errors import TokenStoreError
from patreon_auth.stores import AsyncKVStore, KVStore, StaleTokenError

from ._helpers import make_token


class EdgeKV:
    """A Workers-KV-like namespace: get(key) and put(key, value), optionally failing."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}
        self.fail = False

    def get(self, key: str) -> str | None:
        if self.fail:
            raise ConnectionError("edge down")
        return self.values.get(key)

    def put(self, key: str, value: str) -> None:
        if self.fail:
            raise ConnectionError("edge down")
        self.values[key] = value


class AsyncEdgeKV(EdgeKV):
    """The same, with async methods (as the Workers KV binding has)."""

    async def get(self, key: str) -> str | None:  # type: ignore[override]
        return EdgeKV.get(self, key)

    async def put(self, key: str, value: str) -> None:  # type: ignore[override]
        EdgeKV.put(self, key, value)


@pytest.fixture
def dbm_db(tmp_path: Path) -> Iterator[Any]:
    with dbm.open(str(tmp_path / "tokens"), "c") as db:
        yield db


@pytest.mark.parametrize("binding", ["edge", "dict", "dbm", "redis"])
def test_round_trip(binding: str, request: pytest.FixtureRequest) -> None:
    factories: dict[str, Callable[[], Any]] = {
        "edge": EdgeKV,
        "dict": dict,
        "dbm": lambda: request.getfixturevalue("dbm_db"),
        "redis": lambda: request.getfixturevalue("redis_client"),
    }
    kv = factories[binding]()
    store = KVStore(kv, "patreon:token")
    assert store.get() is None
    store.put(make_token())
    assert store.get() == make_token()
    assert KVStore(kv, "patreon:token").get() == make_token()  # read back from the binding itself


async def _async_round_trip(kv: Any) -> None:
    store = AsyncKVStore(kv, "patreon:token")
    assert await store.get() is None
    await store.put(make_token())
    assert await store.get() == make_token()
    assert await AsyncKVStore(kv, "patreon:token").get() == make_token()


@pytest.mark.parametrize("binding", [AsyncEdgeKV, EdgeKV, dict])
async def test_async_round_trip(binding: type[Any]) -> None:
    await _async_round_trip(binding())


async def test_async_round_trip_redis(async_redis_client: redis.asyncio.Redis) -> None:
    await _async_round_trip(async_redis_client)


def test_corrupt_value_raises() -> None:
    kv = {"k": "{truncated"}
    with pytest.raises(TokenStoreError, match="not hold valid token JSON"):
        KVStore(kv, "k").get()
    assert kv == {"k": "{truncated"}


async def test_async_corrupt_value_raises() -> None:
    with pytest.raises(TokenStoreError, match="not hold valid token JSON"):
        await AsyncKVStore({"k": b"\xff\xfe"}, "k").get()


def test_failing_binding_keeps_the_token() -> None:
    kv = EdgeKV()
    store = KVStore(kv, "k")
    kv.fail = True
    with pytest.raises(TokenStoreError, match="key-value store key 'k' failed") as info:
        store.put(make_token())
    assert "SECRET" not in str(info.value)
    assert store.get() == make_token()
    kv.fail = False
    assert store.get() == make_token()
    assert "SECRET-ACCESS-1" in kv.values["k"]


async def test_async_failing_binding_keeps_the_token() -> None:
    kv = AsyncEdgeKV()
    store = AsyncKVStore(kv, "k")
    kv.fail = True
    with pytest.raises(TokenStoreError, match="failed"):
        await store.put(make_token())
    assert await store.get() == make_token()
    kv.fail = False
    assert await store.get() == make_token()
    assert "SECRET-ACCESS-1" in kv.values["k"]


def test_rejects_what_is_not_a_binding() -> None:
    with pytest.raises(TypeError):
        KVStore(object(), "k")  # type: ignore[arg-type]


def test_repr_masks_tokens() -> None:
    client = redis.Redis(password="SECRET-REDIS-PASSWORD")
    for store in (KVStore({"k": "v"}, "k"), KVStore(client, "k"), AsyncKVStore(redis.asyncio.Redis(), "k")):
        assert "SECRET" not in repr(store)
        assert "'k'" in repr(store)


# --- compare-and-set (issue 10 item 1) -----------------------------------------------------------


def test_two_stores_on_one_binding_share_a_lock_and_compare_before_writing() -> None:
    kv: dict[str, str] = {}
    first, second = KVStore(kv, "k"), KVStore(kv, "k")
    first.put(make_token("a"))
    assert second.get() == make_token("a")
    first.put(make_token("b"))
    with pytest.raises(StaleTokenError):
        second.put(make_token("stale"))
    entered = threading.Event()

    def enter() -> None:
        with second.refresh_lock():
            entered.set()

    with first.refresh_lock():
        waiter = threading.Thread(target=enter)
        waiter.start()
        assert not entered.wait(0.2)  # one lock per binding and key, not per store object
    waiter.join(5)
    assert entered.is_set()


async def test_async_compare_and_set_and_replace() -> None:
    kv = AsyncEdgeKV()
    first, second = AsyncKVStore(kv, "k"), AsyncKVStore(kv, "k")
    await first.put(make_token("a"))
    with pytest.raises(StaleTokenError, match="has not read"):
        await second.put(make_token("seed"))
    await second.replace(make_token("portal"))
    with pytest.raises(StaleTokenError):
        await first.put(make_token("stale"))
    await first.compare_and_set(make_token("portal"), make_token("c"))
    assert await second.get() == make_token("c")
