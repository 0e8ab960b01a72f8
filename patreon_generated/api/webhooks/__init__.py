# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""`client.webhooks`: WebhooksResource and its async twin over this tag's request builders.

Declarations only: each method builds its operation's request (`build(...)`) and hands it to
patreon_runtime's `Namespace` / `AsyncNamespace`, which sends it and reads the document (and pages).
Each method imports its builder where it runs (a plain, static import: type checkers and import
graphs see the edge), so a process that only lists never loads the other builders.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Sequence
from typing import TYPE_CHECKING, Literal

from patreon_runtime.client import AsyncNamespace, Namespace

from ...documents import CollectionDocument, Document

if TYPE_CHECKING:
    import datetime as dt

    from ...literals import ListWebhooksFields, ListWebhooksInclude, WebhookTrigger
    from ...resources import Webhook


class WebhooksResource(Namespace):
    """`webhooks` endpoints."""

    __slots__ = ()

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

        return self._read(
            list_webhooks.build(include=include, fields=fields, sort=sort, count=count, cursor=cursor),
            CollectionDocument,
        )

    def pages(
        self,
        *,
        include: Sequence[ListWebhooksInclude] | Literal["all"] | None = None,
        fields: ListWebhooksFields | Literal["all"] | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
        read_ahead: bool = False,
    ) -> Iterator[CollectionDocument[Webhook]]:
        """Every page in turn, following cursors until none, a repeat, or a repeated page.

        `GET /api/oauth2/v2/webhooks`: List this client's webhooks.

        Scopes: `w:campaigns.webhook`.
        Page size (`count`): at most 1000, the largest allowed when not given.
        `read_ahead=True` requests the next page while you work on this one (one request ahead).
        """
        from . import list_webhooks

        return self._pages(
            lambda count, cursor: list_webhooks.build(
                include=include, fields=fields, sort=sort, count=count, cursor=cursor
            ),
            CollectionDocument,
            count,
            1000,
            {},
            include,
            read_ahead,
        )

    def iterate(
        self,
        *,
        include: Sequence[ListWebhooksInclude] | Literal["all"] | None = None,
        fields: ListWebhooksFields | Literal["all"] | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
        read_ahead: bool = False,
    ) -> Iterator[Webhook]:
        """Every resource of every page (see `pages`; without `count`, the largest pages allowed)."""
        return self._iterate(self.pages(include=include, fields=fields, sort=sort, count=count, read_ahead=read_ahead))

    def create(self, *, triggers: Sequence[WebhookTrigger], uri: str, campaign_id: str) -> Document[Webhook]:
        """`POST /api/oauth2/v2/webhooks`: Create a webhook.

        Scopes: `w:campaigns.webhook`.
        Not paged.
        """
        from . import create_webhook

        return self._read(create_webhook.build(triggers=triggers, uri=uri, campaign_id=campaign_id), Document)

    def delete(self, webhook_id: str) -> None:
        """`DELETE /api/oauth2/v2/webhooks/{webhook_id}`: Delete a webhook.

        Scopes: `w:campaigns.webhook`.
        Not paged.
        """
        from . import delete_webhook

        self._send(delete_webhook.build(webhook_id))

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

        return self._read(update_webhook.build(webhook_id, triggers=triggers, uri=uri, paused=paused), Document)


class AsyncWebhooksResource(AsyncNamespace):
    """`webhooks` endpoints."""

    __slots__ = ()

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

        return await self._read(
            list_webhooks.build(include=include, fields=fields, sort=sort, count=count, cursor=cursor),
            CollectionDocument,
        )

    def pages(
        self,
        *,
        include: Sequence[ListWebhooksInclude] | Literal["all"] | None = None,
        fields: ListWebhooksFields | Literal["all"] | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
        read_ahead: bool = False,
    ) -> AsyncIterator[CollectionDocument[Webhook]]:
        """Every page in turn, following cursors until none, a repeat, or a repeated page.

        `GET /api/oauth2/v2/webhooks`: List this client's webhooks.

        Scopes: `w:campaigns.webhook`.
        Page size (`count`): at most 1000, the largest allowed when not given.
        `read_ahead=True` requests the next page while you work on this one (one request ahead).
        """
        from . import list_webhooks

        return self._pages(
            lambda count, cursor: list_webhooks.build(
                include=include, fields=fields, sort=sort, count=count, cursor=cursor
            ),
            CollectionDocument,
            count,
            1000,
            {},
            include,
            read_ahead,
        )

    def iterate(
        self,
        *,
        include: Sequence[ListWebhooksInclude] | Literal["all"] | None = None,
        fields: ListWebhooksFields | Literal["all"] | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
        read_ahead: bool = False,
    ) -> AsyncIterator[Webhook]:
        """Every resource of every page (see `pages`; without `count`, the largest pages allowed)."""
        return self._iterate(self.pages(include=include, fields=fields, sort=sort, count=count, read_ahead=read_ahead))

    async def create(self, *, triggers: Sequence[WebhookTrigger], uri: str, campaign_id: str) -> Document[Webhook]:
        """`POST /api/oauth2/v2/webhooks`: Create a webhook.

        Scopes: `w:campaigns.webhook`.
        Not paged.
        """
        from . import create_webhook

        return await self._read(create_webhook.build(triggers=triggers, uri=uri, campaign_id=campaign_id), Document)

    async def delete(self, webhook_id: str) -> None:
        """`DELETE /api/oauth2/v2/webhooks/{webhook_id}`: Delete a webhook.

        Scopes: `w:campaigns.webhook`.
        Not paged.
        """
        from . import delete_webhook

        await self._send(delete_webhook.build(webhook_id))

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

        return await self._read(update_webhook.build(webhook_id, triggers=triggers, uri=uri, paused=paused), Document)


__all__ = ["AsyncWebhooksResource", "WebhooksResource"]
