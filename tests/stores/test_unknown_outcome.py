"""Issue 10 item 1: a write whose outcome is unknown is reconciled by reading back, never replayed.

Each scenario refreshes for real against the in-process sandbox, whose refresh tokens are single
use [PD _oauth.md]: a store that ends up holding a spent refresh token fails the next refresh
with invalid_grant. On the code before this change every "applied then failed" scenario did
exactly that: the first store re-wrote its pending token blind over the newer one.
"""

from __future__ import annotations

import errno
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from patreon_auth._async.backed_store import AsyncBackedStore
from patreon_auth._sync.backed_store import BackedStore
from patreon_auth.oauth import AsyncOAuthClient, OAuthClient
from patreon_auth.stores import (
    AsyncFileStore,
    AsyncHTTPStore,
    FileStore,
    HTTPStore,
    TokenNotSavedError,
)
from patreon_auth.token import Token
from patreon_sandbox import Sandbox

from ._faults import FaultyFileSystem
from .conftest import TokenServer, serving

Arm = Callable[[], None]


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(seed=11, members=3, rate_limits=None) as world:
        yield world


def oauth_for(sandbox: Sandbox) -> OAuthClient:
    return OAuthClient(
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        base_url=sandbox.base_url,
        transport=sandbox.transport(),
    )


def async_oauth_for(sandbox: Sandbox) -> AsyncOAuthClient:
    return AsyncOAuthClient(
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        base_url=sandbox.base_url,
        transport=sandbox.async_transport(),
    )


def refresh(store: BackedStore, oauth: OAuthClient) -> Token:
    """What PatreonAuth and `patreon token refresh` do: lock, re-read, refresh, put."""
    with store.refresh_lock():
        current = store.get()
        assert current is not None
        new = oauth.refresh(current)
        store.put(new)
    return new


async def async_refresh(store: AsyncBackedStore, oauth: AsyncOAuthClient) -> Token:
    async with store.refresh_lock():
        current = await store.get()
        assert current is not None
        new = await oauth.refresh(current)
        await store.put(new)
    return new


def applied_then_failed(sandbox: Sandbox, make_store: Callable[[], BackedStore], arm: Arm) -> None:
    """The write lands but its caller sees an error; another worker then refreshes the landed token."""
    oauth = oauth_for(sandbox)
    first = make_store()
    first.replace(sandbox.creator_token())
    arm()
    with pytest.raises(TokenNotSavedError):
        refresh(first, oauth)
    newest = refresh(make_store(), oauth)  # another worker reads the landed token and refreshes it
    assert first.get() == newest  # reconciled: theirs is newer; ours is not written back
    final = refresh(make_store(), oauth)  # the next refresh succeeds...
    assert make_store().get() == final  # ...and the store holds the newest token
    assert refresh(first, oauth) != final  # the first worker refreshes fine too


def not_applied(sandbox: Sandbox, make_store: Callable[[], BackedStore], arm: Arm) -> None:
    """The write did not land: the pending token is written under the lock on the next get()."""
    oauth = oauth_for(sandbox)
    first = make_store()
    first.replace(sandbox.creator_token())
    arm()
    with pytest.raises(TokenNotSavedError) as info:
        refresh(first, oauth)
    pending = first.last_token
    assert pending is not None and "SECRET" not in str(info.value)
    assert first.get() == pending
    assert make_store().get() == pending  # written back
    final = refresh(make_store(), oauth)
    assert make_store().get() == final


def http_store(server: TokenServer) -> Callable[[], BackedStore]:
    return lambda: HTTPStore(server.url, timeout=0.3)


@pytest.mark.parametrize("etags", [True, False], ids=["etag", "read-back"])
def test_http_put_applied_then_timed_out(sandbox: Sandbox, etags: bool) -> None:
    with serving(TokenServer(etags=etags)) as server:

        def arm() -> None:
            server.apply_then_stall = 1.0

        applied_then_failed(sandbox, http_store(server), arm)


@pytest.mark.parametrize("etags", [True, False], ids=["etag", "read-back"])
def test_http_put_applied_then_5xx(sandbox: Sandbox, etags: bool) -> None:
    with serving(TokenServer(etags=etags)) as server:

        def arm() -> None:
            server.apply_then_status = 502

        applied_then_failed(sandbox, http_store(server), arm)


def test_http_put_refused_is_written_on_the_next_get(sandbox: Sandbox, token_server: TokenServer) -> None:
    def make() -> BackedStore:
        return HTTPStore(token_server.url, timeout=2)

    oauth = oauth_for(sandbox)
    first = make()
    first.replace(sandbox.creator_token())
    token_server.put_status = 503  # refused, not applied
    with pytest.raises(TokenNotSavedError):
        refresh(first, oauth)
    pending = first.last_token
    token_server.put_status = None
    puts = token_server.puts
    assert first.get() == pending
    assert token_server.puts == puts + 1  # written once, under the lock, after reading back
    assert make().get() == pending
    assert refresh(make(), oauth) == make().get()


def test_http_applied_then_timed_out_alone_is_confirmed_not_rewritten(
    sandbox: Sandbox, token_server: TokenServer
) -> None:
    oauth = oauth_for(sandbox)
    store = HTTPStore(token_server.url, timeout=0.3)
    store.replace(sandbox.creator_token())
    token_server.apply_then_stall = 1.0
    with pytest.raises(TokenNotSavedError):
        refresh(store, oauth)
    puts = token_server.puts
    pending = store.last_token
    assert store.get() == pending
    assert token_server.puts == puts  # read back and found: no second PUT
    assert store.pending_token is None


def test_fsync_error_after_the_rename(sandbox: Sandbox, tmp_path: Path) -> None:
    fs = FaultyFileSystem()
    path = tmp_path / "token.json"
    applied_then_failed(
        sandbox,
        lambda: FileStore(path, filesystem=fs),
        lambda: fs.arm("fsync_dir", errno.EIO),
    )


@pytest.mark.parametrize("boundary", ["write", "fsync", "replace"])
def test_disk_full_before_the_rename(sandbox: Sandbox, tmp_path: Path, boundary: str) -> None:
    fs = FaultyFileSystem()
    path = tmp_path / "token.json"
    not_applied(sandbox, lambda: FileStore(path, filesystem=fs), lambda: fs.arm(boundary, target=path))


async def test_async_http_put_applied_then_timed_out(sandbox: Sandbox, token_server: TokenServer) -> None:
    oauth = async_oauth_for(sandbox)
    first = AsyncHTTPStore(token_server.url, timeout=0.3)
    await first.replace(sandbox.creator_token())
    token_server.apply_then_stall = 1.0
    with pytest.raises(TokenNotSavedError):
        await async_refresh(first, oauth)
    newest = await async_refresh(AsyncHTTPStore(token_server.url), oauth)
    assert await first.get() == newest
    final = await async_refresh(AsyncHTTPStore(token_server.url), oauth)
    assert await AsyncHTTPStore(token_server.url).get() == final


async def test_async_fsync_error_after_the_rename(sandbox: Sandbox, tmp_path: Path) -> None:
    oauth = async_oauth_for(sandbox)
    fs = FaultyFileSystem()
    path = tmp_path / "token.json"
    first = AsyncFileStore(path, filesystem=fs)
    await first.replace(sandbox.creator_token())
    fs.arm("fsync_dir", errno.EIO)
    with pytest.raises(TokenNotSavedError):
        await async_refresh(first, oauth)
    newest = await async_refresh(AsyncFileStore(path), oauth)
    assert await first.get() == newest
    final = await async_refresh(AsyncFileStore(path), oauth)
    assert FileStore(path).get() == final
