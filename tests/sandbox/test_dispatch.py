"""The sandbox answers every operation of the spec: none falls through to "Unknown operation".

The operations come from the generated operation table (`patreon_generated.schema.ENDPOINTS`),
so an endpoint added to the spec without a sandbox handler fails here, by name.
"""

from __future__ import annotations

import json
import re

import httpx
import pytest

from patreon_generated.schema import ENDPOINTS
from patreon_sandbox import Sandbox
from patreon_sandbox.handler import OPERATIONS


def test_the_dispatch_table_has_one_handler_per_operation_of_the_spec() -> None:
    assert set(ENDPOINTS) - set(OPERATIONS) == set(), "operations of the spec the sandbox cannot answer"
    assert set(OPERATIONS) - set(ENDPOINTS) == set(), "handlers for operations the spec does not have"


def _path(sandbox: Sandbox, template: str) -> tuple[str, bool]:
    """The path with each `{type_id}` filled by an id of that type in the world (or one it lacks),
    and whether every id was found."""
    found = True

    def fill(match: re.Match[str]) -> str:
        nonlocal found
        ids = sorted(i for t, i in sandbox.core.world.entities if t == match.group(1))
        found = found and bool(ids)
        return ids[0] if ids else "0"

    return re.sub(r"\{(\w+)_id\}", fill, template), found


@pytest.mark.parametrize("operation", sorted(ENDPOINTS))
def test_every_operation_of_the_spec_is_answered(operation: str) -> None:
    info = ENDPOINTS[operation]
    with Sandbox(seed=3, members=5, rate_limits=None) as sandbox:
        token = sandbox.creator_token().access_token
        with httpx.Client(transport=sandbox.transport(), base_url=sandbox.base_url) as http:
            path, known = _path(sandbox, info["path"])
            body: dict[str, object] | None = (
                {"data": {}} if info["method"] in {"POST", "PATCH", "PUT"} else None
            )
            response = http.request(
                info["method"],
                path,
                headers={"Authorization": f"Bearer {token}", "User-Agent": "patreonkit-tests"},
                content=json.dumps(body).encode() if body is not None else None,
            )
    # Reached its handler: an answer, or the handler's own typed refusal of this empty body or id.
    assert "Unknown operation" not in response.text, (operation, response.text)
    assert "No route" not in response.text, (operation, response.text)
    assert response.status_code not in {405, 500}, (operation, response.status_code, response.text)
    if info["method"] == "GET" and known:
        assert response.status_code == 200, (operation, response.text)
    elif not known:  # the world has none of that type (no webhook or live yet): the handler says so
        assert response.status_code == 404 and "was not found" in response.text, (operation, response.text)
