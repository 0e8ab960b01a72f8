"""Where the async stores and their generated sync twins genuinely differ, as one named pair.

The store twins are written once, async (``patreon_auth/_async``), and generator/unasync.py
writes the sync ones by renaming ``AsyncOps`` to ``SyncOps``. What renames alone cannot turn
into each other lives here, side by side: blocking work that the async stores run in a worker
thread, sleeps, who holds a lock (a task or a thread), and the locks themselves.
"""

from __future__ import annotations

import contextlib
import inspect
import threading
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, ParamSpec, TypeVar, cast

if TYPE_CHECKING:
    import asyncio  # at run time only where async code runs: a sync process never loads it

P = ParamSpec("P")
T = TypeVar("T")


class AsyncOps:
    """The async stores' side: blocking calls in worker threads, tasks as lock owners."""

    @staticmethod
    async def run(fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """``fn`` in a worker thread, so file I/O and fsync (milliseconds to seconds) keep off the loop."""
        import asyncio

        return await asyncio.to_thread(fn, *args, **kwargs)

    @staticmethod
    async def settle(result: T | Awaitable[T]) -> T:
        """What a user's callback returned, awaited if the callback was async (the async stores and
        the async auth take either kind of callback)."""
        if inspect.isawaitable(result):
            return cast("T", await result)
        return result

    @staticmethod
    async def sleep(seconds: float) -> None:
        import asyncio

        await asyncio.sleep(seconds)

    @staticmethod
    def owner() -> object | None:
        """Who is running: the current task (None outside one)."""
        import asyncio

        return asyncio.current_task()

    @staticmethod
    def lock() -> asyncio.Lock:
        """A lock serialising this process's tasks (one event loop: an asyncio.Lock binds to it)."""
        import asyncio

        return asyncio.Lock()

    @staticmethod
    def rlock() -> asyncio.Lock:
        """A store object's own lock; asyncio has no RLock, and no task re-enters it."""
        import asyncio

        return asyncio.Lock()

    @staticmethod
    def atomic(lock: asyncio.Lock) -> contextlib.nullcontext[None]:
        """Guards a check-and-write with no await inside: the event loop runs nothing else meanwhile,
        so nothing is taken (taking ``lock`` would make a write wait for a refresh in progress)."""
        return contextlib.nullcontext()

    @staticmethod
    async def acquire(lock: asyncio.Lock, timeout: float) -> bool:
        """Take ``lock`` within ``timeout`` seconds; False if it stayed taken."""
        import asyncio

        try:
            # asyncio.Lock.acquire is cancel-safe, so a timeout never leaves it held.
            async with asyncio.timeout(timeout):
                await lock.acquire()
        except TimeoutError:
            return False
        return True


class SyncOps:
    """The sync stores' side: blocking calls made in place, threads as lock owners."""

    @staticmethod
    def run(fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        return fn(*args, **kwargs)

    @staticmethod
    def settle(result: T) -> T:
        """What a user's callback returned, as it is (the sync side takes sync callbacks only)."""
        return result

    @staticmethod
    def sleep(seconds: float) -> None:
        time.sleep(seconds)

    @staticmethod
    def owner() -> object | None:
        """Who is running: the current thread's identifier."""
        return threading.get_ident()

    @staticmethod
    def lock() -> threading.Lock:
        return threading.Lock()

    @staticmethod
    def rlock() -> threading.RLock:
        """Reentrant: a thread holding it may call back into the store (a callback store's hooks)."""
        return threading.RLock()

    @staticmethod
    def atomic(lock: threading.RLock) -> threading.RLock:
        """Another thread may run between any two bytecodes: a check-and-write takes the lock."""
        return lock

    @staticmethod
    def acquire(lock: threading.Lock, timeout: float) -> bool:
        return lock.acquire(timeout=timeout)


__all__ = ["AsyncOps", "SyncOps"]
