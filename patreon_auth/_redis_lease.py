"""What the sync and async Redis limiters share: the Lua scripts, their arguments, and the lease pool.

No I/O here: ``_async/redis_limiter.py`` (and the sync half generated from it) send the scripts;
this module decides what to ask for and hands out what came back. The layout of the keys and
why each budget is safe to lease is in ``patreon_auth/redis_limiter.py``'s docstring.
"""

from __future__ import annotations

import logging
import math
import secrets
import threading
import time
from collections import deque
from typing import Any, NamedTuple

from patreon_runtime.rate_limit import EdgeBudgetExceededError, RateLimits, Slot
from patreon_runtime.retry_policy import MAX_RETRY_AFTER

logger = logging.getLogger("patreon.ratelimit")  # the fleet limiter beside the client's 429 records

DEFAULT_PREFIX = "patreon:rate"
DEFAULT_RETRY_INTERVAL = 5.0
# A lease covers at most this much of the fleet's time (seconds): the most budget one process
# can let expire unused, and how long it may go on without seeing another process's 429 pause.
DEFAULT_LEASE_HORIZON = 0.05
# The most slots one lease holds however fast the budget (with Patreon's limits the horizon
# allows two): a bound on the calls a process may make after another one's 429 paused the fleet.
DEFAULT_MAX_LEASE = 128
# A token lease holds at most this share of the token's budget (Patreon: 10 of 100 a minute),
# which is also the most of it one process can hold back unused for one window.
TOKEN_LEASE_SHARE = 0.1
# How late a client slot may be spent at least, whatever the margin (seconds): the time from
# Redis answering to the caller taking its slot, on a busy host.
MIN_LATE = 0.002
_PRUNE_AT = 1024
_MICRO = 1_000_000
# The longest any call waits on what Redis says (seconds), whatever Redis holds. Patreon's
# longest window is the token's minute and its client window is 2 s [PD _rate_limits.md;
# design/reference/patreon-api-v2.md section 5, "Rate limits"], so a real 429 asks for seconds,
# a minute at most; the client refuses a Retry-After beyond MAX_RETRY_AFTER (120 s, the "honour
# retry-after up to 2 minutes" of design/reference/style.md) and sets no pause for it. No wait
# this limiter computes from values it wrote can be longer, so a longer one comes from garbage
# or a clock step: the scripts repair it, and ``bounded_wait`` caps what is left.
MAX_SHARED_WAIT = MAX_RETRY_AFTER

# Every number the scripts read back from Redis went through another process, another version
# of this library, a person at redis-cli, or a clock that stepped: none of it is trusted. A value
# no limiter writes (not a finite number, negative, or further ahead of Redis's clock than
# ``ahead``, the longest wait the limiter may ever ask for) is repaired: a number key is deleted,
# a sorted-set member ahead of the clock is moved to now (it still counts, as if just spent), a
# key of the wrong type is deleted. The script names what it repaired, and the limiter logs it.
# Redis runs Lua 5.1, whose tonumber() accepts "inf", "nan" and "1e308" (it uses strtod).
_PRELUDE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local repaired = {}
local function us(n)
  return string.format('%d', n)
