"""The PostgreSQL fixture adds nothing to the machine and leaves nothing behind.

As root it runs the server as the existing `nobody` (no useradd); when the fixture ends, or the
test process is killed, the server stops, and its directory is removed (at once, or by the next
run for a killed one).
"""

from __future__ import annotations

import json
import os
import pwd
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from tests.docs.blocks import REPO_ROOT

from .postgres_server import SERVER_USER, find_binaries, remove_stale_dirs, running_postgres


def _binaries() -> tuple[str, str]:
    found = find_binaries()
    if found is None:
        reason = "PostgreSQL is not installed (apt-get install postgresql)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return found


def _uid_of(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("Uid:"):
            return int(line.split()[1])
    raise AssertionError(f"no Uid in /proc/{pid}/status")


def _server_gone(conninfo: str, timeout: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            psycopg.connect(conninfo, connect_timeout=1).close()
        except psycopg.OperationalError:
            return True
        time.sleep(0.1)
    return False


def test_runs_unprivileged_adds_no_user_and_cleans_up() -> None:
    users_before = {entry.pw_name for entry in pwd.getpwall()}
    with running_postgres(_binaries()) as conninfo, psycopg.connect(conninfo) as conn:
        row = conn.execute("SELECT pg_backend_pid(), current_setting('data_directory')").fetchone()
        assert row is not None
        backend_pid, data_directory = int(row[0]), Path(str(row[1]))
        expected = pwd.getpwnam(SERVER_USER).pw_uid if os.geteuid() == 0 else os.geteuid()
        assert _uid_of(backend_pid) == expected
        assert data_directory.is_dir()
    assert {entry.pw_name for entry in pwd.getpwall()} == users_before
    assert not data_directory.parent.exists()  # data, socket and log: all gone
    assert _server_gone(conninfo, timeout=2.0)


CHILD = """
import json, sys, time
from tests.fleet.postgres_server import find_binaries, running_postgres
with running_postgres(find_binaries()) as conninfo:
    import psycopg
    with psycopg.connect(conninfo) as conn:
        data = conn.execute("SELECT current_setting('data_directory')").fetchone()[0]
    print(json.dumps({"conninfo": conninfo, "data": data}), flush=True)
    time.sleep(120)
"""


def test_a_killed_test_process_takes_its_server_with_it(tmp_path: Path) -> None:
    _binaries()
    child = subprocess.Popen([sys.executable, "-c", CHILD], cwd=REPO_ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        started = json.loads(child.stdout.readline())
    finally:
        child.send_signal(signal.SIGKILL)  # no finally, no atexit: only the kernel can tell the server
        child.wait(timeout=10)
        if child.stdout is not None:
            child.stdout.close()
    assert _server_gone(started["conninfo"]), "the server outlived the process that started it"
    base = Path(started["data"]).parent
    deadline = time.monotonic() + 10
    while (base / "data" / "postmaster.pid").exists() and time.monotonic() < deadline:
        time.sleep(0.1)  # the postmaster removes its pid file as its last step
    assert base in remove_stale_dirs(str(base.parent))
    assert not base.exists()
