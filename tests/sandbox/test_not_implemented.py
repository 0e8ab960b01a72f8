"""A route of the spec without a sandbox handler answers 501, by name; a route outside the spec, 404.

Issue 20: a new endpoint must never fail silently. Before this, a documented route missing from
`patreon_sandbox.handler.OPERATIONS` answered `404 ResourceMissing "Unknown operation."`: the
status of a missing resource, naming nothing. Now it is a JSON:API 501 naming the operation, its
method and path template and what to do; the client raises `ServerError` for it and does not retry
it (501 is not in `patreon_runtime.retry_policy.RETRYABLE_STATUSES`). The counting transport is
shown to see retries by a 503 from the same handler slot, which the client does retry.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from patreon_generated import Patreon
from patreon_generated.schema import ENDPOINTS
from patreon_runtime.errors import ServerError
from patreon_sandbox import Sandbox, handler
from patreon_sandbox.handler import SandboxRequest
from patreon_sandbox.jsonapi import ApiError
from patreon_spec import conformance

DROPPED = "list_campaign_members"
TEMPLATE = "GET /api/oauth2/v2/campaigns/{campaign_id}/members"
HEADERS = {"User-Agent": "patreonkit-tests"}


class Counting(httpx.BaseTransport):
    """The sandbox's transport, counting the requests that reach it (retries included)."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner
        self.paths: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.paths.append(request.url.path)
        return self.inner.handle_request(request)


def _without(monkeypatch: pytest.MonkeyPatch, operation: str) -> None:
    remaining = {name: answer for name, answer in handler.OPERATIONS.items() if name != operation}
    assert len(remaining) == len(handler.OPERATIONS) - 1
    monkeypatch.setattr(handler, "OPERATIONS", remaining)


def _check_501_error(error: dict[str, Any]) -> None:
    assert error["status"] == "501"
    assert error["code_name"] == "OperationNotImplemented"
    assert error["title"] == "Not Implemented"
    detail = error["detail"]
    assert f"does not implement {DROPPED} ({TEMPLATE}) yet" in detail, detail
    assert "patreon_sandbox.handler.OPERATIONS" in detail and "docs/regenerate.md" in detail, detail


def test_the_dropped_operation_is_in_the_spec() -> None:
    assert ENDPOINTS[DROPPED]["method"] + " " + ENDPOINTS[DROPPED]["path"] == TEMPLATE


def test_an_unhandled_operation_of_the_spec_answers_501_naming_it(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    _without(monkeypatch, DROPPED)
    token = sandbox.creator_token().access_token
    campaign_id = sandbox.core.world.campaign_id
    with httpx.Client(transport=sandbox.transport(), base_url=sandbox.base_url) as http:
        response = http.get(
            f"/api/oauth2/v2/campaigns/{campaign_id}/members",
            headers={**HEADERS, "Authorization": f"Bearer {token}"},
        )
        assert response.status_code == 501, response.text
        assert response.headers["content-type"].startswith("application/json")
        (error,) = response.json()["errors"]
        _check_501_error(error)
        # The answer fits the spec's shared 5XX error answer.
        assert conformance.is_checkable(response.request, response)
        assert conformance.problem(response.request, response) is None
        # The other operations still answer.
        assert (
            http.get(
                f"/api/oauth2/v2/campaigns/{campaign_id}",
                headers={**HEADERS, "Authorization": f"Bearer {token}"},
            ).status_code
            == 200
        )


def test_a_path_outside_the_spec_still_answers_404(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    _without(monkeypatch, DROPPED)
    token = sandbox.creator_token().access_token
    # Straight to the core: the suite's spec check (tests/conftest.py) wraps `Sandbox.handle` and
    # rightly refuses any answer on an /api/ path the spec does not have.
    response = sandbox.core.handle(
        SandboxRequest(
            "GET",
            f"{sandbox.base_url}/api/oauth2/v2/benefits",
            {"user-agent": HEADERS["User-Agent"], "authorization": f"Bearer {token}"},
        )
    )
    assert response.status == 404, response.body
    (error,) = json.loads(response.body)["errors"]
    assert error["code_name"] == "ResourceMissing"
    assert error["detail"] == "No route for /api/oauth2/v2/benefits."


def _client(sandbox: Sandbox, transport: httpx.BaseTransport, base_url: str | None = None) -> Patreon:
    return Patreon(
        token=sandbox.creator_token().access_token,
        transport=transport,
        base_url=base_url or sandbox.base_url,
        max_retries=2,
        retry_backoff=0.01,
    )


def test_the_client_raises_server_error_for_501_and_does_not_retry_it(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    campaign_id = sandbox.core.world.campaign_id
    _without(monkeypatch, DROPPED)
    counting = Counting(sandbox.transport())
    with _client(sandbox, counting) as client, pytest.raises(ServerError) as caught:
        client.members.list(campaign_id)
    assert caught.value.status_code == 501
    _check_501_error(caught.value.errors[0])
    assert DROPPED in str(caught.value)
    assert len(counting.paths) == 1, counting.paths  # one request: no retry

    # The same count sees retries: a 503 from that handler slot is retried twice (three requests).
    def unavailable(core: handler.Core, call: handler.Call) -> handler.SandboxResponse:
        raise ApiError(503, "ServiceUnavailable", "Down for this test.")

    monkeypatch.setattr(handler, "OPERATIONS", {**handler.OPERATIONS, DROPPED: unavailable})
    counting.paths.clear()
    with _client(sandbox, counting) as client, pytest.raises(ServerError) as again:
        client.members.list(campaign_id)
    assert again.value.status_code == 503 and len(counting.paths) == 3, counting.paths


def test_served_on_loopback_501_is_not_retried_and_404_stays(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    campaign_id = sandbox.core.world.campaign_id
    _without(monkeypatch, DROPPED)
    with sandbox.serve_in_thread() as base_url:
        before = sandbox.core.stats.as_dict()["requests"]
        with _client(sandbox, httpx.HTTPTransport(), base_url) as client:
            with pytest.raises(ServerError) as caught:
                client.members.list(campaign_id)
            assert caught.value.status_code == 501
            _check_501_error(caught.value.errors[0])
            assert sandbox.core.stats.as_dict()["requests"] - before == 1  # not retried
            assert client.campaigns.get(campaign_id).data.id == campaign_id
        # Outside the spec (and outside /api/, which the suite's spec check judges): still 404 over HTTP.
        with httpx.Client(base_url=base_url) as http:
            response = http.get("/oauth2/v2/benefits", headers=HEADERS)
        assert response.status_code == 404, response.text
        assert response.json()["errors"][0]["detail"] == "No route for /oauth2/v2/benefits."
