"""Webhook signatures: HMAC-MD5 hex over the exact raw body, keyed with the webhook secret.

Patreon signs each delivery with ``X-Patreon-Signature: hex(HMAC-MD5(secret, raw body))`` and names
the trigger in ``X-Patreon-Event`` [PD _webhooks_v2.md; WP patreon_routing.php]. The raw bytes are
what is signed: re-serialising parsed JSON changes them, so this module never does.
"""

from __future__ import annotations

import hashlib
import hmac

from patreon_auth.errors import WebhookSignatureError

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
