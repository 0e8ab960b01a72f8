# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""TypedDicts of the raw JSON (datamodel-code-generator), for code that keeps dicts."""

from __future__ import annotations

from typing import Any, Literal, NotRequired, TypeAlias, TypedDict

PatronStatus: TypeAlias = Literal["active_patron", "declined_patron", "former_patron"]


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


PledgePaymentStatus: TypeAlias = Literal["queued", "pending", "valid", "declined", "fraud", "disabled"]


PledgeEventType: TypeAlias = Literal[
    "pledge_start",
    "pledge_upgrade",
    "pledge_downgrade",
    "pledge_delete",
    "subscription",
]


DeliveryStatus: TypeAlias = Literal["delivered", "not_delivered", "wont_deliver"]


LiveState: TypeAlias = Literal["pre_live", "live", "live_ended"]


LiveAccessRuleType: TypeAlias = Literal["tier", "patron", "public"]


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


LegacyWebhookTrigger: TypeAlias = Literal["pledges:create", "pledges:update", "pledges:delete"]


class ResourceIdentifier(TypedDict):
    type: str
    id: str


class RelationshipLinks(TypedDict):
    related: NotRequired[str]
    self: NotRequired[str]


class ToOneRelationship(TypedDict):
    data: NotRequired[ResourceIdentifier | None]
    links: NotRequired[RelationshipLinks]


class ToManyRelationship(TypedDict):
    data: NotRequired[list[ResourceIdentifier] | None]
    links: NotRequired[RelationshipLinks]


class ResourceLinks(TypedDict):
    self: NotRequired[str]


class DocumentLinks(TypedDict):
    self: NotRequired[str]
    next: NotRequired[str | None]


class PaginationCursors(TypedDict):
    next: NotRequired[str | None]


class Pagination(TypedDict):
    total: NotRequired[int]
    cursors: NotRequired[PaginationCursors]


class CollectionMeta(TypedDict):
    pagination: NotRequired[Pagination]


class AddressAttributes(TypedDict):
    addressee: NotRequired[str | None]
    city: NotRequired[str]
    country: NotRequired[str]
    created_at: NotRequired[str]
    line_1: NotRequired[str | None]
    line_2: NotRequired[str | None]
    phone_number: NotRequired[str | None]
    postal_code: NotRequired[str | None]
    state: NotRequired[str | None]


class AddressRelationships(TypedDict):
    campaigns: NotRequired[ToManyRelationship]
    user: NotRequired[ToOneRelationship]


AddressField: TypeAlias = Literal[
    "addressee",
    "city",
    "country",
    "created_at",
    "line_1",
    "line_2",
    "phone_number",
    "postal_code",
    "state",
]


class BenefitAttributes(TypedDict):
    app_external_id: NotRequired[str | None]
    app_meta: NotRequired[dict[str, Any] | None]
    benefit_type: NotRequired[str | None]
    created_at: NotRequired[str]
    deliverables_due_today_count: NotRequired[int]
    delivered_deliverables_count: NotRequired[int]
    description: NotRequired[str | None]
    is_deleted: NotRequired[bool]
    is_ended: NotRequired[bool]
    is_published: NotRequired[bool]
    next_deliverable_due_date: NotRequired[str | None]
    not_delivered_deliverables_count: NotRequired[int]
    rule_type: NotRequired[str | None]
    tiers_count: NotRequired[int]
    title: NotRequired[str]


class BenefitRelationships(TypedDict):
    campaign: NotRequired[ToOneRelationship]
    deliverables: NotRequired[ToManyRelationship]
    tiers: NotRequired[ToManyRelationship]


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


