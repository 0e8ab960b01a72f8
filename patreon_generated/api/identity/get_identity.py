# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""`GET /api/oauth2/v2/identity`: Fetch the user behind the token.

Scopes: `identity`; including `campaign` needs `campaigns`; including `memberships.campaign` needs `campaigns` (without it Patreon leaves that data out); `user.email` needs `identity[email]`.
Not paged.

Typed request builder: `build(...)` returns the `Operation` that `identity.get` sends.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from patreon_runtime.operation import Operation, joined

if TYPE_CHECKING:
    from ...literals import GetIdentityFields, GetIdentityInclude

METHOD = "GET"
# The scopes this call needs, from the spec: read only to explain a 401 or 403 (scope_advice).
SCOPE_RULES = {
    "scopes": ("identity",),
    "include_scopes": {"campaign": "campaigns", "memberships.campaign": "campaigns"},
    "field_scopes": {"user": {"email": "identity[email]"}},
}


def build(*, include: Sequence[GetIdentityInclude] | None = None, fields: GetIdentityFields | None = None) -> Operation:
    """The `GET /api/oauth2/v2/identity` request; empty lists and None are left out."""
    params: dict[str, str | int] = {}
    if include:
        params["include"] = joined(include)
    if fields and (fields_user := fields.get("user")):
        params["fields[user]"] = joined(fields_user)
    if fields and (fields_member := fields.get("member")):
        params["fields[member]"] = joined(fields_member)
    if fields and (fields_campaign := fields.get("campaign")):
        params["fields[campaign]"] = joined(fields_campaign)
    if fields and (fields_tier := fields.get("tier")):
        params["fields[tier]"] = joined(fields_tier)
    return Operation(METHOD, "/api/oauth2/v2/identity", params, scope_rules=SCOPE_RULES)
