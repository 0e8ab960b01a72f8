"""OAuth as Patreon runs it, through patreon_auth's OAuthClient and PatreonAuth."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from patreon_auth.auth import AsyncPatreonAuth, PatreonAuth
from patreon_auth.errors import OAuthError, RefreshError
from patreon_auth.oauth import AsyncOAuthClient, OAuthClient, build_authorization_request, parse_callback
from patreon_auth.stores.memory import AsyncMemoryStore, MemoryStore
from patreon_auth.token import Token
from patreon_generated import AsyncPatreon, Patreon
from patreon_generated.errors import AuthenticationError, PermissionDeniedError
from patreon_sandbox import AuthorizeError, Sandbox
from tests.modes import ModeDriver

from .conftest import creator_client


def _oauth(sandbox: Sandbox) -> OAuthClient:
    return OAuthClient(
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        base_url=sandbox.base_url,
        transport=sandbox.transport(),
    )


def _authorize(sandbox: Sandbox, scopes: list[str], *, allow: bool = True) -> tuple[str, str]:
    request = build_authorization_request(
        base_url=sandbox.base_url,
        client_id=sandbox.client_id,
        redirect_uri=sandbox.redirect_uri,
        scopes=scopes,
    )
    return sandbox.authorize(request.url, user=sandbox.users[0], allow=allow), request.state


def test_consent_code_exchange_and_identity(sandbox: Sandbox) -> None:
    callback, state = _authorize(sandbox, ["identity", "identity[email]"])
    assert callback.startswith(sandbox.redirect_uri + "?")
    code = parse_callback(callback, expected_state=state)
    with _oauth(sandbox) as oauth:
        token = oauth.exchange_code(code, redirect_uri=sandbox.redirect_uri)
        assert token.scope == {"identity", "identity[email]"}
        assert token.refresh_token and token.expires_at is not None
        with pytest.raises(OAuthError) as reused:
            oauth.exchange_code(code, redirect_uri=sandbox.redirect_uri)  # codes are single use
        assert reused.value.error == "invalid_grant"
    with creator_client(sandbox, token=token.access_token) as client:
        me = client.identity.get(fields={"user": ["email", "full_name"]})
    assert me.data.id == sandbox.users[0].id and me.data.attributes.email == sandbox.users[0].email
    assert sandbox.stats.code_exchanges == 2 and sandbox.stats.token_requests == 2


def test_refusal_and_bad_requests(sandbox: Sandbox) -> None:
    callback, state = _authorize(sandbox, ["identity"], allow=False)
    assert parse_qs(urlsplit(callback).query)["error"] == ["access_denied"]
    with pytest.raises(OAuthError) as denied:
        parse_callback(callback, expected_state=state)
    assert denied.value.error == "access_denied"
    bad_scope, _ = _authorize(sandbox, ["identity", "pledges-to-everyone"])
    assert parse_qs(urlsplit(bad_scope).query)["error"] == ["invalid_scope"]
    unknown_redirect = build_authorization_request(
        base_url=sandbox.base_url, client_id=sandbox.client_id, redirect_uri="https://evil.test/cb", scopes=[]
    )
    with pytest.raises(AuthorizeError):
        sandbox.authorize(unknown_redirect.url)
    with httpx.Client(transport=sandbox.transport(), base_url=sandbox.base_url) as http:
        assert http.get(unknown_redirect.url).status_code == 400
        good = build_authorization_request(
            base_url=sandbox.base_url,
            client_id=sandbox.client_id,
            redirect_uri=sandbox.redirect_uri,
            scopes=["identity"],
        )
        page = http.get(good.url)
        assert page.status_code == 200 and "Allow" in page.text
        # The consent form posts back: the browser flow works over HTTP too.
        consent = http.post(good.url, data={"sandbox_user_id": sandbox.users[1].id, "decision": "allow"})
        assert consent.status_code == 302
        assert parse_callback(consent.headers["location"], expected_state=good.state)


def test_client_owner_gets_every_scope(sandbox: Sandbox) -> None:
    request = build_authorization_request(
        base_url=sandbox.base_url,
        client_id=sandbox.client_id,
        redirect_uri=sandbox.redirect_uri,
        scopes=["identity"],
    )
    callback = sandbox.authorize(request.url, user=sandbox.creator)
    with _oauth(sandbox) as oauth:
        token = oauth.exchange_code(
            parse_callback(callback, expected_state=request.state), redirect_uri=sandbox.redirect_uri
        )
    assert "campaigns.members" in token.scope  # forum /t/8908


def test_refresh_tokens_rotate_and_are_single_use(sandbox: Sandbox) -> None:
    first = sandbox.creator_token()
    with _oauth(sandbox) as oauth:
        second = oauth.refresh(first)
        assert second.refresh_token != first.refresh_token and second.access_token != first.access_token
        with pytest.raises(RefreshError) as reused:
            oauth.refresh(first)
        assert reused.value.error == "invalid_grant" and reused.value.status_code == 401
        third = oauth.refresh(second)
    assert third.scope == first.scope
    assert sandbox.stats.refresh_requests == 3


def test_wrong_client_secret_is_invalid_client(sandbox: Sandbox) -> None:
    with (
        OAuthClient(
            client_id=sandbox.client_id,
            client_secret="nope",
            base_url=sandbox.base_url,
            transport=sandbox.transport(),
        ) as oauth,
        pytest.raises(RefreshError) as caught,
    ):
        oauth.refresh(sandbox.creator_token())
    assert caught.value.error == "invalid_client"
    # What to do: fix the client credentials; nothing says the refresh token is spent.
    assert "the client id or client secret is wrong" in str(caught.value)
    assert "developer portal" in str(caught.value) and "spent" not in str(caught.value)


def test_expired_bad_and_revoked_tokens_get_patreons_401(sandbox: Sandbox) -> None:
    expired = sandbox.creator_token(expires_in=-1)
    assert expired.is_expired()
    revoked = sandbox.creator_token()
    assert sandbox.revoke(revoked)
    for access_token in (expired.access_token, "not-a-token", revoked.access_token):
        with (
            creator_client(sandbox, token=access_token) as client,
            pytest.raises(AuthenticationError) as caught,
        ):
            client.identity.get()
        assert (
            caught.value.errors[0]["code_name"] == "Unauthorized"
            and caught.value.errors[0]["status"] == "401"
        )
    with _oauth(sandbox) as oauth, pytest.raises(RefreshError):
        oauth.refresh(revoked)  # revoking an access token kills its refresh token too
    assert sandbox.stats.unauthorized == 3


def test_sandbox_wide_expired_lifetime() -> None:
    sandbox = Sandbox(seed=1, members=10, token_lifetime=-1)
    token = sandbox.creator_token()
    with creator_client(sandbox, token=token.access_token) as client, pytest.raises(AuthenticationError):
        client.identity.get()


def _refreshing_client(mode: ModeDriver, sandbox: Sandbox, store: Any) -> tuple[Any, Any]:
    """(oauth, client): the token endpoint and an API client refreshing through `store`, of the
    mode's flavour (PatreonAuth over OAuthClient, or AsyncPatreonAuth over AsyncOAuthClient)."""
    oauth = mode.new(
        (OAuthClient, AsyncOAuthClient),
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        base_url=sandbox.base_url,
        transport=mode.pick(sandbox.transport(), sandbox.async_transport()),
    )
    auth = mode.new((PatreonAuth, AsyncPatreonAuth), store=store, oauth=oauth)
    client = mode.new(
        (Patreon, AsyncPatreon),
        auth=auth,
        transport=mode.pick(sandbox.transport(), sandbox.async_transport()),
        base_url=sandbox.base_url,
    )
    return oauth, client


