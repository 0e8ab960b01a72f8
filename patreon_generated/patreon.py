# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""Patreon and AsyncPatreon: typed resource clients over the generated endpoint functions.

Requests are built by the generated `api/` modules (imported on first use, so importing this
package stays cheap) and sent through `_sender` (User-Agent, timeout, retries, typed errors).
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from types import ModuleType, TracebackType
from typing import Any, cast

import httpx

from . import literals
from ._errors_from_response import DEFAULT_ERROR_CAPS
from ._jsonapi import decode_body
from ._pagination import PageGuard
from ._path_ids import path_id
from ._rate_limit import AsyncRateLimiter, RateLimiter
from ._rate_limited_auth import limit_async, limit_sync
from ._retry_policy import DEFAULT_MAX_RETRIES, INITIAL_BACKOFF, MAX_RETRY_AFTER
from ._sender import DEFAULT_BASE_URL, AsyncSender, ClientOptions, Sender
from ._static_auth import StaticTokenAuth
from .documents import CollectionDocument, Document
from .resources import Campaign, Live, Member, Post, User, Webhook
from .types import UNSET

_MODULES: dict[str, ModuleType] = {}


def _endpoint(name: str) -> ModuleType:
    module = _MODULES.get(name)
    if module is None:
        module = _MODULES[name] = importlib.import_module(f"{__package__}.{name}")
    return module


def _model(module: str, name: str) -> Any:
    return getattr(_endpoint(f"models.{module}"), name)


def _listed(values: Sequence[str] | None) -> Any:
    return list(values) if values else UNSET


def _fields(fields: Mapping[str, object] | None, type_name: str) -> Any:
    values = fields.get(type_name) if fields else None
    return list(cast(Sequence[str], values)) if values else UNSET


class IdentityResource:
    """`identity` endpoints."""

    __slots__ = ("_sender",)

    def __init__(self, sender: Sender) -> None:
        self._sender = sender

    def get(
        self,
        *,
        include: Sequence[literals.GetIdentityInclude] | None = None,
        fields: literals.GetIdentityFields | None = None,
    ) -> Document[User]:
        """Fetch the user behind the token. Scopes: `identity`."""
        kwargs = _endpoint("api.identity.get_identity")._get_kwargs(
            include=_listed(include),
            fields_user=_fields(fields, "user"),
            fields_member=_fields(fields, "member"),
            fields_campaign=_fields(fields, "campaign"),
            fields_tier=_fields(fields, "tier"),
        )
        response = self._sender.request(kwargs)
        return Document(decode_body(response.content, response.status_code))


class CampaignsResource:
    """`campaigns` endpoints."""

    __slots__ = ("_sender",)

    def __init__(self, sender: Sender) -> None:
        self._sender = sender

    def list(
        self,
        *,
        include: Sequence[literals.ListCampaignsInclude] | None = None,
        fields: literals.ListCampaignsFields | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
        cursor: str | None = None,
    ) -> CollectionDocument[Campaign]:
        """List the campaigns owned by the token's user. Scopes: `campaigns`."""
        kwargs = _endpoint("api.campaigns.list_campaigns")._get_kwargs(
            include=_listed(include),
            fields_campaign=_fields(fields, "campaign"),
            fields_tier=_fields(fields, "tier"),
            fields_user=_fields(fields, "user"),
            fields_benefit=_fields(fields, "benefit"),
            fields_goal=_fields(fields, "goal"),
            fields_live_access_rule=_fields(fields, "live-access-rule"),
            fields_media=_fields(fields, "media"),
            sort=_listed(sort),
            page_count=UNSET if count is None else count,
            page_cursor=UNSET if cursor is None else cursor,
        )
        response = self._sender.request(kwargs)
        return CollectionDocument(decode_body(response.content, response.status_code))

    def pages(
        self,
        *,
        include: Sequence[literals.ListCampaignsInclude] | None = None,
        fields: literals.ListCampaignsFields | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
    ) -> Iterator[CollectionDocument[Campaign]]:
        """Every page in turn, following cursors until none, a repeat, or a repeated page."""
        guard = PageGuard()
        cursor: str | None = None
        while True:
            page = self.list(include=include, fields=fields, sort=sort, count=count, cursor=cursor)
            if not guard.is_new_page(page.data):
                return  # the same items again under a new cursor: stop before yielding it
            yield page
            cursor = guard.next_cursor(page.data, page.next_cursor)
            if cursor is None:
                return

    def iterate(
        self,
        *,
        include: Sequence[literals.ListCampaignsInclude] | None = None,
        fields: literals.ListCampaignsFields | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
    ) -> Iterator[Campaign]:
        """Every resource of every page (see `pages`)."""
        for page in self.pages(include=include, fields=fields, sort=sort, count=count):
            for item in page.data:
                yield item

    def get(
        self,
        campaign_id: str,
        *,
        include: Sequence[literals.GetCampaignInclude] | None = None,
        fields: literals.GetCampaignFields | None = None,
    ) -> Document[Campaign]:
        """Fetch one campaign. Scopes: `campaigns`."""
        kwargs = _endpoint("api.campaigns.get_campaign")._get_kwargs(
            path_id(campaign_id, "campaign_id"),
            include=_listed(include),
            fields_campaign=_fields(fields, "campaign"),
            fields_tier=_fields(fields, "tier"),
            fields_user=_fields(fields, "user"),
            fields_benefit=_fields(fields, "benefit"),
            fields_goal=_fields(fields, "goal"),
            fields_live_access_rule=_fields(fields, "live-access-rule"),
            fields_media=_fields(fields, "media"),
        )
        response = self._sender.request(kwargs)
        return Document(decode_body(response.content, response.status_code))


