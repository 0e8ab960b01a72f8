"""`sort` on the list endpoints: sent comma-joined, accepted for attributes of the type, 400 otherwise."""

from __future__ import annotations

import httpx
import pytest

from patreon_generated.errors import BadRequestError
from patreon_sandbox import Sandbox
from tests.integration.clients import creator


def test_sort_goes_out_comma_joined_and_unknown_attributes_are_refused() -> None:
    sent: list[httpx.URL] = []
    with Sandbox(seed=5, members=8) as sandbox:
        client = creator(sandbox)
        client.http_client.event_hooks["request"].append(lambda request: sent.append(request.url))
        page = client.members.list(sandbox.campaign_id, sort=["-pledge_relationship_start", "full_name"])
        assert len(page.data) == 8
        assert sent[-1].params["sort"] == "-pledge_relationship_start,full_name"
        with pytest.raises(BadRequestError):
            client.posts.list(sandbox.campaign_id, sort=["no_such_attribute"])
