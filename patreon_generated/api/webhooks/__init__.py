# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""`client.webhooks`: WebhooksResource and its async twin over this tag's request builders.

Each method imports its operation's builder where it runs (a plain, static import: type checkers
and import graphs see the edge), so a process that only lists never loads the other builders.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Sequence
from typing import TYPE_CHECKING, Literal

from patreon_runtime.jsonapi import Resource, decode_body

from ...documents import CollectionDocument, Document

if TYPE_CHECKING:
    import datetime as dt

    from patreon_runtime.sender import AsyncSender, Sender

    from ...literals import ListWebhooksFields, ListWebhooksInclude, WebhookTrigger
    from ...resources import Webhook


class WebhooksResource:
    """`webhooks` endpoints."""

    __slots__ = ("_sender",)

    def __init__(self, sender: Sender) -> None:
        self._sender = sender

    def list(
        self,
        *,
        include: Sequence[ListWebhooksInclude] | Literal["all"] | None = None,
        fields: ListWebhooksFields | Literal["all"] | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
        cursor: str | None = None,
    ) -> CollectionDocument[Webhook]:
        """`GET /api/oauth2/v2/webhooks`: List this client's webhooks.

        Scopes: `w:campaigns.webhook`.
        Page size (`count`): at most 1000, 20 when not given.
        """
        from . import list_webhooks

        response = self._sender.request(
            list_webhooks.build(include=include, fields=fields, sort=sort, count=count, cursor=cursor)
        )
        return CollectionDocument(decode_body(response.content, response.status_code))

    def pages(
        self,
        *,
        include: Sequence[ListWebhooksInclude] | Literal["all"] | None = None,
        fields: ListWebhooksFields | Literal["all"] | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
    ) -> Iterator[CollectionDocument[Webhook]]:
        """Every page in turn, following cursors until none, a repeat, or a repeated page.

        `GET /api/oauth2/v2/webhooks`: List this client's webhooks.

        Scopes: `w:campaigns.webhook`.
        Page size (`count`): at most 1000, the largest allowed when not given.
        """
        from patreon_runtime.pagination import PageGuard, largest_page

        if count is None:  # the largest page the spec allows: fewest requests, fewest 429s
            count = largest_page(1000, {}, include)
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
        include: Sequence[ListWebhooksInclude] | Literal["all"] | None = None,
        fields: ListWebhooksFields | Literal["all"] | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
    ) -> Iterator[Webhook]:
        """Every resource of every page (see `pages`; without `count`, the largest pages allowed)."""
        for page in self.pages(include=include, fields=fields, sort=sort, count=count):
            for item in page.data:
                yield item

    def create(self, *, triggers: Sequence[WebhookTrigger], uri: str, campaign_id: str) -> Document[Webhook]:
        """`POST /api/oauth2/v2/webhooks`: Create a webhook.

        Scopes: `w:campaigns.webhook`.
        Not paged.
        """
        from . import create_webhook

        response = self._sender.request(create_webhook.build(triggers=triggers, uri=uri, campaign_id=campaign_id))
        return Document(decode_body(response.content, response.status_code))

    def delete(self, webhook_id: str) -> None:
        """`DELETE /api/oauth2/v2/webhooks/{webhook_id}`: Delete a webhook.

        Scopes: `w:campaigns.webhook`.
        Not paged.
        """
        from . import delete_webhook

        response = self._sender.request(delete_webhook.build(webhook_id))
        del response

    def update(
        self,
        webhook_id: str,
        *,
        triggers: Sequence[WebhookTrigger] | None = None,
        uri: str | None = None,
        paused: bool | None = None,
    ) -> Document[Webhook]:
        """`PATCH /api/oauth2/v2/webhooks/{webhook_id}`: Update a webhook.

        Scopes: `w:campaigns.webhook`.
        Not paged.
        """
        from . import update_webhook

        response = self._sender.request(update_webhook.build(webhook_id, triggers=triggers, uri=uri, paused=paused))
        return Document(decode_body(response.content, response.status_code))


class AsyncWebhooksResource:
    """`webhooks` endpoints (async)."""

    __slots__ = ("_sender",)

    def __init__(self, sender: AsyncSender) -> None:
        self._sender = sender

    async def list(
        self,
        *,
        include: Sequence[ListWebhooksInclude] | Literal["all"] | None = None,
        fields: ListWebhooksFields | Literal["all"] | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
        cursor: str | None = None,
    ) -> CollectionDocument[Webhook]:
        """`GET /api/oauth2/v2/webhooks`: List this client's webhooks.

        Scopes: `w:campaigns.webhook`.
        Page size (`count`): at most 1000, 20 when not given.
        """
        from . import list_webhooks

        response = await self._sender.request(
            list_webhooks.build(include=include, fields=fields, sort=sort, count=count, cursor=cursor)
        )
        return CollectionDocument(decode_body(response.content, response.status_code))

    async def pages(
        self,
        *,
        include: Sequence[ListWebhooksInclude] | Literal["all"] | None = None,
        fields: ListWebhooksFields | Literal["all"] | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
    ) -> AsyncIterator[CollectionDocument[Webhook]]:
        """Every page in turn, following cursors until none, a repeat, or a repeated page.

        `GET /api/oauth2/v2/webhooks`: List this client's webhooks.

        Scopes: `w:campaigns.webhook`.
        Page size (`count`): at most 1000, the largest allowed when not given.
        """
        from patreon_runtime.pagination import PageGuard, largest_page

        if count is None:  # the largest page the spec allows: fewest requests, fewest 429s
            count = largest_page(1000, {}, include)
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
        include: Sequence[ListWebhooksInclude] | Literal["all"] | None = None,
        fields: ListWebhooksFields | Literal["all"] | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
    ) -> AsyncIterator[Webhook]:
        """Every resource of every page (see `pages`; without `count`, the largest pages allowed)."""
        async for page in self.pages(include=include, fields=fields, sort=sort, count=count):
            for item in page.data:
                yield item

    async def create(self, *, triggers: Sequence[WebhookTrigger], uri: str, campaign_id: str) -> Document[Webhook]:
        """`POST /api/oauth2/v2/webhooks`: Create a webhook.

        Scopes: `w:campaigns.webhook`.
        Not paged.
        """
        from . import create_webhook

        response = await self._sender.request(create_webhook.build(triggers=triggers, uri=uri, campaign_id=campaign_id))
        return Document(decode_body(response.content, response.status_code))

    async def delete(self, webhook_id: str) -> None:
        """`DELETE /api/oauth2/v2/webhooks/{webhook_id}`: Delete a webhook.

        Scopes: `w:campaigns.webhook`.
        Not paged.
        """
        from . import delete_webhook

        response = await self._sender.request(delete_webhook.build(webhook_id))
        del response

    async def update(
        self,
        webhook_id: str,
        *,
        triggers: Sequence[WebhookTrigger] | None = None,
        uri: str | None = None,
        paused: bool | None = None,
    ) -> Document[Webhook]:
        """`PATCH /api/oauth2/v2/webhooks/{webhook_id}`: Update a webhook.

        Scopes: `w:campaigns.webhook`.
        Not paged.
        """
        from . import update_webhook

        response = await self._sender.request(
            update_webhook.build(webhook_id, triggers=triggers, uri=uri, paused=paused)
        )
        return Document(decode_body(response.content, response.status_code))


__all__ = ["AsyncWebhooksResource", "WebhooksResource"]
