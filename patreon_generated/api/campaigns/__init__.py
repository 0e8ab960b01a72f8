# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""`client.campaigns`: CampaignsResource and its async twin over this tag's request builders.

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

    from ...literals import GetCampaignFields, GetCampaignInclude, ListCampaignsFields, ListCampaignsInclude
    from ...resources import Campaign


class CampaignsResource(Namespace):
    """`campaigns` endpoints."""

    __slots__ = ()

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

        return self._read(
            list_campaigns.build(include=include, fields=fields, sort=sort, count=count, cursor=cursor),
            CollectionDocument,
        )

    def pages(
        self,
        *,
        include: Sequence[ListCampaignsInclude] | Literal["all"] | None = None,
        fields: ListCampaignsFields | Literal["all"] | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
        read_ahead: bool = False,
    ) -> Iterator[CollectionDocument[Campaign]]:
        """Every page in turn, following cursors until none, a repeat, or a repeated page.

        `GET /api/oauth2/v2/campaigns`: List the campaigns owned by the token's user.

        Scopes: `campaigns`.
        Page size (`count`): at most 1000, the largest allowed when not given.
        `read_ahead=True` requests the next page while you work on this one (one request ahead).
        """
        from . import list_campaigns

        return self._pages(
            lambda count, cursor: list_campaigns.build(
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
        include: Sequence[ListCampaignsInclude] | Literal["all"] | None = None,
        fields: ListCampaignsFields | Literal["all"] | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
        read_ahead: bool = False,
    ) -> Iterator[Campaign]:
        """Every resource of every page (see `pages`; without `count`, the largest pages allowed)."""
        return self._iterate(self.pages(include=include, fields=fields, sort=sort, count=count, read_ahead=read_ahead))

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

        return self._read(get_campaign.build(campaign_id, include=include, fields=fields), Document)


class AsyncCampaignsResource(AsyncNamespace):
    """`campaigns` endpoints."""

    __slots__ = ()

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

        return await self._read(
            list_campaigns.build(include=include, fields=fields, sort=sort, count=count, cursor=cursor),
            CollectionDocument,
        )

    def pages(
        self,
        *,
        include: Sequence[ListCampaignsInclude] | Literal["all"] | None = None,
        fields: ListCampaignsFields | Literal["all"] | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
        read_ahead: bool = False,
    ) -> AsyncIterator[CollectionDocument[Campaign]]:
        """Every page in turn, following cursors until none, a repeat, or a repeated page.

        `GET /api/oauth2/v2/campaigns`: List the campaigns owned by the token's user.

        Scopes: `campaigns`.
        Page size (`count`): at most 1000, the largest allowed when not given.
        `read_ahead=True` requests the next page while you work on this one (one request ahead).
        """
        from . import list_campaigns

        return self._pages(
            lambda count, cursor: list_campaigns.build(
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
        include: Sequence[ListCampaignsInclude] | Literal["all"] | None = None,
        fields: ListCampaignsFields | Literal["all"] | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
        read_ahead: bool = False,
    ) -> AsyncIterator[Campaign]:
        """Every resource of every page (see `pages`; without `count`, the largest pages allowed)."""
        return self._iterate(self.pages(include=include, fields=fields, sort=sort, count=count, read_ahead=read_ahead))

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

        return await self._read(get_campaign.build(campaign_id, include=include, fields=fields), Document)


__all__ = ["AsyncCampaignsResource", "CampaignsResource"]
