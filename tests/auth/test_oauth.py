"""OAuth message building/parsing (pure) and the sync/async token-endpoint drivers."""

from __future__ import annotations

import datetime as dt
import json
import tracemalloc
import zlib
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from patreon_auth.errors import (
    APIConnectionError,
    APITimeoutError,
    OAuthError,
    RefreshError,
    StateMismatchError,
)
from patreon_auth.oauth import (
    AUTHORIZE_PATH,
    TOKEN_PATH,
    build_authorization_request,
    build_code_exchange,
    build_refresh,
    parse_callback,
    parse_token_response,
)
from patreon_auth.token import Token
from tests.generated.test_response_size_cap import Chunked

from .auth_modes import OAuthDriver
from .conftest import BASE_URL
from .fake_patreon import FakePatreon

NOW = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
REDIRECT = "https://app.example/callback?x=1"


# --- authorize URL ---------------------------------------------------------------------------


def test_authorization_url_parses_back_to_the_request() -> None:
    request = build_authorization_request(
        base_url=BASE_URL + "/",
        client_id="cid",
        redirect_uri=REDIRECT,
        scopes=["identity", "identity[email]"],
    )
    parts = urlsplit(request.url)
    assert f"{parts.scheme}://{parts.netloc}" == BASE_URL
    assert parts.path == AUTHORIZE_PATH
    query = parse_qs(parts.query)
    assert query == {
        "response_type": ["code"],
        "client_id": ["cid"],
        "redirect_uri": [REDIRECT],
        "scope": ["identity identity[email]"],
        "state": [request.state],
    }
    # Space as %20, like [WP]; a "+" would be a literal plus to some servers.
    assert "identity%20identity" in parts.query
    assert "+" not in parts.query


def test_authorization_state_is_fresh_per_call_and_long() -> None:
    states = {
        build_authorization_request(client_id="c", redirect_uri=REDIRECT, scopes=["identity"]).state
        for _ in range(20)
    }
    assert len(states) == 20
    assert all(len(state) >= 43 for state in states)  # token_urlsafe(32)


def test_authorization_given_state_and_no_scopes() -> None:
    request = build_authorization_request(client_id="c", redirect_uri=REDIRECT, scopes=[], state="my-state")
    query = parse_qs(urlsplit(request.url).query)
    assert request.state == "my-state"
    assert query["state"] == ["my-state"]
    assert "scope" not in query
    assert request.url.startswith("https://www.patreon.com/oauth2/authorize?")


def test_authorization_rejects_scopes_as_a_string() -> None:
    with pytest.raises(TypeError):
        build_authorization_request(client_id="c", redirect_uri=REDIRECT, scopes="identity")


def test_authorization_request_repr_hides_state() -> None:
    request = build_authorization_request(client_id="c", redirect_uri=REDIRECT, scopes=["identity"])
    assert request.state not in repr(request)


# --- callback ----------------------------------------------------------------------------------


def test_callback_returns_code() -> None:
    assert parse_callback(REDIRECT + "&code=the-code&state=s1", expected_state="s1") == "the-code"


def test_callback_error_raises_oauth_error() -> None:
    url = REDIRECT + "&error=access_denied&error_description=User+said+no&state=s1"
    with pytest.raises(OAuthError) as info:
        parse_callback(url, expected_state="s1")
    assert not isinstance(info.value, StateMismatchError)
    assert info.value.error == "access_denied"
    assert info.value.description == "User said no"


@pytest.mark.parametrize(
    "query", ["code=c0de-value&state=wrong-state", "code=c0de-value", "code=c0de-value&state="]
)
def test_callback_bad_or_missing_state(query: str) -> None:
    with pytest.raises(StateMismatchError) as info:
        parse_callback(f"{REDIRECT}&{query}", expected_state="expected-state")
    text = str(info.value)
    assert "c0de-value" not in text
    assert "expected-state" not in text
    assert "wrong-state" not in text


def test_callback_missing_code() -> None:
    with pytest.raises(OAuthError, match="no authorization code") as info:
        parse_callback(REDIRECT + "&state=s1", expected_state="s1")
    assert not isinstance(info.value, StateMismatchError)


def test_callback_refuses_empty_expected_state() -> None:
    with pytest.raises(ValueError):
        parse_callback(REDIRECT + "&code=c&state=", expected_state="")


# --- token request/response (pure) ------------------------------------------------------------


