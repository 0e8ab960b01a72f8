"""StaleTokenError on seeding: the message names both remedies, and each works on the sandbox.

The scenario the docs describe (docs/stores.md, "Seeding a store that may already hold a
token"): a worker seeds the store and a refresh follows, which spends the seed's refresh token
[PD _oauth.md]; a second worker seeding the same stale token must not overwrite the fresh one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from patreon_auth import PatreonCreatorClient
from patreon_auth.stores import FileStore, StaleTokenError
from patreon_sandbox import Sandbox


def creator(sandbox: Sandbox, store: FileStore) -> PatreonCreatorClient:
    return PatreonCreatorClient(
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        store=store,
        transport=sandbox.transport(),
        base_url=sandbox.base_url,
    )


def test_a_second_seed_is_refused_and_the_stored_token_still_works(tmp_path: Path) -> None:
    with Sandbox(seed=3, members=5, rate_limits=None) as sandbox:
        path = tmp_path / "token.json"
        seed = sandbox.creator_token(expires_in=-60)
        FileStore(path).put(seed)  # worker 1 seeds
        with creator(sandbox, FileStore(path)) as client:
            client.identity.get()  # refreshes: the seed's refresh token is now spent
        assert sandbox.stats.refresh_requests == 1

        late = FileStore(path)  # worker 2 starts from the same environment
        with pytest.raises(StaleTokenError) as refused:
            late.put(seed)
        message = str(refused.value)
        assert "already holds a token this store has not read" in message
        assert "get()" in message and "replace()" in message

        # Remedy 1: the stored token is the newer one; use it. No second refresh is needed.
        stored = late.get()
        assert stored is not None and stored.access_token != seed.access_token
        with creator(sandbox, late) as client:
            assert client.identity.get().data.id == sandbox.creator.id
        assert sandbox.stats.refresh_requests == 1


def test_replace_is_the_remedy_when_yours_is_newer(tmp_path: Path) -> None:
    with Sandbox(seed=3, members=5, rate_limits=None) as sandbox:
        path = tmp_path / "token.json"
        FileStore(path).put(sandbox.creator_token())
        from_the_portal = sandbox.creator_token()  # a fresh token copied from the portal
        store = FileStore(path)
        with pytest.raises(StaleTokenError):
            store.put(from_the_portal)
        store.replace(from_the_portal)  # Remedy 2
        assert FileStore(path).get() == from_the_portal
        with creator(sandbox, FileStore(path)) as client:
            client.identity.get()
        assert sandbox.stats.refresh_requests == 0
