"""Webhook signatures: HMAC-MD5 hex over the exact raw body, keyed with the webhook secret.

Patreon signs each delivery with ``X-Patreon-Signature: hex(HMAC-MD5(secret, raw body))`` and names
the trigger in ``X-Patreon-Event`` [PD _webhooks_v2.md; WP patreon_routing.php]. The raw bytes are
what is signed: re-serialising parsed JSON changes them, so this module never does.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, cast

import attrs

from patreon_auth.errors import ResponseValidationError, WebhookSignatureError

if TYPE_CHECKING:
    # Parsing loads the generated documents when an event arrives, so `import patreon_auth` stays light.
    from patreon_generated.documents import Document
    from patreon_generated.raw import MemberWebhookPayloadJSON, PostWebhookPayloadJSON
    from patreon_generated.resources import Member, Post
    from patreon_runtime.jsonapi import Resource

SIGNATURE_HEADER = "X-Patreon-Signature"
EVENT_HEADER = "X-Patreon-Event"


def _key(secret: str | bytes) -> bytes:
    return secret.encode("utf-8") if isinstance(secret, str) else secret


def sign(secret: str | bytes, body: bytes) -> str:
    """The lowercase hex HMAC-MD5 of ``body`` that Patreon puts in ``X-Patreon-Signature``."""
    return hmac.new(_key(secret), body, hashlib.md5).hexdigest()


def verify_signature(secret: str | bytes, body: bytes, signature: str | bytes | None) -> bool:
    """True when ``signature`` matches ``body``; compared in constant time."""
    if not signature:
        return False
    given = signature.decode("ascii", errors="replace") if isinstance(signature, bytes) else signature
    return hmac.compare_digest(sign(secret, body), given.strip().lower())


def require_valid_signature(secret: str | bytes, body: bytes, signature: str | bytes | None) -> None:
    """Raise WebhookSignatureError unless ``signature`` matches ``body``."""
    if not signature:
        raise WebhookSignatureError(f"missing {SIGNATURE_HEADER} header")
    if not verify_signature(secret, body, signature):
        raise WebhookSignatureError("webhook signature does not match the body")


# --- parsing ---------------------------------------------------------------------------------


@attrs.frozen
class WebhookEvent:
    """One verified delivery: the trigger and the JSON:API document Patreon sent.

    Member triggers carry a member document (with `user`, `campaign`, tiers in `included`);
    post triggers carry a post document [PD _webhooks_v2.md; PAT issue #89].
    """

    trigger: str
    document: Document[Resource]

    @property
    def data(self) -> Resource:
        return self.document.data

    @property
    def raw(self) -> MemberWebhookPayloadJSON | PostWebhookPayloadJSON:
        """The payload as parsed from JSON, typed by the spec's webhook payload schemas (`raw.py`)."""
        return cast("MemberWebhookPayloadJSON | PostWebhookPayloadJSON", self.document.raw)

    @property
    def member(self) -> Member | None:
        from patreon_generated.resources import Member

        data = self.document.data
        return data if isinstance(data, Member) else None

    @property
    def post(self) -> Post | None:
        from patreon_generated.resources import Post

        data = self.document.data
        return data if isinstance(data, Post) else None


def parse_event(trigger: str, body: bytes) -> WebhookEvent:
    """Parse a delivery body into a typed event; unknown triggers are kept, a bad body raises."""
    from patreon_generated.documents import Document
    from patreon_generated.schema import WEBHOOK_TRIGGERS
    from patreon_runtime.jsonapi import Resource, decode_body

    document = Document[Resource](decode_body(body, 200))
    expected = WEBHOOK_TRIGGERS.get(trigger)
    if expected is not None and document.data.type != expected:
        raise ResponseValidationError(
            f"a {trigger!r} event should carry a {expected!r}, got {document.data.type!r}"
        )
    return WebhookEvent(trigger=trigger, document=document)


def _header(headers: Mapping[str, str] | Iterable[tuple[str, str]], name: str) -> str | None:
    items = headers.items() if isinstance(headers, Mapping) else headers
    wanted = name.lower()
    for key, value in items:
        if key.lower() == wanted:
            return value
    return None


def verify_and_parse(
    headers: Mapping[str, str] | Iterable[tuple[str, str]], body: bytes, secret: str | bytes
) -> WebhookEvent:
    """Check `X-Patreon-Signature` over the raw body, then parse; headers match case-insensitively."""
    require_valid_signature(secret, body, _header(headers, SIGNATURE_HEADER))
    trigger = _header(headers, EVENT_HEADER)
    if not trigger:
        raise WebhookSignatureError(f"missing {EVENT_HEADER} header")
    return parse_event(trigger, body)
