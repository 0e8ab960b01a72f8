"""AsyncRateLimitedAuth: the client's auth, with each request that leaves spending a rate budget.

The async twin is the source: generator/unasync.py writes the sync one (RateLimitedAuth) from it.
Why the limiter wraps the auth, and the helpers both share, are in
patreon_runtime/rate_limited_auth.py.
"""

from __future__ import annotations

import time
from collections.abc import AsyncGenerator

import httpx

from patreon_runtime.rate_limit import AsyncRateLimiter
from patreon_runtime.rate_limited_auth import (
    MAX_LATE_RETRIES,
    MIN_SLEEP,
    NoAuth,
    TokenKeys,
    delay_asked,
    refuse_other_flow,
)


class AsyncRateLimitedAuth(httpx.Auth):
    """``inner`` auth, with each outgoing request waiting for a slot in the limiter's budgets."""

    # httpx.Auth's own flow for the other kind of client would send the request with no auth at
    # all: a sync client handed this auth (or an async one the sync twin) fails instead.
    kind = "async"  # unasync: kind = "sync"
    sync_auth_flow = refuse_other_flow  # unasync: async_auth_flow = refuse_other_flow

    def __init__(self, inner: httpx.Auth | None, *, client: str, limiter: AsyncRateLimiter) -> None:
        self.inner = inner if inner is not None else NoAuth()
        self.client = client
        self.limiter = limiter
        self.requires_request_body = self.inner.requires_request_body
        self.requires_response_body = self.inner.requires_response_body
        self._token_keys = TokenKeys()

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        limiter = self.limiter
        flow = self.inner.async_auth_flow(request)
        outgoing = await flow.__anext__()  # unasync: outgoing = next(flow)
        while True:
            key = self._token_keys.of(outgoing)
            late = 0
            while True:
                slot = await limiter.reserve(self.client, key)
                if slot.wait <= MIN_SLEEP:
                    if slot.granted:
                        break
                    continue
                import asyncio  # only async clients wait here: sync ones never load asyncio  # async only

                due = time.monotonic() + slot.wait
                await asyncio.sleep(slot.wait)  # unasync: time.sleep(slot.wait)
                # Woken later than the slot allows (a busy host): take a new one, a few times.
                if slot.granted and (time.monotonic() - due <= slot.late_after or late >= MAX_LATE_RETRIES):
                    break
                late += slot.granted
            response = yield outgoing
            if 400 <= response.status_code < 500:
                if response.status_code == 429:
                    await response.aread()
                await limiter.observe(self.client, response.status_code, delay_asked(response))
            try:
                outgoing = await flow.asend(response)  # unasync: outgoing = flow.send(response)
            except StopAsyncIteration:
                return

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.inner!r}, client={self.client!r}, limiter={self.limiter!r})"
