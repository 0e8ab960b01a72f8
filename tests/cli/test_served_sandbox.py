"""The command against a sandbox served on loopback HTTP, configured the way a user configures Patreon."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from patreon_auth import Token
from patreon_auth.stores import FileStore
from patreon_sandbox import Sandbox

from .conftest import Run, creator_login


def test_creator_token_login_saves_token_and_client(cli: Run, served: Sandbox, config_dir: Path) -> None:
    token = served.creator_token()
    result = creator_login(cli, token)
    assert result.exit_code == 0, result.output
    assert "logged in as" in result.stderr
    saved = FileStore(config_dir / "token.json").get()
    # The portal shows only the two strings: no expiry, so the client refreshes on the first 401.
    assert saved is not None
    assert (saved.access_token, saved.refresh_token) == (token.access_token, token.refresh_token)
    config = json.loads((config_dir / "config.json").read_text())
    assert config == {
        "base_url": served.base_url,
        "client_id": served.client_id,
        "client_secret": served.client_secret,
    }
    for name in ("config.json", "token.json"):
        assert stat.S_IMODE((config_dir / name).stat().st_mode) == 0o600
    # Nothing secret went to the terminal.
    for secret in (token.access_token, token.refresh_token, served.client_secret):
        assert secret and secret not in result.output


def test_a_bad_token_is_not_saved(cli: Run, served: Sandbox, config_dir: Path) -> None:
    result = cli("login", "--creator-token", stdin="not-a-token\n\n")
    assert result.exit_code == 4
    assert "401" in result.stderr
    assert not (config_dir / "token.json").exists()


def test_saved_settings_are_enough_later(cli: Run, logged_in: Token, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("PATREON_BASE_URL", "PATREON_CLIENT_ID", "PATREON_CLIENT_SECRET"):
        monkeypatch.delenv(name)
    result = cli("--json", "identity")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["attributes"]["full_name"]


def test_token_show_is_masked(cli: Run, logged_in: Token, config_dir: Path) -> None:
    result = cli("token", "show")
    assert result.exit_code == 0
    assert logged_in.access_token[:4] in result.stdout
    assert logged_in.access_token not in result.output
    assert str(logged_in.refresh_token) not in result.output
    assert str(config_dir / "token.json") in result.stdout


def test_token_refresh_rotates_and_stores(
    cli: Run, served: Sandbox, logged_in: Token, config_dir: Path
) -> None:
    before = served.stats.refresh_requests
    result = cli("--json", "token", "refresh")
    assert result.exit_code == 0, result.output
    assert served.stats.refresh_requests == before + 1
    stored = FileStore(config_dir / "token.json").get()
    assert stored is not None and stored.refresh_token != logged_in.refresh_token
    assert stored.access_token not in result.output
    # The old refresh token is spent (single use): refreshing again works only from the stored one.
    assert cli("token", "refresh").exit_code == 0


def test_identity_and_campaigns(cli: Run, served: Sandbox, logged_in: Token) -> None:
    identity = cli("--json", "identity")
    assert json.loads(identity.stdout)["campaign_id"] == served.campaign_id
    campaigns = cli("campaigns")
    assert campaigns.exit_code == 0 and served.campaign_id in campaigns.stdout


def test_webhooks_lifecycle(cli: Run, served: Sandbox, logged_in: Token, tmp_path: Path) -> None:
    secret_file = tmp_path / "secret"
    created = cli(
        "--json",
        "webhooks",
        "create",
        "--uri",
        "https://example.com/patreon",
        "--trigger",
        "members:pledge:create,members:update",
        "--secret-file",
        str(secret_file),
    )
    assert created.exit_code == 0, created.output
    [webhook] = json.loads(created.stdout)
    webhook_id = webhook["id"]
    secret = served.webhook(webhook_id).attributes["secret"]
    assert secret_file.read_text().strip() == secret
    assert stat.S_IMODE(os.stat(secret_file).st_mode) == 0o600
    assert secret not in created.output

    listed = cli("webhooks", "list")
    assert webhook_id in listed.stdout and secret not in listed.output

    updated = cli("--json", "webhooks", "update", webhook_id, "--pause", "--trigger", "posts:publish")
    assert updated.exit_code == 0, updated.output
    assert json.loads(updated.stdout)[0]["attributes"]["paused"] is True
    assert served.webhook(webhook_id).attributes["triggers"] == ["posts:publish"]
    resumed = cli("--json", "webhooks", "update", webhook_id, "--resume", "--uri", "https://example.com/v2")
    assert json.loads(resumed.stdout)[0]["attributes"]["uri"] == "https://example.com/v2"

    deleted = cli("webhooks", "delete", webhook_id)
    assert deleted.exit_code == 0 and f"deleted webhook {webhook_id}" in deleted.stderr
    assert json.loads(cli("--json", "webhooks", "list").stdout) == []


def test_client_secret_typed_at_the_prompt_is_saved(
    cli: Run, served: Sandbox, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PATREON_CLIENT_SECRET")
    token = served.creator_token()
    # Piped stdin answers the prompts in order: client secret, access token, refresh token.
    result = cli(
        "login",
        "--creator-token",
        stdin=f"{served.client_secret}\n{token.access_token}\n{token.refresh_token}\n",
    )
    assert result.exit_code == 0, result.output
    assert json.loads((config_dir / "config.json").read_text())["client_secret"] == served.client_secret
    assert served.client_secret not in result.output


def test_missing_client_secret_without_a_prompt(
    cli: Run, served: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PATREON_CLIENT_SECRET")
    result = cli("login", "--creator-token", stdin="")
    assert result.exit_code == 3
    assert "no client secret" in result.stderr