class CampaignAttributes(TypedDict):
    created_at: NotRequired[str | None]
    creation_name: NotRequired[str | None]
    currency: NotRequired[str | None]
    discord_server_id: NotRequired[str | None]
    google_analytics_id: NotRequired[str | None]
    has_rss: NotRequired[bool]
    has_sent_rss_notify: NotRequired[bool]
    image_small_url: NotRequired[str]
    image_url: NotRequired[str]
    is_charged_immediately: NotRequired[bool | None]
    is_monthly: NotRequired[bool]
    is_nsfw: NotRequired[bool]
    main_video_embed: NotRequired[str | None]
    main_video_url: NotRequired[str | None]
    name: NotRequired[str | None]
    one_liner: NotRequired[str | None]
    patron_count: NotRequired[int]
    pay_per_name: NotRequired[str | None]
    pledge_url: NotRequired[str]
    published_at: NotRequired[str | None]
    rss_artwork_url: NotRequired[str | None]
    rss_feed_title: NotRequired[str | None]
    show_earnings: NotRequired[bool]
    summary: NotRequired[str | None]
    thanks_embed: NotRequired[str | None]
    thanks_msg: NotRequired[str | None]
    thanks_video_url: NotRequired[str | None]
    url: NotRequired[str]
    vanity: NotRequired[str | None]


class CampaignRelationships(TypedDict):
    benefits: NotRequired[ToManyRelationship]
    creator: NotRequired[ToOneRelationship]
    goals: NotRequired[ToManyRelationship]
    tiers: NotRequired[ToManyRelationship]
    live_access_rules: NotRequired[ToManyRelationship]


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


class ClientAttributes(TypedDict):
    author_name: NotRequired[str | None]
    category: NotRequired[str]
    client_secret: NotRequired[str]
    default_scopes: NotRequired[str]
    description: NotRequired[str]
    domain: NotRequired[str | None]
    icon_url: NotRequired[str | None]
    name: NotRequired[str]
    privacy_policy_url: NotRequired[str | None]
    redirect_uris: NotRequired[str]
    tos_url: NotRequired[str | None]
    version: NotRequired[int]


class ClientRelationships(TypedDict):
    campaign: NotRequired[ToOneRelationship]
    user: NotRequired[ToOneRelationship]


class OAuthClient(TypedDict):
    type: Literal["oauth-client"]
    id: str
    attributes: NotRequired[ClientAttributes]
    relationships: NotRequired[ClientRelationships]
    links: NotRequired[ResourceLinks]


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


class DeliverableAttributes(TypedDict):
    completed_at: NotRequired[str | None]
    delivery_status: NotRequired[DeliveryStatus | str]
    due_at: NotRequired[str]


class DeliverableRelationships(TypedDict):
    benefit: NotRequired[ToOneRelationship]
    campaign: NotRequired[ToOneRelationship]
    member: NotRequired[ToOneRelationship]
    user: NotRequired[ToOneRelationship]


DeliverableField: TypeAlias = Literal["completed_at", "delivery_status", "due_at"]


class GoalAttributes(TypedDict):
    amount_cents: NotRequired[int]
    completed_percentage: NotRequired[int]
    created_at: NotRequired[str]
    description: NotRequired[str | None]
    reached_at: NotRequired[str | None]
    title: NotRequired[str]


class GoalRelationships(TypedDict):
    campaign: NotRequired[ToOneRelationship]


GoalField: TypeAlias = Literal[
    "amount_cents",
    "completed_percentage",
    "created_at",
    "description",
    "reached_at",
    "title",
]


class LiveAttributes(TypedDict):
    description: NotRequired[str | None]
    rtmp_url: NotRequired[str | None]
    scheduled_for: NotRequired[str | None]
    state: NotRequired[LiveState | str]
    stream_key: NotRequired[str | None]
    title: NotRequired[str | None]


class LiveRelationships(TypedDict):
    campaign: NotRequired[ToOneRelationship]
    live_access_rules: NotRequired[ToManyRelationship]


LiveField: TypeAlias = Literal["description", "rtmp_url", "scheduled_for", "state", "stream_key", "title"]


class LiveAccessRuleAttributes(TypedDict):
    access_rule_type: NotRequired[LiveAccessRuleType | str]


class LiveAccessRuleRelationships(TypedDict):
    tier: NotRequired[ToOneRelationship]


LiveAccessRuleField: TypeAlias = Literal["access_rule_type"]


