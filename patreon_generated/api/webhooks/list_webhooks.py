# DO NOT EDIT: generated from spec/patreon-v2.yaml by `make generate` (generator/).
# Change the spec or the generator and regenerate; CI fails on any hand edit.
"""`GET /api/oauth2/v2/webhooks`: List this client's webhooks.

Scopes: `w:campaigns.webhook`.
Page size (`count`): at most 1000, 20 when not given.

Typed request builder: `build(...)` returns the `Operation` that `webhooks.list` sends.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from patreon_runtime.operation import Operation, joined

if TYPE_CHECKING:
    from ...literals import ListWebhooksFields, ListWebhooksInclude

METHOD = "GET"
# The scopes this call needs, from the spec: read only to explain a 401 or 403 (scope_advice).
SCOPE_RULES = {"scopes": ("w:campaigns.webhook",), "include_scopes": {}, "field_scopes": {}}


def build(
    *,
    include: Sequence[ListWebhooksInclude] | None = None,
    fields: ListWebhooksFields | None = None,
    sort: Sequence[str] | None = None,
    count: int | None = None,
    cursor: str | None = None,
) -> Operation:
    """The `GET /api/oauth2/v2/webhooks` request; empty lists and None are left out."""
    params: dict[str, str | int] = {}
    if include:
        params["include"] = joined(include)
    if fields and (fields_webhook := fields.get("webhook")):
        params["fields[webhook]"] = joined(fields_webhook)
    if fields and (fields_client := fields.get("client")):
        params["fields[client]"] = joined(fields_client)
    if fields and (fields_campaign := fields.get("campaign")):
        params["fields[campaign]"] = joined(fields_campaign)
    if sort:
        params["sort"] = joined(sort)
    if count is not None:
        params["page[count]"] = count
    if cursor is not None:
        params["page[cursor]"] = cursor
    return Operation(METHOD, "/api/oauth2/v2/webhooks", params, scope_rules=SCOPE_RULES)
