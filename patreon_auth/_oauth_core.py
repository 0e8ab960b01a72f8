"""OAuth for Patreon (the pure half; the drivers are in _async/oauth_driver.py and its twin): pure functions that build and parse the messages, thin sync/async drivers.

The building and parsing below does no I/O, so the sync and async drivers share every rule and
tests can check each rule without a server (design/reference/style.md, githubkit's I/O-free OAuth).
"""

from __future__ import annotations

import datetime as dt
import hmac
import logging
import secrets
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import parse_qs, quote, urlencode, urlsplit

import attrs
import httpx

from patreon_auth.errors import REDACTED as _REDACTED
from patreon_auth.errors import (
    APIConnectionError,
    APITimeoutError,
    OAuthError,
    PatreonError,
    RefreshError,
    StateMismatchError,
)
from patreon_auth.errors import redact as redact_secrets
from patreon_auth.token import Token
from patreon_runtime.errors import ResponseTooLargeError, ResponseValidationError
from patreon_runtime.safe_json import loads as safe_json_loads

# One base URL for every client, token calls included (issue 14).
from patreon_runtime.sender import DEFAULT_BASE_URL

AUTHORIZE_PATH = "/oauth2/authorize"  # [PD _oauth.md]
TOKEN_PATH = "/api/oauth2/token"  # [PD _oauth.md]

# Form fields whose values are credentials: never shown in repr or error text.
_SECRET_FORM_FIELDS = frozenset({"client_secret", "code", "refresh_token"})
# Fields of a token endpoint's answer that hold credentials, even in an answer that is an error
# (a buggy endpoint may issue tokens and say error at once): never shown in error text either.
_SECRET_ANSWER_FIELDS = frozenset({"access_token", "refresh_token", "id_token"})


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


