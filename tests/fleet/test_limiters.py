"""The rate limiters: budgets, the fleet-wide 429 pause, the edge budget, and Redis going away.

Local and Redis limiters run the same checks; the Redis ones use a real redis-server and two
limiter objects standing for two processes. The clients are driven against the sandbox.
"""

from __future__ import annotations

import contextlib
import logging
import subprocess
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

import httpx
import pytest
from redis.backoff import NoBackoff
from redis.retry import Retry

from patreon_auth import (
    AsyncLocalRateLimiter,
    AsyncPatreonCreatorClient,
    AsyncRedisRateLimiter,
    EdgeBudgetExceededError,
    LocalRateLimiter,
    NotFoundError,
    PatreonCreatorClient,
    PatreonUserClient,
    RateLimiter,
    RateLimitError,
    RateLimits,
    RedisRateLimiter,
    RefreshError,
)
from patreon_auth._redis_lease import LeasePool, Need, Plan
from patreon_generated import Patreon
from patreon_runtime.rate_limit import Slot
from patreon_runtime.rate_limited_auth import AsyncRateLimitedAuth, RateLimitedAuth, limit_async, limit_sync
from patreon_sandbox import RateLimits as SandboxLimits
from patreon_sandbox import Sandbox
from tests.stores._helpers import free_port

if TYPE_CHECKING:
    import redis
    import redis.asyncio

CLIENT = "client-a"
EDGE = RateLimits(per_client=None, per_token=None, edge_errors=(8, 600.0), edge_share=0.5)


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(seed=4, members=10, rate_limits=None) as sandbox:
        yield sandbox


def no_retry() -> Retry:
    """redis-py retries a refused connection for about 4 s by default; the docs advise against it."""
    return Retry(NoBackoff(), 0)


def redis_limiter(client: redis.Redis, limits: RateLimits) -> RedisRateLimiter:
    return RedisRateLimiter(client, limits)


# --- budgets -------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["local", "redis"])
def test_client_budget_hands_out_evenly_spaced_slots(kind: str, request: pytest.FixtureRequest) -> None:
    limits = RateLimits(per_client=(5, 1.0), per_token=None, margin=0.0)
    if kind == "local":
        first: RateLimiter = LocalRateLimiter(limits)
        second: RateLimiter = first
    else:
        client = request.getfixturevalue("redis_client")
        first, second = redis_limiter(client, limits), redis_limiter(client, limits)
    # Two limiter objects over one Redis stand for two processes: they share the slots.
    slots = [(first if index % 2 else second).reserve(CLIENT, None) for index in range(5)]
    assert all(slot.granted for slot in slots)
    assert [round(slot.wait, 1) for slot in slots] == [0.0, 0.2, 0.4, 0.6, 0.8]
    # Another client id has its own budget.
    assert first.reserve("client-b", None).wait == pytest.approx(0.0, abs=0.05)


@pytest.mark.parametrize("kind", ["local", "redis"])
def test_token_budget_is_a_sliding_window(kind: str, request: pytest.FixtureRequest) -> None:
    limits = RateLimits(per_client=None, per_token=(3, 10.0), margin=0.1)
    limiter: RateLimiter = (
        LocalRateLimiter(limits)
        if kind == "local"
        else redis_limiter(request.getfixturevalue("redis_client"), limits)
    )
    granted = [limiter.reserve(CLIENT, "token-1") for _ in range(3)]
    assert [(slot.granted, round(slot.wait, 1)) for slot in granted] == [(True, 0.0)] * 3
    refused = limiter.reserve(CLIENT, "token-1")
    assert not refused.granted
    assert refused.wait == pytest.approx(11.0, abs=0.5)
    assert limiter.reserve(CLIENT, "token-2").granted
    # Requests without a bearer token spend only the client budget.
    assert limiter.reserve(CLIENT, None).granted


@pytest.mark.parametrize("kind", ["local", "redis"])
def test_a_429_pauses_every_process_of_the_client(kind: str, request: pytest.FixtureRequest) -> None:
    limits = RateLimits(per_client=(100, 2.0), per_token=None)
    if kind == "local":
        seen: RateLimiter = LocalRateLimiter(limits)
        other: RateLimiter = seen
    else:
        client = request.getfixturevalue("redis_client")
        seen, other = redis_limiter(client, limits), redis_limiter(client, limits)
    seen.observe(CLIENT, 429, 30.0)
    paused = other.reserve(CLIENT, "t")
    assert not paused.granted
    assert paused.wait == pytest.approx(30.0, abs=1.0)
    assert other.reserve("client-b", "t").granted


