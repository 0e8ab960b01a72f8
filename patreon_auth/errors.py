"""The whole error tree: the API errors from patreon_generated plus auth, store and webhook errors."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import quote, quote_plus

from patreon_generated.errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    InvalidParameterError,
    NotFoundError,
    NotRequestedError,
    PatreonError,
    PermissionDeniedError,
    RateLimitError,
    ResponseTooLargeError,
    ResponseValidationError,
    ServerError,
    UnknownNameError,
)
from patreon_runtime.errors import ClientIdRequiredError, EdgeBudgetExceededError

REDACTED = "<redacted>"


def redact(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every secret in ``secrets`` replaced by ``<redacted>``.

    The one scrubber for text that came back from the network: a token endpoint (hostile, or
    buggy) may echo what it was sent or what it issued, verbatim or URL-encoded (a form field
    quoted back). Longer secrets go first, so one that contains another is blanked whole.
    """
    forms = {
        form for secret in secrets if secret for form in (secret, quote(secret, safe=""), quote_plus(secret))
    }
    for form in sorted(forms, key=len, reverse=True):
        text = text.replace(form, REDACTED)
    return text


class OAuthError(PatreonError):
    """The OAuth flow failed: an ``error=`` callback or an OAuth error body from the token endpoint.

    ``error`` is the OAuth error code (``access_denied``, ``invalid_grant``...) [PD _oauth.md].

    ``redact`` lists the secrets in play (what the request sent, what the answer carried): they
    are blanked out of the message, ``error`` and ``description`` here, once, so no later
    ``str()``, ``repr()``, ``args``, traceback or log record of this error can show them.
    """

    def __init__(
        self,
        message: str,
        *,
        error: str | None = None,
        description: str | None = None,
        status_code: int | None = None,
        redact: Iterable[str] = (),
    ) -> None:
        secrets = [secret for secret in redact if secret]
        super().__init__(_redacted(message, secrets))
        self.error = _redacted(error, secrets) if error is not None else None
        self.description = _redacted(description, secrets) if description is not None else None
        self.status_code = status_code


def _redacted(text: str, secrets: list[str]) -> str:
    return redact(text, secrets) if secrets else text


class StateMismatchError(OAuthError):
    """The callback's ``state`` is not the one this session issued (possible CSRF)."""


class RefreshError(OAuthError):
    """Refreshing a token failed; ``error == "invalid_grant"`` means the refresh token is dead."""


class MissingScopeError(PatreonError):
    """The token lacks scopes a call needs; raised before sending when scope checks are on."""

    def __init__(self, message: str, *, missing: frozenset[str]) -> None:
        super().__init__(message)
        self.missing = missing


class WebhookSignatureError(PatreonError):
    """A webhook body's signature is missing, malformed or does not match."""


class WebhookBodyTooLargeError(WebhookSignatureError):
    """A webhook delivery's body is larger than the receiver accepts (``limit`` bytes); answer 413.

    Raised before the body is verified (and, by ``webhooks.read_body``, before more than
    ``limit`` bytes are read), so an unsigned body of any size costs at most ``limit`` bytes. A
    WebhookSignatureError too: a receiver that only catches that refuses it all the same.
    """

    def __init__(self, message: str, *, limit: int) -> None:
        super().__init__(message)
        self.limit = limit


class WebhookSecretError(PatreonError, ValueError):
    """The webhook secret configured for verification is unusable (empty, blank, not text or bytes).

    A configuration error, not a bad delivery: an empty HMAC key would make every forged
    signature computable by anyone, so it is refused rather than used.
    """


class InvalidTokenError(PatreonError, ValueError):
    """Token data that is not a token: a non-string ``access_token``, a naive ``expires_at``...

    Also a ValueError (what ``Token.from_dict`` raised before), so existing handlers still catch it;
    the message names the field, never its value (it may be a live secret).
    """


class TokenStoreError(PatreonError):
    """A token store could not be read or written (corrupt file, unreachable server, Redis down)."""


__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ClientIdRequiredError",
    "EdgeBudgetExceededError",
    "InvalidParameterError",
    "InvalidTokenError",
    "MissingScopeError",
    "NotFoundError",
    "NotRequestedError",
    "OAuthError",
    "PatreonError",
    "PermissionDeniedError",
    "RateLimitError",
    "RefreshError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "ServerError",
    "StateMismatchError",
    "TokenStoreError",
    "UnknownNameError",
    "WebhookBodyTooLargeError",
    "WebhookSecretError",
    "WebhookSignatureError",
]
