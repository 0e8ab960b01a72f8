# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""`DELETE /api/oauth2/v2/webhooks/{webhook_id}`: Delete a webhook.

Scopes: `w:campaigns.webhook`.
Not paged.

Typed request builder: `build(...)` returns the `Operation` that `webhooks.delete` sends.
"""

from __future__ import annotations

from patreon_runtime.operation import Operation, path_segment

METHOD = "DELETE"


def build(webhook_id: str) -> Operation:
    """The `DELETE /api/oauth2/v2/webhooks/{webhook_id}` request."""
    return Operation(METHOD, f"/api/oauth2/v2/webhooks/{path_segment(webhook_id, 'webhook_id')}")
