# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""`GET /api/oauth2/v2/campaigns/{campaign_id}/posts`: List a campaign's posts.

Scopes: `campaigns.posts`.
Page size (`count`): at most 1000, 20 when not given.

Typed request builder: `build(...)` returns the `Operation` that `posts.list` sends.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from patreon_runtime.operation import Operation, joined, path_segment

if TYPE_CHECKING:
    from ...literals import ListCampaignPostsFields, ListCampaignPostsInclude

METHOD = "GET"
# The scopes this call needs, from the spec: read only to explain a 401 or 403 (scope_advice).
SCOPE_RULES = {"scopes": ("campaigns.posts",), "include_scopes": {}, "field_scopes": {}}


def build(
    campaign_id: str,
    *,
    include: Sequence[ListCampaignPostsInclude] | None = None,
    fields: ListCampaignPostsFields | None = None,
    sort: Sequence[str] | None = None,
    count: int | None = None,
    cursor: str | None = None,
) -> Operation:
    """The `GET /api/oauth2/v2/campaigns/{campaign_id}/posts` request; empty lists and None are left out."""
    params: dict[str, str | int] = {}
    if include:
        params["include"] = joined(include)
    if fields and (fields_post := fields.get("post")):
        params["fields[post]"] = joined(fields_post)
    if fields and (fields_user := fields.get("user")):
        params["fields[user]"] = joined(fields_user)
    if fields and (fields_campaign := fields.get("campaign")):
        params["fields[campaign]"] = joined(fields_campaign)
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
