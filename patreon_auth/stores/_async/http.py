"""AsyncHTTPStore: the token on an external HTTP server (GET to read, conditional PUT to write).

The async twin is the source: generator/unasync.py writes the sync one from it. See
patreon_auth/stores/http.py for the server contract.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Hashable, Mapping
from pathlib import Path
from typing import Any, Self

import httpx

from patreon_auth.errors import TokenStoreError
from patreon_auth.stores._async.backed import AsyncBackedStore
from patreon_auth.stores._backed import Snapshot, encode_token, shared_async_lock
from patreon_auth.stores._http_core import (
    _JSON_HEADERS,
    DEFAULT_TIMEOUT,
    MAX_RESPONSE_BYTES,
    _check_fresh_read,
    _conditions,
    _masked_headers,
    _put_result,
    _read_response,
    _safe_url,
)
from patreon_auth.stores._rescue import RescueFiles
from patreon_auth.stores.base import StaleTokenError
from patreon_auth.token import Token
from patreon_runtime import body_limit
from patreon_runtime.errors import ResponseTooLargeError, ResponseValidationError


class AsyncHTTPStore(AsyncBackedStore):
    """Reads and writes the token on an external HTTP server; in-process refresh lock per URL."""

    def __init__(
        self,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: float | None = None,
        rescue_path: str | os.PathLike[str] | None = None,
    ) -> None:
        super().__init__(rescue=RescueFiles([Path(rescue_path)]) if rescue_path is not None else None)
        if client is not None and transport is not None:
            raise ValueError("pass client or transport, not both")
        self.url = url
        self._where = f"HTTP token store {_safe_url(url)}"
        self._headers = {**_JSON_HEADERS, **(headers or {})}
        self._user_headers = dict(headers or {})
        self._owns_client = client is None
        self._client = (
            client
            if client is not None
            else httpx.AsyncClient(
                transport=transport, timeout=timeout if timeout is not None else DEFAULT_TIMEOUT
            )
        )
        # A client passed in keeps its own timeout unless one is given here.
        self._timeout = timeout
        # One lock per URL in this process, so two store objects for one token exclude each other.
        self._lock_key: Hashable = ("http", url)

    async def _request(
        self, method: str, body: str | None = None, headers: Mapping[str, str] = {}
    ) -> httpx.Response:
        where = f"HTTP token store {method} {_safe_url(self.url)}"
        refused: str | None = None
        try:
            request = self._client.build_request(
                method,
                self.url,
                content=body,
                headers={**self._headers, **headers},
                timeout=self._timeout if self._timeout is not None else httpx.USE_CLIENT_DEFAULT,
            )
            response = await self._client.send(request, stream=True)
            # A token record is a few hundred bytes: a body that decodes to more is refused while
            # it is read, never inflated into memory (patreon_runtime.body_limit).
            await body_limit.aread(response, MAX_RESPONSE_BYTES)
        except httpx.HTTPError as exc:
            # Connection refused, timeouts, DNS: the server may be back later; the token is kept.
            # ``from None``: the exception's request carries the PUT body, which is the token.
            raise TokenStoreError(f"{where} failed: {type(exc).__name__}") from None
        except ResponseTooLargeError:
            refused = f"{where} answered with a body larger than {MAX_RESPONSE_BYTES} bytes; not read"
        except ResponseValidationError:  # a compressed body that does not decode
            refused = f"{where} answered with a body that could not be decoded"
        if refused is not None:
            raise TokenStoreError(refused)  # outside `except`: nothing of the request rides along
        return response

    async def _read(self) -> Snapshot:
        response = await self._request("GET")
        return _read_response(response, where=f"HTTP token store GET {_safe_url(self.url)}")

    async def _write(self, token: Token, expected: Snapshot) -> Snapshot:
        where = f"HTTP token store PUT {_safe_url(self.url)}"
        if expected.version is None:
            expected = _check_fresh_read(await self._read(), expected, where=where)
        for _ in range(2):
            response = await self._request("PUT", encode_token(token), _conditions(expected))
            written = _put_result(response, token, where=where)
            if written is not None:
                return written
            # 412: the token moved, or the server lost it (If-Match fails on a missing resource).
            current = await self._read()
            if current.token is not None:
                raise StaleTokenError(f"{where}: the server holds a newer token (HTTP 412); not overwritten")
            expected = current
        raise TokenStoreError(f"{where} kept answering HTTP 412 to a write over nothing")

    def _lock(self) -> contextlib.AbstractAsyncContextManager[Any]:
        return shared_async_lock(self._lock_key)

    async def aclose(self) -> None:
        """Close the HTTP client if this store created it."""
        if self._owns_client:
            await self._client.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    def __repr__(self) -> str:
        return f"AsyncHTTPStore(url={_safe_url(self.url)!r}, headers={_masked_headers(self._user_headers)!r})"


__all__ = ["AsyncHTTPStore"]
