# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""`GET /api/oauth2/v2/campaigns`: List the campaigns owned by the token's user.

Scopes: `campaigns`.
Page size (`count`): at most 1000, 20 when not given.

Typed request builder: `build(...)` returns the `Operation` that `campaigns.list` sends.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from patreon_runtime.operation import Operation, joined

if TYPE_CHECKING:
    from ...literals import ListCampaignsFields, ListCampaignsInclude

METHOD = "GET"
# The scopes this call needs, from the spec: read only to explain a 401 or 403 (scope_advice).
SCOPE_RULES = {"scopes": ("campaigns",), "include_scopes": {}, "field_scopes": {}}


def build(
    *,
    include: Sequence[ListCampaignsInclude] | None = None,
    fields: ListCampaignsFields | None = None,
    sort: Sequence[str] | None = None,
    count: int | None = None,
    cursor: str | None = None,
) -> Operation:
    """The `GET /api/oauth2/v2/campaigns` request; empty lists and None are left out."""
    params: dict[str, str | int] = {}
    if include:
        params["include"] = joined(include)
    if fields and (fields_campaign := fields.get("campaign")):
        params["fields[campaign]"] = joined(fields_campaign)
    if fields and (fields_tier := fields.get("tier")):
        params["fields[tier]"] = joined(fields_tier)
    if fields and (fields_user := fields.get("user")):
        params["fields[user]"] = joined(fields_user)
    if fields and (fields_benefit := fields.get("benefit")):
        params["fields[benefit]"] = joined(fields_benefit)
    if fields and (fields_goal := fields.get("goal")):
        params["fields[goal]"] = joined(fields_goal)
    if fields and (fields_live_access_rule := fields.get("live-access-rule")):
        params["fields[live-access-rule]"] = joined(fields_live_access_rule)
    if fields and (fields_media := fields.get("media")):
        params["fields[media]"] = joined(fields_media)
    if sort:
        params["sort"] = joined(sort)
    if count is not None:
        params["page[count]"] = count
    if cursor is not None:
        params["page[cursor]"] = cursor
    return Operation(METHOD, "/api/oauth2/v2/campaigns", params, scope_rules=SCOPE_RULES)
