# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""Patreon and AsyncPatreon: one typed resource namespace per tag (`client.members.list(...)`).

Each namespace is made on first use and imports its tag's request builders then, so a process
that only reads members never loads the webhook or post code. What a client does (construction,
options, closing, the sender with its User-Agent, timeout, retries and typed errors) is written
once in patreon_runtime (`patreon_runtime.client`: its async half is the source, generator/unasync.py
writes the sync half).
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from patreon_runtime.client import AsyncPatreonBase, PatreonBase

if TYPE_CHECKING:
    from .api.campaigns import AsyncCampaignsResource, CampaignsResource
    from .api.identity import AsyncIdentityResource, IdentityResource
    from .api.lives import AsyncLivesResource, LivesResource
    from .api.members import AsyncMembersResource, MembersResource
    from .api.posts import AsyncPostsResource, PostsResource
    from .api.webhooks import AsyncWebhooksResource, WebhooksResource


class Patreon(PatreonBase):
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
    process's default limiter. Construction, `with_options`, `http_client` and closing are
    `patreon_runtime`'s (PatreonBase); this class adds one namespace per tag.
    """

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


class AsyncPatreon(AsyncPatreonBase):
    """The Patreon v2 API: `client.members.list(...)` and friends.

    Give a static `token`, or an `auth` strategy: a token string, or an httpx.Auth such as
    patreon_auth's refreshing `AsyncPatreonAuth` (the creator's token, a user's token).
    `base_url` is the Patreon origin (a sandbox is one argument away), `transport` any httpx
    transport; `http_client` shares one connection pool between clients (auth then goes per
    request, and `aclose()` leaves that pool open for its owner). A 429 asking for
    more than `max_retry_after` seconds fails at once; errors keep at most `max_error_excerpt`
    characters of an unparsed body and `max_error_body` bytes of the response. `rate_limiter` spends
    Patreon's per-client and per-token budgets before each request (`client_id` names the
    client's budget); without one, requests to Patreon over the default transport share this
    process's default limiter. Construction, `with_options`, `http_client` and closing are
    `patreon_runtime`'s (AsyncPatreonBase); this class adds one namespace per tag.
    """

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


__all__ = ["AsyncPatreon", "Patreon"]
