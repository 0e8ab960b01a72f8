"""AsyncOAuthClient: the async driver for the token endpoint (exchange a code, refresh a token).

The async twin is the source: generator/unasync.py writes the sync one from it.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import TracebackType
from typing import Self

import httpx

from patreon_auth._oauth_core import (
    _FORM_HEADERS,
    _NO_AUTH,
    MAX_TOKEN_RESPONSE_BYTES,
    TokenRequest,
    _connection_error,
    _OAuthClientBase,
    _unreadable_answer,
    log_refresh_failed,
    log_refreshed,
)
from patreon_auth.errors import APIConnectionError, OAuthError, PatreonError
from patreon_auth.token import Token
from patreon_runtime import body_limit
from patreon_runtime.errors import ResponseValidationError
from patreon_runtime.rate_limit import AsyncRateLimiter
from patreon_runtime.rate_limited_auth import limit_async
from patreon_runtime.sender import DEFAULT_BASE_URL, DEFAULT_TIMEOUT


class AsyncOAuthClient(_OAuthClientBase):
    """Driver for the token endpoint: exchange a code, refresh a token."""

    def __init__(
        self,
        *,
        client_id: str,
        client_secret: str,
        base_url: str = DEFAULT_BASE_URL,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        headers: Mapping[str, str] | None = None,
        rate_limiter: AsyncRateLimiter | None = None,
    ) -> None:
        super().__init__(client_id=client_id, client_secret=client_secret, base_url=base_url)
        self._owns_client = http_client is None
        self._http = http_client or httpx.AsyncClient(transport=transport, timeout=timeout, headers=headers)
        # Token calls spend the client id's budget and their 4xx count toward the edge budget:
        # failed refreshes are what got clients blocked before ([WP] PR #181).
        custom = transport is not None or http_client is not None
        self._auth = (
            limit_async(None, rate_limiter, client_id=client_id, base_url=base_url, custom_transport=custom)
            or _NO_AUTH
        )

    async def exchange_code(self, code: str, *, redirect_uri: str) -> Token:
        """Trade a callback's single-use code for a token."""
        return await self._send(self._code_exchange(code, redirect_uri))

    async def refresh(self, token_or_refresh_token: Token | str) -> Token:
        """A new token for a (single-use) refresh token; store the result before using it."""
        try:
            token = await self._send(self._refresh_request(token_or_refresh_token))
        except PatreonError as exc:
            log_refresh_failed(exc)
            raise
        log_refreshed(token)
        return token

    async def _send(self, request: TokenRequest) -> Token:
        failure: OAuthError | APIConnectionError | None = None
        try:
            sent = self._http.build_request("POST", self.token_url, data=request.form, headers=_FORM_HEADERS)
            response = await self._http.send(sent, auth=self._auth, stream=True)
            # A token answer is a few hundred bytes: one that decodes to more is refused while it
            # is read, never inflated into memory (patreon_runtime.body_limit).
            await body_limit.aread(response, MAX_TOKEN_RESPONSE_BYTES)
        except httpx.RequestError as exc:
            failure = _connection_error(exc, request)
        except ResponseValidationError as exc:
            failure = _unreadable_answer(exc, request)
        if failure is not None:
            raise failure  # outside `except`: no __context__ holding the form body
        return self._parse(response, request)

    async def aclose(self) -> None:
        if self._owns_client:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()


__all__ = ["AsyncOAuthClient"]
