"""Who sends the next page's request: the caller when it asks for the page, or a worker one page ahead.

`pages(read_ahead=True)` requests page n+1 as soon as page n's cursor is known, before page n is
handed over, so Patreon prepares the next page while the caller works on this one. Measured on a
sandbox served by another process (bench/members.py): a 10,000-member mirror resync goes from
about 0.7 s to about 0.55 s, because the server's time per page (about half of the wall clock)
no longer adds to the caller's.

The pair differs where renames cannot say it, so both halves live here (generator/unasync.py
writes `PageReader` into the sync client from `AsyncPageReader`):

- async: the request runs as a task on the caller's loop;
- sync: it runs in one worker thread per walk, which only sends and receives. The body is decoded
  in the caller's thread: decoded pages made in another thread live in another malloc arena, and
  a 100,000-member walk then peaked well above a 10,000-member one (bench/members.py).

At most one request is ahead. Closing the walk early (a `break`) cancels it (async) or leaves it
to finish and drops its answer (sync: a request in flight cannot be taken back); either way the
walk does not wait for it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    import asyncio  # at run time only where async code runs

    from .operation import Operation

T = TypeVar("T")


class AsyncPageReader(Generic[T]):
    """Sends one page's request now (ahead) or when its answer is asked for (not ahead)."""

    __slots__ = ("_ahead", "_operation", "_pending", "_send")

    def __init__(self, send: Callable[[Operation], Awaitable[T]], *, ahead: bool) -> None:
        self._send = send
        self._ahead = ahead
        self._operation: Operation | None = None
        self._pending: asyncio.Task[T] | None = None

    def request(self, operation: Operation) -> None:
        """The next page to read: sent now when reading ahead."""
        if self._ahead:
            import asyncio

            self._pending = asyncio.ensure_future(self._send(operation))
        else:
            self._operation = operation

    async def response(self) -> T:
        """The answer to the last `request` (sent now if it was not sent ahead)."""
        pending, self._pending = self._pending, None
        if pending is not None:
            return await pending
        operation, self._operation = self._operation, None
        if operation is None:
            raise RuntimeError("PageReader.response() without a request")
        return await self._send(operation)

    async def aclose(self) -> None:
        """Cancel a request still ahead; its answer is not read."""
        pending, self._pending = self._pending, None
        if pending is not None and not pending.done():
            import asyncio

            pending.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await pending
        elif pending is not None and not pending.cancelled():
            pending.exception()  # retrieved, so asyncio does not log "exception was never retrieved"


class PageReader(Generic[T]):
    """The sync twin: a request ahead runs in a worker thread that only sends and receives."""

    __slots__ = ("_ahead", "_operation", "_pending", "_send", "_worker")

    def __init__(self, send: Callable[[Operation], T], *, ahead: bool) -> None:
        self._send = send
        self._ahead = ahead
        self._operation: Operation | None = None
        self._pending: Future[T] | None = None
        self._worker: ThreadPoolExecutor | None = None

    def request(self, operation: Operation) -> None:
        if self._ahead:
            if self._worker is None:
                self._worker = ThreadPoolExecutor(1, thread_name_prefix="patreon-read-ahead")
            self._pending = self._worker.submit(self._send, operation)
        else:
            self._operation = operation

    def response(self) -> T:
        pending, self._pending = self._pending, None
        if pending is not None:
            return pending.result()
        operation, self._operation = self._operation, None
        if operation is None:
            raise RuntimeError("PageReader.response() without a request")
        return self._send(operation)

    def close(self) -> None:
        """Stop the worker without waiting: a request in flight finishes and its answer is dropped."""
        self._pending = None
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.shutdown(wait=False, cancel_futures=True)


__all__ = ["AsyncPageReader", "PageReader"]
