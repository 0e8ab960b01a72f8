"""Issue 21: a shared rate limiter never silently splits an app's budget.

A client given ``rate_limiter=`` without ``client_id=`` used to spend a budget keyed "default",
beside the app's real one: mixed with creator clients of the same app it got 429s. Now it is
refused with a typed error; given the id, it shares the one budget (0 429s from a sandbox that
enforces it). The process default limiter still keys an id-less ``Patreon(token=...)`` as
"default" (a script's one client needs no id), and says so once when real ids share it.
"""

from __future__ import annotations

import logging

import pytest

from patreon_auth import LocalRateLimiter, PatreonCreatorClient, RateLimits
from patreon_auth.errors import ClientIdRequiredError
from patreon_generated import AsyncPatreon, Patreon
from patreon_runtime import rate_limited_auth
from patreon_sandbox import RateLimits as SandboxLimits
from patreon_sandbox import Sandbox


@pytest.mark.parametrize("client_class", [Patreon, AsyncPatreon])
def test_a_limiter_given_without_a_client_id_is_refused(client_class: type[Patreon | AsyncPatreon]) -> None:
    with pytest.raises(ClientIdRequiredError, match="client_id=") as caught:
        client_class(token="a-token", rate_limiter=LocalRateLimiter())  # type: ignore[arg-type]
    assert isinstance(caught.value, TypeError)  # a configuration mistake, like the other ones


def test_with_the_client_id_a_bare_token_client_shares_the_apps_one_budget() -> None:
    limits = RateLimits(per_client=(10, 0.5), per_token=None, edge_errors=None)
    enforced = SandboxLimits(per_client=(10, 0.5), per_token=None)
    with Sandbox(seed=21, members=2, rate_limits=enforced) as sandbox:
        limiter = LocalRateLimiter(limits)
        token = sandbox.creator_token()
        with (
            PatreonCreatorClient(
                client_id=sandbox.client_id,
                client_secret=sandbox.client_secret,
                token=token,
                rate_limiter=limiter,
                transport=sandbox.transport(),
                base_url="https://sandbox.test",
                max_retries=0,
            ) as creator,
            Patreon(
                token=token.access_token,
                client_id=sandbox.client_id,
                rate_limiter=limiter,
                transport=sandbox.transport(),
                base_url="https://sandbox.test",
                max_retries=0,
            ) as bare,
        ):
            for _ in range(15):
                creator.identity.get()
                bare.identity.get()
        # Keyed "default" instead (what the refused call did), the same run got 429s.
        assert sandbox.stats.rate_limited == 0


def test_the_default_limiter_says_once_when_an_id_less_client_splits_the_budget(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(rate_limited_auth, "_DEFAULT_KEYS", rate_limited_auth._DefaultLimiterKeys())
    with caplog.at_level(logging.WARNING, logger="patreon.ratelimit"):
        alone = Patreon(token="a-token")  # Patreon itself, the default transport: the process default
        assert caplog.records == []  # one client without an id: nothing to say
        with_id = Patreon(token="b-token", client_id="app-1")
        again = Patreon(token="c-token", client_id="app-2")
    warnings = [record.getMessage() for record in caplog.records]
    assert len(warnings) == 1
    assert "client_id=" in warnings[0] and "app-1" in warnings[0]
    for client in (alone, with_id, again):
        client.close()
