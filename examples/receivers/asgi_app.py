"""A webhook receiver as an ASGI app (Starlette; a FastAPI route looks the same: `await request.body()`).

Run it:  PATREON_WEBHOOK_SECRET=... uvicorn --factory examples.receivers.asgi_app:create_app
"""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from examples.receivers.common import WEBHOOK_PATH, EventHandler, check_delivery, configured_secret, log_event


def create_app(secret: str | bytes | None = None, on_event: EventHandler = log_event) -> Starlette:
    """The app; `secret` defaults to $PATREON_WEBHOOK_SECRET (the webhook's `secret` attribute)."""
    key = configured_secret(secret)  # an empty or blank secret is refused here, before serving

    async def patreon_webhook(request: Request) -> PlainTextResponse:
        body = await request.body()  # the raw bytes: what Patreon signed
        # In a worker thread: the handler may block (a MemberMirror waits for its database's lock).
        outcome = await run_in_threadpool(check_delivery, request.headers, body, key, on_event)
        return PlainTextResponse(outcome.reason, status_code=outcome.status)

    return Starlette(routes=[Route(WEBHOOK_PATH, patreon_webhook, methods=["POST"])])
