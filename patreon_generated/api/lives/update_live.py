# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""`PATCH /api/oauth2/v2/lives/{live_id}`: Change a live's state.
Early access.

Scopes: `w:campaigns.lives`.
Not paged.

Typed request builder: `build(...)` returns the `Operation` that `lives.update` sends.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from patreon_runtime.operation import Operation, path_segment

if TYPE_CHECKING:
    from ...literals import LiveState

METHOD = "PATCH"
# The scopes this call needs, from the spec: read only to explain a 401 or 403 (scope_advice).
SCOPE_RULES = {"scopes": ("w:campaigns.lives",), "include_scopes": {}, "field_scopes": {}}


def build(live_id: str, *, state: LiveState) -> Operation:
    """The `PATCH /api/oauth2/v2/lives/{live_id}` request with its JSON:API body; None leaves a field out."""
    attributes: dict[str, Any] = {}
    attributes["state"] = state
    data: dict[str, Any] = {"type": "live", "id": live_id, "attributes": attributes}
    return Operation(
        METHOD,
        f"/api/oauth2/v2/lives/{path_segment(live_id, 'live_id')}",
        None,
        {"data": data},
        "application/json",
        SCOPE_RULES,
    )
