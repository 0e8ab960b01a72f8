"""The `mode` driver (tests/modes.py) runs what it says: the async twin, in one task per thread.

The scenarios written once trust it; if it quietly ran the sync twin twice, or a new task per
call, the async half of every merged scenario would test nothing.
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from patreon_auth.stores import AsyncMemoryStore, MemoryStore
from tests.modes import ModeDriver

from ._helpers import make_token


def test_the_driver_builds_and_runs_the_flavour_it_names(mode: ModeDriver) -> None:
    store = mode.store((MemoryStore, AsyncMemoryStore), make_token("a"))
    assert type(store.store) is (AsyncMemoryStore if mode.is_async else MemoryStore)
    assert store.get() == make_token("a")


def test_async_calls_of_one_thread_share_one_task_and_threads_get_their_own(mode: ModeDriver) -> None:
    async def current() -> Any:
        return asyncio.current_task()

    if not mode.is_async:
        assert mode.run(42) == 42  # the sync driver hands values through
        return
    main = [mode.run(current()), mode.run(current())]
    assert main[0] is not None and main[0] is main[1]
    others: list[Any] = []
    mode.in_threads(3, lambda _: others.append(mode.run(current())))
    assert len({id(task) for task in others}) == 3 and main[0] not in others


def test_at_once_is_threads_or_coroutines_on_one_loop(mode: ModeDriver) -> None:
    def where() -> Any:
        if not mode.is_async:
            return threading.get_ident()

        async def loop_thread() -> int:
            await asyncio.sleep(0)
            return threading.get_ident()

        return loop_thread()

    seen = mode.at_once(10, where)
    # Sync: ten threads at once; async: ten coroutines, all on the driver's one loop thread.
    assert len(set(seen)) == (1 if mode.is_async else 10)
    assert threading.get_ident() not in seen
