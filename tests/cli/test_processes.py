"""The installed `patreon` script in real processes: `sandbox serve`, browser-style OAuth login, export."""

from __future__ import annotations

import csv
import json
import os
import re
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from patreon_auth.stores import FileStore
from patreon_cli import failures
from patreon_sandbox import Sandbox

PATREON = [sys.executable, "-m", "patreon_cli"]
SCRIPT = '<script>alert("pwned")</script>'
ESCAPES = "\x1b]0;owned\x07\x1b[2J"  # set the terminal title, clear the screen
AUTHORIZE_URL = re.compile(r"(http://\S+/oauth2/authorize\?\S+)")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def clean_env(config_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PATREON_")}
    return {**env, "PATREON_CONFIG_DIR": str(config_dir), **extra}


@pytest.fixture
def served_process(tmp_path: Path) -> Iterator[dict[str, Any]]:
    """`patreon sandbox serve --port 0` in its own process; yields its startup JSON line."""
    process = subprocess.Popen(
        [*PATREON, "sandbox", "serve", "--port", "0", "--members", "1500", "--no-rate-limits"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=clean_env(tmp_path / "unused"),
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line, process.stderr.read() if process.stderr else ""
        yield json.loads(line)
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serve_login_export_against_a_served_sandbox(served_process: dict[str, Any], tmp_path: Path) -> None:
    info = served_process
    assert set(info) >= {"base_url", "client_id", "client_secret", "campaign_id", "creator_token"}
    env = clean_env(
        tmp_path / "config",
        PATREON_BASE_URL=info["base_url"],
        PATREON_CLIENT_ID=info["client_id"],
        PATREON_CLIENT_SECRET=info["client_secret"],
    )
    token = info["creator_token"]
    login = subprocess.run(
        [*PATREON, "login", "--creator-token"],
        input=f"{token['access_token']}\n{token['refresh_token']}\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert login.returncode == 0, login.stderr
    target = tmp_path / "members.csv"
    export = subprocess.run(
        [*PATREON, "members", "export", "--campaign", info["campaign_id"], "--output", str(target)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert export.returncode == 0, export.stderr
    with target.open(newline="", encoding="utf-8") as handle:
        assert sum(1 for _ in csv.DictReader(handle)) == 1500
    assert "exported 1500 members" in export.stderr
    stats = httpx.get(info["base_url"] + "/_sandbox/stats").json()
    assert stats["by_route"]  # the export's pages went through the server
    for secret in (token["access_token"], token["refresh_token"], info["client_secret"]):
        assert secret not in login.stdout + login.stderr + export.stdout + export.stderr


@pytest.fixture
def oauth_sandbox(tmp_path: Path) -> Iterator[tuple[Sandbox, str]]:
    redirect_uri = f"http://127.0.0.1:{free_port()}/oauth/callback"
    with Sandbox(seed=3, members=20, redirect_uris=[redirect_uri]) as sandbox, sandbox.serve_in_thread():
        yield sandbox, redirect_uri


def start_login(
    sandbox: Sandbox, redirect_uri: str, config_dir: Path, *extra: str
) -> tuple[subprocess.Popen[str], str]:
    """`patreon login --no-browser` in a process; returns it and the authorize URL it printed."""
    env = clean_env(
        config_dir,
        PATREON_BASE_URL=sandbox.base_url,
        PATREON_CLIENT_ID=sandbox.client_id,
        PATREON_CLIENT_SECRET=sandbox.client_secret,
    )
    process = subprocess.Popen(
        [*PATREON, "login", "--no-browser", "--redirect-uri", redirect_uri, *extra],
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert process.stderr is not None
    for line in process.stderr:
        match = AUTHORIZE_URL.search(line)
        if match:
            return process, match.group(1)
    raise AssertionError(f"login printed no authorize URL (exit {process.wait()})")


def consent(url: str, decision: str, user_id: str = "") -> str:
    """What the user's browser does on the consent page; returns where Patreon redirects it."""
    response = httpx.post(url, data={"decision": decision, "sandbox_user_id": user_id})
    assert response.status_code == 302
    return response.headers["location"]


def test_browser_login_through_the_loopback_listener(
    oauth_sandbox: tuple[Sandbox, str], tmp_path: Path
) -> None:
    sandbox, redirect_uri = oauth_sandbox
    config_dir = tmp_path / "config"
    process, url = start_login(
        sandbox, redirect_uri, config_dir, "--scope", "identity", "--scope", "campaigns"
    )
    assert "scope=identity%20campaigns" in url
    # A patron, not the creator: the client's owner is granted every scope whatever it asks [forum /t/8908].
    location = consent(url, "allow", sandbox.users[0].id)
    page = httpx.get(location)  # the browser follows the redirect to the listener
    assert page.status_code == 200 and "close this tab" in page.text
    _, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "logged in as" in err
    token = FileStore(config_dir / "token.json").get()
    assert token is not None and token.scope == {"identity", "campaigns"}
    assert sandbox.stats.code_exchanges == 1
    assert token.access_token not in err


def test_denied_login_exits_with_auth_error(oauth_sandbox: tuple[Sandbox, str], tmp_path: Path) -> None:
    sandbox, redirect_uri = oauth_sandbox
    process, url = start_login(sandbox, redirect_uri, tmp_path / "config")
    httpx.get(consent(url, "deny"))
    _, err = process.communicate(timeout=30)
    assert process.returncode == failures.AUTH
    assert "access_denied" in err
    assert not (tmp_path / "config" / "token.json").exists()


def test_forged_callback_state_is_refused(oauth_sandbox: tuple[Sandbox, str], tmp_path: Path) -> None:
    """A callback with another state is answered with fixed text and ignored; the real login goes on."""
    sandbox, redirect_uri = oauth_sandbox
    process, url = start_login(sandbox, redirect_uri, tmp_path / "config")
    forged = httpx.get(redirect_uri, params={"code": "stolen", "state": "forged", "error": SCRIPT})
    assert forged.status_code == 400
    assert forged.headers["content-type"].startswith("text/plain")
    assert "stolen" not in forged.text and "<" not in forged.text
    assert process.poll() is None  # still waiting for its own callback
    assert httpx.get(consent(url, "allow", sandbox.users[0].id)).status_code == 200
    _, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert sandbox.stats.code_exchanges == 1  # only the genuine code was exchanged


def test_a_verified_error_is_printed_as_inert_text(
    oauth_sandbox: tuple[Sandbox, str], tmp_path: Path
) -> None:
    """Even with the right state, the callback's words reach the terminal without markup or escapes."""
    sandbox, redirect_uri = oauth_sandbox
    process, url = start_login(sandbox, redirect_uri, tmp_path / "config")
    state = parse_qs(urlsplit(url).query)["state"][0]
    page = httpx.get(
        redirect_uri, params={"state": state, "error": SCRIPT, "error_description": ESCAPES + SCRIPT}
    )
    assert page.status_code == 200 and "<script" not in page.text  # the fixed "done" page
    _, err = process.communicate(timeout=30)
    assert process.returncode == failures.AUTH
    assert "authorization failed" in err
    assert "<script" not in err and "\x1b" not in err and "\x07" not in err


def test_login_times_out(oauth_sandbox: tuple[Sandbox, str], tmp_path: Path) -> None:
    sandbox, redirect_uri = oauth_sandbox
    process, _ = start_login(sandbox, redirect_uri, tmp_path / "config", "--timeout", "0.5")
    _, err = process.communicate(timeout=30)
    assert process.returncode == failures.AUTH
    assert "no login callback arrived" in err
