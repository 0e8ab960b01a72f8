"""Webhook verification under hostile input: only the library's own errors escape, in bounded time.

Receivers are on the public internet: any header text and any body can arrive. Whatever comes,
verification answers with a bool or a PatreonError subclass (which receivers map to 403/400),
never a TypeError that becomes a 500. "Bounded time" is held by pytest-timeout on each test and
by input sizes far beyond a real delivery, not by timing assertions.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from patreon_auth import webhooks
from patreon_auth.errors import PatreonError, WebhookSecretError, WebhookSignatureError

SECRET = "whsec-hostile-test"
MEMBER_BODY = b'{"data": {"type": "member", "id": "m-1", "attributes": {"full_name": "Ada"}}}'
# Wall-clock guard for the property tests below (pytest-timeout), not a measured assertion.
pytestmark = pytest.mark.timeout(120)
PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

header_text = st.text(max_size=200)  # any code point, including non-ASCII and control characters
signature_values = st.one_of(
    header_text,
    st.binary(max_size=200),
    st.text(alphabet="0123456789abcdefABCDEF \t", max_size=40),
    st.just("é" * 32),  # the shape of the reported TypeError: 32 non-ASCII "digits"
    st.none(),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=30,
)
# Documents shaped like JSON:API at the top, with anything at any level below.
documents = st.fixed_dictionaries(
    {},
    optional={
        "data": st.one_of(
            json_values,
            st.fixed_dictionaries(
                {"type": st.one_of(st.sampled_from(["member", "post", "user"]), json_values)},
                optional={
                    "id": json_values,
                    "attributes": json_values,
                    "relationships": st.dictionaries(
                        st.text(max_size=10), st.fixed_dictionaries({"data": json_values}), max_size=3
                    ),
                },
            ),
        ),
        "included": st.lists(json_values, max_size=3) | json_values,
        "links": json_values,
        "meta": json_values,
    },
)


@PROPERTY
@given(body=st.binary(max_size=2000), signature=signature_values)
def test_verify_signature_answers_a_bool_for_any_header(body: bytes, signature: str | bytes | None) -> None:
    assert webhooks.verify_signature(SECRET, body, signature) in (True, False)


@PROPERTY
@given(body=st.binary(max_size=2000), signature=signature_values)
def test_require_valid_signature_raises_only_the_signature_error(
    body: bytes, signature: str | bytes | None
) -> None:
    try:
        webhooks.require_valid_signature(SECRET, body, signature)
    except WebhookSignatureError as error:
        assert SECRET not in str(error)
    else:
        assert signature is not None and webhooks.verify_signature(SECRET, body, signature)


@PROPERTY
@given(
    body=st.binary(max_size=2000),
    padding=st.sampled_from(["", " ", "\t", "  \t"]),
    upper=st.booleans(),
)
def test_the_right_signature_is_accepted_for_any_body(body: bytes, padding: str, upper: bool) -> None:
    digest = webhooks.sign(SECRET, body)
    shown = digest.upper() if upper else digest
    assert webhooks.verify_signature(SECRET, body, f"{padding}{shown}{padding}")
    assert webhooks.verify_signature(SECRET, body, shown.encode("ascii"))


@PROPERTY
@given(
    headers=st.dictionaries(
        st.one_of(st.sampled_from([webhooks.SIGNATURE_HEADER, webhooks.EVENT_HEADER]), header_text),
        header_text,
        max_size=6,
    ),
    body=st.binary(max_size=2000),
)
def test_verify_and_parse_raises_only_patreon_errors_for_any_headers(
    headers: dict[str, str], body: bytes
) -> None:
    try:
        event = webhooks.verify_and_parse(headers, body, SECRET)
    except PatreonError as error:
        assert SECRET not in str(error)
    else:  # only a body signed with SECRET gets here: these headers were made up
        assert webhooks.verify_signature(SECRET, body, webhooks._header(headers, webhooks.SIGNATURE_HEADER))
        assert event.trigger


@PROPERTY
@given(
    document=st.one_of(documents, json_values),
    trigger=st.one_of(
        st.sampled_from(["members:create", "members:pledge:delete", "posts:publish"]), header_text
    ),
)
def test_signed_documents_of_any_shape_parse_or_raise_patreon_errors(document: Any, trigger: str) -> None:
    """A correctly signed body gets past the signature; the parse must still fail only in our terms."""
    body = json.dumps(document).encode()
    headers = {webhooks.EVENT_HEADER: trigger, webhooks.SIGNATURE_HEADER: webhooks.sign(SECRET, body)}
    try:
        event = webhooks.verify_and_parse(headers, body, SECRET)
    except WebhookSignatureError:
        assert not trigger  # the signature was right: only a missing trigger is a signature-level refusal
    except PatreonError:
        pass
    else:
        assert event.trigger == trigger


@PROPERTY
@given(body=st.binary(max_size=500), signature=signature_values)
def test_signed_garbage_bytes_never_escape_as_other_errors(
    body: bytes, signature: str | bytes | None
) -> None:
    headers = {
        webhooks.EVENT_HEADER: "members:create",
        webhooks.SIGNATURE_HEADER: webhooks.sign(SECRET, body),
    }
    try:
        event = webhooks.verify_and_parse(headers, body, SECRET)
    except PatreonError as error:
        assert SECRET not in str(error)
    else:
        assert event.trigger == "members:create"


def test_non_ascii_signature_is_a_typed_mismatch() -> None:
    """Was TypeError from hmac.compare_digest; the example receivers answered 500 for it."""
    for signature in ("é" * 32, "\u0663" * 32, "é".encode(), b"\xff" * 32, "\ud800"):
        assert webhooks.verify_signature(SECRET, MEMBER_BODY, signature) is False
        with pytest.raises(WebhookSignatureError, match="not a hex digest"):
            webhooks.require_valid_signature(SECRET, MEMBER_BODY, signature)
        if isinstance(signature, str):  # header mappings hold text
            headers = {webhooks.EVENT_HEADER: "members:create", webhooks.SIGNATURE_HEADER: signature}
            with pytest.raises(WebhookSignatureError):
                webhooks.verify_and_parse(headers, MEMBER_BODY, SECRET)


def test_huge_headers_and_bodies_are_refused_without_trouble() -> None:
    body = b"x" * 5_000_000
    for signature in ("0" * 5_000_000, "é" * 1_000_000, " " * 1_000_000):
        with pytest.raises(WebhookSignatureError):
            webhooks.require_valid_signature(SECRET, body, signature)


@pytest.mark.parametrize("depth", [100, 1_000, 100_000])
@pytest.mark.parametrize(
    ("opening", "closing"), [(b"[", b"]"), (b'{"data":', b"}")], ids=["arrays", "objects"]
)
def test_deeply_nested_signed_bodies_are_refused_in_our_terms(
    depth: int, opening: bytes, closing: bytes
) -> None:
    """A RecursionError from json.loads once; a signed body must still fail only as a PatreonError."""
    body = opening * depth + b"1" + closing * depth
    headers = {
        webhooks.EVENT_HEADER: "members:create",
        webhooks.SIGNATURE_HEADER: webhooks.sign(SECRET, body),
    }
    with pytest.raises(PatreonError) as caught:
        webhooks.verify_and_parse(headers, body, SECRET)
    assert not isinstance(caught.value, WebhookSignatureError)  # the signature was right


# --- the secret ------------------------------------------------------------------------------

BLANK_SECRETS: list[str | bytes] = ["", " ", "\n", "\t \r\n", b"", b"  ", b"\n"]


@pytest.mark.parametrize("secret", BLANK_SECRETS, ids=repr)
def test_an_empty_or_blank_secret_is_refused_not_used(secret: str | bytes) -> None:
    """Today `verify_signature("", body, sign("", body))` is True: anyone can forge that signature."""
    key = secret.encode() if isinstance(secret, str) else secret
    forged = hmac.new(key, MEMBER_BODY, hashlib.md5)
    headers = {webhooks.EVENT_HEADER: "members:create", webhooks.SIGNATURE_HEADER: forged.hexdigest()}
    with pytest.raises(WebhookSecretError, match="empty or blank"):
        webhooks.verify_signature(secret, MEMBER_BODY, forged.hexdigest())
    with pytest.raises(WebhookSecretError):
        webhooks.require_valid_signature(secret, MEMBER_BODY, forged.hexdigest())
    with pytest.raises(WebhookSecretError):
        webhooks.verify_and_parse(headers, MEMBER_BODY, secret)
    with pytest.raises(WebhookSecretError):
        webhooks.verify_signature(secret, MEMBER_BODY, None)  # even with no header to check
    with pytest.raises(WebhookSecretError):
        webhooks.sign(secret, MEMBER_BODY)


@pytest.mark.parametrize("secret", [None, 123, "\ud800"], ids=repr)
def test_a_secret_that_is_not_text_is_a_typed_error(secret: Any) -> None:
    with pytest.raises(WebhookSecretError) as caught:
        webhooks.verify_signature(secret, MEMBER_BODY, "0" * 32)
    assert isinstance(caught.value, PatreonError) and isinstance(caught.value, ValueError)


@PROPERTY
@given(
    secret=st.text(alphabet=" \t\r\n", max_size=8) | st.binary(max_size=0),
    body=st.binary(max_size=200),
)
def test_no_blank_secret_ever_verifies(secret: str | bytes, body: bytes) -> None:
    with pytest.raises(WebhookSecretError):
        webhooks.verify_signature(secret, body, "0" * 32)
