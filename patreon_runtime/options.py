"""The client options as typed keyword sets (PEP 692), so editors complete them everywhere.

`Patreon`, `AsyncPatreon`, the creator clients and the user clients take `**options:
Unpack[PatreonOptions]` (or the async set); the defaults live once, on `ClientOptions` in
`sender.py`, and nothing else writes the list out again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypedDict

import httpx

from patreon_runtime.rate_limit import AsyncRateLimiter, RateLimiter

EventHooks = Mapping[str, Sequence[Callable[..., Any]]]


class _SharedOptions(TypedDict, total=False):
    base_url: str
    timeout: httpx.Timeout | float | None
    max_retries: int
    headers: Mapping[str, str] | None
    name: str | None
    retry_backoff: float
    max_retry_after: float
    max_error_excerpt: int
    max_error_body: int
    # The most a response body may decode to (default 64 MiB); past it ResponseTooLargeError.
    max_response_bytes: int
    # httpx's hooks: {"request": [...], "response": [...]}; async clients take async callables.
    event_hooks: EventHooks | None


class PatreonOptions(_SharedOptions, total=False):
    """Options of the sync clients; `http_client` shares one connection pool between clients."""

    transport: httpx.BaseTransport | None
    http_client: httpx.Client | None
    rate_limiter: RateLimiter | None


class AsyncPatreonOptions(_SharedOptions, total=False):
    """Options of the async clients; `http_client` shares one connection pool between clients."""

    transport: httpx.AsyncBaseTransport | None
    http_client: httpx.AsyncClient | None
    rate_limiter: AsyncRateLimiter | None


class CallOptions(TypedDict, total=False):
    """What `client.with_options(...)` may change for the calls of the copy it returns."""

    timeout: httpx.Timeout | float | None
    max_retries: int
    retry_backoff: float
    max_retry_after: float


__all__ = ["AsyncPatreonOptions", "CallOptions", "EventHooks", "PatreonOptions"]
