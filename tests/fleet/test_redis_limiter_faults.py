"""Issue 21: the Redis rate limiter under faults, on a real redis-server, sync and async twins.

Hostile or broken shared state (garbage in every key the limiter uses, values far ahead of
Redis's clock as after the clock stepped back an hour, keys of the wrong type) and a redis-server
killed with SIGKILL and restarted empty: no call may wait longer than MAX_SHARED_WAIT (what
Patreon can really ask), garbage is repaired with a log line (not trusted, not left to break
every later call), and the limiter keeps sharing the budget through Redis.

Redis's clock cannot be stepped from here; what a step back does is what these tests write: every
stored time is then ahead of Redis's ``TIME`` by the step. The local clock the limiter uses is
``time.monotonic``, which does not step.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest

from patreon_auth import AsyncRedisRateLimiter, PatreonCreatorClient, RateLimits, RedisRateLimiter
from patreon_auth._redis_lease import MAX_SHARED_WAIT, bounded_wait
from patreon_runtime.rate_limit import Slot
from patreon_sandbox import Sandbox
from tests.modes import ModeDriver
from tests.stores.conftest import mode_redis
from tests.stores.test_faults import RedisProcess

if TYPE_CHECKING:
    import redis

CLIENT = "client-f"
TOKEN = "token-hash"
PREFIX = "patreon:rate"
KEYS = {
    "client": f"{PREFIX}:{{{CLIENT}}}:client",
    "token": f"{PREFIX}:{{{CLIENT}}}:token:{TOKEN}",
    "errors": f"{PREFIX}:{{{CLIENT}}}:errors",
    "pause": f"{PREFIX}:{{{CLIENT}}}:pause",
}
__all__ = ["mode_redis"]  # the fixture: a client of the mode's flavour

TEN_YEARS = 10 * 365 * 86400
HOUR = 3600
# Small windows, so a repaired value that still counts (moved to now) is waited out quickly.
LIMITS = RateLimits(per_client=(100, 2.0), per_token=(3, 1.0), edge_errors=(8, 0.5), edge_share=0.5)
REDIS_PAIR = (RedisRateLimiter, AsyncRedisRateLimiter)


def redis_now_us(client: redis.Redis) -> int:
    seconds, micros = client.time()
    return int(seconds) * 1_000_000 + int(micros)


def string_garbage(now_us: int) -> dict[str, bytes]:
    """Values for a key that holds a time (the client's next slot, the pause)."""
    return {
        "1e308": b"1e308",
        "inf": b"inf",
        "nan": b"nan",
        "negative": b"-5000000",
        "words": b"not a number",
        "huge-integer": b"9" * 40,
        "ten-years-ahead": str(now_us + TEN_YEARS * 1_000_000).encode(),
        "clock-stepped-back-an-hour": str(now_us + (HOUR + 30) * 1_000_000).encode(),
    }


def zset_garbage(now_us: int) -> dict[str, float]:
    """Scores for members of a key that is a sorted set of times (the token window, the errors)."""
    return {
        "+inf": float("inf"),
        "ten-years-ahead": float(now_us + TEN_YEARS * 1_000_000),
        "clock-stepped-back-an-hour": float(now_us + HOUR * 1_000_000),
    }


def repair_warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        record.getMessage()
        for record in caplog.records
        if record.name == "patreon.ratelimit" and "repaired" in record.getMessage()
    ]


def reserve_until_granted(mode: ModeDriver, limiter: Any, token: str | None, bound: float) -> list[Slot]:
    """Reserve as a client does (sleeping what it is told), failing on any wait above ``bound``."""
    slots: list[Slot] = []
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        slot = mode.run(limiter.reserve(CLIENT, token))
        slots.append(slot)
        assert 0 <= slot.wait <= bound, slots
        if slot.granted:
            return slots
        time.sleep(slot.wait)
    raise AssertionError(f"no slot within 10 s: {slots}")


