"""A PostgreSQL server the test may crash (SIGKILL to every server process at once) and restart.

The session's server (postgres_server.py) serves every other test and must stay up, so the crash
tests run their own, made the same way: initdb into a temp dir, served on a free loopback port,
as the unprivileged user postgres_server.py picks when the suite runs as root. A crash is what a
power cut or the OOM killer does to the server: the postmaster and its backends die together,
every client's connection drops, and the restart replays the WAL (crash recovery) on the same
data directory and port, so clients reconnect to where they were.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from tests.stores._helpers import free_port

from .postgres_server import _run_as, _wait_ready, command_prefix, find_binaries, server_account


def _children(parent: int) -> list[int]:
    """The pids whose parent is ``parent`` (Linux /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with contextlib.suppress(OSError):
                # The fields after the command name (which may hold spaces): state, ppid, ...
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) == parent:
                    found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


class CrashablePostgres:
    """One throwaway server: ``conninfo``, ``crash()``, ``start()``."""

    def __init__(self, binaries: tuple[str, str]) -> None:
        initdb, self._postgres = binaries
        account = server_account()  # `nobody` when the suite runs as root, as for the shared server
        # setpriv drops to it; no parent death signal: start() runs from the tests' crasher threads,
        # whose end would stop the server (stop() and the fixture's finally stop it instead).
        self._prefix = command_prefix(account, stop_with_parent=False)
        self._as_user = _run_as(account)
        self._base = Path(tempfile.mkdtemp(prefix="patreon-pg-crash-"))
        self._data, self._log = self._base / "data", self._base / "server.log"
        if account is not None:
            os.chown(self._base, account.pw_uid, account.pw_gid)
        subprocess.run(
            [
                *self._prefix,
                initdb,
                "-D",
                str(self._data),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--no-sync",
            ],
            check=True,
            capture_output=True,
            cwd=self._base,  # the server user may not be allowed into ours
            **self._as_user,  # type: ignore[call-overload]
        )
        self.port = free_port()
        self.conninfo = f"host=127.0.0.1 port={self.port} dbname=postgres user=postgres"
        self._process: subprocess.Popen[bytes] | None = None
        self.crashes = 0
        self.table = "patreon_tokens"  # a test sets its own

    def start(self) -> None:
        with open(self._log, "ab") as log_file:
            self._process = subprocess.Popen(
                [
                    *self._prefix,
                    self._postgres,
                    "-D",
                    str(self._data),
                    "-p",
                    str(self.port),
                    "-k",
                    str(self._base),
                    "-c",
                    "listen_addresses=127.0.0.1",
                    "-c",
                    "fsync=off",
                    "-c",
                    "max_connections=100",
                ],
                stdout=log_file,
                stderr=subprocess.STDOUT,
                cwd=self._base,
                **self._as_user,  # type: ignore[call-overload]
            )
        _wait_ready(self.conninfo, self._process, self._log)

    def crash(self) -> None:
        """SIGKILL the postmaster and every backend at once (no shutdown, no checkpoint).

        Each backend makes itself a process group leader (PostgreSQL's InitPostmasterChild calls
        setsid()), so killing the postmaster's group would leave them running until they notice
        it died, answering their clients meanwhile; they are killed one by one, with the
        postmaster stopped first so that it forks no new one in between.
        """
        process = self._process
        assert process is not None
        with contextlib.suppress(ProcessLookupError):
            os.kill(process.pid, signal.SIGSTOP)
        children = _children(process.pid)
        for pid in [process.pid, *children]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        process.wait(timeout=10)
        deadline = time.monotonic() + 10
        while any(_alive(pid) for pid in children) and time.monotonic() < deadline:
            time.sleep(0.005)
        self._process = None
        self.crashes += 1
        # The killed postmaster's pid file stays; the restart checks that pid is gone and goes on.

    def stop(self) -> None:
        if self._process is not None:
            self.crash()
        shutil.rmtree(self._base, ignore_errors=True)


@contextlib.contextmanager
def crashable_postgres() -> Iterator[CrashablePostgres | None]:
    """A started server, or None when PostgreSQL is not installed."""
    binaries = find_binaries()
    if binaries is None:
        yield None
        return
    server = CrashablePostgres(binaries)
    try:
        server.start()
        yield server
    finally:
        server.stop()
