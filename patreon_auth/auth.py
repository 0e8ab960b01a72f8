"""PatreonAuth: an httpx.Auth that puts the bearer token on requests and refreshes it safely.

Patreon refresh tokens are single use [PD _oauth.md], so a refresh happens under the store's
lock, re-reads the store first (someone else may have refreshed), and stores the new token
before any request uses it (design/DESIGN.md "Behaviour users can count on"; design/reference/style.md rule 6).
"""

from __future__ import annotations

import datetime as dt
import inspect
import logging
import time
from collections.abc import AsyncGenerator, Callable, Generator

import httpx

from patreon_auth.errors import OAuthError, RefreshError
from patreon_auth.oauth import AsyncOAuthClient, OAuthClient
from patreon_auth.stores.base import AsyncTokenStore, TokenStore
from patreon_auth.token import Token

logger = logging.getLogger("patreon.auth")

# A token this object refreshed less than this long ago is not refreshed again on a 401: such a
# 401 means a missing scope [PD _errors.md], not a stale token, and repeated refreshes can get the
# caller's IP blocked ([WP] PR #181 adds a cooldown for the same reason).
_REFRESH_ON_401_COOLDOWN = 60.0


class _Refreshed:
    """The last token this object refreshed, and when, to size leeway and the 401 cooldown."""

    __slots__ = ("access_token", "lifetime", "monotonic_at")

    def __init__(self, token: Token) -> None:
        self.access_token = token.access_token
        self.monotonic_at = time.monotonic()
        self.lifetime = (
            (token.expires_at - dt.datetime.now(dt.UTC)).total_seconds() if token.expires_at else None
        )


