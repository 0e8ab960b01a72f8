"""Shared helpers for the store tests: tokens with loud secrets, free ports, worker processes."""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

from patreon_auth.token import Token

WORKER = Path(__file__).with_name("_worker.py")
REPO_ROOT = Path(__file__).resolve().parents[2]


def make_token(label: str = "1") -> Token:
    """A token whose secrets are easy to spot in any repr or message that leaks them."""
    return Token(
        access_token=f"SECRET-ACCESS-{label}",
        refresh_token=f"SECRET-REFRESH-{label}",
        expires_at=dt.datetime(2030, 1, 1, tzinfo=dt.UTC),
        scope=["identity", "campaigns"],
    )


def free_port() -> int:
    """A loopback port nobody listens on (bound, then closed)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def counter_token(count: int) -> Token:
    """A token whose access_token carries a counter, for the mutual-exclusion tests."""
    return Token(access_token=f"count-{count}", refresh_token=f"refresh-{count}")


def count_of(token: Token | None) -> int:
    assert token is not None
    return int(token.access_token.removeprefix("count-"))


def start_worker(*args: str) -> subprocess.Popen[str]:
    """Run tests/stores/_worker.py in a fresh interpreter (a separate process, like another app)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO_ROOT), os.environ.get("PYTHONPATH", "")])}
    return subprocess.Popen(
        [sys.executable, str(WORKER), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO_ROOT,
    )


def run_job_worker(
    module: str, job: dict[str, Any], job_file: Path, env: dict[str, str] | None = None
) -> tuple[dict[str, Any], str]:
    """``python -m module job_file`` in a fresh interpreter, after writing ``job`` to ``job_file``;
    the JSON report it prints last, and everything it printed (logs included).

    Run from the checkout, with this process's environment unless ``env`` is given (so it inherits
    XDG_STATE_HOME from the autouse private_state_home fixture, and the compiled build's sys.path).
    """
    job_file.write_text(json.dumps(job), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", module, str(job_file)],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report, done.stdout + done.stderr
