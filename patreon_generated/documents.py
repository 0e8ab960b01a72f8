# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""Documents: `data`, `included`, `meta`, `links`, `next_cursor` and a typed `related`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Generic, Literal, TypeVar, overload

from . import errors
from ._jsonapi import DocumentBase, Resource
from .resources import (
    RESOURCE_CLASSES,
    Address,
    Benefit,
    Campaign,
    Client,
    Deliverable,
    Goal,
    Live,
    LiveAccessRule,
    Media,
    Member,
    OAuthClient,
    PledgeEvent,
    Post,
    Tier,
    User,
    Webhook,
)

R = TypeVar("R", bound=Resource)


class _Related(DocumentBase):
    """`related(resource, name)`: typed per relationship (to-one -> X | None, to-many -> list[X])."""

    __slots__ = ()
    resource_classes: ClassVar[Mapping[str, type[Resource]]] = RESOURCE_CLASSES

    @overload
    def related(self, resource: Address, name: Literal["campaigns"]) -> list[Campaign]: ...
    @overload
    def related(self, resource: Address, name: Literal["user"]) -> User | None: ...
    @overload
    def related(self, resource: Benefit, name: Literal["campaign"]) -> Campaign | None: ...
    @overload
    def related(self, resource: Benefit, name: Literal["deliverables"]) -> list[Deliverable]: ...
    @overload
    def related(self, resource: Benefit, name: Literal["tiers"]) -> list[Tier]: ...
    @overload
    def related(self, resource: Campaign, name: Literal["benefits"]) -> list[Benefit]: ...
    @overload
    def related(self, resource: Campaign, name: Literal["creator"]) -> User | None: ...
    @overload
    def related(self, resource: Campaign, name: Literal["goals"]) -> list[Goal]: ...
    @overload
    def related(self, resource: Campaign, name: Literal["tiers"]) -> list[Tier]: ...
    @overload
    def related(self, resource: Campaign, name: Literal["live_access_rules"]) -> list[LiveAccessRule]: ...
    @overload
    def related(self, resource: Client, name: Literal["campaign"]) -> Campaign | None: ...
    @overload
    def related(self, resource: Client, name: Literal["user"]) -> User | None: ...
    @overload
    def related(self, resource: Deliverable, name: Literal["benefit"]) -> Benefit | None: ...
    @overload
    def related(self, resource: Deliverable, name: Literal["campaign"]) -> Campaign | None: ...
    @overload
    def related(self, resource: Deliverable, name: Literal["member"]) -> Member | None: ...
    @overload
    def related(self, resource: Deliverable, name: Literal["user"]) -> User | None: ...
    @overload
    def related(self, resource: Goal, name: Literal["campaign"]) -> Campaign | None: ...
    @overload
    def related(self, resource: Live, name: Literal["campaign"]) -> Campaign | None: ...
    @overload
    def related(self, resource: Live, name: Literal["live_access_rules"]) -> list[LiveAccessRule]: ...
    @overload
    def related(self, resource: LiveAccessRule, name: Literal["tier"]) -> Tier | None: ...
    @overload
    def related(self, resource: Member, name: Literal["address"]) -> Address | None: ...
    @overload
    def related(self, resource: Member, name: Literal["campaign"]) -> Campaign | None: ...
    @overload
    def related(self, resource: Member, name: Literal["currently_entitled_tiers"]) -> list[Tier]: ...
    @overload
    def related(self, resource: Member, name: Literal["pledge_history"]) -> list[PledgeEvent]: ...
    @overload
    def related(self, resource: Member, name: Literal["user"]) -> User | None: ...
    @overload
    def related(self, resource: OAuthClient, name: Literal["campaign"]) -> Campaign | None: ...
    @overload
    def related(self, resource: OAuthClient, name: Literal["user"]) -> User | None: ...
    @overload
    def related(self, resource: PledgeEvent, name: Literal["campaign"]) -> Campaign | None: ...
    @overload
    def related(self, resource: PledgeEvent, name: Literal["patron"]) -> User | None: ...
    @overload
    def related(self, resource: PledgeEvent, name: Literal["tier"]) -> Tier | None: ...
    @overload
    def related(self, resource: Post, name: Literal["user"]) -> User | None: ...
    @overload
    def related(self, resource: Post, name: Literal["campaign"]) -> Campaign | None: ...
    @overload
    def related(self, resource: Tier, name: Literal["benefits"]) -> list[Benefit]: ...
    @overload
    def related(self, resource: Tier, name: Literal["campaign"]) -> Campaign | None: ...
    @overload
    def related(self, resource: Tier, name: Literal["tier_image"]) -> Media | None: ...
    @overload
    def related(self, resource: User, name: Literal["campaign"]) -> Campaign | None: ...
    @overload
    def related(self, resource: User, name: Literal["memberships"]) -> list[Member]: ...
    @overload
    def related(self, resource: Webhook, name: Literal["campaign"]) -> Campaign | None: ...
    @overload
    def related(self, resource: Webhook, name: Literal["client"]) -> Client | None: ...
    def related(self, resource: Resource, name: str) -> Any:
        """The resource(s) a relationship of `resource` points at, from this document."""
        return self.related_raw(resource, name)


class Document(_Related, Generic[R]):
    """A single-resource document: `data` is one resource."""

    __slots__ = ("_data",)

    def __init__(self, body: dict[str, Any]) -> None:
        super().__init__(body)
        self._data: R = self._wrap(body.get("data"), "data")  # type: ignore[assignment]

    @property
    def data(self) -> R:
        return self._data

    def __repr__(self) -> str:
        return f"Document(data={self._data!r}, included={len(self._body.get('included') or ())})"


class CollectionDocument(_Related, Generic[R]):
    """A page of a collection: `data` is a list; `next_cursor` continues it."""

    __slots__ = ("_data",)

    def __init__(self, body: dict[str, Any]) -> None:
        super().__init__(body)
        items = body.get("data")
        if not isinstance(items, list):
            raise errors.ResponseValidationError("a collection's 'data' should be a list")
        wrap = self._linker.wrap
        self._data: list[R] = [wrap(item, f"data[{n}]") for n, item in enumerate(items)]  # type: ignore[misc]

    @property
    def data(self) -> list[R]:
        return self._data

    @property
    def next_cursor(self) -> str | None:
        """`meta.pagination.cursors.next` [PD members sample], else `page[cursor]` in `links.next` [PY]."""
        pagination = self.meta.get("pagination")
        if isinstance(pagination, dict):
            cursors = pagination.get("cursors")
            if isinstance(cursors, dict) and isinstance(cursors.get("next"), str) and cursors["next"]:
                return str(cursors["next"])
        next_link = self.links.get("next")
        if isinstance(next_link, str) and next_link:
            return _cursor_from_link(next_link)
        return None

    @property
    def total(self) -> int | None:
        """`meta.pagination.total`, when Patreon sends it."""
        pagination = self.meta.get("pagination")
        total = pagination.get("total") if isinstance(pagination, dict) else None
        return total if type(total) is int else None

    def __repr__(self) -> str:
        return f"CollectionDocument(data=<{len(self._data)} resources>, next_cursor={self.next_cursor!r})"


def _cursor_from_link(link: str) -> str | None:
    from urllib.parse import parse_qs, urlsplit

    try:
        values = parse_qs(urlsplit(link).query).get("page[cursor]")
    except ValueError:  # not a URL (an unbalanced '[' in the host): no cursor in it
        return None
    return values[0] if values else None


__all__ = ["CollectionDocument", "Document"]
