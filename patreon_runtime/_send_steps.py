"""The steps of one send that the sender twins share: typed failure, shared 429 pause, retry log.

Kept apart from ``sender`` so that ``_async/sender.py`` (the source of both twins) and the public
module that re-exports them import it without a cycle.
"""

from __future__ import annotations

import logging
from typing import TypeVar

import httpx

from . import errors
from .rate_gate import RateGate
from .retry_policy import RetryBudget, retry_after_seconds

# Children of "patreon", one per concern, so an app can turn one up alone (docs/logging.md).
# Records name the method and path, never the query (cursors) or a header (the token).
retry_logger = logging.getLogger("patreon.retry")
rate_logger = logging.getLogger("patreon.ratelimit")
ErrorT = TypeVar("ErrorT", bound=errors.PatreonError)


def request_failure(exc: httpx.RequestError, request: httpx.Request | None) -> errors.PatreonError:
    """The typed error for an httpx failure; raised by the caller outside ``except``, so that no
    ``__context__`` keeps the httpx exception (and through it the request's Authorization header)."""
    if isinstance(exc, httpx.DecodingError):
        # The body does not match its Content-Encoding (a broken proxy or edge): not retried.
        return errors.ResponseValidationError(f"the response body could not be decoded: {exc}")
    if isinstance(exc, httpx.TimeoutException):
        return errors.APITimeoutError(f"request timed out: {type(exc).__name__}", request=request)
    return errors.APIConnectionError(f"connection failed: {type(exc).__name__}: {exc}", request=request)


def pause_all(gate: RateGate, response: httpx.Response, max_retry_after: float) -> None:
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


def note_retries(error: ErrorT, budget: RetryBudget) -> ErrorT:
    """A failure that was retried says so in its message, and how often: a persistent 5xx or a
    dead connection reads "(retried 2 times, max_retries=2)", not as if it was tried once."""
    retries = budget.attempt + budget.rate_waits
    if retries and error.args and isinstance(error.args[0], str):
        times = "once" if retries == 1 else f"{retries} times"
        error.args = (f"{error.args[0]} (retried {times}, max_retries={budget.max_retries})", *error.args[1:])
    return error


def log_retry(
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


def gate_wait(gate: RateGate) -> float:
    wait = gate.wait_time()
    if wait:
        rate_logger.info("waiting %.1f s for the shared rate-limit pause", wait)
    return wait