# --- garbage in every key ------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["client", "pause"])
def test_garbage_in_a_time_key_is_repaired_and_never_waited_for(
    mode: ModeDriver, redis_client: redis.Redis, mode_redis: Any, key: str, caplog: pytest.LogCaptureFixture
) -> None:
    for name, value in string_garbage(redis_now_us(redis_client)).items():
        redis_client.flushdb()
        redis_client.set(KEYS[key], value)
        limiter = mode.new(REDIS_PAIR, mode_redis, LIMITS)
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="patreon"):
            slots = reserve_until_granted(mode, limiter, TOKEN, bound=0.1)
        assert not limiter.degraded, name  # repaired in Redis, not a script error and local pacing
        assert len(slots) == 1, (name, slots)
        # Each is a value no limiter writes (times are Redis's, never negative): one warning.
        warnings = repair_warnings(caplog)
        assert len(warnings) == 1 and KEYS[key] in warnings[0], (name, warnings)
        # The next call finds a repaired key: no second warning.
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="patreon"):
            reserve_until_granted(mode, limiter, TOKEN, bound=0.1)
        assert repair_warnings(caplog) == [], name


@pytest.mark.parametrize("key", ["client", "pause", "token", "errors"])
def test_a_key_of_the_wrong_type_is_repaired(
    mode: ModeDriver, redis_client: redis.Redis, mode_redis: Any, key: str, caplog: pytest.LogCaptureFixture
) -> None:
    redis_client.rpush(KEYS[key], "a list, not a time")
    limiter = mode.new(REDIS_PAIR, mode_redis, LIMITS)
    with caplog.at_level(logging.WARNING, logger="patreon"):
        slots = reserve_until_granted(mode, limiter, TOKEN, bound=0.1)
        mode.run(limiter.observe(CLIENT, 429, 0.01))  # the observe script reads errors and pause too
    assert not limiter.degraded
    assert len(slots) == 1
    assert any(KEYS[key] in warning for warning in repair_warnings(caplog))


@pytest.mark.parametrize("score", list(zset_garbage(0)))
def test_token_window_members_ahead_of_the_clock_count_as_now_not_forever(
    mode: ModeDriver, redis_client: redis.Redis, mode_redis: Any, score: str, caplog: pytest.LogCaptureFixture
) -> None:
    value = zset_garbage(redis_now_us(redis_client))[score]
    # The token's whole budget (3) spent at a garbage time: the window is full until it passes.
    redis_client.zadd(KEYS["token"], {f"garbage:{j}": value for j in range(3)})
    limiter = mode.new(REDIS_PAIR, mode_redis, LIMITS)
    window = LIMITS.window((3, 1.0))
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="patreon"):
        slots = reserve_until_granted(mode, limiter, TOKEN, bound=window + 0.05)
    assert not slots[0].granted  # the repaired entries still count, as spent now
    assert time.monotonic() - started < window + 1.0
    assert len(repair_warnings(caplog)) == 1


@pytest.mark.parametrize("score", list(zset_garbage(0)))
def test_edge_errors_ahead_of_the_clock_age_out_like_any_other(
    mode: ModeDriver, redis_client: redis.Redis, mode_redis: Any, score: str, caplog: pytest.LogCaptureFixture
) -> None:
    from patreon_auth import EdgeBudgetExceededError

    value = zset_garbage(redis_now_us(redis_client))[score]
    redis_client.zadd(KEYS["errors"], {f"garbage:{j}": value for j in range(4)})  # the threshold
    limiter = mode.new(REDIS_PAIR, mode_redis, LIMITS)
    with caplog.at_level(logging.WARNING, logger="patreon"), pytest.raises(EdgeBudgetExceededError):
        mode.run(limiter.reserve(CLIENT, None))  # counted as errors seen now: refused at once
    assert len(repair_warnings(caplog)) == 1
    time.sleep(0.55)  # the edge window (0.5 s): the entries leave it like any other
    assert mode.run(limiter.reserve(CLIENT, None)).granted


def test_a_pause_observed_is_capped_at_the_bound(redis_client: redis.Redis) -> None:
    limiter = RedisRateLimiter(redis_client, LIMITS)
    limiter.observe(CLIENT, 429, 1e308)  # max_retry_after raised by the user: still capped
    slot = limiter.reserve(CLIENT, None)
    assert not slot.granted
    assert MAX_SHARED_WAIT - 1 <= slot.wait <= MAX_SHARED_WAIT
    assert 0 < redis_client.pttl(KEYS["pause"]) <= (MAX_SHARED_WAIT + 1) * 1000


