"""Any mix of webhook faults, pauses, receiver failures and clock moves, then one release: every
event not dropped has arrived, a dropped one never, and every copy is the original's bytes.

Hypothesis picks the faults (probabilities and seed) and a sequence of steps; the receiver's
successful deliveries are the evidence, checked against the events fired and the sandbox's own
dropped list and counters.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from patreon_auth.webhooks import SIGNATURE_HEADER, sign
from patreon_generated import Patreon
from patreon_sandbox import Sandbox, WebhookFaults
from patreon_sandbox.webhooks import event_body

URI = "https://app.example/patreon/webhook"
MEMBERS = 6
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
pytestmark = pytest.mark.timeout(120)  # a wall-clock guard, not a measured assertion

# Mostly round values, so that whole runs of events share a fate; any value in [0, 1] sometimes.
probability = st.one_of(st.sampled_from([0.0, 0.3, 0.5, 1.0]), st.floats(0.0, 1.0))
faults = st.builds(
    WebhookFaults,
    repeat=probability,
    reorder=probability,
    delay=probability,
    drop=probability,
    delay_seconds=st.sampled_from([0.0, 30.0, 3600.0]),
    seed=st.integers(0, 2**32),
)
fire = st.tuples(st.just("fire"), st.integers(0, MEMBERS - 1))
steps = st.lists(
    st.one_of(
        fire,
        fire,  # events are most of what happens
        fire,
        st.tuples(st.just("receiver"), st.sampled_from([200, 204, 500, 503])),
        st.tuples(st.just("advance"), st.sampled_from([0, 10, 60, 4000])),
        st.tuples(st.just("pause"), st.just(0)),
        st.tuples(st.just("resume"), st.just(0)),
        st.tuples(st.just("flush"), st.just(0)),
        st.tuples(st.just("release_due"), st.just(0)),
        st.tuples(st.just("faults_off"), st.just(0)),
    ),
    max_size=40,
)


@dataclass
class Receiver:
    status: int = 200
    ok: list[httpx.Request] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> int:
        if 200 <= self.status < 300:
            self.ok.append(request)
        return self.status


@PROPERTY
@given(mix=faults, plan=steps)
def test_every_event_not_dropped_arrives_and_copies_are_byte_identical(
    mix: WebhookFaults, plan: list[tuple[str, int]]
) -> None:
    receiver = Receiver()
    with Sandbox(seed=7, members=MEMBERS, rate_limits=None, webhook_faults=mix) as sandbox:
        sandbox.deliver_to(URI, receiver)
        token = sandbox.creator_token().access_token
        with Patreon(token=token, transport=sandbox.transport(), base_url=sandbox.base_url) as client:
            created = client.webhooks.create(
                campaign_id=sandbox.campaign_id, triggers=["members:update"], uri=URI
            ).data
        hook_id, secret = created.id, created.attributes.secret or ""
        hook = sandbox.webhook(hook_id)
        members = sandbox.member_ids
        fired: Counter[str] = Counter()
        for action, value in plan:
            if action == "fire":
                sandbox.trigger("members:update", member_id=members[value])
                fired[members[value]] += 1
            elif action == "receiver":
                receiver.status = value
            elif action == "advance":
                sandbox.advance_clock(value)
            elif action == "pause":
                sandbox.pause_webhook(hook_id)
            elif action == "resume":
                sandbox.resume_webhook(hook_id)
            elif action == "flush":
                sandbox.flush_webhooks()
            elif action == "release_due":
                sandbox.release_webhooks(due_only=True)
            else:
                sandbox.webhook_faults = WebhookFaults()

        # The end every test of a receiver reaches: the receiver works, the webhook is resumed,
        # and everything held is released.
        receiver.status = 200
        sandbox.resume_webhook(hook_id)
        sandbox.release_webhooks()
        assert sandbox.held_webhook_events == [] and hook.queue == []

        dropped = Counter(json.loads(event.body)["data"]["id"] for event in sandbox.dropped_webhook_events)
        arrived = Counter(json.loads(request.content)["data"]["id"] for request in receiver.ok)
        assert dropped <= fired
        for member_id in fired:
            assert arrived[member_id] >= fired[member_id] - dropped[member_id]
            if dropped[member_id] == fired[member_id]:
                assert arrived[member_id] == 0  # a dropped event is never delivered
        assert set(arrived) <= set(fired)
        repeated = sandbox.stats.webhook_repeated
        assert arrived.total() == fired.total() - dropped.total() + repeated
        originals = {
            member_id: event_body(sandbox.world, "member", member_id, hook.scopes, "https://www.patreon.com")
            for member_id in fired
        }
        for request in receiver.ok:
            member_id = json.loads(request.content)["data"]["id"]
            assert request.content == originals[member_id]  # the bytes made for the event, unchanged
            assert request.headers[SIGNATURE_HEADER] == sign(secret, originals[member_id])
