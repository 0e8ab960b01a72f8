"""Rate limits and injected faults, seen through the generated client's errors and retries."""

from __future__ import annotations

import time

import httpx
import pytest

from patreon_generated.errors import APIConnectionError, RateLimitError, ResponseValidationError, ServerError
from patreon_sandbox import RateLimits, Sandbox
from tests.modes import ModeDriver

from .conftest import async_creator_client, creator_client


def test_per_token_limit_answers_429_with_retry_after() -> None:
    sandbox = Sandbox(seed=1, members=10, rate_limits=RateLimits(per_client=None, per_token=(5, 60.0)))
    token = sandbox.creator_token().access_token
    with creator_client(sandbox, token=token) as client:
        for _ in range(5):
            client.identity.get()
        with pytest.raises(RateLimitError) as caught:
            client.identity.get()
    error = caught.value
    assert error.status_code == 429 and error.retry_after is not None and 0 < error.retry_after <= 60
    assert error.response is not None and error.response.headers["Retry-After"] == str(
        error.errors[0]["retry_after_seconds"]
    )
    assert error.errors[0]["code"] is None and error.errors[0]["code_name"] == "RequestThrottled"
    # Another token has its own minute; the client limit is off here.
    with creator_client(sandbox) as other:
        other.identity.get()
    assert sandbox.stats.rate_limited == 1


def test_per_client_window_slides_on_the_clock() -> None:
    now = [1000.0]
    sandbox = Sandbox(
        seed=1, members=10, rate_limits=RateLimits(per_client=(3, 2.0), per_token=None), clock=lambda: now[0]
    )
    tokens = [sandbox.creator_token().access_token for _ in range(4)]
    statuses = []
    with httpx.Client(transport=sandbox.transport(), base_url=sandbox.base_url) as http:
        for token in tokens:
            statuses.append(
                http.get("/api/oauth2/v2/identity", headers={"Authorization": f"Bearer {token}"}).status_code
            )
        now[0] += 2.5
        statuses.append(
            http.get("/api/oauth2/v2/identity", headers={"Authorization": f"Bearer {tokens[0]}"}).status_code
        )
    assert statuses == [200, 200, 200, 429, 200]


def test_default_limits_are_patreons() -> None:
    sandbox = Sandbox(seed=1, members=10)
    assert sandbox.rate_limits == RateLimits(per_client=(100, 2.0), per_token=(100, 60.0))
    sandbox.rate_limits = None
    with creator_client(sandbox) as client:
        for _ in range(120):
            client.identity.get()
    assert sandbox.stats.rate_limited == 0


def test_html_502_twice_then_success_with_retries(sandbox: Sandbox) -> None:
    fault = sandbox.faults.add(route="members", status=502, html=True, times=2)
    with creator_client(sandbox, max_retries=2) as client:
        page = client.members.list(sandbox.campaign_id, count=10)
    assert len(page.data) == 10 and fault.fired == 2
    assert sandbox.stats.faults_injected == 2 and sandbox.stats.api_requests == 1
    sandbox.faults.add(route="list_campaign_members", status=503, times=1)
    with creator_client(sandbox) as client, pytest.raises(ServerError) as caught:
        client.members.list(sandbox.campaign_id)
    assert caught.value.status_code == 503 and caught.value.errors[0]["status"] == "503"


def test_html_body_is_kept_as_excerpt(sandbox: Sandbox) -> None:
    sandbox.faults.add(route="identity", status=500, html=True)
    with creator_client(sandbox) as client, pytest.raises(ServerError) as caught:
        client.identity.get()
    assert caught.value.errors == [] and "500 Internal Server Error" in caught.value.body_excerpt


def test_sequence_after_and_other_routes_untouched(sandbox: Sandbox) -> None:
    sandbox.faults.add(route="members", status=500, after=1, times=1)
    with creator_client(sandbox) as client:
        client.members.list(sandbox.campaign_id)
        client.identity.get()
        with pytest.raises(ServerError):
            client.members.list(sandbox.campaign_id)
        client.members.list(sandbox.campaign_id)


def test_probability_is_seeded(sandbox: Sandbox) -> None:
    sandbox.faults.add(route="identity", status=500, probability=0.5)
    outcomes = []
    with creator_client(sandbox) as client:
        for _ in range(40):
            try:
                client.identity.get()
                outcomes.append(True)
            except ServerError:
                outcomes.append(False)
    assert 5 < outcomes.count(False) < 35


def test_truncated_json(sandbox: Sandbox) -> None:
    sandbox.faults.add(route="campaigns", truncate=True, times=1)
    with creator_client(sandbox) as client, pytest.raises(ResponseValidationError):
        client.campaigns.get(sandbox.campaign_id)


def test_slow_response(sandbox: Sandbox) -> None:
    sandbox.faults.add(route="identity", delay=0.2, times=1)
    with creator_client(sandbox) as client:
        started = time.perf_counter()
        client.identity.get()
        assert time.perf_counter() - started >= 0.2
    with httpx.Client(transport=sandbox.transport(), base_url=sandbox.base_url, timeout=0.05) as http:
        sandbox.faults.add(route="identity", delay=0.2, times=1)
        response = http.get("/api/oauth2/v2/identity")  # the in-process transport does not time out
        assert response.status_code == 401


def test_dropped_connection(sandbox: Sandbox) -> None:
    sandbox.faults.add(route="members", drop=True, times=1)
    with creator_client(sandbox) as client, pytest.raises(APIConnectionError):
        client.members.list(sandbox.campaign_id)
    sandbox.faults.add(route="members", drop=True, times=1)
    with creator_client(sandbox, max_retries=1) as client:
        assert len(client.members.list(sandbox.campaign_id).data) == 20  # GET is retried


def test_token_endpoint_faults(sandbox: Sandbox) -> None:
    from patreon_auth.errors import RefreshError
    from patreon_auth.oauth import OAuthClient

    sandbox.faults.add(route="token", status=503, html=True, times=1)
    with OAuthClient(
        client_id=sandbox.client_id, client_secret=sandbox.client_secret, base_url=sandbox.base_url,
        transport=sandbox.transport(),
    ) as oauth:  # fmt: skip
        token = sandbox.creator_token()
        with pytest.raises(RefreshError) as caught:
            oauth.refresh(token)
        assert caught.value.status_code == 503
        assert oauth.refresh(token).access_token  # the faulted call never reached the grant


def test_faults_and_limits_through_retries(mode: ModeDriver) -> None:
    sandbox = Sandbox(seed=2, members=50, rate_limits=RateLimits(per_client=None, per_token=(3, 60.0)))
    sandbox.faults.add(route="members", status=502, html=True, times=1)
    sandbox.faults.add(route="identity", drop=True, times=1)
    token = sandbox.creator_token().access_token
    flavour = (creator_client, async_creator_client)
    with mode.using(mode.new(flavour, sandbox, max_retries=1, token=token)) as client:
        page = mode.run(client.members.list(sandbox.campaign_id))
        assert len(page.data) == 20
        mode.run(client.identity.get())
        mode.run(client.identity.get())  # faulted attempts never reached the limiter: this is the 3rd
    with mode.using(mode.new(flavour, sandbox, token=token)) as client, pytest.raises(RateLimitError):
        mode.run(client.identity.get())
    assert sandbox.stats.faults_injected == 2 and sandbox.stats.rate_limited == 1
