# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""Patreon and AsyncPatreon: one typed resource namespace per tag (`client.members.list(...)`).

Each namespace is made on first use and imports its tag's request builders then, so a process
that only reads members never loads the webhook or post code. Requests go through
patreon_runtime's sender (User-Agent, default timeout, retries, typed errors).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING

import httpx

from patreon_runtime.error_mapping import DEFAULT_ERROR_CAPS
from patreon_runtime.rate_limit import AsyncRateLimiter, RateLimiter
from patreon_runtime.rate_limited_auth import limit_async, limit_sync
from patreon_runtime.retry_policy import DEFAULT_MAX_RETRIES, INITIAL_BACKOFF, MAX_RETRY_AFTER
from patreon_runtime.sender import DEFAULT_BASE_URL, AsyncSender, ClientOptions, Sender
from patreon_runtime.static_auth import StaticTokenAuth

if TYPE_CHECKING:
    from .api.campaigns import AsyncCampaignsResource, CampaignsResource
    from .api.identity import AsyncIdentityResource, IdentityResource
    from .api.lives import AsyncLivesResource, LivesResource
    from .api.members import AsyncMembersResource, MembersResource
    from .api.posts import AsyncPostsResource, PostsResource
    from .api.webhooks import AsyncWebhooksResource, WebhooksResource


