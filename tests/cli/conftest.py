"""Fixtures for the `patreon` command: run it in process, against an embedded or a served sandbox."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs
import pytest

from patreon_auth import Token
from patreon_cli.__main__ import main
from patreon_sandbox import Sandbox

ENV_NAMES = (
    "PATREON_CONFIG_DIR",
    "PATREON_CLIENT_ID",
    "PATREON_CLIENT_SECRET",
    "PATREON_BASE_URL",
    "PATREON_ACCESS_TOKEN",
    "PATREON_REFRESH_TOKEN",
)


@attrs.frozen
class Result:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


Run = Callable[..., Result]


@pytest.fixture
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private config dir, and none of the developer's own PATREON_* settings."""
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    path = tmp_path / "config"
    monkeypatch.setenv("PATREON_CONFIG_DIR", str(path))
    return path


@pytest.fixture
def cli(config_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    """`cli("members", "export", stdin="...")` runs `patreon` in this process and captures its output."""

    def run(*argv: str, stdin: str = "") -> Result:
        capsys.readouterr()
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        try:
            code = main(list(argv))
        except SystemExit as exit:  # argparse: --help, usage errors
            code = exit.code if isinstance(exit.code, int) else 1
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def served(config_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Sandbox]:
    """A sandbox on loopback HTTP, with the client credentials in the environment as a user would set them."""
    with Sandbox(seed=7, members=120, rate_limits=None) as sandbox, sandbox.serve_in_thread() as base_url:
        monkeypatch.setenv("PATREON_BASE_URL", base_url)
        monkeypatch.setenv("PATREON_CLIENT_ID", sandbox.client_id)
        monkeypatch.setenv("PATREON_CLIENT_SECRET", sandbox.client_secret)
        yield sandbox


def creator_login(cli: Run, token: Token) -> Result:
    """`patreon login --creator-token` with the token piped on stdin (access, then refresh)."""
    return cli("login", "--creator-token", stdin=f"{token.access_token}\n{token.refresh_token}\n")


@pytest.fixture
def logged_in(served: Sandbox, cli: Run) -> Token:
    """The served sandbox's creator token, imported into the config dir; returns it."""
    token = served.creator_token()
    result = creator_login(cli, token)
    assert result.exit_code == 0, result.output
    return token
