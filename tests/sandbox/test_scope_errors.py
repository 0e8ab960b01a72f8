"""A 401 or 403 for a missing scope names the scope and how to get it, on the sandbox.

Patreon answers 401 for a token without the endpoint's scope [PD _errors.md] and (as the sandbox
does) 403 for an include or field whose scope is missing. The error adds which scope, and the two
ways to get it: authorize again asking for it, or use the creator token from the portal, which
has every scope [PD _clients.md]. A scenario both clients share runs under the `mode` fixture.
"""

from __future__ import annotations

import pytest

from patreon_auth import PatreonCreatorClient
from patreon_auth.errors import (
    AuthenticationError,
    MissingScopeError,
    PermissionDeniedError,
)
from patreon_generated import AsyncPatreon, Patreon
from patreon_runtime.error_mapping import status_error
from patreon_sandbox import Sandbox
from tests.modes import ModeDriver

REMEDY = ("authorize again asking for", "creator access token from the developer portal", "every scope")


def client_with(sandbox: Sandbox, scopes: list[str]) -> Patreon:
    token = sandbox.creator_token(scopes=scopes)
    return Patreon(
        token=token.access_token, transport=sandbox.transport(), base_url=sandbox.base_url, max_retries=0
    )


def assert_says_how(message: str, scope: str) -> None:
    assert f"The token lacks {scope!r}" in message
    assert all(part in message for part in REMEDY), message


def test_a_401_for_the_endpoint_scope_names_it(mode: ModeDriver, sandbox: Sandbox) -> None:
    token = sandbox.creator_token(scopes=["identity", "campaigns"])
    client = mode.new(
        (Patreon, AsyncPatreon),
        token=token.access_token,
        transport=mode.pick(sandbox.transport(), sandbox.async_transport()),
        base_url=sandbox.base_url,
        max_retries=0,
    )
    with mode.using(client), pytest.raises(AuthenticationError) as caught:
        mode.run(client.webhooks.list())
    assert caught.value.missing_scopes == {"w:campaigns.webhook"}
    assert caught.value.needed_scopes == {"w:campaigns.webhook"}
    assert_says_how(str(caught.value), "w:campaigns.webhook")


def test_a_403_for_an_include_names_its_scope(sandbox: Sandbox) -> None:
    client = client_with(sandbox, ["identity", "campaigns", "campaigns.members"])
    with pytest.raises(PermissionDeniedError) as caught:
        client.members.list(sandbox.campaign_id, include=["address"])
    assert caught.value.missing_scopes == {"campaigns.members.address"}
    assert caught.value.needed_scopes == {"campaigns.members", "campaigns.members.address"}
    assert_says_how(str(caught.value), "campaigns.members.address")


def test_a_403_for_a_field_names_its_scope(sandbox: Sandbox) -> None:
    client = client_with(sandbox, ["identity", "campaigns", "campaigns.members"])
    with pytest.raises(PermissionDeniedError) as caught:
        client.members.list(sandbox.campaign_id, fields={"member": ["email"]})
    assert caught.value.missing_scopes == {"campaigns.members[email]"}
    assert_says_how(str(caught.value), "campaigns.members[email]")


def test_a_401_that_names_no_scope_lists_what_the_call_needs(sandbox: Sandbox) -> None:
    """A bad token: the error cannot know it is not a scope, so it says both, scope last."""
    bogus = Patreon(
        token="not-a-token", transport=sandbox.transport(), base_url=sandbox.base_url, max_retries=0
    )
    with pytest.raises(AuthenticationError) as caught:
        bogus.members.list(sandbox.campaign_id)
    message = str(caught.value)
    assert caught.value.missing_scopes == frozenset()
    assert "invalid, expired or revoked, or lacks a scope this call needs ('campaigns.members')" in message
    assert all(part in message for part in REMEDY)


def test_the_check_before_sending_gives_the_same_remedy(sandbox: Sandbox) -> None:
    token = sandbox.creator_token(scopes=["identity", "campaigns"])
    with PatreonCreatorClient(
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        token=token,
        transport=sandbox.transport(),
        base_url=sandbox.base_url,
        check_scopes=True,
    ) as client:
        before = sandbox.stats.api_requests
        with pytest.raises(MissingScopeError) as caught:
            client.webhooks.list()
    assert sandbox.stats.api_requests == before  # refused before sending
    assert caught.value.missing == {"w:campaigns.webhook"}
    assert all(part in str(caught.value) for part in REMEDY)


def test_other_statuses_and_unsent_responses_get_no_scope_advice() -> None:
    import httpx

    rules = {"scopes": ("identity",), "include_scopes": {}, "field_scopes": {}}
    unsent = httpx.Response(401, json={"errors": [{"detail": "needs the 'identity' scope"}]})
    error = status_error(unsent, scope_rules=rules)  # built by hand: no request to explain
    assert isinstance(error, AuthenticationError)
    assert error.needed_scopes == frozenset() and "authorize again" not in str(error)
    request = httpx.Request("GET", "https://www.patreon.com/api/oauth2/v2/identity")
    not_found = httpx.Response(404, json={"errors": [{"detail": "no such thing"}]}, request=request)
    assert "authorize again" not in str(status_error(not_found, scope_rules=rules))
    # The same 401 on a request, with the rules: explained.
    sent = httpx.Response(401, json={"errors": [{"detail": "needs the 'identity' scope"}]}, request=request)
    explained = status_error(sent, scope_rules=rules)
    assert explained.missing_scopes == {"identity"} and "authorize again" in str(explained)