def calls_until_refused(limiter: RateLimiter, most: int) -> int:
    """How many more calls ``limiter`` grants before it raises EdgeBudgetExceededError."""
    for granted in range(most + 1):
        try:
            limiter.reserve(CLIENT, None)
        except EdgeBudgetExceededError:
            return granted
    pytest.fail(f"still granting after {most} calls")


@pytest.mark.parametrize("kind", ["local", "redis"])
def test_edge_budget_refuses_with_a_typed_error(kind: str, request: pytest.FixtureRequest) -> None:
    if kind == "local":
        seen: RateLimiter = LocalRateLimiter(EDGE)
        other: RateLimiter = seen
    else:
        client = request.getfixturevalue("redis_client")
        seen, other = redis_limiter(client, EDGE), RedisRateLimiter(client, EDGE, max_lease=5)
    for status in (401, 404, 400):
        seen.observe(CLIENT, status, None)
    seen.observe(CLIENT, 500, None)  # not a 4xx: not counted
    seen.observe(CLIENT, 200, None)
    assert seen.reserve(CLIENT, None).granted
    assert other.reserve(CLIENT, None).granted
    seen.observe(CLIENT, 403, None)
    # The process that counted the 4xx refuses at once ...
    with pytest.raises(EdgeBudgetExceededError) as caught:
        seen.reserve(CLIENT, None)
    error = caught.value
    assert (error.reason, error.client, error.seen, error.threshold) == ("edge_budget", CLIENT, 4, 4)
    assert "edge budget" in str(error) and "4 4xx answers" in str(error) and "50%" in str(error)
    # ... another one once its lease (5 permits here, 1 spent) runs out: the documented slack.
    assert calls_until_refused(other, 5) <= 4
    assert other.reserve("client-b", None).granted


def test_near_the_edge_threshold_every_4xx_sends_its_process_back_to_redis(
    redis_client: redis.Redis,
) -> None:
    limits = RateLimits(per_client=None, per_token=None, edge_errors=(400, 600.0), edge_share=0.5)
    worker = RedisRateLimiter(redis_client, limits, max_lease=10, lease_horizon=5.0)
    others = RedisRateLimiter(redis_client, limits)
    assert worker.reserve(CLIENT, None).granted  # leases 10 permits
    worker.observe(CLIENT, 404, None)  # 1 of the 200 that make it refuse: the lease stays
    before = evalsha_calls(redis_client)
    assert worker.reserve(CLIENT, None).granted
    assert evalsha_calls(redis_client) == before  # spent from the lease
    for _ in range(190):
        others.observe(CLIENT, 404, None)
    worker.observe(CLIENT, 404, None)  # 192: within one lease (10) of 200, the lease goes
    before = evalsha_calls(redis_client)
    assert worker.reserve(CLIENT, None).granted
    assert evalsha_calls(redis_client) == before + 1  # asked Redis, which counts the 4xx


def test_a_429_reaches_a_process_holding_a_lease_within_the_lease(redis_client: redis.Redis) -> None:
    limits = RateLimits(per_client=None, per_token=None)
    seen, other = redis_limiter(redis_client, limits), RedisRateLimiter(redis_client, limits, max_lease=5)
    assert other.reserve(CLIENT, None).granted  # leases 5 permits, spends one
    seen.observe(CLIENT, 429, 30.0)
    assert not seen.reserve(CLIENT, None).granted  # the one that got the 429 stops at once
    slots = [other.reserve(CLIENT, None) for _ in range(5)]
    assert not slots[-1].granted
    assert slots[-1].wait == pytest.approx(30.0, abs=1.0)
    assert sum(slot.granted for slot in slots) <= 4


def evalsha_calls(client: redis.Redis) -> int:
    stats = client.info("commandstats").get("cmdstat_evalsha", {})
    return int(stats.get("calls", 0)) if isinstance(stats, dict) else 0


