"""A webhook receiver as a Flask app.

Run it:  PATREON_WEBHOOK_SECRET=... flask --app examples.receivers.flask_app run
"""

from __future__ import annotations

from flask import Flask, Response, request

from examples.receivers.common import WEBHOOK_PATH, EventHandler, check_delivery, configured_secret, log_event


def create_app(secret: str | bytes | None = None, on_event: EventHandler = log_event) -> Flask:
    """The app; `secret` defaults to $PATREON_WEBHOOK_SECRET (the webhook's `secret` attribute)."""
    key = configured_secret(secret)  # an empty or blank secret is refused here, before serving
    app = Flask(__name__)

    @app.post(WEBHOOK_PATH)
    def patreon_webhook() -> Response:
        # get_data() is the raw body; request.json would parse it and lose the signed bytes.
        outcome = check_delivery(request.headers, request.get_data(), key, on_event)
        return Response(outcome.reason, status=outcome.status, mimetype="text/plain")

    return app
