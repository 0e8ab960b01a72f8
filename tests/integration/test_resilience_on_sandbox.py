"""Retries, rate limits and injected faults, through the real clients on the sandbox.

A scenario both flavours share runs under the `mode` fixture (tests/modes.py)."""

from __future__ import annotations

import threading

import pytest

from patreon_auth import PatreonCreatorClient
from patreon_auth.errors import (
    APIConnectionError,
    APITimeoutError,
    RefreshError,
    ResponseValidationError,
    ServerError,
)
from patreon_sandbox import Sandbox
from patreon_sandbox.limits import RateLimits
from tests.modes import ModeDriver

from .clients import async_creator, creator

CREATOR = (creator, async_creator)


@pytest.mark.parametrize("status", [500, 502, 503])
def test_html_5xx_on_a_read_is_retried(mode: ModeDriver, sandbox: Sandbox, status: int) -> None:
    sandbox.faults.add("members", status=status, html=True, times=2)
    client = mode.new(CREATOR, sandbox)
    doc = mode.run(client.members.list(sandbox.campaign_id, count=10))
    assert len(doc.data) == 10
    assert sandbox.stats.faults_injected == 2
    assert sandbox.stats.by_route["list_campaign_members"] == 1  # the third attempt got through
    mode.shut(client)


def test_5xx_beyond_the_retry_budget_is_a_typed_error(sandbox: Sandbox) -> None:
    sandbox.faults.add("members", status=502, html=True)
    with pytest.raises(ServerError) as caught:
        creator(sandbox, max_retries=2).members.list(sandbox.campaign_id)
    assert caught.value.status_code == 502
    assert "<html" in caught.value.body_excerpt.lower()
    assert sandbox.stats.faults_injected == 3


def test_a_write_is_not_retried(mode: ModeDriver, sandbox: Sandbox) -> None:
    sandbox.faults.add("webhooks", status=503, html=True, times=1, method="POST")
    client = mode.new(CREATOR, sandbox)
    with pytest.raises(ServerError):
        mode.run(
            client.webhooks.create(
                campaign_id=sandbox.campaign_id, triggers=["members:create"], uri="https://h.test/x"
            )
        )
    assert sandbox.stats.faults_injected == 1
    assert mode.run(client.webhooks.list()).data == []  # nothing was created behind the caller's back
    mode.shut(client)


def test_dropped_connection_on_a_read_is_retried(mode: ModeDriver, sandbox: Sandbox) -> None:
    sandbox.faults.add("identity", drop=True, times=1)
    client = mode.new(CREATOR, sandbox)
    assert mode.run(client.identity.get()).data.id == sandbox.creator.id
    assert sandbox.stats.faults_injected == 1
    mode.shut(client)


def test_dropped_connections_beyond_budget_are_connection_errors(sandbox: Sandbox) -> None:
    sandbox.faults.add("identity", drop=True)
    with pytest.raises(APIConnectionError):
        creator(sandbox, max_retries=1).identity.get()


def test_truncated_json_is_a_validation_error(sandbox: Sandbox) -> None:
    sandbox.faults.add("members", truncate=True, times=1)
    with pytest.raises(ResponseValidationError):
        creator(sandbox, max_retries=0).members.list(sandbox.campaign_id)


def test_slow_response_times_out_over_loopback(sandbox: Sandbox) -> None:
    # Timeouts are enforced by the network layer, so this one runs against the served sandbox.
    sandbox.faults.add("identity", delay=1.0, times=1)
    with sandbox.serve_in_thread() as base_url:
        client = PatreonCreatorClient(
            client_id=sandbox.client_id,
            client_secret=sandbox.client_secret,
            token=sandbox.creator_token(),
            base_url=base_url,
            timeout=0.2,
            max_retries=0,
        )
        with pytest.raises(APITimeoutError):
            client.identity.get()
        client.close()


def test_revoked_token_is_a_typed_error(sandbox: Sandbox) -> None:
    client = creator(sandbox)
    token = client.store.get()
    assert token is not None
    sandbox.revoke(token)
    with pytest.raises(RefreshError):
        client.identity.get()


def test_rate_limit_storm_finishes_without_errors() -> None:
    # Patreon's limits scaled down so the storm takes seconds, not minutes [PD _rate_limits.md].
    per_window, window = 60, 1.0
    with Sandbox(
        seed=3, members=50, rate_limits=RateLimits(per_client=(per_window, window), per_token=None)
    ) as sandbox:
        client = creator(sandbox)
        threads, calls_each = 6, 40
        failures: list[BaseException] = []

        def storm() -> None:
            for _ in range(calls_each):
                try:
                    client.identity.get()
                except BaseException as exc:
                    failures.append(exc)

        workers = [threading.Thread(target=storm) for _ in range(threads)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        total = threads * calls_each
        assert failures == []
        assert sandbox.stats.by_route["get_identity"] - sandbox.stats.rate_limited == total
        # Every 429 pauses the whole client until the window reopens, so at most the requests
        # already in flight (one per thread: the documented burst) overshoot each window.
        windows = -(-total // per_window)
        assert 0 < sandbox.stats.rate_limited <= threads * (windows + 1)