def test_a_lease_serves_many_calls_per_round_trip(redis_client: redis.Redis) -> None:
    # Budgets too large to bind, as on a quiet site: each lease call brings max_lease slots of
    # both budgets (the token's after doubling from one), valid long enough to spend them all.
    never_binds = RateLimits(per_client=(10**9, 100.0), per_token=(10**9, 100.0))
    limiter = RedisRateLimiter(redis_client, never_binds, lease_horizon=10.0, max_lease=16)
    limiter.reserve("warm-up", None)
    before = evalsha_calls(redis_client)
    assert all(limiter.reserve(CLIENT, "t").granted for _ in range(160))
    # 1 + 2 + 4 + 8 token slots, then 16 a lease: 14 lease calls for 160 calls, not 160.
    assert evalsha_calls(redis_client) - before <= 16


@pytest.mark.parametrize("ahead", [0.3, 0.123456, 0.987654321])
def test_a_token_lease_covers_the_client_slot_it_was_leased_for(ahead: float) -> None:
    # A thread holds a client slot further ahead than the horizon (leased from a deep queue) and
    # needs a lease for its token: the script grants it for the `cover` asked (k = 0 slots), and
    # that must cover the slot, or the call asks Redis again and again.
    limits = RateLimits(per_client=(10, 1.0), per_token=(100, 60.0), margin=0.1)
    pool = LeasePool(limits, horizon=0.1, max_lease=64)
    plan = Plan(limits, "p", pool)
    now = 1234.567891234
    pool.add(CLIENT, None, now, now, (int(ahead * 1e6), 1, 0, 0), (), "c")
    need = pool.take(CLIENT, "t", now)
    assert isinstance(need, Need) and need.token_slots == 1 and need.least == 0
    cover_us = plan.lease_args("t", need, "lease")[6]  # what the script adds to its clock
    pool.add(CLIENT, "t", now, now, (0, 0, 1, cover_us), (), "lease")
    slot = pool.take(CLIENT, "t", now)
    assert isinstance(slot, Slot) and slot.granted
    assert slot.wait == pytest.approx(ahead, abs=1e-6)


def test_a_pool_holding_more_than_max_lease_asks_for_no_more_slots() -> None:
    # Lease calls of racing threads or tasks can leave more slots in the pool than one lease.
    limits = RateLimits(per_client=(10**6, 1.0), per_token=(100, 60.0))
    pool = LeasePool(limits, horizon=0.05, max_lease=2)
    now = 1000.0
    pool.add(CLIENT, None, now, now, (0, 2, 0, 0), (), "a")
    pool.add(CLIENT, None, now, now, (0, 3, 0, 0), (), "b")
    need = pool.take(CLIENT, "t", now)
    assert isinstance(need, Need) and need.slots == 0 and need.token_slots == 1
    # A lease answer that grants no client slots leaves the pool as it was.
    pool.add(CLIENT, "t", now, now, (0, 0, 1, 10**6), (), "c")
    assert all(isinstance(pool.take(CLIENT, None, now), Slot) for _ in range(5))


def test_leased_client_slots_of_two_processes_never_overlap(redis_client: redis.Redis) -> None:
    # 10 slots a second, leases up to 0.5 s of the schedule, growing from one slot as each
    # process spends its leases: whoever holds which, the two share one even schedule.
    limits = RateLimits(per_client=(10, 1.0), per_token=None, margin=0.0)
    first = RedisRateLimiter(redis_client, limits, lease_horizon=0.5)
    second = RedisRateLimiter(redis_client, limits, lease_horizon=0.5)
    first.reserve("warm-up", None)
    before = evalsha_calls(redis_client)
    start = time.monotonic()
    times = []
    for limiter in [first, second] * 6:
        slot = limiter.reserve(CLIENT, None)
        assert slot.granted
        times.append(time.monotonic() - start + slot.wait)
    assert sorted(round(at, 1) for at in times) == [round(0.1 * n, 1) for n in range(12)]
    assert evalsha_calls(redis_client) - before < 12  # some calls were served from a lease


def test_a_token_budget_leased_by_two_processes_is_spent_exactly(redis_client: redis.Redis) -> None:
    limits = RateLimits(per_client=None, per_token=(100, 60.0))
    first, second = redis_limiter(redis_client, limits), redis_limiter(redis_client, limits)
    # first leases 1, 2, then 4 of the token's slots and spends 4: it holds 3 it has not spent.
    assert all(first.reserve(CLIENT, "t").granted for _ in range(4))
    granted = 0
    while second.reserve(CLIENT, "t").granted:
        granted += 1
    assert granted == 100 - 4 - 3
    # first spends what it holds, then Redis refuses it too: 100 in all, not one more.
    assert [first.reserve(CLIENT, "t").granted for _ in range(4)] == [True, True, True, False]


