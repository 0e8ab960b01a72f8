"""PatreonAuth / AsyncPatreonAuth over a fake Patreon: refresh timing, single flight, persistence
order, secrecy. Each scenario is written once and runs under the `mode` fixture (sync and async)."""

from __future__ import annotations

import datetime as dt
import logging

import httpx
import pytest

from patreon_auth.auth import AsyncPatreonAuth, PatreonAuth
from patreon_auth.errors import OAuthError, RefreshError
from patreon_auth.stores.memory import AsyncMemoryStore, MemoryStore
from patreon_auth.token import Token

from .auth_modes import AsyncDriver, Driver, SyncDriver
from .fake_patreon import IDENTITY_PATH, FakePatreon


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest, fake: FakePatreon) -> Driver:
    return SyncDriver(fake) if request.param == "sync" else AsyncDriver(fake)


def _past() -> dt.datetime:
    return dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)


def _soon() -> dt.datetime:
    # Inside the default 300 s leeway, so refreshed before use.
    return dt.datetime.now(dt.UTC) + dt.timedelta(seconds=100)


def _bearer(request: httpx.Request) -> str:
    return request.headers["Authorization"].removeprefix("Bearer ")


# --- a valid token is used as is -------------------------------------------------------------


def test_valid_token_sent_without_refresh(fake: FakePatreon, mode: Driver) -> None:
    token = fake.issue_token()
    assert mode.get(mode.auth(mode.store(token)), times=2) == [200, 200]
    assert fake.api_requests == [token.access_token] * 2
    assert fake.token_requests == 0


# --- refresh before expiry ---------------------------------------------------------------------


def test_refresh_before_expiry(fake: FakePatreon, mode: Driver) -> None:
    old = fake.issue_token(expires_at=_soon())
    store = mode.store(old)
    seen: list[Token] = []
    assert mode.get(mode.auth(store, on_refresh=mode.on_refresh(seen)), times=2) == [200, 200]
    new = store.last_token
    assert new is not None and new.access_token != old.access_token
    assert seen == [new]
    assert fake.refresh_requests == 1
    assert fake.api_requests == [new.access_token] * 2


def test_short_lived_tokens_are_not_refreshed_on_every_request(mode: Driver) -> None:
    fake = mode.fake = FakePatreon(expires_in=120)  # shorter than the 300 s leeway
    assert mode.get(mode.auth(mode.store(fake.issue_token(expires_at=_past()))), times=3) == [200] * 3
    assert fake.refresh_requests == 1


# --- 401: refresh once, replay once -------------------------------------------------------------


def test_401_refreshes_once_and_replays(fake: FakePatreon, mode: Driver) -> None:
    old = fake.issue_token()
    fake.revoke(old.access_token)
    store = mode.store(old)
    assert mode.get(mode.auth(store)) == [200]
    new = store.last_token
    assert new is not None
    assert fake.api_requests == [old.access_token, new.access_token]
    assert fake.refresh_requests == 1


def test_second_401_goes_to_caller(fake: FakePatreon, mode: Driver) -> None:
    fake.reject_all_api_calls = True
    # A 401 right after our own refresh is a scope problem: no second refresh ([WP] PR #181).
    assert mode.get(mode.auth(mode.store(fake.issue_token())), times=2) == [401, 401]
    assert len(fake.api_requests) == 3
    assert fake.refresh_requests == 1


def test_401_without_refresh_token_goes_to_caller(fake: FakePatreon, mode: Driver) -> None:
    assert mode.get(mode.auth(mode.store(Token(access_token="unknown-access")))) == [401]
    assert fake.token_requests == 0


# --- the new token is stored before it is used ----------------------------------------------------


def test_new_token_persisted_before_use(fake: FakePatreon, mode: Driver) -> None:
    old = fake.issue_token()
    fake.revoke(old.access_token)
    store = mode.store(old)
    stored_when_sent: list[tuple[str, str | None]] = []

    def check(request: httpx.Request) -> None:
        # last_token never does I/O, so the fake's transport may read it for either flavour.
        current = store.last_token
        stored_when_sent.append((_bearer(request), current.access_token if current else None))

    fake.on_api_request = check
    assert mode.get(mode.auth(store)) == [200]
    replayed_bearer, stored = stored_when_sent[-1]
    assert replayed_bearer != old.access_token
    assert stored == replayed_bearer


# --- missing or unrefreshable tokens ---------------------------------------------------------------


def test_empty_store_and_unrefreshable_token(fake: FakePatreon, mode: Driver) -> None:
    with pytest.raises(OAuthError, match="log in"):
        mode.get(mode.auth(mode.store()))
    with pytest.raises(RefreshError):
        mode.get(mode.auth(mode.store(Token(access_token="a", expires_at=_past()))))
    assert fake.api_requests == []


