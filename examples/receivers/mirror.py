"""Feed a member mirror from any of the receivers: `create_app(secret, on_event=mirror_events(mirror))`.

Each verified member delivery goes to `MemberMirror.apply` (patreon_members): stored once, in
order by the member's own fields, a repeat recognised. What the receiver answers follows from it
(in `check_delivery`): 200 when stored, and 200 for a repeat too (it is stored already, and a
non-2xx would only make Patreon send it again); 503 when the mirror's database could not store
it (locked, full, read-only, gone: `MirrorStorageError`), so that Patreon keeps the delivery
queued and sends it again [PD _webhooks.md: anything but a 2xx is retried].

A delivery the mirror cannot order (a downgrade or a cancellation moves no charge) is applied in
arrival order, the best guess, and the member is marked for a re-read from the API. Settle marks
with `mirror.reread(client)` every few minutes, outside the receiver; or pass `client=` here to
re-read such a member inside the receiver, at the cost of one API call in the answer's time (a
failing call is logged and the mark stays for the scheduled reread). A nightly `patreon members
sync` repairs whatever was lost anyway (docs/membership-recipes.md).
"""

from __future__ import annotations

import logging

from examples.receivers.common import EventHandler
from patreon_auth.webhooks import WebhookEvent
from patreon_generated import Patreon
from patreon_members import MemberMirror

logger = logging.getLogger("examples.receivers")


def mirror_events(
    mirror: MemberMirror, then: EventHandler | None = None, *, client: Patreon | None = None
) -> EventHandler:
    """A handler applying member deliveries to `mirror`, then calling `then` (if any) with every event.

    With `client`, a member a delivery left marked is re-read from the API at once.

    Post deliveries are not the mirror's: they only go to `then`. Errors are not caught here:
    `check_delivery` turns a storage failure into a non-2xx answer.
    """

    def on_event(event: WebhookEvent) -> None:
        if event.trigger.startswith("members:") and mirror.apply(event, client=client) is None:
            logger.info("patreon %s for member %s: a repeat, stored already", event.trigger, event.data.id)
        if then is not None:
            then(event)

    return on_event


__all__ = ["mirror_events"]