def test_unused_token_slots_go_back_with_the_next_lease(redis_client: redis.Redis) -> None:
    # A thin margin: token slots stay valid one horizon (0.05 s), not a quarter of the margin.
    limits = RateLimits(per_client=None, per_token=(100, 6.0), margin=0.02)
    first = RedisRateLimiter(redis_client, limits, lease_horizon=0.05)
    second = redis_limiter(redis_client, limits)
    assert all(first.reserve(CLIENT, "t").granted for _ in range(4))  # holds 3 unspent, as above
    time.sleep(0.2)  # past first's lease: it may no longer spend them
    # Gives back the 3, leases 2 (half the lease that expired unused) and spends one.
    assert first.reserve(CLIENT, "t").granted
    granted = 0
    while second.reserve(CLIENT, "t").granted:
        granted += 1
    assert granted == 100 - 5 - 1  # without the give-back: 100 - 5 - 1 - 3


def test_limits_are_checked() -> None:
    with pytest.raises(ValueError, match="per_client"):
        RateLimits(per_client=(0, 2.0))
    with pytest.raises(ValueError, match="per_token"):
        RateLimits(per_token=(10, -1.0))
    with pytest.raises(ValueError, match="edge_share"):
        RateLimits(edge_share=1.5)
    with pytest.raises(ValueError, match="margin"):
        RateLimits(margin=1.0)


# --- through the clients -------------------------------------------------------------------------


@pytest.mark.parametrize("served", [False, True], ids=["in-process", "loopback"])
def test_edge_budget_stops_a_client_before_patreon_blocks_it(sandbox: Sandbox, served: bool) -> None:
    limiter = LocalRateLimiter(EDGE)
    with contextlib.ExitStack() as stack:
        # Over HTTP the 4xx bodies are still unread when the limiter sees them.
        base_url = stack.enter_context(sandbox.serve_in_thread()) if served else "https://sandbox.test"
        client = PatreonCreatorClient(
            client_id=sandbox.client_id,
            client_secret=sandbox.client_secret,
            token=sandbox.creator_token(),
            transport=None if served else sandbox.transport(),
            base_url=base_url,
            rate_limiter=limiter,
        )
        stack.enter_context(client)
        for _ in range(4):
            with pytest.raises(NotFoundError):
                client.members.get("no-such-member")
        sent = sandbox.stats.api_requests
        with pytest.raises(EdgeBudgetExceededError, match=sandbox.client_id):
            client.identity.get()
    assert sandbox.stats.api_requests == sent  # refused before sending


async def test_async_edge_budget_stops_a_client(sandbox: Sandbox) -> None:
    limiter = AsyncLocalRateLimiter(EDGE)
    client = AsyncPatreonCreatorClient(
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        token=sandbox.creator_token(),
        transport=sandbox.async_transport(),
        base_url="https://sandbox.test",
        rate_limiter=limiter,
    )
    async with client:
        for _ in range(4):
            with pytest.raises(NotFoundError):
                await client.members.get("no-such-member")
        sent = sandbox.stats.api_requests
        with pytest.raises(EdgeBudgetExceededError):
            await client.identity.get()
    assert sandbox.stats.api_requests == sent


def test_a_429_seen_by_one_worker_pauses_the_others(redis_client: redis.Redis) -> None:
    # Budgets off in the limiter, on in the sandbox: the 429 comes from the server.
    limits = RateLimits(per_client=None, per_token=None)
    sandbox_limits = SandboxLimits(per_client=None, per_token=(1, 60.0))
    with (
        Sandbox(seed=4, members=10, rate_limits=sandbox_limits) as sandbox,
        sandbox.serve_in_thread() as base_url,
    ):
        first = PatreonCreatorClient(
            client_id=sandbox.client_id,
            client_secret=sandbox.client_secret,
            token=sandbox.creator_token(),
            base_url=base_url,  # over HTTP: the 429's body is read inside the auth flow
            max_retries=0,
            rate_limiter=RedisRateLimiter(redis_client, limits),
        )
        first.identity.get()
        with pytest.raises(RateLimitError) as caught:
            first.identity.get()
        other = RedisRateLimiter(redis_client, limits).reserve(sandbox.client_id, "another-token")
        assert not other.granted
        assert caught.value.retry_after is not None
        assert other.wait == pytest.approx(caught.value.retry_after, abs=1.0)
        first.close()


