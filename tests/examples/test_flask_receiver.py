"""examples/receivers/flask_app.py with events the sandbox delivers, through Flask's test client."""

from __future__ import annotations

import httpx
from flask.testing import FlaskClient

from examples.receivers import WEBHOOK_PATH
from examples.receivers.flask_app import create_app
from patreon_auth.webhooks import WebhookEvent
from patreon_sandbox import Sandbox

from . import cases
from .conftest import Deliver, create_webhook


def through_test_client(client: FlaskClient) -> Deliver:
    def deliver(request: httpx.Request) -> int:
        return client.post(WEBHOOK_PATH, data=request.content, headers=dict(request.headers)).status_code

    return deliver


def test_sandbox_events_arrive_verified(sandbox: Sandbox) -> None:
    hook = create_webhook(sandbox)
    events: list[WebhookEvent] = []
    client = create_app(hook.secret, on_event=events.append).test_client()
    cases.sandbox_events_arrive_verified(sandbox, through_test_client(client), events)


def test_forged_deliveries_are_refused(sandbox: Sandbox) -> None:
    hook = create_webhook(sandbox)
    events: list[WebhookEvent] = []
    client = create_app(hook.secret, on_event=events.append).test_client()
    cases.forged_deliveries_are_refused(sandbox, through_test_client(client), events, hook.secret)
    assert client.get(WEBHOOK_PATH).status_code == 405


def test_wsgi_transport_delivery(sandbox: Sandbox) -> None:
    """The sandbox can also deliver straight into the WSGI app through an httpx transport."""
    hook = create_webhook(sandbox)
    events: list[WebhookEvent] = []
    sandbox.deliver_to(
        "https://receiver.example/patreon/webhook",
        httpx.WSGITransport(app=create_app(hook.secret, on_event=events.append)),
    )
    sandbox.trigger("posts:publish")
    assert [d.status for d in sandbox.deliveries] == [200]
    assert events[0].post is not None
