"""patreon_auth end to end on the sandbox: OAuth, expiry, 401s, rotation, single-flight refresh.

A scenario both flavours share runs under the `mode` fixture (tests/modes.py)."""

from __future__ import annotations

import datetime as dt
import logging

import pytest

from patreon_auth import (
    AsyncPatreonUserClient,
    OAuthError,
    PatreonUserClient,
    RefreshError,
    StateMismatchError,
    Token,
)
from patreon_auth.errors import AuthenticationError, MissingScopeError
from patreon_auth.oauth import OAuthClient
from patreon_sandbox import Sandbox
from tests.modes import ModeDriver

from .clients import async_creator, creator

SCOPES = ["identity", "identity[email]", "campaigns", "campaigns.members"]


def user_client(sandbox: Sandbox) -> PatreonUserClient:
    """The sync user client, for the scenarios that exist for it alone."""
    return PatreonUserClient(
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        redirect_uri=sandbox.redirect_uri,
        scopes=SCOPES,
        transport=sandbox.transport(),
        base_url=sandbox.base_url,
    )


# --- user OAuth ------------------------------------------------------------------------------


def test_user_oauth_round_trip(mode: ModeDriver, sandbox: Sandbox) -> None:
    users = mode.new(
        (PatreonUserClient, AsyncPatreonUserClient),
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        redirect_uri=sandbox.redirect_uri,
        scopes=SCOPES,
        transport=mode.pick(sandbox.transport(), sandbox.async_transport()),
        base_url=sandbox.base_url,
    )
    request = users.authorization_url()
    callback = sandbox.authorize(request.url, user=sandbox.users[3])
    token = mode.run(users.handle_callback(callback, expected_state=request.state))
    assert token.scope == frozenset(SCOPES)
    saved: list[Token] = []
    me = mode.run(
        users.create_instance(token, on_refresh=saved.append).identity.get(
            fields={"user": ["email", "full_name"]}
        )
    )
    assert me.data.id == sandbox.users[3].id
    assert me.data.attributes.email == sandbox.users[3].email
    assert sandbox.stats.code_exchanges == 1
    with pytest.raises(OAuthError) as reused:  # codes are single use
        mode.run(users.handle_callback(callback, expected_state=request.state))
    assert reused.value.error == "invalid_grant"
    mode.shut(users)


def test_user_refuses_consent(sandbox: Sandbox) -> None:
    users = user_client(sandbox)
    request = users.authorization_url()
    callback = sandbox.authorize(request.url, user=sandbox.users[0], allow=False)
    with pytest.raises(OAuthError) as refused:
        users.handle_callback(callback, expected_state=request.state)
    assert refused.value.error == "access_denied"
    assert sandbox.stats.code_exchanges == 0


def test_forged_state_is_rejected_before_any_exchange(sandbox: Sandbox) -> None:
    users = user_client(sandbox)
    genuine = users.authorization_url()
    forged = users.authorization_url()  # another session's state
    callback = sandbox.authorize(forged.url, user=sandbox.users[0])
    with pytest.raises(StateMismatchError):
        users.handle_callback(callback, expected_state=genuine.state)
    assert sandbox.stats.token_requests == 0


def test_user_instances_share_one_pool(sandbox: Sandbox) -> None:
    users = user_client(sandbox)
    one = users.create_instance(sandbox.user_token(sandbox.users[0], scopes=SCOPES))
    two = users.create_instance(sandbox.user_token(sandbox.users[1], scopes=SCOPES))
    assert one.http_client is two.http_client is users.http_client
    assert one.identity.get().data.id == sandbox.users[0].id
    assert two.identity.get().data.id == sandbox.users[1].id


def test_scope_check_raises_before_sending(sandbox: Sandbox) -> None:
    users = user_client(sandbox)
    token = sandbox.user_token(sandbox.users[0], scopes=["identity"])
    client = users.create_instance(token, check_scopes=True)
    before = sandbox.stats.requests
    with pytest.raises(MissingScopeError) as missing:
        client.identity.get(fields={"user": ["email"]})
    assert missing.value.missing == frozenset({"identity[email]"})
    assert sandbox.stats.requests == before
    assert client.identity.get(fields={"user": ["full_name"]}).data.id == sandbox.users[0].id


