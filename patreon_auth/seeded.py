"""A store that falls back to a starting token until the real store holds one.

`PatreonCreatorClient(token=..., store=FileStore(...))` must not do store I/O in its constructor
(the async store cannot be awaited there), yet the given token must be used while the store is
empty; the first refresh then writes the new token into the real store. The seed is never written
over a token the store holds: ``put`` is the wrapped store's compare-and-set, and after an empty
read it expects the store to be empty (stores.base, contract point 2).
"""

from __future__ import annotations

from patreon_auth._async.seeded import AsyncSeededStore
from patreon_auth._sync.seeded import SeededStore

__all__ = ["AsyncSeededStore", "SeededStore"]
