"""The same checks for every receiver: real sandbox events verify; forged, unsigned or junk ones do not."""

from __future__ import annotations

import hashlib
import hmac

import httpx

from patreon_auth import webhooks
from patreon_auth.webhooks import WebhookEvent
from patreon_sandbox import Sandbox

from .conftest import RECEIVER_URI, Deliver


def sandbox_events_arrive_verified(sandbox: Sandbox, deliver: Deliver, events: list[WebhookEvent]) -> None:
    sandbox.deliver_to(RECEIVER_URI, deliver)
    member_id = sandbox.add_pledge()
    sandbox.delete_pledge(member_id)
    post_id = sandbox.publish_post(title="Hello patrons")

    assert [d.status for d in sandbox.deliveries] == [200, 200, 200]
    assert [e.trigger for e in events] == ["members:pledge:create", "members:pledge:delete", "posts:publish"]
    created, deleted, published = events
    assert created.member is not None and created.member.id == member_id
    assert created.member.attributes.patron_status == "active_patron"
    user = created.document.related(created.member, "user")
    assert user is not None and user.attributes.full_name
    assert deleted.member is not None and deleted.member.attributes.patron_status == "former_patron"
    assert published.post is not None and published.post.id == post_id
    assert published.post.attributes.title == "Hello patrons"


def _last_body(sandbox: Sandbox) -> tuple[dict[str, str], bytes]:
    sandbox.trigger("members:pledge:create")
    last = sandbox.deliveries[-1]
    return dict(last.headers), last.body


def forged_deliveries_are_refused(
    sandbox: Sandbox, deliver: Deliver, events: list[WebhookEvent], secret: str
) -> None:
    sandbox.deliver_to(RECEIVER_URI, deliver)
    headers, body = _last_body(sandbox)
    assert len(events) == 1  # the genuine one
    events.clear()

    def post(content: bytes, changed: dict[str, str | bytes | None]) -> int:
        merged = {**headers, **changed}
        # Raw bytes on the wire, so a test can send what no str header can (non-ASCII signatures).
        sent = {
            k.encode(): v if isinstance(v, bytes) else v.encode() for k, v in merged.items() if v is not None
        }
        return deliver(httpx.Request("POST", RECEIVER_URI, headers=sent, content=content))

    signature = webhooks.SIGNATURE_HEADER
    assert post(body, {signature: "0" * 32}) == 403  # wrong signature
    assert post(body, {signature: None}) == 403  # unsigned
    assert post(body + b" ", {}) == 403  # body changed after signing
    assert post(body, {webhooks.EVENT_HEADER: None}) == 403  # no trigger named
    # Non-ASCII "digits" (sent as raw UTF-8 bytes; servers decode them as Latin-1) were a TypeError: 500.
    assert post(body, {signature: "é".encode() * 16}) == 403
    assert post(body, {signature: b"\xff" * 32}) == 403
    junk = b'{"not": "a document"}'
    assert post(junk, {signature: webhooks.sign(secret, junk)}) == 400  # signed, but not an event
    assert events == []


def an_empty_secret_verifies_nothing(
    sandbox: Sandbox, deliver: Deliver, events: list[WebhookEvent], blank: str
) -> None:
    """A receiver whose secret became blank after startup answers 500 (queued by Patreon), never 200."""
    sandbox.deliver_to(RECEIVER_URI, deliver)
    headers, body = _last_body(sandbox)
    assert sandbox.deliveries[-1].status == 500
    forged = {**headers, webhooks.SIGNATURE_HEADER: hmac.new(blank.encode(), body, hashlib.md5).hexdigest()}
    assert deliver(httpx.Request("POST", RECEIVER_URI, headers=forged, content=body)) == 500
    assert events == []
