"""Which scopes a request needs, from the generated schema table, and an opt-in check before sending.

Scopes come from the endpoint itself and from the endpoint's scope rules (spec:
`x-patreon-scope-rules`, each with its source): the same field can need different scopes on
different endpoints. `user.email` needs `identity[email]` on /identity but
`campaigns.members[email]` on the member routes ([PD _endpoints_v2.md]; [PAT]
rest/v2/oauth2/scopes.ts), and `member.email` needs `campaigns.members[email]` everywhere,
/identity's memberships included ([PD _resources_v2.md] Member table).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from patreon_auth.errors import MissingScopeError
from patreon_auth.token import Token

# One rule for include paths, shared with the 401/403 advice (patreon_runtime.scope_advice).
from patreon_runtime.scope_advice import how_to_get, include_scope

__all__ = ["check_scopes", "include_scope", "operation_for", "required_scopes"]


def operation_for(method: str, path: str) -> str | None:
    """The operation id of a request, or None for paths the spec does not describe."""
    from patreon_generated.routing import match

    found = match(method, path)
    return found[0] if isinstance(found, tuple) else None


def required_scopes(
    method: str, path: str, params: Mapping[str, str], *, advisory: bool = True
) -> frozenset[str]:
    """The scopes Patreon needs to answer this request in full.

    `advisory=False` leaves out the scopes Patreon answers without (it leaves that data out):
    `memberships.campaign` on /identity, which Patreon's own plugin asks for with only
    `identity identity[email]` [WP fetch_user].
    """
    from patreon_generated.schema import ENDPOINTS
    from patreon_runtime.scope_advice import scopes_needed

    operation_id = operation_for(method, path)
    if operation_id is None:
        return frozenset()
    info: Mapping[str, Any] = ENDPOINTS[operation_id]
    if not advisory:
        rules = {
            path: scope
            for path, scope in info["include_scopes"].items()
            if path not in info["advisory_includes"]
        }
        info = {**info, "include_scopes": rules}
    return scopes_needed(info, params)


def check_scopes(token: Token, method: str, path: str, params: Mapping[str, str]) -> None:
    """Raise MissingScopeError when the token's granted scopes lack what the request needs.

    Advisory scopes (Patreon answers without them) never refuse a call. A token without recorded
    scopes (a creator token pasted from the portal, which has every v2 scope [PD _oauth_v2.md]) is
    not checked.
    """
    if not token.scope:
        return
    missing = required_scopes(method, path, params, advisory=False) - token.scope
    if missing:
        raise MissingScopeError(
            f"this call needs scopes the token was not granted: {', '.join(sorted(missing))}; "
            + how_to_get(missing),
            missing=frozenset(missing),
        )