def test_patreon_auth_refreshes_an_expired_token_once(mode: ModeDriver, sandbox: Sandbox) -> None:
    store = mode.new((MemoryStore, AsyncMemoryStore), sandbox.creator_token(expires_in=-1))
    oauth, client = _refreshing_client(mode, sandbox, store)
    with mode.using(oauth), mode.using(client):
        for _ in range(3):
            mode.run(client.identity.get())
    assert sandbox.stats.refresh_requests == 1
    stored = mode.run(store.get())
    assert stored is not None and not stored.is_expired()


def test_patreon_auth_refreshes_once_under_concurrency(mode: ModeDriver, sandbox: Sandbox) -> None:
    store = mode.new((MemoryStore, AsyncMemoryStore), sandbox.creator_token(expires_in=-1))
    oauth, client = _refreshing_client(mode, sandbox, store)
    with mode.using(oauth), mode.using(client):
        # 10 threads on one client (sync) or 10 coroutines gathered on one loop (async).
        docs = mode.at_once(10, lambda: client.identity.get())
    assert [doc for doc in docs if isinstance(doc, BaseException)] == []
    assert len(docs) == 10 and sandbox.stats.refresh_requests == 1


def test_scopes_enforced_per_endpoint_field_and_include(sandbox: Sandbox) -> None:
    token = sandbox.creator_token(scopes=["identity", "campaigns", "campaigns.members"])
    with creator_client(sandbox, token=token.access_token) as client:
        client.members.list(sandbox.campaign_id, fields={"member": ["full_name"]})
        with pytest.raises(PermissionDeniedError) as email:
            client.members.list(sandbox.campaign_id, fields={"member": ["email"]})
        assert email.value.errors[0]["source"] == {"parameter": "fields[member]"}
        with pytest.raises(PermissionDeniedError):
            client.members.list(sandbox.campaign_id, include=["address"])
        with pytest.raises(PermissionDeniedError):
            client.identity.get(fields={"user": ["email"]})  # needs identity[email]
        with pytest.raises(AuthenticationError):
            client.posts.list(sandbox.campaign_id)  # needs campaigns.posts: 401 [PD _errors.md]
    only_memberships = sandbox.user_token(sandbox.users[0], scopes=["identity.memberships"])
    with (
        creator_client(sandbox, token=only_memberships.access_token) as client,
        pytest.raises(AuthenticationError),
    ):
        client.identity.get()  # identity.memberships alone is a 401 (forum /t/8908)


