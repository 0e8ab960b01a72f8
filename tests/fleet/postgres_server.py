"""A real PostgreSQL server for the tests: initdb into a temp dir, serve on a free loopback port.

PostgreSQL refuses to run as root. When the suite runs as root (CI does), the server runs as the
existing unprivileged user `nobody` (through `setpriv`, util-linux): nothing is added to the
machine. Binaries come from PATH or Debian's /usr/lib/postgresql/<version>/bin (where
`apt-get install postgresql` puts them).

Nothing is left behind: the server stops and its directory (data, socket, log) is removed when
the fixture ends; `setpriv --pdeathsig` stops the server if the test process dies first (SIGKILL,
a CI timeout), and directories such a run left are removed by the next one.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from tests.stores._helpers import free_port

SERVER_USER = "nobody"  # exists on every Debian/Ubuntu system (base-passwd); never created here
DIR_PREFIX = "patreon-pg-"
OWNER_FILE = "owner.pid"  # the pid of the test process that made the directory
STALE_AFTER = 600.0  # seconds: an ownerless directory older than this is a leftover


def find_binaries() -> tuple[str, str] | None:
    """(initdb, postgres) paths, or None when PostgreSQL is not installed."""
    initdb, postgres = shutil.which("initdb"), shutil.which("postgres")
    if initdb and postgres:
        return initdb, postgres
    for directory in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        candidate = (os.path.join(directory, "initdb"), os.path.join(directory, "postgres"))
        if all(os.access(path, os.X_OK) for path in candidate):
            return candidate
    return None


def server_account() -> pwd.struct_passwd | None:
    """Who runs the server: None (ourselves) unless we are root, then `nobody`."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam(SERVER_USER)
    except KeyError:
        raise RuntimeError(
            f"running as root, PostgreSQL needs an unprivileged user to run as, and there is no "
            f"{SERVER_USER!r}; run the tests as a normal user"
        ) from None


def command_prefix(account: pwd.struct_passwd | None, *, stop_with_parent: bool = True) -> list[str]:
    """`setpriv` to drop to `account` (all groups cleared) and stop with us; [] without setpriv.

    The parent death signal fires when the *thread* that started the server ends (prctl(2),
    PR_SET_PDEATHSIG), so a server started from a short-lived thread passes
    `stop_with_parent=False` and is stopped by its owner instead.
    """
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return []
    prefix = [setpriv]
    if stop_with_parent:
        prefix += ["--pdeathsig", "INT"]  # SIGINT is PostgreSQL's fast shutdown
    if account is not None:
        prefix += ["--reuid", str(account.pw_uid), "--regid", str(account.pw_gid), "--clear-groups"]
    return prefix


def _run_as(account: pwd.struct_passwd | None) -> dict[str, object]:
    """Popen arguments that drop to `account` when there is no setpriv to do it."""
    if account is None or shutil.which("setpriv"):
        return {}
    return {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": []}


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_dirs(parent: str | None = None) -> list[Path]:
    """Remove the directories whose test process and server are both gone (a killed run's
    leftovers); return them. A directory another live run owns is left alone."""
    removed: list[Path] = []
    for path in Path(parent or tempfile.gettempdir()).glob(f"{DIR_PREFIX}*"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            owner = path / OWNER_FILE
            if not owner.exists():
                if time.time() - path.stat().st_mtime < STALE_AFTER:
                    continue  # just made: the owner file is about to be written
            elif _pid_alive(int(owner.read_text().split()[0])):
                continue
            pid_file = path / "data" / "postmaster.pid"
            if pid_file.exists() and _pid_alive(int(pid_file.read_text().split()[0])):
                continue
            shutil.rmtree(path)
            removed.append(path)
    return removed


def _wait_ready(conninfo: str, process: subprocess.Popen[bytes], log: Path) -> None:
    import psycopg

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"postgres exited with {process.returncode}: {log.read_text()[-2000:]}")
        with contextlib.suppress(psycopg.OperationalError), psycopg.connect(conninfo, connect_timeout=1):
            return
        time.sleep(0.1)
    raise RuntimeError(f"postgres did not accept connections within 30 s: {log.read_text()[-2000:]}")


@contextlib.contextmanager
def running_postgres(binaries: tuple[str, str]) -> Iterator[str]:
    """Start a throwaway server; yields a conninfo for database `postgres` as superuser `postgres`."""
    initdb, postgres = binaries
    account = server_account()
    remove_stale_dirs()
    base = Path(tempfile.mkdtemp(prefix=DIR_PREFIX))
    (base / OWNER_FILE).write_text(f"{os.getpid()}\n")
    data, log = base / "data", base / "server.log"
    prefix = command_prefix(account)
    as_account = _run_as(account)
    try:
        if account is not None:
            os.chown(base, account.pw_uid, account.pw_gid)
        subprocess.run(
            [*prefix, initdb, "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"],
            check=True,
            capture_output=True,
            cwd=base,  # the server user may not be allowed into ours
            **as_account,  # type: ignore[call-overload]
        )
        port = free_port()
        with open(log, "wb") as log_file:
            process = subprocess.Popen(
                [
                    *prefix,
                    postgres,
                    "-D",
                    str(data),
                    "-p",
                    str(port),
                    "-k",
                    str(base),
                    "-c",
                    "listen_addresses=127.0.0.1",
                    "-c",
                    "fsync=off",
                    "-c",
                    "max_connections=200",
                ],
                stdout=log_file,
                stderr=subprocess.STDOUT,
                cwd=base,
                **as_account,  # type: ignore[call-overload]
            )
        conninfo = f"host=127.0.0.1 port={port} dbname=postgres user=postgres"
        try:
            _wait_ready(conninfo, process, log)
            yield conninfo
        finally:
            # SIGINT is "fast" shutdown: open sessions are ended, not waited for (SIGTERM waits).
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    finally:
        shutil.rmtree(base, ignore_errors=True)
