# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""`client.members`: MembersResource and its async twin over this tag's request builders.

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

    from ...literals import GetMemberFields, GetMemberInclude, ListCampaignMembersFields, ListCampaignMembersInclude
    from ...resources import Member


class MembersResource:
    """`members` endpoints."""

    __slots__ = ("_sender",)

    def __init__(self, sender: Sender) -> None:
        self._sender = sender

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

        response = self._sender.request(
            list_campaign_members.build(
                campaign_id, include=include, fields=fields, sort=sort, count=count, cursor=cursor
            )
        )
        return CollectionDocument(decode_body(response.content, response.status_code))

    def pages(
        self,
        campaign_id: str,
        *,
        include: Sequence[ListCampaignMembersInclude] | Literal["all"] | None = None,
        fields: ListCampaignMembersFields | Literal["all"] | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
    ) -> Iterator[CollectionDocument[Member]]:
        """Every page in turn, following cursors until none, a repeat, or a repeated page.

        `GET /api/oauth2/v2/campaigns/{campaign_id}/members`: List a campaign's members.

        Scopes: `campaigns.members`; including `address` needs `campaigns.members.address`; `member.email` needs `campaigns.members[email]`; `user.email` needs `campaigns.members[email]`.
        Page size (`count`): at most 1000 (500 with `pledge_history` included), the largest allowed when not given.
        """
        from patreon_runtime.pagination import PageGuard, largest_page

        if count is None:  # the largest page the spec allows: fewest requests, fewest 429s
            count = largest_page(1000, {"pledge_history": 500}, include)
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
        include: Sequence[ListCampaignMembersInclude] | Literal["all"] | None = None,
        fields: ListCampaignMembersFields | Literal["all"] | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
    ) -> Iterator[Member]:
        """Every resource of every page (see `pages`; without `count`, the largest pages allowed)."""
        for page in self.pages(campaign_id, include=include, fields=fields, sort=sort, count=count):
            for item in page.data:
                yield item

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

        response = self._sender.request(get_member.build(member_id, include=include, fields=fields))
        return Document(decode_body(response.content, response.status_code))


class AsyncMembersResource:
    """`members` endpoints (async)."""

    __slots__ = ("_sender",)

    def __init__(self, sender: AsyncSender) -> None:
        self._sender = sender

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

        response = await self._sender.request(
            list_campaign_members.build(
                campaign_id, include=include, fields=fields, sort=sort, count=count, cursor=cursor
            )
        )
        return CollectionDocument(decode_body(response.content, response.status_code))

    async def pages(
        self,
        campaign_id: str,
        *,
        include: Sequence[ListCampaignMembersInclude] | Literal["all"] | None = None,
        fields: ListCampaignMembersFields | Literal["all"] | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
    ) -> AsyncIterator[CollectionDocument[Member]]:
        """Every page in turn, following cursors until none, a repeat, or a repeated page.

        `GET /api/oauth2/v2/campaigns/{campaign_id}/members`: List a campaign's members.

        Scopes: `campaigns.members`; including `address` needs `campaigns.members.address`; `member.email` needs `campaigns.members[email]`; `user.email` needs `campaigns.members[email]`.
        Page size (`count`): at most 1000 (500 with `pledge_history` included), the largest allowed when not given.
        """
        from patreon_runtime.pagination import PageGuard, largest_page

        if count is None:  # the largest page the spec allows: fewest requests, fewest 429s
            count = largest_page(1000, {"pledge_history": 500}, include)
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
        include: Sequence[ListCampaignMembersInclude] | Literal["all"] | None = None,
        fields: ListCampaignMembersFields | Literal["all"] | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
    ) -> AsyncIterator[Member]:
        """Every resource of every page (see `pages`; without `count`, the largest pages allowed)."""
        async for page in self.pages(campaign_id, include=include, fields=fields, sort=sort, count=count):
            for item in page.data:
                yield item

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

        response = await self._sender.request(get_member.build(member_id, include=include, fields=fields))
        return Document(decode_body(response.content, response.status_code))


__all__ = ["AsyncMembersResource", "MembersResource"]
