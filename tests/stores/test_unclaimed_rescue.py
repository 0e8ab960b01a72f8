"""Issue 21: a refreshed token that no store could take is written to an "unclaimed" rescue file.

CallbackStore, KVStore and HTTPStore have no rescue file unless given ``rescue_path=``. A real
short-lived process refreshes an expired creator token against a sandbox served on loopback,
whose refresh tokens are single use [PD _oauth.md], so the old token is spent; the store's write
fails every time. Before the fix the new token died with the process (a CRITICAL log line and a
creator who must log in again); now the exit handler leaves it in
``$XDG_STATE_HOME/patreonkit/rescue/unclaimed-<fingerprint>.rescue`` (0600), and handing that file
to the store as ``rescue_path=`` writes it back.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from patreon_auth.oauth import OAuthClient
from patreon_auth.stores import CallbackStore, TokenNotSavedError
from patreon_auth.stores._backed import encode_token, write_unclaimed
from patreon_auth.stores._rescue import RescueRecord, fingerprint
from patreon_auth.token import Token
from patreon_sandbox import Sandbox

from ._helpers import run_job_worker
from .conftest import TokenServer

WORKER_MODULE = "tests.stores._unclaimed_worker"


@pytest.fixture
def served() -> Iterator[tuple[Sandbox, str]]:
    with Sandbox(seed=21, members=3, rate_limits=None) as sandbox, sandbox.serve_in_thread() as base_url:
        yield sandbox, base_url


@pytest.mark.parametrize("kind", ["callback", "kv", "http"])
def test_a_token_no_store_took_is_left_in_an_unclaimed_rescue_file(
    kind: str,
    served: tuple[Sandbox, str],
    token_server: TokenServer,
    private_state_home: Path,
    tmp_path: Path,
) -> None:
    sandbox, base_url = served
    expired = sandbox.creator_token(expires_in=-60)
    token_server.body = encode_token(expired).encode()
    token_server.put_status = 500
    job = {
        "kind": kind,
        "url": token_server.url,
        "base_url": base_url,
        "client_id": sandbox.client_id,
        "client_secret": sandbox.client_secret,
        "token": expired.to_dict(),
    }
    report, output = run_job_worker(WORKER_MODULE, job, tmp_path / "job.json")
    assert report["rescue_paths"] == []  # the store has no rescue file of its own
    assert report["not_saved"] is True
    assert sandbox.stats.refresh_requests == 1  # the old refresh token is spent
    if kind == "http":
        assert token_server.body == encode_token(expired).encode()  # no write got through

    rescue_dir = private_state_home / "patreonkit" / "rescue"
    assert rescue_dir.is_dir(), output
    files = list(rescue_dir.iterdir())
    assert [path.name for path in files] == [f"unclaimed-{report['pending']}.rescue"]
    unclaimed = files[0]
    assert stat.S_IMODE(unclaimed.stat().st_mode) == 0o600
    assert stat.S_IMODE(rescue_dir.stat().st_mode) == 0o700
    assert str(unclaimed) in output  # the CRITICAL line names the file
    assert "CRITICAL" in output and "exits with this process" not in output

    record = RescueRecord.from_json(unclaimed.read_bytes(), source="unclaimed")
    rescued = record.token
    assert fingerprint(rescued) == report["pending"]
    assert record.replaces == fingerprint(expired)
    for secret in (expired.access_token, expired.refresh_token, rescued.access_token, rescued.refresh_token):
        assert secret and secret not in output

    # It is the token the sandbox issued: its refresh token is the live one (single use), so
    # refreshing with it works, and it was never written anywhere the worker could reach.
    assert rescued.refresh_token != expired.refresh_token
    with OAuthClient(
        client_id=sandbox.client_id, client_secret=sandbox.client_secret, base_url=base_url
    ) as oauth:
        newer = oauth.refresh(rescued)
    assert newer.refresh_token != rescued.refresh_token
    assert sandbox.stats.refresh_requests == 2


def test_when_not_even_the_unclaimed_file_can_be_written_the_loss_is_said_loudly(
    served: tuple[Sandbox, str], tmp_path: Path
) -> None:
    sandbox, base_url = served
    expired = sandbox.creator_token(expires_in=-60)
    blocker = tmp_path / "state-is-a-file"
    blocker.write_text("not a directory")  # no directory can be made under it, not even by root
    job = {
        "kind": "callback",
        "base_url": base_url,
        "client_id": sandbox.client_id,
        "client_secret": sandbox.client_secret,
        "token": expired.to_dict(),
    }
    env = {**os.environ, "XDG_STATE_HOME": str(blocker)}
    report, output = run_job_worker(WORKER_MODULE, job, tmp_path / "job.json", env)
    assert report["not_saved"] is True
    assert "CRITICAL" in output and "exits with this process" in output and "must log in again" in output
    assert "unclaimed rescue file" not in output
    assert expired.refresh_token and expired.refresh_token not in output


def test_the_unclaimed_file_restores_through_rescue_path(private_state_home: Path) -> None:
    """The documented recovery: hand the file to the store as ``rescue_path=``; its get() writes
    the token back over the one it replaced and deletes the file."""
    old = Token(access_token="SECRET-A-old", refresh_token="SECRET-R-old")
    new = Token(access_token="SECRET-A-new", refresh_token="SECRET-R-new")
    held: list[Token] = [old]
    failing = True

    def put(token: Token) -> None:
        if failing:
            raise OSError("down")
        held[0] = token

    store = CallbackStore(lambda: held[0], put)
    assert store.get() == old
    with pytest.raises(TokenNotSavedError):
        store.put(new)
    path = write_unclaimed(store)
    assert path is not None and path.name == f"unclaimed-{fingerprint(new)}.rescue"

    failing = False
    restored = CallbackStore(lambda: held[0], put, rescue_path=path)
    assert restored.get() == new
    assert held[0] == new
    assert not path.exists()
