# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""`client.campaigns`: CampaignsResource and its async twin over this tag's request builders.

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

    from ...literals import GetCampaignFields, GetCampaignInclude, ListCampaignsFields, ListCampaignsInclude
    from ...resources import Campaign


class CampaignsResource:
    """`campaigns` endpoints."""

    __slots__ = ("_sender",)

    def __init__(self, sender: Sender) -> None:
        self._sender = sender

    def list(
        self,
        *,
        include: Sequence[ListCampaignsInclude] | Literal["all"] | None = None,
        fields: ListCampaignsFields | Literal["all"] | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
        cursor: str | None = None,
    ) -> CollectionDocument[Campaign]:
        """`GET /api/oauth2/v2/campaigns`: List the campaigns owned by the token's user.

        Scopes: `campaigns`.
        Page size (`count`): at most 1000, 20 when not given.
        """
        from . import list_campaigns

        response = self._sender.request(
            list_campaigns.build(include=include, fields=fields, sort=sort, count=count, cursor=cursor)
        )
        return CollectionDocument(decode_body(response.content, response.status_code))

    def pages(
        self,
        *,
        include: Sequence[ListCampaignsInclude] | Literal["all"] | None = None,
        fields: ListCampaignsFields | Literal["all"] | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
    ) -> Iterator[CollectionDocument[Campaign]]:
        """Every page in turn, following cursors until none, a repeat, or a repeated page.

        `GET /api/oauth2/v2/campaigns`: List the campaigns owned by the token's user.

        Scopes: `campaigns`.
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
        include: Sequence[ListCampaignsInclude] | Literal["all"] | None = None,
        fields: ListCampaignsFields | Literal["all"] | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
    ) -> Iterator[Campaign]:
        """Every resource of every page (see `pages`; without `count`, the largest pages allowed)."""
        for page in self.pages(include=include, fields=fields, sort=sort, count=count):
            for item in page.data:
                yield item

    def get(
        self,
        campaign_id: str,
        *,
        include: Sequence[GetCampaignInclude] | Literal["all"] | None = None,
        fields: GetCampaignFields | Literal["all"] | None = None,
    ) -> Document[Campaign]:
        """`GET /api/oauth2/v2/campaigns/{campaign_id}`: Fetch one campaign.

        Scopes: `campaigns`.
        Not paged.
        """
        from . import get_campaign

        response = self._sender.request(get_campaign.build(campaign_id, include=include, fields=fields))
        return Document(decode_body(response.content, response.status_code))


class AsyncCampaignsResource:
    """`campaigns` endpoints (async)."""

    __slots__ = ("_sender",)

    def __init__(self, sender: AsyncSender) -> None:
        self._sender = sender

    async def list(
        self,
        *,
        include: Sequence[ListCampaignsInclude] | Literal["all"] | None = None,
        fields: ListCampaignsFields | Literal["all"] | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
        cursor: str | None = None,
    ) -> CollectionDocument[Campaign]:
        """`GET /api/oauth2/v2/campaigns`: List the campaigns owned by the token's user.

        Scopes: `campaigns`.
        Page size (`count`): at most 1000, 20 when not given.
        """
        from . import list_campaigns

        response = await self._sender.request(
            list_campaigns.build(include=include, fields=fields, sort=sort, count=count, cursor=cursor)
        )
        return CollectionDocument(decode_body(response.content, response.status_code))

    async def pages(
        self,
        *,
        include: Sequence[ListCampaignsInclude] | Literal["all"] | None = None,
        fields: ListCampaignsFields | Literal["all"] | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
    ) -> AsyncIterator[CollectionDocument[Campaign]]:
        """Every page in turn, following cursors until none, a repeat, or a repeated page.

        `GET /api/oauth2/v2/campaigns`: List the campaigns owned by the token's user.

        Scopes: `campaigns`.
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
        include: Sequence[ListCampaignsInclude] | Literal["all"] | None = None,
        fields: ListCampaignsFields | Literal["all"] | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
    ) -> AsyncIterator[Campaign]:
        """Every resource of every page (see `pages`; without `count`, the largest pages allowed)."""
        async for page in self.pages(include=include, fields=fields, sort=sort, count=count):
            for item in page.data:
                yield item

    async def get(
        self,
        campaign_id: str,
        *,
        include: Sequence[GetCampaignInclude] | Literal["all"] | None = None,
        fields: GetCampaignFields | Literal["all"] | None = None,
    ) -> Document[Campaign]:
        """`GET /api/oauth2/v2/campaigns/{campaign_id}`: Fetch one campaign.

        Scopes: `campaigns`.
        Not paged.
        """
        from . import get_campaign

        response = await self._sender.request(get_campaign.build(campaign_id, include=include, fields=fields))
        return Document(decode_body(response.content, response.status_code))


__all__ = ["AsyncCampaignsResource", "CampaignsResource"]
