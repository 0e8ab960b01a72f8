"""examples/receivers/asgi_app.py (Starlette) with events the sandbox delivers, in process and on loopback.

In process the app is called through httpx's ASGITransport (Starlette's TestClient is httpx
underneath and warns that it is moving off it).
"""

from __future__ import annotations

import asyncio

import httpx
from starlette.applications import Starlette

from examples.receivers import WEBHOOK_PATH
from examples.receivers.asgi_app import create_app
from examples.serving import bind_loopback, serve_asgi, url_of
from patreon_auth.webhooks import WebhookEvent
from patreon_sandbox import Sandbox

from . import cases
from .conftest import Deliver, create_webhook


def call(app: Starlette, method: str, content: bytes = b"", headers: httpx.Headers | None = None) -> int:
    async def send() -> int:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="https://receiver.example") as client:
            response = await client.request(method, WEBHOOK_PATH, content=content, headers=headers)
            return response.status_code

    return asyncio.run(send())


def in_process(app: Starlette) -> Deliver:
    def deliver(request: httpx.Request) -> int:
        return call(app, "POST", request.content, request.headers)

    return deliver


def test_sandbox_events_arrive_verified(sandbox: Sandbox) -> None:
    hook = create_webhook(sandbox)
    events: list[WebhookEvent] = []
    app = create_app(hook.secret, on_event=events.append)
    cases.sandbox_events_arrive_verified(sandbox, in_process(app), events)


def test_forged_deliveries_are_refused(sandbox: Sandbox) -> None:
    hook = create_webhook(sandbox)
    events: list[WebhookEvent] = []
    app = create_app(hook.secret, on_event=events.append)
    cases.forged_deliveries_are_refused(sandbox, in_process(app), events, hook.secret)
    assert call(app, "GET") == 405


def test_over_real_loopback_http(sandbox: Sandbox) -> None:
    """No in-process shortcut: the sandbox POSTs to a uvicorn server on 127.0.0.1."""
    sock = bind_loopback()
    hook = create_webhook(sandbox, uri=url_of(sock) + WEBHOOK_PATH)
    events: list[WebhookEvent] = []
    with serve_asgi(create_app(hook.secret, on_event=events.append), sock):
        member_id = sandbox.add_pledge()
    assert [d.status for d in sandbox.deliveries] == [200]
    assert [(e.trigger, e.data.id) for e in events] == [("members:pledge:create", member_id)]