class MediaAttributes(TypedDict):
    created_at: NotRequired[str]
    download_url: NotRequired[str]
    file_name: NotRequired[str]
    image_urls: NotRequired[dict[str, Any]]
    metadata: NotRequired[dict[str, Any] | None]
    mimetype: NotRequired[str]
    owner_id: NotRequired[str]
    owner_relationship: NotRequired[str]
    owner_type: NotRequired[str]
    size_bytes: NotRequired[int]
    state: NotRequired[str]
    upload_expires_at: NotRequired[str]
    upload_parameters: NotRequired[dict[str, Any]]
    upload_url: NotRequired[str]


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


class MemberAttributes(TypedDict):
    campaign_lifetime_support_cents: NotRequired[int]
    currently_entitled_amount_cents: NotRequired[int | None]
    email: NotRequired[str | None]
    full_name: NotRequired[str]
    is_follower: NotRequired[bool]
    is_free_trial: NotRequired[bool]
    is_gifted: NotRequired[bool]
    last_charge_date: NotRequired[str | None]
    last_charge_status: NotRequired[ChargeStatus | str | None]
    lifetime_support_cents: NotRequired[int]
    next_charge_date: NotRequired[str | None]
    note: NotRequired[str]
    patron_status: NotRequired[PatronStatus | str | None]
    pledge_cadence: NotRequired[int | None]
    pledge_relationship_start: NotRequired[str | None]
    will_pay_amount_cents: NotRequired[int]


class MemberRelationships(TypedDict):
    address: NotRequired[ToOneRelationship]
    campaign: NotRequired[ToOneRelationship]
    currently_entitled_tiers: NotRequired[ToManyRelationship]
    pledge_history: NotRequired[ToManyRelationship]
    user: NotRequired[ToOneRelationship]


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


class PledgeEventAttributes(TypedDict):
    amount_cents: NotRequired[int]
    currency_code: NotRequired[str]
    date: NotRequired[str]
    payment_status: NotRequired[ChargeStatus | str]
    pledge_payment_status: NotRequired[PledgePaymentStatus | str]
    tier_id: NotRequired[str | None]
    tier_title: NotRequired[str | None]
    type: NotRequired[PledgeEventType | str]


class PledgeEventRelationships(TypedDict):
    campaign: NotRequired[ToOneRelationship]
    patron: NotRequired[ToOneRelationship]
    tier: NotRequired[ToOneRelationship]


PledgeEventField: TypeAlias = Literal[
    "amount_cents",
    "currency_code",
    "date",
    "payment_status",
    "pledge_payment_status",
    "tier_id",
    "tier_title",
    "type",
]


class PostAttributes(TypedDict):
    app_id: NotRequired[int | None]
    app_status: NotRequired[str | None]
    content: NotRequired[str | None]
    embed_data: NotRequired[dict[str, Any] | None]
    embed_url: NotRequired[str | None]
    is_paid: NotRequired[bool | None]
    is_public: NotRequired[bool | None]
    published_at: NotRequired[str | None]
    tiers: NotRequired[list[str] | None]
    title: NotRequired[str | None]
    url: NotRequired[str]


class PostRelationships(TypedDict):
    user: NotRequired[ToOneRelationship]
    campaign: NotRequired[ToOneRelationship]


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


class TierAttributes(TypedDict):
    amount_cents: NotRequired[int]
    created_at: NotRequired[str]
    description: NotRequired[str]
    discord_role_ids: NotRequired[list[str] | None]
    edited_at: NotRequired[str]
    image_url: NotRequired[str | None]
    patron_count: NotRequired[int]
    post_count: NotRequired[int | None]
    published: NotRequired[bool]
    published_at: NotRequired[str | None]
    remaining: NotRequired[int | None]
    requires_shipping: NotRequired[bool]
    title: NotRequired[str]
    unpublished_at: NotRequired[str | None]
    url: NotRequired[str]
    user_limit: NotRequired[int | None]