class Patreon:
    """The Patreon v2 API: `client.members.list(...)` and friends.

    Give a static `token`, or an `auth` (an httpx.Auth such as patreon_auth's refreshing one).
    `base_url` is the Patreon origin (a sandbox is one argument away), `transport` any httpx
    transport; `http_client` shares one connection pool between clients (auth then goes per
    request, and `close()` leaves that pool open for its owner). A 429 asking for
    more than `max_retry_after` seconds fails at once; errors keep at most `max_error_excerpt`
    characters of an unparsed body and `max_error_body` bytes of the response. `rate_limiter` spends
    Patreon's per-client and per-token budgets before each request (`client_id` names the
    client's budget); without one, requests to Patreon over the default transport share this
    process's default limiter.
    """

    def __init__(
        self,
        token: str | None = None,
        *,
        auth: httpx.Auth | None = None,
        base_url: str = DEFAULT_BASE_URL,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        headers: Mapping[str, str] | None = None,
        name: str | None = None,
        transport: httpx.BaseTransport | None = None,
        retry_backoff: float = INITIAL_BACKOFF,
        http_client: httpx.Client | None = None,
        max_retry_after: float = MAX_RETRY_AFTER,
        max_error_excerpt: int = DEFAULT_ERROR_CAPS.excerpt_chars,
        max_error_body: int = DEFAULT_ERROR_CAPS.body_bytes,
        rate_limiter: RateLimiter | None = None,
        client_id: str | None = None,
    ) -> None:
        if token is not None and auth is not None:
            raise ValueError("give either token or auth, not both")
        if token is not None:
            auth = StaticTokenAuth(token)
        auth = limit_sync(
            auth,
            rate_limiter,
            client_id=client_id,
            base_url=base_url,
            custom_transport=transport is not None or http_client is not None,
        )
        self.options = ClientOptions(
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            headers=dict(headers or {}),
            name=name,
            transport=transport,
            retry_backoff=retry_backoff,
            max_retry_after=max_retry_after,
            max_error_excerpt=max_error_excerpt,
            max_error_body=max_error_body,
        )
        shared = http_client is not None
        client = http_client if http_client is not None else self.options.sync_client(auth)
        self._sender = Sender(
            client,
            max_retries=max_retries,
            retry_backoff=retry_backoff,
            auth=auth if shared else None,
            owns_client=not shared,
            max_retry_after=max_retry_after,
            error_caps=self.options.error_caps(),
        )

    @cached_property
    def identity(self) -> IdentityResource:
        """`identity` endpoints: `get`."""
        from .api.identity import IdentityResource

        return IdentityResource(self._sender)

    @cached_property
    def campaigns(self) -> CampaignsResource:
        """`campaigns` endpoints: `list`, `get`."""
        from .api.campaigns import CampaignsResource

        return CampaignsResource(self._sender)

    @cached_property
    def members(self) -> MembersResource:
        """`members` endpoints: `list`, `get`."""
        from .api.members import MembersResource

        return MembersResource(self._sender)

    @cached_property
    def posts(self) -> PostsResource:
        """`posts` endpoints: `list`, `get`."""
        from .api.posts import PostsResource

        return PostsResource(self._sender)

    @cached_property
    def webhooks(self) -> WebhooksResource:
        """`webhooks` endpoints: `list`, `create`, `update`, `delete`."""
        from .api.webhooks import WebhooksResource

        return WebhooksResource(self._sender)

    @cached_property
    def lives(self) -> LivesResource:
        """`lives` endpoints: `create`, `get`, `update`, `delete`."""
        from .api.lives import LivesResource

        return LivesResource(self._sender)

    @property
    def http_client(self) -> httpx.Client:
        """The underlying httpx client (its transport, headers and auth)."""
        return self._sender.client

    def close(self) -> None:
        self._sender.close()

    def __enter__(self) -> Patreon:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncPatreon:
    """The Patreon v2 API (async): `client.members.list(...)` and friends.

    Give a static `token`, or an `auth` (an httpx.Auth such as patreon_auth's refreshing one).
    `base_url` is the Patreon origin (a sandbox is one argument away), `transport` any httpx
    transport; `http_client` shares one connection pool between clients (auth then goes per
    request, and `aclose()` leaves that pool open for its owner). A 429 asking for
    more than `max_retry_after` seconds fails at once; errors keep at most `max_error_excerpt`
    characters of an unparsed body and `max_error_body` bytes of the response. `rate_limiter` spends
    Patreon's per-client and per-token budgets before each request (`client_id` names the
    client's budget); without one, requests to Patreon over the default transport share this
    process's default limiter.
    """

    def __init__(
        self,
        token: str | None = None,
        *,
        auth: httpx.Auth | None = None,
        base_url: str = DEFAULT_BASE_URL,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        headers: Mapping[str, str] | None = None,
        name: str | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        retry_backoff: float = INITIAL_BACKOFF,
        http_client: httpx.AsyncClient | None = None,
        max_retry_after: float = MAX_RETRY_AFTER,
        max_error_excerpt: int = DEFAULT_ERROR_CAPS.excerpt_chars,
        max_error_body: int = DEFAULT_ERROR_CAPS.body_bytes,
        rate_limiter: AsyncRateLimiter | None = None,
        client_id: str | None = None,
    ) -> None:
        if token is not None and auth is not None:
            raise ValueError("give either token or auth, not both")
        if token is not None:
            auth = StaticTokenAuth(token)
        auth = limit_async(
            auth,
            rate_limiter,
            client_id=client_id,
            base_url=base_url,
            custom_transport=transport is not None or http_client is not None,
        )
        self.options = ClientOptions(
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            headers=dict(headers or {}),
            name=name,
            transport=transport,
            retry_backoff=retry_backoff,
            max_retry_after=max_retry_after,
            max_error_excerpt=max_error_excerpt,
            max_error_body=max_error_body,
        )
        shared = http_client is not None
        client = http_client if http_client is not None else self.options.async_client(auth)
        self._sender = AsyncSender(
            client,
            max_retries=max_retries,
            retry_backoff=retry_backoff,
            auth=auth if shared else None,
            owns_client=not shared,
            max_retry_after=max_retry_after,
            error_caps=self.options.error_caps(),
        )

    @cached_property
    def identity(self) -> AsyncIdentityResource:
        """`identity` endpoints: `get`."""
        from .api.identity import AsyncIdentityResource

        return AsyncIdentityResource(self._sender)

    @cached_property
    def campaigns(self) -> AsyncCampaignsResource:
        """`campaigns` endpoints: `list`, `get`."""
        from .api.campaigns import AsyncCampaignsResource

        return AsyncCampaignsResource(self._sender)

    @cached_property
    def members(self) -> AsyncMembersResource:
        """`members` endpoints: `list`, `get`."""
        from .api.members import AsyncMembersResource

        return AsyncMembersResource(self._sender)

    @cached_property
    def posts(self) -> AsyncPostsResource:
        """`posts` endpoints: `list`, `get`."""
        from .api.posts import AsyncPostsResource

        return AsyncPostsResource(self._sender)

    @cached_property
    def webhooks(self) -> AsyncWebhooksResource:
        """`webhooks` endpoints: `list`, `create`, `update`, `delete`."""
        from .api.webhooks import AsyncWebhooksResource

        return AsyncWebhooksResource(self._sender)

    @cached_property
    def lives(self) -> AsyncLivesResource:
        """`lives` endpoints: `create`, `get`, `update`, `delete`."""
        from .api.lives import AsyncLivesResource

        return AsyncLivesResource(self._sender)

    @property
    def http_client(self) -> httpx.AsyncClient:
        """The underlying httpx client (its transport, headers and auth)."""
        return self._sender.client

    async def aclose(self) -> None:
        await self._sender.aclose()

    async def __aenter__(self) -> AsyncPatreon:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()


__all__ = ["AsyncPatreon", "Patreon"]
