# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""Documents: `data`, `included`, `meta`, `links`, `next_cursor` and a typed `related`.

The behaviour lives in patreon_runtime.jsonapi; what is generated is the typing: one `related`
overload per relationship of every type, and `raw` typed by the document TypedDicts of `raw.py`.
Compiled with mypyc in the binary wheels (build_backend/), so no class here uses typing-only tricks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Literal, TypeAlias, TypeVar, cast, overload

from patreon_runtime.jsonapi import NATIVE, CollectionDocumentBase, Resource, SingleDocumentBase

from .resources import RESOURCE_CLASSES

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .plain import (
        PlainAddress,
        PlainBenefit,
        PlainCampaign,
        PlainClient,
        PlainDeliverable,
        PlainGoal,
        PlainLive,
        PlainLiveAccessRule,
        PlainMedia,
        PlainMember,
        PlainOAuthClient,
        PlainPledgeEvent,
        PlainPost,
        PlainTier,
        PlainUser,
        PlainWebhook,
    )
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


class Document(SingleDocumentBase[R]):
    """A single-resource document: `data` is one resource."""

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
        """The resource(s) a relationship of `resource` points at, from this document.

        Typed per relationship (to-one -> X | None, to-many -> list[X]); a misspelled name is a
        type error, and at run time an AttributeError naming the close ones.
        """
        return self.related_raw(resource, name)

    @overload
    def to_plain(self: Document[Address], depth: int = 2) -> PlainAddress: ...

    @overload
    def to_plain(self: Document[Benefit], depth: int = 2) -> PlainBenefit: ...

    @overload
    def to_plain(self: Document[Campaign], depth: int = 2) -> PlainCampaign: ...

    @overload
    def to_plain(self: Document[Client], depth: int = 2) -> PlainClient: ...

    @overload
    def to_plain(self: Document[Deliverable], depth: int = 2) -> PlainDeliverable: ...

    @overload
    def to_plain(self: Document[Goal], depth: int = 2) -> PlainGoal: ...

    @overload
    def to_plain(self: Document[Live], depth: int = 2) -> PlainLive: ...

    @overload
    def to_plain(self: Document[LiveAccessRule], depth: int = 2) -> PlainLiveAccessRule: ...

    @overload
    def to_plain(self: Document[Media], depth: int = 2) -> PlainMedia: ...

    @overload
    def to_plain(self: Document[Member], depth: int = 2) -> PlainMember: ...

    @overload
    def to_plain(self: Document[OAuthClient], depth: int = 2) -> PlainOAuthClient: ...

    @overload
    def to_plain(self: Document[PledgeEvent], depth: int = 2) -> PlainPledgeEvent: ...

    @overload
    def to_plain(self: Document[Post], depth: int = 2) -> PlainPost: ...

    @overload
    def to_plain(self: Document[Tier], depth: int = 2) -> PlainTier: ...

    @overload
    def to_plain(self: Document[User], depth: int = 2) -> PlainUser: ...

    @overload
    def to_plain(self: Document[Webhook], depth: int = 2) -> PlainWebhook: ...

    @overload
    def to_plain(self, depth: int = 2) -> Any: ...

    def to_plain(self, depth: int = 2) -> Any:
        """`data` as plain nested dicts, related resources in place (typed by `plain.py`)."""
        return super().to_plain(depth)

    @property
    def raw(self) -> SingleDocumentJSON:
        """The whole document as parsed from JSON."""
        return cast("SingleDocumentJSON", self._body)


class CollectionDocument(CollectionDocumentBase[R]):
    """A page of a collection: `data` is a list; `next_cursor` continues it."""

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
        """The resource(s) a relationship of `resource` points at, from this document.

        Typed per relationship (to-one -> X | None, to-many -> list[X]); a misspelled name is a
        type error, and at run time an AttributeError naming the close ones.
        """
        return self.related_raw(resource, name)

    @overload
    def to_plain(self: CollectionDocument[Address], depth: int = 2) -> list[PlainAddress]: ...

    @overload
    def to_plain(self: CollectionDocument[Benefit], depth: int = 2) -> list[PlainBenefit]: ...

    @overload
    def to_plain(self: CollectionDocument[Campaign], depth: int = 2) -> list[PlainCampaign]: ...

    @overload
    def to_plain(self: CollectionDocument[Client], depth: int = 2) -> list[PlainClient]: ...

    @overload
    def to_plain(self: CollectionDocument[Deliverable], depth: int = 2) -> list[PlainDeliverable]: ...

    @overload
    def to_plain(self: CollectionDocument[Goal], depth: int = 2) -> list[PlainGoal]: ...

    @overload
    def to_plain(self: CollectionDocument[Live], depth: int = 2) -> list[PlainLive]: ...

    @overload
    def to_plain(self: CollectionDocument[LiveAccessRule], depth: int = 2) -> list[PlainLiveAccessRule]: ...

    @overload
    def to_plain(self: CollectionDocument[Media], depth: int = 2) -> list[PlainMedia]: ...

    @overload
    def to_plain(self: CollectionDocument[Member], depth: int = 2) -> list[PlainMember]: ...

    @overload
    def to_plain(self: CollectionDocument[OAuthClient], depth: int = 2) -> list[PlainOAuthClient]: ...

    @overload
    def to_plain(self: CollectionDocument[PledgeEvent], depth: int = 2) -> list[PlainPledgeEvent]: ...

    @overload
    def to_plain(self: CollectionDocument[Post], depth: int = 2) -> list[PlainPost]: ...

    @overload
    def to_plain(self: CollectionDocument[Tier], depth: int = 2) -> list[PlainTier]: ...

    @overload
    def to_plain(self: CollectionDocument[User], depth: int = 2) -> list[PlainUser]: ...

    @overload
    def to_plain(self: CollectionDocument[Webhook], depth: int = 2) -> list[PlainWebhook]: ...

    @overload
    def to_plain(self, depth: int = 2) -> list[Any]: ...

    def to_plain(self, depth: int = 2) -> list[Any]:
        """Every item of `data` as plain nested dicts, related resources in place (typed by `plain.py`)."""
        return super().to_plain(depth)  # type: ignore[no-any-return]  # a page's data is a list

    @property
    def raw(self) -> CollectionDocumentJSON:
        """The whole page as parsed from JSON."""
        return cast("CollectionDocumentJSON", self._body)


if not NATIVE:
    # Interpreted, `related` is the runtime's lookup itself: the method above would add a Python
    # frame to every read of a page (bench/decode.py). Compiled, that call is native and cheap, and
    # a native class cannot be changed after it is made.
    Document.related = SingleDocumentBase.related_raw  # type: ignore[method-assign,assignment]
    CollectionDocument.related = CollectionDocumentBase.related_raw  # type: ignore[method-assign,assignment]
else:  # compiled: no weak references and no new attributes, as interpreted (patreon_runtime.native_layout)
    from patreon_runtime.native_layout import as_interpreted

    as_interpreted(Document, CollectionDocument)


__all__ = ["CollectionDocument", "CollectionDocumentJSON", "Document", "SingleDocumentJSON"]
