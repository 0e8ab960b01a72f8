"""AsyncPatreonCreatorClient and AsyncPatreonUserClient: `AsyncPatreon` with a refreshing auth.

The async twin is the source: generator/unasync.py writes the sync one (`_sync/clients.py`,
PatreonCreatorClient and PatreonUserClient) from it, and `make check-generated` fails when the
two drift apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Unpack

from patreon_auth._client_core import _UserClientBase
from patreon_auth.auth import DEFAULT_LEEWAY, AsyncPatreonAuth, OnRefresh
from patreon_auth.oauth import AsyncOAuthClient, parse_callback
from patreon_auth.seeded import AsyncSeededStore
from patreon_auth.stores.base import AsyncTokenStore
from patreon_auth.stores.memory import AsyncMemoryStore
from patreon_auth.token import Token
from patreon_generated.client import AsyncPatreon
from patreon_runtime.rate_limit import AsyncRateLimiter
from patreon_runtime.rate_limited_auth import default_async_limiter
from patreon_runtime.sender import DEFAULT_BASE_URL, ClientOptions

if TYPE_CHECKING:
    from patreon_runtime.options import AsyncPatreonOptions


def _store_for(token: Token | None, store: AsyncTokenStore | None) -> AsyncTokenStore:
    """The store a client refreshes through: the one given (seeded with `token` if both are given),
    or an in-memory one holding `token`."""
    if store is None:
        if token is None:
            raise TypeError("give a token, a store, or both")
        return AsyncMemoryStore(token)
    return AsyncSeededStore(store, token) if token is not None else store


class AsyncPatreonCreatorClient(AsyncPatreon):
    """The creator's own token [PD _clients.md], refreshed before expiry and stored where you say.

    The same as `AsyncPatreon(auth=AsyncPatreonAuth(store=..., client_id=..., client_secret=...))`;
    every other keyword is passed on to `AsyncPatreon`.
    """

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
        self.store = _store_for(token, store)
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


class AsyncPatreonUserClient(_UserClientBase):
    """User OAuth: authorization URL, callback, code exchange, refresh, and per-user clients.

    Every instance made by `create_instance` shares this object's one connection pool (or the
    `http_client` you give); every other keyword is passed on to `AsyncPatreon`.
    """

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
        # Instances share this object's connection pool, so the default limiter is decided here, once.
        given_limiter = options.get("rate_limiter")
        shared = default_async_limiter(
            base_url, custom_transport=options.get("transport") is not None or given is not None
        )
        self.rate_limiter: AsyncRateLimiter | None = given_limiter if given_limiter is not None else shared
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
        """Check the callback (error=, state) and exchange its code for a token."""
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
        """An AsyncPatreon client acting as one user, refreshing that user's token."""
        auth = AsyncPatreonAuth(
            store=_store_for(token, store),
            oauth=self.oauth,
            leeway=self.leeway,
            on_refresh=on_refresh,
            check_scopes=check_scopes,
        )
        return AsyncPatreon(auth=auth, client_id=self.client_id, **self._options)

    async def aclose(self) -> None:
        if self._owns_client:
            await self.http_client.aclose()
