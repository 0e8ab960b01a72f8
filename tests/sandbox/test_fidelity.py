"""Fidelity: every response the sandbox gives to a broad set of requests validates against the spec.

Uses openapi-core response validation on spec/patreon-v2.yaml. HTML error pages (edge faults) are
left out on purpose: the spec documents them in prose only ([KG]), as JSON is all it can describe.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from openapi_schema_validator import OAS31Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from patreon_auth.oauth import OAuthClient
from patreon_generated import Patreon
from patreon_generated.errors import APIStatusError
from patreon_generated.routing import match
from patreon_generated.schema import ENDPOINTS
from patreon_runtime.names import unchecked
from patreon_sandbox import RateLimits, Sandbox
from patreon_sandbox.schema import attributes_of
from patreon_spec.conformance import ORIGIN

from ..spec_conformance import load_spec, problem


class Recorder(httpx.BaseTransport):
    """Wraps the sandbox transport and keeps every exchange for validation."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner
        self.exchanges: list[tuple[httpx.Request, httpx.Response]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        response.read()
        self.exchanges.append((request, response))
        return response


def _all_fields(operation_id: str) -> Any:
    """Every attribute of every type the endpoint takes (Any: the client types these as Literals)."""
    return {name: list(attributes_of(name)) for name in ENDPOINTS[operation_id]["fields"]}


def _all_includes(operation_id: str) -> Any:
    return list(ENDPOINTS[operation_id]["includes"])


def _expect_error(call: Callable[[], Any]) -> None:
    with pytest.raises(APIStatusError):
        call()


def _exercise(sandbox: Sandbox, recorder: Recorder) -> None:
    creator = sandbox.creator_token()
    with Patreon(token=creator.access_token, transport=recorder, base_url=ORIGIN, max_retries=0) as client:
        client.identity.get()
        client.identity.get(include=_all_includes("get_identity"), fields=_all_fields("get_identity"))
        for op in ("list_campaigns", "get_campaign"):
            includes = _all_includes(op)
            if op == "list_campaigns":
                client.campaigns.list(include=includes, fields=_all_fields(op))
            else:
                client.campaigns.get(sandbox.campaign_id, include=includes, fields=_all_fields(op))
        members_includes = _all_includes("list_campaign_members")
        for page in client.members.pages(
            sandbox.campaign_id,
            include=members_includes,
            fields=_all_fields("list_campaign_members"),
            count=40,
        ):
            last = page
        member_id = last.data[-1].id
        client.members.get(member_id, include=members_includes, fields=_all_fields("get_member"))
        client.members.list(sandbox.campaign_id)
        posts = client.posts.list(
            sandbox.campaign_id, include=["user", "campaign"], fields=_all_fields("list_campaign_posts")
        )
        client.posts.get(posts.data[0].id, include=["user", "campaign"], fields=_all_fields("get_post"))
        hook = client.webhooks.create(
            campaign_id=sandbox.campaign_id,
            triggers=["members:pledge:create"],
            uri="https://app.example/hook",
        )
        client.webhooks.list(include=["client", "campaign"], fields=_all_fields("list_webhooks"))
        client.webhooks.update(hook.data.id, paused=True, triggers=["members:update"])
        client.webhooks.delete(hook.data.id)
        live = client.lives.create(
            state="pre_live", title="Q&A", live_access_rule_ids=sandbox.world.live_access_rule_ids[:1]
        )
        client.lives.get(
            live.data.id, include=["campaign", "live_access_rules"], fields=_all_fields("get_live")
        )
        client.lives.update(live.data.id, state="live")
        client.lives.delete(live.data.id)
        # Errors: 400 (include, field, parameter), 404, 403 (scope), 401 (bad token), 429.
        # unchecked(): the client refuses unknown names before sending; these reach the sandbox's 400.
        _expect_error(lambda: client.members.list(sandbox.campaign_id, include=[unchecked("pets")]))
        unknown_field: Any = {"member": [unchecked("shoe_size")]}
        _expect_error(lambda: client.members.list(sandbox.campaign_id, fields=unknown_field))
        _expect_error(lambda: client.members.get("nope"))
        _expect_error(lambda: client.posts.get("1"))
        _expect_error(lambda: client.lives.get("1"))
    limited = sandbox.creator_token(scopes=["identity"])
    with Patreon(token=limited.access_token, transport=recorder, base_url=ORIGIN, max_retries=0) as client:
        _expect_error(lambda: client.identity.get(fields={"user": ["email"]}))
        _expect_error(lambda: client.members.list(sandbox.campaign_id))
    with Patreon(token="bad", transport=recorder, base_url=ORIGIN, max_retries=0) as client:
        _expect_error(lambda: client.identity.get())
    sandbox.rate_limits = RateLimits(per_client=None, per_token=(1, 60.0))
    with Patreon(token=creator.access_token, transport=recorder, base_url=ORIGIN, max_retries=0) as client:
        _expect_error(lambda: [client.identity.get() for _ in range(2)])
    sandbox.rate_limits = None
    with OAuthClient(
        client_id=sandbox.client_id, client_secret=sandbox.client_secret, base_url=ORIGIN, transport=recorder
    ) as oauth:
        oauth.refresh(creator)
        with pytest.raises(Exception):  # noqa: B017 - any OAuth error: the body is what is checked
            oauth.refresh(creator)


def test_every_response_matches_the_spec() -> None:
    sandbox = Sandbox(seed=13, members=120, rate_limits=None)
    recorder = Recorder(sandbox.transport())
    _exercise(sandbox, recorder)
    statuses = {response.status_code for _, response in recorder.exchanges}
    assert {200, 201, 204, 400, 401, 403, 404, 429} <= statuses
    failures = [found for found in (problem(rq, rs) for rq, rs in recorder.exchanges) if found]
    assert failures == [], "\n".join(failures)
    assert len(recorder.exchanges) >= 30
    # Every operation of the spec (the generated operation table) was answered at least once.
    answered = {
        found[0] for rq, _ in recorder.exchanges if isinstance(found := match(rq.method, rq.url.path), tuple)
    }
    assert set(ENDPOINTS) - answered == set()


def test_webhook_payloads_match_the_spec() -> None:
    sandbox = Sandbox(seed=13, members=50, rate_limits=None)
    bodies: list[bytes] = []
    sandbox.deliver_to("https://app.example/hook", lambda request: bodies.append(request.content))
    with Patreon(
        token=sandbox.creator_token().access_token, transport=sandbox.transport(), base_url=ORIGIN
    ) as client:
        client.webhooks.create(
            campaign_id=sandbox.campaign_id,
            triggers=["members:pledge:create", "posts:publish"],
            uri="https://app.example/hook",
        )
    sandbox.add_pledge()
    sandbox.publish_post()
    assert len(bodies) == 2
    registry: Registry[Any] = Registry().with_resource(
        "urn:patreon-spec", Resource.from_contents(load_spec(), default_specification=DRAFT202012)
    )
    for body, name in zip(bodies, ("MemberWebhookPayload", "PostWebhookPayload"), strict=True):
        schema = {"$ref": f"urn:patreon-spec#/components/schemas/{name}"}
        OAS31Validator(schema, registry=registry).validate(json.loads(body))
