# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""`POST /api/oauth2/v2/lives`: Create a live.
Early access.

Scopes: `w:campaigns.lives`.
Not paged.

Typed request builder: `build(...)` returns the `Operation` that `lives.create` sends.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from patreon_runtime.operation import Operation

if TYPE_CHECKING:
    from ...literals import LiveState

METHOD = "POST"
# The scopes this call needs, from the spec: read only to explain a 401 or 403 (scope_advice).
SCOPE_RULES = {"scopes": ("w:campaigns.lives",), "include_scopes": {}, "field_scopes": {}}


def build(
    *,
    state: LiveState,
    title: str | None = None,
    description: str | None = None,
    scheduled_for: dt.datetime | None = None,
    live_access_rule_ids: Sequence[str] | None = None,
) -> Operation:
    """The `POST /api/oauth2/v2/lives` request with its JSON:API body; None leaves a field out."""
    attributes: dict[str, Any] = {}
    attributes["state"] = state
    if title is not None:
        attributes["title"] = title
    if description is not None:
        attributes["description"] = description
    if scheduled_for is not None:
        attributes["scheduled_for"] = scheduled_for.isoformat()
    if live_access_rule_ids is not None:
        attributes["live_access_rule_ids"] = list(live_access_rule_ids)
    data: dict[str, Any] = {"type": "live", "attributes": attributes}
    return Operation(METHOD, "/api/oauth2/v2/lives", None, {"data": data}, "application/json", SCOPE_RULES)
