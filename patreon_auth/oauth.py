"""OAuth for Patreon: pure functions that build and parse the messages, thin sync/async drivers.

The building and parsing below does no I/O, so the sync and async drivers share every rule and
tests can check each rule without a server (design/reference/style.md, githubkit's I/O-free OAuth).
"""

from __future__ import annotations

import datetime as dt
import hmac
import logging
import secrets
from collections.abc import Iterable, Mapping, Sequence
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, quote, urlencode, urlsplit

import attrs
import httpx

from patreon_auth.errors import (
    APIConnectionError,
    APITimeoutError,
    OAuthError,
    PatreonError,
    RefreshError,
    StateMismatchError,
)
from patreon_auth.token import Token
from patreon_runtime.rate_limit import AsyncRateLimiter, RateLimiter
from patreon_runtime.rate_limited_auth import limit_async, limit_sync
from patreon_runtime.safe_json import loads as safe_json_loads

# Token refreshes, whoever asks for them (PatreonAuth, the clients, `patreon token refresh`).
# Records say when and what came back (expiry, scopes, error code), never a token or the secret.
refresh_logger = logging.getLogger("patreon.refresh")

AUTHORIZE_PATH = "/oauth2/authorize"  # [PD _oauth.md]
TOKEN_PATH = "/api/oauth2/token"  # [PD _oauth.md]
DEFAULT_BASE_URL = "https://www.patreon.com"
# The generated client has no timeout at all (design/DESIGN.md "Known generator limits"); token calls always get one.
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)

_REDACTED = "<redacted>"
# Form fields whose values are credentials: never shown in repr or error text.
_SECRET_FORM_FIELDS = frozenset({"client_secret", "code", "refresh_token"})


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _origin(base_url: str) -> str:
    return base_url.rstrip("/")


# --- authorize -------------------------------------------------------------------------------


@attrs.frozen(repr=False)
class AuthorizationRequest:
    """Where to send the user to approve the app, and the state to keep in their session."""

    url: str
    state: str

    def __repr__(self) -> str:
        # The state is the session's CSRF secret; the URL carries it too.
        shown_url = self.url.replace(quote(self.state, safe=""), _REDACTED) if self.state else self.url
        return f"AuthorizationRequest(url={shown_url!r}, state={_REDACTED!r})"


def build_authorization_request(
    *,
    base_url: str = DEFAULT_BASE_URL,
    client_id: str,
    redirect_uri: str,
    scopes: Sequence[str],
    state: str | None = None,
) -> AuthorizationRequest:
    """The authorize URL for ``scopes`` with a fresh random state unless one is given."""
    if isinstance(scopes, str):
        # A bare string is a Sequence[str] too, and would be joined letter by letter.
        raise TypeError("scopes must be a list of scope names, not a string")
    chosen_state = state if state is not None else secrets.token_urlsafe(32)
    params = {
        "response_type": "code",
        "client_id": client_id,
        # Sent exactly as given: it must match a registered URI character for character [PD _oauth.md].
        "redirect_uri": redirect_uri,
    }
    if scopes:
        # Space-separated [PD _oauth.md; PAT], sent as %20 like [WP] rather than "+".
        params["scope"] = " ".join(scopes)
    params["state"] = chosen_state
    query = urlencode(params, quote_via=quote)
    return AuthorizationRequest(url=f"{_origin(base_url)}{AUTHORIZE_PATH}?{query}", state=chosen_state)


# What a callback value may show of itself in an error: RFC 6749 §4.1.2.1 allows %x20-21,
# %x23-5B and %x5D-7E in error and error_description; of those, the characters that start markup
# or quote an attribute go too, so an error message rendered as HTML or printed to a terminal is inert.
_SHOWABLE = frozenset(chr(c) for c in range(0x20, 0x7F)) - set("\"\\<>&'`")
_MAX_SHOWN = 200


def _showable(value: str) -> str:
    """``value`` with anything outside the inert set replaced by "?", cut to a readable length."""
    cleaned = "".join(char if char in _SHOWABLE else "?" for char in value[:_MAX_SHOWN])
    return cleaned + ("..." if len(value) > _MAX_SHOWN else "")


