# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""Types of `to_plain()`: each resource as a plain dict, its related resources nested in place.

`attributes` is typed by the attribute TypedDicts of `raw.py`; each relationship holds the related
resource's own plain dict (to-one: `PlainX | None`, to-many: `list[PlainX]`). A linkage that was not
included, points back up the tree, or lies below `depth` is a stub with `type` and `id` only, which
is why `attributes` and `relationships` may be missing. The behaviour is in patreon_runtime.plain.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, NotRequired, TypedDict

if TYPE_CHECKING:
    from .raw import (
        AddressAttributesJSON,
        BenefitAttributesJSON,
        CampaignAttributesJSON,
        ClientAttributesJSON,
        DeliverableAttributesJSON,
        GoalAttributesJSON,
        LiveAccessRuleAttributesJSON,
        LiveAttributesJSON,
        MediaAttributesJSON,
        MemberAttributesJSON,
        PledgeEventAttributesJSON,
        PostAttributesJSON,
        TierAttributesJSON,
        UserAttributesJSON,
        WebhookAttributesJSON,
    )


class AddressPlainRelationships(TypedDict, total=False):
    campaigns: list[PlainCampaign]
    user: PlainUser | None


"""The relationships of a plain `address`; one missing was not in the document (links only)."""


class PlainAddress(TypedDict):
    """A `address` from `to_plain()`."""

    type: Literal["address"]
    id: str
    attributes: NotRequired[AddressAttributesJSON]
    relationships: NotRequired[AddressPlainRelationships]


class BenefitPlainRelationships(TypedDict, total=False):
    campaign: PlainCampaign | None
    deliverables: list[PlainDeliverable]
    tiers: list[PlainTier]


"""The relationships of a plain `benefit`; one missing was not in the document (links only)."""


class PlainBenefit(TypedDict):
    """A `benefit` from `to_plain()`."""

    type: Literal["benefit"]
    id: str
    attributes: NotRequired[BenefitAttributesJSON]
    relationships: NotRequired[BenefitPlainRelationships]


class CampaignPlainRelationships(TypedDict, total=False):
    benefits: list[PlainBenefit]
    creator: PlainUser | None
    goals: list[PlainGoal]
    tiers: list[PlainTier]
    live_access_rules: list[PlainLiveAccessRule]


"""The relationships of a plain `campaign`; one missing was not in the document (links only)."""


class PlainCampaign(TypedDict):
    """A `campaign` from `to_plain()`."""

    type: Literal["campaign"]
    id: str
    attributes: NotRequired[CampaignAttributesJSON]
    relationships: NotRequired[CampaignPlainRelationships]


class ClientPlainRelationships(TypedDict, total=False):
    campaign: PlainCampaign | None
    user: PlainUser | None


"""The relationships of a plain `client`; one missing was not in the document (links only)."""


class PlainClient(TypedDict):
    """A `client` from `to_plain()`."""

    type: Literal["client"]
    id: str
    attributes: NotRequired[ClientAttributesJSON]
    relationships: NotRequired[ClientPlainRelationships]


class DeliverablePlainRelationships(TypedDict, total=False):
    benefit: PlainBenefit | None
    campaign: PlainCampaign | None
    member: PlainMember | None
    user: PlainUser | None


"""The relationships of a plain `deliverable`; one missing was not in the document (links only)."""


class PlainDeliverable(TypedDict):
    """A `deliverable` from `to_plain()`."""

    type: Literal["deliverable"]
    id: str
    attributes: NotRequired[DeliverableAttributesJSON]
    relationships: NotRequired[DeliverablePlainRelationships]


class GoalPlainRelationships(TypedDict, total=False):
    campaign: PlainCampaign | None


"""The relationships of a plain `goal`; one missing was not in the document (links only)."""


class PlainGoal(TypedDict):
    """A `goal` from `to_plain()`."""

    type: Literal["goal"]
    id: str
    attributes: NotRequired[GoalAttributesJSON]
    relationships: NotRequired[GoalPlainRelationships]


class LivePlainRelationships(TypedDict, total=False):
    campaign: PlainCampaign | None
    live_access_rules: list[PlainLiveAccessRule]


"""The relationships of a plain `live`; one missing was not in the document (links only)."""


class PlainLive(TypedDict):
    """A `live` from `to_plain()`."""

    type: Literal["live"]
    id: str
    attributes: NotRequired[LiveAttributesJSON]
    relationships: NotRequired[LivePlainRelationships]


class LiveAccessRulePlainRelationships(TypedDict, total=False):
    tier: PlainTier | None


"""The relationships of a plain `live-access-rule`; one missing was not in the document (links only)."""


class PlainLiveAccessRule(TypedDict):
    """A `live-access-rule` from `to_plain()`."""

    type: Literal["live-access-rule"]
    id: str
    attributes: NotRequired[LiveAccessRuleAttributesJSON]
    relationships: NotRequired[LiveAccessRulePlainRelationships]


