"""Issue 10 item 1: a write whose outcome is unknown is reconciled by reading back, never replayed.

Each scenario refreshes for real against the in-process sandbox, whose refresh tokens are single
use [PD _oauth.md]: a store that ends up holding a spent refresh token fails the next refresh
with invalid_grant. On the code before this change every "applied then failed" scenario did
exactly that: the first store re-wrote its pending token blind over the newer one.

A scenario both flavours share runs under the `mode` fixture (tests/modes.py); the sync-only ones use
the sync driver directly.
"""

from __future__ import annotations

import errno
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

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
from tests.modes import Driven, ModeDriver

from ._faults import FaultyFileSystem
from .conftest import TokenServer, serving

Arm = Callable[[], None]
HTTP = (HTTPStore, AsyncHTTPStore)
FILE = (FileStore, AsyncFileStore)
SYNC = ModeDriver()  # for the scenarios that exist for the sync stores only


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(seed=11, members=3, rate_limits=None) as world:
        yield world


def oauth_for(mode: ModeDriver, sandbox: Sandbox) -> Any:
    """The token endpoint client of the mode's flavour; call it through `mode.run(...)`."""
    return mode.new(
        (OAuthClient, AsyncOAuthClient),
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        base_url=sandbox.base_url,
        transport=mode.pick(sandbox.transport(), sandbox.async_transport()),
    )


def refresh(mode: ModeDriver, store: Driven, oauth: Any) -> Token:
    """What PatreonAuth and `patreon token refresh` do: lock, re-read, refresh, put."""
    with store.refresh_lock():
        current = store.get()
        assert current is not None
        new: Token = mode.run(oauth.refresh(current))
        store.put(new)
    return new


def applied_then_failed(
    mode: ModeDriver,
    sandbox: Sandbox,
    make_store: Callable[[], Driven],
    arm: Arm,
    reader: Callable[[], Token | None] | None = None,
) -> None:
    """The write lands but its caller sees an error; another worker then refreshes the landed token.

    `reader`, if given, must see the newest token too (a sync store reading what an async one wrote).
    """
    oauth = oauth_for(mode, sandbox)
    first = make_store()
    first.replace(sandbox.creator_token())
    arm()
    with pytest.raises(TokenNotSavedError):
        refresh(mode, first, oauth)
    newest = refresh(mode, make_store(), oauth)  # another worker reads the landed token and refreshes it
    assert first.get() == newest  # reconciled: theirs is newer; ours is not written back
    final = refresh(mode, make_store(), oauth)  # the next refresh succeeds...
    assert make_store().get() == final  # ...and the store holds the newest token
    if reader is not None:
        assert reader() == final
    assert refresh(mode, first, oauth) != final  # the first worker refreshes fine too


def not_applied(sandbox: Sandbox, make_store: Callable[[], Driven], arm: Arm) -> None:
    """The write did not land: the pending token is written under the lock on the next get()."""
    oauth = oauth_for(SYNC, sandbox)
    first = make_store()
    first.replace(sandbox.creator_token())
    arm()
    with pytest.raises(TokenNotSavedError) as info:
        refresh(SYNC, first, oauth)
    pending = first.last_token
    assert pending is not None and "SECRET" not in str(info.value)
    assert first.get() == pending
    assert make_store().get() == pending  # written back
    final = refresh(SYNC, make_store(), oauth)
    assert make_store().get() == final


def http_store(mode: ModeDriver, server: TokenServer) -> Callable[[], Driven]:
    return lambda: mode.store(HTTP, server.url, timeout=0.3)


@pytest.mark.parametrize("etags", [True, False], ids=["etag", "read-back"])
def test_http_put_applied_then_timed_out(mode: ModeDriver, sandbox: Sandbox, etags: bool) -> None:
    with serving(TokenServer(etags=etags)) as server:

        def arm() -> None:
            server.apply_then_stall = 1.0

        applied_then_failed(mode, sandbox, http_store(mode, server), arm)


@pytest.mark.parametrize("etags", [True, False], ids=["etag", "read-back"])
def test_http_put_applied_then_5xx(sandbox: Sandbox, etags: bool) -> None:
    with serving(TokenServer(etags=etags)) as server:

        def arm() -> None:
            server.apply_then_status = 502

        applied_then_failed(SYNC, sandbox, http_store(SYNC, server), arm)


def test_http_put_refused_is_written_on_the_next_get(sandbox: Sandbox, token_server: TokenServer) -> None:
    def make() -> Driven:
        return SYNC.store(HTTP, token_server.url, timeout=2)

    oauth = oauth_for(SYNC, sandbox)
    first = make()
    first.replace(sandbox.creator_token())
    token_server.put_status = 503  # refused, not applied
    with pytest.raises(TokenNotSavedError):
        refresh(SYNC, first, oauth)
    pending = first.last_token
    token_server.put_status = None
    puts = token_server.puts
    assert first.get() == pending
    assert token_server.puts == puts + 1  # written once, under the lock, after reading back
    assert make().get() == pending
    assert refresh(SYNC, make(), oauth) == make().get()


def test_http_applied_then_timed_out_alone_is_confirmed_not_rewritten(
    sandbox: Sandbox, token_server: TokenServer
) -> None:
    oauth = oauth_for(SYNC, sandbox)
    store = HTTPStore(token_server.url, timeout=0.3)
    store.replace(sandbox.creator_token())
    token_server.apply_then_stall = 1.0
    with pytest.raises(TokenNotSavedError):
        refresh(SYNC, SYNC.wrap(store), oauth)
    puts = token_server.puts
    pending = store.last_token
    assert store.get() == pending
    assert token_server.puts == puts  # read back and found: no second PUT
    assert store.pending_token is None


def test_fsync_error_after_the_rename(mode: ModeDriver, sandbox: Sandbox, tmp_path: Path) -> None:
    fs = FaultyFileSystem()
    path = tmp_path / "token.json"
    applied_then_failed(
        mode,
        sandbox,
        lambda: mode.store(FILE, path, filesystem=fs),
        lambda: fs.arm("fsync_dir", errno.EIO),
        reader=FileStore(path).get,
    )


@pytest.mark.parametrize("boundary", ["write", "fsync", "replace"])
def test_disk_full_before_the_rename(sandbox: Sandbox, tmp_path: Path, boundary: str) -> None:
    fs = FaultyFileSystem()
    path = tmp_path / "token.json"
    not_applied(sandbox, lambda: SYNC.store(FILE, path, filesystem=fs), lambda: fs.arm(boundary, target=path))
