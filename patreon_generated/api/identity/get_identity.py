# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""`GET /api/oauth2/v2/identity`: Fetch the user behind the token.

Scopes: `identity`; including `campaign` needs `campaigns`; including `memberships.campaign` needs `campaigns` (without it Patreon leaves that data out); `user.email` needs `identity[email]`; `member.email` needs `campaigns.members[email]`.
Not paged.

Typed request builder: `build(...)` returns the `Operation` that `identity.get` sends.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from patreon_runtime.names import fields_params, included
from patreon_runtime.operation import Operation

if TYPE_CHECKING:
    from ...literals import GetIdentityFields, GetIdentityInclude

METHOD = "GET"
# The scopes this call needs, from the spec: read only to explain a 401 or 403 (scope_advice).
SCOPE_RULES = {
    "scopes": ("identity",),
    "include_scopes": {"campaign": "campaigns", "memberships.campaign": "campaigns"},
    "field_scopes": {"user": {"email": "identity[email]"}, "member": {"email": "campaigns.members[email]"}},
}
# The include paths the spec lists: what `include="all"` sends, and what every other include is checked against.
INCLUDES = ("memberships", "campaign", "memberships.campaign", "memberships.currently_entitled_tiers")
# Per `fields[TYPE]`, the attributes the spec lists: what `"all"` sends, and what names are checked against.
FIELDS = {
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
}


def build(
    *,
    include: Sequence[GetIdentityInclude] | Literal["all"] | None = None,
    fields: GetIdentityFields | Literal["all"] | None = None,
) -> Operation:
    """The `GET /api/oauth2/v2/identity` request; empty lists and None are left out."""
    params: dict[str, str | int] = {}
    if include:
        params["include"] = included("get_identity", include, INCLUDES)
    if fields:
        params.update(fields_params("get_identity", fields, FIELDS))
    return Operation(METHOD, "/api/oauth2/v2/identity", params, scope_rules=SCOPE_RULES)
