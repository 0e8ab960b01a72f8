"""The control API: a sandbox served by another process, driven over HTTP with SandboxControl.

The sandbox runs as `python -m patreon_sandbox serve` in a subprocess, as it would for an app's
own test suite; every effect is checked through the Patreon API of that same sandbox, not through
the control API's own answers.
"""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from examples.serving import bind_loopback, serve_asgi
from patreon_auth import AuthenticationError, NotFoundError, Token
from patreon_auth.webhooks import verify_signature
from patreon_cli.__main__ import main as patreon_main
from patreon_generated import AsyncPatreon, Patreon
from patreon_sandbox import AsyncSandboxControl, Sandbox, SandboxControl, SandboxControlError
from patreon_sandbox.control import ROUTES

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Served:
    base_url: str
    campaign_id: str
    control: SandboxControl

    def api(self, token: Token | None = None) -> Patreon:
        access = (token or self.control.token()).access_token
        return Patreon(token=access, base_url=self.base_url, max_retries=0)


@pytest.fixture(scope="module")
def served() -> Iterator[Served]:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "patreon_sandbox",
            "serve",
            "--port",
            "0",
            "--members",
            "30",
            "--no-rate-limits",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = json.loads(process.stdout.readline())
        with SandboxControl(line["base_url"]) as control:
            yield Served(line["base_url"], line["campaign_id"], control)
    finally:
        process.terminate()
        process.wait(timeout=10)


def _member(served: Served, member_id: str) -> Any:
    with served.api() as client:
        return client.members.get(
            member_id,
            include=["currently_entitled_tiers"],
            fields={"member": ["patron_status"], "tier": ["title"]},
        ).data


def test_info_describes_the_sandbox_and_its_client(served: Served) -> None:
    info = served.control.info()
    assert info["campaign_id"] == served.campaign_id
    assert len(info["users"]) == 30 and info["tiers"]
    assert info["redirect_uris"] == served.control.redirect_uris()
    # The client it names is real: its credentials refresh a token at the token endpoint.
    token = served.control.token()
    answer = httpx.post(
        f"{served.base_url}/api/oauth2/token",
        data={
            "grant_type": "refresh_token",
            "refresh_token": token.refresh_token,
            "client_id": info["client_id"],
            "client_secret": info["client_secret"],
        },
        headers={"User-Agent": "tests"},
    )
    assert answer.status_code == 200, answer.text


def test_a_patron_joins_upgrades_and_cancels(served: Served) -> None:
    tiers = [tier for tier in served.control.info()["tiers"] if tier["amount_cents"] > 0]
    low, high = tiers[0], tiers[-1]
    member_id = served.control.add_member(tier_id=low["id"])
    member = _member(served, member_id)
    assert member.attributes.patron_status == "active_patron"
    assert [tier.id for tier in member.related("currently_entitled_tiers")] == [low["id"]]

    served.control.update_pledge(member_id, tier_id=high["id"])
    assert [tier.id for tier in _member(served, member_id).related("currently_entitled_tiers")] == [
        high["id"]
    ]

    served.control.delete_pledge(member_id)
    assert _member(served, member_id).attributes.patron_status == "former_patron"


def test_a_follower_is_added_and_deleted(served: Served) -> None:
    member_id = served.control.add_member(follower=True)
    assert _member(served, member_id).attributes.patron_status is None
    served.control.delete_member(member_id)
    with served.api() as client, pytest.raises(NotFoundError):
        client.members.get(member_id)


def test_advancing_the_clock_expires_tokens(served: Served) -> None:
    token = served.control.token(expires_in=600)
    with served.api(token) as client:
        assert client.identity.get().data.id == served.control.info()["creator"]["id"]
        served.control.advance_clock(601)
        with pytest.raises(AuthenticationError):
            client.identity.get()


