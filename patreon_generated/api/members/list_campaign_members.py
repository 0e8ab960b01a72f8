# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""`GET /api/oauth2/v2/campaigns/{campaign_id}/members`: List a campaign's members.

Scopes: `campaigns.members`; including `address` needs `campaigns.members.address`; `member.email` needs `campaigns.members[email]`; `user.email` needs `campaigns.members[email]`.
Page size (`count`): at most 1000 (500 with `pledge_history` included), 20 when not given.

Typed request builder: `build(...)` returns the `Operation` that `members.list` sends.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from patreon_runtime.names import capped_count, fields_params, included
from patreon_runtime.operation import Operation, joined, path_segment

if TYPE_CHECKING:
    from ...literals import ListCampaignMembersFields, ListCampaignMembersInclude

METHOD = "GET"
# The scopes this call needs, from the spec: read only to explain a 401 or 403 (scope_advice).
SCOPE_RULES = {
    "scopes": ("campaigns.members",),
    "include_scopes": {"address": "campaigns.members.address"},
    "field_scopes": {"member": {"email": "campaigns.members[email]"}, "user": {"email": "campaigns.members[email]"}},
}
# The include paths the spec lists: what `include="all"` sends, and what every other include is checked against.
INCLUDES = ("address", "campaign", "currently_entitled_tiers", "user", "pledge_history")
# Smaller page limits while some include is asked for (`include="all"` asks for all of them).
PAGE_MAX_WITH = {"pledge_history": 500}
# Per `fields[TYPE]`, the attributes the spec lists: what `"all"` sends, and what names are checked against.
FIELDS = {
    "member": (
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
    ),
    "address": (
        "addressee",
        "city",
        "country",
        "created_at",
        "line_1",
        "line_2",
        "phone_number",
        "postal_code",
        "state",
    ),
    "campaign": (
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
    ),
    "tier": (
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
    ),
    "user": (
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
    ),
    "pledge-event": (
        "amount_cents",
        "currency_code",
        "date",
        "payment_status",
        "pledge_payment_status",
        "tier_id",
        "tier_title",
        "type",
    ),
}


def build(
    campaign_id: str,
    *,
    include: Sequence[ListCampaignMembersInclude] | Literal["all"] | None = None,
    fields: ListCampaignMembersFields | Literal["all"] | None = None,
    sort: Sequence[str] | None = None,
    count: int | None = None,
    cursor: str | None = None,
) -> Operation:
    """The `GET /api/oauth2/v2/campaigns/{campaign_id}/members` request; empty lists and None are left out."""
    params: dict[str, str | int] = {}
    if include:
        params["include"] = included("list_campaign_members", include, INCLUDES)
    if fields:
        params.update(fields_params("list_campaign_members", fields, FIELDS))
    if sort:
        params["sort"] = joined(sort)
    if count is not None:
        params["page[count]"] = capped_count(count, params.get("include"), PAGE_MAX_WITH)
    if cursor is not None:
        params["page[cursor]"] = cursor
    return Operation(
        METHOD,
        f"/api/oauth2/v2/campaigns/{path_segment(campaign_id, 'campaign_id')}/members",
        params,
        scope_rules=SCOPE_RULES,
    )
