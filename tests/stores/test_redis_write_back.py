"""Issue 21: Redis killed (SIGKILL) between a refresh and its write, and back empty.

A client refreshes through a RedisStore against the sandbox (whose refresh tokens are single use
[PD _oauth.md]); the redis-server is killed right after the token endpoint answered, so the write
fails, and restarted without persistence: empty. The client's cached token stays valid, so it
never calls ``get()`` again; the store must still write the refreshed token back as soon as Redis
answers, so that another process finds it (not an empty key, then a "log in again") and its next
refresh works. Sync and async stores, on a real redis-server.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Iterator

import httpx
import pytest
import redis
import redis.asyncio
from redis.asyncio.retry import Retry as AsyncRetry
from redis.backoff import NoBackoff
from redis.retry import Retry

from patreon_auth import AsyncPatreonCreatorClient, PatreonCreatorClient
from patreon_auth.oauth import OAuthClient
from patreon_auth.stores import AsyncRedisStore, RedisStore, TokenNotSavedError
from patreon_auth.token import Token
from patreon_sandbox import Sandbox
from tests.stores.test_faults import RedisProcess

KEY = "patreon:write-back"
# How long the written-back token may take to appear: the first try after 0.05 s, doubling.
WRITE_BACK_WITHIN = 5.0


class KillAfterTokenCall(httpx.BaseTransport):
    """The sandbox, with ``kill`` run once a token call was answered (the refresh is spent)."""

    def __init__(self, inner: httpx.BaseTransport, kill: Callable[[], None]) -> None:
        self.inner, self.kill, self.kills = inner, kill, 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if request.url.path.endswith("/oauth2/token"):
            self.kills += 1
            self.kill()
        return response


class AsyncKillAfterTokenCall(httpx.AsyncBaseTransport):
    def __init__(self, inner: httpx.AsyncBaseTransport, kill: Callable[[], None]) -> None:
        self.inner, self.kill, self.kills = inner, kill, 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        if request.url.path.endswith("/oauth2/token"):
            self.kills += 1
            self.kill()
        return response


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(seed=21, members=2, rate_limits=None) as world:
        yield world


def stored(port: int) -> Token | None:
    """What another process reading the key finds now (None: nothing, or Redis not answering).

    One on another host: it cannot see this host's rescue file (which a store here would pick
    up and write back itself), so what it finds is what the write-back put in Redis."""
    client = redis.Redis(host="127.0.0.1", port=port, socket_timeout=1, retry=Retry(NoBackoff(), 0))
    try:
        return RedisStore(client, KEY, rescue_path=None).get()
    except Exception:
        return None
    finally:
        client.close()


def another_process_refreshes(sandbox: Sandbox, port: int) -> Token:
    """The next refresh by another worker, from what Redis holds: a spent token would fail it."""
    client = redis.Redis(host="127.0.0.1", port=port)
    store = RedisStore(client, KEY)
    with OAuthClient(
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        base_url="https://sandbox.test",
        transport=sandbox.transport(),
    ) as oauth:
        current = store.get()
        assert current is not None
        new = oauth.refresh(current)
        store.put(new)
    client.close()
    return new


def test_a_token_refreshed_while_redis_died_is_written_back_when_it_returns_empty(
    sandbox: Sandbox, redis_server: RedisProcess
) -> None:
    client = redis.Redis(
        host="127.0.0.1", port=redis_server.port, socket_timeout=1, retry=Retry(NoBackoff(), 0)
    )
    store = RedisStore(client, KEY, lock_ttl=5, write_back_after=0.05)
    store.replace(sandbox.creator_token(expires_in=-10))  # expired: the first call refreshes
    transport = KillAfterTokenCall(sandbox.transport(), redis_server.kill)
    with PatreonCreatorClient(
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        store=store,
        transport=transport,
        base_url="https://sandbox.test",
    ) as patreon:
        with pytest.raises(TokenNotSavedError):
            patreon.identity.get()
        assert transport.kills == 1
        refreshed = store.pending_token
        assert refreshed is not None
        redis_server.start()  # back, empty
        patreon.identity.get()  # the cached refreshed token is valid: no get(), no refresh
        assert transport.kills == 1
        deadline = time.monotonic() + WRITE_BACK_WITHIN
        while stored(redis_server.port) != refreshed and time.monotonic() < deadline:
            time.sleep(0.05)
        assert stored(redis_server.port) == refreshed
        assert store.pending_token is None
    assert another_process_refreshes(sandbox, redis_server.port) != refreshed
    client.close()


async def test_the_async_store_writes_it_back_too(sandbox: Sandbox, redis_server: RedisProcess) -> None:
    client = redis.asyncio.Redis(
        host="127.0.0.1", port=redis_server.port, socket_timeout=1, retry=AsyncRetry(NoBackoff(), 0)
    )
    store = AsyncRedisStore(client, KEY, lock_ttl=5, write_back_after=0.05)
    await store.replace(sandbox.creator_token(expires_in=-10))
    transport = AsyncKillAfterTokenCall(sandbox.async_transport(), redis_server.kill)
    async with AsyncPatreonCreatorClient(
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        store=store,
        transport=transport,
        base_url="https://sandbox.test",
    ) as patreon:
        with pytest.raises(TokenNotSavedError):
            await patreon.identity.get()
        refreshed = store.pending_token
        assert refreshed is not None
        redis_server.start()
        await patreon.identity.get()
        assert transport.kills == 1
        deadline = time.monotonic() + WRITE_BACK_WITHIN
        while store.pending_token is not None and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        assert await asyncio.to_thread(stored, redis_server.port) == refreshed
    assert another_process_refreshes(sandbox, redis_server.port) != refreshed
    await client.aclose()


def test_the_write_back_waits_for_redis_and_stops_once_written(
    sandbox: Sandbox, redis_server: RedisProcess
) -> None:
    # Redis stays down for several write-back tries; the token is neither dropped nor written
    # twice, and the runner ends once it is written.
    client = redis.Redis(
        host="127.0.0.1", port=redis_server.port, socket_timeout=1, retry=Retry(NoBackoff(), 0)
    )
    store = RedisStore(client, KEY, lock_ttl=5, write_back_after=0.05)
    store.replace(sandbox.creator_token())
    with (
        OAuthClient(
            client_id=sandbox.client_id,
            client_secret=sandbox.client_secret,
            base_url="https://sandbox.test",
            transport=sandbox.transport(),
        ) as oauth,
        store.refresh_lock(),
    ):
        new = oauth.refresh(store.get() or sandbox.creator_token())
        redis_server.kill()
        with pytest.raises(TokenNotSavedError):
            store.put(new)
    time.sleep(0.5)  # a few tries against a dead server
    assert store.pending_token == new
    redis_server.start()
    deadline = time.monotonic() + WRITE_BACK_WITHIN
    while store.pending_token is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert stored(redis_server.port) == new
    assert not store._write_back._running  # the runner ended
    client.close()


def test_kill_9_between_refresh_and_write_loses_no_token_over_many_rounds(
    sandbox: Sandbox, redis_server: RedisProcess
) -> None:
    # Two workers, no rescue file, no persistence: half the rounds Redis dies right after Patreon
    # spent the old refresh token and comes back empty. The failed worker never calls get()
    # again by itself; the write-back alone must put the token where the other worker finds it.
    def worker() -> RedisStore:
        client = redis.Redis(
            host="127.0.0.1", port=redis_server.port, socket_timeout=1, retry=Retry(NoBackoff(), 0)
        )
        return RedisStore(client, KEY, lock_ttl=5, lock_timeout=10, write_back_after=0.05)

    workers = [worker(), worker()]
    workers[0].replace(sandbox.creator_token())
    lost = kills = 0
    with OAuthClient(
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        base_url="https://sandbox.test",
        transport=sandbox.transport(),
    ) as oauth:
        for round_ in range(8):
            store = workers[round_ % 2]
            with store.refresh_lock():
                current = store.get()
                assert current is not None
                new = oauth.refresh(current)  # the old refresh token is spent now
                if round_ % 2 == 0:
                    redis_server.kill()
                    kills += 1
                    with pytest.raises(TokenNotSavedError):
                        store.put(new)
                else:
                    store.put(new)
            if not redis_server.process:
                redis_server.start()  # empty
            deadline = time.monotonic() + WRITE_BACK_WITHIN
            while stored(redis_server.port) != new and time.monotonic() < deadline:
                time.sleep(0.05)
            lost += stored(redis_server.port) != new
    assert kills == 4
    assert lost == 0
    assert another_process_refreshes(sandbox, redis_server.port) != new


@pytest.mark.parametrize("garbage", ["string", "list"])
def test_a_lock_key_without_expiry_lapses_like_a_crashed_holders(
    redis_server: RedisProcess, garbage: str, caplog: pytest.LogCaptureFixture
) -> None:
    client = redis.Redis(host="127.0.0.1", port=redis_server.port)
    if garbage == "string":
        client.set(f"{KEY}:lock", "left by a tool, no TTL")
    else:
        client.rpush(f"{KEY}:lock", "not even a string")
    store = RedisStore(client, KEY, lock_ttl=0.3, lock_timeout=3)
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="patreon.stores"), store.refresh_lock():
        waited = time.monotonic() - started
    assert waited < 1.5  # about one lock_ttl, not the whole lock_timeout (or forever)
    assert any("had no expiry" in record.getMessage() for record in caplog.records)
    client.close()
