# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""`GET /api/oauth2/v2/webhooks`: List this client's webhooks.

Scopes: `w:campaigns.webhook`.
Page size (`count`): at most 1000, 20 when not given.

Typed request builder: `build(...)` returns the `Operation` that `webhooks.list` sends.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from patreon_runtime.names import fields_params, included
from patreon_runtime.operation import Operation, joined

if TYPE_CHECKING:
    from ...literals import ListWebhooksFields, ListWebhooksInclude

METHOD = "GET"
# The scopes this call needs, from the spec: read only to explain a 401 or 403 (scope_advice).
SCOPE_RULES = {"scopes": ("w:campaigns.webhook",), "include_scopes": {}, "field_scopes": {}}
# The include paths the spec lists: what `include="all"` sends, and what every other include is checked against.
INCLUDES = ("client", "campaign")
# Per `fields[TYPE]`, the attributes the spec lists: what `"all"` sends, and what names are checked against.
FIELDS = {
    "webhook": ("last_attempted_at", "num_consecutive_times_failed", "paused", "secret", "triggers", "uri"),
    "client": (
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
    *,
    include: Sequence[ListWebhooksInclude] | Literal["all"] | None = None,
    fields: ListWebhooksFields | Literal["all"] | None = None,
    sort: Sequence[str] | None = None,
    count: int | None = None,
    cursor: str | None = None,
) -> Operation:
    """The `GET /api/oauth2/v2/webhooks` request; empty lists and None are left out."""
    params: dict[str, str | int] = {}
    if include:
        params["include"] = included("list_webhooks", include, INCLUDES)
    if fields:
        params.update(fields_params("list_webhooks", fields, FIELDS))
    if sort:
        params["sort"] = joined(sort)
    if count is not None:
        params["page[count]"] = count
    if cursor is not None:
        params["page[cursor]"] = cursor
    return Operation(METHOD, "/api/oauth2/v2/webhooks", params, scope_rules=SCOPE_RULES)
