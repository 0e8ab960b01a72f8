"""The operations every async/sync twin pair of this project needs, written once for all of them.

The project writes each twin async and lets generator/unasync.py write the sync one by renaming
``AsyncOps`` to ``SyncOps``. What renames cannot say lives in an ``Ops`` pair beside each family
(patreon_auth/stores/_concurrency.py for the token stores and the auth, patreon_members/_concurrency.py
for the member mirror); the four operations they share are here, and each family's pair adds its
own (sleeps and lock owners for the stores, a page written alongside the next for the mirror).
"""

from __future__ import annotations

import inspect
import threading
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, ParamSpec, TypeVar, cast

if TYPE_CHECKING:
    import asyncio  # at run time only where async code runs: a sync process never loads it

P = ParamSpec("P")
T = TypeVar("T")


class AsyncTwinOps:
    """The async side: blocking calls in worker threads, asyncio locks, callbacks of either kind."""

    @staticmethod
    async def run(fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """``fn`` in a worker thread, so file and database I/O and fsync (milliseconds to seconds)
        keep off the event loop."""
        import asyncio

        return await asyncio.to_thread(fn, *args, **kwargs)

    @staticmethod
    async def settle(result: T | Awaitable[T]) -> T:
        """What a user's callback returned, awaited if the callback was async (the async side
        takes either kind of callback)."""
        if inspect.isawaitable(result):
            return cast("T", await result)
        return result

    @staticmethod
    def lock() -> asyncio.Lock:
        """A lock serialising this process's tasks (one event loop: an asyncio.Lock binds to it)."""
        import asyncio

        return asyncio.Lock()

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


class SyncTwinOps:
    """The sync side: blocking calls made in place, thread locks, sync callbacks only."""

    @staticmethod
    def run(fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        return fn(*args, **kwargs)

    @staticmethod
    def settle(result: T) -> T:
        """What a user's callback returned, as it is."""
        return result

    @staticmethod
    def lock() -> threading.Lock:
        return threading.Lock()

    @staticmethod
    def acquire(lock: threading.Lock, timeout: float) -> bool:
        return lock.acquire(timeout=timeout)


__all__ = ["AsyncTwinOps", "SyncTwinOps"]
