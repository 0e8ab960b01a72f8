"""Where the async mirror and its generated sync twin genuinely differ, as one named pair.

The mirror is written once, async (``patreon_members/_async``), and generator/unasync.py writes
the sync one by renaming ``AsyncOps`` to ``SyncOps``. What renames cannot turn into each other
lives here: writing a page while the next one is decoded (a task, or in turn). The operations
every twin family shares (blocking sqlite3 calls in a worker thread, this process's writer lock,
callbacks that may or may not return an awaitable) come from patreon_runtime.twin_ops.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from patreon_runtime.twin_ops import AsyncTwinOps, SyncTwinOps

if TYPE_CHECKING:
    import asyncio  # at run time only where async code runs: a sync process never loads it

P = ParamSpec("P")
T = TypeVar("T")


class AsyncOps(AsyncTwinOps):
    """The async mirror's side: a page written in a task while the next is decoded.

    Its ``lock`` (patreon_runtime.twin_ops) queues this process's writers to one SQLite file:
    tasks blocked in BEGIN IMMEDIATE inside worker threads would fill the thread pool the lock
    holder needs to commit.
    """

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


class SyncOps(SyncTwinOps):
    """The sync mirror's side: a page written in the caller's thread, in turn."""

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
