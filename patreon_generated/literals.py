# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""Literal types: attribute names per type, includes and fields per endpoint, enum values.

Each Literal alias is emitted once, by datamodel-code-generator in `raw.py`, and named here; this
module adds the `fields` mappings of each endpoint (JSON:API type -> attribute names).
Attributes read enums as `X | str`: values Patreon adds later never break.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypedDict

from .raw import (
    AddressField,
    BenefitField,
    CampaignField,
    ChargeStatus,
    ClientField,
    DeliverableField,
    DeliveryStatus,
    GetCampaignInclude,
    GetIdentityInclude,
    GetLiveInclude,
    GetMemberInclude,
    GetPostInclude,
    GoalField,
    LegacyWebhookTrigger,
    ListCampaignMembersInclude,
    ListCampaignPostsInclude,
    ListCampaignsInclude,
    ListWebhooksInclude,
    LiveAccessRuleField,
    LiveAccessRuleType,
    LiveField,
    LiveState,
    MediaField,
    MemberField,
    PatronStatus,
    PledgeEventField,
    PledgeEventType,
    PledgePaymentStatus,
    PostField,
    TierField,
    UserField,
    WebhookField,
    WebhookTrigger,
)


class GetIdentityFields(TypedDict, total=False):
    user: Sequence[UserField]
    member: Sequence[MemberField]
    campaign: Sequence[CampaignField]
    tier: Sequence[TierField]


"""`fields[TYPE]` for get_identity: JSON:API type -> attribute names."""

ListCampaignsFields = TypedDict(
    "ListCampaignsFields",
    {
        "campaign": Sequence[CampaignField],
        "tier": Sequence[TierField],
        "user": Sequence[UserField],
        "benefit": Sequence[BenefitField],
        "goal": Sequence[GoalField],
        "live-access-rule": Sequence[LiveAccessRuleField],
        "media": Sequence[MediaField],
    },
    total=False,
)
"""`fields[TYPE]` for list_campaigns: JSON:API type -> attribute names."""

GetCampaignFields = TypedDict(
    "GetCampaignFields",
    {
        "campaign": Sequence[CampaignField],
        "tier": Sequence[TierField],
        "user": Sequence[UserField],
        "benefit": Sequence[BenefitField],
        "goal": Sequence[GoalField],
        "live-access-rule": Sequence[LiveAccessRuleField],
        "media": Sequence[MediaField],
    },
    total=False,
)
"""`fields[TYPE]` for get_campaign: JSON:API type -> attribute names."""

ListCampaignMembersFields = TypedDict(
    "ListCampaignMembersFields",
    {
        "member": Sequence[MemberField],
        "address": Sequence[AddressField],
        "campaign": Sequence[CampaignField],
        "tier": Sequence[TierField],
        "user": Sequence[UserField],
        "pledge-event": Sequence[PledgeEventField],
    },
    total=False,
)
"""`fields[TYPE]` for list_campaign_members: JSON:API type -> attribute names."""

GetMemberFields = TypedDict(
    "GetMemberFields",
    {
        "member": Sequence[MemberField],
        "address": Sequence[AddressField],
        "campaign": Sequence[CampaignField],
        "tier": Sequence[TierField],
        "user": Sequence[UserField],
        "pledge-event": Sequence[PledgeEventField],
    },
    total=False,
)
"""`fields[TYPE]` for get_member: JSON:API type -> attribute names."""


class ListCampaignPostsFields(TypedDict, total=False):
    post: Sequence[PostField]
    user: Sequence[UserField]
    campaign: Sequence[CampaignField]


"""`fields[TYPE]` for list_campaign_posts: JSON:API type -> attribute names."""


class GetPostFields(TypedDict, total=False):
    post: Sequence[PostField]
    user: Sequence[UserField]
    campaign: Sequence[CampaignField]


"""`fields[TYPE]` for get_post: JSON:API type -> attribute names."""


class ListWebhooksFields(TypedDict, total=False):
    webhook: Sequence[WebhookField]
    client: Sequence[ClientField]
    campaign: Sequence[CampaignField]


"""`fields[TYPE]` for list_webhooks: JSON:API type -> attribute names."""

GetLiveFields = TypedDict(
    "GetLiveFields",
    {
        "live": Sequence[LiveField],
        "campaign": Sequence[CampaignField],
        "live-access-rule": Sequence[LiveAccessRuleField],
    },
    total=False,
)
"""`fields[TYPE]` for get_live: JSON:API type -> attribute names."""

__all__ = [
    "AddressField",
    "BenefitField",
    "CampaignField",
    "ChargeStatus",
    "ClientField",
    "DeliverableField",
    "DeliveryStatus",
    "GetCampaignInclude",
    "GetIdentityInclude",
    "GetLiveInclude",
    "GetMemberInclude",
    "GetPostInclude",
    "GoalField",
    "LegacyWebhookTrigger",
    "ListCampaignMembersInclude",
    "ListCampaignPostsInclude",
    "ListCampaignsInclude",
    "ListWebhooksInclude",
    "LiveAccessRuleField",
    "LiveAccessRuleType",
    "LiveField",
    "LiveState",
    "MediaField",
    "MemberField",
    "PatronStatus",
    "PledgeEventField",
    "PledgeEventType",
    "PledgePaymentStatus",
    "PostField",
    "TierField",
    "UserField",
    "WebhookField",
    "WebhookTrigger",
    "GetIdentityFields",
    "ListCampaignsFields",
    "GetCampaignFields",
    "ListCampaignMembersFields",
    "GetMemberFields",
    "ListCampaignPostsFields",
    "GetPostFields",
    "ListWebhooksFields",
    "GetLiveFields",
]
