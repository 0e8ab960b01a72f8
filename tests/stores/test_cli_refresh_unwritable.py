"""`patreon token refresh` when nothing can be written: the refreshed login is never dropped.

A refresh spends the single-use refresh token [PD _oauth.md]. When the token file's directory takes
no write (here `ulimit -f 0`, RLIMIT_FSIZE=0, in a real process), the command must refuse before
spending it; when the write fails only after the refresh (the disk filled in between) and no
rescue file could be written either, the new token is shown on the controlling terminal only,
in the form `patreon login --creator-token` takes back, and never in stdout, stderr or logs.
"""

from __future__ import annotations

import errno
import io
import logging
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from patreon_auth import Token
from patreon_auth.stores import FileStore
from patreon_auth.stores.filesystem import FileSystem
from patreon_cli import failures
from patreon_cli.commands import _token_safety
from patreon_sandbox import Sandbox
from tests.cli.conftest import Run, cli, config_dir, creator_login, logged_in, served
from tests.stores._helpers import REPO_ROOT

__all__ = ["cli", "config_dir", "logged_in", "served"]  # fixtures, used by name


def no_file_writes() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))


def test_with_no_file_writes_the_refresh_is_refused_before_spending(
    cli: Run, served: Sandbox, logged_in: Token, config_dir: Path, tmp_path: Path
) -> None:
    before = served.stats.refresh_requests
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "XDG_STATE_HOME": str(tmp_path / "state")}
    refresh = subprocess.run(
        [sys.executable, "-m", "patreon_cli", "token", "refresh"],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO_ROOT,
        timeout=60,
        preexec_fn=no_file_writes,
    )
    assert refresh.returncode == failures.STORE, refresh.stderr
    assert "not refreshed" in refresh.stderr and "refresh token is still good" in refresh.stderr
    assert served.stats.refresh_requests == before  # nothing spent
    assert logged_in.access_token not in refresh.stderr + refresh.stdout
    assert list(config_dir.glob(".token.json.probe-*")) == []
    # Writes work again: the same refresh token still refreshes.
    assert cli("token", "refresh").exit_code == 0
    assert served.stats.refresh_requests == before + 1


class KeptTerminal(io.StringIO):
    """Stands for /dev/tty: what was shown stays readable after the command closes it."""

    def close(self) -> None:
        self.shown = self.getvalue()
        super().close()


def test_a_write_failing_after_the_refresh_shows_the_token_on_the_terminal_only(
    cli: Run,
    served: Sandbox,
    logged_in: Token,
    config_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    terminal = KeptTerminal()
    monkeypatch.setattr(_token_safety, "terminal", lambda: terminal)

    def full(self: FileSystem, fd: int, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    # The disk fills between the check and the write: the token file and both rescue files fail.
    with monkeypatch.context() as patch, caplog.at_level(logging.DEBUG):
        patch.setattr(FileSystem, "write", full)
        result = cli("token", "refresh")
    assert result.exit_code == failures.STORE
    assert "shown on your terminal" in result.stderr
    lines = [line for line in terminal.shown.splitlines() if line and " " not in line]
    assert len(lines) == 2
    access, refresh = lines
    for secret in (access, refresh):
        assert secret not in result.output and secret not in caplog.text
    kept = FileStore(config_dir / "token.json").get()  # the file kept the old token
    assert kept is not None and kept.refresh_token == logged_in.refresh_token

    # Restored as the terminal says: the login goes on, and it refreshes.
    assert creator_login(cli, Token(access_token=access, refresh_token=refresh)).exit_code == 0
    assert cli("token", "refresh").exit_code == 0


def test_without_a_terminal_the_error_says_to_log_in_again(
    cli: Run, logged_in: Token, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(_token_safety, "terminal", lambda: None)

    def full(self: FileSystem, fd: int, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(FileSystem, "write", full)
    result = cli("token", "refresh")
    assert result.exit_code == failures.STORE
    assert "no terminal to show it on; log in again" in result.stderr
