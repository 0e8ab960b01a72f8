"""The `mode` fixture's driver (tests/conftest.py): one scenario, run with the sync twin and the async.

A scenario is written once with plain calls: `mode.new((Store, AsyncStore), ...)` builds the
flavour's object, `mode.run(obj.call())` gives a call's result, `mode.collect(...)` drains an
iterator, `mode.using(obj)` is its `with`, `mode.at_once(50, call)` is 50 threads released by one
barrier (sync) or 50 coroutines gathered on one loop (async); `mode.store(...)` wraps a store
behind plain `get`/`put`/`refresh_lock` (`Driven`).

The sync driver calls directly. The async driver runs each call on an event loop in a thread of
its own, and every thread that drives it gets one task on that loop which runs all of its calls:
what an async store keeps per task (a reentrant refresh lock's holder) carries from one call to
the next as in an async app, and N threads driving async stores are N tasks contending on one loop.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import functools
import inspect
import threading
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

from patreon_auth.token import Token

# A (sync class, async class) pair: what `ModeDriver.new` builds for each flavour.
Pair = tuple[Callable[..., Any], Callable[..., Any]]


class ModeDriver:
    """The sync flavour: objects are called directly."""

    name = "sync"
    is_async = False

    def pick(self, sync: Any, async_: Any) -> Any:
        """The one of the two that belongs to this flavour."""
        return sync

    def run(self, value: Any) -> Any:
        """What a call gives: the value itself (sync) or the awaited result (async)."""
        return value

    def new(self, pair: Pair, *args: Any, **kwargs: Any) -> Any:
        """An object of this flavour's class from `pair`, built where it runs (the loop, if async)."""
        return self.pick(*pair)(*args, **kwargs)

    def store(self, pair: Pair, *args: Any, **kwargs: Any) -> Driven:
        """A store of this flavour behind plain calls."""
        return Driven(self.new(pair, *args, **kwargs), self)

    def wrap(self, store: Any) -> Driven:
        return Driven(store, self)

    def enter(self, manager: Any) -> Any:
        return manager.__enter__()

    def exit(self, manager: Any, exc: BaseException | None) -> bool:
        return bool(manager.__exit__(type(exc) if exc else None, exc, exc.__traceback__ if exc else None))

    @contextlib.contextmanager
    def using(self, manager: Any) -> Iterator[Any]:
        """`with manager` (sync) or `async with manager` (async), as a plain `with`."""
        value = self.enter(manager)
        try:
            yield value
        except BaseException as exc:
            if not self.exit(manager, exc):
                raise
        else:
            self.exit(manager, None)

    def collect(self, items: Any) -> list[Any]:
        """Everything an iterator (sync) or async iterator (async) yields."""
        return list(items)

    def shut(self, thing: Any) -> None:
        """`thing.close()` (sync) or `await thing.aclose()` (async)."""
        thing.close()

    def at_once(self, count: int, call: Callable[[], Any]) -> list[Any]:
        """`call()` `count` times at once: threads released by one barrier (sync), or coroutines
        gathered on one loop (async). Each result, or the exception it raised, in order."""
        return self.each_at_once([call] * count)

    def each_at_once(self, calls: list[Callable[[], Any]]) -> list[Any]:
        """Every call at once (one thread each, released by one barrier); results in the calls' order."""
        return _in_threads_at_once(calls)

    def in_threads(self, count: int, work: Callable[[int], None]) -> None:
        """`work(i)` for i in range(count), each in its own thread (its own task, if async), all at once."""
        results = _in_threads_at_once([functools.partial(work, i) for i in range(count)])
        failures = [result for result in results if isinstance(result, BaseException)]
        if failures:
            raise failures[0]

    def close(self) -> None:
        pass


def _in_threads_at_once(calls: list[Callable[[], Any]]) -> list[Any]:
    """Each call in a thread of its own, all released by one barrier; each result, or the
    exception it raised, in the calls' order."""
    barrier = threading.Barrier(len(calls))
    results: list[Any] = [None] * len(calls)

    def run(index: int) -> None:
        barrier.wait()
        try:
            results[index] = calls[index]()
        except BaseException as exc:  # returned to the caller, as gather(return_exceptions=True)
            results[index] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