def test_dead_refresh_token_raises_refresh_error(mode: Driver) -> None:
    token = Token(access_token="a", refresh_token="spent", expires_at=_past())
    with pytest.raises(RefreshError) as info:
        mode.get(mode.auth(mode.store(token)))
    assert info.value.error == "invalid_grant"


# --- single flight -------------------------------------------------------------------------------


def test_fifty_at_once_one_refresh(fake: FakePatreon, mode: Driver) -> None:
    # 50 threads on one httpx.Client (sync), 50 coroutines on one httpx.AsyncClient (async).
    store = mode.store(fake.issue_token(expires_at=_past()))
    assert mode.get(mode.auth(store), parallel=50) == [200] * 50
    assert fake.refresh_requests == 1


def test_two_auth_objects_on_one_store_refresh_once(fake: FakePatreon, mode: Driver) -> None:
    store = mode.store(fake.issue_token(expires_at=_soon()))
    assert mode.get(mode.auth(store)) == [200]
    assert mode.get(mode.auth(store)) == [200]
    assert fake.refresh_requests == 1
    assert len(set(fake.api_requests)) == 1


def test_refresh_is_sent_on_the_api_clients_own_transport(fake: FakePatreon, mode: Driver) -> None:
    # No OAuth driver at all: the flow yields the refresh and the API client sends it.
    sent: list[str] = []
    fake.on_token_request = lambda request: sent.append(request.url.path)
    fake.on_api_request = lambda request: sent.append(request.url.path)
    assert mode.get(mode.auth(mode.store(fake.issue_token(expires_at=_past())))) == [200]
    assert fake.refresh_requests == 1
    assert sent == ["/api/oauth2/token", IDENTITY_PATH]


# --- secrets never leak -----------------------------------------------------------------------------


def _assert_no_secrets(texts: list[str], secrets: list[str]) -> None:
    for text in texts:
        for secret in secrets:
            assert secret not in text, f"secret leaked into: {text[:80]!r}"


def test_no_secrets_in_repr_exceptions_or_logs(
    fake: FakePatreon, mode: Driver, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    old = fake.issue_token(expires_at=_past())
    store = mode.store(old)
    auth = mode.auth(store)
    assert mode.get(auth) == [200]
    new = store.last_token
    assert new is not None
    texts = [repr(auth), str(auth), repr(store), repr(new), str(new)]
    with pytest.raises(RefreshError) as info:  # the old refresh token is spent now
        mode.get(mode.auth(mode.store(old)))
    texts += [str(info.value), repr(info.value)]
    texts += [record.getMessage() for record in caplog.records]
    assert any("refreshing" in record.getMessage() for record in caplog.records)
    secrets = [old.access_token, old.refresh_token or "", new.access_token, new.refresh_token or ""]
    _assert_no_secrets(texts, [*secrets, fake.client_secret])


def test_wrong_flavour_is_a_clear_error(fake: FakePatreon) -> None:
    # A sync store on an async auth is a type error (test_auth_typing.py); at run time the other
    # flavour's flow names the class to use.
    auth = AsyncPatreonAuth(store=AsyncMemoryStore(fake.issue_token()))
    with pytest.raises(TypeError, match="use PatreonAuth"):
        SyncDriver(fake).get(auth)
    with pytest.raises(TypeError, match="use AsyncPatreonAuth"):
        AsyncDriver(fake).get(PatreonAuth(store=MemoryStore(fake.issue_token())))


# --- issue 10 item 8: refresh answers that omit things ------------------------------------------


def test_a_refresh_without_a_new_refresh_token_stores_the_old_one(fake: FakePatreon, mode: Driver) -> None:
    fake.keep_refresh_tokens = True  # RFC 6749 §6: the old refresh token stays valid, none is sent
    old = fake.issue_token(expires_at=_past())
    store = mode.store(old)
    assert mode.get(mode.auth(store)) == [200]
    stored = store.last_token
    assert stored is not None and stored.refresh_token == old.refresh_token
    fake.revoke(stored.access_token)  # a 401 next: another process refreshes with the kept token
    assert mode.get(mode.auth(store)) == [200]
    assert fake.refresh_requests == 2


@pytest.mark.parametrize("expires_in", ["soon", None, "1e999", 10**400])
def test_a_refreshed_token_with_a_bad_expires_in_is_kept_and_used(
    fake: FakePatreon, mode: Driver, expires_in: object
) -> None:
    fake.expires_in = expires_in
    old = fake.issue_token(expires_at=_past())
    store = mode.store(old)
    # RefreshError before: the new token was dropped.
    assert mode.get(mode.auth(store), times=2) == [200, 200]
    new = store.last_token
    assert new is not None and new.access_token != old.access_token
    assert new.expires_at is None  # unknown expiry: no refresh ahead of time, one on a 401
    assert fake.refresh_requests == 1
    assert fake.api_requests == [new.access_token] * 2