def test_redis_keys_hold_no_token(redis_client: redis.Redis, sandbox: Sandbox) -> None:
    token = sandbox.creator_token()
    with PatreonCreatorClient(
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        token=token,
        transport=sandbox.transport(),
        base_url="https://sandbox.test",
        rate_limiter=RedisRateLimiter(redis_client),
    ) as client:
        client.identity.get()
    keys = [key.decode() if isinstance(key, bytes) else key for key in redis_client.keys("*")]
    assert any(key.startswith("patreon:rate:{") and ":token:" in key for key in keys)
    assert all(token.access_token not in key for key in keys)


def test_patreon_itself_gets_the_process_default_and_other_origins_none(sandbox: Sandbox) -> None:
    patreon = Patreon(token="x")
    assert isinstance(patreon.http_client.auth, RateLimitedAuth)
    assert patreon.http_client.auth.limiter is LocalRateLimiter.process_default()
    # A sandbox, a proxy or a transport of your own have their own limits: paced only when asked.
    elsewhere = Patreon(token="x", base_url="http://127.0.0.1:9")
    mocked = Patreon(token="x", transport=sandbox.transport())
    for client in (elsewhere, mocked):
        assert not isinstance(client.http_client.auth, RateLimitedAuth)
    users = PatreonUserClient(client_id="id", client_secret="secret", redirect_uri="https://example.com/cb")
    assert users.rate_limiter is LocalRateLimiter.process_default()
    for client in (patreon, elsewhere, mocked):
        client.close()
    users.close()


# --- Redis away ----------------------------------------------------------------------------------