def test_code_exchange_and_refresh_forms_mask_secrets() -> None:
    exchange = build_code_exchange(
        code="the-code", client_id="cid", client_secret="shh", redirect_uri=REDIRECT
    )
    assert exchange.form == {
        "grant_type": "authorization_code",
        "code": "the-code",
        "client_id": "cid",
        "client_secret": "shh",
        "redirect_uri": REDIRECT,
    }
    assert not exchange.is_refresh
    refresh = build_refresh(refresh_token="rt-value", client_id="cid", client_secret="shh")
    assert refresh.form == {
        "grant_type": "refresh_token",
        "refresh_token": "rt-value",
        "client_id": "cid",
        "client_secret": "shh",
    }
    assert refresh.is_refresh
    for text in (repr(exchange), str(exchange), repr(refresh), str(refresh)):
        assert "shh" not in text
        assert "the-code" not in text
        assert "rt-value" not in text
        assert "cid" in text


def test_token_response_success() -> None:
    body = json.dumps(
        {"access_token": "a", "refresh_token": "r", "expires_in": "2678400", "scope": "identity campaigns"}
    ).encode()
    token = parse_token_response(200, body, now=NOW, refreshing=True)
    assert token == Token(
        access_token="a",
        refresh_token="r",
        expires_at=NOW + dt.timedelta(days=31),
        scope=frozenset({"identity", "campaigns"}),
    )


@pytest.mark.parametrize("refreshing", [True, False])
def test_token_response_invalid_grant(refreshing: bool) -> None:
    with pytest.raises(OAuthError) as info:
        parse_token_response(401, b'{"error":"invalid_grant"}', now=NOW, refreshing=refreshing)
    assert isinstance(info.value, RefreshError) is refreshing
    assert info.value.error == "invalid_grant"
    assert info.value.status_code == 401


def test_token_response_error_description() -> None:
    body = b'{"error":"invalid_request","error_description":"Missing code parameter."}'
    with pytest.raises(OAuthError, match="Missing code parameter") as info:
        parse_token_response(400, body, now=NOW, refreshing=False)
    assert info.value.error == "invalid_request"
    assert info.value.description == "Missing code parameter."


def test_token_response_html_error_page() -> None:
    html = b"<html><body>502 Bad Gateway <!-- secret-ish --></body></html>"
    with pytest.raises(RefreshError, match="non-JSON") as info:
        parse_token_response(502, html, now=NOW, refreshing=True)
    assert info.value.error is None
    assert info.value.status_code == 502
    assert "secret-ish" not in str(info.value)


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"[]",
        b'{"refresh_token":"leaky-refresh"}',
        b'{"access_token":null,"refresh_token":"leaky-refresh"}',
        b"[" * 50_000,  # RecursionError from json.loads before issue 10
    ],
)
def test_token_response_malformed_success(body: bytes) -> None:
    with pytest.raises(OAuthError) as info:
        parse_token_response(200, body, now=NOW, refreshing=False)
    assert info.value.status_code == 200
    assert "leaky" not in str(info.value)
    assert info.value.__cause__ is None


def test_token_response_error_in_a_200() -> None:
    with pytest.raises(RefreshError) as info:
        parse_token_response(200, b'{"error":"invalid_grant"}', now=NOW, refreshing=True)
    assert info.value.error == "invalid_grant"


def test_token_response_scrubs_echoed_secrets() -> None:
    body = b'{"error":"invalid_grant","error_description":"refresh token rt-XYZ is spent"}'
    with pytest.raises(RefreshError) as info:
        parse_token_response(400, body, now=NOW, refreshing=True, redact=["rt-XYZ"])
    assert "rt-XYZ" not in str(info.value)
    assert info.value.description is not None
    assert "rt-XYZ" not in info.value.description


# --- drivers: sync and async twins --------------------------------------------------------------


