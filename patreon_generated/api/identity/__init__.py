# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""`client.identity`: IdentityResource and its async twin over this tag's request builders.

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

    from ...literals import GetIdentityFields, GetIdentityInclude
    from ...resources import User


class IdentityResource(Namespace):
    """`identity` endpoints."""

    __slots__ = ()

    def get(
        self,
        *,
        include: Sequence[GetIdentityInclude] | Literal["all"] | None = None,
        fields: GetIdentityFields | Literal["all"] | None = None,
    ) -> Document[User]:
        """`GET /api/oauth2/v2/identity`: Fetch the user behind the token.

        Scopes: `identity`; including `campaign` needs `campaigns`; including `memberships.campaign` needs `campaigns` (without it Patreon leaves that data out); `user.email` needs `identity[email]`; `member.email` needs `campaigns.members[email]`.
        Not paged.
        """
        from . import get_identity

        return self._read(get_identity.build(include=include, fields=fields), Document)


class AsyncIdentityResource(AsyncNamespace):
    """`identity` endpoints."""

    __slots__ = ()

    async def get(
        self,
        *,
        include: Sequence[GetIdentityInclude] | Literal["all"] | None = None,
        fields: GetIdentityFields | Literal["all"] | None = None,
    ) -> Document[User]:
        """`GET /api/oauth2/v2/identity`: Fetch the user behind the token.

        Scopes: `identity`; including `campaign` needs `campaigns`; including `memberships.campaign` needs `campaigns` (without it Patreon leaves that data out); `user.email` needs `identity[email]`; `member.email` needs `campaigns.members[email]`.
        Not paged.
        """
        from . import get_identity

        return await self._read(get_identity.build(include=include, fields=fields), Document)


__all__ = ["AsyncIdentityResource", "IdentityResource"]
