"""Whatever a delivery's headers and body are, a receiver answers 200, 400 or 403: never 500.

A 500 is what a TypeError in verification became (a non-ASCII X-Patreon-Signature); Patreon
counts it as a failure and retries it, and the receiver logs a traceback per forged request.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from examples.receivers import BAD_BODY, BAD_SIGNATURE, OK, WEBHOOK_PATH, check_delivery
from examples.receivers.flask_app import create_app
from patreon_auth import webhooks

SECRET = "receiver-property-secret"
PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
pytestmark = pytest.mark.timeout(120)  # a wall-clock guard, not a measured assertion

# What a server hands the app after decoding header bytes as Latin-1 (WSGI, ASGI frameworks).
latin1_text = st.binary(max_size=100).map(lambda raw: raw.decode("latin-1"))
header_values = st.one_of(latin1_text, st.text(max_size=60))
names = st.sampled_from(
    [webhooks.SIGNATURE_HEADER, webhooks.EVENT_HEADER, "x-patreon-signature", "Content-Type"]
)


@PROPERTY
@given(headers=st.dictionaries(names, header_values, max_size=4), body=st.binary(max_size=500))
def test_check_delivery_answers_a_status_for_anything(headers: dict[str, str], body: bytes) -> None:
    events: list[object] = []
    outcome = check_delivery(headers, body, SECRET, events.append)
    assert outcome.status in (OK, BAD_BODY, BAD_SIGNATURE)
    assert SECRET not in outcome.reason
    assert (outcome.status == OK) == bool(events)


@PROPERTY
@given(
    signature=st.binary(min_size=1, max_size=64).filter(
        lambda raw: raw.strip() != b"" and not set(raw) & {10, 13}
    ),
    body=st.binary(max_size=300),
)
def test_flask_receiver_refuses_any_bytes_as_a_signature(signature: bytes, body: bytes) -> None:
    if signature.strip().lower() == webhooks.sign(SECRET, body).encode():
        return  # the one right answer (never drawn in practice)
    client = create_app(SECRET, on_event=lambda event: None).test_client()
    headers = {
        webhooks.EVENT_HEADER: "members:create",
        webhooks.SIGNATURE_HEADER: signature.decode("latin-1"),
    }
    assert client.post(WEBHOOK_PATH, data=body, headers=headers).status_code == BAD_SIGNATURE
