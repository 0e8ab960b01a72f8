"""A sandbox with one webhook whose deliveries go to a receiver under test, in process."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import attrs
import httpx
import pytest

from patreon_auth import PatreonCreatorClient
from patreon_generated.literals import WebhookTrigger
from patreon_sandbox import Sandbox

RECEIVER_URI = "https://receiver.example/patreon/webhook"
TRIGGERS: list[WebhookTrigger] = ["members:pledge:create", "members:pledge:delete", "posts:publish"]

# What the sandbox calls for each delivery: the request it would POST, and the status the app answered.
Deliver = Callable[[httpx.Request], int]


@attrs.frozen
class Hook:
    sandbox: Sandbox
    webhook_id: str
    secret: str


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(seed=21, members=30, rate_limits=None) as sandbox:
        yield sandbox


def create_webhook(sandbox: Sandbox, uri: str = RECEIVER_URI) -> Hook:
    """Register a webhook the way an app does: through the API, as the creator."""
    with PatreonCreatorClient(
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        token=sandbox.creator_token(),
        transport=sandbox.transport(),
        base_url=sandbox.base_url,
    ) as client:
        webhook = client.webhooks.create(triggers=TRIGGERS, uri=uri, campaign_id=sandbox.campaign_id).data
    return Hook(sandbox, webhook.id, webhook.attributes.secret or "")
