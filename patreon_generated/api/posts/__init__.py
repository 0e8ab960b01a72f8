# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""`client.posts`: PostsResource and its async twin over this tag's request builders.

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

    from ...literals import GetPostFields, GetPostInclude, ListCampaignPostsFields, ListCampaignPostsInclude
    from ...resources import Post


class PostsResource(Namespace):
    """`posts` endpoints."""

    __slots__ = ()

    def list(
        self,
        campaign_id: str,
        *,
        include: Sequence[ListCampaignPostsInclude] | Literal["all"] | None = None,
        fields: ListCampaignPostsFields | Literal["all"] | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
        cursor: str | None = None,
    ) -> CollectionDocument[Post]:
        """`GET /api/oauth2/v2/campaigns/{campaign_id}/posts`: List a campaign's posts.

        Scopes: `campaigns.posts`.
        Page size (`count`): at most 1000, 20 when not given.
        """
        from . import list_campaign_posts

        return self._read(
            list_campaign_posts.build(
                campaign_id, include=include, fields=fields, sort=sort, count=count, cursor=cursor
            ),
            CollectionDocument,
        )

    def pages(
        self,
        campaign_id: str,
        *,
        include: Sequence[ListCampaignPostsInclude] | Literal["all"] | None = None,
        fields: ListCampaignPostsFields | Literal["all"] | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
        read_ahead: bool = False,
    ) -> Iterator[CollectionDocument[Post]]:
        """Every page in turn, following cursors until none, a repeat, or a repeated page.

        `GET /api/oauth2/v2/campaigns/{campaign_id}/posts`: List a campaign's posts.

        Scopes: `campaigns.posts`.
        Page size (`count`): at most 1000, the largest allowed when not given.
        `read_ahead=True` requests the next page while you work on this one (one request ahead).
        """
        from . import list_campaign_posts

        return self._pages(
            lambda count, cursor: list_campaign_posts.build(
                campaign_id, include=include, fields=fields, sort=sort, count=count, cursor=cursor
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
        campaign_id: str,
        *,
        include: Sequence[ListCampaignPostsInclude] | Literal["all"] | None = None,
        fields: ListCampaignPostsFields | Literal["all"] | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
        read_ahead: bool = False,
    ) -> Iterator[Post]:
        """Every resource of every page (see `pages`; without `count`, the largest pages allowed)."""
        return self._iterate(
            self.pages(campaign_id, include=include, fields=fields, sort=sort, count=count, read_ahead=read_ahead)
        )

    def get(
        self,
        post_id: str,
        *,
        include: Sequence[GetPostInclude] | Literal["all"] | None = None,
        fields: GetPostFields | Literal["all"] | None = None,
    ) -> Document[Post]:
        """`GET /api/oauth2/v2/posts/{post_id}`: Fetch one post.

        Scopes: `campaigns.posts`.
        Not paged.
        """
        from . import get_post

        return self._read(get_post.build(post_id, include=include, fields=fields), Document)


class AsyncPostsResource(AsyncNamespace):
    """`posts` endpoints."""

    __slots__ = ()

    async def list(
        self,
        campaign_id: str,
        *,
        include: Sequence[ListCampaignPostsInclude] | Literal["all"] | None = None,
        fields: ListCampaignPostsFields | Literal["all"] | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
        cursor: str | None = None,
    ) -> CollectionDocument[Post]:
        """`GET /api/oauth2/v2/campaigns/{campaign_id}/posts`: List a campaign's posts.

        Scopes: `campaigns.posts`.
        Page size (`count`): at most 1000, 20 when not given.
        """
        from . import list_campaign_posts

        return await self._read(
            list_campaign_posts.build(
                campaign_id, include=include, fields=fields, sort=sort, count=count, cursor=cursor
            ),
            CollectionDocument,
        )

    def pages(
        self,
        campaign_id: str,
        *,
        include: Sequence[ListCampaignPostsInclude] | Literal["all"] | None = None,
        fields: ListCampaignPostsFields | Literal["all"] | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
        read_ahead: bool = False,
    ) -> AsyncIterator[CollectionDocument[Post]]:
        """Every page in turn, following cursors until none, a repeat, or a repeated page.

        `GET /api/oauth2/v2/campaigns/{campaign_id}/posts`: List a campaign's posts.

        Scopes: `campaigns.posts`.
        Page size (`count`): at most 1000, the largest allowed when not given.
        `read_ahead=True` requests the next page while you work on this one (one request ahead).
        """
        from . import list_campaign_posts

        return self._pages(
            lambda count, cursor: list_campaign_posts.build(
                campaign_id, include=include, fields=fields, sort=sort, count=count, cursor=cursor
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
        campaign_id: str,
        *,
        include: Sequence[ListCampaignPostsInclude] | Literal["all"] | None = None,
        fields: ListCampaignPostsFields | Literal["all"] | None = None,
        sort: Sequence[str] | None = None,
        count: int | None = None,
        read_ahead: bool = False,
    ) -> AsyncIterator[Post]:
        """Every resource of every page (see `pages`; without `count`, the largest pages allowed)."""
        return self._iterate(
            self.pages(campaign_id, include=include, fields=fields, sort=sort, count=count, read_ahead=read_ahead)
        )

    async def get(
        self,
        post_id: str,
        *,
        include: Sequence[GetPostInclude] | Literal["all"] | None = None,
        fields: GetPostFields | Literal["all"] | None = None,
    ) -> Document[Post]:
        """`GET /api/oauth2/v2/posts/{post_id}`: Fetch one post.

        Scopes: `campaigns.posts`.
        Not paged.
        """
        from . import get_post

        return await self._read(get_post.build(post_id, include=include, fields=fields), Document)


__all__ = ["AsyncPostsResource", "PostsResource"]
