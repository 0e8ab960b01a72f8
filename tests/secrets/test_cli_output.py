"""Every `patreon` command, succeeding and failing, prints no token and no secret (stdout, stderr, logs)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from patreon_auth import Token
from patreon_auth.stores import FileStore
from patreon_sandbox import Sandbox
from tests.cli.conftest import Result, Run, creator_login

from .conftest import secrets_of


def test_every_command_keeps_secrets_out_of_its_output(
    cli: Run, served: Sandbox, config_dir: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    token = served.creator_token()
    secrets = secrets_of(served, token)
    results: dict[str, Result] = {"login --creator-token": creator_login(cli, token)}

    def run(*argv: str) -> Result:
        result = cli(*argv)
        results[" ".join(argv)] = result
        assert result.exit_code == 0, result.output
        return result

    created = run(
        "--json",
        "webhooks",
        "create",
        "--uri",
        "https://example.com/hook",
        "--secret-file",
        str(tmp_path / "s"),
    )
    webhook_id = json.loads(created.stdout)[0]["id"]
    secrets.add("webhook secret", str(served.webhook(webhook_id).attributes["secret"]))
    run("webhooks", "list")
    run("--json", "webhooks", "list")
    run("webhooks", "update", webhook_id, "--pause")
    run("--json", "webhooks", "update", webhook_id, "--resume")
    run("token", "show")
    run("--json", "token", "show")
    run("token", "refresh")
    refreshed = FileStore(config_dir / "token.json").get()
    assert refreshed is not None and refreshed.access_token != token.access_token
    secrets.add("refreshed access token", refreshed.access_token)
    secrets.add("refreshed refresh token", refreshed.refresh_token)
    run("identity")
    run("--json", "identity")
    run("campaigns")
    run("--json", "campaigns")
    run("members", "export", "--no-progress", "--format", "jsonl")
    run("members", "export", "--no-progress", "--output", str(tmp_path / "members.csv"))
    run("webhooks", "delete", webhook_id)

    # The failures, with the same secrets in play.
    failing = {
        "secret file nowhere": (
            "webhooks",
            "create",
            "--uri",
            "https://x.example/h",
            "--secret-file",
            "/nonexistent/s",
        ),
        "unknown webhook": ("webhooks", "delete", "999999999"),
    }
    for name, argv in failing.items():
        results[name] = cli(*argv)
    served.revoke(refreshed)
    results["revoked: identity"] = cli("identity")
    results["revoked: token refresh"] = cli("token", "refresh")
    bogus = Token(
        access_token="bogus-access-token-0123456789", refresh_token="bogus-refresh-token-0123456789"
    )
    secrets.add("bogus access token", bogus.access_token)
    secrets.add("bogus refresh token", bogus.refresh_token)
    results["login with a bogus token"] = creator_login(cli, bogus)
    for name in ("secret file nowhere", "unknown webhook", "revoked: identity", "login with a bogus token"):
        assert results[name].exit_code != 0, name

    assert len(results) >= 20
    for name, result in results.items():
        secrets.assert_clean(result.stdout, f"stdout of `patreon {name}`")
        secrets.assert_clean(result.stderr, f"stderr of `patreon {name}`")
    secrets.assert_clean(caplog.text, "the logs at DEBUG while the commands ran")
