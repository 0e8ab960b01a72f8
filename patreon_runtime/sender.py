"""Send one request with the shared options: User-Agent, default timeout, retries, typed errors.

One module does this for both twins so the policy lives once (``retry_policy``) and the sync and
async loops stay line-for-line alike. What is sent is an ``Operation`` from a generated request
builder, made into an ``httpx.Request`` on this sender's client.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs
import httpx

from . import errors
from .error_mapping import DEFAULT_ERROR_CAPS, ErrorCaps, status_error
from .operation import Operation
from .rate_gate import RateGate
from .retry_policy import (
    DEFAULT_MAX_RETRIES,
    INITIAL_BACKOFF,
    MAX_RETRY_AFTER,
    RetryBudget,
    retry_after_seconds,
)
from .version import LIBRARY_VERSION

# Children of "patreon", one per concern, so an app can turn one up alone (docs/logging.md).
# Records name the method and path, never the query (cursors) or a header (the token).
retry_logger = logging.getLogger("patreon.retry")
rate_logger = logging.getLogger("patreon.ratelimit")

DEFAULT_BASE_URL = "https://www.patreon.com"
# Plain httpx waits 5 s; the stock generated client waits forever. Patreon's member pages of 1000
# can take several seconds to build, so the read timeout is generous and connect is short.
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)


def user_agent(name: str | None) -> str:
    """Patreon may drop requests without an informative User-Agent with a 403 [PD _intro.md]."""
    agent = f"patreon-v2-python/{LIBRARY_VERSION} httpx/{httpx.__version__}"
    return f"{agent} ({name})" if name else agent


def _header_dict(value: Mapping[str, str] | None) -> dict[str, str]:
    return dict(value or {})


@attrs.frozen(kw_only=True)
class ClientOptions:
    """The options every client takes; ``transport`` may be any httpx transport (sandbox, mock, proxy)."""

    base_url: str = DEFAULT_BASE_URL
    timeout: httpx.Timeout | float | None = None
    max_retries: int = DEFAULT_MAX_RETRIES
    headers: Mapping[str, str] = attrs.field(factory=dict, converter=_header_dict)
    name: str | None = None
    transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None = None
    retry_backoff: float = INITIAL_BACKOFF
    max_retry_after: float = MAX_RETRY_AFTER
    max_error_excerpt: int = DEFAULT_ERROR_CAPS.excerpt_chars
    max_error_body: int = DEFAULT_ERROR_CAPS.body_bytes
    event_hooks: Mapping[str, Sequence[Callable[..., Any]]] | None = None
    # A pool shared with other clients (its owner closes it); the options above then describe
    # what that pool was built with, and only the retry and error ones apply.
    http_client: httpx.Client | httpx.AsyncClient | None = attrs.field(default=None, eq=False, repr=False)
    # The rate limiter (flavour-typed in options.py); the clients wrap their auth in it.
    rate_limiter: object = attrs.field(default=None, eq=False, repr=False)

    def error_caps(self) -> ErrorCaps:
        return ErrorCaps(excerpt_chars=self.max_error_excerpt, body_bytes=self.max_error_body)

    def httpx_kwargs(self) -> dict[str, Any]:
        headers = {"User-Agent": user_agent(self.name), "Accept": "application/json"}
        headers.update(self.headers)
        timeout = self.timeout if self.timeout is not None else DEFAULT_TIMEOUT
        kwargs: dict[str, Any] = {
            "base_url": self.base_url.rstrip("/"),
            "headers": headers,
            "timeout": timeout,
        }
        if self.event_hooks is not None:
            kwargs["event_hooks"] = {kind: list(hooks) for kind, hooks in self.event_hooks.items()}
        return kwargs

    def sync_client(self, auth: httpx.Auth | None = None) -> httpx.Client:
        transport = self.transport
        if transport is not None and not isinstance(transport, httpx.BaseTransport):
            raise TypeError("a sync client needs a sync transport (httpx.BaseTransport)")
        return httpx.Client(transport=transport, auth=auth, **self.httpx_kwargs())

    def async_client(self, auth: httpx.Auth | None = None) -> httpx.AsyncClient:
        transport = self.transport
        if transport is not None and not isinstance(transport, httpx.AsyncBaseTransport):
            raise TypeError("an async client needs an async transport (httpx.AsyncBaseTransport)")
        return httpx.AsyncClient(transport=transport, auth=auth, **self.httpx_kwargs())


def _request_failure(exc: httpx.RequestError, request: httpx.Request | None) -> errors.PatreonError:
    """The typed error for an httpx failure; raised by the caller outside ``except``, so that no
    ``__context__`` keeps the httpx exception (and through it the request's Authorization header)."""
    if isinstance(exc, httpx.DecodingError):
        # The body does not match its Content-Encoding (a broken proxy or edge): not retried.
        return errors.ResponseValidationError(f"the response body could not be decoded: {exc}")
    if isinstance(exc, httpx.TimeoutException):
        return errors.APITimeoutError(f"request timed out: {type(exc).__name__}", request=request)
    return errors.APIConnectionError(f"connection failed: {type(exc).__name__}: {exc}", request=request)


def _pause_all(gate: RateGate, response: httpx.Response, max_retry_after: float) -> None:
    """A 429's delay holds back every request of this client, not just the one retried.

    Only a delay the caller allows (``max_retry_after``) is shared; a longer one fails this call
    at once (RetryBudget refuses it) and leaves no pause behind for the next call.
    """
    asked = retry_after_seconds(response.headers, response.content)
    if asked is None:
        return
    if asked > max_retry_after:
        rate_logger.warning(
            "Patreon asked to wait %.0f s after a 429, more than max_retry_after=%.0f s: failing now, no pause",
            asked,
            max_retry_after,
        )
        return
    rate_logger.warning("Patreon rate limit (429): every request of this client pauses for %.1f s", asked)
    gate.pause(asked)


def _log_retry(
    request: httpx.Request, reason: str, delay: float, budget: RetryBudget, rate_wait: bool
) -> None:
    """One INFO record per retry: what is retried, why, which attempt, and how long it waits."""
    if rate_wait:
        retry_logger.info(
            "retrying %s %s after %s: waiting %.2f s as Patreon asked (rate-limit wait %d)",
            request.method,
            request.url.path,
            reason,
            delay,
            budget.rate_waits,
        )
    else:
        retry_logger.info(
            "retrying %s %s after %s: attempt %d of %d in %.2f s",
            request.method,
            request.url.path,
            reason,
            budget.attempt + 1,
            budget.max_retries + 1,
            delay,
        )


def _gate_wait(gate: RateGate) -> float:
    wait = gate.wait_time()
    if wait:
        rate_logger.info("waiting %.1f s for the shared rate-limit pause", wait)
    return wait


class Sender:
    """Sends requests through an httpx.Client, retrying what is safe to retry."""

    def __init__(
        self,
        client: httpx.Client,
        *,
        max_retries: int,
        retry_backoff: float,
        auth: httpx.Auth | None = None,
        owns_client: bool = True,
        max_retry_after: float = MAX_RETRY_AFTER,
        error_caps: ErrorCaps = DEFAULT_ERROR_CAPS,
        timeout: httpx.Timeout | float | None = None,
        gate: RateGate | None = None,
    ) -> None:
        self.client = client
        # None keeps the client's own timeout; `with_options(timeout=...)` sets one per request.
        self.timeout = timeout
        self.max_retries = max_retries
        self.retry_backoff = retry_backoff
        self.max_retry_after = max_retry_after
        self.error_caps = error_caps
        # Per-request auth lets many clients (one per user token) share one connection pool.
        self.extra: dict[str, Any] = {"auth": auth} if auth is not None else {}
        self.owns_client = owns_client
        self.gate = gate if gate is not None else RateGate()

    def request(self, operation: Operation) -> httpx.Response:
        request = operation.to_request(self.client)
        if self.timeout is not None:
            request.extensions["timeout"] = httpx.Timeout(self.timeout).as_dict()
        budget = RetryBudget(request.method, self.max_retries, self.retry_backoff, self.max_retry_after)
        while True:
            wait = _gate_wait(self.gate)
            if wait:
                time.sleep(wait)
            failure: httpx.RequestError | None = None
            try:
                response = self.client.send(request, **self.extra)
            except httpx.RequestError as exc:
                failure = exc
            if failure is not None:
                delay = budget.after_connection_error() if isinstance(failure, httpx.TransportError) else None
                if delay is None:
                    raise _request_failure(failure, request)
                _log_retry(request, type(failure).__name__, delay, budget, rate_wait=False)
                time.sleep(delay)
                continue
            if response.is_success:
                return response
            if response.status_code == 429:
                _pause_all(self.gate, response, self.max_retry_after)
            waits = budget.rate_waits
            delay = budget.after_status(response.status_code, response.headers, response.content)
            if delay is None:
                raise status_error(response, self.error_caps, operation.scope_rules)
            _log_retry(request, f"HTTP {response.status_code}", delay, budget, budget.rate_waits > waits)
            time.sleep(delay)

    def close(self) -> None:
        if self.owns_client:
            self.client.close()


class AsyncSender:
    """Async twin of Sender."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        *,
        max_retries: int,
        retry_backoff: float,
        auth: httpx.Auth | None = None,
        owns_client: bool = True,
        max_retry_after: float = MAX_RETRY_AFTER,
        error_caps: ErrorCaps = DEFAULT_ERROR_CAPS,
        timeout: httpx.Timeout | float | None = None,
        gate: RateGate | None = None,
    ) -> None:
        self.client = client
        # None keeps the client's own timeout; `with_options(timeout=...)` sets one per request.
        self.timeout = timeout
        self.max_retries = max_retries
        self.retry_backoff = retry_backoff
        self.max_retry_after = max_retry_after
        self.error_caps = error_caps
        self.extra: dict[str, Any] = {"auth": auth} if auth is not None else {}
        self.owns_client = owns_client
        self.gate = gate if gate is not None else RateGate()

    async def request(self, operation: Operation) -> httpx.Response:
        # Imported here: only async code pays for asyncio (`import patreon_auth` stays light).
        import asyncio

        request = operation.to_request(self.client)
        if self.timeout is not None:
            request.extensions["timeout"] = httpx.Timeout(self.timeout).as_dict()
        budget = RetryBudget(request.method, self.max_retries, self.retry_backoff, self.max_retry_after)
        while True:
            wait = _gate_wait(self.gate)
            if wait:
                await asyncio.sleep(wait)
            failure: httpx.RequestError | None = None
            try:
                response = await self.client.send(request, **self.extra)
            except httpx.RequestError as exc:
                failure = exc
            if failure is not None:
                delay = budget.after_connection_error() if isinstance(failure, httpx.TransportError) else None
                if delay is None:
                    raise _request_failure(failure, request)
                _log_retry(request, type(failure).__name__, delay, budget, rate_wait=False)
                await asyncio.sleep(delay)
                continue
            if response.is_success:
                return response
            if response.status_code == 429:
                _pause_all(self.gate, response, self.max_retry_after)
            waits = budget.rate_waits
            delay = budget.after_status(response.status_code, response.headers, response.content)
            if delay is None:
                raise status_error(response, self.error_caps, operation.scope_rules)
            _log_retry(request, f"HTTP {response.status_code}", delay, budget, budget.rate_waits > waits)
            await asyncio.sleep(delay)

    async def aclose(self) -> None:
        if self.owns_client:
            await self.client.aclose()
