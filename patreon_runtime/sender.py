"""Send one request with the shared options: User-Agent, default timeout, retries, typed errors.

The options (``ClientOptions``) live here; the senders are twins by construction: ``AsyncSender``
is written in ``_async/sender.py`` and generator/unasync.py writes ``Sender`` from it, so the sync
and async loops cannot drift; the steps they share are in ``_send_steps`` and the policy in
``retry_policy``. What is sent is an ``Operation`` from a generated request builder, made into an
``httpx.Request`` on the sender's client.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs
import httpx

from ._async.sender import AsyncSender
from ._send_steps import rate_logger, retry_logger
from ._sync.sender import Sender
from .body_limit import DEFAULT_MAX_RESPONSE_BYTES
from .error_mapping import DEFAULT_ERROR_CAPS, ErrorCaps
from .retry_policy import DEFAULT_MAX_RETRIES, INITIAL_BACKOFF, MAX_RETRY_AFTER
from .version import LIBRARY_VERSION

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RESPONSE_BYTES",
    "DEFAULT_TIMEOUT",
    "AsyncSender",
    "ClientOptions",
    "Sender",
    "rate_logger",
    "retry_logger",
    "user_agent",
]

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
    # The most a response body may decode to; past it ResponseTooLargeError (patreon_runtime.body_limit).
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES
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
