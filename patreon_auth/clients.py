"""Creator and user clients: `Patreon` / `AsyncPatreon` with a refreshing auth strategy.

They are thin: the creator clients are a `Patreon` whose `auth` is a `PatreonAuth` over the
creator's store, the user clients hand out `Patreon`s sharing one pool, each with a user's
`PatreonAuth`. The options (`**options`) and their defaults are the generated client's, declared
once in patreon_runtime (`options.py`, `ClientOptions`); the refresh goes through the client's own
pool (the auth flow yields it), so no second httpx client is built.

The async clients are written once (`_async/clients.py`) and the sync twins generated from them
(`_sync/clients.py`, generator/unasync.py).
"""

from __future__ import annotations

from patreon_auth._async.clients import AsyncPatreonCreatorClient, AsyncPatreonUserClient
from patreon_auth._sync.clients import PatreonCreatorClient, PatreonUserClient

__all__ = [
    "AsyncPatreonCreatorClient",
    "AsyncPatreonUserClient",
    "PatreonCreatorClient",
    "PatreonUserClient",
]
