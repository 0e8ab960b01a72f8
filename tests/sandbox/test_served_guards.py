"""Issue 21: a served sandbox answers only its own Host names, refuses cross-site writes, and answers
hostile control values with 400.

Before the fix a sandbox served on 0.0.0.0 answered any Host (a page on a re-pointed domain could
read /_sandbox/info and mint tokens: DNS rebinding), took a cross-site POST to the control API or
the consent form (CSRF), and answered `{"expires_in": Infinity}` with a 500. All over a real
server on loopback.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from patreon_sandbox import Sandbox
from patreon_sandbox.server import serve_in_thread

UA = {"User-Agent": "patreonkit-tests"}


@pytest.fixture
def served(sandbox: Sandbox) -> Iterator[str]:
    with serve_in_thread(sandbox, allowed_hosts=["sandbox.lan"]) as base_url:
        yield base_url


def port_of(base_url: str) -> int:
    port = httpx.URL(base_url).port
    assert port is not None
    return port


def call(
    base_url: str, method: str, path: str, *, body: Any = None, raw: bytes | None = None, **headers: str
) -> httpx.Response:
    content = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    sent = {**UA, **{name.replace("_", "-"): value for name, value in headers.items()}}
    with httpx.Client(base_url=base_url, timeout=10) as client:
        return client.request(method, path, content=content, headers=sent)


# --- Host (DNS rebinding) -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/_sandbox/info"),  # the client secret
        ("POST", "/_sandbox/tokens"),  # mints a token
        ("GET", "/api/oauth2/v2/identity"),
        ("GET", "/oauth2/authorize"),
    ],
)
def test_a_foreign_host_is_refused_everywhere(served: str, method: str, path: str) -> None:
    port = port_of(served)
    response = call(
        served, method, path, body={} if method == "POST" else None, Host=f"rebound.example:{port}"
    )
    assert response.status_code == 403
    assert "DNS rebinding" in response.json()["error"] and "client_secret" not in response.text


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "app.localhost", "LOCALHOST.", "sandbox.lan"])
def test_loopback_names_and_allowed_hosts_are_answered(served: str, host: str) -> None:
    response = call(served, "GET", "/_sandbox/info", Host=f"{host}:{port_of(served)}")
    assert response.status_code == 200 and response.json()["client_id"]


@pytest.mark.parametrize("host", ["", "127.0.0.1:notaport", "127.0.0.1.rebound.example", "[::1"])
def test_malformed_or_lookalike_hosts_are_refused(served: str, host: str) -> None:
    assert call(served, "GET", "/_sandbox/info", Host=host).status_code == 403


def test_served_on_all_interfaces_still_checks_the_host(sandbox: Sandbox) -> None:
    with serve_in_thread(sandbox, host="0.0.0.0") as base_url:
        port = port_of(base_url)
        local = f"http://127.0.0.1:{port}"
        assert call(local, "GET", "/_sandbox/info").status_code == 200  # Host: 127.0.0.1:port
        assert call(local, "GET", "/_sandbox/info", Host=f"rebound.example:{port}").status_code == 403
        minted = call(local, "POST", "/_sandbox/tokens", body={}, Host=f"rebound.example:{port}")
        assert minted.status_code == 403


# --- cross-site writes (CSRF) ---------------------------------------------------------------------


def test_cross_site_writes_to_the_control_api_are_refused(served: str, sandbox: Sandbox) -> None:
    before = len(sandbox.member_ids)
    assert (
        call(served, "POST", "/_sandbox/members", body={}, Origin="https://evil.example").status_code == 403
    )
    assert call(served, "POST", "/_sandbox/members", body={}, Sec_Fetch_Site="cross-site").status_code == 403
    other_port = f"http://127.0.0.1:{port_of(served) + 1}"  # same site, another origin
    assert call(served, "POST", "/_sandbox/members", body={}, Origin=other_port).status_code == 403
    assert call(served, "POST", "/_sandbox/members", body={}, Origin="null").status_code == 403
    assert (
        call(served, "POST", "/_sandbox/clock", body={"advance": 10}, Sec_Fetch_Site="same-site").status_code
        == 403
    )
    assert len(sandbox.member_ids) == before  # nothing happened
    # The sandbox's own origin, a browser's direct navigation, and non-browser clients still work.
    assert call(served, "POST", "/_sandbox/members", body={}, Origin=served).status_code == 201
    assert call(served, "POST", "/_sandbox/members", body={}, Sec_Fetch_Site="same-origin").status_code == 201
    assert call(served, "POST", "/_sandbox/members", body={}).status_code == 201
    assert len(sandbox.member_ids) == before + 3
    # Reads are not state-changing: a cross-site GET is answered as before.
    assert call(served, "GET", "/_sandbox/", Origin="https://evil.example").status_code == 200


def test_a_cross_site_post_to_the_consent_form_is_refused(served: str, sandbox: Sandbox) -> None:
    query = {
        "response_type": "code",
        "client_id": sandbox.client_id,
        "redirect_uri": sandbox.redirect_uris[0],
        "scope": "identity",
        "state": "s",
    }
    path = "/oauth2/authorize?" + str(httpx.QueryParams(query))
    refused = call(
        served,
        "POST",
        path,
        raw=b"allow=1",
        Origin="https://evil.example",
        Content_Type="application/x-www-form-urlencoded",
    )
    assert refused.status_code == 403 and "location" not in refused.headers
    refused = call(
        served,
        "POST",
        path,
        raw=b"allow=1",
        Sec_Fetch_Site="cross-site",
        Content_Type="application/x-www-form-urlencoded",
    )
    assert refused.status_code == 403
    page = call(served, "GET", path, Sec_Fetch_Site="cross-site")  # arriving from the app is a navigation
    assert page.status_code == 200


# --- hostile control values -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        b'{"expires_in": Infinity}',
        b'{"expires_in": -Infinity}',
        b'{"expires_in": NaN}',
        b'{"expires_in": 1e400}',  # parses as inf
        b'{"expires_in": 1' + b"0" * 400 + b"}",  # an int no float holds
        b'{"expires_in": 1e300}',
        b'{"expires_in": -1e12}',
        b'{"expires_in": "3600"}',
        b'{"expires_in": true}',
        b'{"expires_in": [3600]}',
        b'{"expires_in": {}}',
    ],
)
def test_hostile_token_lifetimes_get_400(served: str, raw: bytes) -> None:
    response = call(served, "POST", "/_sandbox/tokens", raw=raw)
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert "expires_in" in error or "not JSON" in error


@pytest.mark.parametrize(
    "raw",
    [
        b'{"advance": Infinity}',
        b'{"advance": NaN}',
        b'{"advance": 1e400}',
        b'{"advance": 1' + b"0" * 400 + b"}",
    ],
)
def test_hostile_clock_steps_get_400(served: str, raw: bytes) -> None:
    response = call(served, "POST", "/_sandbox/clock", raw=raw)
    assert response.status_code == 400, response.text


@pytest.mark.parametrize(
    ("path", "raw"),
    [
        ("/_sandbox/members", b'{"tier_id": NaN}'),
        ("/_sandbox/members", b'{"follower": Infinity}'),
        ("/_sandbox/webhooks/trigger", b'{"trigger": -Infinity}'),
        ("/_sandbox/tokens", b'{"scopes": [NaN]}'),
        ("/_sandbox/tokens", b'{"user_id": 1e400}'),
        ("/_sandbox/tokens", b"\xff\xfe{"),
    ],
)
def test_other_hostile_bodies_get_400(served: str, path: str, raw: bytes) -> None:
    assert call(served, "POST", path, raw=raw).status_code == 400


def test_sane_lifetimes_still_mint_tokens(served: str) -> None:
    from patreon_auth import Token

    expired = call(served, "POST", "/_sandbox/tokens", body={"expires_in": -60})
    assert expired.status_code == 201 and Token.from_dict(expired.json()).is_expired()
    fresh = call(served, "POST", "/_sandbox/tokens", body={"expires_in": 3600.5})
    assert fresh.status_code == 201 and not Token.from_dict(fresh.json()).is_expired()


def test_the_serve_command_takes_allow_host_on_all_interfaces() -> None:
    # `python -m patreon_sandbox serve --host 0.0.0.0 --allow-host NAME`, as a developer runs it.
    command = [sys.executable, "-m", "patreon_sandbox", "serve", "--host", "0.0.0.0", "--port", "0"]
    command += ["--members", "3", "--allow-host", "sandbox.lan"]
    root = Path(__file__).resolve().parents[2]
    process = subprocess.Popen(
        command, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    try:
        assert process.stdout is not None
        port = port_of(json.loads(process.stdout.readline())["base_url"])
        local = f"http://127.0.0.1:{port}"
        assert call(local, "GET", "/_sandbox/info", Host=f"sandbox.lan:{port}").status_code == 200
        assert call(local, "GET", "/_sandbox/info", Host=f"rebound.example:{port}").status_code == 403
    finally:
        process.terminate()
        process.wait(timeout=10)
