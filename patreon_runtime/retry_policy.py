"""When to retry and how long to wait: pure functions shared by the sync and async senders.

Policy (after openai-python's, see design/reference/style.md): retry connection errors, timeouts, 408, 429
and 5xx, only for idempotent methods; back off exponentially with full jitter; on 429 wait what
Patreon asks for, from ``Retry-After`` (seconds or an HTTP date) or the error body's
``retry_after_seconds`` [PD _rate_limits.md; platform-documentation#95], capped.
"""

from __future__ import annotations

import datetime as dt
import math
import time
from collections.abc import Mapping

from . import safe_json

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
DEFAULT_MAX_RETRIES = 2
INITIAL_BACKOFF = 0.5
MAX_BACKOFF = 8.0
# The longest a 429 may hold a client back, by default (the `max_retry_after` client option): a
# longer Retry-After fails the call at once and sets no pause.
MAX_RETRY_AFTER = 120.0
# 429s that say when to come back are waited out without spending the retry budget (a storm
# of callers sharing one limit would otherwise fail); this bounds how many, per request.
MAX_RATE_LIMIT_WAITS = 20


def _seconds(value: float) -> float | None:
    """A delay from a parsed number: NaN is no delay at all, negatives are 0, huge stays huge."""
    if math.isnan(value):
        return None
    return max(0.0, value)


def _header_seconds(header: str) -> float | None:
    """``Retry-After`` is delay-seconds or an HTTP-date [RFC 9110 §10.2.3]; None when it is neither."""
    text = header.strip()
    try:
        return _seconds(float(text))
    except ValueError:
        pass
    import email.utils  # only for the HTTP-date form, so a first request never loads it

    try:
        when = email.utils.parsedate_to_datetime(text)
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)  # HTTP-dates are always GMT
        return _seconds(when.timestamp() - time.time())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None  # garbage: as if the header were absent


def _body_seconds(content: bytes) -> float | None:
    try:
        body = safe_json.loads(content)
    except ValueError:
        return None
    if isinstance(body, dict):
        for error in body.get("errors") or ():
            if isinstance(error, dict):
                value = error.get("retry_after_seconds")
                if isinstance(value, int | float) and not isinstance(value, bool):
                    try:
                        return _seconds(float(value))
                    except OverflowError:  # an integer past float range
                        return math.inf
    return None


def retry_after_seconds(headers: Mapping[str, str], content: bytes) -> float | None:
    """The delay a 429 asks for: the header first, then the body ([PAT] PR #119 does the same).

    Never raises: garbage is None, a negative delay or a date in the past is 0, and an absurd one
    (``inf``, a date in the year 9999) comes back as it is, for the caller's limit to refuse.
    """
    header = headers.get("retry-after")
    if header:
        seconds = _header_seconds(header)
        if seconds is not None:
            return seconds
    if not content:
        return None
    return _body_seconds(content)


def backoff_delay(attempt: int, initial: float = INITIAL_BACKOFF, maximum: float = MAX_BACKOFF) -> float:
    """Full-jitter exponential backoff for retry number ``attempt`` (0-based)."""
    import random  # only when retrying: a request that succeeds never loads it

    return random.uniform(0.0, min(maximum, initial * (2**attempt)))


def is_retryable_method(method: str) -> bool:
    return method.upper() in IDEMPOTENT_METHODS


class RetryBudget:
    """What one request may still retry; each method answers "wait this long" or None ("give up")."""

    __slots__ = ("attempt", "initial_backoff", "max_retries", "max_retry_after", "rate_waits", "retryable")

    def __init__(
        self, method: str, max_retries: int, initial_backoff: float, max_retry_after: float = MAX_RETRY_AFTER
    ) -> None:
        self.retryable = is_retryable_method(method)
        self.max_retries = max_retries
        self.initial_backoff = initial_backoff
        self.max_retry_after = max_retry_after
        self.attempt = 0
        self.rate_waits = 0

    def after_connection_error(self) -> float | None:
        if not self.retryable or self.attempt >= self.max_retries:
            return None
        delay = backoff_delay(self.attempt, self.initial_backoff)
        self.attempt += 1
        return delay

    def after_status(self, status_code: int, headers: Mapping[str, str], content: bytes) -> float | None:
        if not self.retryable or self.max_retries == 0 or status_code not in RETRYABLE_STATUSES:
            return None
        if status_code == 429:
            asked = retry_after_seconds(headers, content)
            if asked is not None:
                if asked > self.max_retry_after or self.rate_waits >= MAX_RATE_LIMIT_WAITS:
                    return None
                self.rate_waits += 1
                return asked
        if self.attempt >= self.max_retries:
            return None
        delay = backoff_delay(self.attempt, self.initial_backoff)
        self.attempt += 1
        return delay
