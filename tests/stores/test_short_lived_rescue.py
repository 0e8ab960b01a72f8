"""Issue 10 item 6: `patreon token refresh` with an unwritable token file does not lose the new token.

The command runs as a real short-lived process against a sandbox served on loopback, whose
refresh tokens are single use [PD _oauth.md]. As root, the process runs under setpriv without
the capabilities that bypass mode bits, so a 0500 directory really is unwritable for it. Before
the rescue file existed, the refreshed token died with the process and the next run got
invalid_grant.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from patreon_auth.stores import FileStore, HTTPStore
from patreon_cli import failures
from patreon_cli.config import ConfigDir
from patreon_sandbox import Sandbox

from ._helpers import REPO_ROOT
from .conftest import TokenServer


def _unprivileged() -> list[str]:
    """A command prefix under which mode bits bind: as root, drop the capabilities that bypass them."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv (util-linux): mode bits cannot make a file unwritable")
    caps = "-dac_override,-dac_read_search"
    return [setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}", "--"]


def test_refreshed_token_survives_an_unwritable_token_file(tmp_path: Path) -> None:
    prefix = _unprivileged()
    config, state = tmp_path / "config", tmp_path / "state"
    rescue_dir = state / "patreonkit" / "rescue"
    with Sandbox(seed=3, members=5, rate_limits=None) as sandbox, sandbox.serve_in_thread() as base_url:
        token_file = ConfigDir(config).token_file
        first = sandbox.creator_token()
        FileStore(token_file).replace(first)
        env = {
            "PATH": os.environ.get("PATH", ""),
            "HOME": str(tmp_path),
            "XDG_STATE_HOME": str(state),
            "PYTHONPATH": str(REPO_ROOT),
            "PATREON_CONFIG_DIR": str(config),
            "PATREON_BASE_URL": base_url,
            "PATREON_CLIENT_ID": sandbox.client_id,
            "PATREON_CLIENT_SECRET": sandbox.client_secret,
        }

        def patreon(*argv: str) -> subprocess.CompletedProcess[str]:
            command = [*prefix, sys.executable, "-m", "patreon_cli", *argv]
            return subprocess.run(command, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60)

        # The token file cannot be replaced, nor a rescue file put beside it.
        config.chmod(0o500)
        try:
            failed = patreon("token", "refresh")
            assert failed.returncode == failures.STORE, failed.stderr
            rescued = list(rescue_dir.iterdir())
            assert len(rescued) == 1
            assert str(rescued[0]) in failed.stderr  # the error names the file...
            assert "picks the rescued token up" in failed.stderr  # ...and says how to recover
            assert stat.S_IMODE(rescued[0].stat().st_mode) == 0o600
            for secret in (first.access_token, first.refresh_token):
                assert secret and secret not in failed.stderr + failed.stdout
            assert FileStore(token_file).get() == first  # nothing was written over the old token
            assert sandbox.stats.refresh_requests == 1

            # Still unwritable: the next run works with the rescued token.
            shown = patreon("identity")
            assert shown.returncode == 0, shown.stderr
        finally:
            config.chmod(0o700)

        again = patreon("token", "refresh")
        assert again.returncode == 0, again.stderr  # not invalid_grant: the rescued token was used
        assert sandbox.stats.refresh_requests == 2
        stored = FileStore(token_file).get()
        assert stored is not None and stored.refresh_token != first.refresh_token
        assert list(rescue_dir.iterdir()) == []  # settled, so deleted
        final = patreon("token", "refresh")  # the stored refresh token is the newest one
        assert final.returncode == 0, final.stderr
        assert sandbox.stats.refresh_requests == 3


_CHILD = """
import sys
from patreon_auth.stores import HTTPStore, TokenNotSavedError
from patreon_auth.token import Token

store = HTTPStore(sys.argv[1], timeout=5, **({"rescue_path": sys.argv[2]} if len(sys.argv) > 2 else {}))
store.get()
try:
    store.put(Token(access_token="SECRET-ACCESS-new", refresh_token="SECRET-REFRESH-new"))
except TokenNotSavedError as exc:
    print("not saved", flush=True)
sys.stdin.readline()  # the parent decides whether the server is back before we exit
"""


def _short_lived(url: str, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    command = [sys.executable, "-c", _CHILD, url, *extra]
    return subprocess.Popen(
        command, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def test_a_short_lived_process_writes_a_pending_token_at_exit(token_server: TokenServer) -> None:
    token_server.put_status = 503
    child = _short_lived(token_server.url)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "not saved"
    token_server.put_status = None  # the server is back before the process exits
    _, err = child.communicate("\n", timeout=30)
    assert child.returncode == 0, err
    assert token_server.body is not None and b"SECRET-ACCESS-new" in token_server.body
    assert "never saved" not in err


def test_a_short_lived_process_says_loudly_where_a_token_no_store_took_went(
    token_server: TokenServer, private_state_home: Path
) -> None:
    token_server.put_status = 503
    child = _short_lived(token_server.url)
    _, err = child.communicate("\n", timeout=30)
    # Issue 21: not lost with the process, but left in an unclaimed rescue file the log names.
    (unclaimed,) = (private_state_home / "patreonkit" / "rescue").glob("unclaimed-*.rescue")
    assert "a refreshed token was never saved" in err and str(unclaimed) in err and "rescue_path" in err
    assert b"SECRET-REFRESH-new" in unclaimed.read_bytes()
    assert "SECRET" not in err


def test_a_short_lived_process_with_a_rescue_path_leaves_the_token_for_the_next(
    token_server: TokenServer, tmp_path: Path
) -> None:
    rescue = tmp_path / "token.rescue"
    token_server.put_status = 503
    child = _short_lived(token_server.url, str(rescue))
    out, err = child.communicate("\n", timeout=30)
    assert "not saved" in out and "never saved" not in err
    assert stat.S_IMODE(rescue.stat().st_mode) == 0o600
    token_server.put_status = None
    store = HTTPStore(token_server.url, rescue_path=rescue)
    kept = store.get()  # the next process picks the rescue file up and writes it
    assert kept is not None and kept.access_token == "SECRET-ACCESS-new"
    assert token_server.body is not None and b"SECRET-ACCESS-new" in token_server.body
    assert not rescue.exists()
