"""RedisRateLimiter: one rate budget per client id and per token for every process on every host.

One Lua script checks and spends both budgets at once, so two workers never take the same slot,
and every time comes from Redis's own clock (``TIME``), so hosts whose clocks disagree still
agree on the window. The client id's budget is handed out as evenly spaced slots, in the order
workers ask (each worker sleeps until its slot, nobody polls); a token's budget is a sliding-window
log (a sorted set of send times). Both are the strictest reading of "100 requests per 2 s"
[PD _rate_limits.md]: whatever window Patreon counts in, a sequence that fits every sliding
window fits it too.

Leases: a round trip to Redis per call would cost a third of a call on loopback, so one script
call leases several slots at once (``_redis_lease.LeasePool`` hands them to the process's
threads and tasks), and a process goes back to Redis only when its lease is spent or expired.
Why that keeps every guarantee:

- *Client slots* are instants on the one even schedule in Redis. A lease of k slots is exactly k
  single reservations in a row; no other process can hold them. A lease ends at most
  ``lease_horizon`` (0.05 s) after Redis's now, or is one slot when the queue of waiting
  requests already reaches that far (many busy workers: one slot per call, as before). A slot unused by its
  time plus ``late_after`` is dropped, never spent later, so unused slots only cost throughput
  (at most one horizon per process), never overspend. The horizon also bounds how much later
  another process's call may go because of slots leased and not used: 0.05 s, two of
  Patreon's slots (the limit spaces them 21.6 ms apart).
- *Token slots* are entries in the token's window, scored at the latest instant the process may
  spend them (the lease's validity, on Redis's clock); the process spends them only before that
  (its local deadline counts from before the request left). Entries that count from the lease
  until after the last possible send can only overstate the window, never understate it. The
  validity reaches a quarter of the token window's margin past the client slot it was leased
  for (1.3 s of Patreon's 60 s), so calls queued behind it spend the same lease.
  Leases start at one slot, double while spent to the end (up to 10% of the token's budget)
  and halve when they expire unused;
  unused ones go back (``ZREM``) with the process's next lease call for that token.
- *A 429 pause and the edge budget* are checked in every lease call. The process that got the
  429 drops its leases at once; another process may go on with the lease it holds: at most
  ``max_lease`` (128) calls, within ``lease_horizon`` plus the half margin ``late_after``
  (0.05 + 0.08 s with Patreon's limits) of its lease call (or the one slot it was queued for,
  as before leases). Each 4xx is counted in Redis as it arrives (one round trip, on answers
  that are rare) and the count comes back: within ``max_lease`` of the threshold, the process
  drops its leases after every 4xx, so the count passes the threshold by at most the calls each
  process already had on their way (the threshold is 1,000 of Patreon's 2,000 by default).

Keys (all with the client id as hash tag, so one script touches one Redis Cluster slot):

- ``<prefix>:{<client>}:client``       the client id's next free slot (microseconds, Redis time)
- ``<prefix>:{<client>}:token:<hash>`` send times of one token (a hash of it, never the token)
- ``<prefix>:{<client>}:errors``       times of 4xx answers, for the edge budget
- ``<prefix>:{<client>}:pause``        until when a 429 paused the client id (Redis time)

Nothing read from those keys is trusted: a value no limiter writes (not a finite number, negative,
further ahead of Redis's clock than ``MAX_SHARED_WAIT``, a key of the wrong type) comes from
garbage or a clock that stepped back, and the scripts repair it before use (numbers deleted,
sorted-set entries moved to now, where they still count) and report it, logged as a WARNING; no
wait handed to a caller exceeds ``MAX_SHARED_WAIT`` (120 s, see ``_redis_lease``).

Redis is in the request path, so its failure must not stop requests that Patreon would take:
when a command fails the limiter logs one warning (logger ``patreon``), paces locally with a
LocalRateLimiter for ``retry_interval`` seconds, then tries Redis again (and logs when it is back).

``RedisRateLimiter`` is written by generator/unasync.py from ``AsyncRedisRateLimiter``
(patreon_auth/_async/redis_limiter.py); both use the same keys, so they share one budget.
"""

from __future__ import annotations

from patreon_auth._async.redis_limiter import AsyncRedisRateLimiter
from patreon_auth._redis_lease import (
    DEFAULT_LEASE_HORIZON,
    DEFAULT_MAX_LEASE,
    DEFAULT_PREFIX,
    DEFAULT_RETRY_INTERVAL,
    MAX_SHARED_WAIT,
    LeasePool,
)
from patreon_auth._sync.redis_limiter import RedisRateLimiter

__all__ = [
    "DEFAULT_LEASE_HORIZON",
    "DEFAULT_MAX_LEASE",
    "DEFAULT_PREFIX",
    "DEFAULT_RETRY_INTERVAL",
    "MAX_SHARED_WAIT",
    "AsyncRedisRateLimiter",
    "LeasePool",
    "RedisRateLimiter",
]
