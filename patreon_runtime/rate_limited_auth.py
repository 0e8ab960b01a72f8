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
from collections.abc import Generator
from typing import TYPE_CHECKING, NoReturn

import httpx

from .rate_limit import AsyncLocalRateLimiter, AsyncRateLimiter, LocalRateLimiter, RateLimiter
from .retry_policy import MAX_RETRY_AFTER, retry_after_seconds

if TYPE_CHECKING:
    from ._async.rate_limited_auth import AsyncRateLimitedAuth as AsyncRateLimitedAuth
    from ._sync.rate_limited_auth import RateLimitedAuth as RateLimitedAuth

DEFAULT_CLIENT_KEY = "default"
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
    """Wrap ``auth`` for a sync client in ``limiter``, or in the default one (see default_limiter)."""
    if limiter is None:
        limiter = default_limiter(base_url, custom_transport=custom_transport)
        if limiter is None:
            return auth
    from ._sync.rate_limited_auth import RateLimitedAuth

    return RateLimitedAuth(auth, client=client_id or DEFAULT_CLIENT_KEY, limiter=limiter)


def limit_async(
    auth: httpx.Auth | None,
    limiter: AsyncRateLimiter | None,
    *,
    client_id: str | None,
    base_url: str,
    custom_transport: bool = False,
) -> httpx.Auth | None:
    """Async counterpart of limit_sync (the process default is shared through AsyncLocalRateLimiter)."""
    if limiter is None:
        limiter = default_async_limiter(base_url, custom_transport=custom_transport)
        if limiter is None:
            return auth
    from ._async.rate_limited_auth import AsyncRateLimitedAuth

    return AsyncRateLimitedAuth(auth, client=client_id or DEFAULT_CLIENT_KEY, limiter=limiter)


def __getattr__(name: str) -> object:
    # The twins by their public names, loaded on first use (see the module docstring).
    if name == "RateLimitedAuth":
        from ._sync.rate_limited_auth import RateLimitedAuth

        return RateLimitedAuth
    if name == "AsyncRateLimitedAuth":
        from ._async.rate_limited_auth import AsyncRateLimitedAuth

        return AsyncRateLimitedAuth
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
