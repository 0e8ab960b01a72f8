"""The exception tree of the library, rooted at PatreonError.

Every error carries what a caller needs to act on it (status, JSON:API error objects, request
id, retry delay) and never a credential: request headers and bodies are not kept in messages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from .rate_limit import RateLimits


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


class ResponseTooLargeError(ResponseValidationError):
    """A response body that decodes to more than the client's ``max_response_bytes`` (``limit``).

    Refused while reading, so a small compressed body that inflates to gigabytes (a gzip bomb)
    never takes the memory; not retried. Raise the limit with ``max_response_bytes=`` on the client.
    """

    def __init__(self, message: str, *, limit: int) -> None:
        super().__init__(message)
        self.limit = limit


class InvalidParameterError(PatreonError, ValueError):
    """An argument that cannot be sent (a path id of ``..``); raised before any request.

    Also a ValueError, which is what such an argument raised before this type existed.
    """


class UnknownNameError(InvalidParameterError):
    """A ``fields`` type, a ``fields`` attribute or an ``include`` path the spec does not know.

    Raised before sending, so a typo never comes back as a silently missing value. ``name`` is
    the bad name, ``kind`` what it was meant to be, ``suggestions`` the closest known names.
    Names Patreon added after this spec go through ``patreon_runtime.names.unchecked(...)``.
    """

    def __init__(self, message: str, *, name: str, kind: str, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.name = name
        self.kind = kind
        self.suggestions = suggestions


class NotRequestedError(PatreonError, AttributeError):
    """Read an attribute or relationship that the response does not carry because it was not asked for.

    Patreon v2 sends only the attributes named in ``fields[TYPE]`` and only the relationships named
    in ``include`` ("No data other than type and id will be returned for a resource unless it is
    requested" [PD _oauth_v2.md]), so a missing key means "not requested", never "empty": a value
    Patreon sends as null still reads as ``None``. An ``AttributeError`` too, so
    ``getattr(view, name, None)`` and ``hasattr`` keep working as for any absent attribute.

    ``resource_type`` and ``name`` say what was read, ``kind`` is ``"attribute"`` or
    ``"relationship"``, ``fix`` the argument to add (``fields={"member": ["full_name"]}`` or
    ``include=["user"]``), ``scopes`` the scopes without which Patreon also leaves it out
    (``identity[email]`` for a user's email on /identity), empty when the spec has no such rule.
    """

    def __init__(
        self,
        message: str,
        *,
        resource_type: str,
        name: str,
        kind: str,
        fix: str,
        scopes: tuple[str, ...] = (),
    ) -> None:
        super().__init__(message)
        self.name = name  # AttributeError's own field: what was read
        self.resource_type = resource_type
        self.kind = kind
        self.fix = fix
        self.scopes = scopes


class EdgeBudgetExceededError(PatreonError):
    """Refused before sending: this client id got too many 4xx answers lately.

    Patreon blocks a client id for about 30 minutes after roughly 2000 4xx answers in 10 minutes
    [live docs #edge-rate-limiting]; the limiter stops at a configured share of that, so the
    fleet keeps its access while someone fixes what causes the errors.
    """

    reason = "edge_budget"

    def __init__(self, *, client: str, seen: int, limits: RateLimits) -> None:
        assert limits.edge_errors is not None
        budget, window = limits.edge_errors
        super().__init__(
            f"refused before sending (edge budget): {seen} 4xx answers for client id {client!r} in the "
            f"last {window:g} s reached {limits.edge_share:.0%} of Patreon's edge budget ({budget} per "
            f"{window:g} s); past it Patreon blocks the client id for about 30 minutes"
        )
        self.client = client
        self.seen = seen
        self.threshold = limits.edge_threshold
        self.window = window


class ClientIdRequiredError(PatreonError, TypeError):
    """A rate limiter was given to a client without ``client_id=``.

    Patreon's budget is per client id [PD _rate_limits.md]: a limiter shared by many clients (a
    RedisRateLimiter for a fleet, one LocalRateLimiter for a process) can only share it if each
    client says whose budget it spends. Without the id its calls would go into a budget of their
    own beside the app's real one, and together they would get 429s. Pass the client id of the
    app the token belongs to (from the developer portal).
    """


__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ClientIdRequiredError",
    "EdgeBudgetExceededError",
    "InvalidParameterError",
    "NotFoundError",
    "NotRequestedError",
    "PatreonError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "ServerError",
    "UnknownNameError",
]
