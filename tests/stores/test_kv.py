"""KVStore and AsyncKVStore over every binding style: get+put, get+set (Redis), mappings (dict, dbm).

A scenario both flavours share is written once and runs under the `mode` fixture (tests/modes.py)."""

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
from tests.modes import ModeDriver

from ._helpers import make_token

KV = (KVStore, AsyncKVStore)


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


# The redis binding's fixture is looked up while the test runs, which the quick run's marking
# (tests/conftest.py, by fixture name) cannot see: it is marked here.
@pytest.mark.parametrize(
    "binding", ["edge", "sync edge", "dict", "dbm", pytest.param("redis", marks=pytest.mark.external)]
)
def test_round_trip(mode: ModeDriver, binding: str, request: pytest.FixtureRequest) -> None:
    factories: dict[str, Callable[[], Any]] = {
        "edge": mode.pick(EdgeKV, AsyncEdgeKV),  # the flavour's own binding style
        "sync edge": EdgeKV,  # an async store takes a sync binding too
        "dict": dict,
        "dbm": lambda: request.getfixturevalue("dbm_db"),
        "redis": lambda: request.getfixturevalue("mode_redis"),
    }
    kv = factories[binding]()
    store = mode.store(KV, kv, "patreon:token")
    assert store.get() is None
    store.put(make_token())
    assert store.get() == make_token()
    assert mode.store(KV, kv, "patreon:token").get() == make_token()  # read back from the binding itself


@pytest.mark.parametrize("content", ["{truncated", b"\xff\xfe"])
def test_corrupt_value_raises(mode: ModeDriver, content: str | bytes) -> None:
    kv = {"k": content}
    with pytest.raises(TokenStoreError, match="not hold valid token JSON"):
        mode.store(KV, kv, "k").get()
    assert kv == {"k": content}


def test_failing_binding_keeps_the_token(mode: ModeDriver) -> None:
    kv = mode.pick(EdgeKV, AsyncEdgeKV)()
    store = mode.store(KV, kv, "k")
    kv.fail = True
    with pytest.raises(TokenStoreError, match="key-value store key 'k' failed") as info:
        store.put(make_token())
    assert "SECRET" not in str(info.value)
    assert store.get() == make_token()
    kv.fail = False
    assert store.get() == make_token()
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


def test_two_stores_on_one_binding_share_a_lock_and_compare_before_writing(mode: ModeDriver) -> None:
    kv = mode.pick(dict, AsyncEdgeKV)()
    first, second = mode.store(KV, kv, "k"), mode.store(KV, kv, "k")
    first.put(make_token("a"))
    with pytest.raises(StaleTokenError, match="has not read"):
        second.put(make_token("seed"))
    assert second.get() == make_token("a")
    first.put(make_token("b"))
    with pytest.raises(StaleTokenError):
        second.put(make_token("stale"))
    second.replace(make_token("portal"))
    with pytest.raises(StaleTokenError):
        first.put(make_token("stale"))
    first.compare_and_set(make_token("portal"), make_token("c"))
    assert second.get() == make_token("c")
    entered = threading.Event()

    def enter() -> None:
        with second.refresh_lock():
            entered.set()

    with first.refresh_lock():
        waiter = threading.Thread(target=enter)  # another thread (another task, if async)
        waiter.start()
        assert not entered.wait(0.2)  # one lock per binding and key, not per store object
    waiter.join(5)
    assert entered.is_set()