class TierRelationships(TypedDict):
    benefits: NotRequired[ToManyRelationship]
    campaign: NotRequired[ToOneRelationship]
    tier_image: NotRequired[ToOneRelationship]


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


class UserAttributes(TypedDict):
    about: NotRequired[str | None]
    can_see_nsfw: NotRequired[bool | None]
    created: NotRequired[str]
    email: NotRequired[str | None]
    first_name: NotRequired[str | None]
    full_name: NotRequired[str]
    hide_pledges: NotRequired[bool | None]
    image_url: NotRequired[str]
    is_creator: NotRequired[bool]
    is_email_verified: NotRequired[bool]
    last_name: NotRequired[str | None]
    like_count: NotRequired[int]
    social_connections: NotRequired[dict[str, Any]]
    thumb_url: NotRequired[str]
    url: NotRequired[str]
    vanity: NotRequired[str | None]


class UserRelationships(TypedDict):
    campaign: NotRequired[ToOneRelationship]
    memberships: NotRequired[ToManyRelationship]


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


class WebhookAttributes(TypedDict):
    last_attempted_at: NotRequired[str | None]
    num_consecutive_times_failed: NotRequired[int]
    paused: NotRequired[bool]
    secret: NotRequired[str]
    triggers: NotRequired[list[WebhookTrigger | LegacyWebhookTrigger | str]]
    uri: NotRequired[str]


class WebhookRelationships(TypedDict):
    campaign: NotRequired[ToOneRelationship]
    client: NotRequired[ToOneRelationship]


WebhookField: TypeAlias = Literal[
    "last_attempted_at",
    "num_consecutive_times_failed",
    "paused",
    "secret",
    "triggers",
    "uri",
]


class GenericResource(TypedDict):
    type: str
    id: str
    attributes: NotRequired[dict[str, Any]]
    relationships: NotRequired[dict[str, Any]]
    links: NotRequired[ResourceLinks]


GetIdentityInclude: TypeAlias = Literal[
    "memberships",
    "campaign",
    "memberships.campaign",
    "memberships.currently_entitled_tiers",
]


ListCampaignsInclude: TypeAlias = Literal[
    "tiers",
    "creator",
    "benefits",
    "goals",
    "live_access_rules",
    "tiers.benefits",
    "tiers.tier_image",
]


GetCampaignInclude: TypeAlias = Literal[
    "tiers",
    "creator",
    "benefits",
    "goals",
    "live_access_rules",
    "tiers.benefits",
    "tiers.tier_image",
]


ListCampaignMembersInclude: TypeAlias = Literal[
    "address", "campaign", "currently_entitled_tiers", "user", "pledge_history"
]


GetMemberInclude: TypeAlias = Literal["address", "campaign", "currently_entitled_tiers", "user", "pledge_history"]


ListCampaignPostsInclude: TypeAlias = Literal["user", "campaign"]


GetPostInclude: TypeAlias = Literal["user", "campaign"]


ListWebhooksInclude: TypeAlias = Literal["client", "campaign"]


GetLiveInclude: TypeAlias = Literal["campaign", "live_access_rules"]


class LegacyPledge(TypedDict):
    type: Literal["pledge"]
    id: str
    attributes: NotRequired[dict[str, Any]]
    relationships: NotRequired[dict[str, Any]]


class LegacyPledgeWebhookPayload(TypedDict):
    data: LegacyPledge
    included: NotRequired[list[dict[str, Any]]]


class ErrorSource(TypedDict):
    parameter: NotRequired[str]


class ErrorObject(TypedDict):
    code: NotRequired[int | None]
    code_name: NotRequired[str]
    detail: NotRequired[str]
    id: NotRequired[str]
    status: NotRequired[str]
    title: NotRequired[str]
    source: NotRequired[ErrorSource]
    code_challenge: NotRequired[str | None]
    retry_after_seconds: NotRequired[int]


class ErrorDocument(TypedDict):
    errors: list[ErrorObject]


class CampaignIdentifier(TypedDict):
    type: Literal["campaign"]
    id: str


class WebhookCampaignRelationship(TypedDict):
    data: CampaignIdentifier


