"""The exception tree of the library, rooted at PatreonError.

Every error carries what a caller needs to act on it (status, JSON:API error objects, request
id, retry delay) and never a credential: request headers and bodies are not kept in messages.
"""

from __future__ import annotations

from typing import Any

import httpx


class PatreonError(Exception):
    """Base class of every error this library raises."""


class APIConnectionError(PatreonError):
    """The request never got an HTTP response (DNS, refused, reset, dropped connection)."""

    def __init__(self, message: str, *, request: httpx.Request | None = None) -> None:
        super().__init__(message)
        self.request = request


class APITimeoutError(APIConnectionError):
    """The request timed out."""


class APIStatusError(PatreonError):
    """Patreon answered with a non-success status.

    ``errors`` holds the JSON:API error objects when the body had them (Patreon's `status` inside
    each is a string [PD _errors.md]); a non-JSON body (an HTML 502 from the edge [KG]) leaves it
    empty and keeps the first bytes of the text in ``body_excerpt``.

    On a 401 or 403, ``needed_scopes`` holds the scopes the call needs per the spec and
    ``missing_scopes`` those Patreon's message named; the message then says how to get them
    (``patreon_runtime.scope_advice``). Both are empty on other statuses.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        errors: list[dict[str, Any]] | None = None,
        request_id: str | None = None,
        body_excerpt: str = "",
        response: httpx.Response | None = None,
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        # On a 401 or 403: the scopes the call needs per the spec, and those Patreon's message
        # named (scope_advice); empty otherwise.
        self.needed_scopes: frozenset[str] = frozenset()
        self.missing_scopes: frozenset[str] = frozenset()
        self.errors: list[dict[str, Any]] = errors or []
        self.request_id = request_id
        self.body_excerpt = body_excerpt
        self.response = response


class BadRequestError(APIStatusError):
    """400: an unknown include, field or parameter, or a malformed body."""


class AuthenticationError(APIStatusError):
    """401: a bad, expired or revoked token, or a missing scope [PD _errors.md]."""


class PermissionDeniedError(APIStatusError):
    """403: forbidden (also what Patreon's edge answers to a request without a User-Agent)."""


class NotFoundError(APIStatusError):
    """404: no such resource."""


class RateLimitError(APIStatusError):
    """429: too many requests; ``retry_after`` is the delay Patreon asked for, in seconds."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class ServerError(APIStatusError):
    """5xx: Patreon failed (or is in maintenance, 503)."""


class ResponseValidationError(PatreonError):
    """A success response whose body is not what the spec says (not JSON, wrong shape)."""

    def __init__(self, message: str, *, status_code: int | None = None, body_excerpt: str = "") -> None:
        super().__init__(message)
        self.status_code = status_code
        self.body_excerpt = body_excerpt


class InvalidParameterError(PatreonError, ValueError):
    """An argument that cannot be sent (a path id of ``..``); raised before any request.

    Also a ValueError, which is what such an argument raised before this type existed.
    """


__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "InvalidParameterError",
    "NotFoundError",
    "PatreonError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseValidationError",
    "ServerError",
]
