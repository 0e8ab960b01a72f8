# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""`PATCH /api/oauth2/v2/webhooks/{webhook_id}`: Update a webhook.

Scopes: `w:campaigns.webhook`.
Not paged.

Typed request builder: `build(...)` returns the `Operation` that `webhooks.update` sends.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from patreon_runtime.operation import Operation, path_segment

if TYPE_CHECKING:
    from ...literals import WebhookTrigger

METHOD = "PATCH"
# The scopes this call needs, from the spec: read only to explain a 401 or 403 (scope_advice).
SCOPE_RULES = {"scopes": ("w:campaigns.webhook",), "include_scopes": {}, "field_scopes": {}}


def build(
    webhook_id: str,
    *,
    triggers: Sequence[WebhookTrigger] | None = None,
    uri: str | None = None,
    paused: bool | None = None,
) -> Operation:
    """The `PATCH /api/oauth2/v2/webhooks/{webhook_id}` request with its JSON:API body; None leaves a field out."""
    attributes: dict[str, Any] = {}
    if triggers is not None:
        attributes["triggers"] = list(triggers)
    if uri is not None:
        attributes["uri"] = uri
    if paused is not None:
        attributes["paused"] = paused
    data: dict[str, Any] = {"type": "webhook", "id": webhook_id, "attributes": attributes}
    return Operation(
        METHOD,
        f"/api/oauth2/v2/webhooks/{path_segment(webhook_id, 'webhook_id')}",
        None,
        {"data": data},
        "application/json",
        SCOPE_RULES,
    )
