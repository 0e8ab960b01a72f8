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
from typing import TYPE_CHECKING

from patreon_runtime.operation import Operation, joined, path_segment

if TYPE_CHECKING:
    from ...literals import GetLiveFields, GetLiveInclude

METHOD = "GET"
# The scopes this call needs, from the spec: read only to explain a 401 or 403 (scope_advice).
SCOPE_RULES = {"scopes": ("campaigns.lives",), "include_scopes": {}, "field_scopes": {}}


def build(
    live_id: str, *, include: Sequence[GetLiveInclude] | None = None, fields: GetLiveFields | None = None
) -> Operation:
    """The `GET /api/oauth2/v2/lives/{live_id}` request; empty lists and None are left out."""
    params: dict[str, str | int] = {}
    if include:
        params["include"] = joined(include)
    if fields and (fields_live := fields.get("live")):
        params["fields[live]"] = joined(fields_live)
    if fields and (fields_campaign := fields.get("campaign")):
        params["fields[campaign]"] = joined(fields_campaign)
    if fields and (fields_live_access_rule := fields.get("live-access-rule")):
        params["fields[live-access-rule]"] = joined(fields_live_access_rule)
    return Operation(
        METHOD, f"/api/oauth2/v2/lives/{path_segment(live_id, 'live_id')}", params, scope_rules=SCOPE_RULES
    )
