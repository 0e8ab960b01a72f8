# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""`DELETE /api/oauth2/v2/lives/{live_id}`: Delete a live.
Early access.

Scopes: `w:campaigns.lives`.
Not paged.

Typed request builder: `build(...)` returns the `Operation` that `lives.delete` sends.
"""

from __future__ import annotations

from patreon_runtime.operation import Operation, path_segment

METHOD = "DELETE"
# The scopes this call needs, from the spec: read only to explain a 401 or 403 (scope_advice).
SCOPE_RULES = {"scopes": ("w:campaigns.lives",), "include_scopes": {}, "field_scopes": {}}


def build(live_id: str) -> Operation:
    """The `DELETE /api/oauth2/v2/lives/{live_id}` request."""
    return Operation(METHOD, f"/api/oauth2/v2/lives/{path_segment(live_id, 'live_id')}", scope_rules=SCOPE_RULES)
