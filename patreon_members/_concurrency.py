"""Where the async mirror and its generated sync twin genuinely differ, as one named pair.

The mirror is written once, async (``patreon_members/_async``), and generator/unasync.py writes
the sync one by renaming ``AsyncOps`` to ``SyncOps``. What renames cannot turn into each other
lives here: blocking sqlite3 calls (the async mirror runs them in a worker thread), this
process's writer lock, callbacks that may or may not return an awaitable, and writing a page
while the next one is decoded (a task, or in turn).
"""

from __future__ import annotations

import inspect
import threading
from collections.abc import Awaitable, Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, ParamSpec, TypeVar, cast

if TYPE_CHECKING:
    import asyncio  # at run time only where async code runs: a sync process never loads it

P = ParamSpec("P")
T = TypeVar("T")


class AsyncOps:
    """The async mirror's side: blocking calls in worker threads, an asyncio lock."""

    @staticmethod
    async def run(fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """``fn`` in a worker thread: sqlite3 calls and their fsync keep off the event loop."""
        import asyncio

        return await asyncio.to_thread(fn, *args, **kwargs)

    @staticmethod
    async def settle(result: T | Awaitable[T]) -> T:
        """What an ``on_change`` callback returned, awaited if it was a coroutine."""
        if inspect.isawaitable(result):
            return cast("T", await result)
        return result

    @staticmethod
    def lock() -> asyncio.Lock:
        """This process's writers to one SQLite file, one at a time: tasks blocked in BEGIN IMMEDIATE
        inside worker threads would fill the thread pool the lock holder needs to commit."""
        import asyncio

        return asyncio.Lock()

    @staticmethod
    async def acquire(lock: asyncio.Lock, timeout: float) -> bool:
        """Take ``lock`` within ``timeout`` seconds; False if it stayed taken."""
        import asyncio

        try:
            async with asyncio.timeout(timeout):
                await lock.acquire()
        except TimeoutError:
            return False
        return True

    @staticmethod
    def start(fn: Callable[P, Awaitable[T]], /, *args: P.args, **kwargs: P.kwargs) -> asyncio.Task[T]:
        """Run ``fn`` alongside the caller (a task), to ``finish`` later: a resync page is written
        while the next one is requested."""
        import asyncio

        async def call() -> T:
            return await fn(*args, **kwargs)

        return asyncio.ensure_future(call())

    @staticmethod
    async def finish(task: asyncio.Task[T]) -> T:
        return await task


class SyncOps:
    """The sync mirror's side: blocking calls made in place, a thread lock."""

    @staticmethod
    def run(fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        return fn(*args, **kwargs)

    @staticmethod
    def settle(result: T) -> T:
        return result

    @staticmethod
    def lock() -> threading.Lock:
        return threading.Lock()

    @staticmethod
    def acquire(lock: threading.Lock, timeout: float) -> bool:
        return lock.acquire(timeout=timeout)

    @staticmethod
    def start(fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        """Run ``fn`` now, in the caller's thread, and hand back its outcome to ``finish``.

        A writer thread overlapping the next page's request was measured (bench/members.py): no
        faster on a loaded 2-core machine, and its malloc arena made peak memory less flat.
        """
        future: Future[T] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as error:
            future.set_exception(error)
        return future

    @staticmethod
    def finish(future: Future[T]) -> T:
        return future.result()


__all__ = ["AsyncOps", "SyncOps"]
