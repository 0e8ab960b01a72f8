"""RateLimitedAuth: spends a rate limiter's budgets for every request that actually leaves.

It wraps the client's auth (an httpx.Auth) rather than the sender because only after the auth
has run does a request carry its final bearer token (a refresh may have just replaced it), and
the auth flow also sees the replay after a 401: each request Patreon counts is counted here.
Tokens are keyed by a hash, so no token reaches Redis or a log.

``AsyncRateLimitedAuth`` (patreon_runtime/_async/rate_limited_auth.py) is the source of the twins;
generator/unasync.py writes ``RateLimitedAuth`` from it. This module holds what both share and
picks one for a client (``limit_sync``, ``limit_async``); each twin is imported only when a client
of its kind is made, so a sync process never loads the async flow.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Generator
from typing import TYPE_CHECKING, NoReturn

import httpx

from .errors import ClientIdRequiredError as ClientIdRequiredError  # defined with the errors, raised here
from .rate_limit import AsyncLocalRateLimiter, AsyncRateLimiter, LocalRateLimiter, RateLimiter
from .retry_policy import MAX_RETRY_AFTER, retry_after_seconds

if TYPE_CHECKING:
    from ._async.rate_limited_auth import AsyncRateLimitedAuth as AsyncRateLimitedAuth
    from ._sync.rate_limited_auth import RateLimitedAuth as RateLimitedAuth

DEFAULT_CLIENT_KEY = "default"

logger = logging.getLogger("patreon.ratelimit")


def _require_client_id(client_id: str | None) -> str:
    if not client_id:
        raise ClientIdRequiredError(
            "a client given rate_limiter= needs client_id= too (the id of the app its token belongs "
            "to): the limiter spends one budget per client id, and without one this client would "
            "spend a separate budget beside your app's real one (docs/fleet.md, 'One budget per app')"
        )
    return client_id


class _DefaultLimiterKeys:
    """The client ids this process's default limiter has been used with, to say once, loudly,
    when clients without a ``client_id`` spend a budget of their own beside real ones."""

    def __init__(self) -> None:
        self._seen: set[str] = set()
        self._warned = False
        self._lock = threading.Lock()

    def note(self, key: str) -> None:
        with self._lock:
            if key in self._seen:
                return
            self._seen.add(key)
            if self._warned or DEFAULT_CLIENT_KEY not in self._seen or len(self._seen) < 2:
                return
            self._warned = True
            others = sorted(self._seen - {DEFAULT_CLIENT_KEY})
        logger.warning(
            "a client made without client_id= spends a rate budget of its own (%r) in this process's "
            "default limiter, beside the budget of client id(s) %s: if its token belongs to one of "
            "those apps, pass client_id= so they share one budget (Patreon counts them together)",
            DEFAULT_CLIENT_KEY,
            ", ".join(others),
        )


_DEFAULT_KEYS = _DefaultLimiterKeys()


def _client_key(given: bool, client_id: str | None) -> str:
    """The budget a client spends: a limiter given explicitly needs the client id; the process
    default keys a client without one as "default", and says so once real ids are in use too."""
    key = _require_client_id(client_id) if given else client_id or DEFAULT_CLIENT_KEY
    _DEFAULT_KEYS.note(key)
    return key


# A request late for its slot asks again, but not forever: on a host too busy to ever be on
# time, it goes after this many tries (Patreon's 429, still honoured, is the backstop).
MAX_LATE_RETRIES = 3
# Waits shorter than this are not slept: the OS would sleep longer anyway (timer slack is 50 us
# on Linux), and a millisecond early is far inside the limits' margin.
MIN_SLEEP = 0.001


def token_key(request: httpx.Request) -> str | None:
    """A stable, non-secret name for the request's bearer token (None without one)."""
    header = request.headers.get("authorization")
    if not header:
        return None
    return hashlib.sha256(header.encode()).hexdigest()[:24]