class MembersResource:
    """`members` endpoints."""

    __slots__ = ("_sender",)

    def __init__(self, sender: Sender) -> None:
        self._sender = sender

    def list(
        self,
        campaign_id: str,
        *,
        include: Sequence[literals.ListCampaignMembersInclude] | None = None,
        fields: literals.ListCampaignMembersFields | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
        cursor: str | None = None,
    ) -> CollectionDocument[Member]:
        """List a campaign's members. Scopes: `campaigns.members`."""
        kwargs = _endpoint("api.members.list_campaign_members")._get_kwargs(
            path_id(campaign_id, "campaign_id"),
            include=_listed(include),
            fields_member=_fields(fields, "member"),
            fields_address=_fields(fields, "address"),
            fields_campaign=_fields(fields, "campaign"),
            fields_tier=_fields(fields, "tier"),
            fields_user=_fields(fields, "user"),
            fields_pledge_event=_fields(fields, "pledge-event"),
            sort=_listed(sort),
            page_count=UNSET if count is None else count,
            page_cursor=UNSET if cursor is None else cursor,
        )
        response = self._sender.request(kwargs)
        return CollectionDocument(decode_body(response.content, response.status_code))

    def pages(
        self,
        campaign_id: str,
        *,
        include: Sequence[literals.ListCampaignMembersInclude] | None = None,
        fields: literals.ListCampaignMembersFields | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
    ) -> Iterator[CollectionDocument[Member]]:
        """Every page in turn, following cursors until none, a repeat, or a repeated page."""
        guard = PageGuard()
        cursor: str | None = None
        while True:
            page = self.list(campaign_id, include=include, fields=fields, sort=sort, count=count, cursor=cursor)
            if not guard.is_new_page(page.data):
                return  # the same items again under a new cursor: stop before yielding it
            yield page
            cursor = guard.next_cursor(page.data, page.next_cursor)
            if cursor is None:
                return

    def iterate(
        self,
        campaign_id: str,
        *,
        include: Sequence[literals.ListCampaignMembersInclude] | None = None,
        fields: literals.ListCampaignMembersFields | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
    ) -> Iterator[Member]:
        """Every resource of every page (see `pages`)."""
        for page in self.pages(campaign_id, include=include, fields=fields, sort=sort, count=count):
            for item in page.data:
                yield item

    def get(
        self,
        member_id: str,
        *,
        include: Sequence[literals.GetMemberInclude] | None = None,
        fields: literals.GetMemberFields | None = None,
    ) -> Document[Member]:
        """Fetch one member. Scopes: `campaigns.members`."""
        kwargs = _endpoint("api.members.get_member")._get_kwargs(
            path_id(member_id, "member_id"),
            include=_listed(include),
            fields_member=_fields(fields, "member"),
            fields_address=_fields(fields, "address"),
            fields_campaign=_fields(fields, "campaign"),
            fields_tier=_fields(fields, "tier"),
            fields_user=_fields(fields, "user"),
            fields_pledge_event=_fields(fields, "pledge-event"),
        )
        response = self._sender.request(kwargs)
        return Document(decode_body(response.content, response.status_code))