def _answer_secrets(body: dict[str, Any] | None) -> list[str]:
    """The credentials an answer carries, whatever else it says."""
    if body is None:
        return []
    return [value for key, value in body.items() if key in _SECRET_ANSWER_FIELDS and isinstance(value, str)]


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
    ``error`` or ``error_description``; the credentials the answer itself carries are blanked
    out too (the error's own ``redact``: one mechanism for every text of it). ``previous_refresh_token`` is the one a refresh sent: a response without
    a new one leaves it valid (RFC 6749 §6: a new refresh token is issued only "optionally"), so
    the returned token keeps it rather than losing the only way to refresh again.
    """
    error_class = RefreshError if refreshing else OAuthError
    action = "token refresh" if refreshing else "authorization code exchange"
    try:
        payload: Any = safe_json_loads(content)
    except ValueError:
        payload = None
    body = payload if isinstance(payload, dict) else None
    secrets = [*redact, *_answer_secrets(body)]

    raw_error = body.get("error") if body is not None else None
    error = _shown_error(raw_error, secrets) if isinstance(raw_error, str) and raw_error else None

    if 200 <= status_code < 300 and error is None:
        if body is None:
            raise error_class(
                f"{action} failed: HTTP {status_code} with a body that is not a JSON object",
                status_code=status_code,
            )
        token = _token_or_none(body, now)
        if token is None:
            # Raised outside the parser's ``except``: its message could quote a body value, and
            # not even ``__context__`` may keep it.
            raise error_class(
                f"{action} failed: the token response has no usable access_token", status_code=status_code
            )
        if token.refresh_token is None and previous_refresh_token:
            token = attrs.evolve(token, refresh_token=previous_refresh_token)
        return token

    # Errors are OAuth2-style bodies {"error", "error_description"}, not JSON:API [PD; patreon-go#6;
    # patreon-php#27]; an edge/maintenance page is HTML, so no code is known then.
    raw_description = body.get("error_description") if body is not None else None
    description = redact_secrets(raw_description, secrets)[:300] if isinstance(raw_description, str) else None
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
    raise error_class(message, error=error, description=description, status_code=status_code, redact=secrets)


def _shown_error(raw: str, secrets: list[str]) -> str:
    """An answer's ``error`` code as it may be shown: secrets blanked first (so none is half
    replaced), then what RFC 6749 section 5.2 does not allow in a code (and markup) shown as "?"."""
    return _REDACTED.join(_showable(part) for part in redact_secrets(raw, secrets).split(_REDACTED))


def _token_or_none(body: dict[str, Any], now: dt.datetime) -> Token | None:
    try:
        return Token.from_response(body, now=now)
    except (TypeError, ValueError, OverflowError):
        return None


# --- logging ---------------------------------------------------------------------------------

# Token refreshes, whoever asks for them (PatreonAuth, the clients, `patreon token refresh`).
# Records say when and what came back (expiry, scopes, error code), never a token or the secret.
refresh_logger = logging.getLogger("patreon.refresh")


def log_refreshed(token: Token) -> None:
    refresh_logger.info(
        "refreshed the access token: expires %s, scopes %s",
        token.expires_at.isoformat() if token.expires_at else "unknown",
        " ".join(sorted(token.scope)) or "none listed",
    )


def log_refresh_failed(error: PatreonError) -> None:
    code = error.error if isinstance(error, OAuthError) else None
    # INFO, not WARNING: the caller gets the error itself, and an app that configured no logging
    # would otherwise see it twice (Python's last-resort handler prints WARNING and up to stderr).
    refresh_logger.info(
        "refreshing the access token failed: %s%s", type(error).__name__, f" ({code})" if code else ""
    )


# --- drivers ---------------------------------------------------------------------------------


def _connection_error(exc: httpx.RequestError, request: TokenRequest) -> OAuthError | APIConnectionError:
    """The typed error for an httpx failure of a token call, to be raised outside ``except``.

    Neither the httpx request nor the httpx exception is kept (as ``request``, ``__cause__`` or
    ``__context__``): the request's form body holds the client secret and the code or refresh
    token. The message is scrubbed of those values too.
    """
    detail = redact_secrets(f"{type(exc).__name__}: {exc}", request.secret_values())
    if isinstance(exc, httpx.DecodingError):
        # An answer came back, so a refresh may have been applied; the body is unreadable.
        error_class = RefreshError if request.is_refresh else OAuthError
        return error_class(f"the token endpoint's answer could not be decoded ({detail})")
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"token endpoint timed out ({type(exc).__name__})")
    return APIConnectionError(f"could not reach the token endpoint ({detail})")


def _unreadable_answer(exc: ResponseValidationError, request: TokenRequest) -> OAuthError:
    """The typed error for a token answer refused while it was read (patreon_runtime.body_limit): one
    that decodes past MAX_TOKEN_RESPONSE_BYTES, or a compressed body that does not decode. Raised
    outside ``except``, as ``_connection_error``'s are."""
    # An answer came back, so a refresh may have been applied; the body is not taken in.
    error_class = RefreshError if request.is_refresh else OAuthError
    if isinstance(exc, ResponseTooLargeError):
        return error_class(
            f"the token endpoint's answer decodes to more than {MAX_TOKEN_RESPONSE_BYTES} bytes "
            "(a token answer is a few hundred); refused while it was read"
        )
    detail = redact_secrets(str(exc), request.secret_values())
    return error_class(f"the token endpoint's answer could not be decoded ({detail})")


def _refresh_token_of(token_or_refresh_token: Token | str) -> str:
    if isinstance(token_or_refresh_token, Token):
        if not token_or_refresh_token.refresh_token:
            raise RefreshError("this token has no refresh token; the user must log in again")
        return token_or_refresh_token.refresh_token
    if not token_or_refresh_token:
        raise RefreshError("empty refresh token")
    return token_or_refresh_token


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
# A token answer (access and refresh token, expiry, scope, token type) is a few hundred bytes
# [PD _oauth.md sample]; a megabyte is far past any real one and bounds what a hostile or broken
# token endpoint can make this process hold.
MAX_TOKEN_RESPONSE_BYTES = 1024 * 1024
_NO_AUTH = httpx.Auth()  # the base class sends requests unchanged