class AsyncModeDriver(ModeDriver):
    """The async flavour: calls run on one loop, each calling thread's calls inside one task."""

    name = "async"
    is_async = True

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._thread.start()
        self._lanes = threading.local()
        self._all_lanes: list[asyncio.Queue[Any]] = []

    def pick(self, sync: Any, async_: Any) -> Any:
        return async_

    def _lane(self) -> asyncio.Queue[Any]:
        lane: asyncio.Queue[Any] | None = getattr(self._lanes, "queue", None)
        if lane is None:
            lane = asyncio.run_coroutine_threadsafe(self._open_lane(), self.loop).result()
            self._lanes.queue = lane
            self._all_lanes.append(lane)
        return lane

    async def _open_lane(self) -> asyncio.Queue[Any]:
        lane: asyncio.Queue[Any] = asyncio.Queue()
        asyncio.get_running_loop().create_task(self._serve(lane))
        return lane

    @staticmethod
    async def _serve(lane: asyncio.Queue[Any]) -> None:
        # One task runs every call of one thread, in order.
        while True:
            item = await lane.get()
            if item is None:
                return
            step, done = item
            try:
                done.set_result(await step())
            except BaseException as exc:  # handed to the calling thread
                done.set_exception(exc)

    def _call(self, step: Callable[[], Awaitable[Any]]) -> Any:
        done: concurrent.futures.Future[Any] = concurrent.futures.Future()
        self.loop.call_soon_threadsafe(self._lane().put_nowait, (step, done))
        return done.result()

    def run(self, value: Any) -> Any:
        if not inspect.isawaitable(value):
            return value  # a sync callable given to an async store (a KV binding, a callback)

        async def step() -> Any:
            return await value

        return self._call(step)

    def new(self, pair: Pair, *args: Any, **kwargs: Any) -> Any:
        async def step() -> Any:
            return pair[1](*args, **kwargs)

        return self._call(step)

    def enter(self, manager: Any) -> Any:
        return self.run(manager.__aenter__())

    def collect(self, items: Any) -> list[Any]:
        async def step() -> list[Any]:
            return [item async for item in items]

        result: list[Any] = self._call(step)
        return result

    def shut(self, thing: Any) -> None:
        self.run(thing.aclose())

    def each_at_once(self, calls: list[Callable[[], Any]]) -> list[Any]:
        async def step() -> list[Any]:
            return list(await asyncio.gather(*(call() for call in calls), return_exceptions=True))

        result: list[Any] = self._call(step)
        return result

    def exit(self, manager: Any, exc: BaseException | None) -> bool:
        return bool(
            self.run(manager.__aexit__(type(exc) if exc else None, exc, exc.__traceback__ if exc else None))
        )

    def close(self) -> None:
        for lane in self._all_lanes:
            self.loop.call_soon_threadsafe(lane.put_nowait, None)

        async def finish() -> None:
            await self.loop.shutdown_asyncgens()

        asyncio.run_coroutine_threadsafe(finish(), self.loop).result()
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join()
        self.loop.close()


class Driven:
    """A sync or async store behind plain calls (the driver runs the async ones)."""

    def __init__(self, store: Any, driver: ModeDriver) -> None:
        self.store = store
        self._driver = driver

    def get(self) -> Token | None:
        token: Token | None = self._driver.run(self.store.get())
        return token

    def put(self, token: Token) -> None:
        self._driver.run(self.store.put(token))

    def replace(self, token: Token) -> None:
        self._driver.run(self.store.replace(token))

    def compare_and_set(self, expected: Token | None, new: Token) -> None:
        self._driver.run(self.store.compare_and_set(expected, new))

    @contextlib.contextmanager
    def refresh_lock(self) -> Iterator[None]:
        with self._driver.using(self.store.refresh_lock()):
            yield

    def for_user(self, user_id: str | int) -> Driven:
        """The same store's row for one user (SQL stores)."""
        return Driven(self.store.for_user(user_id), self._driver)

    def close(self) -> None:
        self._driver.shut(self.store)

    def __enter__(self) -> Driven:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def last_token(self) -> Token | None:
        token: Token | None = self.store.last_token
        return token

    def __repr__(self) -> str:
        return repr(self.store)