# --- creator token: expiry, 401, rotation --------------------------------------------------------


def test_expired_creator_token_is_refreshed_once_and_stored(mode: ModeDriver, sandbox: Sandbox) -> None:
    expired = sandbox.creator_token(expires_in=-60)
    saved: list[Token] = []
    client = mode.new((creator, async_creator), sandbox, expired, on_refresh=saved.append)
    assert mode.run(client.identity.get()).data.id == sandbox.creator.id
    mode.run(client.identity.get())
    assert sandbox.stats.refresh_requests == 1
    assert len(saved) == 1
    assert mode.run(client.store.get()) == saved[0]
    assert saved[0].access_token != expired.access_token
    mode.shut(client)


def test_forced_401_refreshes_and_replays_once(sandbox: Sandbox) -> None:
    # The server has expired the access token while the client still believes it valid (clock
    # skew, or an early expiry as [PAT] reports when a creator logs in): the refresh token lives.
    dead = sandbox.creator_token(expires_in=-60)
    believed = Token(
        access_token=dead.access_token,
        refresh_token=dead.refresh_token,
        expires_at=dt.datetime.now(dt.UTC) + dt.timedelta(hours=1),
    )
    client = creator(sandbox, believed)
    assert client.identity.get().data.id == sandbox.creator.id
    assert sandbox.stats.refresh_requests == 1
    assert sandbox.stats.unauthorized == 1


def test_401_after_refresh_goes_to_the_caller(sandbox: Sandbox) -> None:
    token = sandbox.creator_token()
    client = creator(sandbox, token)
    sandbox.revoke(token)  # access and refresh token both dead: the creator must log in again
    with pytest.raises((AuthenticationError, RefreshError)):
        client.identity.get()
    assert sandbox.stats.refresh_requests == 1


def test_refresh_tokens_rotate_and_the_old_one_dies(sandbox: Sandbox) -> None:
    expired = sandbox.creator_token(expires_in=-60)
    client = creator(sandbox, expired)
    client.identity.get()
    fresh = client.store.get()
    assert fresh is not None
    assert fresh.refresh_token != expired.refresh_token
    assert expired.refresh_token is not None
    with OAuthClient(
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        base_url=sandbox.base_url,
        transport=sandbox.transport(),
    ) as oauth:
        with pytest.raises(RefreshError) as dead:
            oauth.refresh(expired.refresh_token)
        assert dead.value.error == "invalid_grant"
        assert oauth.refresh(fresh).access_token != fresh.access_token  # the new one works, once


# --- single flight ------------------------------------------------------------------------------


def test_fifty_threads_or_coroutines_one_refresh(mode: ModeDriver, sandbox: Sandbox) -> None:
    client = mode.new((creator, async_creator), sandbox, sandbox.creator_token(expires_in=-60))
    # 50 threads on one client (sync) or 50 coroutines gathered on one loop (async).
    results = mode.at_once(50, lambda: client.identity.get())
    assert [r for r in results if isinstance(r, BaseException)] == []
    assert len(results) == 50
    assert sandbox.stats.token_requests == 1
    assert sandbox.stats.api_requests == 50
    mode.shut(client)


# --- secrets --------------------------------------------------------------------------------------


def test_no_secret_in_repr_logs_or_exceptions(sandbox: Sandbox, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    expired = sandbox.creator_token(expires_in=-60)
    client = creator(sandbox, expired)
    client.identity.get()
    fresh = client.store.get()
    assert fresh is not None
    sandbox.revoke(fresh)
    captured: list[BaseException] = []
    try:
        client.identity.get()
    except Exception as exc:
        captured.append(exc)
    assert captured
    secrets = [
        sandbox.client_secret,
        expired.access_token,
        fresh.access_token,
        fresh.refresh_token or "",
        expired.refresh_token or "",
    ]
    texts = [
        caplog.text,
        repr(client),
        repr(client.store),
        repr(client.oauth),
        repr(client.http_client.auth),
        repr(fresh),
        str(fresh),
        *(f"{exc!s} {exc!r} {exc.__cause__!r} {exc.__context__!r}" for exc in captured),
    ]
    for secret in secrets:
        assert secret
        for text in texts:
            assert secret not in text