def test_triggers_reach_a_receiver_in_another_process(served: Served) -> None:
    received: list[tuple[bytes, dict[str, str]]] = []
    arrived = threading.Event()

    async def receiver(scope: dict[str, Any], receive: Any, send: Any) -> None:
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        received.append((body, {k.decode(): v.decode() for k, v in scope["headers"]}))
        arrived.set()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    sock = bind_loopback()
    with serve_asgi(receiver, sock) as receiver_url, served.api() as client:
        hook = client.webhooks.create(
            triggers=["members:pledge:create"], uri=f"{receiver_url}/hook", campaign_id=served.campaign_id
        ).data
        deliveries = served.control.trigger("members:pledge:create")
        assert arrived.wait(10)
    assert [(d["webhook_id"], d["status"]) for d in deliveries] == [(hook.id, 200)]
    body, headers = received[0]
    assert headers["x-patreon-event"] == "members:pledge:create"
    assert verify_signature(hook.attributes.secret or "", body, headers["x-patreon-signature"])


def test_bad_requests_get_the_sandboxs_reason(served: Served) -> None:
    with pytest.raises(SandboxControlError) as unknown:
        served.control.update_pledge("no-such-member", tier_id="1")
    assert unknown.value.status == 404
    with pytest.raises(SandboxControlError) as trigger:
        served.control.trigger("members:explode")
    assert trigger.value.status == 400 and "members:pledge:create" in trigger.value.message
    with pytest.raises(SandboxControlError) as backwards:
        served.control.advance_clock(-5)
    assert backwards.value.status == 400
    answer = httpx.post(f"{served.base_url}/_sandbox/clock", content=b"[[[", timeout=5)
    assert answer.status_code == 400 and answer.json() == {"error": "the body is not JSON"}
    index = httpx.get(f"{served.base_url}/_sandbox/", timeout=5).json()
    assert ("POST", "/_sandbox/clock") in {(route["method"], route["path"]) for route in index["routes"]}


def test_patreon_login_sandbox_is_one_step(
    served: Served, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("PATREON_CLIENT_ID", "PATREON_CLIENT_SECRET", "PATREON_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    config = tmp_path / "config"
    monkeypatch.setenv("PATREON_CONFIG_DIR", str(config))
    assert patreon_main(["login", "--sandbox", "--base-url", served.base_url]) == 0
    assert f"logged in to the sandbox at {served.base_url}" in capsys.readouterr().err
    assert stat.S_IMODE(os.stat(config / "token.json").st_mode) == 0o600
    saved = json.loads((config / "config.json").read_text())
    assert saved["base_url"] == served.base_url and saved["client_id"] == served.control.info()["client_id"]
    # Later commands need no flags: they use the saved client and token against the served sandbox.
    assert patreon_main(["campaigns"]) == 0
    assert served.campaign_id in capsys.readouterr().out


def test_patreon_login_sandbox_refuses_a_url_that_is_not_a_sandbox(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATREON_CONFIG_DIR", str(tmp_path / "config"))
    sock = bind_loopback()

    async def not_a_sandbox(scope: dict[str, Any], receive: Any, send: Any) -> None:
        await send(
            {"type": "http.response.start", "status": 404, "headers": [(b"content-type", b"text/html")]}
        )
        await send({"type": "http.response.body", "body": b"<html>nope</html>"})

    with serve_asgi(not_a_sandbox, sock) as url:
        assert patreon_main(["login", "--sandbox", "--base-url", url]) == 8
    assert "is not a served sandbox" in capsys.readouterr().err
    assert not (tmp_path / "config" / "token.json").exists()


async def test_async_control_drives_an_in_process_sandbox() -> None:
    with Sandbox(seed=2, members=5) as world:
        async with AsyncSandboxControl(world.base_url, transport=world.async_transport()) as control:
            member_id = await control.add_member()
            assert member_id in world.member_ids
            token = await control.token(user_id=world.users[0].id, scopes=["identity"])
            async with AsyncPatreon(
                token=token.access_token, base_url=world.base_url, transport=world.async_transport()
            ) as client:
                assert (await client.identity.get()).data.id == world.users[0].id
            before = world.clock()
            assert await control.advance_clock(30) >= before + 30


def test_docs_list_every_control_route() -> None:
    """docs/sandbox.md's table names each route the control API serves (its index aside)."""
    placeholder = re.compile(r"\{[^}]+\}")
    documented = {
        placeholder.sub("{}", match)
        for match in re.findall(
            r"^\| `([A-Z]+ /_sandbox/[^`]*)`", (ROOT / "docs" / "sandbox.md").read_text(), re.M
        )
    }
    served = {placeholder.sub("{}", f"{method} {path}") for method, path, _ in ROUTES if path != "/_sandbox/"}
    assert served - documented == set()
