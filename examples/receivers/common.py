"""What the three receivers share: verify, parse, pick the status. Framework code stays a few lines."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping

import attrs

from patreon_auth import webhooks
from patreon_auth.errors import ResponseValidationError, WebhookSignatureError
from patreon_auth.webhooks import WebhookEvent

WEBHOOK_PATH = "/patreon/webhook"
SECRET_ENV = "PATREON_WEBHOOK_SECRET"
OK = 200
BAD_BODY = 400
BAD_SIGNATURE = 403

EventHandler = Callable[[WebhookEvent], object]
logger = logging.getLogger("examples.receivers")


@attrs.frozen
class Outcome:
    """The HTTP status to answer with, and a short reason for the body (never the secret)."""

    status: int
    reason: str


def log_event(event: WebhookEvent) -> None:
    """The default handler: one log line per event."""
    logger.info("patreon %s for %s %s", event.trigger, event.data.type, event.data.id)


def check_delivery(
    headers: Mapping[str, str] | Iterable[tuple[str, str]],
    body: bytes,
    secret: str | bytes,
    on_event: EventHandler,
) -> Outcome:
    """Verify the raw `body`, hand the event to `on_event`, and say what to answer."""
    try:
        event = webhooks.verify_and_parse(headers, body, secret)
    except WebhookSignatureError as exc:
        # 403, not 401: there is no credential the sender could retry with.
        logger.warning("rejected a webhook delivery: %s", exc)
        return Outcome(BAD_SIGNATURE, "bad signature")
    except ResponseValidationError as exc:
        logger.warning("signed webhook body is not a Patreon event: %s", exc)
        return Outcome(BAD_BODY, "not a Patreon event")
    on_event(event)
    return Outcome(OK, "ok")
