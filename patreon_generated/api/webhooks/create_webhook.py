# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""`POST /api/oauth2/v2/webhooks`: Create a webhook.

Scopes: `w:campaigns.webhook`.
Not paged.

Typed request builder: `build(...)` returns the `Operation` that `webhooks.create` sends.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from patreon_runtime.operation import Operation

if TYPE_CHECKING:
    from ...literals import WebhookTrigger

METHOD = "POST"
# The scopes this call needs, from the spec: read only to explain a 401 or 403 (scope_advice).
SCOPE_RULES = {"scopes": ("w:campaigns.webhook",), "include_scopes": {}, "field_scopes": {}}


def build(*, triggers: Sequence[WebhookTrigger], uri: str, campaign_id: str) -> Operation:
    """The `POST /api/oauth2/v2/webhooks` request with its JSON:API body; None leaves a field out."""
    attributes: dict[str, Any] = {}
    relationships: dict[str, Any] = {}
    attributes["triggers"] = list(triggers)
    attributes["uri"] = uri
    relationships["campaign"] = {"data": {"type": "campaign", "id": campaign_id}}
    data: dict[str, Any] = {"type": "webhook", "attributes": attributes}
    if relationships:
        data["relationships"] = relationships
    return Operation(METHOD, "/api/oauth2/v2/webhooks", None, {"data": data}, "application/json", SCOPE_RULES)
