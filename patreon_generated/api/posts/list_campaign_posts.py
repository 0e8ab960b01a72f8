# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""`GET /api/oauth2/v2/campaigns/{campaign_id}/posts`: List a campaign's posts.

Scopes: `campaigns.posts`.
Page size (`count`): at most 1000, 20 when not given.

Typed request builder: `build(...)` returns the `Operation` that `posts.list` sends.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from patreon_runtime.names import fields_params, included
from patreon_runtime.operation import Operation, joined, path_segment

if TYPE_CHECKING:
    from ...literals import ListCampaignPostsFields, ListCampaignPostsInclude

METHOD = "GET"
# The scopes this call needs, from the spec: read only to explain a 401 or 403 (scope_advice).
SCOPE_RULES = {"scopes": ("campaigns.posts",), "include_scopes": {}, "field_scopes": {}}
# The include paths the spec lists: what `include="all"` sends, and what every other include is checked against.
INCLUDES = ("user", "campaign")
# Per `fields[TYPE]`, the attributes the spec lists: what `"all"` sends, and what names are checked against.
FIELDS = {
    "post": (
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
}


def build(
    campaign_id: str,
    *,
    include: Sequence[ListCampaignPostsInclude] | Literal["all"] | None = None,
    fields: ListCampaignPostsFields | Literal["all"] | None = None,
    sort: Sequence[str] | None = None,
    count: int | None = None,
    cursor: str | None = None,
) -> Operation:
    """The `GET /api/oauth2/v2/campaigns/{campaign_id}/posts` request; empty lists and None are left out."""
    params: dict[str, str | int] = {}
    if include:
        params["include"] = included("list_campaign_posts", include, INCLUDES)
    if fields:
        params.update(fields_params("list_campaign_posts", fields, FIELDS))
    if sort:
        params["sort"] = joined(sort)
    if count is not None:
        params["page[count]"] = count
    if cursor is not None:
        params["page[cursor]"] = cursor
    return Operation(
        METHOD,
        f"/api/oauth2/v2/campaigns/{path_segment(campaign_id, 'campaign_id')}/posts",
        params,
        scope_rules=SCOPE_RULES,
    )
