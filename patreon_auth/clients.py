"""Creator and user clients: `Patreon` / `AsyncPatreon` with a refreshing auth strategy.

They are thin: the creator clients are a `Patreon` whose `auth` is a `PatreonAuth` over the
creator's store, the user clients hand out `Patreon`s sharing one pool, each with a user's
`PatreonAuth`. The options (`**options`) and their defaults are the generated client's, declared
once in patreon_runtime (`options.py`, `ClientOptions`); the refresh goes through the client's own
pool (the auth flow yields it), so no second httpx client is built.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Unpack

from patreon_auth.auth import DEFAULT_LEEWAY, AsyncPatreonAuth, OnRefresh, PatreonAuth
from patreon_auth.oauth import (
    AsyncOAuthClient,
    AuthorizationRequest,
    OAuthClient,
    build_authorization_request,
    parse_callback,
)
from patreon_auth.seeded import AsyncSeededStore, SeededStore
from patreon_auth.stores.base import AsyncTokenStore, TokenStore
from patreon_auth.stores.memory import AsyncMemoryStore, MemoryStore
from patreon_auth.token import Token
from patreon_generated.client import AsyncPatreon, Patreon
from patreon_runtime.rate_limit import AsyncLocalRateLimiter, AsyncRateLimiter
from patreon_runtime.rate_limited_auth import default_limiter
from patreon_runtime.sender import DEFAULT_BASE_URL, ClientOptions

if TYPE_CHECKING:
    from patreon_runtime.options import AsyncPatreonOptions, PatreonOptions


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


class PatreonCreatorClient(Patreon):
    """The creator's own token [PD _clients.md], refreshed before expiry and stored where you say.

    The same as `Patreon(auth=PatreonAuth(store=..., client_id=..., client_secret=...))`;
    every other keyword is a `Patreon` option.
    """

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
        **options: Unpack[PatreonOptions],
    ) -> None:
        self.store = _sync_store(token, store)
        auth = PatreonAuth(
            store=self.store,
            client_id=client_id,
            client_secret=client_secret,
            leeway=leeway,
            on_refresh=on_refresh,
            check_scopes=check_scopes,
        )
        super().__init__(auth=auth, client_id=client_id, **options)
        # For your own code exchanges and refreshes; it shares this client's pool (and sends no
        # bearer token). The auth flow refreshes without it, on the same pool and rate limiter.
        self.oauth = OAuthClient(
            client_id=client_id,
            client_secret=client_secret,
            base_url=self.options.base_url,
            http_client=self.http_client,
            rate_limiter=options.get("rate_limiter"),
        )


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
        **options: Unpack[AsyncPatreonOptions],
    ) -> None:
        self.store = _async_store(token, store)
        auth = AsyncPatreonAuth(
            store=self.store,
            client_id=client_id,
            client_secret=client_secret,
            leeway=leeway,
            on_refresh=on_refresh,
            check_scopes=check_scopes,
        )
        super().__init__(auth=auth, client_id=client_id, **options)
        # For your own code exchanges and refreshes; it shares this client's pool (and sends no
        # bearer token). The auth flow refreshes without it, on the same pool and rate limiter.
        self.oauth = AsyncOAuthClient(
            client_id=client_id,
            client_secret=client_secret,
            base_url=self.options.base_url,
            http_client=self.http_client,
            rate_limiter=options.get("rate_limiter"),
        )


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

    Every instance made by `create_instance` shares this object's one connection pool (or the
    `http_client` you give); every other keyword is a `Patreon` option.
    """

    def __init__(
        self,
        *,
        client_id: str,
        client_secret: str,
        redirect_uri: str,
        scopes: Sequence[str] = ("identity",),
        leeway: float = DEFAULT_LEEWAY,
        **options: Unpack[PatreonOptions],
    ) -> None:
        base_url = options.get("base_url", DEFAULT_BASE_URL)
        super().__init__(
            client_id=client_id, redirect_uri=redirect_uri, scopes=scopes, base_url=base_url, leeway=leeway
        )
        given = options.get("http_client")
        # Instances share this object's connection pool, so the default limiter is decided here, once.
        given_limiter = options.get("rate_limiter")
        self.rate_limiter = (
            given_limiter
            if given_limiter is not None
            else default_limiter(
                base_url, custom_transport=options.get("transport") is not None or given is not None
            )
        )
        self._owns_client = given is None
        self.http_client = given if given is not None else ClientOptions(**options).sync_client()
        # What every user's client is made with: these options, on this one pool.
        self._options: PatreonOptions = {
            **options,
            "http_client": self.http_client,
            "rate_limiter": self.rate_limiter,
        }
        self.oauth = OAuthClient(
            client_id=client_id,
            client_secret=client_secret,
            base_url=base_url,
            http_client=self.http_client,
            rate_limiter=given_limiter,
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
        auth = PatreonAuth(
            store=_sync_store(token, store),
            oauth=self.oauth,
            leeway=self.leeway,
            on_refresh=on_refresh,
            check_scopes=check_scopes,
        )
        return Patreon(auth=auth, client_id=self.client_id, **self._options)

    def close(self) -> None:
        if self._owns_client:
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
        **options: Unpack[AsyncPatreonOptions],
    ) -> None:
        base_url = options.get("base_url", DEFAULT_BASE_URL)
        super().__init__(
            client_id=client_id, redirect_uri=redirect_uri, scopes=scopes, base_url=base_url, leeway=leeway
        )
        given = options.get("http_client")
        given_limiter = options.get("rate_limiter")
        local = default_limiter(
            base_url, custom_transport=options.get("transport") is not None or given is not None
        )
        self.rate_limiter: AsyncRateLimiter | None = (
            given_limiter
            if given_limiter is not None or local is None
            else AsyncLocalRateLimiter(local=local)
        )
        self._owns_client = given is None
        self.http_client = given if given is not None else ClientOptions(**options).async_client()
        # What every user's client is made with: these options, on this one pool.
        self._options: AsyncPatreonOptions = {
            **options,
            "http_client": self.http_client,
            "rate_limiter": self.rate_limiter,
        }
        self.oauth = AsyncOAuthClient(
            client_id=client_id,
            client_secret=client_secret,
            base_url=base_url,
            http_client=self.http_client,
            rate_limiter=given_limiter,
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
        auth = AsyncPatreonAuth(
            store=_async_store(token, store),
            oauth=self.oauth,
            leeway=self.leeway,
            on_refresh=on_refresh,
            check_scopes=check_scopes,
        )
        return AsyncPatreon(auth=auth, client_id=self.client_id, **self._options)

    async def aclose(self) -> None:
        if self._owns_client:
            await self.http_client.aclose()
