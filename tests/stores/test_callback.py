"""CallbackStore and AsyncCallbackStore: the application's own load/save functions.

A scenario both flavours share is written once and runs under the `mode` fixture (tests/modes.py)."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import AsyncIterator, Iterator

import pytest

from patreon_auth.errors import TokenStoreError
from patreon_auth.stores import AsyncCallbackStore, CallbackStore, StaleTokenError
from patreon_auth.token import Token
from tests.modes import Driven, ModeDriver

from ._helpers import make_token

CALLBACK = (CallbackStore, AsyncCallbackStore)


class Box:
    """Storage behind the callbacks, which can be told to fail."""

    def __init__(self) -> None:
        self.token: Token | None = None
        self.fail = False

    def load(self) -> Token | None:
        if self.fail:
            raise OSError("disk on fire")
        return self.token

    def save(self, token: Token) -> None:
        if self.fail:
            raise OSError("disk on fire")
        self.token = token

    async def aload(self) -> Token | None:
        return self.load()

    async def asave(self, token: Token) -> None:
        self.save(token)


@pytest.mark.parametrize("callables", ["plain", "flavour"])
def test_round_trip(mode: ModeDriver, callables: str) -> None:
    box = Box()
    # Plain functions suit both stores; "flavour" gives the async store coroutine functions.
    own = callables == "flavour" and mode.is_async
    store = mode.store(CALLBACK, get=box.aload if own else box.load, put=box.asave if own else box.save)
    assert store.get() is None
    store.put(make_token())
    assert box.token == make_token()
    assert store.get() == make_token()


def test_failed_put_keeps_token_and_writes_it_later(mode: ModeDriver) -> None:
    box = Box()
    store = mode.store(CALLBACK, get=mode.pick(box.load, box.aload), put=mode.pick(box.save, box.asave))
    box.fail = True
    with pytest.raises(TokenStoreError, match="callback failed") as info:
        store.put(make_token("new"))
    assert "SECRET" not in str(info.value)
    assert store.get() == make_token("new")  # the backend is down, the token is not lost
    box.fail = False
    assert store.get() == make_token("new")
    assert box.token == make_token("new")  # written on the first get() that could


def test_failed_get_raises() -> None:
    box = Box()
    box.fail = True
    with pytest.raises(TokenStoreError, match="get callback failed"):
        CallbackStore(get=box.load, put=box.save).get()


def test_supplied_lock_is_used(mode: ModeDriver) -> None:
    entered: list[str] = []

    @contextlib.contextmanager
    def shared_lock() -> Iterator[None]:
        entered.append("in")
        yield
        entered.append("out")

    @contextlib.asynccontextmanager
    async def async_shared_lock() -> AsyncIterator[None]:
        entered.append("in")
        yield
        entered.append("out")

    box = Box()
    store = mode.store(CALLBACK, get=box.load, put=box.save, lock=mode.pick(shared_lock, async_shared_lock))
    with store.refresh_lock():
        assert entered == ["in"]
    assert entered == ["in", "out"]
    lock = mode.new((threading.Lock, asyncio.Lock))
    with mode.store(CALLBACK, get=box.load, put=box.save, lock=lock).refresh_lock():
        assert lock.locked()
    assert not lock.locked()


def test_default_lock_excludes_threads() -> None:
    box = Box()
    box.token = Token(access_token="count-0")
    store = CallbackStore(get=box.load, put=box.save)

    def bump() -> None:
        for _ in range(50):
            with store.refresh_lock():
                current = store.get()
                assert current is not None
                store.put(Token(access_token=f"count-{int(current.access_token[6:]) + 1}"))

    threads = [threading.Thread(target=bump) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert box.token == Token(access_token="count-400")


def test_repr_masks_tokens() -> None:
    box = Box()
    store = CallbackStore(get=box.load, put=box.save)
    store.put(make_token())
    assert "SECRET" not in repr(store)
    assert "Box.load" in repr(store)
    assert "SECRET" not in repr(AsyncCallbackStore(get=box.load, put=box.save))


# --- compare-and-set (issue 10 item 1) -----------------------------------------------------------


class Row:
    """A row with an atomic conditional update, as SQL's UPDATE ... WHERE refresh_token = ? is."""

    def __init__(self) -> None:
        self.token: Token | None = None
        self.updates = 0

    def load(self) -> Token | None:
        return self.token

    def save(self, token: Token) -> None:
        raise AssertionError("with compare_and_set given, put is never called")

    def swap(self, expected: Token | None, new: Token) -> bool:
        if self.token != expected and self.token is not None:
            return False
        self.token = new
        self.updates += 1
        return True


def test_compare_and_set_callback_makes_writes_atomic(mode: ModeDriver) -> None:
    row = Row()

    async def swap(expected: Token | None, new: Token) -> bool:
        return row.swap(expected, new)

    def store() -> Driven:
        return mode.store(CALLBACK, get=row.load, put=row.save, compare_and_set=mode.pick(row.swap, swap))

    first, second = store(), store()
    first.put(make_token("a"))
    with pytest.raises(StaleTokenError):
        second.put(make_token("seed"))  # it never read the row
    assert second.get() == make_token("a")
    first.put(make_token("b"))
    with pytest.raises(StaleTokenError):
        second.put(make_token("stale"))
    assert row.token == make_token("b") and row.updates == 2
    second.replace(make_token("portal"))
    with pytest.raises(StaleTokenError):
        first.compare_and_set(make_token("a"), make_token("x"))
    first.compare_and_set(make_token("portal"), make_token("x"))
    assert row.token == make_token("x")


def test_without_compare_and_set_the_store_reads_back_under_the_lock() -> None:
    box = Box()
    lock = threading.Lock()
    first, second = CallbackStore(box.load, box.save, lock), CallbackStore(box.load, box.save, lock)
    first.put(make_token("a"))
    assert second.get() == make_token("a")
    first.put(make_token("b"))
    with pytest.raises(StaleTokenError):
        second.put(make_token("stale"))
    with pytest.raises(StaleTokenError, match="has not read"):
        CallbackStore(box.load, box.save, lock).put(make_token("seed"))
    CallbackStore(box.load, box.save, lock).replace(make_token("portal"))
    assert box.token == make_token("portal")


@pytest.mark.parametrize("loaded", ["dict", "json text"])
def test_a_get_callback_returning_something_else_than_a_token_is_a_typed_error(loaded: str) -> None:
    """Inside the auth flow, before any request: a TokenStoreError naming what was expected, not
    an AttributeError from deep inside; the message names the type, never the content."""
    from patreon_auth import PatreonCreatorClient
    from patreon_sandbox import Sandbox

    with Sandbox(seed=8, members=4, rate_limits=None) as sandbox:
        stored = sandbox.creator_token(expires_in=-60).to_dict()
        value: object = stored if loaded == "dict" else str(stored)
        store = CallbackStore(get=lambda: value, put=lambda token: None)  # type: ignore[arg-type,return-value]
        client = PatreonCreatorClient(
            client_id=sandbox.client_id,
            client_secret=sandbox.client_secret,
            store=store,
            transport=sandbox.transport(),
            base_url=sandbox.base_url,
        )
        with pytest.raises(TokenStoreError, match="must return a Token or None") as info:
            client.identity.get()
        client.close()
        assert sandbox.stats.refresh_requests == 0
    expected = "returned a dict" if loaded == "dict" else "returned a str"
    assert expected in str(info.value)
    assert stored["refresh_token"] not in str(info.value) and stored["access_token"] not in str(info.value)
    assert ("Token.from_dict" in str(info.value)) == (loaded == "dict")