def test_unreachable_redis_paces_locally_and_logs_once(caplog: pytest.LogCaptureFixture) -> None:
    import redis

    port = free_port()
    limits = RateLimits(per_client=(100, 2.0), per_token=(2, 60.0))
    limiter = RedisRateLimiter(redis.Redis(host="127.0.0.1", port=port, retry=no_retry()), limits)
    with caplog.at_level(logging.INFO, logger="patreon"):
        slots = [limiter.reserve(CLIENT, "t") for _ in range(3)]
    assert [slot.granted for slot in slots] == [True, True, False]  # local pacing, same limits
    assert limiter.degraded
    warnings = [r for r in caplog.records if r.name == "patreon.ratelimit" and r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert f"127.0.0.1:{port}" in warnings[0].getMessage() and "locally" in warnings[0].getMessage()


def test_limiter_returns_to_redis_when_it_answers_again(caplog: pytest.LogCaptureFixture) -> None:
    import redis

    port = free_port()
    limiter = RedisRateLimiter(redis.Redis(host="127.0.0.1", port=port, retry=no_retry()), retry_interval=0.0)
    with caplog.at_level(logging.INFO, logger="patreon"):
        assert limiter.reserve(CLIENT, None).granted
        assert limiter.degraded
        server = subprocess.Popen(
            ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 10
            while limiter.degraded and time.monotonic() < deadline:
                limiter.reserve(CLIENT, None)
                time.sleep(0.05)
            assert not limiter.degraded
            assert redis.Redis(host="127.0.0.1", port=port).exists(f"patreon:rate:{{{CLIENT}}}:client")
        finally:
            server.terminate()
            server.wait(timeout=10)
    messages = [r.getMessage() for r in caplog.records if r.name == "patreon.ratelimit"]
    assert len([m for m in messages if "unreachable" in m]) == 1
    assert len([m for m in messages if "answers again" in m]) == 1


# --- async twins ---------------------------------------------------------------------------------


async def test_async_and_sync_redis_limiters_share_one_budget(
    async_redis_client: redis.asyncio.Redis, redis_client: redis.Redis
) -> None:
    limits = RateLimits(
        per_client=(5, 1.0), per_token=None, edge_errors=(2, 600.0), edge_share=1.0, margin=0.0
    )
    async_limiter = AsyncRedisRateLimiter(async_redis_client, limits)
    sync_limiter = RedisRateLimiter(redis_client, limits)
    waits = [(await async_limiter.reserve(CLIENT, None)).wait, sync_limiter.reserve(CLIENT, None).wait]
    waits.append((await async_limiter.reserve(CLIENT, None)).wait)
    assert [round(wait, 1) for wait in waits] == [0.0, 0.2, 0.4]
    await async_limiter.observe(CLIENT, 404, None)
    sync_limiter.observe(CLIENT, 404, None)
    with pytest.raises(EdgeBudgetExceededError):
        await async_limiter.reserve(CLIENT, None)


async def test_async_unreachable_redis_paces_locally(caplog: pytest.LogCaptureFixture) -> None:
    import redis.asyncio
    from redis.asyncio.retry import Retry

    client = redis.asyncio.Redis(host="127.0.0.1", port=free_port(), retry=Retry(NoBackoff(), 0))
    limiter = AsyncRedisRateLimiter(client, RateLimits(per_client=None, per_token=(1, 60.0)))
    with caplog.at_level(logging.WARNING, logger="patreon"):
        first, second = await limiter.reserve(CLIENT, "t"), await limiter.reserve(CLIENT, "t")
    assert first.granted and not second.granted
    assert len([r for r in caplog.records if r.name == "patreon.ratelimit"]) == 1
    await client.aclose()


def test_local_limiter_forgets_tokens_whose_window_has_passed() -> None:
    limiter = LocalRateLimiter(RateLimits(per_client=None, per_token=(5, 0.01)))
    for index in range(1000):
        assert limiter.reserve(CLIENT, f"old-{index}").granted
    time.sleep(0.05)  # every one of those windows has passed
    for index in range(100):
        assert limiter.reserve(CLIENT, f"new-{index}").granted
    assert len(limiter._windows) <= 100  # the old ones went when the count passed 1024


def test_failed_refreshes_count_toward_the_edge_budget(sandbox: Sandbox) -> None:
    # Repeated failed refreshes are what got clients blocked before ([WP] PR #181).
    client = PatreonCreatorClient(
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        token=sandbox.creator_token(),
        transport=sandbox.transport(),
        base_url="https://sandbox.test",
        rate_limiter=LocalRateLimiter(EDGE),
    )
    with client:
        for _ in range(4):
            with pytest.raises(RefreshError):
                client.oauth.refresh("not-a-refresh-token")
        asked = sandbox.stats.token_requests
        with pytest.raises(EdgeBudgetExceededError):
            client.oauth.refresh("not-a-refresh-token")
    assert sandbox.stats.token_requests == asked


async def test_racing_tasks_and_a_sync_process_spend_a_token_budget_exactly(
    async_redis_client: redis.asyncio.Redis, redis_client: redis.Redis
) -> None:
    import asyncio

    limits = RateLimits(per_client=(10**6, 1.0), per_token=(100, 60.0))
    tasks_limiter = AsyncRedisRateLimiter(async_redis_client, limits)
    # 60 tasks ask at once: each lease call may land while others are out, so leases replace
    # leases; what a replaced one held goes back with a later lease call, never spent twice.
    first = await asyncio.gather(*(tasks_limiter.reserve(CLIENT, "t") for _ in range(60)))
    granted = sum(slot.granted for slot in first)
    other = RedisRateLimiter(redis_client, limits)
    for _ in range(200):
        if not other.reserve(CLIENT, "t").granted:
            break
        granted += 1
    for _ in range(200):
        if not (await tasks_limiter.reserve(CLIENT, "t")).granted:
            break
        granted += 1
    assert granted == 100


async def test_a_rate_limited_auth_refuses_the_other_kind_of_client(sandbox: Sandbox) -> None:
    # httpx.Auth's default flow would send the request with no auth at all: each twin refuses.
    limiter = LocalRateLimiter(RateLimits())
    sync_auth = limit_sync(None, limiter, client_id=CLIENT, base_url="https://sandbox.test")
    async_auth = limit_async(
        None, AsyncLocalRateLimiter(local=limiter), client_id=CLIENT, base_url="https://sandbox.test"
    )
    assert isinstance(sync_auth, RateLimitedAuth) and isinstance(async_auth, AsyncRateLimitedAuth)
    async with httpx.AsyncClient(transport=sandbox.async_transport(), auth=sync_auth) as wrong_async:
        with pytest.raises(RuntimeError, match="rate limiter is sync; use it with a sync client"):
            await wrong_async.get("https://sandbox.test/api/oauth2/v2/identity")
    with (
        httpx.Client(transport=sandbox.transport(), auth=async_auth) as wrong_sync,
        pytest.raises(RuntimeError, match="rate limiter is async; use it with an async client"),
    ):
        wrong_sync.get("https://sandbox.test/api/oauth2/v2/identity")
    assert sandbox.stats.api_requests == 0