def parse_callback(callback_url: str, *, expected_state: str) -> str:
    """The authorization code from the redirect back to ``redirect_uri``, after checking state.

    The state is checked first, before anything else in the URL is read: until it matches, the
    callback may be a link an attacker made (login CSRF), and its ``error``/``error_description``
    are the attacker's words. Patreon echoes ``state`` on error redirects too (RFC 6749 §4.1.2.1
    requires it; the sandbox does), so a real refusal still reads as an OAuthError.
    """
    if not expected_state:
        # An empty expected state would accept a callback with an empty one: no CSRF protection.
        raise ValueError("expected_state must be the non-empty state issued with the authorize URL")
    params = parse_qs(urlsplit(callback_url).query, keep_blank_values=True)

    def first(name: str) -> str | None:
        values = params.get(name)
        return values[0] if values else None

    received_state = first("state")
    if received_state is None or not hmac.compare_digest(
        received_state.encode("utf-8", "surrogatepass"), expected_state.encode("utf-8", "surrogatepass")
    ):
        # Nothing from this URL goes into the error: not the state, not a code, not error=.
        raise StateMismatchError(
            "callback state is missing or does not match the state issued for this session",
            error="state_mismatch",
        )

    error = first("error")
    if error is not None:
        # Patreon redirects with an OAuth error= parameter, e.g. invalid_scope (forum /t/388).
        # Even state-checked, the values are shown only as inert text: an app may render the
        # message in an HTML page, and a terminal obeys escape sequences.
        shown_error = _showable(error) or "unknown_error"
        raw_description = first("error_description")
        description = _showable(raw_description) if raw_description else None
        message = f"authorization failed: {shown_error}"
        if description:
            message += f": {description}"
        raise OAuthError(message, error=shown_error, description=description)

    code = first("code")
    if not code:
        raise OAuthError("callback URL has no authorization code (no code= and no error= parameter)")
    return code


# --- token endpoint --------------------------------------------------------------------------


@attrs.frozen(repr=False)
class TokenRequest:
    """A form-encoded POST body for the token endpoint; secrets are masked in ``repr``."""

    form: dict[str, str]

    @property
    def is_refresh(self) -> bool:
        return self.form.get("grant_type") == "refresh_token"

    def secret_values(self) -> list[str]:
        """The credential values in the form, so error text can be scrubbed of them."""
        return [value for key, value in self.form.items() if key in _SECRET_FORM_FIELDS and value]

    def __repr__(self) -> str:
        shown = {
            key: (_REDACTED if key in _SECRET_FORM_FIELDS else value) for key, value in self.form.items()
        }
        return f"TokenRequest(form={shown!r})"


def build_code_exchange(*, code: str, client_id: str, client_secret: str, redirect_uri: str) -> TokenRequest:
    """The authorization_code grant; the secret travels in the body, never the URL [PD c80ec53]."""
    return TokenRequest(
        form={
            "grant_type": "authorization_code",
            "code": code,
            "client_id": client_id,
            "client_secret": client_secret,
            "redirect_uri": redirect_uri,
        }
    )


def build_refresh(*, refresh_token: str, client_id: str, client_secret: str) -> TokenRequest:
    """The refresh_token grant; the secret travels in the body, never the URL [PD c80ec53]."""
    return TokenRequest(
        form={
            "grant_type": "refresh_token",
            "refresh_token": refresh_token,
            "client_id": client_id,
            "client_secret": client_secret,
        }
    )


def _scrub(text: str, redact: Iterable[str]) -> str:
    for value in redact:
        if value:
            text = text.replace(value, _REDACTED)
    return text


def parse_token_response(
    status_code: int,
    content: bytes,
    *,
    now: dt.datetime,
    refreshing: bool,
    redact: Iterable[str] = (),
    previous_refresh_token: str | None = None,
) -> Token:
    """A Token from the token endpoint's answer, or OAuthError/RefreshError (never with body secrets).

    ``redact`` lists values (the request's secrets) to blank out should the server echo them in
    ``error_description``. ``previous_refresh_token`` is the one a refresh sent: a response without
    a new one leaves it valid (RFC 6749 §6: a new refresh token is issued only "optionally"), so
    the returned token keeps it rather than losing the only way to refresh again.
    """
    error_class = RefreshError if refreshing else OAuthError
    action = "token refresh" if refreshing else "authorization code exchange"
    redact = list(redact)
    try:
        payload: Any = safe_json_loads(content)
    except ValueError:
        payload = None
    body = payload if isinstance(payload, dict) else None

    error = body.get("error") if body is not None else None
    error = error if isinstance(error, str) and error else None

    if 200 <= status_code < 300 and error is None:
        if body is None:
            raise error_class(
                f"{action} failed: HTTP {status_code} with a body that is not a JSON object",
                status_code=status_code,
            )
        try:
            token = Token.from_response(body, now=now)
        except (TypeError, ValueError, OverflowError):
            # `from None`: the parser's own message could quote a body value.
            raise error_class(
                f"{action} failed: the token response has no usable access_token", status_code=status_code
            ) from None
        if token.refresh_token is None and previous_refresh_token:
            token = attrs.evolve(token, refresh_token=previous_refresh_token)
        return token

    # Errors are OAuth2-style bodies {"error", "error_description"}, not JSON:API [PD; patreon-go#6;
    # patreon-php#27]; an edge/maintenance page is HTML, so no code is known then.
    raw_description = body.get("error_description") if body is not None else None
    description = _scrub(raw_description, redact)[:300] if isinstance(raw_description, str) else None
    message = f"{action} failed: HTTP {status_code}"
    if error is not None:
        message += f" ({error})"
    elif body is None:
        message += " with a non-JSON body"
    if description:
        message += f": {description}"
    if refreshing and error == "invalid_grant":
        # Refresh tokens are single use [PD _oauth.md]: a used or revoked one never works again.
        message += " (the refresh token is spent or revoked; the user must log in again)"
    elif error == "invalid_client":
        # RFC 6749 §5.2: the client failed to authenticate. The tokens may be fine: nobody needs
        # to log in again, the client id or secret given to this library is what is wrong.
        message += (
            " (the client id or client secret is wrong: copy both again from your client in the"
            " developer portal, https://www.patreon.com/portal/registration/register-clients)"
        )
    raise error_class(message, error=error, description=description, status_code=status_code)


