# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""`GET /api/oauth2/v2/campaigns`: List the campaigns owned by the token's user.

Scopes: `campaigns`.
Page size (`count`): at most 1000, 20 when not given.

Typed request builder: `build(...)` returns the `Operation` that `campaigns.list` sends.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from patreon_runtime.names import fields_params, included
from patreon_runtime.operation import Operation, joined

if TYPE_CHECKING:
    from ...literals import ListCampaignsFields, ListCampaignsInclude

METHOD = "GET"
# The scopes this call needs, from the spec: read only to explain a 401 or 403 (scope_advice).
SCOPE_RULES = {"scopes": ("campaigns",), "include_scopes": {}, "field_scopes": {}}
# The include paths the spec lists: what `include="all"` sends, and what every other include is checked against.
INCLUDES = ("tiers", "creator", "benefits", "goals", "live_access_rules", "tiers.benefits", "tiers.tier_image")
# Per `fields[TYPE]`, the attributes the spec lists: what `"all"` sends, and what names are checked against.
FIELDS = {
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
    "benefit": (
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
    ),
    "goal": ("amount_cents", "completed_percentage", "created_at", "description", "reached_at", "title"),
    "live-access-rule": ("access_rule_type",),
    "media": (
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
    ),
}


def build(
    *,
    include: Sequence[ListCampaignsInclude] | Literal["all"] | None = None,
    fields: ListCampaignsFields | Literal["all"] | None = None,
    sort: Sequence[str] | None = None,
    count: int | None = None,
    cursor: str | None = None,
) -> Operation:
    """The `GET /api/oauth2/v2/campaigns` request; empty lists and None are left out."""
    params: dict[str, str | int] = {}
    if include:
        params["include"] = included("list_campaigns", include, INCLUDES)
    if fields:
        params.update(fields_params("list_campaigns", fields, FIELDS))
    if sort:
        params["sort"] = joined(sort)
    if count is not None:
        params["page[count]"] = count
    if cursor is not None:
        params["page[cursor]"] = cursor
    return Operation(METHOD, "/api/oauth2/v2/campaigns", params, scope_rules=SCOPE_RULES)
