"""`patreon` / `python -m patreon_cli`: run one command; Ctrl-C and SIGTERM end it with 130 and 143.

Only the standard library and patreon_cli.termination are imported up here. The SIGTERM handler
goes in first, and the command's modules are imported inside the `try` that catches what it and
Python's SIGINT handler raise: a Ctrl-C during those imports once escaped as a KeyboardInterrupt
traceback (exit status -2 rather than 130), and a SIGTERM killed the process outright (-15
rather than 143).
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Sequence

from patreon_cli.termination import INTERRUPTED, TERMINATED, StopSignals, Terminated, exit_code_of, word_of


def _report_stop(code: int) -> int:
    # A gone stderr (closed pipe, closed file) loses the line; the exit code still says it.
    with contextlib.suppress(OSError, ValueError):
        print(f"error: {word_of(code)}", file=sys.stderr, flush=True)
    return code


def main(argv: Sequence[str] | None = None) -> int:
    stops = StopSignals()
    try:
        try:
            stops.install()
            from patreon_cli.command import run_command

            code = run_command(argv)
        finally:
            # The command is over (done, failed or stopped): a signal from here on is remembered,
            # not raised, so it cannot cut the report short with a traceback.
            stops.hold()
    except (KeyboardInterrupt, Terminated) as stop:
        stops.hold()  # again: a Ctrl-C landing as the first hold() began is what brought us here
        code = _report_stop(exit_code_of(stop) or INTERRUPTED)
    finally:
        stops.restore()
    held = stops.held_exit_code()
    if held is not None and code not in (INTERRUPTED, TERMINATED):
        # Asked to stop while finishing: say so, as a stop a moment earlier would have.
        return _report_stop(held)
    return code


if __name__ == "__main__":
    sys.exit(main())
