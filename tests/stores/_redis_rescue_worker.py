"""A worker process for tests/stores/test_redis_rescue.py, on a served sandbox and a real Redis.

Run as `python -m tests.stores._redis_rescue_worker JOB.json`; its last stdout line is a JSON
report holding token fingerprints, never a token. Logging goes to stderr at DEBUG, so the test
can check that no log line holds a token.

- ``refresh``: the stored token has expired, so a /identity call refreshes; redis-server is
  SIGKILLed as soon as the token endpoint answered (the old refresh token is spent), so the
  write fails. The process then exits normally while Redis is still down.
- ``resume``: a new store of the same key (Redis back, empty): get(), then one refresh.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import signal
import sys
from typing import Any

import httpx
import redis
import redis.asyncio
from redis.asyncio.retry import Retry as AsyncRetry
from redis.backoff import NoBackoff
from redis.retry import Retry

from patreon_auth import AsyncPatreonCreatorClient, PatreonCreatorClient
from patreon_auth.oauth import AsyncOAuthClient, OAuthClient
from patreon_auth.stores import AsyncRedisStore, RedisStore, TokenNotSavedError
from patreon_auth.stores._rescue import fingerprint
from patreon_auth.token import Token


def _fp(token: Token | None) -> str | None:
    return fingerprint(token) if token is not None else None


class KillRedisAfterTokenCall(httpx.HTTPTransport):
    def __init__(self, redis_pid: int) -> None:
        super().__init__()
        self.redis_pid = redis_pid

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if request.url.path.endswith("/oauth2/token"):
            response.read()
            os.kill(self.redis_pid, signal.SIGKILL)
        return response


class AsyncKillRedisAfterTokenCall(httpx.AsyncHTTPTransport):
    def __init__(self, redis_pid: int) -> None:
        super().__init__()
        self.redis_pid = redis_pid

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await super().handle_async_request(request)
        if request.url.path.endswith("/oauth2/token"):
            await response.aread()
            os.kill(self.redis_pid, signal.SIGKILL)
        return response


def sync_refresh(job: dict[str, Any]) -> dict[str, Any]:
    client = redis.Redis(host="127.0.0.1", port=job["port"], socket_timeout=1, retry=Retry(NoBackoff(), 0))
    store = RedisStore(client, job["key"], lock_ttl=5)
    report: dict[str, Any] = {"rescue_paths": [str(path) for path in store.rescue_paths]}
    with PatreonCreatorClient(
        client_id=job["client_id"],
        client_secret=job["client_secret"],
        store=store,
        base_url=job["base_url"],
        transport=KillRedisAfterTokenCall(job["redis_pid"]),
    ) as patreon:
        try:
            patreon.identity.get()
            report["not_saved"] = False
        except TokenNotSavedError:
            report["not_saved"] = True
    report["pending"] = _fp(store.pending_token)
    return report


async def async_refresh(job: dict[str, Any]) -> dict[str, Any]:
    client = redis.asyncio.Redis(
        host="127.0.0.1", port=job["port"], socket_timeout=1, retry=AsyncRetry(NoBackoff(), 0)
    )
    store = AsyncRedisStore(client, job["key"], lock_ttl=5)
    report: dict[str, Any] = {"rescue_paths": [str(path) for path in store.rescue_paths]}
    async with AsyncPatreonCreatorClient(
        client_id=job["client_id"],
        client_secret=job["client_secret"],
        store=store,
        base_url=job["base_url"],
        transport=AsyncKillRedisAfterTokenCall(job["redis_pid"]),
    ) as patreon:
        try:
            await patreon.identity.get()
            report["not_saved"] = False
        except TokenNotSavedError:
            report["not_saved"] = True
    report["pending"] = _fp(store.pending_token)
    return report


def sync_resume(job: dict[str, Any]) -> dict[str, Any]:
    client = redis.Redis(host="127.0.0.1", port=job["port"], socket_timeout=2)
    store = RedisStore(client, job["key"], lock_ttl=5)
    found = store.get()
    report: dict[str, Any] = {"found": _fp(found), "rescue_paths": [str(p) for p in store.rescue_paths]}
    report["files_after_get"] = [str(p) for p in store.rescue_paths if p.exists()]
    if found is not None:
        with (
            OAuthClient(
                client_id=job["client_id"], client_secret=job["client_secret"], base_url=job["base_url"]
            ) as oauth,
            store.refresh_lock(),
        ):
            new = oauth.refresh(found)
            store.put(new)
        report["refreshed"] = _fp(new)
    client.close()
    return report


async def async_resume(job: dict[str, Any]) -> dict[str, Any]:
    client = redis.asyncio.Redis(host="127.0.0.1", port=job["port"], socket_timeout=2)
    store = AsyncRedisStore(client, job["key"], lock_ttl=5)
    found = await store.get()
    report: dict[str, Any] = {"found": _fp(found), "rescue_paths": [str(p) for p in store.rescue_paths]}
    report["files_after_get"] = [str(p) for p in store.rescue_paths if p.exists()]
    if found is not None:
        async with (
            AsyncOAuthClient(
                client_id=job["client_id"], client_secret=job["client_secret"], base_url=job["base_url"]
            ) as oauth,
            store.refresh_lock(),
        ):
            new = await oauth.refresh(found)
            await store.put(new)
        report["refreshed"] = _fp(new)
    await client.aclose()
    return report


def main(path: str) -> None:
    with open(path) as file:
        job: dict[str, Any] = json.load(file)
    logging.basicConfig(level=logging.DEBUG, stream=sys.stderr, format="%(levelname)s %(name)s %(message)s")
    if job["flavour"] == "sync":
        report = sync_refresh(job) if job["step"] == "refresh" else sync_resume(job)
    else:
        report = asyncio.run(async_refresh(job) if job["step"] == "refresh" else async_resume(job))
    print(json.dumps(report), flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
