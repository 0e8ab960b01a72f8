# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""`GET /api/oauth2/v2/members/{member_id}`: Fetch one member.

Scopes: `campaigns.members`; including `address` needs `campaigns.members.address`; `member.email` needs `campaigns.members[email]`; `user.email` needs `campaigns.members[email]`.
Not paged.

Typed request builder: `build(...)` returns the `Operation` that `members.get` sends.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from patreon_runtime.operation import Operation, joined, path_segment

if TYPE_CHECKING:
    from ...literals import GetMemberFields, GetMemberInclude

METHOD = "GET"
# The scopes this call needs, from the spec: read only to explain a 401 or 403 (scope_advice).
SCOPE_RULES = {
    "scopes": ("campaigns.members",),
    "include_scopes": {"address": "campaigns.members.address"},
    "field_scopes": {"member": {"email": "campaigns.members[email]"}, "user": {"email": "campaigns.members[email]"}},
}


def build(
    member_id: str, *, include: Sequence[GetMemberInclude] | None = None, fields: GetMemberFields | None = None
) -> Operation:
    """The `GET /api/oauth2/v2/members/{member_id}` request; empty lists and None are left out."""
    params: dict[str, str | int] = {}
    if include:
        params["include"] = joined(include)
    if fields and (fields_member := fields.get("member")):
        params["fields[member]"] = joined(fields_member)
    if fields and (fields_address := fields.get("address")):
        params["fields[address]"] = joined(fields_address)
    if fields and (fields_campaign := fields.get("campaign")):
        params["fields[campaign]"] = joined(fields_campaign)
    if fields and (fields_tier := fields.get("tier")):
        params["fields[tier]"] = joined(fields_tier)
    if fields and (fields_user := fields.get("user")):
        params["fields[user]"] = joined(fields_user)
    if fields and (fields_pledge_event := fields.get("pledge-event")):
        params["fields[pledge-event]"] = joined(fields_pledge_event)
    return Operation(
        METHOD, f"/api/oauth2/v2/members/{path_segment(member_id, 'member_id')}", params, scope_rules=SCOPE_RULES
    )