def test_patron_token_cannot_read_the_creators_members(sandbox: Sandbox) -> None:
    token = sandbox.user_token(sandbox.users[0], scopes=["identity", "campaigns", "campaigns.members"])
    with creator_client(sandbox, token=token.access_token) as client:
        assert client.campaigns.list().data == []
        with pytest.raises(PermissionDeniedError):
            client.members.list(sandbox.campaign_id)


def test_fifty_threads_hammer_the_core(sandbox: Sandbox) -> None:
    tokens = [sandbox.creator_token() for _ in range(5)]
    results: list[int] = []
    refreshed: list[Token] = []
    lock = threading.Lock()
    barrier = threading.Barrier(50)

    def work(index: int) -> None:
        barrier.wait()
        with creator_client(sandbox, token=tokens[index % 5].access_token) as client:
            ids = [m.id for m in client.members.iterate(sandbox.campaign_id, count=100)]
        # Everyone tries to refresh the same token: exactly one wins.
        with _oauth(sandbox) as oauth:
            try:
                new = oauth.refresh(tokens[0])
            except RefreshError:
                new = None
        with lock:
            results.append(len(set(ids)))
            if new is not None:
                refreshed.append(new)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [300] * 50
    assert len(refreshed) == 1
    assert sandbox.stats.api_requests == 50 * 3
    assert sandbox.stats.refresh_requests == 50


def test_token_from_response_matches_sandbox_clock() -> None:
    sandbox = Sandbox(seed=1, members=5, clock=lambda: 1_700_000_000.0, token_lifetime=60)
    token = sandbox.creator_token()
    assert token.expires_at == dt.datetime.fromtimestamp(1_700_000_060, dt.UTC)