class PatreonAuth(httpx.Auth):
    """Bearer auth that refreshes before expiry and once on a 401, single-flight per store."""

    def __init__(
        self,
        *,
        store: TokenStore | None = None,
        async_store: AsyncTokenStore | None = None,
        oauth: OAuthClient | None = None,
        async_oauth: AsyncOAuthClient | None = None,
        leeway: float = 300.0,
        on_refresh: Callable[[Token], object] | None = None,
    ) -> None:
        if store is None and async_store is None:
            raise TypeError(
                "PatreonAuth needs a store (for httpx.Client) or an async_store (for AsyncClient)"
            )
        self._store = store
        self._async_store = async_store
        self._oauth = oauth
        self._async_oauth = async_oauth
        self._leeway = leeway
        self._on_refresh = on_refresh
        # The last token seen: the store is re-read only when it looks expired or got a 401, so
        # a request costs no store round trip (FileStore, HTTPStore, Redis) in the common case.
        self._cached: Token | None = None
        self._refreshed: _Refreshed | None = None

    # --- shared decisions (no I/O) ---------------------------------------------------------

    def _leeway_for(self, token: Token) -> float:
        # A token that lives shorter than the leeway (a sandbox, a short-lived grant) would be
        # refreshed on every request; cap the leeway at half of the lifetime we saw it start with.
        refreshed = self._refreshed
        if refreshed is not None and refreshed.access_token == token.access_token and refreshed.lifetime:
            return min(self._leeway, refreshed.lifetime / 2)
        return self._leeway

    def _needs_refresh(self, token: Token) -> bool:
        return token.is_expired(self._leeway_for(token))

    def _usable_after_lock(self, stale: Token, current: Token | None) -> bool:
        """True when the store, re-read under the lock, already holds someone else's fresh token."""
        return (
            current is not None
            and current.access_token != stale.access_token
            and not current.is_expired(self._leeway_for(current))
        )

    def _recently_refreshed(self, token: Token) -> bool:
        refreshed = self._refreshed
        return (
            refreshed is not None
            and refreshed.access_token == token.access_token
            and time.monotonic() - refreshed.monotonic_at < _REFRESH_ON_401_COOLDOWN
        )

    @staticmethod
    def _no_token() -> OAuthError:
        return OAuthError("no token in the store; log in first")

    @staticmethod
    def _set_bearer(request: httpx.Request, token: Token) -> None:
        request.headers["Authorization"] = f"Bearer {token.access_token}"

    def _remember(self, token: Token) -> Token:
        self._cached = token
        return token

    # --- sync ------------------------------------------------------------------------------

    def _sync_store(self) -> TokenStore:
        if self._store is None:
            raise RuntimeError("this PatreonAuth has no sync store; pass store= to use it with httpx.Client")
        return self._store

    def _current_sync(self) -> Token:
        token = self._cached
        if token is None or self._needs_refresh(token):
            # Another thread or process may have refreshed already: look before refreshing.
            token = self._sync_store().get()
            if token is None:
                raise self._no_token()
            self._remember(token)
        return token

    def _refresh_sync(self, stale: Token, *, after_401: bool) -> Token | None:
        store = self._sync_store()
        with store.refresh_lock():
            current = store.get()
            if self._usable_after_lock(stale, current):
                assert current is not None
                return self._remember(current)
            base = current if current is not None else stale
            if after_401 and self._recently_refreshed(base):
                return None
            if self._oauth is None or not base.refresh_token:
                if after_401:
                    return None
                raise RefreshError(
                    "the token has expired and cannot be refreshed (no refresh token or client)"
                )
            logger.info("refreshing the Patreon access token")
            new = self._oauth.refresh(base)
            # Persist before use: the old refresh token is now spent [PD _oauth.md].
            store.put(new)
            self._refreshed = _Refreshed(new)
            self._remember(new)
        if self._on_refresh is not None:
            self._on_refresh(new)
        return new

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        token = self._current_sync()
        if self._needs_refresh(token):
            refreshed = self._refresh_sync(token, after_401=False)
            assert refreshed is not None
            token = refreshed
        self._set_bearer(request, token)
        response = yield request
        if response.status_code != 401:
            return
        replacement = self._refresh_sync(token, after_401=True)
        if replacement is None:
            return
        # Replay once; a second 401 goes back to the caller.
        self._set_bearer(request, replacement)
        yield request

    # --- async -----------------------------------------------------------------------------

    def _async_store_or_raise(self) -> AsyncTokenStore:
        if self._async_store is None:
            raise RuntimeError(
                "this PatreonAuth has no async store; pass async_store= to use it with httpx.AsyncClient"
            )
        return self._async_store

    async def _current_async(self) -> Token:
        token = self._cached
        if token is None or self._needs_refresh(token):
            token = await self._async_store_or_raise().get()
            if token is None:
                raise self._no_token()
            self._remember(token)
        return token

    async def _refresh_async(self, stale: Token, *, after_401: bool) -> Token | None:
        store = self._async_store_or_raise()
        async with store.refresh_lock():
            current = await store.get()
            if self._usable_after_lock(stale, current):
                assert current is not None
                return self._remember(current)
            base = current if current is not None else stale
            if after_401 and self._recently_refreshed(base):
                return None
            if self._async_oauth is None or not base.refresh_token:
                if after_401:
                    return None
                raise RefreshError(
                    "the token has expired and cannot be refreshed (no refresh token or client)"
                )
            logger.info("refreshing the Patreon access token")
            new = await self._async_oauth.refresh(base)
            await store.put(new)
            self._refreshed = _Refreshed(new)
            self._remember(new)
        if self._on_refresh is not None:
            result = self._on_refresh(new)
            if inspect.isawaitable(result):
                await result
        return new

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        token = await self._current_async()
        if self._needs_refresh(token):
            refreshed = await self._refresh_async(token, after_401=False)
            assert refreshed is not None
            token = refreshed
        self._set_bearer(request, token)
        response = yield request
        if response.status_code != 401:
            return
        replacement = await self._refresh_async(token, after_401=True)
        if replacement is None:
            return
        self._set_bearer(request, replacement)
        yield request

    def __repr__(self) -> str:
        store = self._store if self._store is not None else self._async_store
        return f"PatreonAuth(store={type(store).__name__}, leeway={self._leeway})"


__all__ = ["PatreonAuth"]
