"""The library's own log records (logger `patreon` and its children) say what happened, never a secret.

Each test makes the records it is about actually appear (a retry, a 429 wait, a refresh that
works and one that fails, store writes that land and one that is refused), so the `world`
fixture's sweep of everything logged at DEBUG covers them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from patreon_auth import OAuthClient, PatreonCreatorClient
from patreon_auth.errors import RefreshError
from patreon_auth.stores import FileStore, StaleTokenError
from patreon_sandbox.limits import RateLimits

from .conftest import World


def said(caplog: pytest.LogCaptureFixture, logger: str) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.name == logger]


def test_retries_and_rate_limit_waits_are_logged(world: World, caplog: pytest.LogCaptureFixture) -> None:
    world.sandbox.faults.add("members", status=503, html=True, times=1)
    with world.creator_client() as client:
        assert len(client.members.list(world.sandbox.campaign_id, count=5).data) == 5
        retries = said(caplog, "patreon.retry")
        assert len(retries) == 1
        assert "GET /api/oauth2/v2/campaigns/" in retries[0]
        assert "after HTTP 503: attempt 2 of 3" in retries[0]

        # A dropped connection: retried too, and the record names the httpx error, not the request.
        world.sandbox.faults.add("identity", drop=True, times=1)
        client.identity.get()
        dropped = said(caplog, "patreon.retry")[1:]
        assert len(dropped) == 1 and dropped[0].startswith("retrying GET /api/oauth2/v2/identity after ")
        assert "HTTP" not in dropped[0] and "attempt 2 of 3" in dropped[0]

        # One request a second: the second call gets a 429 and waits what Patreon asks.
        world.sandbox.rate_limits = RateLimits(per_client=(1, 1.0), per_token=None)
        try:
            client.identity.get()
            client.identity.get()
        finally:
            world.sandbox.rate_limits = None
    assert any("pauses for" in line for line in said(caplog, "patreon.ratelimit"))
    assert any(
        "after HTTP 429" in line and "as Patreon asked" in line for line in said(caplog, "patreon.retry")
    )


def test_refreshes_and_store_writes_are_logged(
    world: World, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    expired = world.sandbox.creator_token(expires_in=-10)
    world.secrets.add("expired access token", expired.access_token)
    world.secrets.add("expired refresh token", expired.refresh_token)
    path = tmp_path / "token.json"
    store = FileStore(path)
    store.put(expired)  # seeding an empty file
    with PatreonCreatorClient(
        client_id=world.sandbox.client_id,
        client_secret=world.sandbox.client_secret,
        store=store,
        base_url=world.base_url,
    ) as client:
        client.campaigns.list()  # refreshed first
    fresh = store.get()
    assert fresh is not None and fresh.access_token != expired.access_token
    world.secrets.add("refreshed access token", fresh.access_token)
    world.secrets.add("refreshed refresh token", fresh.refresh_token)

    refreshed = said(caplog, "patreon.refresh")
    assert len(refreshed) == 1 and refreshed[0].startswith("refreshed the access token: expires 20")
    writes = said(caplog, "patreon.stores")
    assert writes == [f"token file {str(path)!r}: token written (put)"] * 2  # the seed, then the refresh

    # The spent refresh token again: a warning that names the OAuth error code.
    oauth = OAuthClient(
        client_id=world.sandbox.client_id, client_secret=world.sandbox.client_secret, base_url=world.base_url
    )
    with oauth, pytest.raises(RefreshError):
        oauth.refresh(expired)
    assert (
        said(caplog, "patreon.refresh")[-1]
        == "refreshing the access token failed: RefreshError (invalid_grant)"
    )

    # A second process seeding the same file: refused, and logged as refused.
    with pytest.raises(StaleTokenError):
        FileStore(path).put(expired)
    assert said(caplog, "patreon.stores")[-1] == (
        f"token file {str(path)!r}: put refused, the store holds a token this store did not expect"
    )
