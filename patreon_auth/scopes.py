"""Which scopes a request needs, from the generated schema table, and an opt-in check before sending.

Scopes come from three places [PD _oauth_v2.md scopes table]: the endpoint itself, some includes
(`address` needs `campaigns.members.address`), and some attributes (`member.email` needs
`campaigns.members[email]`, `user.email` on /identity needs `identity[email]`).
"""

from __future__ import annotations

from collections.abc import Mapping

from patreon_auth.errors import MissingScopeError
from patreon_auth.token import Token


def operation_for(method: str, path: str) -> str | None:
    """The operation id of a request, or None for paths the spec does not describe."""
    from patreon_generated.routing import match

    found = match(method, path)
    return found[0] if isinstance(found, tuple) else None


def required_scopes(method: str, path: str, params: Mapping[str, str]) -> frozenset[str]:
    """The scopes Patreon needs to answer this request in full."""
    from patreon_generated.schema import ENDPOINTS, RESOURCE_TYPES

    operation_id = operation_for(method, path)
    if operation_id is None:
        return frozenset()
    info = ENDPOINTS[operation_id]
    needed = set(info["scopes"])
    for include in filter(None, (params.get("include") or "").split(",")):
        scope = info["include_scopes"].get(include)
        if scope:
            needed.add(scope)
    for key, value in params.items():
        if not (key.startswith("fields[") and key.endswith("]")):
            continue
        type_info = RESOURCE_TYPES.get(key[len("fields[") : -1])
        if type_info is None:
            continue
        for name in filter(None, value.split(",")):
            attribute = type_info["attributes"].get(name)
            if attribute and attribute["scope"]:
                needed.add(attribute["scope"])
    return frozenset(needed)


def check_scopes(token: Token, method: str, path: str, params: Mapping[str, str]) -> None:
    """Raise MissingScopeError when the token's granted scopes lack what the request needs.

    A token without recorded scopes (a creator token pasted from the portal, which has every v2
    scope [PD _oauth_v2.md]) is not checked.
    """
    if not token.scope:
        return
    missing = required_scopes(method, path, params) - token.scope
    if missing:
        raise MissingScopeError(
            f"this call needs scopes the token was not granted: {', '.join(sorted(missing))}",
            missing=frozenset(missing),
        )