class PostsResource:
    """`posts` endpoints."""

    __slots__ = ("_sender",)

    def __init__(self, sender: Sender) -> None:
        self._sender = sender

    def list(
        self,
        campaign_id: str,
        *,
        include: Sequence[literals.ListCampaignPostsInclude] | None = None,
        fields: literals.ListCampaignPostsFields | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
        cursor: str | None = None,
    ) -> CollectionDocument[Post]:
        """List a campaign's posts. Scopes: `campaigns.posts`."""
        kwargs = _endpoint("api.posts.list_campaign_posts")._get_kwargs(
            path_id(campaign_id, "campaign_id"),
            include=_listed(include),
            fields_post=_fields(fields, "post"),
            fields_user=_fields(fields, "user"),
            fields_campaign=_fields(fields, "campaign"),
            sort=_listed(sort),
            page_count=UNSET if count is None else count,
            page_cursor=UNSET if cursor is None else cursor,
        )
        response = self._sender.request(kwargs)
        return CollectionDocument(decode_body(response.content, response.status_code))

    def pages(
        self,
        campaign_id: str,
        *,
        include: Sequence[literals.ListCampaignPostsInclude] | None = None,
        fields: literals.ListCampaignPostsFields | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
    ) -> Iterator[CollectionDocument[Post]]:
        """Every page in turn, following cursors until none, a repeat, or a repeated page."""
        guard = PageGuard()
        cursor: str | None = None
        while True:
            page = self.list(campaign_id, include=include, fields=fields, sort=sort, count=count, cursor=cursor)
            if not guard.is_new_page(page.data):
                return  # the same items again under a new cursor: stop before yielding it
            yield page
            cursor = guard.next_cursor(page.data, page.next_cursor)
            if cursor is None:
                return

    def iterate(
        self,
        campaign_id: str,
        *,
        include: Sequence[literals.ListCampaignPostsInclude] | None = None,
        fields: literals.ListCampaignPostsFields | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
    ) -> Iterator[Post]:
        """Every resource of every page (see `pages`)."""
        for page in self.pages(campaign_id, include=include, fields=fields, sort=sort, count=count):
            for item in page.data:
                yield item

    def get(
        self,
        post_id: str,
        *,
        include: Sequence[literals.GetPostInclude] | None = None,
        fields: literals.GetPostFields | None = None,
    ) -> Document[Post]:
        """Fetch one post. Scopes: `campaigns.posts`."""
        kwargs = _endpoint("api.posts.get_post")._get_kwargs(
            path_id(post_id, "post_id"),
            include=_listed(include),
            fields_post=_fields(fields, "post"),
            fields_user=_fields(fields, "user"),
            fields_campaign=_fields(fields, "campaign"),
        )
        response = self._sender.request(kwargs)
        return Document(decode_body(response.content, response.status_code))


class WebhooksResource:
    """`webhooks` endpoints."""

    __slots__ = ("_sender",)

    def __init__(self, sender: Sender) -> None:
        self._sender = sender

    def list(
        self,
        *,
        include: Sequence[literals.ListWebhooksInclude] | None = None,
        fields: literals.ListWebhooksFields | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
        cursor: str | None = None,
    ) -> CollectionDocument[Webhook]:
        """List this client's webhooks. Scopes: `w:campaigns.webhook`."""
        kwargs = _endpoint("api.webhooks.list_webhooks")._get_kwargs(
            include=_listed(include),
            fields_webhook=_fields(fields, "webhook"),
            fields_client=_fields(fields, "client"),
            fields_campaign=_fields(fields, "campaign"),
            sort=_listed(sort),
            page_count=UNSET if count is None else count,
            page_cursor=UNSET if cursor is None else cursor,
        )
        response = self._sender.request(kwargs)
        return CollectionDocument(decode_body(response.content, response.status_code))

    def pages(
        self,
        *,
        include: Sequence[literals.ListWebhooksInclude] | None = None,
        fields: literals.ListWebhooksFields | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
    ) -> Iterator[CollectionDocument[Webhook]]:
        """Every page in turn, following cursors until none, a repeat, or a repeated page."""
        guard = PageGuard()
        cursor: str | None = None
        while True:
            page = self.list(include=include, fields=fields, sort=sort, count=count, cursor=cursor)
            if not guard.is_new_page(page.data):
                return  # the same items again under a new cursor: stop before yielding it
            yield page
            cursor = guard.next_cursor(page.data, page.next_cursor)
            if cursor is None:
                return

    def iterate(
        self,
        *,
        include: Sequence[literals.ListWebhooksInclude] | None = None,
        fields: literals.ListWebhooksFields | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
    ) -> Iterator[Webhook]:
        """Every resource of every page (see `pages`)."""
        for page in self.pages(include=include, fields=fields, sort=sort, count=count):
            for item in page.data:
                yield item

    def create(self, *, triggers: Sequence[literals.WebhookTrigger], uri: str, campaign_id: str) -> Document[Webhook]:
        """Create a webhook. Scopes: `w:campaigns.webhook`."""
        attributes: dict[str, Any] = {}
        relationships: dict[str, Any] = {}
        attributes["triggers"] = list(triggers)
        attributes["uri"] = uri
        relationships["campaign"] = {"data": {"type": "campaign", "id": campaign_id}}
        data: dict[str, Any] = {"type": "webhook", "attributes": attributes}
        if relationships:
            data["relationships"] = relationships
        body = _model("webhook_create_request", "WebhookCreateRequest").from_dict({"data": data})
        kwargs = _endpoint("api.webhooks.create_webhook")._get_kwargs(body=body)
        response = self._sender.request(kwargs)
        return Document(decode_body(response.content, response.status_code))

    def update(
        self,
        webhook_id: str,
        *,
        triggers: Sequence[literals.WebhookTrigger] | None = None,
        uri: str | None = None,
        paused: bool | None = None,
    ) -> Document[Webhook]:
        """Update a webhook. Scopes: `w:campaigns.webhook`."""
        attributes: dict[str, Any] = {}
        relationships: dict[str, Any] = {}
        if triggers is not None:
            attributes["triggers"] = list(triggers)
        if uri is not None:
            attributes["uri"] = uri
        if paused is not None:
            attributes["paused"] = paused
        data: dict[str, Any] = {"type": "webhook", "id": webhook_id, "attributes": attributes}
        body = _model("webhook_update_request", "WebhookUpdateRequest").from_dict({"data": data})
        kwargs = _endpoint("api.webhooks.update_webhook")._get_kwargs(path_id(webhook_id, "webhook_id"), body=body)
        response = self._sender.request(kwargs)
        return Document(decode_body(response.content, response.status_code))

    def delete(self, webhook_id: str) -> None:
        """Delete a webhook. Scopes: `w:campaigns.webhook`."""
        kwargs = _endpoint("api.webhooks.delete_webhook")._get_kwargs(path_id(webhook_id, "webhook_id"))
        response = self._sender.request(kwargs)
        del response