class TokenKeys:
    """The last token's key: a client sends one token until it refreshes, so hash it once, not per request."""

    __slots__ = ("_last",)

    def __init__(self) -> None:
        self._last: tuple[str | None, str | None] = (None, None)

    def of(self, request: httpx.Request) -> str | None:
        header = request.headers.get("authorization")
        last_header, last_key = self._last
        if header == last_header:
            return last_key
        key = token_key(request)
        self._last = (header, key)
        return key


def delay_asked(response: httpx.Response) -> float | None:
    """A 429's delay (its body is read first: the header may be missing); None for other statuses."""
    if response.status_code != 429:
        return None
    asked = retry_after_seconds(response.headers, response.content)
    # An absurd delay fails the call at once (the sender refuses it) and pauses nobody.
    return asked if asked is not None and asked <= MAX_RETRY_AFTER else None


class NoAuth(httpx.Auth):
    """What a limited client without credentials wraps: the request as it is."""

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        yield request


def refuse_other_flow(auth: httpx.Auth, request: httpx.Request) -> NoReturn:
    """A rate-limited auth's flow for the other kind of client (sync or async): a clear error."""
    kind = getattr(auth, "kind", "sync")
    article = "an" if kind == "async" else "a"
    raise RuntimeError(f"this client's rate limiter is {kind}; use it with {article} {kind} client")


def default_limiter(base_url: str, *, custom_transport: bool) -> LocalRateLimiter | None:
    """The process's LocalRateLimiter for requests that reach Patreon itself, else None.

    Other origins (a sandbox, a proxy) and custom transports (a mock, the in-process sandbox, a
    shared pool whose owner decided) have their own limits, so they are paced only when asked.
    """
    if custom_transport or httpx.URL(base_url).host not in {"www.patreon.com", "patreon.com"}:
        return None
    return LocalRateLimiter.process_default()


def default_async_limiter(base_url: str, *, custom_transport: bool) -> AsyncLocalRateLimiter | None:
    """default_limiter for async clients: the same process-wide windows, behind an awaitable face."""
    local = default_limiter(base_url, custom_transport=custom_transport)
    return AsyncLocalRateLimiter(local=local) if local is not None else None


def limit_sync(
    auth: httpx.Auth | None,
    limiter: RateLimiter | None,
    *,
    client_id: str | None,
    base_url: str,
    custom_transport: bool = False,
) -> httpx.Auth | None:
    """Wrap ``auth`` for a sync client in ``limiter``, or in the default one (see default_limiter).

    A limiter given needs ``client_id`` (ClientIdRequiredError otherwise): see _client_key.
    """
    given = limiter is not None
    if limiter is None:
        limiter = default_limiter(base_url, custom_transport=custom_transport)
        if limiter is None:
            return auth
    from ._sync.rate_limited_auth import RateLimitedAuth

    return RateLimitedAuth(auth, client=_client_key(given, client_id), limiter=limiter)


def limit_async(
    auth: httpx.Auth | None,
    limiter: AsyncRateLimiter | None,
    *,
    client_id: str | None,
    base_url: str,
    custom_transport: bool = False,
) -> httpx.Auth | None:
    """Async counterpart of limit_sync (the process default is shared through AsyncLocalRateLimiter)."""
    given = limiter is not None
    if limiter is None:
        limiter = default_async_limiter(base_url, custom_transport=custom_transport)
        if limiter is None:
            return auth
    from ._async.rate_limited_auth import AsyncRateLimitedAuth

    return AsyncRateLimitedAuth(auth, client=_client_key(given, client_id), limiter=limiter)


def __getattr__(name: str) -> object:
    # The twins by their public names, loaded on first use (see the module docstring).
    if name == "RateLimitedAuth":
        from ._sync.rate_limited_auth import RateLimitedAuth

        return RateLimitedAuth
    if name == "AsyncRateLimitedAuth":
        from ._async.rate_limited_auth import AsyncRateLimitedAuth

        return AsyncRateLimitedAuth
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
