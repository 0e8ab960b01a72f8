"""Creator and user clients: the generated Patreon clients with token lifecycle wired in."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import httpx

from patreon_auth.auth import PatreonAuth
from patreon_auth.oauth import (
    AsyncOAuthClient,
    AuthorizationRequest,
    OAuthClient,
    build_authorization_request,
    parse_callback,
)
from patreon_auth.scope_auth import ScopeCheckingAuth
from patreon_auth.seeded import AsyncSeededStore, SeededStore
from patreon_auth.stores.base import AsyncTokenStore, TokenStore
from patreon_auth.stores.memory import AsyncMemoryStore, MemoryStore
from patreon_auth.token import Token
from patreon_generated.client import AsyncPatreon, Patreon
from patreon_runtime.rate_limit import AsyncLocalRateLimiter, AsyncRateLimiter, RateLimiter
from patreon_runtime.rate_limited_auth import default_limiter
from patreon_runtime.retry_policy import DEFAULT_MAX_RETRIES, INITIAL_BACKOFF, MAX_RETRY_AFTER
from patreon_runtime.sender import DEFAULT_BASE_URL, DEFAULT_TIMEOUT, ClientOptions, user_agent

DEFAULT_LEEWAY = 300.0
OnRefresh = Callable[[Token], object]


def _sync_store(token: Token | None, store: TokenStore | None) -> TokenStore:
    if store is None:
        if token is None:
            raise TypeError("give a token, a store, or both")
        return MemoryStore(token)
    return SeededStore(store, token) if token is not None else store


def _async_store(token: Token | None, store: AsyncTokenStore | None) -> AsyncTokenStore:
    if store is None:
        if token is None:
            raise TypeError("give a token, a store, or both")
        return AsyncMemoryStore(token)
    return AsyncSeededStore(store, token) if token is not None else store


def _token_headers(name: str | None, headers: Mapping[str, str] | None) -> dict[str, str]:
    return {"User-Agent": user_agent(name), **(headers or {})}


class PatreonCreatorClient(Patreon):
    """The creator's own token [PD _clients.md], refreshed before expiry and stored where you say."""

    def __init__(
        self,
        *,
        client_id: str,
        client_secret: str,
        token: Token | None = None,
        store: TokenStore | None = None,
        on_refresh: OnRefresh | None = None,
        leeway: float = DEFAULT_LEEWAY,
        check_scopes: bool = False,
        base_url: str = DEFAULT_BASE_URL,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        headers: Mapping[str, str] | None = None,
        name: str | None = None,
        transport: httpx.BaseTransport | None = None,
        retry_backoff: float = INITIAL_BACKOFF,
        max_retry_after: float = MAX_RETRY_AFTER,
        rate_limiter: RateLimiter | None = None,
    ) -> None:
        self.store = _sync_store(token, store)
        self.oauth = OAuthClient(
            client_id=client_id,
            client_secret=client_secret,
            base_url=base_url,
            transport=transport,
            timeout=timeout if timeout is not None else DEFAULT_TIMEOUT,
            headers=_token_headers(name, headers),
            rate_limiter=rate_limiter,
        )
        auth: httpx.Auth = PatreonAuth(
            store=self.store, oauth=self.oauth, leeway=leeway, on_refresh=on_refresh
        )
        if check_scopes:
            auth = ScopeCheckingAuth(auth, store=self.store)
        super().__init__(
            auth=auth,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            headers=headers,
            name=name,
            transport=transport,
            retry_backoff=retry_backoff,
            max_retry_after=max_retry_after,
            rate_limiter=rate_limiter,
            client_id=client_id,
        )

    def close(self) -> None:
        super().close()
        self.oauth.close()