class LivesResource:
    """`lives` endpoints."""

    __slots__ = ("_sender",)

    def __init__(self, sender: Sender) -> None:
        self._sender = sender

    def create(
        self,
        *,
        state: literals.LiveState,
        title: str | None = None,
        description: str | None = None,
        scheduled_for: dt.datetime | None = None,
        live_access_rule_ids: Sequence[str] | None = None,
    ) -> Document[Live]:
        """Create a live. Scopes: `w:campaigns.lives`. Early access."""
        attributes: dict[str, Any] = {}
        relationships: dict[str, Any] = {}
        attributes["state"] = state
        if title is not None:
            attributes["title"] = title
        if description is not None:
            attributes["description"] = description
        if scheduled_for is not None:
            attributes["scheduled_for"] = scheduled_for.isoformat()
        if live_access_rule_ids is not None:
            attributes["live_access_rule_ids"] = list(live_access_rule_ids)
        data: dict[str, Any] = {"type": "live", "attributes": attributes}
        body = _model("live_create_request", "LiveCreateRequest").from_dict({"data": data})
        kwargs = _endpoint("api.lives.create_live")._get_kwargs(body=body)
        response = self._sender.request(kwargs)
        return Document(decode_body(response.content, response.status_code))

    def get(
        self,
        live_id: str,
        *,
        include: Sequence[literals.GetLiveInclude] | None = None,
        fields: literals.GetLiveFields | None = None,
    ) -> Document[Live]:
        """Fetch one live. Scopes: `campaigns.lives`. Early access."""
        kwargs = _endpoint("api.lives.get_live")._get_kwargs(
            path_id(live_id, "live_id"),
            include=_listed(include),
            fields_live=_fields(fields, "live"),
            fields_campaign=_fields(fields, "campaign"),
            fields_live_access_rule=_fields(fields, "live-access-rule"),
        )
        response = self._sender.request(kwargs)
        return Document(decode_body(response.content, response.status_code))

    def update(self, live_id: str, *, state: literals.LiveState) -> Document[Live]:
        """Change a live's state. Scopes: `w:campaigns.lives`. Early access."""
        attributes: dict[str, Any] = {}
        relationships: dict[str, Any] = {}
        attributes["state"] = state
        data: dict[str, Any] = {"type": "live", "id": live_id, "attributes": attributes}
        body = _model("live_update_request", "LiveUpdateRequest").from_dict({"data": data})
        kwargs = _endpoint("api.lives.update_live")._get_kwargs(path_id(live_id, "live_id"), body=body)
        response = self._sender.request(kwargs)
        return Document(decode_body(response.content, response.status_code))

    def delete(self, live_id: str) -> None:
        """Delete a live. Scopes: `w:campaigns.lives`. Early access."""
        kwargs = _endpoint("api.lives.delete_live")._get_kwargs(path_id(live_id, "live_id"))
        response = self._sender.request(kwargs)
        del response


