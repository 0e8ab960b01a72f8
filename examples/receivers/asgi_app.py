"""A webhook receiver as an ASGI app (Starlette; a FastAPI route looks the same: `await request.body()`).

Run it:  PATREON_WEBHOOK_SECRET=... uvicorn --factory examples.receivers.asgi_app:create_app
"""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from examples.receivers.common import (
    MAX_BODY_BYTES,
    WEBHOOK_PATH,
    EventHandler,
    areceive,
    configured_secret,
    log_event,
)


def create_app(
    secret: str | bytes | None = None, on_event: EventHandler = log_event, max_body: int = MAX_BODY_BYTES
) -> Starlette:
    """The app; `secret` defaults to $PATREON_WEBHOOK_SECRET (the webhook's `secret` attribute)."""
    key = configured_secret(secret)  # an empty or blank secret is refused here, before serving

    async def patreon_webhook(request: Request) -> PlainTextResponse:
        # The raw bytes (what Patreon signed), streamed: not `request.body()`, which reads it all.
        outcome = await areceive(request.headers, request.stream(), key, on_event, max_body)
        return PlainTextResponse(outcome.reason, status_code=outcome.status)

    return Starlette(routes=[Route(WEBHOOK_PATH, patreon_webhook, methods=["POST"])])
