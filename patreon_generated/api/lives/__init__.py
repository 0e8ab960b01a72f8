# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""`client.lives`: LivesResource and its async twin over this tag's request builders.

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

    from ...literals import GetLiveFields, GetLiveInclude, LiveState
    from ...resources import Live


class LivesResource:
    """`lives` endpoints."""

    __slots__ = ("_sender",)

    def __init__(self, sender: Sender) -> None:
        self._sender = sender

    def create(
        self,
        *,
        state: LiveState,
        title: str | None = None,
        description: str | None = None,
        scheduled_for: dt.datetime | None = None,
        live_access_rule_ids: Sequence[str] | None = None,
    ) -> Document[Live]:
        """`POST /api/oauth2/v2/lives`: Create a live.
        Early access.

        Scopes: `w:campaigns.lives`.
        Not paged.
        """
        from . import create_live

        response = self._sender.request(
            create_live.build(
                state=state,
                title=title,
                description=description,
                scheduled_for=scheduled_for,
                live_access_rule_ids=live_access_rule_ids,
            )
        )
        return Document(decode_body(response.content, response.status_code))

    def get(
        self,
        live_id: str,
        *,
        include: Sequence[GetLiveInclude] | Literal["all"] | None = None,
        fields: GetLiveFields | Literal["all"] | None = None,
    ) -> Document[Live]:
        """`GET /api/oauth2/v2/lives/{live_id}`: Fetch one live.
        Early access.

        Scopes: `campaigns.lives`.
        Not paged.
        """
        from . import get_live

        response = self._sender.request(get_live.build(live_id, include=include, fields=fields))
        return Document(decode_body(response.content, response.status_code))

    def delete(self, live_id: str) -> None:
        """`DELETE /api/oauth2/v2/lives/{live_id}`: Delete a live.
        Early access.

        Scopes: `w:campaigns.lives`.
        Not paged.
        """
        from . import delete_live

        response = self._sender.request(delete_live.build(live_id))
        del response

    def update(self, live_id: str, *, state: LiveState) -> Document[Live]:
        """`PATCH /api/oauth2/v2/lives/{live_id}`: Change a live's state.
        Early access.

        Scopes: `w:campaigns.lives`.
        Not paged.
        """
        from . import update_live

        response = self._sender.request(update_live.build(live_id, state=state))
        return Document(decode_body(response.content, response.status_code))


class AsyncLivesResource:
    """`lives` endpoints (async)."""

    __slots__ = ("_sender",)

    def __init__(self, sender: AsyncSender) -> None:
        self._sender = sender

    async def create(
        self,
        *,
        state: LiveState,
        title: str | None = None,
        description: str | None = None,
        scheduled_for: dt.datetime | None = None,
        live_access_rule_ids: Sequence[str] | None = None,
    ) -> Document[Live]:
        """`POST /api/oauth2/v2/lives`: Create a live.
        Early access.

        Scopes: `w:campaigns.lives`.
        Not paged.
        """
        from . import create_live

        response = await self._sender.request(
            create_live.build(
                state=state,
                title=title,
                description=description,
                scheduled_for=scheduled_for,
                live_access_rule_ids=live_access_rule_ids,
            )
        )
        return Document(decode_body(response.content, response.status_code))

    async def get(
        self,
        live_id: str,
        *,
        include: Sequence[GetLiveInclude] | Literal["all"] | None = None,
        fields: GetLiveFields | Literal["all"] | None = None,
    ) -> Document[Live]:
        """`GET /api/oauth2/v2/lives/{live_id}`: Fetch one live.
        Early access.

        Scopes: `campaigns.lives`.
        Not paged.
        """
        from . import get_live

        response = await self._sender.request(get_live.build(live_id, include=include, fields=fields))
        return Document(decode_body(response.content, response.status_code))

    async def delete(self, live_id: str) -> None:
        """`DELETE /api/oauth2/v2/lives/{live_id}`: Delete a live.
        Early access.

        Scopes: `w:campaigns.lives`.
        Not paged.
        """
        from . import delete_live

        response = await self._sender.request(delete_live.build(live_id))
        del response

    async def update(self, live_id: str, *, state: LiveState) -> Document[Live]:
        """`PATCH /api/oauth2/v2/lives/{live_id}`: Change a live's state.
        Early access.

        Scopes: `w:campaigns.lives`.
        Not paged.
        """
        from . import update_live

        response = await self._sender.request(update_live.build(live_id, state=state))
        return Document(decode_body(response.content, response.status_code))


__all__ = ["AsyncLivesResource", "LivesResource"]