class AsyncIdentityResource:
    """`identity` endpoints."""

    __slots__ = ("_sender",)

    def __init__(self, sender: AsyncSender) -> None:
        self._sender = sender

    async def get(
        self,
        *,
        include: Sequence[literals.GetIdentityInclude] | None = None,
        fields: literals.GetIdentityFields | None = None,
    ) -> Document[User]:
        """Fetch the user behind the token. Scopes: `identity`."""
        kwargs = _endpoint("api.identity.get_identity")._get_kwargs(
            include=_listed(include),
            fields_user=_fields(fields, "user"),
            fields_member=_fields(fields, "member"),
            fields_campaign=_fields(fields, "campaign"),
            fields_tier=_fields(fields, "tier"),
        )
        response = await self._sender.request(kwargs)
        return Document(decode_body(response.content, response.status_code))


class AsyncCampaignsResource:
    """`campaigns` endpoints."""

    __slots__ = ("_sender",)

    def __init__(self, sender: AsyncSender) -> None:
        self._sender = sender

    async def list(
        self,
        *,
        include: Sequence[literals.ListCampaignsInclude] | None = None,
        fields: literals.ListCampaignsFields | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
        cursor: str | None = None,
    ) -> CollectionDocument[Campaign]:
        """List the campaigns owned by the token's user. Scopes: `campaigns`."""
        kwargs = _endpoint("api.campaigns.list_campaigns")._get_kwargs(
            include=_listed(include),
            fields_campaign=_fields(fields, "campaign"),
            fields_tier=_fields(fields, "tier"),
            fields_user=_fields(fields, "user"),
            fields_benefit=_fields(fields, "benefit"),
            fields_goal=_fields(fields, "goal"),
            fields_live_access_rule=_fields(fields, "live-access-rule"),
            fields_media=_fields(fields, "media"),
            sort=_listed(sort),
            page_count=UNSET if count is None else count,
            page_cursor=UNSET if cursor is None else cursor,
        )
        response = await self._sender.request(kwargs)
        return CollectionDocument(decode_body(response.content, response.status_code))

    async def pages(
        self,
        *,
        include: Sequence[literals.ListCampaignsInclude] | None = None,
        fields: literals.ListCampaignsFields | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
    ) -> AsyncIterator[CollectionDocument[Campaign]]:
        """Every page in turn, following cursors until none, a repeat, or a repeated page."""
        guard = PageGuard()
        cursor: str | None = None
        while True:
            page = await self.list(include=include, fields=fields, sort=sort, count=count, cursor=cursor)
            if not guard.is_new_page(page.data):
                return  # the same items again under a new cursor: stop before yielding it
            yield page
            cursor = guard.next_cursor(page.data, page.next_cursor)
            if cursor is None:
                return

    async def iterate(
        self,
        *,
        include: Sequence[literals.ListCampaignsInclude] | None = None,
        fields: literals.ListCampaignsFields | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
    ) -> AsyncIterator[Campaign]:
        """Every resource of every page (see `pages`)."""
        async for page in self.pages(include=include, fields=fields, sort=sort, count=count):
            for item in page.data:
                yield item

    async def get(
        self,
        campaign_id: str,
        *,
        include: Sequence[literals.GetCampaignInclude] | None = None,
        fields: literals.GetCampaignFields | None = None,
    ) -> Document[Campaign]:
        """Fetch one campaign. Scopes: `campaigns`."""
        kwargs = _endpoint("api.campaigns.get_campaign")._get_kwargs(
            path_id(campaign_id, "campaign_id"),
            include=_listed(include),
            fields_campaign=_fields(fields, "campaign"),
            fields_tier=_fields(fields, "tier"),
            fields_user=_fields(fields, "user"),
            fields_benefit=_fields(fields, "benefit"),
            fields_goal=_fields(fields, "goal"),
            fields_live_access_rule=_fields(fields, "live-access-rule"),
            fields_media=_fields(fields, "media"),
        )
        response = await self._sender.request(kwargs)
        return Document(decode_body(response.content, response.status_code))


