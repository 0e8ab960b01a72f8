# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""`client.lives`: LivesResource and its async twin over this tag's request builders.

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

    from ...literals import GetLiveFields, GetLiveInclude, LiveState
    from ...resources import Live


class LivesResource(Namespace):
    """`lives` endpoints."""

    __slots__ = ()

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

        return self._read(
            create_live.build(
                state=state,
                title=title,
                description=description,
                scheduled_for=scheduled_for,
                live_access_rule_ids=live_access_rule_ids,
            ),
            Document,
        )

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

        return self._read(get_live.build(live_id, include=include, fields=fields), Document)

    def delete(self, live_id: str) -> None:
        """`DELETE /api/oauth2/v2/lives/{live_id}`: Delete a live.
        Early access.

        Scopes: `w:campaigns.lives`.
        Not paged.
        """
        from . import delete_live

        self._send(delete_live.build(live_id))

    def update(self, live_id: str, *, state: LiveState) -> Document[Live]:
        """`PATCH /api/oauth2/v2/lives/{live_id}`: Change a live's state.
        Early access.

        Scopes: `w:campaigns.lives`.
        Not paged.
        """
        from . import update_live

        return self._read(update_live.build(live_id, state=state), Document)


class AsyncLivesResource(AsyncNamespace):
    """`lives` endpoints."""

    __slots__ = ()

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

        return await self._read(
            create_live.build(
                state=state,
                title=title,
                description=description,
                scheduled_for=scheduled_for,
                live_access_rule_ids=live_access_rule_ids,
            ),
            Document,
        )

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

        return await self._read(get_live.build(live_id, include=include, fields=fields), Document)

    async def delete(self, live_id: str) -> None:
        """`DELETE /api/oauth2/v2/lives/{live_id}`: Delete a live.
        Early access.

        Scopes: `w:campaigns.lives`.
        Not paged.
        """
        from . import delete_live

        await self._send(delete_live.build(live_id))

    async def update(self, live_id: str, *, state: LiveState) -> Document[Live]:
        """`PATCH /api/oauth2/v2/lives/{live_id}`: Change a live's state.
        Early access.

        Scopes: `w:campaigns.lives`.
        Not paged.
        """
        from . import update_live

        return await self._read(update_live.build(live_id, state=state), Document)


__all__ = ["AsyncLivesResource", "LivesResource"]