class WebhookCreateRelationships(TypedDict):
    campaign: WebhookCampaignRelationship


class WebhookCreateAttributes(TypedDict):
    triggers: list[WebhookTrigger]
    uri: str


class WebhookCreateData(TypedDict):
    type: Literal["webhook"]
    attributes: WebhookCreateAttributes
    relationships: WebhookCreateRelationships


class WebhookCreateRequest(TypedDict):
    data: WebhookCreateData


class WebhookUpdateAttributes(TypedDict):
    triggers: NotRequired[list[WebhookTrigger]]
    uri: NotRequired[str]
    paused: NotRequired[bool]


class WebhookUpdateData(TypedDict):
    type: Literal["webhook"]
    id: str
    attributes: WebhookUpdateAttributes


class WebhookUpdateRequest(TypedDict):
    data: WebhookUpdateData


class LiveCreateAttributes(TypedDict):
    state: LiveState
    title: NotRequired[str | None]
    description: NotRequired[str | None]
    scheduled_for: NotRequired[str | None]
    live_access_rule_ids: NotRequired[list[str]]


class LiveCreateData(TypedDict):
    type: Literal["live"]
    attributes: LiveCreateAttributes


class LiveCreateRequest(TypedDict):
    data: LiveCreateData


class LiveUpdateAttributes(TypedDict):
    state: LiveState


class LiveUpdateData(TypedDict):
    type: Literal["live"]
    id: str
    attributes: LiveUpdateAttributes


class LiveUpdateRequest(TypedDict):
    data: LiveUpdateData


class AuthorizationCodeTokenRequest(TypedDict):
    grant_type: Literal["authorization_code"]
    code: str
    client_id: str
    client_secret: str
    redirect_uri: str


class RefreshTokenRequest(TypedDict):
    grant_type: Literal["refresh_token"]
    refresh_token: str
    client_id: str
    client_secret: str


class TokenResponse(TypedDict):
    access_token: str
    refresh_token: NotRequired[str]
    expires_in: NotRequired[int]
    scope: NotRequired[str]
    token_type: NotRequired[str]
    version: NotRequired[str]


class OAuthErrorBody(TypedDict):
    error: str
    error_description: NotRequired[str]


class Address(TypedDict):
    type: Literal["address"]
    id: str
    attributes: NotRequired[AddressAttributes]
    relationships: NotRequired[AddressRelationships]
    links: NotRequired[ResourceLinks]


class Benefit(TypedDict):
    type: Literal["benefit"]
    id: str
    attributes: NotRequired[BenefitAttributes]
    relationships: NotRequired[BenefitRelationships]
    links: NotRequired[ResourceLinks]


class Campaign(TypedDict):
    type: Literal["campaign"]
    id: str
    attributes: NotRequired[CampaignAttributes]
    relationships: NotRequired[CampaignRelationships]
    links: NotRequired[ResourceLinks]


class Client(TypedDict):
    type: Literal["client"]
    id: str
    attributes: NotRequired[ClientAttributes]
    relationships: NotRequired[ClientRelationships]
    links: NotRequired[ResourceLinks]


class Deliverable(TypedDict):
    type: Literal["deliverable"]
    id: str
    attributes: NotRequired[DeliverableAttributes]
    relationships: NotRequired[DeliverableRelationships]
    links: NotRequired[ResourceLinks]


class Goal(TypedDict):
    type: Literal["goal"]
    id: str
    attributes: NotRequired[GoalAttributes]
    relationships: NotRequired[GoalRelationships]
    links: NotRequired[ResourceLinks]


class Live(TypedDict):
    type: Literal["live"]
    id: str
    attributes: NotRequired[LiveAttributes]
    relationships: NotRequired[LiveRelationships]
    links: NotRequired[ResourceLinks]


class LiveAccessRule(TypedDict):
    type: Literal["live-access-rule"]
    id: str
    attributes: NotRequired[LiveAccessRuleAttributes]
    relationships: NotRequired[LiveAccessRuleRelationships]
    links: NotRequired[ResourceLinks]


