"""Webhook signatures (HMAC-MD5 over raw bytes) and typed events."""

from __future__ import annotations

import json

import pytest

from patreon_auth import webhooks
from patreon_auth.errors import ResponseValidationError, WebhookSignatureError
from patreon_generated.resources import Member, User

# RFC 2104 appendix test vector for HMAC-MD5: an independent check of the algorithm and encoding.
RFC2104_KEY = b"\x0b" * 16
RFC2104_DATA = b"Hi There"
RFC2104_DIGEST = "9294727a3638bb1c13f48ef8158bfc9d"

SECRET = "whsec-test"
# Deliberately not compact: re-serialising parsed JSON would change these bytes.
BODY = (
    b'{ "data": {"type": "member", "id": "m-1",\n  "attributes": {"full_name": "Ada", "patron_status": "active_patron"},'
    b' "relationships": {"user": {"data": {"type": "user", "id": "u-1"}}}},\n'
    b' "included": [{"type": "user", "id": "u-1", "attributes": {"full_name": "Ada L"}}] }'
)


def test_sign_matches_rfc2104_vector() -> None:
    assert webhooks.sign(RFC2104_KEY, RFC2104_DATA) == RFC2104_DIGEST


def test_verify_accepts_str_or_bytes_secret_and_any_hex_case() -> None:
    signature = webhooks.sign(SECRET, BODY)
    assert webhooks.verify_signature(SECRET, BODY, signature)
    assert webhooks.verify_signature(SECRET.encode(), BODY, signature.upper())
    assert webhooks.verify_signature(SECRET, BODY, signature.encode())


@pytest.mark.parametrize(
    "mutate",
    [
        lambda b: b + b" ",
        lambda b: b.replace(b"Ada", b"Eve"),
        lambda b: json.dumps(json.loads(b)).encode(),  # re-serialised: same JSON, other bytes
    ],
)
def test_tampered_or_reserialised_body_fails(mutate: object) -> None:
    signature = webhooks.sign(SECRET, BODY)
    assert callable(mutate)
    assert not webhooks.verify_signature(SECRET, mutate(BODY), signature)


def test_wrong_secret_or_missing_signature_fails() -> None:
    assert not webhooks.verify_signature("other", BODY, webhooks.sign(SECRET, BODY))
    assert not webhooks.verify_signature(SECRET, BODY, None)
    assert not webhooks.verify_signature(SECRET, BODY, "")


def test_verify_and_parse_with_case_insensitive_headers() -> None:
    headers = {"x-patreon-event": "members:pledge:create", "X-PATREON-SIGNATURE": webhooks.sign(SECRET, BODY)}
    event = webhooks.verify_and_parse(headers, BODY, SECRET)
    assert event.trigger == "members:pledge:create"
    member = event.member
    assert isinstance(member, Member)
    assert member.attributes.full_name == "Ada"
    user = event.document.related(member, "user")
    assert isinstance(user, User)
    assert user.attributes.full_name == "Ada L"
    assert event.post is None
    assert event.raw["data"]["id"] == "m-1"  # typed by raw.MemberWebhookPayloadJSON


def test_verify_and_parse_accepts_header_pairs() -> None:
    pairs = [("X-Patreon-Event", "members:update"), ("X-Patreon-Signature", webhooks.sign(SECRET, BODY))]
    assert webhooks.verify_and_parse(pairs, BODY, SECRET).trigger == "members:update"


def test_verify_and_parse_rejects_missing_or_wrong_signature() -> None:
    with pytest.raises(WebhookSignatureError, match="missing"):
        webhooks.verify_and_parse({"X-Patreon-Event": "members:update"}, BODY, SECRET)
    with pytest.raises(WebhookSignatureError, match="does not match"):
        webhooks.verify_and_parse(
            {"X-Patreon-Event": "members:update", "X-Patreon-Signature": "0" * 32}, BODY, SECRET
        )
    with pytest.raises(WebhookSignatureError, match="X-Patreon-Event"):
        webhooks.verify_and_parse({"X-Patreon-Signature": webhooks.sign(SECRET, BODY)}, BODY, SECRET)


def test_secret_never_in_error_text() -> None:
    with pytest.raises(WebhookSignatureError) as caught:
        webhooks.verify_and_parse({"X-Patreon-Event": "x", "X-Patreon-Signature": "00"}, BODY, SECRET)
    assert SECRET not in str(caught.value)


def test_parse_event_checks_payload_type_and_body() -> None:
    post_body = b'{"data": {"type": "post", "id": "p1", "attributes": {"title": "Hi"}}}'
    event = webhooks.parse_event("posts:publish", post_body)
    assert event.post is not None
    assert event.post.attributes.title == "Hi"
    with pytest.raises(ResponseValidationError):
        webhooks.parse_event("posts:publish", BODY)  # a member where a post belongs
    with pytest.raises(ResponseValidationError):
        webhooks.parse_event("members:create", b"<html>oops</html>")
    unknown = webhooks.parse_event("members:teleport", BODY)  # a trigger Patreon adds later: kept
    assert unknown.trigger == "members:teleport"