class AsyncMembersResource:
    """`members` endpoints."""

    __slots__ = ("_sender",)

    def __init__(self, sender: AsyncSender) -> None:
        self._sender = sender

    async def list(
        self,
        campaign_id: str,
        *,
        include: Sequence[literals.ListCampaignMembersInclude] | None = None,
        fields: literals.ListCampaignMembersFields | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
        cursor: str | None = None,
    ) -> CollectionDocument[Member]:
        """List a campaign's members. Scopes: `campaigns.members`."""
        kwargs = _endpoint("api.members.list_campaign_members")._get_kwargs(
            path_id(campaign_id, "campaign_id"),
            include=_listed(include),
            fields_member=_fields(fields, "member"),
            fields_address=_fields(fields, "address"),
            fields_campaign=_fields(fields, "campaign"),
            fields_tier=_fields(fields, "tier"),
            fields_user=_fields(fields, "user"),
            fields_pledge_event=_fields(fields, "pledge-event"),
            sort=_listed(sort),
            page_count=UNSET if count is None else count,
            page_cursor=UNSET if cursor is None else cursor,
        )
        response = await self._sender.request(kwargs)
        return CollectionDocument(decode_body(response.content, response.status_code))

    async def pages(
        self,
        campaign_id: str,
        *,
        include: Sequence[literals.ListCampaignMembersInclude] | None = None,
        fields: literals.ListCampaignMembersFields | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
    ) -> AsyncIterator[CollectionDocument[Member]]:
        """Every page in turn, following cursors until none, a repeat, or a repeated page."""
        guard = PageGuard()
        cursor: str | None = None
        while True:
            page = await self.list(campaign_id, include=include, fields=fields, sort=sort, count=count, cursor=cursor)
            if not guard.is_new_page(page.data):
                return  # the same items again under a new cursor: stop before yielding it
            yield page
            cursor = guard.next_cursor(page.data, page.next_cursor)
            if cursor is None:
                return

    async def iterate(
        self,
        campaign_id: str,
        *,
        include: Sequence[literals.ListCampaignMembersInclude] | None = None,
        fields: literals.ListCampaignMembersFields | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
    ) -> AsyncIterator[Member]:
        """Every resource of every page (see `pages`)."""
        async for page in self.pages(campaign_id, include=include, fields=fields, sort=sort, count=count):
            for item in page.data:
                yield item

    async def get(
        self,
        member_id: str,
        *,
        include: Sequence[literals.GetMemberInclude] | None = None,
        fields: literals.GetMemberFields | None = None,
    ) -> Document[Member]:
        """Fetch one member. Scopes: `campaigns.members`."""
        kwargs = _endpoint("api.members.get_member")._get_kwargs(
            path_id(member_id, "member_id"),
            include=_listed(include),
            fields_member=_fields(fields, "member"),
            fields_address=_fields(fields, "address"),
            fields_campaign=_fields(fields, "campaign"),
            fields_tier=_fields(fields, "tier"),
            fields_user=_fields(fields, "user"),
            fields_pledge_event=_fields(fields, "pledge-event"),
        )
        response = await self._sender.request(kwargs)
        return Document(decode_body(response.content, response.status_code))


class AsyncPostsResource:
    """`posts` endpoints."""

    __slots__ = ("_sender",)

    def __init__(self, sender: AsyncSender) -> None:
        self._sender = sender

    async def list(
        self,
        campaign_id: str,
        *,
        include: Sequence[literals.ListCampaignPostsInclude] | None = None,
        fields: literals.ListCampaignPostsFields | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
        cursor: str | None = None,
    ) -> CollectionDocument[Post]:
        """List a campaign's posts. Scopes: `campaigns.posts`."""
        kwargs = _endpoint("api.posts.list_campaign_posts")._get_kwargs(
            path_id(campaign_id, "campaign_id"),
            include=_listed(include),
            fields_post=_fields(fields, "post"),
            fields_user=_fields(fields, "user"),
            fields_campaign=_fields(fields, "campaign"),
            sort=_listed(sort),
            page_count=UNSET if count is None else count,
            page_cursor=UNSET if cursor is None else cursor,
        )
        response = await self._sender.request(kwargs)
        return CollectionDocument(decode_body(response.content, response.status_code))

    async def pages(
        self,
        campaign_id: str,
        *,
        include: Sequence[literals.ListCampaignPostsInclude] | None = None,
        fields: literals.ListCampaignPostsFields | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
    ) -> AsyncIterator[CollectionDocument[Post]]:
        """Every page in turn, following cursors until none, a repeat, or a repeated page."""
        guard = PageGuard()
        cursor: str | None = None
        while True:
            page = await self.list(campaign_id, include=include, fields=fields, sort=sort, count=count, cursor=cursor)
            if not guard.is_new_page(page.data):
                return  # the same items again under a new cursor: stop before yielding it
            yield page
            cursor = guard.next_cursor(page.data, page.next_cursor)
            if cursor is None:
                return

    async def iterate(
        self,
        campaign_id: str,
        *,
        include: Sequence[literals.ListCampaignPostsInclude] | None = None,
        fields: literals.ListCampaignPostsFields | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
    ) -> AsyncIterator[Post]:
        """Every resource of every page (see `pages`)."""
        async for page in self.pages(campaign_id, include=include, fields=fields, sort=sort, count=count):
            for item in page.data:
                yield item

    async def get(
        self,
        post_id: str,
        *,
        include: Sequence[literals.GetPostInclude] | None = None,
        fields: literals.GetPostFields | None = None,
    ) -> Document[Post]:
        """Fetch one post. Scopes: `campaigns.posts`."""
        kwargs = _endpoint("api.posts.get_post")._get_kwargs(
            path_id(post_id, "post_id"),
            include=_listed(include),
            fields_post=_fields(fields, "post"),
            fields_user=_fields(fields, "user"),
            fields_campaign=_fields(fields, "campaign"),
        )
        response = await self._sender.request(kwargs)
        return Document(decode_body(response.content, response.status_code))


