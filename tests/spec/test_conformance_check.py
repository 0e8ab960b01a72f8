"""The suite-wide spec check can fail: it flags answers that break the spec and passes ones that don't."""

from __future__ import annotations

import json
from typing import Any

import httpx

from ..spec_conformance import is_checkable, problem

URL = "https://sandbox.patreon.test/api/oauth2/v2/members/m-1"


def exchange(
    status: int, body: Any, content_type: str = "application/json"
) -> tuple[httpx.Request, httpx.Response]:
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    return httpx.Request("GET", URL), httpx.Response(
        status, headers={"content-type": content_type}, content=content
    )


def test_a_conforming_member_document_passes() -> None:
    good = {
        "data": {"type": "member", "id": "m-1", "attributes": {"full_name": "Ada", "patron_status": None}}
    }
    assert problem(*exchange(200, good)) is None


def test_a_wrong_type_or_shape_is_flagged() -> None:
    wrong_type = {"data": {"type": "member", "id": "m-1", "attributes": {"full_name": 5}}}
    assert problem(*exchange(200, wrong_type)) is not None
    numeric_id = {"data": {"type": "member", "id": 1}}
    assert problem(*exchange(200, numeric_id)) is not None
    error_status_not_string = {"errors": [{"status": 404, "code_name": "NotFound"}]}
    assert problem(*exchange(404, error_status_not_string)) is not None


def test_faults_are_not_checked() -> None:
    assert not is_checkable(*exchange(502, b"<html>502</html>", "text/html"))
    assert not is_checkable(*exchange(200, b'{"data": [', "application/json"))
    assert is_checkable(*exchange(200, {"data": {"type": "member", "id": "m-1"}}))


CAMPAIGN_URL = "https://sandbox.patreon.test/api/oauth2/v2/campaigns/c-1?include=tiers"


def campaign_with(included: list[dict[str, Any]]) -> tuple[httpx.Request, httpx.Response]:
    body = {
        "data": {
            "type": "campaign",
            "id": "c-1",
            "relationships": {"tiers": {"data": [{"type": "tier", "id": "t-1"}]}},
        },
        "included": included,
        "links": {"self": CAMPAIGN_URL},
    }
    return httpx.Request("GET", CAMPAIGN_URL), httpx.Response(
        200, headers={"content-type": "application/json"}, content=json.dumps(body).encode()
    )


def test_a_malformed_known_resource_in_included_is_flagged() -> None:
    # The same fault is caught in `data`; the catch-all for unknown types must not swallow it here.
    good_tier = {"type": "tier", "id": "t-1", "attributes": {"amount_cents": 100}}
    assert problem(*campaign_with([good_tier])) is None
    string_amount = {"type": "tier", "id": "t-1", "attributes": {"amount_cents": "100"}}
    assert problem(*campaign_with([string_amount])) is not None
    numeric_id_member = {"type": "member", "id": 7}
    assert problem(*campaign_with([numeric_id_member])) is not None


def test_an_unknown_type_in_included_still_passes() -> None:
    installation = {"type": "campaign-installation", "id": "ci-1", "attributes": {"anything": [1, 2]}}
    assert problem(*campaign_with([installation])) is None


def webhooks_with(client: dict[str, Any], linked_as: str) -> tuple[httpx.Request, httpx.Response]:
    url = "https://sandbox.patreon.test/api/oauth2/v2/webhooks?include=client"
    webhook = {
        "type": "webhook",
        "id": "w-1",
        "relationships": {"client": {"data": {"type": linked_as, "id": "9"}}},
    }
    body = {"data": [webhook], "included": [client], "meta": {"pagination": {"total": 1}}}
    return httpx.Request("GET", url), httpx.Response(
        200, headers={"content-type": "application/json"}, content=json.dumps(body).encode()
    )


def test_the_oauth_clients_two_type_strings_are_one_resource() -> None:
    # Both parse as the client they are ([PAT] client, [WP] oauth-client), and link to each other.
    for type_name in ("client", "oauth-client"):
        client = {"type": type_name, "id": "9", "attributes": {"name": "App"}}
        for linked_as in ("client", "oauth-client"):
            assert problem(*webhooks_with(client, linked_as)) is None
        assert problem(*webhooks_with({**client, "attributes": {"name": 5}}, type_name)) is not None


def test_null_links_next_and_null_to_many_data_pass() -> None:
    # to-many data is null when nothing is configured ([PAT] relationships.ts, patreon-api.ts#144)
    body = {
        "data": [{"type": "campaign", "id": "c-1", "relationships": {"tiers": {"data": None}}}],
        "meta": {"pagination": {"total": 1, "cursors": {"next": None}}},
        "links": {"next": None},
    }
    request = httpx.Request("GET", "https://sandbox.patreon.test/api/oauth2/v2/campaigns")
    response = httpx.Response(
        200, headers={"content-type": "application/json"}, content=json.dumps(body).encode()
    )
    assert problem(request, response) is None


def test_token_requests_need_the_fields_of_their_grant() -> None:
    from patreon_spec.conformance import SpecRequest, openapi

    def valid(form: str) -> bool:
        request = httpx.Request(
            "POST",
            "https://www.patreon.com/api/oauth2/token",
            headers={"content-type": "application/x-www-form-urlencoded"},
            content=form.encode(),
        )
        try:
            openapi().validate_request(SpecRequest(request))
        except Exception:
            return False
        return True

    secrets = "client_id=i&client_secret=s"
    assert valid(f"grant_type=refresh_token&refresh_token=r&{secrets}")
    assert not valid(f"grant_type=refresh_token&{secrets}")  # no refresh_token
    assert valid(f"grant_type=authorization_code&code=c&redirect_uri=https%3A%2F%2Fa.test%2Fcb&{secrets}")
    assert not valid(f"grant_type=authorization_code&code=c&{secrets}")  # no redirect_uri [PD _oauth.md]
