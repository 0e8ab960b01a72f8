"""Every failure: a one-line message (and a hint), no traceback, no secret, and its own exit code."""

from __future__ import annotations

import argparse
import socket
from pathlib import Path

import pytest

from patreon_auth import Token
from patreon_auth.stores import FileStore
from patreon_cli import failures
from patreon_cli.commands import identity
from patreon_sandbox import Sandbox

from .conftest import Run


def assert_clean(result_output: str, *secrets: str | None) -> None:
    assert "Traceback" not in result_output
    assert result_output.startswith("error: ") or "\nerror: " in result_output
    for secret in secrets:
        assert not secret or secret not in result_output


def test_not_logged_in(cli: Run) -> None:
    result = cli("identity")
    assert result.exit_code == failures.NOT_CONFIGURED
    assert_clean(result.stderr)
    assert "not logged in" in result.stderr and "patreon login" in result.stderr


def test_login_without_a_client(cli: Run) -> None:
    result = cli("login", "--creator-token")
    assert result.exit_code == failures.NOT_CONFIGURED
    assert "client id" in result.stderr


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["members", "export", "--fields", "ful_name"], "member has no attribute 'ful_name'"),
        (["members", "export", "--fields", "tire=title"], "no resource type 'tire'"),
        (["members", "export", "--include", "users"], "no relationship 'users'"),
        (["webhooks", "create", "--uri", "https://x.test", "--trigger", "members:pledge"], "unknown trigger"),
        (["webhooks", "update", "123"], "nothing to change"),
        (["login", "--redirect-uri", "https://example.com/callback"], "--redirect-uri must be"),
    ],
)
def test_usage_errors(cli: Run, served: Sandbox, logged_in: Token, argv: list[str], message: str) -> None:
    result = cli(*argv)
    assert result.exit_code == failures.USAGE
    assert_clean(result.stderr)
    assert message in result.stderr


def test_revoked_token_cannot_refresh(cli: Run, served: Sandbox, logged_in: Token) -> None:
    served.revoke(logged_in)
    result = cli("identity")
    assert result.exit_code == failures.AUTH
    assert_clean(result.stderr, logged_in.access_token, logged_in.refresh_token, served.client_secret)
    assert "could not refresh" in result.stderr and "patreon login" in result.stderr


def test_missing_scope_says_which(cli: Run, served: Sandbox, config_dir: Path) -> None:
    token = served.creator_token(scopes=["identity", "campaigns"])
    assert cli("login", "--creator-token", stdin=f"{token.access_token}\n\n").exit_code == 0
    result = cli("webhooks", "list")
    # Patreon says 401 for a missing scope [PD _errors.md]; the fix is logging in with it.
    assert result.exit_code == failures.AUTH
    assert_clean(result.stderr, token.access_token)
    assert "w:campaigns.webhook" in result.stderr and "--scope" in result.stderr
    assert "--creator-token" in result.stderr and "every scope" in result.stderr


def test_unknown_webhook_is_not_found(cli: Run, served: Sandbox, logged_in: Token) -> None:
    result = cli("webhooks", "delete", "999999999")
    assert result.exit_code == failures.NOT_FOUND
    assert_clean(result.stderr)


def test_server_errors_after_retries(cli: Run, served: Sandbox, logged_in: Token, tmp_path: Path) -> None:
    served.faults.add(route="members", status=503)
    target = tmp_path / "members.csv"
    result = cli("members", "export", "--campaign", served.campaign_id, "-o", str(target), "--no-progress")
    assert result.exit_code == failures.UNAVAILABLE
    assert_clean(result.stderr)
    # A failed export leaves neither a half-written file nor its temp file behind.
    assert list(tmp_path.iterdir()) == [tmp_path / "config"]


def test_rate_limited(cli: Run, served: Sandbox, logged_in: Token) -> None:
    served.faults.add(route="campaigns", status=429)
    result = cli("campaigns")
    assert result.exit_code == failures.RATE_LIMITED
    assert_clean(result.stderr)


def test_body_that_is_not_json(cli: Run, served: Sandbox, logged_in: Token) -> None:
    served.faults.add(route="campaigns", truncate=True)
    result = cli("campaigns")
    assert result.exit_code == failures.BAD_RESPONSE
    assert_clean(result.stderr)


def test_nothing_listening(
    cli: Run, served: Sandbox, logged_in: Token, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as probe:  # a port that was free a moment ago
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("PATREON_BASE_URL", f"http://127.0.0.1:{port}")
    result = cli("identity")
    assert result.exit_code == failures.UNAVAILABLE
    assert_clean(result.stderr)
    assert "cannot reach Patreon" in result.stderr


def test_corrupt_token_file(cli: Run, served: Sandbox, logged_in: Token, config_dir: Path) -> None:
    (config_dir / "token.json").write_text("{not json")
    result = cli("identity")
    assert result.exit_code == failures.STORE
    assert_clean(result.stderr)
    assert "token.json" in result.stderr


def test_corrupt_config_file(cli: Run, config_dir: Path) -> None:
    FileStore(config_dir / "token.json").put(Token(access_token="a" * 43))
    (config_dir / "config.json").write_text("[1, 2]")
    result = cli("identity")
    assert result.exit_code == failures.FAILURE
    assert "config.json is not a JSON object" in result.stderr


def test_ctrl_c(cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(args: argparse.Namespace, *_: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(identity, "run", interrupted)
    result = cli("--sandbox", "identity")
    assert result.exit_code == failures.INTERRUPTED
    assert result.stderr == "error: interrupted\n"


def test_wrong_client_secret_says_so_not_that_the_token_is_spent(
    cli: Run, served: Sandbox, logged_in: Token, monkeypatch: pytest.MonkeyPatch
) -> None:
    served.revoke(logged_in)  # the next call needs a refresh, which authenticates the client
    monkeypatch.setenv("PATREON_CLIENT_SECRET", "not-the-secret")
    result = cli("identity")
    assert result.exit_code == failures.NOT_CONFIGURED
    assert_clean(result.stderr, logged_in.access_token, logged_in.refresh_token, served.client_secret)
    assert "client id or client secret" in result.stderr and "invalid_client" in result.stderr
    assert "PATREON_CLIENT_SECRET" in result.stderr
    assert "used up" not in result.stderr and "spent or revoked" not in result.stderr
