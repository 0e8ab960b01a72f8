"""Webhooks: CRUD per client, signed deliveries in process and over loopback, failures, pausing, flush.

A scenario both clients share runs under the `mode` fixture (tests/modes.py)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import httpx
import pytest

from patreon_auth.webhooks import verify_signature
from patreon_generated import Patreon
from patreon_generated.errors import BadRequestError, NotFoundError
from patreon_sandbox import Sandbox
from tests.modes import ModeDriver

from .conftest import creator_client

HOOK_URI = "https://app.example/patreon/webhook"


class Receiver:
    """An in-process webhook endpoint that records requests and answers a chosen status."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.status = 200

    def __call__(self, request: httpx.Request) -> int:
        self.requests.append(request)
        return self.status


def _create(client: Patreon, sandbox: Sandbox, triggers: list[str], uri: str = HOOK_URI) -> dict[str, object]:
    doc = client.webhooks.create(campaign_id=sandbox.campaign_id, triggers=triggers, uri=uri)  # type: ignore[arg-type]
    return {"id": doc.data.id, **doc.data.raw["attributes"]}


def test_create_list_update_delete(client: Patreon, sandbox: Sandbox) -> None:
    created = _create(client, sandbox, ["members:pledge:create"])
    assert created["paused"] is False and created["num_consecutive_times_failed"] == 0
    assert created["last_attempted_at"] is None and isinstance(created["secret"], str)
    listed = client.webhooks.list(fields={"webhook": ["uri", "triggers"]})
    assert [(w.id, w.raw["attributes"]["uri"]) for w in listed.data] == [(created["id"], HOOK_URI)]
    updated = client.webhooks.update(str(created["id"]), triggers=["members:create", "members:update"])
    assert updated.data.raw["attributes"]["triggers"] == ["members:create", "members:update"]
    client.webhooks.delete(str(created["id"]))
    assert client.webhooks.list().data == []
    with pytest.raises(NotFoundError):
        client.webhooks.delete(str(created["id"]))


def test_webhooks_are_per_client(client: Patreon, sandbox: Sandbox) -> None:
    _create(client, sandbox, ["posts:publish"])
    other = sandbox.add_client()
    token = sandbox.creator_token(client_id=other.client_id)
    with creator_client(sandbox, token=token.access_token) as other_client:
        assert other_client.webhooks.list().data == []
        hook = _create(other_client, sandbox, ["posts:publish"])
    assert len(client.webhooks.list().data) == 1
    with pytest.raises(NotFoundError):
        client.webhooks.update(str(hook["id"]), paused=True)


def test_bad_webhook_bodies_are_400(client: Patreon, sandbox: Sandbox) -> None:
    with pytest.raises(BadRequestError):
        _create(client, sandbox, ["members:pledge:create"], uri="http://example.com/hook")  # https only [PHP]
    body = {
        "data": {
            "type": "webhook",
            "attributes": {"triggers": ["pledges:everything"], "uri": HOOK_URI},
            "relationships": {"campaign": {"data": {"type": "campaign", "id": sandbox.campaign_id}}},
        }
    }
    token = sandbox.creator_token().access_token
    with httpx.Client(transport=sandbox.transport(), base_url=sandbox.base_url) as http:
        response = http.post(
            "/api/oauth2/v2/webhooks", json=body, headers={"Authorization": f"Bearer {token}"}
        )
    assert response.status_code == 400 and response.json()["errors"][0]["source"] == {"parameter": "triggers"}
    with pytest.raises(NotFoundError):
        client.webhooks.create(campaign_id="1", triggers=["posts:publish"], uri=HOOK_URI)


def test_trigger_delivers_signed_raw_bytes(client: Patreon, sandbox: Sandbox) -> None:
    receiver = Receiver()
    sandbox.deliver_to(HOOK_URI, receiver)
    hook = _create(client, sandbox, ["members:pledge:create", "posts:publish"])
    member_id = sandbox.member_ids[3]
    deliveries = sandbox.trigger("members:pledge:create", member_id=member_id)
    assert len(deliveries) == 1 and deliveries[0].ok
    [request] = receiver.requests
    assert request.headers["X-Patreon-Event"] == "members:pledge:create"
    assert verify_signature(str(hook["secret"]), request.content, request.headers["X-Patreon-Signature"])
    assert "accept" not in request.headers or request.headers["accept"] != "application/json"
    payload = json.loads(request.content)
    assert payload["data"]["id"] == member_id and payload["data"]["type"] == "member"
    assert set(payload["data"]["relationships"]) == {
        "address",
        "campaign",
        "currently_entitled_tiers",
        "user",
    }
    assert "email" in payload["data"]["attributes"]
    assert {item["type"] for item in payload["included"]} >= {"campaign", "user"}
    sandbox.trigger("members:update", member_id=member_id)  # not subscribed: nothing sent
    assert len(receiver.requests) == 1
    post_id = sandbox.publish_post("Hello patrons")
    assert json.loads(receiver.requests[-1].content)["data"]["id"] == post_id
    assert sandbox.stats.webhook_deliveries == 2


