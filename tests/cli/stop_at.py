"""`python stop_at.py POINT SIGNAL ARGS...`: `python -m patreon_cli ARGS...` that sends itself SIGNAL
at one exact moment of its run, so a test can stop the command there every time, not by luck.

POINT is one of:
- `import:MODULE`: as MODULE is first imported (the `import` audit event, PEP 578);
- `audit:EVENT`: at the first audit event EVENT, e.g. `socket.connect`; `audit:EVENT@N` at the
  Nth (only those of the main thread count, as only it runs signal handlers);
- `created:SUFFIX`: at the first moment Python code runs after the open() that creates a file
  whose name ends in SUFFIX: the file exists, and nothing has yet been done with its descriptor
  (the audit event comes before the system call; a profile function catches the next call or
  return, the first point where a signal handler can run).

It writes `stop-at: SIGNAL at POINT` to stderr when it sends the signal, so a test can tell a point
that was reached from one that never was. The signal is real (os.kill of this process): what the
command does with it is what it would do with a Ctrl-C or a `kill` at that moment.
"""

from __future__ import annotations

import os
import runpy
import signal
import sys
import threading
from types import FrameType
from typing import Any


def _stopper(point: str, signum: signal.Signals) -> Any:
    kind, _, name = point.partition(":")
    name, _, nth = name.partition("@")
    countdown = int(nth or 1)
    sent = False
    creating = False

    def send() -> None:
        nonlocal sent
        sent = True
        os.write(2, f"stop-at: {signum.name} at {point}\n".encode())
        os.kill(os.getpid(), signum)

    def after_open(frame: FrameType, event: str, arg: object) -> None:
        if frame.f_code is audit.__code__:
            return  # still in the audit hook, before the system call
        sys.setprofile(None)
        send()

    def audit(event: str, args: tuple[Any, ...]) -> None:
        nonlocal creating, countdown
        if sent or creating or threading.current_thread() is not threading.main_thread():
            return
        reached = (kind == "import" and event == "import" and args[0] == name) or (
            kind == "audit" and event == name
        )
        if reached:
            countdown -= 1
            if countdown == 0:
                send()
        elif kind == "created" and event == "open" and str(args[0]).endswith(name):
            creating = True
            sys.setprofile(after_open)

    return audit


def main() -> None:
    point, signame, *argv = sys.argv[1:]
    sys.addaudithook(_stopper(point, signal.Signals[signame]))
    sys.argv = ["patreon", *argv]
    runpy.run_module("patreon_cli", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
