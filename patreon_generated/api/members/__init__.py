# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""`client.members`: MembersResource and its async twin over this tag's request builders.

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

    from ...literals import GetMemberFields, GetMemberInclude, ListCampaignMembersFields, ListCampaignMembersInclude
    from ...resources import Member


class MembersResource(Namespace):
    """`members` endpoints."""

    __slots__ = ()

    def list(
        self,
        campaign_id: str,
        *,
        include: Sequence[ListCampaignMembersInclude] | Literal["all"] | None = None,
        fields: ListCampaignMembersFields | Literal["all"] | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
        cursor: str | None = None,
    ) -> CollectionDocument[Member]:
        """`GET /api/oauth2/v2/campaigns/{campaign_id}/members`: List a campaign's members.

        Scopes: `campaigns.members`; including `address` needs `campaigns.members.address`; `member.email` needs `campaigns.members[email]`; `user.email` needs `campaigns.members[email]`.
        Page size (`count`): at most 1000 (500 with `pledge_history` included), 20 when not given.
        """
        from . import list_campaign_members

        return self._read(
            list_campaign_members.build(
                campaign_id, include=include, fields=fields, sort=sort, count=count, cursor=cursor
            ),
            CollectionDocument,
        )

    def pages(
        self,
        campaign_id: str,
        *,
        include: Sequence[ListCampaignMembersInclude] | Literal["all"] | None = None,
        fields: ListCampaignMembersFields | Literal["all"] | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
        read_ahead: bool = False,
    ) -> Iterator[CollectionDocument[Member]]:
        """Every page in turn, following cursors until none, a repeat, or a repeated page.

        `GET /api/oauth2/v2/campaigns/{campaign_id}/members`: List a campaign's members.

        Scopes: `campaigns.members`; including `address` needs `campaigns.members.address`; `member.email` needs `campaigns.members[email]`; `user.email` needs `campaigns.members[email]`.
        Page size (`count`): at most 1000 (500 with `pledge_history` included), the largest allowed when not given.
        `read_ahead=True` requests the next page while you work on this one (one request ahead).
        """
        from . import list_campaign_members

        return self._pages(
            lambda count, cursor: list_campaign_members.build(
                campaign_id, include=include, fields=fields, sort=sort, count=count, cursor=cursor
            ),
            CollectionDocument,
            count,
            1000,
            {"pledge_history": 500},
            include,
            read_ahead,
        )

    def iterate(
        self,
        campaign_id: str,
        *,
        include: Sequence[ListCampaignMembersInclude] | Literal["all"] | None = None,
        fields: ListCampaignMembersFields | Literal["all"] | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
        read_ahead: bool = False,
    ) -> Iterator[Member]:
        """Every resource of every page (see `pages`; without `count`, the largest pages allowed)."""
        return self._iterate(
            self.pages(campaign_id, include=include, fields=fields, sort=sort, count=count, read_ahead=read_ahead)
        )

    def get(
        self,
        member_id: str,
        *,
        include: Sequence[GetMemberInclude] | Literal["all"] | None = None,
        fields: GetMemberFields | Literal["all"] | None = None,
    ) -> Document[Member]:
        """`GET /api/oauth2/v2/members/{member_id}`: Fetch one member.

        Scopes: `campaigns.members`; including `address` needs `campaigns.members.address`; `member.email` needs `campaigns.members[email]`; `user.email` needs `campaigns.members[email]`.
        Not paged.
        """
        from . import get_member

        return self._read(get_member.build(member_id, include=include, fields=fields), Document)


class AsyncMembersResource(AsyncNamespace):
    """`members` endpoints."""

    __slots__ = ()

    async def list(
        self,
        campaign_id: str,
        *,
        include: Sequence[ListCampaignMembersInclude] | Literal["all"] | None = None,
        fields: ListCampaignMembersFields | Literal["all"] | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
        cursor: str | None = None,
    ) -> CollectionDocument[Member]:
        """`GET /api/oauth2/v2/campaigns/{campaign_id}/members`: List a campaign's members.

        Scopes: `campaigns.members`; including `address` needs `campaigns.members.address`; `member.email` needs `campaigns.members[email]`; `user.email` needs `campaigns.members[email]`.
        Page size (`count`): at most 1000 (500 with `pledge_history` included), 20 when not given.
        """
        from . import list_campaign_members

        return await self._read(
            list_campaign_members.build(
                campaign_id, include=include, fields=fields, sort=sort, count=count, cursor=cursor
            ),
            CollectionDocument,
        )

    def pages(
        self,
        campaign_id: str,
        *,
        include: Sequence[ListCampaignMembersInclude] | Literal["all"] | None = None,
        fields: ListCampaignMembersFields | Literal["all"] | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
        read_ahead: bool = False,
    ) -> AsyncIterator[CollectionDocument[Member]]:
        """Every page in turn, following cursors until none, a repeat, or a repeated page.

        `GET /api/oauth2/v2/campaigns/{campaign_id}/members`: List a campaign's members.

        Scopes: `campaigns.members`; including `address` needs `campaigns.members.address`; `member.email` needs `campaigns.members[email]`; `user.email` needs `campaigns.members[email]`.
        Page size (`count`): at most 1000 (500 with `pledge_history` included), the largest allowed when not given.
        `read_ahead=True` requests the next page while you work on this one (one request ahead).
        """
        from . import list_campaign_members

        return self._pages(
            lambda count, cursor: list_campaign_members.build(
                campaign_id, include=include, fields=fields, sort=sort, count=count, cursor=cursor
            ),
            CollectionDocument,
            count,
            1000,
            {"pledge_history": 500},
            include,
            read_ahead,
        )

    def iterate(
        self,
        campaign_id: str,
        *,
        include: Sequence[ListCampaignMembersInclude] | Literal["all"] | None = None,
        fields: ListCampaignMembersFields | Literal["all"] | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
        read_ahead: bool = False,
    ) -> AsyncIterator[Member]:
        """Every resource of every page (see `pages`; without `count`, the largest pages allowed)."""
        return self._iterate(
            self.pages(campaign_id, include=include, fields=fields, sort=sort, count=count, read_ahead=read_ahead)
        )

    async def get(
        self,
        member_id: str,
        *,
        include: Sequence[GetMemberInclude] | Literal["all"] | None = None,
        fields: GetMemberFields | Literal["all"] | None = None,
    ) -> Document[Member]:
        """`GET /api/oauth2/v2/members/{member_id}`: Fetch one member.

        Scopes: `campaigns.members`; including `address` needs `campaigns.members.address`; `member.email` needs `campaigns.members[email]`; `user.email` needs `campaigns.members[email]`.
        Not paged.
        """
        from . import get_member

        return await self._read(get_member.build(member_id, include=include, fields=fields), Document)


__all__ = ["AsyncMembersResource", "MembersResource"]
