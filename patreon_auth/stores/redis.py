"""RedisStore: one token shared by many processes and hosts, with a lock so exactly one refreshes.

Layout: ``key`` holds ``{"token": Token.to_dict(), "version": n}``; ``<key>:lock`` holds the lock.
A plain ``Token.to_dict()`` record (what ``KVStore`` writes on a Redis key, or another tool) is
read too, as version 0, and the first write over it migrates it to the versioned layout: the
write checks that the plain record is still byte for byte the one this store read.

The lock is ``SET lock owner NX PX ttl`` with a random owner, released by a Lua compare-and-delete
(the single-instance pattern of https://redis.io/docs/latest/develop/use/patterns/distributed-locks/):
a holder never deletes a lock that expired and was taken by another. While it is held, a
background thread (a task, for the async store) extends it every ``lock_ttl / 3`` with a Lua
compare-and-pexpire, so a token call that outlasts ``lock_ttl`` (slow network, retries) still
holds it; a crashed holder stops renewing and blocks the others for at most ``lock_ttl``.
Waiters poll until ``lock_timeout`` and then raise TokenStoreError.

Writes are compare-and-set in Lua: ``put`` succeeds only if the stored version is still the one
this store last read or wrote (or the key is absent, as after a restart without persistence: the
refresher's token is then the only copy), so a writer whose lock was lost can never overwrite a
newer token; it gets StaleTokenError and nothing is written. A write whose reply is lost (Redis
restarted mid-call) is reconciled by reading the record back (``stores.base``, point 5). A token
that could not be written is written back in the background once Redis answers, and kept
meanwhile in a 0600 rescue file named from the server and the key (``redis_rescue_files`` in
``_redis_core``), which the next store of that key on this host picks up if this process exits.

``redis`` is an optional extra: it is imported only for type checking and when an error is caught,
so ``import patreon_auth.stores`` works without it.
"""

from __future__ import annotations

from patreon_auth.stores._async.redis import AsyncRedisStore
from patreon_auth.stores._redis_core import DEFAULT_LOCK_TTL
from patreon_auth.stores._sync.redis import RedisStore

__all__ = ["DEFAULT_LOCK_TTL", "AsyncRedisStore", "RedisStore"]
