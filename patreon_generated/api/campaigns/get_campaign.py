# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""`GET /api/oauth2/v2/campaigns/{campaign_id}`: Fetch one campaign.

Scopes: `campaigns`.
Not paged.

Typed request builder: `build(...)` returns the `Operation` that `campaigns.get` sends.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from patreon_runtime.operation import Operation, joined, path_segment

if TYPE_CHECKING:
    from ...literals import GetCampaignFields, GetCampaignInclude

METHOD = "GET"
# The scopes this call needs, from the spec: read only to explain a 401 or 403 (scope_advice).
SCOPE_RULES = {"scopes": ("campaigns",), "include_scopes": {}, "field_scopes": {}}


def build(
    campaign_id: str, *, include: Sequence[GetCampaignInclude] | None = None, fields: GetCampaignFields | None = None
) -> Operation:
    """The `GET /api/oauth2/v2/campaigns/{campaign_id}` request; empty lists and None are left out."""
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
    return Operation(
        METHOD, f"/api/oauth2/v2/campaigns/{path_segment(campaign_id, 'campaign_id')}", params, scope_rules=SCOPE_RULES
    )
