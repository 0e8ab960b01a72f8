"""Ctrl-C and SIGTERM end a command the same way at any moment of its life: every cleanup runs
(partial exports hold members' PII, a webhook without a kept secret is deleted again), then one
`error:` line and exit code 130 or 143 (docs/cli.md).

Python turns SIGINT into KeyboardInterrupt, and every `finally`/`except BaseException` that removes
a `.part` file or rolls back a webhook runs. SIGTERM's default action kills the process on the
spot and leaves those files behind; raising `Terminated` from its handler gives it the same path.

This module imports nothing but the standard library: `patreon_cli.__main__` installs the SIGTERM
handler and opens the `try` that catches both stops before the command's own modules are
imported (a few hundred, most of a short command's life), so a signal that lands during those
imports unwinds into the same `except` as one that lands mid-export, instead of escaping as a
traceback (SIGINT) or killing the process (SIGTERM).
"""

from __future__ import annotations

import signal
import threading
from types import FrameType
from typing import Any

INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT: 128 + 2
TERMINATED = 143  # SIGTERM (kill, systemd, a CI timeout), as shells report it: 128 + 15


class Terminated(BaseException):
    """SIGTERM arrived. A BaseException, like KeyboardInterrupt: `except Exception` must not swallow it."""


# What each stop signal raises, the exit code it ends with, and the word of its `error:` line.
STOPS: dict[int, tuple[type[BaseException], int, str]] = {
    signal.SIGINT: (KeyboardInterrupt, INTERRUPTED, "interrupted"),
    signal.SIGTERM: (Terminated, TERMINATED, "terminated"),
}


def exit_code_of(exc: BaseException) -> int | None:
    """130 for KeyboardInterrupt, 143 for Terminated, None for anything else."""
    for raised, code, _ in STOPS.values():
        if isinstance(exc, raised):
            return code
    return None


def word_of(code: int) -> str:
    """`interrupted` or `terminated`: what the `error:` line says for a stop's exit code."""
    return next(word for _, stop_code, word in STOPS.values() if stop_code == code)


class StopSignals:
    """SIGTERM raises Terminated in the main thread and SIGINT keeps Python's own handler (which
    raises KeyboardInterrupt), until `hold()`: from then on (the command is over, its outcome is
    being reported) a stop signal is only remembered in `held`, so it cannot turn a finished
    command into a traceback.

    SIGINT is left to Python while the command runs because code such as asyncio.run (uvicorn,
    under `sandbox serve`) handles Ctrl-C itself only when it finds Python's own handler there.
    It is taken over by `hold()` only from that handler: one that is ignored (a background job
    inherits SIGINT ignored, Python docs `signal`) or an embedder's own is left alone. Only the
    main thread may set handlers; elsewhere nothing is installed.
    """

    def __init__(self) -> None:
        self.holding = False
        self.held: int | None = None
        self._previous: dict[int, Any] = {}

    @staticmethod
    def _in_main_thread() -> bool:
        return threading.current_thread() is threading.main_thread()

    def install(self) -> None:
        """SIGTERM raises Terminated from now on. Call it inside the `try` that catches it."""
        if self._in_main_thread():
            self._previous[signal.SIGTERM] = signal.signal(signal.SIGTERM, self._on_signal)

    def hold(self) -> None:
        """From now on a stop signal is remembered, not raised. Safe to call again: a SIGINT that
        lands as this starts is raised, and the `except` that catches it calls it once more."""
        self.holding = True  # a plain attribute store: SIGTERM is held from here
        if (
            self._in_main_thread()
            and signal.SIGINT not in self._previous
            and signal.getsignal(signal.SIGINT) is signal.default_int_handler
        ):
            self._previous[signal.SIGINT] = signal.signal(signal.SIGINT, self._on_signal)

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        if self.holding:
            if self.held is None:
                self.held = signum
            return
        raise STOPS[signum][0]

    def held_exit_code(self) -> int | None:
        """The exit code of a stop signal that arrived while holding, if one did."""
        return None if self.held is None else STOPS[self.held][1]

    def restore(self) -> None:
        """Put the previous handlers back (holding first: a signal in between is remembered)."""
        self.holding = True
        while self._previous:
            signum, previous = self._previous.popitem()
            signal.signal(signum, previous)
