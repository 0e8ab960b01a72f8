"""The spec fixes from the audit: each one checked where it shows (spec, generated code, sandbox)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import patreon_generated
from patreon_generated import Patreon
from patreon_generated.errors import PermissionDeniedError
from patreon_generated.schema import ENDPOINTS, RESOURCE_TYPES
from patreon_sandbox import Sandbox

from .maintainer import load

PACKAGE = Path(patreon_generated.__file__).resolve().parent


def test_the_package_docstring_names_the_real_import() -> None:
    assert patreon_generated.__doc__ is not None
    assert "`from patreon_generated import Patreon, AsyncPatreon`" in patreon_generated.__doc__
    # The generator's default name (from the spec's title) appears nowhere in the output.
    assert not [p.name for p in PACKAGE.rglob("*.py") if "patreon_api_v_2_client" in p.read_text()]


def test_the_shared_error_answers_are_components_not_copies() -> None:
    spec = load()
    shared = {"429": "TooManyRequests", "4XX": "ClientError", "5XX": "ServerError"}
    for path, item in spec["paths"].items():
        if not path.startswith("/api/oauth2/v2/"):
            continue
        for method, operation in item.items():
            for code, name in shared.items():
                answer: dict[str, Any] = operation["responses"][code]
                assert answer == {"$ref": f"#/components/responses/{name}"}, (method, path, code)
    assert "Retry-After" in spec["components"]["responses"]["TooManyRequests"]["headers"]


def test_sort_is_marked_as_an_assumption() -> None:
    spec = load()
    assert "[A:sort-v2]" in spec["components"]["parameters"]["Sort"]["description"]
    assert "v1 pledges only" in spec["info"]["x-patreon-assumptions"]["sort-v2"]


def test_the_nullability_of_user_vanity_and_webhook_last_attempted_at_is_cited() -> None:
    schemas = load()["components"]["schemas"]
    vanity = schemas["UserAttributes"]["properties"]["vanity"]["description"]
    attempted = schemas["WebhookAttributes"]["properties"]["last_attempted_at"]["description"]
    assert "[PAT] src/schemas/v2/resources/user.ts" in vanity
    assert "[PD _webhooks_v2.md]" in attempted
    assert RESOURCE_TYPES["user"]["attributes"]["vanity"]["nullable"]
    assert RESOURCE_TYPES["webhook"]["attributes"]["last_attempted_at"]["nullable"]


def test_member_email_on_identity_needs_the_member_email_scope() -> None:
    assert ENDPOINTS["get_identity"]["field_scopes"]["member"] == {"email": "campaigns.members[email]"}
    with Sandbox(seed=3, members=5) as sandbox:
        patron = next(user for user in sandbox.users if not user.is_creator)

        def client(*scopes: str) -> Patreon:
            token = sandbox.user_token(patron, scopes=list(scopes)).access_token
            return Patreon(
                token=token, transport=sandbox.transport(), base_url=sandbox.base_url, max_retries=0
            )

        with pytest.raises(PermissionDeniedError) as refused:
            client("identity").identity.get(include=["memberships"], fields={"member": ["email"]})
        assert refused.value.missing_scopes == {"campaigns.members[email]"}
        allowed = client("identity", "identity.memberships", "campaigns.members[email]")
        document = allowed.identity.get(include=["memberships"], fields={"member": ["email"]})
        assert document.data.type == "user"