def test_world_changes_send_their_events(client: Patreon, sandbox: Sandbox) -> None:
    receiver = Receiver()
    sandbox.deliver_to(HOOK_URI, receiver)
    _create(client, sandbox, ["members:create", "members:pledge:create", "members:pledge:update", "members:pledge:delete", "members:update", "members:delete"])  # fmt: skip
    tier_ids = sandbox.world.published_tier_ids
    member_id = sandbox.add_pledge(tier_id=tier_ids[1])
    sandbox.update_pledge(member_id, tier_id=tier_ids[2])
    sandbox.delete_pledge(member_id)
    follower = sandbox.add_follower()
    sandbox.delete_member(follower)
    events = [r.headers["X-Patreon-Event"] for r in receiver.requests]
    assert events == [
        "members:create",
        "members:pledge:create",
        "members:pledge:update",
        "members:update",
        "members:pledge:delete",
        "members:update",
        "members:create",
        "members:delete",
    ]
    page = client.members.get(member_id, fields={"member": ["patron_status"]})
    assert page.data.attributes.patron_status == "former_patron"
    assert client.members.list(sandbox.campaign_id).total == 301


@pytest.mark.parametrize(
    ("trigger", "status", "events"), [("members:update", 500, 4), ("posts:update", 503, 3)]
)
def test_failures_pause_and_patch_flushes_the_queue(
    mode: ModeDriver, mode_client: Any, sandbox: Sandbox, trigger: str, status: int, events: int
) -> None:
    receiver = Receiver()
    receiver.status = status
    sandbox.deliver_to(HOOK_URI, receiver)
    created = mode.run(
        mode_client.webhooks.create(campaign_id=sandbox.campaign_id, triggers=[trigger], uri=HOOK_URI)
    )
    hook_id = created.data.id
    # Async tests fire with atrigger (deliveries run in a worker thread, the loop keeps going).
    fire = mode.pick(sandbox.trigger, sandbox.atrigger)
    if trigger.startswith("members"):
        subjects = sandbox.member_ids[:events]
        for member_id in subjects:
            mode.run(fire(trigger, member_id=member_id))
    else:
        subjects = [sandbox.world.post_ids[0]] * events
        for post_id in subjects:
            mode.run(fire(trigger, post_id=post_id))
    state = mode.run(
        mode_client.webhooks.list(
            fields={"webhook": ["paused", "num_consecutive_times_failed", "last_attempted_at"]}
        )
    )
    attributes = state.data[0].raw["attributes"]
    assert attributes["paused"] is True and attributes["num_consecutive_times_failed"] == 3
    assert sandbox.webhook(hook_id).attributes["paused"] is True
    assert attributes["last_attempted_at"] is not None
    assert len(receiver.requests) == 3  # events past the 3rd failure were queued behind a paused webhook
    assert len(sandbox.webhook(hook_id).queue) == events
    receiver.status = 200
    mode.run(mode_client.webhooks.update(hook_id, paused=False))
    delivered = [json.loads(r.content)["data"]["id"] for r in receiver.requests[3:]]
    assert delivered == subjects  # queued events, in order
    after = mode.run(
        mode_client.webhooks.list(fields={"webhook": ["paused", "num_consecutive_times_failed"]})
    )
    assert after.data[0].raw["attributes"] == {"paused": False, "num_consecutive_times_failed": 0}
    assert len(receiver.requests) == 3 + events and sandbox.webhook(hook_id).queue == []
    assert sandbox.stats.webhook_failures == 3


def test_handler_exceptions_count_as_failures(client: Patreon, sandbox: Sandbox) -> None:
    def broken(request: httpx.Request) -> int:
        raise ConnectionError("receiver down")

    sandbox.deliver_to(HOOK_URI, broken)
    _create(client, sandbox, ["posts:publish"])
    [delivery] = sandbox.trigger("posts:publish")
    assert not delivery.ok and delivery.error is not None and "receiver down" in delivery.error


@pytest.fixture
def loopback_receiver() -> Iterator[tuple[str, list[tuple[dict[str, str], bytes]]]]:
    received: list[tuple[dict[str, str], bytes]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append(({k.lower(): v for k, v in self.headers.items()}, body))
            self.send_response(204)
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hook", received
    finally:
        server.shutdown()
        server.server_close()


def test_delivery_over_loopback_http(
    client: Patreon, sandbox: Sandbox, loopback_receiver: tuple[str, list[tuple[dict[str, str], bytes]]]
) -> None:
    uri, received = loopback_receiver
    hook = _create(client, sandbox, ["members:pledge:create"], uri=uri)
    sandbox.add_pledge()
    [(headers, body)] = received
    assert headers["x-patreon-event"] == "members:pledge:create"
    assert verify_signature(str(hook["secret"]), body, headers["x-patreon-signature"])
