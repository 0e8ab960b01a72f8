"""The `mode` fixture's drivers: one scenario, run once with the sync flow and once with the async.

A driver makes the store and the auth of its flavour and sends requests through a fresh client
of its flavour; `get(..., parallel=50)` is 50 threads on one httpx.Client (sync) or 50 coroutines
on one httpx.AsyncClient (async), so the single-flight counts are asserted for both.
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import httpx

from patreon_auth.auth import AsyncPatreonAuth, PatreonAuth
from patreon_auth.oauth import AsyncOAuthClient, OAuthClient
from patreon_auth.stores.memory import AsyncMemoryStore, MemoryStore
from patreon_auth.token import Token

from .fake_patreon import IDENTITY_PATH, FakePatreon

BASE_URL = "https://patreon.test"
URL = BASE_URL + IDENTITY_PATH
Store = MemoryStore | AsyncMemoryStore


class SyncDriver:
    name = "sync"

    def __init__(self, fake: FakePatreon) -> None:
        self.fake = fake

    def store(self, token: Token | None = None) -> Store:
        return MemoryStore(token)

    def auth(self, store: Store, **options: Any) -> httpx.Auth:
        assert isinstance(store, MemoryStore)
        return PatreonAuth(
            store=store, client_id=self.fake.client_id, client_secret=self.fake.client_secret, **options
        )

    def on_refresh(self, seen: list[Token]) -> Any:
        return seen.append

    def get(self, auth: httpx.Auth, times: int = 1, *, parallel: int = 1) -> list[int]:
        """Status codes of `times` requests in turn (or `parallel` at once) on one client."""
        with httpx.Client(transport=self.fake.transport(), auth=auth) as client:
            if parallel == 1:
                return [client.get(URL).status_code for _ in range(times)]
            barrier = threading.Barrier(parallel)
            statuses: list[int] = []
            errors: list[BaseException] = []

            def worker() -> None:
                barrier.wait()
                try:
                    statuses.append(client.get(URL).status_code)
                except BaseException as exc:  # surfaced below
                    errors.append(exc)

            threads = [threading.Thread(target=worker) for _ in range(parallel)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            assert errors == []
            return statuses


class AsyncDriver(SyncDriver):
    name = "async"

    def store(self, token: Token | None = None) -> Store:
        return AsyncMemoryStore(token)

    def auth(self, store: Store, **options: Any) -> httpx.Auth:
        assert isinstance(store, AsyncMemoryStore)
        return AsyncPatreonAuth(
            store=store, client_id=self.fake.client_id, client_secret=self.fake.client_secret, **options
        )

    def on_refresh(self, seen: list[Token]) -> Any:
        async def note(token: Token) -> None:  # async callbacks are awaited
            seen.append(token)

        return note

    def get(self, auth: httpx.Auth, times: int = 1, *, parallel: int = 1) -> list[int]:
        async def run() -> list[int]:
            async with httpx.AsyncClient(transport=self.fake.async_transport(), auth=auth) as client:
                if parallel == 1:
                    return [(await client.get(URL)).status_code for _ in range(times)]
                responses = await asyncio.gather(*(client.get(URL) for _ in range(parallel)))
                return [response.status_code for response in responses]

        return asyncio.run(run())


Driver = SyncDriver


class OAuthDriver:
    """The token-endpoint driver of one flavour behind plain calls; async runs on one loop."""

    def __init__(self, is_async: bool) -> None:
        self.is_async = is_async
        self._runner = asyncio.Runner() if is_async else None

    def client(self, **options: Any) -> OAuthDriver:
        self._client: Any = (AsyncOAuthClient if self.is_async else OAuthClient)(**options)
        return self

    def _call(self, result: Any) -> Any:
        return self._runner.run(result) if self._runner is not None else result

    def exchange_code(self, code: str, *, redirect_uri: str) -> Token:
        token: Token = self._call(self._client.exchange_code(code, redirect_uri=redirect_uri))
        return token

    def refresh(self, token_or_refresh_token: Token | str) -> Token:
        token: Token = self._call(self._client.refresh(token_or_refresh_token))
        return token

    def close(self) -> None:
        if self._runner is not None:
            self._runner.run(self._client.aclose())
            self._runner.close()
        else:
            self._client.close()

    def __repr__(self) -> str:
        return repr(self._client)
