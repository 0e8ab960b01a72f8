# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""Patreon and AsyncPatreon: one typed resource namespace per tag (`client.members.list(...)`).

Each namespace is made on first use and imports its tag's request builders then, so a process
that only reads members never loads the webhook or post code. Requests go through
patreon_runtime's sender (User-Agent, default timeout, retries, typed errors).
"""

from __future__ import annotations

from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Self, Unpack

import attrs
import httpx

from patreon_runtime.rate_limited_auth import limit_async, limit_sync
from patreon_runtime.sender import AsyncSender, ClientOptions, Sender
from patreon_runtime.static_auth import StaticTokenAuth

if TYPE_CHECKING:
    # Types only: a process that never completes option names does not load them.
    from patreon_runtime.options import AsyncPatreonOptions, CallOptions, PatreonOptions

    from .api.campaigns import AsyncCampaignsResource, CampaignsResource
    from .api.identity import AsyncIdentityResource, IdentityResource
    from .api.lives import AsyncLivesResource, LivesResource
    from .api.members import AsyncMembersResource, MembersResource
    from .api.posts import AsyncPostsResource, PostsResource
    from .api.webhooks import AsyncWebhooksResource, WebhooksResource

_RESOURCES = frozenset({"identity", "campaigns", "members", "posts", "webhooks", "lives"})


class Patreon:
    """The Patreon v2 API: `client.members.list(...)` and friends.

    Give a static `token`, or an `auth` strategy: a token string, or an httpx.Auth such as
    patreon_auth's refreshing `PatreonAuth` (the creator's token, a user's token).
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
        auth: httpx.Auth | str | None = None,
        client_id: str | None = None,
        **options: Unpack[PatreonOptions],
    ) -> None:
        if token is not None and auth is not None:
            raise ValueError("give either token or auth, not both")
        if token is not None:
            auth = token
        if isinstance(auth, str):
            auth = StaticTokenAuth(auth)
        # The defaults live once, on ClientOptions; this list is not written out again anywhere.
        self.options = ClientOptions(**options)
        http_client = self.options.http_client
        if http_client is not None and not isinstance(http_client, httpx.Client):
            raise TypeError("http_client must be an httpx.Client")
        auth = limit_sync(
            auth,
            options.get("rate_limiter"),
            client_id=client_id,
            base_url=self.options.base_url,
            custom_transport=self.options.transport is not None or http_client is not None,
        )
        shared = http_client is not None
        client = http_client if http_client is not None else self.options.sync_client(auth)
        self._sender = Sender(
            client,
            max_retries=self.options.max_retries,
            retry_backoff=self.options.retry_backoff,
            auth=auth if shared else None,
            owns_client=not shared,
            max_retry_after=self.options.max_retry_after,
            error_caps=self.options.error_caps(),
            max_response_bytes=self.options.max_response_bytes,
        )

    def with_options(self, **overrides: Unpack[CallOptions]) -> Self:
        """A copy for some calls with another `timeout`, `max_retries`, `retry_backoff` or
        `max_retry_after`; it shares this client's pool, auth and rate-limit pause, and closing
        it leaves the pool open for this client."""
        clone = object.__new__(type(self))
        # Resource namespaces are cached per client and hold its sender: they are made afresh.
        clone.__dict__.update({key: value for key, value in vars(self).items() if key not in _RESOURCES})
        clone.options = attrs.evolve(self.options, **overrides)
        sender = self._sender
        clone._sender = Sender(
            sender.client,
            max_retries=clone.options.max_retries,
            retry_backoff=clone.options.retry_backoff,
            auth=sender.extra.get("auth"),
            owns_client=False,
            max_retry_after=clone.options.max_retry_after,
            error_caps=sender.error_caps,
            timeout=overrides["timeout"] if "timeout" in overrides else sender.timeout,
            gate=sender.gate,
            max_response_bytes=sender.max_response_bytes,
        )
        return clone

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

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncPatreon:
    """The Patreon v2 API (async): `client.members.list(...)` and friends.

    Give a static `token`, or an `auth` strategy: a token string, or an httpx.Auth such as
    patreon_auth's refreshing `PatreonAuth` (the creator's token, a user's token).
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
        auth: httpx.Auth | str | None = None,
        client_id: str | None = None,
        **options: Unpack[AsyncPatreonOptions],
    ) -> None:
        if token is not None and auth is not None:
            raise ValueError("give either token or auth, not both")
        if token is not None:
            auth = token
        if isinstance(auth, str):
            auth = StaticTokenAuth(auth)
        # The defaults live once, on ClientOptions; this list is not written out again anywhere.
        self.options = ClientOptions(**options)
        http_client = self.options.http_client
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):
            raise TypeError("http_client must be an httpx.AsyncClient")
        auth = limit_async(
            auth,
            options.get("rate_limiter"),
            client_id=client_id,
            base_url=self.options.base_url,
            custom_transport=self.options.transport is not None or http_client is not None,
        )
        shared = http_client is not None
        client = http_client if http_client is not None else self.options.async_client(auth)
        self._sender = AsyncSender(
            client,
            max_retries=self.options.max_retries,
            retry_backoff=self.options.retry_backoff,
            auth=auth if shared else None,
            owns_client=not shared,
            max_retry_after=self.options.max_retry_after,
            error_caps=self.options.error_caps(),
            max_response_bytes=self.options.max_response_bytes,
        )

    def with_options(self, **overrides: Unpack[CallOptions]) -> Self:
        """A copy for some calls with another `timeout`, `max_retries`, `retry_backoff` or
        `max_retry_after`; it shares this client's pool, auth and rate-limit pause, and closing
        it leaves the pool open for this client."""
        clone = object.__new__(type(self))
        # Resource namespaces are cached per client and hold its sender: they are made afresh.
        clone.__dict__.update({key: value for key, value in vars(self).items() if key not in _RESOURCES})
        clone.options = attrs.evolve(self.options, **overrides)
        sender = self._sender
        clone._sender = AsyncSender(
            sender.client,
            max_retries=clone.options.max_retries,
            retry_backoff=clone.options.retry_backoff,
            auth=sender.extra.get("auth"),
            owns_client=False,
            max_retry_after=clone.options.max_retry_after,
            error_caps=sender.error_caps,
            timeout=overrides["timeout"] if "timeout" in overrides else sender.timeout,
            gate=sender.gate,
            max_response_bytes=sender.max_response_bytes,
        )
        return clone

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

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()


__all__ = ["AsyncPatreon", "Patreon"]
