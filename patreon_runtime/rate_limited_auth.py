"""RateLimitedAuth: spends a rate limiter's budgets for every request that actually leaves.

It wraps the client's auth (an httpx.Auth) rather than the sender because only after the auth
has run does a request carry its final bearer token (a refresh may have just replaced it), and
the auth flow also sees the replay after a 401: each request Patreon counts is counted here.
Tokens are keyed by a hash, so no token reaches Redis or a log.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import AsyncGenerator, Generator

import httpx

from .rate_limit import AsyncLocalRateLimiter, AsyncRateLimiter, LocalRateLimiter, RateLimiter
from .retry_policy import MAX_RETRY_AFTER, retry_after_seconds

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


def _delay_asked(response: httpx.Response) -> float | None:
    """A 429's delay (its body is read first: the header may be missing); None for other statuses."""
    if response.status_code != 429:
        return None
    asked = retry_after_seconds(response.headers, response.content)
    # An absurd delay fails the call at once (the sender refuses it) and pauses nobody.
    return asked if asked is not None and asked <= MAX_RETRY_AFTER else None


class _NoAuth(httpx.Auth):
    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        yield request


class RateLimitedAuth(httpx.Auth):
    """``inner`` auth, with each outgoing request waiting for a slot in the limiter's budgets."""

    def __init__(
        self,
        inner: httpx.Auth | None,
        *,
        client: str,
        limiter: RateLimiter | None = None,
        async_limiter: AsyncRateLimiter | None = None,
    ) -> None:
        self.inner = inner if inner is not None else _NoAuth()
        self.client = client
        self.limiter = limiter
        self.async_limiter = async_limiter
        self.requires_request_body = self.inner.requires_request_body
        self.requires_response_body = self.inner.requires_response_body
        self._last_key: tuple[str | None, str | None] = (None, None)

    def _token_key(self, request: httpx.Request) -> str | None:
        # A client sends one token until it refreshes: hash it once, not on every request.
        header = request.headers.get("authorization")
        last_header, last_key = self._last_key
        if header == last_header:
            return last_key
        key = token_key(request)
        self._last_key = (header, key)
        return key

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        limiter = self.limiter
        if limiter is None:
            raise RuntimeError("this client's rate limiter is async; use it with an async client")
        flow = self.inner.sync_auth_flow(request)
        outgoing = next(flow)
        while True:
            key = self._token_key(outgoing)
            late = 0
            while True:
                slot = limiter.reserve(self.client, key)
                if slot.wait <= MIN_SLEEP:
                    if slot.granted:
                        break
                    continue
                due = time.monotonic() + slot.wait
                time.sleep(slot.wait)
                if slot.granted and (time.monotonic() - due <= slot.late_after or late >= MAX_LATE_RETRIES):
                    break
                late += slot.granted
            response = yield outgoing
            if 400 <= response.status_code < 500:
                if response.status_code == 429:
                    response.read()
                limiter.observe(self.client, response.status_code, _delay_asked(response))
            try:
                outgoing = flow.send(response)
            except StopIteration:
                return

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        limiter = self.async_limiter
        if limiter is None:
            raise RuntimeError("this client's rate limiter is sync; use it with a sync client")
        flow = self.inner.async_auth_flow(request)
        outgoing = await flow.__anext__()
        while True:
            key = self._token_key(outgoing)
            late = 0
            while True:
                slot = await limiter.reserve(self.client, key)
                if slot.wait <= MIN_SLEEP:
                    if slot.granted:
                        break
                    continue
                due = time.monotonic() + slot.wait
                import asyncio  # only async clients wait here: sync ones never load asyncio

                await asyncio.sleep(slot.wait)
                if slot.granted and (time.monotonic() - due <= slot.late_after or late >= MAX_LATE_RETRIES):
                    break
                late += slot.granted
            response = yield outgoing
            if 400 <= response.status_code < 500:
                if response.status_code == 429:
                    await response.aread()
                await limiter.observe(self.client, response.status_code, _delay_asked(response))
            try:
                outgoing = await flow.asend(response)
            except StopAsyncIteration:
                return

    def __repr__(self) -> str:
        limiter = self.limiter if self.limiter is not None else self.async_limiter
        return f"RateLimitedAuth({self.inner!r}, client={self.client!r}, limiter={limiter!r})"


def default_limiter(base_url: str, *, custom_transport: bool) -> LocalRateLimiter | None:
    """The process's LocalRateLimiter for requests that reach Patreon itself, else None.

    Other origins (a sandbox, a proxy) and custom transports (a mock, the in-process sandbox, a
    shared pool whose owner decided) have their own limits, so they are paced only when asked.
    """
    if custom_transport or httpx.URL(base_url).host not in {"www.patreon.com", "patreon.com"}:
        return None
    return LocalRateLimiter.process_default()


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
    return RateLimitedAuth(auth, client=client_id or DEFAULT_CLIENT_KEY, limiter=limiter)


def limit_async(
    auth: httpx.Auth | None,
    limiter: AsyncRateLimiter | None,
    *,
    client_id: str | None,
    base_url: str,
    custom_transport: bool = False,
) -> httpx.Auth | None:
    """Async twin of limit_sync."""
    if limiter is None:
        local = default_limiter(base_url, custom_transport=custom_transport)
        if local is None:
            return auth
        limiter = AsyncLocalRateLimiter(local=local)
    return RateLimitedAuth(auth, client=client_id or DEFAULT_CLIENT_KEY, async_limiter=limiter)