class MediaPlainRelationships(TypedDict, total=False):
    pass


"""The relationships of a plain `media`; one missing was not in the document (links only)."""


class PlainMedia(TypedDict):
    """A `media` from `to_plain()`."""

    type: Literal["media"]
    id: str
    attributes: NotRequired[MediaAttributesJSON]
    relationships: NotRequired[MediaPlainRelationships]


class MemberPlainRelationships(TypedDict, total=False):
    address: PlainAddress | None
    campaign: PlainCampaign | None
    currently_entitled_tiers: list[PlainTier]
    pledge_history: list[PlainPledgeEvent]
    user: PlainUser | None


"""The relationships of a plain `member`; one missing was not in the document (links only)."""


class PlainMember(TypedDict):
    """A `member` from `to_plain()`."""

    type: Literal["member"]
    id: str
    attributes: NotRequired[MemberAttributesJSON]
    relationships: NotRequired[MemberPlainRelationships]


class OAuthClientPlainRelationships(TypedDict, total=False):
    campaign: PlainCampaign | None
    user: PlainUser | None


"""The relationships of a plain `oauth-client`; one missing was not in the document (links only)."""


class PlainOAuthClient(TypedDict):
    """A `oauth-client` from `to_plain()`."""

    type: Literal["oauth-client"]
    id: str
    attributes: NotRequired[ClientAttributesJSON]
    relationships: NotRequired[OAuthClientPlainRelationships]


class PledgeEventPlainRelationships(TypedDict, total=False):
    campaign: PlainCampaign | None
    patron: PlainUser | None
    tier: PlainTier | None


"""The relationships of a plain `pledge-event`; one missing was not in the document (links only)."""


class PlainPledgeEvent(TypedDict):
    """A `pledge-event` from `to_plain()`."""

    type: Literal["pledge-event"]
    id: str
    attributes: NotRequired[PledgeEventAttributesJSON]
    relationships: NotRequired[PledgeEventPlainRelationships]


class PostPlainRelationships(TypedDict, total=False):
    user: PlainUser | None
    campaign: PlainCampaign | None


"""The relationships of a plain `post`; one missing was not in the document (links only)."""


class PlainPost(TypedDict):
    """A `post` from `to_plain()`."""

    type: Literal["post"]
    id: str
    attributes: NotRequired[PostAttributesJSON]
    relationships: NotRequired[PostPlainRelationships]


class TierPlainRelationships(TypedDict, total=False):
    benefits: list[PlainBenefit]
    campaign: PlainCampaign | None
    tier_image: PlainMedia | None


"""The relationships of a plain `tier`; one missing was not in the document (links only)."""


class PlainTier(TypedDict):
    """A `tier` from `to_plain()`."""

    type: Literal["tier"]
    id: str
    attributes: NotRequired[TierAttributesJSON]
    relationships: NotRequired[TierPlainRelationships]


class UserPlainRelationships(TypedDict, total=False):
    campaign: PlainCampaign | None
    memberships: list[PlainMember]


"""The relationships of a plain `user`; one missing was not in the document (links only)."""


class PlainUser(TypedDict):
    """A `user` from `to_plain()`."""

    type: Literal["user"]
    id: str
    attributes: NotRequired[UserAttributesJSON]
    relationships: NotRequired[UserPlainRelationships]


class WebhookPlainRelationships(TypedDict, total=False):
    campaign: PlainCampaign | None
    client: PlainClient | None


"""The relationships of a plain `webhook`; one missing was not in the document (links only)."""


class PlainWebhook(TypedDict):
    """A `webhook` from `to_plain()`."""

    type: Literal["webhook"]
    id: str
    attributes: NotRequired[WebhookAttributesJSON]
    relationships: NotRequired[WebhookPlainRelationships]


class PlainStub(TypedDict):
    """A resource of a type this spec does not know, as `to_plain()` gives it."""

    type: str
    id: str


__all__ = [
    "PlainAddress",
    "AddressPlainRelationships",
    "PlainBenefit",
    "BenefitPlainRelationships",
    "PlainCampaign",
    "CampaignPlainRelationships",
    "PlainClient",
    "ClientPlainRelationships",
    "PlainDeliverable",
    "DeliverablePlainRelationships",
    "PlainGoal",
    "GoalPlainRelationships",
    "PlainLive",
    "LivePlainRelationships",
    "PlainLiveAccessRule",
    "LiveAccessRulePlainRelationships",
    "PlainMedia",
    "MediaPlainRelationships",
    "PlainMember",
    "MemberPlainRelationships",
    "PlainOAuthClient",
    "OAuthClientPlainRelationships",
    "PlainPledgeEvent",
    "PledgeEventPlainRelationships",
    "PlainPost",
    "PostPlainRelationships",
    "PlainTier",
    "TierPlainRelationships",
    "PlainUser",
    "UserPlainRelationships",
    "PlainWebhook",
    "WebhookPlainRelationships",
    "PlainStub",
]