class AsyncPatreonCreatorClient(AsyncPatreon):
    """Async twin of PatreonCreatorClient (its store is an async store)."""

    def __init__(
        self,
        *,
        client_id: str,
        client_secret: str,
        token: Token | None = None,
        store: AsyncTokenStore | None = None,
        on_refresh: OnRefresh | None = None,
        leeway: float = DEFAULT_LEEWAY,
        check_scopes: bool = False,
        base_url: str = DEFAULT_BASE_URL,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        headers: Mapping[str, str] | None = None,
        name: str | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        retry_backoff: float = INITIAL_BACKOFF,
        max_retry_after: float = MAX_RETRY_AFTER,
        rate_limiter: AsyncRateLimiter | None = None,
    ) -> None:
        self.store = _async_store(token, store)
        self.oauth = AsyncOAuthClient(
            client_id=client_id,
            client_secret=client_secret,
            base_url=base_url,
            transport=transport,
            timeout=timeout if timeout is not None else DEFAULT_TIMEOUT,
            headers=_token_headers(name, headers),
            rate_limiter=rate_limiter,
        )
        auth: httpx.Auth = PatreonAuth(
            async_store=self.store, async_oauth=self.oauth, leeway=leeway, on_refresh=on_refresh
        )
        if check_scopes:
            auth = ScopeCheckingAuth(auth, async_store=self.store)
        super().__init__(
            auth=auth,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            headers=headers,
            name=name,
            transport=transport,
            retry_backoff=retry_backoff,
            max_retry_after=max_retry_after,
            rate_limiter=rate_limiter,
            client_id=client_id,
        )

    async def aclose(self) -> None:
        await super().aclose()
        await self.oauth.aclose()


class _UserClientBase:
    def __init__(
        self, *, client_id: str, redirect_uri: str, scopes: Sequence[str], base_url: str, leeway: float
    ) -> None:
        if isinstance(scopes, str):
            raise TypeError("scopes must be a sequence of scope names, not one string")
        self.client_id = client_id
        self.redirect_uri = redirect_uri
        self.scopes = tuple(scopes)
        self.base_url = base_url
        self.leeway = leeway

    def authorization_url(
        self, *, scopes: Sequence[str] | None = None, state: str | None = None
    ) -> AuthorizationRequest:
        """Where to send the user: `.url`, and `.state` (random; keep it in the user's session)."""
        return build_authorization_request(
            base_url=self.base_url,
            client_id=self.client_id,
            redirect_uri=self.redirect_uri,
            scopes=self.scopes if scopes is None else scopes,
            state=state,
        )

    def __repr__(self) -> str:
        return f"{type(self).__name__}(client_id={self.client_id!r}, scopes={list(self.scopes)!r})"


class PatreonUserClient(_UserClientBase):
    """User OAuth: authorization URL, callback, code exchange, refresh, and per-user clients.

    Every instance made by `create_instance` shares this object's one connection pool.
    """

    def __init__(
        self,
        *,
        client_id: str,
        client_secret: str,
        redirect_uri: str,
        scopes: Sequence[str] = ("identity",),
        leeway: float = DEFAULT_LEEWAY,
        base_url: str = DEFAULT_BASE_URL,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        headers: Mapping[str, str] | None = None,
        name: str | None = None,
        transport: httpx.BaseTransport | None = None,
        retry_backoff: float = INITIAL_BACKOFF,
        max_retry_after: float = MAX_RETRY_AFTER,
        rate_limiter: RateLimiter | None = None,
    ) -> None:
        # Instances share this object's connection pool, so the default is decided here, once.
        self.rate_limiter = (
            rate_limiter
            if rate_limiter is not None
            else default_limiter(base_url, custom_transport=transport is not None)
        )
        super().__init__(
            client_id=client_id, redirect_uri=redirect_uri, scopes=scopes, base_url=base_url, leeway=leeway
        )
        self._options = ClientOptions(
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            headers=dict(headers or {}),
            name=name,
            transport=transport,
            retry_backoff=retry_backoff,
            max_retry_after=max_retry_after,
        )
        self.http_client = self._options.sync_client()
        self.oauth = OAuthClient(
            client_id=client_id,
            client_secret=client_secret,
            base_url=base_url,
            http_client=self.http_client,
            rate_limiter=rate_limiter,
        )

    def handle_callback(self, callback_url: str, *, expected_state: str) -> Token:
        """Check the callback (error=, state) and exchange its code for a token."""
        code = parse_callback(callback_url, expected_state=expected_state)
        return self.exchange_code(code)

    def exchange_code(self, code: str) -> Token:
        return self.oauth.exchange_code(code, redirect_uri=self.redirect_uri)

    def refresh(self, token: Token | str) -> Token:
        return self.oauth.refresh(token)

    def create_instance(
        self,
        token: Token | None = None,
        *,
        store: TokenStore | None = None,
        on_refresh: OnRefresh | None = None,
        check_scopes: bool = False,
    ) -> Patreon:
        """A Patreon client acting as one user, refreshing that user's token."""
        user_store = _sync_store(token, store)
        auth: httpx.Auth = PatreonAuth(
            store=user_store, oauth=self.oauth, leeway=self.leeway, on_refresh=on_refresh
        )
        if check_scopes:
            auth = ScopeCheckingAuth(auth, store=user_store)
        options = self._options
        return Patreon(
            auth=auth,
            base_url=options.base_url,
            max_retries=options.max_retries,
            retry_backoff=options.retry_backoff,
            max_retry_after=options.max_retry_after,
            http_client=self.http_client,
            rate_limiter=self.rate_limiter,
            client_id=self.client_id,
        )

    def close(self) -> None:
        self.http_client.close()


