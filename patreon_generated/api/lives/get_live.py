# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""`GET /api/oauth2/v2/lives/{live_id}`: Fetch one live.
Early access.

Scopes: `campaigns.lives`.
Not paged.

Typed request builder: `build(...)` returns the `Operation` that `lives.get` sends.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from patreon_runtime.names import fields_params, included
from patreon_runtime.operation import Operation, path_segment

if TYPE_CHECKING:
    from ...literals import GetLiveFields, GetLiveInclude

METHOD = "GET"
# The scopes this call needs, from the spec: read only to explain a 401 or 403 (scope_advice).
SCOPE_RULES = {"scopes": ("campaigns.lives",), "include_scopes": {}, "field_scopes": {}}
# The include paths the spec lists: what `include="all"` sends, and what every other include is checked against.
INCLUDES = ("campaign", "live_access_rules")
# Per `fields[TYPE]`, the attributes the spec lists: what `"all"` sends, and what names are checked against.
FIELDS = {
    "live": ("description", "rtmp_url", "scheduled_for", "state", "stream_key", "title"),
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
    "live-access-rule": ("access_rule_type",),
}


def build(
    live_id: str,
    *,
    include: Sequence[GetLiveInclude] | Literal["all"] | None = None,
    fields: GetLiveFields | Literal["all"] | None = None,
) -> Operation:
    """The `GET /api/oauth2/v2/lives/{live_id}` request; empty lists and None are left out."""
    params: dict[str, str | int] = {}
    if include:
        params["include"] = included("get_live", include, INCLUDES)
    if fields:
        params.update(fields_params("get_live", fields, FIELDS))
    return Operation(
        METHOD, f"/api/oauth2/v2/lives/{path_segment(live_id, 'live_id')}", params, scope_rules=SCOPE_RULES
    )
