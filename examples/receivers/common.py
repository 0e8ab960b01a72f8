"""What the three receivers share: verify, parse, pick the status. Framework code stays a few lines."""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterable, Callable, Iterable, Mapping
from functools import partial

import anyio.to_thread
import attrs

from patreon_auth import webhooks
from patreon_auth.errors import (
    ResponseValidationError,
    WebhookBodyTooLargeError,
    WebhookSecretError,
    WebhookSignatureError,
)
from patreon_auth.webhooks import WebhookEvent
from patreon_members import MembersError, MirrorStorageError

WEBHOOK_PATH = "/patreon/webhook"
SECRET_ENV = "PATREON_WEBHOOK_SECRET"
MAX_BODY_BYTES = webhooks.MAX_BODY_BYTES  # 1 MiB: each receiver takes another limit as an argument
READ_CHUNK = 64 * 1024  # how much a WSGI receiver reads at a time
OK = 200
BAD_BODY = 400
BAD_SIGNATURE = 403
TOO_LARGE = 413  # the body passed MAX_BODY_BYTES: refused unread, before any verification
NOT_CONFIGURED = 500  # not a 2xx: Patreon keeps the event queued and sends it again [PD _webhooks.md]
NOT_STORED = 503  # the handler's database could not store it (MirrorStorageError): send it again

EventHandler = Callable[[WebhookEvent], object]
logger = logging.getLogger("examples.receivers")


@attrs.frozen
class Outcome:
    """The HTTP status to answer with, and a short reason for the body (never the secret)."""

    status: int
    reason: str


def configured_secret(secret: str | bytes | None, environ: Mapping[str, str] | None = None) -> str | bytes:
    """`secret`, or $PATREON_WEBHOOK_SECRET; WebhookSecretError at startup when it is unset, empty or blank.

    Refused here rather than at the first delivery: an empty HMAC key is public, so a receiver
    started with `PATREON_WEBHOOK_SECRET=""` would accept anyone's forged events.
    """
    if secret is None:
        value = (os.environ if environ is None else environ).get(SECRET_ENV)
        if value is None:
            raise WebhookSecretError(f"${SECRET_ENV} is not set: give the webhook's `secret` attribute")
        secret = value
    webhooks.require_secret(secret)
    return secret


def log_event(event: WebhookEvent) -> None:
    """The default handler: one log line per event."""
    logger.info("patreon %s for %s %s", event.trigger, event.data.type, event.data.id)


Headers = Mapping[str, str] | Iterable[tuple[str, str]]


def receive(
    headers: Headers,
    read: Callable[[int], bytes],
    secret: str | bytes,
    on_event: EventHandler,
    max_body: int = MAX_BODY_BYTES,
) -> Outcome:
    """A WSGI receiver's whole job: read the body in chunks, at most `max_body` bytes, then check it.

    `read(n)` is the framework's raw body stream (Flask's `request.stream.read`, Django's `request.read`).
    """
    try:
        webhooks.check_content_length(headers, max_body)  # announced too large: 413 before reading
        body = webhooks.read_body(iter(lambda: read(READ_CHUNK), b""), max_body)
    except WebhookBodyTooLargeError:
        return too_large(max_body)
    return check_delivery(headers, body, secret, on_event, max_body)


async def areceive(
    headers: Headers,
    chunks: AsyncIterable[bytes],
    secret: str | bytes,
    on_event: EventHandler,
    max_body: int = MAX_BODY_BYTES,
) -> Outcome:
    """`receive` for an ASGI receiver: `chunks` is the request's body stream."""
    try:
        webhooks.check_content_length(headers, max_body)
        body = await webhooks.aread_body(chunks, max_body)
    except WebhookBodyTooLargeError:
        return too_large(max_body)
    # In a worker thread: the handler may block (a MemberMirror waits for its database's lock),
    # and the event loop must go on serving other requests meanwhile.
    return await anyio.to_thread.run_sync(partial(check_delivery, headers, body, secret, on_event, max_body))


def too_large(limit: int) -> Outcome:
    logger.warning("refused a webhook delivery larger than %d bytes", limit)
    return Outcome(TOO_LARGE, "body too large")


def check_delivery(
    headers: Headers,
    body: bytes,
    secret: str | bytes,
    on_event: EventHandler,
    max_body: int = MAX_BODY_BYTES,
) -> Outcome:
    """Verify the raw `body`, hand the event to `on_event`, and say what to answer.

    The receivers read the body with `webhooks.read_body` (or `aread_body`) first, which stops at
    `max_body` bytes; a larger body is 413 here too. Repeats are not filtered here: Patreon sends
    no delivery id, and the same signed bytes verify every time (docs/webhooks.md says how to
    handle each delivery once).
    """
    try:
        event = webhooks.verify_and_parse(headers, body, secret, max_body=max_body)
    except WebhookBodyTooLargeError as exc:
        return too_large(exc.limit)
    except WebhookSignatureError as exc:
        # 403, not 401: there is no credential the sender could retry with.
        logger.warning("rejected a webhook delivery: %s", exc)
        return Outcome(BAD_SIGNATURE, "bad signature")
    except WebhookSecretError as exc:
        # The secret was changed to an unusable one after startup (Django settings are read per
        # request): verify nothing, and answer non-2xx so the event is queued, not lost.
        logger.error("webhook receiver has no usable secret: %s", exc)
        return Outcome(NOT_CONFIGURED, "receiver not configured")
    except ResponseValidationError as exc:
        logger.warning("signed webhook body is not a Patreon event: %s", exc)
        return Outcome(BAD_BODY, "not a Patreon event")
    try:
        on_event(event)
    except MirrorStorageError as exc:
        # Locked, full, read-only or gone: answering 2xx would lose the delivery for good.
        logger.error("could not store a webhook delivery (%s): %s", event.trigger, exc)
        return Outcome(NOT_STORED, "not stored, send again")
    except MembersError as exc:
        # A member of another campaign, or without the fields entitlement reads: refused, nothing changed.
        logger.warning("the member mirror refused a webhook delivery (%s): %s", event.trigger, exc)
        return Outcome(BAD_BODY, "refused by the member mirror")
    return Outcome(OK, "ok")