# --- drivers ---------------------------------------------------------------------------------


def _connection_error(exc: httpx.RequestError, request: TokenRequest) -> OAuthError | APIConnectionError:
    """The typed error for an httpx failure of a token call, to be raised outside ``except``.

    Neither the httpx request nor the httpx exception is kept (as ``request``, ``__cause__`` or
    ``__context__``): the request's form body holds the client secret and the code or refresh
    token. The message is scrubbed of those values too.
    """
    detail = _scrub(f"{type(exc).__name__}: {exc}", request.secret_values())
    if isinstance(exc, httpx.DecodingError):
        # An answer came back, so a refresh may have been applied; the body is unreadable.
        error_class = RefreshError if request.is_refresh else OAuthError
        return error_class(f"the token endpoint's answer could not be decoded ({detail})")
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"token endpoint timed out ({type(exc).__name__})")
    return APIConnectionError(f"could not reach the token endpoint ({detail})")


def _refresh_token_of(token_or_refresh_token: Token | str) -> str:
    if isinstance(token_or_refresh_token, Token):
        if not token_or_refresh_token.refresh_token:
            raise RefreshError("this token has no refresh token; the user must log in again")
        return token_or_refresh_token.refresh_token
    if not token_or_refresh_token:
        raise RefreshError("empty refresh token")
    return token_or_refresh_token


def _log_refreshed(token: Token) -> None:
    refresh_logger.info(
        "refreshed the access token: expires %s, scopes %s",
        token.expires_at.isoformat() if token.expires_at else "unknown",
        " ".join(sorted(token.scope)) or "none listed",
    )


def _log_refresh_failed(error: PatreonError) -> None:
    code = error.error if isinstance(error, OAuthError) else None
    # INFO, not WARNING: the caller gets the error itself, and an app that configured no logging
    # would otherwise see it twice (Python's last-resort handler prints WARNING and up to stderr).
    refresh_logger.info(
        "refreshing the access token failed: %s%s", type(error).__name__, f" ({code})" if code else ""
    )


class _OAuthClientBase:
    """What the sync and async drivers share: credentials, the token URL, the masked repr."""

    def __init__(self, *, client_id: str, client_secret: str, base_url: str) -> None:
        self.client_id = client_id
        self._client_secret = client_secret
        self.base_url = _origin(base_url)
        self.token_url = self.base_url + TOKEN_PATH

    def _code_exchange(self, code: str, redirect_uri: str) -> TokenRequest:
        return build_code_exchange(
            code=code, client_id=self.client_id, client_secret=self._client_secret, redirect_uri=redirect_uri
        )

    def _refresh_request(self, token_or_refresh_token: Token | str) -> TokenRequest:
        return build_refresh(
            refresh_token=_refresh_token_of(token_or_refresh_token),
            client_id=self.client_id,
            client_secret=self._client_secret,
        )

    @staticmethod
    def _parse(response: httpx.Response, request: TokenRequest) -> Token:
        return parse_token_response(
            response.status_code,
            response.content,
            now=_utc_now(),
            refreshing=request.is_refresh,
            redact=request.secret_values(),
            previous_refresh_token=request.form.get("refresh_token") if request.is_refresh else None,
        )

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(client_id={self.client_id!r}, client_secret={_REDACTED!r}, "
            f"base_url={self.base_url!r})"
        )


_FORM_HEADERS = {"Accept": "application/json"}
_NO_AUTH = httpx.Auth()  # the base class sends requests unchanged


