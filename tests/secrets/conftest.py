"""A sandbox with every kind of secret in play: client secret, access and refresh tokens, a webhook secret."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import attrs
import pytest

from patreon_auth import PatreonCreatorClient, Token
from patreon_sandbox import Sandbox

# The `patreon` command's fixtures (run it in process against a served sandbox).
from tests.cli.conftest import cli, config_dir, logged_in, served  # noqa: F401

from .sweep import Secrets

TRIGGERS = ["members:pledge:create", "posts:publish"]


@attrs.frozen
class World:
    sandbox: Sandbox
    base_url: str
    token: Token
    webhook_id: str
    webhook_secret: str
    secrets: Secrets

    def creator_client(self, token: Token | None = None) -> PatreonCreatorClient:
        return PatreonCreatorClient(
            client_id=self.sandbox.client_id,
            client_secret=self.sandbox.client_secret,
            token=token or self.token,
            base_url=self.base_url,
        )


def secrets_of(sandbox: Sandbox, *tokens: Token) -> Secrets:
    found = Secrets()
    found.add("client secret", sandbox.client_secret)
    for number, token in enumerate(tokens):
        found.add(f"access token #{number}", token.access_token)
        found.add(f"refresh token #{number}", token.refresh_token)
    return found


@pytest.fixture
def world(caplog: pytest.LogCaptureFixture) -> Iterator[World]:
    """Served on loopback, so real HTTP (and its DEBUG logs) carries every secret."""
    caplog.set_level(logging.DEBUG)
    with Sandbox(seed=11, members=25, rate_limits=None) as sandbox, sandbox.serve_in_thread() as base_url:
        token = sandbox.creator_token()
        secrets = secrets_of(sandbox, token)
        with PatreonCreatorClient(
            client_id=sandbox.client_id, client_secret=sandbox.client_secret, token=token, base_url=base_url
        ) as client:
            webhook = client.webhooks.create(
                triggers=["members:pledge:create"],
                uri="https://receiver.example/hook",
                campaign_id=sandbox.campaign_id,
            ).data
        secret = webhook.attributes.secret
        assert secret
        secrets.add("webhook secret", secret)
        yield World(sandbox, base_url, token, webhook.id, secret, secrets)
        # Whatever the test did, nothing it logged (DEBUG included) holds a secret.
        secrets.assert_clean(caplog.text, "the logs at DEBUG")
        for record in caplog.records:
            if record.exc_info and record.exc_info[1] is not None:
                secrets.assert_object_clean(record.exc_info[1], f"the exception logged by {record.name}")
