"""The stop-signal handlers of `patreon` in this process: what they raise, hold and leave alone.

The real processes stopped at named moments are in test_hostile_output.py; these pin the parts a
process test cannot aim at: a signal arriving while a stop is being reported, and the handlers an
embedder (or a shell starting a background job) set before calling main().
"""

from __future__ import annotations

import argparse
import io
import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from patreon_cli import failures
from patreon_cli.__main__ import main
from patreon_cli.commands import identity
from patreon_cli.termination import StopSignals, Terminated


@pytest.fixture
def sigterm_handler() -> Iterator[None]:
    """Whatever a test does to SIGTERM's and SIGINT's handlers is undone after it."""
    saved = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}
    yield
    for signum, handler in saved.items():
        signal.signal(signum, handler)


class SignallingStderr(io.StringIO):
    """stderr that sends this process SIGTERM on its first write: a second stop mid-report."""

    def __init__(self) -> None:
        super().__init__()
        self.sent = False

    def write(self, text: str) -> int:
        if not self.sent:
            self.sent = True
            os.kill(os.getpid(), signal.SIGTERM)
        return super().write(text)


def test_a_stop_while_a_stop_is_reported_does_not_escape(
    config_dir: Path, monkeypatch: pytest.MonkeyPatch, sigterm_handler: None
) -> None:
    """Ctrl-C, then SIGTERM while `error: interrupted` is written: once a traceback out of main()."""

    def interrupted(args: argparse.Namespace, *_: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(identity, "run", interrupted)
    stderr = SignallingStderr()
    monkeypatch.setattr(sys, "stderr", stderr)
    try:
        code = main(["--sandbox", "identity"])
    except (KeyboardInterrupt, Terminated) as escaped:
        pytest.fail(f"{type(escaped).__name__} escaped main()")
    assert stderr.sent
    assert code == failures.INTERRUPTED  # the first stop's code; the second was held
    assert stderr.getvalue() == "error: interrupted\n"


def test_sigterm_raises_until_held_then_is_remembered(sigterm_handler: None) -> None:
    before = signal.getsignal(signal.SIGTERM)
    stops = StopSignals()
    stops.install()
    with pytest.raises(Terminated):
        signal.raise_signal(signal.SIGTERM)
    assert stops.held_exit_code() is None
    stops.hold()
    signal.raise_signal(signal.SIGTERM)  # held: nothing raised
    assert stops.held_exit_code() == failures.TERMINATED
    stops.restore()
    assert signal.getsignal(signal.SIGTERM) is before


def test_sigint_is_python_s_own_while_the_command_runs_and_held_after(sigterm_handler: None) -> None:
    """asyncio.run (uvicorn under `sandbox serve`) handles Ctrl-C itself only when it finds
    Python's own handler; a Ctrl-C after the command is over is remembered, not raised."""
    signal.signal(signal.SIGINT, signal.default_int_handler)
    stops = StopSignals()
    stops.install()
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    stops.hold()
    stops.hold()  # again, as main() does when a Ctrl-C landed in the first
    signal.raise_signal(signal.SIGINT)
    assert stops.held_exit_code() == failures.INTERRUPTED
    stops.restore()
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_an_ignored_sigint_stays_ignored(sigterm_handler: None) -> None:
    """A background job (`cmd &`) inherits SIGINT ignored: the terminal's Ctrl-C is not for it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    stops = StopSignals()
    stops.install()
    stops.hold()
    assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    stops.restore()
    assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
