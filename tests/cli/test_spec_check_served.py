"""`patreon spec check` the way a user runs it: logged in, over loopback HTTP, report to a file."""

from __future__ import annotations

import json
from pathlib import Path

from patreon_auth import Token
from patreon_auth.stores import FileStore
from patreon_cli.commands.spec import DRIFT
from patreon_cli.config import ConfigDir
from patreon_sandbox import Sandbox

from .conftest import Run


def test_a_logged_in_check_over_http_reports_drift_without_secrets(
    cli: Run, served: Sandbox, logged_in: Token, tmp_path: Path
) -> None:
    clean = cli("spec", "check", "--min-interval", "0", "--format", "json")
    assert clean.exit_code == 0, clean.output
    assert all(call["status"] == 200 for call in json.loads(clean.stdout)["calls"])

    served.drift.enable("unknown-type")
    served.drift.enable("nullability")
    report = tmp_path / "drift.json"
    drifted = cli("spec", "check", "--min-interval", "0", "--format", "json", "-o", str(report))
    assert drifted.exit_code == DRIFT, drifted.output
    data = json.loads(report.read_text())
    assert {f["kind"] for f in data["findings"]} >= {"unknown-type", "nullability"}
    assert data["about"]["api_host"].startswith("127.0.0.1:")
    text = report.read_text() + drifted.output
    secrets = [logged_in.access_token, logged_in.refresh_token, served.client_secret, served.client_id]
    assert all(secrets) and not [secret for secret in secrets if secret and secret in text]


def test_a_user_token_checks_only_what_its_scopes_allow(cli: Run, served: Sandbox, config_dir: Path) -> None:
    # A user's token from "Log in with Patreon" records the scopes it was granted.
    patron = next(user for user in served.users if not user.is_creator)
    token = served.user_token(patron, scopes=["identity", "identity.memberships"])
    FileStore(ConfigDir(config_dir).token_file).put(token)
    result = cli("spec", "check", "--min-interval", "0", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [call["operation"] for call in data["calls"]] == ["get_identity"]
    assert data["skipped"]["list_webhooks"] == "the token lacks w:campaigns.webhook"
    assert data["skipped"]["list_campaigns"] == "the token lacks campaigns"
