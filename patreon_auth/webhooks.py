"""Webhook signatures: HMAC-MD5 hex over the exact raw body, keyed with the webhook secret.

Patreon signs each delivery with ``X-Patreon-Signature: hex(HMAC-MD5(secret, raw body))`` and names
the trigger in ``X-Patreon-Event`` [PD _webhooks_v2.md; WP patreon_routing.php]. The raw bytes are
what is signed: re-serialising parsed JSON changes them, so this module never does. An empty or
blank secret is refused (WebhookSecretError), and a header that is not ASCII hex is a
WebhookSignatureError like any other mismatch: only the library's errors leave verification.

The body is bounded before it is verified: ``read_body``/``aread_body`` read a request body in
chunks and stop past ``MAX_BODY_BYTES`` (WebhookBodyTooLargeError, answer 413), and
``verify_and_parse`` refuses a larger body before computing the HMAC. Unsigned bytes cost a
receiver at most the limit, however many are sent.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import AsyncIterable, Iterable, Mapping
from typing import TYPE_CHECKING, cast

import attrs

from patreon_auth.errors import (
    ResponseValidationError,
    WebhookBodyTooLargeError,
    WebhookSecretError,
    WebhookSignatureError,
)

if TYPE_CHECKING:
    # Parsing loads the generated documents when an event arrives, so `import patreon_auth` stays light.
    from patreon_generated.documents import Document
    from patreon_generated.raw import MemberWebhookPayloadJSON, PostWebhookPayloadJSON
    from patreon_generated.resources import Member, Post
    from patreon_runtime.jsonapi import Resource

SIGNATURE_HEADER = "X-Patreon-Signature"
EVENT_HEADER = "X-Patreon-Event"
# The largest delivery body accepted by default. A member event carries the member, its user, the
# campaign and the member's tiers (a few KB from the sandbox); 1 MiB leaves room for long tier and
# campaign descriptions while an unsigned flood costs at most this much memory per request.
MAX_BODY_BYTES = 1024 * 1024


# What an unset-but-present setting leaves behind: `VAR=""`, `VAR=" "`, a file holding only a newline.
# Not every byte str.isspace() knows: RFC 2104's own HMAC-MD5 test key is sixteen 0x0b bytes.
_BLANK = b" \t\r\n"
_HEX_DIGITS = frozenset("0123456789abcdef")


def _encodes(text: str) -> bool:
    return not any("\ud800" <= char <= "\udfff" for char in text)


def require_secret(secret: str | bytes) -> bytes:
    """The HMAC key for ``secret``, or WebhookSecretError when it is empty, blank or not text.

    An empty key is a key everyone knows: anyone could sign a forged delivery with it. So a
    secret that reads as nothing (unset env var, empty file) is refused where it is configured,
    not quietly used to verify. The message never quotes the secret.
    """
    if isinstance(secret, str):
        # Checked, not caught: a caught UnicodeEncodeError would stay on the error as __context__,
        # and its repr quotes the whole secret.
        if not _encodes(secret):  # lone surrogates: not a secret Patreon issued
            raise WebhookSecretError("the webhook secret is not valid text")
        key = secret.encode("utf-8")
    elif isinstance(secret, bytes | bytearray):
        key = bytes(secret)
    else:
        raise WebhookSecretError(f"the webhook secret must be str or bytes, not {type(secret).__name__}")
    if not key.strip(_BLANK):
        raise WebhookSecretError(
            "the webhook secret is empty or blank: set it to the webhook's `secret` attribute"
        )
    return key


def sign(secret: str | bytes, body: bytes) -> str:
    """The lowercase hex HMAC-MD5 of ``body`` that Patreon puts in ``X-Patreon-Signature``."""
    return hmac.new(require_secret(secret), body, hashlib.md5).hexdigest()


def _hex_digest_of(signature: str | bytes) -> str | None:
    """The header as lowercase hex, or None when it cannot be a hex digest at all.

    Headers arrive as whatever the sender put there; hmac.compare_digest refuses non-ASCII str
    (TypeError), so anything that is not plain ASCII hex is a mismatch before comparing.
    """
    if isinstance(signature, bytes | bytearray):
        try:
            signature = bytes(signature).decode("ascii")
        except UnicodeDecodeError:
            return None
    given = signature.strip().lower()
    if not given.isascii() or not all(char in _HEX_DIGITS for char in given):
        return None
    return given


def verify_signature(secret: str | bytes, body: bytes, signature: str | bytes | None) -> bool:
    """True when ``signature`` matches ``body``; compared in constant time.

    A missing, malformed or wrong signature is False; an unusable secret raises WebhookSecretError.
    """
    expected = sign(secret, body)  # first: a bad secret is refused even when the header is missing
    if not signature:
        return False
    given = _hex_digest_of(signature)
    return given is not None and hmac.compare_digest(expected, given)


def require_valid_signature(secret: str | bytes, body: bytes, signature: str | bytes | None) -> None:
    """Raise WebhookSignatureError unless ``signature`` matches ``body`` (WebhookSecretError: bad secret)."""
    expected = sign(secret, body)
    if not signature:
        raise WebhookSignatureError(f"missing {SIGNATURE_HEADER} header")
    given = _hex_digest_of(signature)
    if given is None:
        # Not quoted: the header is attacker-controlled text headed for logs.
        raise WebhookSignatureError(f"{SIGNATURE_HEADER} is not a hex digest")
    if not hmac.compare_digest(expected, given):
        raise WebhookSignatureError("webhook signature does not match the body")


# --- bounding the body -----------------------------------------------------------------------


def body_too_large(limit: int) -> WebhookBodyTooLargeError:
    return WebhookBodyTooLargeError(
        f"webhook body is larger than {limit} bytes: refused before verifying it", limit=limit
    )


def check_content_length(
    headers: Mapping[str, str] | Iterable[tuple[str, str]], limit: int = MAX_BODY_BYTES
) -> None:
    """WebhookBodyTooLargeError when ``Content-Length`` announces more than ``limit`` bytes.

    Lets a receiver answer 413 before reading anything; a missing or unreadable header is left to
    ``read_body``, which counts what actually arrives.
    """
    value = _header(headers, "Content-Length")
    if value is not None and value.strip().isdigit() and int(value.strip()) > limit:
        raise body_too_large(limit)


def read_body(chunks: Iterable[bytes], limit: int = MAX_BODY_BYTES) -> bytes:
    """Join a request body's chunks, refusing it (WebhookBodyTooLargeError) past ``limit`` bytes.

    Stops reading at the first chunk past the limit, so at most ``limit`` bytes plus one chunk
    are ever held.
    """
    body = bytearray()
    for chunk in chunks:
        if len(body) + len(chunk) > limit:
            raise body_too_large(limit)
        body += chunk
    return bytes(body)


async def aread_body(chunks: AsyncIterable[bytes], limit: int = MAX_BODY_BYTES) -> bytes:
    """`read_body` for an async stream of chunks (an ASGI app's ``request.stream()``)."""
    body = bytearray()
    async for chunk in chunks:
        if len(body) + len(chunk) > limit:
            raise body_too_large(limit)
        body += chunk
    return bytes(body)


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
    headers: Mapping[str, str] | Iterable[tuple[str, str]],
    body: bytes,
    secret: str | bytes,
    *,
    max_body: int = MAX_BODY_BYTES,
) -> WebhookEvent:
    """Check `X-Patreon-Signature` over the raw body, then parse; headers match case-insensitively.

    A body over ``max_body`` bytes is refused first (WebhookBodyTooLargeError); read it with
    ``read_body`` to stop reading at the same limit.
    """
    if len(body) > max_body:
        raise body_too_large(max_body)
    require_valid_signature(secret, body, _header(headers, SIGNATURE_HEADER))
    trigger = _header(headers, EVENT_HEADER)
    if not trigger:
        raise WebhookSignatureError(f"missing {EVENT_HEADER} header")
    return parse_event(trigger, body)