class AsyncWebhooksResource:
    """`webhooks` endpoints."""

    __slots__ = ("_sender",)

    def __init__(self, sender: AsyncSender) -> None:
        self._sender = sender

    async def list(
        self,
        *,
        include: Sequence[literals.ListWebhooksInclude] | None = None,
        fields: literals.ListWebhooksFields | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
        cursor: str | None = None,
    ) -> CollectionDocument[Webhook]:
        """List this client's webhooks. Scopes: `w:campaigns.webhook`."""
        kwargs = _endpoint("api.webhooks.list_webhooks")._get_kwargs(
            include=_listed(include),
            fields_webhook=_fields(fields, "webhook"),
            fields_client=_fields(fields, "client"),
            fields_campaign=_fields(fields, "campaign"),
            sort=_listed(sort),
            page_count=UNSET if count is None else count,
            page_cursor=UNSET if cursor is None else cursor,
        )
        response = await self._sender.request(kwargs)
        return CollectionDocument(decode_body(response.content, response.status_code))

    async def pages(
        self,
        *,
        include: Sequence[literals.ListWebhooksInclude] | None = None,
        fields: literals.ListWebhooksFields | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
    ) -> AsyncIterator[CollectionDocument[Webhook]]:
        """Every page in turn, following cursors until none, a repeat, or a repeated page."""
        guard = PageGuard()
        cursor: str | None = None
        while True:
            page = await self.list(include=include, fields=fields, sort=sort, count=count, cursor=cursor)
            if not guard.is_new_page(page.data):
                return  # the same items again under a new cursor: stop before yielding it
            yield page
            cursor = guard.next_cursor(page.data, page.next_cursor)
            if cursor is None:
                return

    async def iterate(
        self,
        *,
        include: Sequence[literals.ListWebhooksInclude] | None = None,
        fields: literals.ListWebhooksFields | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
    ) -> AsyncIterator[Webhook]:
        """Every resource of every page (see `pages`)."""
        async for page in self.pages(include=include, fields=fields, sort=sort, count=count):
            for item in page.data:
                yield item

    async def create(
        self, *, triggers: Sequence[literals.WebhookTrigger], uri: str, campaign_id: str
    ) -> Document[Webhook]:
        """Create a webhook. Scopes: `w:campaigns.webhook`."""
        attributes: dict[str, Any] = {}
        relationships: dict[str, Any] = {}
        attributes["triggers"] = list(triggers)
        attributes["uri"] = uri
        relationships["campaign"] = {"data": {"type": "campaign", "id": campaign_id}}
        data: dict[str, Any] = {"type": "webhook", "attributes": attributes}
        if relationships:
            data["relationships"] = relationships
        body = _model("webhook_create_request", "WebhookCreateRequest").from_dict({"data": data})
        kwargs = _endpoint("api.webhooks.create_webhook")._get_kwargs(body=body)
        response = await self._sender.request(kwargs)
        return Document(decode_body(response.content, response.status_code))

    async def update(
        self,
        webhook_id: str,
        *,
        triggers: Sequence[literals.WebhookTrigger] | None = None,
        uri: str | None = None,
        paused: bool | None = None,
    ) -> Document[Webhook]:
        """Update a webhook. Scopes: `w:campaigns.webhook`."""
        attributes: dict[str, Any] = {}
        relationships: dict[str, Any] = {}
        if triggers is not None:
            attributes["triggers"] = list(triggers)
        if uri is not None:
            attributes["uri"] = uri
        if paused is not None:
            attributes["paused"] = paused
        data: dict[str, Any] = {"type": "webhook", "id": webhook_id, "attributes": attributes}
        body = _model("webhook_update_request", "WebhookUpdateRequest").from_dict({"data": data})
        kwargs = _endpoint("api.webhooks.update_webhook")._get_kwargs(path_id(webhook_id, "webhook_id"), body=body)
        response = await self._sender.request(kwargs)
        return Document(decode_body(response.content, response.status_code))

    async def delete(self, webhook_id: str) -> None:
        """Delete a webhook. Scopes: `w:campaigns.webhook`."""
        kwargs = _endpoint("api.webhooks.delete_webhook")._get_kwargs(path_id(webhook_id, "webhook_id"))
        response = await self._sender.request(kwargs)
        del response


