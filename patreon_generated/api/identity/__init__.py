# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""`client.identity`: IdentityResource and its async twin over this tag's request builders.

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

    from ...literals import GetIdentityFields, GetIdentityInclude
    from ...resources import User


class IdentityResource:
    """`identity` endpoints."""

    __slots__ = ("_sender",)

    def __init__(self, sender: Sender) -> None:
        self._sender = sender

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

        response = self._sender.request(get_identity.build(include=include, fields=fields))
        return Document(decode_body(response.content, response.status_code))


class AsyncIdentityResource:
    """`identity` endpoints (async)."""

    __slots__ = ("_sender",)

    def __init__(self, sender: AsyncSender) -> None:
        self._sender = sender

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

        response = await self._sender.request(get_identity.build(include=include, fields=fields))
        return Document(decode_body(response.content, response.status_code))


__all__ = ["AsyncIdentityResource", "IdentityResource"]