end
local function number_at(key, name, ahead)
  local raw = redis.pcall('GET', key)
  if not raw then
    return nil
  end
  local n = nil
  if type(raw) == 'string' then
    n = tonumber(raw)
  end
  if n == nil or n ~= n or n < 0 or n > now + ahead then
    redis.call('DEL', key)
    repaired[#repaired + 1] = name
    return nil
  end
  return n
end
local function check_zset(key, name, ahead)
  local kind = redis.call('TYPE', key)['ok']
  if kind ~= 'none' and kind ~= 'zset' then
    redis.call('DEL', key)
    repaired[#repaired + 1] = name
    return
  end
  local far = redis.call('ZRANGEBYSCORE', key, '(' .. us(now + ahead), '+inf')
  if #far > 0 then
    local moved = {}
    for _, member in ipairs(far) do
      moved[#moved + 1] = us(now)
      moved[#moved + 1] = member
    end
    redis.call('ZADD', key, unpack(moved))
    repaired[#repaired + 1] = name
  end
end
"""

# KEYS: client next-slot, token window, errors, pause. ARGV (microseconds on Redis's clock):
#  1 client interval (0: no client budget)   2 client slots wanted (0: none)   3 lease horizon
#  4 token count   5 token window (0: no token budget)   6 token slots wanted (0: none)
#  7 cover: token slots stay valid at least this long   8 how long after the last new client
#  slot the token slots stay valid (its lateness plus the token slack)
#  9 edge threshold (0: off)   10 edge window   11 lease id   12 client slots needed at least
#  13 ahead: the longest wait the limiter may ask for (and how far ahead a stored time may be)
#  14.. token members to give back.
# Returns {0, first slot, slots, token slots, token valid for, repaired} granted, {1, wait, 0, 0,
# 0, repaired} ask again after wait, {2, seen, 0, 0, 0, repaired} edge budget spent; repaired
# names the keys that held values no limiter writes ("" when none), comma-separated.
LEASE_SCRIPT = (
    _PRELUDE
    + """
local ahead = tonumber(ARGV[13])
local function answer(code, value, k, m, valid)
  return {code, value, k, m, valid, table.concat(repaired, ',')}
end
check_zset(KEYS[2], 'token', ahead)
for i = 14, #ARGV do
  redis.call('ZREM', KEYS[2], ARGV[i])
end
local paused = number_at(KEYS[4], 'pause', ahead) or 0
if paused > now then
  return answer(1, paused - now, 0, 0, 0)
end
local edge = tonumber(ARGV[9])
if edge > 0 then
  check_zset(KEYS[3], 'errors', ahead)
  redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', us(now - tonumber(ARGV[10])))
  local seen = redis.call('ZCARD', KEYS[3])
  if seen >= edge then
    return answer(2, seen, 0, 0, 0)
  end
end
local token_count, token_window, m = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
if token_window > 0 and m > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', us(now - token_window))
  local n = redis.call('ZCARD', KEYS[2])
  if n >= token_count then
    local oldest = redis.call('ZRANGE', KEYS[2], n - token_count, n - token_count, 'WITHSCORES')
    return answer(1, math.min(ahead, math.max(1, tonumber(oldest[2]) + token_window - now)), 0, 0, 0)
  end
  m = math.min(m, token_count - n)
else
  m = 0
end
local interval, k, horizon = tonumber(ARGV[1]), math.max(0, tonumber(ARGV[2])), tonumber(ARGV[3])
local send_at = now
if k > 0 and interval > 0 then
  send_at = math.max(now, number_at(KEYS[1], 'client', ahead) or 0)
  -- Up to the horizon past the queue (this process's own held slots are part of it), and
  -- at least the one slot the call needs: with many workers queued, one slot per lease.
  k = math.max(tonumber(ARGV[12]), math.min(k, math.floor((now + horizon - send_at) / interval)))
  if k > 0 then
    local next_slot = send_at + k * interval
    redis.call('SET', KEYS[1], us(next_slot), 'PX', math.ceil((next_slot - now) / 1000) + 1000)
  end
end
local valid = now + tonumber(ARGV[7])
if k > 0 then
  valid = math.max(valid, send_at + (k - 1) * interval + tonumber(ARGV[8]))
end
if m > 0 then
  local members = {}
  for j = 0, m - 1 do
    members[#members + 1] = us(valid)
    members[#members + 1] = ARGV[11] .. ':' .. j
  end
  redis.call('ZADD', KEYS[2], unpack(members))
  redis.call('PEXPIRE', KEYS[2], math.ceil((valid - now + token_window) / 1000) + 1000)
end
return answer(0, send_at - now, k, m, valid - now)
"""
)

# ARGV: edge window us (0: not counted), pause us (0: no pause), member, ahead (as above).
# KEYS: errors, pause. Returns {how many 4xx answers the edge window holds now, repaired}.
OBSERVE_SCRIPT = (
    _PRELUDE
    + """
local window = tonumber(ARGV[1])
local ahead = tonumber(ARGV[4])
local seen = 0
if window > 0 then
  check_zset(KEYS[1], 'errors', ahead)
  redis.call('ZADD', KEYS[1], us(now), ARGV[3])
  redis.call('PEXPIRE', KEYS[1], math.ceil(window / 1000) + 1000)
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', us(now - window))
  seen = redis.call('ZCARD', KEYS[1])
end
local pause = math.min(tonumber(ARGV[2]), ahead)
if pause > 0 then
  local until_us = now + pause
  local current = number_at(KEYS[2], 'pause', ahead) or 0
  if until_us > current then
    redis.call('SET', KEYS[2], us(until_us), 'PX', math.ceil(pause / 1000) + 1000)
  end
end
return {seen, table.concat(repaired, ',')}
"""
)


def _micros(seconds: float) -> int:
    return int(seconds * _MICRO)


def bounded_wait(micros: object) -> float:
    """Seconds to wait for a time Redis answered: never negative, never past MAX_SHARED_WAIT.

    The scripts already repair what they read; this is the last word for whatever reaches
    Python (another library version's script, a proxy), so no sleep depends on Redis's content.
    """
    try:
        seconds = float(micros) / _MICRO  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return 0.0
    if not seconds > 0:  # also NaN
        return 0.0
    return min(seconds, MAX_SHARED_WAIT)


class Need(NamedTuple):
    """What one call lacks locally: client slots and token slots to lease, and what to give back."""

    slots: int
    least: int  # client slots the call itself needs (0 when it holds one)
    token_slots: int
    cover: float  # seconds the token slots must stay valid (the client slot this call holds)
    release: tuple[str, ...]


class _TokenLease:
    """Slots of one token's budget this process holds, valid until ``deadline`` (local clock)."""

    __slots__ = ("deadline", "lease_id", "left", "next_size", "size")

    def __init__(self) -> None:
        self.lease_id = ""
        self.size = 0
        self.left = 0
        self.deadline = 0.0
        self.next_size = 1

    def unused(self) -> list[str]:
        """The members of slots leased but not spent."""
        return [f"{self.lease_id}:{j}" for j in range(self.size - self.left, self.size)]

    def give_up(self, pending: list[str], cap: int, *, early: bool = False) -> None:
        """Stop spending this lease (spent, expired, too short for the call's client slot, or
        ``early``: mostly spent and renewed with the client slots).

        Its unused slots join ``pending`` and go back to Redis first thing in the next lease call
        (this one, when it is renewed now: so renewing early can never be refused for want of the
        slots it gave back). Until then they only hold back budget, never overspend it. A lease
        spent to the end (or mostly, when renewed early) doubles the next one (up to ``cap``); one
        that expired with slots unused halves it (or keeps what was used): a user's single call
        leases one or two slots, a burst after a pause does not start again from one.
        """
        if not self.size:
            return
        used = self.size - self.left
        self.next_size = min(cap, 2 * self.size) if self.left <= 0 or early else max(1, used, self.size // 2)
        pending.extend(self.unused())
        self.size = self.left = 0


class LeasePool:
    """The slots this process leased from Redis, handed out locally to its threads and tasks.

    One client slot is an instant on the fleet's even schedule that no other process holds; one
    token slot is an entry in the token's sliding window, scored at the latest instant it may be
    spent. Both are taken under one lock, never held across I/O.
    """

    def __init__(self, limits: RateLimits, *, horizon: float, max_lease: int) -> None:
        self.limits = limits
        self.horizon = horizon
        self.max_lease = max_lease
        per_token = limits.per_token
        self.token_cap = max(1, min(max_lease, int(per_token[0] * TOKEN_LEASE_SHARE))) if per_token else 0
        # How late a client slot may still be used (then the next one is due): the same half
        # margin a single reservation had. Without a client budget, permits live one horizon.
        # A slot is never dropped sooner than MIN_LATE after its time: the call that leased it takes
        # it right after the answer came back, which is already that late with a zero margin.
        self.late = max(MIN_LATE, limits.late_after) if limits.per_client is not None else 0.0
        # Token slots stay valid this long past the client slot they were leased for, so the
        # calls queued behind it can spend them too. Their entries then count in the token's
        # window that much longer than the sends need: a quarter of the window's margin (1.3 s
        # of Patreon's 60 s window), which costs a little of the token's throughput and never
        # lets it be exceeded.
        window = limits.window(per_token) if per_token else 0.0
        self.token_slack = max(horizon, window * limits.margin / 4)
        self._lock = threading.Lock()
        self._slots: dict[str, deque[tuple[float, float]]] = {}  # client -> (slot, use by), in order
        self._tokens: dict[tuple[str, str], _TokenLease] = {}
        self._releases: dict[tuple[str, str], list[str]] = {}
        self._prune_at = _PRUNE_AT

    def take(self, client: str, token: str | None, now: float) -> Slot | Need:
        """A slot from the leases held (granted), or what to ask Redis for."""
        with self._lock:
            slots = self._slots.get(client)
            while slots and slots[0][1] < now:
                slots.popleft()  # too late to use: that instant of the schedule is gone
            slot = slots[0][0] if slots else None
            lease = None
            if token is not None and self.token_cap:
                key = (client, token)
                lease = self._tokens.get(key)
                send_by = (slot if slot is not None else now) + self.late
                spent = lease is None or lease.left <= 0 or send_by > lease.deadline
                # Going to Redis for client slots with the token's lease mostly spent: renew both
                # in that one round trip rather than come back for the token a few calls later.
                early = not spent and slot is None and lease is not None and 2 * lease.left < lease.size
                if spent or early:
                    if lease is None:
                        if len(self._tokens) > self._prune_at:
                            self._prune(now)
                        lease = self._tokens[key] = _TokenLease()
                    pending = self._releases.setdefault(key, [])
                    lease.give_up(pending, self.token_cap, early=early)
                    # Going to Redis anyway: top the client slots up too (to the horizon).
                    return Need(
                        # (Racing lease calls may have left more than max_lease in the pool.)
                        max(0, self.max_lease - len(slots or ())),
                        0 if slot is not None else 1,
                        lease.next_size,
                        send_by - now + self.token_slack,
                        tuple(pending),
                    )
            if slot is None:
                return Need(self.max_lease, 1, 0, self.horizon, ())
            assert slots is not None
            slots.popleft()
            if lease is not None:
                lease.left -= 1
            return Slot(True, max(0.0, slot - now), self.limits.late_after)

    def add(
        self,
        client: str,
        token: str | None,
        sent: float,
        received: float,
        granted: tuple[int, int, int, int],
        released: tuple[str, ...],
        lease_id: str,
    ) -> None:
        """Keep what one lease call granted: ``granted`` is (first slot, slots, token slots, valid for) in us.

        Client slots are placed on the local clock from the moment the answer arrived (never
        earlier than Redis meant); token slots must be spent before ``sent`` plus their validity
        (never later than the instant Redis scored them at).
        """
        first, count, token_slots, valid = granted
        interval = self.limits.interval(self.limits.per_client) if self.limits.per_client is not None else 0.0
        with self._lock:
            if count > 0:
                slots = self._slots.setdefault(client, deque())
                start = received + first / _MICRO
                use_by = sent + self.horizon if self.limits.per_client is None else None
                fresh = [
                    (start + j * interval, use_by if use_by is not None else start + j * interval + self.late)
                    for j in range(count)
                ]
                merged = sorted([*slots, *fresh]) if slots and slots[-1][0] > fresh[0][0] else None
                if merged is not None:
                    slots.clear()
                    slots.extend(merged)
                else:
                    slots.extend(fresh)
            if token is None:
                return
            key = (client, token)
            if released:
                pending = [member for member in self._releases.get(key, ()) if member not in released]
                if pending:
                    self._releases[key] = pending
                else:
                    self._releases.pop(key, None)
            if token_slots:
                lease = self._tokens.setdefault(key, _TokenLease())
                if lease.left > 0:  # another thread's lease call landed first: keep this one
                    self._releases.setdefault(key, []).extend(lease.unused())
                lease.lease_id = lease_id
                lease.size = lease.left = token_slots
                lease.deadline = sent + valid / _MICRO

    def clear(self, client: str) -> None:
        """Drop every lease of a client id (a 429 paused it, or its edge budget is spent)."""
        with self._lock:
            self._slots.pop(client, None)
            for key, lease in self._tokens.items():
                if key[0] == client:
                    lease.give_up(self._releases.setdefault(key, []), self.token_cap)

    def _prune(self, now: float) -> None:
        # One lease per token ever seen would grow without end on a site with many users; an
        # expired one with slots left is forgotten (they leave the window with it).
        for key in [key for key, lease in self._tokens.items() if lease.deadline < now]:
            del self._tokens[key]
            self._releases.pop(key, None)
        self._prune_at = max(_PRUNE_AT, 2 * len(self._tokens))


class Plan:
    """Keys and arguments of both scripts for one limiter configuration (no I/O)."""

    def __init__(self, limits: RateLimits, prefix: str, pool: LeasePool) -> None:
        self.limits = limits
        self.prefix = prefix
        self.pool = pool

    def keys(self, client: str, token: str | None) -> list[str]:
        base = f"{self.prefix}:{{{client}}}"
        return [f"{base}:client", f"{base}:token:{token or '-'}", f"{base}:errors", f"{base}:pause"]

    def lease_args(self, token: str | None, need: Need, lease_id: str) -> list[Any]:
        limits, pool = self.limits, self.pool
        client, per_token = limits.per_client, limits.per_token if token is not None else None
        edge_window = limits.edge_errors[1] if limits.edge_errors is not None else 0.0
        return [
            _micros(limits.interval(client)) if client else 0,
            need.slots,
            _micros(pool.horizon),
            per_token[0] if per_token else 0,
            _micros(limits.window(per_token)) if per_token else 0,
            need.token_slots if per_token else 0,
            # Rounded up, past a microsecond: truncated, the lease would end just before the slot
            # it must cover, and the call would ask again and again.
            math.ceil(need.cover * _MICRO) + 1,
            _micros(pool.late + pool.token_slack),
            limits.edge_threshold,
            _micros(edge_window),
            lease_id,
            need.least,
            _micros(MAX_SHARED_WAIT),
            *need.release,
        ]

    def observe_args(self, status: int, retry_after: float | None) -> list[Any]:
        edge = self.limits.edge_errors
        counted = _micros(edge[1]) if edge is not None and 400 <= status < 500 else 0
        # Never a pause longer than the bound: the client refuses such a Retry-After anyway.
        pause = _micros(min(retry_after, MAX_SHARED_WAIT)) if status == 429 and retry_after else 0
        return [counted, max(0, pause), secrets.token_hex(8), _micros(MAX_SHARED_WAIT)]

    def leased(
        self,
        result: Any,
        client: str,
        token: str | None,
        need: Need,
        lease_id: str,
        sent: float,
    ) -> Slot | None:
        """Keep a lease call's answer; a Slot when it refuses (pause, token window full), else None."""
        code, value = int(result[0]), int(result[1])
        self._log_repaired(result[5] if len(result) > 5 else b"", client, token)
        if code == 2:
            raise EdgeBudgetExceededError(client=client, seen=value, limits=self.limits)
        if code == 1:
            self.pool.add(client, token, sent, time.monotonic(), (0, 0, 0, 0), need.release, lease_id)
            return Slot(False, bounded_wait(value), self.limits.late_after)
        first = round(bounded_wait(value) * _MICRO)
        granted = (first, int(result[2]), int(result[3]), int(result[4]))
        self.pool.add(client, token, sent, time.monotonic(), granted, need.release, lease_id)
        return None

    def observed(self, seen: Any, client: str, status: int) -> None:
        """After a 429, or a 4xx that leaves the edge count within one lease of its threshold,
        this process's leases go: its next call asks Redis, which checks the pause and the count.

        So near the threshold every 4xx sends its process back to Redis, and the count passes the
        threshold by at most the calls each process already had on their way.
        """
        count, repaired = (seen[0], seen[1]) if isinstance(seen, list | tuple) else (seen, b"")
        self._log_repaired(repaired, client, None)
        threshold = self.limits.edge_threshold
        if status == 429 or (threshold and int(count) >= threshold - self.pool.max_lease):
            self.pool.clear(client)

    def _log_repaired(self, repaired: object, client: str, token: str | None) -> None:
        names = repaired.decode() if isinstance(repaired, bytes) else str(repaired or "")
        if not names:
            return
        keys = dict(zip(("client", "token", "errors", "pause"), self.keys(client, token), strict=True))
        shown = ", ".join(keys.get(name, name) for name in dict.fromkeys(names.split(",")))
        logger.warning(
            "Redis rate limiter: %s held values no limiter writes (not a time, or more than %g s "
            "ahead of Redis's clock: garbage, or the clock stepped back); repaired, not trusted",
            shown,
            MAX_SHARED_WAIT,
        )


def new_lease_id() -> str:
    return secrets.token_hex(6)


class Degraded:
    """When Redis failed, and the one warning that says so."""

    def __init__(self, where: str, retry_interval: float) -> None:
        self.where = where
        self.retry_interval = retry_interval
        self.until = 0.0
        self.down = False

    def skip_redis(self) -> bool:
        return self.down and time.monotonic() < self.until

    def failed(self, exc: Exception) -> None:
        self.until = time.monotonic() + self.retry_interval
        if not self.down:
            self.down = True
            logger.warning(
                "Redis rate limiter at %s unreachable (%s); pacing this process locally until it answers",
                self.where,
                type(exc).__name__,
            )

    def answered(self) -> None:
        if self.down:
            self.down = False
            logger.info("Redis rate limiter at %s answers again; sharing the fleet's budget", self.where)
