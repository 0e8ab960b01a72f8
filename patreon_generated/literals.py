# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""Literal types: attribute names per type, includes and fields per endpoint, enum values."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, TypeAlias, TypedDict

# Enums as Patreon documents them. Attributes read them as `X | str`: new values never break.
ChargeStatus: TypeAlias = Literal[
    "Paid",
    "Declined",
    "Deleted",
    "Pending",
    "Refunded",
    "Fraud",
    "Refunded by Patreon",
    "Other",
    "Partially Refunded",
    "Free Trial",
]
DeliveryStatus: TypeAlias = Literal["delivered", "not_delivered", "wont_deliver"]
LegacyWebhookTrigger: TypeAlias = Literal["pledges:create", "pledges:update", "pledges:delete"]
LiveAccessRuleType: TypeAlias = Literal["tier", "patron", "public"]
LiveState: TypeAlias = Literal["pre_live", "live", "live_ended"]
PatronStatus: TypeAlias = Literal["active_patron", "declined_patron", "former_patron"]
PledgeEventType: TypeAlias = Literal[
    "pledge_start", "pledge_upgrade", "pledge_downgrade", "pledge_delete", "subscription"
]
PledgePaymentStatus: TypeAlias = Literal["queued", "pending", "valid", "declined", "fraud", "disabled"]
WebhookTrigger: TypeAlias = Literal[
    "members:create",
    "members:update",
    "members:delete",
    "members:pledge:create",
    "members:pledge:update",
    "members:pledge:delete",
    "posts:publish",
    "posts:update",
    "posts:delete",
]

# Attribute names of each resource type (the values of `fields[TYPE]`).
AddressField: TypeAlias = Literal[
    "addressee", "city", "country", "created_at", "line_1", "line_2", "phone_number", "postal_code", "state"
]
BenefitField: TypeAlias = Literal[
    "app_external_id",
    "app_meta",
    "benefit_type",
    "created_at",
    "deliverables_due_today_count",
    "delivered_deliverables_count",
    "description",
    "is_deleted",
    "is_ended",
    "is_published",
    "next_deliverable_due_date",
    "not_delivered_deliverables_count",
    "rule_type",
    "tiers_count",
    "title",
]
CampaignField: TypeAlias = Literal[
    "created_at",
    "creation_name",
    "currency",
    "discord_server_id",
    "google_analytics_id",
    "has_rss",
    "has_sent_rss_notify",
    "image_small_url",
    "image_url",
    "is_charged_immediately",
    "is_monthly",
    "is_nsfw",
    "main_video_embed",
    "main_video_url",
    "name",
    "one_liner",
    "patron_count",
    "pay_per_name",
    "pledge_url",
    "published_at",
    "rss_artwork_url",
    "rss_feed_title",
    "show_earnings",
    "summary",
    "thanks_embed",
    "thanks_msg",
    "thanks_video_url",
    "url",
    "vanity",
]
ClientField: TypeAlias = Literal[
    "author_name",
    "category",
    "client_secret",
    "default_scopes",
    "description",
    "domain",
    "icon_url",
    "name",
    "privacy_policy_url",
    "redirect_uris",
    "tos_url",
    "version",
]
DeliverableField: TypeAlias = Literal["completed_at", "delivery_status", "due_at"]
GoalField: TypeAlias = Literal[
    "amount_cents", "completed_percentage", "created_at", "description", "reached_at", "title"
]
LiveField: TypeAlias = Literal["description", "rtmp_url", "scheduled_for", "state", "stream_key", "title"]
LiveAccessRuleField: TypeAlias = Literal["access_rule_type"]
MediaField: TypeAlias = Literal[
    "created_at",
    "download_url",
    "file_name",
    "image_urls",
    "metadata",
    "mimetype",
    "owner_id",
    "owner_relationship",
    "owner_type",
    "size_bytes",
    "state",
    "upload_expires_at",
    "upload_parameters",
    "upload_url",
]
MemberField: TypeAlias = Literal[
    "campaign_lifetime_support_cents",
    "currently_entitled_amount_cents",
    "email",
    "full_name",
    "is_follower",
    "is_free_trial",
    "is_gifted",
    "last_charge_date",
    "last_charge_status",
    "lifetime_support_cents",
    "next_charge_date",
    "note",
    "patron_status",
    "pledge_cadence",
    "pledge_relationship_start",
    "will_pay_amount_cents",
]
OAuthClientField: TypeAlias = Literal[
    "author_name",
    "category",
    "client_secret",
    "default_scopes",
    "description",
    "domain",
    "icon_url",
    "name",
    "privacy_policy_url",
    "redirect_uris",
    "tos_url",
    "version",
]
PledgeEventField: TypeAlias = Literal[
    "amount_cents", "currency_code", "date", "payment_status", "pledge_payment_status", "tier_id", "tier_title", "type"
]
PostField: TypeAlias = Literal[
    "app_id",
    "app_status",
    "content",
    "embed_data",
    "embed_url",
    "is_paid",
    "is_public",
    "published_at",
    "tiers",
    "title",
    "url",
]
TierField: TypeAlias = Literal[
    "amount_cents",
    "created_at",
    "description",
    "discord_role_ids",
    "edited_at",
    "image_url",
    "patron_count",
    "post_count",
    "published",
    "published_at",
    "remaining",
    "requires_shipping",
    "title",
    "unpublished_at",
    "url",
    "user_limit",
]
UserField: TypeAlias = Literal[
    "about",
    "can_see_nsfw",
    "created",
    "email",
    "first_name",
    "full_name",
    "hide_pledges",
    "image_url",
    "is_creator",
    "is_email_verified",
    "last_name",
    "like_count",
    "social_connections",
    "thumb_url",
    "url",
    "vanity",
]
WebhookField: TypeAlias = Literal[
    "last_attempted_at", "num_consecutive_times_failed", "paused", "secret", "triggers", "uri"
]

