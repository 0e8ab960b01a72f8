"""AsyncSender: send one operation, retrying what is safe to retry (see sender.py for the options).

The async twin is the source: generator/unasync.py writes the sync one (``_sync/sender.py``) from it.
"""

from __future__ import annotations

from typing import Any

import httpx

from patreon_runtime import body_limit
from patreon_runtime._send_steps import gate_wait, log_retry, note_retries, pause_all, request_failure
from patreon_runtime.error_mapping import DEFAULT_ERROR_CAPS, ErrorCaps, status_error
from patreon_runtime.operation import Operation
from patreon_runtime.rate_gate import RateGate
from patreon_runtime.retry_policy import MAX_RETRY_AFTER, RetryBudget


class AsyncSender:
    """Sends requests through an httpx.AsyncClient, retrying what is safe to retry."""

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
        max_response_bytes: int = body_limit.DEFAULT_MAX_RESPONSE_BYTES,
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
        # The most a body may decode to (gzip bombs): read as a stream and refused past it.
        self.max_response_bytes = max_response_bytes

    async def request(self, operation: Operation) -> httpx.Response:
        # Imported here: only async code pays for asyncio (`import patreon_auth` stays light).  # async only
        import asyncio  # unasync: import time

        request = operation.to_request(self.client)
        if self.timeout is not None:
            request.extensions["timeout"] = httpx.Timeout(self.timeout).as_dict()
        budget = RetryBudget(request.method, self.max_retries, self.retry_backoff, self.max_retry_after)
        while True:
            wait = gate_wait(self.gate)
            if wait:
                await asyncio.sleep(wait)  # unasync: time.sleep(wait)
            failure: httpx.RequestError | None = None
            try:
                # Streamed, then read here with a cap on the decoded size (patreon_runtime.body_limit).
                response = await self.client.send(request, stream=True, **self.extra)
                await body_limit.aread(response, self.max_response_bytes)
            except httpx.RequestError as exc:
                failure = exc
            if failure is not None:
                delay = budget.after_connection_error() if isinstance(failure, httpx.TransportError) else None
                if delay is None:
                    raise note_retries(request_failure(failure, request), budget)
                log_retry(request, type(failure).__name__, delay, budget, rate_wait=False)
                await asyncio.sleep(delay)  # unasync: time.sleep(delay)
                continue
            if response.is_success:
                return response
            if response.status_code == 429:
                pause_all(self.gate, response, self.max_retry_after)
            waits = budget.rate_waits
            delay = budget.after_status(response.status_code, response.headers, response.content)
            if delay is None:
                raise note_retries(status_error(response, self.error_caps, operation.scope_rules), budget)
            log_retry(request, f"HTTP {response.status_code}", delay, budget, budget.rate_waits > waits)
            await asyncio.sleep(delay)  # unasync: time.sleep(delay)

    async def aclose(self) -> None:
        if self.owns_client:
            await self.client.aclose()
