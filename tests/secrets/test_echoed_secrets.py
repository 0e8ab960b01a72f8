"""Issue 21: a token endpoint that echoes secrets back (hostile, or buggy) leaks none of them.

The endpoint here is a loopback-free mock transport that answers every token call with an error
quoting what it was sent (the refresh token, the code, the client secret, verbatim and in the
form's own URL encoding) and what it issued (an access and a refresh token in the same answer),
in ``error`` and in ``error_description``. Whatever the error is raised through (the OAuth client,
sync and async, or a client's refreshing auth flow), no secret may reach its text, repr, args,
traceback, attributes or chained causes, nor any log record at DEBUG.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from urllib.parse import parse_qs, quote

import httpx
import pytest

from patreon_auth import AsyncOAuthClient, OAuthClient, PatreonCreatorClient, Token
from patreon_auth.errors import OAuthError, RefreshError

from .sweep import Secrets

# Characters that the form encoding changes ("+", "/", "=", "&", " "), so both forms are echoed.
REFRESH_TOKEN = "refresh+token/0123456789=="
CLIENT_SECRET = "client secret&0123456789"
CODE = "auth/code+0123456789"
NEW_ACCESS = "issued-access-token-0123456789"
NEW_REFRESH = "issued-refresh-token-0123456789"
CLIENT_ID = "client-id-for-echoes"

Echo = Callable[[httpx.Request], httpx.Response]


def sent(request: httpx.Request) -> str:
    """The form body as sent (URL-encoded)."""
    return request.content.decode()


def grant(request: httpx.Request) -> str:
    """The single-use credential the call sent, as it was before encoding."""
    form = parse_qs(sent(request))
    return (form.get("refresh_token") or form["code"])[0]


def echo_in_description(request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        400,
        json={
            "error": "invalid_grant",
            "error_description": f"you sent {sent(request)}; raw {grant(request)} {CLIENT_SECRET}",
        },
    )


def echo_in_error_code(request: httpx.Request) -> httpx.Response:
    return httpx.Response(400, json={"error": f"invalid_grant:{grant(request)}:{quote(CLIENT_SECRET)}"})


def issued_and_refused(request: httpx.Request) -> httpx.Response:
    # Tokens issued and an error at once, each quoting the other.
    return httpx.Response(
        200,
        json={
            "access_token": NEW_ACCESS,
            "refresh_token": NEW_REFRESH,
            "error": f"server_error {NEW_ACCESS}",
            "error_description": f"issued {NEW_REFRESH} for {sent(request)}",
        },
    )


def issued_in_a_4xx(request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        401,
        json={
            "access_token": NEW_ACCESS,
            "refresh_token": NEW_REFRESH,
            "error": "invalid_client",
            "error_description": f"{NEW_ACCESS}/{NEW_REFRESH}/{grant(request)}",
        },
    )


ECHOES = [echo_in_description, echo_in_error_code, issued_and_refused, issued_in_a_4xx]


def secrets() -> Secrets:
    found = Secrets()
    for name, value in [
        ("refresh token", REFRESH_TOKEN),
        ("client secret", CLIENT_SECRET),
        ("code", CODE),
        ("issued access token", NEW_ACCESS),
        ("issued refresh token", NEW_REFRESH),
    ]:
        found.add(name, value)
        found.add(f"{name} (URL-encoded)", quote(value, safe=""))
    return found


def assert_nothing_leaked(error: BaseException, caplog: pytest.LogCaptureFixture) -> None:
    in_play = secrets()
    in_play.assert_object_clean(error, "the error")
    in_play.assert_clean(caplog.text, "the logs at DEBUG")
    for record in caplog.records:
        in_play.assert_clean(repr(record.args), f"the arguments of {record.name}'s record")
        if record.exc_info and record.exc_info[1] is not None:
            in_play.assert_object_clean(record.exc_info[1], f"the exception logged by {record.name}")
    # The log says a refresh failed, and why, without the secrets.
    assert isinstance(error, OAuthError) and error.error


def expired_token() -> Token:
    return Token(
        access_token="expired-access-token-0123456789",
        refresh_token=REFRESH_TOKEN,
        expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(hours=1),
    )


@pytest.mark.parametrize("echo", ECHOES)
def test_refresh_through_the_oauth_client(echo: Echo, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with (
        OAuthClient(
            client_id=CLIENT_ID,
            client_secret=CLIENT_SECRET,
            base_url="https://patreon.test",
            transport=httpx.MockTransport(echo),
        ) as oauth,
        pytest.raises(RefreshError) as caught,
    ):
        oauth.refresh(REFRESH_TOKEN)
    assert_nothing_leaked(caught.value, caplog)
    assert any(record.name == "patreon.refresh" for record in caplog.records)


@pytest.mark.parametrize("echo", ECHOES)
async def test_code_exchange_through_the_async_oauth_client(
    echo: Echo, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    async with AsyncOAuthClient(
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        base_url="https://patreon.test",
        transport=httpx.MockTransport(echo),
    ) as oauth:
        with pytest.raises(OAuthError) as caught:
            await oauth.exchange_code(CODE, redirect_uri="https://example.com/cb")
    assert_nothing_leaked(caught.value, caplog)


@pytest.mark.parametrize("echo", ECHOES)
def test_refresh_inside_a_clients_auth_flow(echo: Echo, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)

    def patreon(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth2/token"):
            return echo(request)
        return httpx.Response(401, json={"errors": [{"status": "401", "title": "Unauthorized"}]})

    with (
        PatreonCreatorClient(
            client_id=CLIENT_ID,
            client_secret=CLIENT_SECRET,
            token=expired_token(),
            base_url="https://patreon.test",
            transport=httpx.MockTransport(patreon),
        ) as client,
        pytest.raises(RefreshError) as caught,
    ):
        client.identity.get()
    assert_nothing_leaked(caught.value, caplog)


def test_the_echoed_error_code_stays_readable() -> None:
    with (
        OAuthClient(
            client_id=CLIENT_ID,
            client_secret=CLIENT_SECRET,
            base_url="https://patreon.test",
            transport=httpx.MockTransport(echo_in_error_code),
        ) as oauth,
        pytest.raises(RefreshError) as caught,
    ):
        oauth.refresh(REFRESH_TOKEN)
    assert caught.value.error == "invalid_grant:<redacted>:<redacted>"
    assert "(invalid_grant:<redacted>:<redacted>)" in str(caught.value)
