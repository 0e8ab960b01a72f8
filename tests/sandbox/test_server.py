"""The same sandbox over real loopback HTTP: a thread server, the `serve` command, the fixtures.

A scenario both clients share runs under the `mode` fixture (tests/modes.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from patreon_auth.oauth import AsyncOAuthClient, OAuthClient
from patreon_auth.token import Token
from patreon_generated import AsyncPatreon, Patreon
from patreon_generated.errors import APIConnectionError
from patreon_sandbox import Sandbox
from tests.modes import ModeDriver

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("count", [100, 50])
def test_serve_in_thread_answers_the_client(mode: ModeDriver, sandbox: Sandbox, count: int) -> None:
    with sandbox.serve_in_thread(port=0) as base_url:
        assert base_url.startswith("http://127.0.0.1:") and sandbox.base_url == base_url
        token = sandbox.creator_token()
        client = mode.new((Patreon, AsyncPatreon), token=token.access_token, base_url=base_url, max_retries=0)
        with mode.using(client):
            ids = [m.id for m in mode.collect(client.members.iterate(sandbox.campaign_id, count=count))]
            page = mode.run(client.members.list(sandbox.campaign_id, count=count))
        oauth = mode.new(
            (OAuthClient, AsyncOAuthClient),
            client_id=sandbox.client_id,
            client_secret=sandbox.client_secret,
            base_url=base_url,
        )
        with mode.using(oauth):
            mode.run(oauth.refresh(token))
        stats = httpx.get(f"{base_url}/_sandbox/stats").json()
    assert len(set(ids)) == 300
    assert page.links["next"].startswith(base_url)  # links are absolute, on the server's origin
    assert stats["api_requests"] == 300 // count + 1
    assert stats["token_requests"] == 1 and stats["refresh_requests"] == 1
    assert sandbox.base_url == "https://sandbox.patreon.test"


def test_dropped_connection_over_http(sandbox: Sandbox) -> None:
    sandbox.faults.add(route="members", drop=True, times=1)
    with sandbox.serve_in_thread() as base_url:
        token = sandbox.creator_token().access_token
        with Patreon(token=token, base_url=base_url, max_retries=0) as client:
            with pytest.raises(APIConnectionError):
                client.members.list(sandbox.campaign_id)
            assert len(client.members.list(sandbox.campaign_id).data) == 20


def test_fixtures_for_users(patreon_sandbox: Sandbox, patreon_sandbox_server: Sandbox) -> None:
    assert patreon_sandbox_server is patreon_sandbox
    assert patreon_sandbox.base_url.startswith("http://127.0.0.1:")
    response = httpx.get(
        f"{patreon_sandbox.base_url}/api/oauth2/v2/identity",
        headers={"Authorization": f"Bearer {patreon_sandbox.creator_token().access_token}"},
    )
    assert response.status_code == 200 and response.json()["data"]["id"] == patreon_sandbox.creator.id


@pytest.mark.patreon_sandbox(seed=3, members=42)
def test_marker_configures_the_fixture(patreon_sandbox: Sandbox) -> None:
    assert patreon_sandbox.seed == 3 and len(patreon_sandbox.member_ids) == 42


def test_serve_command_prints_one_json_line() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "patreon_sandbox", "serve", "--port", "0", "--members", "30", "--seed", "5"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        info = json.loads(line)
        assert set(info) == {
            "base_url",
            "client_id",
            "client_secret",
            "campaign_id",
            "creator_token",
            "control_url",
            "login",
        }
        assert info["control_url"] == info["base_url"] + "/_sandbox/"
        token = Token.from_dict(info["creator_token"])
        with Patreon(token=token.access_token, base_url=info["base_url"], max_retries=0) as client:
            total = client.members.list(info["campaign_id"]).total
        stats = httpx.get(f"{info['base_url']}/_sandbox/stats", timeout=5).json()
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert total == 30 and stats["api_requests"] == 1
    assert info["campaign_id"] == Sandbox(seed=5, members=1).campaign_id
