"""`--sandbox`: every command against a fresh in-process sandbox, with no credentials and no files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from .conftest import Run

MEMBERS = 60


def sandbox(cli: Run, *argv: str, stdin: str = "") -> tuple[int, str, str]:
    result = cli("--sandbox", "--sandbox-members", str(MEMBERS), *argv, stdin=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_identity_and_campaigns(cli: Run) -> None:
    code, out, _ = sandbox(cli, "--json", "identity")
    assert code == 0
    me = json.loads(out)
    assert me["attributes"]["full_name"] and me["campaign_id"]
    code, out, _ = sandbox(cli, "--json", "campaigns")
    assert code == 0
    assert [c["id"] for c in json.loads(out)] == [me["campaign_id"]]
    code, out, _ = sandbox(cli, "campaigns")
    assert code == 0 and me["campaign_id"] in out and "patrons" in out


def test_user_oauth_login_goes_through_the_loopback_listener(cli: Run, config_dir: Path) -> None:
    code, _, err = sandbox(cli, "login")
    assert code == 0, err
    assert "logged in to the embedded sandbox as" in err
    assert not config_dir.exists()  # --sandbox never writes the config dir


def test_creator_token_login(cli: Run) -> None:
    code, _, err = sandbox(cli, "login", "--creator-token")
    assert code == 0, err


def test_token_show_and_refresh_are_masked(cli: Run) -> None:
    code, out, _ = sandbox(cli, "--json", "token", "show")
    assert code == 0
    shown = json.loads(out)
    assert shown["access_token"].endswith("(43 chars)") and "…" in shown["access_token"]
    assert shown["stored_in"].startswith("memory")
    code, out, err = sandbox(cli, "--json", "token", "refresh")
    assert code == 0 and "token refreshed" in err
    assert json.loads(out)["access_token"] != shown["access_token"]


def test_members_export_to_stdout(cli: Run) -> None:
    code, out, err = sandbox(cli, "members", "export", "--no-progress")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == MEMBERS
    assert f"exported {MEMBERS} members" in err


def test_webhooks_create_then_list_in_one_process_each(cli: Run) -> None:
    code, out, err = sandbox(cli, "--json", "webhooks", "create", "--uri", "https://example.com/hook")
    assert code == 0, err
    [created] = json.loads(out)
    assert created["attributes"]["uri"] == "https://example.com/hook"
    assert created["attributes"]["secret"].endswith("chars)")
    # Each --sandbox command gets a fresh world, so the next one starts with no webhooks.
    code, out, _ = sandbox(cli, "--json", "webhooks", "list")
    assert code == 0 and json.loads(out) == []
