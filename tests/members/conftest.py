"""Fixtures for the membership tests: a sandbox world, a creator client on it, a mirror file."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from patreon_auth import PatreonCreatorClient
from patreon_auth.webhooks import WebhookEvent, sign, verify_and_parse
from patreon_generated.literals import WebhookTrigger
from patreon_sandbox import Sandbox
from tests.fleet.conftest import postgres_server
from tests.integration.clients import async_creator, creator

__all__ = ["async_creator", "creator", "postgres_server"]

MEMBER_TRIGGERS: list[WebhookTrigger] = [
    "members:create",
    "members:update",
    "members:delete",
    "members:pledge:create",
    "members:pledge:update",
    "members:pledge:delete",
]
HOOK_URI = "https://app.example/patreon/webhook"


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    """120 members of every kind, rate limits off (a resync pages the whole campaign)."""
    with Sandbox(seed=11, members=120, rate_limits=None) as sandbox:
        yield sandbox


@pytest.fixture
def client(sandbox: Sandbox) -> Iterator[PatreonCreatorClient]:
    with creator(sandbox) as client:
        yield client


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "members.db"


class Deliveries:
    """A webhook on the sandbox whose deliveries are kept (headers, raw body) to apply in any order."""

    def __init__(self, sandbox: Sandbox, client: PatreonCreatorClient) -> None:
        created = client.webhooks.create(
            campaign_id=sandbox.campaign_id, triggers=MEMBER_TRIGGERS, uri=HOOK_URI
        )
        secret = created.data.attributes.secret
        assert secret is not None
        self.secret = secret
        self.kept: list[tuple[dict[str, str], bytes]] = []
        sandbox.deliver_to(HOOK_URI, self._receive)

    def _receive(self, request: httpx.Request) -> int:
        self.kept.append((dict(request.headers), request.content))
        return 200

    def events(self) -> list[WebhookEvent]:
        return [verify_and_parse(headers, body, self.secret) for headers, body in self.kept]

    def take(self) -> list[WebhookEvent]:
        events = self.events()
        self.kept.clear()
        return events


@pytest.fixture
def deliveries(sandbox: Sandbox, client: PatreonCreatorClient) -> Deliveries:
    return Deliveries(sandbox, client)


def event_from(body: dict[str, Any], trigger: str, secret: str = "s3cret") -> WebhookEvent:
    """A verified event for a hand-edited payload: signed, then verified like a real delivery."""
    raw = json.dumps(body).encode()
    headers = {"X-Patreon-Event": trigger, "X-Patreon-Signature": sign(secret, raw)}
    return verify_and_parse(headers, raw, secret)


def body_of(document: Any) -> dict[str, Any]:
    """A deep copy of a document's JSON, to edit into another delivery."""
    body: dict[str, Any] = copy.deepcopy(dict(document.raw))
    return body
