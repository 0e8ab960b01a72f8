"""PatreonAuth over a fake Patreon: refresh timing, single flight, persistence order, secrecy.

Every case has a sync test and an async twin with the same steps.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import threading

import httpx
import pytest

from patreon_auth.auth import AsyncPatreonAuth, PatreonAuth
from patreon_auth.errors import OAuthError, RefreshError
from patreon_auth.oauth import AsyncOAuthClient, OAuthClient
from patreon_auth.stores.memory import AsyncMemoryStore, MemoryStore
from patreon_auth.token import Token

from .conftest import BASE_URL
from .fake_patreon import IDENTITY_PATH, FakePatreon

URL = BASE_URL + IDENTITY_PATH


def _past() -> dt.datetime:
    return dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)


def _soon() -> dt.datetime:
    # Inside the default 300 s leeway, so refreshed before use.
    return dt.datetime.now(dt.UTC) + dt.timedelta(seconds=100)


def _bearer(request: httpx.Request) -> str:
    return request.headers["Authorization"].removeprefix("Bearer ")


def _sync_client(fake: FakePatreon, auth: httpx.Auth) -> httpx.Client:
    return httpx.Client(transport=fake.transport(), auth=auth)


def _async_client(fake: FakePatreon, auth: httpx.Auth) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=fake.async_transport(), auth=auth)


# --- a valid token is used as is -------------------------------------------------------------


def test_valid_token_sent_without_refresh(fake: FakePatreon, oauth: OAuthClient) -> None:
    token = fake.issue_token()
    with _sync_client(fake, PatreonAuth(store=MemoryStore(token), oauth=oauth)) as client:
        assert client.get(URL).status_code == 200
        assert client.get(URL).status_code == 200
    assert fake.api_requests == [token.access_token] * 2
    assert fake.token_requests == 0


async def test_valid_token_sent_without_refresh_async(
    fake: FakePatreon, async_oauth: AsyncOAuthClient
) -> None:
    token = fake.issue_token()
    async with _async_client(fake, AsyncPatreonAuth(store=AsyncMemoryStore(token), oauth=async_oauth)) as c:
        assert (await c.get(URL)).status_code == 200
        assert (await c.get(URL)).status_code == 200
    assert fake.api_requests == [token.access_token] * 2
    assert fake.token_requests == 0


# --- refresh before expiry ---------------------------------------------------------------------


def test_refresh_before_expiry(fake: FakePatreon, oauth: OAuthClient) -> None:
    old = fake.issue_token(expires_at=_soon())
    store = MemoryStore(old)
    seen: list[Token] = []
    auth = PatreonAuth(store=store, oauth=oauth, on_refresh=seen.append)
    with _sync_client(fake, auth) as client:
        assert client.get(URL).status_code == 200
        assert client.get(URL).status_code == 200
    new = store.get()
    assert new is not None and new.access_token != old.access_token
    assert seen == [new]
    assert fake.refresh_requests == 1
    assert fake.api_requests == [new.access_token] * 2


async def test_refresh_before_expiry_async(fake: FakePatreon, async_oauth: AsyncOAuthClient) -> None:
    old = fake.issue_token(expires_at=_soon())
    store = AsyncMemoryStore(old)
    seen: list[Token] = []

    async def on_refresh(token: Token) -> None:  # async callbacks are awaited
        seen.append(token)

    auth = AsyncPatreonAuth(store=store, oauth=async_oauth, on_refresh=on_refresh)
    async with _async_client(fake, auth) as client:
        assert (await client.get(URL)).status_code == 200
        assert (await client.get(URL)).status_code == 200
    new = await store.get()
    assert new is not None and new.access_token != old.access_token
    assert seen == [new]
    assert fake.refresh_requests == 1
    assert fake.api_requests == [new.access_token] * 2


def test_short_lived_tokens_are_not_refreshed_on_every_request() -> None:
    fake = FakePatreon(expires_in=120)  # shorter than the 300 s leeway
    oauth = OAuthClient(
        client_id=fake.client_id,
        client_secret=fake.client_secret,
        base_url=BASE_URL,
        transport=fake.transport(),
    )
    auth = PatreonAuth(store=MemoryStore(fake.issue_token(expires_at=_past())), oauth=oauth)
    with oauth, _sync_client(fake, auth) as client:
        for _ in range(3):
            assert client.get(URL).status_code == 200
    assert fake.refresh_requests == 1


async def test_short_lived_tokens_are_not_refreshed_on_every_request_async() -> None:
    fake = FakePatreon(expires_in=120)
    async_oauth = AsyncOAuthClient(
        client_id=fake.client_id,
        client_secret=fake.client_secret,
        base_url=BASE_URL,
        transport=fake.async_transport(),
    )
    auth = AsyncPatreonAuth(store=AsyncMemoryStore(fake.issue_token(expires_at=_past())), oauth=async_oauth)
    async with async_oauth, _async_client(fake, auth) as client:
        for _ in range(3):
            assert (await client.get(URL)).status_code == 200
    assert fake.refresh_requests == 1


# --- 401: refresh once, replay once -------------------------------------------------------------


def test_401_refreshes_once_and_replays(fake: FakePatreon, oauth: OAuthClient) -> None:
    old = fake.issue_token()
    fake.revoke(old.access_token)
    store = MemoryStore(old)
    with _sync_client(fake, PatreonAuth(store=store, oauth=oauth)) as client:
        response = client.get(URL)
    new = store.get()
    assert response.status_code == 200
    assert new is not None
    assert fake.api_requests == [old.access_token, new.access_token]
    assert fake.refresh_requests == 1


async def test_401_refreshes_once_and_replays_async(fake: FakePatreon, async_oauth: AsyncOAuthClient) -> None:
    old = fake.issue_token()
    fake.revoke(old.access_token)
    store = AsyncMemoryStore(old)
    async with _async_client(fake, AsyncPatreonAuth(store=store, oauth=async_oauth)) as client:
        response = await client.get(URL)
    new = await store.get()
    assert response.status_code == 200
    assert new is not None
    assert fake.api_requests == [old.access_token, new.access_token]
    assert fake.refresh_requests == 1


def test_second_401_goes_to_caller(fake: FakePatreon, oauth: OAuthClient) -> None:
    fake.reject_all_api_calls = True
    with _sync_client(fake, PatreonAuth(store=MemoryStore(fake.issue_token()), oauth=oauth)) as client:
        assert client.get(URL).status_code == 401
        # A 401 right after our own refresh is a scope problem: no second refresh ([WP] PR #181).
        assert client.get(URL).status_code == 401
    assert len(fake.api_requests) == 3
    assert fake.refresh_requests == 1


async def test_second_401_goes_to_caller_async(fake: FakePatreon, async_oauth: AsyncOAuthClient) -> None:
    fake.reject_all_api_calls = True
    auth = AsyncPatreonAuth(store=AsyncMemoryStore(fake.issue_token()), oauth=async_oauth)
    async with _async_client(fake, auth) as client:
        assert (await client.get(URL)).status_code == 401
        assert (await client.get(URL)).status_code == 401
    assert len(fake.api_requests) == 3
    assert fake.refresh_requests == 1


def test_401_without_refresh_token_goes_to_caller(fake: FakePatreon, oauth: OAuthClient) -> None:
    token = Token(access_token="unknown-access")
    with _sync_client(fake, PatreonAuth(store=MemoryStore(token), oauth=oauth)) as client:
        assert client.get(URL).status_code == 401
    assert fake.token_requests == 0


async def test_401_without_refresh_token_goes_to_caller_async(
    fake: FakePatreon, async_oauth: AsyncOAuthClient
) -> None:
    token = Token(access_token="unknown-access")
    async with _async_client(fake, AsyncPatreonAuth(store=AsyncMemoryStore(token), oauth=async_oauth)) as c:
        assert (await c.get(URL)).status_code == 401
    assert fake.token_requests == 0


# --- the new token is stored before it is used ----------------------------------------------------


def test_new_token_persisted_before_use(fake: FakePatreon, oauth: OAuthClient) -> None:
    old = fake.issue_token()
    fake.revoke(old.access_token)
    store = MemoryStore(old)
    stored_when_sent: list[tuple[str, str | None]] = []

    def check(request: httpx.Request) -> None:
        current = store.get()
        stored_when_sent.append((_bearer(request), current.access_token if current else None))

    fake.on_api_request = check
    with _sync_client(fake, PatreonAuth(store=store, oauth=oauth)) as client:
        assert client.get(URL).status_code == 200
    replayed_bearer, stored = stored_when_sent[-1]
    assert replayed_bearer != old.access_token
    assert stored == replayed_bearer


async def test_new_token_persisted_before_use_async(fake: FakePatreon, async_oauth: AsyncOAuthClient) -> None:
    old = fake.issue_token()
    fake.revoke(old.access_token)
    store = AsyncMemoryStore(old)
    stored_when_sent: list[tuple[str, str | None]] = []

    def check(request: httpx.Request) -> None:
        # AsyncMemoryStore.get never suspends, so reading it here is safe.
        current = store._token
        stored_when_sent.append((_bearer(request), current.access_token if current else None))

    fake.on_api_request = check
    async with _async_client(fake, AsyncPatreonAuth(store=store, oauth=async_oauth)) as client:
        assert (await client.get(URL)).status_code == 200
    replayed_bearer, stored = stored_when_sent[-1]
    assert replayed_bearer != old.access_token
    assert stored == replayed_bearer


# --- missing or unrefreshable tokens ---------------------------------------------------------------


def test_empty_store_and_unrefreshable_token(fake: FakePatreon, oauth: OAuthClient) -> None:
    with (
        _sync_client(fake, PatreonAuth(store=MemoryStore(), oauth=oauth)) as client,
        pytest.raises(OAuthError, match="log in"),
    ):
        client.get(URL)
    expired = Token(access_token="a", expires_at=_past())
    with (
        _sync_client(fake, PatreonAuth(store=MemoryStore(expired), oauth=oauth)) as client,
        pytest.raises(RefreshError),
    ):
        client.get(URL)
    assert fake.api_requests == []


async def test_empty_store_and_unrefreshable_token_async(
    fake: FakePatreon, async_oauth: AsyncOAuthClient
) -> None:
    async with _async_client(fake, AsyncPatreonAuth(store=AsyncMemoryStore(), oauth=async_oauth)) as client:
        with pytest.raises(OAuthError, match="log in"):
            await client.get(URL)
    expired = Token(access_token="a", expires_at=_past())
    auth = AsyncPatreonAuth(store=AsyncMemoryStore(expired), oauth=async_oauth)
    async with _async_client(fake, auth) as client:
        with pytest.raises(RefreshError):
            await client.get(URL)
    assert fake.api_requests == []


def test_dead_refresh_token_raises_refresh_error(fake: FakePatreon, oauth: OAuthClient) -> None:
    token = Token(access_token="a", refresh_token="spent", expires_at=_past())
    with (
        _sync_client(fake, PatreonAuth(store=MemoryStore(token), oauth=oauth)) as client,
        pytest.raises(RefreshError) as info,
    ):
        client.get(URL)
    assert info.value.error == "invalid_grant"


async def test_dead_refresh_token_raises_refresh_error_async(
    fake: FakePatreon, async_oauth: AsyncOAuthClient
) -> None:
    token = Token(access_token="a", refresh_token="spent", expires_at=_past())
    async with _async_client(fake, AsyncPatreonAuth(store=AsyncMemoryStore(token), oauth=async_oauth)) as c:
        with pytest.raises(RefreshError) as info:
            await c.get(URL)
    assert info.value.error == "invalid_grant"


# --- single flight -------------------------------------------------------------------------------


def test_fifty_threads_one_refresh(fake: FakePatreon, oauth: OAuthClient) -> None:
    store = MemoryStore(fake.issue_token(expires_at=_past()))
    barrier = threading.Barrier(50)
    statuses: list[int] = []
    errors: list[BaseException] = []

    with _sync_client(fake, PatreonAuth(store=store, oauth=oauth)) as client:

        def worker() -> None:
            barrier.wait()
            try:
                statuses.append(client.get(URL).status_code)
            except BaseException as exc:  # surfaced below
                errors.append(exc)

        threads = [threading.Thread(target=worker) for _ in range(50)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
    assert statuses == [200] * 50
    assert fake.refresh_requests == 1


async def test_fifty_coroutines_one_refresh(fake: FakePatreon, async_oauth: AsyncOAuthClient) -> None:
    store = AsyncMemoryStore(fake.issue_token(expires_at=_past()))
    async with _async_client(fake, AsyncPatreonAuth(store=store, oauth=async_oauth)) as client:
        responses = await asyncio.gather(*(client.get(URL) for _ in range(50)))
    assert [response.status_code for response in responses] == [200] * 50
    assert fake.refresh_requests == 1


def test_two_auth_objects_on_one_store_refresh_once(fake: FakePatreon, oauth: OAuthClient) -> None:
    # The lock and the truth belong to the store, not the auth object (authlib issue #673).
    store = MemoryStore(fake.issue_token(expires_at=_soon()))
    first, second = PatreonAuth(store=store, oauth=oauth), PatreonAuth(store=store, oauth=oauth)
    with _sync_client(fake, first) as a, _sync_client(fake, second) as b:
        assert a.get(URL).status_code == 200
        assert b.get(URL).status_code == 200
    assert fake.refresh_requests == 1
    assert len(set(fake.api_requests)) == 1


async def test_two_auth_objects_on_one_store_refresh_once_async(
    fake: FakePatreon, async_oauth: AsyncOAuthClient
) -> None:
    store = AsyncMemoryStore(fake.issue_token(expires_at=_soon()))
    first = AsyncPatreonAuth(store=store, oauth=async_oauth)
    second = AsyncPatreonAuth(store=store, oauth=async_oauth)
    async with _async_client(fake, first) as a, _async_client(fake, second) as b:
        assert (await a.get(URL)).status_code == 200
        assert (await b.get(URL)).status_code == 200
    assert fake.refresh_requests == 1
    assert len(set(fake.api_requests)) == 1


def test_refresh_is_sent_on_the_api_clients_own_transport(fake: FakePatreon) -> None:
    # No OAuth driver at all: the flow yields the refresh and the API client sends it.
    store = MemoryStore(fake.issue_token(expires_at=_past()))
    auth = PatreonAuth(store=store, client_id=fake.client_id, client_secret=fake.client_secret)
    sent: list[str] = []
    with httpx.Client(
        transport=fake.transport(), auth=auth, event_hooks={"request": [lambda r: sent.append(r.url.path)]}
    ) as client:
        assert client.get(URL).status_code == 200
    assert fake.refresh_requests == 1
    assert sent == ["/api/oauth2/token", IDENTITY_PATH]


async def test_refresh_is_sent_on_the_api_clients_own_transport_async(fake: FakePatreon) -> None:
    store = AsyncMemoryStore(fake.issue_token(expires_at=_past()))
    auth = AsyncPatreonAuth(store=store, client_id=fake.client_id, client_secret=fake.client_secret)
    sent: list[str] = []

    async def note(request: httpx.Request) -> None:
        sent.append(request.url.path)

    async with httpx.AsyncClient(
        transport=fake.async_transport(), auth=auth, event_hooks={"request": [note]}
    ) as client:
        assert (await client.get(URL)).status_code == 200
    assert fake.refresh_requests == 1
    assert sent == ["/api/oauth2/token", IDENTITY_PATH]


# --- secrets never leak -----------------------------------------------------------------------------


def _assert_no_secrets(texts: list[str], secrets: list[str]) -> None:
    for text in texts:
        for secret in secrets:
            assert secret not in text, f"secret leaked into: {text[:80]!r}"


def test_no_secrets_in_repr_exceptions_or_logs(
    fake: FakePatreon, oauth: OAuthClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    old = fake.issue_token(expires_at=_past())
    store = MemoryStore(old)
    auth = PatreonAuth(store=store, oauth=oauth)
    with _sync_client(fake, auth) as client:
        assert client.get(URL).status_code == 200
    new = store.get()
    assert new is not None
    texts = [repr(auth), str(auth), repr(oauth), str(oauth), repr(store), repr(new), str(new)]
    with (
        _sync_client(fake, PatreonAuth(store=MemoryStore(old), oauth=oauth)) as client,
        pytest.raises(RefreshError) as info,
    ):  # old refresh token is spent now
        client.get(URL)
    texts += [str(info.value), repr(info.value)]
    texts += [record.getMessage() for record in caplog.records]
    assert any("refreshing" in record.getMessage() for record in caplog.records)
    secrets = [old.access_token, old.refresh_token or "", new.access_token, new.refresh_token or ""]
    _assert_no_secrets(texts, [*secrets, fake.client_secret])


async def test_no_secrets_in_repr_exceptions_or_logs_async(
    fake: FakePatreon, async_oauth: AsyncOAuthClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    old = fake.issue_token(expires_at=_past())
    store = AsyncMemoryStore(old)
    auth = AsyncPatreonAuth(store=store, oauth=async_oauth)
    async with _async_client(fake, auth) as client:
        assert (await client.get(URL)).status_code == 200
    new = await store.get()
    assert new is not None
    texts = [repr(auth), str(auth), repr(async_oauth), str(async_oauth), repr(store), repr(new), str(new)]
    async with _async_client(fake, AsyncPatreonAuth(store=AsyncMemoryStore(old), oauth=async_oauth)) as c:
        with pytest.raises(RefreshError) as info:
            await c.get(URL)
    texts += [str(info.value), repr(info.value)]
    texts += [record.getMessage() for record in caplog.records]
    assert any("refreshing" in record.getMessage() for record in caplog.records)
    secrets = [old.access_token, old.refresh_token or "", new.access_token, new.refresh_token or ""]
    _assert_no_secrets(texts, [*secrets, fake.client_secret])


def test_wrong_flavour_is_a_clear_error(fake: FakePatreon) -> None:
    # A sync store on an async client is a type error (tests/auth/test_auth_typing.py); at run
    # time the wrong flow says which class to use.
    auth = AsyncPatreonAuth(store=AsyncMemoryStore(fake.issue_token()))
    with _sync_client(fake, auth) as client, pytest.raises(TypeError, match="use PatreonAuth"):
        client.get(URL)


async def test_wrong_flavour_is_a_clear_error_async(fake: FakePatreon) -> None:
    auth = PatreonAuth(store=MemoryStore(fake.issue_token()))
    async with _async_client(fake, auth) as client:
        with pytest.raises(TypeError, match="use AsyncPatreonAuth"):
            await client.get(URL)


# --- issue 10 item 8: refresh answers that omit things ------------------------------------------


def test_a_refresh_without_a_new_refresh_token_stores_the_old_one(
    fake: FakePatreon, oauth: OAuthClient
) -> None:
    fake.keep_refresh_tokens = True  # RFC 6749 §6: the old refresh token stays valid, none is sent
    old = fake.issue_token(expires_at=_past())
    store = MemoryStore(old)
    with _sync_client(fake, PatreonAuth(store=store, oauth=oauth)) as client:
        assert client.get(URL).status_code == 200
    stored = store.get()
    assert stored is not None and stored.refresh_token == old.refresh_token
    fake.revoke(stored.access_token)  # a 401 next: another process refreshes with the kept token
    with _sync_client(fake, PatreonAuth(store=store, oauth=oauth)) as client:
        assert client.get(URL).status_code == 200
    assert fake.refresh_requests == 2


async def test_a_refresh_without_a_new_refresh_token_stores_the_old_one_async(
    fake: FakePatreon, async_oauth: AsyncOAuthClient
) -> None:
    fake.keep_refresh_tokens = True
    old = fake.issue_token(expires_at=_past())
    store = AsyncMemoryStore(old)
    async with _async_client(fake, AsyncPatreonAuth(store=store, oauth=async_oauth)) as client:
        assert (await client.get(URL)).status_code == 200
    stored = await store.get()
    assert stored is not None and stored.refresh_token == old.refresh_token


@pytest.mark.parametrize("expires_in", ["soon", None, "1e999", 10**400])
def test_a_refreshed_token_with_a_bad_expires_in_is_kept_and_used(
    fake: FakePatreon, oauth: OAuthClient, expires_in: object
) -> None:
    fake.expires_in = expires_in
    old = fake.issue_token(expires_at=_past())
    store = MemoryStore(old)
    with _sync_client(fake, PatreonAuth(store=store, oauth=oauth)) as client:
        assert client.get(URL).status_code == 200  # RefreshError before: the new token was dropped
        assert client.get(URL).status_code == 200
    new = store.get()
    assert new is not None and new.access_token != old.access_token
    assert new.expires_at is None  # unknown expiry: no refresh ahead of time, one on a 401
    assert fake.refresh_requests == 1
    assert fake.api_requests == [new.access_token] * 2


async def test_a_refreshed_token_with_a_bad_expires_in_is_kept_and_used_async(
    fake: FakePatreon, async_oauth: AsyncOAuthClient
) -> None:
    fake.expires_in = "soon"
    old = fake.issue_token(expires_at=_past())
    store = AsyncMemoryStore(old)
    async with _async_client(fake, AsyncPatreonAuth(store=store, oauth=async_oauth)) as client:
        assert (await client.get(URL)).status_code == 200
    new = await store.get()
    assert new is not None and new.expires_at is None and new.access_token != old.access_token