GetIdentityInclude: TypeAlias = Literal[
    "memberships", "campaign", "memberships.campaign", "memberships.currently_entitled_tiers"
]


class GetIdentityFields(TypedDict, total=False):
    user: Sequence[UserField]
    member: Sequence[MemberField]
    campaign: Sequence[CampaignField]
    tier: Sequence[TierField]


"""`fields[TYPE]` for get_identity: JSON:API type -> attribute names."""

ListCampaignsInclude: TypeAlias = Literal[
    "tiers", "creator", "benefits", "goals", "live_access_rules", "tiers.benefits", "tiers.tier_image"
]

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

GetCampaignInclude: TypeAlias = Literal[
    "tiers", "creator", "benefits", "goals", "live_access_rules", "tiers.benefits", "tiers.tier_image"
]

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

ListCampaignMembersInclude: TypeAlias = Literal[
    "address", "campaign", "currently_entitled_tiers", "user", "pledge_history"
]

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

GetMemberInclude: TypeAlias = Literal["address", "campaign", "currently_entitled_tiers", "user", "pledge_history"]

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

ListCampaignPostsInclude: TypeAlias = Literal["user", "campaign"]


class ListCampaignPostsFields(TypedDict, total=False):
    post: Sequence[PostField]
    user: Sequence[UserField]
    campaign: Sequence[CampaignField]


"""`fields[TYPE]` for list_campaign_posts: JSON:API type -> attribute names."""

GetPostInclude: TypeAlias = Literal["user", "campaign"]


class GetPostFields(TypedDict, total=False):
    post: Sequence[PostField]
    user: Sequence[UserField]
    campaign: Sequence[CampaignField]


"""`fields[TYPE]` for get_post: JSON:API type -> attribute names."""

ListWebhooksInclude: TypeAlias = Literal["client", "campaign"]


class ListWebhooksFields(TypedDict, total=False):
    webhook: Sequence[WebhookField]
    client: Sequence[ClientField]
    campaign: Sequence[CampaignField]


"""`fields[TYPE]` for list_webhooks: JSON:API type -> attribute names."""

GetLiveInclude: TypeAlias = Literal["campaign", "live_access_rules"]

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