@pytest.mark.parametrize(
    ("answer", "expected"),
    [(-5, 0.0), (float("nan"), 0.0), (float("inf"), MAX_SHARED_WAIT), (10**30, MAX_SHARED_WAIT), ("x", 0.0)],
)
def test_bounded_wait_caps_whatever_reaches_python(answer: object, expected: float) -> None:
    assert bounded_wait(answer) == expected


def test_a_client_call_with_garbage_everywhere_finishes_promptly(redis_client: redis.Redis) -> None:
    # End to end, a real client against the sandbox: before the fix, the pause key alone made
    # this call sleep for 1e308 microseconds.
    now = redis_now_us(redis_client)
    done = threading.Event()
    failure: list[BaseException] = []
    with Sandbox(seed=21, members=2, rate_limits=None) as sandbox:
        keys = {name: key.replace(CLIENT, sandbox.client_id) for name, key in KEYS.items()}
        redis_client.set(keys["pause"], b"1e308")
        redis_client.set(keys["client"], str(now + TEN_YEARS * 1_000_000))
        redis_client.zadd(keys["errors"], {"garbage": float("inf")})

        def call() -> None:
            try:
                with PatreonCreatorClient(
                    client_id=sandbox.client_id,
                    client_secret=sandbox.client_secret,
                    token=sandbox.creator_token(),
                    transport=sandbox.transport(),
                    base_url="https://sandbox.test",
                    rate_limiter=RedisRateLimiter(redis_client),
                ) as client:
                    client.identity.get()
            except BaseException as exc:  # handed to the test thread
                failure.append(exc)
            finally:
                done.set()

        threading.Thread(target=call, daemon=True).start()
        assert done.wait(10), "the call hung on what Redis held"
    assert failure == []


# --- redis-server killed and restarted empty -----------------------------------------------------


def test_kill_9_and_restart_empty_never_waits_past_the_bound(
    mode: ModeDriver, redis_server: RedisProcess, caplog: pytest.LogCaptureFixture
) -> None:
    import redis
    import redis.asyncio
    from redis.asyncio.retry import Retry as AsyncRetry
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    client = mode.new(
        (redis.Redis, redis.asyncio.Redis),
        host="127.0.0.1",
        port=redis_server.port,
        socket_timeout=1,
        retry=mode.pick(Retry(NoBackoff(), 0), AsyncRetry(NoBackoff(), 0)),
    )
    limits = RateLimits(per_client=(50, 1.0), per_token=(20, 1.0), edge_errors=None)
    # Waits are not slept here, so the budgets fill: the longest honest wait is a window.
    bound = limits.window((20, 1.0))
    limiter = mode.new(REDIS_PAIR, client, limits, retry_interval=0.05)
    plain = redis.Redis(host="127.0.0.1", port=redis_server.port)
    waits: list[float] = []
    events: list[Callable[[], None]] = [redis_server.kill, redis_server.start, redis_server.restart]
    with caplog.at_level(logging.INFO, logger="patreon"):
        for round_ in range(9):
            for _ in range(5):
                slot = mode.run(limiter.reserve(CLIENT, TOKEN))
                waits.append(slot.wait)
                assert 0 <= slot.wait <= bound  # never beyond the budgets' own windows
            events[round_ % 3]()
            if round_ % 3 == 1:  # back up: garbage left by "someone" must not hang the fleet
                plain.set(KEYS["pause"], b"1e308")
            time.sleep(0.06)  # past retry_interval: the limiter tries Redis again
        # Redis is up and answering again at the end.
        for _ in range(3):
            mode.run(limiter.reserve(CLIENT, TOKEN))
    assert not limiter.degraded
    assert plain.exists(KEYS["client"])
    messages = [record.getMessage() for record in caplog.records if record.name == "patreon.ratelimit"]
    assert any("unreachable" in message for message in messages)
    assert any("answers again" in message for message in messages)
    assert repair_warnings(caplog)
    assert max(waits) <= bound
    plain.close()
    mode.shut(client)
