"""Patreon webhook receivers: each reads the raw body and calls `webhooks.verify_and_parse`.

The signature is HMAC-MD5 over the exact bytes Patreon sent [PD _webhooks_v2.md], so every
receiver reads the body before any framework parses it; parsed-then-reserialised JSON never
matches. A bad or missing signature gets 403, a body that is not a Patreon event 400, and a good
one 200 after the handler ran: Patreon retries anything but a 2xx [PD _webhooks.md]. A body over
`MAX_BODY_BYTES` (1 MiB unless the app is given another `max_body`) gets 413, and no more of it is
read than that: the signature cannot be checked before the whole body is in. An empty or
blank secret stops a receiver from starting (`configured_secret`): anyone can sign with that key.
`mirror.mirror_events(mirror)` feeds a member mirror; a delivery it could not store gets 503.
"""

from examples.receivers.common import (
    BAD_BODY,
    BAD_SIGNATURE,
    MAX_BODY_BYTES,
    NOT_CONFIGURED,
    NOT_STORED,
    OK,
    SECRET_ENV,
    TOO_LARGE,
    WEBHOOK_PATH,
    EventHandler,
    Outcome,
    check_delivery,
    configured_secret,
    log_event,
)

__all__ = [
    "BAD_BODY",
    "BAD_SIGNATURE",
    "MAX_BODY_BYTES",
    "NOT_CONFIGURED",
    "NOT_STORED",
    "OK",
    "SECRET_ENV",
    "TOO_LARGE",
    "WEBHOOK_PATH",
    "EventHandler",
    "Outcome",
    "check_delivery",
    "configured_secret",
    "log_event",
]
