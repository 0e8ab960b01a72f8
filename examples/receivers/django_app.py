# Django ships no type hints (django-stubs is not a dependency): its names are Any to mypy here.
# mypy: disable-error-code="import-untyped"
"""A webhook receiver as a Django view; events go out as the `patreon_event` signal.

In a project: add `path("patreon/webhook", patreon_webhook)` to your urls, set
`PATREON_WEBHOOK_SECRET` in settings, and connect a receiver to `patreon_event`.
Standalone:  PATREON_WEBHOOK_SECRET=... python -m examples.receivers.django_app runserver
To keep a member mirror, connect `feed = examples.receivers.mirror.mirror_events(mirror)` as
`patreon_event.connect(lambda sender, event, **_: feed(event), weak=False)`: `Signal.send` lets
the mirror's errors through, so a delivery it could not store is answered 503 and sent again.
"""

from __future__ import annotations

import os
import sys

from django.conf import settings
from django.dispatch import Signal
from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from examples.receivers.common import MAX_BODY_BYTES, WEBHOOK_PATH, configured_secret, log_event, receive
from patreon_auth.webhooks import WebhookEvent

# Sent with `event=` (a verified WebhookEvent) once per good delivery.
patreon_event = Signal()


def _send(event: WebhookEvent) -> None:
    patreon_event.send(sender=patreon_webhook, event=event)


def _receive(request: HttpRequest) -> HttpResponse:
    # The raw bytes, read from the request stream before anything parses them, at most
    # PATREON_WEBHOOK_MAX_BODY bytes (request.body would read up to Django's own 2.5 MB first).
    # An empty secret setting answers 500 (and verifies nothing): settings can change after configure().
    max_body = getattr(settings, "PATREON_WEBHOOK_MAX_BODY", MAX_BODY_BYTES)
    outcome = receive(request.headers, request.read, settings.PATREON_WEBHOOK_SECRET, _send, max_body)
    return HttpResponse(outcome.reason, status=outcome.status, content_type="text/plain")


# csrf_exempt: Patreon cannot send a CSRF token; the signature is what authenticates the request.
patreon_webhook = csrf_exempt(require_POST(_receive))


urlpatterns = [path(WEBHOOK_PATH.lstrip("/"), patreon_webhook)]


def configure(secret: str | None = None) -> None:
    """Minimal settings for running this file alone (a real project has its own settings)."""
    settings.configure(
        ROOT_URLCONF=__name__,
        ALLOWED_HOSTS=["127.0.0.1", "localhost", "testserver"],
        SECRET_KEY=os.environ.get("DJANGO_SECRET_KEY", "examples-only-not-secret"),
        MIDDLEWARE=[],
        INSTALLED_APPS=[],
        PATREON_WEBHOOK_SECRET=configured_secret(secret),  # empty or blank: refused before serving
    )
    import django

    django.setup()


def main() -> None:
    from django.core.management import execute_from_command_line

    configure()
    patreon_event.connect(lambda sender, event, **_: log_event(event), weak=False)
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
