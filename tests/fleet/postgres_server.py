"""A real PostgreSQL server for the tests: initdb into a temp dir, serve on a free loopback port.

PostgreSQL refuses to run as root, so when the suite runs as root (CI does) the server runs as
an unprivileged system user, created once. Binaries come from PATH or Debian's
/usr/lib/postgresql/<version>/bin (where `apt-get install postgresql` puts them).
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from tests.stores._helpers import free_port

SERVER_USER = "patreon-pg"


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


def _server_user() -> str | None:
    """Who runs the server: None (ourselves) unless we are root, then an unprivileged user."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam(SERVER_USER)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SERVER_USER],
            check=True,
            capture_output=True,
        )
    return SERVER_USER


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
    user = _server_user()
    base = Path(tempfile.mkdtemp(prefix="patreon-pg-"))
    data, log = base / "data", base / "server.log"
    try:
        if user is not None:
            shutil.chown(base, user=user)
        as_user = {"user": user} if user is not None else {}
        subprocess.run(
            [initdb, "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"],
            check=True,
            capture_output=True,
            **as_user,  # type: ignore[call-overload]
        )
        port = free_port()
        with open(log, "wb") as log_file:
            process = subprocess.Popen(
                [
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
                **as_user,  # type: ignore[call-overload]
            )
        conninfo = f"host=127.0.0.1 port={port} dbname=postgres user=postgres"
        try:
            _wait_ready(conninfo, process, log)
            yield conninfo
        finally:
            process.terminate()  # SIGTERM: PostgreSQL's "smart" shutdown
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    finally:
        shutil.rmtree(base, ignore_errors=True)