class Media(TypedDict):
    type: Literal["media"]
    id: str
    attributes: NotRequired[MediaAttributes]
    links: NotRequired[ResourceLinks]


class Member(TypedDict):
    type: Literal["member"]
    id: str
    attributes: NotRequired[MemberAttributes]
    relationships: NotRequired[MemberRelationships]
    links: NotRequired[ResourceLinks]


class PledgeEvent(TypedDict):
    type: Literal["pledge-event"]
    id: str
    attributes: NotRequired[PledgeEventAttributes]
    relationships: NotRequired[PledgeEventRelationships]
    links: NotRequired[ResourceLinks]


class Post(TypedDict):
    type: Literal["post"]
    id: str
    attributes: NotRequired[PostAttributes]
    relationships: NotRequired[PostRelationships]
    links: NotRequired[ResourceLinks]


class Tier(TypedDict):
    type: Literal["tier"]
    id: str
    attributes: NotRequired[TierAttributes]
    relationships: NotRequired[TierRelationships]
    links: NotRequired[ResourceLinks]


class User(TypedDict):
    type: Literal["user"]
    id: str
    attributes: NotRequired[UserAttributes]
    relationships: NotRequired[UserRelationships]
    links: NotRequired[ResourceLinks]


class Webhook(TypedDict):
    type: Literal["webhook"]
    id: str
    attributes: NotRequired[WebhookAttributes]
    relationships: NotRequired[WebhookRelationships]
    links: NotRequired[ResourceLinks]


IncludedResource: TypeAlias = (
    Address
    | Benefit
    | Campaign
    | Client
    | Deliverable
    | Goal
    | Live
    | LiveAccessRule
    | Media
    | Member
    | OAuthClient
    | PledgeEvent
    | Post
    | Tier
    | User
    | Webhook
    | GenericResource
)


class UserDocument(TypedDict):
    data: User
    included: NotRequired[list[IncludedResource]]
    links: NotRequired[DocumentLinks]


class CampaignDocument(TypedDict):
    data: Campaign
    included: NotRequired[list[IncludedResource]]
    links: NotRequired[DocumentLinks]


class CampaignCollectionDocument(TypedDict):
    data: list[Campaign]
    included: NotRequired[list[IncludedResource]]
    meta: NotRequired[CollectionMeta]
    links: NotRequired[DocumentLinks]


class MemberDocument(TypedDict):
    data: Member
    included: NotRequired[list[IncludedResource]]
    links: NotRequired[DocumentLinks]


class MemberCollectionDocument(TypedDict):
    data: list[Member]
    included: NotRequired[list[IncludedResource]]
    meta: NotRequired[CollectionMeta]
    links: NotRequired[DocumentLinks]


class PostDocument(TypedDict):
    data: Post
    included: NotRequired[list[IncludedResource]]
    links: NotRequired[DocumentLinks]


class PostCollectionDocument(TypedDict):
    data: list[Post]
    included: NotRequired[list[IncludedResource]]
    meta: NotRequired[CollectionMeta]
    links: NotRequired[DocumentLinks]


class WebhookDocument(TypedDict):
    data: Webhook
    included: NotRequired[list[IncludedResource]]
    links: NotRequired[DocumentLinks]


class WebhookCollectionDocument(TypedDict):
    data: list[Webhook]
    included: NotRequired[list[IncludedResource]]
    meta: NotRequired[CollectionMeta]
    links: NotRequired[DocumentLinks]


class LiveDocument(TypedDict):
    data: Live
    included: NotRequired[list[IncludedResource]]
    links: NotRequired[DocumentLinks]


class MemberWebhookPayload(TypedDict):
    data: Member
    included: NotRequired[list[IncludedResource]]
    links: NotRequired[DocumentLinks]


class PostWebhookPayload(TypedDict):
    data: Post
    included: NotRequired[list[IncludedResource]]
    links: NotRequired[DocumentLinks]


TokenRequest: TypeAlias = AuthorizationCodeTokenRequest | RefreshTokenRequest