def _recording(status: int, content: bytes, seen: list[httpx.Request]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        request.read()
        seen.append(request)
        return httpx.Response(status, content=content)

    return httpx.MockTransport(handler)


def _assert_secret_in_body_only(request: httpx.Request, secret: str) -> None:
    assert request.method == "POST"
    assert request.url.path == TOKEN_PATH
    assert secret not in str(request.url)
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert parse_qs(request.content.decode())["client_secret"] == [secret]


@pytest.fixture(params=["sync", "async"])
def driver(request: pytest.FixtureRequest) -> Iterator[OAuthDriver]:
    """The sync or the async token-endpoint driver; `driver.client(...)` opens it, the fixture closes it."""
    made = OAuthDriver(is_async=request.param == "async")
    yield made
    if hasattr(made, "_client"):
        made.close()


def _on_fake(driver: OAuthDriver, fake: FakePatreon) -> OAuthDriver:
    transport = fake.async_transport() if driver.is_async else fake.transport()
    return driver.client(
        client_id=fake.client_id, client_secret=fake.client_secret, base_url=BASE_URL, transport=transport
    )


def test_exchange_code(fake: FakePatreon, driver: OAuthDriver) -> None:
    oauth = _on_fake(driver, fake)
    code = fake.issue_code(REDIRECT)
    token = oauth.exchange_code(code, redirect_uri=REDIRECT)
    assert token.refresh_token is not None
    assert token.scope == {"identity", "identity[email]"}
    with pytest.raises(OAuthError) as info:  # codes are single use
        oauth.exchange_code(code, redirect_uri=REDIRECT)
    assert info.value.error == "invalid_grant"
    assert not isinstance(info.value, RefreshError)


def test_refresh_rotates_and_old_refresh_token_dies(fake: FakePatreon, driver: OAuthDriver) -> None:
    oauth = _on_fake(driver, fake)
    old = fake.issue_token()
    new = oauth.refresh(old)
    assert new.access_token != old.access_token
    assert new.refresh_token != old.refresh_token
    assert oauth.refresh(new.refresh_token or "") != new  # the str form works too
    with pytest.raises(RefreshError) as info:
        oauth.refresh(old)
    assert info.value.error == "invalid_grant"
    assert info.value.status_code == 401


def test_refresh_without_refresh_token(fake: FakePatreon, driver: OAuthDriver) -> None:
    with pytest.raises(RefreshError):
        _on_fake(driver, fake).refresh(Token(access_token="a"))
    assert fake.token_requests == 0


def test_driver_sends_secret_in_form_body_and_reports_html_errors(driver: OAuthDriver) -> None:
    seen: list[httpx.Request] = []
    transport = _recording(503, b"<html>maintenance</html>", seen)
    client = driver.client(client_id="cid", client_secret="shh-123", base_url=BASE_URL, transport=transport)
    with pytest.raises(RefreshError) as info:
        client.refresh("rt-abc")
    assert "shh-123" not in repr(client)
    assert info.value.status_code == 503
    _assert_secret_in_body_only(seen[0], "shh-123")
    assert "rt-abc" not in str(info.value)


def _failing(exc: Exception) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        raise exc

    return httpx.MockTransport(handler)


@pytest.mark.parametrize(
    ("exc", "expected"),
    [(httpx.ConnectError("refused"), APIConnectionError), (httpx.ReadTimeout("slow"), APITimeoutError)],
)
def test_driver_network_failure(driver: OAuthDriver, exc: Exception, expected: type[Exception]) -> None:
    client = driver.client(client_id="cid", client_secret="shh-123", transport=_failing(exc))
    with pytest.raises(expected) as info:
        client.exchange_code("code-value", redirect_uri=REDIRECT)
    assert type(info.value) is expected
    assert "shh-123" not in str(info.value)
    assert "code-value" not in str(info.value)


def _gzip_bomb(decoded_mib: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    parts = [packer.compress(b'{"access_token": "at", "pad": "')]
    parts += [packer.compress(b" " * 2**20) for _ in range(decoded_mib)]
    parts.append(packer.compress(b'"}') + packer.flush())
    return b"".join(parts)


@pytest.mark.parametrize("status", [200, 400])
def test_a_token_answer_that_inflates_past_a_megabyte_is_refused_in_bounded_memory(
    driver: OAuthDriver, status: int
) -> None:
    bomb = _gzip_bomb(64)

    def handler(request: httpx.Request) -> httpx.Response:
        # Streamed in network-sized chunks: a Response made from bytes would be inflated right here.
        return httpx.Response(status, stream=Chunked(bomb), headers={"Content-Encoding": "gzip"})

    client = driver.client(
        client_id="cid", client_secret="shh-123", base_url=BASE_URL, transport=httpx.MockTransport(handler)
    )
    tracemalloc.start()
    try:
        with pytest.raises(RefreshError, match="more than 1048576 bytes") as info:
            client.refresh("rt-abc")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 * 2**20  # 64 MiB decoded before the cap
    assert info.value.__context__ is None and info.value.__cause__ is None
    assert "shh-123" not in str(info.value) and "rt-abc" not in str(info.value)


# --- issue 10: refresh responses (item 8), cause chains (item 10), decoding (item 3) ----------


@pytest.mark.parametrize("expires_in", ["soon", None, 1e300, "nan", "inf", "-1e999", True, [1], {"a": 1}])
def test_a_valid_token_with_a_bad_expires_in_is_kept_with_unknown_expiry(expires_in: object) -> None:
    body = json.dumps({"access_token": "at-1", "refresh_token": "rt-1", "expires_in": expires_in})
    token = parse_token_response(200, body.encode(), now=NOW, refreshing=True)
    assert (token.access_token, token.refresh_token, token.expires_at) == ("at-1", "rt-1", None)


@pytest.mark.parametrize("scope", [5, {"identity": True}, [1, 2], None])
def test_a_malformed_scope_does_not_discard_the_token(scope: object) -> None:
    body = json.dumps({"access_token": "at-1", "expires_in": 60, "scope": scope})
    token = parse_token_response(200, body.encode(), now=NOW, refreshing=False)
    assert token.access_token == "at-1"
    assert token.scope == frozenset()
    assert token.expires_at == NOW + dt.timedelta(seconds=60)


def test_a_refresh_answer_without_refresh_token_keeps_the_old_one() -> None:
    body = b'{"access_token":"at-2","expires_in":60}'
    token = parse_token_response(200, body, now=NOW, refreshing=True, previous_refresh_token="rt-old")
    assert token.refresh_token == "rt-old"
    rotated = b'{"access_token":"at-3","refresh_token":"rt-new","expires_in":60}'
    token = parse_token_response(200, rotated, now=NOW, refreshing=True, previous_refresh_token="rt-old")
    assert token.refresh_token == "rt-new"


def test_refresh_on_a_server_that_keeps_refresh_tokens(fake: FakePatreon, driver: OAuthDriver) -> None:
    # RFC 6749 §6: the server may omit refresh_token; the old one stays valid and must be kept.
    oauth = _on_fake(driver, fake)
    fake.keep_refresh_tokens = True
    first = fake.issue_token()
    second = oauth.refresh(first)
    assert second.access_token != first.access_token
    assert second.refresh_token == first.refresh_token
    third = oauth.refresh(second)  # before the fix: RefreshError, "this token has no refresh token"
    assert third.refresh_token == first.refresh_token


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def _everything_said(exc: BaseException) -> str:
    """What a traceback or an error reporter could show of an exception and its whole chain."""
    parts = []
    for link in _chain(exc):
        parts += [repr(link), str(link), repr(vars(link)) if hasattr(link, "__dict__") else ""]
        request = getattr(link, "request", None) if not isinstance(link, httpx.HTTPError) else None
        if isinstance(request, httpx.Request):
            parts.append(request.content.decode())
        if isinstance(link, httpx.HTTPError):
            parts.append(link.request.content.decode())  # what the httpx exception drags along
    return "\n".join(parts)


@pytest.mark.parametrize(
    "exc", [httpx.ConnectError("refused"), httpx.ReadTimeout("slow"), httpx.RemoteProtocolError("reset")]
)
def test_connection_error_chain_carries_no_form_body(driver: OAuthDriver, exc: Exception) -> None:
    client = driver.client(client_id="cid", client_secret="shh-123", transport=_failing(exc))
    with pytest.raises(APIConnectionError) as info:
        client.refresh("rt-secret-xyz")
    assert _chain(info.value) == [info.value]  # no __cause__, no __context__
    said = _everything_said(info.value)
    assert "shh-123" not in said
    assert "rt-secret-xyz" not in said


def _gzip_lie(request: httpx.Request) -> httpx.Response:
    # Says gzip, sends plain JSON: httpx.DecodingError when the body is read.
    return httpx.Response(
        200, headers={"Content-Encoding": "gzip"}, stream=httpx.ByteStream(b'{"access_token":"x"}')
    )


def test_a_body_that_does_not_match_its_content_encoding_is_a_typed_oauth_error(driver: OAuthDriver) -> None:
    client = driver.client(client_id="cid", client_secret="shh-123", transport=httpx.MockTransport(_gzip_lie))
    with pytest.raises(RefreshError, match="could not be decoded") as info:
        client.refresh("rt-secret-xyz")
    assert _chain(info.value) == [info.value]
    assert "rt-secret-xyz" not in _everything_said(info.value)
    with pytest.raises(OAuthError, match="could not be decoded"):
        client.exchange_code("code-value", redirect_uri=REDIRECT)
