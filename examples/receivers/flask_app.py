"""A webhook receiver as a Flask app.

Run it:  PATREON_WEBHOOK_SECRET=... flask --app examples.receivers.flask_app run
"""

from __future__ import annotations

from flask import Flask, Response, request

from examples.receivers.common import (
    MAX_BODY_BYTES,
    WEBHOOK_PATH,
    EventHandler,
    configured_secret,
    log_event,
    receive,
)


def create_app(
    secret: str | bytes | None = None, on_event: EventHandler = log_event, max_body: int = MAX_BODY_BYTES
) -> Flask:
    """The app; `secret` defaults to $PATREON_WEBHOOK_SECRET (the webhook's `secret` attribute)."""
    key = configured_secret(secret)  # an empty or blank secret is refused here, before serving
    app = Flask(__name__)

    @app.post(WEBHOOK_PATH)
    def patreon_webhook() -> Response:
        # The raw body read from the stream, at most `max_body` bytes (get_data() would read it all;
        # request.json would parse it and lose the signed bytes).
        outcome = receive(request.headers, request.stream.read, key, on_event, max_body)
        return Response(outcome.reason, status=outcome.status, mimetype="text/plain")

    return app
