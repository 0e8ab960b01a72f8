"""Where the async stores and their generated sync twins genuinely differ, as one named pair.

The store twins are written once, async (``patreon_auth/_async``), and generator/unasync.py
writes the sync ones by renaming ``AsyncOps`` to ``SyncOps``. What renames alone cannot turn
into each other lives here, side by side: sleeps, who holds a lock (a task or a thread), and a
store's own lock; the operations every twin family shares (blocking work in a worker thread,
callbacks of either kind, a process lock taken with a timeout) come from
patreon_runtime.twin_ops.
"""

from __future__ import annotations

import contextlib
import threading
import time
from typing import TYPE_CHECKING

from patreon_runtime.twin_ops import AsyncTwinOps, SyncTwinOps

if TYPE_CHECKING:
    import asyncio  # at run time only where async code runs: a sync process never loads it


class AsyncOps(AsyncTwinOps):
    """The async stores' side: blocking calls in worker threads, tasks as lock owners."""

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
    def rlock() -> asyncio.Lock:
        """A store object's own lock; asyncio has no RLock, and no task re-enters it."""
        import asyncio

        return asyncio.Lock()

    @staticmethod
    def atomic(lock: asyncio.Lock) -> contextlib.nullcontext[None]:
        """Guards a check-and-write with no await inside: the event loop runs nothing else meanwhile,
        so nothing is taken (taking ``lock`` would make a write wait for a refresh in progress)."""
        return contextlib.nullcontext()


class SyncOps(SyncTwinOps):
    """The sync stores' side: blocking calls made in place, threads as lock owners."""

    @staticmethod
    def sleep(seconds: float) -> None:
        time.sleep(seconds)

    @staticmethod
    def owner() -> object | None:
        """Who is running: the current thread's identifier."""
        return threading.get_ident()

    @staticmethod
    def rlock() -> threading.RLock:
        """Reentrant: a thread holding it may call back into the store (a callback store's hooks)."""
        return threading.RLock()

    @staticmethod
    def atomic(lock: threading.RLock) -> threading.RLock:
        """Another thread may run between any two bytecodes: a check-and-write takes the lock."""
        return lock


__all__ = ["AsyncOps", "SyncOps"]
