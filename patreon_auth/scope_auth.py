"""An httpx.Auth wrapper that checks the token's granted scopes before a request is sent."""

from __future__ import annotations

from collections.abc import AsyncGenerator, Generator

import httpx

from patreon_auth.scopes import check_scopes
from patreon_auth.stores.base import AsyncTokenStore, TokenStore


class ScopeCheckingAuth(httpx.Auth):
    """Raises MissingScopeError before sending, then lets the wrapped auth do its work."""

    def __init__(
        self,
        inner: httpx.Auth,
        *,
        store: TokenStore | None = None,
        async_store: AsyncTokenStore | None = None,
    ) -> None:
        self.inner = inner
        self._store = store
        self._async_store = async_store

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        token = self._store.get() if self._store is not None else None
        if token is not None:
            check_scopes(token, request.method, request.url.path, request.url.params)
        yield from self.inner.sync_auth_flow(request)

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        token = await self._async_store.get() if self._async_store is not None else None
        if token is not None:
            check_scopes(token, request.method, request.url.path, request.url.params)
        flow = self.inner.async_auth_flow(request)
        outgoing = await flow.__anext__()
        while True:
            response = yield outgoing
            try:
                outgoing = await flow.asend(response)
            except StopAsyncIteration:
                return

    def __repr__(self) -> str:
        return f"ScopeCheckingAuth({self.inner!r})"
