# Django ships no type hints (django-stubs is not a dependency).
# mypy: disable-error-code="import-untyped"
"""examples/receivers/django_app.py with events the sandbox delivers, through Django's test client."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from django.conf import settings
from django.test import Client
from django.test.utils import override_settings

from examples.receivers import WEBHOOK_PATH, django_app
from patreon_auth.webhooks import WebhookEvent
from patreon_sandbox import Sandbox

from . import cases
from .conftest import Deliver, Hook, create_webhook


@pytest.fixture
def hook(sandbox: Sandbox) -> Iterator[Hook]:
    if not settings.configured:  # Django settings are per process: configure once
        django_app.configure(secret="replaced-per-test")
    hook = create_webhook(sandbox)
    with override_settings(PATREON_WEBHOOK_SECRET=hook.secret):
        yield hook


@pytest.fixture
def events() -> Iterator[list[WebhookEvent]]:
    received: list[WebhookEvent] = []

    def on_event(sender: Any, event: WebhookEvent, **_: Any) -> None:
        received.append(event)

    django_app.patreon_event.connect(on_event)
    yield received
    django_app.patreon_event.disconnect(on_event)


def through_test_client(client: Client) -> Deliver:
    def deliver(request: httpx.Request) -> int:
        headers = {k: v for k, v in request.headers.items() if k.lower() != "content-type"}
        response = client.post(
            WEBHOOK_PATH, data=request.content, content_type=request.headers["content-type"], headers=headers
        )
        status: int = response.status_code
        return status

    return deliver


def test_sandbox_events_arrive_verified(sandbox: Sandbox, hook: Hook, events: list[WebhookEvent]) -> None:
    cases.sandbox_events_arrive_verified(sandbox, through_test_client(Client()), events)


def test_forged_deliveries_are_refused(sandbox: Sandbox, hook: Hook, events: list[WebhookEvent]) -> None:
    client = Client()
    cases.forged_deliveries_are_refused(sandbox, through_test_client(client), events, hook.secret)
    assert client.get(WEBHOOK_PATH).status_code == 405
