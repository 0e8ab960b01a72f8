"""SIGTERM unwinds like Ctrl-C, so the same cleanup runs (partial exports hold members' PII).

Python turns SIGINT into KeyboardInterrupt, and every `finally`/`except BaseException` that removes
a `.part` file or rolls back a webhook runs. SIGTERM's default action kills the process on the
spot and leaves those files behind; raising `Terminated` from its handler gives it the same path.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType


class Terminated(BaseException):
    """SIGTERM arrived. A BaseException, like KeyboardInterrupt: `except Exception` must not swallow it."""


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated


@contextlib.contextmanager
def sigterm_unwinds() -> Iterator[None]:
    """Within the block, SIGTERM raises Terminated in the main thread; the old handler comes back after."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set signal handlers; embedders keep their own
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