class AsyncPatreonUserClient(_UserClientBase):
    """Async twin of PatreonUserClient."""

    def __init__(
        self,
        *,
        client_id: str,
        client_secret: str,
        redirect_uri: str,
        scopes: Sequence[str] = ("identity",),
        leeway: float = DEFAULT_LEEWAY,
        base_url: str = DEFAULT_BASE_URL,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        headers: Mapping[str, str] | None = None,
        name: str | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        retry_backoff: float = INITIAL_BACKOFF,
        max_retry_after: float = MAX_RETRY_AFTER,
        rate_limiter: AsyncRateLimiter | None = None,
    ) -> None:
        local = default_limiter(base_url, custom_transport=transport is not None)
        self.rate_limiter: AsyncRateLimiter | None = (
            rate_limiter if rate_limiter is not None or local is None else AsyncLocalRateLimiter(local=local)
        )
        super().__init__(
            client_id=client_id, redirect_uri=redirect_uri, scopes=scopes, base_url=base_url, leeway=leeway
        )
        self._options = ClientOptions(
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            headers=dict(headers or {}),
            name=name,
            transport=transport,
            retry_backoff=retry_backoff,
            max_retry_after=max_retry_after,
        )
        self.http_client = self._options.async_client()
        self.oauth = AsyncOAuthClient(
            client_id=client_id,
            client_secret=client_secret,
            base_url=base_url,
            http_client=self.http_client,
            rate_limiter=rate_limiter,
        )

    async def handle_callback(self, callback_url: str, *, expected_state: str) -> Token:
        code = parse_callback(callback_url, expected_state=expected_state)
        return await self.exchange_code(code)

    async def exchange_code(self, code: str) -> Token:
        return await self.oauth.exchange_code(code, redirect_uri=self.redirect_uri)

    async def refresh(self, token: Token | str) -> Token:
        return await self.oauth.refresh(token)

    def create_instance(
        self,
        token: Token | None = None,
        *,
        store: AsyncTokenStore | None = None,
        on_refresh: OnRefresh | None = None,
        check_scopes: bool = False,
    ) -> AsyncPatreon:
        user_store = _async_store(token, store)
        auth: httpx.Auth = PatreonAuth(
            async_store=user_store, async_oauth=self.oauth, leeway=self.leeway, on_refresh=on_refresh
        )
        if check_scopes:
            auth = ScopeCheckingAuth(auth, async_store=user_store)
        options = self._options
        return AsyncPatreon(
            auth=auth,
            base_url=options.base_url,
            max_retries=options.max_retries,
            retry_backoff=options.retry_backoff,
            max_retry_after=options.max_retry_after,
            http_client=self.http_client,
            rate_limiter=self.rate_limiter,
            client_id=self.client_id,
        )

    async def aclose(self) -> None:
        await self.http_client.aclose()
