"""Where the async mirror and its generated sync twin genuinely differ, as one named pair.

The mirror is written once, async (``patreon_members/_async``), and generator/unasync.py writes
the sync one by renaming ``AsyncOps`` to ``SyncOps``. What renames cannot turn into each other
lives here: blocking sqlite3 calls (the async mirror runs them in a worker thread), this
process's writer lock, callbacks that may or may not return an awaitable, and reading the next
page of members while the current one is written (a task, or a thread).
"""

from __future__ import annotations

import contextlib
import inspect
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
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

    @staticmethod
    async def prefetch(pages: AsyncIterator[T]) -> AsyncIterator[T]:
        """``pages`` with the next one requested while the caller works on the current one: the
        server renders page n+1 while page n is written. At most two pages are held."""
        import asyncio

        async def next_page() -> T:
            return await anext(pages)

        pending: asyncio.Future[T] = asyncio.ensure_future(next_page())
        try:
            while True:
                try:
                    page = await pending
                except StopAsyncIteration:
                    return
                pending = asyncio.ensure_future(next_page())
                yield page
        finally:
            if not pending.done():
                pending.cancel()
                with contextlib.suppress(asyncio.CancelledError, StopAsyncIteration):
                    await pending


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

    @staticmethod
    def prefetch(pages: Iterator[T]) -> Iterator[T]:
        """``pages`` as they are: the sync mirror reads and writes in turn, in the caller's thread.

        A reader thread one page ahead was measured (bench/members.py): the pages it decodes live
        in another malloc arena, and a 100,000-member resync then peaked 1.17x a 10,000-member one
        against 1.04x without it. Memory that stays flat is the promise; the overlap is not.
        """
        return pages


__all__ = ["AsyncOps", "SyncOps"]
