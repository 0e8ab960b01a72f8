# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""Documents: `data`, `included`, `meta`, `links`, `next_cursor` and a typed `related`.

The behaviour lives in patreon_runtime.jsonapi; what is generated is the typing: one `related`
overload per relationship of every type, and `raw` typed by the document TypedDicts of `raw.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Literal, TypeAlias, TypeVar, cast, overload

from patreon_runtime.jsonapi import CollectionDocumentBase, DocumentBase, Resource, SingleDocumentBase

from .resources import RESOURCE_CLASSES

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .raw import (
        CampaignCollectionDocumentJSON,
        CampaignDocumentJSON,
        LiveDocumentJSON,
        MemberCollectionDocumentJSON,
        MemberDocumentJSON,
        PostCollectionDocumentJSON,
        PostDocumentJSON,
        UserDocumentJSON,
        WebhookCollectionDocumentJSON,
        WebhookDocumentJSON,
    )
    from .resources import (
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

SingleDocumentJSON: TypeAlias = "UserDocumentJSON | CampaignDocumentJSON | MemberDocumentJSON | PostDocumentJSON | WebhookDocumentJSON | LiveDocumentJSON"
CollectionDocumentJSON: TypeAlias = "CampaignCollectionDocumentJSON | MemberCollectionDocumentJSON | PostCollectionDocumentJSON | WebhookCollectionDocumentJSON"


class _Related(DocumentBase):
    """`related(resource, name)`: typed per relationship (to-one -> X | None, to-many -> list[X])."""

    __slots__ = ()
    resource_classes: ClassVar[Mapping[str, type[Resource]]] = RESOURCE_CLASSES

    if TYPE_CHECKING:

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
    else:
        # At run time `related` is the runtime's lookup itself: no extra call per read.
        related = DocumentBase.related_raw


class Document(_Related, SingleDocumentBase[R]):
    """A single-resource document: `data` is one resource."""

    __slots__ = ()

    @property
    def raw(self) -> SingleDocumentJSON:
        """The whole document as parsed from JSON."""
        return cast("SingleDocumentJSON", self._body)


class CollectionDocument(_Related, CollectionDocumentBase[R]):
    """A page of a collection: `data` is a list; `next_cursor` continues it."""

    __slots__ = ()

    @property
    def raw(self) -> CollectionDocumentJSON:
        """The whole page as parsed from JSON."""
        return cast("CollectionDocumentJSON", self._body)


__all__ = ["CollectionDocument", "CollectionDocumentJSON", "Document", "SingleDocumentJSON"]