class AsyncLivesResource:
    """`lives` endpoints."""

    __slots__ = ("_sender",)

    def __init__(self, sender: AsyncSender) -> None:
        self._sender = sender

    async def create(
        self,
        *,
        state: literals.LiveState,
        title: str | None = None,
        description: str | None = None,
        scheduled_for: dt.datetime | None = None,
        live_access_rule_ids: Sequence[str] | None = None,
    ) -> Document[Live]:
        """Create a live. Scopes: `w:campaigns.lives`. Early access."""
        attributes: dict[str, Any] = {}
        relationships: dict[str, Any] = {}
        attributes["state"] = state
        if title is not None:
            attributes["title"] = title
        if description is not None:
            attributes["description"] = description
        if scheduled_for is not None:
            attributes["scheduled_for"] = scheduled_for.isoformat()
        if live_access_rule_ids is not None:
            attributes["live_access_rule_ids"] = list(live_access_rule_ids)
        data: dict[str, Any] = {"type": "live", "attributes": attributes}
        body = _model("live_create_request", "LiveCreateRequest").from_dict({"data": data})
        kwargs = _endpoint("api.lives.create_live")._get_kwargs(body=body)
        response = await self._sender.request(kwargs)
        return Document(decode_body(response.content, response.status_code))

    async def get(
        self,
        live_id: str,
        *,
        include: Sequence[literals.GetLiveInclude] | None = None,
        fields: literals.GetLiveFields | None = None,
    ) -> Document[Live]:
        """Fetch one live. Scopes: `campaigns.lives`. Early access."""
        kwargs = _endpoint("api.lives.get_live")._get_kwargs(
            path_id(live_id, "live_id"),
            include=_listed(include),
            fields_live=_fields(fields, "live"),
            fields_campaign=_fields(fields, "campaign"),
            fields_live_access_rule=_fields(fields, "live-access-rule"),
        )
        response = await self._sender.request(kwargs)
        return Document(decode_body(response.content, response.status_code))

    async def update(self, live_id: str, *, state: literals.LiveState) -> Document[Live]:
        """Change a live's state. Scopes: `w:campaigns.lives`. Early access."""
        attributes: dict[str, Any] = {}
        relationships: dict[str, Any] = {}
        attributes["state"] = state
        data: dict[str, Any] = {"type": "live", "id": live_id, "attributes": attributes}
        body = _model("live_update_request", "LiveUpdateRequest").from_dict({"data": data})
        kwargs = _endpoint("api.lives.update_live")._get_kwargs(path_id(live_id, "live_id"), body=body)
        response = await self._sender.request(kwargs)
        return Document(decode_body(response.content, response.status_code))

    async def delete(self, live_id: str) -> None:
        """Delete a live. Scopes: `w:campaigns.lives`. Early access."""
        kwargs = _endpoint("api.lives.delete_live")._get_kwargs(path_id(live_id, "live_id"))
        response = await self._sender.request(kwargs)
        del response


class Patreon:
    """The Patreon v2 API: `client.members.list(...)` and friends.

    Give a static `token`, or an `auth` (an httpx.Auth such as patreon_auth's refreshing one).
    `base_url` is the Patreon origin (a sandbox is one argument away), `transport` any httpx
    transport; `http_client` shares one connection pool between clients (auth then goes per
    request, and `close()` leaves that pool open for its owner). A 429 asking for more than
    `max_retry_after` seconds fails at once; errors keep at most `max_error_excerpt` characters
    of an unparsed body and `max_error_body` bytes of the response. `rate_limiter` spends
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
        self.identity = IdentityResource(self._sender)
        self.campaigns = CampaignsResource(self._sender)
        self.members = MembersResource(self._sender)
        self.posts = PostsResource(self._sender)
        self.webhooks = WebhooksResource(self._sender)
        self.lives = LivesResource(self._sender)

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
    request, and `close()` leaves that pool open for its owner). A 429 asking for more than
    `max_retry_after` seconds fails at once; errors keep at most `max_error_excerpt` characters
    of an unparsed body and `max_error_body` bytes of the response. `rate_limiter` spends
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
        self.identity = AsyncIdentityResource(self._sender)
        self.campaigns = AsyncCampaignsResource(self._sender)
        self.members = AsyncMembersResource(self._sender)
        self.posts = AsyncPostsResource(self._sender)
        self.webhooks = AsyncWebhooksResource(self._sender)
        self.lives = AsyncLivesResource(self._sender)

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
