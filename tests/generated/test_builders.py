"""The request builders are public and typed, and every client method documents its endpoint.

`patreon_generated.api.<tag>.<operation>.build(...)` returns an `Operation` that any httpx client
turns into the request; the resource methods send exactly that. Their docstrings name the HTTP
method and path, the scopes and the page limits, straight from the spec.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from patreon_generated import AsyncPatreon, Patreon
from patreon_generated.api.members import list_campaign_members
from patreon_generated.api.webhooks import create_webhook, update_webhook
from patreon_generated.schema import ENDPOINTS
from patreon_runtime.operation import Operation

HTTP = httpx.Client(base_url="https://www.patreon.com")


def test_a_builder_makes_the_request_a_client_would_send() -> None:
    operation = list_campaign_members.build(
        "c/1",
        include=["user", "currently_entitled_tiers"],
        fields={"member": ["full_name"], "user": []},
        count=5,
    )
    assert isinstance(operation, Operation)
    request = operation.to_request(HTTP)
    assert request.method == "GET"
    assert request.url.raw_path.split(b"?")[0] == b"/api/oauth2/v2/campaigns/c%2F1/members"
    assert dict(request.url.params) == {
        "include": "user,currently_entitled_tiers",
        "fields[member]": "full_name",
        "page[count]": "5",
    }
    assert "content-type" not in request.headers


def test_write_builders_carry_the_json_api_body() -> None:
    create = create_webhook.build(triggers=["members:create"], uri="https://x.test/h", campaign_id="7")
    body = json.loads(create.to_request(HTTP).content)
    assert body == {
        "data": {
            "type": "webhook",
            "attributes": {"triggers": ["members:create"], "uri": "https://x.test/h"},
            "relationships": {"campaign": {"data": {"type": "campaign", "id": "7"}}},
        }
    }
    update = update_webhook.build("wh-1", paused=True).to_request(HTTP)
    assert update.method == "PATCH"
    assert json.loads(update.content) == {
        "data": {"type": "webhook", "id": "wh-1", "attributes": {"paused": True}}
    }
    assert update.headers["content-type"].startswith("application/")


@pytest.mark.parametrize("client", [Patreon(token="t"), AsyncPatreon(token="t")], ids=["sync", "async"])
@pytest.mark.parametrize("operation_id", sorted(ENDPOINTS))
def test_every_method_documents_method_path_scopes_and_page_limits(client: Any, operation_id: str) -> None:
    info = ENDPOINTS[operation_id]
    header = f"`{info['method']} {info['path']}`"
    documented = [
        method
        for name in ("identity", "campaigns", "members", "posts", "webhooks", "lives")
        for method in vars(type(getattr(client, name))).values()
        if callable(method) and header in (method.__doc__ or "")
    ]
    assert documented, f"no client method documents {header}"
    for method in documented:
        doc = method.__doc__
        for scope in info["scopes"]:
            assert f"`{scope}`" in doc, (operation_id, scope)
        if info["collection"]:
            assert f"at most {info['page_max']}" in doc, operation_id
        else:
            assert "Not paged." in doc, operation_id
