"""MemoryStore: a token held in this process only, with an in-process refresh lock.

Compare-and-set, and why ``put`` needs no version here: the object *is* the backend. A write is
one assignment under a lock, so it cannot fail or have an unknown outcome, and nothing is ever
kept pending or replayed (contract point 5 in ``stores.base`` cannot arise). Everyone who shares
the token shares this object, its lock and so its one value; a refresher that re-reads under
``refresh_lock()`` (as PatreonAuth does) always writes over the token it read. ``put`` therefore
writes unconditionally, like ``replace``; ``compare_and_set`` is there for callers that read
outside the lock and want the check.
"""

from __future__ import annotations

from patreon_auth.stores._async.memory import AsyncMemoryStore
from patreon_auth.stores._sync.memory import MemoryStore

__all__ = ["AsyncMemoryStore", "MemoryStore"]