class OAuthClient(_OAuthClientBase):
    """Sync driver for the token endpoint: exchange a code, refresh a token."""

    def __init__(
        self,
        *,
        client_id: str,
        client_secret: str,
        base_url: str = DEFAULT_BASE_URL,
        http_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        headers: Mapping[str, str] | None = None,
        rate_limiter: RateLimiter | None = None,
    ) -> None:
        super().__init__(client_id=client_id, client_secret=client_secret, base_url=base_url)
        self._owns_client = http_client is None
        self._http = http_client or httpx.Client(transport=transport, timeout=timeout, headers=headers)
        # Token calls spend the client id's budget and their 4xx count toward the edge budget:
        # failed refreshes are what got clients blocked before ([WP] PR #181).
        custom = transport is not None or http_client is not None
        self._auth = (
            limit_sync(None, rate_limiter, client_id=client_id, base_url=base_url, custom_transport=custom)
            or _NO_AUTH
        )

    def exchange_code(self, code: str, *, redirect_uri: str) -> Token:
        """Trade a callback's single-use code for a token."""
        return self._send(self._code_exchange(code, redirect_uri))

    def refresh(self, token_or_refresh_token: Token | str) -> Token:
        """A new token for a (single-use) refresh token; store the result before using it."""
        try:
            token = self._send(self._refresh_request(token_or_refresh_token))
        except PatreonError as exc:
            _log_refresh_failed(exc)
            raise
        _log_refreshed(token)
        return token

    def _send(self, request: TokenRequest) -> Token:
        failure: OAuthError | APIConnectionError | None = None
        try:
            # An explicit auth (no-op, or the rate limiter's alone): should the caller share a client
            # that carries PatreonAuth, a token call must not go through it (it would recurse).
            response = self._http.post(
                self.token_url, data=request.form, headers=_FORM_HEADERS, auth=self._auth
            )
        except httpx.RequestError as exc:
            failure = _connection_error(exc, request)
        if failure is not None:
            raise failure  # outside `except`: no __context__ holding the form body
        return self._parse(response, request)

    def close(self) -> None:
        if self._owns_client:
            self._http.close()

    def __enter__(self) -> OAuthClient:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncOAuthClient(_OAuthClientBase):
    """Async twin of OAuthClient."""

    def __init__(
        self,
        *,
        client_id: str,
        client_secret: str,
        base_url: str = DEFAULT_BASE_URL,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        headers: Mapping[str, str] | None = None,
        rate_limiter: AsyncRateLimiter | None = None,
    ) -> None:
        super().__init__(client_id=client_id, client_secret=client_secret, base_url=base_url)
        self._owns_client = http_client is None
        self._http = http_client or httpx.AsyncClient(transport=transport, timeout=timeout, headers=headers)
        # Token calls spend the client id's budget and their 4xx count toward the edge budget:
        # failed refreshes are what got clients blocked before ([WP] PR #181).
        custom = transport is not None or http_client is not None
        self._auth = (
            limit_async(None, rate_limiter, client_id=client_id, base_url=base_url, custom_transport=custom)
            or _NO_AUTH
        )

    async def exchange_code(self, code: str, *, redirect_uri: str) -> Token:
        """Trade a callback's single-use code for a token."""
        return await self._send(self._code_exchange(code, redirect_uri))

    async def refresh(self, token_or_refresh_token: Token | str) -> Token:
        """A new token for a (single-use) refresh token; store the result before using it."""
        try:
            token = await self._send(self._refresh_request(token_or_refresh_token))
        except PatreonError as exc:
            _log_refresh_failed(exc)
            raise
        _log_refreshed(token)
        return token

    async def _send(self, request: TokenRequest) -> Token:
        failure: OAuthError | APIConnectionError | None = None
        try:
            response = await self._http.post(
                self.token_url, data=request.form, headers=_FORM_HEADERS, auth=self._auth
            )
        except httpx.RequestError as exc:
            failure = _connection_error(exc, request)
        if failure is not None:
            raise failure  # outside `except`: no __context__ holding the form body
        return self._parse(response, request)

    async def aclose(self) -> None:
        if self._owns_client:
            await self._http.aclose()

    async def __aenter__(self) -> AsyncOAuthClient:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()


__all__ = [
    "AUTHORIZE_PATH",
    "DEFAULT_BASE_URL",
    "DEFAULT_TIMEOUT",
    "TOKEN_PATH",
    "AsyncOAuthClient",
    "AuthorizationRequest",
    "OAuthClient",
    "TokenRequest",
    "build_authorization_request",
    "build_code_exchange",
    "build_refresh",
    "parse_callback",
    "parse_token_response",
]
