"""The config directory holds the client secret and the token: every directory the command
creates for it is 0700, the missing parents included, whatever the umask."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from patreon_cli.config import ConfigDir
from patreon_sandbox import Sandbox

from .conftest import Run, creator_login


@pytest.fixture
def umask_000() -> Iterator[None]:
    """The most permissive umask: a plain mkdir(parents=True) makes world-writable parents."""
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.usefixtures("umask_000")
def test_config_write_makes_every_missing_directory_0700(tmp_path: Path) -> None:
    path = tmp_path / "home" / ".config" / "patreonkit"
    ConfigDir(path).write({"client_id": "id", "client_secret": "secret"})
    made = [tmp_path / "home", tmp_path / "home" / ".config", path]
    assert {str(directory.relative_to(tmp_path)): oct(mode(directory)) for directory in made} == {
        "home": "0o700",
        "home/.config": "0o700",
        "home/.config/patreonkit": "0o700",
    }
    assert mode(path / "config.json") == 0o600


@pytest.mark.usefixtures("umask_000")
def test_an_existing_parent_keeps_its_mode(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o755)
    ConfigDir(shared / "patreonkit").write({"client_id": "id"})
    assert mode(shared) == 0o755  # not ours to change
    assert mode(shared / "patreonkit") == 0o700


@pytest.mark.usefixtures("umask_000")
def test_patreon_login_under_umask_000_makes_private_directories(
    cli: Run, served: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deep = tmp_path / "fresh-home" / "config" / "patreonkit"
    monkeypatch.setenv("PATREON_CONFIG_DIR", str(deep))
    result = creator_login(cli, served.creator_token())
    assert result.exit_code == 0, result.output
    for directory in (tmp_path / "fresh-home", tmp_path / "fresh-home" / "config", deep):
        assert mode(directory) == 0o700, directory
    assert mode(deep / "config.json") == 0o600
