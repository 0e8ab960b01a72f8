"""One option list for every client: event_hooks and http_client reach the creator and user
clients, `auth=` takes a strategy, and `with_options(...)` makes per-call copies on one pool.

A scenario both flavours share runs under the `mode` fixture (tests/modes.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest

from patreon_auth import (
    AsyncPatreonCreatorClient,
    AsyncPatreonUserClient,
    PatreonCreatorClient,
    PatreonUserClient,
)
from patreon_auth.auth import PatreonAuth
from patreon_auth.stores.memory import MemoryStore
from patreon_generated import Patreon
from patreon_generated.errors import ServerError
from tests.modes import ModeDriver

from .conftest import BASE_URL
from .fake_patreon import IDENTITY_PATH, FakePatreon


def _past() -> dt.datetime:
    return dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)


def _recording_hook(mode: ModeDriver, sent: list[str]) -> Any:
    """A request hook of the mode's flavour (an async client awaits its hooks)."""

    def note(request: httpx.Request) -> None:
        sent.append(request.url.path)

    async def async_note(request: httpx.Request) -> None:
        note(request)

    return mode.pick(note, async_note)


def _pool(mode: ModeDriver, fake: FakePatreon, **options: Any) -> Any:
    return mode.new(
        (httpx.Client, httpx.AsyncClient),
        transport=mode.pick(fake.transport(), fake.async_transport()),
        base_url=BASE_URL,
        **options,
    )


CREATOR = (PatreonCreatorClient, AsyncPatreonCreatorClient)
USER = (PatreonUserClient, AsyncPatreonUserClient)


def test_creator_client_event_hooks_see_the_refresh_and_the_call(mode: ModeDriver, fake: FakePatreon) -> None:
    sent: list[str] = []
    client = mode.new(
        CREATOR,
        client_id=fake.client_id,
        client_secret=fake.client_secret,
        token=fake.issue_token(expires_at=_past()),
        base_url=BASE_URL,
        transport=mode.pick(fake.transport(), fake.async_transport()),
        event_hooks={"request": [_recording_hook(mode, sent)]},
    )
    with mode.using(client):
        assert mode.run(client.identity.get()).data.id == "1"
    # One pool: the refresh went through the same client (and its hooks) as the API call.
    assert sent == ["/api/oauth2/token", IDENTITY_PATH]
    assert fake.refresh_requests == 1


def test_creator_client_takes_a_shared_pool(mode: ModeDriver, fake: FakePatreon) -> None:
    with mode.using(_pool(mode, fake)) as pool:
        client = mode.new(
            CREATOR,
            client_id=fake.client_id,
            client_secret=fake.client_secret,
            token=fake.issue_token(expires_at=_past()),
            base_url=BASE_URL,
            http_client=pool,
        )
        assert client.http_client is pool
        assert mode.run(client.identity.get()).data.id == "1"
        mode.shut(client)
        assert not pool.is_closed  # its owner closes it
    assert fake.refresh_requests == 1


def test_user_client_instances_share_the_given_pool_and_hooks(mode: ModeDriver, fake: FakePatreon) -> None:
    sent: list[str] = []
    with mode.using(_pool(mode, fake, event_hooks={"request": [_recording_hook(mode, sent)]})) as pool:
        users = mode.new(
            USER,
            client_id=fake.client_id,
            client_secret=fake.client_secret,
            redirect_uri="https://app.test/cb",
            base_url=BASE_URL,
            http_client=pool,
        )
        one = users.create_instance(fake.issue_token(expires_at=_past()))
        two = users.create_instance(fake.issue_token())
        assert one.http_client is two.http_client is pool
        assert mode.run(one.identity.get()).data.id == mode.run(two.identity.get()).data.id == "1"
        mode.shut(users)
        assert not pool.is_closed
    assert sent == ["/api/oauth2/token", IDENTITY_PATH, IDENTITY_PATH]


def test_user_client_event_hooks_reach_every_instance(mode: ModeDriver, fake: FakePatreon) -> None:
    sent: list[str] = []
    users = mode.new(
        USER,
        client_id=fake.client_id,
        client_secret=fake.client_secret,
        redirect_uri="https://app.test/cb",
        base_url=BASE_URL,
        transport=mode.pick(fake.transport(), fake.async_transport()),
        event_hooks={"request": [_recording_hook(mode, sent)]},
    )
    one = users.create_instance(fake.issue_token())
    assert mode.run(one.identity.get()).data.id == "1"
    mode.shut(users)
    assert sent == [IDENTITY_PATH]


def test_auth_strategies_static_token_and_refreshing_store(fake: FakePatreon) -> None:
    with Patreon(auth=fake.issue_token().access_token, base_url=BASE_URL, transport=fake.transport()) as c:
        assert c.identity.get().data.id == "1"
    store = MemoryStore(fake.issue_token(expires_at=_past()))
    auth = PatreonAuth(store=store, client_id=fake.client_id, client_secret=fake.client_secret)
    with Patreon(auth=auth, base_url=BASE_URL, transport=fake.transport()) as c:
        assert c.identity.get().data.id == "1"
    assert fake.refresh_requests == 1
    with pytest.raises(ValueError, match="either token or auth"):
        Patreon("t", auth="u")


def _failing_transport(calls: list[httpx.Request]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(503, json={"errors": [{"status": "503"}]})

    return httpx.MockTransport(handler)


def test_with_options_changes_retries_and_timeout_for_the_copy_only() -> None:
    calls: list[httpx.Request] = []
    client = Patreon(token="t", transport=_failing_transport(calls), max_retries=2, retry_backoff=0.0)
    quick = client.with_options(max_retries=0, timeout=1.5)
    with pytest.raises(ServerError):
        quick.identity.get()
    assert len(calls) == 1
    assert calls[0].extensions["timeout"] == httpx.Timeout(1.5).as_dict()
    calls.clear()
    with pytest.raises(ServerError):
        client.identity.get()
    assert len(calls) == 3  # the original keeps its options
    assert calls[0].extensions["timeout"] == httpx.Timeout(30.0, connect=5.0).as_dict()
    assert quick.http_client is client.http_client
    quick.close()  # a copy does not own the pool
    assert not client.http_client.is_closed
    client.close()
    assert client.http_client.is_closed


def test_with_options_keeps_the_creator_clients_store(fake: FakePatreon) -> None:
    client = PatreonCreatorClient(
        client_id=fake.client_id,
        client_secret=fake.client_secret,
        token=fake.issue_token(),
        base_url=BASE_URL,
        transport=fake.transport(),
    )
    copy = client.with_options(timeout=2.0)
    assert isinstance(copy, PatreonCreatorClient)
    assert copy.store is client.store
    assert copy.identity.get().data.id == "1"
    client.close()
