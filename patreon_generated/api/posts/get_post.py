# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""`GET /api/oauth2/v2/posts/{post_id}`: Fetch one post.

Scopes: `campaigns.posts`.
Not paged.

Typed request builder: `build(...)` returns the `Operation` that `posts.get` sends.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from patreon_runtime.names import fields_params, included
from patreon_runtime.operation import Operation, path_segment

if TYPE_CHECKING:
    from ...literals import GetPostFields, GetPostInclude

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
    post_id: str,
    *,
    include: Sequence[GetPostInclude] | Literal["all"] | None = None,
    fields: GetPostFields | Literal["all"] | None = None,
) -> Operation:
    """The `GET /api/oauth2/v2/posts/{post_id}` request; empty lists and None are left out."""
    params: dict[str, str | int] = {}
    if include:
        params["include"] = included("get_post", include, INCLUDES)
    if fields:
        params.update(fields_params("get_post", fields, FIELDS))
    return Operation(
        METHOD, f"/api/oauth2/v2/posts/{path_segment(post_id, 'post_id')}", params, scope_rules=SCOPE_RULES
    )
