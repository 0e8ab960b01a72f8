"""AsyncPatreonAuth: the refreshing bearer flow for httpx.AsyncClient (AsyncPatreon).

The async twin is the source: generator/unasync.py writes the sync one from it, and
`make check-generated` fails when the two drift apart.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator

import httpx

from patreon_auth._auth_decisions import DEFAULT_LEEWAY, OnRefresh, _AuthDecisions
from patreon_auth._oauth_core import _OAuthClientBase
from patreon_auth.stores._concurrency import AsyncOps
from patreon_auth.stores.base import AsyncTokenStore
from patreon_auth.token import Token


class AsyncPatreonAuth(_AuthDecisions):
    """Bearer auth for httpx.AsyncClient (AsyncPatreon): refreshes before expiry and once on a 401."""

    def __init__(
        self,
        *,
        store: AsyncTokenStore,
        oauth: _OAuthClientBase | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        leeway: float = DEFAULT_LEEWAY,
        on_refresh: OnRefresh | None = None,
        check_scopes: bool = False,
    ) -> None:
        super().__init__(
            oauth=oauth,
            client_id=client_id,
            client_secret=client_secret,
            leeway=leeway,
            on_refresh=on_refresh,
            check_scopes=check_scopes,
        )
        self.store = store

    async def _current(self) -> Token:
        token = self._cached
        if token is None or self._needs_refresh(token):
            # Another task or process may have refreshed already: look before refreshing.
            token = await self.store.get()
            if token is None:
                raise self._no_token()
            self._remember(token)
        return token

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        token: Token | None = await self._current()
        after_401 = False
        while True:
            assert token is not None
            if after_401 or self._needs_refresh(token):
                new: Token | None = None
                async with self.store.refresh_lock():
                    chosen, refresh = self._decide(token, await self.store.get(), after_401=after_401)
                    if refresh:
                        assert chosen is not None
                        refresh_request, token_request = self._refresh_call(request, chosen)
                        response = yield refresh_request
                        await response.aread()
                        new = chosen = self._refreshed_token(response, token_request)
                        # Persist before use: the old refresh token is now spent [PD _oauth.md].
                        await self.store.put(new)
                if new is not None and self._on_refresh is not None:
                    await AsyncOps.settle(self._on_refresh(new))
                if chosen is None:
                    return  # the 401 goes back to the caller
                token = chosen
            self._prepare(request, token)
            response = yield request
            # Replay once after a 401; a second 401 goes back to the caller.
            if response.status_code != 401 or after_401:
                return
            after_401 = True

    def __repr__(self) -> str:
        return f"AsyncPatreonAuth(store={type(self.store).__name__}, leeway={self._leeway})"


__all__ = ["AsyncPatreonAuth"]
